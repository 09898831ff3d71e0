"""FRG012-FRG014: whitespace noise inside prose.

Text put back together from tokens, OCR or HTML keeps traces of it: a space before a comma
or full stop (``word , word``), runs of spaces and tabs inside a line, and ASCII spaces
between Chinese or Japanese characters, where the writing system uses none. They are
cosmetic, so these rules report at ``info`` severity, with safe fixes.

>>> import lint
>>> [f.suggestion for f in lint.check_text(WhitespaceRun(), "Two  spaces here.", "en")]
[' ']
"""
from __future__ import annotations

from bisect import bisect_right
import re

import regex

import lint

#: a punctuation mark after a space (the run of spaces before it is then walked back in
#: Python): the pattern starts with the marks, rarer than spaces, which the engine skips to
#: at C speed
_SPACE_BEFORE = re.compile(r"[,.;:!?](?<=[ \t\u00a0].)(?=[ \t\n\"”’»]|$)")
#: the same marks in a text without tabs and no-break spaces, where the space before them
#: can only be " ": a pattern that opens with that literal is skipped to faster still (its
#: matches, a space and the mark, never overlap, so they are the marks of _SPACE_BEFORE)
_SPACE_BEFORE_PLAIN = re.compile(r" [,.;:!?](?=[ \t\n\"”’»]|$)")
_MARK = regex.compile(r"\p{M}")
#: French typography puts a (thin) space before these, and inside « »
_FRENCH_SPACED = frozenset(";:!?")
#: sentence punctuation inside a line of prose (a mark, then a space or the line's end):
#: a line of table columns has none
_PROSE_PUNCT = re.compile(r"[.!?,;…。！？，；](?:[ \t\u00a0\"”’»)]|$)", re.MULTILINE)
_RUN = regex.compile(r"(?<=[^\s])(?:[ \u00a0]{2,}|[ \u00a0]*\t[ \t\u00a0]*)(?=[^\s])")
_CJK_SPACE = regex.compile(
    r"(?<=[\p{Han}\p{Hiragana}\p{Katakana}ー])[ \u00a0]+(?=[\p{Han}\p{Hiragana}\p{Katakana}ー])"
)
_HAN = regex.compile(r"\p{Han}")


def _han_run_before(text, i):
    """Length of the run of Han characters ending at ``i`` (at most 5 counted)."""
    n = 0
    while n < 5 and i - n - 1 >= 0 and _HAN.match(text[i - n - 1]):
        n += 1
    return n


class SpaceBeforePunctuation(lint.Rule):
    """A space before a comma, full stop, semicolon, colon, question or exclamation mark
    (``word , word``, ``this story :``): the trace of text rebuilt from tokens. French puts a
    space before ``; : ! ?`` by rule, so only ``,`` and ``.`` count there. Ellipses
    (``...``), emoticons (``:)``) and dashes are not reported.

    >>> import lint
    >>> len(lint.check_text(SpaceBeforePunctuation(), "Vraiment ? Oui : bien sûr !", "fr"))
    0
    """

    code = "FRG012"
    name = "space-before-punctuation"
    severity = "info"
    summary = "space before a punctuation mark"
    fix_hint = "Remove the space before the punctuation mark."
    fix = "safe"
    confidence = 0.2
    languages = ("en", "it", "es", "fr", "de", "pt", "ru", "tr", "nl", "pl", "sv", "ro")
    matches = (
        lint.Example("The young men left , and nobody stopped them .", "en", covers=" ,"),
        lint.Example("Sono partiti , e nessuno li ha fermati.", "it", covers=" ,"),
        lint.Example("Ils sont partis , et personne ne les a arrêtés.", "fr", covers=" ,"),
        lint.Example("Se fueron ; nadie los detuvo.", "es", covers=" ;"),
    )
    no_matches = (
        lint.Example("Vraiment ? Oui : bien sûr ! « Allons-y » ; partons.", "fr"),
        lint.Example("Well ... I think so :) and you ;-) - maybe.", "en"),
        lint.Example("The value is .5 and the file is .bashrc here.", "en"),
    )

    def check(self, doc):
        text = doc.text
        if "\t" in text or "\u00a0" in text:  # one character each: memchr speed
            marks = [m.start() for m in _SPACE_BEFORE.finditer(text)]
        else:
            marks = [m.start() + 1 for m in _SPACE_BEFORE_PLAIN.finditer(text)]
        for k in marks:
            start = k - 1  # the run of spaces before the mark, from its start
            while start > 0 and text[start - 1] in " \t\u00a0":
                start -= 1
            if start == 0 or not (text[start - 1].isalnum() or _MARK.match(text, start - 1)):
                continue
            punct = text[k]
            lang = doc.lang_at(start)
            if lang not in self.languages:
                continue
            if lang == "fr" and punct in _FRENCH_SPACED:
                continue
            yield self.finding(doc, start, k + 1, f"space before '{punct}'", suggestion=punct)


