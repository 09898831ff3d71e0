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
_TABLES: dict[str, dict[str, float]] = {}
#: languages wordfreq has no list for (so we don't retry)
_MISSING: set[str] = set()


def available(lang: Optional[str]) -> bool:
    """True when wordfreq has a word list for ``lang``."""
    return lang is not None and table(lang) is not None


def table(lang: str) -> Optional[dict[str, float]]:
    """word -> frequency (share of all words) for ``lang`` (wordfreq's 'best' list), or None."""
    tbl = _TABLES.get(lang)
    if tbl is not None or lang in _MISSING:
        return tbl
    with _LOCK:
        if lang in _TABLES:
            return _TABLES[lang]
        try:
            import wordfreq  # imported lazily: start-up stays fast when no rule needs it

            freqs = wordfreq.get_frequency_dict(lang, "best")
        except (LookupError, ValueError, OSError):
            _MISSING.add(lang)
            return None
        _TABLES[lang] = freqs
        return freqs


def zipf(word: str, lang: str) -> float:
    """Zipf frequency of ``word`` (case-folded) in ``lang``; 0.0 when unknown."""
    tbl = table(lang)
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
