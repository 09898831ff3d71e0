"""FRG005 unbalanced-quotes and FRG006 unbalanced-brackets.

Quotation marks and brackets come in pairs. Machine translation and link splicing break the
pairs: a closing mark with no opening one (the start of the sentence was cut), two openings
and one closing, a right quote used as an opening one. Both rules scan each paragraph once
with a stack; the quote rule knows each language's conventions (English “…” and ‘…’,
German „…“ and ‚…‘, French « … », Swiss and Danish »…«, CJK 「…」 『…』) and tells
apostrophes (``l’Ucraina``, ``don’t``, ``rock ’n’ roll``, ``’90s``) from quotes.

>>> import lint
>>> [f.message for f in lint.check_text(UnbalancedQuotes(), "Non è qualcosa in cui voglio essere coinvolto”, dice.", "it")]
['closing quotation mark ” with no opening one']
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

import regex

import lint

from ._frg_common import char_positions

#: a paragraph with more quotation marks than this is not prose; it is not scanned
MAX_MARKS_PER_PARAGRAPH = 400
_QUOTE_CHARS = "\"“”„‟‘’‚«»‹›「」『』"
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
#: languages that write »…« (and ›…‹)
_REVERSED_GUILLEMETS = frozenset("de da sv fi hr cs sk sl hu".split())
#: languages that open and close with the same ” (Swedish, Finnish)
_SAME_RIGHT = frozenset("sv fi".split())
_LETTER = regex.compile(r"[\p{L}\p{M}]")
_ANY_CLOSE = regex.compile(r"[”“»«」』\"]")
#: after a closing mark, the sentence goes on in lower case (an attribution: ", he said")
_CONTINUES = regex.compile(r"[ \t\u00a0]*[,;:]?[ \t\u00a0]*\p{Ll}")
_SENTENCE_END = regex.compile(r"[.!?…。！？](?=\s|$)|[。！？]")
_DIGIT = regex.compile(r"\d")

# families: what closes what
_DOUBLE, _SINGLE, _GUIL, _SGUIL, _CORNER, _WCORNER, _ASCII = "double single guil sguil corner wcorner ascii".split()
_FAMILY = {"“": _DOUBLE, "”": _DOUBLE, "„": _DOUBLE, "‟": _DOUBLE, "‘": _SINGLE, "’": _SINGLE, "‚": _SINGLE,
           "«": _GUIL, "»": _GUIL, "‹": _SGUIL, "›": _SGUIL, "「": _CORNER, "」": _CORNER,
           "『": _WCORNER, "』": _WCORNER, '"': _ASCII}


class _Mark:
    __slots__ = ("pos", "ch", "family", "misused", "nested")

    def __init__(self, pos, ch, family, misused=False):
        self.pos, self.ch, self.family, self.misused = pos, ch, family, misused
        self.nested = None  # position of a same-family opening met while this one was open


def _marks_in(positions, k, para):
    """``(k, j)``: the marks of ``para`` are ``positions[k:j]`` (sorted positions; the
    search starts at ``k``).

    >>> class P: start, end = 5, 9
    >>> _marks_in([1, 5, 8, 9, 12], 0, P)
    (1, 3)
    """
    k = bisect_left(positions, para.start, k)
    return k, bisect_left(positions, para.end, k)


def _paragraphs_with_marks(doc, positions, carrying):
    """``(index, paragraph, the positions of its marks)`` for every paragraph holding a
    mark, in order, and for every paragraph while ``carrying()`` is true (a quotation or
    bracket left open must see the paragraphs that follow, marks or not). ``carrying`` is
    asked again before each step, so the caller's state decides."""
    paras = doc.paragraphs
    k, idx, n = 0, -1, len(paras)
    while True:
        idx += 1
        if not carrying():  # nothing carried over: skip the paragraphs without a mark
            idx, k = _next_with_marks(doc, positions, k, idx)
        if idx >= n:
            return
        p = paras[idx]
        k, j = _marks_in(positions, k, p)
        yield idx, p, positions[k:j]
        k = j


