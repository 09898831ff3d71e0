"""Shared helpers of the FRG (broken fragments) rules: lexicons, wordfreq look-ups and
candidate scans shared between rules (cached on the document).

Everything here is loaded lazily, once per process, and cached.

>>> "the" in function_words("en")
True
>>> is_article("il", "it")
True
>>> known("youtube", "it")
True
"""
from __future__ import annotations

from functools import lru_cache
import re
from typing import Optional

import regex

import lint

#: Languages written in a cased script (Latin, Cyrillic, Greek): a lower-case paragraph start
#: or a capital inside a word means something there. Case belongs to the script, not to the
#: language, so every language of those scripts is listed (Arabic, Hebrew, Devanagari, CJK,
#: Hangul and Thai have no case).
CASED = frozenset(
    "en it es fr de pt nl sv da nb no nn is fi et hu tr pl cs sk sl hr bs sr ro ca gl eu sq lv lt "
    "id ms vi tl sw af cy ga ru uk bg mk be el".split()
)
#: The cased languages that wordfreq has a word table for (the rules that ask whether the
#: parts of a token are words need one; tests check the list against
#: ``lint.wordlists.available``, which loads a table, too slow for import time).
CASED_WORDS = frozenset(
    "en it es fr de pt nl sv da nb is fi hu tr pl cs sk sl ro ca lv lt id ms vi ru uk bg mk el".split()
)
#: Languages whose words glue into long compounds or agglutinate: "unknown long word" says
#: little there.
COMPOUNDING = frozenset("de nl sv fi da nb no is hu et tr".split())


def lexicon(name: str) -> str:
    return lint.data_path(__file__, "lexicons", "frg", name)


@lru_cache(maxsize=None)
def _function_table() -> dict[str, dict[str, frozenset]]:
    table: dict[str, dict[str, set]] = {}
    for row in lint.read_tsv(lexicon("function_words.tsv"), 3):
        lang, cls, words = row[0], row[1], row[2]
        table.setdefault(lang, {}).setdefault(cls, set()).update(words.split())
    return {lang: {cls: frozenset(ws) for cls, ws in classes.items()} for lang, classes in table.items()}


@lru_cache(maxsize=None)
def function_words(lang: Optional[str], classes: Optional[tuple] = None) -> frozenset:
    """Lower-case function words of ``lang`` (of the given classes, or all)."""
    by_class = _function_table().get(lang or "", {})
    out: set = set()
    for cls, words in by_class.items():
        if classes is None or cls in classes:
            out |= words
    return frozenset(out)


def is_article(word: str, lang: Optional[str]) -> bool:
    return word.lower() in function_words(lang, ("art",))


@lru_cache(maxsize=None)
def word_set(name: str) -> frozenset:
    """A TXT lexicon of one entry a line (``#`` comments), lower-cased."""
    return frozenset(r[0].lower() for r in lint.read_tsv(lexicon(name)) if r and r[0])


@lru_cache(maxsize=None)
def lang_table(name: str) -> dict[str, frozenset]:
    """A TSV lexicon ``lang<TAB>space-separated words`` as {lang: words}."""
    out: dict[str, set] = {}
    for row in lint.read_tsv(lexicon(name), 2):
        out.setdefault(row[0], set()).update(w.lower() for w in row[1].split())
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=None)
def first_names() -> frozenset:
    """Given names, lower-cased, from the MTA family's lexicon (rules/lexicons/mta/
    first_names.tsv, read only: names of several cultures and scripts)."""
    path = lint.data_path(__file__, "lexicons", "mta", "first_names.tsv")
    return frozenset(r[0].lower() for r in lint.read_tsv(path) if r and r[0])


_KNOWN: dict = {}


def known(word: str, lang: Optional[str], threshold: float = 0.0) -> bool:
    """True when wordfreq knows ``word`` (case-folded) above ``threshold`` in ``lang`` or English
    (brand names and loan words are mostly English). Answers are cached per process."""
    key = (word.lower(), lang, threshold)
    hit = _KNOWN.get(key)
    if hit is None:
        hit = bool(lang and lint.zipf(word, lang) > threshold) or (lang != "en" and lint.zipf(word, "en") > threshold)
        if len(_KNOWN) > 200_000:
            _KNOWN.clear()
        _KNOWN[key] = hit
    return hit


_LETTERS_BEFORE = regex.compile(r"[\p{L}\p{M}]+", regex.REVERSE)
_LETTERS_AFTER = regex.compile(r"[\p{L}\p{M}]+")


