"""FRG007 lowercase-paragraph-start and FRG008 unterminated-paragraph.

A paragraph is a unit of prose: it starts with a capital and ends with terminal
punctuation. When a scraper or translator cuts a paragraph (the start of its first
sentence lost, or its end), the remains start in lower case (``quando L’invasione russa
...``) or stop in mid-sentence. Headings, titles, captions, list items and quotations are
left alone, as are languages without letter case.

>>> import lint
>>> [f.text for f in lint.check_text(LowercaseParagraphStart(), "Vadim è partito.\\n\\nquando l’invasione è iniziata, è sceso in strada.", "it")]
['quando l’invasione']
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

import regex

import lint

from . import _frg_common as C

_TERMINAL_END = regex.compile(r"[.!?…。！？:;：；][\"'”’»)\]）」』】›*]*\s*$|[\"”»」』]\s*$")
_FIRST_WORDS = regex.compile(r"(\p{Ll}[\p{L}\p{M}]*(?:['’\-][\p{L}\p{M}]+)*)(?:[\s,;:]+([\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*))?")
_CLOSED_END = regex.compile(r"(?:(?<![.…])\.|。)[\"'”’»)\]）」』】›*]*\s*$")
_STOP_THEN = regex.compile(r"[.!?…]+[\"”’»)]*[ \t]+[\"“‘«(]*(\p{L})")
_LOWER_I = regex.compile(r"(?<![\p{L}\p{N}'’])i(?=['’]?[\s,.!?]|['’](?:m|ve|ll|d)\b)")
_LAST_WORD = regex.compile(r"[\p{L}\p{M}]+$")
#: languages where a paragraph that starts with a lower-case pronoun (Polish ``ja``, ``to``,
#: ``co``; Dutch ``ik``; Swedish ``jag``) is reported as info: these languages drop or
#: front subject pronouns in dialogue and informal writing, which starts lines so; the
#: other classes of function words (articles, prepositions, conjunctions...) stay strong
_PRONOUNS_WEAK = frozenset({"pl", "nl", "sv"})
_STRONG_CLASSES = ("art", "det", "prep", "conj", "aux", "adv")
#: short lower-case abbreviations that a lower-case word follows in running text (and, for
#: the style count, single letters: ``e.g.``, ``z.B.``, ``r.`` for rok); a short word that
#: is not one of them (``już.``, ``mam.``) ends a sentence. From each language's usage.
_ABBREVIATIONS = frozenset("""tys mln mld np ok godz ul nr tzw wg ds pkt ang zob pt tj itd itp
etc approx tsp tbsp vs fig ca cf ecc sig dott pag pág núm aprox env av bzw usw ggf vgl evtl inkl
zzgl bv enz resp blz kr tel
tis mil mld tzv např atd str kb ill stb ún pl ld mio mia osv dvs bl eks mill dll dsb jl rp lei dl dna
тыс млн млрд руб тис грн див напр хил лв ден
εκατ δισ χιλ χλμ τμ""".split())
#: the same, searched backwards from the end (the same match: the run of letters ending at
#: the end; a forward search tries, and fails, from every letter of the window first)
_LAST_WORD_BACK = regex.compile(r"(?r)[\p{L}\p{M}]+$")
#: a paragraph has a last word (``_LAST_WORD``) when its last character is a letter or a mark
#: (it never ends in whitespace): one character tested instead of a search
_LETTER = regex.compile(r"[\p{L}\p{M}]")


def _sentence_starts(doc) -> list:
    """The start of every sentence (sorted), shared with the quote rules through
    ``doc.cache``."""
    starts = doc.cache.get("frg.sentence_starts")
    if starts is None:
        starts = doc.cache["frg.sentence_starts"] = [s for s, _ in doc.sentences]
    return starts


def _dangling(lang):
    """Words a paragraph cannot end on in ``lang`` (rules/lexicons/frg/dangling_words.tsv)."""
    return C.lang_table("dangling_words.tsv").get(lang, ())


def _lowercase_style(doc, strong: bool = False) -> bool:
    """True when the document's sentences often start in lower case (informal writing, chat,
    lower-case style): a lower-case paragraph start says nothing there. With ``strong`` (the
    paragraph starts with a function word, the mark of a cut) one lower-case sentence start
    is not enough: it may be a line of spliced spam (``... ostatně. best online casino``)."""
    style = doc.cache.get("frg.lowercase_style")
    if style is None:
        text = doc.text
        lower = total = 0
        last_word = _LAST_WORD.search
        for m in _STOP_THEN.finditer(text):
            s = m.start()
            if text[s] == "." and text[s + 1:s + 2] != "." and m.group(1).islower():
                w = last_word(text, max(0, s - 5), s)
                if w is not None and (w.start() > s - 5 or s == 5) and w.group().islower() \
                        and (w.end() - w.start() == 1 or w.group() in _ABBREVIATIONS):
                    continue  # an abbreviation, a full stop and a lower-case word (tys. osób,
                    # np. w, e.g. the, z.B. die): not a sentence that starts in lower case
            total += 1
            lower += m.group(1).islower()
        many = lower > 0 and lower / total > 0.15
        style = (many, many and lower > 1)
        if not style[1] and doc.lang == "en" and _LOWER_I.search(text):
            style = (True, True)  # "i think": informal lower-case writing
        doc.cache["frg.lowercase_style"] = style
    return style[1] if strong else style[0]


def _ends_open(doc, p) -> bool:
    """True when paragraph ``p`` ends without terminal punctuation."""
    tail = doc.text[max(p.start, p.end - 12):p.end]
    return not _TERMINAL_END.search(tail)


class LowercaseParagraphStart(lint.Rule):
    """A text paragraph that starts in lower case: ``quando L’invasione russa dell’Ucraina
    ...``. The start of its first sentence was lost (cut at a link, an image or a page
    break), and what is left is a fragment.

    Not reported: list items, headings and titles; paragraphs that start with a quotation
    mark, bracket, dash or ellipsis (a continuation); brand names written in lower case
    (``iPhone``, ``eBay``) and rare or unknown words (lower-case product names such as
    ``npm``); name particles (``van Gogh``, ``de Gaulle``); a paragraph that
    continues a sentence the previous paragraph left open (no terminal punctuation, as in
    hard-wrapped text) or follows a question or exclamation (informal answers); short lines;
    the first paragraph of a document; documents written in lower-case style (many
    sentences start in lower case; a full stop between a short lower-case word and a
    lower-case word may be an abbreviation, ``tys. osób``, ``e.g. the``, and is not
    counted); languages without case. A paragraph that starts with a lower-case function
    word (``quando``, ``when``, ``and``) is a warning; one that starts with another word is
    info, since informal writing does that too.

    >>> import lint
    >>> len(lint.check_text(LowercaseParagraphStart(), "Prices rose.\\n\\niPhone sales fell sharply this year.", "en"))
    0
    """

    code = "FRG007"
    name = "lowercase-paragraph-start"
    severity = "warning"
    summary = "text paragraph starts in lower case (its beginning was lost)"
    fix_hint = "Restore the lost start of the sentence, or join the fragment to the paragraph it belongs to."
    confidence = 0.45
    languages = tuple(sorted(C.CASED_WORDS))  # a cased script and a word table
    matches = (
        lint.Example("Vadim ha deciso di partire.\n\nquando L’invasione russa dell’Ucraina è iniziata, Vadim è sceso "
                     "in strada per protestare.", "it", covers="quando L’invasione"),
        lint.Example("The young men left in a hurry.\n\nwhen the mobilisation was announced, they packed their bags "
                     "and drove to the border.", "en", covers="when the"),
        lint.Example("Los jóvenes se fueron deprisa.\n\ncuando se anunció la movilización, hicieron las maletas y "
                     "condujeron hasta la frontera.", "es", covers="cuando se"),
        lint.Example("Na festyn przyszło ok. 5 tys. osób, a bilety kosztowały 20 tys. zł łącznie. Pogoda "
                     "dopisała.\n\nale wieczorem zaczęło padać i wszyscy rozeszli się do domów.", "pl",
                     covers="ale wieczorem"),
        lint.Example("The club sold 3 tsp. of salt, e.g. the cheap kind, for the fair. It went well.\n\nand "
                     "then the rain came and everybody went home early.", "en", covers="and then"),
        lint.Example("Die jungen Männer gingen schnell.\n\nals die Mobilmachung verkündet wurde, packten sie ihre "
                     "Koffer und fuhren zur Grenze.", "de", covers="als die"),
        lint.Example("Radnice oznámila nové jízdní řády.\n\nprotože se opravuje most, autobusy pojedou objížďkou "
                     "přes sídliště.", "cs", covers="protože se"),
        lint.Example("Ο δήμος ανακοίνωσε νέα δρομολόγια.\n\nκαι οι επιβάτες θα πρέπει να περιμένουν περισσότερο "
                     "στις στάσεις.", "el", covers="και οι"),
        lint.Example("Міська рада затвердила новий розклад.\n\nщо автобуси їздитимуть рідше у вихідні дні через "
                     "ремонт.", "uk", covers="що автобуси"),
        lint.Example("Kommunen har vedtaget en ny køreplan.\n\nfordi broen skal repareres, kører busserne en omvej "
                     "gennem byen.", "da", covers="fordi broen"),
        lint.Example("The council has a new timetable.\n\nRead more: Bridge repairs will start in spring\n\nbecause "
                     "the bridge is closed, buses will take a detour through the estate.", "en", covers="because the"),
        lint.Example("Το έργο κοστίζει 40 εκατ. ευρώ και θα ολοκληρωθεί το 2026. Οι κάτοικοι ζητούν ενημέρωση. Ο "
                     "δήμος απαντά σύντομα.\n\nμετά τις εκλογές θα ξεκινήσει η δεύτερη φάση του έργου.", "el",
                     covers="μετά τις"),
    )
    no_matches = (
        lint.Example("Prices rose.\n\niPhone sales fell sharply this year, and eBay listings doubled.", "en"),
        lint.Example("The young men left in a hurry and\n\nwhen the mobilisation was announced, they packed.", "en"),
        lint.Example("- first item of the list\n- second item of the list", "en"),
        lint.Example("van Gogh painted it in Arles, in the summer of 1888.", "en"),
        lint.Example("“Siamo partiti.\n\n…e poi siamo arrivati al confine, stanchi.", "it"),
        lint.Example("他们走了。\n\n他们到了边境。", "zh"),
        lint.Example("i went there yesterday. it was great. we loved it.\n\nand then we went home, tired "
                     "but happy.", "en"),
        lint.Example("We drove through the night and finally got to\n\nthe coast just before dawn, tired but "
                     "happy.", "en"),
        lint.Example("Our road trip along the coast\n\nwas the best week of the summer, and we loved it.", "en"),
    )

    def check(self, doc):
        text = doc.text
        paras = doc.paragraphs
        for idx, p in enumerate(paras):
            c = text[p.start:p.start + 1]  # the cheapest test first: most paragraphs fail it
            if c < "\x80" and not "a" <= c <= "z":
                continue  # an ASCII character that is not a lower-case letter (no regex needed)
            if p.kind != "text" or (p.lang or doc.lang) not in C.CASED_WORDS:
                continue
            m = _FIRST_WORDS.match(text, p.start, p.end)
            if not m:
                continue  # starts with a capital, a digit, a quotation mark...
            first, second = m.group(1), m.group(2)
            end = m.end(2) if second else m.end(1)
            nxt = text[m.end(1):m.end(1) + 1]
            if any(ch.isupper() for ch in first) or nxt in ".@/_:" or nxt.isdigit():
                continue  # iPhone, eBay, e.g., example.com, handles
            if not C.known(first, p.lang or doc.lang, 2.0):
                continue  # a rare or unknown word: a product name written in lower case (unspun, npm)
            if first.lower() in C.word_set("name_prefixes.txt") \
                    and second and second[0].isupper():
                continue  # van Gogh, de Gaulle
            if idx == 0:
                continue  # a document that starts mid-sentence: truncated, not a broken paragraph
            prev = paras[idx - 1]
            lang = p.lang or doc.lang
            after_title = False
            if prev.kind != "heading" and not _CLOSED_END.search(text, max(prev.start, prev.end - 12), prev.end):
                after_title = self._closed_title(text, prev, lang)
                if not after_title:
                    continue  # continues the previous paragraph's open sentence (or its colon), or
                    # answers its question or exclamation, as informal writing does
            if len(doc.text[p.start:p.end].split()) < 5:
                continue
            # a fragment left by a lost sentence start mostly begins with a function word
            # ("quando", "when", "and", "of the"); a lower-case content word is as often
            # informal writing
            strong = first.lower() in C.function_words(lang, None if lang not in _PRONOUNS_WEAK else _STRONG_CLASSES)
            if _lowercase_style(doc, strong):
                continue
            if after_title and not (strong and first.lower() in C.function_words(lang, _STRONG_CLASSES)):
                continue  # after a title line only a function word (kvůli, because, and) is a cut
            yield self.finding(doc, p.start, end, f"paragraph starts in lower case ('{first}'): its beginning "
                                                  f"may have been lost",
                               severity=None if strong else "info", confidence=None if strong else 0.25)


    @staticmethod
    def _closed_title(text, prev, lang) -> bool:
        """True when ``prev`` is a labelled title line (a "read also" link, a caption
        credit: short, one line, no terminal punctuation, a label of one or two words and a
        colon first, ``Read more: ...``, ``Čtěte také: ...``) of 3+ words that starts with a
        capital and ends on a word a sentence can end on (not a function word or a dangling
        word): the next paragraph does not continue it. A title without a label may be the
        start of a sentence that the next paragraph continues (``Our trip along the coast``
        / ``was the best week``)."""
        if prev.kind != "title" or not text[prev.start:prev.start + 1].isupper():
            return False
        words = text[prev.start:prev.end].split()
        if len(words) < 3 or not any(w.endswith(":") for w in words[:2]):
            return False
        m = _LAST_WORD_BACK.search(text, prev.start, prev.end)
        if m is None or m.end() < prev.end:
            return False
        last = m.group().lower()
        return last not in C.function_words(lang) and last not in _dangling(lang)


class UnterminatedParagraph(lint.Rule):
    """A text paragraph of several sentences that stops without terminal punctuation:
    its end was cut off (``... ingesting coffees in the a keen Almaty park``). Headings,
    titles, captions, list items and short lines are left alone; so is a paragraph whose
    sentence continues in the next paragraph.

    >>> import lint
    >>> len(lint.check_text(UnterminatedParagraph(), "A title without a full stop\\n\\nText.", "en"))
    0
    """

    code = "FRG008"
    name = "unterminated-paragraph"
    severity = "warning"
    summary = "paragraph of running text stops without terminal punctuation"
    fix_hint = "Restore the lost end of the paragraph, or end the sentence."
    confidence = 0.3
    languages = None
    matches = (
        lint.Example("Many of those who left were called traitors by their families. Rakhimov said so while "
                     "drinking coffee in an Almaty park and he added that most of them", "en",
                     covers="most of them"),
        lint.Example("Molti di quelli che sono partiti sono stati chiamati traditori. Lo ha detto Rakhimov "
                     "mentre beveva un caffè in un parco di Almaty e ha aggiunto che la maggior parte", "it",
                     covers="maggior parte"),
        lint.Example("Muchos de los que se fueron fueron llamados traidores. Lo dijo Rakhimov mientras tomaba "
                     "un café en un parque de Almaty y añadió que la mayoría de ellos", "es",
                     covers="de ellos"),
    )
    no_matches = (
        lint.Example("A headline without a full stop\n\nThe text of the article follows here.", "en"),
        lint.Example("- a list item that has no full stop at all and goes on for quite a while longer", "en"),
        lint.Example("They left early. They crossed the border at night and reached the town.", "en"),
        lint.Example("They left early. They crossed the border at night and reached the town and\n\nthen "
                     "they slept for two whole days.", "en"),
    )

    def check(self, doc):
        text = doc.text
        paras = doc.paragraphs
        sentences = doc.sentences
        si = 0
        starts = None
        for idx, p in enumerate(paras):
            # a short paragraph without terminal punctuation is classed as a title; with two
            # sentences or more it is text that lost its end
            if p.kind not in ("text", "title") or p.end - p.start < 80:
                continue
            c = text[p.end - 1]
            if c < "\x80":
                if not ("a" <= c <= "z" or "A" <= c <= "Z"):
                    continue  # ends with a number, a bracket, a URL... or with punctuation
            elif c.isdigit() or not _LETTER.match(c):
                continue
            # (ending with a letter or a mark, the paragraph is open: _ends_open(doc, p), whose
            # pattern needs punctuation, a closing quote or a space at the end, is true here)
            # sentences of this paragraph: from the first one ending after its start (sorted
            # and disjoint, so their ends are sorted too) to the last one starting before its end
            if starts is None:
                starts = _sentence_starts(doc)
            k = bisect_right(starts, p.start, si) - 1  # the last sentence starting at or before it
            si = k if k >= si and sentences[k][1] > p.start else max(k + 1, si)
            j = bisect_left(starts, p.end, si)
            if j - si < 2:
                continue
            if idx + 1 < len(paras):
                nxt = paras[idx + 1]
                if text[nxt.start].islower():
                    continue  # the sentence continues in the next paragraph
            last = sentences[j - 1] if j > si else (p.start, p.end)
            start = max(last[0], p.end - 60)
            while start > last[0] and not text[start - 1].isspace():
                start -= 1
            word = _LAST_WORD_BACK.search(text, max(p.start, p.end - 40), p.end).group()
            lang = p.lang or doc.lang
            if word.islower() and word in _dangling(lang):
                yield self.finding(doc, start, p.end, f"paragraph stops on '{word}', in mid-sentence: its end "
                                                      f"was lost", confidence=0.45)
            elif len(text[last[0]:p.end].split()) >= 8:
                yield self.finding(doc, start, p.end, "paragraph stops without terminal punctuation: its end "
                                                      "may have been lost", severity="info", confidence=0.2)