def _next_with_marks(doc, positions, k, idx):
    """``(i, k)``: the index ``i >= idx`` of the next paragraph holding one of
    ``positions[k:]`` (``len(doc.paragraphs)`` when none does), and ``k`` moved past the
    positions before it (marks between paragraphs belong to none and are skipped, as the
    scan does). A paragraph without a mark changes nothing when no quotation or bracket is
    carried over, so the scans jump to the next one that has a mark."""
    paragraph_at = doc.paragraph_at
    while k < len(positions):
        p = paragraph_at(positions[k])
        if p is not None and p.index >= idx:
            return p.index, k
        k += 1
    return len(doc.paragraphs), k


def _same_block(text, end, start):
    """True when only one line break separates two paragraphs (lines of one block)."""
    return text.count("\n", end, start) <= 1


def _sentence_starts(doc):
    starts = doc.cache.get("frg.sentence_starts")
    if starts is None:
        starts = doc.cache["frg.sentence_starts"] = [s for s, _ in doc.sentences]
    return starts


def _is_letter(text, i):
    """``text[i]`` is a letter or a mark (``str.isalpha`` first: every letter is one, and it
    answers most calls without the regex)."""
    if not 0 <= i < len(text):
        return False
    ch = text[i]
    return ch.isalpha() or (ch > "\x7f" and bool(_LETTER.match(ch)))  # no ASCII mark


def _is_digit(text, i):
    """``text[i]`` is a digit (an ASCII one tested without the regex: ``\\d`` takes 0-9 there)."""
    if not 0 <= i < len(text):
        return False
    ch = text[i]
    return "0" <= ch <= "9" if ch < "\x80" else bool(_DIGIT.match(ch))


