"""Forked worker processes for a parallel run, fed over pipes by one thread, watched for death.

Why not ``multiprocessing.Pool``: when one of its workers dies (the OOM killer, a crash in a
C extension, ``kill -9``), the task it held never completes and the run waits forever; a
corpus gate in CI then hangs until the job's time limit. Its three helper threads also
compete for the GIL with the parent, which lints chunks itself between dispatches.

Here each worker is a ``fork`` of the warm parent (patterns compiled, word lists loaded,
shared copy-on-write) with a task pipe and a result pipe. The parent never blocks on a
pipe: it writes tasks and reads results only as far as the pipes allow (a selector over
all of them), so neither side can wait on the other forever. A worker that dies is seen
at once (its result pipe closes): its unfinished tasks come back as :class:`WorkerDied`
results, and a fresh worker takes its place.

A task may carry a time budget. A worker that holds one task longer than its budget is
presumed stuck where nothing else can stop it (C code that ignores signals, a deadlock):
the parent kills it, and its tasks fail with :class:`WorkerDied` like any other death.

Messages are pickles framed by an 8-byte length. Only POSIX ``fork`` is supported
(:data:`AVAILABLE`); elsewhere the runner uses ``multiprocessing.Pool``.

>>> pool = Workers(1, lambda task: task * 2)
>>> ticket = pool.submit(pool.least_busy(), 21)
>>> pool.wait(ticket)
42
>>> pool.close()
"""
from __future__ import annotations

import os
import pickle
import selectors
import signal
import struct
import sys
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

AVAILABLE = hasattr(os, "fork") and sys.platform != "win32"

_HEADER = struct.Struct("<Q")
#: bytes written to a pipe per call (a pipe takes at most its capacity anyway)
_WRITE = 1 << 20
#: pipe capacity asked for (Linux); a whole chunk then fits and a worker never waits for
#: the parent to finish linting its own chunk before it can read the next task
_PIPE_SIZE = 1 << 20


class WorkerDied(Exception):
    """The worker holding a task ended before answering it (killed, crashed)."""


class TaskFailed(Exception):
    """The task raised in the worker; the message names the exception."""


@dataclass(eq=False)
class _Worker:
    pid: int
    task_fd: int  # parent writes tasks here
    result_fd: int  # parent reads results here
    outbox: bytearray = field(default_factory=bytearray)
    inbox: bytearray = field(default_factory=bytearray)
    #: tickets sent and not answered yet, in the order the worker takes them, with each
    #: one's time budget (failed with WorkerDied if it dies)
    open: dict = field(default_factory=dict)
    #: time.monotonic() when the worker began its current (first open) task
    since: float = 0.0
    #: why the parent killed it, when it did
    stopped: Optional[str] = None

    def deadline(self) -> Optional[float]:
        """When its current task runs out of time, or None (no task, or no budget)."""
        for budget in self.open.values():
            return None if budget is None else self.since + budget
        return None


