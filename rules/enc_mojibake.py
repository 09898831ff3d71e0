"""ENC001 mojibake: UTF-8 text that was decoded with the wrong code page.

``cafÃ©`` for ``café``, ``Itâ€™s`` for ``It’s``, ``Ã¼ber`` for ``über``,
``ÐŸÑ€Ð¸Ð²ÐµÑ‚`` / ``РџСЂРёРІРµС‚`` for ``Привет``, ``ä¸­æ–‡`` for ``中文``, and lone
Windows-1252 bytes read as Latin-1 control characters (``don\\x92t``).

A cheap regular expression finds the byte patterns that mojibake leaves (a lead byte of a
UTF-8 sequence shown as ``Ã Â Ä Å Ð Ñ â ä æ ð ...`` followed by continuation bytes shown as
``© ¼ € ™ Ÿ ...``); ftfy (imported only when a candidate is found) decides and repairs.
Look-alikes are left alone: ``NÃO`` and ``SÃO PAULO`` in Portuguese capitals, ``CAFÉ’S``,
``«Straße»``, Ukrainian ``Рівне``.

>>> import lint
>>> [(f.text, f.suggestion) for f in lint.check_text(Mojibake(), "Un cafÃ© noir.", "fr")]
[('cafÃ©', 'café')]
"""
from __future__ import annotations

import re
import sys

import lint

#: Windows-1252 characters of the bytes 0x80-0x9F (and the C1 controls Latin-1 gives them)
_CP1252_HIGH = "\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d" \
               "\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"
#: a UTF-8 continuation byte (0x80-0xBF) as Latin-1 or Windows-1252 shows it
_CONT = f"[\\u0080-\\u00bf{_CP1252_HIGH}]"
#: Windows-1251 (Cyrillic) characters of the bytes 0x80-0xBF
_CP1251_CONT = ("[\u0402\u0403\u201a\u0453\u201e\u2026\u2020\u2021\u20ac\u2030\u0409\u2039\u040a\u040c\u040b"
                "\u040f\u0452\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u2122\u0459\u203a\u045a\u045c\u045b"
                "\u045f\u00a0\u040e\u045e\u0408\u00a4\u0490\u00a6\u00a7\u0401\u00a9\u0404\u00ab\u00ac\u00ad"
                "\u00ae\u0407\u00b0\u00b1\u0406\u0456\u0491\u00b5\u00b6\u00b7\u0451\u2116\u0454\u00bb\u0458"
                "\u0405\u0455\u0457]")
#: the full shapes, checked (anchored) where the fast scan below stops
_SHAPE = re.compile(
    # 2-byte sequences: lead 0xC2-0xDF + one continuation
    f"[\u00c2-\u00df]{_CONT}"
    # 3-byte: lead 0xE0-0xEF + two continuations
    f"|[\u00e0-\u00ef]{_CONT}{{2}}"
    # 4-byte (emoji): lead 0xF0-0xF4 + three continuations
    f"|[\u00f0-\u00f4]{_CONT}{{3}}"
    # 'Ã' + a space that was a no-break space ("voilÃ  la", "Ã  la"), not in capitals
    f"|(?<![A-Z\u00c0-\u00de])\u00c3[ \u00a0](?=[ \u00a0]?[a-z\u00e0-\u00ff])"
    # UTF-8 Cyrillic read as Windows-1251: two or more 'Р'/'С' + continuation pairs
    f"|(?:[\u0420\u0421]{_CP1251_CONT}){{2,}}"
    # a lone C1 control: a Windows-1252 byte read as Latin-1
    "|[\u0080-\u009f]"
)
#: fast scan: a lead character, then a cheap look at the next one (a charset-first pattern
#: runs ~10x faster in ``re`` than the alternation above)
_CANDIDATE = re.compile(
    f"[\u00c2-\u00f4\u0420\u0421\u0080-\u009f]"
    f"(?:(?<=[\u00c2-\u00f4]){_CONT}|(?<=\u00c3) |(?<=[\u0420\u0421]){_CP1251_CONT}"
    f"[\u0420\u0421]|(?<=[\u0080-\u009f]))"
)
#: characters that end a segment handed to ftfy
_SPACE = re.compile(r"[ \t\r\n]")
#: undefined in Windows-1252: no repair for these lone C1 bytes (ENC003 reports them)
_UNDEFINED_C1 = frozenset("\x81\x8d\x8f\x90\x9d")


