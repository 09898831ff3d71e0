"""FRG010 doubled-word: a function word written twice, or two articles in a row.

Spinners and splicers leave ``the the``, ``il il``, ``into the a giant``, ``in the a keen``
and ``However, however``. Only function words (articles, prepositions, conjunctions,
pronouns, auxiliaries) and sentence connectors are checked, so reduplication that languages
use on purpose (``piano piano``, ``yavaş yavaş``, ``bye bye``, ``看看``) is never reported,
nor are the grammatical repeats listed per language (``that that``, ``had had``, French
``nous nous``, German ``die die``).

>>> import lint
>>> [f.suggestion for f in lint.check_text(DoubledWord(), "He put it into the a giant backpack.", "en")]
['a']
"""
from __future__ import annotations

from functools import lru_cache

import re

import regex

import lint

from . import _frg_common as C

#: a word character for ``re``, or a combining mark that words of Indic scripts (Hindi
#: ``के``, ``ने``) and pointed Arabic carry, which ``re`` does not call ``\w``; the Devanagari
#: danda (``।``) is punctuation
_W = r"[\w\u0300-\u036f\u0483-\u0489\u064b-\u065f\u0670\u0900-\u0963\u0966-\u0dff]"
#: a word repeated, with spaces, a line break or a comma between (one C-speed scan with the
#: standard library's engine; the checks run only on the rare hits)
_REPEAT = re.compile(rf"(?<!{_W})({_W}++)(,?\s+)(\1)(?!{_W})", re.IGNORECASE)
#: languages whose words carry combining marks that ``re`` does not call ``\w``: the
#: pre-check of :meth:`DoubledWord._to_scan` (``\w`` only) cannot see their repeats
_MARK_LANGS = frozenset(("hi",))
_NEXT = regex.compile(r"[ \t]+([\p{L}\p{M}]+)")
_CJK_LANGS = frozenset(("zh", "ja", "ko"))
#: languages whose one-letter words are prepositions, conjunctions or articles (Russian
#: "в в", Polish "w w", Czech "v v", Ukrainian "у у", Hungarian "a a", Danish "i i", Greek
#: "η η"); elsewhere a one-letter word is often a letter or a label ("type a a")
_ONE_LETTER_WORDS = frozenset(("ru", "pl", "cs", "uk", "bg", "mk", "hu", "da", "nb", "el"))
#: what may stand before a sentence start: a capitalised first word of a repeat (``The the``)
#: is reported only there (Danish ``Kommer I i morgen?``: ``I`` is "you")
_SENTENCE_BEFORE = frozenset(".!?…:;\"“”„«»()[]-–—\n")

#: article pairs that are grammatical: "dare il la" (give the A note), "à la une" (on the
#: front page), "un des meilleurs" (one of the best), Portuguese "a um" (preposition a + um)
_PAIR_OK = {
    "it": {("il", "la")},
    "es": {("el", "la"), ("la", "una")},  # "a la una": at one o'clock
    "fr": {("le", "la"), ("la", "une"), ("un", "des"), ("une", "des"), ("un", "du"), ("une", "du")},
    "pt": {("a", "um"), ("a", "uma"), ("a", "uns"), ("a", "umas"), ("as", "um"), ("as", "uma"), ("a", "o"),
           ("a", "os"), ("a", "a"), ("a", "as")},
}
#: first words of a pair that are often not articles: Portuguese "um"/"uma" as the pronoun
#: or numeral "one" ("cada um o fez", "enviou uma a Manuel")
_PAIR_FIRST_NOT = {"pt": {"um", "uma", "uns", "umas"}}
#: languages whose article pairs are grammatical too often to report (German "der die",
#: "die eine"; Dutch "de een of andere", "het een en ander"; Swedish "det en", "den ena")
_NO_PAIRS = frozenset(("de", "nl", "sv"))
#: Latin phrases with "a" after an English article: "the a cappella group"
_EN_A_PHRASES = frozenset("cappella capella priori posteriori fortiori la propos".split())


