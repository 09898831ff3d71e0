"""FRG009 midsentence-capital: a capitalised function word in the middle of a sentence.

Link splicing and machine translation paste the anchor text of a link, or the start of
another sentence, into a sentence: ``Dopo pochi giorni Il progetto``, ``dell’Ucraina È
iniziato``, ``con seguaci L’annuncio``, ``Perhaps We remain``. A function word (article,
pronoun, preposition, conjunction, auxiliary) is written with a capital only at a
sentence start or in a name or title, so one capitalised after a lower-case word, with a
lower-case word after it, marks a splice.

>>> import lint
>>> [f.text for f in lint.check_text(MidsentenceCapital(), "Dopo pochi giorni Il progetto è partito.", "it")]
['Il progetto']
"""
from __future__ import annotations

from functools import lru_cache
import re

import regex

import lint

from . import _frg_common as C

#: words that are capitalised mid-sentence for good reason, per language (formal address,
#: words that double as names or months); kept out of the candidates
_EXCLUDE = {
    "en": {"i", "may", "will", "us"},
    # La/Le: formal "La ringrazio"; Stato: the State
    "it": {"lei", "ella", "suo", "sua", "la", "le", "lo", "stato", "stata", "stati", "state"},
    "de": {"oder"},  # the river Oder
    "es": {"usted", "ustedes", "este"},  # Punta del Este
    "fr": set(),
    "pt": set(),
    "ru": {"вы", "вас", "вам", "ваш", "ваша", "ваши"},
    "tr": {"siz", "sizin"},
    # Dutch formal "U"/"Uw"; "Van" and "De" open surnames ("minister Van der Laan")
    "nl": {"u", "van"},
    # Polish capitalises the second person in letters and formal writing (Ty, Ciebie, Wy)
    "pl": {"ty", "cię", "ci", "wy", "was", "wam", "twój", "wasz"},
    # Swedish "Man" (Isle of Man), formal "Ni"
    "sv": {"man", "ni"},
}
#: elided articles and prepositions (Italian, French) written with a capital: L’annuncio
#: (French L’ is left out: French titles of works keep only their first word capitalised,
#: "le roman L’amour égaré", and such titles are frequent)
_ELIDED = {
    "it": "L D Dell Dall All Nell Sull Un Quest Quell Nessun C",
}
#: German: only articles, prepositions and conjunctions; its verbs and adverbs double as
#: capitalised nouns (Waren, Können, Sein, Essen)
_CLASSES = {"de": ("art", "prep", "conj"),
            # Polish capitalises pronouns and possessives of address and of God (Ty, Twój, On)
            "pl": ("prep", "conj", "aux", "adv")}
#: classes whose capitalised form mid-sentence is a strong splice signal; a capitalised
#: pronoun there is as often a run-on sentence ("he died He also had"), reported as info
_STRONG = ("art", "det", "prep", "conj", "aux", "adv")
#: one-letter words that are never a label, grade or numeral when capitalised (not "Serie A",
#: "vitamina C", "fase I"): Italian È, French À, Portuguese O and À
_SINGLE_LETTER = {"it": ("è",), "fr": ("à",), "pt": ("o", "à", "a"), "pl": ("w", "z")}
#: of those, the ones that are also labels after a noun ("o grupo A venceu"): only after a
#: comma
_SINGLE_AFTER_COMMA = {"pt": ("a",)}
#: German articles: a capitalised one after a common noun, before another capitalised word,
#: is a splice there ("nach wenigen Wochen Die Ersatzbusse"); elsewhere they start a title
_DE_ARTICLES = frozenset("der die das den dem des ein eine einen einem einer eines".split())
#: after a lower-case word (or its comma), 1-3 spaces
_BEFORE = r"(?<=(?:^|[\s\"'“‘«(\[’\-])[\p{L}\p{M}]*\p{Ll},?[ \u00a0]{1,3})"
_TITLE_WORD = regex.compile(r"\p{Lu}")


