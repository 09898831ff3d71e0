"""The Extractor base class and the masking helpers every extractor shares.

>>> blank_spans("ab cd\\nef", [(1, 4)])
('a   d\\nef', [(1, 4)])
>>> mask_urls("see https://example.com/a_b. Then")
[(4, 27)]
"""
from __future__ import annotations

from typing import Iterable, Iterator

import regex

from ..source import Source

_URL = regex.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>\"'“”‘’()\[\]{}]+[^\s<>\"'“”‘’()\[\]{}.,;:!?]"
                     r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")


def mask_urls(text: str) -> list[tuple[int, int]]:
    """Spans of URLs and e-mail addresses (not prose: never linted)."""
    if "://" not in text and "www." not in text and "@" not in text:
        return []
    return [m.span() for m in _URL.finditer(text)]


def blank_spans(text: str, spans: Iterable[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """``text`` with every span replaced by spaces (newlines kept), and the merged spans."""
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if s >= e:
            continue
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    if not merged:
        return text, []
    parts = []
    pos = 0
    for s, e in merged:
        parts.append(text[pos:s])
        chunk = text[s:e]
        parts.append(regex.sub(r"[^\n]", " ", chunk))
        pos = e
    parts.append(text[pos:])
    return "".join(parts), merged


class Extractor:
    """Reads one kind of input. Subclasses set ``name`` and ``suffixes`` and implement
    ``sources``, yielding one Source per document (a corpus yields one per record).

    ``data`` is the whole input as bytes for small files; corpus extractors may set
    ``streaming = True`` to receive ``data=None`` and open ``path`` themselves.
    """

    name: str = ""
    suffixes: tuple[str, ...] = ()
    streaming: bool = False
    #: a corpus holds many documents (records); its sources are named FILE:LINE
    corpus: bool = False

    def sources(self, path: str, data, settings) -> Iterator[Source]:  # pragma: no cover
        raise NotImplementedError
