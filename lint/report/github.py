"""``--format github``: GitHub Actions workflow commands, shown as annotations on the diff.

>>> escape_data("50% done\\nnext")
'50%25 done%0Anext'
"""
from __future__ import annotations

from .base import Reporter

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    name = "github"
    description = "GitHub Actions annotations (::warning file=...::message)"

    def document(self, result) -> None:
        if result.error:
            self.write(f"::error file={escape_property(result.path)},title=input error::{escape_data(result.error)}\n")
            return
        for f in result.findings:
            props = (f"file={escape_property(result.path)},line={f.line},col={f.column},"
                     f"endLine={f.end_line},endColumn={f.end_column},"
                     f"title={escape_property(f.rule + ' ' + f.name)}")
            msg = f.message + (f" (suggestion: {f.suggestion!r})" if f.suggestion else "")
            self.write(f"::{_LEVEL.get(f.severity, 'warning')} {props}::{escape_data(msg)}\n")
