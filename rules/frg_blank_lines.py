"""FRG011 blank-line-run: three or more blank lines in a row inside a text.

Scrapers leave runs of empty lines where images, embeds and ads were cut out. One blank
line separates paragraphs; more is noise. The fix (safe) keeps exactly one blank line.

>>> import lint
>>> [f.suggestion for f in lint.check_text(BlankLineRun(), "One.\\n\\n\\n\\n\\nTwo.")]
['\\n\\n']
"""
from __future__ import annotations

import regex

import lint

#: a newline, then two or more lines holding only spaces/tabs: 3+ newlines in a row
_RUN = regex.compile(r"\r?\n(?:[ \t\f\v\u00a0\u3000]*\r?\n){2,}")


class BlankLineRun(lint.Rule):
    """Two or more empty lines in a row between paragraphs (a run of three or more line
    breaks). Scraping leaves them where images, embeds or ads were removed; they carry
    nothing and break paragraph-based tools. The fix collapses the run to one blank line."""

    code = "FRG011"
    name = "blank-line-run"
    severity = "warning"
    summary = "run of blank lines inside the text"
    fix = "safe"
    fix_hint = "Keep one blank line between paragraphs."
    confidence = 0.3
    matches = (
        lint.Example("First paragraph.\n\n\n\nSecond paragraph.", "en", covers="\n\n\n\n"),
        lint.Example("Primo paragrafo.\n\n\n\n\n\nSecondo.", "it"),
        lint.Example("第一段。\n\n\n\n第二段。", "zh"),
        lint.Example("Windows.\r\n\r\n\r\n\r\nLine ends.", "en", covers="\r\n\r\n\r\n\r\n"),
    )
    no_matches = (
        lint.Example("First paragraph.\n\nSecond paragraph.", "en"),
        lint.Example("Una riga.\nUn'altra riga.\n", "it"),
        lint.Example("第一段。\n\n第二段。", "zh"),
        lint.Example("Trailing newlines at the end of a file.\n\n\n\n", "en"),
        lint.Example("Windows line ends.\r\n\r\nNext paragraph.\r\n", "en"),
    )

    def check(self, doc):
        text = doc.text
        for m in _RUN.finditer(text):
            if m.end() >= len(text.rstrip()) + 1 and not text[m.end():].strip():
                continue  # trailing blank lines at the end of the file
            if m.start() == 0 or not text[: m.start()].strip():
                continue
            newline = "\r\n" if "\r" in m.group() else "\n"
            blank = m.group().count("\n") - 1
            yield self.finding(doc, m.start(), m.end(), f"{blank} blank lines in a row",
                               suggestion=newline * 2)
