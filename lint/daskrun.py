"""unspun on Dask (``pip install 'unspun[dask]'``): lint corpora that outgrow one machine.

Two ways in:

- **Python API**: :func:`lint_bag` lints a Dask bag of documents (strings, or dicts with a
  text field and an id field) and :func:`lint_dataframe` a Dask dataframe with a text column;
  both return :class:`LintFrames` ``(findings, scores)``, two lazy Dask dataframes (compute
  them together, e.g. ``dask.compute(*frames)``, and each partition is linted once)::

      import dask.bag as db, json
      from lint.daskrun import lint_bag
      bag = db.read_text("shards/*.jsonl", blocksize="64MiB").map(json.loads)
      findings, scores = lint_bag(bag, settings={"select": ["SPN", "FRG"]})
      scores[scores.over_gate].to_parquet("gated/")

- **Command line**: :func:`run_check_on_dask` is what ``unspun check --dask ADDRESS PATH...``
  runs: the same inputs as a local run (files, folders, JSONL/Parquet corpora), linted by the
  cluster's workers, the results yielded in input order as ``(DocResult, Settings)`` pairs,
  exactly as :meth:`lint.runner.Run.results` yields them, so every reporter, the baseline and
  the gate work unchanged.

How the work is cut (the partitions): an uncompressed JSON Lines file is split into blocks of
about ``blocksize`` bytes at line boundaries, each read by a worker (a block's records are
named ``FILE:LINE`` with the file's own line numbers, restored on the client: results are
identical to a serial run); any other file (plain text, Markdown, ``.jsonl.gz``, Parquet) is
read whole by one worker, small files grouped into one task. Workers read the files
themselves (``read_on="workers"``, the default: every worker must see the files under the same
absolute paths as the client, e.g. on a shared file system); ``read_on="client"`` reads everything here and
ships the texts instead. Tasks are submitted as futures with a bounded number in flight and
collected in order, so memory stays flat on both sides whatever the corpus size.

Each worker process loads the rules once and keeps one Linter per distinct settings. The
per-rule time limit (SIGALRM) only works in a main thread, so it is off inside Dask worker
threads.
"""
from __future__ import annotations

import math
import os
import re
import threading
from collections import deque
from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Iterator, Mapping, NamedTuple, Optional, Union

from .config import ConfigResolver, Settings
from .engine import DocResult, Linter
from .extract.base import blank_spans, mask_urls
from .inputs import STDIN, iter_inputs
from .plugins import load_registry
from .source import Source

#: bytes of JSON Lines per task
DEFAULT_BLOCKSIZE = 4 * 1024 * 1024
#: files (other than split JSONL) grouped into one task until they reach this many bytes or files
GROUP_BYTES = 4 * 1024 * 1024
GROUP_FILES = 256
#: documents read on the client and shipped per task (``read_on="client"``)
CLIENT_CHUNK_DOCS = 256
CLIENT_CHUNK_CHARS = 4 * 1024 * 1024

FINDING_COLUMNS = ("id", "path", "rule", "name", "severity", "message", "offset", "end_offset", "line",
                   "column", "text", "suggestion", "fix")
SCORE_COLUMNS = ("id", "path", "language", "words", "score", "over_gate", "error")
_INT_COLUMNS = {"offset", "end_offset", "line", "column", "words"}


class DaskRunError(Exception):
    """The cluster cannot do the run (unreachable, or it cannot read the inputs)."""


class LintFrames(NamedTuple):
    """The two lazy Dask dataframes :func:`lint_bag` and :func:`lint_dataframe` return."""

    findings: Any
    scores: Any


# -- settings and linters (one per worker process and settings) ------------------------------
_LOCK = threading.Lock()
_LINTERS: dict = {}
_CANONICAL: dict = {}



def _canonical(settings: Settings) -> Settings:
    """One Settings object per distinct value in this process: every task unpickles a new
    copy, and caches keyed by object (the Linter's rule selection) must not grow per task."""
    key = settings.key()
    with _LOCK:
        return _CANONICAL.setdefault(key, settings)


def _linter(settings: Settings, rule_timeout: Optional[float] = None) -> Linter:
    key = (settings.key(), rule_timeout)
    with _LOCK:
        linter = _LINTERS.get(key)
        if linter is None:
            linter = _LINTERS[key] = Linter(settings, load_registry(), rule_timeout)
        return linter