def _scan_quotes(text, start, end, lang, cjk, marks):
    """Walk the quote marks of ``text[start:end]``.

    Returns (problems, open_marks) where problems are (kind, start, end, message, confidence)
    and open_marks the marks still open at the end of the paragraph.
    """
    problems = []
    stack: list[_Mark] = []
    last_close = start
    first = start
    while first < end and text[first] in " \t":
        first += 1
    for i in marks:
        ch = text[i]
        fam = _FAMILY[ch]
        top = stack[-1] if stack else None
        if fam == _SINGLE and not cjk:
            prev_letter, next_letter = _is_letter(text, i - 1), _is_letter(text, i + 1)
            if ch == "’" or ch == "‘" and prev_letter and next_letter:
                if prev_letter and next_letter:
                    continue  # apostrophe: l’Ucraina, don’t
                if top is not None and top.family == _SINGLE:
                    stack.pop()
                    last_close = i + 1
                continue  # an apostrophe (Jesus’, ’90s) unless it closes an open ‘
            if ch == "‘":
                if _is_digit(text, i + 1):
                    continue  # ‘90s written with the wrong mark
                if top is not None and top.family == _SINGLE and top.ch == "‚":
                    stack.pop()  # German ‚…‘
                    last_close = i + 1
                    continue
                stack.append(_Mark(i, ch, fam))
                continue
            if ch == "‚":
                if lang in ("de", "pl", "cs", "nl", "ru") and next_letter:
                    stack.append(_Mark(i, ch, fam))
                continue
        if fam == _ASCII:
            if _is_digit(text, i - 1) and not (top is not None and top.family == _ASCII):
                continue  # inches: 12"
            if top is not None and top.family == _ASCII:
                stack.pop()
                last_close = i + 1
            elif any(s.family == _ASCII for s in stack):
                # misnested: close the ASCII quote, dropping what was opened inside it
                while stack and stack[-1].family != _ASCII:
                    stack.pop()
                stack.pop()
                last_close = i + 1
            else:
                stack.append(_Mark(i, ch, fam))
            continue
        opening = _opens(ch, top, lang, cjk, i == first, text, i)
        if opening is None:
            continue
        if opening:
            if top is not None and top.family == fam and _at_line_start(text, i) and "\n" in text[top.pos:i]:
                # a line of the block that opens the same quotation again: the convention for
                # a quotation that runs over several paragraphs, here one line each (Chinese
                # and Japanese text often breaks paragraphs with a single newline)
                stack.pop()
                stack.append(_Mark(i, ch, fam))
                continue
            if top is not None and top.family == fam and top.nested is None and fam in (_DOUBLE, _GUIL, _CORNER) \
                    and not top.misused and ch not in "„" and lang not in _SAME_RIGHT \
                    and not _SENTENCE_END.search(text, top.pos + 1, i):
                top.nested = i  # a second opening inside the same sentence
            stack.append(_Mark(i, ch, fam))
            continue
        # a closing mark: find its opening
        k = len(stack) - 1
        while k >= 0 and stack[k].family != fam:
            k -= 1
        if k < 0:
            if (fam == _DOUBLE and ch == "”" or fam == _SINGLE and cjk and ch == "’") and not _is_digit(text, i - 1):
                # maybe a right quote used as the opening one: ”Hello,” / ’对不起’
                stack.append(_Mark(i, ch, fam, misused=True))
                continue
            if _is_digit(text, i - 1):
                continue  # 5’10”: feet and inches
            problems.append(("stray", i, f"closing quotation mark {ch} with no opening one", last_close))
            continue
        opener = stack[k]
        if opener.misused and ch == opener.ch:
            problems.append(("misused", opener.pos, i + 1,
                             f"right quotation mark {ch} used as an opening one", 0.6))
        elif k != len(stack) - 1:
            inner = stack[-1]
            if inner.family not in (_SINGLE, _ASCII):
                problems.append(("misnested", inner.pos, i + 1,
                                 f"quotation marks misnested: {inner.ch} is closed by {ch}", 0.5))
        del stack[k:]
        last_close = i + 1
    return problems, stack


#: an opening mark and the closing one that :func:`_scan_quotes` pairs with it in every
#: language when nothing else is open (German „…“ and Polish „…”; not »…«, whose reading
#: depends on the language)
_PAIRS = frozenset(["“”", "«»", "„“", "„”", "「」", "『』", '""'])


def _at_line_start(text, i):
    """True when only spaces stand between a line break and ``text[i]``."""
    j = i - 1
    while j >= 0 and text[j] in " \t\u3000":
        j -= 1
    return j >= 0 and text[j] == "\n"


def _paired_quotes(text, marks, last):
    """True when the marks of a paragraph are pairs from ``_PAIRS`` that open and close in
    turn (an ASCII opening ``"`` not after a digit, which would make it inches): scanned
    with nothing open before, such a paragraph reports nothing and leaves nothing open. None
    when that holds once the ``’`` between two letters are left out (apostrophes, outside
    CJK text), False otherwise.

    >>> _paired_quotes('«Oui», dit-il. "No" and “yes”.', [0, 4, 15, 18, 24, 28], 29)
    True
    >>> _paired_quotes("“Don’t”", [0, 4, 6], 6), _paired_quotes('He is 5"2" tall', [7, 9], 14)
    (None, False)
    """
    apostrophe = False
    opener = -1
    for i in marks:
        ch = text[i]
        if ch == "’":
            if 0 < i < last and text[i - 1].isalpha() and text[i + 1].isalpha():
                apostrophe = True
                continue
            return False
        if opener < 0:
            if ch == '"' and i > 0 and _is_digit(text, i - 1):
                return False
            opener = i
        elif text[opener] + ch in _PAIRS:
            opener = -1
        else:
            return False
    if opener >= 0:
        return False
    return None if apostrophe else True


