"""Character classes and patterns shared by the engine and the rules, compiled once.

>>> [m.group() for m in WORD.finditer("McDonald's iPhone, 3.5 l’Ucraina 北京")]
["McDonald's", 'iPhone', '3', '5', 'l’Ucraina', '北京']
"""
from __future__ import annotations

import re

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