def make_settings(settings: Union[None, Settings, Mapping] = None) -> Settings:
    """Settings from None (the defaults), a Settings, or a mapping of config keys as in
    ``[tool.unspun]`` (``{"select": ["SPN"], "max-score": 0.7}``); unknown rule codes fail here.

    >>> make_settings({"max-score": 0.7}).max_score
    0.7
    """
    if settings is None:
        settings = Settings()
    elif isinstance(settings, Mapping):
        settings = Settings.from_mapping({k.replace("_", "-"): v for k, v in settings.items()}, "settings")
    elif not isinstance(settings, Settings):
        raise TypeError(f"settings must be None, a lint.config.Settings or a mapping, not {type(settings).__name__}")
    Linter(settings, load_registry())  # unknown codes raise ConfigError here, on the client
    return settings


# -- documents to sources ---------------------------------------------------------------------
_MISSING = object()


def _id(value) -> Optional[str]:
    """A record's id as a string (None for missing values, NaN and pandas' NA)."""
    if value is None or value is _MISSING:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if value.is_integer():
            value = int(value)
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return None
    except ImportError:  # pragma: no cover - pandas comes with the dask extra
        pass
    return str(value)


def document_source(value, rid, path: str, text_field: str = "text", fields: Iterable[str] = ()) -> Source:
    """A Source for one document's text, masked as plain text is (URLs and e-mail addresses
    blanked, same offsets), or one with ``error`` set when the value is not text.

    >>> s = document_source("see https://x.io now", "7", "p:1")
    >>> s.id, s.text.split(), s.source_text
    ('7', ['see', 'now'], 'see https://x.io now')
    >>> document_source(None, None, "p:2").error
    "field 'text' is null, not a string"
    """
    rid = _id(rid)
    if isinstance(value, (bytes, bytearray)):
        from .extract.plain import decode_source

        src = decode_source(path, bytes(value))
        src.id = rid
        return src
    if value is _MISSING:
        keys = ", ".join(list(fields)[:8])
        return Source(path=path, id=rid, error=f"no field {text_field!r} (fields: {keys or 'none'})")
    if not isinstance(value, str):
        from .extract.corpus import json_kind

        kind = "null" if _id(value) is None and not isinstance(value, (list, dict)) else json_kind(value)
        return Source(path=path, id=rid, error=f"field {text_field!r} is {kind}, not a string")
    masked_text, masked = blank_spans(value, mask_urls(value))
    return Source(path=path, text=masked_text, id=rid, masked=masked, original=value)


def _item_value(item, text_field: str, id_field: Optional[str]):
    """(text value, id value, field names) of one bag item: a string, bytes or a mapping."""
    if isinstance(item, (str, bytes, bytearray)):
        return item, None, ()
    if isinstance(item, Mapping):
        return item.get(text_field, _MISSING), item.get(id_field) if id_field else None, tuple(item)
    return item, None, ()


# -- the Python API ---------------------------------------------------------------------------
def _typed(frame, columns):
    import pandas as pd

    types = {}
    for c in columns:
        if c in _INT_COLUMNS:
            types[c] = "int64"
        elif c == "score":
            types[c] = "float64"
        elif c == "over_gate":
            types[c] = "bool"
        else:
            types[c] = pd.StringDtype()
    return frame.astype(types)


def _empty(columns):
    import pandas as pd

    return _typed(pd.DataFrame({c: [] for c in columns}), columns)


def _frames(pairs: Iterable, partition: int, settings: Settings, text_field: str, id_field: Optional[str],
            label: str, fields: Iterable[str] = ()):
    """Lint ``(text value, id value)`` pairs; (findings frame, scores frame) of the partition."""
    import pandas as pd

    settings = _canonical(settings)
    linter = _linter(settings)
    frows: dict = {c: [] for c in FINDING_COLUMNS}
    srows: dict = {c: [] for c in SCORE_COLUMNS}
    for n, (value, rid, *rest) in enumerate(pairs, 1):
        path = f"{label}-{partition}:{n}"
        source = document_source(value, rid, path, text_field, rest[0] if rest else fields)
        result = linter.lint_source(source, settings)
        for key, v in (("id", result.id), ("path", result.path), ("language", result.language),
                       ("words", result.words), ("score", result.score),
                       ("over_gate", result.score > settings.max_score and not result.error),
                       ("error", result.error)):
            srows[key].append(v)
        for f in result.findings:
            frows["id"].append(result.id)
            frows["path"].append(result.path)
            for key in FINDING_COLUMNS[2:]:
                frows[key].append(getattr(f, key))
    return _typed(pd.DataFrame(frows), FINDING_COLUMNS), _typed(pd.DataFrame(srows), SCORE_COLUMNS)


