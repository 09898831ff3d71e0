"""MTA005 age-conflict: an anaphoric age that matches no age given for anyone.

News copy introduces a person with an age (``the 35-year-old man``, ``Tomás Ruiz, 58,``)
and later refers back by age alone (``The 35-year-old remembers...``). Translation that
garbles a number leaves ``The 30-year-old`` pointing at nobody: when exactly one age was
given for a person and the anaphor's age is another one, the two conflict.

>>> import lint
>>> text = "Ivan, the 35-year-old man, told AFP he left. Later he came back. The 30-year-old remembers it."
>>> [f.text for f in lint.check_text(AgeConflict(), text, "en")]
['The 30-year-old']
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Optional

import regex

import lint

from ._mta_common import find_people, first_name, person_noun, person_nouns


@dataclass
class Mention:
    lo: int              # youngest age the mention allows
    hi: int              # oldest age
    start: int
    end: int
    anaphor: bool
    gender: Optional[str]  # m / f / None
    person: bool = True    # surely a person's age (not "a 100-year-old house", "20 years")
    who: tuple = ()        # the name the age belongs to, when one is given


def _alt(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


_PATTERNS: dict[str, list] = {}
#: what every "ana" pattern of a language needs, in the lower-cased text: a number glued to
#: its age word, or a word of a few (tested by :func:`_may_have_anaphor`, age word first)
_ANAPHOR_CUES = {
    "en": (re.compile(r"\d[-‑ ]year[-‑ ]old"), ()),
    "it": (re.compile(r"\d\s*-?enne"), ()),
    "es": (re.compile(r"\d\s+años"), ()),
    "pt": (re.compile(r"\d\s+anos"), ()),
    "fr": (re.compile(r"\d\s+ans"), ("naire", "quadra", "quinqua", "sexa")),
    "de": (re.compile(r"\d-jährig"), ()),
}


def _digit_before(low: str, word: str, min_spaces: int, hyphen: bool) -> bool:
    """``re.search(r"\\d\\s{min_spaces,}" + ("-?" if hyphen else "") + word, low)``, from
    the occurrences of ``word`` (``str.find``, C speed), looking back from each one.

    >>> _digit_before("a 32enne and a 40 -enne", "enne", 0, True), _digit_before("dans 2 ans", "ans", 1, False)
    (True, True)
    >>> _digit_before("dans les ans", "ans", 1, False), _digit_before("5 - enne", "enne", 0, True)
    (False, False)
    """
    i = low.find(word)
    while i >= 0:
        j = i - 1 if hyphen and i > 0 and low[i - 1] == "-" else i
        k = j
        while k > 0 and low[k - 1].isspace():
            k -= 1
        if j - k >= min_spaces and k > 0 and low[k - 1].isdecimal():  # re's \d and \s
            return True
        i = low.find(word, i + 1)
    return False


#: the cue of each language, as a test of the lower-cased text: the age word first (at C
#: speed), then the number before it (the anaphor patterns of ``_ANAPHOR_CUES``)
_CUE_TESTS = {
    "en": re.compile(r"year[-‑ ]old(?<=\d[-‑ ]year[-‑ ]old)").search,
    "it": lambda low: _digit_before(low, "enne", 0, True),
    "es": lambda low: _digit_before(low, "años", 1, False),
    "pt": lambda low: _digit_before(low, "anos", 1, False),
    "fr": lambda low: _digit_before(low, "ans", 1, False),
    "de": re.compile(r"-jährig(?<=\d-jährig)").search,
}


def _may_have_anaphor(low: str, lang: str) -> bool:
    """``_ANAPHOR_CUES[lang]`` found in ``low``."""
    return bool(_CUE_TESTS[lang](low)) or any(w in low for w in _ANAPHOR_CUES[lang][1])


def _anaphor_possible(low: str, lang: str) -> bool:
    """:func:`_may_have_anaphor`, and where the numbered anaphor names its person (``la
    mujer de 30 años``) that noun before the number (:func:`_noun_before_age`), unless a
    word of the cue's other anaphors is there (French ``la quinquagénaire``)."""
    if not _may_have_anaphor(low, lang):
        return False
    return lang not in _NOUN_AGE or any(w in low for w in _ANAPHOR_CUES[lang][1]) or _noun_before_age(low, lang)


#: the languages whose numbered "ana" pattern is ``<person noun>\s+de\s+\d{1,3}\s+<age word>``
#: (Spanish and Portuguese ``el hombre de 30 años``, French ``la femme de 30 ans``)
_NOUN_AGE = {"es": "años", "pt": "anos", "fr": "ans"}
_NOUN_AGE_RX: dict = {}


