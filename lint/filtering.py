"""``unspun filter IN... --keep OUT --reject OUT``: split corpora by the gate.

Every record of every input goes to exactly one output, in input order:

- **keep**: records whose document score is at or under the gate (``--max-score``, default
  0.5), written **unchanged**: the original JSON line byte for byte (Parquet rows as one
  JSON object each). With ``--fix`` (and ``--unsafe-fixes``) the fixed text replaces the
  text field of kept records that had fixes (those records are re-serialised).
- **reject**: records over the gate, unchanged except for an added ``unspun`` field,
  ``{"score": 0.93, "rules": ["SPN002", ...]}`` (like datatrove's exclusion writer), and
  every record that is an input error (nothing is lost):

  - a JSON object that cannot be linted (no text field, a text that is not a string) gets
    ``"unspun": {"error": "line 17: field 'text' is null, not a string"}``;
  - a line that is not a JSON object (malformed, not UTF-8, nested too deeply) becomes
    ``{"unspun": {"error": ...}, "raw": "<the line as it was>"}`` (``"raw_base64"`` for a
    line that is not valid UTF-8, so its bytes survive);
  - damage with no record to keep (a truncated ``.gz``, a corrupt Parquet row group, an
    unreadable file) becomes ``{"unspun": {"error": ..., "file": ...}}``.

The outputs are JSON Lines (gzip- or zstandard-compressed when their name ends in ``.gz``
or ``.zst``), written atomically: a temporary file next to each output, renamed at the
end, so an interrupted or failed run leaves no partial output. Counts are reconciled
(records read == kept + rejected) and printed to stderr. Exit code: 0 when reconciled
and every input was read; 2 on input errors (the rest is still filtered), on a rule that
failed (UNS001) or when the counts do not reconcile (then nothing is written).

Blank lines of JSONL inputs are not records. Inputs must be corpora (``*.jsonl``,
``*.jsonl.gz``, ``*.jsonl.zst``, ``*.parquet``); other documents found in a folder are
skipped with a note.

>>> add_unspun_field('{"id": 1, "text": "x"}', {"score": 0.9, "rules": ["QLT003"]})
'{"id": 1, "text": "x", "unspun": {"score": 0.9, "rules": ["QLT003"]}}'
>>> add_unspun_field('{}', {"error": "e"})
'{"unspun": {"error": "e"}}'
"""
from __future__ import annotations

import base64
import datetime
import decimal
import io
import json
import os
import sys
from collections import deque
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from typing import IO, Iterator, Optional

from .atomic import atomic_writer
from .cli import EXIT_ERROR, EXIT_OK, UsageError, make_resolver
from .engine import INTERNAL_ERROR, Linter
from .plugins import load_registry
from .runner import Run, default_jobs


class ReconcileError(Exception):
    """The counts of a filter run do not add up: nothing is written."""


@dataclass
class FilterStats:
    files: int = 0
    read: int = 0
    kept: int = 0
    rejected: int = 0
    over_gate: int = 0
    record_errors: int = 0
    path_errors: int = 0
    non_corpus: int = 0
    internal_errors: int = 0
    fixes_applied: int = 0
    fixed_records: int = 0
    words: int = 0
    _files_seen: set = field(default_factory=set)

    def reconciled(self) -> bool:
        return self.read == self.kept + self.rejected

    def line(self, keep: str, reject: str) -> str:
        parts = [f"unspun filter: {self.read:,} record(s) read from {self.files:,} file(s): "
                 f"{self.kept:,} kept -> {keep}, {self.rejected:,} rejected -> {reject} "
                 f"({self.over_gate:,} over the gate, {self.record_errors:,} input error(s))"]
        if self.fixed_records:
            parts.append(f"; {self.fixes_applied:,} fix(es) applied to {self.fixed_records:,} kept record(s)")
        if self.path_errors:
            parts.append(f"; {self.path_errors:,} input(s) could not be read")
        if self.non_corpus:
            parts.append(f"; {self.non_corpus:,} non-corpus document(s) skipped")
        if self.internal_errors:
            parts.append(f"; a rule failed on {self.internal_errors:,} record(s) (UNS001)")
        parts.append("; counts reconciled" if self.reconciled() else "; COUNTS DO NOT RECONCILE")
        return "".join(parts)


@dataclass
class _Pending:
    """What the parent keeps of a record while it is being linted elsewhere."""

    path: str
    file: str
    record: object


