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
def _page(name: str) -> dict[int, str]:
    """The characters a code page shows for the bytes 0x80-0xFF; an undefined byte shows as
    the Latin-1 character of the same value (as ftfy's "sloppy" codecs and most software do)."""
    out = {}
    for b in range(0x80, 0x100):
        try:
            out[b] = bytes([b]).decode(name)
        except UnicodeDecodeError:
            out[b] = chr(b)
    return out


def _cls(chars) -> str:
    """A regex character class body for ``chars`` (none of them ASCII)."""
    return "".join(sorted(set(chars)))


#: UTF-8 read with a Latin code page other than Windows-1252: Central European
#: (Windows-1250, ISO-8859-2: ``vĂˇrhatĂł`` for ``várható``, ``zaÄŤĂˇtku`` for ``začátku``)
#: and Baltic (Windows-1257: ``ÄŤ``). One lead + continuation pair is a candidate (as for
#: Windows-1252); ftfy decides. Byte tables from Python's codecs (the code pages' published
#: mappings), not written by hand.
_LATIN_PAGES = ("cp1250", "iso-8859-2", "cp1257")
#: UTF-8 read with the code page of another script: Greek (Windows-1253: ``Ξ±ΞΈΞ®Ξ½Ξ±`` for
#: ``αθήνα``), Arabic (Windows-1256: ``ظ…ط´ط±ظˆط¹`` for ``مشروع``), Hebrew (Windows-1255).
#: The leads are letters of that script (Greek Ξ Ο, Arabic ط ظ), so two pairs in a row are
#: required, as for Windows-1251 Cyrillic: the byte values of the script's 2-byte UTF-8 leads
#: (Greek 0xCD-0xCF, Arabic 0xD8-0xDB, Hebrew 0xD6-0xD7) and of 0xC2 (« » no-break space).
_SCRIPT_PAGES = {"cp1253": (0xC2, 0xCD, 0xCE, 0xCF), "cp1256": (0xC2, 0xD8, 0xD9, 0xDA, 0xDB),
                 "cp1255": (0xC2, 0xD6, 0xD7)}
#: code pages ftfy does not know: the rule re-decodes these itself
_OWN_PAGES = ("cp1256", "cp1255")
_PAGES = {name: _page(name) for name in (*_LATIN_PAGES, *_SCRIPT_PAGES)}


def _cont_of(name: str) -> str:
    return _cls(_PAGES[name][b] for b in range(0x80, 0xC0))


def _other_page_shapes():
    """(shape alternatives, lead characters, continuation characters) of the pages above."""
    alts, leads, conts = [], set(), set()
    for name in _LATIN_PAGES:
        t, c = _PAGES[name], _cont_of(name)
        l2 = _cls(t[b] for b in range(0xC2, 0xE0))
        l3 = _cls(t[b] for b in range(0xE0, 0xF0))
        l4 = _cls(t[b] for b in range(0xF0, 0xF5))
        alts.append(f"[{l2}][{c}]|[{l3}][{c}]{{2}}|[{l4}][{c}]{{3}}")
        leads.update(l2 + l3 + l4)
        conts.update(c)
    for name, lead_bytes in _SCRIPT_PAGES.items():
        t, c = _PAGES[name], _cont_of(name)
        l2 = _cls(t[b] for b in lead_bytes)
        # two pairs in a row, or the 3-byte form of general punctuation (0xE2: — “ ” …)
        alts.append(f"(?:[{l2}][{c}]){{2,}}|{t[0xE2]}[{c}]{{2}}")
        leads.update(l2 + t[0xE2])
        conts.update(c)
    return "|".join(alts), _cls(leads), _cls(conts)


