"""The Document: one text, analysed once, lazily, and shared by every rule.

``Document.text`` has exactly the length and offsets of the decoded source: extractors
(Markdown, HTML comments, front matter...) blank out what is not prose with spaces and
keep newlines, and list the blanked spans in ``masked``; the engine drops any finding that
touches a masked span. So a finding's offset is always an offset into the original file:
no offset map can drift, and no position is ever found by searching the text again.

Everything else (lines, paragraphs with their language and kind, sentences, words) is
computed on first use and cached.

>>> doc = Document("This is the first one. And here is the second.\\n\\nCiao a tutti, questo è un paragrafo.")
>>> [p.text(doc) for p in doc.paragraphs][1]
'Ciao a tutti, questo è un paragrafo.'
>>> [p.lang for p in doc.paragraphs]
['en', 'it']
>>> [doc.text[s:e] for s, e in doc.sentences][:2]
['This is the first one.', 'And here is the second.']
>>> doc.position(13)
(1, 14)
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate
from operator import itemgetter
import re
from functools import cached_property
from typing import Optional, Sequence

import regex

from . import language as _language
from .textutil import ASCII_WORD, WORD, word_count_of_tokens

#: WORD as a capturing split: [gap, word, gap, word, ..., gap], so offsets come from
#: running sums of lengths, all in C (no per-match Python work)
_WORD_SPLIT = re.compile("(" + WORD.pattern + ")")
_ASCII_WORD_SPLIT = re.compile("(" + ASCII_WORD.pattern + ")")
_TAIL_WORD = regex.compile(r"[\p{L}.]+$")

_BLOCK_SPLIT = regex.compile(r"\n[ \t\f\v\r\u00a0]*\n(?:[ \t\f\v\r\u00a0]*\n)*")
_HEADING = regex.compile(r"#{1,6}(?:\s|$)")
_LIST_ITEM = regex.compile(r"(?:[-*+•·–—▪◦]\s|\d{1,3}[.)]\s|[a-zA-Z][.)]\s)")
_QUOTE_LINE = regex.compile(r">")
_TABLE_LINE = regex.compile(r"\|.*\|\s*$")
_ENDS_TERMINAL = regex.compile(r"[.!?…。！？:;：；][\"'”’»)\]）」』】›]*\s*$")
#: Candidate sentence boundaries: terminal punctuation, closing marks, then a space (Latin),
#: or CJK terminal punctuation anywhere. A run of marks is taken whole and only from its
#: start (possessive, look-behind), so a run of 100,000 dots costs linear time.
_SENT_END = regex.compile(
    r"(?:(?<![.!?…])[.!?…]++[\"'”’»)\]）」』›]*+(?=\s+[\"'“‘«„(\[¿¡]*[\p{Lu}\p{N}])"
    r"|[。！？]+[”’」』）】]*)"
)
#: _SENT_END for a text that is all ASCII, with the standard `re` engine: the same matches
#: (ASCII upper-case letters and digits are [A-Z0-9]; White_Space in ASCII is [\t-\r ],
#: which `regex` calls \s: `re`'s \s would also take \x1c-\x1f)
_ASCII_SENT_END = re.compile(r"(?<![.!?])[.!?]++[\"')\]]*+(?=[\t-\r ]+[\"'(\[]*[A-Z0-9])")
#: lower case, without the final dot; none is longer than six characters (see
#: _is_abbreviation)
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st jr sr sig sra sr dott ing avv gen col lt sgt capt cpt rev fr "
    "mt vs etc no nr nos art fig vol pp ed eds approx inc ltd co corp dept univ est "
    "jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e cf ca av bzw usw z.b "
    "dr.med hr fr frau hrn sen rep gov pres u.s u.k u.n s.a s.p.a n° s.r.l sa".split()
)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph: ``[start, end)`` in the document text, its language and kind.

    ``kind`` is ``text``, ``heading``, ``list``, ``quote``, ``table`` or ``title`` (a short
    line without terminal punctuation: a headline, caption or label).
    """

    index: int
    start: int
    end: int
    lang: Optional[str]
    kind: str

    def text(self, doc: "Document") -> str:
        return doc.text[self.start : self.end]