def _noun_before_age(low: str, lang: str) -> bool:
    """True when the lower-cased text may hold a person noun, white space, ``de``, white
    space, a number and its age word: every match of the numbered "ana" pattern of ``lang``
    does (the pattern, case-insensitive, lower-cased; ``\\S`` for the digits and no word
    boundaries: a superset). It is searched from each ``de ... años`` (a pattern opening
    with a literal, skipped to at C speed), then looks back for the noun.

    >>> _noun_before_age("vio a la mujer de 30 años.", "es"), _noun_before_age("hace más de 30 años", "es")
    (True, False)
    """
    got = _NOUN_AGE_RX.get(lang)
    if got is None:
        nouns = sorted({w.lower() for w in person_nouns(lang)}, key=len, reverse=True)
        got = _NOUN_AGE_RX[lang] = (
            re.compile(rf"de\s+\S{{1,3}}\s+{_NOUN_AGE[lang]}"),
            re.compile("(?:" + "|".join(map(re.escape, nouns)) + ")$") if nouns else None,
            max(map(len, nouns), default=0),
        )
    age, noun_end, longest = got
    if noun_end is None:
        return False
    m = age.search(low)
    while m is not None:
        d = j = m.start()
        while j > 0 and low[j - 1].isspace():  # str.isspace is re's \s, which holds regex's
            j -= 1
        if j < d and noun_end.search(low, max(0, j - longest), j):
            return True
        m = age.search(low, d + 1)
    return False


def _patterns(lang: str) -> list:
    """The patterns of ``lang`` (kind, compiled). The first call compiles those of every
    language (~20 ms): none is left to compile in the middle of a long run."""
    pats = _PATTERNS.get(lang)
    if pats is not None:
        return pats
    if not _PATTERNS:
        for other in AgeConflict.languages:
            _PATTERNS[other] = _compile(other)
    return _PATTERNS.setdefault(lang, _compile(lang))