#: each byte of a Latin-1 text as its part in a candidate: a C1 control "X" (also a
#: continuation byte), another continuation byte "C", a lead byte "L"
_BYTE_CLASS = bytes(ord("X") if 0x80 <= b <= 0x9F else ord("C") if 0xA0 <= b <= 0xBF
                    else ord("L") if 0xC2 <= b <= 0xF4 else ord(".") for b in range(256))


#: ``sys.getsizeof(s) - len(s)`` of a (compact) string of Latin-1 characters, not all ASCII:
#: a string's size tells, at no cost, whether it is stored one byte a character
_LATIN1_OVERHEAD = sys.getsizeof("\xe9") - 1
_LEAD_CONT = re.compile(b"LC").search


def _latin1_candidates(text: str):
    """Whether ``_CANDIDATE`` matches somewhere in a text made of Latin-1 characters only
    (then no Windows-1252 or Cyrillic character is there, and each character is one byte):
    a C1 control, a lead byte before a continuation byte, or "Ã ". Found with
    ``bytes.translate`` and searches for literals (a few C passes, several times faster
    than the pattern's scan); None for any other text (the pattern decides). The size of
    the string picks the texts to try (encoding one that is not Latin-1 raises, slowly);
    the encoding, not the size, decides.

    >>> _latin1_candidates("café"), _latin1_candidates("cafÃ©"), _latin1_candidates("Itâ€™s")
    (False, True, None)
    """
    if sys.getsizeof(text) - len(text) != _LATIN1_OVERHEAD:
        return None
    try:
        raw = text.encode("latin-1")
    except UnicodeEncodeError:
        return None
    classes = raw.translate(_BYTE_CLASS)
    return b"X" in classes or _LEAD_CONT(classes) is not None or (b"\xc3" in raw and b"\xc3 " in raw)


def _ftfy():
    import ftfy  # imported lazily: only texts with a candidate pay for it

    return ftfy


