"""Findings: what a rule reports about one span of one document.

A finding carries code-point offsets into the document text (which has the same length
and offsets as the decoded source file, see :mod:`lint.document`), the matched text, a
message, and optionally a suggestion and the safety of applying it.

>>> f = Finding("FRG001", "glued-words", "warning", "glued words", 4, 9, "abcde")
>>> f.family
'FRG'
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Optional

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}
FIX_SAFETY = ("safe", "unsafe")


@dataclass(slots=True)
class Finding:
    """One reported problem.

    ``suggestion`` is the replacement text for ``[offset, end_offset)``; ``fix`` says
    whether applying it is ``"safe"`` (certain) or ``"unsafe"`` (probable), or None when
    the suggestion is advice only. ``confidence`` (0..1) is how likely the finding is real
    damage; the document score is built from it.
    """

    rule: str
    name: str
    severity: str
    message: str
    offset: int
    end_offset: int
    text: str
    suggestion: Optional[str] = None
    fix: Optional[str] = None
    confidence: float = 0.6
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    extra: dict = field(default_factory=dict)

    @property
    def family(self) -> str:
        return self.rule[:3]

    def with_(self, **changes) -> "Finding":
        return replace(self, **changes)

    def to_dict(self) -> dict:
        """The finding as the JSON schema of DESIGN.md lays it out."""
        return {
            "rule": self.rule,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "offset": self.offset,
            "end_offset": self.end_offset,
            "text": self.text,
            "suggestion": self.suggestion,
            "fix": self.fix,
        }