class Workers:
    """``count`` forked processes that each answer tasks with ``handler(task)``.

    ``submit`` never blocks; ``wait(ticket)`` returns the handler's value, or raises
    :class:`WorkerDied` or :class:`TaskFailed`. Use :meth:`least_busy` to pick a worker.
    """

    def __init__(self, count: int, handler: Callable[[Any], Any]):
        if not AVAILABLE:  # pragma: no cover - the runner checks first
            raise RuntimeError("forked workers need os.fork")
        self._handler = handler
        self._selector = selectors.DefaultSelector()
        self._workers: list[_Worker] = []
        self._done: dict[int, tuple[bool, Any]] = {}
        self._next = 0
        self.deaths = 0
        for _ in range(count):
            self._workers.append(self._start())

    # -- processes ----------------------------------------------------------------------
    def _start(self) -> _Worker:
        task_r, task_w = os.pipe()
        result_r, result_w = os.pipe()
        for fd in (task_w, result_w):
            _widen(fd)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child; measured by its results
            code = 1
            try:
                os.close(task_w)
                os.close(result_r)
                for other in self._workers:
                    os.close(other.task_fd)
                    os.close(other.result_fd)
                signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
                signal.signal(signal.SIGTERM, signal.SIG_DFL)
                _serve(task_r, result_w, self._handler)
                code = 0
            finally:
                os._exit(code)  # never return into the parent's code; run no atexit handler
        os.close(task_r)
        os.close(result_w)
        os.set_blocking(task_w, False)
        os.set_blocking(result_r, False)
        worker = _Worker(pid, task_w, result_r)
        self._selector.register(result_r, selectors.EVENT_READ, (worker, True))
        return worker

    def _bury(self, worker: _Worker) -> None:
        """A worker's result pipe closed: fail its open tickets, start another worker."""
        self._workers.remove(worker)
        self._selector.unregister(worker.result_fd)
        if worker.outbox:
            self._selector.unregister(worker.task_fd)
        os.close(worker.result_fd)
        os.close(worker.task_fd)
        why = _exit_reason(worker.pid)
        if worker.stopped:
            why = worker.stopped
        for ticket in worker.open:
            self._done[ticket] = (False, WorkerDied(why))
        self.deaths += 1
        self._workers.append(self._start())

    def close(self, kill: bool = False) -> None:
        """Stop the workers: let them finish and exit (closing their task pipes), or kill them."""
        self._selector.close()
        for worker in self._workers:
            if kill:
                try:
                    os.kill(worker.pid, signal.SIGTERM)
                except ProcessLookupError:  # pragma: no cover - already gone
                    pass
            for fd in (worker.task_fd, worker.result_fd):
                try:
                    os.close(fd)
                except OSError:  # pragma: no cover
                    pass
        for worker in self._workers:
            try:
                os.waitpid(worker.pid, 0)
            except ChildProcessError:  # pragma: no cover
                pass
        self._workers = []

    # -- tasks --------------------------------------------------------------------------
    def least_busy(self, limit: Optional[int] = None) -> Optional[_Worker]:
        """The worker with the fewest open tasks, or None when all have ``limit`` or more."""
        worker = min(self._workers, key=lambda w: len(w.open))
        return None if limit is not None and len(worker.open) >= limit else worker

    def submit(self, worker: _Worker, task: Any, budget: Optional[float] = None) -> int:
        """Queue ``task`` for ``worker``; returns its ticket. Sends what the pipe takes now.

        ``budget``: seconds the worker may spend on this task once it starts it; a worker
        over budget is killed (see the module docstring). None: no limit.
        """
        ticket = self._next
        self._next += 1
        payload = pickle.dumps((ticket, task), pickle.HIGHEST_PROTOCOL)
        if not worker.open:
            worker.since = time.monotonic()
        worker.open[ticket] = budget
        self._queue(worker, _HEADER.pack(len(payload)) + payload)
        self._send(worker)
        return ticket

    def done(self, ticket: int) -> bool:
        return ticket in self._done

    def wait(self, ticket: int) -> Any:
        """The answer to ``ticket``, waiting for it (while keeping every pipe moving)."""
        while ticket not in self._done:
            self.pump(None)
        ok, value = self._done.pop(ticket)
        if not ok:
            raise value
        return value

    def pump(self, timeout: Optional[float]) -> None:
        """Write queued tasks and read finished results as far as the pipes allow, waiting
        at most ``timeout`` seconds for either (None: until something moves), and kill a
        worker whose task is over its budget."""
        deadlines = [d for d in map(_Worker.deadline, self._workers) if d is not None]
        if deadlines:
            left = max(0.0, min(deadlines) - time.monotonic())
            timeout = left if timeout is None else min(timeout, left)
        for key, events in self._selector.select(timeout):
            worker, is_result = key.data
            if is_result:
                self._receive(worker)
            elif worker in self._workers:  # (not buried by a read in this same round)
                self._send(worker)
        if deadlines:
            self._stop_stuck(time.monotonic())

    def _stop_stuck(self, now: float) -> None:
        """Kill each worker over its task's budget; its closing pipe then buries it."""
        for worker in self._workers:
            deadline = worker.deadline()
            if deadline is not None and now >= deadline and not worker.stopped:
                worker.stopped = f"was stopped after {now - worker.since:.0f} s on one task (stuck)"
                try:
                    os.kill(worker.pid, signal.SIGKILL)
                except ProcessLookupError:  # pragma: no cover - it ended by itself meanwhile
                    pass

    def _queue(self, worker: _Worker, data: bytes) -> None:
        """Add to a worker's outbox; watch its task pipe while there is something to write."""
        if not worker.outbox:
            self._selector.register(worker.task_fd, selectors.EVENT_WRITE, (worker, False))
        worker.outbox += data

    def _send(self, worker: _Worker) -> None:
        while worker.outbox:
            try:
                with memoryview(worker.outbox) as view:
                    n = os.write(worker.task_fd, view[:_WRITE])
            except BlockingIOError:
                return
            except BrokenPipeError:  # it died: its result pipe tells
                n = len(worker.outbox)
            del worker.outbox[:n]
        self._selector.unregister(worker.task_fd)

    def _receive(self, worker: _Worker) -> None:
        ended = False
        while True:
            try:
                data = os.read(worker.result_fd, 1 << 20)
            except BlockingIOError:
                break
            if not data:
                ended = True
                break
            worker.inbox += data
        inbox = worker.inbox
        start = 0
        while len(inbox) - start >= _HEADER.size:
            (size,) = _HEADER.unpack_from(inbox, start)
            end = start + _HEADER.size + size
            if len(inbox) < end:
                break
            with memoryview(inbox) as view:
                ticket, ok, value = pickle.loads(view[start + _HEADER.size:end])
            worker.open.pop(ticket, None)
            worker.since = time.monotonic()
            self._done[ticket] = (ok, value if ok else TaskFailed(value))
            start = end
        del inbox[:start]
        if ended:  # answers it sent before it ended were taken above
            self._bury(worker)


