"""The run: inputs -> sources -> lint (in parallel, in order, streamed) -> results.

Memory stays flat whatever the input size: sources are read lazily, dispatched to worker
processes in small chunks with a bounded number in flight, and results come back in input
order so the output is identical to a ``--jobs 1`` run.

>>> from lint.config import ConfigResolver
>>> run = Run(ConfigResolver(discover=False), jobs=1)
>>> [r.error for r, _ in run.results(["/nonexistent.txt"])]
['No such file or directory']
"""
from __future__ import annotations

import gc
import math
import multiprocessing
import os
import sys
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Optional

from . import workers
from .config import ConfigResolver, Settings
from .engine import DEFAULT_RULE_TIMEOUT, DocResult, Linter
from .inputs import STDIN, iter_inputs
from .plugins import load_registry
from .source import Source

#: documents per task sent to a worker, and tasks in flight per worker
CHUNK_DOCS = 32
CHUNK_CHARS = 1_000_000
IN_FLIGHT_PER_JOB = 4
#: below this much input, a pool costs more than it saves
PARALLEL_MIN_CHARS = 400_000
#: characters the parent lints itself before forking the workers, to warm up what they share
WARM_UP_CHARS = 60_000
#: a worker's time for one chunk, past which it is presumed stuck where the rule clock
#: cannot stop it (C code that ignores signals) and is killed: twice the rule timeout,
#: plus this many seconds per million characters (about 30 times the usual time)
STUCK_SECONDS_PER_MCHAR = 20.0


@dataclass
class Summary:
    """Totals of a run, filled in as results stream past."""

    files: int = 0
    findings: int = 0
    errors: int = 0
    words: int = 0
    chars: int = 0
    gate: float = 0.5
    over_gate: int = 0
    internal_errors: int = 0
    failing: int = 0
    by_rule: Counter = field(default_factory=Counter)
    by_language: Counter = field(default_factory=Counter)
    findings_by_language: Counter = field(default_factory=Counter)
    score_histogram: list = field(default_factory=lambda: [0] * 10)
    max_gated_share: Optional[float] = None
    fixes_applied: int = 0

    def add(self, result: DocResult, settings: Settings, fails) -> None:
        self.files += 1
        self.chars += result.chars
        if result.error:
            self.errors += 1
            return
        self.words += result.words
        self.findings += len(result.findings)
        self.fixes_applied += result.fixes_applied
        lang = result.language or "unknown"
        self.by_language[lang] += 1
        for f in result.findings:
            self.by_rule[f.rule] += 1
            self.findings_by_language[lang] += 1
            if fails(f, settings):
                self.failing += 1
        self.internal_errors += result.internal_error
        self.score_histogram[min(int(result.score * 10), 9)] += 1
        if result.score > settings.max_score:
            self.over_gate += 1

    @property
    def documents(self) -> int:
        return self.files - self.errors

    def gated_share(self) -> float:
        return self.over_gate / self.documents if self.documents else 0.0

    def to_dict(self) -> dict:
        return {
            "files": self.files,
            "findings": self.findings,
            "errors": self.errors,
            "gate": self.gate,
            "over_gate": self.over_gate,
            "by_rule": dict(sorted(self.by_rule.items())),
            "words": self.words,
            "by_language": dict(sorted(self.by_language.items())),
            "findings_by_language": dict(sorted(self.findings_by_language.items())),
            "score_histogram": list(self.score_histogram),
        }


# -- worker side -------------------------------------------------------------------
_WORKER: dict = {}


def _init_worker(registry_extra, rule_timeout) -> None:
    import signal

    # Ctrl-C is the parent's to handle: it stops the pool and exits 130
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    registry = load_registry(registry_extra) if registry_extra else load_registry()
    _WORKER["registry"] = registry
    _WORKER["linters"] = {}
    _WORKER["timeout"] = rule_timeout


def _lint_chunk(chunk: list[tuple[Source, Settings]]) -> list[DocResult]:
    out = []
    linters = _WORKER["linters"]
    for source, settings in chunk:
        key = settings.key()
        linter = linters.get(key)
        if linter is None:
            linter = linters[key] = Linter(settings, _WORKER["registry"], _WORKER["timeout"])
        result = linter.lint_source(source)
        result.text = None  # the parent has it; don't pickle it back
        out.append(result)
    return out


