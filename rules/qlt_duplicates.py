"""QLT001 duplicate-paragraph: paragraphs and lines that repeat earlier ones word for word.

Scrapers and careless pipelines repeat blocks: a page's article body extracted twice, a
teaser paragraph and the same paragraph in the body, a footer or disclaimer after every
post of a thread. Gopher (Rae et al. 2021) drops documents in which repeated paragraphs
hold more than 20% of the characters (or repeated lines more than 20%, or more than 30%
of the paragraphs or lines are repeats); FineWeb (Penedo et al. 2024) drops those with
10% or more of their characters in repeated lines.

>>> import lint
>>> para = "The company reported a loss of two million euros in the third quarter of the year."
>>> text = f"Quarterly results\\n\\n{para}\\n\\nShares fell by four percent.\\n\\n{para}"
>>> [(f.rule, f.severity) for f in lint.check_text(DuplicateParagraph(), text, "en")]
[('QLT001', 'info')]
>>> longer = text + "\\n\\n" + "The board will meet again in March to discuss the plan. " * 3 + "\\n\\n" + para
>>> [f.severity for f in lint.check_text(DuplicateParagraph(), longer, "en")]
['warning', 'warning']
"""
from __future__ import annotations

import regex

import lint

#: a paragraph or line shorter than this (characters, or words) may repeat innocently:
#: "Thanks,", a name under a signature, "Reply", a short refrain
MIN_CHARS = 40
MIN_WORDS = 6
#: CJK text (no spaces) needs fewer characters for as much content
MIN_CJK_CHARS = 20
#: Gopher's limits on the share of characters in repeated paragraphs (and lines)
DUP_CHAR_SHARE = 0.20
#: Gopher's limit on the share of paragraphs (lines) that are repeats
DUP_UNIT_SHARE = 0.30
#: Gopher applies its filters to documents of 50 words or more
MIN_DOC_WORDS = 50

_SPACE = regex.compile(r"\s+")
_WORD = regex.compile(r"[\p{L}\p{N}]+")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")


def _key(text: str) -> str:
    """The text with case and runs of spaces ignored (normalised only when needed: C speed)."""
    if "\n" in text or "  " in text or "\t" in text or "\u00a0" in text:
        text = " ".join(text.split())
    return text.casefold()


def _long_enough(key: str) -> bool:
    if len(key) >= MIN_CHARS and len(_WORD.findall(key)) >= MIN_WORDS:
        return True
    return len(key) >= MIN_CJK_CHARS and len(_CJK.findall(key)) >= MIN_CJK_CHARS


class DuplicateParagraph(lint.Rule):
    """A paragraph (or a line of a multi-line paragraph) that repeats an earlier one of the
    same document word for word (ignoring case and spacing). Each repeat is reported where
    it occurs, with the line of the first occurrence. Units shorter than 40 characters or
    six words are ignored: greetings, names under a signature and short refrains repeat
    innocently.

    Severity: a warning when the document is over Gopher's repetition limits (Rae et al.
    2021: repeated paragraphs or lines hold 20% or more of its characters, or make up 30%
    or more of its paragraphs), for a document of 50 words or more; otherwise info (one
    repeated block, a headline repeated as the first line of the body, a signature under
    each e-mail of a thread: worth knowing when curating a corpus, not damage)."""

    code = "QLT001"
    name = "duplicate-paragraph"
    severity = "warning"
    summary = "paragraph or line repeated word for word"
    fix_hint = "Delete the repeated paragraph; keep the first occurrence."
    confidence = 0.55
    matches = (
        lint.Example("The company reported a loss of two million euros in the third quarter.\n\n"
                     "Shares fell by four percent on Tuesday after the results were published.\n\n"
                     "The company reported a loss of two million euros in the third quarter.", "en"),
        lint.Example("L'azienda ha registrato una perdita di due milioni di euro nel terzo trimestre.\n\n"
                     "Il titolo ha perso il quattro per cento in borsa.\n\n"
                     "L'azienda ha registrato una perdita di due milioni di euro nel terzo trimestre.", "it"),
        lint.Example("该公司第三季度亏损两百万欧元，股价随之下跌。\n\n分析人士认为前景仍不明朗。\n\n"
                     "该公司第三季度亏损两百万欧元，股价随之下跌。", "zh"),
        lint.Example("Das Unternehmen meldete im dritten Quartal einen Verlust von zwei Millionen Euro.\n"
                     "Die Aktie fiel um vier Prozent, nachdem die Zahlen veröffentlicht worden waren.\n"
                     "Das Unternehmen meldete im dritten Quartal einen Verlust von zwei Millionen Euro.\n",
                     "de"),
    )
    no_matches = (
        lint.Example("Thanks,\nJohn\n\nPlease send me the file by Monday.\n\nThanks,\nJohn", "en"),
        lint.Example("The company reported a loss in the third quarter.\n\nShares fell by four percent.", "en"),
        lint.Example("Chorus:\nNa na na\n\nVerse one goes here and tells the story.\n\nChorus:\nNa na na", "en"),
        lint.Example("Il titolo ha perso il quattro per cento.\n\nIl titolo ha perso il cinque per cento.", "it"),
    )

    def check(self, doc):
        text = doc.text
        seen: dict[str, int] = {}  # key -> offset of the first occurrence
        repeats: list[tuple[int, int, int]] = []  # (start, end, first offset)
        units = 0
        for para in doc.paragraphs:
            if para.end - para.start < MIN_CJK_CHARS:
                continue
            ptext = text[para.start:para.end]
            key = _key(ptext)
            if key in seen:
                if _long_enough(key):
                    units += 1
                    repeats.append((para.start, para.end, seen[key]))
                continue
            seen[key] = para.start
            if len(key) >= MIN_CHARS:
                units += 1
            if "\n" not in ptext:
                continue
            pos = para.start
            for line in ptext.split("\n"):
                start = pos
                pos += len(line) + 1
                if len(line) < MIN_CJK_CHARS:
                    continue
                lkey = _key(line.strip())
                if lkey in seen:
                    if lkey != key and _long_enough(lkey):
                        units += 1
                        lead = len(line) - len(line.lstrip())
                        repeats.append((start + lead, start + len(line.rstrip()), seen[lkey]))
                    continue
                seen[lkey] = start + len(line) - len(line.lstrip())
                if len(lkey) >= MIN_CHARS:
                    units += 1
        if not repeats:
            return
        total = len(text.strip()) or 1
        dup_chars = sum(e - s for s, e, _ in repeats)
        share = dup_chars / total
        # a headline repeated as the body's first line is how many pages are built: the
        # repeats of the first paragraph do not count towards the limits
        title = doc.paragraphs[0].start
        counted = [(s, e) for s, e, first in repeats if first != title]
        counted_share = sum(e - s for s, e in counted) / total
        over = doc.word_count >= MIN_DOC_WORDS and bool(counted) and (
            counted_share >= DUP_CHAR_SHARE or len(counted) / units >= DUP_UNIT_SHARE)
        for s, e, first in repeats:
            line = doc.position(first)[0]
            message = (f"repeats line {line} word for word ({len(repeats)} repeat(s), "
                       f"{share:.0%} of the text")
            message += ", over Gopher's 20% limit)" if over else ")"
            yield self.finding(doc, s, e, message, severity=None if over else "info",
                               confidence=min(0.8, self.confidence + share) if over else 0.3)
