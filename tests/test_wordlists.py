"""The word-frequency tables: rare words by digest, and their cache between runs."""
from __future__ import annotations

import pytest

from lint import wordlists


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("UNSPUN_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(wordlists, "_RARE", {})
    return tmp_path


def test_rare_word_found_beyond_the_small_list():
    # a word of the large English list that the small list lacks
    rare = wordlists.rare_words("en")
    assert rare is not None and len(rare.digests) > 100_000
    assert 0 < wordlists.zipf("sesquipedalian", "en") < 3
    assert wordlists.zipf("sesquipedalian", "en", wordlist="small") == 0.0
    assert wordlists.zipf("qxqzvvk", "en") == 0.0


def test_cache_is_written_read_back_and_stale_files_removed(fresh_cache):
    import os

    # four files of other wordfreq installs, oldest first: the two oldest go, so that the
    # newest file of each of the last installs stays (no two installs delete each other's)
    stale = [fresh_cache / f"rare2-en-{i}-2.bin" for i in range(4)]
    for age, path in enumerate(reversed(stale)):
        path.write_bytes(b"\0" * 10)
        os.utime(path, ns=(10**18 - age * 10**9,) * 2)
    other = fresh_cache / "rare2-de-1-2.bin"
    other.write_bytes(b"\0" * 10)
    built = wordlists.rare_words("en")
    kept = sorted(p.name for p in fresh_cache.glob("rare2-en-*"))
    assert len(kept) == wordlists.CACHE_FILES_KEPT == 3
    assert [p.exists() for p in stale] == [False, False, True, True] and other.exists()
    wordlists._RARE.clear()
    loaded = wordlists.rare_words("en")
    assert loaded.digests == built.digests and loaded.cb == built.cb


def test_corrupt_cache_is_rebuilt(fresh_cache):
    wordlists.rare_words("en")
    (path,) = fresh_cache.glob("rare2-en-*")
    path.write_bytes(b"\1" * 17)  # not a whole number of entries
    wordlists._RARE.clear()
    assert 0 < wordlists.zipf("sesquipedalian", "en") < 3
