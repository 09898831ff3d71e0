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
from functools import lru_cache
from typing import Optional

import regex

import lint

from ._mta_common import PLACE_WORDS, find_people, first_name, person_noun, person_nouns

_NOUN_LANGS = ("en", "it", "es", "pt", "fr", "de", "nl", "sv", "ru", "pl", "tr", "zh", "ja")


@lru_cache(maxsize=1)
def _age_nouns() -> dict:
    """(word, lang) -> gender of the job and person nouns of ``age_nouns.tsv`` (this rule's own
    lexicon, added to the shared person nouns)."""
    out: dict = {}
    for row in lint.read_tsv(lint.data_path(__file__, "lexicons", "mta", "age_nouns.tsv"), 3):
        key = (row[0].lower(), row[2])
        out[key] = "u" if key in out and out[key] != row[1] else row[1]
    return out


def _noun_gender(word: str, lang: str) -> Optional[str]:
    """Gender (m/f/u) of a person noun of ``lang`` (shared lexicon, then this rule's), or None."""
    return person_noun(word, lang) or _age_nouns().get((word.lower(), lang))


@lru_cache(maxsize=None)
def _nouns(lang: str) -> tuple:
    return tuple(sorted(set(person_nouns(lang)) | {w for (w, l) in _age_nouns() if l == lang}))


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
    name_ok: bool = False  # ``who`` is surely a person's name (a known first name, a full name)
    noun: bool = False     # an age with a person noun and no article (``45-летний фермер``)


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
    "nl": (re.compile(r"\d-jarig"), ()),
    "sv": (re.compile(r"\d-åri"), ()),
    "ru": (re.compile(r"\d[-‑]летн"), ()),
    "pl": (re.compile(r"\d[-‑]l[ea]t"), ()),
    "tr": (re.compile(r"\d\s+yaşında"), ()),
    "zh": (re.compile(r"\d\s*岁"), ()),
    "ja": (re.compile(r"\d\s*歳|[（(]\d{1,3}[）)]"), ()),
}


def _digit_before(low: str, word: str, min_spaces: int, hyphen: bool, want: int = 1) -> bool:
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
            want -= 1
            if not want:
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
    **{lang: _ANAPHOR_CUES[lang][0].search for lang in ("nl", "sv", "ru", "pl", "tr", "zh", "ja")},
}
#: the same tests for a second cue: a conflict needs two ages, and one number of years
#: ("hace 5 años", "il y a 10 ans") is the usual case in text that gives none
_SECOND_CUE_TESTS = {
    "en": lambda low: len(re.findall(r"\d[-‑ ]year[-‑ ]old", low)) >= 2,
    "it": lambda low: _digit_before(low, "enne", 0, True, 2),
    "es": lambda low: _digit_before(low, "años", 1, False, 2),
    "pt": lambda low: _digit_before(low, "anos", 1, False, 2),
    "fr": lambda low: _digit_before(low, "ans", 1, False, 2),
    "de": lambda low: len(re.findall(r"\d-jährig", low)) >= 2,
    **{lang: (lambda cue: lambda low: len(cue.findall(low)) >= 2)(_ANAPHOR_CUES[lang][0])
       for lang in ("nl", "sv", "ru", "pl", "tr", "zh", "ja")},
}


def _may_have_anaphor(low: str, lang: str) -> bool:
    """``_ANAPHOR_CUES[lang]`` found in ``low``."""
    return bool(_CUE_TESTS[lang](low)) or any(w in low for w in _ANAPHOR_CUES[lang][1])


def _anaphor_possible(low: str, lang: str) -> bool:
    """:func:`_may_have_anaphor`: an age of ``lang`` may be in the text."""
    return _may_have_anaphor(low, lang)


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


#: a capitalised name of one to three words (Latin, Cyrillic, Turkish letters)
_CAP = r"\p{Lu}[\p{Ll}\p{M}]+(?:[ -]\p{Lu}[\p{Ll}\p{M}]+){0,2}"


