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

from collections import Counter, deque
from operator import itemgetter, mul
from itertools import compress, repeat

import regex

import lint

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
#: other text: words (what whitespace separates, without the punctuation around it)
_TOKEN = regex.compile(r"\S+")
_STRIP = ".,;:!?\"'()[]{}«»“”‘’„‹›…*"


def _has_cjk(doc) -> bool:
    return doc.lang in ("zh", "ja") or "zh" in doc.languages or "ja" in doc.languages


def _tokens(doc) -> tuple[list[str], int]:
    """Lower-cased tokens and the n-gram scale (2 for Chinese and Japanese), at C speed.
    Not cached: only this rule uses them, once, and a document's tokens are many objects
    to keep alive."""
    text = doc.text
    if _has_cjk(doc):
        return _CJK_TOKEN.findall(text.lower()), 2 if doc.lang in ("zh", "ja") else 1
    return list(filter(None, map(str.strip, text.lower().split(), repeat(_STRIP)))), 1


def _spans(doc, scale) -> list[tuple[int, int]]:
    """The spans of the tokens of :func:`_tokens` (computed only to report a finding)."""
    text = doc.text
    if _has_cjk(doc):
        return [m.span() for m in _CJK_TOKEN.finditer(text)]
    out = []
    for m in _TOKEN.finditer(text):
        s, e = m.span()
        word = text[s:e]
        core = word.strip(_STRIP)
        if core:
            s += word.find(core)
            out.append((s, s + len(core)))
    return out


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
    deque(map(flags.__setitem__, compress(starts, map((1).__lt__, map(counts.__getitem__, grams))), repeat(1)),
          maxlen=0)
    return flags


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
        toks, scale = _tokens(doc)
        n_tok = len(toks)
        if n_tok < MIN_WORDS:
            return
        freq = Counter(toks)
        chars = list(map(mul, freq.values(), map(len, freq)))  # characters per token type
        total = sum(chars) or 1
        longest = max(map(len, freq))
        # a token that occurs once is in no repeated n-gram: only the windows free of such
        # tokens can repeat, and only they are counted (in prose, a minority)
        repeated_tok = bytes(map((1).__lt__, map(freq.__getitem__, toks)))
        # 5-grams (10 CJK characters): no repeat means no loop and no duplicated n-grams
        base = 5 * scale
        counted5 = _candidate_counts(toks, base, _all_window(repeated_tok, base))
        counts5 = counted5[0]
        extra = sum(counts5.values()) - len(counts5)  # occurrences beyond the first
        if extra >= 2 * LOOP_MIN_TOKENS * scale - base and max(counts5.values()) >= LOOP_REPEATS:
            loop = self._loop(toks, scale)
            if loop is not None:
                i, j, period, times = loop
                spans = _spans(doc, scale)
                if j - 1 < len(spans):
                    yield self.finding(doc, spans[i][0], spans[j - 1][1],
                                       f"the same passage of {period} {'characters' if scale == 2 else 'words'} "
                                       f"{times} times in a row: the text repeats itself (a generation or "
                                       f"scraping loop)")
                    return
        top = self._top(toks, scale, total, longest, max(chars), repeated_tok)
        if top is not None:
            ratio, gram, k, share, limit, m = top
            stuffed = ratio >= STUFFING_FACTOR and doc.word_count >= MIN_STUFFED_WORDS
            i = self._second(toks, gram)
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
        # positions in repeated 5-grams number at most twice the extra occurrences; the
        # share of duplicated n-grams only shrinks as n grows, and the limits shrink slowly
        if 2 * extra * base * longest / total <= min(DUP_LIMITS.values()):
            return
        dup = self._duplicated(toks, total, scale, counted5)
        if dup is not None:
            n, share, limit, i, m = dup
            spans = _spans(doc, scale)
            if i + m - 1 < len(spans):
                yield self.finding(doc, spans[i][0], spans[i + m - 1][1],
                                   f"{share:.0%} of the text is in {n}-grams that occur more than once "
                                   f"(Gopher's limit: {limit:.0%})", severity="info", confidence=0.3)

    @staticmethod
    def _top(toks, scale, total, longest, top_chars, repeated_tok):
        """The most frequent 2-, 3- or 4-gram most over Gopher's limit:
        (share / limit, gram, count, share, limit, tokens) or None.

        Two upper bounds skip the counting: an n-gram occurs no more often than any of its
        tokens, so it holds at most n times the characters of the token type holding the
        most (``top_chars``); and no more often than its first shorter n-gram counted."""
        worst = None
        prefix_max = None
        for n, limit in TOP_LIMITS.items():
            m = n * scale
            if len(toks) < 2 * m:
                break
            if m * top_chars / total <= limit:
                continue
            if prefix_max is not None and prefix_max * m * longest / total <= limit:
                continue
            counts = _candidate_counts(toks, m, _all_window(repeated_tok, m))[0]
            k = max(counts.values(), default=1)
            if prefix_max is None:
                prefix_max = k
            if k < 2:
                break
            if k * m * longest / total <= limit:
                continue
            key, k = max(counts.items(), key=itemgetter(1))
            share = k * (len(key) - (m - 1)) / total  # the characters of its tokens
            if share > limit and (worst is None or share / limit > worst[0]):
                worst = (share / limit, tuple(key.split(" ")), k, share, limit, m)
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
    def _duplicated(toks, total, scale, counted5):
        """The n whose duplicated n-grams exceed Gopher's limit the most:
        (n, share, limit, first repeated token, tokens) or None.

        Per n, at C speed: flags of the n-grams that occur more than once, the tokens they
        cover (:func:`_any_window`), their characters. A repeated n-gram (n > 5) is made of
        repeated 5-grams, so only the windows of those are counted."""
        best = None
        base = 5 * scale
        floor = min(DUP_LIMITS.values())
        rep5 = b""
        lengths = list(map(len, toks))
        for n, limit in DUP_LIMITS.items():
            m = n * scale
            counted = counted5 if n == 5 else _candidate_counts(toks, m, _all_window(rep5, m - base + 1))
            repeated = _repeated_flags(counted)
            if n == 5:
                rep5 = repeated
            share = sum(compress(lengths, _any_window(repeated, m))) / total
            if share <= limit:
                if share < floor:
                    break
                continue
            if best is None or share / limit > best[1] / best[2]:
                best = (n, share, limit, m)
        if best is None:
            return None
        n, share, limit, m = best
        return n, share, limit, RepeatedNgrams._first_repeat(toks, m), m

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
