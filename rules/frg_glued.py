"""FRG001-FRG004: words glued together, stray letters glued to a word, missing spaces.

When a scraper drops a line break, a link or a sentence end, two words end up as one
token: ``KazakistanHanno`` (a sentence start glued to the last word), ``Putinsecondo`` (a
name glued to the next word), ``PutinR.`` (stray letters from a cut link), or
``Kazakistan.Hanno`` (the space after a full stop lost). Candidates come from one cheap
scan each (a lower-case letter meeting a capital, shared by FRG001 and FRG003; letter,
punctuation, letter; the document's long words); only they are checked against wordfreq in
the paragraph's language, so brand names (``iPhone``, ``YouTube``, ``PlayStation``) and real
compounds, which wordfreq knows as single words, are left alone.

>>> import lint
>>> [f.suggestion for f in lint.check_text(GluedWords(), "Sono arrivati in KazakistanHanno aspettato tre giorni.", "it")]
['Kazakistan Hanno']
"""
from __future__ import annotations

from functools import lru_cache
import re

import regex

import lint

from . import _frg_common as C

#: characters that may not touch a glued-word candidate: it is then part of an identifier,
#: a handle, a hashtag, a path or a domain name
_NOT_BEFORE = frozenset("_@#/\\.-&+0123456789")
_NOT_AFTER = frozenset("_@#/\\&+0123456789")

#: FRG001 shape: a (Capitalised or lower-case) word of 3+ letters, then a Capitalised word.
_GLUED_SHAPE = regex.compile(r"(\p{Lu}?\p{Ll}{3,}|\p{Lu}\p{Ll}{2,})(\p{Lu}\p{Ll}+)")
#: FRG002 shape: one word of 8+ lower-case letters (optionally Capitalised).
_LONG_SHAPE = regex.compile(r"\p{Lu}?\p{Ll}{7,}")
#: FRG001 shape of a word glued to a one-letter word written as a capital (``ΣαντορίνηΗ
#: κατάσταση``, ``KeszthelyenA vízügyi``): the letter must be a one-letter function word of
#: the language and a lower-case word must follow.
_ONE_CAP_SHAPE = regex.compile(r"(\p{Lu}?\p{Ll}{3,})(\p{Lu})")
_LOWER_NEXT = regex.compile(r" \p{Ll}{2}")
#: FRG003 shape: a word, then one or two capitals.
_STRAY_SHAPE = regex.compile(r"(\p{Lu}?\p{Ll}{3,})(\p{Lu}{1,2})")
#: FRG004 candidates: letter, sentence punctuation, letter.
_PUNCT_JOIN = regex.compile(r"(?<=\p{L})[.!?,;:](?=\p{L})")

_LEFT_SHAPE = regex.compile(r"[\p{Latin}\p{Cyrillic}\p{Greek}\p{M}]*[\p{Ll}--\p{Han}]{2}", regex.V1)
_RIGHT_SENTENCE = regex.compile(r"[\p{Lu}--\p{Han}][\p{Ll}\p{M}]+", regex.V1)
_RIGHT_CLAUSE = regex.compile(r"[\p{Latin}\p{Cyrillic}\p{Greek}][\p{Ll}\p{M}]+")


@lru_cache(maxsize=None)
def _punct_join_pre():
    """A ``re`` pre-scan for :data:`_PUNCT_JOIN`: the mark first (``re`` skips to it at C
    speed), between two characters that may be letters; each hit is confirmed."""
    letter = f"[^{C.not_category('Lu', 'Ll', 'Lt', 'Lm', 'Lo')}]"
    return re.compile(f"[.!?,;:](?<={letter}.)(?={letter})")


def _clean_edges(text, start, end):
    """True when the token ``text[start:end]`` is not glued to identifier characters."""
    if start > 0 and text[start - 1] in _NOT_BEFORE:
        return False
    if end < len(text):
        nxt = text[end]
        if nxt in _NOT_AFTER:
            return False
        if nxt == "." and end + 1 < len(text) and text[end + 1].isalpha():
            return False
    return True