class WhitespaceRun(lint.Rule):
    """A run of two or more spaces, or a tab, inside a line of prose: the trace of removed
    markup, columns or justification. Indentation, exactly two spaces after a full stop (a
    typing convention; three or more, or a tab, are not) and aligned columns are not
    reported: a line with several runs is taken for a row of columns when a neighbouring line
    has runs too or when it has no sentence punctuation (a row of a table), not when it is a
    sentence (``podnik   doporučuje   cestujícím, aby...``). The fix keeps one space.

    >>> import lint
    >>> len(lint.check_text(WhitespaceRun(), "One sentence.  Another one.", "en"))
    0
    """

    code = "FRG013"
    name = "whitespace-run"
    severity = "info"
    summary = "run of spaces or a tab inside a line"
    fix_hint = "Replace the run with one space."
    fix = "safe"
    confidence = 0.15
    languages = None
    matches = (
        lint.Example("The young men    left the country.", "en", covers="    "),
        lint.Example("I giovani\tsono partiti ieri.", "it", covers="\t"),
        lint.Example("Los jóvenes  se fueron ayer.", "es", covers="  "),
        lint.Example("Het station gaat dicht.    De reizigers wachten buiten.", "nl", covers="    "),
        lint.Example("Tåget var sent.\tAlla väntade på perrongen.", "sv", covers="\t"),
        lint.Example("Il pleuvait depuis le matin.   Personne ne sortait.", "fr", covers="   "),
        lint.Example("Dopravní podnik   doporučuje   cestujícím, aby si trasu naplánovali předem.", "cs",
                     covers="   doporučuje"),
        lint.Example("The museum   will open   again on Monday, the director said.", "en", covers="   will"),
    )
    no_matches = (
        lint.Example("One sentence.  Another one follows.", "en"),
        lint.Example("    indented code-like line at the start", "en"),
        lint.Example("Name    Age    City\nJohn    30     Rome", "en"),
        lint.Example("Total    120    340", "en"),
        lint.Example("Berlin, Germany    3.6 m    891 km²\nParis, France    2.1 m    105 km²", "en"),
    )

    def check(self, doc):
        text = doc.text
        if "  " not in text and "\t" not in text and ("\u00a0" not in text  # one character: found at memchr speed
                                                     or "\u00a0 " not in text and " \u00a0" not in text):
            return
        line_runs: dict = {}
        found = []
        starts = doc.line_starts
        for m in _RUN.finditer(text):
            if m.end() - m.start() == 2 and "\t" not in m.group() and text[m.start() - 1] in ".!?:;。":
                continue  # two spaces after a sentence: a typing convention (three or a tab are not)
            line = bisect_right(starts, m.start()) - 1  # the line's index
            line_runs[line] = line_runs.get(line, 0) + 1
            found.append((m, line))
        for m, line in found:
            if line_runs[line] > 1 and self._columns(doc, text, line, line_runs, starts):
                continue  # aligned columns
            p = doc.paragraph_at(m.start())
            if p is not None and p.kind == "table":
                continue
            yield self.finding(doc, m.start(), m.end(), "run of whitespace inside a line", suggestion=" ")

    @staticmethod
    def _columns(doc, text, line, line_runs, starts) -> bool:
        """True when a line with several runs is a row of columns: the line before or after
        has runs too, or the line has no sentence punctuation."""
        if line_runs.get(line - 1) or line_runs.get(line + 1):
            return True
        start, end = doc.line_span(starts[line])
        return _PROSE_PUNCT.search(text, start, end) is None


class SpaceInCJK(lint.Rule):
    """An ASCII space between two Chinese or Japanese characters: the writing system puts no
    spaces between words, so the space is left over from tokenised or OCR'd text
    (``我们 从俄罗斯``). Japanese sometimes separates a family name from a given name with a
    space (``山田 太郎``): two short runs of Han characters around one space are not
    reported in Japanese, and Japanese findings, like those in headlines and lists (where a
    space may stand for punctuation), are info only.

    >>> import lint
    >>> [f.suggestion for f in lint.check_text(SpaceInCJK(), "我们 从俄罗斯跑出来。", "zh")]
    ['']
    """

    code = "FRG014"
    name = "space-in-cjk"
    severity = "warning"
    summary = "space between two Chinese or Japanese characters"
    fix_hint = "Remove the space."
    fix = "safe"
    confidence = 0.2
    languages = ("zh", "ja")
    matches = (
        lint.Example("我们 从俄罗斯跑出来，因为我们想活下去。", "zh", covers=" "),
        lint.Example("他们在阿拉木图的 火车站等了三天。", "zh", covers=" "),
        lint.Example("私たちは ロシアから逃げました。", "ja", covers=" "),
    )
    no_matches = (
        lint.Example("我们从俄罗斯跑出来，因为我们想活下去。", "zh"),
        lint.Example("山田 太郎さんが来ました。", "ja"),
        lint.Example("他用 iPhone 拍照。", "zh"),
    )

    def check(self, doc):
        text = doc.text
        for m in _CJK_SPACE.finditer(text):
            lang = doc.lang_at(m.start())
            if lang not in self.languages:
                continue
            if lang == "ja" and 1 <= _han_run_before(text, m.start()) <= 4 and _HAN.match(text[m.end()]):
                continue  # a Japanese name: 山田 太郎
            p = doc.paragraph_at(m.start())
            weak = lang == "ja" or (p is not None and p.kind in ("title", "heading", "list", "table"))
            yield self.finding(doc, m.start(), m.end(), "space between CJK characters", suggestion="",
                               severity="info" if weak else None)
