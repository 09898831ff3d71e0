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
}
#: elided articles and prepositions (Italian, French) written with a capital: L’annuncio
#: (French L’ is left out: French titles of works keep only their first word capitalised,
#: "le roman L’amour égaré", and such titles are frequent)
_ELIDED = {
    "it": "L D Dell Dall All Nell Sull Un Quest Quell Nessun C",
}
#: German: only articles, prepositions and conjunctions; its verbs and adverbs double as
#: capitalised nouns (Waren, Können, Sein, Essen)
_CLASSES = {"de": ("art", "prep", "conj")}
#: classes whose capitalised form mid-sentence is a strong splice signal; a capitalised
#: pronoun there is as often a run-on sentence ("he died He also had"), reported as info
_STRONG = ("art", "det", "prep", "conj", "aux", "adv")
#: one-letter words that are never a label, grade or numeral when capitalised (not "Serie A",
#: "vitamina C", "fase I"): Italian È, French À, Portuguese O and À
_SINGLE_LETTER = {"it": ("è",), "fr": ("à",), "pt": ("o", "à")}
_BEFORE = r"(?<=(?:^|[\s\"'“‘«(\[’\-])[\p{L}\p{M}]*\p{Ll}[ \u00a0]{1,3})"
_TITLE_WORD = regex.compile(r"\p{Lu}")


@lru_cache(maxsize=None)
def _pattern(lang):
    words = C.function_words(lang, _CLASSES.get(lang)) - _EXCLUDE.get(lang, set())
    words = {w for w in words if len(w) > 1 or w in _SINGLE_LETTER.get(lang, ())}
    if not words:
        return None
    alts = sorted((regex.escape(w[:1].upper() + w[1:]) for w in words), key=len, reverse=True)
    body = r"(?P<word>" + "|".join(alts) + r")(?=[ \u00a0]+\p{Ll})"
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
    before = "(?:" + "|".join(f"(?<={lower}[ \\u00a0]{{{k}}}.)" for k in (1, 2, 3)) + ")"
    return re.compile("|".join(f"{re.escape(c)}(?=(?:{'|'.join(sorted(t, key=len, reverse=True))})){before}"
                               for c, t in sorted(tails.items())))


_NEXT_WORD = regex.compile(r"[ \u00a0]*[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)?")
_PREV_WORD = regex.compile(r"([\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)?)[ \u00a0]{1,3}$")
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


class MidsentenceCapital(lint.Rule):
    """A capitalised function word in the middle of a sentence, after a lower-case word and
    before another: ``Dopo pochi giorni Il progetto``, ``russa dell’Ucraina È iniziato``,
    ``con seguaci L’annuncio``, ``Perhaps We remain``. It marks link anchor text or the start
    of another sentence spliced in by a scraper or a translator.

    Only closed-class words (articles, pronouns, prepositions, conjunctions, auxiliaries)
    are candidates, so names and nouns are never reported (German nouns are always
    capitalised; in German only articles, prepositions and conjunctions count). Not
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
    languages = ("en", "it", "es", "fr", "de", "pt", "ru", "tr")
    matches = (
        lint.Example("Decise di partire. Dopo pochi giorni Il progetto di andarsene era pronto.", "it",
                     covers="Il progetto"),
        lint.Example("L’invasione russa dell’Ucraina È iniziato lo scorso febbraio.", "it", covers="È iniziato"),
        lint.Example("Sono arrivati in Kazakistan con seguaci L’annuncio di Putin.", "it", covers="L’annuncio"),
        lint.Example("“I feel sad, I love Russia. Perhaps We remain here a couple of days.”", "en",
                     covers="We remain"),
        lint.Example("Après quelques jours Le projet de partir était prêt.", "fr", covers="Le projet"),
        lint.Example("Después de unos días El proyecto de irse estaba listo.", "es", covers="El proyecto"),
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
                if pw.lower() in C.lang_table("title_cues.tsv").get(lang, ()):
                    continue  # a title of a work in sentence case: il romanzo La coscienza di Zeno
                nxt = _NEXT_WORD.match(text, m.end(), p.end)
                end = nxt.end() if nxt else m.end()
                if len(word) == 1 and (nxt is None or len(nxt.group().strip()) < 3
                                       or nxt.group().strip().lower() in C.function_words(lang)):
                    continue  # a one-letter label before a function word: "tipo O e"
                yield self.finding(doc, start, end, f"capitalised '{word}' in mid-sentence: spliced text?",
                                   severity=None if strong else "info", confidence=None if strong else 0.3)

    @staticmethod
    def _sentence_initial(text, floor, i):
        j = i
        while j > floor and text[j - 1] in _SENTENCE_OPENERS:
            j -= 1
        return j <= floor or text[j - 1] in ".!?…:;\n–—-"