def _lint_bag_partition(items, partition, settings, text_field, id_field):
    pairs = (_item_value(item, text_field, id_field) for item in items)
    return _frames(pairs, partition, settings, text_field, id_field, "bag")


def _lint_frame_partition(pdf, partition, settings, text_column, id_column):
    texts = pdf[text_column].tolist()
    ids = pdf[id_column].tolist() if id_column and id_column in pdf.columns else [None] * len(texts)
    return _frames(zip(texts, ids), partition, settings, text_column, id_column, "frame")


def _assemble(parts: list) -> LintFrames:
    import dask.dataframe as dd

    findings = dd.from_delayed([p[0] for p in parts], meta=_empty(FINDING_COLUMNS), verify_meta=False)
    scores = dd.from_delayed([p[1] for p in parts], meta=_empty(SCORE_COLUMNS), verify_meta=False)
    return LintFrames(findings, scores)


def lint_bag(bag, settings=None, text_field: str = "text", id_field: Optional[str] = "id") -> LintFrames:
    """Lint a Dask bag of documents: strings, or dicts with ``text_field`` (and ``id_field``).

    Returns ``LintFrames(findings, scores)``: two lazy Dask dataframes with the columns
    ``FINDING_COLUMNS`` (one row per finding) and ``SCORE_COLUMNS`` (one row per document;
    ``error`` is set, and the other columns empty, for an item that is not text). Documents are
    named ``bag-P:N`` (partition P, N-th item of it, from 1). Compute both frames together
    (``dask.compute(findings, scores)``) or persist them: each alone recomputes the linting.
    """
    import dask

    settings = make_settings(settings)
    delayed = dask.delayed(_lint_bag_partition, nout=2, pure=True)
    parts = [delayed(part, i, settings, text_field, id_field) for i, part in enumerate(bag.to_delayed())]
    return _assemble(parts)


def lint_dataframe(df, settings=None, text_column: str = "text", id_column: Optional[str] = "id") -> LintFrames:
    """Lint a Dask dataframe with a text column (the id column is optional); same result as
    :func:`lint_bag`, documents named ``frame-P:N`` (partition P, N-th row of it, from 1)."""
    import dask

    if text_column not in df.columns:
        raise KeyError(f"no column {text_column!r} (columns: {', '.join(map(str, df.columns[:8]))})")
    settings = make_settings(settings)
    delayed = dask.delayed(_lint_frame_partition, nout=2, pure=True)
    parts = [delayed(part, i, settings, text_column, id_column) for i, part in enumerate(df.to_delayed())]
    return _assemble(parts)


# -- the command line: units of work --------------------------------------------------------------
@dataclass
class _Block:
    """Lines of a JSON Lines file whose first byte is in [start, end). ``path`` is absolute:
    a worker's working folder is not ours."""

    path: str
    start: int
    end: int
    settings: Settings


@dataclass
class _Files:
    """Whole files (absolute paths), read and linted one after the other by one worker."""

    items: list = field(default_factory=list)  # (absolute path, settings)
    size: int = 0


@dataclass
class _Sources:
    """Documents read on the client."""

    items: list = field(default_factory=list)  # (Source, settings)
    chars: int = 0


@dataclass
class _Ready:
    """Results known on the client (input errors): nothing to send."""

    results: list


