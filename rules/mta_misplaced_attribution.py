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
    "承认 说明 重申 呼吁 抱怨 坚称 表态 解释 补充 "
    "感慨 反驳 回应 评论 宣布 提到 提醒 哭诉 叫道 嚷道 追问 反问 质问 建议 描述 形容 总结 评价 "
    "预测 批评 否认 证实 确认 称赞 讲述 谈到 谈道 笑着说 直言 感叹 说出"
).split()


def _ja_verbs() -> list:
    """Japanese speech verbs in their dictionary, past, polite and progressive forms
    (言う 言った 言います 言っている, 説明する 説明した, 述べる 述べました...), built from the
    stems by conjugation class (standard Japanese grammar)."""
    ichidan = "述べ 答え 付け加え 伝え 訴え 打ち明け 呼びかけ 認め 応え 教え 続け 尋ね 加え".split()
    godan = {  # stem: (dictionary, past, polite stem, te-form stem)
        "言": ("う", "った", "い", "っ"), "語": ("る", "った", "り", "っ"), "振り返": ("る", "った", "り", "っ"),
        "話": ("す", "した", "し", "し"), "明か": ("す", "した", "し", "し"), "漏ら": ("す", "した", "し", "し"),
        "書": ("く", "いた", "き", "い"), "嘆": ("く", "いた", "き", "い"),
        "呟": ("く", "いた", "き", "い"), "つぶや": ("く", "いた", "き", "い"), "叫": ("ぶ", "んだ", "び", "ん"),
        "笑": ("う", "った", "い", "っ"),
    }
    suru = ("説明 強調 指摘 主張 発言 回答 報告 証言 告白 コメント 質問 反論 補足 断言 明言 宣言 発表 表明 "
            "返答 解説 述懐 説得 要求 警告 批判 否定 強弁 確認").split()
    prog = ("いる", "いた", "います", "いました")
    out = []
    for st in ichidan:
        out += [st + e for e in ("る", "た", "ます", "ました")] + [st + "て" + e for e in prog]
    for st, (dic, past, pol, te) in godan.items():
        te_mark = "で" if past.endswith("だ") else "て"
        out += [st + dic, st + past, st + pol + "ます", st + pol + "ました"] + [st + te + te_mark + e for e in prog]
    for st in suru:
        out += [st + e for e in ("する", "した", "します", "しました")] + [st + "して" + e for e in prog]
    return out


