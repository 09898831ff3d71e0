#!/usr/bin/env python3
"""Time datatrove's Gopher, C4 and FineWeb quality filters on a JSONL corpus, one core.

Standalone (it imports nothing of unspun), so it can run in an environment that has
datatrove (``pip install 'datatrove[processing]'``); ``bench/bench.py --datatrove`` calls it.

    python bench/datatrove_filters.py corpus.jsonl [--mb 20]

Prints one JSON object: MB/s per filter and the share of documents each keeps. The filters'
``filter`` method is called directly on each Document (no executor, no I/O): their own cost.
"""
import argparse
import json
import sys
import time


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--mb", type=float, default=0, help="only the first N MB")
    args = ap.parse_args()
    from datatrove.data import Document
    from datatrove.pipeline.filters import (C4QualityFilter, FineWebQualityFilter, GopherQualityFilter,
                                            GopherRepetitionFilter)

    docs = []
    size = 0
    with open(args.corpus, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            docs.append(Document(text=d["text"], id=str(d.get("id"))))
            size += len(d["text"].encode("utf-8"))
            if args.mb and size >= args.mb * 1e6:
                break
    mb = size / 1e6
    steps = {
        "gopher_repetition": GopherRepetitionFilter(),
        "gopher_quality": GopherQualityFilter(),
        "c4_quality": C4QualityFilter(),
        "fineweb_quality": FineWebQualityFilter(),
    }
    out = {"documents": len(docs), "mb": round(mb, 2)}
    for name, step in steps.items():
        t = time.perf_counter()
        kept = 0
        for doc in docs:
            res = step.filter(doc)
            kept += bool(res[0] if isinstance(res, tuple) else res)
        wall = time.perf_counter() - t
        out[name] = {"mb_s": round(mb / wall, 2), "kept": round(kept / len(docs), 3)}
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
