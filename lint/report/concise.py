"""``--format concise``: one line per finding, ``path:line:col: CODE message``.

The default when stdout is not a terminal; what editors and grep understand.

>>> import io
>>> from lint.engine import DocResult
>>> from lint.finding import Finding
>>> out = io.StringIO()
>>> r = ConciseReporter(out, ReportOptions())
>>> r.document(DocResult("a.txt", findings=[Finding("FRG001", "glued-words", "warning", "glued", 0, 3, "abc", line=1, column=1)]))
>>> out.getvalue()
'a.txt:1:1: FRG001 glued\\n'
"""
from __future__ import annotations

from .base import ReportOptions, Reporter
from .stats import statistics_lines


class ConciseReporter(Reporter):
    name = "concise"
    description = "one line per finding: path:line:col: CODE message"

    def document(self, result) -> None:
        if result.error:
            self.write(f"{result.path}: error: {result.error}\n")
            return
        if self.options.quiet:
            return
        for f in result.findings:
            self.write(f"{result.path}:{f.line}:{f.column}: {f.rule} {f.message}\n")

    def finish(self, summary) -> None:
        if self.options.statistics:
            for line in statistics_lines(summary, self.options.rules):
                self.write(line + "\n")
