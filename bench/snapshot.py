#!/usr/bin/env python3
"""Every finding of the selected rules on a fixed set of texts, one line each: run it
before and after a speed change and ``diff`` the two files; they must be identical.

    python bench/snapshot.py --select QLT004 > /tmp/before.txt
    ... change the rule ...
    python bench/snapshot.py --select QLT004 > /tmp/after.txt && diff /tmp/before.txt /tmp/after.txt

Texts: the bench corpus's files (``UNSPUN_BENCH_DATA``, default /tmp/unspun-bench; the
first ``--limit``), the seeds, the clean corpus (both from ../shared when present) and
``examples/``. A line holds the text's name, rule, severity, confidence, offsets, the
matched text and the message, so any change in what is reported shows up.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from lint.config import Settings
from lint.document import Document
from lint.engine import Linter
from lint.plugins import load_registry
from lint.source import Source

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def texts(limit: int):
    """(name, text) of every text of the snapshot, in a fixed order."""
    bench = Path(os.environ.get("UNSPUN_BENCH_DATA", "/tmp/unspun-bench")) / "files"
    for path in sorted(bench.glob("*.txt"))[:limit]:
        yield f"bench/{path.name}", path.read_text(encoding="utf-8")
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        yield f"seeds/{path.name}", path.read_text(encoding="utf-8")
    for path in sorted((SHARED / "corpus" / "clean").glob("*.jsonl")):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    record = json.loads(line)
                    yield f"clean/{record['id']}", record["text"]
    for path in sorted((ROOT / "examples").glob("*.txt")):
        yield f"examples/{path.name}", path.read_text(encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--select", default="ALL", help="comma-separated rule codes or prefixes")
    ap.add_argument("--limit", type=int, default=2000, help="bench files to include")
    ap.add_argument("--docs", action="store_true",
                    help="also a line per text with its language, word count, score and paragraph languages "
                         "(for changes to the shared analyses)")
    args = ap.parse_args()
    linter = Linter(Settings(select=args.select.split(",")), load_registry())
    out = sys.stdout
    for name, text in texts(args.limit):
        result = linter.lint_source(Source(path=name, text=text))
        if args.docs:
            doc = Document(text)
            out.write(f"{name}\tDOC\t{result.language}\t{result.words}\t{result.score:.6f}\t"
                      f"{[(p.start, p.end, p.lang, p.kind) for p in doc.paragraphs]}\t{doc.sentences}\n")
        for f in result.findings:
            out.write(f"{name}\t{f.rule}\t{f.severity}\t{f.confidence:.3f}\t{f.offset}-{f.end_offset}\t"
                      f"{f.text!r}\t{f.message}\t{f.suggestion!r}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
