"""MTA001 gender-flip: one person referred to with pronouns of both genders.

Spanish, Italian and Portuguese drop subject pronouns (``dice``, ``ha detto``) and their
possessives carry no gender (``su``, ``suo``); translating into English, the machine has to
guess ``he`` or ``she`` and sometimes guesses wrong: a paragraph about a man, told with
``he``, ``his`` and ``him``, ends ``“He wanted out of the system at last,” she says.``

>>> import lint
>>> text = "According to him, his departure was a protest. He had never marched. “He wanted out,” she says."
>>> [f.text for f in lint.check_text(GenderFlip(), text, "en")]
['she says']
"""
from __future__ import annotations

import re
from typing import Callable, Optional

import regex

import lint

from ._mta_common import dangling_speech_objects
from ._mta_common import NOT_NAMES, TRAVEL_WORDS, find_people, first_name, person_noun, person_nouns

_EN_SPEECH = (
    "says said adds added explains explained recalls recalled continues continued admits admitted "
    "insists insisted notes noted tells told asks asked replies replied laughs laughed quips quipped "
    "jokes joked remembers remembered concludes concluded writes wrote argues argued stresses stressed "
    "sighs sighed smiles smiled confides confided recounts recounted acknowledges acknowledged "
    "complains complained warns warned"
).split()
_SPEECH_ALT = "|".join(sorted(set(_EN_SPEECH), key=len, reverse=True))
#: “...,” she says / “...,” says she / ... , she added.
_EN_QUOTE_ATTR = regex.compile(
    rf"[”\"’][ \t]*(?P<attr>(?P<pron>[Hh]e|[Ss]he)\s+(?:{_SPEECH_ALT})\b"
    rf"|(?:{_SPEECH_ALT})\s+(?P<pron2>he|she)\b)"
)
_EN_REPORTED = regex.compile(rf"\b(?P<pron>[Hh]e|[Ss]he)\s+(?:{_SPEECH_ALT})\b")
_EN_PRONOUNS = regex.compile(r"\b(?:(?P<m>he|him|his|himself)|(?P<f>she|her|hers|herself))\b", regex.IGNORECASE)

#: speech verbs of the attributions with an explicit subject pronoun in other languages
_ES_VERBS = (r"dice|dijo|afirma|afirmó|explica|explicó|añade|añadió|agrega|agregó|cuenta|"
             r"contó|asegura|aseguró|relata|relató|comenta|comentó|recuerda|recordó|señala|señaló|insiste|insistió")
_IT_VERBS = (r"dice|ha detto|racconta|ha raccontato|spiega|ha spiegato|aggiunge|"
             r"ha aggiunto|afferma|ha affermato|ricorda|ha ricordato|sottolinea|ha sottolineato|continua")
_PT_VERBS = (r"diz|disse|afirma|afirmou|explica|explicou|conta|contou|acrescenta|"
             r"acrescentou|garante|garantiu|lembra|lembrou|relata|relatou|comenta|comentou|sublinha|sublinhou")
_DE_VERBS = (r"sagt|sagte|erzählt|erzählte|erklärt|erklärte|meint|meinte|berichtet|"
             r"berichtete|betont|betonte|fügt|fügte|ergänzt|ergänzte")
