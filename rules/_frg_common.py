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
from typing import Optional

import regex

import lint

#: Languages written with letter case (a lower-case paragraph start or a capital mid-sentence
#: means something there).
CASED = frozenset("en it es fr de pt ru tr nl pl sv ro".split())
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


_KNOWN: dict = {}


def known(word: str, lang: Optional[str], threshold: float = 0.0) -> bool:
    """True when wordfreq knows ``word`` (case-folded) above ``threshold`` in ``lang`` or English
    (brand names and loan words are mostly English). Answers are cached per process."""
    key = (word.lower(), lang, threshold)
    hit = _KNOWN.get(key)
    if hit is None:
        hit = bool(lang and lint.zipf(word, lang) > threshold) or (lang != "en" and lint.zipf(word, "en") > threshold)
        if len(_KNOWN) > 500_000:
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


def lower_upper_joins(doc) -> list:
    """Offsets ``i`` where a lower-case letter at ``i`` meets a capital at ``i+1`` (cached)."""
    joins = doc.cache.get("frg.lower_upper")
    if joins is None:
        joins = doc.cache["frg.lower_upper"] = [m.start() for m in _LOWER_UPPER.finditer(doc.text)]
    return joins