def _compile(lang: str) -> list:
    nouns = _alt(person_nouns(lang)) if lang in ("en", "it", "es", "pt", "fr", "de") else "(?!x)x"
    P = lambda s: regex.compile(s, regex.IGNORECASE)  # noqa: E731
    pats = []
    if lang == "en":
        pats = [
            # the 30-year-old [verb / punctuation]: an anaphor
            ("ana", P(r"\bthe\s+(?P<n>\d{1,3})[-‑ ]year[-‑ ]old(?:['’]s)?(?![-\w])(?P<next>\s*\S+)?")),
            ("intro", P(rf"\b(?P<n>\d{{1,3}})[-‑ ]year[-‑ ]old\s+(?:\w+\s+){{0,2}}?(?P<noun>{nouns})\b")),
            ("intro", P(r"\b(?:aged|age)\s+(?P<n>\d{1,3})\b")),
            ("intro", P(r"\b(?P<n>\d{1,3})\s+years?\s+old\b")),
            ("intro", regex.compile(r"(?P<name>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?),\s+(?P<n>\d{1,2}),\s")),
            ("intro", regex.compile(r"(?P<name>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?)\s+\((?P<n>\d{1,2})\)")),
            ("any", P(r"\b(?P<n>\d{1,3})[-‑ ]years?[-‑ ]olds?\b")),
            ("any", P(r"\b(?:is|was|turned|turns|now|at|of)\s+(?P<n>\d{1,3})\b(?!\s*(?:%|percent|per|degrees|km|miles|"
                      r"kg|pounds|dollars|minutes|hours|days|weeks|months|years|people|of|[-.,:/]\d))")),
        ]
    elif lang == "it":
        pats = [
            ("ana", P(r"\b(?P<art>il|la|lo|l['’])\s*(?P<n>\d{1,3})\s*-?enne\b")),
            ("intro", P(r"(?<!\b(?:il|la|lo|l['’])\s*)\b(?P<n>\d{1,3})\s*-?enne\b")),
            ("intro", P(r"\b(?:di|da|ha|aveva|avrebbe|compiuto)\s+(?P<n>\d{1,3})\s+anni\b")),
            ("intro", regex.compile(r"(?P<name>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?),\s+(?P<n>\d{1,2})(?:\s+anni)?,\s")),
            ("intro", regex.compile(r"(?P<name>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?)\s+\((?P<n>\d{1,2})(?:\s+anni)?\)")),
            ("any", P(r"\b(?P<n>\d{1,3})\s+anni\b")),
        ]
    elif lang in ("es", "pt"):
        years = "años" if lang == "es" else "anos"
        defi = "el|la" if lang == "es" else "o|a"
        indef = "un|una" if lang == "es" else "um|uma"
        pats = [
            ("ana", P(rf"\b(?P<art>{defi})\s+(?:(?:joven|jovem|pequeña|pequeño|anciana|anciano)\s+)?"
                      rf"(?P<noun>{nouns})\s+de\s+(?P<n>\d{{1,3}})\s+{years}\b")),
            ("intro", P(rf"\b(?:{indef})\s+(?:\w+\s+){{0,2}}?(?P<noun>{nouns})\s+de\s+(?P<n>\d{{1,3}})\s+{years}\b")),
            ("intro", regex.compile(rf"(?P<name>\p{{Lu}}\p{{Ll}}+(?:\s+\p{{Lu}}\p{{Ll}}+)?),\s+(?:de\s+)?(?P<n>\d{{1,2}})\s+{years}\b")),
            ("intro", regex.compile(rf"(?P<name>\p{{Lu}}\p{{Ll}}+(?:\s+\p{{Lu}}\p{{Ll}}+)?)\s+\((?P<n>\d{{1,2}})(?:\s+{years})?\)")),
            ("intro", P(rf"\b(?:tiene|tenía|cumplió|tem|tinha|completou|aos|a\s+los|com)\s+(?P<n>\d{{1,3}})\s+{years}\b")),
            ("any", P(rf"\b(?P<n>\d{{1,3}})\s+{years}\b")),
        ]
    elif lang == "fr":
        pats = [
            ("ana", P(rf"\b(?P<art>le|la|l['’])\s*(?:jeune\s+)?(?P<noun>{nouns})\s+de\s+(?P<n>\d{{1,3}})\s+ans\b")),
            ("ana", P(r"\b(?P<art>le|la|l['’])\s*(?P<dec>trentenaire|quadragénaire|quinquagénaire|sexagénaire|"
                      r"septuagénaire|octogénaire|nonagénaire|quadra|quinqua|sexa)\b")),
            ("intro", P(rf"\b(?:un|une)\s+(?:\w+\s+){{0,2}}?(?P<noun>{nouns})\s+de\s+(?P<n>\d{{1,3}})\s+ans\b")),
            ("intro", P(r"\bâgée?s?\s+de\s+(?P<n>\d{1,3})\s+ans\b")),
            ("intro", regex.compile(r"(?P<name>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?),\s+(?P<n>\d{1,2})\s+ans\b")),
            ("intro", regex.compile(r"(?P<name>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?)\s+\((?P<n>\d{1,2})(?:\s+ans)?\)")),
            ("any", P(r"\b(?P<n>\d{1,3})\s+ans\b")),
        ]
    elif lang == "de":
        pats = [
            ("ana", regex.compile(r"\b(?P<art>[Dd]er|[Dd]ie|[Dd]em|[Dd]en|[Dd]es)\s+(?P<n>\d{1,3})-Jährigen?\b")),
            ("intro", regex.compile(r"\b(?:(?P<art>[Dd]er|[Dd]ie|[Ee]in|[Ee]ine)\s+)?(?P<n>\d{1,3})-jährige[rnms]?\s+"
                                    r"(?P<noun>\p{Lu}\p{Ll}+)")),
            ("intro", regex.compile(r"(?P<name>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?)\s+\((?P<n>\d{1,2})\)")),
            ("intro", regex.compile(r"(?P<name>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?),\s+(?P<n>\d{1,2}),\s")),
            ("intro", regex.compile(r"\b(?P<n>\d{1,3})\s+Jahre\s+alt\b")),
            ("any", P(r"\b(?P<n>\d{1,3})[-‑ ]?jährig")),
            ("any", P(r"\b(?P<n>\d{1,3})\s+Jahren?\b")),
        ]
    return pats


_DECADES = {"trentenaire": 30, "quadragénaire": 40, "quinquagénaire": 50, "sexagénaire": 60,
            "septuagénaire": 70, "octogénaire": 80, "nonagénaire": 90, "quadra": 40, "quinqua": 50,
            "sexa": 60}
