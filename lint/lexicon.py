"""Lexicons: data files next to a rule, loaded once, matched in one pass.

A lexicon is a UTF-8 TSV file: one entry a line, ``#`` starts a comment line, columns are
the rule's own (typically ``phrase<TAB>replacement<TAB>weight``). :class:`PhraseMatcher`
compiles every phrase of a lexicon into one regular expression (an alternation, longest
phrases first, whole words only), so a document is scanned once however large the list.

>>> m = PhraseMatcher({"wade household": "go home", "kidney disappointment": "kidney failure"})
>>> [(hit.group(), m.value(hit)) for hit in m.finditer("they should wade household now")]
[('wade household', 'go home')]
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterator, Mapping, Optional

import regex


@lru_cache(maxsize=None)
def read_tsv(path: str, columns: int = 0) -> tuple[tuple[str, ...], ...]:
    """Rows of a TSV lexicon (comments and blank lines skipped), cached per path.

    ``columns``: pad every row to at least this many columns with empty strings.
    """
    rows = []
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = tuple(c.strip() for c in raw.split("\t"))
        if len(cells) < columns:
            cells += ("",) * (columns - len(cells))
        rows.append(cells)
    return tuple(rows)


def data_path(module_file: str, *parts: str) -> str:
    """Path of a data file next to a rule module: ``data_path(__file__, "lexicons", "x.tsv")``."""
    return str(Path(module_file).resolve().parent.joinpath(*parts))


class PhraseMatcher:
    """Many phrases, one compiled pattern; matches whole words, case-insensitively by default.

    Whitespace inside a phrase matches any run of spaces; an apostrophe matches ' or ’.
    """

    def __init__(self, phrases: Mapping[str, object], ignore_case: bool = True,
                 left: str = r"(?<![\p{L}\p{N}_])", right: str = r"(?![\p{L}\p{N}_])"):
        self._values = {self._key(p, ignore_case): v for p, v in phrases.items()}
        self._ignore_case = ignore_case
        alternatives = sorted(phrases, key=len, reverse=True)
        body = "|".join(self._pattern(p) for p in alternatives) or r"(?!x)x"
        flags = regex.IGNORECASE if ignore_case else 0
        self.pattern = regex.compile(f"{left}(?:{body}){right}", flags)

    @staticmethod
    def _key(phrase: str, ignore_case: bool) -> str:
        key = " ".join(phrase.split()).replace("’", "'")
        return key.lower() if ignore_case else key

    @staticmethod
    def _pattern(phrase: str) -> str:
        parts = []
        for word in phrase.split():
            parts.append(regex.escape(word).replace("'", "['’]").replace("’", "['’]"))
        return r"\s+".join(parts)

    def finditer(self, text: str, pos: int = 0, endpos: Optional[int] = None) -> Iterator[regex.Match]:
        return self.pattern.finditer(text, pos, len(text) if endpos is None else endpos)

    def value(self, match: regex.Match) -> object:
        """The value stored for the phrase that ``match`` matched."""
        return self._values.get(self._key(match.group(), self._ignore_case))