#: Attributions with an explicit subject pronoun in other languages: (pattern, male, female)
_OTHER_ATTR = {
    "es": (regex.compile(
        rf"(?:[”\"»’][ \t]*,?[ \t]*)(?P<attr>{_ES_VERBS})"
        r"\s+(?P<pron>él|ella)\b"), "él", "ella"),
    "it": (regex.compile(
        rf"(?:[”\"»’][ \t]*,?[ \t]*)(?P<attr>{_IT_VERBS})"
        r"\s+(?P<pron>lui|lei)\b"), "lui", "lei"),
    "pt": (regex.compile(
        rf"(?:[”\"»’][ \t]*,?[ \t]*)(?P<attr>{_PT_VERBS})"
        r"\s+(?P<pron>ele|ela)\b"), "ele", "ela"),
    "fr": (regex.compile(
        r"\b(?:dit|explique|raconte|ajoute|affirme|confie|poursuit|précise|souligne|lance|assure|estime|"
        r"indique|déclare|reconnaît|rappelle|résume|sourit|témoigne|insiste|admet|avoue|conclut|"
        r"a-t|répond|explique-t|ajoute-t|raconte-t|affirme-t|confie-t|précise-t|souligne-t|assure-t|estime-t|"
        r"indique-t|déclare-t|rappelle-t|insiste-t|avoue-t)-(?P<pron>il|elle)\b"), "il", "elle"),
    "de": (regex.compile(
        rf"(?:[“”\"«»‘’][ \t]*,?[ \t]*)(?P<attr>{_DE_VERBS})\s+(?P<pron>er|sie)\b"), "er", "sie"),
}
#: Cheap supersets of the attribution patterns of each language, for ``re`` on the
#: lower-cased text (their literals are lower case, and lower-casing keeps every
#: character of a match: a text without a match of these has no attribution at all).
#: ``re``'s ``\s`` takes every character ``regex``'s does; word boundaries are left out.
#: Each starts with a literal (one pattern per opening quotation mark), so ``re`` skips
#: to the candidates at C speed. English: the pronoun then the verb (both English
#: patterns; the pronoun never follows a letter: not 'the said', 'ashe says') or, after a
#: quotation mark, the verb then the pronoun.


def _quoted_cues(quotes: str, verbs: str, pronouns: str) -> tuple:
    return tuple(re.compile(rf"{re.escape(q)}[ \t]*,?[ \t]*(?:{verbs})\s+(?:{pronouns})") for q in quotes)


_ATTR_CUES = {
    "en": (re.compile(rf"he(?<![a-rt-z]he)(?<![a-z]she)\s+(?:{_SPEECH_ALT})"),
           *(re.compile(rf"{q}[ \t]*(?:{_SPEECH_ALT})\s+s?he") for q in "”\"’")),
    "es": _quoted_cues("”\"»’", _ES_VERBS, "él|ella"),
    "it": _quoted_cues("”\"»’", _IT_VERBS, "lui|lei"),
    "pt": _quoted_cues("”\"»’", _PT_VERBS, "ele|ela"),
    "fr": (re.compile(r"-(?:il|elle)"),),
    "de": _quoted_cues("“”\"«»‘’", _DE_VERBS, "er|sie"),
}
#: the pronoun of the other gender, for the suggestion
_SWAP = {
    "en": {"he": "she", "she": "he"}, "es": {"él": "ella", "ella": "él"}, "it": {"lui": "lei", "lei": "lui"},
    "pt": {"ele": "ela", "ela": "ele"}, "fr": {"il": "elle", "elle": "il"}, "de": {"er": "sie", "sie": "er"},
}
#: explicit subject pronouns that always mean a person (pro-drop languages use them for emphasis)
_OTHER_PRONOUNS = {
    "es": regex.compile(r"\b(?:(?P<m>[Éé]l)|(?P<f>[Ee]lla))\b"),
    "it": regex.compile(r"\b(?:(?P<m>[Ll]ui)|(?P<f>lei))\b"),
}
_SPEECH_AFTER_NAME = regex.compile(
    r"(?P<name>\p{Lu}[\p{Ll}\p{M}]+)\s+(?:" + _SPEECH_ALT + r")\b|\b(?:says|said|told|added|explained)\s+"
    r"(?P<name2>\p{Lu}[\p{Ll}\p{M}]+)"
)


class _Facts:
    """What one paragraph tells about the people in it: its pronouns (offsets, dangling
    left out; found at once, cheaply) and, on first use, the people it names: ``named``
    (names and gendered nouns by gender) and ``unknown`` (a person of unknown gender: a
    name not in the lexicon, "the doctor")."""

    __slots__ = ("pronouns", "_people", "_named", "_unknown", "_sets")

    def __init__(self, pronouns: Optional[dict] = None, people: Optional[Callable] = None):
        self.pronouns = pronouns if pronouns is not None else {"m": [], "f": []}
        self._people = people  # () -> (named, unknown), or None: nobody named
        self._named: Optional[dict] = None
        self._unknown = False
        self._sets: dict = {}

    def _load(self) -> None:
        if self._people is None:
            self._named = {"m": 0, "f": 0}
        else:
            self._named, self._unknown = self._people()
            self._people = None

    @property
    def named(self) -> dict:
        if self._named is None:
            self._load()
        return self._named

    @property
    def unknown(self) -> bool:
        if self._named is None:
            self._load()
        return self._unknown

    def pronoun_set(self, g: str) -> set:
        s = self._sets.get(g)
        if s is None:
            s = self._sets[g] = set(self.pronouns[g])
        return s