#: Capitals that follow a word for good reason (tech suffixes, Roman numerals).
_CAP_SUFFIXES = frozenset("OS DB GL JS AI TV PC ID IQ VR AR HD UI UX ML XL XS II IV VI IX XI TM".split())
#: Top-level domains and file extensions (``Example.Com``, ``Report.Pdf``) and abbreviations
#: that end with a dot and may precede a name without a space in sloppy but undamaged text.
_AFTER_DOT = frozenset(
    "com org net edu gov int mil info biz io co uk us eu de fr it es ru tr cn jp nl pl pt br ch at be se no dk fi "
    "pdf doc docx xls xlsx ppt pptx txt csv html htm xml json jpg jpeg png gif svg mp3 mp4 zip exe js py md".split()
)
_ABBREVIATIONS = frozenset(
    "mrs mme mlle sig sra srta dott dott.ssa ing avv prof dr mr ms jr sr st etc inc ltd corp co vs "
    "gen col sgt capt rev hon sen rep gov pres dept univ approx fig vol nos pp ed eds art cf ca "
    "bzw usw vgl ggf evtl inkl zzgl sog abs nr str".split()
)
#: Italian/Spanish/Portuguese clitic clusters that attach to verbs (``darglielo``).
_CLITICS = regex.compile(
    r"(?:glie|me|te|se|ce|ve|mi|ti|si|ci|vi|gli|lo|la|li|le|ne|nos|os|les|los|las|lhe|lhes)+"
)

#: English words that also build new words as suffixes (``depthwise``, ``catlike``,
#: ``sugarfree``, ``cloudbased``): a new word made with one is not two words glued
_SUFFIX_WORDS = frozenset(
    "wise like less based free fold wide long proof worthy ward wards style sized shaped "
    "related friendly driven centric bound".split()
)


#: per language, long tokens judged innocent, and glued tokens with their split: long words
#: recur, so each is judged once per process (up to a bound: memory stays flat on a large
#: corpus)
_GOOD: dict = {}
_SPLITS: dict = {}
_GOOD_MAX = 200_000
_SPLITS_MAX = 20_000


def _bound_memos() -> None:
    """Forget the judgements when there are too many (called between documents only: a
    document's long tokens must all stay judged while it is checked)."""
    if sum(map(len, _GOOD.values())) > _GOOD_MAX:
        _GOOD.clear()
    if sum(map(len, _SPLITS.values())) > _SPLITS_MAX:
        _SPLITS.clear()


@lru_cache(maxsize=None)
def _rights(lang: str) -> tuple:
    """``(words, longest)``: the words the right part of a split by
    :meth:`GluedLowercaseWords._split` can be (Zipf 4.5 or more in ``lang``; function words
    only in the languages where ``_split`` wants one), and the length of the longest."""
    common = lint.common_words(lang)
    words = {w for w, z in common.items() if z >= 4.5}
    if lang in C.COMPOUNDING or lang == "pl":
        words &= C.function_words(lang)
    return frozenset(words), max(map(len, words), default=0)


def _intercap(word: str) -> bool:
    return word.lower() in C.word_set("intercap_words.txt")


def _name_prefix(word: str) -> bool:
    return word.lower() in C.word_set("name_prefixes.txt")


def _combining_prefix(word: str) -> bool:
    return word.lower() in C.word_set("combining_prefixes.txt")


def _english_loan(word: str, lang: str) -> bool:
    """True when ``word`` is at least as common in English as in ``lang`` (a non-English
    paragraph quoting an English brand: ``FitnessPoint``, ``Brasoftware``)."""
    return lang != "en" and lint.zipf(word, "en") >= lint.zipf(word, lang) - 0.3


#: FRG001: the least Zipf frequency of the right part of a join with a capital (outside
#: English, which asks for a function word or Zipf 5). Cyrillic and Greek text have few
#: camelCase identifiers or brand names of that shape, so a less frequent word there will
#: do (``КазахстанаПриезжие``: ``приезжие``, newcomers, is 3.0 in Russian; the Ukrainian
#: ``приїжджі`` is 2.4), when the left part is a common word (Zipf 3 or more).
MIN_RIGHT_ZIPF = 3.5
MIN_RIGHT_ZIPF_NONLATIN = 2.0