@lru_cache(maxsize=None)
def _pattern(lang):
    words = C.function_words(lang, _CLASSES.get(lang)) - _EXCLUDE.get(lang, set())
    words = {w for w in words if len(w) > 1 or w in _SINGLE_LETTER.get(lang, ())}
    if not words:
        return None
    alts = sorted((regex.escape(w[:1].upper() + w[1:]) for w in words), key=len, reverse=True)
    after = r"(?=[ \u00a0]+\p{Ll})"
    if lang == "de":  # an article before a capitalised noun (checked in check())
        after = r"(?=[ \u00a0]+(?:\p{Ll}|(?P<noun>\p{Lu}\p{Ll})))"
    body = r"(?P<word>" + "|".join(alts) + r")" + after
    elided = _ELIDED.get(lang)
    if elided:
        body += r"|(?P<elided>(?:" + "|".join(elided.split()) + r")['’])(?=\p{Ll})"
    return regex.compile(_BEFORE + r"(?<![\p{L}\p{M}'’])(?:" + body + r")(?![\p{L}\p{M}]['’]?\p{Lu})")


@lru_cache(maxsize=None)
def _prescan(lang):
    """A ``re`` pattern that finds (at least) every position where :func:`_pattern` can
    match, at C speed: it starts with the capital of a candidate word (a class of a few
    letters: the rest of the text is skipped in C), looks ahead for the rest of the word and
    a space (or the apostrophe of an elided form), then back for 1-3 spaces after a letter (a
    superset of the lower-case letter required). Each hit is confirmed with :func:`_pattern`.
    A match takes the capital only, so it hides no other candidate; the look-ahead goes
    first because it fails sooner on the capitals of names, and the look-behind on those
    of sentence starts ("The" after ". ") only after it (~30% faster than the other order)."""
    words = C.function_words(lang, _CLASSES.get(lang)) - _EXCLUDE.get(lang, set())
    words = {w for w in words if len(w) > 1 or w in _SINGLE_LETTER.get(lang, ())}
    tails: dict = {}
    for w in words:
        word = w[:1].upper() + w[1:]
        tails.setdefault(word[0], set()).add(re.escape(word[1:]) + "[ \\u00a0]")
    for e in _ELIDED.get(lang, "").split():
        tails.setdefault(e[0], set()).add(re.escape(e[1:]) + "['’]")
    # any letter: a superset of the lower-case letter _pattern wants there (the capital that
    # starts each alternative is what keeps the scan fast; a class of every non-Ll code
    # point here, repeated in each look-behind, made a 500 KB pattern: 0.16 s to compile
    # per language)
    lower = r"[^\W\d_]"
    before = "(?:" + "|".join(f"(?<={lower}{comma}[ \\u00a0]{{{k}}}.)" for k in (1, 2, 3) for comma in ("", ",")) + ")"
    return re.compile("|".join(f"{re.escape(c)}(?=(?:{'|'.join(sorted(t, key=len, reverse=True))})){before}"
                               for c, t in sorted(tails.items())))


_NEXT_WORD = regex.compile(r"[ \u00a0]*[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)?")
_PREV_WORD = regex.compile(r"([\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)?)(,?)[ \u00a0]{1,3}$")
#: the start of the clause or list item before a comma: the last ``, ; : (`` or sentence end
#: before it (group 1: a clause mark, not a sentence end), and the first character after it
_SEGMENT_START = regex.compile(r"(?r)(?:([,;:(])|[.!?…\n])[ \u00a0\"'“‘«]*(\S)[^,;:(.!?…\n]*$")
_CAPITALISED_WORD = regex.compile(r"(?<![\p{L}\p{M}\p{N}])\p{Lu}")
_SENTENCE_OPENERS = "\"'“‘«„(¿¡ \u00a0"


