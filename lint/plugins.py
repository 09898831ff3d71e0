"""The plugin manager: loads every ``unspun`` entry point and collects what it provides.

The engine knows no rule, extractor or reporter by name; they all arrive here through the
hooks of :mod:`lint.hookspecs`. Loading is validated: a rule with bad metadata or a code
claimed by two plugins stops the run with a message naming both plugins.

>>> reg = load_registry()
>>> "json" in reg.reporters and ".md" in reg.extractor_suffixes()
True
"""
from __future__ import annotations

import threading
from typing import Iterable, Optional

import pluggy

from . import hookspecs
from .rule import Rule, RuleError

ENTRY_POINT_GROUP = "unspun"


class PluginError(Exception):
    """A plugin could not be loaded, or two plugins conflict."""


class Registry:
    """Everything the loaded plugins provide: rules by code, extractors, reporters."""

    def __init__(self) -> None:
        self.rules: dict[str, Rule] = {}
        self.extractors: list = []
        self.reporters: dict[str, object] = {}

    # -- rules -------------------------------------------------------------------
    def add_rules(self, plugin: str, classes: Iterable) -> None:
        for cls in classes or ():
            if isinstance(cls, Rule):
                cls = type(cls)
            if not (isinstance(cls, type) and issubclass(cls, Rule)):
                raise PluginError(f"plugin {plugin!r} returned {cls!r}, which is not a lint.Rule subclass")
            try:
                if not getattr(cls, "internal", False):
                    cls.validate()
            except RuleError as e:
                raise PluginError(f"plugin {plugin!r}: {e}") from None
            if cls.code in self.rules:
                other = self.rules[cls.code]
                raise PluginError(
                    f"rule code {cls.code} is claimed twice: by {other.plugin!r} "
                    f"({type(other).__module__}.{type(other).__qualname__}) and by {plugin!r} "
                    f"({cls.__module__}.{cls.__qualname__})"
                )
            names = {r.name: r for r in self.rules.values()}
            if cls.name in names:
                raise PluginError(f"rule name {cls.name!r} is claimed by {names[cls.name].code} and {cls.code}")
            rule = cls()
            rule.plugin = plugin
            self.rules[cls.code] = rule

    def sorted_rules(self) -> list[Rule]:
        return [self.rules[c] for c in sorted(self.rules)]

    # -- extractors and reporters ------------------------------------------------
    def extractor_suffixes(self) -> set[str]:
        return {s for e in self.extractors for s in e.suffixes}

    def extractor_for(self, name: str, default: Optional[str] = None):
        """The extractor whose suffix is the longest match for ``name`` (later plugins win ties)."""
        lower = name.lower()
        best, best_len = None, -1
        for ext in self.extractors:
            for suffix in ext.suffixes:
                if lower.endswith(suffix) and len(suffix) >= best_len:
                    best, best_len = ext, len(suffix)
        if best is None and default is not None:
            return self.extractor_for(default)
        return best


_LOCK = threading.Lock()
_CACHE: Optional[Registry] = None


def make_plugin_manager() -> pluggy.PluginManager:
    pm = pluggy.PluginManager(ENTRY_POINT_GROUP)
    pm.add_hookspecs(hookspecs)
    return pm


def load_registry(extra_plugins: Iterable[object] = (), use_cache: bool = True) -> Registry:
    """Load the ``unspun`` entry points (and ``extra_plugins``) into a Registry.

    The result without extras is cached per process: rules are instantiated once.
    """
    global _CACHE
    extra_plugins = list(extra_plugins)
    if use_cache and not extra_plugins and _CACHE is not None:
        return _CACHE
    with _LOCK:
        pm = make_plugin_manager()
        try:
            pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
        except Exception as e:  # a third-party plugin that fails to import
            raise PluginError(f"could not load an '{ENTRY_POINT_GROUP}' plugin: {type(e).__name__}: {e}") from None
        for plugin in extra_plugins:
            pm.register(plugin)
        registry = Registry()
        hooks = pm.hook
        for impl in hooks.unspun_rules.get_hookimpls():  # in registration order
            registry.add_rules(impl.plugin_name, impl.function())
        for impl in hooks.unspun_extractors.get_hookimpls():
            registry.extractors.extend(impl.function() or ())
        for impl in hooks.unspun_reporters.get_hookimpls():
            for rep in impl.function() or ():
                if not getattr(rep, "name", ""):
                    raise PluginError(f"plugin {impl.plugin_name!r} returned a reporter without a name: {rep!r}")
                registry.reporters[rep.name] = rep
        if use_cache and not extra_plugins:
            _CACHE = registry
        return registry