def _pairs_within_lines(text, positions):
    """True when no line break lies between the two marks of each pair ``positions[0:2]``,
    ``positions[2:4]``... A paragraph is made of whole lines, so each pair is then inside
    one paragraph.

    >>> _pairs_within_lines("(a) (b\\nc)", [0, 2, 4, 8]), _pairs_within_lines("(a) (b c)", [0, 2, 4, 8])
    (False, True)
    """
    find = text.find
    return all(find("\n", positions[k], positions[k + 1]) < 0 for k in range(0, len(positions) - 1, 2))


def _flanks_opening(text, i):
    """True when the mark at ``i`` sits where only an opening mark can: after a space, an
    opening bracket or the start of the text, and right before a letter or digit
    (``»for lidt«``, ``»för lite»``); French « … » has a space inside, and a closing mark
    follows a letter or punctuation.

    >>> _flanks_opening("sagt »for lidt« i", 5), _flanks_opening("sagt »for lidt« i", 14), _flanks_opening("« oui »", 6)
    (True, False, False)
    """
    before = text[i - 1] if i > 0 else " "
    return (before.isspace() or before in "([{—–-") and i + 1 < len(text) and text[i + 1].isalnum()


def _free_standing(text, i):
    """True when the mark at ``i`` has white space (or the text's edge) on both sides:
    outside French, whose closing » is spaced so, and with no guillemet open, a » like that
    separates or points (``Home » News » World``, ``Read more »``).

    >>> _free_standing("Home » News", 5), _free_standing("Read more »", 10), _free_standing("mehr»", 4)
    (True, True, False)
    """
    return (i == 0 or text[i - 1].isspace()) and (i + 1 >= len(text) or text[i + 1].isspace())


def _opens(ch, top, lang, cjk, at_start, text, i):
    """True if ``ch`` opens a quotation here, False if it closes one, None to ignore it."""
    if ch in "「『„‟":
        return True
    if ch in "」』":
        return False
    if ch == "“":
        # German „…“: “ closes a low-9 opening
        return not (top is not None and top.family == _DOUBLE and top.ch == "„")
    if ch == "”":
        if lang in _SAME_RIGHT and not (top is not None and top.family == _DOUBLE):
            return True
        return False
    if ch == "‘":  # CJK only here
        return True
    if ch == "’":
        return False
    if ch in "«‹":
        if top is not None and top.family == _FAMILY[ch] and top.ch in "»›":
            return False  # »…«
        return True
    if ch in "»›":
        if top is not None and top.family == _FAMILY[ch] and top.ch in "«‹":
            return False
        if (top is None or top.family != _FAMILY[ch]) and lang != "fr" and _free_standing(text, i):
            return None  # a separator or arrow: "Home » News", "Read more »" (French spaces its closing » so)
        if top is not None and top.family == _FAMILY[ch] and top.ch == ch and not _flanks_opening(text, i):
            return False  # Swedish and Finnish »…»
        if lang in _REVERSED_GUILLEMETS:
            return True
        if at_start and lang in ("fr", "it", "es", "pt", "ru"):
            return None  # » opening a continued paragraph of a long quotation
        # »…« (Danish, German, Czech, Hungarian...) in a text whose language is unknown or
        # taken for another: a » that can only be an opening one
        return _flanks_opening(text, i)
    return None