def _scan_windows(doc, lang, scan):
    """The hits of ``scan`` (a pre-scan's ``finditer``) in the paragraphs of ``lang`` only,
    for a document of several languages (a hit elsewhere is skipped anyway): each run of
    consecutive paragraphs of ``lang`` is scanned up to the start of the next paragraph, so
    every language's paragraphs are scanned once instead of the whole text once per
    language. A hit never spans a line break and a paragraph starts a line, so the hits
    are those of the whole text that fall in the windows.

    >>> import re
    >>> from types import SimpleNamespace as P
    >>> doc = P(text="The cat sat.\\n\\nIl gatto è qui.\\n\\nThe end.", lang="en",
    ...         paragraphs=[P(start=0, lang="en"), P(start=14, lang="it"), P(start=31, lang=None)])
    >>> [m.start() for m in _scan_windows(doc, "en", re.compile("[A-Z]").finditer)]
    [0, 31]
    >>> [m.start() for m in _scan_windows(doc, "it", re.compile("[A-Z]").finditer)]
    [14]
    """
    text = doc.text
    paras = doc.paragraphs
    default = doc.lang
    start = None
    for p in paras:
        if (p.lang or default) == lang:
            if start is None:
                start = p.start
        elif start is not None:
            yield from scan(text, start, p.start)
            start = None
    if start is not None:
        yield from scan(text, start, len(text))


def _name_particle(word):
    return word.lower() in C.word_set("name_prefixes.txt")


