"""Shared helpers of the QLT (corpus quality) rules: function-word lists, per-paragraph
function-word shares, scripts. Loaded lazily, once per process; per-document analyses are
cached in ``doc.cache``.

The QLT rules port the document filters of large web corpora, which were published for
English only, to every language unspun covers:

- Gopher / MassiveText (Rae et al. 2021, "Scaling Language Models: Methods, Analysis &
  Insights from Training Gopher", appendix A.1.1): 50 to 100,000 words; at least 80% of
  words with a letter; symbol ('#', '...') to word ratio under 0.1; at least two of eight
  English stop words; duplicate lines < 30%, duplicate paragraphs < 30%, characters in
  duplicate lines < 20%, in duplicate paragraphs < 20%; characters in the most frequent
  2-, 3-, 4-gram < 20%, 18%, 16%; characters in duplicated 5- to 10-grams < 15%, 14%,
  13%, 12%, 11%, 10%.
- C4 (Raffel et al. 2020, "Exploring the Limits of Transfer Learning with a Unified
  Text-to-Text Transformer", section 2.2): at least three sentences, lines of five or more
  words ending in terminal punctuation, no three-sentence span repeated.
- FineWeb (Penedo et al. 2024, "The FineWeb Datasets"): characters in duplicated lines
  under 10%, lines ending in punctuation over 12%, lines under 30 characters under 67%.

>>> "the" in stopwords("en") and "der" in stopwords("de")
True
>>> stopwords("xx") is None
True
>>> is_function_word("L’", stopwords("it")), is_function_word("anno", stopwords("it"))
(True, False)
"""
from __future__ import annotations

from functools import lru_cache
from itertools import repeat
from operator import attrgetter
from typing import Optional

import regex

import lint

_LEX = lint.data_path(__file__, "lexicons", "qlt")

#: Languages with a stop-word list (rules/lexicons/qlt/stopwords-XX.txt).
STOPWORD_LANGUAGES = ("en", "it", "es", "fr", "de", "pt", "nl", "ru", "pl", "tr", "sv", "ro")
#: Script of each language unspun detects.
SCRIPT = {**{lang: "latin" for lang in ("en", "it", "es", "fr", "de", "pt", "nl", "pl", "tr", "sv", "ro")},
          "ru": "cyrillic", "zh": "cjk", "ja": "cjk", "ko": "hangul", "el": "greek", "ar": "arabic"}
LANGUAGE_NAMES = {
    "en": "English", "it": "Italian", "es": "Spanish", "fr": "French", "de": "German",
    "pt": "Portuguese", "nl": "Dutch", "ru": "Russian", "pl": "Polish", "tr": "Turkish",
    "sv": "Swedish", "ro": "Romanian", "zh": "Chinese", "ja": "Japanese", "ko": "Korean",
    "el": "Greek", "ar": "Arabic",
}

#: Characters are counted by runs (``len`` of each run found, summed): one match per run
#: instead of one per character, twice as fast on CJK text.
_SCRIPT_PATTERNS = {
    "latin": regex.compile(r"\p{Latin}+"),
    "cyrillic": regex.compile(r"\p{Cyrillic}+"),
    "cjk": regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]+"),
    "hangul": regex.compile(r"\p{Hangul}+"),
    "greek": regex.compile(r"\p{Greek}+"),
    "arabic": regex.compile(r"\p{Arabic}+"),
}
_HAN = regex.compile(r"\p{Han}+")
_HIRAGANA = regex.compile(r"\p{Hiragana}+")
_JA_LETTERS = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]+")
_START, _END = attrgetter("start"), attrgetter("end")


def _count(pattern, text: str, start: int, end: int) -> int:
    """Characters of ``text[start:end]`` in the runs ``pattern`` finds."""
    return sum(map(len, pattern.findall(text, start, end)))


#: characters that glue two words into an identifier, a URL query or a path
#: (alt.animals.cat, a+b+c, key=value): such words are not prose
_GLUE = r"[./\\_@+=&?#%~|]"
_BEFORE = rf"(?<![\p{{L}}\p{{M}}\p{{N}}'’]|[\p{{L}}\p{{N}}]{_GLUE})"
_AFTER = rf"(?![\p{{L}}\p{{M}}\p{{N}}]|{_GLUE}[\p{{L}}\p{{N}}])"
#: an elided prefix with its apostrophe (l', dell', qu') before a letter, or a whole word
#: of letters (a digit next to it makes it a code, not a word)
_WORD_BODY = r"[\p{L}\p{M}]*(?:['’](?=\p{L})|(?:['’\-][\p{L}\p{M}]+)*" + _AFTER + ")"
_LOWER_WORDS = regex.compile(_BEFORE + r"\p{Ll}" + _WORD_BODY)
_UPPER_WORDS = regex.compile(_BEFORE + r"\p{Lu}" + _WORD_BODY)


def name(lang: Optional[str]) -> str:
    return LANGUAGE_NAMES.get(lang or "", lang or "unknown")