# -- JSON helpers ----------------------------------------------------------------------
def _json_default(value):
    """JSON for the values a Parquet row may hold besides JSON's own."""
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return value.total_seconds()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    return str(value)


def dumps(obj) -> str:
    """One JSON line, non-ASCII as is (escaped only when a lone surrogate forbids UTF-8)."""
    text = json.dumps(obj, ensure_ascii=False, default=_json_default)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(obj, default=_json_default)
    return text


def add_unspun_field(raw: str, value: dict) -> str:
    """The JSON object line ``raw`` with an ``unspun`` field appended, its other bytes
    unchanged (re-serialised only when the record already has an ``unspun`` field)."""
    if '"unspun"' in raw:
        obj = json.loads(raw)
        obj["unspun"] = value
        return dumps(obj)
    body = raw.rstrip()
    inner = body[:-1].rstrip()
    sep = "" if inner.endswith("{") else ", "
    return f'{inner}{sep}"unspun": {dumps(value)}}}'


def error_record(record, error: str, file: Optional[str]) -> str:
    """The reject line for a record that is an input error."""
    info = {"error": error}
    if isinstance(record, dict):
        return dumps({**record, "unspun": info})
    if isinstance(record, str):
        try:
            obj = json.loads(record)
        except (ValueError, RecursionError):
            obj = None
        if isinstance(obj, dict):
            return add_unspun_field(record, info)
        return dumps({"unspun": info, "raw": record})
    if isinstance(record, (bytes, bytearray)):
        return dumps({"unspun": info, "raw_base64": base64.b64encode(bytes(record)).decode("ascii")})
    if file is not None:
        info["file"] = file
    return dumps({"unspun": info})


# -- outputs -----------------------------------------------------------------------------
@contextmanager
def open_output(path: str) -> Iterator[IO[str]]:
    """A text stream to ``path``, written atomically; gzip/zstandard by suffix."""
    lower = path.lower()
    with atomic_writer(path, "wb") as raw:
        if lower.endswith(".gz"):
            import gzip

            inner = gzip.GzipFile(fileobj=raw, mode="wb", mtime=0)
        elif lower.endswith(".zst"):
            try:
                import zstandard
            except ImportError:
                raise UsageError(f"writing {path} needs the zstandard package: pip install 'unspun[zstd]'") from None
            inner = zstandard.ZstdCompressor().stream_writer(raw, closefd=False)
        else:
            inner = None
        if inner is None:
            text = io.TextIOWrapper(raw, encoding="utf-8", newline="\n", write_through=False)
        else:
            text = io.TextIOWrapper(inner, encoding="utf-8", newline="\n")
        try:
            yield text
            text.flush()
        finally:
            if inner is None:
                text.detach()  # the atomic writer closes the file itself
            else:
                text.close()  # closes (finishes) the compressor, not the file under it


# -- the command ---------------------------------------------------------------------------
def _check_paths(args, registry) -> None:
    if os.path.abspath(args.keep) == os.path.abspath(args.reject):
        raise UsageError("--keep and --reject must be different files")
    outputs = {os.path.realpath(args.keep), os.path.realpath(args.reject)}
    for path in args.inputs:
        if path == "-":
            raise UsageError("filter reads corpus files, not stdin")
        if os.path.realpath(path) in outputs:
            raise UsageError(f"{path} is both an input and an output")
        if os.path.isfile(path):
            extractor = registry.extractor_for(path)
            if extractor is None or not getattr(extractor, "corpus", False):
                raise UsageError(f"{path} is not a corpus (*.jsonl, *.jsonl.gz, *.jsonl.zst, *.parquet)")
    for out in (args.keep, args.reject):
        folder = os.path.dirname(os.path.abspath(out))
        if not os.path.isdir(folder):
            raise UsageError(f"cannot write {out}: no such folder {folder}")


def _progress(args, paths):
    if getattr(args, "no_progress", False) or os.environ.get("CI") or not sys.stderr.isatty():
        from .commands import _NoProgress

        return _NoProgress()
    from .progress import Progress

    return Progress(paths)


