"""Character classes and patterns shared by the engine and the rules, compiled once.

>>> [m.group() for m in WORD.finditer("McDonald's iPhone, 3.5 l’Ucraina 北京")]
["McDonald's", 'iPhone', '3', '5', 'l’Ucraina', '北京']
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import filterfalse

#: Han and kana (with the iteration marks), as ranges: a run of them is one token.
CJK_RANGES = ("\u3005\u3007\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff"
              "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f")
#: combining marks that continue a word (Latin/Cyrillic diacritics, Hebrew and Arabic
#: points, Indic vowel signs)
MARK_RANGES = ("\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
               "\u06d6-\u06ed\u0900-\u0dff\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f")
_ALNUM = rf"[^\W_{CJK_RANGES}]"
_STEM = rf"{_ALNUM}+(?:[{MARK_RANGES}]+{_ALNUM}*)*"
#: A word: letters, marks and digits, with inner apostrophes or hyphens; a run of Han or
#: kana characters is one token (CJK text is not segmented into words). Built for the
#: standard `re` engine (twice as fast as `regex` here) and linear: every repetition
#: starts with a character the previous part cannot match.
WORD = re.compile(rf"[{CJK_RANGES}]+|{_STEM}(?:['’\-]{_STEM})*")
#: WORD for a text that is all ASCII, where it matches exactly the same tokens (no marks,
#: no CJK, no ’; letters and digits are [A-Za-z0-9]) about twice as fast
ASCII_WORD = re.compile(r"[A-Za-z0-9]+(?:['\-][A-Za-z0-9]+)*")
_ASCII_WORD = re.compile(r"[A-Za-z]+|[0-9]+")
_ANY_WORD = re.compile(r"[^\W\d_]+|\d+")
_CJK_RUN = re.compile(f"[{CJK_RANGES}]+")


def word_count(text: str) -> int:
    """Words as the scorecard counts them: CJK characters count 1/1.5 each.

    >>> word_count("It's 3 words? 北京大学")
    6
    """
    if text.isascii():
        return len(_ASCII_WORD.findall(text))
    rest = _CJK_RUN.sub(" ", text)
    cjk = len(text) - len(rest) + rest.count(" ") - text.count(" ")  # CJK characters replaced
    return len(_ANY_WORD.findall(rest)) + int(cjk / 1.5)


def word_count_of_tokens(tokens: list, text: str) -> int:
    """``word_count(text)`` from ``WORD.findall(text)``, which a document computes anyway:
    only the tokens that are not all letters are counted again.

    Exact: every letter or digit of ``text`` lies in a WORD token, no counted run crosses
    from one token into the next, and a token of letters only is one run. So the count is
    one per letters-only token plus the runs of the other tokens, counted as before on
    those tokens alone; text with Han or kana (whose tokens are letters too, but count by
    characters) takes the full count on the joined tokens.

    >>> text = "It's 3 words? Ünïcode x² 10km"
    >>> word_count_of_tokens(WORD.findall(text), text) == word_count(text)
    True
    """
    if text.isascii() or not _CJK_RUN.search(text):
        odd = list(filterfalse(str.isalpha, tokens))
        return len(tokens) - len(odd) + len(_ANY_WORD.findall(" ".join(odd)))
    return word_count(" ".join(tokens))


def char_class(chars: str) -> str:
    """The body of a character class holding exactly ``chars`` (sorted, distinct): runs of
    consecutive code points as ranges, written as the characters themselves (escaped
    where a class needs it; compiled faster than ``\\U`` escapes).

    >>> char_class("-abcxz")
    '\\\\-a-cxz'
    """
    def esc(c: str) -> str:
        return "\\" + c if c in "\\]^-[" else c

    codes = list(map(ord, chars))
    out = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        out.append(esc(chars[i]) if i == j else f"{esc(chars[i])}-{esc(chars[j])}")
        i = j + 1
    return "".join(out)


def bmp_chars() -> str:
    """Every character of the Basic Multilingual Plane but the surrogates, in order: the
    characters to sort into classes with :func:`char_class` (rules build classes that
    ``re`` tests as a bitmap from what ``re`` or ``regex`` say of each of them)."""
    return "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))


@lru_cache(maxsize=1)
def re_word_chars() -> str:
    r"""The body of a character class of the characters of the Basic Multilingual Plane that
    ``re`` calls ``\w`` (exactly: taken from ``re`` itself, once per process). ``[...]`` of
    it is a bitmap, tested faster than the ``\w`` category; it stands for it in a text
    without characters outside the BMP (see :func:`bmp_only`).

    >>> re.fullmatch(f"[{re_word_chars()}]+", "l’Ucraina") is None, re.fullmatch(f"[{re_word_chars()}]+", "Öl_3") is not None
    (True, True)
    """
    return char_class("".join(re.findall(r"\w", bmp_chars())))


def bmp_only(text: str) -> bool:
    """True when every character of ``text`` is in the Basic Multilingual Plane (then it is
    two bytes in UTF-16): nearly every text; C speed.

    >>> bmp_only("l’Ucraina 北京"), bmp_only("emoji 😀")
    (True, False)
    """
    return text.isascii() or len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text)
