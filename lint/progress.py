"""A progress bar on stderr for long runs on a terminal (documents, MB, rate, ETA).

Silent when stderr is not a terminal, in CI (``CI`` set) or with ``--no-progress``; the
choice is made in :func:`lint.commands._progress`. The total is estimated from the sizes
of the named inputs when they are files, so corpora get a real ETA.
"""
from __future__ import annotations

import os


def _total_bytes(paths) -> int:
    total = 0
    for p in paths:
        if p != "-" and os.path.isfile(p):
            try:
                total += os.path.getsize(p)
            except OSError:
                pass
    return total


class Progress:
    def __init__(self, paths) -> None:
        self.total = _total_bytes(paths) or None
        self.docs = 0
        self.chars = 0

    def __enter__(self):
        from rich.progress import (BarColumn, Progress as RichProgress, TextColumn, TimeElapsedColumn,
                                   TimeRemainingColumn)
        from rich.console import Console

        self._bar = RichProgress(
            TextColumn("[bold]unspun[/]"), BarColumn(), TextColumn("{task.fields[docs]:,} docs"),
            TextColumn("{task.fields[mb]:.1f} MB"), TextColumn("{task.fields[rate]:.1f} MB/s"),
            TimeElapsedColumn(), TimeRemainingColumn(), console=Console(stderr=True), transient=True)
        self._bar.__enter__()
        self._task = self._bar.add_task("lint", total=self.total, docs=0, mb=0.0, rate=0.0)
        return self

    def advance(self, result) -> None:
        self.docs += 1
        self.chars += result.chars
        if self.docs % 25 == 0:
            task = self._bar.tasks[0]
            elapsed = task.elapsed or 1e-9
            mb = self.chars / 1e6
            self._bar.update(self._task, completed=self.chars, docs=self.docs, mb=mb, rate=mb / elapsed)

    def __exit__(self, *exc):
        self._bar.__exit__(*exc)
        return False
