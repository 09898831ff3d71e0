"""Inputs: expand the paths on the command line into files to read, in a stable order.

Folders are walked recursively: hidden entries and paths matched by ``.gitignore`` files or
the ``exclude`` setting are skipped, only ``include`` suffixes are taken, symbolic links to
folders are followed at most once (a link loop is never entered). A file named explicitly
is always read, whatever its suffix. Problems (a missing path, an unreadable folder) become
input errors for that path; the walk goes on.

>>> list(iter_inputs(["/nonexistent/x.txt"], lambda p: None))[0].error
'No such file or directory'
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Callable, Iterator, Optional

STDIN = "-"


@dataclass
class Input:
    """One file to read (or stdin), or an error about a path."""

    path: str
    error: Optional[str] = None


class _GitIgnore:
    """The .gitignore rules in force for a folder, stacked from the walk's root down."""

    def __init__(self, parent: Optional["_GitIgnore"], folder: str):
        self.parent = parent
        self.folder = folder
        self.spec = None
        path = os.path.join(folder, ".gitignore")
        if os.path.isfile(path):
            try:
                with open(path, encoding="utf-8", errors="replace") as fh:
                    lines = fh.read().splitlines()
                import pathspec

                self.spec = pathspec.GitIgnoreSpec.from_lines(lines)
            except OSError:
                self.spec = None

    def ignored(self, path: str, is_dir: bool) -> bool:
        node: Optional[_GitIgnore] = self
        while node is not None:
            if node.spec is not None:
                rel = os.path.relpath(path, node.folder).replace(os.sep, "/")
                if is_dir:
                    rel += "/"
                if node.spec.match_file(rel):
                    return True
            node = node.parent
        return False


def _in_git_tree(folder: str) -> bool:
    here = os.path.abspath(folder)
    while True:
        if os.path.exists(os.path.join(here, ".git")):
            return True
        parent = os.path.dirname(here)
        if parent == here:
            return False
        here = parent


def iter_inputs(paths: list[str], settings_for: Callable[[str], object]) -> Iterator[Input]:
    """Every input named by ``paths``; ``settings_for(path)`` gives the Settings for a path
    (``None`` means defaults: include everything with a known suffix, exclude nothing)."""
    for raw in paths:
        if raw == STDIN:
            yield Input(STDIN)
            continue
        if os.path.isdir(raw):
            yield from _walk(raw, settings_for)
        elif os.path.lexists(raw) and not os.path.exists(raw):
            yield Input(raw, "broken symbolic link")
        elif os.path.exists(raw):
            yield Input(raw)
        else:
            yield Input(raw, "No such file or directory")


def _walk(root: str, settings_for: Callable[[str], object]) -> Iterator[Input]:
    seen_dirs: set = set()
    use_gitignore = _in_git_tree(root)

    def visit(folder: str, ignore: Optional[_GitIgnore]) -> Iterator[Input]:
        try:
            real = os.path.realpath(folder)
        except OSError as e:  # pragma: no cover
            yield Input(folder, e.strerror or str(e))
            return
        if real in seen_dirs:
            return  # a symbolic link back into the walk: never loop
        seen_dirs.add(real)
        if use_gitignore:
            ignore = _GitIgnore(ignore, folder)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as e:
            yield Input(folder, f"cannot read folder: {e.strerror or e}")
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = entry.path
            try:
                is_dir = entry.is_dir()  # follows links
            except OSError:
                is_dir = False
            if ignore is not None and ignore.ignored(path, is_dir):
                continue
            settings = settings_for(path)
            if settings is not None and settings.is_excluded(path):
                continue
            if is_dir:
                yield from visit(path, ignore)
                continue
            if entry.is_symlink() and not os.path.exists(path):
                if settings is None or settings.is_included(path):
                    yield Input(path, "broken symbolic link")
                continue
            if settings is None or settings.is_included(path):
                yield Input(path)

    yield from visit(root, None)
