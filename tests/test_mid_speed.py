"""The speed shortcuts of the mid-cost rules give exactly what the full computation gives.

Each test puts a pre-check, fast path or rewritten scan next to the computation it stands
for, on varied inputs (random texts built from the characters and words that matter, and
the clean corpus of ``../shared`` when present): FRG005/FRG006 (paired marks), FRG008
(sentence bounds, last word), FRG009 (pre-scan, per-language windows), FRG012 (plain-space
scan), BPL003 (sign-off keys, line heads), BPL004 (key tests), BPL005 (CJK line heads),
MTA005 (person noun before the age), MTA006 (hyphen gate), ENC001 (Latin-1 byte classes).
"""
from __future__ import annotations

import json
import random
import re
from bisect import bisect_left
from pathlib import Path

import pytest

import lint
from lint.rules import bpl_byline, bpl_copyright, bpl_share_cookie, frg_capitals, frg_paragraphs, frg_quotes
from lint.rules import enc_mojibake, frg_spacing, mta_age_conflict, mta_cjk_punctuation
from lint.rules._bpl_common import first_word, line_at, line_heads, norm_word

CLEAN = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "clean"


def _texts(alphabet, n, seed, longest=30):
    rnd = random.Random(seed)
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, longest))) for _ in range(n)]


def _clean_sample(n=400):
    if not CLEAN.is_dir():
        return []
    out = []
    for path in sorted(CLEAN.glob("*.jsonl")):
        with open(path, encoding="utf-8") as fh:
            for k, line in enumerate(fh):
                if k >= n // 12:
                    break
                if line.strip():
                    out.append(json.loads(line)["text"])
    return out


def _key(f):
    return (f.rule, f.offset, f.end_offset, f.message, f.severity, f.confidence, f.suggestion, f.fix)


def _findings(rule, text, lang=None):
    return [_key(f) for f in rule.check(lint.Document(text, lang=lang))]


LANGS = (None, "en", "it", "fr", "de", "es", "pt", "ru", "zh", "ja", "sv")


# -- FRG005 / FRG006: paired marks ----------------------------------------------------------

QUOTE_ALPHABET = list("\"“”„‟‘’‚«»‹›「」『』()[]（）【】［］:;=-o5 \n\n") + [
    "a", "B", "l’a", "don’t", " he said", "Il dit", "\n\n", "12", "word ", ". ", "他说", "😀"]


@pytest.mark.parametrize("seed", range(3))
def test_quote_and_bracket_rules_with_and_without_their_fast_paths(monkeypatch, seed):
    rules = (frg_quotes.UnbalancedQuotes(), frg_quotes.UnbalancedBrackets())
    texts = _texts(QUOTE_ALPHABET, 1500, seed) + _paired_texts(1500, seed + 100) + _clean_sample()[seed::3]
    fast = [[_findings(r, t, LANGS[k % len(LANGS)]) for r in rules] for k, t in enumerate(texts)]
    monkeypatch.setattr(frg_quotes, "_paired_quotes", lambda *a: False)
    monkeypatch.setattr(frg_quotes, "_paired_brackets", lambda *a: False)
    slow = [[_findings(r, t, LANGS[k % len(LANGS)]) for r in rules] for k, t in enumerate(texts)]
    assert fast == slow
    assert any(any(f) for f in fast)  # the texts do hold unbalanced marks


def _paired_texts(n, seed):
    """Texts of marks that open and close in turn (or nearly), with digits, letters and
    apostrophes around them."""
    rnd = random.Random(seed)
    pairs = ["“”", "«»", "„“", "„”", "「」", "『』", '""', "()", "[]", "（）", "【】", "［］", "»«", "‘’", "”“"]
    fillers = ["", "a", "5", "12 ", " ", "l’a", ":", ";-", "=", "\n", "o", "’"]
    out = []
    for _ in range(n):
        text = ""
        for _ in range(rnd.randint(1, 4)):
            o, c = rnd.choice(pairs)
            text += rnd.choice(fillers) + o + rnd.choice(fillers) + c
        out.append(text + rnd.choice(fillers))
    return out