class UnbalancedQuotes(lint.Rule):
    """Quotation marks that do not pair up within a paragraph: a closing mark with no
    opening one (``Non è qualcosa in cui voglio essere coinvolto”`` — the start of the quote
    was lost), two openings and one closing (``“Siamo scappati da Russia “Perché vogliamo
    vivere”``), a right quote used as an opening one (``’对不起,我真的不能’``), or an opening
    mark never closed.

    Each language's conventions are understood: “…” and ‘…’, German „…“ and ‚…‘, French
    « … », »…« in German and Danish, 「…」 and 『…』 in Chinese and Japanese, and ASCII
    "…". Apostrophes (``l’Ucraina``, ``don’t``, ``rock ’n’ roll``, ``’90s``, ``Jesus’``) are
    not quotes. A quotation that runs over several paragraphs, each opening again and only
    the last one closing, is the normal convention and is not reported.

    >>> import lint
    >>> len(lint.check_text(UnbalancedQuotes(), "„Wir kommen“, sagte er. »Gut«, sagte sie.", "de"))
    0
    """

    code = "FRG005"
    name = "unbalanced-quotes"
    severity = "warning"
    summary = "unbalanced or misnested quotation marks in a paragraph"
    fix_hint = "Restore the missing quotation mark, or remove the stray one."
    confidence = 0.45
    languages = None
    matches = (
        lint.Example("Non è qualcosa in cui voglio essere coinvolto”, dice un programmatore di 30 anni.", "it",
                     covers="coinvolto”"),
        lint.Example("“Siamo scappati da Russia “Perché vogliamo vivere”, dice Alexey. “Abbiamo paura”.", "it",
                     covers="“Siamo scappati"),
        lint.Example("“当我告诉他们时,他们说’对不起,我真的不能’,我们没能找到公寓,”她说。", "zh", covers="’对不起"),
        lint.Example("He said he would stay.” Then he left for the station without a word.", "en",
                     covers="stay.”"),
        lint.Example("«Nous ne voulons pas cette guerre, dit Vadim. Nous partons demain.\n\nIl est parti.", "fr",
                     covers="«Nous"),
        lint.Example("Он сказал: «Мы уезжаем завтра. И больше не вернёмся.\n\nОни уехали.", "ru", covers="«Мы"),
    )
    no_matches = (
        lint.Example("L’Ucraina non è d’accordo, dice l’ingegnere: “Ero arrabbiato”.", "it"),
        lint.Example("Don’t stop the rock ’n’ roll of the ’90s; it was Jesus’ day, he said ‘maybe’.", "en"),
        lint.Example("„Wir kommen morgen“, sagte er, ‚vielleicht‘ auch später.", "de"),
        lint.Example("« Nous partons », dit-il. « Demain ? » « Oui. »", "fr"),
        lint.Example("»Wir kommen«, sagte er.", "de"),
        # »…« and »…» in a paragraph whose language is taken for one that writes « … »
        # (Danish, Swedish: short paragraphs often look English to the detector)
        lint.Example("Home » News » World\n\nThe minister resigned on Monday after weeks of pressure. Read more »",
                     "en"),
        lint.Example("Borgmesteren kaldte planen »for dyr og for sen«, og byrådet stemte nej.", "en"),
        lint.Example("Borgmästaren kallade planen »för dyr och för sen», och fullmäktige röstade nej.", "sv"),
        lint.Example("Borgmästaren kallade planen »för dyr och för sen», och fullmäktige röstade nej.", "en"),
        lint.Example("“The first paragraph of a long quotation does not close.\n\n“The second one opens "
                     "again and closes at last.”", "en"),
        lint.Example("店主对此看得很淡。“大家都说我出名了，我还是每天四点起床。\n“做生意没有捷径，顾客一尝就知道。”", "zh"),
        lint.Example("Hon skrev på Facebook:\n\n”Jag har drivit stället i elva år och aldrig sett något liknande.\n\n"
                     "”Kom hit och drick kaffe med oss. Dörren står öppen.”", "sv"),
        lint.Example("他说:「我们走吧。」她说:『好的。』", "zh"),
        lint.Example("The board is 12\" wide and he is 5’10” tall.", "en"),
        lint.Example("He said \"yes\" and she said \"no\".", "en"),
    )

    def check(self, doc):
        text = doc.text
        positions = char_positions(text, _QUOTE_CHARS)
        if not positions:
            return
        last = len(text) - 1
        if _paired_quotes(text, positions, last) is True and _pairs_within_lines(text, positions):
            return  # the whole text: pairs that open and close in turn, each on one line (so
            # in one paragraph): every paragraph holds whole pairs, and nothing is left open
        paras = doc.paragraphs
        pending = None  # (paragraph, open marks) carried over from the previous paragraph
        pending_end = 0
        for idx, p, marks in _paragraphs_with_marks(doc, positions, lambda: pending is not None):
            if not marks:
                if pending and _same_block(text, pending_end, p.start):
                    pending_end = p.end  # a hard-wrapped line of the same block: still open
                    continue
                if pending:
                    yield from self._report_open(doc, *pending)
                pending = None
                continue
            if len(marks) > MAX_MARKS_PER_PARAGRAPH:
                pending = None  # not prose (QLT003 reports symbol soup): keep the scan linear
                continue
            if pending is None:
                paired = _paired_quotes(text, marks, last)
                if paired is True:
                    continue  # pairs that open and close in turn: nothing to report, nothing open
            else:
                paired = False
            lang = p.lang or doc.lang
            cjk = lang in ("zh", "ja", "ko") or bool(_CJK.search(text, p.start, min(p.end, p.start + 200)))
            if paired is None and not cjk:
                continue  # the same with apostrophes between letters (l’Ucraina, don’t), which
                # are all there is in many paragraphs, outside CJK text
            problems, stack = _scan_quotes(text, p.start, p.end, lang, cjk, marks)
            first = p.start
            # (Swedish and Finnish open with ”, as they close)
            reopened = first < p.end and (text[first] in "“„«»‘‚「『\"" or (text[first] == "”" and lang in _SAME_RIGHT))
            if pending:
                # a quotation continued from the previous paragraph: this one reopens it
                # (the convention) or closes it with a stray closing mark (sloppy, not damage)
                closes = [pr for pr in problems if pr[0] == "stray"]
                if reopened or closes:
                    if closes:
                        problems.remove(closes[0])
                else:
                    yield from self._report_open(doc, *pending)
                pending = None
            for pr in problems:
                if pr[0] == "stray":
                    _, i, msg, last_close = pr
                    s = self._clause_start(doc, p, i, last_close)
                    if (s == p.start or not text[p.start:s].strip()) and _CONTINUES.match(text, i + 1, p.end):
                        # the first sentence of the paragraph ends a quotation that was never
                        # opened and goes on (", dice Sergey"): its start was lost
                        yield self.finding(doc, s, i + 1, msg)
                    else:
                        # later in the paragraph, or at the end of a sentence, the opening may
                        # sit in a sentence that was cut or reordered by extraction: weaker
                        yield self.finding(doc, s, i + 1, msg, severity="info", confidence=0.2)
                else:
                    _, s, e, msg, conf = pr
                    yield self.finding(doc, s, e, msg, confidence=conf)
            stack = [mk for mk in stack if not (mk.family == _SINGLE and not cjk)]
            if stack:
                if p.kind in ("heading", "title", "table") or idx + 1 >= len(paras):
                    yield from self._report_open(doc, p, stack)
                else:
                    pending = (p, stack)
                    pending_end = p.end
        if pending:
            yield from self._report_open(doc, *pending)

    def _report_open(self, doc, p, stack):
        text = doc.text
        for mk in stack:
            if mk.misused:
                s = self._clause_start(doc, p, mk.pos, p.start)
                strong = (s == p.start or not text[p.start:s].strip()) and _CONTINUES.match(text, mk.pos + 1, p.end)
                yield self.finding(doc, s, mk.pos + 1, f"closing quotation mark {mk.ch} with no opening one",
                                   severity=None if strong else "info", confidence=None if strong else 0.2)
                continue
            if mk.nested is not None:
                # two openings, one closing: report from the first opening to the closing
                close = _ANY_CLOSE.search(text, mk.nested + 1, p.end)
                end = close.end() if close else p.end
                yield self.finding(doc, mk.pos, end, f"two opening quotation marks {mk.ch} and one closing")
                continue
            # an opening never closed is often a quotation that runs on over sentences that
            # were cut or reordered; weaker evidence than a stray closing mark
            yield self.finding(doc, mk.pos, p.end, f"quotation mark {mk.ch} opened and never closed",
                               severity="info", confidence=0.2)
            break  # one report per paragraph is enough

    @staticmethod
    def _clause_start(doc, p, i, floor):
        """Start of the quoted clause that ends at ``i``: the sentence start, not before the
        last quotation mark closed in the paragraph."""
        sentences = doc.sentences
        k = bisect_right(_sentence_starts(doc), i) - 1
        start = sentences[k][0] if k >= 0 and sentences[k][0] <= i < sentences[k][1] else p.start
        return max(start, floor, p.start)


