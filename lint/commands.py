"""The subcommands behind :mod:`lint.cli`: check, rules, explain, show-config, filter."""
from __future__ import annotations

import json
import os
import sys
import textwrap
from contextlib import contextmanager
from typing import IO, Iterator

from . import __version__
from .cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, UsageError, make_resolver
from .engine import Linter, fails
from .plugins import load_registry
from .report.base import ReportOptions
from .runner import Run, Summary, default_jobs


def _color(args) -> object:
    if args.color == "always":
        return True
    if args.color == "never" or os.environ.get("NO_COLOR"):
        return False
    return None


@contextmanager
def output_stream(path) -> Iterator[IO[str]]:
    """stdout, or a file written atomically (temporary file in the same folder, then rename)."""
    if not path or path == "-":
        yield sys.stdout
        return
    from .atomic import atomic_writer

    with atomic_writer(path) as fh:
        yield fh


def check(args) -> int:
    registry = load_registry()
    resolver = make_resolver(args)
    paths = args.paths or ["."]
    first = resolver.for_path(paths[0] if paths[0] != "-" else None)
    Linter(first, registry)  # unknown codes in the selection fail here, before any output
    fmt = args.format or ("rich" if sys.stdout.isatty() else "concise")
    reporter_cls = registry.reporters.get(fmt)
    if reporter_cls is None:
        raise UsageError(f"--format {fmt}: unknown format (known: {', '.join(sorted(registry.reporters))})")
    jobs = args.jobs or default_jobs()
    if jobs < 1:
        raise UsageError("--jobs must be at least 1")
    extractor_options = {}
    if args.text_field:
        extractor_options["text_field"] = args.text_field
    if args.id_field:
        extractor_options["id_field"] = args.id_field
    run = Run(resolver, jobs=jobs, registry=registry, stdin_name=args.stdin_filename or "-",
              rule_timeout=args.rule_timeout, extractor_options=extractor_options)
    fixer = None
    if args.fix or args.diff:
        from .fix import Fixer

        fixer = Fixer(run, unsafe=args.unsafe_fixes, diff=args.diff, stdout=sys.stdout)
    baseline = writer = None
    if args.baseline:
        from .baseline import Baseline

        baseline = Baseline.load(args.baseline)
    if args.write_baseline:
        from .baseline import BaselineWriter

        writer = BaselineWriter()
    options = ReportOptions(statistics=args.statistics, quiet=args.quiet, color=_color(args),
                            version=__version__, fail_on=first.fail_on, rules=registry.rules)
    summary = Summary(gate=first.max_score, max_gated_share=first.max_gated_share)
    errors = False
    progress = _progress(args, paths)
    # with --fix on stdin, stdout carries the fixed text: the report goes to stderr
    report_to = args.output_file
    stream_cm = output_stream(report_to) if not (fixer and "-" in paths and not args.diff and not report_to) \
        else _stderr_stream()
    if getattr(args, "dask", None):
        if fixer is not None:
            raise UsageError("--dask cannot be combined with --fix or --diff")
        from .daskrun import run_check_on_dask

        results = run_check_on_dask(args.dask, paths, resolver, registry=registry,
                                    extractor_options=extractor_options, rule_timeout=args.rule_timeout,
                                    stdin_name=args.stdin_filename or "-")
    else:
        results = run.results(paths)
    with stream_cm as stream, progress as bar:
        reporter = reporter_cls(stream, options)
        reporter.start()
        for result, settings in results:
            if fixer is not None and not result.error:
                result = fixer.process(result, settings)
            if writer is not None:
                writer.add(result)
            if baseline is not None and not result.error:
                baseline.filter(result)
                from .scoring import document_score
                result.score = document_score(result.findings, result.words)
            if result.error:
                errors = True
                print(f"unspun: error: {result.path}: {result.error}", file=sys.stderr)
            reporter.document(result)
            summary.add(result, settings, fails)
            bar.advance(result)
        if fixer is not None:
            fixer.finish()
            summary.fixes_applied = fixer.applied
        if writer is not None:
            writer.write(args.write_baseline)
        code = exit_code(summary, errors, args.exit_zero)
        options.exit_code = code
        reporter.finish(summary)
    if fixer is not None and (fixer.applied or fixer.remaining):
        print(fixer.report_line(), file=sys.stderr)
    return code


