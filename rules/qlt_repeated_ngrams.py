"""QLT004 repeated-ngrams: text that repeats the same word sequences over and over.

Gopher (Rae et al. 2021, appendix A.1.1) measures repetition with n-grams of words: the
share of characters in the most frequent 2-, 3- and 4-gram (limits 20%, 18%, 16%) and
the share of characters covered by 5- to 10-grams that occur more than once (limits 15%,
14%, 13%, 12%, 11%, 10%). Documents over a limit are mostly templated pages, keyword
stuffing or lists; this rule reports them as info (a curation signal: clean e-mail
threads and short news items with a repeated name cross these limits too). It reports a
warning for what is damage in any text: a passage repeated three or more times back to
back (a generator stuck in a loop, a scraper re-reading a page), and one phrase taking a
third of a long text (keyword stuffing).

CJK text is not split into words: there each character is a token and the n-grams are
twice as long (a Chinese word is about 1.5 characters).

>>> import lint
>>> loop = "Click the button below to claim your free prize before the offer ends today. " * 5
>>> [(f.rule, f.severity) for f in lint.check_text(RepeatedNgrams(), "Congratulations! " + loop, "en")]
[('QLT004', 'warning')]
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, deque
from functools import lru_cache
from itertools import accumulate, chain, compress, repeat
from operator import add, gt, itemgetter, le, mul, ne, neg, not_, sub

import regex

import lint

from . import _qlt_common as Q

#: Gopher's limits: characters in the most frequent n-gram ...
TOP_LIMITS = {2: 0.20, 3: 0.18, 4: 0.16}
#: ... and characters in n-grams that occur more than once
DUP_LIMITS = {5: 0.15, 6: 0.14, 7: 0.13, 8: 0.12, 9: 0.11, 10: 0.10}
#: Gopher's filters apply to documents of 50 words or more
MIN_WORDS = 50
#: warning: one n-gram over this multiple of its limit, in a document of MIN_STUFFED_WORDS
STUFFING_FACTOR = 1.6
MIN_STUFFED_WORDS = 150
#: warning: a passage of at least LOOP_MIN_TOKENS tokens repeated LOOP_REPEATS times in a row
LOOP_MIN_TOKENS = 6
LOOP_REPEATS = 3

#: CJK text: one token per CJK character, other words whole
_CJK_TOKEN = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}ー]|[[\p{L}\p{M}\p{N}]--[\p{Han}\p{Hiragana}\p{Katakana}ー]]+",
                           regex.V1)
_CJK_TOKEN_SPLIT = regex.compile("(" + _CJK_TOKEN.pattern + ")", regex.V1)
#: other text: words (what whitespace separates, without the punctuation around it)
_TOKEN_SPLIT = regex.compile(r"(\S+)")
_STRIP = ".,;:!?\"'()[]{}«»“”‘’„‹›…*"


def _has_cjk(doc) -> bool:
    return doc.lang in ("zh", "ja") or "zh" in doc.languages or "ja" in doc.languages


def _tokens(doc) -> tuple[list[str], int]:
    """Lower-cased tokens and the n-gram scale (2 for Chinese and Japanese), at C speed.
    Other text: the whitespace tokens of the lower-cased text (those of its paragraphs,
    shared with the other QLT rules), without the punctuation around them."""
    if _has_cjk(doc):
        return _CJK_TOKEN.findall(doc.lowered), 2 if doc.lang in ("zh", "ja") else 1
    return list(filter(None, map(str.strip, Q.lower_tokens(doc)[0], repeat(_STRIP)))), 1


def _spans(doc, scale) -> list[tuple[int, int]]:
    """The spans of the tokens of :func:`_tokens` (computed only to report a finding), at
    C speed: the text split into [gap, token, gap, token, ..., gap], whose running lengths
    are the offsets (as for ``Document.words``), and each token's stripped punctuation.

    >>> from lint.document import Document
    >>> _spans(Document("«Hi», he said... (ok) *** x"), 1)
    [(1, 3), (6, 8), (9, 13), (18, 20), (26, 27)]
    """
    text = doc.text
    if _has_cjk(doc):
        parts = _CJK_TOKEN_SPLIT.split(text)
        ends = list(accumulate(map(len, parts)))
        return list(zip(ends[0::2], ends[1::2]))
    parts = _TOKEN_SPLIT.split(text)
    ends = list(accumulate(map(len, parts)))
    toks = parts[1::2]
    cores = list(map(str.strip, toks, repeat(_STRIP)))
    # a token's core starts after its leading punctuation
    starts = list(map(add, ends[0::2], map(sub, map(len, toks), map(len, map(str.lstrip, toks, repeat(_STRIP))))))
    keep = list(map(bool, cores))
    return list(zip(compress(starts, keep), map(add, compress(starts, keep), map(len, compress(cores, keep)))))


def _grams(toks: list[str], n: int):
    return zip(*(toks[i:] for i in range(n)))


#: Position flags as bytes (one 0/1 byte per token or n-gram), combined at C speed through
#: Python integers: byte ``i`` of ``int.from_bytes(flags, "little")`` is flag ``i``, so a
#: shift by 8 bits moves every flag by one position and ``&`` / ``|`` combine them all at once.

def _all_window(flags: bytes, m: int) -> bytes:
    """Flag ``i`` set when flags ``i`` to ``i + m - 1`` are all set (``len(flags) - m + 1`` flags).

    >>> list(_all_window(bytes([1, 1, 0, 1, 1, 1]), 2))
    [1, 0, 0, 1, 1]
    """
    n = len(flags) - m + 1
    if n <= 0:
        return b""
    x = acc = int.from_bytes(flags, "little")
    for k in range(1, m):
        acc &= x >> (8 * k)
    return acc.to_bytes(len(flags), "little")[:n]


def _any_window(flags: bytes, m: int) -> bytes:
    """Flag ``j`` set when a window of ``m`` starting at a set flag covers ``j``
    (``len(flags) + m - 1`` flags: the positions the flagged n-grams cover).

    >>> list(_any_window(bytes([0, 1, 0]), 2))
    [0, 1, 1, 0]
    """
    x = acc = int.from_bytes(flags, "little")
    for k in range(1, m):
        acc |= x << (8 * k)
    return acc.to_bytes(len(flags) + m - 1, "little")


def _candidate_counts(toks: list[str], m: int, keep: bytes) -> tuple[Counter, bytes, list[str]]:
    """Counts of the m-grams at the positions flagged in ``keep``: the only ones that can
    occur more than once (the others hold a token that occurs once, or a shorter n-gram
    that does). Each repeated m-gram has its full count, in order of first occurrence,
    as in a count of all m-grams. Returns (counts, ``keep``, the m-grams kept).

    Only the kept m-grams are built, as strings: tokens joined by a space (no token holds
    whitespace, so the key is unambiguous). Strings, unlike tuples, are not tracked by
    the garbage collector, whose passes would otherwise grow with every n-gram kept."""
    grams = list(map(" ".join, compress(_grams(toks, m), keep)))
    return Counter(grams), keep, grams


def _repeated_flags(counted: tuple[Counter, bytes, list[str]]) -> bytearray:
    """Flags of the m-gram positions whose m-gram occurs more than once, from
    :func:`_candidate_counts` (set at C speed: ``bytearray.__setitem__`` mapped over the
    positions)."""
    counts, keep, grams = counted
    flags = bytearray(len(keep))
    starts = compress(range(len(keep)), keep)
    deque(map(flags.__setitem__, compress(starts, map(gt, map(counts.__getitem__, grams), repeat(1))), repeat(1)),
          maxlen=0)
    return flags


#: the code points a repeated token type is written as: any but \x00, which stands for every
#: token that occurs once, and the surrogates
_ID_CHARS = (range(1, 0xD800), range(0xE000, 0x110000))
_MAX_IDS = sum(map(len, _ID_CHARS))
#: the longest n-gram whose share is bounded, and its limit (the least share per token)
_TOP_M, _TOP_LIMIT = 8, 0.16
#: CJK text: its words (runs of other letters, marks and digits: of neither of the other
#: general categories, C P S Z), and what is not a token between them
_CJK_WORD = regex.compile(r"([^\p{Han}\p{Hiragana}\p{Katakana}ー\p{C}\p{P}\p{S}\p{Z}]+)")
_NOT_CJK = regex.compile(r"[^\p{Han}\p{Hiragana}\p{Katakana}ー]+")
#: ... the characters its words are written as, Hangul syllables: letters, so never found
#: between words, and no CJK token
_HANGUL = tuple(map(chr, range(0xAC00, 0xD7A4)))
_NOT_CJK_NOR_HANGUL = regex.compile(r"[^\p{Han}\p{Hiragana}\p{Katakana}ー\uac00-\ud7a3]+")
#: ... or, with more words than Hangul syllables, private-use characters (never a token)
_WORD_CHARS = (range(0xF0000, 0xFFFFE), range(0x100000, 0x10FFFE))
_MAX_WORDS = sum(map(len, _WORD_CHARS))


def _least_count(m: int, longest: int, total: int, limit: float) -> int:
    """The least count k (2 or more) for which ``k * m * longest / total > limit``, evaluated
    as the n-gram shares are (in floating point).

    >>> _least_count(2, 5, 100, 0.2), _least_count(2, 5, 1000, 0.2), _least_count(4, 50, 100, 0.16)
    (3, 21, 2)
    """
    k = max(2, int(limit * total / (m * longest)))
    while k * m * longest / total <= limit:
        k += 1
    while k > 2 and (k - 1) * m * longest / total > limit:
        k -= 1
    return k


@lru_cache(maxsize=4096)
def _in_a_row(high: int, m: int):
    r"""m characters in a row among \x01 to ``chr(high)`` (the ``high`` most frequent types): one
    of them not after another (tried only where a run of them begins: linear), then m - 1 more.
    The pattern starts with a character class, which ``re`` scans for at C speed.

    >>> [bool(_in_a_row(2, 3).search(t)) for t in ("\x01\x03\x02\x01\x03", "\x03\x02\x01\x02")]
    [False, True]
    """
    high = "[\x01-%s]" % re.escape(chr(high))
    return re.compile("%s(?<!%s%s)%s{%d}" % (high, high, high, high, m - 1))


@lru_cache(maxsize=None)
def _windows(m: int):
    r"""Every m characters in a row without \x00, overlapping, in order (a capturing look-ahead
    matches at each position: ``findall`` returns them all at C speed).

    >>> _windows(2).findall("ab\x00cde")
    ['ab', 'cd', 'de']
    """
    return re.compile("(?=([^\\x00]{%d}))" % m)


class _Grams:
    r"""The n-grams of a document's tokens that can occur more than once, counted at C speed.

    The tokens are written as one string, one character per token (``text``): each token
    type that occurs more than once as a character of its own (\x01 for the most frequent,
    \x02 for the next...), every token that occurs once as \x00. An n-gram is then a
    substring; those without \x00 (the only ones that can repeat) are found by one regex
    (:func:`_windows`) and counted, in order of first occurrence, each repeated one with its
    full count, as in a count of all n-grams. The token types occurring k times or more are
    a range of characters, so whether m of them are in a row is one regex too (:meth:`may_top`).

    Made from the tokens (:meth:`of_tokens`) or, for CJK text, whose tokens are nearly all
    single characters, from the text itself (:meth:`of_cjk`: each CJK character for itself,
    each word for a private-use character), the tokens then made only to report. With
    more repeated token types than code points (never in practice), the n-grams are the
    tokens joined by a space, kept where every token repeats (:func:`_candidate_counts`).

    >>> g = _Grams.of_tokens("a b c a b c d b".split())
    >>> g.count(3)
    Counter({'\x02\x01\x03': 2, '\x01\x03\x02': 1, '\x03\x02\x01': 1})
    >>> g.gram("\x01\x03\x02", 3), g.second("\x02\x01\x03", 3), g.chars("\x02\x01\x03", 3), g.total
    (('b', 'c', 'a'), 3, 3, 8)
    >>> from lint.document import Document
    >>> g = _Grams.of_cjk(Document("欢迎 ok 欢迎 OK! 好", lang="zh"))
    >>> g.text, g.n, g.total, g.top_chars(), g.longest(), g.toks
    ('\x01\x02\x03\x01\x02\x03\x00', 7, 9, 4, 2, ['欢', '迎', 'ok', '欢', '迎', 'ok', '好'])
    """

    __slots__ = ("text", "n", "total", "_freq", "_head", "_counts", "_least", "_ids", "_words", "_lengths",
                 "_toks", "_stripped", "_doc", "_chars", "_repeated", "_top", "_longest")

    def __init__(self, n: int, total: int, freq: Counter, toks=None, doc=None, chars=None, words=None,
                 stripped=None):
        self.n = n  # tokens
        self.total = total or 1  # characters of the tokens
        self._freq = freq  # count of each token type (CJK: of the character standing for it)
        self._toks = toks
        self._stripped = stripped  # the tokens with "" for those made of punctuation alone, if any
        self._doc = doc
        self._chars = chars  # CJK: the character standing for each token
        self._words = words  # CJK: the length of each word's character (others stand for 1)
        self._lengths = self._top = None
        counts = freq.values()
        several = list(map(gt, counts, repeat(1)))
        repeated = list(compress(freq, several))
        # only tokens that occur more than once make such n-grams (CJK: a word's character stands
        # for the word's length, any other for 1)
        lengths = map(len, repeated) if words is None else map(words.get, repeated, repeat(1))
        self._longest = max(lengths, default=1)
        # over a million repeated words (never for CJK text, whose types are characters)
        if len(repeated) > _MAX_IDS:  # pragma: no cover
            self.text = None
            self._repeated = bytes(map(gt, map(freq.__getitem__, self.toks), repeat(1)))
            return
        # the types frequent enough to make an n-gram over a limit first, most frequent first
        # (any n-gram holds at most its count times n times the longest token's characters)
        self._least = least = _least_count(_TOP_M, self._longest, self.total, _TOP_LIMIT)
        frequent = list(map(le, repeat(least), compress(counts, several)))
        head = list(compress(repeated, frequent))
        if head:
            head.sort(key=freq.__getitem__, reverse=True)
            repeated = head if len(head) == len(repeated) else head + list(compress(repeated, map(not_, frequent)))
        self._head = head
        self._counts = list(map(freq.__getitem__, head))
        self._ids = ids = dict(zip(repeated, map(chr, chain.from_iterable(_ID_CHARS))))
        if chars is not None:
            self.text = "".join(map(ids.get, chars, repeat("\x00")))
        elif stripped is not None:  # "" stands for nothing
            ids[""] = ""
            self.text = "".join(map(ids.get, stripped, repeat("\x00")))
            del ids[""]
        else:
            self.text = "".join(map(ids.get, toks, repeat("\x00")))

    @classmethod
    def of_tokens(cls, toks: list[str]) -> "_Grams":
        return cls(len(toks), len("".join(toks)), Counter(toks), toks=toks)

    @classmethod
    def of_text(cls, doc) -> "_Grams":
        """From the whitespace tokens of the lower-cased text (shared with the other QLT rules),
        stripped of the punctuation around them: those of :func:`_tokens`, counted with the
        tokens stripped to nothing, which are then left out."""
        stripped = list(map(str.strip, Q.lower_tokens(doc)[0], repeat(_STRIP)))
        freq = Counter(stripped)
        empty = freq.pop("", 0)
        return cls(len(stripped) - empty, len("".join(stripped)), freq, toks=None if empty else stripped,
                   doc=doc, stripped=stripped if empty else None)

    @classmethod
    def of_cjk(cls, doc) -> "_Grams":
        """From the text: its CJK characters, each a token, stand for themselves; its words
        (what :data:`_CJK_TOKEN` takes whole), for a character each, a Hangul syllable (a
        letter, which no word leaves between words), then everything else is deleted at once.
        With more words than Hangul syllables (never in practice): a private-use character
        each, the text between words cleaned piece by piece."""
        parts = _CJK_WORD.split(doc.lowered)  # [between, word, between, ..., between]
        words = parts[1::2]
        types = dict.fromkeys(words)
        if len(types) > _MAX_WORDS:  # pragma: no cover
            return cls.of_tokens(_tokens(doc)[0])
        if len(types) <= len(_HANGUL):
            code = dict(zip(types, _HANGUL))
            parts[1::2] = map(code.__getitem__, words)
            chars = list(_NOT_CJK_NOR_HANGUL.sub("", "".join(parts)))
        else:  # pragma: no cover
            code = dict(zip(types, map(chr, chain.from_iterable(_WORD_CHARS))))
            parts[1::2] = map(code.__getitem__, words)
            parts[0::2] = map(_NOT_CJK.sub, repeat(""), parts[0::2])
            chars = list("".join(parts))
        total = len(chars) - len(words) + sum(map(len, words))
        return cls(len(chars), total, Counter(chars), doc=doc, chars=chars,
                   words=dict(zip(code.values(), map(len, code))))

    @property
    def toks(self) -> list[str]:
        if self._toks is None:
            if self._stripped is not None:
                self._toks = list(filter(None, self._stripped))
            else:
                self._toks = _tokens(self._doc)[0]
        return self._toks

    def _len(self, types):
        """The lengths of token types (CJK: of the characters standing for them)."""
        return map(len, types) if self._words is None else map(self._words.get, types, repeat(1))

    def top_chars(self) -> int:
        """At least the characters of the token type that holds the most: those of the most
        frequent types counted, and for the others, which occur fewer than ``_least`` times
        (too few to make an n-gram over its limit), that many times the longest token."""
        if self._top is None:
            if self.text is None:  # pragma: no cover
                self._top = max(map(mul, self._freq.values(), self._len(self._freq)))
            else:
                self._top = max(max(map(mul, self._counts, self._len(self._head)), default=0),
                                (self._least - 1) * self._longest)
        return self._top

    def longest(self) -> int:
        """The length of the longest token that occurs more than once (1 if none): the only
        ones in the n-grams that occur more than once, all the bounds look at."""
        return self._longest

    def lengths(self) -> list[int]:
        """The length of each token."""
        return list(map(len, self.toks)) if self._chars is None else list(self._len(self._chars))

    def may_top(self, m: int, limit: float) -> bool:
        """False when no m-gram can be the most frequent one, occur more than once and
        hold over ``limit`` of the characters (an exact bound, without counting).

        An m-gram that occurs k times holds at most k * m * (its longest token) characters:
        under a count K it cannot exceed the limit even with the longest token, nor under a
        count K1 with the longest token of those occurring K times or more; from K1 on, its
        m tokens all occur K1 times or more: m of those in a row are somewhere in the text."""
        if self.text is None:  # pragma: no cover
            return True
        least = _least_count(m, self._longest, self.total, limit)
        if least < self._least:  # pragma: no cover - the types are not in order so far down
            return True
        high = bisect_right(self._counts, -least, key=neg)  # the types occurring `least` times or more
        if not high:
            return False
        least = _least_count(m, max(self._len(self._head[:high])), self.total, limit)
        high = bisect_right(self._counts, -least, hi=high, key=neg)
        if not high:
            return False
        return high >= 0xD7FF or _in_a_row(high, m).search(self.text) is not None

    def count(self, m: int) -> Counter:
        """The m-grams of repeated tokens with their counts, in order of first occurrence."""
        if self.text is None:  # pragma: no cover
            return _candidate_counts(self._toks, m, _all_window(self._repeated, m))[0]
        return Counter(_windows(m).findall(self.text))

    def gram(self, key: str, m: int) -> tuple[str, ...]:
        """The tokens of an m-gram counted by :meth:`count`."""
        if self.text is None:  # pragma: no cover
            return tuple(key.split(" "))
        i = self.text.find(key)
        return tuple(self.toks[i:i + m])

    def second(self, key: str, m: int) -> int:
        """The position of the m-gram's second occurrence."""
        if self.text is None:  # pragma: no cover
            return RepeatedNgrams._second(self._toks, self.gram(key, m))
        return self.text.find(key, self.text.find(key) + 1)

    def chars(self, key: str, m: int) -> int:
        """The characters of the m-gram's tokens."""
        return sum(map(len, self.gram(key, m)))

    def covered(self, counts: Counter, m: int) -> int:
        """The characters of every occurrence of the m-grams that occur more than once: at
        least those of the positions they cover."""
        keys = [key for key, k in counts.items() if k > 1]
        if self.text is None:  # pragma: no cover
            return sum(counts[key] * (len(key) - (m - 1)) for key in keys)
        if self._lengths is None:
            self._lengths = dict(zip(self._ids.values(), self._len(self._ids)))
        get = self._lengths.get
        return sum(counts[key] * sum(map(get, key)) for key in keys)

    def repeated_flags(self, m: int, counts: Counter = None, within: bytes = None, base: int = 0) -> bytes:
        """A flag per m-gram position (``n - m + 1`` of them): its m-gram occurs more than
        once. ``counts``: :meth:`count` of ``m``, when at hand; ``within``: the flags of the
        ``base``-grams, when m is longer: a repeated m-gram is made of repeated base-grams,
        so only the m-grams of those are counted."""
        if self.text is None:  # pragma: no cover
            if within is not None:
                return _repeated_flags(_candidate_counts(self._toks, m, _all_window(within, m - base + 1)))
            return _repeated_flags(_candidate_counts(self._toks, m, _all_window(self._repeated, m)))
        if within is not None:
            keep = _all_window(within, m - base + 1)
            starts = list(compress(range(len(keep)), keep))
            grams = list(map(self.text.__getitem__, map(slice, starts, map(add, starts, repeat(m)))))
        else:
            starts, grams = self.candidates(m)
        counts = Counter(grams) if counts is None else counts
        flags = bytearray(max(0, self.n - m + 1))
        deque(map(flags.__setitem__, compress(starts, map(gt, map(counts.__getitem__, grams), repeat(1))), repeat(1)),
              maxlen=0)
        return flags

    def candidates(self, m: int) -> tuple[list[int], list[str]]:
        r"""The positions of the m-grams :meth:`count` counts, and those m-grams: the runs of
        characters between \x00s (``str.split``), m or more long, give the positions."""
        runs = list(map(len, self.text.split("\x00")))
        ends = list(accumulate(map(add, runs, repeat(1))))  # each run's end + 1
        long = list(map(le, repeat(m), runs))
        firsts = compress(map(sub, ends, map(add, runs, repeat(1))), long)
        starts = list(chain.from_iterable(map(range, firsts, compress(map(sub, ends, repeat(m)), long))))
        return starts, _windows(m).findall(self.text)

    def first_repeat(self, m: int) -> int:
        """The first position whose m-gram occurred before (0 if none)."""
        if self.text is None:  # pragma: no cover
            return RepeatedNgrams._first_repeat(self._toks, m)
        starts, grams = self.candidates(m)
        first = dict(zip(reversed(grams), reversed(starts)))  # each m-gram's first position
        return next(compress(starts, map(ne, map(first.__getitem__, grams), starts)), 0)


