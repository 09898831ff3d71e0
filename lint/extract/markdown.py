"""Markdown: lint the prose, blank out everything else, keep every offset.

Blanked (replaced by spaces, newlines kept, spans listed as masked): front matter, fenced
and indented code blocks, inline code, HTML comments and tags, link and image targets,
reference definitions, autolinks and bare URLs. Link *text* stays: it is prose.

>>> text, spans = mask_markdown("See [the docs](http://x.io) and `a_b()`.")
>>> " ".join(text.split())
'See the docs and .'
>>> len(text) == len("See [the docs](http://x.io) and `a_b()`.")
True
"""
from __future__ import annotations

import regex

from ..hookspecs import hookimpl
from .base import Extractor, blank_spans, mask_urls
from .plain import decode_source

_FRONT_MATTER = regex.compile(r"\A(?:---|\+\+\+)[ \t]*\r?\n.*?\r?\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\r?\n|\Z)", regex.S)
_FENCE_OPEN = regex.compile(r"^[ ]{0,3}(`{3,}|~{3,})[^\n]*$", regex.M)
_HTML_COMMENT = regex.compile(r"<!--.*?(?:-->|\Z)", regex.S)
_INLINE_CODE = regex.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", regex.S)
_IMAGE = regex.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = regex.compile(r"(\[)([^\]\n]+)(\]\([^)\n]*\)|\]\[[^\]\n]*\])")
_REF_DEF = regex.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[^\n]*$", regex.M)
_AUTOLINK = regex.compile(r"<(?:https?|ftp|mailto):[^>\s]+>|<[^@\s>]+@[^@\s>]+>")
_HTML_TAG = regex.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*?)?/?>")
_CODE_LINE = r"(?: {4}|\t)[ \t]*\S[^\n]*(?:\n|$)"
_INDENTED = regex.compile(r"(?:^|\n)[ \t]*\n(" + _CODE_LINE + r"(?:(?:[ \t]*\n)*" + _CODE_LINE + r")*)")


def _fenced_blocks(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    while True:
        m = _FENCE_OPEN.search(text, pos)
        if not m:
            break
        fence = m.group(1)
        close = regex.compile(r"^[ ]{0,3}" + regex.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*$", regex.M)
        c = close.search(text, m.end())
        end = c.end() if c else len(text)
        spans.append((m.start(), end))
        pos = end
    return spans


def _indented_blocks(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans = []
    for m in _INDENTED.finditer(text):
        s, e = m.span(1)
        # an indented block right after a list item is the item's continuation, not code
        before = text[: m.start()].rstrip("\n")
        last_line = before[before.rfind("\n") + 1 :]
        if regex.match(r"\s*(?:[-*+]|\d+[.)])\s", last_line):
            continue
        if not any(a <= s < b for a, b in taken):
            spans.append((s, e))
    return spans


def mask_markdown(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The prose view of Markdown ``text`` (same length) and the blanked spans."""
    spans: list[tuple[int, int]] = []
    m = _FRONT_MATTER.match(text)
    if m:
        spans.append(m.span())
    spans.extend(_fenced_blocks(text))
    spans.extend(_indented_blocks(text, spans))
    for pattern in (_HTML_COMMENT, _INLINE_CODE, _IMAGE, _REF_DEF, _AUTOLINK, _HTML_TAG):
        spans.extend(x.span() for x in pattern.finditer(text))
    for x in _LINK.finditer(text):
        spans.append(x.span(1))
        spans.append(x.span(3))
    spans.extend(mask_urls(text))
    return blank_spans(text, spans)


class MarkdownExtractor(Extractor):
    """Markdown files: prose only, offsets of the original file."""

    name = "markdown"
    suffixes = (".md", ".markdown", ".mdown", ".mkd", ".html", ".htm")

    def sources(self, path, data, settings):
        source = decode_source(path, data)
        if source.error:
            yield source
            return
        text = source.original
        source.text, source.masked = mask_markdown(text)
        source.format = "html" if path.lower().endswith((".html", ".htm")) else "markdown"
        yield source


@hookimpl
def unspun_extractors():
    return [MarkdownExtractor()]
