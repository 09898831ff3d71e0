"""The ``unspun`` command line.

    unspun check [PATH ...]       lint files, folders, '-' (stdin), corpora
    unspun rules [--family F]     the rule table
    unspun explain CODE           one rule: what, why, examples, fix
    unspun show-config [PATH]     the settings in force for a path
    unspun filter IN... --keep OUT --reject OUT

Exit codes: 0 clean; 1 findings at or above the failing severity, or documents over the
gate; 2 usage, configuration or input errors (every other input is still linted).
"""
from __future__ import annotations

import argparse
import io
import os
import signal
import sys
from typing import Optional, Sequence

from . import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPT = 0, 1, 2, 130
FORMATS_HELP = "rich (default on a terminal), concise (default otherwise), json, jsonl, sarif, github, html"


class UsageError(Exception):
    """A bad command line; the message is shown with exit code 2."""


def _codes(value: str) -> list[str]:
    return [c.strip() for c in value.split(",") if c.strip()]


def _add_selection(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("rule selection")
    g.add_argument("--select", type=_codes, help="only these rule codes or prefixes (comma-separated; ALL for every rule)")
    g.add_argument("--extend-select", type=_codes, help="add these codes or prefixes to the selection")
    g.add_argument("--ignore", type=_codes, help="skip these codes or prefixes")
    g.add_argument("--language", help="force the language of every document (ISO 639-1, e.g. en, it, zh)")
    g.add_argument("--config", help="use this config file (pyproject.toml or unspun.toml); no discovery")
    g.add_argument("--isolated", action="store_true", help="ignore every config file")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="unspun", description="A linter for machine-damaged text.")
    parser.add_argument("--version", action="version", version=f"unspun {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="lint files, folders, stdin ('-') or corpora")
    check.add_argument("paths", nargs="*", default=None, help="files, folders, '-' for stdin (default: .)")
    _add_selection(check)
    out = check.add_argument_group("output")
    out.add_argument("--format", help=FORMATS_HELP)
    out.add_argument("-o", "--output-file", help="write the report to this file (atomically) instead of stdout")
    out.add_argument("--statistics", action="store_true", help="print findings counted per rule")
    out.add_argument("-q", "--quiet", action="store_true", help="print input errors and the summary only")
    out.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    out.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    gate = check.add_argument_group("gate and exit code")
    gate.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings (errors still exit 2)")
    gate.add_argument("--max-score", type=float, help="documents scoring above this are over the gate (default 0.5)")
    gate.add_argument("--max-gated-share", type=float, help="corpora: fail only when more than this share of documents is over the gate")
    gate.add_argument("--fail-on", choices=("info", "warning", "error"), help="lowest severity that fails the run (default warning)")
    fix = check.add_argument_group("fixes")
    fix.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    fix.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff: apply unsafe fixes too")
    fix.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; write nothing")
    base = check.add_argument_group("baseline")
    base.add_argument("--baseline", help="do not report findings recorded in this baseline file")
    base.add_argument("--write-baseline", help="record every current finding in this baseline file")
    run = check.add_argument_group("run")
    run.add_argument("-j", "--jobs", type=int, help="processes that lint, this one included (default: all cores, or fewer under a cgroup CPU quota)")
    run.add_argument("--stdin-filename", help="name (and format, by suffix) of the text read from stdin")
    run.add_argument("--max-file-size", type=int, help="skip (with an error) files larger than this many bytes")
    run.add_argument("--text-field", help="corpora: the record field holding the text (default: text)")
    run.add_argument("--id-field", help="corpora: the record field holding the id (default: id)")
    run.add_argument("--rule-timeout", type=float, default=None, help="seconds one rule may take on one document (default 30); a worker stuck on one chunk past twice this is killed; 0: no limits")
    run.add_argument("--dask", metavar="ADDRESS", help="lint on the Dask cluster at this scheduler address "
                     "(tcp://host:8786); workers read the inputs; needs unspun[dask]")

    rules = sub.add_parser("rules", help="list every rule")
    rules.add_argument("--family", help="only this family (FRG, BPL, ENC, SPN, INJ, MTA, QLT)")
    rules.add_argument("--language", help="only rules that cover this language")
    rules.add_argument("--format", choices=("table", "json", "markdown"), default="table")

    explain = sub.add_parser("explain", help="explain one rule: what, why, examples, fix")
    explain.add_argument("code")

    show = sub.add_parser("show-config", help="print the settings in force for a path")
    show.add_argument("path", nargs="?", default=".")
    _add_selection(show)

    filt = sub.add_parser("filter", help="split corpora into kept and rejected records by the gate")
    filt.add_argument("inputs", nargs="+")
    filt.add_argument("--keep", required=True, help="JSONL file for records under the gate")
    filt.add_argument("--reject", required=True, help="JSONL file for records over the gate")
    _add_selection(filt)
    filt.add_argument("--max-score", type=float)
    filt.add_argument("--text-field")
    filt.add_argument("--id-field")
    filt.add_argument("-j", "--jobs", type=int,
                      help="processes that lint, this one included (default: all cores, or fewer under a cgroup CPU quota)")
    filt.add_argument("--fix", action="store_true", help="apply safe fixes to kept records")
    filt.add_argument("--unsafe-fixes", action="store_true")
    filt.add_argument("--no-progress", action="store_true")
    return parser


def overrides_from(args: argparse.Namespace) -> dict:
    """Settings given on the command line (they win over config files)."""
    out = {}
    for attr in ("select", "extend_select", "ignore", "language", "max_score", "max_gated_share",
                 "fail_on", "max_file_size", "text_field", "id_field"):
        value = getattr(args, attr, None)
        if value is not None:
            out[attr] = value
    if getattr(args, "extend_select", None) is None:
        out.pop("extend_select", None)
    return out


def make_resolver(args: argparse.Namespace):
    from .config import ConfigResolver

    if args.config and not os.path.isfile(args.config):
        raise UsageError(f"--config {args.config}: no such file")
    return ConfigResolver(explicit=args.config, overrides=overrides_from(args), discover=not args.isolated)


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Entry point of the console script; returns (and exits with) the exit code."""
    code = _main(argv)
    sys.exit(code)


def _main(argv: Optional[Sequence[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError):  # pragma: no cover - replaced streams
            pass
    try:
        if args.command == "check":
            from .commands import check
            return check(args)
        if args.command == "rules":
            from .commands import list_rules
            return list_rules(args)
        if args.command == "explain":
            from .commands import explain
            return explain(args)
        if args.command == "show-config":
            from .commands import show_config
            return show_config(args)
        if args.command == "filter":
            from .commands import filter_corpus
            return filter_corpus(args)
        parser.print_help()
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("unspun: interrupted", file=sys.stderr)
        return EXIT_INTERRUPT
    except BrokenPipeError:
        # the reader went away (e.g. `| head`): not an error of ours
        try:
            sys.stdout = io.TextIOWrapper(open(os.devnull, "wb"))
        except OSError:  # pragma: no cover
            pass
        return EXIT_OK
    except Exception as e:  # noqa: BLE001 - turn known errors into one line, exit 2
        from .config import ConfigError
        from .daskrun import DaskRunError
        from .plugins import PluginError

        if isinstance(e, (ConfigError, PluginError, UsageError, DaskRunError)):
            print(f"unspun: error: {e}", file=sys.stderr)
            return EXIT_ERROR
        raise