# -- brackets ---------------------------------------------------------------------------

_BRACKET_CHARS = "()[]（）【】［］"
_CLAUSE_END = re.compile(r"[.!?。！？]")
_CLOSE_FOR = {")": "(", "]": "[", "）": "（", "】": "【", "］": "［"}
#: "1)", "a)", "iv)" enumerations at a line start or after a space/colon
_ENUM_BEFORE = regex.compile(r"(?:^|[\s:;,(])(?:\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,5})$")
#: emoticons :) ;-) =( :D(
_EMOTICON_BEFORE = regex.compile(r"[:;=][-^'o]?$")
_EMOTICON_AFTER = regex.compile(r"[:;][-^']?(?:\s|$)")


#: an opening bracket followed by its closing one
_BRACKET_PAIRS = frozenset(["()", "[]", "（）", "【】", "［］"])


def _paired_brackets(text, start, marks):
    """True when the brackets of a paragraph (starting at ``start``) are pairs that open
    and close in turn, with no emoticon among them: :meth:`UnbalancedBrackets._scan` then
    reports nothing and leaves nothing open. An emoticon needs ``:``, ``;`` or ``=`` among
    the three characters before a bracket (``:)``, ``;-(``; the third for ``:-`` before a
    line break, where ``$`` matches) or ``:``/``;`` right after an opening one (``(:``);
    with none, ``_EMOTICON_BEFORE`` and ``_EMOTICON_AFTER`` cannot match. An enumeration's
    ``)`` is only skipped when no ``(`` is open.

    >>> _paired_brackets("See (a) and [b] here.", 0, [4, 6, 12, 14])
    True
    >>> _paired_brackets("Nice :) (really).", 0, [6, 8, 15]), _paired_brackets("a (b [c) d]", 0, [2, 5, 7, 10])
    (False, False)
    """
    opener = -1
    for i in marks:
        if _EMOTICON_CHARS.intersection(text[max(start, i - 3):i]):
            return False
        ch = text[i]
        if opener < 0:
            if text[i + 1:i + 2] in (":", ";"):
                return False
            opener = i
        elif text[opener] + ch in _BRACKET_PAIRS:
            opener = -1
        else:
            return False
    return opener < 0