class MidsentenceCapital(lint.Rule):
    """A capitalised function word in the middle of a sentence, after a lower-case word and
    before another: ``Dopo pochi giorni Il progetto``, ``russa dell’Ucraina È iniziato``,
    ``con seguaci L’annuncio``, ``Perhaps We remain``. It marks link anchor text or the start
    of another sentence spliced in by a scraper or a translator.

    Only closed-class words (articles, pronouns, prepositions, conjunctions, auxiliaries)
    are candidates, so names and nouns are never reported (German nouns are always
    capitalised; in German only articles, prepositions and conjunctions count, and an
    article before a capitalised noun only after a common noun: ``nach wenigen Wochen Die
    Ersatzbusse``; Polish pronouns, capitalised in letters and for God, do not count). After
    a comma, an article or preposition counts (``energética, Con la participación``) unless
    the item before the comma holds a name or title (a list: ``Rayuela, El túnel``) or the
    next word is rare (a title: ``Sin duda, La bamboleira es``). Not
    reported: a word after sentence punctuation, a colon, a dash, a quote or a bracket; a
    word followed by a capitalised one (a name or a title: ``La Russa``, ``The Guardian``,
    ``Il Sole 24 Ore``); a word after another capitalised word (title case: ``Gone With the
    Wind``; not applied to German); a word after another function word (``sobre La
    poesía``, ``das Aus``: a title or a nominalisation); a word after one that introduces a
    title of a work in sentence case (``su libro Las flores del bien``); English "I", formal
    pronouns (German "Sie", Italian "Lei", Russian "Вы"); headings, titles and list items.
    A capitalised pronoun is as often a run-on sentence ("he died He also had") as a
    splice, so it is reported as info only.

    >>> import lint
    >>> len(lint.check_text(MidsentenceCapital(), "She reads The Guardian and Il Sole 24 Ore.", "en"))
    0
    """

    code = "FRG009"
    name = "midsentence-capital"
    severity = "warning"
    summary = "capitalised function word in mid-sentence (spliced text)"
    fix_hint = "Restore the words lost at the splice, or write the word in lower case."
    confidence = 0.45
    languages = ("en", "it", "es", "fr", "de", "pt", "ru", "tr", "nl", "pl", "sv")
    matches = (
        lint.Example("Decise di partire. Dopo pochi giorni Il progetto di andarsene era pronto.", "it",
                     covers="Il progetto"),
        lint.Example("L’invasione russa dell’Ucraina È iniziato lo scorso febbraio.", "it", covers="È iniziato"),
        lint.Example("Sono arrivati in Kazakistan con seguaci L’annuncio di Putin.", "it", covers="L’annuncio"),
        lint.Example("“I feel sad, I love Russia. Perhaps We remain here a couple of days.”", "en",
                     covers="We remain"),
        lint.Example("Après quelques jours Le projet de partir était prêt.", "fr", covers="Le projet"),
        lint.Example("Después de unos días El proyecto de irse estaba listo.", "es", covers="El proyecto"),
        lint.Example("El ayuntamiento aprobó el presupuesto anual, Con el apoyo de tres grupos ampliará la red.",
                     "es", covers="Con el"),
        lint.Example("Depois da reunião com os sócios, A loja vai abrir mais cedo no verão.", "pt",
                     covers="A loja"),
        lint.Example("Nach drei langen Monaten Die Bauarbeiten sind endlich beendet worden.", "de",
                     covers="Die Bauarbeiten"),
        lint.Example("Na een lange vergadering Het college heeft besloten de school te sluiten.", "nl",
                     covers="Het college"),
        lint.Example("Efter en lång och kall vinter Den nya bron öppnades i april.", "sv", covers="Den nya"),
        lint.Example("Po długiej przerwie W szkole znowu odbyły się zajęcia.", "pl", covers="W szkole"),
    )
    no_matches = (
        lint.Example("She reads The Guardian, and he reads Il Sole 24 Ore every morning.", "en"),
        lint.Example("Il senatore La Russa ha parlato. Signor Presidente, La ringrazio.", "it"),
        lint.Example("He said: The end is near. Then – The rest followed.", "en"),
        lint.Example("We watched Gone With the Wind and I loved it.", "en"),
        lint.Example("Ich glaube, dass Sie recht haben, und Ihre Frau auch.", "de"),
        lint.Example("Nach wenigen Tagen war das Projekt fertig, sagte Der Spiegel.", "de"),
        lint.Example("Ha vissuto a L’Aquila per anni.", "it"),
        lint.Example("In May they left; Will said so.", "en"),
        lint.Example("Leímos Rayuela, El túnel y otras novelas; su última novela, La casa vacía, gustó.", "es"),
        lint.Example("Sin duda, La bamboleira es la canción del verano.", "es"),
        lint.Example("Elle a traduit Le Petit Prince, Le journal d’un curé et d’autres livres.", "fr"),
        lint.Example("O grupo A venceu, e os grupos B, A e C seguiram.", "pt"),
        lint.Example("Das stand im Nachrichtenmagazin Der Spiegel und in Goethes Die Leiden des jungen Werther.",
                     "de"),
        lint.Example("Ik las het boek Het diner, en minister Van der Laan sprak met De Telegraaf.", "nl"),
        lint.Example("Hon läste boken Den allvarsamma leken i skolan.", "sv"),
        lint.Example("Pisałem do Ciebie wczoraj, mamo, a Ty nie odpisałaś; mieszkam w bloku W przy parku.", "pl"),
        lint.Example("El seleccionador De la Fuente habló ayer.", "es"),
    )

    def check(self, doc):
        text = doc.text
        single = len(doc.languages) <= 1
        for lang in sorted(doc.languages):
            if lang not in self.languages:
                continue
            pat = _pattern(lang)
            if pat is None:
                continue
            match = pat.match
            scan = _prescan(lang).finditer
            hits = scan(text) if single else _scan_windows(doc, lang, scan)
            for m in (match(text, h.start()) for h in hits):
                if m is None:
                    continue
                start = m.start()
                p = doc.paragraph_at(start)
                if p is None or p.kind != "text" or (not single and (p.lang or doc.lang) != lang):
                    continue
                prev = _PREV_WORD.search(text, max(p.start, start - 40), start)
                if prev is None:
                    continue
                pw = prev.group(1)
                elided = m.groupdict().get("elided")
                word = m.group("word") or elided
                strong = elided or word.lower() in C.function_words(lang, _STRONG)
                if pw[0].isupper() and lang != "de" and (strong or not self._sentence_initial(text, p.start,
                                                                                               prev.start(1))):
                    continue  # title case or a name: Marks And Spencer, Gone With the Wind, Cantó El oro
                    # (German capitalises every noun, so a capital before says nothing there)
                if pw.lower() in C.function_words(lang):
                    continue  # after an article, a nominalised word (das Aus, il Sì); after a
                    # preposition or another function word, most often a title (sobre La poesía)
                if self._title_cue(pw, lang):
                    continue  # a title of a work in sentence case: il romanzo La coscienza di Zeno
                if not prev.group(2) and word.lower() in _SINGLE_AFTER_COMMA.get(lang, ()):
                    continue  # a label: o grupo A venceu
                if prev.group(2) and not strong:
                    continue  # a pronoun after a comma: a run-on sentence, not a splice
                if m.groupdict().get("noun") is not None and not self._german_splice(word, pw):
                    continue  # German article before a noun: a title (sagte Der Spiegel)
                nxt = _NEXT_WORD.match(text, m.end(), p.end)
                end = nxt.end() if nxt else m.end()
                if nxt is not None and _name_particle(word) and _name_particle(nxt.group().strip()):
                    continue  # a surname: De la Fuente, Van der Laan
                if prev.group(2) and not self._comma_splice(text, p.start, prev.start(2), nxt, lang):
                    continue
                if len(word) == 1 and (nxt is None or len(nxt.group().strip()) < 3
                                       or nxt.group().strip().lower() in C.function_words(lang)):
                    continue  # a one-letter label before a function word: "tipo O e"
                yield self.finding(doc, start, end, f"capitalised '{word}' in mid-sentence: spliced text?",
                                   severity=None if strong else "info", confidence=None if strong else 0.3)

    @staticmethod
    def _comma_splice(text, floor, comma, nxt, lang):
        """After a comma, a capitalised article or preposition starts a spliced clause
        (``transición energética, Con la participación``) unless it starts an item of a
        list of titles or names (the item before the comma started with a capital after a
        comma, colon or bracket: ``Rayuela, El túnel, La tregua``) or a title made of a rare
        word (``Sin duda, La cumparsita es``)."""
        if nxt is None or lint.zipf(nxt.group().strip(), lang) < 3.0:
            return False
        m = _SEGMENT_START.search(text, max(floor, comma - 300), comma)
        if m is not None and m.group(1) and m.group(2)[:1].isupper():
            return False
        # a name or title in the item before the comma: a list (Leímos Rayuela, El túnel)
        begin = m.end(2) if m is not None else max(floor, comma - 300) + 1
        return _CAPITALISED_WORD.search(text, begin, comma) is None

    @staticmethod
    def _title_cue(pw, lang):
        """True when ``pw`` introduces a title (a cue of title_cues.tsv; in German, also a
        compound ending in one: Nachrichtenmagazin)."""
        cues = C.lang_table("title_cues.tsv").get(lang, ())
        low = pw.lower()
        if low in cues:
            return True
        return lang == "de" and any(low.endswith(c) for c in cues if len(c) >= 4)

    @staticmethod
    def _german_splice(word, pw):
        """A capitalised German article before a capitalised noun is a splice only after a
        common noun (``nach wenigen Wochen Die Ersatzbusse``): after a verb or a name it
        starts a title (``sagte Der Spiegel``, ``Kafkas Der Process``)."""
        if word.lower() not in _DE_ARTICLES or not pw[0].isupper():
            return False
        low = pw.lower()
        z = lint.zipf(low, "de")
        # (a genitive -s of a more frequent word is most often an author's name: Goethes)
        return z >= 3.5 and not (low.endswith("s") and lint.zipf(low[:-1], "de") > z)

    @staticmethod
    def _sentence_initial(text, floor, i):
        j = i
        while j > floor and text[j - 1] in _SENTENCE_OPENERS:
            j -= 1
        return j <= floor or text[j - 1] in ".!?…:;\n–—-"
