"""Fixes that never lose data: ``--fix``, ``--unsafe-fixes``, ``--diff``.

A finding with a suggestion and a fix safety can be applied: ``safe`` fixes are certain
(a run of blank lines, an HTML entity), ``unsafe`` ones probable (restoring spun wording).
Overlapping fixes are resolved deterministically: in order of (start, end, rule), a fix
is taken when it touches no fix already taken; the others wait for the next round.
Fixing repeats (re-linting the fixed text) until nothing changes, at most ``MAX_ROUNDS``
times, so fixing twice equals fixing once. Only the fixed spans change; files are written
atomically with their encoding, BOM, newlines and permissions kept.

>>> from lint.finding import Finding
>>> f = Finding("FRG011", "blank-line-run", "warning", "m", 4, 9, "\\n\\n\\n\\n\\n", suggestion="\\n\\n", fix="safe")
>>> apply_fixes("One.\\n\\n\\n\\n\\nTwo.", [f])
('One.\\n\\nTwo.', 1, {'unsafe': 0, 'conflict': 0})
"""
from __future__ import annotations

import codecs
import difflib
import sys
from typing import IO, Iterable, Optional

from .atomic import atomic_write_bytes
from .source import decode

MAX_ROUNDS = 10


def fixable(finding, unsafe: bool) -> bool:
    return finding.suggestion is not None and (finding.fix == "safe" or (unsafe and finding.fix == "unsafe"))


def apply_fixes(text: str, findings: Iterable, unsafe: bool = False) -> tuple[str, int, dict]:
    """Apply the fixes of ``findings`` to ``text`` once; (new text, applied, skipped by reason)."""
    skipped = {"unsafe": 0, "conflict": 0}
    chosen: list = []
    candidates = []
    for f in findings:
        if f.suggestion is None or f.fix is None:
            continue
        if not fixable(f, unsafe):
            skipped["unsafe"] += 1
            continue
        if text[f.offset:f.end_offset] != f.text:
            skipped["conflict"] += 1  # stale: the text under the finding changed
            continue
        candidates.append(f)
    candidates.sort(key=lambda f: (f.offset, f.end_offset, f.rule, f.suggestion))
    for f in candidates:
        if f.suggestion == f.text:
            continue
        if chosen and _overlaps(chosen[-1], f):
            skipped["conflict"] += 1
            continue
        chosen.append(f)
    if not chosen:
        return text, 0, skipped
    parts = []
    pos = 0
    for f in chosen:
        parts.append(text[pos:f.offset])
        parts.append(f.suggestion)
        pos = f.end_offset
    parts.append(text[pos:])
    return "".join(parts), len(chosen), skipped


def _overlaps(a, b) -> bool:
    """Fixes conflict when their spans overlap, or both insert at one point."""
    if a.offset == a.end_offset and b.offset == b.end_offset:
        return a.offset == b.offset
    return b.offset < a.end_offset or (b.offset == a.end_offset == a.offset)


def encode_like(original: bytes, text: str) -> bytes:
    """Encode ``text`` as ``original`` was encoded (UTF-8 with or without BOM, UTF-16/32 with
    the same BOM and byte order)."""
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                     (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                     (codecs.BOM_UTF16_BE, "utf-16-be")):
        if original.startswith(bom):
            return bom + text.encode(enc)
    return text.encode("utf-8")


class Fixer:
    """Applies fixes to the documents of a run as their results stream past."""

    def __init__(self, run, unsafe: bool = False, diff: bool = False, stdout: Optional[IO[str]] = None):
        self.run = run
        self.unsafe = unsafe
        self.diff = diff
        self.stdout = stdout or sys.stdout
        self.applied = 0
        self.remaining = 0
        self.remaining_unsafe = 0
        self.remaining_conflict = 0
        self.files_changed = 0
        self.skipped_records = 0

    def process(self, result, settings):
        """Fix one document; returns the result of linting the fixed text."""
        if result.file is not None:  # a corpus record: `unspun filter --fix` writes those
            self.skipped_records += 1
            return result
        is_stdin = result.path == self.run.stdin_name and self.run.stdin_data is not None
        if not any(fixable(f, self.unsafe) for f in result.findings):
            self._count_remaining(result)
            if is_stdin and not self.diff:
                self.stdout.write(result.text or "")
            return result
        original = self.run.stdin_data if is_stdin else _read(result.path)
        if original is None:
            return result
        text = decode(original).text
        fixed_result = result
        total = 0
        for _ in range(MAX_ROUNDS):
            new_text, applied, _ = apply_fixes(text, fixed_result.findings, self.unsafe)
            if not applied or new_text == text:
                break
            total += applied
            text = new_text
            fixed_result = self._relint(result.path, encode_like(original, text), settings)
        self.applied += total
        fixed_result.fixes_applied = total
        self._count_remaining(fixed_result)
        new_bytes = encode_like(original, text)
        if self.diff:
            if new_bytes != original:
                self._write_diff(result.path, decode(original).text, text)
            return fixed_result
        if is_stdin:
            self.stdout.write(text)
        elif new_bytes != original:
            atomic_write_bytes(result.path, new_bytes)
            self.files_changed += 1
        return fixed_result

    def _relint(self, path: str, data: bytes, settings):
        extractor = self.run.registry.extractor_for(path if path != "-" else self.run.stdin_name, default=".txt")
        source = next(iter(extractor.sources(path, data, settings)))
        return self.run.linter_for(settings).lint_source(source)

    def _count_remaining(self, result) -> None:
        for f in result.findings:
            if f.suggestion is not None and f.fix is not None:
                self.remaining += 1
                if not fixable(f, self.unsafe):
                    self.remaining_unsafe += 1
                else:
                    self.remaining_conflict += 1

    def _write_diff(self, path: str, before: str, after: str) -> None:
        lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                     fromfile=f"a/{path.lstrip('/')}", tofile=f"b/{path.lstrip('/')}")
        for line in lines:
            self.stdout.write(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")

    def finish(self) -> None:
        pass

    def report_line(self) -> str:
        verb = "would apply" if self.diff else "applied"
        parts = [f"unspun: {verb} {self.applied} fix(es)"]
        if not self.diff:
            parts.append(f"in {self.files_changed} file(s)")
        line = " ".join(parts)
        if self.remaining:
            line += (f"; {self.remaining} fixable finding(s) remain ({self.remaining_unsafe} unsafe: "
                     f"use --unsafe-fixes; {self.remaining_conflict} in conflict or unstable)")
        if self.skipped_records:
            line += f"; {self.skipped_records} corpus record(s) not fixed in place (use `unspun filter --fix`)"
        return line


def _read(path: str) -> Optional[bytes]:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError:
        return None