_OTHER_SHAPES, _OTHER_LEADS, _OTHER_CONTS = _other_page_shapes()
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
    # punctuation (— “ ” …: 0xE2 0x80 ..) read as Windows-1251: 'вЂ' + a continuation (the
    # candidate is the rare 'Ђ', not the common 'в')
    f"|(?<=\u0432)\u0402{_CP1251_CONT}"
    # the Central European, Baltic, Greek, Arabic and Hebrew code pages
    f"|{_OTHER_SHAPES}"
    # a lone C1 control: a Windows-1252 byte read as Latin-1
    "|[\u0080-\u009f]"
)
#: fast scan: a lead character, then a cheap look at the next one (a charset-first pattern
#: runs ~10x faster in ``re`` than the alternation above)
_CANDIDATE = re.compile(
    f"[\u00c2-\u00f4\u0420\u0421\u0402\u0080-\u009f{_OTHER_LEADS}]"
    f"(?:(?<=[\u00c2-\u00f4]){_CONT}|(?<=\u00c3) |(?<=[\u0420\u0421]){_CP1251_CONT}"
    f"[\u0420\u0421]|(?<=\u0432\u0402)|(?<=[\u0080-\u009f])|(?<=[{_OTHER_LEADS}])[{_OTHER_CONTS}])"
)
#: each own page's characters (0x80-0xFF) as the Latin-1 character of their byte, for
#: ``str.translate`` before ``encode("latin-1").decode("utf-8")``
_OWN_TO_BYTE = {name: {ord(ch): b for b, ch in _PAGES[name].items()} for name in _OWN_PAGES}
_OWN_CHARS = {name: frozenset(_PAGES[name].values()) for name in _OWN_PAGES}
_OWN_LEADS = {name: frozenset(_PAGES[name][b] for b in _SCRIPT_PAGES[name][1:]) for name in _OWN_PAGES}
#: one accented letter read with a Latin code page, which ftfy's caution leaves alone
#: (``opravĂ\xad`` for ``opraví``, ``tiltÄ…`` for ``tiltą``, ``Ĺľena`` for ``žena``, ``BÃ¥de``
#: for ``Både``): the upper-case leads of each page (its bytes 0xC2-0xDF that are capitals;
#: for Windows-1252 only Ã Ä Å, the leads of the accented letters of Latin-1 and Latin
#: Extended-A), tried in this order
_REDECODE_PAGES = ("cp1252", *_LATIN_PAGES)
_PAGES["cp1252"] = _page("cp1252")
_UPPER_LEADS = {name: _cls(ch for b, ch in _PAGES[name].items() if 0xC2 <= b <= 0xDF and ch.isupper()
                           and (name != "cp1252" or b in (0xC3, 0xC4, 0xC5))) for name in _REDECODE_PAGES}
_LATIN_PAIR = re.compile("|".join(f"[{_UPPER_LEADS[name]}][{_cont_of(name)}]" for name in _REDECODE_PAGES))
_LATIN_TO_BYTE = {name: {ord(ch): b for b, ch in _PAGES[name].items()} for name in _REDECODE_PAGES}
_LATIN_CHARS = {name: frozenset(_PAGES[name].values()) for name in _REDECODE_PAGES}
_APOSTROPHES = "\u2019\u2018\u201a\u00b4\u02bc"
#: punctuation that may close or open a word without being part of its mojibake
_EDGE_PUNCT = "\"'()[]{}<>.,;:!?\u201e\u201d\u201c\u00ab\u00bb\u2019\u2018"

#: characters that end a segment handed to ftfy
_SPACE = re.compile(r"[ \t\r\n]")
_WORD_RUN = re.compile(r"[^ \t\r\n]+")
_SPACE_SPLIT = re.compile(r"([ \t\r\n])").split
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


def _other_byte_class() -> bytes:
    """Each Latin-1 byte's class in ``_CANDIDATE``'s other-page alternative: L (one of
    ``_OTHER_LEADS``), C (one of ``_OTHER_CONTS``), B (both), . (neither)."""
    lead, cont = re.compile(f"[{_OTHER_LEADS}]"), re.compile(f"[{_OTHER_CONTS}]")
    out = bytearray(b"." * 256)
    for b in range(0x80, 0x100):
        is_lead, is_cont = lead.fullmatch(chr(b)) is not None, cont.fullmatch(chr(b)) is not None
        out[b] = ord("B" if is_lead and is_cont else "L" if is_lead else "C" if is_cont else ".")
    return bytes(out)


_OTHER_BYTE_CLASS = _other_byte_class()
_OTHER_LEAD_CONT = re.compile(b"[LB][CB]").search


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
    if b"X" in classes or _LEAD_CONT(classes) is not None or (b"\xc3" in raw and b"\xc3 " in raw):
        return True
    # a lead and a continuation of another Latin page (Windows-1250, ISO-8859-2...) that
    # are both Latin-1 characters: one more translation and search
    return _OTHER_LEAD_CONT(raw.translate(_OTHER_BYTE_CLASS)) is not None