class RepeatedNgrams(lint.Rule):
    """Text that repeats word sequences, by Gopher's n-gram measures (Rae et al. 2021): the
    most frequent 2-, 3- or 4-gram holds over 20%, 18% or 16% of the characters, or 5- to
    10-grams that occur more than once cover over 15% ... 10% of them. For documents of
    50 words or more; in CJK text a token is a character and n-grams are twice as long.

    Severity: info when a document only crosses Gopher's limits (a curation signal: e-mail
    threads repeating a signature, short news repeating a name cross them too); warning
    for a passage repeated three or more times in a row (a generation loop, a page read
    twice over) and for one phrase taking 1.6 times its limit in a text of 150+ words
    (keyword stuffing). The finding points at the repeats."""

    code = "QLT004"
    name = "repeated-ngrams"
    severity = "warning"
    summary = "the same word sequences repeated over and over (Gopher's n-gram limits)"
    fix_hint = "Remove the repeated passages; a document stuffed with one phrase is spam."
    confidence = 0.65
    matches = (
        lint.Example("Congratulations! " + "Click the button below to claim your free prize before the offer "
                     "ends today. " * 5, "en", covers="today. Click"),
        lint.Example("Benvenuti. " + "Clicca sul pulsante qui sotto per ritirare subito il tuo premio gratuito "
                     "prima che l'offerta scada. " * 4, "it"),
        lint.Example("欢迎。" + "点击下面的按钮立即领取您的免费奖品，优惠今天结束。" * 5, "zh"),
        lint.Example("Willkommen. " + "Klicken Sie auf die Schaltfläche unten, um Ihren Gratispreis abzuholen, "
                     "bevor das Angebot heute endet. " * 4, "de"),
        lint.Example("Best cheap flights online. " + " ".join(
            f"Book cheap flights to city number {i} with our cheap flights deals and save on cheap flights now."
            for i in range(12)), "en", covers="Book cheap flights"),
    )
    no_matches = (
        lint.Example("The council met on Monday. The council met again on Friday, and the council will meet "
                     "once more next week to vote on the budget for the new bridge over the river, which has "
                     "been delayed for two years because of rising costs and a long dispute with the regional "
                     "government about who should pay for the access roads.", "en"),
        lint.Example("Happy birthday to you, happy birthday to you, happy birthday dear Anna, happy birthday "
                     "to you! We sang it twice at the party on Saturday, and then everyone had a piece of the "
                     "chocolate cake that her grandmother had baked in the morning.", "en"),
        lint.Example("Il Senato ha approvato la legge di bilancio. Il Senato ha poi rinviato il voto sulla "
                     "riforma della giustizia alla prossima settimana, dopo una lunga discussione tra i gruppi "
                     "di maggioranza e di opposizione sulle modifiche proposte dal governo nelle ultime ore.",
                     "it"),
    )

    def check(self, doc):
        if doc.word_count < MIN_WORDS:
            return
        if _has_cjk(doc):
            grams, scale = _Grams.of_cjk(doc), 2 if doc.lang in ("zh", "ja") else 1
        else:
            grams, scale = _Grams.of_text(doc), 1
        if grams.n < MIN_WORDS:
            return
        total = grams.total
        # 5-grams (10 CJK characters): no repeat means no loop and no duplicated n-grams
        base = 5 * scale
        counts5 = grams.count(base)
        extra = sum(counts5.values()) - len(counts5)  # occurrences beyond the first
        if extra >= 2 * LOOP_MIN_TOKENS * scale - base and max(counts5.values()) >= LOOP_REPEATS:
            loop = self._loop(grams.toks, scale)
            if loop is not None:
                i, j, period, times = loop
                spans = _spans(doc, scale)
                if j - 1 < len(spans):
                    yield self.finding(doc, spans[i][0], spans[j - 1][1],
                                       f"the same passage of {period} {'characters' if scale == 2 else 'words'} "
                                       f"{times} times in a row: the text repeats itself (a generation or "
                                       f"scraping loop)")
                    return
        top = self._top(grams, scale)
        if top is not None:
            ratio, key, k, share, limit, m = top
            gram = grams.gram(key, m)
            stuffed = ratio >= STUFFING_FACTOR and doc.word_count >= MIN_STUFFED_WORDS
            i = grams.second(key, m)
            spans = _spans(doc, scale)
            if i + m - 1 < len(spans):
                phrase = (" " if scale == 1 else "").join(gram)
                yield self.finding(doc, spans[i][0], spans[i + m - 1][1],
                                   f"'{phrase}' occurs {k} times and holds {share:.0%} of the text "
                                   f"(Gopher's limit for {m}-grams: {limit:.0%})"
                                   + (": keyword stuffing" if stuffed else ""),
                                   severity=None if stuffed else "info",
                                   confidence=self.confidence if stuffed else 0.3)
                return
        # the positions in repeated 5-grams hold at most the characters of their occurrences
        # (overlaps counted twice), and the share of duplicated n-grams only shrinks as n
        # grows (a repeated n-gram is made of repeated 5-grams) while the limits stay over
        # the lowest
        floor = min(DUP_LIMITS.values())
        if not extra or 2 * extra * base * grams.longest() / total <= floor \
                or grams.covered(counts5, base) / total <= floor:
            return
        dup = self._duplicated(grams, scale, counts5)
        if dup is not None:
            n, share, limit, i, m = dup
            spans = _spans(doc, scale)
            if i + m - 1 < len(spans):
                yield self.finding(doc, spans[i][0], spans[i + m - 1][1],
                                   f"{share:.0%} of the text is in {n}-grams that occur more than once "
                                   f"(Gopher's limit: {limit:.0%})", severity="info", confidence=0.3)

    @staticmethod
    def _top(grams, scale):
        """The most frequent 2-, 3- or 4-gram most over Gopher's limit:
        (share / limit, key of the gram, count, share, limit, tokens) or None.

        Upper bounds skip the counting: an n-gram occurs no more often than any of its
        tokens, so it holds at most n times the characters of the token type holding the
        most (``top_chars``); no more often than its first shorter n-gram counted; and one
        frequent enough to exceed the limit is made of frequent tokens in a row
        (:meth:`_Grams.may_top`)."""
        worst = None
        prefix_max = None
        total = grams.total
        for n, limit in TOP_LIMITS.items():
            m = n * scale
            if grams.n < 2 * m:
                break
            if m * grams.top_chars() / total <= limit:
                continue
            if prefix_max is not None and prefix_max * m * grams.longest() / total <= limit:
                continue
            if not grams.may_top(m, limit):
                continue
            counts = grams.count(m)
            k = max(counts.values(), default=1)
            if prefix_max is None:
                prefix_max = k
            if k < 2:
                break
            if k * m * grams.longest() / total <= limit:
                continue
            key, k = max(counts.items(), key=itemgetter(1))
            share = k * grams.chars(key, m) / total  # the characters of its tokens
            if share > limit and (worst is None or share / limit > worst[0]):
                worst = (share / limit, key, k, share, limit, m)
        return worst

    @staticmethod
    def _second(toks, gram) -> int:
        m = len(gram)
        seen = 0
        first = gram[0]
        for i, t in enumerate(toks):
            if t == first and tuple(toks[i:i + m]) == gram:
                seen += 1
                if seen == 2:
                    return i
        return 0  # pragma: no cover

    @staticmethod
    def _duplicated(grams, scale, counts5):
        """The n whose duplicated n-grams exceed Gopher's limit the most:
        (n, share, limit, first repeated token, tokens) or None.

        Per n, at C speed: flags of the n-grams that occur more than once
        (:meth:`_Grams.repeated_flags`), the tokens they cover (:func:`_any_window`), their
        characters."""
        best = None
        floor = min(DUP_LIMITS.values())
        lengths = grams.lengths()
        base = 5 * scale
        rep5 = None
        for n, limit in DUP_LIMITS.items():
            m = n * scale
            if rep5 is None:
                repeated = rep5 = grams.repeated_flags(m, counts5)
            else:
                repeated = grams.repeated_flags(m, within=rep5, base=base)
            share = sum(compress(lengths, _any_window(repeated, m))) / grams.total
            if share <= limit:
                if share < floor:
                    break
                continue
            if best is None or share / limit > best[1] / best[2]:
                best = (n, share, limit, m)
        if best is None:
            return None
        n, share, limit, m = best
        return n, share, limit, grams.first_repeat(m), m

    @staticmethod
    def _first_repeat(toks, m) -> int:
        """The first position whose m-gram occurred before (0 if none)."""
        seen = set()
        for i, g in enumerate(_grams(toks, m)):
            if g in seen:
                return i
            seen.add(g)
        return 0

    @staticmethod
    def _loop(toks, scale):
        """A passage repeated LOOP_REPEATS+ times back to back:
        (first token of the second copy, end token, period, times) or None."""
        m = LOOP_MIN_TOKENS * scale
        if len(toks) < m * LOOP_REPEATS:
            return None
        grams = list(_grams(toks, m))
        repeated = {g for g, k in Counter(grams).items() if k > 1}
        if not repeated:
            return None
        last: dict = {}
        n_grams = len(grams)
        checked: dict = {}  # period -> position up to which it was checked (keeps this linear)
        for i, g in enumerate(grams):
            if g not in repeated:
                continue
            j = last.get(g)
            last[g] = i
            if j is None or i - j < m:
                continue
            period = i - j
            # a third copy must start with the same n-gram (an O(1) test before any O(period) one)
            if i + period >= n_grams or grams[i + period] != g or checked.get(period, -1) > i:
                continue
            checked[period] = i + period
            # does the passage toks[j:i] repeat right after itself, and again?
            times = 2
            while toks[j:i] == toks[j + times * period:j + (times + 1) * period]:
                times += 1
            if times >= LOOP_REPEATS:
                return i, j + times * period, period, times
        return None