def _nonlatin(ch: str) -> bool:
    """True for a Greek or Cyrillic letter."""
    return "\u0370" <= ch <= "\u04ff"


def _inflected_brand(left: str, right: str, lang: str) -> bool:
    """True when ``left + right`` is a camel-case brand with an inflection ending of 1-3
    letters (Czech ``TikToku``, ``LinkedInem``; Polish ``YouTubie`` is known whole): the
    brand itself is in the camel-case list or known to wordfreq."""
    if lang == "en":
        return False
    for k in (1, 2, 3):
        if len(right) - k < 3:
            break
        stem = left + right[:-k]
        if _intercap(stem) or C.known(stem, lang) or _intercap(stem + "e") or C.known(stem + "e", lang):
            return True
    return False


class GluedWords(lint.Rule):
    """Two words glued into one token with a capital where the second begins:
    ``KazakistanHanno``, ``ciudadLos``, ``RussiaThe``. A lost space or line break at a
    sentence or link boundary leaves such tokens; a reader stumbles over them and tools see
    one unknown word.

    The token is reported when wordfreq does not know it as a whole (brands such as
    ``YouTube``, ``PlayStation``, ``JavaScript`` or ``LinkedIn`` are known), the first part
    is a word, and the second part, in lower case, is a common word of the paragraph's
    language. Name particles (``McDonald``, ``MacBook``, ``DeSantis``), tokens with digits,
    underscores, ``#`` or ``@``, and acronym plurals (``NGOs``) are left alone.

    >>> import lint
    >>> len(lint.check_text(GluedWords(), "He bought a MacBook and an iPhone on eBay.", "en"))
    0
    """

    code = "FRG001"
    name = "glued-words"
    severity = "warning"
    summary = "two words glued together with a capital at the join (KazakistanHanno)"
    fix_hint = "Put back the space (or sentence break) between the two words."
    fix = "unsafe"
    confidence = 0.8
    languages = tuple(sorted(C.CASED_WORDS))
    matches = (
        lint.Example("Viaggiarono fino al confine con l’ex repubblica sovietica KazakistanHanno aspettato "
                     "in fila per tre giorni.", "it", covers="KazakistanHanno"),
        lint.Example("Llegaron por la noche a la ciudadLos vecinos salieron a recibirlos con comida.", "es",
                     covers="ciudadLos"),
        lint.Example("Thousands of young men have left RussiaThe border queues stretched for miles.", "en",
                     covers="RussiaThe"),
        lint.Example("Ils ont quitté la FranceIls sont partis vers le sud avec leurs enfants.", "fr",
                     covers="FranceIls"),
        lint.Example("Они уехали из РоссииОни не хотят воевать.", "ru", covers="РоссииОни"),
        lint.Example("Об этом рассказали жители ГрузииОчевидцы говорят, что очередь растянулась на километры.",
                     "ru", covers="ГрузииОчевидцы"),
        lint.Example("Vlak dorazil do stanice OlomoucCestující museli hodinu čekat na náhradní autobus.", "cs",
                     covers="OlomoucCestující"),
        lint.Example("A csapat tegnap késő este érkezett DebrecenbeA játékosok nagyon fáradtak voltak.", "hu",
                     covers="DebrecenbeA"),
        lint.Example("Turen gik videre med bus til AalborgDer ventede en varm middag på holdet.", "da",
                     covers="AalborgDer"),
        lint.Example("Fergen kom sent fram til BergenDe fleste passasjerene gikk rett hjem.", "nb", covers="BergenDe"),
        lint.Example("Bus terakhir berangkat dari BandungPara penumpang harus menunggu sampai pagi.", "id",
                     covers="BandungPara"),
        lint.Example("Η συναυλία έγινε χθες το βράδυ στη ΘεσσαλονίκηΟι θεατές έμειναν μέχρι το τέλος.", "el",
                     covers="ΘεσσαλονίκηΟι"),
        lint.Example("Потяг запізнився на дві години до ХарковаПасажири чекали на пероні.", "uk",
                     covers="ХарковаПасажири"),
        lint.Example("Делегацията пристигна вчера във ВарнаГостите бяха посрещнати от кмета.", "bg",
                     covers="ВарнаГостите"),
    )
    no_matches = (
        lint.Example("He watched it on YouTube with his iPhone, then sold it on eBay.", "en"),
        lint.Example("We met at McDonald's and later at McKinsey; DeSantis spoke on LinkedIn.", "en"),
        lint.Example("Her MacBook runs JavaScript fine, and the PlayStation is in the other room.", "en"),
        lint.Example("She has a PhD and two NGOs sent the URLs; iOS updates arrived.", "en"),
        lint.Example("Set the userName and maxValue fields, then call getElementById twice.", "en"),
        lint.Example("Follow #WorldCup and @JohnSmith for news, or read Data_Frame and fileName2.", "en"),
        lint.Example("Alle LehrerInnen und BürgerInnen sind eingeladen.", "de"),
        lint.Example("Leonardo DiCaprio e Fiorello LaGuardia erano a New York.", "it"),
        lint.Example("Video na TikToku a rozhovor na LinkedInu sledovalo víc lidí než loni, uvedla firma.", "cs"),
        lint.Example("Η ΔΕΗ και ο ΟΤΕ ανακοίνωσαν νέα τιμολόγια για το iPhone και το YouTube.", "el"),
        lint.Example("Він написав про це у Facebook і на YouTube, а потім у TikTok.", "uk"),
    )

    def check(self, doc):
        text = doc.text
        seen = -1
        for i in C.lower_upper_joins(doc):
            if i < seen:
                continue
            start, end = C.token_around(text, i, i + 1)
            seen = end
            m = _GLUED_SHAPE.fullmatch(text, start, end)
            if m is None:
                one = self._one_letter(doc, text, start, end)
                if one is not None:
                    yield one
                continue
            if not _clean_edges(text, start, end):
                continue
            left, right = m.group(1), m.group(2)
            lang = doc.lang_at(start)
            if lang not in self.languages:
                continue
            whole = left + right
            if _intercap(whole) or _name_prefix(left) or _combining_prefix(left) or C.known(whole, lang):
                continue
            if _inflected_brand(left, right, lang):
                continue  # TikToku, LinkedInem: a brand with a case ending
            rl = right.lower()
            if rl in ("innen", "in"):
                continue  # German gender-inclusive Binnen-I: LehrerInnen
            if len(rl) < 3 and rl not in C.function_words(lang):
                continue
            if _english_loan(rl, lang):
                continue
            if not C.known(left, lang, 2.0):
                continue
            rz = lint.zipf(rl, lang)
            if left[0].islower():
                # camelCase shape: identifiers look like this; demand a function word after
                if rl not in C.function_words(lang) and rz < 6.0:
                    continue
            elif lang == "en":
                if rl not in C.function_words(lang) and rz < 5.0:
                    continue
            elif rz < (MIN_RIGHT_ZIPF_NONLATIN if _nonlatin(right[0]) and C.known(left, lang, 3.0) else MIN_RIGHT_ZIPF):
                continue
            yield self.finding(doc, start, end, f"words glued together: '{left}' + '{right}'",
                               suggestion=f"{left} {right}")

    def _one_letter(self, doc, text, start, end):
        """The finding for a word glued to a one-letter function word written as a capital
        (a sentence start: ``ΣαντορίνηΗ κατάσταση``, ``KeszthelyenA vízügyi``), or None."""
        m = _ONE_CAP_SHAPE.fullmatch(text, start, end)
        if m is None or _LOWER_NEXT.match(text, end) is None or (start > 0 and text[start - 1] in _NOT_BEFORE):
            return None
        left, cap = m.group(1), m.group(2)
        lang = doc.lang_at(start)
        if lang not in self.languages or cap.lower() not in C.function_words(lang):
            return None
        if cap in _CAP_SUFFIXES or _intercap(left + cap) or _name_prefix(left) or C.known(left + cap, lang):
            return None
        if not C.known(left, lang, 3.0):
            return None
        return self.finding(doc, start, end, f"words glued together: '{left}' + '{cap}'", suggestion=f"{left} {cap}")


