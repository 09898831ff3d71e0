"""QLT003 symbol-soup: paragraphs made mostly of symbols and digits, not words.

Tables flattened into text, tracking codes, leaked markup, binary or encoded data read as
text, navigation made of separators: in all of them letters are a minority. Gopher (Rae
et al. 2021) keeps a document only when 80% of its words contain a letter and the ratio
of '#' and ellipses to words stays under 0.1.

>>> import lint
>>> soup = "Total: 4,310.55 | 12/03/2021 | #8841-22-0937 | $ 1,220.00 | 98.6% | 0x3F2A | 1,337 ; 42:17"
>>> [f.rule for f in lint.check_text(SymbolSoup(), soup, "en")]
['QLT003']
"""
from __future__ import annotations

from itertools import chain, compress, count, repeat
from operator import attrgetter, ge, lt, mul, not_

import regex

import lint

from . import _qlt_common as Q

#: a paragraph is soup when under this share of its non-space characters are letters
#: (clean text: 0.39 at the lowest, a flattened financial table in an e-mail, over 0.5
#: for everything else measured on the Universal Dependencies treebanks of 12 languages)
MIN_LETTER_SHARE = 0.30
#: non-space characters a paragraph needs before its share means anything
MIN_CHARS = 30
#: Gopher's document-level limits (documents of 50+ words)
MIN_ALPHA_WORDS = 0.80
MAX_HASH_ELLIPSIS_PER_WORD = 0.10
MIN_DOC_WORDS = 50

#: a run of one repeated symbol (a separator line "-----", "*****") counts as one character
_RUN = regex.compile(r"([^\p{L}\p{N}\s])\1{2,}")
_LETTERS = regex.compile(r"[\p{L}\p{M}]+")
_SPACE = regex.compile(r"\s+")
#: whitespace-separated tokens without any letter
_NO_LETTER_TOKEN = regex.compile(r"(?<!\S)[^\p{L}\s]+(?!\S)")
_ELLIPSIS = regex.compile(r"\.\.\.|…|#")
_LETTER_RUN = regex.compile(r"\p{L}+")
_START, _END = attrgetter("start"), attrgetter("end")
#: characters ``str.split`` takes for spaces and the regex's \s does not
_SEPARATORS = "\x1c\x1d\x1e\x1f"
#: punctuation stripped from a token before asking whether it is a word
_PUNCT = ".,;:!?\"'()[]{}«»“”‘’„‹›-–—…。，、；：！？（）「」『』《》"


def letter_share(text: str) -> tuple[float, int]:
    """(letters / non-space characters, non-space characters), separator runs as one.

    >>> round(letter_share("ab 12 --------- cd")[0], 2)
    0.57
    """
    text = _RUN.sub(r"\1", text)
    nonspace = len(_SPACE.sub("", text))
    if not nonspace:
        return 1.0, 0
    letters = nonspace - len(_LETTERS.sub("", _SPACE.sub("", text)))
    return letters / nonspace, nonspace