#: words after "the 30-year-old" that show it heads no noun (an anaphor)
_EN_AFTER = frozenset(
    "who whose was is has had had said says told added explained remembers remembered recalls recalled "
    "admits admitted and but also then now later still would will could can did does went left lives "
    "lived works worked died arrived returned says added insists insisted hopes hoped wants wanted "
    "thinks thought believes believed knows knew decided found felt feels spent spends".split()
)
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday "
    "saturday sunday gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre "
    "novembre dicembre enero febrero abril mayo junio julio septiembre octubre noviembre diciembre "
    "janeiro fevereiro março maio junho julho setembro outubro novembro dezembro janvier février "
    "mars avril mai juin juillet août septembre octobre novembre décembre januar februar märz juni "
    "juli oktober dezember".split()
)
_DIGIT = regex.compile(r"\d")
_LETTERS = regex.compile(r"[\p{L}']+")
_CLOSING = regex.compile(r"[,.;:!?)”\"’—–-]")
#: quoted speech: its mentions of people introduce nobody to the narrative
_QUOTED = regex.compile(r"“[^”\n]*”|\"[^\"\n]*\"|«[^»\n]*»|„[^“”\n]*[“”]")
_INDEFINITE = {
    "en": ("a|an|another|one", "two|three|four|five|several|some|many|\\d+"),
    "it": ("un|una|uno|un'|un’|un'altra|un’altra|un altro", "due|tre|quattro|cinque|alcuni|alcune|\\d+"),
    "es": ("un|una|otro|otra", "dos|tres|cuatro|cinco|varios|varias|unos|unas|\\d+"),
    "pt": ("um|uma|outro|outra", "dois|duas|três|quatro|cinco|vários|várias|uns|umas|\\d+"),
    "fr": ("un|une|autre", "deux|trois|quatre|cinq|plusieurs|\\d+"),
    "de": ("ein|eine|einen|einem|einer", "zwei|drei|vier|fünf|mehrere|\\d+"),
}
_SOMEONE: dict = {}


def _someone(lang):
    """A person introduced without a name: "a man", "another woman", "two teenagers"."""
    pat = _SOMEONE.get(lang)
    if pat is None:
        one, many = _INDEFINITE.get(lang, _INDEFINITE["en"])
        nouns = person_nouns(lang) if lang in _INDEFINITE else person_nouns("en")
        plural = {"men", "women", "people", "children", "boys", "girls", "teenagers", "youths"}
        if lang == "en":
            plural |= {w + "s" for w in nouns if not w.endswith("s")}
        sing = _alt(nouns)
        pl = _alt(plural | set(nouns))
        pat = _SOMEONE[lang] = regex.compile(
            rf"\b(?:(?:{one})\s+(?:[\w'’-]+\s+){{0,2}}?(?:{sing})|(?:{many})\s+(?:[\w'’-]+\s+){{0,2}}?(?:{pl}))\b",
            regex.IGNORECASE)
    return pat


_YEAR = regex.compile(r"\b(1[89]\d\d|20\d\d)\b")
_ARTICLE_GENDER = {"il": "m", "lo": "m", "la": "f", "el": "m", "o": "m", "a": "f", "le": "m",
                   "der": "m", "die": "f"}


