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
from itertools import accumulate, chain, repeat
from operator import attrgetter, sub
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


def vocabulary_share(doc, para, lang: str) -> Optional[float]:
    """The share of a paragraph's lower-case words of four letters or more that are
    common words of ``lang`` (wordfreq, Zipf 3 or more), or None without a word list or
    without such words. Shorter words are left out: the web text wordfreq counts is full
    of short foreign function words ('ang', 'ng', 'sa' are common "English" words).

    Measured on clean paragraphs (Universal Dependencies treebanks, 10+ lower-case words)
    in 10 languages: lowest 0.36 (Polish), 1st percentile 0.53-0.80, median 0.83-0.96. A
    keyword list of the language scores near 1; prose in a language unspun does not know,
    taken for the nearest one it does (Czech for Portuguese, Tagalog for English, Swahili
    for Spanish), 0.00-0.17.

    >>> from lint.document import Document
    >>> doc = Document("Praha je hlavní město České republiky a zároveň její největší město.")
    >>> vocabulary_share(doc, doc.paragraphs[0], "pt")
    0.0
    """
    lower = [w for w in _words(doc, para)[0] if len(w) >= 4]
    common = lint.common_words(lang)
    if not lower or not common:
        return None
    return sum(map(common.__contains__, lower)) / len(lower)