_EMOTICON_CHARS = frozenset(":;=")


class UnbalancedBrackets(lint.Rule):
    """Round or square brackets that do not pair up within a paragraph: ``(Rebecca
    Wright/CNN`` with no closing bracket, or a closing bracket whose opening was cut off.
    Full-width brackets （） and 【】 are checked too. Enumerations (``1)``, ``a)``,
    ``iv)``), emoticons (``:)``, ``;-(``) and half-open intervals (``[start, end)``) are not
    brackets, and a bracket may close on a later line of the same block.

    >>> import lint
    >>> len(lint.check_text(UnbalancedBrackets(), "Choose a) red or b) blue :) (or both).", "en"))
    0
    """

    code = "FRG006"
    name = "unbalanced-brackets"
    summary = "unbalanced brackets in a paragraph"
    fix_hint = "Restore the missing bracket, or remove the stray one."
    severity = "info"
    confidence = 0.3
    languages = None
    matches = (
        lint.Example("Gli arrivi russi si allineano ad Almaty (Rebecca Wright/CNN. Poi partono tutti.", "it",
                     covers="(Rebecca"),
        lint.Example("The vote was postponed again) and nobody knew why it happened.", "en", covers="again)"),
        lint.Example("他们在阿拉木图（哈萨克斯坦登记。", "zh", covers="（"),
        lint.Example("La votación se aplazó (otra vez, y nadie supo por qué.", "es", covers="(otra"),
    )
    no_matches = (
        lint.Example("Choose a) red, b) blue or 3) green, as you like.", "en"),
        lint.Example("Nice to see you :) and bye ;-) (really).", "en"),
        lint.Example("Ci sono due punti: 1) il primo e 2) il secondo.", "it"),
        lint.Example("他们在阿拉木图（哈萨克斯坦）登记。", "zh"),
        lint.Example("The rules (see [3] and [4]) apply.", "en"),
    )

    def check(self, doc):
        text = doc.text
        positions = char_positions(text, _BRACKET_CHARS)
        if not positions:
            return
        if _paired_brackets(text, 0, positions) and _pairs_within_lines(text, positions):
            return  # as for the quotation marks (the emoticon test, looking back from the start
            # of the text instead of the paragraph, sees more: it is only stricter)
        pending = None  # (paragraph, offset of an opening bracket not closed there)
        pending_end = 0
        for _, p, marks in _paragraphs_with_marks(doc, positions, lambda: pending is not None):
            if pending is not None and not _same_block(text, pending_end, p.start):
                yield self._open_finding(doc, *pending)
                pending = None
            if not marks:
                if pending is not None:
                    pending_end = p.end
                continue
            if pending is None and _paired_brackets(text, p.start, marks):
                continue  # pairs that open and close in turn: nothing to report, nothing open
            problems, stack = self._scan(text, p.start, p.end, marks)
            if pending is not None:
                strays = [pr for pr in problems if pr[0] == "stray"]
                if strays:
                    problems.remove(strays[0])  # a bracket continued over a line break
                    pending = None
            for kind, i in problems:
                s = i
                while s > max(p.start, i - 40) and not text[s - 1].isspace():
                    s -= 1
                yield self.finding(doc, s, i + 1, f"closing bracket {text[i]} with no opening one")
            if stack:
                if pending is not None:
                    yield self._open_finding(doc, *pending)
                pending = (p, stack[0])
            if pending is not None:
                pending_end = p.end
        if pending is not None:
            yield self._open_finding(doc, *pending)

    def _open_finding(self, doc, p, i):
        m = _CLAUSE_END.search(doc.text, i + 1, p.end)
        end = m.end() if m else p.end
        return self.finding(doc, i, end, f"opening bracket {doc.text[i]} never closed")

    @staticmethod
    def _scan(text, start, end, positions):
        problems = []
        stack = []
        for i in positions:
            ch = text[i]
            before = text[max(start, i - 6):i]
            if ch in "()" and _EMOTICON_BEFORE.search(before) or ch == "(" and _EMOTICON_AFTER.match(text, i + 1):
                continue
            if ch in _CLOSE_FOR:
                if ch == ")" and _ENUM_BEFORE.search(before) and not (stack and text[stack[-1]] == "("):
                    continue
                want = _CLOSE_FOR[ch]
                if stack and text[stack[-1]] == want:
                    stack.pop()
                elif stack and text[stack[-1]] in "[(" and i - stack[-1] < 40 and "," in text[stack[-1]:i]:
                    stack.pop()  # a half-open interval: [start, end)
                elif any(text[j] == want for j in stack):
                    while stack and text[stack[-1]] != want:
                        stack.pop()
                    stack.pop()
                else:
                    problems.append(("stray", i))
            else:
                stack.append(i)
        return problems, stack
