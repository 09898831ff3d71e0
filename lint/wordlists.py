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
import os
import threading
from array import array
from bisect import bisect_left
from hashlib import blake2b
from pathlib import Path
from functools import lru_cache
from typing import Optional

_LOCK = threading.RLock()  # re-entrant: rare_words() loads tables under it
_TABLES: dict[tuple[str, str], dict[str, int]] = {}
#: (language, list) pairs wordfreq has no list for (so we don't retry)
_MISSING: set[tuple[str, str]] = set()
#: wordfreq's list sizes: "best" (large where there is one: ~300k words, ~40 MB in memory),
#: "small" (words above 1e-6, i.e. Zipf >= 3: ~30k words, a few MB)
WORDLISTS = ("best", "small")


def available(lang: Optional[str]) -> bool:
    """True when wordfreq has a word list for ``lang``."""
    return lang is not None and table(lang, "small") is not None


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


class RareWords:
    """The words of a large list that its small list lacks (Zipf < 3): a sorted array of
    their 64-bit BLAKE2b digests and, in the same order, their centibel indices. A lookup
    is one digest and a binary search in C; a language costs ~3 MB (10 bytes a word)
    instead of ~20 MB as a list of str, and its pages are never written after loading, so
    worker processes forked after a load share them. Two words colliding on 64 bits is
    a chance of about 1 in 10^13 per lookup.

    >>> r = RareWords.build({"aa": 700, "ab": 750})
    >>> r.get("ab"), r.get("zz")
    (750, None)
    """

    __slots__ = ("digests", "cb")

    def __init__(self, digests: array, cb: array) -> None:
        self.digests = digests
        self.cb = cb

    @classmethod
    def build(cls, words: dict) -> "RareWords":
        """From ``word -> centibel index``."""
        pairs = sorted((digest(w), min(i, 65535)) for w, i in words.items())
        return cls(array("q", (d for d, _ in pairs)), array("H", (i for _, i in pairs)))

    def get(self, word: str) -> Optional[int]:
        d = digest(word)
        digests = self.digests
        i = bisect_left(digests, d)
        if i < len(digests) and digests[i] == d:
            return self.cb[i]
        return None


