#!/usr/bin/env python3
"""Where the time goes: the cost of each rule and of the shared document analyses.

    python bench/rule_cost.py                    # the bench corpus's 2,000 files
    python bench/rule_cost.py --limit 500 PATH   # any folder of .txt files, first 500
    python bench/rule_cost.py --limit 5000 corpus.jsonl   # records of a JSONL corpus

Runs in one process on one core: every document is linted with every rule, each rule
timed separately (warm: a first pass loads lexicons and word lists), and the shared
analyses every run computes (language, paragraphs and their languages, sentences, the word
set and count) timed on their own.
"""
from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from collections import Counter
from itertools import islice
from pathlib import Path

from lint.document import Document
from lint.plugins import load_registry

DEFAULT = Path("/tmp/unspun-bench/files")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    if args.path.suffix == ".jsonl":
        with open(args.path, encoding="utf-8") as fh:
            texts = [json.loads(line)["text"] for line in islice(fh, args.limit or None)]
    else:
        files = sorted(args.path.glob("*.txt"))
        if args.limit:
            files = files[: args.limit]
        texts = [f.read_text(encoding="utf-8") for f in files]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    rules = [r for r in load_registry().sorted_rules() if not getattr(r, "internal", False)]

    # warm-up on documents spread over the corpus (every language): lexicons, word lists,
    # compiled patterns
    for t in texts[:: max(1, len(texts) // 60)]:
        doc = Document(t)
        for r in rules:
            if r.languages is None or doc.languages & set(r.languages):
                list(r.check(doc))

    t0 = time.perf_counter()
    docs = []
    for t in texts:
        d = Document(t)
        d.languages, d.sentences, d.word_set, d.word_count, d.lowered  # noqa: B018 - what every run computes
        docs.append(d)
    shared = time.perf_counter() - t0
    gc.collect()
    gc.freeze()  # the kept documents are not garbage: don't charge their scans to a rule

    cost: Counter = Counter()
    gc.disable()  # a collection would be charged to whichever rule happens to run
    for d in docs:
        for r in rules:
            if r.languages is not None and not (d.languages & set(r.languages)):
                continue
            t = time.perf_counter()
            list(r.check(d))
            cost[r.code] += time.perf_counter() - t
    gc.enable()
    total = shared + sum(cost.values())
    print(f"{len(texts)} documents, {mb:.1f} MB: {total:.2f} s = {mb / total:.2f} MB/s on one core")
    print(f"  {'shared analyses':<28}{shared:7.2f} s  {mb / shared:8.1f} MB/s")
    for code, secs in cost.most_common():
        print(f"  {code} {load_registry().rules[code].name:<21}{secs:7.2f} s  {mb / max(secs, 1e-9):8.1f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