@lru_cache(maxsize=None)
def stopwords(lang: Optional[str]) -> Optional[frozenset]:
    """The function words of ``lang`` (lower case, with ' and ’ both), or None without a list."""
    if lang not in STOPWORD_LANGUAGES:
        return None
    words = set()
    with open(f"{_LEX}/stopwords-{lang}.txt", encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("#"):
                word = line.lower().replace("’", "'")
                words.add(word)
                words.add(word.replace("'", "’"))
    return frozenset(words)


@lru_cache(maxsize=None)
def zh_function_chars() -> frozenset:
    with open(f"{_LEX}/function-chars-zh.txt", encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=None)
def _zh_function_pattern():
    return regex.compile("[" + "".join(sorted(zh_function_chars())) + "]+")


def is_function_word(word: str, words: frozenset) -> bool:
    """``word`` (any case) is in ``words`` (an elided form ends in its apostrophe: ``l'``)."""
    return word.lower() in words


def _words(doc, para) -> tuple[list[str], list[str]]:
    """(lower-case-initial words, capitalised words lower-cased) of a paragraph; cached."""
    key = ("qlt-words", para.index)
    got = doc.cache.get(key)
    if got is None:
        text = doc.text
        lower = _LOWER_WORDS.findall(text, para.start, para.end)
        upper = _UPPER_WORDS.findall(text, para.start, para.end)
        got = doc.cache[key] = (lower, "\x00".join(upper).lower().split("\x00") if upper else [])
    return got


def lower_parts(doc) -> list[list[str]]:
    """The lower-cased whitespace tokens of every paragraph (each paragraph lower-cased, then
    split: lower-casing neither makes nor removes whitespace), at C speed."""
    paras = doc.paragraphs
    spans = map(slice, map(_START, paras), map(_END, paras))
    return list(map(str.split, map(str.lower, map(doc.text.__getitem__, spans))))


def quick_share(doc, para, lang: Optional[str]) -> Optional[tuple[int, int]]:
    """About :func:`function_share`, at C speed and never above it in practice: (function
    words, whitespace tokens of the paragraph); None without a list. Names, numbers,
    punctuation and elisions (l'anno) stay in the count, so a paragraph over a threshold here is over it in
    :func:`function_share` too. For CJK languages it is :func:`function_share`.

    Computed for every paragraph of the document at once, per language; the counts are
    cached, not the tokens (many objects to keep alive)."""
    if lang in ("zh", "ja"):
        return function_share(doc, para, lang)
    words = stopwords(lang)
    if words is None:
        return None
    key = ("qlt-quick", lang)
    got = doc.cache.get(key)
    if got is None:
        parts = lower_parts(doc)
        got = doc.cache[key] = (list(map(sum, map(map, repeat(words.__contains__), parts))), list(map(len, parts)))
    return got[0][para.index], got[1][para.index]


def _cjk_shares(doc, lang: str) -> tuple[list[int], list[int]]:
    """:func:`function_share` of every paragraph for Chinese (function characters, Han
    characters) or Japanese (hiragana, Japanese letters), as two lists; cached."""
    key = ("qlt-cjk-shares", lang)
    got = doc.cache.get(key)
    if got is None:
        paras = doc.paragraphs
        texts = list(map(doc.text.__getitem__, map(slice, map(_START, paras), map(_END, paras))))
        hit_runs, all_runs = (_zh_function_pattern(), _HAN) if lang == "zh" else (_HIRAGANA, _JA_LETTERS)
        got = doc.cache[key] = (list(map(sum, map(map, repeat(len), map(hit_runs.findall, texts)))),
                                list(map(sum, map(map, repeat(len), map(all_runs.findall, texts)))))
    return got


def function_share(doc, para, lang: Optional[str]) -> Optional[tuple[int, int]]:
    """(function words, words counted) of a paragraph in ``lang``; None without a list.

    Capitalised words that are not function words are left out of the count (names, and
    German nouns, would weigh otherwise), as are words with digits and words glued into
    identifiers; an elided article counts as a word (``l'`` in ``l'anno``). For Chinese
    the unit is a Han character and the list is one of function characters; for Japanese
    the share is hiragana among Japanese letters (particles and endings are hiragana).
    Cached per paragraph and language; for Chinese and Japanese computed for every
    paragraph at once (:func:`_cjk_shares`)."""
    if lang in ("zh", "ja"):
        hits, total = _cjk_shares(doc, lang)
        return hits[para.index], total[para.index]
    key = ("qlt-share", para.index, lang)
    cache = doc.cache
    if key in cache:
        return cache[key]
    result: Optional[tuple[int, int]] = None
    words = stopwords(lang)
    if words is not None:
        lower, upper = _words(doc, para)
        f_cap = sum(map(words.__contains__, upper))
        result = (sum(map(words.__contains__, lower)) + f_cap, len(lower) + f_cap)
    cache[key] = result
    return result


def best_latin_language(doc, para, exclude: Optional[str] = None) -> tuple[Optional[str], float, int]:
    """The language whose function words make up the largest share of a Latin-script
    paragraph: (language, share, words counted)."""
    best, best_share, best_n = None, 0.0, 0
    for lang in STOPWORD_LANGUAGES:
        if lang == exclude or SCRIPT.get(lang) != "latin":
            continue
        got = function_share(doc, para, lang)
        if not got or not got[1]:
            continue
        share = got[0] / got[1]
        if share > best_share:
            best, best_share, best_n = lang, share, got[1]
    return best, best_share, best_n


def script_counts(text: str, start: int = 0, end: Optional[int] = None) -> dict[str, int]:
    """Letters per script in ``text[start:end]``.

    >>> script_counts("abc где")["cyrillic"]
    3
    """
    end = len(text) if end is None else end
    return {name: _count(pattern, text, start, end) for name, pattern in _SCRIPT_PATTERNS.items()}
