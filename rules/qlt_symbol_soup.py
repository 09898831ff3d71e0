"""QLT003 symbol-soup: paragraphs made mostly of symbols and digits, not words.

Tables flattened into text, tracking codes, leaked markup, binary or encoded data read as
text, navigation made of separators: in all of them letters are a minority. Gopher (Rae
et al. 2021) keeps a document only when 80% of its words contain a letter and the ratio
of '#' and ellipses to words stays under 0.1.

>>> import lint
>>> soup = "Total: 4,310.55 | 12/03/2021 | #8841-22-0937 | $ 1,220.00 | 98.6% | 0x3F2A | 1,337 ; 42:17"
>>> [f.rule for f in lint.check_text(SymbolSoup(), soup, "en")]
['QLT003']
"""
from __future__ import annotations

from itertools import chain, compress, count, repeat
from operator import attrgetter, gt, mul, sub
from typing import Optional

import regex

import lint

from . import _qlt_common as Q

#: a paragraph is soup when under this share of its non-space characters are letters
#: (clean text: 0.39 at the lowest, a flattened financial table in an e-mail, over 0.5
#: for everything else measured on the Universal Dependencies treebanks of 12 languages)
MIN_LETTER_SHARE = 0.30
#: non-space characters a paragraph needs before its share means anything
MIN_CHARS = 30
#: Gopher's document-level limits (documents of 50+ words)
MIN_ALPHA_WORDS = 0.80
MAX_HASH_ELLIPSIS_PER_WORD = 0.10
MIN_DOC_WORDS = 50

#: a run of one repeated symbol (a separator line "-----", "*****") counts as one character
_RUN = regex.compile(r"([^\p{L}\p{N}\s])\1{2,}")
_LETTERS = regex.compile(r"[\p{L}\p{M}]+")
_SPACE = regex.compile(r"\s+")
#: whitespace-separated tokens without any letter
_NO_LETTER_TOKEN = regex.compile(r"(?<!\S)[^\p{L}\s]+(?!\S)")
_ELLIPSIS = regex.compile(r"\.\.\.|…|#")
_LETTER_RUN = regex.compile(r"\p{L}+")
_START, _END = attrgetter("start"), attrgetter("end")
#: characters ``str.split`` takes for spaces and the regex's \s does not
_SEPARATORS = "\x1c\x1d\x1e\x1f"
#: punctuation stripped from a token before asking whether it is a word
_PUNCT = ".,;:!?\"'()[]{}«»“”‘’„‹›-–—…。，、；：！？（）「」『』《》"


def letter_share(text: str) -> tuple[float, int]:
    """(letters / non-space characters, non-space characters), separator runs as one.

    >>> round(letter_share("ab 12 --------- cd")[0], 2)
    0.57
    """
    text = _RUN.sub(r"\1", text)
    nonspace = len(_SPACE.sub("", text))
    if not nonspace:
        return 1.0, 0
    letters = nonspace - len(_LETTERS.sub("", _SPACE.sub("", text)))
    return letters / nonspace, nonspace


#: UTF-8 bytes that each stand for one letter (\p{L}, which no separator-run collapse
#: removes): ASCII letters, and the lead bytes of sequences whose code points are all letters
#: (C4-CA: U+0100-U+02BF, Latin Extended and IPA; D0-D1: U+0400-U+047F, Cyrillic; E5-E9:
#: U+5000-U+9FFF, CJK ideographs); C3 (U+00C0-U+00FF) too when the text holds no × or ÷, the
#: only two non-letters there. A continuation byte (80-BF) is none of them, so each of these
#: bytes is one letter. tests/test_qlt_speed_equivalence.py checks every code point.
_LETTER_BYTES = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\xc4\xc5\xc6\xc7\xc8\xc9\xca"
                          b"\xd0\xd1\xe5\xe6\xe7\xe8\xe9")