class GluedLowercaseWords(lint.Rule):
    """A word glued to the next one with no capital at the join: ``Putinsecondo`` =
    ``Putin`` + ``secondo``. Scrapers and link splicers drop the space between a name or
    word and the following one; the result is a token no dictionary knows.

    Only long tokens (8+ letters) that wordfreq does not know at all are examined; a split
    is reported when the first part is a known word and the second part a frequent word
    (4+ letters) of the paragraph's language. Clitic pronouns attached to verbs
    (``darglielo``, ``dímelo``) are not splits. In compounding and agglutinating languages
    (German, Dutch, Swedish, Turkish...) only a glued function word counts
    (``Regierungsondern``), since new compounds are normal there.

    >>> import lint
    >>> [f.suggestion for f in lint.check_text(GluedLowercaseWords(), "Lo ha detto Putinsecondo il governo.", "it")]
    ['Putin secondo']
    """

    code = "FRG002"
    name = "glued-lowercase-words"
    severity = "warning"
    summary = "two words glued together with no space (Putinsecondo)"
    fix_hint = "Put back the space between the two words."
    fix = "unsafe"
    confidence = 0.45
    languages = tuple(sorted(C.CASED_WORDS))
    matches = (
        lint.Example("L’annuncio di Putinsecondo il governo kazako ha spinto molti a partire.", "it",
                     covers="Putinsecondo"),
        lint.Example("Every time Putinsaid the word, the crowd cheered and waved flags.", "en",
                     covers="Putinsaid"),
        lint.Example("El anuncio de Putinsegún el gobierno provocó la salida de miles de hombres.", "es",
                     covers="Putinsegún"),
        lint.Example("Le discours de Macronpendant la crise a été très commenté.", "fr", covers="Macronpendant"),
    )
    no_matches = (
        lint.Example("Vorrei dargli una mano e portarglielo domani.", "it"),
        lint.Example("Dímelo mañana, por favor, y dáselo a tu hermano.", "es"),
        lint.Example("Die Bundesregierung plant eine Verkehrswegeplanung für Straßenbahnhaltestellen.", "de"),
        lint.Example("Evlerimizdekilerden haberdar olmadılar.", "tr"),
        lint.Example("The counterattack was unexpected, and nevertheless successful.", "en"),
        lint.Example("Rapat antarkementerian membahas prasejarah dan masa pascapandemi.", "id"),
        lint.Example("We use a depthwise convolution in the network, and the cat has a catlike grace.", "en"),
    )

    def check(self, doc):
        langs = [lang for lang in doc.languages if lang in self.languages]
        if not langs:
            return
        # judge the document's distinct long words at once, in each language present: after
        # a few documents nearly all of them are known innocent and a set difference skips
        # them; a document with no glued word stops here
        _bound_memos()  # between documents: a document's judgements stay whole while it is checked
        longs = {w for w in doc.word_set if 8 <= len(w) <= 40}
        if not any([self._judge(longs, lang) for lang in langs]):  # a list: judge in every language
            return
        text = doc.text
        single = len(doc.languages) <= 1
        for start, end, token in doc.words:
            if token not in longs:
                continue
            lang = doc.lang if single else doc.lang_at(start)
            split = _SPLITS.get(lang, {}).get(token)  # every long token was judged in every language
            if not split or not _clean_edges(text, start, end) or (end < len(text) and text[end] in "'’-"):
                continue
            left, right = split
            yield self.finding(doc, start, end, f"words glued together: '{left}' + '{right}'",
                               suggestion=f"{left} {right}")

    def _judge(self, longs: set, lang: str) -> bool:
        """Judge the long tokens not judged yet in ``lang`` (cached per process: innocent
        ones in ``_GOOD``, splits in ``_SPLITS``); True when one of them is a glued token."""
        good, bad = _GOOD.setdefault(lang, set()), _SPLITS.setdefault(lang, {})
        found = False
        new = longs - good
        if not new:
            return False
        # a word of the language's (or English) Zipf >= 3 list is known: innocent at once
        # (the answer of the full test below, which most new long tokens never reach);
        # lower-case ones are looked up all together (set operations in C)
        common = lint.common_words(lang)
        common_en = lint.common_words("en") if lang != "en" else common
        known = common.keys() & new  # (a dict view and a set: the smaller one is walked)
        if common_en is not common:
            known |= common_en.keys() & new
        if known:
            good.update(known)
            new -= known
        # a split's right part is a frequent word (see _split): a token none of whose
        # suffixes _split tries is one is innocent at once (most new tokens)
        rights, longest = _rights(lang) if lang in self.languages else (frozenset(), 0)
        for token in new:
            if token in bad:
                found = True
                continue
            low = token.lower()
            if low in common or low in common_en:
                good.add(token)
                continue
            end = len(token) - 3
            for i in range(max(4 if token[0].isupper() else 5, len(low) - longest), end):
                if low[i:] in rights:
                    break
            else:
                good.add(token)
                continue
            split = self._candidate(token, lang)
            if split:
                bad[token] = split
                found = True
            else:
                good.add(token)
        return found

    def _candidate(self, token: str, lang: str):
        """The split of an unknown long token into two words, or False."""
        if lang not in self.languages or _LONG_SHAPE.fullmatch(token) is None:
            return False
        split = self._split(token, lang)  # first: it needs only the small word lists
        if not split:
            return False
        if lint.zipf(token, lang) > 0 or (lang != "en" and lint.zipf(token, "en") > 0) or _intercap(token):
            return False
        return split

    @staticmethod
    def _split(token: str, lang: str):
        strict = lang in C.COMPOUNDING or lang == "pl"
        capitalised = token[0].isupper()
        low = token.lower()
        functions = C.function_words(lang)
        # thresholds of Zipf 3.5 and more: wordfreq's small list answers them exactly, and
        # its words at Zipf 3 and more (a dict shared with other rules) answer them too
        common = lint.common_words(lang)
        best = None
        for i in range(4 if capitalised else 5, len(token) - 3):
            right = low[i:]
            function = right in functions
            if strict and not function:
                continue
            rz = common.get(right, 0.0)
            if rz < 4.5 or (capitalised and not function and rz < 5.5):
                continue
            if _CLITICS.fullmatch(right) or right in _SUFFIX_WORDS or _english_loan(right, lang):
                continue
            left = token[:i]
            lz = common.get(left.lower(), 0.0)
            if lz < 3.5 or _combining_prefix(left):
                continue
            score = min(lz, rz)
            if best is None or score > best[0]:
                best = (score, left, token[i:])
        return None if best is None else (best[1], best[2])


