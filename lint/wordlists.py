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

import importlib.util
import math
import threading
from pathlib import Path
from functools import lru_cache
from typing import Optional

_LOCK = threading.Lock()
_TABLES: dict[tuple[str, str], dict[str, int]] = {}
#: (language, list) pairs wordfreq has no list for (so we don't retry)
_MISSING: set[tuple[str, str]] = set()
#: wordfreq's list sizes: "best" (large where there is one: ~300k words, ~40 MB in memory),
#: "small" (words above 1e-6, i.e. Zipf >= 3: ~30k words, a few MB)
WORDLISTS = ("best", "small")


def available(lang: Optional[str]) -> bool:
    """True when wordfreq has a word list for ``lang``."""
    return lang is not None and table(lang) is not None


def _data_dir() -> Optional[Path]:
    """wordfreq's data folder, found without importing wordfreq (its import costs ~60 ms)."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / "data"


def _read_pack(lang: str, wordlist: str) -> Optional[dict[str, int]]:
    """word -> centibel index (0 = every word, 300 = once per 1,000 words...) from one of
    wordfreq's cBpack files (gzipped msgpack: a header, then one list of words per
    centibel). None when wordfreq has no such list."""
    folder = _data_dir()
    if folder is None:
        return None
    names = ("large", "small") if wordlist == "best" else (wordlist,)
    path = next((folder / f"{n}_{lang}.msgpack.gz" for n in names if (folder / f"{n}_{lang}.msgpack.gz").exists()), None)
    if path is None:
        return None
    import gzip

    import msgpack  # a dependency of wordfreq

    with gzip.open(path, "rb") as fh:
        pack = msgpack.load(fh, raw=False, strict_map_key=False)
    header = pack[0] if pack else {}
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        return _via_wordfreq(lang, wordlist)
    out: dict[str, int] = {}
    for index, bucket in enumerate(pack[1:]):
        for word in bucket:
            out[word] = index
    return out


def _via_wordfreq(lang: str, wordlist: str) -> Optional[dict[str, int]]:
    """The same table through wordfreq's public API (slower; used if the file format changes)."""
    import wordfreq

    try:
        freqs = wordfreq.get_frequency_dict(lang, wordlist)
    except (LookupError, ValueError, OSError):
        return None
    return {w: round(-100 * math.log10(f)) for w, f in freqs.items() if f > 0}


def table(lang: str, wordlist: str = "best") -> Optional[dict[str, int]]:
    """word -> centibel index (Zipf = 9 - index / 100) for ``lang`` from wordfreq's
    ``wordlist`` ("best": the large list where there is one; "small"), or None."""
    key = (lang, wordlist)
    tbl = _TABLES.get(key)
    if tbl is not None or key in _MISSING:
        return tbl
    with _LOCK:
        if key in _TABLES:
            return _TABLES[key]
        try:
            tbl = _read_pack(lang, wordlist)
        except (OSError, ValueError, ImportError):
            tbl = _via_wordfreq(lang, wordlist)
        if tbl is None:
            _MISSING.add(key)
            return None
        _TABLES[key] = tbl
        return tbl


def zipf(word: str, lang: str, wordlist: str = "best") -> float:
    """Zipf frequency of ``word`` (case-folded) in ``lang``; 0.0 when unknown.

    ``wordlist="small"`` uses wordfreq's small list (only words with Zipf >= 3, a tenth of
    the memory): enough to ask "is this a common word in language X?" across many languages.
    """
    tbl = table(lang, wordlist)
    if tbl is None:
        return 0.0
    w = word.lower()
    i = tbl.get(w)
    if i is None and "’" in w:
        i = tbl.get(w.replace("’", "'"))
    return 9.0 - i / 100 if i is not None else 0.0


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
        top = (9.0 - key[1]) * 100  # the largest centibel index at or above min_zipf
        out = _COMMON[key] = {w: 9.0 - i / 100 for w, i in tbl.items() if i <= top}
    return out
