"""MTA007 untranslated-segment: a bracketed insertion left in the source language.

Editors insert words into quotations in square brackets (``“[Kazakhs] gave us free food”``).
Machine translation often skips bracketed text, so the insertion survives in the source
language: ``“[Kazakhs] ci hanno dato cibo gratis”`` in an Italian article.

>>> import lint
>>> [f.text for f in lint.check_text(UntranslatedSegment(), "“[Kazakhs] ci hanno dato cibo gratis, ci hanno ospitato”, ha detto.", "it")]
['[Kazakhs]']
"""
from __future__ import annotations

import regex

import lint

#: a square-bracketed run of one to four words (not a Markdown link or footnote)
_BRACKET = regex.compile(r"(?<![\p{L}\p{N}!\]\\#*`:|_/.-])\[(?P<body>\p{L}[\p{L}\p{M}'’]*(?:[ -][\p{L}\p{M}'’]+){0,3})\](?![(\[:])")
_WORD = regex.compile(r"[\p{L}\p{M}'’]+")
_NAMES = {"en": "English", "it": "Italian", "es": "Spanish", "fr": "French", "de": "German", "pt": "Portuguese",
          "nl": "Dutch", "pl": "Polish", "tr": "Turkish", "ro": "Romanian", "sv": "Swedish", "zh": "Chinese",
          "ja": "Japanese", "ru": "Russian"}
#: editorial abbreviations and Latin used in brackets in every language
#: English function words, shared with other languages' tables through loans and names
_EN_FUNCTION = frozenset("the a an of and or to in on at for with by from his her their our my your its".split())
_EDITORIAL = frozenset("sic ndr ndlr nda ndt anm anm.d.red red ed eds edit sic! ibid etc".split())


class UntranslatedSegment(lint.Rule):
    """A square-bracketed editorial insertion left in the source language, as in Italian
    ``“[Kazakhs] ci hanno dato cibo gratis”``: every bracketed word is a known English word
    and unknown or rare in the paragraph's own language. Machine translation skips bracketed
    text; a human translator would have written ``[I kazaki]``. Names, words shared by both
    languages (``[film]``), ``[sic]``-style editorial marks, Markdown links and footnotes are
    left alone. Checks English leftovers in every other language unspun supports."""

    code = "MTA007"
    name = "untranslated-segment"
    severity = "warning"
    languages = ("it", "es", "fr", "de", "pt", "nl", "pl", "tr", "ro", "sv", "ru", "zh", "ja")
    summary = "bracketed insertion left untranslated ([Kazakhs] in Italian)"
    fix = None
    fix_hint = "Translate the bracketed words into the language of the text."
    confidence = 0.5
    matches = (
        lint.Example("“[Kazakhs] ci hanno dato cibo gratis, ci hanno ospitato”, ha detto Alexei.", "it",
                     covers="[Kazakhs]"),
        lint.Example("«[The soldiers] nos dieron comida y agua», dijo el alcalde.", "es", covers="[The soldiers]"),
        lint.Example("« [Refugees] arrivent chaque jour à la gare », a déclaré le maire.", "fr", covers="[Refugees]"),
        lint.Example("„[Neighbours] haben uns geholfen“, sagte die Frau.", "de", covers="[Neighbours]"),
    )
    no_matches = (
        lint.Example("“[I kazaki] ci hanno dato cibo gratis”, ha detto Alexei.", "it"),
        lint.Example("“Ci hanno dato cibo [sic] gratis”, ha detto.", "it"),
        lint.Example("Il [film] è uscito ieri nelle sale.", "it"),
        lint.Example("“[Putin] ha deciso tutto”, ha detto.", "it"),
        lint.Example("Vedi [la guida](https://example.com) per i dettagli.", "it", format="markdown"),
        lint.Example("“[The soldiers] gave us food,” the mayor said.", "en"),
        lint.Example("大型[俄罗斯]公司和企业业务。", "zh"),
        lint.Example("Er sagte, die [Regierung] habe nichts getan.", "de"),
    )

    @staticmethod
    def _context_is(doc, m, lang) -> bool:
        """Do the words around the brackets belong to ``lang`` rather than to English (a
        misdetected English paragraph has English all around)?"""
        para = doc.paragraph_at(m.start())
        if para is None:
            return False
        text = doc.text
        lo, hi = max(para.start, m.start() - 200), min(para.end, m.end() + 200)
        words = [w for w in _WORD.findall(text[lo:m.start()] + " " + text[m.end():hi]) if len(w) > 1][:60]
        if lang in ("zh", "ja"):
            return len(regex.findall(r"\p{Han}|\p{Hiragana}|\p{Katakana}", text[lo:hi])) > 20
        here = sum(1 for w in words if lint.zipf(w, lang) > lint.zipf(w, "en") + 0.5)
        there = sum(1 for w in words if lint.zipf(w, "en") > lint.zipf(w, lang) + 0.5)
        return here >= 3 and here > 2 * there

    def check(self, doc):
        text = doc.text
        if "[" not in text:
            return
        for m in _BRACKET.finditer(text):
            lang = doc.lang_at(m.start())
            if lang is None or lang == "en" or lang not in self.languages:
                continue
            words = _WORD.findall(m.group("body"))
            if not words or any(w.lower().strip("'’") in _EDITORIAL for w in words):
                continue
            content = [w for w in words if w.lower() not in _EN_FUNCTION]
            if not content:
                continue
            ok = True
            for w in content:
                en, here = lint.zipf(w, "en"), lint.zipf(w, lang)
                if en < 2.0 or en - here < 1.5 or here >= 2.5:
                    ok = False
                    break
            if not ok or not self._context_is(doc, m, lang):
                continue
            body = m.group("body")
            yield self.finding(
                doc, m.start(), m.end(),
                f"bracketed '{body}' is English in {_NAMES.get(lang, lang)} text: an insertion left untranslated",
            )