class Document:
    """One document to lint. Construct it with the prose text (masked spans blanked)."""

    def __init__(
        self,
        text: str,
        path: Optional[str] = None,
        id: Optional[str] = None,
        lang: Optional[str] = None,
        format: str = "text",
        masked: Sequence[tuple[int, int]] = (),
        source: Optional[str] = None,
    ):
        self.text = text
        self.path = path
        self.id = id
        self.format = format
        self.masked = sorted(masked)
        self._mask_starts = [s for s, _ in self.masked]
        #: the original text (equal to ``text`` for plain text); same length as ``text``
        self.source = text if source is None else source
        self._forced_lang = lang
        #: scratch space rules may share derived analyses through (keyed by a name)
        self.cache: dict = {}

    def __repr__(self) -> str:  # pragma: no cover
        return f"Document(path={self.path!r}, id={self.id!r}, {len(self.text)} chars)"

    # -- positions -------------------------------------------------------------
    @cached_property
    def line_starts(self) -> list[int]:
        starts = [0]
        find = self.text.find
        i = find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset."""
        line = bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def line_span(self, offset: int) -> tuple[int, int]:
        """``[start, end)`` of the line holding ``offset`` (without its newline)."""
        line = bisect_right(self.line_starts, offset) - 1
        start = self.line_starts[line]
        end = self.text.find("\n", start)
        return start, (len(self.text) if end < 0 else end)

    def is_masked(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` touches a span the extractor blanked out.

        Masks are sorted and disjoint, so their ends increase too: only the last mask that
        starts before ``end`` can overlap.
        """
        if not self.masked:
            return False
        i = bisect_left(self._mask_starts, max(end, start + 1))
        return i > 0 and self.masked[i - 1][1] > start

    # -- language --------------------------------------------------------------
    @cached_property
    def lang(self) -> Optional[str]:
        """The document's language: forced (``--language``/config) or detected."""
        return self._forced_lang or _language.detect(self.text, default=None)

    @cached_property
    def languages(self) -> frozenset:
        """Every language present: the document's and its paragraphs'."""
        return frozenset(p.lang for p in self.paragraphs if p.lang) | ({self.lang} if self.lang else set())

    # -- structure ---------------------------------------------------------------
    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        """Paragraphs: blocks between blank lines; in a block of long unwrapped lines
        (text with one paragraph per line) every line is a paragraph, as are headings
        and list items."""
        spans = []
        text = self.text
        pos = 0
        for m in _BLOCK_SPLIT.finditer(text):
            spans.extend(self._split_block(pos, m.start()))
            pos = m.end()
        spans.extend(self._split_block(pos, len(text)))
        out = []
        doc_lang = self.lang
        forced = self._forced_lang
        for i, (s, e, kind) in enumerate(spans):
            ptext = text[s:e]
            lang = forced or (_paragraph_language(ptext, doc_lang))
            out.append(Paragraph(i, s, e, lang, kind))
        return out

    def _split_block(self, start: int, end: int) -> list[tuple[int, int, str]]:
        text = self.text
        # trim surrounding whitespace
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            return []
        block = text[start:end]
        if "\n" not in block:
            return [(start, end, _kind(block))]
        lines = []
        pos = start
        for line in block.split("\n"):
            lines.append((pos, pos + len(line)))
            pos += len(line) + 1
        longest = max(e - s for s, e in lines[:-1])
        structured = any(_may_be_marked(text, s) and (_HEADING.match(text, s) or _LIST_ITEM.match(text, s)
                                                      or _TABLE_LINE.match(text, s, e))
                         for s, e in lines if s < e)
        if longest <= 100 and not structured:
            return [(start, end, _kind(block))]  # a hard-wrapped paragraph
        out: list[tuple[int, int, str]] = []
        for s, e in lines:
            indented = text[s] in " \t"
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if s >= e:
                continue
            kind = _kind(text[s:e])
            if indented and out and out[-1][2] == "list" and kind in ("text", "title"):
                out[-1] = (out[-1][0], e, "list")  # a list item's wrapped continuation
            else:
                out.append((s, e, kind))
        return out

    def paragraph_at(self, offset: int) -> Optional[Paragraph]:
        """The paragraph holding ``offset``, or None between paragraphs."""
        paras = self.paragraphs
        i = bisect_right(self._paragraph_starts, offset) - 1
        if i >= 0 and paras[i].start <= offset < paras[i].end:
            return paras[i]
        return None

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    def lang_at(self, offset: int) -> Optional[str]:
        p = self.paragraph_at(offset)
        return p.lang if p else self.lang

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentence spans ``(start, end)``, never crossing a paragraph.

        One scan of the whole text finds the candidate ends; each paragraph then takes the
        ones inside it (an end right at a paragraph's end is that paragraph's end anyway).
        """
        text = self.text
        ends = [m.span() for m in (_ASCII_SENT_END if text.isascii() else _SENT_END).finditer(text)]
        out = []
        i = 0
        n = len(ends)
        for p in self.paragraphs:
            while i < n and ends[i][0] < p.start:
                i += 1
            s = p.start
            while i < n and ends[i][1] <= p.end:
                dot, end = ends[i]
                i += 1
                if text[dot] == "." and _is_abbreviation(text, p.start, dot):
                    continue
                out.append((s, end))
                s = end
                while s < p.end and text[s].isspace():
                    s += 1
            if s < p.end:
                out.append((s, p.end))
        return out

    @cached_property
    def words(self) -> list[tuple[int, int, str]]:
        """Word tokens ``(start, end, text)``: letters/digits with inner apostrophes and
        hyphens; a run of CJK characters is one token."""
        parts = (_ASCII_WORD_SPLIT if self.text.isascii() else _WORD_SPLIT).split(self.text)
        ends = list(accumulate(map(len, parts)))
        return list(zip(ends[0::2], ends[1::2], parts[1::2]))

    @cached_property
    def lowered(self) -> str:
        """``text.lower()``, computed once and shared by every rule that searches in lower
        case. Lower-casing may change the length (Turkish 'İ' becomes two code points):
        offsets into it are offsets into ``text`` only when the lengths are equal.

        >>> Document("Hello World").lowered
        'hello world'
        """
        return self.text.lower()

    @cached_property
    def tokens(self) -> list[str]:
        """The word tokens as written, in order (the texts of :attr:`words`, without
        offsets: one ``findall``, half the cost of ``words``).

        >>> Document("the cat and the hat").tokens
        ['the', 'cat', 'and', 'the', 'hat']
        """
        if "words" in self.__dict__:
            return list(map(itemgetter(2), self.words))
        return (ASCII_WORD if self.text.isascii() else WORD).findall(self.text)

    @cached_property
    def word_set(self) -> frozenset:
        """The distinct word tokens as written, for rules that first ask "which words
        occur?" and look for positions only when one matters.

        >>> sorted(Document("the cat and the hat").word_set)
        ['and', 'cat', 'hat', 'the']
        """
        return frozenset(self.tokens)

    @cached_property
    def word_count(self) -> int:
        """Words as :func:`lint.textutil.word_count` counts them (CJK characters 1/1.5
        each), derived from :attr:`tokens`.

        >>> Document("It's 3 words? 北京大学").word_count
        6
        """
        return word_count_of_tokens(self.tokens, self.text)


#: first characters of a heading, list item, quote or table line (with digits, and a letter
#: followed by "." or ")"): a block starting otherwise needs no pattern test
_MARKUP_START = frozenset("#-*+•·–—▪◦>|")


def _may_be_marked(text: str, start: int) -> bool:
    """False when the line at ``start`` cannot be a heading, list item, quote or table row."""
    c = text[start]
    return c in _MARKUP_START or c.isdigit() or text[start + 1 : start + 2] in (".", ")")


def _kind(block: str) -> str:
    if _may_be_marked(block, 0):
        if _HEADING.match(block):
            return "heading"
        if _LIST_ITEM.match(block):
            return "list"
        if _QUOTE_LINE.match(block):
            return "quote"
        if _TABLE_LINE.match(block):
            return "table"
    if len(block) < 120 and "\n" not in block and not _ENDS_TERMINAL.search(block):
        return "title"
    return "text"


def _is_abbreviation(text: str, para_start: int, dot: int) -> bool:
    """True when the '.' at ``dot`` ends an abbreviation or an initial, not a sentence."""
    lo = max(para_start, dot - 12)
    if dot - 7 >= lo and text[dot - 7 : dot].isalpha():
        return False  # a word of seven letters or more: longer than any abbreviation
    before = text[lo:dot]
    m = _TAIL_WORD.search(before)
    if not m:
        return False
    word = m.group().lower().strip(".")
    if not word:
        return False
    if word in ABBREVIATIONS:
        return True
    # single capital initial: "J. Smith"
    return len(word) == 1 and text[dot - 1].isupper()


def _paragraph_language(ptext: str, doc_lang: Optional[str]) -> Optional[str]:
    """A paragraph's own language, when it clearly differs from the document's."""
    return _language.detect_paragraph(ptext, doc_lang)
