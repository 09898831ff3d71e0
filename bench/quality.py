#!/usr/bin/env python3
"""Developer check of rule quality without the CLI: seed recall and clean-corpus warnings.

    python bench/quality.py --select FRG,BPL        # rules by code or prefix
    python bench/quality.py --select SPN --show 30  # more false-positive examples

Reads ``../shared/seeds`` (annotated damaged texts) and ``../shared/corpus/clean`` (clean
human text in 12 languages) when they exist. Prints, per family selected: the annotations
found, then warnings/errors per 10,000 clean words per language and the rules that fire.
The official figure is ``python ../shared/tools/score.py``; this is the fast inner loop.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from lint.config import Settings
from lint.engine import Linter
from lint.plugins import load_registry
from lint.source import Source
from lint.textutil import word_count

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--select", default="ALL", help="comma-separated codes or prefixes")
    ap.add_argument("--show", type=int, default=12, help="false-positive examples to print")
    ap.add_argument("--max-docs", type=int, default=0, help="clean documents per language (0: all)")
    ap.add_argument("--shared", default=str(SHARED))
    args = ap.parse_args()
    shared = Path(args.shared)
    select = [s.strip() for s in args.select.split(",") if s.strip()]
    linter = Linter(Settings(select=select), load_registry())
    families = {s[:3] for s in select} if "ALL" not in select else None

    anns = [json.loads(l) for l in (shared / "seeds" / "annotations.jsonl").read_text().splitlines() if l.strip()]
    results = {}
    for p in sorted((shared / "seeds").glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        results[p.name] = linter.lint_source(Source(path=p.name, text=text))
    found = total = 0
    for a in anns:
        if families and a["family"] not in families:
            continue
        r = results[a["file"]]
        hit = any(f.rule[:3] == a["family"] and f.offset < a["end"] and max(f.end_offset, f.offset + 1) > a["start"]
                  for f in r.findings)
        total += 1
        found += hit
        mark = "ok  " if hit else ("MISS" if a["required"] else "miss")
        print(f"{mark} {a['family']} {a['kind']:<22} {a['file'][:3]} {a['quote'][:50]!r}")
    print(f"annotations found: {found}/{total}")
    for name, r in results.items():
        print(f"  {name}: score {r.score}, {len(r.findings)} findings", Counter(f.rule for f in r.findings).most_common(8))

    lang_words, lang_fp, rule_fp = Counter(), Counter(), Counter()
    examples = defaultdict(list)
    gated = Counter()
    for jl in sorted((shared / "corpus" / "clean").glob("*.jsonl")):
        lines = jl.read_text(encoding="utf-8").splitlines()
        if args.max_docs:
            lines = lines[: args.max_docs]
        for line in lines:
            d = json.loads(line)
            lang = d["lang"]
            r = linter.lint_source(Source(path=d["id"], text=d["text"] + "\n"))
            lang_words[lang] += word_count(d["text"])
            gated[lang] += r.score > 0.5
            for f in r.findings:
                if f.severity in ("warning", "error"):
                    lang_fp[lang] += 1
                    rule_fp[f.rule] += 1
                    ctx = d["text"][max(0, f.offset - 30): f.end_offset + 30].replace("\n", "⏎")
                    examples[f.rule].append(f"{d['id']}: [{f.text[:40]!r}] {f.message[:70]} | …{ctx}…")
    total_w = sum(lang_words.values())
    print(f"clean corpus: {total_w:,} words, {sum(lang_fp.values())} warnings = "
          f"{10000 * sum(lang_fp.values()) / max(total_w, 1):.2f}/10k words")
    for lang in sorted(lang_words):
        print(f"  {lang}: {10000 * lang_fp[lang] / max(lang_words[lang], 1):.2f}/10k, gated {gated[lang]}")
    for rule, n in rule_fp.most_common():
        print(f"  {rule}: {n}")
        for e in examples[rule][: args.show]:
            print(f"      {e}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
