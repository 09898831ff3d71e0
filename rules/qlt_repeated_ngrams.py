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

from collections import Counter
from operator import itemgetter
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
    """Lower-cased tokens and the n-gram scale (2 for Chinese and Japanese), at C speed."""
    cached = doc.cache.get("qlt-ngram-tokens")
    if cached is not None:
        return cached
    text = doc.text
    if _has_cjk(doc):
        toks = _CJK_TOKEN.findall(text.lower())
        scale = 2 if doc.lang in ("zh", "ja") else 1
    else:
        toks = list(filter(None, map(str.strip, text.lower().split(), repeat(_STRIP))))
        scale = 1
    doc.cache["qlt-ngram-tokens"] = result = (toks, scale)
    return result


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
        lengths = list(map(len, toks))
        total = sum(lengths) or 1
        longest = max(lengths)
        # 5-grams (10 CJK characters): no repeat means no loop and no duplicated n-grams
        base = 5 * scale
        counts5 = Counter(_grams(toks, base))
        extra = (n_tok - base + 1) - len(counts5)
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
        top = self._top(toks, scale, total, longest)
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
        dup = self._duplicated(toks, lengths, total, scale, counts5)
        if dup is not None:
            n, share, limit, i, m = dup
            spans = _spans(doc, scale)
            if i + m - 1 < len(spans):
                yield self.finding(doc, spans[i][0], spans[i + m - 1][1],
                                   f"{share:.0%} of the text is in {n}-grams that occur more than once "
                                   f"(Gopher's limit: {limit:.0%})", severity="info", confidence=0.3)

    @staticmethod
    def _top(toks, scale, total, longest):
        """The most frequent 2-, 3- or 4-gram most over Gopher's limit:
        (share / limit, gram, count, share, limit, tokens) or None."""
        worst = None
        bigram_max = None
        for n, limit in TOP_LIMITS.items():
            m = n * scale
            if len(toks) < 2 * m:
                break
            if bigram_max is not None and bigram_max * m * longest / total <= limit:
                continue  # an n-gram is at most as frequent as its first bigram
            counts = Counter(_grams(toks, m))
            k = max(counts.values())
            if bigram_max is None:
                bigram_max = k
            if k < 2:
                break
            if k * m * longest / total <= limit:
                continue
            gram, k = max(counts.items(), key=itemgetter(1))
            share = k * sum(map(len, gram)) / total
            if share > limit and (worst is None or share / limit > worst[0]):
                worst = (share / limit, gram, k, share, limit, m)
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
    def _duplicated(toks, lengths, total, scale, counts5):
        """The n whose duplicated n-grams exceed Gopher's limit the most:
        (n, share, limit, first repeated token, tokens) or None."""
        best = None
        for n, limit in DUP_LIMITS.items():
            m = n * scale
            counts = counts5 if n == 5 else Counter(_grams(toks, m))
            cover = bytearray(len(toks))
            ones = b"\x01" * m
            first_repeat = None
            seen = set()
            for i, g in enumerate(_grams(toks, m)):
                if counts[g] > 1:
                    cover[i:i + m] = ones
                    if first_repeat is None:
                        if g in seen:
                            first_repeat = i
                        else:
                            seen.add(g)
            share = sum(compress(lengths, cover)) / total
            if share <= limit:
                if share < min(DUP_LIMITS.values()):
                    break
                continue
            if best is None or share / limit > best[1] / best[2]:
                best = (n, share, limit, first_repeat or 0, m)
        return best

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