class AgeConflict(lint.Rule):
    """An anaphoric age (``The 30-year-old``, ``il 32enne``, ``la joven de 23 años``,
    ``der 35-Jährige``, ``le sexagénaire``, ``o jovem de 23 anos``) that matches no age
    the document gives, while exactly one other age was given for a person (``the
    35-year-old man``, ``Tomás Ruiz, 58,``). Translation that garbles a number leaves the
    anaphor pointing at nobody. Two people with two ages, a document with several ages, ages
    far apart (a child and a parent) or years that could explain the change are left alone."""

    code = "MTA005"
    name = "age-conflict"
    severity = "warning"
    languages = ("en", "it", "es", "pt", "fr", "de")
    summary = "an anaphoric age (the 30-year-old) conflicts with the only age given (35)"
    fix = "unsafe"
    fix_hint = "Check the source: use the same age throughout for the same person."
    confidence = 0.7
    matches = (
        lint.Example("Ivan Nesterov fled Russia in 2022. “I left,” the 35-year-old man told AFP.\n\n"
                     "Ivan came back in April. The 30-year-old remembers the feeling of freedom.", "en",
                     covers="The 30-year-old"),
        lint.Example("Mario Rossi, 45 anni, è partito a marzo. Dopo un mese il 42enne è tornato a casa.", "it",
                     covers="il 42enne"),
        lint.Example("Ana García, de 25 años, huyó en marzo. Dos meses después, la joven de 23 años volvió.", "es",
                     covers="la joven de 23 años"),
        lint.Example("Thomas Berger floh im Herbst. Der 35-jährige Mann arbeitete in Berlin. Im Frühjahr "
                     "kehrte der 38-Jährige zurück.", "de", covers="der 38-Jährige"),
        lint.Example("João Silva, 40 anos, partiu em março. Em abril, o homem de 46 anos voltou.", "pt",
                     covers="o homem de 46 anos"),
        lint.Example("Pierre Martin, 35 ans, est parti en mars. En mai, le quadragénaire est revenu.", "fr",
                     covers="le quadragénaire"),
    )
    no_matches = (
        lint.Example("“I left,” the 35-year-old man told AFP. The 35-year-old remembers it.", "en"),
        lint.Example("John, 35, and his wife Mary, 30, left. The 30-year-old said it was hard.", "en"),
        lint.Example("The 35-year-old man left in May. The 30-year-old building was empty.", "en"),
        lint.Example("Smith, 35, met a 31-year-old woman and a 44-year-old man. The 33-year-old was late.", "en"),
        lint.Example("Ivan, 35, lives with his son. The 8-year-old goes to school.", "en"),
        lint.Example("In the final, Kowalczyk, 30, lost to Nieminen. The 25-year-old served well.", "en"),
        lint.Example("Ivan Nesterov, 35, fled in May. The 30-year-old building he lived in was sold.", "en"),
        lint.Example("In 2015 Smith, 30, founded the firm. In 2021 the 36-year-old sold it.", "en"),
        lint.Example("Mario Rossi, 45 anni, è partito. Il 45enne è tornato a casa.", "it"),
        lint.Example("Ana García, de 25 años, huyó. El joven de 23 años que la acompañaba volvió.", "es"),
        lint.Example("Die 35-jährige Frau floh. Der 38-Jährige blieb zu Hause.", "de"),
        lint.Example("Pierre Martin, 35 ans, est parti. Le trentenaire est revenu.", "fr"),
    )

    def check(self, doc):
        text = doc.text
        if not _DIGIT.search(text) and "énaire" not in text:
            return
        mentions: list[Mention] = []
        seen: set[int] = set()
        langs = doc.languages & set(self.languages)
        # An anaphor needs its cue (a number and an age word): a test on the lower-cased text
        # spares the anaphor patterns of most languages (not when lower-casing moved letters,
        # 'İ', or when a long s, which the patterns fold to 's', is present).
        ana_langs = langs
        low = doc.lowered
        if len(low) == len(text) and "ſ" not in low:
            ana_langs = {lang for lang in langs if _anaphor_possible(low, lang)}
            if not ana_langs:
                return
        # anaphors first: most documents have none, and then nothing else is needed
        passes = [[(lang, kind, pat) for lang in ana_langs for kind, pat in _patterns(lang) if kind == "ana"],
                  [(lang, kind, pat) for lang in langs for kind, pat in _patterns(lang) if kind != "ana"]]
        for n_pass, todo in enumerate(passes):
            if n_pass == 1 and not mentions:
                return
            for lang, kind, pat in todo:
                for m in pat.finditer(text):
                        if doc.lang_at(m.start()) != lang:
                            continue
                        mention = self._mention(lang, kind, m)
                        if mention is None:
                            continue
                        key = m.start("n") if "n" in m.groupdict() and m.group("n") else m.start()
                        if key in seen:
                            continue
                        seen.add(key)
                        mentions.append(mention)
        if len(mentions) < 2 or not any(m.anaphor for m in mentions):
            return
        years = [int(y) for y in _YEAR.findall(text)]
        span = (max(years) - min(years)) if years else 0
        if len({(m.lo, m.hi) for m in mentions}) > 2:
            return  # three ages or more: several people, ambiguous
        by_age = Counter((m.lo, m.hi) for m in mentions)
        first_intro: dict = {}
        for m in mentions:
            if not m.anaphor and m.person:
                first_intro.setdefault((m.lo, m.hi), m)
        for x in mentions:
            if not x.anaphor:
                continue
            overlapping = sum(c for (lo, hi), c in by_age.items() if lo <= x.hi and x.lo <= hi)
            if overlapping > 1:
                continue  # some other mention allows this age
            ages = [a for a in by_age if a != (x.lo, x.hi)]
            if len(ages) != 1:
                continue  # no other age, or several people: ambiguous
            o = first_intro.get(ages[0])
            if o is None:
                continue
            if x.gender and o.gender and x.gender != o.gender:
                continue  # a man and a woman: two people
            gap = max(o.lo - x.hi, x.lo - o.hi)
            swapped = x.lo == x.hi and o.lo == o.hi and sorted(str(x.lo)) == sorted(str(o.lo))
            if (gap > 10 and not swapped) or gap <= span:
                continue  # far apart (parent and child), or years passed between; 42 / 24 is a slip
            if not self._about(doc, x, o):
                continue
            told = f"{o.lo}" if o.lo == o.hi else f"{o.lo}-{o.hi}"
            said = text[x.start:x.end]
            suggestion = None
            if o.lo == o.hi and x.lo == x.hi and str(x.lo) in said:
                suggestion = said.replace(str(x.lo), str(o.lo), 1)
            yield self.finding(
                doc, x.start, x.end,
                f"'{said}' matches no age in the document; the only age given for a person is {told} "
                f"('{text[o.start:o.end].strip()}')",
                suggestion=suggestion,
            )

    @staticmethod
    def _about(doc, x: Mention, o: Mention) -> bool:
        """Is the passage around anaphor ``x`` about the person introduced by ``o`` (named
        there, and nobody else named)? "Federer, 30, lost to Nadal. The 25-year-old..." is
        about someone else."""
        text = doc.text
        who = o.who
        if not who:
            para = doc.paragraph_at(o.start)
            if para is None:
                return False
            before = [p for p in find_people(text, para.start, o.start, para.lang) if p.end <= o.start]
            if not before:
                return False
            who = before[-1].words
        para = doc.paragraph_at(x.start)
        if para is None:
            return False
        paras = doc.paragraphs
        people = []
        for q in paras[max(0, para.index - 1): para.index + 1]:
            people += find_people(text, q.start, min(q.end, x.start), q.lang)
        names = set(who)
        if not any(set(p.words) & names for p in people):
            return False  # the person with that age is not in the passage
        if not all(set(p.words) & names for p in people):
            return False  # somebody else is named there
        # nor anyone else introduced unnamed: "Police arrested a man. The 40-year-old..."
        # (mentions inside quotations introduce nobody)
        lo = paras[max(0, para.index - 1)].start
        window = text[lo:x.start]
        if lo <= o.start < x.start:  # "a 35-year-old man" is the person with that age
            window = window[:o.start - lo] + " " * (min(o.end, x.start) - o.start) + window[min(o.end, x.start) - lo:]
        narrative = _QUOTED.sub(" ", window)
        return _someone(para.lang).search(narrative) is None

    @staticmethod
    def _mention(lang, kind, m) -> Optional[Mention]:
        gd = m.groupdict()
        gender = None
        if gd.get("dec"):
            # casefold: the pattern ignores case with full folding ('ſexagénaire')
            lo = _DECADES.get(m.group("dec").casefold())
            if lo is None:
                return None
            return Mention(lo, lo + 9, m.start(), m.end(), True, _ARTICLE_GENDER.get((gd.get("art") or "").lower()))
        n = int(m.group("n"))
        if not 1 <= n <= 110:
            return None
        person = kind != "any"
        if gd.get("name"):
            words = m.group("name").split()
            if any(w.lower() in _MONTHS for w in words):
                return None
            known = False
            for w in words:
                fn = first_name(w)
                if fn:
                    known = True
                    if fn[0] in "mf":
                        gender = fn[0]
                    break
            if not known and any(lint.zipf(w, lang) >= 4.0 for w in words):
                person = False  # "Chapter (3)", "Figure, 2,"
        if gd.get("noun"):
            g = person_noun(m.group("noun"), lang)
            if g in ("m", "f"):
                gender = g
        if gd.get("art") and gender is None:
            art = m.group("art").lower()
            if not (lang == "de" and (kind == "intro" or m.group().endswith("n"))):
                gender = _ARTICLE_GENDER.get(art)
        end = m.end()
        if kind == "ana" and lang == "en":
            nxt = (gd.get("next") or "").strip()
            end = m.start("next") if gd.get("next") is not None else m.end()
            word = _LETTERS.match(nxt)
            if nxt and word:
                w = word.group().lower()
                if w not in _EN_AFTER and not (w.endswith(("s", "ed")) and person_noun(w, "en") is None
                                               and not w.endswith(("ss", "us"))):
                    return None  # "the 30-year-old building": heads a noun
                if person_noun(w, "en"):
                    return None
            elif nxt and not _CLOSING.match(nxt):
                return None
        who = tuple(m.group("name").split()) if gd.get("name") and person else ()
        return Mention(n, n, m.start(), end, kind == "ana", gender, person, who)