def run_filter(args) -> int:
    registry = load_registry()
    _check_paths(args, registry)
    resolver = make_resolver(args)
    first = resolver.for_path(args.inputs[0])
    Linter(first, registry)  # unknown codes in the selection fail here, before any output
    jobs = args.jobs or default_jobs()
    if jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if args.unsafe_fixes and not args.fix:
        raise UsageError("--unsafe-fixes needs --fix")
    options: dict = {"records": True}
    if args.text_field:
        options["text_field"] = args.text_field
    if args.id_field:
        options["id_field"] = args.id_field
    run = Run(resolver, jobs=jobs, registry=registry, extractor_options=options)
    fixer = _RecordFixer(run, args.unsafe_fixes, args.text_field) if args.fix else None
    stats = FilterStats()
    pending: deque = deque()

    def feed():
        for source, settings in run.sources(args.inputs):
            if source.file is None:
                if source.error:
                    stats.path_errors += 1
                    print(f"unspun: error: {source.path}: {source.error}", file=sys.stderr)
                else:
                    stats.non_corpus += 1
                continue
            stats.read += 1
            if source.file not in stats._files_seen:
                stats._files_seen.add(source.file)
                stats.files += 1
            pending.append(_Pending(source.path, source.file, source.record))
            source.record = None  # the workers don't need it: the parent writes it
            yield source, settings

    try:
        with ExitStack() as stack, _progress(args, args.inputs) as bar:
            keep = stack.enter_context(open_output(args.keep))
            reject = stack.enter_context(open_output(args.reject))
            for result, settings in run.lint_sources(feed()):
                item = pending.popleft()
                if item.path != result.path:  # pragma: no cover - the runner keeps input order
                    raise ReconcileError(f"results out of order: {item.path} vs {result.path}")
                bar.advance(result)
                if result.error:
                    stats.record_errors += 1
                    print(f"unspun: error: {result.path}: {result.error}", file=sys.stderr)
                    reject.write(error_record(item.record, result.error, item.file) + "\n")
                    stats.rejected += 1
                    continue
                stats.words += result.words
                if result.internal_error:
                    stats.internal_errors += 1
                    for f in result.findings:
                        if f.rule == INTERNAL_ERROR:
                            print(f"unspun: error: {result.path}: {f.message}", file=sys.stderr)
                if result.score > settings.max_score:
                    rules = sorted({f.rule for f in result.findings if not f.rule.startswith("UNS")})
                    reject.write(_rejected_line(item.record, {"score": result.score, "rules": rules}) + "\n")
                    stats.rejected += 1
                    stats.over_gate += 1
                    continue
                line = None
                if fixer is not None:
                    line = fixer.fixed_line(item, result, settings, stats)
                keep.write((line if line is not None else _kept_line(item.record)) + "\n")
                stats.kept += 1
            if pending or not stats.reconciled():
                raise ReconcileError(stats.line(args.keep, args.reject))
    except ReconcileError as e:
        print(f"unspun: error: {e}; nothing was written", file=sys.stderr)
        return EXIT_ERROR
    print(stats.line(args.keep, args.reject), file=sys.stderr)
    if stats.record_errors or stats.path_errors or stats.internal_errors:
        return EXIT_ERROR
    return EXIT_OK


def _kept_line(record) -> str:
    if isinstance(record, str):
        return record
    return dumps(record)


def _rejected_line(record, info: dict) -> str:
    if isinstance(record, str):
        return add_unspun_field(record, info)
    return dumps({**record, "unspun": info})


class _RecordFixer:
    """``filter --fix``: applies safe (and with ``--unsafe-fixes`` unsafe) fixes to the text
    of kept records, re-linting until nothing changes (as ``check --fix`` does for files)."""

    def __init__(self, run: Run, unsafe: bool, text_field: Optional[str]):
        from .fix import MAX_ROUNDS, apply_fixes, fixable

        self.run = run
        self.unsafe = unsafe
        self.text_field = text_field
        self._apply = apply_fixes
        self._fixable = fixable
        self._rounds = MAX_ROUNDS

    def fixed_line(self, item: _Pending, result, settings, stats: FilterStats) -> Optional[str]:
        if not any(self._fixable(f, self.unsafe) for f in result.findings):
            return None
        from .extract.corpus import text_source

        text = result.text or ""
        findings = result.findings
        total = 0
        for _ in range(self._rounds):
            new_text, applied, _skipped = self._apply(text, findings, self.unsafe)
            if not applied or new_text == text:
                break
            total += applied
            text = new_text
            source = text_source(result.path, text, result.id, item.file, None)
            findings = self.run.linter_for(settings).lint_source(source).findings
        if not total:
            return None
        field_name = self.text_field or settings.text_field
        record = json.loads(item.record) if isinstance(item.record, str) else dict(item.record)
        record[field_name] = text
        stats.fixes_applied += total
        stats.fixed_records += 1
        return dumps(record)
