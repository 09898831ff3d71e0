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
_HAN_CHAIN = lint.LazyPattern(regex, r"\p{Han}+(?:[-‐‑－]\p{Han}+)+")
_KANA_CHAIN = lint.LazyPattern(regex, r"[\p{Katakana}ー]+(?:-[\p{Katakana}ー]+)+")
_HYPHENS = lint.LazyPattern(regex, r"[-‐‑－]")
#: a hyphen between two characters at or above U+2E80, where every Han, Katakana and
#: Hiragana character and "ー" lie: found wherever ``_HAN_CHAIN`` or ``_KANA_CHAIN`` matches
#: (a superset, scanned by ``re`` from the rare hyphens, at C speed; the chain patterns
#: themselves try every Han character of the text)
_JOINED = lint.LazyPattern(re, "[-‐‑－](?<=[\u2e80-\U0010ffff].)(?=[\u2e80-\U0010ffff])")
#: a Latin en dash (or a spaced ASCII hyphen) between CJK characters
_CJK = r"\p{Han}\p{Hiragana}\p{Katakana}"
_DASH = lint.LazyPattern(regex, 
    rf"(?<=[{_CJK}，。、；：”」』）》])(?:[ \t]*–[ \t]*|[ \t]+-[ \t]+)(?=[{_CJK}“「『（《])"
)
#: half-width punctuation between Chinese characters (or next to full-width quotes)
_HALF = lint.LazyPattern(regex, r"(?<=[\p{Han}”」』）])[,;:?!](?=[\p{Han}“「『（”」』])")
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_LANG_NAMES = {"zh": "Chinese", "ja": "Japanese"}
#: half-width ``! ?`` between Japanese characters (commas and colons are left alone: ``10:30``,
#: and a half-width comma is an accepted variant in Japanese technical writing); the ``!``
#: or ``?`` that ends a line of casual Japanese is not between two characters
_HALF_JA = lint.LazyPattern(regex, rf"[!?](?<=[{_CJK}ー].)(?=[{_CJK}「『])")
_FULL_JA = {"?": "？", "!": "！"}
#: a half-width ``! ?`` that ends a line, is doubled (``!!``, ``?!``) or followed by a space:
#: the writer's own casual style, in which a ``!`` between two sentences is no artifact either
_CASUAL_JA = lint.LazyPattern(regex, r"[!?](?:[!?！？\s]|$)", regex.MULTILINE)
#: ASCII spaces before an opening / after a closing full-width quotation mark (Chinese: after
#: a Han character or full-width punctuation; Japanese: after kana too, as in ``女性は 「``)
_SPACE_QUOTE = lint.LazyPattern(regex, 
    rf"(?<=[{_CJK}ー，。：；！？、])[ \t\u00a0]+(?=[“「『][{_CJK}])"
    rf"|(?<=[{_CJK}][”」』])[ \t\u00a0]+(?=[{_CJK}，。；！？、])"
)
#: an ASCII parenthesis around a CJK clause between CJK text: ``影響とみられる(日本での...)。``
#: Chinese and Japanese write （）; ASCII parentheses around Latin text, numbers or a single
#: character (``(38)``, ``(笑)``, ``(株)``, ``(月)``) are left alone
_ASCII_PARENS = lint.LazyPattern(regex, 
    rf"\((?<=[{_CJK}ー，。、]\()(?P<body>[{_CJK}ー][{_CJK}ー，、。・0-9０-９]{{3,60}})\)"
    rf"(?=[{_CJK}ー，。、；：！？]|$)",
    regex.MULTILINE,
)
#: an ASCII parenthesis touching CJK text: ``さん(38)``, ``(株)ソニー``, ``大学(Harvard)``
_ASCII_PAREN_NEXT_TO_CJK = lint.LazyPattern(regex, rf"[{_CJK}ー]\(|\)[{_CJK}ー]")
#: characters that, right after a hyphenated pair, make it a place or an organisation
_PLACE_AFTER = set("州省市县区镇村河江湖岛港湾城站线路街峰谷岭国队盟部院会社厂矿")
_PLACE_ENDINGS = ("斯克", "格勒", "堡", "波尔", "维尔", "维茨")
_KANA_TITLES = ("大統領|首相|外相|国防相|氏|さん|様|議員|選手|監督|容疑者|被告|会長|社長|教授|博士|記者|代表|"
                "書記長|議長|長官|大使|候補|元大統領|前大統領|副大統領|報道官|司令官|知事|市長|夫人")