def token_around(text: str, i: int, j: int) -> tuple:
    """``[start, end)`` of the run of letters that holds ``text[i:j]`` (at most 60 letters
    each way)."""
    m = _LETTERS_BEFORE.match(text, max(0, i - 60), i)
    start = m.start() if m else i
    m = _LETTERS_AFTER.match(text, j, j + 60)
    end = m.end() if m else j
    return start, end


_LOWER_UPPER = regex.compile(r"\p{Ll}\p{Lu}")


def _escape_ranges(codes) -> str:
    """A character-class body (``\\U`` escapes, runs as ranges) for sorted code points."""
    out = []
    codes = list(codes)
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        a, b = codes[i], codes[j]
        out.append(f"\\U{a:08x}" if a == b else f"\\U{a:08x}-\\U{b:08x}")
        i = j + 1
    return "".join(out)


#: blocks above U+2000 without a cased letter (but with other letters): CJK (symbols,
#: kana, ideographs), Hangul syllables
_UNCASED = (0x3000, 0x9FFF), (0xAC00, 0xD7A3)


@lru_cache(maxsize=None)
def not_category(*cats: str) -> str:
    """The body of a character class of characters that are certainly not of the Unicode
    general categories ``cats`` (``"Lu"``, ``"Ll"``; all five ``L*`` for letters): the code
    points below U+2000 that Unicode assigns to another category, general punctuation, and
    (for cased letters) the blocks of uncased scripts.
    A class ``[^...]`` of it takes every character of those categories (and others), so
    a ``re`` pre-scan with it finds a superset of what a ``regex`` ``\\p{..}`` pattern
    finds, at C speed; tests check the exclusions against the ``regex`` module.

    >>> "a" in re.findall(f"[{not_category('Lu')}]", "aB")
    True
    """
    import unicodedata

    codes = [c for c in range(0x2000) if unicodedata.category(chr(c)) not in cats + ("Cn",)]
    codes += range(0x2000, 0x2070)  # general punctuation
    if "Lo" not in cats and "Lm" not in cats:
        codes += [c for a, b in _UNCASED for c in range(a, b + 1)]
    return _escape_ranges(sorted(set(codes)))


@lru_cache(maxsize=None)
def _lower_upper_pre():
    """A possible capital right after a possible lower-case letter: the pre-scan of
    :func:`lower_upper_joins` (a class first, so ``re`` skips other characters at C speed)."""
    return re.compile(f"[^{not_category('Lu')}](?<=[^{not_category('Ll')}].)")


def lower_upper_joins(doc) -> list:
    """Offsets ``i`` where a lower-case letter at ``i`` meets a capital at ``i+1`` (cached).

    A ``re`` pre-scan finds the capitals after a possible lower-case letter (a superset);
    the ``regex`` pattern confirms each."""
    joins = doc.cache.get("frg.lower_upper")
    if joins is None:
        text = doc.text
        match = _LOWER_UPPER.match
        joins = doc.cache["frg.lower_upper"] = [i for i in (m.start() - 1 for m in _lower_upper_pre().finditer(text))
                                                if match(text, i)]
    return joins


def char_positions(text: str, chars: str) -> list:
    """Sorted offsets of every occurrence of the characters ``chars`` in ``text``: one
    ``str.find`` walk per character (memchr speed), several times faster than a ``re``
    class scan when the characters are rare.

    >>> char_positions("(a) [b] (c", "()[]")
    [0, 2, 4, 6, 8]
    """
    out: list = []
    append, find = out.append, text.find
    for ch in chars:
        i = find(ch)
        while i >= 0:
            append(i)
            i = find(ch, i + 1)
    out.sort()
    return out


#: shared with the SPN family, from the engine's public API
re_word_chars = lint.re_word_chars
bmp_only = lint.bmp_only


@lru_cache(maxsize=None)
def word_chars() -> str:
    """The body of a character class of every character of the Basic Multilingual Plane
    that both ``re`` and ``regex`` call ``\\w``, as ranges: ``[^...]`` of it takes every
    character either engine calls ``\\W`` (and all astral characters), so a ``re`` scan
    that starts with it finds every word start either engine's ``\\b`` sees; it is tested
    with a bitmap, several times faster than the ``\\W`` category.

    >>> re.findall(f"[^{word_chars()}]+", "l’Ucraina, 3½ ok")
    ['’', ', ', '½ ']
    """
    return lint.char_class(re.sub(r"\W", "", regex.sub(r"\W", "", lint.bmp_chars())))