@lru_cache(maxsize=None)
def _repeat_words() -> frozenset:
    """The words a repeat can be reported for: the function words and connectors of the
    rule's languages (lower case)."""
    words = set()
    for lang in DoubledWord.languages:
        words |= C.function_words(lang) | C.lang_table("connectors.tsv").get(lang, frozenset())
    return frozenset(words)


def _adjacent_scan(langs: frozenset, bmp: bool = False):
    """:func:`_adjacent_scan_of` for the languages of ``langs`` that have article pairs (so
    texts in other languages add no patterns to compile)."""
    return _adjacent_scan_of(tuple(sorted(lang for lang in langs if _pair_pattern(lang) is not None)), bmp)


@lru_cache(maxsize=64)
def _adjacent_scan_of(langs: tuple, bmp: bool = False):
    """The pre-check of the whole rule for a text in ``langs``: one ``re`` scan of the
    lower-cased text for a word repeated (:data:`_REPEAT`, case-sensitive: a
    case-insensitive back-reference is slow; group 1) or two articles of those languages
    in a row (groups 2 and 3, in a look-ahead: that match takes only the character before
    them), each after a character that is not a word character for ``re`` or ``regex`` (a
    bitmap class first: the engine skips the letters of the words at C speed); and the
    same at the start of the text. Returns ``(after_boundary, at_start, pair_langs)``.
    ``bmp``: for a text all in the Basic Multilingual Plane, with ``\\w`` as the bitmap
    of :func:`_frg_common.re_word_chars` (the same characters there, ~20% faster)."""
    firsts, seconds, pair_langs = set(), set(), []
    for lang in langs:
        if _pair_pattern(lang) is not None:
            f, arts = _pair_firsts(lang)
            firsts |= f
            seconds |= arts
            pair_langs.append(lang)
    rep = r"(\w++),?\s++\1(?!\w)"
    if bmp:
        w = C.re_word_chars()
        rep = f"([{w}]++),?\\s++\\1(?!\\w)"
    if firsts:
        alt = lambda ws: "|".join(map(re.escape, sorted(ws, key=len, reverse=True)))  # noqa: E731
        pair = rf"({alt(firsts)})[ \t]++({alt(seconds)})[ \t]"
        after, start = rf"(?:{rep}|(?={pair}))", rf"(?:{rep}|{pair})"
    else:
        after = start = rep
    return re.compile(f"[^{C.word_chars()}]" + after), re.compile(start), tuple(pair_langs)


@lru_cache(maxsize=None)
def _pair_firsts(lang):
    """The lower-cased spellings of a first article of ``lang`` (a capital first letter
    allowed, as in :func:`_pair_pattern`), and its articles."""
    arts = C.function_words(lang, ("art",))
    return frozenset(c.lower() + a[1:] for a in arts for c in a[0].upper() + a[0]), arts


@lru_cache(maxsize=None)
def _pair_pattern(lang):
    arts = C.function_words(lang, ("art",))
    if not arts or lang in _NO_PAIRS:
        return None
    arts = sorted(arts, key=len, reverse=True)
    first = "|".join(f"[{a[0].upper()}{a[0]}]{regex.escape(a[1:])}" for a in arts)
    second = "|".join(map(regex.escape, arts))
    return regex.compile(rf"\b({first})[ \t]+({second})(?=[ \t]+[\p{{L}}\p{{M}}])")