_KANA_TITLE_AFTER = lint.LazyPattern(regex, rf"(?:{_KANA_TITLES})")
_KANA_TITLE_BEFORE = lint.LazyPattern(regex, rf"(?:{_KANA_TITLES})(?:の)?$")
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
    In Japanese too: ``!`` or ``?`` between two sentences (``違う!湖に``; not in a text whose
    writer ends lines with half-width ``!``, the casual web style), a space before ``「``, and
    ASCII parentheses around a CJK clause (``(日本での…とみられる)``; Chinese and Japanese write
    （）) unless the text uses ASCII parentheses elsewhere (``さん(38)``, ``(株)``).
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
        lint.Example("会場の雰囲気は想像以上だった!観客は総立ちで拍手を送った。", "ja", covers="!"),
        lint.Example("係員の男性は 「順番にお並びください」と呼びかけた。", "ja", covers=" "),
        lint.Example("新しい図書館は駅の近くにある(旧市役所の跡地に建てられた)。", "ja", covers="("),
        lint.Example("这座桥全长两公里(是当地最长的桥梁)，去年正式通车。", "zh", covers="("),
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
        # casual Japanese: ! and ? that end lines are the writer's style, and so is one between
        lint.Example("昨日のライブは最高だった!また行きたい!\nチケットはまだある?", "ja"),
        lint.Example("「本当?」と彼は聞いた。", "ja"),
        # ASCII parentheses as the writer's convention (ages, company marks, days), or around
        # Latin text, numbers and single characters
        lint.Example("佐藤さん(38)は(株)山田商事に勤めている。今日は晴れ(午後から雨の予報)です。", "ja"),
        lint.Example("哈佛大学(Harvard University)位于波士顿，小李(化名)在那里读书。", "zh"),
        lint.Example("会議は5日(月)に開かれる(笑)。", "ja"),
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
        if ("!" in text or "?" in text) and not _CASUAL_JA.search(text):
            for m in _HALF_JA.finditer(text):
                para = doc.paragraph_at(m.start())
                if not para or para.lang != "ja":
                    continue
                ch = m.group()
                yield self.finding(
                    doc, m.start(), m.end(),
                    f"half-width '{ch}' inside Japanese text (full-width '{_FULL_JA[ch]}')",
                    suggestion=_FULL_JA[ch], severity="info", confidence=0.15,
                )
        for m in _SPACE_QUOTE.finditer(text):
            para = doc.paragraph_at(m.start())
            if not para or para.lang not in ("zh", "ja"):
                continue
            yield self.finding(
                doc, m.start(), m.end(),
                f"ASCII space next to a full-width quotation mark in {_LANG_NAMES[para.lang]} text",
                suggestion="", severity="info", confidence=0.3,
            )
        if "(" in text:
            yield from self._parens(doc, text)

    def _parens(self, doc, text):
        found = list(_ASCII_PARENS.finditer(text))
        if not found:
            return
        # the writer's own convention when ASCII parentheses touch CJK text elsewhere too
        # (田中さん(38), (株)ソニー, 哈佛大学(Harvard University)): only an odd pair is reported
        inside = set()
        for m in found:
            inside.update((m.start() - 1, m.end() - 1))  # where the two patterns' matches start
        if any(n.start() not in inside for n in _ASCII_PAREN_NEXT_TO_CJK.finditer(text)):
            return
        for m in found:
            para = doc.paragraph_at(m.start())
            if not para or para.lang not in ("zh", "ja"):
                continue
            yield self.finding(
                doc, m.start(), m.end(),
                f"ASCII parentheses around {_LANG_NAMES[para.lang]} text (full-width （）)",
                suggestion=f"（{m.group('body')}）", severity="info",
                confidence=0.3 if para.lang == "zh" else 0.2,  # asides in (...) are common in casual Japanese
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