_LATIN1_LEAD = 0xC3
#: ASCII whitespace (all of it \s and str.isspace)
_SPACE_BYTES = frozenset(b" \t\n\r\x0b\x0c")
#: the lead bytes of all the whitespace beyond ASCII (U+0085, U+00A0: C2; U+1680: E1;
#: U+2000-U+200A, U+2028, U+2029, U+202F, U+205F: E2; U+3000: E3), and of other characters
_WIDE_SPACE_LEADS = frozenset(b"\xc2\xe1\xe2\xe3")
#: the shape of a text's UTF-8 bytes, one byte for one: "a" a letter (the byte of one),
#: " " ASCII whitespace, "w" a lead byte of wider whitespace (or of another character), \x00
#: itself, "x" any other byte; [C3 a letter?]
_SHAPE = {c3: bytes(ord("a") if b in _LETTER_BYTES or (c3 and b == _LATIN1_LEAD) else
                    ord(" ") if b in _SPACE_BYTES else ord("w") if b in _WIDE_SPACE_LEADS else
                    0 if b == 0 else ord("x") for b in range(256))
          for c3 in (False, True)}


class Bounds:
    r"""For every paragraph at once, at C speed: ``letters``, at most its letters (\p{L}),
    and ``sizes``, at least its non-space characters (its length less its ASCII whitespace);
    and :meth:`letterless_tokens`, at least the whitespace tokens without a letter.

    The paragraphs' UTF-8 bytes, joined by \x00 (when the text has none), are translated
    into their shape (:data:`_SHAPE`), whose "a" and " " are counted paragraph by paragraph
    (split at the \x00s) by deleting the other bytes, then the "a"s.

    >>> from lint.document import Document
    >>> doc = Document("Año 2021: 北京 — ok\n\n12 | 34 | 56")
    >>> b = Bounds(doc.text, doc.paragraphs)
    >>> b.letters, b.sizes, b.letterless_tokens()  # 京 (U+4EAC, lead byte E4) is not counted
    ([6, 0], [13, 8], 7)
    """

    __slots__ = ("letters", "sizes", "_shape", "_joins")

    def __init__(self, text: str, paras):
        spans = map(slice, map(_START, paras), map(_END, paras))
        self._joins = len(paras) - 1  # the \x00s
        shape = _SHAPE["\u00d7" not in text and "\u00f7" not in text]
        if "\x00" in text:  # no separator to join with: one paragraph at a time
            self._shape = None
            parts = [part.encode("utf-8", "surrogatepass").translate(shape).translate(None, b"xw\x00")
                     for part in map(text.__getitem__, spans)]
        else:
            self._shape = "\x00".join(map(text.__getitem__, spans)).encode("utf-8", "surrogatepass").translate(shape)
            parts = self._shape.translate(None, b"xw").split(b"\x00")
        spaces = list(map(bytes.count, parts, repeat(b" ")))
        self.letters = list(map(sub, map(len, parts), spaces))
        self.sizes = list(map(sub, map(sub, map(_END, paras), map(_START, paras)), spaces))

    def letterless_tokens(self) -> Optional[int]:
        r"""At least the whitespace tokens (str.split's) without a letter, or None when the text
        holds \x00: each starts a run of the shape with an "x" (its first byte, or the second
        when the first is a "w") after " " or "w", or is the first of the text or of a
        paragraph, or follows wide whitespace, which ends with an "x" after its "w" and starts
        the run the token is in: a run of its own either way."""
        shape = self._shape
        if shape is None:
            return None
        return shape.count(b" x") + shape.count(b"wx") + shape.startswith(b"x") + self._joins