class SymbolSoup(lint.Rule):
    """A paragraph in which letters are under 30% of the characters (at least 30 of them;
    a separator line such as ``-----`` counts as one character): numbers, codes and symbols
    with hardly a word, such as a table flattened into a line, tracking codes, leaked
    markup or data read as text. Markdown tables are not checked.

    For a document of 50 words or more, Gopher's limits (Rae et al. 2021) are also checked
    and reported as info: under 80% of the words contain a letter, or more than one '#'
    or ellipsis per ten words. Clean text in 12 languages never has a paragraph under 39%
    letters; flattened tables in e-mails come closest."""

    code = "QLT003"
    name = "symbol-soup"
    severity = "warning"
    summary = "paragraph made mostly of symbols and digits"
    fix_hint = "Remove the residue (tables, codes, markup) or extract the text again."
    confidence = 0.6
    matches = (
        lint.Example("Results below.\n\nTotal: 4,310.55 | 12/03/2021 | #8841-22-0937 | $ 1,220.00 | 98.6% | "
                     "0x3F2A | 1,337 ; 42:17", "en", covers="4,310.55"),
        lint.Example("Risultati:\n\n{{ 0.33 }} [[ 17 ]] <<< 48.2 >>> %% 19:44 %% ## 2023-11-02 ## @@ 7741 @@",
                     "it", covers="0.33"),
        lint.Example("结果如下。\n\n#4411 %% 9,310.7 | 88/12 | $$ 71.004 | 2023-08-19 | ** 6622 ** | 0.88%",
                     "zh", covers="4411"),
        lint.Example("Ergebnisse: ;;;;; 1.1.1 ][ 2.2.2 ][ 3.3.3 }{ 4.4.4 }{ 5.5.5 )( 6.6.6 )( 7.7.7", "de"),
    )
    no_matches = (
        lint.Example("The meeting is on 12 March 2024 at 10:30 in room 4.2; bring the Q3 figures "
                     "(revenue up 4.5% to $1.2m).", "en"),
        lint.Example("Thanks,\nJohn\n\n---------------------------------------------\n"
                     "John Smith | Example Ltd | +44 20 7946 0958", "en"),
        lint.Example("| year | sales | growth |\n|------|-------|--------|\n| 2021 | 1,200 | 4.5% |\n"
                     "| 2022 | 1,340 | 11.7% |", "en", format="markdown"),
        lint.Example("该市镇总面积11.61平方公里，2009年时的人口为323人，人口密度为每平方公里27.8人。", "zh"),
        lint.Example("Il decreto n. 2019/1187 del 3.12.2019, art. 4, comma 2, lettera b), è stato abrogato.", "it"),
    )

    def check(self, doc):
        text = doc.text
        paras = doc.paragraphs
        # every paragraph's whitespace tokens, and those of them that are words, at C speed:
        # those the other QLT rules read, lower-cased (which keeps every character's length,
        # whether it is a letter and whether it is in _PUNCT), but for "İ", which lower-cases
        # to "i" and a combining dot
        if "\u0130" in text:
            parts = list(map(str.split, map(text.__getitem__, map(slice, map(_START, paras), map(_END, paras)))))
        else:
            parts = Q.lower_parts(doc)
        alphas = list(map(list, map(filter, repeat(str.isalpha), parts)))
        tokens = sum(map(len, parts))
        alpha_tokens = sum(map(len, alphas))
        # the letters of the tokens that are words are a lower bound of a paragraph's letters:
        # only the paragraphs where they make less than the share are examined one by one
        nonspace = list(map(len, map("".join, parts)))
        enough = map(ge, map(len, map("".join, alphas)), map(mul, nonspace, repeat(MIN_LETTER_SHARE)))
        suspects = [i for i in compress(count(), map(not_, enough))
                    if paras[i].kind != "table" and paras[i].end - paras[i].start >= MIN_CHARS
                    and nonspace[i] >= MIN_CHARS]
        if suspects:
            # the letters of the text, CJK text too (which has no spaces between words), against
            # the non-space characters before separator runs are collapsed (more than after; the
            # regex's \s, unlike str.split, leaves out \x1c-\x1f): a lower bound of the share,
            # for all the suspects at once
            spans = [slice(paras[i].start, paras[i].end) for i in suspects]
            letters = map(sum, map(map, repeat(len), map(_LETTER_RUN.findall, map(text.__getitem__, spans))))
            uppers = list(map(nonspace.__getitem__, suspects))
            if any(map(text.__contains__, _SEPARATORS)):
                uppers = [upper + sum(map(text[span].count, _SEPARATORS)) for upper, span in zip(uppers, spans)]
            suspects = list(compress(suspects, map(lt, letters, map(mul, uppers, repeat(MIN_LETTER_SHARE)))))
        flagged = False
        for i in suspects:
            para = paras[i]
            # the letters of the words, with punctuation stripped from the tokens
            words = list(filter(str.isalpha, map(str.strip, parts[i], repeat(_PUNCT))))
            if sum(map(len, words)) >= MIN_LETTER_SHARE * nonspace[i]:
                continue
            share, chars = letter_share(text[para.start:para.end])
            if chars < MIN_CHARS or share >= MIN_LETTER_SHARE:
                continue
            flagged = True
            yield self.finding(doc, para.start, para.end,
                               f"symbol and digit soup: only {share:.0%} of {chars} characters are letters "
                               f"(prose has 70% or more)")
        words = doc.word_count  # counts CJK text fairly, where whitespace tokens do not
        if words < MIN_DOC_WORDS or not tokens:
            return
        if not flagged and doc.lang not in ("zh", "ja") and alpha_tokens < MIN_ALPHA_WORDS * tokens:
            alpha_tokens = sum(map(str.isalpha, map(str.strip, chain.from_iterable(parts), repeat(_PUNCT))))
        if not flagged and doc.lang not in ("zh", "ja") and alpha_tokens < MIN_ALPHA_WORDS * tokens:
            no_letter = _NO_LETTER_TOKEN.findall(text)
            alpha = 1 - len(no_letter) / tokens
            if alpha < MIN_ALPHA_WORDS:
                m = _NO_LETTER_TOKEN.search(text)
                yield self.finding(doc, m.start(), m.end(),
                                   f"only {alpha:.0%} of the words contain a letter (Gopher keeps documents "
                                   f"where 80% do)", severity="info", confidence=0.3)
        marks = text.count("#") + text.count("...") + text.count("…")
        if marks / words > MAX_HASH_ELLIPSIS_PER_WORD:
            m = _ELLIPSIS.search(text)
            yield self.finding(doc, m.start(), m.end(),
                               f"{marks} '#' and ellipses in {words} words (Gopher keeps documents with "
                               f"under one per ten words)", severity="info", confidence=0.3)
