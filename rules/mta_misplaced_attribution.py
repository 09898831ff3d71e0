"""MTA003 misplaced-attribution: quotation marks wrapped around the attribution.

Machine translation of ``"We ran," said Alexei`` into Chinese often moves the attribution
in front of the quotation but leaves the marks where they were, producing
``“阿列克谢说:”我们从俄罗斯跑出来`` — the opening mark before the speaker, the closing mark
right after ``说:``, and the real quotation left open. A colon after a speech verb followed by
a CLOSING mark is never right: the correct forms are ``阿列克谢说：“……”`` and
``“……，”阿列克谢说。``

>>> import lint
>>> [f.suggestion for f in lint.check_text(MisplacedAttribution(), "“他问道:”如果没有愿望，我怎么能参加？", "zh")]
['他问道：“']
"""
from __future__ import annotations

import regex

import lint

#: Speech verbs (Chinese, then Japanese) that introduce a quotation with a colon.
_ZH_VERBS = (
    "说道 说 问道 问 答道 回答说 回答道 回答 表示 声称 宣称 称 指出 强调 写道 回忆说 回忆道 "
    "补充说 补充道 解释说 解释道 介绍说 透露 坦言 感叹道 叹道 笑道 喊道 告诉记者 告诉 警告说 "
    "承认 说明 重申 呼吁 抱怨 坚称 表态 解释 补充"
).split()
_JA_VERBS = (
    "言った 言う 言います 言いました 述べた 述べる 述べました 語った 語る 語りました 話した 話す "
    "尋ねた 答えた 説明した 付け加えた 書いた 指摘した 強調した 明かした 主張した"
).split()
_VERBS = "|".join(sorted(_ZH_VERBS + _JA_VERBS, key=len, reverse=True))
#: speech verb (with an optional short addressee after 告诉/对...说), a colon, then a
#: CLOSING mark: the attribution has been put inside the quotation marks.
_CORE = regex.compile(
    rf"(?P<verb>告诉[\p{{L}}\p{{N}}]{{1,12}}|(?:{_VERBS}))"
    r"(?P<colon>[ \t]*[:：][ \t]*)(?P<close>[”」』])"
)
#: where a clause (and so a missing opening mark) starts, looking backwards
_STOPS = "。！？!?；;\n”」』"
_OPENERS = "“「『"


class MisplacedAttribution(lint.Rule):
    """A Chinese or Japanese attribution wrapped in the quotation marks, as in
    ``“阿列克谢说:”我们从俄罗斯跑出来``: the opening mark stands before the speaker (or is
    missing) and the closing mark right after the speech verb and its colon, so the real
    quotation that follows is left open. A colon after a speech verb is always followed by an
    opening mark in correct text (``阿列克谢说：“……”``). Machine translation produces this
    when it moves an English attribution (``"...," Alexei said``) in front of the quotation
    but keeps the marks in place. Covers Chinese (说, 说道, 问道, 表示, 称, 指出, 写道,
    补充说, 告诉...) and Japanese (言った, 述べた, 語った... with 「」 quotes)."""

    code = "MTA003"
    name = "misplaced-attribution"
    severity = "warning"
    languages = ("zh", "ja")
    summary = "attribution wrapped in the quotation marks (“X说:”...), quotation left open"
    fix = "unsafe"
    fix_hint = ("Take the speaker out of the quotation marks and open the quotation after the "
                "colon: “X说:”…… -> X说：“……” (and close it at the end of the quotation).")
    confidence = 0.85
    matches = (
        lint.Example("他们排队等候了三天。\n\n“阿列克谢说:”我们从俄罗斯跑出来,因为我们想活下去。", "zh",
                     covers="阿列克谢说:”"),
        lint.Example("“他问道:”如果没有赢得这场战争的愿望,我怎么能参加一场战争?", "zh", covers="问道:”"),
        lint.Example("“帮助协调援助的记者玛丽亚说：”他们在逃跑，他们很害怕。", "zh", covers="记者玛丽亚说：”"),
        lint.Example("大使Kadyr Toktogulov表示:”中亚公民在俄罗斯面临歧视。", "zh", covers="Toktogulov表示:”"),
        lint.Example("「田中さんは言った：」私たちは逃げました。", "ja", covers="言った：」"),
    )
    no_matches = (
        lint.Example("阿列克谢说：“我们从俄罗斯跑出来，因为我们想活下去。”", "zh"),
        lint.Example("“我们不想要这场战争，”瓦迪姆说。", "zh"),
        lint.Example("他说:“我们很好。”", "zh"),
        lint.Example("他说：\"我们很好。\"", "zh"),
        lint.Example("他补充说，局势已经稳定。", "zh"),
        lint.Example("田中さんは「私たちは逃げました」と言った。", "ja"),
        lint.Example("小说：《红楼梦》是一部名著。", "zh"),
    )

    def check(self, doc):
        text = doc.text
        if "”" not in text and "」" not in text and "』" not in text:
            return
        for m in _CORE.finditer(text):
            lang = doc.lang_at(m.start())
            if lang not in ("zh", "ja"):
                continue
            para = doc.paragraph_at(m.start())
            lo = para.start if para else 0
            # look back for the clause start or an opening mark
            i = m.start() - 1
            opener = None
            while i >= lo and m.start() - i <= 120:
                ch = text[i]
                if ch in _OPENERS:
                    opener = i
                    break
                if ch in _STOPS:
                    break
                i -= 1
            if opener is not None:
                start = opener
                speaker_start = opener + 1
            else:
                start = i + 1
                while start < m.start() and text[start].isspace():
                    start += 1
                speaker_start = start
            if m.start() - speaker_start > 100:
                start = speaker_start = max(speaker_start, m.start() - 100)
            close = m.group("close")
            opening = {"”": "“", "」": "「", "』": "『"}[close]
            colon = "：" if lang == "zh" or "：" in m.group("colon") else "："
            suggestion = text[speaker_start:m.end("verb")] + colon + opening
            where = "before the speaker" if opener is not None else "missing"
            yield self.finding(
                doc, start, m.end(),
                f"attribution inside the quotation marks: closing {close} right after "
                f"'{m.group('verb')}{m.group('colon').strip()}' (opening mark {where}); the quotation "
                f"that follows is left open",
                suggestion=suggestion,
            )
