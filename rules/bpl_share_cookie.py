"""BPL005 share-cookie-line: share bars, cookie banners, newsletter forms, navigation.

What a scraper keeps from the page around an article: ``Share this article``,
``Facebook Twitter WhatsApp Email``, ``We use cookies to improve your experience``,
``Accept all cookies``, ``Enter your email address``, ``Back to top``.

>>> import lint
>>> text = "The vote was close.\\n\\nShare on Facebook Twitter WhatsApp"
>>> [f.text for f in lint.check_text(ShareCookieLine(), text, "en")]
['Share on Facebook Twitter WhatsApp']
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import compress
from operator import itemgetter
from typing import Optional

import lint

from ._bpl_common import (LEAD_JUNK, count_words, edge_words, first_word, in_word_list, lexicon, line_at,
                          line_heads, nonblank_lines, norm_word, quote, role_pattern, unmasked)

_LEX = "share"
_WEAK_NETWORKS = frozenset("x ok line mail sms pocket threads vk qq messenger".split())
_WORD, _POS = itemgetter(0), itemgetter(1)
#: a cookie banner contains one of these; lines holding one are checked even when their
#: first word is not a banner word
_COOKIE_KEYS = ("ookie", "erez", "куки", "クッキー")
#: each key with one of its rarer characters, looked for first (``in`` with one character
#: runs at memchr speed, several times faster than a search for the key)
_COOKIE_GUARDS = tuple(zip(_COOKIE_KEYS, "kzкク"))
assert all(rare in key for key, rare in _COOKIE_GUARDS)


@lru_cache(maxsize=None)
def _rx() -> dict:
    p = lambda *roles: role_pattern(_LEX, *roles)  # noqa: E731
    f = re.IGNORECASE
    lex = lexicon(_LEX)
    core = {" ".join(x.lower().split()) for _, x in lex.get("share", ())}
    networks = {" ".join(x.lower().split()) for _, x in lex.get("network", ())}
    minor = {" ".join(x.lower().split()) for _, x in lex.get("share_minor", ())}
    return {
        "bar": re.compile(f"{LEAD_JUNK}(?:{p('share', 'share_minor', 'network', 'filler')}{LEAD_JUNK})+", f),
        "token": re.compile(p("share", "share_minor", "network", "filler"), f),
        "core": core,
        "networks": networks,
        "minor": minor,
        "banner": re.compile(f"{LEAD_JUNK}(?:[^\\W\\d_]+[^\\w\\n]+){{0,3}}?"
                             f"(?:(?P<cookie>{p('cookie')})|(?P<form>{p('form')}))", f),
        # a line is looked at only if it opens with one of these words
        "line_first": edge_words(_LEX, ("share", "share_minor", "network", "nav", "button", "form")),
        "form_first": edge_words(_LEX, ("form",)),
        "cookie_any": re.compile(p("cookie", "button"), f),
        "nav": re.compile(f"{LEAD_JUNK}{p('nav', 'button')}{LEAD_JUNK}", f),
        # (norm_word keeps a word's first character when it is one of these)
        "form_first_cjk": frozenset(w for w in edge_words(_LEX, ("form",)) if "\u3040" <= w[:1] <= "\u9fff"),
        "cjk_firsts": _first_word_chars(lex, ("share", "share_minor", "network", "filler", "nav", "button")),
    }


def _first_word_chars(lex, roles) -> Optional[frozenset]:
    """The first word character of every phrase of ``roles`` (lower case, as the patterns
    hold them), or None when a phrase may put something else first (an open ending, ``*``,
    before any word character). A line that ``bar`` or ``nav`` matches in full has its first
    word character inside a phrase, as that phrase's first word character; for a character
    without case (Chinese, Japanese) that is an exact test.

    >>> sorted(_first_word_chars({"share": [("zh", "分享到"), ("en", "Share this")]}, ("share",)))
    ['s', '分']
    """
    out = set()
    for role in roles:
        for _, phrase in lex.get(role, ()):
            for ch in phrase.lower():
                if ch == "*":
                    return None
                if _WORD_CHAR.match(ch):
                    out.add(ch)
                    break
    return frozenset(out)


_WORD_CHAR = re.compile(r"\w")


class ShareCookieLine(lint.Rule):
    """Share bars, cookie banners, newsletter-form messages and navigation labels left in
    the text: ``Share this article``, ``Share on Facebook Twitter WhatsApp``, ``Condividi su
    Facebook``, ``We use cookies to improve your experience``, ``Accept all cookies``,
    ``Cookie-Einstellungen``, ``Aceptar cookies``, ``Enter your email address``, ``Back to
    top``, ``分享到：微信 微博``.

    Why it matters: they are the page around the text, not the text; they repeat across
    every page of a site and mark the document as an unreviewed scrape.

    A share bar is a line made only of share words, network names and fillers ("this",
    "on", "su") with a share verb or several networks in it (``Facebook and Twitter`` as a
    heading is left alone), or a block of such one-word lines (``Share / Tweet / Email``,
    one button a line); a lone ``Share`` inside a list of other words (a keyword list) is
    left alone. Cookie-banner and form wording counts when it opens its line
    (within its first few words), not inside running text: an article about cookie law may
    quote "we use cookies". Navigation labels count only as a line of their own.
    """

    code = "BPL005"
    name = "share-cookie-line"
    severity = "warning"
    languages = None
    summary = "share bar, cookie banner, newsletter form or navigation label left in the text"
    fix_hint = "Delete the line: it belongs to the web page, not to the text."
    fix = None
    confidence = 0.8
    matches = (
        lint.Example("The study followed 2,000 patients.\n\nDownload PDF Cite this article Share\n\nResults came in "
                     "March.", "en", covers="Download PDF"),
        lint.Example("The vote was close.\n\nShare this article\n\nThe count resumes today.", "en",
                     covers="Share this article"),
        lint.Example("The vote was close.\n\nFacebook Twitter WhatsApp Email\n\nThe count resumes today.", "en",
                     covers="Facebook Twitter WhatsApp Email"),
        lint.Example("We use cookies to improve your experience on our site. By continuing to browse you accept "
                     "our use of cookies.\n\nThe vote was close.", "en", covers="We use cookies"),
        lint.Example("Il voto è stato serrato.\n\nCondividi su Facebook\n\nLo spoglio riprende oggi.", "it",
                     covers="Condividi su Facebook"),
        lint.Example("Die Abstimmung war knapp.\n\nCookie-Einstellungen\n\nDie Auszählung geht weiter.", "de",
                     covers="Cookie-Einstellungen"),
        lint.Example("La votación fue reñida.\n\nAceptar cookies\n\nEl recuento sigue hoy.", "es",
                     covers="Aceptar cookies"),
        lint.Example("Le vote a été serré.\n\nPartager sur Facebook Twitter\n\nLe dépouillement reprend.", "fr",
                     covers="Partager sur Facebook"),
        lint.Example("A votação foi apertada.\n\nCompartilhar no WhatsApp\n\nA contagem continua.", "pt",
                     covers="Compartilhar no WhatsApp"),
        lint.Example("Голосование было напряжённым.\n\nПоделиться ВКонтакте Телеграм\n\nПодсчёт продолжается.", "ru",
                     covers="Поделиться"),
        lint.Example("Oylama çekişmeli geçti.\n\nBu site çerez kullanmaktadır.\n\nSayım sürüyor.", "tr",
                     covers="çerez kullanmaktadır"),
        lint.Example("投票结果很接近。\n\n分享到：微信 微博 QQ空间\n\n计票仍在继续。", "zh", covers="分享到"),
        lint.Example("The vote was close.\n\nEnter your email address\n\nThe count resumes today.", "en",
                     covers="Enter your email address"),
        lint.Example("The vote was close.\n\nBack to top", "en", covers="Back to top"),
        lint.Example("The vote was close.\n\nShare\nTweet\nEmail\n\nThe count resumes today.", "en", covers="Tweet"),
    )
    no_matches = (
        lint.Example("Facebook and Twitter\n\nBoth companies reported higher profits this quarter.", "en"),
        lint.Example("She wanted to share the news with her family before anyone else heard it.", "en"),
        lint.Example("Print\n\nThe print edition will close next year.", "en"),
        lint.Example("The regulator said that sites which tell users 'we use cookies' must also let them refuse, "
                     "and that a banner with a single button is not consent under the law that came into force "
                     "in 2018 across the union.", "en"),
        lint.Example("Die Aktie von Facebook fiel um drei Prozent.", "de"),
        lint.Example("Comments on the draft law are due by Friday.", "en"),
        lint.Example("SELECT\nSET\nSHARE\nSHOW\nSIZE", "en"),
        lint.Example(">>> print x\n>>> print y", "en"),
    )

    def check(self, doc):
        rx = _rx()
        text = doc.text
        gate = rx["line_first"]
        # cookie banners name cookies: lines holding the word are checked wherever it is
        cookies = []  # (start, end) of every cookie word, sorted
        for key, rare in _COOKIE_GUARDS:
            if rare not in text:
                continue  # one character of the key, found at memchr speed: no key either
            k = text.find(key)
            while k >= 0:
                cookies.append((k, k + len(key)))
                k = text.find(key, k + 1)
        # the lines to look at, from the first word of every line: one whose first word opens
        # a phrase (set look-ups at C speed), and one opening with a CJK word (U+3040-U+9FFF)
        heads = line_heads(doc)
        words = list(map(_WORD, heads))
        starts = list(compress(map(_POS, heads), map(gate.__contains__, words)))
        if words and max(words) >= "\u3040":  # (a string >= "\u3040" starts with such a character)
            cjk_firsts = rx["cjk_firsts"]
            if cookies or cjk_firsts is None:
                starts += [pos for word, pos in heads if "\u3040" <= word and word[:1] <= "\u9fff"]
            else:
                # without a cookie word, a line opening with a CJK word can only be a share bar
                # or a navigation label, which starts with a phrase of the lexicon (its first
                # word character is the phrase's), or form text, whose first word is a form word
                form_cjk = rx["form_first_cjk"]  # the form words in that range (none so far)
                starts += [pos for word, pos in heads if "\u3040" <= word and word[:1] <= "\u9fff"
                           and (word[0] in cjk_firsts or form_cjk and norm_word(word) in form_cjk)]
        starts += [k for k, _ in cookies]
        cookies.sort()
        seen = set()
        for pos in sorted(starts):
            s, e = line_at(doc, pos)
            if s in seen or s >= e:
                continue
            seen.add(s)
            hit = self._line(rx, text, s, e) if e - s <= 300 else None
            if hit and count_words(text, s, e) <= 1 and in_word_list(doc, s, e):
                # "SHARE" in a list of keywords, or a share bar written one button a line
                block = self._vertical_bar(doc, rx, text, s, e)
                if block is None:
                    continue
                s, e = block
                seen.update(ls for ls, _ in self._block_lines(doc, s, e))
                hit = f"share bar left in the text: {quote(text[s:e])!r}", 0.8
            if hit is None:
                hit = self._banner(rx, text, s, e, cookies)
            if hit:
                span = unmasked(doc, s, e)
                if span:
                    yield self.finding(doc, span[0], span[1], hit[0], confidence=hit[1])

    @staticmethod
    def _block_lines(doc, s, e):
        return [(ls, le) for ls, le in nonblank_lines(doc) if s <= ls and le <= e]

    @staticmethod
    def _vertical_bar(doc, rx, text, s, e):
        """The block of lines around ``[s, e)`` when every line of it is a share-bar word
        ("Share / Tweet / Email" one a line) and together they make a share bar."""
        lines = nonblank_lines(doc)
        i = bisect_left(lines, (s + 1,)) - 1
        lo = hi = i
        while lo > 0 and text.count("\n", lines[lo - 1][1], lines[lo][0]) <= 1:
            lo -= 1
        while hi + 1 < len(lines) and text.count("\n", lines[hi][1], lines[hi + 1][0]) <= 1:
            hi += 1
        block = lines[lo:hi + 1]
        if len(block) < 2 or len(block) > 12:
            return None
        toks = []
        for ls, le in block:
            if not rx["bar"].fullmatch(text, ls, le):
                return None
            toks += [" ".join(t.lower().split()) for t in rx["token"].findall(text, ls, le)]
        core = sum(t in rx["core"] for t in toks)
        nets = sum(t in rx["networks"] and t not in _WEAK_NETWORKS for t in toks)
        if core + nets >= 2 and (core or nets >= 2):
            return block[0][0], block[-1][1]
        return None

    @staticmethod
    def _banner(rx, text, s, e, cookies):
        """A cookie banner or form message: it opens its line (after at most three words),
        or the line (40 words at most) holds two banner phrases. ``cookies``: the sorted
        spans of the cookie words of the text."""
        i = bisect_left(cookies, (s,))
        cookie = False
        while i < len(cookies) and cookies[i][0] < e:
            if cookies[i][1] <= e:
                cookie = True
                break
            i += 1
        if not cookie and first_word(text, s, e) not in rx["form_first"]:
            return None
        words = count_words(text, s, e)
        if words > 80:
            return None
        m = rx["banner"].match(text, s, min(e, s + 160))
        if m is None and cookie and words <= 40 and len(rx["cookie_any"].findall(text, s, e)) >= 2:
            m = rx["cookie_any"].search(text, s, e)
        if m is None:
            return None
        what = "newsletter-form text" if m.groupdict().get("form") else "cookie banner"
        return f"{what} left in the text: {quote(text[s:e])!r}", 0.85

    @staticmethod
    def _line(rx, text, s, e):
        if e - s <= 120 and rx["bar"].fullmatch(text, s, e):
            toks = [" ".join(t.lower().split()) for t in rx["token"].findall(text, s, e)]
            core = sum(t in rx["core"] for t in toks)
            nets = sum(t in rx["networks"] for t in toks)
            minor = sum(t in rx["minor"] for t in toks)
            fillers = len(toks) - core - nets - minor
            # "X", "Line", "Mail", "OK" are networks only next to a clear one
            nets -= sum(t in _WEAK_NETWORKS for t in toks)
            if core and (len(toks) > 1 or toks[0] in ("share", "share this")) or nets >= 3 \
                    or (nets >= 2 and not fillers) or (nets and minor and not fillers):
                return f"share bar left in the text: {quote(text[s:e])!r}", 0.8 if len(toks) > 1 else 0.6
            return None
        if e - s <= 60 and rx["nav"].fullmatch(text, s, e):
            return f"navigation label left in the text: {quote(text[s:e])!r}", 0.6
        return None