def digest(word: str) -> int:
    """A word's stable 64-bit digest (the same in every process and run)."""
    return int.from_bytes(blake2b(word.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little", signed=True)


_RARE: dict[str, Optional[RareWords]] = {}
#: the cache file format; bump it when the layout changes
_CACHE_VERSION = 2


def cache_dir() -> Optional[Path]:
    """Where unspun keeps derived data between runs (``UNSPUN_CACHE_DIR``, else the XDG
    cache folder); None when it cannot be created."""
    root = os.environ.get("UNSPUN_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "unspun")
    try:
        os.makedirs(root, exist_ok=True)
    except OSError:
        return None
    return Path(root)


def rare_words(lang: str) -> Optional[RareWords]:
    """The rare words of ``lang`` (see RareWords), from the cache when a previous run built
    them from the same wordfreq file, else built (and cached) from wordfreq's data."""
    if lang in _RARE:
        return _RARE[lang]
    with _LOCK:
        if lang in _RARE:
            return _RARE[lang]
        _RARE[lang] = rare = _load_rare(lang)
        return rare


def _load_rare(lang: str) -> Optional[RareWords]:
    folder = _data_dir()
    large = folder / f"large_{lang}.msgpack.gz" if folder else None
    if large is None or not large.exists():
        return None  # no large list: the small list is all there is
    st = large.stat()
    cache = cache_dir()
    stem = f"rare{_CACHE_VERSION}-{lang}-"
    cached = cache / f"{stem}{st.st_size}-{st.st_mtime_ns}.bin" if cache else None
    if cached is not None:
        try:
            n, odd = divmod(cached.stat().st_size, 10)
            digests, cb = array("q"), array("H")
            with open(cached, "rb") as fh:
                digests.fromfile(fh, n)
                cb.fromfile(fh, n)
            if not odd:
                return RareWords(digests, cb)
        except (OSError, ValueError, EOFError):
            pass
    full = table(lang, "best") or {}
    small = table(lang, "small") or {}
    rare = RareWords.build({w: i for w, i in full.items() if w not in small})
    _TABLES.pop((lang, "best"), None)  # the dict is not kept: the digests replace it
    if cached is not None:
        _write_cache(cached, stem, rare)
    return rare


#: cache files kept per language: one per wordfreq install in use (a project's virtual
#: environment and pre-commit's own, say), so that two installs never delete each other's
#: file and rebuild it on every run
CACHE_FILES_KEPT = 3


def _write_cache(path: Path, stem: str, rare: RareWords) -> None:
    """Write the cache file; of this language's files, keep only the newest
    CACHE_FILES_KEPT (older ones come from wordfreq installs no longer used)."""
    from .atomic import atomic_write_bytes

    try:
        atomic_write_bytes(str(path), rare.digests.tobytes() + rare.cb.tobytes())
        ours = []
        for old in path.parent.glob(f"rare*-{stem.split('-')[1]}-*"):
            try:
                ours.append((old == path, old.stat().st_mtime_ns, old))
            except OSError:
                continue
        ours.sort(reverse=True)  # the file just written first, then the newest
        for _, _, old in ours[CACHE_FILES_KEPT:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def zipf(word: str, lang: str, wordlist: str = "best") -> float:
    """Zipf frequency of ``word`` (case-folded) in ``lang``; 0.0 when unknown.

    Common words (Zipf >= 3) come from wordfreq's small list, kept as a dict; rarer ones
    from the sorted rest of the large list (:class:`RareWords`). ``wordlist="small"``
    never looks beyond the small list: enough to ask "is this a common word in language
    X?" across many languages.
    """
    small = table(lang, "small")
    if small is None:
        return 0.0
    w = word.lower()
    i = small.get(w)
    if i is None and "’" in w:
        w = w.replace("’", "'")
        i = small.get(w)
    if i is None:
        # wordfreq's own folding, where it differs from lower(): German ß, Greek final ς,
        # Turkish İ and I, Romanian and Turkish s/t with comma or cedilla
        f = fold(w if lang not in _DOTLESS_I else word.replace("’", "'"), lang)
        if f != w:
            w = f
            i = small.get(w)
    if i is None and wordlist != "small":
        rare = rare_words(lang)
        if rare is not None:
            i = rare.get(w)
    return 9.0 - i / 100 if i is not None else 0.0


#: languages whose wordfreq tables fold I to dotless ı and İ to i, and those that write
#: s and t with a cedilla or with a comma below (wordfreq's language_info)
_DOTLESS_I = frozenset({"tr", "az", "kk", "tt"})
_CEDILLAS = frozenset({"tr", "az", "kk", "tt"})
_COMMAS = frozenset({"ro"})


def fold(word: str, lang: str) -> str:
    """``word`` as wordfreq's tables spell it in ``lang``: case-folded (``ß`` is ``ss``,
    a final ``ς`` is ``σ``), with Turkish dotted and dotless i, and the s and t below
    which ``lang`` writes.

    >>> fold("Straße", "de"), fold("ΑΘΗΝΑΣ", "el"), fold("İstanbul", "tr"), fold("Işık", "tr")
    ('strasse', 'αθηνασ', 'istanbul', 'ışık')
    >>> fold("Timişoara", "ro")
    'timișoara'
    """
    if lang in _DOTLESS_I:
        word = word.replace("İ", "i").replace("I", "ı")
    w = word.casefold()
    if lang in _CEDILLAS:
        w = w.replace("ș", "ş").replace("ț", "ţ")
    elif lang in _COMMAS:
        w = w.replace("ş", "ș").replace("ţ", "ț")
    return w


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