def _serve(task_fd: int, result_fd: int, handler: Callable[[Any], Any]) -> None:  # pragma: no cover - child
    """The worker's loop: read a task, answer it, until the parent closes the task pipe."""
    while True:
        header = _read_exactly(task_fd, _HEADER.size)
        if header is None:
            return
        (size,) = _HEADER.unpack(header)
        ticket, task = pickle.loads(_read_exactly(task_fd, size))
        try:
            answer = pickle.dumps((ticket, True, handler(task)), pickle.HIGHEST_PROTOCOL)
        except Exception as e:  # noqa: BLE001 - reported to the parent, which decides
            answer = pickle.dumps((ticket, False, f"{type(e).__name__}: {e}"), pickle.HIGHEST_PROTOCOL)
        view = memoryview(_HEADER.pack(len(answer)) + answer)
        while view:
            view = view[os.write(result_fd, view):]


def _read_exactly(fd: int, size: int) -> Optional[bytes]:  # pragma: no cover - child
    parts = []
    while size:
        data = os.read(fd, min(size, 1 << 20))
        if not data:
            return None
        parts.append(data)
        size -= len(data)
    return b"".join(parts)


def _widen(fd: int) -> None:
    """Ask for a larger pipe buffer (Linux only; best effort)."""
    try:
        import fcntl

        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, _PIPE_SIZE)
    except (ImportError, AttributeError, OSError):  # pragma: no cover - not Linux, or over the limit
        pass


def _exit_reason(pid: int) -> str:
    """How a worker ended, in words: 'killed by signal 9 (SIGKILL)' or 'exited with code 1'."""
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:  # pragma: no cover
        return "ended"
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        try:
            name = signal.Signals(sig).name
        except ValueError:  # pragma: no cover
            name = "?"
        return f"killed by signal {sig} ({name})"
    return f"exited with code {os.WEXITSTATUS(status)}"
