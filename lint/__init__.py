"""unspun: a linter for machine-damaged text (import package ``lint``).

The public API for rule and plugin authors is what this module exports; rules import
nothing else from the engine.

>>> import lint
>>> issubclass(lint.Rule, object) and callable(lint.hookimpl)
True
"""
from __future__ import annotations

__version__ = "0.1.0"

from .document import Document, Paragraph
from .finding import Finding
from .hookspecs import hookimpl
from .language import SUPPORTED as LANGUAGES
from .lexicon import LazyPattern, PhraseMatcher, data_path, read_tsv
from .rule import Example, Rule
from .textutil import bmp_chars, bmp_only, char_class, re_word_chars
from .wordlists import common_words, zipf

__all__ = [
    "Document", "Paragraph", "Finding", "Rule", "Example", "hookimpl", "LANGUAGES",
    "PhraseMatcher", "LazyPattern", "data_path", "read_tsv", "zipf", "common_words", "__version__",
    "re_word_chars", "bmp_only", "char_class", "bmp_chars",
    "Extractor", "Reporter", "Source", "check_text",
]


def __getattr__(name):  # lazy: keeps `import lint` cheap for the CLI's start-up
    if name in ("Extractor",):
        from .extract.base import Extractor
        return Extractor
    if name == "Reporter":
        from .report.base import Reporter
        return Reporter
    if name == "Source":
        from .source import Source
        return Source
    if name == "check_text":
        from .testing import check_text
        return check_text
    raise AttributeError(name)