def _read_block(path: str, start: int, end: int, limit: int) -> tuple:
    """The lines of ``path`` that start in [start, end), and how many there are. The data
    starts with one blank line when ``start > 0`` (so that the extractor's first-line rule,
    the byte order mark, applies to the file's first line only). A line longer than ``limit``
    is kept cut to ``limit + 1`` bytes: the extractor reports it as too long, as it does when
    it reads the whole file.

    >>> import tempfile
    >>> p = tempfile.mktemp(); _ = open(p, "wb").write(b"aa\\nbbbb\\ncc\\n")
    >>> _read_block(p, 0, 3, 100), _read_block(p, 3, 5, 100), _read_block(p, 5, 11, 100)
    ((b'aa\\n', 1), (b'\\nbbbb\\n', 1), (b'\\ncc\\n', 1))
    >>> os.remove(p)
    """
    parts: list = []
    lines = 0
    with open(path, "rb") as fh:
        if start > 0:
            fh.seek(start - 1)
            if fh.read(1) != b"\n":
                _skip_line(fh)  # the line in progress belongs to the previous block
            parts.append(b"\n")
        pos = fh.tell()
        while pos < end:
            line = fh.readline(limit + 1)
            if not line:
                break
            if len(line) > limit and not line.endswith(b"\n"):
                _skip_line(fh)
                line += b"\n"
            parts.append(line)
            lines += 1
            pos = fh.tell()
    return b"".join(parts), lines


def _skip_line(fh) -> None:
    while True:
        chunk = fh.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return


def _run_unit(unit, extractor_options: dict, rule_timeout: Optional[float], keep_text: str):
    """Worker side: lint one unit; (lines read for a JSONL block or None, [DocResult])."""
    from .runner import Run

    registry = load_registry()
    lines = None
    pairs: Iterable
    if isinstance(unit, _Block):
        settings = _canonical(unit.settings)
        try:
            data, lines = _read_block(unit.path, unit.start, unit.end, settings.max_file_size)
        except OSError as e:
            return 0, [DocResult(path=unit.path, error=e.strerror or str(e), file=unit.path)]
        extractor = registry.extractor_for(unit.path)
        pairs = ((s, settings) for s in extractor.sources(unit.path, data, settings, records=False,
                                                         **extractor_options))
    elif isinstance(unit, _Files):
        # the local run's reader (size limit, extractor choice, error messages) on each file
        run = Run(None, jobs=1, registry=registry, extractor_options=extractor_options)
        pairs = (pair for path, settings in unit.items for pair in run._read(path, _canonical(settings)))
    else:
        pairs = ((s, _canonical(settings)) for s, settings in unit.items)
    results = []
    for source, settings in pairs:
        result = _linter(settings, rule_timeout).lint_source(source, settings)
        if isinstance(unit, _Sources) or keep_text == "none" or (keep_text == "findings" and not result.findings):
            result.text = None  # (the client has the texts it sent)
        results.append(result)
    return lines, results


_LINE_ERROR = re.compile(r"line (\d+): ")


def _renumber(result: DocResult, path: str, before: int) -> None:
    """A block's record named ``PATH:R`` (R counted from the blank line the block starts
    with) gets the file's line number ``before + R - 1``.

    >>> r = DocResult("/x.jsonl:3", error="line 3: not valid JSON")
    >>> _renumber(r, "/x.jsonl", 10); r.path, r.error
    ('/x.jsonl:12', 'line 12: not valid JSON')
    """
    prefix = path + ":"
    if result.path.startswith(prefix) and result.path[len(prefix):].isdigit():
        absolute = before + int(result.path[len(prefix):]) - 1
        result.path = f"{prefix}{absolute}"
        if result.error:
            result.error = _LINE_ERROR.sub(f"line {absolute}: ", result.error, count=1)


def _rename(result: DocResult, real: str, display: str) -> None:
    """Name a result by its path as it was given, not the absolute one the worker read."""
    if real == display:
        return
    if result.path == real or result.path.startswith(real + ":"):
        result.path = display + result.path[len(real):]
    if result.file == real:
        result.file = display


# -- the command line: the run ---------------------------------------------------------------------
class _FixedResolver(ConfigResolver):
    """One Settings for every path."""

    def __init__(self, settings: Settings):
        super().__init__(discover=False)
        self._fixed = settings

    def for_path(self, path):  # noqa: ARG002
        return self._fixed


def _resolver(settings) -> ConfigResolver:
    if isinstance(settings, ConfigResolver):
        return settings
    return _FixedResolver(make_settings(settings))