def _ftfy():
    import ftfy  # imported lazily: only texts with a candidate pay for it

    return ftfy


class Mojibake(lint.Rule):
    """Mojibake: text encoded as UTF-8 and decoded with another code page (Latin-1,
    Windows-1252, Windows-1251...), so that every accented letter, curly quote or Cyrillic
    letter became two or three wrong characters: ``cafÃ©`` (café), ``Itâ€™s`` (It’s),
    ``Ã¼ber`` (über), ``ÐŸÑ€Ð¸Ð²ÐµÑ‚`` and ``РџСЂРёРІРµС‚`` (Привет), ``ä¸­æ–‡`` (中文),
    ``don\\x92t`` (a Windows-1252 apostrophe read as a control character). Central European
    (Windows-1250, ISO-8859-2: ``vĂˇrhatĂł`` for ``várható``), Baltic (Windows-1257), Greek
    (Windows-1253: ``Ξ³Ξ­Ο†Ο…ΟΞ±`` for ``γέφυρα``), Arabic (Windows-1256: ``ط§ظ„ط¬ط³ط±`` for
    ``الجسر``) and Hebrew (Windows-1255) pages too; control characters inside a mojibake
    word are part of that finding.

    Why it matters: the words are unreadable, invisible to search, and poison a corpus
    (a model learns ``Ã©`` as a letter).

    A cheap pattern finds candidates; ftfy decides and proposes the repair. The fix is safe
    when ftfy's repair is a pure re-decoding (encode with the wrong code page, decode as
    UTF-8) of a segment its heuristics call clearly broken; otherwise it is offered as
    unsafe. ftfy does not know the Arabic and Hebrew pages, and leaves a lone accented letter
    alone (``opravĂ\xad``, ``BÃ¥de``): the rule re-decodes those itself, only when the bytes
    are strict UTF-8 and the result is a word in one case (Arabic and Hebrew: two or more
    characters). Portuguese ``NÃO``, French ``CAFÉ’S``, German ``«Straße»``, Ukrainian
    ``Рівне``, Romanian ``„ACASĂ”``, Slovak ``Ĺubietová``, Albanian ``Ç’po``, Greek
    ``«ΣΤΟ»`` and Arabic ``المشروع،`` are legitimate and are not reported.
    """

    code = "ENC001"
    #: quotation marks, brackets and control characters inside mojibake are part of it
    shadows = ("FRG005", "FRG006", "ENC003")
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
        # Central European (Windows-1250), Baltic (Windows-1257), Greek (Windows-1253), Arabic
        # (Windows-1256), Hebrew (Windows-1255); one accented letter ftfy leaves alone
        lint.Example("A polgármester szerint a híd jĂ¶vĹ‘re elkĂ©szĂĽl.", "hu", covers="jĂ¶vĹ‘re"),
        lint.Example("Starosta řekl, že most opravĂ\xad do konce září.", "cs", covers="opravĂ\xad"),
        lint.Example("Meras sakė, kad tiltÄ… sutvarkys iki rudens.", "lt", covers="tiltÄ…"),
        lint.Example("BÃ¥de fergen og kaia blir pusset opp i år.", "nb", covers="BÃ¥de"),
        lint.Example("Τελικά η Ξ½Ξ\xadΞ± Ξ³Ξ\xadΟ†Ο…Ο\x81Ξ± θα ανοίξει τον Μάιο.", "el", covers="Ξ³Ξ\xadΟ†Ο…Ο\x81Ξ±"),
        lint.Example("وقال رئيس البلدية إن ط§ظ„ط¬ط³ط± ط§ظ„ط¬ط¯ظٹط¯ سيفتتح في مايو.", "ar", covers="ط§ظ„ط¬ط³ط±"),
        lint.Example("ראש העיר אמר כי ׳”׳’׳©׳¨ ׳”׳—׳“׳© ייפתח במאי.", "he", covers="׳”׳’׳©׳¨"),
        lint.Example("Мэр сказал вЂ” мост откроют в мае.", "ru", covers="вЂ”"),
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
        # the lead characters of other code pages are letters of real text
        lint.Example("Primăria a anunțat că lucrările încep în mai; ĂSTA e planul, „ACASĂ” spun toți.", "ro"),
        lint.Example("Slovenský básnik písal o kráľovi a o mäsiarovi z Ĺubietovej.", "sk"),
        lint.Example("Dvě stě lidí přišlo; ZŠ PÍŠE, že ŠÍŘE ulice vzrostla.", "cs"),
        lint.Example("GÓŁ padł w ostatniej minucie; WESÓŁ był cały stadion.", "pl"),
        lint.Example("Η εφημερίδα έγραψε «ΣΤΟ ΚΕΝΤΡΟ» και «ΟΧΙ», ενώ ο ΟΤΕ ΆΝΟΙΞΕ ΞΑΝΑ.", "el"),
        lint.Example("قال الوزير إن المشروع، الذي بدأ في مايو، سينتهي قريبا؛ أليس كذلك؟", "ar"),
        lint.Example("اگر پروژه تا پاییز تمام نشود، گزارش می‌دهیم.", "fa"),
        lint.Example("ראש העיר אמר ש״הגשר ייפתח״ במאי, לפי הודעת העירייה.", "he"),
        lint.Example("Голосуйте за пункт «В» или «Г», сказал председатель.", "ru"),
        lint.Example("Ç’po bën sonte? Nuk e di ç’të them.", "sq"),
        lint.Example("ODTÜ’nün rektörü ve JOSÉ’s Café konuştu.", "tr"),
    )

    def check(self, doc):
        cached = doc.cache.get(_CACHE_KEY)
        if cached is None:
            cached = doc.cache[_CACHE_KEY] = list(self._check(doc))
        return iter(cached)

    def _check(self, doc):
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
            # a segment: from the space before this candidate to the space after the last
            # candidate that touches it (lone C1 controls in it are part of the mojibake:
            # "Р\x98РІР°РЅ" is "Иван" read as Windows-1251)
            seg_s = _segment_start(text, m.start())
            seg_e = _segment_end(text, m.end())
            j = i + 1
            while j < n and cands[j].start() <= seg_e + 1:
                seg_e = max(seg_e, _segment_end(text, cands[j].end()))
                j += 1
            group = cands[i:j]
            i = j
            c1s = [c for c in group if _is_c1(c)]
            if len(c1s) < len(group):
                found = self._segment(doc, text, seg_s, seg_e, ftfy)
                if found is None and len(group) > 1:
                    # several words that ftfy cannot repair as one (two code pages, a real
                    # word between): each word with a candidate on its own
                    found = [f for f in (self._segment(doc, text, w.start(), w.end(), ftfy)
                                         for w in _WORD_RUN.finditer(text, seg_s, seg_e)
                                         if any(w.start() <= c.start() < w.end() for c in group)) if f]
                else:
                    found = [found] if found is not None else []
                yield from found
                c1s = [c for c in c1s if not any(f.offset <= c.start() < f.end_offset for f in found)]
            for c in c1s:
                if c.group() not in _UNDEFINED_C1:
                    yield from self._c1(doc, text, c)

    def _segment(self, doc, text, seg_s, seg_e, ftfy):
        """The finding for the mojibake in ``text[seg_s:seg_e]``, or None."""
        seg = text[seg_s:seg_e]
        fixed = ftfy.fix_encoding_and_explain(seg)
        if fixed.text == seg:
            # the code pages ftfy does not know, and one letter it is too cautious about
            own = _own_redecode(seg) or _latin_redecode(seg)
            if own is None:
                return None
            repaired, safe = own, True
        elif "\ufffd" in fixed.text:
            return None  # only a lost character (ENC002)
        else:
            plan = fixed.explanation or []
            pure = bool(plan) and all(step[0] in ("encode", "decode") for step in plan) \
                and plan[-1] == ("decode", "utf-8")
            repaired, safe = fixed.text, pure and ftfy.badness.is_bad(seg)
        a, b, repl = _diff(seg, repaired)
        if a >= b:
            return None
        start, end = seg_s + a, seg_s + b
        if doc.is_masked(start, end):
            return None
        return self.finding(doc, start, end, f"mojibake: {text[start:end]!r} is {repl!r} decoded with the "
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


_CACHE_KEY = "ENC001.findings"


def mojibake_spans(doc) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets of ENC001's findings in ``doc``, computed once per
    document (kept in ``doc.cache``, shared with the rule's own run): other rules can leave
    alone what lies inside mojibake (the quotation marks and control characters of
    ``Β«Ξ£Ο„Ξ·Ξ½``).

    >>> import lint
    >>> mojibake_spans(lint.Document("Un cafÃ© noir.", "fr"))
    [(3, 8)]
    """
    return [(f.offset, f.end_offset) for f in Mojibake().check(doc)]


def _is_c1(m) -> bool:
    return len(m.group()) == 1 and "\u0080" <= m.group() <= "\u009f"


def _own_redecode(seg: str) -> str | None:
    """``seg`` re-decoded from a code page ftfy does not know (Arabic Windows-1256, Hebrew
    Windows-1255), word by word: a word is re-decoded when all its characters belong to the
    page and its bytes are strict UTF-8 (a real punctuation mark after it, ``،``, may stay);
    other words are kept. None unless some word gave two or more non-ASCII characters. Real
    Arabic or Hebrew text fails the strict decoding at its first letter (a lead byte followed
    by another lead byte).

    >>> _own_redecode("ظ…ط´ط±ظˆط¹"), _own_redecode("ظ…ط´ط±ظˆط¹، قال"), _own_redecode("مشروع، قال")
    ('مشروع', 'مشروع، قال', None)
    """
    for name in _OWN_PAGES:
        leads = _OWN_LEADS[name]
        if not any(ch in leads for ch in seg):
            continue
        chars, table = _OWN_CHARS[name], _OWN_TO_BYTE[name]
        words = _SPACE_SPLIT(seg)
        changed = False
        for k, word in enumerate(words):
            if not any(ch in leads for ch in word):
                continue
            for body, tail in ((word, ""), (word[:-1], word[-1:])):
                if not body or tail.isalnum() or any(ch not in chars and not ch.isascii() for ch in body):
                    continue
                try:
                    out = body.translate(table).encode("latin-1").decode("utf-8")
                except (UnicodeEncodeError, UnicodeDecodeError):
                    continue
                if sum(1 for ch in out if ord(ch) > 0x7F) >= 2 and not any("\x80" <= ch <= "\x9f" for ch in out):
                    words[k] = out + tail
                    changed = True
                break
        if changed:
            return "".join(words)
    return None


def _latin_redecode(seg: str) -> str | None:
    """``seg`` with its words that are one or more letters of UTF-8 read with a Central
    European or Baltic code page re-decoded, or None. A word qualifies when an upper-case lead
    follows a lower-case letter (``opravĂ\xad``, ``tiltÄ…``) or opens the word, or follows a
    capital, before a lower-case letter (``Ĺľena``, ``BÃ¥de``), all its characters belong to one page, the bytes are strict
    UTF-8, and the result is a word in one case (lower, capitalised or upper): real
    ``BUNĂŞTARE``, ``„CASĂ”`` or ``ÁĽ`` stay.

    >>> _latin_redecode("opravĂ\xad"), _latin_redecode("„ACASĂ”"), _latin_redecode("Ĺľena,")
    ('opraví', None, 'žena,')
    """
    words = _SPACE_SPLIT(seg)
    changed = False
    for k, word in enumerate(words):
        core = word.strip(_EDGE_PUNCT)
        if len(core) < 2:
            continue
        m = _LATIN_PAIR.search(core)
        if m is None:
            continue
        p = m.start()
        after = core[p + 2:p + 3]
        if not ((p > 0 and core[p - 1].islower()) or ((p == 0 or core[p - 1].isupper()) and after.islower()
                                                       and core[p + 1] not in _APOSTROPHES)):
            continue  # Albanian "Ç’po", "JOSÉ’s": a capital before an apostrophe
        for name in _REDECODE_PAGES:
            if any(ch not in _LATIN_CHARS[name] and not ch.isascii() for ch in core):
                continue
            try:
                out = core.translate(_LATIN_TO_BYTE[name]).encode("latin-1").decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
            letters = out.replace("-", "").replace("'", "").replace("\u2019", "")
            if not letters.isalpha() or not (out.islower() or out.isupper() or out.istitle()):
                continue
            if out.isascii() or any(not ch.isascii() and not ("\u00c0" <= ch <= "\u024f") for ch in out):
                continue  # Latin letters only: these are Latin code pages
            s = word.index(core)
            words[k] = word[:s] + out + word[s + len(core):]
            changed = True
            break
    return "".join(words) if changed else None


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
