"""Configuration: ``[tool.unspun]`` in pyproject.toml or an ``unspun.toml``, closest wins.

Keys are kebab-case as in ruff. Unknown keys, wrong types and unknown rule codes are
errors that name the key and the file (exit code 2), never silently ignored.

>>> s = Settings.from_mapping({"select": ["FRG"], "max-score": 0.7}, "unspun.toml")
>>> s.select, s.max_score
(['FRG'], 0.7)
>>> Settings.from_mapping({"selcet": ["FRG"]}, "unspun.toml")
Traceback (most recent call last):
...
lint.config.ConfigError: unspun.toml: unknown key 'selcet' (did you mean 'select'?)
"""
from __future__ import annotations

import difflib
import fnmatch
import os
import sys
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Iterable, Optional

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from .finding import SEVERITIES

DEFAULT_MAX_SCORE = 0.5
DEFAULT_INCLUDE = ("*.txt", "*.text", "*.md", "*.markdown", "*.jsonl", "*.jsonl.gz", "*.jsonl.zst", "*.parquet")
CONFIG_FILES = ("unspun.toml", "pyproject.toml")


class ConfigError(Exception):
    """The configuration (file or command line) is invalid."""


@dataclass
class Settings:
    """Resolved settings for one file (after config files and command-line options)."""

    select: Optional[list] = None          # None: the default rule set
    extend_select: list = field(default_factory=list)
    ignore: list = field(default_factory=list)
    per_file_ignores: dict = field(default_factory=dict)
    severity: dict = field(default_factory=dict)   # code or prefix -> severity
    language: Optional[str] = None
    max_score: float = DEFAULT_MAX_SCORE
    max_gated_share: Optional[float] = None
    fail_on: str = "warning"
    exclude: list = field(default_factory=list)
    extend_exclude: list = field(default_factory=list)
    include: list = field(default_factory=lambda: list(DEFAULT_INCLUDE))
    extend_include: list = field(default_factory=list)
    #: one document above this many bytes is skipped with an error (a novel is ~1 MB)
    max_file_size: int = 32 * 1024 * 1024
    text_field: str = "text"
    id_field: str = "id"
    #: the file the settings came from (None: defaults only)
    source: Optional[str] = None
    #: the folder relative patterns (exclude, per-file-ignores) are anchored at
    root: str = "."

    _TYPES = {
        "select": list, "extend_select": list, "ignore": list, "per_file_ignores": dict,
        "severity": dict, "language": str, "max_score": float, "max_gated_share": float,
        "fail_on": str, "exclude": list, "extend_exclude": list, "include": list,
        "extend_include": list, "max_file_size": int, "text_field": str, "id_field": str,
    }

    @classmethod
    def keys(cls) -> list[str]:
        return [k.replace("_", "-") for k in cls._TYPES]

    @classmethod
    def from_mapping(cls, data: dict, where: str, base: Optional["Settings"] = None) -> "Settings":
        """Settings from a ``[tool.unspun]`` table; ``where`` names the file in errors."""
        settings = replace(base) if base else cls()
        known = cls.keys()
        for key, value in data.items():
            if key not in known:
                hint = difflib.get_close_matches(key, known, n=1)
                extra = f" (did you mean {hint[0]!r}?)" if hint else ""
                raise ConfigError(f"{where}: unknown key {key!r}{extra}")
            attr = key.replace("-", "_")
            want = cls._TYPES[attr]
            if want is float and isinstance(value, int) and not isinstance(value, bool):
                value = float(value)
            if not isinstance(value, want) or isinstance(value, bool):
                raise ConfigError(f"{where}: key {key!r} must be a {want.__name__}, not {type(value).__name__}")
            if want is list and not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{where}: key {key!r} must be a list of strings")
            setattr(settings, attr, value)
        settings.validate(where)
        settings.source = where
        return settings

    def validate(self, where: str) -> None:
        if self.fail_on not in SEVERITIES:
            raise ConfigError(f"{where}: key 'fail-on' must be one of {', '.join(SEVERITIES)}")
        for code, sev in self.severity.items():
            if sev not in SEVERITIES:
                raise ConfigError(f"{where}: key 'severity.{code}' must be one of {', '.join(SEVERITIES)}, not {sev!r}")
        if not 0.0 <= self.max_score <= 1.0:
            raise ConfigError(f"{where}: key 'max-score' must be between 0 and 1")
        if self.max_gated_share is not None and not 0.0 <= self.max_gated_share <= 1.0:
            raise ConfigError(f"{where}: key 'max-gated-share' must be between 0 and 1")
        for pattern, codes in self.per_file_ignores.items():
            if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
                raise ConfigError(f"{where}: key 'per-file-ignores.{pattern}' must be a list of codes")

    def selectors(self) -> Iterable[tuple[str, str]]:
        """Every (key, code-or-prefix) the settings name, to check against known codes."""
        for key in ("select", "extend_select", "ignore"):
            for code in getattr(self, key) or ():
                yield key.replace("_", "-"), code
        for pattern, codes in self.per_file_ignores.items():
            for code in codes:
                yield f"per-file-ignores.{pattern}", code
        for code in self.severity:
            yield f"severity.{code}", code

    def ignored_for(self, path: Optional[str]) -> list[str]:
        """Codes ignored for ``path`` by ``per-file-ignores``."""
        if not path or not self.per_file_ignores:
            return []
        rel = _relative(path, self.root)
        out = []
        for pattern, codes in self.per_file_ignores.items():
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(os.path.basename(path), pattern):
                out.extend(codes)
        return out

    def is_excluded(self, path: str) -> bool:
        rel = _relative(path, self.root)
        base = os.path.basename(path)
        for pattern in (*self.exclude, *self.extend_exclude):
            p = pattern.rstrip("/")
            if fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(base, p) or fnmatch.fnmatch(rel, p + "/*"):
                return True
        return False

    def is_included(self, path: str) -> bool:
        base = os.path.basename(path)
        return any(fnmatch.fnmatch(base, p) for p in (*self.include, *self.extend_include))

    def key(self) -> str:
        """A value equal for equal settings, in any process (cached on the object)."""
        key = self.__dict__.get("_key")
        if key is None:
            key = self.__dict__["_key"] = repr(sorted(self.as_dict().items(), key=lambda kv: kv[0]))
        return key

    def as_dict(self) -> dict[str, Any]:
        return {k.name.replace("_", "-"): getattr(self, k.name) for k in fields(self)}


