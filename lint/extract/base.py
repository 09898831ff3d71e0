"""The Extractor base class and the masking helpers every extractor shares.

>>> blank_spans("ab cd\\nef", [(1, 4)])
('a   d\\nef', [(1, 4)])
>>> mask_urls("see https://example.com/a_b. Then")
[(4, 27)]
>>> text = "公式サイト（https://example.jp/a）で確認。访问www.example.cn了解"
>>> [text[s:e] for s, e in mask_urls(text)]
['https://example.jp/a', 'www.example.cn']
"""
from __future__ import annotations

from typing import Iterable, Iterator

import regex

from ..source import Source

#: characters that end a URL besides white space and ASCII brackets and quotes: CJK
#: characters, kana, Hangul, CJK and full-width punctuation (a URL in Chinese or Japanese
#: text is followed by the next word or a full-width bracket with no space), and the
#: quotation marks and dashes of running text
_URL_END = "\u2014\u2026«»„‚‹›\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
_URL = regex.compile(rf"(?<![A-Za-z0-9])(?:https?://|ftp://|www\.)[^\s<>\"'“”‘’()\[\]{{}}{_URL_END}]+"
                     rf"[^\s<>\"'“”‘’()\[\]{{}}.,;:!?{_URL_END}]"
                     r"|(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?![A-Za-z0-9-])")


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
