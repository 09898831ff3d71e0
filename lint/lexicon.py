"""Lexicons: data files next to a rule, loaded once, matched in one pass.

A lexicon is a UTF-8 TSV file: one entry a line, ``#`` starts a comment line, columns are
the rule's own (typically ``phrase<TAB>replacement<TAB>weight``). :class:`PhraseMatcher`
compiles every phrase of a lexicon into one regular expression shaped as a character trie
(the engine rejects a position on its first character instead of trying hundreds of
alternatives), so a document is scanned once however large the list: tens of MB/s for
lexicons of a thousand phrases.

>>> m = PhraseMatcher({"wade household": "go home", "kidney disappointment": "kidney failure"})
>>> [(hit.group(), m.value(hit)) for hit in m.finditer("they should Wade  household now")]
[('Wade  household', 'go home')]
>>> [h.group() for h in PhraseMatcher({"Alzheimer's illness": 1}).finditer("Alzheimer’s illness")]
['Alzheimer’s illness']
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, Mapping, Optional, Union

# The trie is built for the standard `re` engine: its patterns are literal characters,
# `\s+` between words and word-boundary look-arounds, so matching is linear in the text.


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
    """Many phrases, one compiled trie-shaped pattern; whole words, case-insensitive.

    Whitespace inside a phrase matches any run of whitespace; an apostrophe matches ' or ’.
    ``phrases`` is a mapping phrase -> value, or an iterable of (phrase, value) pairs (a
    phrase may then carry several values: :meth:`values`).
    """

    def __init__(self, phrases: Union[Mapping[str, object], Iterable[tuple[str, object]]]):
        pairs = phrases.items() if isinstance(phrases, Mapping) else phrases
        self._values: dict[str, list] = {}
        for phrase, value in pairs:
            self._values.setdefault(self.key(phrase), []).append(value)
        body = self._trie(sorted(self._values)) or "(?!x)x"
        self.pattern = re.compile(r"(?<!\w)(?:" + body + r")(?!\w)")
        self._ci_pattern: Optional[re.Pattern] = None
        #: key -> shorter keys that are whole-word prefixes of it (for callers that retry)
        self._prefixes: dict[str, list[str]] = {}
        for key in self._values:
            words = key.split(" ")
            self._prefixes[key] = [k for k in (" ".join(words[:i]) for i in range(len(words) - 1, 0, -1))
                                   if k in self._values]

    @property
    def ci_pattern(self) -> re.Pattern:
        """The pattern, case-insensitive: for a text without its lower-cased copy (or whose
        lower case has another length). Compiled on first use: most runs never need it, and
        a large lexicon's pattern takes tens of milliseconds to compile."""
        if self._ci_pattern is None:
            self._ci_pattern = re.compile(self.pattern.pattern, re.IGNORECASE)
        return self._ci_pattern

    @staticmethod
    def key(phrase: str) -> str:
        """The normal form phrases are stored under: lower case, one space, ' for ’."""
        return " ".join(phrase.lower().replace("’", "'").split())

    @staticmethod
    def _trie(phrases: list) -> str:
        root: dict = {}
        for p in phrases:
            node = root
            for ch in p:
                node = node.setdefault(ch, {})
            node[""] = {}

        def emit(node: dict) -> str:
            alts = []
            for ch in sorted(k for k in node if k):
                piece = r"\s+" if ch == " " else ("['’]" if ch == "'" else re.escape(ch))
                alts.append(piece + emit(node[ch]))
            if not alts:
                return ""
            body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
            return "(?:" + body + ")?" if "" in node else body

        return emit(root)

    def finditer(self, text: str, pos: int = 0, endpos: Optional[int] = None,
                 lowered: Optional[str] = None) -> Iterator[re.Match]:
        """Matches in ``text[pos:endpos]``. Pass ``lowered=text.lower()`` when you have it
        (the fast path; ignored when lower-casing changed the length)."""
        endpos = len(text) if endpos is None else endpos
        if lowered is not None and len(lowered) == len(text):
            return self.pattern.finditer(lowered, pos, endpos)
        return self.ci_pattern.finditer(text, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: Optional[int] = None,
               lowered: Optional[str] = None) -> Optional[re.Match]:
        endpos = len(text) if endpos is None else endpos
        if lowered is not None and len(lowered) == len(text):
            return self.pattern.search(lowered, pos, endpos)
        return self.ci_pattern.search(text, pos, endpos)

    def values(self, matched: str) -> list:
        """Every value stored for the phrase ``matched`` (a matched string)."""
        return self._values.get(self.key(matched), [])

    def value(self, match) -> object:
        """The (first) value stored for the phrase that ``match`` matched."""
        vals = self.values(match.group() if hasattr(match, "group") else match)
        return vals[0] if vals else None

    def candidates(self, matched: str) -> list[tuple[int, list]]:
        """(length in words, values) for the matched phrase and every shorter phrase that
        is a whole-word prefix of it, longest first (for a caller whose context check
        rejected the longest phrase)."""
        key = self.key(matched)
        out = [(key.count(" ") + 1, self._values.get(key, []))]
        for k in self._prefixes.get(key, ()):
            out.append((k.count(" ") + 1, self._values[k]))
        return out


class LazyPattern:
    r"""A regular expression compiled on first use, with the methods of the compiled pattern.

    Large lexicon patterns take tens of milliseconds to compile; a rule that needs most of
    them only after a cheap pre-test passes keeps a one-file run's start-up short by
    building them lazily. ``engine`` is ``re`` or ``regex``.

    >>> import re
    >>> p = LazyPattern(re, r"wade\s+household", re.I)
    >>> p.search("they Wade Household").group()
    'Wade Household'
    """

    __slots__ = ("_engine", "_args", "_compiled")

    def __init__(self, engine, pattern: str, flags: int = 0):
        self._engine = engine
        self._args = (pattern, flags)
        self._compiled = None

    def __getattr__(self, name):
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = self._engine.compile(*self._args)
        return getattr(compiled, name)