class SymbolSoup(lint.Rule):
    """A paragraph in which letters are under 30% of the characters (at least 30 of them;
    a separator line such as ``-----`` counts as one character): numbers, codes and symbols
    with hardly a word, such as a table flattened into a line, tracking codes, leaked
    markup or data read as text. Markdown tables are not checked.

    For a document of 50 words or more, Gopher's limits (Rae et al. 2021) are also checked
    and reported as info: under 80% of the words contain a letter, or more than one '#'
    or ellipsis per ten words. Clean text in 12 languages never has a paragraph under 39%
    letters; flattened tables in e-mails come closest."""

    code = "QLT003"
    name = "symbol-soup"
    severity = "warning"
    summary = "paragraph made mostly of symbols and digits"
    fix_hint = "Remove the residue (tables, codes, markup) or extract the text again."
    confidence = 0.6
    matches = (
        lint.Example("Results below.\n\nTotal: 4,310.55 | 12/03/2021 | #8841-22-0937 | $ 1,220.00 | 98.6% | "
                     "0x3F2A | 1,337 ; 42:17", "en", covers="4,310.55"),
        lint.Example("Risultati:\n\n{{ 0.33 }} [[ 17 ]] <<< 48.2 >>> %% 19:44 %% ## 2023-11-02 ## @@ 7741 @@",
                     "it", covers="0.33"),
        lint.Example("结果如下。\n\n#4411 %% 9,310.7 | 88/12 | $$ 71.004 | 2023-08-19 | ** 6622 ** | 0.88%",
                     "zh", covers="4411"),
        lint.Example("Ergebnisse: ;;;;; 1.1.1 ][ 2.2.2 ][ 3.3.3 }{ 4.4.4 }{ 5.5.5 )( 6.6.6 )( 7.7.7", "de"),
    )
    no_matches = (
        lint.Example("The meeting is on 12 March 2024 at 10:30 in room 4.2; bring the Q3 figures "
                     "(revenue up 4.5% to $1.2m).", "en"),
        lint.Example("Thanks,\nJohn\n\n---------------------------------------------\n"
                     "John Smith | Example Ltd | +44 20 7946 0958", "en"),
        lint.Example("| year | sales | growth |\n|------|-------|--------|\n| 2021 | 1,200 | 4.5% |\n"
                     "| 2022 | 1,340 | 11.7% |", "en", format="markdown"),
        lint.Example("该市镇总面积11.61平方公里，2009年时的人口为323人，人口密度为每平方公里27.8人。", "zh"),
        lint.Example("Il decreto n. 2019/1187 del 3.12.2019, art. 4, comma 2, lettera b), è stato abrogato.", "it"),
    )

    def check(self, doc):
        text = doc.text
        paras = doc.paragraphs
        if not paras:
            return  # no token: neither a paragraph nor the document is judged
        # letters (at least) and non-space characters (at most) of every paragraph at once, at C
        # speed (:class:`Bounds`): only the paragraphs where the letters may make less than the
        # share are examined one by one, with the exact tests, in order
        bounds = Bounds(text, paras)
        letters, sizes = bounds.letters, bounds.sizes
        flagged = False
        separators = None  # whether the text holds \x1c-\x1f, once a paragraph asks
        for i in compress(count(), map(gt, map(mul, sizes, repeat(3)), map(mul, letters, repeat(10)))):
            para = paras[i]
            if para.kind == "table" or para.end - para.start < MIN_CHARS or sizes[i] < MIN_CHARS:
                continue
            if separators is None:
                separators = any(map(text.__contains__, _SEPARATORS))
            share = self._soup(doc, para, separators)
            if share is None:
                continue
            flagged = True
            share, chars = share
            yield self.finding(doc, para.start, para.end,
                               f"symbol and digit soup: only {share:.0%} of {chars} characters are letters "
                               f"(prose has 70% or more)")
        words = doc.word_count  # counts CJK text fairly, where whitespace tokens do not
        if words < MIN_DOC_WORDS:
            return
        if not flagged and doc.lang not in ("zh", "ja"):
            yield from self._alpha_words(doc, bounds)
        marks = text.count("#") + text.count("...") + text.count("…")
        if marks / words > MAX_HASH_ELLIPSIS_PER_WORD:
            m = _ELLIPSIS.search(text)
            yield self.finding(doc, m.start(), m.end(),
                               f"{marks} '#' and ellipses in {words} words (Gopher keeps documents with "
                               f"under one per ten words)", severity="info", confidence=0.3)

    @staticmethod
    def _soup(doc, para, separators: bool) -> Optional[tuple[float, int]]:
        r"""(letter share, characters) of a paragraph that is soup, else None: Gopher-style tests
        from the cheapest to the exact one (each a bound of the next, all required).

        The whitespace tokens are the lower-cased text's (which keeps every character's length,
        whether it is a letter and whether it is in _PUNCT), but for "İ", which lower-cases to
        "i" and a combining dot (:func:`_qlt_common.lower_tokens` splits the same way).
        ``separators``: whether the text holds \x1c-\x1f."""
        text = doc.text
        ptext = text[para.start:para.end]
        part = (ptext if "\u0130" in text else ptext.lower()).split()
        nonspace = len("".join(part))
        if nonspace < MIN_CHARS:
            return None
        # the letters of the tokens that are words: a lower bound of the paragraph's letters
        if len("".join(filter(str.isalpha, part))) >= nonspace * MIN_LETTER_SHARE:
            return None
        # the letters of the text, CJK text too (which has no spaces between words), against the
        # non-space characters before separator runs are collapsed (more than after; the regex's
        # \s, unlike str.split, leaves out \x1c-\x1f)
        upper = nonspace
        if separators:
            upper += sum(map(ptext.count, _SEPARATORS))
        if sum(map(len, _LETTER_RUN.findall(ptext))) >= upper * MIN_LETTER_SHARE:
            return None
        # the letters of the words, with punctuation stripped from the tokens
        if sum(map(len, filter(str.isalpha, map(str.strip, part, repeat(_PUNCT))))) >= MIN_LETTER_SHARE * nonspace:
            return None
        share, chars = letter_share(ptext)
        if chars < MIN_CHARS or share >= MIN_LETTER_SHARE:
            return None
        return share, chars

    def _alpha_words(self, doc, bounds: Bounds):
        r"""Gopher's share of words with a letter (documents not in Chinese or Japanese, with no
        soup paragraph): the finding, if any.

        Without \x1c-\x1f (str.isspace, not \s) in the text, the regex's tokens are str.split's.
        With at most a fifth of them without a letter (:meth:`Bounds.letterless_tokens`), the
        share is 80% or more (n / t <= 1/5; in floating point too: fl(n / t) <= fl(1/5), and
        1 - fl(1/5) rounds to fl(0.8))."""
        text = doc.text
        tokens = len(Q.lower_tokens(doc)[0])  # shared with the other QLT rules
        if not any(map(text.__contains__, _SEPARATORS)):
            letterless = bounds.letterless_tokens()
            if letterless is not None and 5 * letterless <= tokens:
                return
        if "\u0130" in text:
            paras = doc.paragraphs
            parts = list(chain.from_iterable(map(str.split, map(text.__getitem__, map(
                slice, map(_START, paras), map(_END, paras))))))
        else:
            parts = Q.lower_tokens(doc)[0]
        if sum(map(str.isalpha, parts)) >= MIN_ALPHA_WORDS * tokens:
            return
        if sum(map(str.isalpha, map(str.strip, parts, repeat(_PUNCT)))) >= MIN_ALPHA_WORDS * tokens:
            return
        no_letter = _NO_LETTER_TOKEN.findall(text)
        alpha = 1 - len(no_letter) / tokens
        if alpha < MIN_ALPHA_WORDS:
            m = _NO_LETTER_TOKEN.search(text)
            yield self.finding(doc, m.start(), m.end(),
                               f"only {alpha:.0%} of the words contain a letter (Gopher keeps documents "
                               f"where 80% do)", severity="info", confidence=0.3)
