"""BPL004 copyright-line: copyright and reuse notices scraped into a text.

``© 2023 Reuters. All rights reserved``, ``Copyright (c) 2021 Example Media``,
``Tutti i diritti riservati``, ``Все права защищены``, ``版权所有``: the footer of the page
the text was scraped from.

>>> import lint
>>> text = "The vote was close.\\n\\n© 2023 Reuters. All rights reserved."
>>> [f.text for f in lint.check_text(CopyrightLine(), text, "en")]
['© 2023 Reuters. All rights reserved.']
"""
from __future__ import annotations

import re
from functools import lru_cache, partial

import lint

from ._bpl_common import Spans, authored, count_words, lexicon, quote, role_pattern, unmasked

_LEX = "copyright"
_YEAR = r"(?:1[89]\d\d|20\d\d)(?:\s*[-–/,]\s*(?:1[89]\d\d|20\d\d|\d\d))*"


@lru_cache(maxsize=None)
def _rx() -> dict:
    reserved = role_pattern(_LEX, "reserved")
    return {
        # a copyright sign or word followed by a year
        "notice": re.compile(
            rf"(?:[©ⓒ]|(?<!\w)(?:Copyright|COPYRIGHT|Copr\.)(?:\s*(?:©|\([cC]\)))?)\s*(?:{_YEAR})(?!\d)"
            rf"|[©ⓒ]\s*[^\n©ⓒ]{{1,60}}?\s(?:{_YEAR})(?!\w)"
            rf"|(?:^|(?<=[.!?]\s)|(?<=\n))(?:Copyright|COPYRIGHT)(?:\s*(?:©|\([cC]\)))?\s+[A-Z][^\n]{{0,60}}?"
            rf"\s(?:{_YEAR})(?!\w)"),
        "reserved": re.compile(reserved, re.I),
        # per language, the longest word of each notice: a document is searched for the
        # notices only when it holds one (of its own language or English)
        "keys": _keys(),
        "sentence_end": re.compile(r"[.!?。！？](?=\s|$)"),
    }


def _keys() -> dict:
    out: dict = {}
    for lang, phrase in lexicon(_LEX).get("reserved", ()):
        words = phrase.lower().split()
        key = max(words, key=len).strip(",.")
        out.setdefault(lang, [])
        if key not in out[lang]:
            out[lang].append(key)
    return {lang: tuple(v) for lang, v in out.items()}


@lru_cache(maxsize=None)
def _key_tests(keys: tuple) -> tuple:
    """Tests of the lower-cased text, one per group of ``keys`` that share their first two
    characters: ``str.__contains__`` of a lone key, or the ``search`` of a ``re`` pattern of
    the group (it opens with the shared literal, which the engine skips to at C speed). Some
    test is true exactly when some key is in the text.

    >>> [bool(t("all rights reserved")) for t in _key_tests(("reserved", "reproduced", "publication"))]
    [True, False]
    """
    groups: dict = {}
    for k in keys:
        groups.setdefault(k[:2], []).append(k)
    tests = []
    for head, group in groups.items():
        if len(group) == 1 or len(head) < 2:
            tests.extend(partial(_contains, k) for k in group)
        else:
            tails = sorted((re.escape(k[2:]) for k in group), key=len, reverse=True)
            tests.append(re.compile(re.escape(head) + "(?:" + "|".join(tails) + ")").search)
    return tuple(tests)


def _contains(key: str, text: str) -> bool:
    return key in text


#: words of a licence, in the languages of the lexicon: a notice near one is the document's
#: own (a LICENSE file, a README's licence section), not a scraped footer
_LICENSING = re.compile(r"licen[cçsz]|lizenz|лицензи|permission is hereby granted|spdx-license|"
                        r"creative commons|gnu general public|open[- ]source", re.IGNORECASE)
#: characters around a notice searched for a licence word
LICENSING_WINDOW = 400


def _licensing(text: str, start: int, end: int) -> bool:
    """True when a licence word is within LICENSING_WINDOW characters of ``[start, end)``.

    >>> _licensing("Copyright (c) 2024 Example Inc.\\n\\nPermission is hereby granted, free of charge", 0, 31)
    True
    >>> _licensing("The vote was close.\\n\\n© 2023 Reuters. All rights reserved.", 21, 58)
    False
    """
    return _LICENSING.search(text, max(0, start - LICENSING_WINDOW), end + LICENSING_WINDOW) is not None