class StrayCapital(lint.Rule):
    """One or two capital letters glued to the end of a word before punctuation:
    ``PutinR.``, ``governoA,``. They are the remains of a cut link, initial or footnote
    marker. Initials (``J.R.R.``), acronyms, units and brand names (``iOS``, ``MongoDB``,
    ``McD.``) are not reported.

    >>> import lint
    >>> [f.text for f in lint.check_text(StrayCapital(), "Il progetto di PutinR., in lacrime.", "it")]
    ['PutinR']
    """

    code = "FRG003"
    name = "stray-capital"
    severity = "warning"
    summary = "stray capital letters glued to a word (PutinR.)"
    fix_hint = "Remove the stray letters (or restore the words they were cut from)."
    fix = "unsafe"
    confidence = 0.7
    languages = tuple(sorted(C.CASED_WORDS))
    matches = (
        lint.Example("Dopo pochi giorni il progetto di PutinR., in lacrime ha salutato sua nonna.", "it",
                     covers="PutinR"),
        lint.Example("La decisione del governoA, secondo le fonti, è arrivata ieri.", "it", covers="governoA"),
        lint.Example("The plan was announced by the governmentR. Nobody expected it.", "en", covers="governmentR"),
        lint.Example("La decisión del gobiernoA, según fuentes oficiales, llegó ayer.", "es", covers="gobiernoA"),
        lint.Example("Głos zabrała radna Dorota KwiatkowskaM., która przygotowała projekt.", "pl",
                     covers="KwiatkowskaM"),
        lint.Example("Директор школы Марат ГарифуллинЗ. рассказал о ремонте.", "ru", covers="ГарифуллинЗ"),
        lint.Example("« Le chantier avance », assure Pierre DurandE., adjoint au maire.", "fr",
                     covers="DurandE"),
        lint.Example("Ředitel školy Tomáš NovotnýK., který vede školu deset let, oznámil změny.", "cs",
                     covers="NovotnýK"),
        lint.Example("Az igazgató, Nagy ÁgnesT., elmondta, hogy jövőre bővítik az iskolát.", "hu", covers="ÁgnesT"),
        lint.Example("Ο δήμαρχος Γιάννης ΠαπαδάκηςΛ., μιλώντας στους δημοσιογράφους, είπε ότι θα γίνει.", "el",
                     covers="ΠαπαδάκηςΛ"),
        lint.Example("Директор ліцею Андрій ШевчукО., за його словами, планує ремонт.", "uk", covers="ШевчукО"),
    )
    no_matches = (
        lint.Example("J.R.R. Tolkien wrote it; the U.S. and the U.K. agreed.", "en"),
        lint.Example("Install it on iOS, store it in MongoDB, and meet at McD. later.", "en"),
        lint.Example("The engine gives 300 kW. It runs at 5 GHz, like the PowerPC.", "en"),
        lint.Example("Er kam mit dem ICE. Die GmbH zahlt.", "de"),
        lint.Example("King Henry VIII, Louis XIV.", "en"),
        lint.Example("The studio ported the game from Microsoft DirectX. Elon Musk founded SpaceX.", "en"),
        lint.Example("Anna Kowalska, Jan Nowak i Piotr Wiśniewski przyszli.", "pl"),
        lint.Example("Firma ČEZ a.s. a banka ČSOB zvýšily zisk, uvedla ČTK.", "cs"),
    )

    def check(self, doc):
        text = doc.text
        seen = -1
        for i in C.lower_upper_joins(doc):
            if i < seen:
                continue
            start, end = C.token_around(text, i, i + 1)
            seen = end
            if end >= len(text) or text[end] not in ".,;:!?" or (end + 1 < len(text) and text[end + 1].isalnum()):
                continue
            m = _STRAY_SHAPE.fullmatch(text, start, end)
            if m is None or (start > 0 and text[start - 1] in _NOT_BEFORE):
                continue
            left, caps = m.group(1), m.group(2)
            lang = doc.lang_at(start)
            if lang not in self.languages:
                continue
            if caps in _CAP_SUFFIXES or _name_prefix(left):
                continue
            whole = left + caps
            if _intercap(whole):
                continue
            if self._after_given_name(text, start, left, caps, lang):
                pass  # a surname with an initial glued on: Ilsur MetshinV., Anna KowalskaB.
            elif C.known(whole, lang) or not C.known(left, lang, 3.0):
                continue
            yield self.finding(doc, start, end, f"stray capital(s) '{caps}' glued to '{left}'",
                               suggestion=left)


    @staticmethod
    def _after_given_name(text, start, left, caps, lang):
        """True for a capitalised word with one capital glued on, right after a given name
        (a name of the first-names lexicon, or a capitalised word rarer than Zipf 4), when
        the whole token is rare (Zipf < 2: a rare surname, not a brand like DirectX). The
        surname itself may be unknown (rare surnames are)."""
        if len(caps) != 1 or not left[0].isupper() or len(left) < 4:
            return False
        m = _GIVEN_NAME.search(text, max(0, start - 30), start)
        if m is None:
            return False
        name = m.group(1)
        low = name.lower()
        if low in C.function_words(lang) or not (low in C.first_names() or not C.known(name, lang, 4.0)):
            return False
        whole = (left + caps).lower()
        return lint.zipf(whole, lang) < 2.0 and lint.zipf(whole, "en") < 2.0


