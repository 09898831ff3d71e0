"""QLT006 mixed-language: paragraphs in another language than the document's.

A corpus for one language should hold documents in that language. A scraped page that
switches language between paragraphs is a bilingual page, a page with its translation or
its original glued on, or a template in another language; a document whose text is mostly
in another language than the one declared (``--language``, or the corpus's language) is
in the wrong corpus. FineWeb (Penedo et al. 2024) and CCNet keep a document only when a
language identifier is confident about one language.

Each run of consecutive paragraphs in one other language is one finding. It is confirmed,
not taken from the paragraph's language guess alone: by the script (Cyrillic or Han
paragraphs in a Latin-script document), or by function words (a Latin-script paragraph
whose words are mostly the function words of another language and not of the document's).

>>> import lint
>>> text = ("The council met on Monday and agreed to build a new bridge over the river. "
...         "The work will start in spring and should be finished within two years.\\n\\n"
...         "Il consiglio si è riunito lunedì e ha deciso di costruire un nuovo ponte sul fiume.")
>>> [(f.rule, f.severity) for f in lint.check_text(MixedLanguage(), text, "en")]
[('QLT006', 'info')]
"""
from __future__ import annotations

import re
from typing import Optional

import regex

import lint

from . import _qlt_common as Q

#: letters (CJK characters) a paragraph needs before its language is judged
MIN_LETTERS = 40
MIN_CJK = 15
#: a Latin-script paragraph is in language X, not the document's language D, when X's
#: function words make up at least this share of its words ...
FOREIGN_MIN_SHARE = 0.30
#: ... and at least this many times D's share (shared words like "a", "de", "in" keep
#: related languages apart only by a clear margin)
FOREIGN_RATIO = 1.8
#: the document's own language is assumed, when the language detector agrees, once its
#: function words make up this share of a paragraph's words (Chinese: function characters
#: among Han characters; Japanese: hiragana among Japanese letters); set at the lower end
#: of clean text's shares (see QLT005)
SURE_SHARE = {"en": 0.30, "de": 0.30, "es": 0.30, "fr": 0.30, "it": 0.30, "pt": 0.30, "nl": 0.30,
              "sv": 0.25, "ro": 0.25, "pl": 0.15, "ru": 0.12, "tr": 0.10, "zh": 0.05, "ja": 0.15}
#: counted words a Latin-script paragraph needs
MIN_WORDS = 8
#: foreign letters over this share of the document: the text is mostly in another
#: language than its own (declared) one -> warning instead of info
MOSTLY_FOREIGN = 0.5

#: a CJK character counts as this many characters of alphabetic text in the shares
CJK_WEIGHT = 3
_KINDS = ("text", "quote", "title", "list", "heading")
_HIRAGANA_SHARE_JA = 0.15
_HIRAGANA_SHARE_ZH = 0.02


def _a(word: str) -> str:
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word


#: a character that may be a letter of another script than Latin (of those of Q.SCRIPT): any
#: but those under U+0370 (Latin, common and inherited characters) and general punctuation
_MAYBE_OTHER_SCRIPT = re.compile("[^\x00-\u036f\u2000-\u206f]")


def _dominant_script(doc, para, own: Optional[str] = None) -> tuple[str, float, int]:
    """(the script with the most letters, its share, letters of all the scripts). ``own``:
    the script likely to win, counted first: with more than half the letters it wins."""
    if own is not None:
        mine = Q.script_letters(doc.text, para.start, para.end, own)
        total = Q.script_letters(doc.text, para.start, para.end)
        if 2 * mine > total:
            return own, mine / total, total
    counts = Q.script_counts(doc.text, para.start, para.end)
    total = sum(counts.values())
    if not total:
        return "", 0.0, 0
    script = max(counts, key=counts.get)
    return script, counts[script] / total, total