def _paragraph_attributions(text: str, p) -> list:
    """The attributions ``(match, shape)`` of paragraph ``p`` (shape: quote / reported)."""
    if p.lang == "en":
        cands = [(m, "quote") for m in _EN_QUOTE_ATTR.finditer(text, p.start, p.end)]
        quoted = {m.start(g) for m, _ in cands for g in ("pron", "pron2") if m.group(g)}
        cands += [(m, "reported") for m in _EN_REPORTED.finditer(text, p.start, p.end)
                  if m.start("pron") not in quoted]
        return cands
    if p.lang in _OTHER_ATTR:
        return [(m, "quote") for m in _OTHER_ATTR[p.lang][0].finditer(text, p.start, p.end)]
    return []


def _attributions(doc, langs=None) -> dict:
    """paragraph index -> its attributions (:func:`_paragraph_attributions`), for the
    paragraphs that have some. Each pattern scans the whole text once (most paragraphs have
    none) and its matches are sorted into paragraphs. That gives the per-paragraph matches
    as long as no match crosses a paragraph's edge (the patterns look no further than the
    words they match, and each paragraph is trimmed); when one does, every paragraph is
    scanned on its own."""
    paras = doc.paragraphs
    text = doc.text
    if langs is None:
        langs = _attribution_languages(doc)
    patterns = [(lang, pat) for lang in sorted(langs)
                for pat in ((_EN_QUOTE_ATTR, _EN_REPORTED) if lang == "en" else (_OTHER_ATTR[lang][0],))]
    hits: dict[tuple, list] = {}  # (paragraph, pattern) -> matches
    for lang, pat in patterns:
        for m in pat.finditer(text):
            p = doc.paragraph_at(m.start())
            if p is None or m.end() > p.end:
                return _attributions_by_paragraph(doc)  # a match across an edge: the slow way
            if p.lang == lang:
                hits.setdefault((p.index, pat), []).append(m)
    out: dict[int, list] = {}
    for i in sorted({i for i, _ in hits}):
        if paras[i].lang == "en":
            cands = [(m, "quote") for m in hits.get((i, _EN_QUOTE_ATTR), ())]
            quoted = {m.start(g) for m, _ in cands for g in ("pron", "pron2") if m.group(g)}
            cands += [(m, "reported") for m in hits.get((i, _EN_REPORTED), ()) if m.start("pron") not in quoted]
        else:
            cands = [(m, "quote") for m in hits[(i, _OTHER_ATTR[paras[i].lang][0])]]
        if cands:
            out[i] = cands
    return out


def _attribution_languages(doc) -> set:
    """The languages of the paragraphs that may hold an attribution: those with patterns,
    less those whose cue (:data:`_ATTR_CUES`) the document lacks."""
    langs = {p.lang for p in doc.paragraphs if p.lang == "en" or p.lang in _OTHER_ATTR}
    if langs:
        low = doc.lowered
        langs = {lang for lang in langs if any(cue.search(low) for cue in _ATTR_CUES[lang])}
    return langs


def _attributions_by_paragraph(doc) -> dict:
    out = {}
    for p in doc.paragraphs:
        cands = _paragraph_attributions(doc.text, p)
        if cands:
            out[p.index] = cands
    return out