def _relative(path: str, root: str) -> str:
    try:
        return os.path.relpath(os.path.abspath(path), os.path.abspath(root)).replace(os.sep, "/")
    except ValueError:  # pragma: no cover - other drive on Windows
        return path


def read_config_file(path: str) -> Optional[dict]:
    """The unspun table of a config file: ``[tool.unspun]`` in pyproject.toml, the whole
    file (or its ``[unspun]`` / ``[tool.unspun]`` table) in unspun.toml; None if absent."""
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: malformed TOML: {e}") from None
    except OSError as e:
        raise ConfigError(f"{path}: cannot read: {e.strerror or e}") from None
    if os.path.basename(path) == "pyproject.toml":
        return data.get("tool", {}).get("unspun")
    if "tool" in data and isinstance(data["tool"], dict) and "unspun" in data["tool"]:
        return data["tool"]["unspun"]
    return data


def find_config(start: str) -> Optional[str]:
    """The closest config file at or above ``start`` (a file or folder)."""
    here = Path(start).resolve()
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file():
                if name == "pyproject.toml":
                    try:
                        if read_config_file(str(candidate)) is None:
                            continue
                    except ConfigError:
                        raise
                return str(candidate)
    return None


class ConfigResolver:
    """Settings for any path: the closest config file, then command-line overrides.

    Results are cached per folder, so a tree of thousands of files reads each config once.
    """

    def __init__(self, explicit: Optional[str] = None, overrides: Optional[dict] = None,
                 discover: bool = True):
        self.explicit = explicit
        self.overrides = overrides or {}
        self.discover = discover
        self._by_file: dict[Optional[str], Settings] = {}
        self._by_dir: dict[str, Optional[str]] = {}
        if explicit is not None:
            self._load(explicit)

    def _load(self, path: Optional[str]) -> Settings:
        if path in self._by_file:
            return self._by_file[path]
        if path is None:
            settings = Settings()
        else:
            table = read_config_file(path)
            if table is None and os.path.basename(path) == "pyproject.toml":
                table = {}
            settings = Settings.from_mapping(table or {}, path)
            settings.root = str(Path(path).resolve().parent)
        for key, value in self.overrides.items():
            setattr(settings, key, value)
        settings.validate(path or "command line")
        self._by_file[path] = settings
        return settings

    def for_path(self, path: Optional[str]) -> Settings:
        if self.explicit is not None or not self.discover or path is None or path == "-":
            return self._load(self.explicit)
        folder = os.path.dirname(os.path.abspath(path)) if not os.path.isdir(path) else os.path.abspath(path)
        if folder not in self._by_dir:
            self._by_dir[folder] = find_config(folder)
        return self._load(self._by_dir[folder])

    def loaded(self) -> list[Settings]:
        return list(self._by_file.values())