class Mojibake(lint.Rule):
    """Mojibake: text encoded as UTF-8 and decoded with another code page (Latin-1,
    Windows-1252, Windows-1251...), so that every accented letter, curly quote or Cyrillic
    letter became two or three wrong characters: ``cafÃ©`` (café), ``Itâ€™s`` (It’s),
    ``Ã¼ber`` (über), ``ÐŸÑ€Ð¸Ð²ÐµÑ‚`` and ``РџСЂРёРІРµС‚`` (Привет), ``ä¸­æ–‡`` (中文),
    ``don\\x92t`` (a Windows-1252 apostrophe read as a control character).

    Why it matters: the words are unreadable, invisible to search, and poison a corpus
    (a model learns ``Ã©`` as a letter).

    A cheap pattern finds candidates; ftfy decides and proposes the repair. The fix is safe
    when ftfy's repair is a pure re-decoding (encode with the wrong code page, decode as
    UTF-8) of a segment its heuristics call clearly broken; otherwise it is offered as
    unsafe. Portuguese ``NÃO``, French ``CAFÉ’S``, German ``«Straße»`` and Ukrainian
    ``Рівне`` are legitimate and are not reported.
    """

    code = "ENC001"
    name = "mojibake"
    severity = "error"
    languages = None
    summary = "mojibake: UTF-8 text decoded with the wrong code page"
    fix_hint = "Re-decode the text as UTF-8 (ftfy does it); better, fix the step that decoded it wrongly."
    fix = "safe"
    confidence = 0.9
    matches = (
        lint.Example("Nous avons pris un cafÃ© en terrasse.", "fr", covers="cafÃ©"),
        lint.Example("Itâ€™s a long way to the border, she said.", "en", covers="Itâ€™s"),
        lint.Example("Wir haben Ã¼ber die Grenze gesprochen.", "de", covers="Ã¼ber"),
        lint.Example("Он сказал: ÐŸÑ€Ð¸Ð²ÐµÑ‚, друзья.", "ru", covers="ÐŸÑ€Ð¸Ð²ÐµÑ‚"),
        lint.Example("Он сказал: РџСЂРёРІРµС‚, друзья.", "ru", covers="РџСЂРёРІРµС‚"),
        lint.Example("A reuniÃ£o terminou sem acordo.", "pt", covers="reuniÃ£o"),
        lint.Example("La reuniÃ³n terminÃ³ sin acuerdo.", "es", covers="reuniÃ³n"),
        lint.Example("Ãˆ stata una giornata difficile per la cittÃ .", "it", covers="Ãˆ"),
        lint.Example("İstanbul'da toplantÄ± yapÄ±ldÄ±.", "tr", covers="toplantÄ±"),
        lint.Example("他说ä¸­æ–‡很难。", "zh", covers="ä¸­æ–‡"),
        lint.Example("I don\x92t know when we will be back.", "en", covers="\x92"),
        lint.Example("Ã¢â‚¬Å“We left,Ã¢â‚¬Â\x9d he said.", "en", covers="Ã¢â‚¬Å“"),
    )
    no_matches = (
        lint.Example("NÃO VAMOS DESISTIR, disse o presidente em SÃO PAULO.", "pt"),
        lint.Example("The sign read CAFÉ’S SPECIAL in large letters.", "en"),
        lint.Example("Er wohnt in der «Hauptstraße» seit 1990.", "de"),
        lint.Example("Місто Рівне розташоване на заході України.", "ru"),
        lint.Example("À la fin, ÉTÉ 2023 : un succès.", "fr"),
        lint.Example("Sjáumst á morgun, sagði Þór.", "en"),
        lint.Example("Сёмин и СССР: «ВС» в 1990-х.", "ru"),
        lint.Example("Ce qu'il a dit était «très clair».", "fr"),
        lint.Example("In Reykjavík, Ð and Þ are ordinary letters.", "en"),
    )

    def check(self, doc):
        text = doc.text
        if text.isascii() or _latin1_candidates(text) is False:
            return
        cands = [m for m in (_SHAPE.match(text, c.start()) for c in _CANDIDATE.finditer(text)) if m]
        if not cands:
            return
        ftfy = _ftfy()
        i = 0
        n = len(cands)
        while i < n:
            m = cands[i]
            if len(m.group()) == 1 and "\u0080" <= m.group() <= "\u009f":
                if m.group() not in _UNDEFINED_C1:
                    yield from self._c1(doc, text, m)
                i += 1
                continue
            # a segment: from the space before this candidate to the space after the last
            # candidate that touches it
            seg_s = _segment_start(text, m.start())
            seg_e = _segment_end(text, m.end())
            j = i + 1
            while j < n and cands[j].start() <= seg_e + 1:
                seg_e = max(seg_e, _segment_end(text, cands[j].end()))
                j += 1
            i = j
            seg = text[seg_s:seg_e]
            fixed = ftfy.fix_encoding_and_explain(seg)
            if fixed.text == seg or "\ufffd" in fixed.text:
                continue  # not mojibake, or only a lost character (ENC002)
            a, b, repl = _diff(seg, fixed.text)
            if a >= b:
                continue
            plan = fixed.explanation or []
            pure = bool(plan) and all(step[0] in ("encode", "decode") for step in plan) \
                and plan[-1] == ("decode", "utf-8")
            safe = pure and ftfy.badness.is_bad(seg)
            start, end = seg_s + a, seg_s + b
            if doc.is_masked(start, end):
                continue
            yield self.finding(doc, start, end, f"mojibake: {text[start:end]!r} is {repl!r} decoded with the "
                               f"wrong code page", suggestion=repl, fix="safe" if safe else "unsafe",
                               confidence=0.9 if safe else 0.7)

    def _c1(self, doc, text, m):
        """A lone C1 control: a Windows-1252 byte that was read as Latin-1."""
        ch = m.group()
        try:
            repl = ch.encode("latin-1").decode("cp1252")
        except UnicodeDecodeError:  # pragma: no cover - the undefined bytes are skipped
            return
        yield self.finding(doc, m.start(), m.end(),
                           f"control character U+{ord(ch):04X}: the Windows-1252 byte for {repl!r} read as Latin-1",
                           suggestion=repl, fix="unsafe", confidence=0.8)


def _segment_start(text: str, pos: int) -> int:
    lo = max(0, pos - 80)
    k = max(text.rfind(" ", lo, pos), text.rfind("\n", lo, pos), text.rfind("\t", lo, pos))
    return k + 1 if k >= 0 else lo


def _segment_end(text: str, pos: int) -> int:
    m = _SPACE.search(text, pos, min(len(text), pos + 80))
    return m.start() if m else min(len(text), pos + 80)


def _diff(a: str, b: str) -> tuple[int, int, str]:
    """The changed part of ``a``: ``(start, end, replacement)`` after dropping the common
    prefix and suffix."""
    p = 0
    lim = min(len(a), len(b))
    while p < lim and a[p] == b[p]:
        p += 1
    s = 0
    while s < lim - p and a[len(a) - 1 - s] == b[len(b) - 1 - s]:
        s += 1
    # widen to whole words, so the finding reads "cafÃ©" -> "café"
    while p > 0 and a[p - 1].isalnum():
        p -= 1
    while s > 0 and a[len(a) - s].isalnum():
        s -= 1
    return p, len(a) - s, b[p:len(b) - s]
