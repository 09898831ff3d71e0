"""Baselines: adopt the gate on an existing docs tree or corpus without fixing it first.

``--write-baseline FILE`` records every current finding; ``--baseline FILE`` then hides
those findings and reports only new ones. A finding is keyed on its document (the record
id for corpora, else the path), its rule, and a hash of the matched text with a little
context on each side (within its line), so it survives lines moving above it but not an edit of itself.

>>> from lint.engine import DocResult
>>> from lint.finding import Finding
>>> r = DocResult("a.txt", text="x the the y", findings=[Finding("FRG010", "n", "warning", "m", 2, 9, "the the")])
>>> w = BaselineWriter(); w.add(r)
>>> b = Baseline(w.counts); b.filter(r); r.findings
[]
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter

from .atomic import atomic_writer

CONTEXT = 16
VERSION = 1


def finding_key(result, finding) -> str:
    text = result.text or ""
    # context: up to CONTEXT characters on each side, never across a line break
    before = text[max(0, finding.offset - CONTEXT):finding.offset].rsplit("\n", 1)[-1]
    after = text[finding.end_offset:finding.end_offset + CONTEXT].split("\n", 1)[0]
    digest = hashlib.sha1(f"{before}\x00{finding.text}\x00{after}".encode("utf-8", "surrogatepass")).hexdigest()[:16]
    owner = f"id:{result.id}" if result.id is not None else f"path:{result.path}"
    return f"{owner}|{finding.rule}|{digest}"


class BaselineWriter:
    def __init__(self) -> None:
        self.counts: Counter = Counter()

    def add(self, result) -> None:
        for f in result.findings:
            self.counts[finding_key(result, f)] += 1

    def write(self, path: str) -> None:
        with atomic_writer(path) as fh:
            json.dump({"version": VERSION, "tool": "unspun", "findings": dict(sorted(self.counts.items()))},
                      fh, indent=1, ensure_ascii=False)
            fh.write("\n")


class Baseline:
    def __init__(self, counts) -> None:
        self.counts = Counter(counts)

    @classmethod
    def load(cls, path: str) -> "Baseline":
        from .cli import UsageError

        try:
            with open(path, encoding="utf-8") as fh:
                data = json.load(fh)
        except OSError as e:
            raise UsageError(f"--baseline {path}: {e.strerror or e}") from None
        except ValueError as e:
            raise UsageError(f"--baseline {path}: not a baseline file ({e})") from None
        if not isinstance(data, dict) or not isinstance(data.get("findings"), dict):
            raise UsageError(f"--baseline {path}: not a baseline file (no 'findings' table)")
        return cls(data["findings"])

    def filter(self, result) -> None:
        """Drop the findings of ``result`` that the baseline knows (each known once)."""
        kept = []
        for f in result.findings:
            key = finding_key(result, f)
            if self.counts.get(key, 0) > 0:
                self.counts[key] -= 1
                continue
            kept.append(f)
        result.findings = kept