def _compile(lang: str) -> list:
    """(kind, pattern) of ``lang``, anaphors first. Kinds: ``ana`` (refers back: the
    30-year-old), ``intro`` (gives a person's age), ``noun`` (an age and a person noun in a
    language without articles, ``45-летний фермер``: an introduction where it comes first,
    an anaphor after), ``named`` (an age whose person is named right after it, ``34 yaşındaki
    Emre Çelik``; nothing without that name) and ``any`` (an age of anything)."""
    nouns = _alt(_nouns(lang)) if lang in _NOUN_LANGS else "(?!x)x"
    P = lambda s: regex.compile(s, regex.IGNORECASE)  # noqa: E731
    R = regex.compile
    name_paren = ("intro", R(rf"(?P<name>{_CAP})\s+\((?P<n>\d{{1,2}})\)"))
    name_comma = ("intro", R(rf"(?P<name>{_CAP}),\s+(?P<n>\d{{1,2}}),\s"))
    pats = []
    if lang == "en":
        pats = [
            # the 30-year-old [verb / punctuation]: an anaphor
            ("ana", P(r"\bthe\s+(?P<n>\d{1,3})[-‑ ]year[-‑ ]old(?:['’]s)?(?![-\w])(?P<next>\s*\S+)?")),
            # Aged 38, he ...: refers back to the person of the sentence before
            ("ana", R(r"(?:^|(?<=[.!?]\s+))(?P<lead>Aged)\s+(?P<n>\d{1,3}),\s+(?P<pron>he|she)\b", regex.MULTILINE)),
            ("intro", P(rf"\b(?P<n>\d{{1,3}})[-‑ ]year[-‑ ]old\s+(?:\w+\s+){{0,2}}?(?P<noun>{nouns})\b")),
            ("named", P(r"\b(?P<n>\d{1,3})[-‑ ]year[-‑ ]old\b")),
            ("intro", P(r"\b(?:aged|age)\s+(?P<n>\d{1,3})\b")),
            ("intro", P(r"\b(?P<n>\d{1,3})\s+years?\s+old\b")),
            name_comma, name_paren,
            ("any", P(r"\b(?P<n>\d{1,3})[-‑ ]years?[-‑ ]olds?\b")),
            ("any", P(r"\b(?:is|was|turned|turns|now|at|of)\s+(?P<n>\d{1,3})\b(?!\s*(?:%|percent|per|degrees|km|miles|"
                      r"kg|pounds|dollars|minutes|hours|days|weeks|months|years|people|of|[-.,:/]\d))")),
        ]
    elif lang == "it":
        pats = [
            ("ana", P(r"\b(?P<art>il|la|lo|l['’]|del|della|dello|dell['’]|dal|dalla|dallo|dall['’]|al|alla|allo|"
                      r"all['’]|nel|nella|col)\s*(?P<n>\d{1,3})\s*-?enne\b")),
            ("intro", P(r"\b(?P<n>\d{1,3})\s*-?enne\b")),
            ("intro", P(r"\b(?:di|da|ha|aveva|avrebbe|compiuto)\s+(?P<n>\d{1,3})\s+anni\b")),
            ("intro", R(rf"(?P<name>{_CAP}),\s+(?P<n>\d{{1,2}})(?:\s+anni)?,\s")),
            ("intro", R(rf"(?P<name>{_CAP})\s+\((?P<n>\d{{1,2}})(?:\s+anni)?\)")),
            ("any", P(r"\b(?P<n>\d{1,3})\s+anni\b")),
        ]
    elif lang in ("es", "pt"):
        years = "años" if lang == "es" else "anos"
        defi = "el|la" if lang == "es" else "o|a"
        indef = "un|una" if lang == "es" else "um|uma"
        count = ("dos|tres|cuatro|cinco|seis|\\d+" if lang == "es" else "dois|duas|três|quatro|cinco|seis|\\d+")
        pats = [
            ("ana", P(rf"\b(?P<art>{defi})\s+(?:(?:joven|jovem|pequeña|pequeño|anciana|anciano)\s+)?"
                      rf"(?P<noun>{nouns})\s+de\s+(?P<n>\d{{1,3}})\s+{years}\b")),
            # El jubilado, de 71 años / O pai de dois filhos, de 45 anos
            ("ana", R(rf"(?:^|(?<=[.!?]\s+))(?P<art>(?i:{defi}))\s+(?P<noun>(?i:{nouns}))"
                      rf"(?:\s+de\s+(?:{count})\s+\p{{Ll}}+)?,\s+de\s+(?P<n>\d{{1,3}})\s+{years}\b", regex.MULTILINE)),
            ("intro", P(rf"\b(?:{indef})\s+(?:\w+\s+){{0,2}}?(?P<noun>{nouns})\s+de\s+(?P<n>\d{{1,3}})\s+{years}\b")),
            ("intro", R(rf"(?P<name>{_CAP}),\s+(?:de\s+)?(?P<n>\d{{1,2}})\s+{years}\b")),
            ("intro", R(rf"(?P<name>{_CAP})\s+\((?P<n>\d{{1,2}})(?:\s+{years})?\)")),
            ("intro", P(rf"\b(?:tiene|tenía|cumplió|tem|tinha|completou|aos|a\s+los|com)\s+(?P<n>\d{{1,3}})\s+{years}\b")),
            ("any", P(rf"\b(?P<n>\d{{1,3}})\s+{years}\b")),
        ]
    elif lang == "fr":
        pats = [
            ("ana", P(rf"\b(?P<art>le|la|l['’])\s*(?:jeune\s+)?(?P<noun>{nouns})\s+de\s+(?P<n>\d{{1,3}})\s+ans\b")),
            ("ana", P(r"\b(?P<art>le|la|l['’])\s*(?P<dec>trentenaire|quadragénaire|quinquagénaire|sexagénaire|"
                      r"septuagénaire|octogénaire|nonagénaire|quadra|quinqua|sexa)\b")),
            # Âgé de 38 ans, il ...: refers back to the person of the sentence before
            ("ana", R(r"(?:^|(?<=[.!?]\s+))(?P<lead>Âgée?)\s+de\s+(?P<n>\d{1,3})\s+ans,\s+(?P<pron>il|elle)\b",
                      regex.MULTILINE)),
            ("intro", P(rf"\b(?:un|une)\s+(?:\w+\s+){{0,2}}?(?P<noun>{nouns})\s+de\s+(?P<n>\d{{1,3}})\s+ans\b")),
            ("intro", P(r"\bâgée?s?\s+de\s+(?P<n>\d{1,3})\s+ans\b")),
            ("intro", R(rf"(?P<name>{_CAP}),\s+(?P<n>\d{{1,2}})\s+ans\b")),
            ("intro", R(rf"(?P<name>{_CAP})\s+\((?P<n>\d{{1,2}})(?:\s+ans)?\)")),
            ("any", P(r"\b(?P<n>\d{1,3})\s+ans\b")),
        ]
    elif lang == "de":
        pats = [
            ("ana", R(r"\b(?P<art>[Dd]er|[Dd]ie|[Dd]em|[Dd]en|[Dd]es)\s+(?P<n>\d{1,3})-Jährigen?\b")),
            ("intro", R(r"\b(?:(?P<art>[Dd]er|[Dd]ie|[Ee]in|[Ee]ine)\s+)?(?P<n>\d{1,3})-jährige[rnms]?\s+"
                        r"(?P<noun>\p{Lu}\p{Ll}+)")),
            name_paren, name_comma,
            ("intro", R(r"\b(?P<n>\d{1,3})\s+Jahre\s+alt(?:e[rnms]?)?\b")),
            ("any", P(r"\b(?P<n>\d{1,3})[-‑ ]?jährig")),
            ("any", P(r"\b(?P<n>\d{1,3})\s+Jahren?\b")),
        ]
    elif lang == "nl":
        pats = [
            ("ana", P(r"\b(?P<art>de)\s+(?P<n>\d{1,3})-jarige(?![-\w])(?P<next>\s*\S+)?")),
            ("noun", P(rf"\b(?P<n>\d{{1,3}})-jarige?\s+(?P<noun>{nouns})\b")),
            ("named", P(r"\b(?P<n>\d{1,3})-jarige?\b")),
            name_paren, name_comma,
            ("any", P(r"\b(?P<n>\d{1,3})-jarig")),
            ("any", P(r"\b(?P<n>\d{1,3})\s+jaar\b")),
        ]
    elif lang == "sv":
        pats = [
            ("ana", P(r"\b(?P<art>den)\s+(?P<n>\d{1,3})-åri(?:ge|ga)(?![-\w])(?P<next>\s*\S+)?")),
            ("ana", P(r"\b(?P<n>\d{1,3})-åringen\b")),
            ("noun", P(rf"\b(?P<n>\d{{1,3}})-åri(?:g|ga|ge)\s+(?P<noun>{nouns})\b")),
            ("named", P(r"\b(?P<n>\d{1,3})-åri(?:g|ga|ge)\b")),
            name_paren, name_comma,
            ("any", P(r"\b(?P<n>\d{1,3})-åri")),
            ("any", P(r"\b(?P<n>\d{1,3})\s+år\b")),
        ]
    elif lang == "ru":
        pats = [
            ("noun", P(r"\b(?P<n>\d{1,3})[-‑]летн(?P<end>ий|его|ему|им|ем|яя|ей|юю|ие|их|ими)\b")),
            ("intro", R(rf"(?P<name>{_CAP}),\s+(?P<n>\d{{1,3}})\s+(?:лет|год|года)\b")),
            name_paren,
            ("any", P(r"\b(?P<n>\d{1,3})\s+(?:лет|год|года)\b")),
        ]
    elif lang == "pl":
        pats = [
            ("noun", P(r"\b(?P<n>\d{1,3})[-‑]lat(?P<end>ek|ka|ki|ku|kowi|kiem|kę|ce)\b")),
            ("noun", P(r"\b(?P<n>\d{1,3})[-‑]letni(?P<end>a|ego|emu|m|ej|ą|e|ch)?\b")),
            ("intro", R(rf"(?P<name>{_CAP}),\s+lat\s+(?P<n>\d{{1,3}})\b")),
            name_paren,
            ("any", P(r"\b(?P<n>\d{1,3})\s+lat\b")),
            ("any", P(r"\blat\s+(?P<n>\d{1,3})\b")),
        ]
    elif lang == "tr":
        pats = [
            ("noun", P(r"\b(?P<n>\d{1,3})\s+yaşındaki\b")),
            ("intro", R(rf"(?P<name>{_CAP}),\s+(?P<n>\d{{1,3}})\s+yaşında\b")),
            name_paren,
            ("any", P(r"\b(?P<n>\d{1,3})\s+yaş")),
        ]
    elif lang == "zh":
        pats = [
            ("noun", R(r"(?P<n>\d{1,3})\s*岁的(?P<cjk>\p{Han}{2})")),
            ("any", R(r"(?P<n>\d{1,3})\s*(?:岁|周岁)")),
        ]
    elif lang == "ja":
        pats = [
            ("noun", R(r"(?P<n>\d{1,3})\s*歳の(?P<cjk>[\p{Han}\p{Katakana}ー・]{1,8}?)"
                       r"(?P<hon>さん|氏|容疑者|被告|選手|監督|くん|君|ちゃん)")),
            ("noun", R(r"(?P<n>\d{1,3})\s*歳の(?P<noun>男性|女性|男児|女児|少年|少女|会社員|無職|男|女)")),
            ("intro", R(r"(?<!\p{Han})(?P<cjk>\p{Han}{2,5}?)(?P<hon>さん|氏|容疑者|被告|選手)[（(](?P<n>\d{1,3})[）)]")),
            ("any", R(r"(?P<n>\d{1,3})\s*歳")),
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
#: a year that is a deadline or a plan, not a time the story moved to ("by 2026", "entro il 2026")
_DEADLINE = regex.compile(r"(?i:\b(?:by|until|till|before|entro|fino\s+al|hasta|para|até|d['’]ici|jusqu['’](?:en|à)|"
                          r"bis|tegen|tot|senast|till|до|к|do|przed)(?:\s+(?:the|il|el|o|le|l['’]|dem|het|het\s+jaar|"
                          r"end\s+of|fine|finales\s+de|final\s+de|fin)){0,2}\s+$)")
#: time passing or a birthday between two ages: "years later", "anni dopo", "on his birthday"
_TIME_PASSED = regex.compile(
    r"(?i:\b(?:years?|decades?)\s+(?:later|on|after)\b|\b(?:birthday|anniversary|turned|turns)\b|"
    r"\banni\s+dopo\b|\b(?:compleanno|anniversario|compiuto|compie)\b|"
    r"\baños\s+(?:después|más\s+tarde)\b|\b(?:cumpleaños|aniversario|cumplió|cumple)\b|"
    r"\banos\s+(?:depois|mais\s+tarde)\b|\b(?:aniversário|completou|faz)\b|"
    r"\bans\s+(?:plus\s+tard|après)\b|\b(?:anniversaire|fêté)\b|"
    r"\bJahren?\s+(?:später|danach)\b|\b(?:Geburtstag|Jubiläum|wurde\s+\S+\s+Jahre)\b|"
    r"\bjaar\s+(?:later|daarna)\b|\b(?:verjaardag|jarig)\b|"
    r"\bår\s+senare\b|\b(?:födelsedag|fyller|fyllde)\b|"
    r"(?:лет|года?)\s+спустя\b|\bспустя\b|\b(?:день\s+рождения|юбилей|исполнилось|исполнится)\b|"
    r"\b(?:lat|lata)\s+później\b|\b(?:urodziny|urodzin|skończył|skończyła|kończy)\b|"
    r"\byıl\s+sonra\b|\b(?:doğum\s+günü|yaşına\s+(?:girdi|basan|bastı))|"
    r"年(?:后|後|以后|之后)|生日|周岁|誕生日)")
#: an age told of the past, in the anaphor's own sentence: "years ago", "anni fa", "hace cinco años"
_AGO = regex.compile(
    r"(?i:\b(?:years?|decades?)\s+(?:ago|earlier)\b|\banni\s+(?:fa|prima)\b|\bhace\s+\S+\s+años\b|\baños\s+antes\b|"
    r"\bhá\s+\S+\s+anos\b|\banos\s+antes\b|\bil\s+y\s+a\s+\S+\s+ans\b|\bans\s+auparavant\b|\bvor\s+\S+\s+Jahren\b|"
    r"\bJahren?\s+(?:zuvor|früher)\b|\bjaar\s+(?:eerder|geleden)\b|\bår\s+(?:sedan|tidigare)\b|(?:лет|года?)\s+назад\b|"
    r"\b(?:lat|lata)\s+temu\b|\byıl\s+önce\b|年前|\b(?:when|then|at\s+the\s+time|back\s+then)\b)")
_ARTICLE_GENDER = {"il": "m", "lo": "m", "la": "f", "el": "m", "o": "m", "a": "f", "le": "m",
                   "der": "m", "die": "f", "del": "m", "dal": "m", "al": "m", "nel": "m", "col": "m",
                   "dello": "m", "dallo": "m", "allo": "m", "della": "f", "dalla": "f", "alla": "f", "nella": "f",
                   "âgé": "m", "âgée": "f", "he": "m", "she": "f", "il ": "m", "elle": "f"}
#: a person named right after an age: ``34enne Davide Marino``, ``19-year-old striker Daniel Okafor``
_NAME_AFTER = regex.compile(rf"[ \t]+(?:(?P<noun>\p{{Ll}}[\p{{Ll}}\p{{M}}-]*)[ \t]+)?(?P<name>{_CAP})")
#: a person named right before an age: ``Carmen Ruiz, a 58-year-old teacher``
_NAME_BEFORE = regex.compile(
    rf"(?P<name>{_CAP}),\s+(?:(?:a|an|een|en|ett|ein|eine|un|una|um|uma|une)\s+)?$")
#: words of a Dutch or Swedish anaphor's next word that show it is a verb (``De 53-jarige
#: overweegt``), not a noun it heads (``de 30-jarige oorlog``)
_NEXT_VERB = {
    "nl": frozenset("is was werd wordt had heeft zegt zei zat zit staat stond woont woonde werkt werkte kwam komt "
                    "ging gaat kreeg krijgt wil wilde kan kon moet moest zou zal liep loopt bleef blijft overleed "
                    "raakte vond vindt denkt dacht hoopt hoopte vertelt vertelde overweegt die uit".split()),
    "sv": frozenset("är var blev blir har hade säger sa sade berättar berättade bor bodde arbetar arbetade kom "
                    "kommer gick går fick får vill ville kan kunde måste skulle ska fördes förs dog hoppas tror "
                    "trodde tänker som från".split()),
}
#: the most common Chinese family names (general knowledge): a name after ``32岁的`` starts with one
_ZH_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石"
    "廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
#: Polish and Russian age adjective endings and Polish age nouns that tell the gender
_END_GENDER = {"ий": "m", "его": "m", "ему": "m", "им": "m", "ем": "m", "яя": "f", "ей": "f", "юю": "f",
               "ek": "m", "ku": "m", "kowi": "m", "kiem": "m", "ka": "f", "kę": "f", "ce": "f",
               "": "m", "ego": "m", "emu": "m", "m": "m", "a": "f", "ej": "f", "ą": "f"}
#: prepositions after which a capitalised word is a place or a body, not a person
_PLACE_PREP = PLACE_WORDS | frozenset(
    "em no na nos nas do dos das pelo pela w we z ze przy pod nad u в во из на под у при около к "
    "på från till vid i naar uit bij op te van uit tot near outside inside towards toward by "
    "à 'da da'ya de'de".split())


class AgeConflict(lint.Rule):
    """An anaphoric age (``The 30-year-old``, ``il 32enne``, ``la joven de 23 años``,
    ``der 35-Jährige``, ``le sexagénaire``, ``o jovem de 23 anos``) that matches no age
    the document gives, while exactly one other age was given for a person (``the
    35-year-old man``, ``Tomás Ruiz, 58,``). Translation that garbles a number leaves the
    anaphor pointing at nobody. Also two ages given for one named person (``34 yaşındaki
    Emre Çelik`` ... ``36 yaşındaki Çelik``, ``32岁的李强`` ... ``35岁的李强``, ``42歳の山本健一さん``
    ... ``45歳の山本さん``), and the appositive anaphors ``El jubilado, de 71 años``, ``Âgé de
    38 ans, il``, ``De 53-jarige``, ``Den 47-årige``, ``41-latka``. Two people with two ages,
    a document with several ages, ages far apart (a child and a parent), another person named
    or introduced in between, years told between the two mentions, ``years later`` or a
    birthday are left alone."""

    code = "MTA005"
    name = "age-conflict"
    severity = "warning"
    languages = _NOUN_LANGS
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
        lint.Example("Lucie Bernard, une boulangère de 29 ans, a ouvert sa boutique à Nantes. Âgée de 32 ans, "
                     "elle emploie déjà trois personnes.", "fr", covers="Âgée de 32 ans"),
        lint.Example("Los vecinos sacaron a una mujer de 80 años del portal. La anciana, de 84 años, no sufrió "
                     "heridas.", "es", covers="La anciana, de 84 años"),
        lint.Example("Rui Matos, de 52 anos, perdeu o barco. O pescador de três gerações, de 57 anos, quer "
                     "recomeçar.", "pt", covers="de 57 anos"),
        lint.Example("Il laboratorio è guidato dal 41enne Stefano Galli. Il 44enne spera di assumere altri due "
                     "tecnici.", "it", covers="Il 44enne"),
        lint.Example("Bakker Wim Hoekstra, een 61-jarige ondernemer uit Sneek, stopt. De 66-jarige zegt dat hij "
                     "moe is.", "nl", covers="De 66-jarige"),
        lint.Example("En 62-årig kvinna i Kiruna blev biten av en hund. Den 65-åriga fick åka till sjukhus.", "sv",
                     covers="Den 65-åriga"),
        lint.Example("52-letni kierowca Tomasz Mazur jechał do Gdańska. 55-letni Mazur nie miał prawa jazdy.", "pl",
                     covers="55-letni"),
        lint.Example("28 yaşındaki aşçı Burak Aydoğan bir restoran açtı. 31 yaşındaki Aydoğan çok mutlu.", "tr",
                     covers="31 yaşındaki"),
        lint.Example("27岁的张伟在成都开了一家书店。他说生意不错。29岁的张伟希望明年再开一家。", "zh",
                     covers="29岁的张伟"),
        lint.Example("63歳の佐藤和夫さんは農家を継いだ。66歳の佐藤さんは米を作っている。", "ja",
                     covers="66歳の佐藤さん"),
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
        # two people of one family, ages listed, a birthday, a planned year, a place named like a person
        lint.Example("Sofia Berg, 42, runs the farm. Her brother Erik, 39, left. The 39-year-old lives in Oslo.", "en"),
        lint.Example("Hugo Lindqvist, 52, sold the shop. He turns 53 next week, and the 53-year-old plans a party.",
                     "en"),
        lint.Example("The shop was opened by 34-year-old Priya Natarajan. By 2030 the 36-year-old wants ten shops.",
                     "en"),
        lint.Example("Anna Kowalska, 34, Jan Nowak, 41, and Piotr Wiśniewski, 38, were hurt. The 36-year-old went "
                     "home.", "en"),
        lint.Example("Greta Lind, 29, met Mario Lopez at the station. The 33-year-old said he was late.", "en"),
        lint.Example("Jonas Keller (35) wohnt in Köln. Ein 38-jähriger Nachbar half ihm. Der 38-Jährige wurde "
                     "verletzt.", "de"),
        lint.Example("Thomas Girard, 34 ans, habite à Lyon. Sa femme Claire, 36 ans, est infirmière. Âgée de 36 ans, "
                     "elle adore son métier.", "fr"),
        lint.Example("Rui Costa, de 45 anos, festejou o aniversário. O pai de três filhos, de 46 anos, agradeceu.",
                     "pt"),
        lint.Example("Il 34enne Luca Sarti ha fondato l'azienda. Il 36enne Marco Sarti, suo cugino, la dirige.", "it"),
        lint.Example("Jan de Vries (48) en zijn zus Els (45) runnen de zaak. De 45-jarige doet de boekhouding.", "nl"),
        lint.Example("De 30-jarige oorlog begon in 1618. Historicus Piet Jansen (58) schreef erover.", "nl"),
        lint.Example("Lena Holm, 38, bor i Umeå. Grannen, en 41-årig man, hjälper henne. Den 41-årige säger att det "
                     "går bra.", "sv"),
        lint.Example("38-letnia Ewa Nowak i 41-letnia Maria Zając prowadzą schronisko. 41-latka przyznaje, że jest "
                     "trudno.", "pl"),
        lint.Example("45-летний Олег Смирнов и 43-летний Иван Петров открыли кафе.", "ru"),
        lint.Example("34 yaşındaki Ayşe Yıldız, 36 yaşındaki kocası Murat ile birlikte yaşıyor.", "tr"),
        lint.Example("34 yaşındaki Mehmet Demir ile 36 yaşındaki Ali Demir kardeştir.", "tr"),
        lint.Example("32岁的李娜去年开了一家店。今年，35岁的李娜的姐姐也加入了。", "zh"),
        lint.Example("42歳の田中一郎さんと45歳の田中花子さんは夫婦だ。", "ja"),
    )

    def check(self, doc):
        text = doc.text
        if not _DIGIT.search(text) and "énaire" not in text:
            return
        mentions: list[Mention] = []
        seen: set[int] = set()
        langs = doc.languages & set(self.languages)
        # An age needs its cue (a number and an age word): a test on the lower-cased text spares
        # the patterns of most languages (not when lower-casing moved letters, 'İ', or when a
        # long s, which the patterns fold to 's', is present).
        low = doc.lowered
        low_ok = len(low) == len(text) and "ſ" not in low
        if low_ok:
            langs = {lang for lang in langs if _anaphor_possible(low, lang)}
            if not langs:
                return
        for lang in langs:
            pats = _patterns(lang)
            if not (low_ok and _SECOND_CUE_TESTS[lang](low)):
                # one age cue: only an anaphor can conflict with an age told without one
                # ("Name, 58, ... the 55-year-old"), so the others are looked for only when
                # an anaphor is there; two cues may be two introductions of one person
                if not any(kind in ("ana", "noun") and pat.search(text) for kind, pat in pats):
                    continue
            for kind, pat in pats:
                for m in pat.finditer(text):
                    key = m.start("n") if m.groupdict().get("n") else m.start()
                    if key in seen or doc.lang_at(m.start()) != lang:
                        continue
                    mention = self._mention(lang, kind, m)
                    if mention is None:
                        continue
                    seen.add(key)
                    mentions.append(mention)
        if len(mentions) < 2:
            return
        mentions.sort(key=lambda m: m.start)
        done: set = set()
        for x, o in self._same_name(doc, mentions):
            done.add(x.start)
            yield self._report(doc, x, o, same_person=True)
        if not any(m.anaphor or m.noun for m in mentions):
            return
        if len({(m.lo, m.hi) for m in mentions}) > 2:
            return  # three ages or more: several people, ambiguous
        by_age = Counter((m.lo, m.hi) for m in mentions)
        first_intro: dict = {}
        for m in mentions:
            if m.person and not m.anaphor:
                first_intro.setdefault((m.lo, m.hi), m)
        for x in mentions:
            if x.start in done or x.who or not (x.anaphor or x.noun):
                continue
            overlapping = sum(c for (lo, hi), c in by_age.items() if lo <= x.hi and x.lo <= hi)
            if overlapping > 1:
                continue  # some other mention allows this age
            ages = [a for a in by_age if a != (x.lo, x.hi)]
            if len(ages) != 1:
                continue  # no other age, or several people: ambiguous
            o = first_intro.get(ages[0])
            if o is None or o.start > x.start:
                continue
            if x.gender and o.gender and x.gender != o.gender:
                continue  # a man and a woman: two people
            if not self._conflict(doc, x, o):
                continue
            if not self._about(doc, x, o):
                continue
            yield self._report(doc, x, o)

    def _report(self, doc, x: Mention, o: Mention, same_person: bool = False):
        text = doc.text
        told = f"{o.lo}" if o.lo == o.hi else f"{o.lo}-{o.hi}"
        said = text[x.start:x.end]
        first = text[o.start:o.end].strip()
        suggestion = None
        if o.lo == o.hi and x.lo == x.hi and said.count(str(x.lo)) == 1:
            suggestion = said.replace(str(x.lo), str(o.lo), 1)
        if same_person:
            message = f"'{said}' gives the same person another age than before: {told} ('{first}')"
        else:
            message = f"'{said}' matches no age in the document; the only age given for a person is {told} ('{first}')"
        return self.finding(doc, x.start, x.end, message, suggestion=suggestion)

    @staticmethod
    def _conflict(doc, x: Mention, o: Mention) -> bool:
        """Do the ages of ``o`` (before) and ``x`` (after) differ in a way that no passing of
        time explains? Ages far apart (a parent and a child) are not compared, save a swap of
        digits (42 / 24); years told between the two (``In 2015 ... In 2021``, not ``by
        2026``), ``years later`` or a birthday excuse the change."""
        gap = max(o.lo - x.hi, x.lo - o.hi)
        if gap <= 0:
            return False
        swapped = x.lo == x.hi and o.lo == o.hi and sorted(str(x.lo)) == sorted(str(o.lo))
        if gap > 10 and not swapped:
            return False
        text = doc.text
        lo = _sentence_start(doc, o.start)
        hi = _sentence_end(doc, x.end)
        years = [int(y.group()) for y in _YEAR.finditer(text, lo, hi)
                 if not _DEADLINE.search(text, max(0, y.start() - 24), y.start())]
        if years and max(years) - min(years) >= gap:
            return False
        if _YEAR.search(text, _sentence_start(doc, x.start), hi):
            return False  # "By 2030 the 36-year-old...": an age of another time
        if x.lo > o.hi:  # older: time may have passed ("years later", a birthday)
            return _TIME_PASSED.search(text, lo, hi) is None
        # younger: the anaphor's sentence may tell of the past ("years ago", "when")
        return _AGO.search(text, _sentence_start(doc, x.start), hi) is None

    @staticmethod
    def _same_name(doc, mentions):
        """(x, o): two ages given for one named person, ``o`` first: ``34 yaşındaki pilot Emre
        Çelik`` ... ``36 yaşındaki Çelik``, ``42歳の山本健一さん`` ... ``45歳の山本さん``. The later
        name is the earlier one or a part of it, the earlier one surely a name, and no other
        person of the document bears that part."""
        named = [m for m in mentions if m.who and m.person]
        if len(named) < 2:
            return
        full = [m for m in named if m.name_ok]
        for i, x in enumerate(named):
            ws = set(x.who)
            owners = {m.who for m in full if _part(x.who, m.who) and m is not x}
            if not owners:
                continue
            earlier = [o for o in named[:i] if o.name_ok and _part(x.who, o.who)]
            if not earlier or any((o.lo, o.hi) == (x.lo, x.hi) for o in named
                                  if o is not x and (_part(x.who, o.who) or _part(o.who, x.who))):
                continue
            o = earlier[-1]
            if any(not _part(w, o.who) for w in owners):
                continue  # another person bears the name (two Kowalskis, 田中一郎 and 田中花子)
            if x.gender and o.gender and x.gender != o.gender:
                continue
            if len(ws) == 1 and not AgeConflict._alone(doc, x, ws):
                continue
            if AgeConflict._conflict(doc, x, o):
                yield x, o

    @staticmethod
    def _alone(doc, x: Mention, ws: set) -> bool:
        """A surname alone (``Çelik``): nobody else in the document has it with another first
        name (``Ayşe Çelik`` besides ``Emre Çelik``)."""
        text = doc.text
        (w,) = ws
        if x.who and regex.match(r"\p{Han}|\p{Katakana}", w):
            return True
        firsts = set()
        for m in regex.finditer(rf"(?P<first>\p{{Lu}}[\p{{Ll}}\p{{M}}]+)\s+{regex.escape(w)}\b", text):
            firsts.add(m.group("first"))
        return len(firsts) <= 1

    @staticmethod
    def _persons(doc, lo: int, hi: int) -> list:
        """People named in ``text[lo:hi]`` paragraph by paragraph, less those after a place
        preposition (``in San Pedro``, ``em Arroios``, ``the Red Cross``)."""
        text = doc.text
        out = []
        for q in doc.paragraphs:
            if q.end <= lo or q.start >= hi:
                continue
            for p in find_people(text, max(q.start, lo), min(q.end, hi), q.lang):
                before = _WORD_BEFORE.search(text, max(0, p.start - 30), p.start)
                if before and before.group(1).lower() in _PLACE_PREP:
                    continue
                if text[p.end:p.end + 1] == "-" or text[p.start - 1:p.start] == "-":
                    continue  # l'hôpital Édouard-Herriot
                if q.lang == "de" and p.gender is None and len(p.words) < 2:
                    continue  # German nouns are capitalised
                out.append(p)
        return out

    @staticmethod
    def _about(doc, x: Mention, o: Mention) -> bool:
        """Is the passage before anaphor ``x`` about the person introduced by ``o``? From the
        paragraph before ``x``'s (or from ``o``, when later) up to ``x``: the person of ``o``
        is named there (or ``o`` itself is there), nobody else is named ("Federer, 30, lost
        to Nadal. The 25-year-old..." is about someone else), and nobody else is introduced
        unnamed ("Police arrested a man. The 40-year-old...")."""
        text = doc.text
        para = doc.paragraph_at(x.start)
        if para is None:
            return False
        paras = doc.paragraphs
        # the passage: from the paragraph before, or further back (three paragraphs at most:
        # a caption or a call to action may stand between) to the last one naming someone
        k = max(0, para.index - 1)
        while k > max(0, para.index - 4) and o.start < paras[k].start and not AgeConflict._persons(
                doc, paras[k].start, min(paras[k].end, x.start)):
            k -= 1
        lo = paras[k].start
        near = o.start >= lo
        if not near and (o.who or o.noun):
            return False
        who = o.who
        if not who:
            opara = doc.paragraph_at(o.start)
            if opara is not None:
                plo = paras[max(0, opara.index - 1)].start if o.noun else opara.start
                before = [p for p in AgeConflict._persons(doc, plo, o.start) if p.end <= o.start]
                if before:
                    who = before[-1].words
        people = AgeConflict._persons(doc, max(lo, o.end) if near else lo, x.start)
        names = set(who)
        if not near and not any(set(p.words) & names for p in people):
            return False  # the person with that age is not in the passage
        if not all(set(p.words) & names for p in people):
            return False  # somebody else is named there
        window = text[max(lo, o.end) if near else lo:x.start]
        narrative = _QUOTED.sub(" ", window)
        return _someone(para.lang).search(narrative) is None

    @staticmethod
    def _mention(lang, kind, m) -> Optional[Mention]:
        gd = m.groupdict()
        text = m.string
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
        who: tuple = ()
        name_ok = False
        noun = False
        end = m.end()
        if gd.get("cjk"):
            key = m.group("cjk")
            if text[m.end():m.end() + 1] in ("的", "の") or text[m.end("cjk"):m.end("cjk") + 1] == "的":
                return None  # 李娜的姐姐: the age may be the sister's
            if lang == "zh":
                if key[0] in _ZH_SURNAMES:
                    who, name_ok = (key,), True
                elif _noun_gender(key, "zh"):
                    gender, noun = _noun_gender(key, "zh"), True
                    who = ()
                else:
                    return None
            else:
                who, name_ok = (key,), True
            end = m.end("cjk") if lang == "zh" else m.end()
            if kind == "intro":
                end = m.end()
            return Mention(n, n, m.start(), end, False, gender, True, who, name_ok, noun)
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
            if person:
                who = tuple(words)
                name_ok = known or len(words) >= 2
        age_end = m.start("next") if gd.get("next") is not None else m.end()
        if kind != "any" and not who:
            after = _NAME_AFTER.match(text, age_end)
            if after is not None and (after.group("noun") is None or _noun_gender(after.group("noun"), lang)):
                who, name_ok, g = _name_words(after.group("name"), lang, text, after.start("name"))
                if who and not (lang == "de" and not name_ok):
                    gender = gender or g
                    if after.group("noun") and _noun_gender(after.group("noun"), lang) in ("m", "f"):
                        gender = _noun_gender(after.group("noun"), lang)
                    return Mention(n, n, m.start(), age_end, False, gender, True, who, name_ok)
                who, name_ok = (), False
        if kind in ("intro", "noun") and not who:
            before = _NAME_BEFORE.search(text, max(0, m.start() - 60), m.start())
            if before is not None and kind == "noun" and not gd.get("noun") and "-lat" not in m.group().lower():
                nxt = regex.match(r"\s+(\p{Ll}+)", text[m.end():m.end() + 40])
                if not (nxt and _noun_gender(nxt.group(1), lang)):
                    before = None  # "Ayşe, 36 yaşındaki kocası Murat": the age is the husband's
            if before is not None:
                w2, ok, g = _name_words(before.group("name"), lang, text, before.start("name"))
                if ok:
                    who, name_ok, gender = w2, True, gender or g
        if kind == "named" and not who:
            return None
        if gd.get("noun"):
            g = _noun_gender(m.group("noun"), lang)
            if g in ("m", "f"):
                gender = g
        if gd.get("end") is not None and lang in ("ru", "pl"):
            gender = gender or _END_GENDER.get(m.group("end"))
        if kind == "noun":
            if not who:
                self_noun = lang == "pl" and "-lat" in m.group().lower().replace("‑", "-")
                if not (self_noun or gd.get("noun")):
                    nxt = regex.match(r"\s+(\p{Ll}+)", text[m.end():m.end() + 40])
                    g = _noun_gender(nxt.group(1), lang) if nxt else None
                    if g is None:
                        return None  # "5-летний план": no person
                    if g in ("m", "f"):
                        gender = gender or g
                    end = m.end() + nxt.end()
                noun = True
            return Mention(n, n, m.start(), end, False, gender, True, who, name_ok, noun)
        if gd.get("art") and gender is None:
            art = m.group("art").lower()
            if not (lang == "de" and (kind == "intro" or m.group().endswith("n"))):
                gender = _ARTICLE_GENDER.get(art)
        if gd.get("lead"):
            gender = _ARTICLE_GENDER.get(m.group("lead").lower()) or _ARTICLE_GENDER.get(m.group("pron").lower())
            end = text.rfind(",", m.start(), m.end())
        if kind == "ana" and gd.get("next") is not None or (kind == "ana" and lang in _NEXT_VERB):
            nxt = (gd.get("next") or "").strip()
            end = age_end
            word = _LETTERS.match(nxt)
            if nxt and word:
                w = word.group().lower()
                if lang in _NEXT_VERB:
                    if w not in _NEXT_VERB[lang]:
                        return None
                elif w not in _EN_AFTER and not (w.endswith(("s", "ed")) and person_noun(w, "en") is None
                                                 and not w.endswith(("ss", "us"))):
                    return None  # "the 30-year-old building": heads a noun
                if lang == "en" and person_noun(w, "en"):
                    return None
            elif nxt and not _CLOSING.match(nxt):
                return None
        return Mention(n, n, m.start(), end, kind == "ana", gender, person, who, name_ok, noun)


