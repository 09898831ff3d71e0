"""Atomic writes: a temporary file in the target's folder, fsync, then rename.

A crash or kill at any moment leaves either the old file or the new one, never a mix; the
target's permissions are kept.

>>> import tempfile, os
>>> d = tempfile.mkdtemp(); p = os.path.join(d, "a.txt")
>>> with atomic_writer(p) as fh: _ = fh.write("hello")
>>> open(p).read()
'hello'
"""
from __future__ import annotations

import os
import stat
import tempfile
from contextlib import contextmanager
from typing import IO, Iterator


@contextmanager
def atomic_writer(path: str, mode: str = "w", encoding: str = "utf-8", newline: str = "") -> Iterator[IO]:
    """Open a temporary file next to ``path``; on success it replaces ``path``."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".unspun-", suffix=".tmp", dir=folder)
    try:
        if "b" in mode:
            fh = os.fdopen(fd, mode)
        else:
            fh = os.fdopen(fd, mode, encoding=encoding, newline=newline)
        with fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.chmod(tmp, stat.S_IMODE(os.stat(path).st_mode))
        except FileNotFoundError:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def atomic_write_bytes(path: str, data: bytes) -> None:
    with atomic_writer(path, "wb") as fh:
        fh.write(data)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
