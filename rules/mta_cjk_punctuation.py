"""MTA006 cjk-punctuation: Latin punctuation left in Chinese (and Japanese) text.

Machine translation into Chinese copies the source's Latin punctuation: an ASCII hyphen
between the parts of a transliterated name (``弗拉基米尔-普京``, Chinese writes
``弗拉基米尔·普京``), a Latin en dash between clauses (``–``, Chinese writes ``——``), half-width
``, : ; ? !`` between Chinese characters, and ASCII spaces before full-width quotation marks.

>>> import lint
>>> [f.suggestion for f in lint.check_text(CjkPunctuation(), "俄罗斯总统弗拉基米尔-普京宣布征兵。", "zh")]
['弗拉基米尔·普京']
"""
from __future__ import annotations

import re

import regex

import lint

from ._mta_common import cjk_places, translit_chars

#: a chain of Han runs joined by ASCII (or Unicode / full-width) hyphens
_HAN_CHAIN = regex.compile(r"\p{Han}+(?:[-‐‑－]\p{Han}+)+")
_KANA_CHAIN = regex.compile(r"[\p{Katakana}ー]+(?:-[\p{Katakana}ー]+)+")
_HYPHENS = regex.compile(r"[-‐‑－]")
#: a hyphen between two characters at or above U+2E80, where every Han, Katakana and
#: Hiragana character and "ー" lie: found wherever ``_HAN_CHAIN`` or ``_KANA_CHAIN`` matches
#: (a superset, scanned by ``re`` from the rare hyphens, at C speed; the chain patterns
#: themselves try every Han character of the text)
_JOINED = re.compile("[-‐‑－](?<=[\u2e80-\U0010ffff].)(?=[\u2e80-\U0010ffff])")
#: a Latin en dash (or a spaced ASCII hyphen) between CJK characters
_CJK = r"\p{Han}\p{Hiragana}\p{Katakana}"
_DASH = regex.compile(
    rf"(?<=[{_CJK}，。、；：”」』）》])(?:[ \t]*–[ \t]*|[ \t]+-[ \t]+)(?=[{_CJK}“「『（《])"
)
#: half-width punctuation between Chinese characters (or next to full-width quotes)
_HALF = regex.compile(rf"(?<=[\p{{Han}}”」』）])[,;:?!](?=[\p{{Han}}“「『（”」』])")
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
#: ASCII spaces before an opening / after a closing full-width quotation mark
_SPACE_QUOTE = regex.compile(
    r"(?<=[\p{Han}，。：；！？、])[ \t\u00a0]+(?=[“「『]\p{Han})"
    r"|(?<=\p{Han}[”」』])[ \t\u00a0]+(?=[\p{Han}，。；！？、])"
)
#: characters that, right after a hyphenated pair, make it a place or an organisation
_PLACE_AFTER = set("州省市县区镇村河江湖岛港湾城站线路街峰谷岭国队盟部院会社厂矿")
_PLACE_ENDINGS = ("斯克", "格勒", "堡", "波尔", "维尔", "维茨")
_KANA_TITLES = ("大統領|首相|外相|国防相|氏|さん|様|議員|選手|監督|容疑者|被告|会長|社長|教授|博士|記者|代表|"
                "書記長|議長|長官|大使|候補|元大統領|前大統領|副大統領|報道官|司令官|知事|市長|夫人")
_KANA_TITLE_AFTER = regex.compile(rf"(?:{_KANA_TITLES})")
_KANA_TITLE_BEFORE = regex.compile(rf"(?:{_KANA_TITLES})(?:の)?$")
_RANGE_CHARS = set("一二三四五六七八九十百千万亿零两年月日时点号周")


def _trailing_run(s: str, chars) -> int:
    n = 0
    for ch in reversed(s):
        if ch not in chars:
            break
        n += 1
    return n


def _leading_run(s: str, chars) -> int:
    n = 0
    for ch in s:
        if ch not in chars:
            break
        n += 1
    return n


def _is_place(part: str, places) -> bool:
    if part in places:
        return True
    return any(part.endswith(p) or part.startswith(p) for p in places if len(p) >= 3 and len(p) < len(part))


