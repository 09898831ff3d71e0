"""Word frequencies from wordfreq, loaded lazily, once per language and process.

Rules ask "how common is this word in this language?" as a Zipf value (log10 of
occurrences per billion words: 7 is "the", 3 is a rare word, 0 unknown). The first call
for a language loads its whole frequency table (tens of milliseconds); later calls are a
dict lookup. Languages that are never asked about are never loaded.

>>> zipf("the", "en") > 7
True
>>> zipf("xqzvw", "en")
0.0
"""
from __future__ import annotations

import math
import threading
from functools import lru_cache
from typing import Optional

_LOCK = threading.Lock()
_TABLES: dict[tuple[str, str], dict[str, float]] = {}
#: (language, list) pairs wordfreq has no list for (so we don't retry)
_MISSING: set[tuple[str, str]] = set()
#: wordfreq's list sizes: "best" (large where there is one: ~300k words, ~40 MB in memory),
#: "small" (words above 1e-6, i.e. Zipf >= 3: ~30k words, a few MB)
WORDLISTS = ("best", "small")


def available(lang: Optional[str]) -> bool:
    """True when wordfreq has a word list for ``lang``."""
    return lang is not None and table(lang) is not None


def table(lang: str, wordlist: str = "best") -> Optional[dict[str, float]]:
    """word -> frequency (share of all words) for ``lang`` from wordfreq's ``wordlist``
    ("best" or "small"), or None when wordfreq has none."""
    key = (lang, wordlist)
    tbl = _TABLES.get(key)
    if tbl is not None or key in _MISSING:
        return tbl
    with _LOCK:
        if key in _TABLES:
            return _TABLES[key]
        try:
            import wordfreq  # imported lazily: start-up stays fast when no rule needs it

            freqs = wordfreq.get_frequency_dict(lang, wordlist)
        except (LookupError, ValueError, OSError):
            _MISSING.add(key)
            return None
        _TABLES[key] = freqs
        return freqs


def zipf(word: str, lang: str, wordlist: str = "best") -> float:
    """Zipf frequency of ``word`` (case-folded) in ``lang``; 0.0 when unknown.

    ``wordlist="small"`` uses wordfreq's small list (only words with Zipf >= 3, a tenth of
    the memory): enough to ask "is this a common word in language X?" across many languages.
    """
    tbl = table(lang, wordlist)
    if tbl is None:
        return 0.0
    w = word.lower()
    f = tbl.get(w)
    if f is None and "’" in w:
        f = tbl.get(w.replace("’", "'"))
    return math.log10(f * 1e9) if f else 0.0


@lru_cache(maxsize=None)
def languages() -> tuple[str, ...]:
    """Languages of unspun's support list that wordfreq has tables for."""
    from .language import SUPPORTED

    return tuple(lang for lang in SUPPORTED if available(lang))


_COMMON: dict[tuple[str, float], dict[str, float]] = {}


def common_words(lang: str, min_zipf: float = 3.0) -> dict[str, float]:
    """word -> Zipf frequency for the words of ``lang`` at or above ``min_zipf`` (at least
    3.0), from wordfreq's small list: a few MB per language, built once per process.
    Empty when wordfreq has no list for ``lang``.

    >>> common_words("tr")["ve"] > 6
    True
    """
    key = (lang, max(min_zipf, 3.0))
    out = _COMMON.get(key)
    if out is None:
        tbl = table(lang, "small") or {}
        floor = 10 ** (key[1] - 9)
        out = _COMMON[key] = {w: math.log10(f * 1e9) for w, f in tbl.items() if f >= floor}
    return out