class GenderFlip(lint.Rule):
    """A person referred to with pronouns of both genders in one passage, the minority being
    the error: a paragraph about one man (``he``, ``his``, ``him``; no woman named or
    mentioned in it or the paragraph before) whose quotation is attributed ``“...,” she
    says``; or ``Olga Petrova ... she ... he added``. Translation from a pro-drop language
    (Spanish ``dice``, Italian ``ha detto``, genderless ``su``/``suo``) makes the machine
    guess the pronoun. The rule tracks the people a paragraph introduces: first names by
    gender (Russian, Italian, Spanish, Portuguese, English, German, French, Turkish,
    Kazakh...), gendered nouns and titles (sister, wife, Mrs, man), and anyone of unknown
    gender (an unknown name, ``the doctor``), which keeps a passage clean. English is covered
    in full; Spanish, Italian, Portuguese, French and German through explicit attributions
    (``dice ella``, ``ha detto lei``, ``disse ela``, ``a-t-elle dit``, ``sagt sie``)."""

    code = "MTA001"
    name = "gender-flip"
    severity = "warning"
    languages = ("en", "es", "it", "pt", "fr", "de")
    summary = "pronoun gender flips for one person (he ... “...,” she says)"
    fix = "unsafe"
    fix_hint = "Use the pronoun of the person quoted (he says / she says), as in the rest of the passage."
    confidence = 0.65
    matches = (
        lint.Example("According to him, his departure was a kind of protest, although he had never "
                     "marched before. “He wanted out of the system at last,” she says.", "en", covers="she says"),
        lint.Example("Olga Petrova has run the library since 2015. She opens it at eight every day, and "
                     "she knows every reader. The city stopped paying for books last year, he added.", "en",
                     covers="he added"),
        lint.Example("Marco Bianchi ha lasciato Milano a marzo. Lui non voleva partire, ma lui aveva paura. "
                     "“Non avevo scelta”, ha detto lei.", "it", covers="lei"),
        lint.Example("Juan Pérez salió de Moscú en marzo. Él no quería irse, pero él tenía miedo. "
                     "“No tenía opción”, dijo ella.", "es", covers="ella"),
        lint.Example("Pierre Martin a quitté Paris en mars. « Je n'avais pas le choix », dit-il. "
                     "« J'avais peur », ajoute-t-elle.", "fr", covers="ajoute-t-elle"),
        lint.Example("João Pereira saiu de Lisboa em março. Ele não queria partir. “Não tinha escolha”, disse ele. "
                     "“Tive medo”, disse ela.", "pt", covers="ela"),
        lint.Example("Thomas Berger verließ Berlin im März. „Ich hatte keine Wahl“, sagt er. „Ich hatte Angst“, "
                     "sagt sie.", "de", covers="sie"),
    )
    no_matches = (
        lint.Example("He left in May with his sister. “He wanted out,” she says.", "en"),
        lint.Example("His mother was worried. According to him, he had no choice. “He wanted out,” she says.", "en"),
        lint.Example("He left in May, and his friends followed him. “He wanted out,” Kowalska said, and she smiled.",
                     "en"),
        lint.Example("Anna met him in 2019. He was a teacher then and he still is. “He is kind,” she says.", "en"),
        lint.Example("He left in May. His departure surprised his neighbour. “He wanted out,” she says.", "en"),
        lint.Example("Olga Petrova has run the library since 2015. She opens it at eight. The mayor "
                     "cut the budget, he added.", "en"),
        lint.Example("“I left,” he says. “She stayed,” he adds about his wife.", "en"),
        lint.Example("He fled. He was afraid.\n\nShe stayed in Moscow with her children. “I could not leave,” she says.",
                     "en"),
        lint.Example("Marco ha lasciato Milano. “Non avevo scelta”, ha detto lui.", "it"),
        lint.Example("Juan y su esposa salieron de Moscú. Él no quería irse. “No tenía opción”, dijo ella.", "es"),
        lint.Example("João e a mulher saíram de Lisboa. “Não tinha escolha”, disse ele. “Tive medo”, disse ela.", "pt"),
        lint.Example("Anna Berger verließ Berlin. „Ich hatte keine Wahl“, sagt sie. „Ich hatte Angst“, sagt sie.", "de"),
    )

    def check(self, doc):
        paras = doc.paragraphs
        facts: dict[int, _Facts] = {}

        def get(i):
            f = facts.get(i)
            if f is None:
                f = facts[i] = self._facts(doc, paras[i])
            return f

        prefix: dict[tuple, list] = {}

        def seen_before(i, lang, g):
            """Is a person of gender g named or referred to in a paragraph before i?"""
            key = (lang, g)
            acc = prefix.get(key)
            if acc is None:
                acc, found = [], False
                for k, q in enumerate(paras):
                    acc.append(found)
                    if q.lang == lang and not found:
                        fk = get(k)
                        found = fk.unknown if g == "u" else bool(fk.named[g] or fk.pronouns[g])
                prefix[key] = acc
            return acc[i]

        text = doc.text
        langs = _attribution_languages(doc)
        if not langs:
            return  # no attribution anywhere: nothing to check
        found = _attributions(doc, langs)
        for i in sorted(found):
            p = paras[i]
            lang = p.lang
            cands = found[i]
            female = ("she",) if lang == "en" else (_OTHER_ATTR[lang][2],)
            cur = get(i)

            def same(k):
                return 0 <= k < len(paras) and paras[k].lang == lang

            prev = get(i - 1) if same(i - 1) else _Facts()
            # The tests below are pure and all must pass: those on the pronouns alone (cheap)
            # go first, and a paragraph where no attribution passes them is left before
            # anybody named in it (or before it) is looked for.
            if not any(self._pronouns_allow(m, shape, lang, female, cur, prev) for m, shape in cands):
                continue
            # anyone of unknown gender before, here or just after could be the one speaking
            if cur.unknown or seen_before(i, lang, "u") or (same(i + 1) and get(i + 1).unknown):
                continue
            for m, shape in cands:
                grp = "pron" if m.group("pron") else "pron2"
                pron = m.group(grp)
                g = "f" if pron.lower() in female else "m"
                o = "m" if g == "f" else "f"
                pos = m.start(grp)
                # a person of the pronoun's gender anywhere before (in the same language),
                # in this paragraph or in the next one makes the pronoun plausible
                if cur.named[g] or len(cur.pronouns[g]) - (pos in cur.pronoun_set(g)) > 0:
                    continue
                if seen_before(i, lang, g) or (same(i + 1) and (get(i + 1).named[g] or get(i + 1).pronouns[g])):
                    continue
                if lang == "en" and shape == "quote":
                    ok = len(cur.pronouns[o]) >= 2
                else:
                    # a weaker shape (reported speech, or a language where pronouns are rare):
                    # the other gender must be named, and backed by another mention
                    evidence = cur.named[o] + prev.named[o] + len(cur.pronouns[o]) + len(prev.pronouns[o])
                    ok = (cur.named[o] + prev.named[o]) >= 1 and evidence >= 2
                    if lang != "en":
                        ok = ok and (len(cur.pronouns[o]) + len(prev.pronouns[o])) >= 1
                if not ok:
                    continue
                if lang == "en":
                    start, end = (m.start("attr") if shape == "quote" else m.start()), m.end()  # "she says"
                elif lang == "fr":
                    start, end = m.start(), m.end()   # "ajoute-t-elle"
                else:
                    start, end = m.start(grp), m.end(grp)
                swap = _SWAP[lang][pron.lower()]
                if pron[0].isupper():
                    swap = swap[0].upper() + swap[1:]
                suggestion = text[start:m.start(grp)] + swap + text[m.end(grp):end]
                other = {"m": "he/his/him", "f": "she/her"}[o] if lang == "en" else {"m": "male", "f": "female"}[o]
                yield self.finding(
                    doc, start, end,
                    f"'{pron}' for a person the passage refers to as {other} (no other "
                    f"{'woman' if g == 'f' else 'man'} in it): a pronoun gender flip?",
                    suggestion=suggestion,
                    confidence=0.65 if shape == "quote" and lang == "en" else 0.5,
                )

    @staticmethod
    def _pronouns_allow(m, shape, lang, female, cur, prev) -> bool:
        """The tests of the loop in :meth:`check` on the pronouns alone: False when they
        rule the attribution ``m`` out."""
        grp = "pron" if m.group("pron") else "pron2"
        g = "f" if m.group(grp).lower() in female else "m"
        o = "m" if g == "f" else "f"
        if len(cur.pronouns[g]) - (m.start(grp) in cur.pronoun_set(g)) > 0:
            return False
        if lang == "en" and shape == "quote":
            return len(cur.pronouns[o]) >= 2
        return lang == "en" or (len(cur.pronouns[o]) + len(prev.pronouns[o])) >= 1

    # -- what a paragraph says about people ---------------------------------------------
    def _facts(self, doc, p) -> _Facts:
        text = doc.text
        pronouns: dict = {"m": [], "f": []}
        lang = p.lang
        if lang == "en":
            dangling = {m.start("obj") for m in dangling_speech_objects(text, p.start, p.end)}
            for m in _EN_PRONOUNS.finditer(text, p.start, p.end):
                if m.start() in dangling:
                    continue
                pronouns["m" if m.group("m") else "f"].append(m.start())
        elif lang in _OTHER_PRONOUNS:
            for m in _OTHER_PRONOUNS[lang].finditer(text, p.start, p.end):
                pronouns["m" if m.group("m") else "f"].append(m.start())
        if lang in _OTHER_ATTR:
            pat, male_word, _ = _OTHER_ATTR[lang]
            if lang not in _OTHER_PRONOUNS:
                for m in pat.finditer(text, p.start, p.end):
                    pronouns["m" if m.group("pron").lower() == male_word else "f"].append(m.start("pron"))
        return _Facts(pronouns, lambda: self._people(doc, p))

    @staticmethod
    def _people(doc, p) -> tuple[dict, bool]:
        """(named, unknown) of paragraph ``p`` (see :class:`_Facts`)."""
        text = doc.text
        lang = p.lang
        named = {"m": 0, "f": 0}
        unknown = False
        # gendered nouns and titles
        for m in _noun_matcher(lang).finditer(text, p.start, p.end):
            word = m.group()
            if word == "miss":
                continue  # the verb
            g = person_noun(word, lang)
            if g is None and word.lower().endswith("s"):
                g = person_noun(word[:-1], lang)  # teachers, neighbours
            if g in ("m", "f"):
                named[g] += 1
            elif g == "u" and not _PREDICATE.search(text, max(p.start, m.start() - 40), m.start()):
                unknown = True
        # names
        for person in find_people(text, p.start, p.end, lang, TRAVEL_WORDS):
            if person.gender in ("m", "f"):
                named[person.gender] += 1
            else:
                unknown = True   # "Aizhan Mazaliyeva", "Kowalczyk", "Alex": gender unknown
        for m in _SPEECH_AFTER_NAME.finditer(text, p.start, p.end):
            name = m.group("name") or m.group("name2")
            if name.lower() in NOT_NAMES or first_name(name):
                continue
            if lang == "en" and lint.zipf(name, "en") >= 4.5:
                continue
            unknown = True   # "Kowalska said": someone of unknown gender speaks
        return named, unknown


#: a person noun that describes someone already there ("works as a trainer", "he is a
#: doctor", ", a teacher,") rather than introducing someone new
_PREDICATE = regex.compile(
    r"(?:\b(?:as|is|was|be|been|being|became|become|becomes|am|are|were|remains|remained|"
    r"è|era|es|fue|é|foi|est|était|ist|war|come|como|comme|als)\s+"
    r"(?:an?|the|un|una|uno|un'|um|uma|une|ein|eine|einen)?\s*"
    r"|,\s*(?:an?|un|una|uno|un'|um|uma|une|ein|eine|einen)\s+)(?:[\w'-]+\s+){0,2}$",
    regex.IGNORECASE,
)
_MATCHERS: dict[str, lint.PhraseMatcher] = {}


def _noun_matcher(lang: str) -> lint.PhraseMatcher:
    m = _MATCHERS.get(lang)
    if m is None:
        words = {w: 1 for w in person_nouns(lang)}
        if lang == "en":  # plurals of the ungendered ones: "his teachers" may include a woman
            words.update({w + "s": 1 for w in person_nouns(lang, "u") if not w.endswith("s")})
        m = _MATCHERS[lang] = lint.PhraseMatcher(words)
    return m