@contextmanager
def _stderr_stream():
    yield sys.stderr


def exit_code(summary: Summary, errors: bool, exit_zero: bool = False) -> int:
    if errors or summary.internal_errors:
        return EXIT_ERROR
    if exit_zero:
        return EXIT_OK
    if summary.failing:
        return EXIT_FINDINGS
    if summary.over_gate:
        if summary.max_gated_share is None or summary.gated_share() > summary.max_gated_share:
            return EXIT_FINDINGS
    return EXIT_OK


class _NoProgress:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def advance(self, result) -> None:
        pass


def _progress(args, paths):
    """A progress bar on stderr for runs on a terminal; silent in CI, pipes, --no-progress."""
    if getattr(args, "no_progress", False) or os.environ.get("CI") or not sys.stderr.isatty():
        return _NoProgress()
    if args.format in (None, "rich") and sys.stdout.isatty():
        return _NoProgress()  # the report itself is on the terminal
    from .progress import Progress

    return Progress(paths)


# -- rules / explain ---------------------------------------------------------------------
def list_rules(args) -> int:
    registry = load_registry()
    rules = [r for r in registry.sorted_rules()
             if (not args.family or r.family == args.family.upper())
             and (not args.language or r.languages is None or args.language in r.languages)]
    if args.format == "json":
        print(json.dumps([_rule_dict(r) for r in rules], ensure_ascii=False, indent=2))
        return EXIT_OK
    if args.format == "markdown":
        print("| code | name | severity | fix | languages | what it finds |")
        print("|---|---|---|---|---|---|")
        for r in rules:
            langs = ", ".join(r.languages) if r.languages else "all"
            print(f"| `{r.code}` | {r.name} | {r.severity} | {r.fix or ''} | {langs} | {r.summary} |")
        return EXIT_OK
    from rich.console import Console
    from rich.table import Table

    table = Table(show_edge=False)
    for col in ("code", "name", "severity", "fix", "languages", "summary"):
        table.add_column(col)
    for r in rules:
        table.add_row(r.code, r.name, r.severity, r.fix or "", ",".join(r.languages) if r.languages else "all",
                      r.summary)
    Console(highlight=False).print(table)
    return EXIT_OK


def _rule_dict(r) -> dict:
    return {"code": r.code, "name": r.name, "family": r.family, "severity": r.severity, "fix": r.fix,
            "languages": list(r.languages) if r.languages else None, "summary": r.summary,
            "plugin": r.plugin}


def explain(args) -> int:
    registry = load_registry()
    code = args.code.upper()
    rule = registry.rules.get(code) or next((r for r in registry.rules.values() if r.name == args.code), None)
    if rule is None:
        raise UsageError(f"unknown rule {args.code!r} (see `unspun rules`)")
    from .testing import check_text

    out = [f"{rule.code} {rule.name} ({rule.family}, {rule.severity})", "", rule.summary, ""]
    out += textwrap.wrap(rule.describe(), 88) if "\n\n" not in rule.describe() else rule.describe().splitlines()
    out += ["", f"Languages: {', '.join(rule.languages) if rule.languages else 'all'}"]
    out += [f"Fix: {rule.fix or 'none (advice only)'}" + (f" - {rule.fix_hint}" if rule.fix_hint else "")]
    if rule.matches:
        out += ["", "Examples that are reported:"]
        for ex in rule.matches:
            out.append(f"  [{ex.lang}] {ex.text!r}")
            for f in check_text(rule, ex.text, ex.lang, ex.format)[:3]:
                restore = f" -> {f.suggestion!r}" if f.suggestion is not None else ""
                out.append(f"        {f.text!r}{restore}: {f.message}")
    if rule.no_matches:
        out += ["", "Examples that are not reported:"]
        out += [f"  [{ex.lang}] {ex.text!r}" for ex in rule.no_matches]
    print("\n".join(out))
    return EXIT_OK


def show_config(args) -> int:
    resolver = make_resolver(args)
    settings = resolver.for_path(args.path)
    Linter(settings, load_registry())
    data = settings.as_dict()
    data.pop("_key", None)
    print(json.dumps(data, indent=2, ensure_ascii=False, default=str))
    return EXIT_OK


def filter_corpus(args) -> int:
    from .filtering import run_filter

    return run_filter(args)