def lower_tokens(doc) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The lower-cased whitespace tokens of the text, and how many of them each paragraph
    holds (each paragraph lower-cased, then split: lower-casing neither makes nor removes
    whitespace), at C speed; cached (QLT003, QLT004, QLT005 and QLT006 all read them), as
    two tuples: two objects for the garbage collector to track (and soon not even those),
    where lists of tokens would be one a paragraph, looked into at every full collection.

    Paragraphs hold every non-space character of the text and begin and end next to
    whitespace (or the text's ends), and lower-casing looks at no context across whitespace
    (only a final sigma looks at its neighbours, skipping case-ignorable characters, which
    whitespace is not): the tokens are ``text.lower().split()``. So when lower-casing keeps
    the text's length (only "İ" lengthens), the paragraphs of ``Document.lowered`` (shared by
    the rules that search in lower case) are split instead.

    >>> from lint.document import Document
    >>> lower_tokens(Document("ΟΔΟΣ Two.\\n\\nThree  four"))
    (('οδος', 'two.', 'three', 'four'), (2, 2))
    """
    got = doc.cache.get("qlt-tokens")
    if got is None:
        paras = doc.paragraphs
        spans = map(slice, map(_START, paras), map(_END, paras))
        lowered = doc.lowered
        if len(lowered) == len(doc.text):  # the same offsets
            parts = list(map(str.split, map(lowered.__getitem__, spans)))
        else:
            parts = list(map(str.split, map(str.lower, map(doc.text.__getitem__, spans))))
        got = doc.cache["qlt-tokens"] = tuple(chain.from_iterable(parts)), tuple(map(len, parts))
    return got


def lower_parts(doc) -> list[tuple[str, ...]]:
    """The tokens of :func:`lower_tokens`, paragraph by paragraph (not cached: slices).

    >>> from lint.document import Document
    >>> lower_parts(Document("ΟΔΟΣ Two.\\n\\nThree  four"))
    [('οδος', 'two.'), ('three', 'four')]
    """
    tokens, sizes = lower_tokens(doc)
    ends = list(accumulate(sizes))
    return list(map(tokens.__getitem__, map(slice, map(sub, ends, sizes), ends)))


def quick_shares(doc, lang: Optional[str]) -> Optional[tuple[list[int], list[int]]]:
    """Bounds of :func:`function_share` for every paragraph at once, at C speed: two lists,
    function words and a size, such that a paragraph is surely under ``n`` counted words
    when its size is under ``n``, and surely at a share ``t`` or more when its function
    words are ``t`` times its size or more; None without a list. Cached.

    For a language with a list of function words: :func:`quick_share` (function words,
    whitespace tokens). For Chinese and Japanese: the function characters (hiragana) of
    :func:`function_share`, and the paragraph's length, which no count of its characters
    exceeds (the count of all its Han characters, or Japanese letters, is left until a
    paragraph needs it)."""
    if lang in ("zh", "ja"):
        key = ("qlt-cjk-sizes",)
        sizes = doc.cache.get(key)
        if sizes is None:
            paras = doc.paragraphs
            sizes = doc.cache[key] = list(map(sub, map(_END, paras), map(_START, paras)))
        return cjk_hits(doc, lang), sizes
    words = stopwords(lang)
    if words is None:
        return None
    key = ("qlt-quick", lang)
    got = doc.cache.get(key)
    if got is None:
        # a flag per token (a byte, 1 for a function word), counted paragraph by paragraph
        tokens, sizes = lower_tokens(doc)
        flags = bytes(map(words.__contains__, tokens))
        ends = list(accumulate(sizes))
        got = doc.cache[key] = (list(map(flags.count, repeat(1), map(sub, ends, sizes), ends)), list(sizes))
    return got


def quick_share(doc, para, lang: Optional[str]) -> Optional[tuple[int, int]]:
    """About :func:`function_share`, at C speed and never above it in practice: (function
    words, whitespace tokens of the paragraph); None without a list. Names, numbers,
    punctuation and elisions (l'anno) stay in the count, so a paragraph over a threshold here is over it in
    :func:`function_share` too. For CJK languages it is :func:`function_share`.

    Computed for every paragraph of the document at once, per language, and cached."""
    if lang in ("zh", "ja"):
        return function_share(doc, para, lang)
    got = quick_shares(doc, lang)
    if got is None:
        return None
    return got[0][para.index], got[1][para.index]


def cjk_hits(doc, lang: str) -> list[int]:
    """The function characters (Chinese) or hiragana (Japanese) of every paragraph, at once;
    cached."""
    key = ("qlt-cjk-hits", lang)
    got = doc.cache.get(key)
    if got is None:
        paras = doc.paragraphs
        texts = map(doc.text.__getitem__, map(slice, map(_START, paras), map(_END, paras)))
        runs = _zh_function_pattern() if lang == "zh" else _HIRAGANA
        got = doc.cache[key] = list(map(sum, map(map, repeat(len), map(runs.findall, texts))))
    return got


def _cjk_total(doc, para, lang: str) -> int:
    """The Han characters (Chinese) or Japanese letters (Japanese) of a paragraph; cached."""
    key = ("qlt-cjk-total", lang, para.index)
    got = doc.cache.get(key)
    if got is None:
        runs = _HAN if lang == "zh" else _JA_LETTERS
        got = doc.cache[key] = sum(map(len, runs.findall(doc.text, para.start, para.end)))
    return got


def function_share(doc, para, lang: Optional[str]) -> Optional[tuple[int, int]]:
    """(function words, words counted) of a paragraph in ``lang``; None without a list.

    Capitalised words that are not function words are left out of the count (names, and
    German nouns, would weigh otherwise), as are words with digits and words glued into
    identifiers; an elided article counts as a word (``l'`` in ``l'anno``). For Chinese
    the unit is a Han character and the list is one of function characters; for Japanese
    the share is hiragana among Japanese letters (particles and endings are hiragana).
    Cached per paragraph and language (Chinese and Japanese function characters: for every
    paragraph at once, :func:`cjk_hits`)."""
    if lang in ("zh", "ja"):
        return cjk_hits(doc, lang)[para.index], _cjk_total(doc, para, lang)
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


@lru_cache(maxsize=None)
def _latin_union(exclude: Optional[str]) -> frozenset:
    return frozenset().union(*(stopwords(lang) for lang in STOPWORD_LANGUAGES
                               if lang != exclude and SCRIPT.get(lang) == "latin"))


def latin_share_bound(doc, para, exclude: Optional[str] = None) -> float:
    """At least the share :func:`best_latin_language` finds, at the cost of one language:
    the share of the function words of all those languages together (a word in any list
    counts; a share (f + c) / (n + c) only grows with the function words f among the n
    lower-case words and with the capitalised ones c)."""
    lower, upper = _words(doc, para)
    words = _latin_union(exclude)
    f_cap = sum(map(words.__contains__, upper))
    n = len(lower) + f_cap
    return (sum(map(words.__contains__, lower)) + f_cap) / n if n else 0.0


#: letters of any of the scripts of SCRIPT (which no character has two of)
_ANY_SCRIPT = regex.compile(r"[\p{Latin}\p{Cyrillic}\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Greek}\p{Arabic}]+")


def script_letters(text: str, start: int, end: int, script: Optional[str] = None) -> int:
    """Letters of ``script`` in ``text[start:end]`` (None: of all the scripts of SCRIPT).

    >>> script_letters("abc где 中文", 0, 10, "cyrillic"), script_letters("abc где 中文", 0, 10)
    (3, 8)
    """
    return _count(_ANY_SCRIPT if script is None else _SCRIPT_PATTERNS[script], text, start, end)


def script_counts(text: str, start: int = 0, end: Optional[int] = None) -> dict[str, int]:
    """Letters per script in ``text[start:end]``.

    >>> script_counts("abc где")["cyrillic"]
    3
    """
    end = len(text) if end is None else end
    return {name: _count(pattern, text, start, end) for name, pattern in _SCRIPT_PATTERNS.items()}