# -- parent side -------------------------------------------------------------------
class Run:
    """One lint run over paths, with settings resolved per file."""

    def __init__(self, resolver: ConfigResolver, jobs: int = 1, registry=None, stdin_name: str = "-",
                 rule_timeout: Optional[float] = None, extractor_options: Optional[dict] = None):
        self.resolver = resolver
        self.jobs = max(1, jobs)
        self.registry = registry or load_registry()
        self.stdin_name = stdin_name
        self.rule_timeout = rule_timeout
        self.extractor_options = extractor_options or {}
        self._linters: dict[str, Linter] = {}
        #: the bytes read from stdin (kept for --fix, which writes the fixed text to stdout)
        self.stdin_data: Optional[bytes] = None

    def linter_for(self, settings: Settings) -> Linter:
        key = settings.key()
        linter = self._linters.get(key)
        if linter is None:
            linter = self._linters[key] = Linter(settings, self.registry, self.rule_timeout)
        return linter

    # sources ------------------------------------------------------------------------
    def sources(self, paths: list[str]) -> Iterator[tuple[Source, Settings]]:
        """(source, settings) for every document of every input, lazily."""
        def settings_for(path):
            return self.resolver.for_path(path)

        for item in iter_inputs(paths, settings_for):
            settings = self.resolver.for_path(item.path if item.path != STDIN else None)
            if item.error:
                yield Source(path=item.path, error=item.error), settings
                continue
            yield from self._read(item.path, settings)

    def _read(self, path: str, settings: Settings) -> Iterator[tuple[Source, Settings]]:
        name = self.stdin_name if path == STDIN else path
        extractor = self.registry.extractor_for(name, default=".txt")
        if extractor is None:  # pragma: no cover - the text extractor matches everything
            yield Source(path=name, error="no extractor for this file type"), settings
            return
        data = None
        if path == STDIN:
            data = self.stdin_data = sys.stdin.buffer.read()
        elif not extractor.streaming:
            try:
                if os.path.isdir(path):
                    yield Source(path=name, error="is a folder, not a file"), settings
                    return
                size = os.path.getsize(path)
                if size > settings.max_file_size:
                    yield Source(path=name, error=f"skipped: {size:,} bytes is over max-file-size "
                                                  f"({settings.max_file_size:,})"), settings
                    return
                with open(path, "rb") as fh:
                    data = fh.read()
            except OSError as e:
                yield Source(path=name, error=_os_message(e)), settings
                return
        try:
            for source in extractor.sources(name if path == STDIN else path, data, settings,
                                            **self._extractor_kwargs(extractor)):
                yield source, settings
        except OSError as e:
            yield Source(path=name, error=_os_message(e)), settings
        except Exception as e:  # noqa: BLE001 - a broken extractor must not end the run
            yield Source(path=name, error=f"extractor {extractor.name} failed: {type(e).__name__}: {e}"), settings

    def _extractor_kwargs(self, extractor) -> dict:
        return self.extractor_options if getattr(extractor, "corpus", False) else {}

    # linting ------------------------------------------------------------------------
    def results(self, paths: list[str]) -> Iterator[tuple[DocResult, Settings]]:
        """(result, settings) per document, in input order."""
        yield from self.lint_sources(self.sources(paths))

    def lint_sources(self, items: Iterable[tuple[Source, Settings]]) -> Iterator[tuple[DocResult, Settings]]:
        items = iter(items)
        if self.jobs == 1:
            for source, settings in items:
                yield self._lint_one(source, settings), settings
            return
        # read ahead a little: small runs are linted here, without the cost of a pool
        head: list = []
        chars = 0
        for pair in items:
            head.append(pair)
            chars += len(pair[0].text or "")
            if chars >= PARALLEL_MIN_CHARS:
                break
        if chars < PARALLEL_MIN_CHARS:
            for source, settings in head:
                yield self._lint_one(source, settings), settings
            return
        yield from self._parallel(head, items)

    def _lint_one(self, source: Source, settings: Settings) -> DocResult:
        return self.linter_for(settings).lint_source(source)

    def _parallel(self, head: list, rest: Iterator) -> Iterator[tuple[DocResult, Settings]]:
        """Lint with ``jobs`` processes: this one and ``jobs - 1`` forked workers.

        The parent is one of the N: it keeps every worker's queue filled and lints a chunk
        itself whenever the queues are full. So on N cores N processes lint, none of them
        stealing CPU from the others for reading, dispatching and reporting, one process
        fewer is forked, and the chunks the parent lints are never pickled. Results are
        yielded in input order, whoever linted them.

        A worker that dies (killed, out of memory) does not stop the run: a new one takes
        its place and the documents of its unfinished chunks are linted again one by one;
        a document whose worker dies again is reported as an input error (exit code 2).
        """
        if not workers.AVAILABLE:  # pragma: no cover - Windows
            yield from self._pool_parallel(head, rest)
            return
        # lint the first documents here, then fork: the workers start with the patterns
        # compiled and the word tables loaded, in pages they share with this process
        # instead of each building its own copy
        chars = done = 0
        while done < len(head) and chars < WARM_UP_CHARS:
            source, settings = head[done]
            done += 1
            chars += len(source.text or "")
            yield self._lint_one(source, settings), settings
        head = head[done:]
        gc.freeze()  # the collector must not write to the shared objects' headers
        pool = workers.Workers(self.jobs - 1, self._lint_in_worker)
        #: (chunk, ticket of a worker's answer, or the results linted here), in input order
        pending: deque = deque()
        held = self.jobs * IN_FLIGHT_PER_JOB * 2
        try:
            for chunk in _chunks(_chain(head, rest)):
                pool.pump(0)
                worker = pool.least_busy(IN_FLIGHT_PER_JOB)
                if worker is not None:
                    pending.append((chunk, pool.submit(worker, _for_worker(chunk), self._budget(chunk))))
                else:  # every worker has enough to do: lint this chunk here
                    pending.append((chunk, [self._lint_one(source, settings) for source, settings in chunk]))
                # hand over what is done, in order; wait only when too much is held back
                while pending and (isinstance(pending[0][1], list) or pool.done(pending[0][1])
                                   or len(pending) > held):
                    yield from self._collect_from(pool, *pending.popleft())
            while pending:
                yield from self._collect_from(pool, *pending.popleft())
            pool.close()
        except BaseException:
            pool.close(kill=True)
            raise
        finally:
            gc.unfreeze()

    def _budget(self, chunk: list[tuple[Source, Settings]]) -> Optional[float]:
        """Seconds a worker may spend on ``chunk`` before it is killed as stuck; None when
        rules are not timed (``--rule-timeout 0``)."""
        timeout = DEFAULT_RULE_TIMEOUT if self.rule_timeout is None else self.rule_timeout
        if not timeout:
            return None
        chars = sum(len(source.text or "") for source, _ in chunk)
        return 2 * timeout + STUCK_SECONDS_PER_MCHAR * chars / 1e6

    def _lint_in_worker(self, chunk: list[tuple[Source, Settings]]) -> list[DocResult]:
        """A worker's task (in the forked copy of this Run, with its warm linters)."""
        out = []
        for source, settings in chunk:
            result = self._lint_one(source, settings)
            result.text = None  # the parent has it; don't pickle it back
            out.append(result)
        return out

    def _collect_from(self, pool, chunk: list, outcome) -> Iterator[tuple[DocResult, Settings]]:
        if isinstance(outcome, list):  # linted here
            yield from zip(outcome, (settings for _, settings in chunk))
            return
        try:
            results = pool.wait(outcome)
        except workers.TaskFailed:
            # not a rule's failure (the engine reports those): lint here, where any error
            # surfaces with its traceback
            results = [self._lint_one(source, settings) for source, settings in chunk]
        except workers.WorkerDied as died:
            print(f"unspun: warning: a worker process {died}; its {len(chunk)} documents are linted again",
                  file=sys.stderr)
            results = self._relint(pool, chunk)
        for (source, settings), result in zip(chunk, results):
            result.text = source.source_text
            yield result, settings

    def _relint(self, pool, chunk: list) -> list[DocResult]:
        """The chunk of a worker that died, each document again on its own, one at a time
        (so a death is charged to one document); a document whose worker dies again is
        reported as an error."""
        out = []
        for source, settings in chunk:
            try:
                lone = [(source, settings)]
                out.extend(pool.wait(pool.submit(pool.least_busy(), _for_worker(lone), self._budget(lone))))
            except workers.TaskFailed:
                out.append(self._lint_one(source, settings))
            except workers.WorkerDied as died:
                out.append(DocResult(path=source.path, id=source.id, file=source.file,
                                     chars=len(source.source_text or ""),
                                     error=f"the process linting this document {died}; not linted"))
        return out

    def _pool_parallel(self, head: list, rest: Iterator) -> Iterator[tuple[DocResult, Settings]]:  # pragma: no cover
        """Where there is no ``fork`` (Windows): ``multiprocessing.Pool`` with spawned workers,
        which load the rules themselves. (A worker that dies there stops the run.)"""
        ctx = multiprocessing.get_context("spawn")
        pool = ctx.Pool(self.jobs, initializer=_init_worker, initargs=(None, self.rule_timeout))
        pending: deque = deque()
        try:
            for chunk in _chunks(_chain(head, rest)):
                pending.append((chunk, pool.apply_async(_lint_chunk, (_for_worker(chunk),))))
                while pending and (pending[0][1].ready() or len(pending) > self.jobs * IN_FLIGHT_PER_JOB):
                    chunk, outcome = pending.popleft()
                    for (source, settings), result in zip(chunk, outcome.get()):
                        result.text = source.source_text
                        yield result, settings
            while pending:
                chunk, outcome = pending.popleft()
                for (source, settings), result in zip(chunk, outcome.get()):
                    result.text = source.source_text
                    yield result, settings
            pool.close()
        except BaseException:
            pool.terminate()
            raise
        finally:
            pool.join()