class MixedLanguage(lint.Rule):
    """Paragraphs in another language than the document's: a bilingual page, a page with
    its translation or original glued on, a template in another language; or a document
    mostly in another language than the one declared with ``--language``. Each run of
    paragraphs in one other language is reported once, after confirming the language by
    its script or its function words (so a quoted name or a short foreign title is not
    enough). Severity info: a curation signal for a one-language corpus; it becomes a
    warning when more than half of the document is in the other language (the document is
    in the wrong language).

    FineWeb (Penedo et al. 2024) and CCNet keep a web document only when a language
    identifier gives one language a high score; unspun checks the same per paragraph."""

    code = "QLT006"
    name = "mixed-language"
    severity = "info"
    summary = "paragraphs in another language than the document's"
    fix_hint = "Keep one language per document: drop or split off the paragraphs in the other language."
    confidence = 0.4
    matches = (
        lint.Example("The council met on Monday and agreed to build a new bridge over the river. The work "
                     "will start in spring and should be finished within two years.\n\n"
                     "Il consiglio si è riunito lunedì e ha deciso di costruire un nuovo ponte sul fiume. I "
                     "lavori inizieranno in primavera.", "en", covers="Il consiglio"),
        lint.Example("Le conseil municipal s'est réuni lundi et a décidé de construire un nouveau pont sur la "
                     "rivière.\n\nDer Gemeinderat hat am Montag beschlossen, eine neue Brücke über den Fluss zu "
                     "bauen, und die Arbeiten sollen im Frühjahr beginnen.", "fr", covers="Der Gemeinderat"),
        lint.Example("市议会周一开会，决定在河上修建一座新桥，工程将于明年春天开始。\n\n"
                     "The council met on Monday and agreed to build a new bridge over the river, and the "
                     "work will start in spring.", "zh", covers="The council"),
        lint.Example("El ayuntamiento se reunió el lunes y decidió construir un puente nuevo sobre el río.\n\n"
                     "Городской совет собрался в понедельник и решил построить новый мост через реку.", "es",
                     covers="Городской"),
    )
    no_matches = (
        lint.Example("The council met on Monday and agreed to build a new bridge over the river.\n\n"
                     "The work will start in spring and should be finished within two years.", "en"),
        lint.Example("El ayuntamiento se reunió el lunes y decidió construir un puente nuevo sobre el río, "
                     "que estará listo en dos años.\n\nLas obras empezarán en primavera y costarán unos "
                     "veinte millones de euros, según el alcalde.", "es"),
        lint.Example("O conselho reuniu-se na segunda-feira e decidiu construir uma nova ponte sobre o rio. "
                     "As obras começam na primavera e devem durar dois anos.", "pt"),
        lint.Example("The band played “La vie en rose” and “Volare” before the break.\n\n"
                     "Their new album, Canzoni d'amore, comes out in May.", "en"),
        lint.Example("He told the court: «Non ho mai visto quell'uomo.» The judge adjourned the hearing "
                     "until Monday, when the defence will call its first witness.", "en"),
        lint.Example("北京时间周一，市议会决定修建新桥，并邀请Microsoft和Google参与智慧城市项目。", "zh"),
        lint.Example("市議会は月曜日に会合を開き、川に新しい橋を建設することを決めた。工事は来年の春に始まる予定だ。", "ja"),
    )

    def check(self, doc):
        lang = doc.lang
        if not lang or lang not in Q.SCRIPT:
            return  # a language without a script known: no paragraph is judged
        paras = doc.paragraphs
        runs = []  # [other language, first paragraph, last paragraph, characters]
        total_letters = 0
        for para, own in zip(paras, self._surely_own(doc, lang)):
            if para.kind not in _KINDS:
                continue
            if own:
                other, letters = None, (para.end - para.start) * (CJK_WEIGHT if Q.SCRIPT[lang] == "cjk" else 1)
            else:
                other, letters = self._foreign(doc, para, lang)
            total_letters += letters
            if other is None:
                continue
            if runs and runs[-1][0] == other and runs[-1][2].index == para.index - 1:
                runs[-1][2] = para
                runs[-1][3] += letters
            else:
                runs.append([other, para, para, letters])
        if not runs or not total_letters:
            return
        foreign = sum(r[3] for r in runs)
        mostly = foreign / total_letters > MOSTLY_FOREIGN
        for other, first, last, letters in runs:
            n = last.index - first.index + 1
            what = f"{'paragraph' if n == 1 else f'{n} paragraphs'} in {Q.name(other)}"
            if mostly:
                message = (f"{what}, not {Q.name(lang)}: {foreign / total_letters:.0%} of the document is in "
                           f"another language than its own")
            else:
                message = f"{what} in {_a(Q.name(lang))} document ({letters / total_letters:.0%} of the text)"
            yield self.finding(doc, first.start, last.end, message,
                               severity="warning" if mostly else None,
                               confidence=0.6 if mostly else None)

    @staticmethod
    def _surely_own(doc, lang) -> list[bool]:
        """For every paragraph at once: True when :meth:`_foreign` surely finds it in the
        document's language without a closer look (too short to judge, or the detector
        agrees and the function words say so: Q.quick_shares's bounds)."""
        paras = doc.paragraphs
        cjk = Q.SCRIPT[lang] == "cjk"
        least = MIN_CJK if cjk else MIN_LETTERS
        out = [p.end - p.start < least for p in paras]
        sure = SURE_SHARE.get(lang)
        quick = Q.quick_shares(doc, lang) if sure is not None else None
        if quick is None:
            return out
        hits, sizes = quick
        if lang in ("zh", "ja"):
            # the paragraph's function characters (hiragana) are at least MIN_CJK, and at least
            # `sure` times its length, so of its Han characters (Japanese letters); for
            # Chinese, its hiragana are under 15% of its function characters, so of its
            # Japanese letters (the function characters are Han characters): not Japanese
            zh_hira = Q.cjk_hits(doc, "ja") if lang == "zh" else None
            for i, (para, h, size) in enumerate(zip(paras, hits, sizes)):
                if not out[i] and para.lang in (None, lang) and h >= MIN_CJK and h >= sure * size \
                        and (zh_hira is None or 20 * zh_hira[i] < 3 * h):
                    out[i] = True
        else:
            for i, (para, h, size) in enumerate(zip(paras, hits, sizes)):
                if not out[i] and para.lang in (None, lang) and size >= MIN_WORDS and h >= sure * size:
                    out[i] = True
        return out

    def _foreign(self, doc, para, lang) -> tuple:
        """(the paragraph's other language or None, its weight: characters, CJK ones three
        times, as a CJK character carries about as much as three Latin letters)."""
        size = para.end - para.start
        own_script = Q.SCRIPT.get(lang)
        if own_script == "cjk":
            size *= CJK_WEIGHT
        if own_script is None or para.end - para.start < (MIN_CJK if own_script == "cjk" else MIN_LETTERS):
            return None, size
        agrees = para.lang in (None, lang)
        if agrees:
            # quick acceptance: the detector agrees and the function words say so too
            got = Q.quick_share(doc, para, lang)
            sure = SURE_SHARE.get(lang)
            if got and sure is not None and got[1] >= (MIN_CJK if lang in ("zh", "ja") else MIN_WORDS) \
                    and got[0] >= sure * got[1] and (lang != "zh" or self._zh_ja(doc, para, lang) is None):
                return None, size
        if own_script == "latin" and _MAYBE_OTHER_SCRIPT.search(doc.text, para.start, para.end) is None:
            # no letter of another script (tests/test_qlt_speed_equivalence.py): Latin is the
            # dominant script if the paragraph has letters, all of them; the function words
            # decide first, the letters (one count) only if they find another language
            other = self._latin(doc, para, lang, Q.function_share(doc, para, lang))
            if other is None or Q.script_letters(doc.text, para.start, para.end, "latin") < MIN_LETTERS:
                return None, size
            return other, size
        script, script_share, letters = _dominant_script(doc, para, own_script)
        if script_share < 0.6 or letters < (MIN_CJK if script == "cjk" else MIN_LETTERS):
            return None, size
        if script != own_script:
            weight = (para.end - para.start) * (CJK_WEIGHT if script == "cjk" else 1)
            return self._name_for_script(doc, para, script, None if agrees else para.lang), weight
        if script == "latin":
            return self._latin(doc, para, lang, Q.function_share(doc, para, lang)), size
        if script == "cjk":
            return self._zh_ja(doc, para, lang), size
        return None, size

    @staticmethod
    def _name_for_script(doc, para, script, claimed) -> str:
        if claimed and Q.SCRIPT.get(claimed) == script:
            return claimed
        if script == "latin":
            best, share, n = Q.best_latin_language(doc, para)
            return best if best and share >= FOREIGN_MIN_SHARE and n >= MIN_WORDS else "latin-script text"
        if script == "cjk":
            ja = Q.function_share(doc, para, "ja")
            return "ja" if ja and ja[1] and ja[0] / ja[1] >= _HIRAGANA_SHARE_JA else "zh"
        return {"cyrillic": "ru", "hangul": "ko", "greek": "el", "arabic": "ar"}.get(script, script)

    @staticmethod
    def _latin(doc, para, lang, got) -> str | None:
        own = got[0] / got[1] if got and got[1] else 0.0
        bound = Q.latin_share_bound(doc, para, exclude=lang)
        if bound < FOREIGN_MIN_SHARE or bound < FOREIGN_RATIO * own:
            return None
        best, share, n = Q.best_latin_language(doc, para, exclude=lang)
        if best is None or n < MIN_WORDS or share < FOREIGN_MIN_SHARE or share < FOREIGN_RATIO * own:
            return None
        return best

    @staticmethod
    def _zh_ja(doc, para, lang):
        ja = Q.function_share(doc, para, "ja")
        if not ja or ja[1] < MIN_CJK:
            return None
        hira = ja[0] / ja[1]
        if lang == "zh" and hira >= _HIRAGANA_SHARE_JA:
            return "ja"
        if lang == "ja" and hira <= _HIRAGANA_SHARE_ZH:
            return "zh"
        return None