def test_paired_quotes_scan_to_nothing():
    texts = _texts(QUOTE_ALPHABET, 3000, 11, 12) + _paired_texts(4000, 12)
    hits = 0
    for text in texts:
        marks = frg_quotes.char_positions(text, frg_quotes._QUOTE_CHARS)
        if not marks:
            continue
        paired = frg_quotes._paired_quotes(text, marks, len(text) - 1)
        for lang in ("en", "de", "fr", "sv", "ru", "zh"):
            for cjk in (False, True):
                if paired is True or (paired is None and not cjk):
                    hits += 1
                    problems, stack = frg_quotes._scan_quotes(text, 0, len(text), lang, cjk, marks)
                    assert problems == [] and [m for m in stack if not (m.family == "single" and not cjk)] == [], \
                        (text, lang, cjk)
        brackets = frg_quotes.char_positions(text, frg_quotes._BRACKET_CHARS)
        if brackets and frg_quotes._paired_brackets(text, 0, brackets):
            assert frg_quotes.UnbalancedBrackets._scan(text, 0, len(text), brackets) == ([], []), text
    assert hits > 100


def test_ascii_digits_without_the_regex():
    import regex
    for c in map(chr, range(0x100)):
        assert frg_quotes._is_digit(c, 0) == bool(regex.match(r"\d", c)), c


def test_a_paragraph_is_made_of_whole_lines():
    """The document-wide fast path of FRG005/FRG006 rests on it: a line break separates
    any two paragraphs."""
    alphabet = list("ab. \n\n\t-#>|") + ["1. ", "- item", "| a | b |", "# Title", "word " * 30]
    for text in _texts(alphabet, 3000, 5, 40) + _clean_sample()[:100]:
        paras = lint.Document(text).paragraphs
        for p, q in zip(paras, paras[1:]):
            assert "\n" in text[p.end:q.start], (text, p, q)


# -- FRG008 --------------------------------------------------------------------------------

