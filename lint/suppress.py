"""Inline suppressions.

Markdown and HTML::

    <!-- unspun: disable=FRG001,SPN -->   ... text ...   <!-- unspun: enable -->

``disable`` without codes disables everything; ``enable`` without codes ends every open
suppression, ``enable=FRG001`` only that one. Plain text: a line that ends with
``unspun: ignore[FRG001]`` (or ``unspun: ignore`` for every rule) suppresses findings that
start on that line. The markers themselves are not linted. A suppression that suppresses
nothing is reported as UNS002.

>>> s = parse("a KazakistanHanno b  unspun: ignore[FRG001]\\nnext line")
>>> [(r.start, r.end, r.codes) for r in s.regions]
[(0, 43, ('FRG001',))]
>>> s.markers
[(21, 43)]
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import regex

_BLOCK = regex.compile(r"<!--\s*unspun:\s*(disable|enable)(?:\s*=\s*([A-Z0-9, ]+?))?\s*-->")
_LINE = regex.compile(r"unspun:\s*ignore(?:\[([A-Z0-9, ]+)\])?[ \t]*$", regex.MULTILINE)


@dataclass
class Region:
    """Findings of ``codes`` (prefixes; empty = all) starting in ``[start, end)`` are dropped."""

    start: int
    end: int
    codes: tuple
    marker: tuple  # (start, end) of the comment that created it
    used: bool = False

    def covers(self, code: str, offset: int) -> bool:
        return self.start <= offset < self.end and (not self.codes or any(code.startswith(c) for c in self.codes))


@dataclass
class Suppressions:
    regions: list = field(default_factory=list)
    #: spans of the suppression comments themselves (masked from linting)
    markers: list = field(default_factory=list)

    def suppresses(self, code: str, offset: int) -> bool:
        hit = False
        for region in self.regions:
            if region.covers(code, offset):
                region.used = True
                hit = True
        return hit

    def unused(self) -> list:
        return [r for r in self.regions if not r.used]


def _codes(raw: Optional[str]) -> tuple:
    if not raw:
        return ()
    return tuple(c.strip() for c in raw.split(",") if c.strip())


def parse(source: str, allow_html: bool = True, allow_line: bool = True) -> Suppressions:
    """Find every suppression in ``source`` (the original text of the document)."""
    out = Suppressions()
    if "unspun" not in source:
        return out
    if allow_html:
        open_regions: list[Region] = []
        for m in _BLOCK.finditer(source):
            out.markers.append(m.span())
            action, codes = m.group(1), _codes(m.group(2))
            if action == "disable":
                region = Region(m.end(), len(source), codes, m.span())
                open_regions.append(region)
                out.regions.append(region)
            else:
                for region in list(open_regions):
                    if not codes or set(region.codes) & set(codes) or not region.codes:
                        region.end = m.start()
                        open_regions.remove(region)
    if allow_line:
        for m in _LINE.finditer(source):
            line_start = source.rfind("\n", 0, m.start()) + 1
            # don't double-count the marker inside an HTML comment
            if any(s <= m.start() < e for s, e in out.markers):
                continue
            out.markers.append(m.span())
            out.regions.append(Region(line_start, m.end(), _codes(m.group(1)), m.span()))
    out.markers.sort()
    return out