def _for_worker(chunk: list[tuple[Source, Settings]]) -> list[tuple[Source, Settings]]:
    """The chunk as a worker needs it: without the raw corpus records (the parent keeps
    them for ``filter``), so each document's text is pickled once, not twice."""
    return [(_without_record(source) if source.record is not None else source, settings)
            for source, settings in chunk]


def _without_record(source: Source) -> Source:
    """A shallow copy of ``source`` with ``record=None`` (``dataclasses.replace`` costs
    ten times more: it runs ``__init__`` again)."""
    lean = object.__new__(Source)
    lean.__dict__.update(source.__dict__)
    lean.record = None
    return lean


def _chain(head: list, rest: Iterator) -> Iterator:
    yield from head
    yield from rest


def _chunks(items: Iterator) -> Iterator[list]:
    chunk: list = []
    chars = 0
    for pair in items:
        chunk.append(pair)
        chars += len(pair[0].text or "")
        if len(chunk) >= CHUNK_DOCS or chars >= CHUNK_CHARS:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def _os_message(e: OSError) -> str:
    return e.strerror or str(e)


def default_jobs() -> int:
    """The CPUs this process may use: those it is allowed to run on, capped by a cgroup CPU
    quota (a container given 2 CPUs on a 64-core host gets 2 jobs, not 64 processes that
    share 2 CPUs' worth of time and each hold their own memory)."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover
        cpus = os.cpu_count() or 1
    quota = cgroup_cpu_quota()
    return max(1, min(cpus, math.ceil(quota))) if quota else cpus


def cgroup_cpu_quota(root: str = "/sys/fs/cgroup", own: str = "/proc/self/cgroup") -> Optional[float]:
    """CPUs' worth of time the process's cgroup allows (its quota over its period), or None
    when there is no quota or no cgroup file to read (not Linux).

    cgroup v2: ``cpu.max`` holds ``"200000 100000"`` or ``"max 100000"``; cgroup v1:
    ``cpu.cfs_quota_us`` (-1 for none) and ``cpu.cfs_period_us``, under the ``cpu``
    controller's mount. The process's own cgroup is read first, then the root (inside a
    container the root is usually the container's own).
    """
    paths = ["/"]
    try:
        with open(own, encoding="utf-8") as fh:
            for line in fh:
                _, controllers, path = line.rstrip("\n").split(":", 2)
                if controllers == "" or "cpu" in controllers.split(","):
                    paths.insert(0, path or "/")
    except (OSError, ValueError):
        pass
    found = []
    for path in dict.fromkeys(paths):
        for base in (root, os.path.join(root, "cpu"), os.path.join(root, "cpu,cpuacct")):
            folder = os.path.join(base, path.lstrip("/"))
            quota = _read_quota(folder)
            if quota is not None:
                found.append(quota)
    return min(found) if found else None


def _read_quota(folder: str) -> Optional[float]:
    try:
        with open(os.path.join(folder, "cpu.max"), encoding="utf-8") as fh:
            quota, period = (fh.read().split() + ["100000"])[:2]
        if quota == "max" or int(period) <= 0 or int(quota) <= 0:
            return None
        return int(quota) / int(period)
    except (OSError, ValueError):
        pass
    try:
        with open(os.path.join(folder, "cpu.cfs_quota_us"), encoding="utf-8") as fh:
            quota = int(fh.read())
        with open(os.path.join(folder, "cpu.cfs_period_us"), encoding="utf-8") as fh:
            period = int(fh.read())
        return None if quota <= 0 or period <= 0 else quota / period
    except (OSError, ValueError):
        return None