class _Planner:
    """Cuts the inputs into units of work, in input order, lazily (a folder is walked as the
    run goes). Yields (unit, what the client keeps about it): for a block, (path as given,
    settings); for files, a list of (absolute path, path as given, settings)."""

    def __init__(self, resolver, registry, client_run, blocksize: int, read_on: str):
        self.resolver = resolver
        self.registry = registry
        self.client_run = client_run
        self.blocksize = max(1, int(blocksize))
        self.read_on = read_on
        self._portable: dict = {}

    def ship(self, settings: Settings) -> Settings:
        """Settings as workers need them: relative patterns (per-file-ignores, exclude)
        anchored at an absolute root, since a worker's working folder is not ours."""
        out = self._portable.get(id(settings))
        if out is None:
            out = self._portable[id(settings)] = (settings, replace(settings, root=os.path.abspath(settings.root or ".")))
        return out[1]

    def units(self, paths: list) -> Iterator[tuple]:
        if self.read_on == "client":
            yield from self._client_units(paths)
            return
        group, keep = _Files(), []
        for item in iter_inputs(paths, self.resolver.for_path):
            settings = self.resolver.for_path(item.path if item.path != STDIN else None)
            if item.error:
                if group.items:
                    yield group, keep
                    group, keep = _Files(), []
                yield _Ready([(DocResult(path=item.path, error=item.error), settings)]), None
                continue
            if item.path == STDIN:  # read here, linted there
                if group.items:
                    yield group, keep
                    group, keep = _Files(), []
                yield from self._client_units([STDIN], {STDIN: settings})
                continue
            real = os.path.abspath(item.path)
            size = _size(real)
            extractor = self.registry.extractor_for(item.path, default=".txt")
            if getattr(extractor, "name", "") == "jsonl" and item.path.lower().endswith(".jsonl") \
                    and size > self.blocksize:
                if group.items:
                    yield group, keep
                    group, keep = _Files(), []
                for start in range(0, size, self.blocksize):
                    yield _Block(real, start, min(size, start + self.blocksize), self.ship(settings)), \
                        (item.path, settings)
                continue
            group.items.append((real, self.ship(settings)))
            group.size += size
            keep.append((real, item.path, settings))
            if group.size >= GROUP_BYTES or len(group.items) >= GROUP_FILES:
                yield group, keep
                group, keep = _Files(), []
        if group.items:
            yield group, keep

    def _client_units(self, paths: list, settings_of: Optional[dict] = None) -> Iterator[tuple]:
        unit, keep = _Sources(), []
        if settings_of is not None:  # stdin only
            pairs = self.client_run._read(STDIN, settings_of[STDIN])
        else:
            pairs = self.client_run.sources(paths)
        for source, settings in pairs:
            if source.error:
                if unit.items:
                    yield unit, keep
                    unit, keep = _Sources(), []
                yield _Ready([(DocResult(path=source.path, id=source.id, error=source.error, file=source.file),
                               settings)]), None
                continue
            unit.items.append((_portable_source(source), self.ship(settings)))
            keep.append((source, settings))
            unit.chars += len(source.text or "")
            if len(unit.items) >= CLIENT_CHUNK_DOCS or unit.chars >= CLIENT_CHUNK_CHARS:
                yield unit, keep
                unit, keep = _Sources(), []
        if unit.items:
            yield unit, keep


def _portable_source(source: Source) -> Source:
    """The source as a worker needs it: absolute paths, which per-file-ignores are matched
    against (relative to the settings' root, made absolute too); its text is only needed
    there, the client keeps the original for the results."""
    if source.path == STDIN or os.path.isabs(source.path):
        return source
    path, file = source.path, source.file
    return replace(source, path=os.path.abspath(path), file=os.path.abspath(file) if file else None)


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _check_readable(client, unit) -> None:
    """Fail early, with a hint, when the workers cannot see the inputs."""
    path = unit.path if isinstance(unit, _Block) else unit.items[0][0]
    if not os.path.isfile(path):
        return
    if not client.submit(os.access, path, os.R_OK, pure=False).result():
        raise DaskRunError(f"the Dask workers cannot read {path}: they read the inputs themselves, so put them "
                           "on a file system every worker mounts under the same path (or read them here and ship "
                           "the texts: read_on='client')")


def run_check_on_dask(address, paths: list, settings=None, *, registry=None, extractor_options: Optional[dict] = None,
                      rule_timeout: Optional[float] = None, blocksize: int = DEFAULT_BLOCKSIZE,
                      read_on: str = "workers", keep_text: str = "findings", in_flight: Optional[int] = None,
                      stdin_name: str = "-", connect_timeout: str = "30s") -> Iterator[tuple]:
    """Lint ``paths`` on the Dask cluster at ``address``; yield ``(DocResult, Settings)`` per
    document in input order, as :meth:`lint.runner.Run.results` does.

    ``address``: a scheduler address (``tcp://host:8786``), or a ``distributed.Client`` (which
    is then left open). ``settings``: a :class:`~lint.config.ConfigResolver` (settings per path,
    as the command line resolves them), or a Settings or a mapping for every path, or None.
    ``extractor_options``: ``text_field``/``id_field`` for corpora. ``blocksize``: bytes of
    JSON Lines per task. ``read_on``: ``"workers"`` (they read the files: shared storage) or
    ``"client"`` (read here, texts shipped). ``keep_text``: the original text comes back for
    documents with findings (``"findings"``: what reporters show context from), for every
    document (``"all"``: what --fix needs) or for none (``"none"``). ``in_flight``: tasks
    submitted ahead of the one being collected (default: twice the cluster's threads, at
    least 4). Raises DaskRunError when the scheduler cannot be reached or the workers cannot
    read the inputs.
    """
    if read_on not in ("workers", "client"):
        raise ValueError("read_on must be 'workers' or 'client'")
    if keep_text not in ("findings", "all", "none"):
        raise ValueError("keep_text must be 'findings', 'all' or 'none'")
    try:
        from distributed import Client
    except ImportError:  # pragma: no cover - tested with the extra installed
        raise DaskRunError("--dask needs dask.distributed: pip install 'unspun[dask]'") from None
    from .runner import Run

    resolver = _resolver(settings)
    registry = registry or load_registry()
    extractor_options = dict(extractor_options or {})
    client_run = Run(resolver, jobs=1, registry=registry, stdin_name=stdin_name, extractor_options=extractor_options)
    planner = _Planner(resolver, registry, client_run, blocksize, read_on)
    own = not isinstance(address, Client)
    if own:
        try:
            client = Client(address, timeout=connect_timeout)
        except (OSError, TimeoutError) as e:
            raise DaskRunError(f"cannot reach the Dask scheduler at {address}: {e}") from None
    else:
        client = address
    pending: deque = deque()
    lines_before: dict = {}
    try:
        if in_flight is None:
            in_flight = max(4, 2 * (sum(client.nthreads().values()) or 1))
        checked = read_on == "client"
        for unit, keep in planner.units(list(paths)):
            future = None
            if not isinstance(unit, _Ready):
                if not checked and isinstance(unit, (_Block, _Files)):
                    _check_readable(client, unit)
                    checked = True
                future = client.submit(_run_unit, unit, extractor_options, rule_timeout, keep_text, pure=False)
            pending.append((unit, keep, future))
            while len(pending) >= in_flight:
                yield from _collect(pending.popleft(), lines_before, keep_text)
        while pending:
            yield from _collect(pending.popleft(), lines_before, keep_text)
    finally:
        for _, _, future in pending:
            if future is not None:
                future.cancel()
        if own:
            client.close()


def _collect(item, lines_before: dict, keep_text: str) -> Iterator[tuple]:
    unit, keep, future = item
    if future is None:
        yield from unit.results
        return
    lines, results = future.result()
    future.release()
    if isinstance(unit, _Block):
        display, settings = keep
        before = lines_before.get(unit.path, 0) if unit.start else 0
        for result in results:
            if unit.start:
                _renumber(result, unit.path, before)
            _rename(result, unit.path, display)
            yield result, settings
        lines_before[unit.path] = before + (lines or 0)
        return
    if isinstance(unit, _Files):
        for result in results:
            yield result, _origin(keep, result)
        return
    for (source, settings), result in zip(keep, results):
        result.path, result.file = source.path, source.file
        if keep_text == "all" or (keep_text == "findings" and result.findings):
            result.text = source.source_text
        yield result, settings


def _origin(keep: list, result: DocResult) -> Settings:
    """The client's settings of the file a result came from; the result renamed to the path
    as it was given."""
    for real, display, settings in keep:
        if result.path == real or result.path.startswith(real + ":") or result.file == real:
            _rename(result, real, display)
            return settings
    return keep[0][2]
