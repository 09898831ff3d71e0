"""``--format json`` (one object, the DESIGN.md schema) and ``--format jsonl`` (one finding
per line). Both stream: a document is written as soon as it is linted, so memory stays flat
on a corpus of millions of documents.
"""
from __future__ import annotations

import json

from .base import Reporter


_LINE_BREAKS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _dumps(obj) -> str:
    """Compact JSON with non-ASCII kept, but the characters that line-based readers
    (``str.splitlines``, JavaScript) take for line breaks escaped, so a JSONL record is
    always exactly one line.

    >>> _dumps({"t": "a\x85b"})
    '{"t": "a\\\\u0085b"}'
    """
    out = json.dumps(obj, ensure_ascii=False)
    if "\x85" in out or "\u2028" in out or "\u2029" in out:
        for ch, esc in _LINE_BREAKS.items():
            out = out.replace(ch, esc)
    return out


class JsonReporter(Reporter):
    name = "json"
    description = "one JSON object: files with findings, and a summary"

    def start(self) -> None:
        self.write('{"version": %s, "files": [' % _dumps(self.options.version))
        self._first = True

    def document(self, result) -> None:
        self.write(("\n  " if self._first else ",\n  ") + _dumps(result.to_dict()))
        self._first = False

    def finish(self, summary) -> None:
        self.write("\n], \"summary\": " + _dumps(summary.to_dict()) + "}\n")


class JsonLinesReporter(Reporter):
    name = "jsonl"
    description = "one JSON object per finding (and per input error), for streaming"

    def document(self, result) -> None:
        if result.error:
            self.write(_dumps({"path": result.path, "id": result.id, "error": result.error}) + "\n")
            return
        for f in result.findings:
            row = {"path": result.path, "id": result.id, **f.to_dict()}
            self.write(_dumps(row) + "\n")