class CopyrightLine(lint.Rule):
    """A copyright or reuse notice left in the text: ``© 2023 Reuters. All rights
    reserved``, ``Copyright (c) 2021 Example Media``, ``Tutti i diritti riservati``,
    ``Todos los derechos reservados``, ``Tous droits réservés``, ``Alle Rechte
    vorbehalten``, ``Все права защищены``, ``Tüm hakları saklıdır``, ``版权所有``.

    Why it matters: the notice is the footer of the page the text was scraped from; it is
    not part of the text and repeats across every document of a site, which skews a corpus.

    The copyright sign or the word "Copyright" counts only with a year (``the copyright
    of the song`` is an ordinary phrase). A notice on a line of its own is reported with
    high confidence, one inside a paragraph with less. A notice near a licence (a LICENSE
    file, a README's licence section: ``licensed under``, ``Permission is hereby
    granted``, ``Creative Commons``) is the document's own and is not reported; in a
    Markdown or HTML source, written rather than scraped, a notice is most often the
    author's own, so it is reported as info there.
    """

    code = "BPL004"
    name = "copyright-line"
    severity = "warning"
    languages = None
    summary = "copyright or 'all rights reserved' notice left in the text"
    fix_hint = "Delete the notice: it is the footer of the scraped page."
    fix = None
    confidence = 0.85
    matches = (
        lint.Example("The vote was close.\n\n© 2023 Reuters. All rights reserved.", "en", covers="© 2023 Reuters"),
        lint.Example("The vote was close.\n\nCopyright (c) 2021 Example Media Ltd", "en", covers="Copyright (c) 2021"),
        lint.Example("Il voto è stato serrato.\n\nTutti i diritti riservati", "it", covers="Tutti i diritti riservati"),
        lint.Example("La votación fue reñida.\n\nTodos los derechos reservados.", "es",
                     covers="Todos los derechos reservados"),
        lint.Example("Le vote a été serré.\n\n© Le Monde 2023 Tous droits réservés", "fr",
                     covers="Tous droits réservés"),
        lint.Example("Die Abstimmung war knapp.\n\nAlle Rechte vorbehalten.", "de", covers="Alle Rechte vorbehalten"),
        lint.Example("A votação foi apertada.\n\nTodos os direitos reservados.", "pt",
                     covers="Todos os direitos reservados"),
        lint.Example("Голосование было напряжённым.\n\n© 2023 РИА Новости. Все права защищены.", "ru",
                     covers="Все права защищены"),
        lint.Example("Oylama çekişmeli geçti.\n\nTüm hakları saklıdır.", "tr", covers="Tüm hakları saklıdır"),
        lint.Example("投票结果很接近。\n\n版权所有 © 2023 新华网", "zh", covers="版权所有"),        lint.Example("투표 결과는 박빙이었다.\n\nⓒ 한국일보, 무단 전재 및 재배포 금지", "ko", covers="무단 전재"),
        lint.Example("Hlasování bylo těsné.\n\nVšechna práva vyhrazena.", "cs", covers="Všechna práva vyhrazena"),
        lint.Example("Η ψηφοφορία ήταν οριακή.\n\nΜε την επιφύλαξη παντός δικαιώματος.", "el",
                     covers="επιφύλαξη παντός δικαιώματος"),
        lint.Example("كانت نتيجة التصويت متقاربة.\n\nجميع الحقوق محفوظة لموقع الخبر", "ar", covers="جميع الحقوق محفوظة"),
    )
    no_matches = (
        lint.Example("The copyright of the song passed to her children in 1998.", "en"),
        lint.Example("Copyright law was reformed in 2019 after a long debate.", "en"),
        lint.Example("I diritti riservati agli azionisti sono elencati nello statuto.", "it"),
        lint.Example("He paid 5 (c) 2021 fees.", "en"),
        lint.Example("Su copyright y registro fue establecido en diciembre de 1999.", "es"),
        lint.Example("Copyright Office records show the 1976 filing.", "en"),
        lint.Example("MIT License\n\nCopyright (c) 2024 Example Inc.\n\nPermission is hereby granted, free of "
                     "charge, to any person obtaining a copy of this software.", "en"),
        lint.Example("## Lizenz\n\nCopyright © 2024 Beispiel GmbH. Veröffentlicht unter der MIT-Lizenz.", "de"),
        lint.Example("Texto disponible bajo la licencia Creative Commons.\n\n© 2022 Fundación Ejemplo", "es"),
        lint.Example("그는 무단전재 문제를 지적하며 저작권 보호를 강조했다고 말했다.", "ko"),
    )

    def check(self, doc):
        rx = _rx()
        text = doc.text
        done = Spans()
        # "©" / "Copyright": found with str.find, the notice pattern is tried there only
        starts = []
        low = doc.lowered
        # the sign (one character: memchr speed) and the words, which leave "opyright" or
        # "opr." in the lower-cased text (one ``re`` scan instead of three searches)
        keys = tuple((sign, 0) for sign in ("©", "ⓒ") if sign in text)
        if _WORD_KEYS.search(low):
            keys += (("opyright", 1), ("OPYRIGHT", 1), ("Copr.", 0))
        for key, back in keys:
            pos = text.find(key)
            while pos >= 0:
                if pos >= back:
                    starts.append(pos - back)
                pos = text.find(key, pos + 1)
        for start in sorted(starts):
            m = rx["notice"].match(text, start)
            if not m or _law_context(text, m) or done.contains(start):
                continue
            yield from self._report(doc, rx, text, m.start(), m.end(), done, "copyright notice")
        lang_keys = rx["keys"]
        candidates = lang_keys.get(doc.lang, ()) + lang_keys["en"] if doc.lang != "en" else lang_keys["en"]
        if not any(test(low) for test in _key_tests(candidates)):
            return  # no key: (most documents) a test per group of keys instead of one per key
        keys = [k for k in candidates if k in low]
        if len(low) == len(text):
            # same offsets (lower-casing changed no length): look only at the lines that
            # hold a key
            lines = set()
            for k in keys:
                pos = low.find(k)
                while pos >= 0:
                    lines.add(doc.line_span(pos))
                    pos = low.find(k, pos + 1)
            spans = sorted(lines)
        else:
            spans = [(0, len(text))]
        for ls, le in spans:
            for m in rx["reserved"].finditer(text, ls, le):
                if done.contains(m.start()):
                    continue
                yield from self._report(doc, rx, text, m.start(), m.end(), done, "rights notice")

    def _report(self, doc, rx, text, start, end, done, what):
        ls, le = doc.line_span(start)
        line_words = count_words(text, ls, le)
        if line_words <= 25:
            # the whole line is the notice (a footer line)
            s, e = _skip_space(text, ls), le
            conf = 0.85
        else:
            # inside a paragraph: the notice up to the end of its sentence
            s = start
            se = rx["sentence_end"].search(text, end, le)
            e = se.end() if se and se.end() - end < 120 else end
            # "© 2023 Reuters. All rights reserved.": one notice
            k = e
            while k < le and text[k] in " \t":
                k += 1
            more = rx["reserved"].match(text, k, le)
            if more:
                e = more.end() + (1 if more.end() < le and text[more.end()] == "." else 0)
            conf = 0.6
        if done.overlaps(s, e):
            return
        if _licensing(text, s, e):
            done.add(s, e)
            return  # the document's own notice, next to its licence
        span = unmasked(doc, s, e)
        if span:
            done.add(*span)
            conf, sev = authored(doc, conf)
            yield self.finding(doc, span[0], span[1], f"{what} left in the text: {quote(text[span[0]:span[1]])!r}",
                               confidence=conf, severity=sev)


#: in the lower-cased text wherever "opyright", "OPYRIGHT" or "Copr." is in the text
_WORD_KEYS = re.compile(r"op(?:yright|r\.)")
_LAW = re.compile(r"(?i)copyright\s+(?:law|act|office|holder|owner|infringement|protection|term|directive)")


def _law_context(text: str, m) -> bool:
    """'Copyright law was reformed in 2019': the word, not a notice."""
    g = m.group()
    if g[:1] in "©ⓒ":
        return False
    return bool(_LAW.match(text, m.start()))


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos
