#!/usr/bin/env python3
"""Benchmark unspun: start-up, throughput (MB/s, documents/s), peak memory, --jobs scaling.

    python bench/bench.py                       # builds the bench corpus if needed, runs all
    python bench/bench.py --only startup        # one measurement: startup | files | corpus
    python bench/bench.py --select FRG,BPL      # a subset of rules (to see what a family costs)
    python bench/bench.py --datatrove --datatrove-python /path/to/venv/bin/python
                                                # also datatrove's Gopher/C4/FineWeb filters

The corpus comes from ``../shared/tools/make_bench_corpus.py`` (50 MB of JSONL in 12
languages, 2,000 text files, a 3 KB file). Every figure is a wall-clock measurement of
the real CLI in a subprocess, the median of ``--repeat`` runs; peak memory is the largest
resident set of the run's largest process and, summed over all its processes, the
proportional set size (shared pages counted once). Nothing here is a test: numbers depend on the machine.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
DEFAULT_DATA = Path(os.environ.get("UNSPUN_BENCH_DATA", "/tmp/unspun-bench"))


def unspun_cmd() -> list[str]:
    exe = shutil.which("unspun")
    venv = ROOT / ".venv" / "bin" / "unspun"
    if venv.exists():
        return [str(venv)]
    return [exe] if exe else [sys.executable, "-m", "lint"]


def ensure_corpus(data: Path) -> Path:
    if (data / "manifest.json").exists():
        return data
    tool = SHARED / "tools" / "make_bench_corpus.py"
    if not tool.exists():
        sys.exit(f"no bench corpus at {data} and no {tool} to build it")
    print(f"building the bench corpus in {data} ...", flush=True)
    subprocess.run([sys.executable, str(tool), "--clean-dir", str(SHARED / "corpus" / "clean"),
                    "--seeds-dir", str(SHARED / "seeds"), "--out", str(data)], check=True,
                   stdout=subprocess.DEVNULL)
    return data


def measure(cmd: list[str]) -> tuple[float, float, int, float]:
    """(wall seconds, peak RSS in MB of the largest process, exit code, peak total memory
    in MB of all the run's processes together) of one run, in a fresh measuring process
    so that the peak memory is this run's alone. The total is the proportional set size
    (PSS: a page shared by two processes counts half in each), sampled every 0.1 s for a
    second, then every 0.5 s."""
    probe = (
        "import resource, subprocess, sys, time, json\n"
        "t = time.perf_counter()\n"
        "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "w = time.perf_counter() - t\n"
        "print(json.dumps([w, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, p.returncode]))\n"
    )
    # as a user runs it: with Python's bytecode cache (some sandboxes switch it off)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    proc = subprocess.Popen([sys.executable, "-c", probe, *cmd], stdout=subprocess.PIPE, text=True, env=env)
    total = 0.0
    started = time.perf_counter()
    while proc.poll() is None:
        total = max(total, tree_pss_mb(proc.pid))
        # every 0.1 s during the first second, then every 0.5 s: a sample reads the
        # kernel's page tables of every process (~10 ms), CPU the run itself would use
        # when all cores are busy; memory of a streamed run is flat after its start
        time.sleep(0.1 if time.perf_counter() - started < 1.0 else 0.5)
    out = proc.stdout.read()
    if proc.returncode != 0:
        raise RuntimeError(f"measuring {cmd} failed")
    wall, rss, code = json.loads(out)
    return wall, rss, code, total


def tree_pss_mb(root: int) -> float:
    """Summed PSS (MB) of the descendants of process ``root`` (Linux /proc; 0 elsewhere)."""
    parents: dict[int, int] = {}
    try:
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/stat") as fh:
                        parents[int(entry)] = int(fh.read().rsplit(")", 1)[1].split()[1])
                except (OSError, IndexError, ValueError):
                    continue
    except OSError:
        return 0.0
    tree = {root}
    grew = True
    while grew:
        grew = False
        for pid, ppid in parents.items():
            if ppid in tree and pid not in tree:
                tree.add(pid)
                grew = True
    kb = 0
    for pid in tree - {root}:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as fh:
                for line in fh:
                    if line.startswith("Pss:"):
                        kb += int(line.split()[1])
                        break
        except OSError:
            continue
    return kb / 1024


def repeat(cmd: list[str], n: int, warm: bool = False) -> tuple[float, float, int, float]:
    if warm:
        measure(cmd)  # warm-up: bytecode cache, file cache
    runs = [measure(cmd) for _ in range(n)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs), runs[-1][2], max(r[3] for r in runs)


def size_of(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--only", choices=("startup", "files", "corpus"))
    ap.add_argument("--jobs", default="1,2", help="comma-separated --jobs values to compare")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--select", help="pass --select to unspun")
    ap.add_argument("--corpus-mb", type=float, default=0, help="use only the first N MB of corpus.jsonl")
    ap.add_argument("--datatrove", action="store_true", help="also time datatrove's quality filters")
    ap.add_argument("--datatrove-python", default=sys.executable,
                    help="a python that has datatrove[processing] and spacy installed")
    ap.add_argument("--datatrove-mb", type=float, default=10, help="MB of the corpus for datatrove")
    ap.add_argument("--json", help="also write the figures to this JSON file")
    args = ap.parse_args()
    data = ensure_corpus(args.data)
    base = unspun_cmd() + ["check", "--format", "jsonl", "--no-progress", "--exit-zero"]
    if args.select:
        base += ["--select", args.select]
    jobs = [int(j) for j in args.jobs.split(",")]
    figures: dict = {"command": " ".join(base)}

    if args.only in (None, "startup"):
        small = data / "small.txt"
        wall, rss, _, _ = repeat(base + [str(small)], max(args.repeat, 5), warm=True)
        figures["startup_s"] = round(wall, 3)
        print(f"start-up: check of a {size_of(small) / 1024:.1f} KB file: {wall * 1000:.0f} ms wall (median), {rss:.0f} MB peak")

    targets = []
    if args.only in (None, "files"):
        targets.append(("files", data / "files"))
    if args.only in (None, "corpus"):
        corpus = data / "corpus.jsonl"
        if args.corpus_mb:
            cut = data / f"corpus-{args.corpus_mb:g}MB.jsonl"
            if not cut.exists():
                limit = int(args.corpus_mb * 1e6)
                with open(corpus, "rb") as src, open(cut, "wb") as dst:
                    written = 0
                    for line in src:
                        if written >= limit:
                            break
                        dst.write(line)
                        written += len(line)
            corpus = cut
        targets.append(("corpus", corpus))
    for label, path in targets:
        mb = size_of(path) / 1e6
        docs = None
        if label == "corpus":
            with open(path, "rb") as fh:
                docs = sum(1 for _ in fh)
        else:
            docs = sum(1 for _ in path.glob("*.txt"))
        base_wall = None
        for j in jobs:
            wall, rss, code, total = repeat(base + ["--jobs", str(j), str(path)], args.repeat)
            base_wall = base_wall or wall
            rate = mb / wall
            figures[f"{label}_jobs{j}_mb_s"] = round(rate, 2)
            figures[f"{label}_jobs{j}_peak_mb"] = round(rss)
            figures[f"{label}_jobs{j}_peak_total_pss_mb"] = round(total)
            print(f"{label}: {mb:.1f} MB, {docs} docs, --jobs {j}: {wall:.2f} s, {rate:.2f} MB/s "
                  f"({rate / j:.2f} per core), {docs / wall:,.0f} docs/s, peak {rss:.0f} MB per process, "
                  f"{total:.0f} MB all processes (PSS), speed-up {base_wall / wall:.2f}x, exit {code}")

    if args.datatrove:
        figures.update(datatrove_bench(data, args))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n")
    return 0


def datatrove_bench(data: Path, args) -> dict:
    """datatrove's Gopher repetition and quality, C4 and FineWeb filters over the same
    corpus, one core, through bench/datatrove_filters.py run by ``--datatrove-python``
    (an environment with ``datatrove[processing]`` and spacy)."""
    corpus = data / "corpus.jsonl"
    cmd = [args.datatrove_python, str(HERE / "datatrove_filters.py"), str(corpus), "--mb", str(args.datatrove_mb)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        print("datatrove: could not run (" + (proc.stderr.strip().splitlines() or ["?"])[-1] + ") - skipped")
        return {}
    res = json.loads(proc.stdout)
    out = {}
    chain = 0.0
    for name, fig in res.items():
        if isinstance(fig, dict):
            out[f"datatrove_{name}_mb_s"] = fig["mb_s"]
            chain += 1 / fig["mb_s"]
            print(f"datatrove {name}: {fig['mb_s']:.2f} MB/s (one core; keeps {fig['kept']:.0%}) on {res['mb']} MB")
    print(f"datatrove, all four filters in a row: {1 / chain:.2f} MB/s (one core)")
    out["datatrove_chain_mb_s"] = round(1 / chain, 3)
    return out


if __name__ == "__main__":
    sys.exit(main())
