"""QLT002 too-short: a document with too little text to be worth keeping in a corpus.

Gopher (Rae et al. 2021) keeps documents of 50 to 100,000 words; C4 (Raffel et al. 2020)
drops pages with fewer than three sentences. Records this short are extraction failures
(an empty body, a cookie notice, a title alone) or fragments with no context to learn
from. Words are counted as unspun counts them everywhere: a CJK character is 1/1.5 word,
so 75 Chinese characters make 50 words.

>>> import lint
>>> [f.message for f in lint.check_text(TooShort(), "Click here.", "en")]
['too little text: 2 words in 1 sentence (Gopher keeps documents of 50+ words, C4 pages of 3+ sentences)']
"""
from __future__ import annotations

import lint

#: Gopher's minimum document length (words)
MIN_WORDS = 50


class TooShort(lint.Rule):
    """A document of fewer than 50 words (a CJK character counts 1/1.5 word): Gopher's
    lower bound (Rae et al. 2021; C4, Raffel et al. 2020, asks for three sentences). In a
    corpus such records are usually extraction failures: an empty body, a title alone, a
    cookie notice. Severity info: a corpus-curation signal (short texts are not damaged
    text, and a short Markdown file is fine), reported once, at the start. Off by default
    (a short note or README is not a problem): turn it on for corpora with
    ``--extend-select QLT002``."""

    code = "QLT002"
    default_enabled = False
    name = "too-short"
    severity = "info"
    summary = "too little text for a corpus document (under 50 words)"
    fix_hint = "Drop the record from the corpus, or check the extraction that produced it."
    confidence = 0.3
    matches = (
        lint.Example("Click here to read more.", "en", covers="Click"),
        lint.Example("Accetta i cookie per continuare.", "it"),
        lint.Example("点击这里阅读全文。", "zh"),
        lint.Example("", "en"),
    )
    no_matches = (
        lint.Example(" ".join(["The committee met on Monday to discuss the budget for next year."] * 5), "en"),
        lint.Example(" ".join(["Il comitato si è riunito lunedì per discutere il bilancio del prossimo anno."] * 5),
                     "it"),
        lint.Example("委员会周一开会讨论明年的预算，" * 6, "zh"),
    )

    def check(self, doc):
        words = doc.word_count
        if words >= MIN_WORDS:
            return
        sentences = len(doc.sentences)
        text = doc.text
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        if end <= start:
            start = end = 0
        else:
            end = min(end, doc.line_span(start)[1])  # the first line: enough to point at
        what = "no text at all" if not words else (f"{words} word{'s' if words != 1 else ''} in {sentences} "
                                                   f"sentence{'s' if sentences != 1 else ''}")
        c4 = ", C4 pages of 3+ sentences" if sentences < 3 else ""
        yield self.finding(doc, start, end, f"too little text: {what} (Gopher keeps documents of 50+ words{c4})",
                           confidence=0.6 if not words else self.confidence)