def _part(part: tuple, whole: tuple) -> bool:
    """Is the name ``part`` the name ``whole`` or a part of it (``Çelik`` of ``Emre Çelik``,
    ``山本`` of ``山本健一``: Chinese and Japanese names are one run, compared by prefix)?"""
    if len(part) == 1 and len(whole) == 1 and regex.match(r"[\p{Han}\p{Katakana}]", part[0]):
        return whole[0].startswith(part[0])
    return set(part) <= set(whole)


_WORD_BEFORE = regex.compile(r"([\p{L}'’]+)[\s,]*$")


def _sentence_start(doc, pos: int) -> int:
    para = doc.paragraph_at(pos)
    lo = para.start if para is not None else 0
    for s, e in doc.sentences:
        if s <= pos < e:
            return max(lo, s) if para is not None else s
    return lo


def _sentence_end(doc, pos: int) -> int:
    for s, e in doc.sentences:
        if s <= pos <= e:
            return e
    return min(len(doc.text), pos + 200)


def _name_words(name: str, lang: str, text: str, at: int):
    """(words, surely a name, gender) of a capitalised run next to an age: a known first
    name or a full name of rare words is surely one; a single rare word may be a surname."""
    words = tuple(name.replace("-", " ").split())
    if any(w.lower() in _MONTHS for w in words):
        return (), False, None
    for w in words:
        fn = first_name(w)
        if fn is not None:
            return words, True, fn[0] if fn[0] in "mf" else None
    if all(lint.zipf(w, lang) < 3.5 for w in words):
        return words, len(words) >= 2, None
    if lang != "de" and len(words) == 1:
        return words, False, None  # "36 yaşındaki Çelik": a surname, if another name holds it
    return (), False, None