#: a capitalised word (a given name) and one space, before a token
_GIVEN_NAME = regex.compile(r"(?<![\p{L}\p{M}\p{N}.'’\-])(\p{Lu}\p{Ll}+)[ \u00a0]$")


class MissingSpaceAfterPunctuation(lint.Rule):
    """No space after a full stop, comma, semicolon, colon, question or exclamation mark
    between two words: ``Kazakistan.Hanno``, ``fine,ma``. Text extraction that drops line
    breaks or markup joins sentences this way.

    Abbreviations (``e.g.``, ``U.S.``), initials, decimals and times (``10.30``), version
    numbers, file and domain names (``report.pdf``, ``example.com``), identifiers and
    German gender colons (``Lehrer:innen``) are not reported. A missing space after a comma,
    semicolon or colon is also a common typing slip, so it is reported as info only.

    >>> import lint
    >>> [f.suggestion for f in lint.check_text(MissingSpaceAfterPunctuation(), "Andò in Kazakistan.Hanno aspettato.", "it")]
    ['Kazakistan. Hanno']
    """

    code = "FRG004"
    name = "missing-space-after-punctuation"
    severity = "warning"
    summary = "no space after punctuation between two words (Kazakistan.Hanno)"
    fix_hint = "Insert a space after the punctuation mark."
    fix = "safe"
    confidence = 0.45
    languages = ("en", "it", "es", "fr", "de", "pt", "ru", "tr", "nl", "pl", "sv", "ro")
    matches = (
        lint.Example("Sono arrivati in Kazakistan.Hanno aspettato tre giorni.", "it", covers="Kazakistan.Hanno"),
        lint.Example("Era la fine,ma nessuno lo sapeva.", "it", covers="fine,ma"),
        lint.Example("They crossed the border.Nobody stopped them at all.", "en", covers="border.Nobody"),
        lint.Example("Llegaron a la frontera.Nadie los detuvo.", "es", covers="frontera.Nadie"),
        lint.Example("Sie kamen spät an,aber niemand wartete.", "de", covers="an,aber"),
    )
    no_matches = (
        lint.Example("We met e.g. in the U.S. and i.e. at 10.30 with version 2.4.1 of the tool.", "en"),
        lint.Example("Send report.pdf to example.com or see index.html and Node.js docs.", "en"),
        lint.Example("Alle Lehrer:innen kamen um 10:30 Uhr.", "de"),
        lint.Example("J.R.R. Tolkien, Ph.D. and Mr.Smith met St.John.", "en"),
        lint.Example("Call Console.WriteLine() or Math.Max(a, b) here.", "en"),
        lint.Example("他说,我们走吧。", "zh"),
    )

    def check(self, doc):
        text = doc.text
        confirm = _PUNCT_JOIN.match
        for pm in _punct_join_pre().finditer(text):
            k = pm.start()
            if not confirm(text, k):
                continue
            punct = pm.group()
            start, _ = C.token_around(text, k, k)
            _, end = C.token_around(text, k + 1, k + 1)
            left, right = text[start:k], text[k + 1:end]
            if not _LEFT_SHAPE.fullmatch(left):
                continue
            if not (_RIGHT_SENTENCE if punct in ".!?" else _RIGHT_CLAUSE).fullmatch(right):
                continue
            if not _clean_edges(text, start, end) or (end < len(text) and text[end] == "("):
                continue
            lang = doc.lang_at(start)
            if lang not in self.languages:
                continue
            ll, rl = left.lower(), right.lower()
            if ll in _ABBREVIATIONS or rl in _ABBREVIATIONS:
                continue
            if punct == "." and rl in _AFTER_DOT:
                continue
            if punct == ":" and rl.startswith("in"):
                continue  # German gender colon: Lehrer:innen
            if punct in ",;:" and (rl in _AFTER_DOT or ll in _AFTER_DOT):
                continue
            if not (C.known(left, lang) and C.known(right, lang)):
                continue
            # a lost sentence break ("Kazakistan.Hanno") is a damage signal; a comma without a
            # space is also a common typing slip, so it is only reported as info
            sentence = punct in ".!?"
            yield self.finding(doc, start, end, f"no space after '{punct}' between '{left}' and '{right}'",
                               suggestion=f"{left}{punct} {right}",
                               severity=None if sentence else "info",
                               confidence=None if sentence else 0.3)