_VERBS = "|".join(sorted(set(_ZH_VERBS + _ja_verbs()), key=len, reverse=True))
#: a colon (half- or full-width) followed by a CLOSING mark: the candidates, rare in any text
_COLON_CLOSE = lint.LazyPattern(regex, r"[ \t]*[:：][ \t]*[”」』]")
#: speech verb (with an optional short addressee after 告诉/对...说) ending right before the
#: colon: the attribution has been put inside the quotation marks
_VERB_END = lint.LazyPattern(regex, rf"(?:告诉[\p{{L}}\p{{N}}]{{1,12}}|(?:{_VERBS}))$")
#: characters right after a closing mark that continue the sentence around a quoted label
#: (「注意：」と書かれた, “备注：”的内容): the text after it is no quotation
_AFTER_LABEL = set("とのをがはもにでやへか的和与及或等是中里上")
#: a Japanese clause with a subject (は/が) ending in a verb form: ``田中さんはこう答える``
_JA_CLAUSE = lint.LazyPattern(regex, r"[はが][^「」“”『』：:]{0,30}(?:[うくすつぬむるぐぶただ]|ます|ました)$")
_CJK_LETTER = lint.LazyPattern(regex, r"[\p{Han}\p{Hiragana}\p{Katakana}\p{L}]")

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
    补充说, 告诉, 反驳, 感慨...) and Japanese speech verbs in their dictionary, past, polite and
    progressive forms (言う 言った 言いました 言っている, 説明する 説明した, 述べる, 語った,
    話す...) with 「」 or “” quotes. Without a known verb, ``“X：”`` is still reported when the
    text after it closes with a mark of its own (``“老人的心声：”我只想回家。”``) or, in
    Japanese, when X is a clause with a subject and a verb; a quoted label in a running
    sentence (``「エラー：」と表示された``) is left alone."""

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
        lint.Example("「鈴木さんは説明する：」この橋は来年の春に完成します。", "ja", covers="説明する：」"),
        lint.Example("“山本さんは語っていました：”雨の日は客が少ないです。", "ja", covers="語っていました："),
        lint.Example("“王芳反驳：”这些数字都是错的。", "zh", covers="王芳反驳："),
        # no speech verb, but the quotation after the colon closes on its own
        lint.Example("“老人的心声：”我只想回家看看。”这是他唯一的愿望。", "zh", covers="老人的心声："),
    )
    no_matches = (
        lint.Example("阿列克谢说：“我们从俄罗斯跑出来，因为我们想活下去。”", "zh"),
        lint.Example("“我们不想要这场战争，”瓦迪姆说。", "zh"),
        lint.Example("他说:“我们很好。”", "zh"),
        lint.Example("他说：\"我们很好。\"", "zh"),
        lint.Example("他补充说，局势已经稳定。", "zh"),
        lint.Example("田中さんは「私たちは逃げました」と言った。", "ja"),
        lint.Example("小说：《红楼梦》是一部名著。", "zh"),
        # a quoted label that ends with a colon, in a sentence that goes on
        lint.Example("画面に「エラー：」と表示された。", "ja"),
        lint.Example("屏幕上出现了“错误：”两个字，然后就黑屏了。", "zh"),
        lint.Example("彼は「ありがとう」と話す。記者は「本当ですか」と尋ねた。", "ja"),
    )

    def check(self, doc):
        text = doc.text
        if "”" not in text and "」" not in text and "』" not in text:
            return
        for c in _COLON_CLOSE.finditer(text):
            verb = _VERB_END.search(text, max(0, c.start() - 24), c.start())
            lang = doc.lang_at(c.start())
            if lang not in ("zh", "ja"):
                continue
            para = doc.paragraph_at(c.start())
            lo = para.start if para else 0
            hi = para.end if para else len(text)
            # look back for the clause start or an opening mark
            i = c.start() - 1
            opener = None
            while i >= lo and c.start() - i <= 120:
                ch = text[i]
                if ch in _OPENERS:
                    opener = i
                    break
                if ch in _STOPS:
                    break
                i -= 1
            close = text[c.end() - 1]
            opening = {"”": "“", "」": "「", "』": "『"}[close]
            if verb is None:
                # no speech verb: a colon right before a closing mark is still wrong when the
                # same pair opened shortly before it and what follows reads as the open quotation
                if opener is None or text[opener] != opening or not 2 <= c.start() - opener - 1 <= 40:
                    continue
                if not self._quotation_follows(text, c.end(), hi, opening, close,
                                               lang == "ja" and _JA_CLAUSE.search(text, opener + 1, c.start())):
                    continue
                vend = c.start()
                confidence = 0.6
            else:
                vend = verb.end()
                confidence = None
            if opener is not None:
                start = opener
                speaker_start = opener + 1
            else:
                start = i + 1
                while start < c.start() and text[start].isspace():
                    start += 1
                speaker_start = start
            if c.start() - speaker_start > 100:
                start = speaker_start = max(speaker_start, c.start() - 100)
            colon_text = text[vend:c.end() - 1]
            colon = "：" if lang == "zh" or "：" in colon_text else "："
            suggestion = text[speaker_start:vend] + colon + opening
            where = "before the speaker" if opener is not None else "missing"
            said = f"'{verb.group()}{colon_text.strip()}'" if verb else "a colon"
            yield self.finding(
                doc, start, c.end(),
                f"attribution inside the quotation marks: closing {close} right after "
                f"{said} (opening mark {where}); the quotation that follows is left open",
                suggestion=suggestion, confidence=confidence,
            )

    @staticmethod
    def _quotation_follows(text, pos, hi, opening, close, clause) -> bool:
        """Does the text after the closing mark read as the quotation left open: a letter
        that does not continue a sentence around a quoted label, then a closing mark of its
        own before any new opening one (or, after a Japanese clause with a subject and a verb,
        no new opening mark before the paragraph's end)?"""
        if pos >= hi or not _CJK_LETTER.match(text, pos) or text[pos] in _AFTER_LABEL:
            return False
        o = text.find(opening, pos, hi)
        k = text.find(close, pos, hi)
        return (0 <= k and (o < 0 or k < o)) or (bool(clause) and o < 0)