class CjkPunctuation(lint.Rule):
    """Latin punctuation where Chinese (or Japanese) typography needs its own: an ASCII
    hyphen between the parts of a transliterated foreign name (``弗拉基米尔-普京`` for
    ``弗拉基米尔·普京``; Japanese ``・``), a Latin en dash ``–`` or spaced hyphen between
    clauses (Chinese uses ``——``), half-width ``, : ; ? !`` between Chinese characters
    (full-width ``，：；？！``), and an ASCII space before or after a full-width quotation mark.
    Machine translation copies the source's punctuation; human Chinese text almost never
    does. Names are recognised by their characters (those of transliteration, 尔 斯 基 夫
    娃 娜...); place pairs (俄罗斯-乌克兰), hyphenated place names (伊万诺-弗兰科夫斯克),
    compound forenames inside a dotted name (让-保罗·萨特) and ranges are left alone.
    Each name and each dash is its own finding."""

    code = "MTA006"
    name = "cjk-punctuation"
    severity = "warning"
    languages = ("zh", "ja")
    summary = "Latin hyphen, dash, half-width punctuation or space in Chinese text"
    fix = "safe"
    fix_hint = ("Use Chinese punctuation: · between the parts of a foreign name, —— for a dash, "
                "full-width ，：；？！, no space around “ ”.")
    confidence = 0.6
    matches = (
        lint.Example("上个月俄罗斯总统弗拉基米尔-普京宣布征兵。", "zh", covers="弗拉基米尔-普京"),
        lint.Example("总统卡西姆-若马尔特-托卡耶夫在9月底说。", "zh", covers="卡西姆-若马尔特-托卡耶夫"),
        lint.Example("营养师阿尔米拉-奥尔洛娃说，她已经帮助了他们。", "zh", covers="阿尔米拉-奥尔洛娃"),
        lint.Example("他走上莫斯科街头进行抗议–但普京下令征兵。", "zh", covers="–"),
        lint.Example("他不知道何时 - 或是否 - 能回来。", "zh", covers=" - "),
        lint.Example("瓦迪姆说,上个月他陷入了抑郁症。", "zh", covers=","),
        lint.Example("可以被视为 “难民和侵略者”。", "zh", covers=" "),
        lint.Example("ロシアのウラジーミル-プーチン大統領は演説した。", "ja", covers="ウラジーミル-プーチン"),
    )
    no_matches = (
        lint.Example("俄罗斯总统弗拉基米尔·普京宣布征兵。", "zh"),
        lint.Example("俄罗斯-乌克兰边境的局势紧张。", "zh"),
        lint.Example("他住在伊万诺-弗兰科夫斯克。", "zh"),
        lint.Example("法国哲学家让-保罗·萨特。", "zh"),
        lint.Example("中-美关系进入新阶段。", "zh"),
        lint.Example("从五月-十二月都在下雨。", "zh"),
        lint.Example("比分是2-1，比赛在3–5日举行。", "zh"),
        lint.Example("动作冒险游戏（A-AVG）是冒险游戏的分支。", "zh"),
        lint.Example("他说——我们不想要这场战争。", "zh"),
        lint.Example("瓦迪姆说，上个月他陷入了抑郁症：很沉默。", "zh"),
        lint.Example("会議は10:30に始まった。私は,そう思います。", "ja"),
        lint.Example("“难民和侵略者”是他的说法。", "zh"),
        lint.Example("He said - with a smile - that it was fine.", "en"),
        lint.Example("このサーバー-クライアント方式は古い。", "ja"),
        lint.Example("国内新闻 - 新浪网\n\n今天天气很好。", "zh"),
    )

    def check(self, doc):
        text = doc.text
        tc = translit_chars()
        if "-" in text or "‐" in text or "‑" in text or "－" in text:
            yield from self._names(doc, text, tc)
        if "–" in text or " -" in text:
            for m in _DASH.finditer(text):
                para = doc.paragraph_at(m.start())
                lang = para.lang if para else doc.lang
                if lang not in ("zh", "ja"):
                    continue
                if para is not None and para.kind in ("title", "heading", "table") and "–" not in m.group():
                    continue  # "新闻 - 新浪网": a title separator
                before, after = text[m.start() - 1], text[m.end()] if m.end() < len(text) else ""
                if before in _RANGE_CHARS and after in _RANGE_CHARS:
                    continue  # 五月–十二月: a range
                dash = m.group().strip()
                yield self.finding(
                    doc, m.start(), m.end(),
                    f"Latin {'en dash' if dash == '–' else 'hyphen'} '{dash}' between Chinese clauses "
                    f"(Chinese uses ——)",
                    suggestion="——" if lang == "zh" else None,
                )
        for m in _HALF.finditer(text):
            para = doc.paragraph_at(m.start())
            if not para or para.lang != "zh":
                continue
            ch = m.group()
            yield self.finding(
                doc, m.start(), m.end(), f"half-width '{ch}' in Chinese text (full-width '{_FULL[ch]}')",
                suggestion=_FULL[ch], severity="info", confidence=0.2,
            )
        for m in _SPACE_QUOTE.finditer(text):
            para = doc.paragraph_at(m.start())
            if not para or para.lang != "zh":
                continue
            yield self.finding(
                doc, m.start(), m.end(), "ASCII space next to a full-width quotation mark in Chinese text",
                suggestion="", severity="info", confidence=0.3,
            )

    def _names(self, doc, text, tc):
        if not _JOINED.search(text):
            return  # no hyphen between two CJK characters: no chain
        places = cjk_places()
        for chain_re, lang_ok, min_len in ((_HAN_CHAIN, "zh", 2), (_KANA_CHAIN, "ja", 2)):
            for m in chain_re.finditer(text):
                lang = doc.lang_at(m.start())
                if lang != lang_ok:
                    continue
                parts = _HYPHENS.split(m.group())
                # offsets of each part
                offs = []
                pos = m.start()
                for p in parts:
                    offs.append(pos)
                    pos += len(p) + 1
                kana = chain_re is _KANA_CHAIN
                # find maximal runs of name-hyphens
                i = 0
                while i < len(parts) - 1:
                    left = parts[i]
                    ln = len(left) if kana else _trailing_run(left, tc)
                    j = i
                    segs = [left[len(left) - ln:]]
                    while j < len(parts) - 1:
                        right = parts[j + 1]
                        rn = len(right) if kana else _leading_run(right, tc)
                        if rn < min_len:
                            break
                        segs.append(right[:rn])
                        j += 1
                        if rn < len(right):
                            break  # the name ends inside this part
                    if ln >= min_len and j > i:
                        start = offs[i] + len(left) - ln
                        end = offs[j] + len(segs[-1])
                        if self._name_like(text, start, end, segs, places, kana):
                            sep = "・" if kana else "·"
                            yield self.finding(
                                doc, start, end,
                                f"hyphen between the parts of a transliterated name "
                                f"('{text[start:end]}'; {'Japanese' if kana else 'Chinese'} uses {sep})",
                                suggestion=sep.join(segs), fix="unsafe",
                            )
                    i = max(j, i + 1)

    @staticmethod
    def _name_like(text, start, end, segs, places, kana) -> bool:
        before = text[start - 1] if start > 0 else ""
        after = text[end] if end < len(text) else ""
        if before in "·・=＝" or after in "·・=＝":
            return False  # a compound forename inside a dotted name: 让-保罗·萨特
        if kana:
            # katakana compounds of loanwords (サーバー-クライアント) look the same: a name
            # only next to a title or honorific (プーチン大統領, 大統領ウラジーミル-プーチン氏)
            return bool(_KANA_TITLE_AFTER.match(text, end) or _KANA_TITLE_BEFORE.search(text, max(0, start - 6), start))
        if sum(len(s) for s in segs) < 4:
            return False
        if any(_is_place(s, places) for s in segs):
            return False
        if after in _PLACE_AFTER or segs[-1].endswith(_PLACE_ENDINGS):
            return False
        return True