class DoubledWord(lint.Rule):
    """A function word written twice (``the the``, ``il il``), two different articles in a
    row (``into the a giant``, ``in the a keen``, ``il la``, ``el la``), or a sentence
    connector repeated across a comma (``However, however``). Spinners and splicers leave
    these when they replace or insert words.

    Not reported: grammatical repeats (``that that``, ``had had``, ``gave her her``, French
    ``nous nous``/``vous vous``, German relative ``die die``/``das das``, Czech ``se se``,
    Danish ``det det``, Greek clitics ``η μάνα μου μου είπε``; a capitalised first word only
    at a sentence start: Danish ``Kommer I i morgen?``), particles before a
    name (``de de Gaulle``), intensifying repeats (``very very``, ``muy muy``), reduplication
    (``piano piano``, ``yavaş yavaş``, ``σιγά σιγά``, ``धीरे धीरे``, Chinese and Japanese;
    Hindi words with vowel signs are matched whole), and idioms made of two
    articles (French ``donner le la``, ``à la une``, ``un des``). A function word written
    twice (``the the``) is as often a typing slip as damage, so it is reported as info; two
    different articles in a row and a doubled connector are warnings.

    >>> import lint
    >>> len(lint.check_text(DoubledWord(), "I know that that is true, and he had had enough.", "en"))
    0
    """

    code = "FRG010"
    name = "doubled-word"
    severity = "warning"
    summary = "doubled word or two articles in a row (the the, into the a)"
    fix_hint = "Drop one of the two words."
    fix = "unsafe"
    confidence = 0.7
    languages = ("en", "it", "es", "fr", "de", "pt", "ru", "tr", "nl", "pl", "sv", "cs", "hu", "da", "nb", "id",
                 "ro", "uk", "bg", "mk", "el", "ar", "hi")
    matches = (
        lint.Example("A man arrived with his belongings stuffed into the a giant backpack.", "en",
                     covers="the a"),
        lint.Example("He was drinking coffee in the a keen Almaty park.", "en", covers="the a"),
        lint.Example("Ha detto che il il governo non cambierà idea.", "it", covers="il il"),
        lint.Example("Llegó con la el mochila llena de ropa.", "es", covers="la el"),
        lint.Example("However, however never leave Russia for good.", "en", covers="However, however"),
        lint.Example("Er sagte, dass mit mit dem Zug alles gut ging.", "de", covers="mit mit"),
        lint.Example("Il est arrivé avec une la valise pleine.", "fr", covers="une la"),
        lint.Example("Hon flyttade till till Uppsala förra året.", "sv", covers="till till"),
        lint.Example("Wczoraj burmistrz spotkał się się z mieszkańcami osiedla.", "pl", covers="się się"),
        lint.Example("Het museum blijft volgens volgens de directeur open.", "nl", covers="volgens volgens"),
        lint.Example("Starosta řekl, že na na náměstí vyroste nová kašna.", "cs", covers="na na"),
        lint.Example("A polgármester szerint a a főtéren új szökőkút épül.", "hu", covers="a a"),
        lint.Example("Borgmesteren siger, at der kommer et springvand i i midten af torvet.", "da", covers="i i"),
        lint.Example("Ordføreren sier at fontenen skal stå for for rådhuset.", "nb", covers="for for"),
        lint.Example("Мер сказав, що у у центрі міста з'явиться новий фонтан.", "uk", covers="у у"),
        lint.Example("Кметът каза, че фонтанът ще бъде построен на на площада.", "bg", covers="на на"),
        lint.Example("Ο δήμαρχος είπε ότι τα τα έργα στην πλατεία θα τελειώσουν.", "el", covers="τα τα"),
        lint.Example("Wali kota mengatakan air mancur baru dibangun di di tengah alun-alun.", "id", covers="di di"),
        lint.Example("Primarul a spus că fântâna nouă va fi construită în în centrul pieței.", "ro", covers="în în"),
        lint.Example("قال رئيس البلدية إن النافورة الجديدة ستبنى في في وسط الساحة.", "ar", covers="في في"),
        lint.Example("महापौर ने कहा कि शहर के के बीच में नया फव्वारा बनेगा।", "hi", covers="के के"),
    )
    no_matches = (
        lint.Example("I know that that is true, and he had had enough; what it is is a mess.", "en"),
        lint.Example("Very very slowly, bye bye; she gave her her book back.", "en"),
        lint.Example("Andiamo piano piano, pian piano.", "it"),
        lint.Example("Yavaş yavaş yürüdük ve çok çok güzeldi.", "tr"),
        lint.Example("Nous nous sommes levés, vous vous êtes assis.", "fr"),
        lint.Example("Die Frau, die die Zeitung liest, weiß, dass sie sie kennt.", "de"),
        lint.Example("Les mémoires de de Gaulle donnent le la ; il est à la une, un des meilleurs.", "fr"),
        lint.Example("我们看看吧，谢谢谢谢。", "zh"),
        lint.Example("They sang in the a cappella group.", "en"),
        lint.Example("Chegou a um acordo com a o grupo.", "pt"),
        lint.Example("Mi hermano come mucho; yo como como un pajarito y no para para descansar.", "es"),
        lint.Example("Depois do jogo eu como como um leão.", "pt"),
        lint.Example("Det det handlar om är pengar, och den som som barn flyttade vet var var hon bor.", "sv"),
        lint.Example("Heb je je jas? Als ze ze zien, zijn zijn ouders blij.", "nl"),
        lint.Example("To to jest mój dom, a dała jej jej książkę.", "pl"),
        lint.Example("Starosta se se zástupci firmy setkal v pondělí a dohodli se na termínu.", "cs"),
        lint.Example("Kommer I i morgen? Det det handler om, er penge.", "da"),
        lint.Example("Det det gjelder, er hvem som som barn bodde der.", "nb"),
        lint.Example("Η μάνα μου μου είπε να περπατάω σιγά σιγά, και ο πατέρας του του έδωσε το κλειδί.", "el"),
        lint.Example("वह धीरे धीरे चलता है और बार बार रुकता है।", "hi"),
        lint.Example("تقدم الفريق رويداً رويداً نحو اللقب.", "ar"),
        lint.Example("Az az ember, aki tegnap itt volt, egy egy almát adott mindenkinek.", "hu"),
        lint.Example("Anak-anak bermain di taman, kata-kata mereka terdengar keras.", "id"),
        lint.Example("Він знав, що що б не сталося, вона прийде.", "uk"),
    )

    def check(self, doc):
        text = doc.text
        repeats, pair_langs = self._to_scan(doc, text)
        if repeats:
            yield from self._repeats(doc, text)
        for lang in doc.languages:
            if lang in self.languages and lang in pair_langs:
                yield from self._pairs(doc, lang)

    def _to_scan(self, doc, text):
        """``(repeats, pair_langs)``: whether :meth:`_repeats` can report something, and
        the languages in which :meth:`_pairs` can; most texts have neither. One pre-check
        scan (:func:`_adjacent_scan`), exact:

        * a repeat is reported only for a function word or connector; lower-case equality
          is what ``re.IGNORECASE`` compares but for 'İ' (two characters in lower case) and
          'Σ' (lower-cased by context): a text with one takes the full scans;
        * a pair of articles is checked here with what the lower-cased text tells (not
          the same article twice, not an idiom of the language, not after an apostrophe
          or a hyphen), the rest by :meth:`_pairs`;
        * a match hides no other candidate: a repeat of a word that is not reported
          cannot overlap another candidate (articles are function words); a pair takes only
          the character before it; a reported repeat sends the text to every full scan.
        """
        langs = [lang for lang in doc.languages if lang in self.languages]
        every = (True, frozenset(langs))
        low = doc.lowered
        if len(low) != len(text) or "Σ" in text or not _MARK_LANGS.isdisjoint(langs):
            return every
        words = _repeat_words()
        after, at_start, pair_langs = _adjacent_scan(doc.languages, C.bmp_only(low))
        found = set()
        first = at_start.match(low)
        for m in ((first,) if first else ()) + tuple(after.finditer(low)):
            w = m.group(1)
            if w is not None:
                if w in words:
                    return every
                continue
            al, bl, p = m.group(2), m.group(3), m.start(2)
            if al == bl or (p > 0 and low[p - 1] in "'’-"):
                continue
            for lang in pair_langs:
                firsts, arts = _pair_firsts(lang)
                if al in firsts and bl in arts and (al, bl) not in _PAIR_OK.get(lang, ()) \
                        and al not in _PAIR_FIRST_NOT.get(lang, ()):
                    found.add(lang)
        return False, found

    def _repeats(self, doc, text):
        legit_table = C.lang_table("legit_repeats.tsv")
        connectors = C.lang_table("connectors.tsv")
        for m in _REPEAT.finditer(text):
            p = doc.paragraph_at(m.start())
            lang = (p.lang if p else None) or doc.lang
            if lang in _CJK_LANGS or lang not in self.languages:
                continue
            first, sep, second = m.group(1), m.group(2), m.group(3)
            if sep.count("\n") > 1 or (m.start() > 0 and text[m.start() - 1] in "'’-") \
                    or (m.end() < len(text) and text[m.end()] in "'’-"):
                continue  # across a paragraph break, or part of l’il, well-well
            w = second.lower()
            if "," in sep:
                if w in connectors.get(lang, ()) and first[0].isupper():
                    yield self.finding(doc, m.start(), m.end(), f"connector '{w}' repeated", suggestion=first,
                                       confidence=0.5)
                continue
            if (len(w) < 2 and lang not in _ONE_LETTER_WORDS) or w not in C.function_words(lang) or w in legit_table.get(lang, ()) or second != w:
                continue
            if first != w and (not first[0].isupper() or not self._sentence_start(text, m.start())):
                continue  # The the at a sentence start; not Danish "Kommer I i morgen?"
            nxt = _NEXT.match(text, m.end(), p.end if p else len(text))
            if nxt and nxt.group(1)[0].isupper() and w in C.word_set("name_prefixes.txt"):
                continue  # a name particle: de de Gaulle, van van Gogh
            # a doubled word is as often a human typo as damage: info; two articles in a row
            # and a doubled connector are the stronger signals
            yield self.finding(doc, m.start(), m.end(), f"word '{w}' written twice", suggestion=first,
                               severity="info", confidence=0.3)

    @staticmethod
    def _sentence_start(text, i):
        """True when ``text[i]`` starts a sentence, a line or a quotation (what precedes it,
        spaces skipped, is punctuation that ends or opens one)."""
        j = i - 1
        while j >= 0 and text[j] in " \t\u00a0":
            j -= 1
        return j < 0 or text[j] in _SENTENCE_BEFORE

    def _pairs(self, doc, lang):
        pat = _pair_pattern(lang)
        if pat is None:
            return
        text = doc.text
        ok = _PAIR_OK.get(lang, ())
        single = len(doc.languages) == 1
        for m in pat.finditer(text):
            if not single:
                p = doc.paragraph_at(m.start())
                if p is None or (p.lang or doc.lang) != lang:
                    continue
            if m.start() > 0 and text[m.start() - 1] in "'’-":
                continue  # dell'il, l’un
            a, b = m.group(1), m.group(2)
            al, bl = a.lower(), b.lower()
            if b != bl or (a != al and not a[0].isupper()) or al == bl or (al, bl) in ok \
                    or al in _PAIR_FIRST_NOT.get(lang, ()):
                continue
            if lang == "en" and bl == "a":
                nxt = _NEXT.match(text, m.end())
                if nxt and nxt.group(1).lower() in _EN_A_PHRASES:
                    continue
            suggestion = (b[0].upper() + b[1:]) if a[0].isupper() else b
            yield self.finding(doc, m.start(), m.end(), f"two articles in a row: '{a} {b}'",
                               suggestion=suggestion, confidence=0.7)