def test_last_word_searched_backwards():
    alphabet = list("abcé\u0301 .,'’-\n") + ["日本", "Ωμέγα"]
    for text in _texts(alphabet, 5000, 21, 50):
        for lo in (0, len(text) // 3):
            a = frg_paragraphs._LAST_WORD.search(text, lo, len(text))
            b = frg_paragraphs._LAST_WORD_BACK.search(text, lo, len(text))
            assert (a and a.span()) == (b and b.span()), text


def test_sentence_bounds_by_bisection():
    """The sentences of a paragraph, found by two bisections, are those the old walk found."""
    alphabet = list("abc ") + [". ", "? ", "Mr. ", "\n\n", "\n", "x" * 90, "A b c d e f. "]
    for text in _texts(alphabet, 1500, 22, 40) + _clean_sample()[:120]:
        doc = lint.Document(text)
        sentences = doc.sentences
        starts = frg_paragraphs._sentence_starts(doc)
        si = si_walk = 0
        for p in doc.paragraphs:
            while si_walk < len(sentences) and sentences[si_walk][1] <= p.start:
                si_walk += 1
            j_walk = si_walk
            while j_walk < len(sentences) and sentences[j_walk][0] < p.end:
                j_walk += 1
            k = bisect_right_(starts, p.start, si) - 1
            si = k if k >= si and sentences[k][1] > p.start else max(k + 1, si)
            assert (si, bisect_left(starts, p.end, si)) == (si_walk, j_walk), text


def bisect_right_(a, x, lo):
    from bisect import bisect_right
    return bisect_right(a, x, lo)


def test_a_paragraph_ending_in_a_letter_is_open():
    """FRG008 no longer calls _ends_open after its letter test: it is always true there."""
    alphabet = list("ab.!?:;\"”»)]*  \n") + ["é", "\u0301", "Ω", "日"]
    for text in _texts(alphabet, 5000, 23, 20):
        doc = lint.Document(text)
        for p in doc.paragraphs:
            if frg_paragraphs._LETTER.match(text, p.end - 1):
                assert frg_paragraphs._ends_open(doc, p), text


# -- FRG009 --------------------------------------------------------------------------------

def test_prescan_finds_every_candidate():
    for lang in ("en", "it", "fr", "de", "es", "pt", "ru", "tr"):
        pat = frg_capitals._pattern(lang)
        words = sorted({w[:1].upper() + w[1:] for w in frg_capitals.C.function_words(lang)})[:40]
        alphabet = words + [" ", " ", "\u00a0", "a", "é", "x ", ". ", "L’", "L'", "Dell’", "\n", "3"]
        for text in _texts(alphabet, 400, sum(map(ord, lang)), 25):
            hits = {m.start() for m in frg_capitals._prescan(lang).finditer(text)}
            for i in range(len(text)):
                if pat.match(text, i):
                    assert i in hits, (lang, text, i)


def test_per_language_windows(monkeypatch):
    rule = frg_capitals.MidsentenceCapital()
    paras = ["Dopo pochi giorni Il progetto era pronto e tutti sono partiti per il confine con la Russia, dove "
             "hanno aspettato tre giorni prima di passare.",
             "After a few days The project was ready and they all left for the border with Russia, where they "
             "waited for three days before crossing.",
             "Après quelques jours Le projet était prêt et ils sont tous partis vers la frontière avec la Russie, "
             "où ils ont attendu trois jours avant de passer.",
             "Nach wenigen Tagen war Der Plan fertig, und alle fuhren an die Grenze zu Russland, wo sie drei "
             "Tage warteten, bevor sie hinüberfuhren.", "Title Here", "After a few days\nThe project was ready"]
    rnd = random.Random(31)
    texts = [rnd.choice(["", "  ", "x "]) + rnd.choice(["\n\n", "\n", "\n  \n"]).join(
        rnd.choice(paras) for _ in range(rnd.randint(1, 6))) for _ in range(150)]
    texts += _clean_sample()[::4]
    fast = [_findings(rule, t) for t in texts]
    monkeypatch.setattr(frg_capitals, "_scan_windows", lambda doc, lang, scan: scan(doc.text))
    assert fast == [_findings(rule, t) for t in texts]
    assert sum(len(lint.Document(t).languages) > 1 for t in texts) > 50  # the windows are used
    assert any(fast)


# -- FRG012 --------------------------------------------------------------------------------

def test_plain_space_scan():
    alphabet = list(" ,.;:!?\"”’»\nab")
    for text in _texts(alphabet, 5000, 41):
        old = [m.start() for m in frg_spacing._SPACE_BEFORE.finditer(text)]
        assert old == [m.start() + 1 for m in frg_spacing._SPACE_BEFORE_PLAIN.finditer(text)], text


# -- BPL003 / BPL004 / BPL005 --------------------------------------------------------------

def test_signoff_keys_found_from_their_last_word():
    alphabet = ["ing", "ed", "ics", "ING", "ED", "ICS", " by", " BY", " ", "by", "y", "Y", "x", "\n", "("]
    for text in _texts(alphabet, 5000, 51, 20):
        naive = sorted((pos, key) for key in bpl_byline._SIGNOFF_KEYS
                       for pos in (m.start() for m in re.finditer(f"(?={re.escape(key)})", text)))
        assert sorted(bpl_byline._signoff_key_positions(text)) == naive, text


def test_byline_heads_gate():
    rx = bpl_byline._rx()
    first, cjk_first, cjk_min = rx["first"], rx["cjk_first"], rx["cjk_min"]
    pool = sorted(first)[:30] + list(cjk_first) + ["作", "文字稿", "abc", "Ωmega", "中文", "记者们", "zz"]
    rnd = random.Random(52)
    for _ in range(3000):
        words = [rnd.choice(pool) + rnd.choice(["", "x", "者"]) for _ in range(rnd.randint(1, 5))]
        if max(words) < cjk_min:
            assert [w for w in words if w in first or w.startswith(cjk_first)] == [w for w in words if w in first]


def test_copyright_key_tests():
    lang_keys = bpl_copyright._rx()["keys"]
    keys = sorted({k for ks in lang_keys.values() for k in ks})
    alphabet = keys + [k[:3] for k in keys] + [k[2:] for k in keys] + list("abc re ")
    for lang in lang_keys:
        cands = lang_keys.get(lang, ()) + lang_keys["en"] if lang != "en" else lang_keys["en"]
        tests = bpl_copyright._key_tests(cands)
        for low in _texts(alphabet, 400, sum(map(ord, lang)), 6):
            assert any(t(low) for t in tests) == any(k in low for k in cands), (lang, low)
    for text in _texts(["opyright", "OPYRIGHT", "Copr.", "Copr", "C", "o", "p", "r", ".", "İ", " "], 3000, 53, 8):
        if bpl_copyright._WORD_KEYS.search(text.lower()) is None:
            assert not any(k in text for k in ("opyright", "OPYRIGHT", "Copr.")), text


def test_share_bar_cjk_line_gate():
    """A line opening with a CJK word that the gate drops (no cookie word in the text)
    matches neither the share-bar nor the navigation pattern, and is no form line."""
    rx = bpl_share_cookie._rx()
    firsts, form_cjk, form_first = rx["cjk_firsts"], rx["form_first_cjk"], rx["form_first"]
    assert firsts is not None
    lex = bpl_share_cookie.lexicon("share")
    phrases = [p for role in ("share", "share_minor", "network", "filler", "nav", "button", "form")
               for _, p in lex.get(role, ())]
    alphabet = phrases + ["的", "我们", "ー", "・", " ", "：", "|", "新闻", "微信", "ページ", "は"]
    rnd = random.Random(54)
    checked = 0
    for _ in range(10000):
        line = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 5)))
        text = "Intro.\n" + line + "\nEnd."
        doc = lint.Document(text)
        for word, pos in line_heads(doc):
            if not ("\u3040" <= word[:1] <= "\u9fff"):
                continue
            if word[0] in firsts or (form_cjk and norm_word(word) in form_cjk):
                continue
            s, e = line_at(doc, pos)
            checked += 1
            assert rx["bar"].fullmatch(text, s, e) is None and rx["nav"].fullmatch(text, s, e) is None, line
            assert first_word(text, s, e) not in form_first, line
    assert checked > 150
    for c in map(chr, range(0x3040, 0xA000)):
        assert c.lower() == c == c.upper()  # no case there: a first character is the phrase's or not


