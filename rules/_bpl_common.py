"""Shared helpers of the BPL (boilerplate and scrape residue) rules.

Boilerplate is a property of a *line*: a call to action, a photo credit or a copyright
notice scraped into a body is usually a line of its own (or the tail of a caption line).
These helpers load the per-language lexicons under ``lexicons/bpl/``, compile a lexicon
role into one regular expression (a trie, run by ``re``), give the first and last word of
every line from one scan each (so a rule visits only the lines that can match), and keep
findings off masked spans (URLs, Markdown markup).

Speed notes, measured on the clean corpus: ``re`` runs these patterns 2-5 times faster than
``regex``; a pattern that opens with a literal character (``\n``, ``(``, ``&``) scans several
times faster than one that opens with a class or an alternation; per-line Python work
costs ~2 µs a line, so it is kept to candidate lines.

Lexicon syntax (``lang<TAB>role<TAB>phrase``): words are separated by spaces (any run of
white space matches), an apostrophe matches ``'`` or ``’``, a trailing ``*`` on a word lets
it take an inflectional ending (``канал*`` matches ``каналу``, ``kanal*`` ``kanalımıza``).
Phrases in Chinese or Japanese get no word boundaries.

>>> rx = re.compile(phrase_alternation(["follow us", "канал*", "关注"]), re.I)
>>> [m.group() for m in rx.finditer("Follow  us on 关注 the каналу now")]
['Follow  us', '关注', 'каналу']
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from functools import lru_cache
from typing import Iterable, Optional

import regex

import lint

#: scripts written without spaces (Korean has spaces: its phrases get word boundaries, and
#: an open end ``채널*`` takes a particle)
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
#: combining marks that ``re``'s ``\w`` leaves out but that belong to a word: Devanagari
#: and other Indic vowel signs (``करें``), Arabic and Hebrew vowel points, decomposed Latin
#: accents. Inside ``[...]`` next to ``\w``.
MARKS = ("\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
         "\u0900-\u0963\u0966-\u096f\u0971-\u0dff\u0e31\u0e34-\u0e3a\u0e47-\u0e4e")
#: a word character (``\w`` or a combining mark), for ``[...]``
W = r"\w" + MARKS
#: word boundaries of Latin/Cyrillic phrases (the class of marks in a case-sensitive scope:
#: under IGNORECASE ``re`` would expand its ranges letter by letter, slow to compile)
LEFT = rf"(?-i:(?<![{W}]))"
RIGHT = rf"(?-i:(?![{W}]))"
#: CJK-aware boundaries: a word character that is not CJK (a Latin word glued to Chinese
#: text, "下载APP", still has edges). Compiling the CJK ranges costs ~1 ms, so only the
#: patterns that need it use them (case-sensitive scope: under IGNORECASE ``re`` would
#: expand the ranges letter by letter).
_NOT_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
LEFT_CJK = rf"(?-i:(?<![^\W{_NOT_CJK}])(?<![{MARKS}]))"
RIGHT_CJK = rf"(?-i:(?![^\W{_NOT_CJK}])(?![{MARKS}]))"
#: what may precede the text of a line: bullets, quotes, Markdown marks, emoji, arrows
LEAD_JUNK = rf"(?-i:[^{W}\n]*)"
_CJK_FAST = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _tokens(phrase: str, fold: bool = True) -> list[str]:
    """The phrase as a list of ``re`` tokens (no boundaries: the alternation adds them)."""
    words = (phrase.lower() if fold else phrase).split()
    toks: list[str] = []
    for wi, w in enumerate(words):
        open_end = w.endswith("*") and len(w) > 1
        if open_end:
            w = w[:-1]
        for ch in w:
            if ch in "'’":
                toks.append("['’]")
            elif ch in "-‐‑":
                toks.append("[-‐‑]")
            else:
                toks.append(re.escape(ch))
        if open_end:
            toks.append(rf"(?-i:(?:[^\W\d_]|[{MARKS}])*)")
        if wi < len(words) - 1:
            toks.append(r"\s+")
    return toks


def phrase_alternation(phrases: Iterable[str], fold: bool = True, cjk_edges: bool = False) -> str:
    """One ``re`` pattern matching any of ``phrases`` as whole words (case-folded phrases,
    compile with ``re.IGNORECASE``). The phrases are merged into a trie, so the pattern
    tries one branch per character instead of every phrase at every position; the word
    boundaries are written once around the trie of Latin/Cyrillic phrases (which also
    keeps compiling fast); phrases with CJK characters get none (CJK has no spaces).
    ``cjk_edges``: a CJK character next to a Latin phrase counts as a boundary.

    An open-ended word (``канал*``) takes any letters, so the closing boundary holds.
    """
    tries: tuple[dict, dict] = ({}, {})
    for p in phrases:
        if not p.strip():
            continue
        node = tries[1 if _CJK.search(p) else 0]
        for tok in _tokens(p, fold):
            node = node.setdefault(tok, {})
        node[""] = {}
    latin, cjk = tries
    left, right = (LEFT_CJK, RIGHT_CJK) if cjk_edges else (LEFT, RIGHT)
    alts = ([f"{left}(?:{_emit(latin)}){right}"] if latin else []) + ([f"(?:{_emit(cjk)})"] if cjk else [])
    if not alts:
        return r"(?!x)x"
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def phrase_parts(phrases: Iterable[str]) -> tuple[str, str, str]:
    """The pieces of :func:`phrase_alternation` (``cjk_edges=True``) for a search that
    skips ahead at C speed: ``(latin, cjk, firsts)``, the trie of the Latin/Cyrillic
    phrases with its closing boundary but without the opening one, the trie of the CJK
    phrases (``""`` when none), and the characters a Latin/Cyrillic phrase can start with
    (lower case; empty when there are none). A match of the full alternation is a match of
    ``latin`` at a position after a boundary character (or at 0) that starts with one of
    ``firsts``, or a match of ``cjk``.

    >>> latin, cjk, firsts = phrase_parts(["follow us", "’s", "关注"])
    >>> sorted(firsts), cjk
    (["'", 'f', '’'], '(?:关注)')
    """
    tries: tuple[dict, dict] = ({}, {})
    firsts: set = set()
    for p in phrases:
        if not p.strip():
            continue
        cjk = bool(_CJK.search(p))
        node = tries[1 if cjk else 0]
        toks = _tokens(p)
        for tok in toks:
            node = node.setdefault(tok, {})
        node[""] = {}
        if not cjk:
            ch = p.lower().split()[0][0]
            firsts.update("'’" if ch in "'’" else "-‐‑" if ch in "-‐‑" else ch)
    latin, cjk = tries
    return (f"(?:{_emit(latin)}){RIGHT_CJK}" if latin else "", f"(?:{_emit(cjk)})" if cjk else "",
            "".join(sorted(firsts)))


def _emit(node: dict) -> str:
    end = "" in node
    alts = [k + _emit(node[k]) for k in node if k != ""]
    if not alts:
        return ""
    if len(alts) == 1 and not end:
        return alts[0]
    return "(?:" + "|".join(alts) + ")" + ("?" if end else "")


@lru_cache(maxsize=None)
def agency_pattern() -> str:
    """Case-sensitive alternation of the agencies in ``lexicons/bpl/agencies.txt`` (and
    their all-capitals spellings)."""
    names = set()
    for name in word_list("agencies"):
        names.add(name)
        names.add(name.upper())
    return phrase_alternation(names, fold=False)


@lru_cache(maxsize=None)
def lexicon(name: str) -> dict[str, list[tuple[str, str]]]:
    """``role -> [(lang, phrase), ...]`` from ``lexicons/bpl/<name>.tsv``."""
    rows = lint.read_tsv(lint.data_path(__file__, "lexicons", "bpl", f"{name}.tsv"), 3)
    out: defaultdict[str, list[tuple[str, str]]] = defaultdict(list)
    for lang, role, phrase, *_ in rows:
        out[role].append((lang, phrase))
    return dict(out)


def role_pattern(name: str, *roles: str, cjk_edges: bool = False) -> str:
    """The alternation of every phrase of some roles of a lexicon."""
    lex = lexicon(name)
    return phrase_alternation((p for r in roles for _, p in lex.get(r, ())), cjk_edges=cjk_edges)


@lru_cache(maxsize=None)
def word_list(name: str) -> tuple[str, ...]:
    """Entries of a one-column list ``lexicons/bpl/<name>.txt`` (comments skipped)."""
    rows = lint.read_tsv(lint.data_path(__file__, "lexicons", "bpl", f"{name}.txt"))
    return tuple(r[0] for r in rows if r and r[0])


def count_words(text: str, start: int = 0, end: Optional[int] = None) -> int:
    """Words in ``text[start:end]`` (white-space separated); CJK characters count 1/1.5
    each, as the scorecard does. Cheap: ``str.split`` unless the span holds CJK.

    >>> count_words("Follow us on Twitter"), count_words("关注我们的微信公众号")
    (4, 6)
    """
    s = text[start:end]
    if s.isascii() or not _CJK_FAST.search(s):
        return len(s.split())
    cjk = len(_CJK_FAST.findall(s))
    return len(_CJK_FAST.sub(" ", s).split()) + int(cjk / 1.5)


def nonblank_lines(doc: "lint.Document") -> list[tuple[int, int]]:
    """Every non-blank line ``(start, end)`` (trimmed), cached on the document."""
    cached = doc.cache.get("bpl.lines")
    if cached is None:
        text = doc.text
        cached = []
        append = cached.append
        for m in _ANY_LINE.finditer(text):
            s, e = m.span()
            if text[s].isspace() or text[e - 1].isspace():
                while s < e and text[s].isspace():
                    s += 1
                while e > s and text[e - 1].isspace():
                    e -= 1
                if s >= e:
                    continue
            append((s, e))
        doc.cache["bpl.lines"] = cached
    return cached


_ANY_LINE = re.compile(r"[^\n]+")


def in_word_list(doc: "lint.Document", start: int, end: int) -> bool:
    """True when the line ``[start, end)`` sits in a block of one- or two-word lines (a
    neighbouring line of the same block, no blank line between, is that short): it is an
    item of a list (of keywords, labels, names), not a label scraped from a web page."""
    lines = nonblank_lines(doc)
    i = bisect_left(lines, (start + 1,)) - 1
    text = doc.text
    for j in (i - 1, i + 1):
        if 0 <= j < len(lines) and j != i:
            s, e = lines[j]
            gap = text[min(e, end):max(s, start)]
            if gap.count("\n") <= 1 and count_words(text, s, e) <= 2:
                return True
    return False


def line_rank(doc: "lint.Document", start: int) -> tuple[int, int]:
    """(index of the line holding ``start`` among non-blank lines, number of such lines)."""
    lines = nonblank_lines(doc)
    i = bisect_left(lines, (start + 1,)) - 1
    return max(i, 0), len(lines)


#: source formats written by hand, not scraped
AUTHORED_FORMATS = ("markdown", "html")
#: the confidence of a BPL finding in such a source (reported as info)
AUTHORED_CONFIDENCE = 0.3


def authored(doc: "lint.Document", confidence: float, severity: Optional[str] = None) -> tuple[float, Optional[str]]:
    """(confidence, severity) of a BPL finding in ``doc``: as given, or in a Markdown or
    HTML source, written rather than scraped, where a call to action or a copyright notice
    is most often the author's own (a README's "follow us", a page's footer), as info with
    AUTHORED_CONFIDENCE at most, so a pre-commit run on a project's docs does not fail on
    them. Plain text and corpus records keep the warning.

    >>> from lint.document import Document
    >>> authored(Document("x", format="markdown"), 0.8), authored(Document("x"), 0.8)
    ((0.3, 'info'), (0.8, None))
    """
    if doc.format in AUTHORED_FORMATS:
        return min(confidence, AUTHORED_CONFIDENCE), "info"
    return confidence, severity


def unmasked(doc: "lint.Document", start: int, end: int) -> Optional[tuple[int, int]]:
    """``[start, end)`` cut before the first masked span (a URL, markup) and trimmed of
    trailing white space; None when nothing is left."""
    masked = doc.masked
    if masked:
        i = bisect_right(masked, (start, float("inf"))) - 1
        if i >= 0 and masked[i][1] > start:
            return None
        if i + 1 < len(masked) and masked[i + 1][0] < end:
            end = masked[i + 1][0]
    text = doc.text
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


_FIRST_WORD = re.compile(rf"[^{W}\n]*([{W}'’\-]+)")
_LAST_WORD = re.compile(rf"([{W}'’\-]+)[^{W}\n]*$")
_PUNCT = "!\"#$%&()*+,./:;<=>?@[\\]^_`{|}~«»“”„‘’…—–·•|"


def norm_word(w: str) -> str:
    """A word as the first-word/last-word sets store it: lower case, ' for ’, no
    combining dot (Turkish 'İ'.lower() is 'i' + U+0307)."""
    return w.lower().replace("’", "'").replace("\u0307", "")


def first_word(text: str, start: int, end: int) -> str:
    """The first word of ``text[start:end]`` (leading punctuation skipped), normalised."""
    m = _FIRST_WORD.match(text, start, end)
    return norm_word(m.group(1)) if m else ""


def last_word(text: str, start: int, end: int) -> str:
    """The last word of ``text[start:end]`` (trailing punctuation skipped), normalised."""
    parts = text[max(start, end - 40):end].rsplit(None, 1)
    if not parts:
        return ""
    w = parts[-1].strip(_PUNCT)
    if not w.isascii():  # other closing punctuation ("।", "،"): as edge_words cuts a word
        m = _LAST_WORD.search(w)
        w = m.group(1) if m else w
    return norm_word(w)


_HEAD = re.compile(rf"\n[^{W}\n]*([{W}'’\-]+)")
_HEAD0 = re.compile(rf"[^{W}\n]*([{W}'’\-]+)")


def line_heads(doc: "lint.Document") -> list[tuple[str, int]]:
    """``(first word lower-cased, its offset)`` for every line, cached on the document.

    One scan with a literal-prefix pattern (``\\n``), so a rule that only cares about lines
    opening with certain words tests set membership instead of visiting every line.
    """
    heads = doc.cache.get("bpl.heads")
    if heads is None:
        text = doc.text
        heads = [(m.group(1).lower(), m.start(1)) for m in _HEAD.finditer(text)]
        m = _HEAD0.match(text)
        if m:
            heads.insert(0, (m.group(1).lower(), m.start(1)))
        doc.cache["bpl.heads"] = heads
    return heads


_TAIL_REV = re.compile(rf"\n[^{W}\n]*([{W}'’\-]+)")


def line_tails(doc: "lint.Document") -> list[tuple[str, int]]:
    """``(last word lower-cased, offset just after it)`` for every line, cached.

    The same literal-prefix scan as :func:`line_heads`, run on the reversed text (reversing
    a string is a C-speed copy), so the last words of all lines cost one pass too.
    """
    tails = doc.cache.get("bpl.tails")
    if tails is None:
        rev = "\n" + doc.text[::-1] + "\n"
        n = len(rev) - 1
        tails = [(m.group(1)[::-1].lower(), n - m.start(1)) for m in _TAIL_REV.finditer(rev)]
        doc.cache["bpl.tails"] = tails
    return tails


def line_at(doc: "lint.Document", pos: int) -> tuple[int, int]:
    """The trimmed line ``(start, end)`` holding ``pos`` (the line of ``doc.line_span``,
    found with ``str.rfind``/``str.find`` around ``pos``: no table of line starts), cached
    per document: the BPL rules visit the same lines (Chinese and Japanese lines, mostly)."""
    cache = doc.cache.get("bpl.line_at")
    if cache is None:
        cache = doc.cache["bpl.line_at"] = {}
    got = cache.get(pos)
    if got is None:
        text = doc.text
        s = text.rfind("\n", 0, pos) + 1
        e = text.find("\n", pos)
        if e < 0:
            e = len(text)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        got = cache[pos] = (s, e)
    return got


def edge_words(name: str, roles: Iterable[str], last: bool = False) -> frozenset:
    """First (or last) words of the non-CJK phrases of some lexicon roles: a line whose
    first word is not in this set cannot match a pattern anchored at its start."""
    out = set()
    lex = lexicon(name)
    for role in roles:
        for _, phrase in lex.get(role, ()):
            words = phrase.split()
            w = (words[-1] if last else words[0]).rstrip("*")
            if w and not _CJK.match(w[0]):
                m = _FIRST_WORD.match(w) if not last else _LAST_WORD.search(w)
                if m:
                    w = norm_word(m.group(1))
                    # the spellings a plain .lower() of the text gives
                    out.update({w, w.replace("'", "’"), w.replace("i", "i\u0307", 1) if "i" in w else w})
    return frozenset(out)


class Spans:
    """Disjoint ``[start, end)`` spans already reported, with a logarithmic overlap test
    (a rule that reports thousands of lines must not compare each with all the others).

    >>> done = Spans(); done.add(10, 20); done.add(30, 40)
    >>> done.overlaps(15, 16), done.overlaps(20, 30), done.contains(35)
    (True, False, True)
    """

    __slots__ = ("_starts", "_ends")

    def __init__(self):
        self._starts: list[int] = []
        self._ends: list[int] = []

    def add(self, start: int, end: int) -> None:
        i = bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self._starts, max(start, end - 1))
        # spans are disjoint, so only the one starting last before ``end`` (and the one
        # before it, for zero-width queries) can overlap
        for k in (i - 1, i - 2):
            if k >= 0 and self._starts[k] < max(end, start + 1) and self._ends[k] > start:
                return True
        return False

    def contains(self, pos: int) -> bool:
        return self.overlaps(pos, pos + 1)


def quote(s: str, n: int = 60) -> str:
    """``s`` on one line, shortened for a message."""
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"
