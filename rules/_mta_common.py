"""Shared data and helpers of the MTA (machine-translation artifacts) rules.

Lexicons load lazily, once per process:

>>> first_name("Olga")[0], sorted(first_name("Olga")[1])
('f', ['de', 'ru'])
>>> first_name("Andrea")[0]         # male in Italian, female elsewhere
'u'
>>> person_noun("sister", "en")
'f'
>>> is_translit_han("弗拉基米尔")
True
>>> is_translit_han("中国")
False
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex

import lint

_LEX = ("lexicons", "mta")


def _path(name: str) -> str:
    return lint.data_path(__file__, *_LEX, name)


@lru_cache(maxsize=1)
def first_names() -> dict[str, tuple[str, frozenset]]:
    """Lower-cased first name -> (gender m/f/u, cultures). A name listed with both
    genders (Andrea: m in Italian, f elsewhere) is 'u'."""
    out: dict[str, tuple[str, set]] = {}
    for row in lint.read_tsv(_path("first_names.tsv"), 3):
        name, gender, cultures = row[0], row[1], row[2]
        key = name.lower()
        cult = {c for c in cultures.split(",") if c}
        if key in out:
            g0, c0 = out[key]
            out[key] = (g0 if g0 == gender else "u", c0 | cult)
        else:
            out[key] = (gender, cult)
    return {k: (g, frozenset(c)) for k, (g, c) in out.items()}


def first_name(word: str) -> Optional[tuple[str, frozenset]]:
    """(gender, cultures) of a known first name, or None."""
    return first_names().get(word.lower())


@lru_cache(maxsize=1)
def _person_nouns() -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    for row in lint.read_tsv(_path("person_nouns.tsv"), 3):
        word, gender, lang = row[0].lower(), row[1], row[2]
        key = (word, lang)
        if key in out and out[key] != gender:
            out[key] = "u"
        else:
            out[key] = gender
    return out


def person_noun(word: str, lang: str) -> Optional[str]:
    """Gender (m/f/u) of a person noun or title of ``lang``, or None."""
    return _person_nouns().get((word.lower(), lang))


@lru_cache(maxsize=None)
def person_nouns(lang: str, genders: str = "mfu") -> tuple[str, ...]:
    """Every person noun of ``lang`` whose gender is in ``genders``."""
    return tuple(w for (w, l), g in _person_nouns().items() if l == lang and g in genders)


@lru_cache(maxsize=1)
def translit_chars() -> frozenset:
    """Han characters used in transliterated foreign names."""
    chars: set[str] = set()
    for row in lint.read_tsv(_path("translit_han.txt")):
        for cell in row:
            chars.update(ch for ch in cell if not ch.isspace())
    return frozenset(chars)


def is_translit_han(s: str) -> bool:
    tc = translit_chars()
    return bool(s) and all(ch in tc for ch in s)


@lru_cache(maxsize=1)
def cjk_places() -> frozenset:
    """Chinese place names written with transliteration characters."""
    return frozenset(row[0] for row in lint.read_tsv(_path("cjk_places.txt")) if row and row[0])


# -- people named in a passage -----------------------------------------------------------
CAP_SEQ = regex.compile(r"\p{Lu}[\p{Ll}\p{M}]+(?:['’]s)?(?:\s+\p{Lu}[\p{Ll}\p{M}]+)*")
NOT_NAMES = frozenset(
    "he she it they we you i his her him them this that these those there then when while after before "
    "according but and so yet also if as in on at for from with by the a an one mr mrs ms dr".split()
)

#: titles before a surname that tell nothing of the gender
TITLES = frozenset(
    "dr prof professor doctor judge justice senator sen rep representative gov governor president "
    "minister mayor officer detective sergeant sgt captain capt lieutenant lt colonel col general gen "
    "coach chancellor ambassador inspector constable rabbi imam pastor reverend rev chef dott ing avv "
    "presidente ministro sindaco doktor".split()
)
_TITLE_DOT = regex.compile(r"\b(?:Dr|Prof|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Rev|Insp|Dott|Ing|Avv)\.\s+$")
#: first names that are also common words: counted only when a surname follows
WORDLIKE_NAMES = frozenset(
    "will mark rose grace joy hope faith bill frank jack max guy pat sue don jean sky amber holly lily "
    "can jan may june roman christian victoria virginia mercedes santiago jordan marina eden min gül "
    "umut deniz derya rosa lucia fatima guadalupe rosario dolores pilar carmen kai lee kim ken ray art "
    "dawn ruby pearl iris ivy summer hugo bruno franco nino vera lena dana".split()
)


def _sentence_initial(text: str, pos: int, para_start: int) -> bool:
    i = pos - 1
    while i >= para_start and text[i] in " \t\n“\"‘'«(":
        i -= 1
    return i < para_start or text[i] in ".!?:…"


def _rare_word(word: str, lang: str, limit: float = 3.5) -> bool:
    return lint.zipf(word, lang) < limit and lint.zipf(word, "en") < limit


_POSSESSIVE = regex.compile(r"['’]s$")
_SPACES = regex.compile(r"\s+")

#: the word (or quotation mark) before a capitalised word
_BEFORE = regex.compile(r"(?:(?:(?P<w2>\p{L}+)\s+)?(?P<w>\p{L}+)[\s,]*|(?P<q>[“\"‘(\[«]))$")
#: words after which a capitalised word is a place, a thing or a group, not a person
PLACE_WORDS = frozenset(
    "in into at near of through via across towards toward around the a an called named "
    "northern southern eastern western central en a al del de da di nel nella dal dalla im in am "
    "zum zur vom nach von aus au aux du des le la".split()
)


@dataclass(frozen=True)
class Person:
    """A person named in a text: ``gender`` m / f / u (a name given to both) or None
    (a name not in the lexicon)."""
    start: int
    end: int
    words: tuple
    gender: Optional[str]


#: verbs of travel: a capitalised word right after them (``left Astana``) or after them and
#: to / from (``fled to Almaty``) is a place
MOTION_WORDS = frozenset(
    "left leaving leave leaves fled flee flees reached reach visited visit visiting entered enter crossed "
    "cross returned return moved move arrived settled went go goes going came come comes flew fly drove "
    "travelled traveled relocated emigrated back way trip flight train bus road".split()
)
#: with to / from as place words too (``a bus to Kostanai``): for the gender-flip rule,
#: which wants no false persons
TRAVEL_WORDS = PLACE_WORDS | MOTION_WORDS | frozenset({"to", "from"})


def find_people(text: str, start: int, end: int, lang: Optional[str], place_words: frozenset = PLACE_WORDS) -> list:
    """People named in ``text[start:end]`` (one paragraph): known first names (with their
    gender), full names of unknown gender (two rare capitalised words, ``Aizhan
    Mazaliyeva``) and single rare capitalised words that are not places (``Kowalczyk``, not
    ``in Kostanai``).

    >>> [(p.words, p.gender) for p in find_people("In Kostanai, Olga Petrova met Kowalczyk.", 0, 40, "en")]
    [(('Olga', 'Petrova'), 'f'), (('Kowalczyk',), None)]
    """
    lang = lang or "en"
    out = []
    for m in CAP_SEQ.finditer(text, start, end):
        words = [_POSSESSIVE.sub("", w) for w in _SPACES.split(m.group())]
        at_start = _sentence_initial(text, m.start(), start)
        first_at = m.start()
        titled = bool(_TITLE_DOT.search(text, max(start, m.start() - 8), m.start()))  # "Dr. Smith"
        if titled:
            at_start = False
        while words and (words[0].lower() in NOT_NAMES or words[0].lower() in TITLES):
            titled = titled or words[0].lower() in TITLES
            words.pop(0)
            at_start = False
            first_at = -1
        if not words:
            continue
        if first_at < 0:
            first_at = m.start() + m.group().find(words[0])
        known = None
        for k, w in enumerate(words):
            fn = first_name(w)
            if fn is None:
                continue
            if w.lower() in WORDLIKE_NAMES and not (k + 1 < len(words) and _rare_word(words[k + 1], lang, 4.0)):
                continue  # "Mark" the verb, "Roman Empire": a name only before a surname
            known = fn[0]
            break
        if known is not None:
            out.append(Person(first_at, m.end(), tuple(words), known))
        elif titled:
            out.append(Person(first_at, m.end(), tuple(words), None))   # Dr Smith, Senator Brown
        elif len(words) >= 2 and _rare_word(words[0], lang):
            out.append(Person(first_at, m.end(), tuple(words), None))
        elif len(words) == 1 and not at_start and _rare_word(words[0], lang, 3.0):
            before = _BEFORE.search(text, max(start, first_at - 24), first_at)
            w = (before.group("w") or "").lower() if before else ""
            w2 = (before.group("w2") or "").lower() if before else ""
            place = before is not None and (
                before.group("q") or w in place_words or w in MOTION_WORDS
                or (w in ("to", "from") and w2 in MOTION_WORDS))
            if not place:
                out.append(Person(first_at, m.end(), tuple(words), None))
    return out


#: Speech and reaction verbs that take no person as direct object in English. Left out on
#: purpose: tell, ask, answer, warn, remind, assure, thank, promise, add ("added her on
#: Facebook"), admit ("the hospital admitted her"), recall ("Moscow recalled him"), declare.
_SPEECH_VERBS = (
    "says said quips quipped laughs laughed jokes joked explains explained replies replied "
    "responds responded insists insisted smiles smiled sighs sighed continues continued "
    "remarks remarked exclaims exclaimed comments commented whispers whispered "
    "murmurs murmured mutters muttered shrugs shrugged chuckles chuckled giggles giggled "
    "recounts recounted concludes concluded emphasises emphasised "
    "emphasizes emphasized retorts retorted ironizes ironized ironises "
    "ironised complains complained explains sobs sobbed"
).split()
#: a speech verb with a dangling object pronoun: "he quips her." (MTA002; MTA001 ignores
#: such a 'her', which is not a referent)
DANGLING_SPEECH_OBJECT = regex.compile(
    rf"(?<![\p{{L}}'’])(?P<verb>(?i:{'|'.join(sorted(set(_SPEECH_VERBS), key=len, reverse=True))}))"
    r"\s+(?P<obj>(?i:him|her))(?=\s*(?:[.;:!?…)\]”\"’]|,\s*(?:[\"“”]|\p{Lu}|$)|$))",
    regex.MULTILINE,
)

#: A cheap superset of DANGLING_SPEECH_OBJECT, for ``re`` (whose scan skips at C speed to an
#: 'h'): the object pronoun, in any case ('ı' and 'İ' as ``regex`` case-folds 'i'), before
#: what may close the clause.
_OBJECT_CANDIDATE = re.compile(r"[hH](?:[iIıİ][mM]|[eE][rR])(?=\s*(?:[.;:!?…)\]”\"’,]|$))", re.MULTILINE)


def dangling_speech_objects(text: str, pos: int = 0, endpos: Optional[int] = None) -> list:
    """The matches of ``DANGLING_SPEECH_OBJECT.finditer(text, pos, endpos)``, found fast: the
    few pronouns that may close a clause first, then the pattern itself anchored at the
    start of the word before them (the only place a match can start: the verb is a whole
    word). Matches cannot overlap, so the result is the same list.

    >>> [m.group() for m in dangling_speech_objects("“Fine,” he quips her. She says him and me.")]
    ['quips her']
    """
    endpos = len(text) if endpos is None else endpos
    out = []
    last = pos
    for c in _OBJECT_CANDIDATE.finditer(text, pos, endpos):
        k = c.start()
        while k > last and text[k - 1].isspace():
            k -= 1
        if k == c.start():
            continue
        j = k
        while j > last and text[j - 1].isalpha():
            j -= 1
        m = DANGLING_SPEECH_OBJECT.match(text, j, endpos)
        if m is not None and m.start("obj") == c.start():
            out.append(m)
            last = m.end()
    return out