# -- MTA005 / MTA006 -----------------------------------------------------------------------

def _anaphor_texts(lang, n, seed):
    """Phrases shaped like the numbered anaphor ("la mujer de 30 años"), each part
    sometimes left out, doubled, changed or written in capitals, among other words."""
    rnd = random.Random(seed)
    nouns = list(mta_age_conflict.person_nouns(lang))
    age = mta_age_conflict._NOUN_AGE[lang]
    parts = [["el ", "la ", "o ", "a ", "le ", "l’", "un ", ""], ["joven ", "jeune ", ""], nouns + ["casa", ""],
             [" ", "  ", "\n", " \t", ""], ["de", "DE", "De", "da", ""], [" ", "\u00a0", "", "  "],
             ["3", "30", "101", "1000", "٣", "x", ""], [" ", "", "\n"], [age, age.upper(), age[:-1], "ans", ""],
             [".", " y", "", ","]]
    out = []
    for _ in range(n):
        words = [rnd.choice(options) for options in parts]
        if rnd.random() < 0.3:
            words[2] = words[2].upper()
        text = "".join(words)
        if rnd.random() < 0.3:
            text = rnd.choice(["Hoje ", "Il ", "Él dijo: ", "x"]) + text + rnd.choice(["", " de 5 " + age])
        out.append(text)
    return out


def test_anaphor_gate_keeps_every_anaphor():
    for lang in ("es", "pt", "fr"):
        anaphors = [p for kind, p in mta_age_conflict._patterns(lang) if kind == "ana"]
        found = 0
        for text in _anaphor_texts(lang, 6000, sum(map(ord, lang))):
            low = text.lower()
            if len(low) != len(text) or "ſ" in low:
                continue
            if any(p.search(text) for p in anaphors):
                found += 1
                assert mta_age_conflict._anaphor_possible(low, lang), (lang, text)
        assert found > 20, lang


def test_hyphen_gate_of_cjk_names():
    alphabet = list("-‐‑－ 弗拉基米尔普京ウラジーミルプーチンabc") + ["・", "ー"]
    for text in _texts(alphabet, 6000, 71, 14):
        if mta_cjk_punctuation._JOINED.search(text) is None:
            assert mta_cjk_punctuation._HAN_CHAIN.search(text) is None, text
            assert mta_cjk_punctuation._KANA_CHAIN.search(text) is None, text
    # every Han, Katakana and Hiragana character is at or above U+2E80, as the gate assumes
    low = "".join(map(chr, range(0x2E80)))
    assert not re.search(r"[\u2e80-\U0010ffff]", low)
    import regex
    assert regex.search(r"[\p{Han}\p{Katakana}\p{Hiragana}ー]", low) is None


# -- ENC001 --------------------------------------------------------------------------------

def test_latin1_candidates_are_the_candidate_pattern():
    alphabet = [chr(c) for c in range(0x80, 0x100)] + list("abc \n") + ["Ã ", "Ã©", "cafÃ", "â€™", "é"]
    wide = ["’", "Р", "С", "Ђ", "€", "中"]
    seen = {True: 0, False: 0, None: 0}
    for text in _texts(alphabet, 6000, 81, 8) + _texts(alphabet + wide, 2000, 82, 8):
        got = enc_mojibake._latin1_candidates(text)
        seen[got] += 1
        if got is not None:
            assert got == (enc_mojibake._CANDIDATE.search(text) is not None), text
        else:
            assert not all(c <= "\xff" for c in text) or text.isascii(), text
    assert min(seen.values()) > 100
