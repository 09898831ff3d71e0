"""unspun's built-in rules, installed as ``lint.rules`` and registered through the
``unspun`` entry point exactly as a third-party plugin's rules are.

Every module in this package is a rule module: its Rule subclasses (those with a
``code``) are collected automatically, so adding a rule means adding one module (and its
lexicon under ``lexicons/``), touching nothing else. Modules whose name starts with an
underscore are shared helpers, not rules.
"""
from __future__ import annotations

import importlib
import inspect
import pkgutil

import lint


def _rule_classes():
    found = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for _, obj in inspect.getmembers(module, inspect.isclass):
            if issubclass(obj, lint.Rule) and obj is not lint.Rule and obj.__module__ == module.__name__ \
                    and getattr(obj, "code", ""):
                found.append(obj)
    return found


@lint.hookimpl
def unspun_rules():
    return _rule_classes()
