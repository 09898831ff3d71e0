"""The QLT rules' shortcuts (bounds computed at C speed, pre-checks, encodings) against the
plain computations they stand for, on varied generated texts: a shortcut must never change
a finding. Each test fails if its shortcut is wrong: the bounds are compared with exact
counts, the encodings with the token lists, and QLT003 and QLT004 with straightforward
reference implementations of what they report."""
import random
import re
from collections import Counter
from itertools import chain, compress, count, repeat
from operator import attrgetter, ge, lt, mul, not_

import regex

from lint.document import Document
from rules import _qlt_common as Q
from rules import qlt_mixed_language as M
from rules import qlt_repeated_ngrams as R
from rules import qlt_symbol_soup as S

_START, _END = attrgetter("start"), attrgetter("end")

# -- varied texts -----------------------------------------------------------------------------
# prose snippets written for these tests, and the characters the shortcuts must get right
PROSE = [
    "The committee met on Tuesday and agreed, after a short debate, to repair the old bridge.",
    "La giunta si è riunita martedì e ha deciso di riparare il vecchio ponte sul torrente.",
    "Der Ausschuss hat am Dienstag beschlossen, die alte Brücke über den Bach zu reparieren.",
    "Le comité s'est réuni mardi et a décidé de réparer le vieux pont sur le ruisseau.",
    "El comité se reunió el martes y decidió reparar el viejo puente sobre el arroyo.",
    "Комитет собрался во вторник и решил отремонтировать старый мост через ручей.",
    "委员会周二开会，决定修理小河上的旧桥，工程预计下个月开始。",
    "委員会は火曜日に集まり、小川にかかる古い橋を修理することを決めた。",
    "Dün akşam İzmir'de başlayan fırtına sabaha kadar sürdü.",
    "Komisja zebrała się we wtorek i postanowiła wyremontować stary most nad strumieniem.",
    "Η επιτροπή συνεδρίασε την Τρίτη.",
    "cheap hotels rome cheap flights paris discount deals online booking travel offers",
    "Sum: 7,120.40 | 03/11/2022 | #5521-13-0042 | $ 3,310.00 | 12.5% | 0x7B1C | 9,001 ; 18:05",
    "[[ 0.71 ]] {{ 23 }} <<< 61.9 >>> %% 08:12 %% ## 2022-04-09 ## @@ 1183 @@",
]
RARE = ["\x1c", "\x1d", "\x1e", "\x1f", "\x00"]  # in one document in five
ODD = ["İ", "×", "÷", "\u00a0", "\u3000", "\u2003", "\u2028", "\x85",
       "\U000F0001", "\ue000", "・", "゠", "\u3040", "\u3099", "ー", "々", "〇", "\u0301", "²", "½", "Ⅻ", "①", "…",
       "...", "#", "«", "»", "“", "”", "'", "’", "*", "(", ")", "-", "—", "_", "\t", "\r", "\x0b", "\x0c", "ǃ",
       "ß", "Σ", "ς", "ﬁ", "\U00020000", "\u4dc0", "\ud800", "\U0001F600", "ª", "µ", "ạ", "가", "\uac00", "1",
       "22", "333", "x", "ab", "Ab", "AB", "ok", "OK"]
FUNCTION = ["the", "of", "and", "a", "di", "il", "der", "die", "и", "в", "の", "に", "的", "了", "l'", "dell'"]


def _word(r, odd=ODD):
    k = r.random()
    if k < 0.5:
        return r.choice(r.choice(PROSE).split())
    if k < 0.7:
        return "".join(r.choice(odd) for _ in range(r.randint(1, 4)))
    if k < 0.85:
        return r.choice(FUNCTION)
    return "".join(r.choice("abcdefghijklmnopqrstuvwxyz0123456789.,;:!?-'") for _ in range(r.randint(1, 9)))


def _paragraph(r, odd):
    k = r.random()
    if k < 0.3:
        return r.choice(PROSE)
    if k < 0.45:
        return " ".join([r.choice(PROSE)] * r.randint(2, 5))
    if k < 0.55:
        return " ".join([_word(r, odd) for _ in range(r.randint(2, 8))] * r.randint(2, 8))
    seps = [" ", " ", " ", " ", "  ", "\n", " \n", "\t"] + (["\u00a0", "\u3000", "\u2003"] if r.random() < 0.2 else [])
    if odd is not ODD:
        seps.append("\x1c")
    return "".join(chain.from_iterable((_word(r, odd), r.choice(seps)) for _ in range(r.randint(1, 60)))).strip() or "x"


def generated(n, seed=0):
    """``n`` documents (text, language): prose in 12 languages, symbol soup, repeated
    passages and keyword lists, with the odd characters the shortcuts must get right."""
    r = random.Random(seed)
    for _ in range(n):
        odd = ODD + RARE if r.random() < 0.2 else ODD
        paras = [_paragraph(r, odd) for _ in range(r.randint(1, 12))]
        if r.random() < 0.3:
            paras.insert(r.randint(0, len(paras)), r.choice(paras))
        text = r.choice(["\n\n", "\n", "\n\n", " \n \n"]).join(paras)
        yield text, r.choice([None, "en", "it", "de", "fr", "es", "ru", "zh", "ja", "tr", "pl", "pt", "nl"])


def docs(n, seed=0):
    return [Document(text, lang=lang) for text, lang in generated(n, seed)]


def examples(rule):
    return [(ex.text, ex.lang) for ex in chain(rule.matches, rule.no_matches)]


def findings(rule, doc):
    """The rule's findings on a fresh copy of ``doc`` (nothing cached: all its work its own)."""
    fresh = Document(doc.text, lang=doc._forced_lang)
    return [(f.offset, f.end_offset, f.message, f.severity, f.confidence, f.suggestion) for f in rule.check(fresh)]


# -- QLT003: the UTF-8 shape and the paragraph bounds --------------------------------------------
_L = regex.compile(r"\p{L}")
_SPACE_RX = regex.compile(r"\s")


#: every code point, surrogates included
EVERY = "".join(map(chr, range(0x110000)))


def _lead_range(lead):
    """The code points whose UTF-8 encoding starts with the byte ``lead``."""
    if lead < 0x80:
        return range(lead, lead + 1)
    if lead < 0xE0:
        return range((lead & 0x1F) << 6, ((lead & 0x1F) << 6) + 0x40)
    return range((lead & 0x0F) << 12, ((lead & 0x0F) << 12) + 0x1000)


def test_shape_bytes_stand_for_what_they_claim_for_every_code_point():
    """A byte shaped "a" starts only letters (\\p{L}), one character each; " " is ASCII
    whitespace; every other whitespace character starts with a "w"; no continuation byte
    is shaped "a", " ", "w" or \\x00."""
    letters = set(_L.findall(EVERY))
    for c3 in (False, True):
        shape = S._SHAPE[c3]
        for byte in range(256):
            if shape[byte] == ord("a"):
                starts = set(map(chr, _lead_range(byte))) - ({"\u00d7", "\u00f7"} if c3 else set())
                assert starts <= letters, hex(byte)
        assert all(shape[b] == ord("x") for b in range(0x80, 0xC0))
        assert shape[0] == 0 and shape.count(0) == 1
        assert {b for b in range(256) if shape[b] == ord(" ")} == set(b" \t\n\r\x0b\x0c")
        for ch in filter(str.isspace, EVERY):
            if ch not in S._SEPARATORS and ord(ch) > 0x7F:
                assert shape[ch.encode()[0]] == ord("w"), hex(ord(ch))
        assert (shape[0xC3] == ord("a")) == c3  # C3 is a letter only in texts without × and ÷
    # the separators str.split takes for spaces and \\s does not: the rule looks for them itself
    spaces = set(_SPACE_RX.findall(EVERY))
    assert set(filter(str.isspace, EVERY)) - spaces == set(S._SEPARATORS) and spaces <= set(filter(str.isspace, EVERY))


_NO_LETTER = regex.compile(r"(?<!\S)[^\p{L}\s]+(?!\S)")


def test_bounds_against_exact_counts():
    checked = 0
    for doc in docs(1500, seed=1) + [Document(t, lang=lang) for t, lang in examples(S.SymbolSoup())]:
        text, paras = doc.text, doc.paragraphs
        bounds = S.Bounds(text, paras)
        for para, letters, size in zip(paras, bounds.letters, bounds.sizes):
            ptext = text[para.start:para.end]
            assert letters <= len(_L.findall(ptext))
            assert size >= len(ptext) - len(_SPACE_RX.findall(ptext))
            # ... so a paragraph the bounds pass is never soup
            if 10 * letters >= 3 * size:
                share, chars = S.letter_share(ptext)
                assert chars < S.MIN_CHARS or share >= S.MIN_LETTER_SHARE
        if "\x00" in text:
            assert bounds.letterless_tokens() is None
            # one paragraph at a time: the same bounds as joined, without the \x00s
            clean = text.replace("\x00", "\x01")
            joined = S.Bounds(clean, Document(clean).paragraphs) if Document(clean).paragraphs == paras else None
            if joined is not None:
                assert (joined.letters, joined.sizes) == (bounds.letters, bounds.sizes)
        else:
            letterless = bounds.letterless_tokens()
            if not any(map(text.__contains__, S._SEPARATORS)):
                assert letterless >= len(_NO_LETTER.findall(text))
                checked += 1
    assert checked > 1000


def _symbol_soup_reference(rule, doc):
    """QLT003 as first written: every paragraph's tokens checked, every bound in turn."""
    text = doc.text
    paras = doc.paragraphs
    if "\u0130" in text:
        parts = list(map(str.split, map(text.__getitem__, map(slice, map(_START, paras), map(_END, paras)))))
    else:
        parts = [text[p.start:p.end].lower().split() for p in paras]
    alphas = [[t for t in part if t.isalpha()] for part in parts]
    tokens = sum(map(len, parts))
    alpha_tokens = sum(map(len, alphas))
    nonspace = [len("".join(part)) for part in parts]
    enough = map(ge, map(len, map("".join, alphas)), map(mul, nonspace, repeat(S.MIN_LETTER_SHARE)))
    suspects = [i for i in compress(count(), map(not_, enough))
                if paras[i].kind != "table" and paras[i].end - paras[i].start >= S.MIN_CHARS
                and nonspace[i] >= S.MIN_CHARS]
    if suspects:
        spans = [slice(paras[i].start, paras[i].end) for i in suspects]
        letters = [sum(map(len, S._LETTER_RUN.findall(text[span]))) for span in spans]
        uppers = [nonspace[i] for i in suspects]
        if any(map(text.__contains__, S._SEPARATORS)):
            uppers = [upper + sum(map(text[span].count, S._SEPARATORS)) for upper, span in zip(uppers, spans)]
        suspects = list(compress(suspects, map(lt, letters, map(mul, uppers, repeat(S.MIN_LETTER_SHARE)))))
    out = []
    for i in suspects:
        para = paras[i]
        words = [w for w in (t.strip(S._PUNCT) for t in parts[i]) if w.isalpha()]
        if sum(map(len, words)) >= S.MIN_LETTER_SHARE * nonspace[i]:
            continue
        share, chars = S.letter_share(text[para.start:para.end])
        if chars < S.MIN_CHARS or share >= S.MIN_LETTER_SHARE:
            continue
        out.append((para.start, para.end, f"symbol and digit soup: only {share:.0%} of {chars} characters are "
                    f"letters (prose has 70% or more)", "warning", rule.confidence, None))
    words = doc.word_count
    if words < S.MIN_DOC_WORDS or not tokens:
        return out
    if not out and doc.lang not in ("zh", "ja") and alpha_tokens < S.MIN_ALPHA_WORDS * tokens:
        alpha_tokens = sum(t.strip(S._PUNCT).isalpha() for t in chain.from_iterable(parts))
    if not out and doc.lang not in ("zh", "ja") and alpha_tokens < S.MIN_ALPHA_WORDS * tokens:
        alpha = 1 - len(_NO_LETTER.findall(text)) / tokens
        if alpha < S.MIN_ALPHA_WORDS:
            m = _NO_LETTER.search(text)
            out.append((m.start(), m.end(), f"only {alpha:.0%} of the words contain a letter (Gopher keeps "
                        f"documents where 80% do)", "info", 0.3, None))
    marks = text.count("#") + text.count("...") + text.count("…")
    if marks / words > S.MAX_HASH_ELLIPSIS_PER_WORD:
        m = S._ELLIPSIS.search(text)
        out.append((m.start(), m.end(), f"{marks} '#' and ellipses in {words} words (Gopher keeps documents "
                    f"with under one per ten words)", "info", 0.3, None))
    return out


def test_symbol_soup_matches_its_reference():
    rule = S.SymbolSoup()
    found = Counter()
    for doc in docs(1500, seed=2) + [Document(t, lang=lang) for t, lang in examples(rule)]:
        expected = _symbol_soup_reference(rule, doc)
        assert findings(rule, doc) == expected, doc.text[:200]
        found.update(f[3] for f in expected)
    assert found["warning"] > 100 and found["info"] > 20  # both kinds exercised


# -- shared tokens and function-word counts ------------------------------------------------------
def test_lower_tokens_from_the_lowered_text():
    texts = [d.text for d in docs(800, seed=3)] + ["ΟΔΟΣ ΣΑΣ. Σ\n\nİstanbul İİ ß ﬁ ΣΑΣ"]
    for text in texts:
        doc = Document(text)
        parts = [text[p.start:p.end].lower().split() for p in doc.paragraphs]
        assert Q.lower_tokens(doc) == (tuple(chain.from_iterable(parts)), tuple(map(len, parts)))


def test_quick_shares_count_function_words_paragraph_by_paragraph():
    for doc in docs(800, seed=4):
        for lang in ("en", "it", "de", "ru", "tr"):
            words = Q.stopwords(lang)
            parts = Q.lower_parts(doc)
            hits, sizes = Q.quick_shares(doc, lang)
            assert hits == [sum(t in words for t in part) for part in parts]
            assert sizes == list(map(len, parts))


# -- QLT006: the paragraphs with no letter of another script --------------------------------------
def test_characters_not_maybe_other_script_are_no_letters_of_other_scripts():
    allowed = M._MAYBE_OTHER_SCRIPT.sub("", EVERY)
    assert len(allowed) == 0x370 + 0x70
    for script, pattern in Q._SCRIPT_PATTERNS.items():
        assert script == "latin" or pattern.search(allowed) is None, script


def test_mixed_language_matches_without_the_shortcut(monkeypatch):
    rule = M.MixedLanguage()
    cases = [(d.text, d._forced_lang or d.lang) for d in docs(1200, seed=10)] + examples(rule)
    fast = [findings(rule, Document(text, lang=lang)) for text, lang in cases]
    monkeypatch.setattr(M, "_MAYBE_OTHER_SCRIPT", re.compile("[\\x00-\\U0010ffff]"))  # every paragraph looked at
    slow = [findings(rule, Document(text, lang=lang)) for text, lang in cases]
    assert fast == slow
    assert sum(map(bool, fast)) > 500


# -- QLT004: encodings and a plain reference -----------------------------------------------------
_CJK_WORD_V1 = regex.compile(r"([[\p{L}\p{M}\p{N}]--[\p{Han}\p{Hiragana}\p{Katakana}ー]]+)", regex.V1)


def test_cjk_word_class_is_the_set_difference():
    one = regex.compile(R._CJK_WORD.pattern[1:-2])  # the character class alone
    two = regex.compile(_CJK_WORD_V1.pattern[1:-2], regex.V1)
    assert one.findall(EVERY) == two.findall(EVERY)
    for doc in docs(300, seed=5):
        assert R._CJK_WORD.split(doc.lowered) == _CJK_WORD_V1.split(doc.lowered)
    # Hangul syllables, the words' stand-ins, are word characters and no CJK token
    hangul = "".join(R._HANGUL)
    assert "".join(one.findall(hangul)) == hangul and R._NOT_CJK.sub("", hangul) == ""


def _canonical(text):
    """The text with its characters renamed in order of first appearance (\x00 kept)."""
    names = {"\x00": "\x00"}
    return "".join(names.setdefault(ch, chr(len(names) + 1)) for ch in text)


def test_grams_encode_the_tokens():
    """The n-gram text built from the shared tokens (Latin) or from the text itself (CJK) is
    the one built from the token list."""
    for doc in docs(1500, seed=6):
        if doc.word_count < 1:
            continue
        toks = R._tokens(doc)[0]
        if not toks:
            continue
        plain = R._Grams.of_tokens(toks)
        fast = R._Grams.of_cjk(doc) if R._has_cjk(doc) else R._Grams.of_text(doc)
        # the same text but for which character stands for which repeated token
        assert (_canonical(fast.text), fast.n, fast.total) == (_canonical(plain.text), plain.n, plain.total)
        assert fast.toks == toks
        repeated = [t for t, k in Counter(toks).items() if k > 1]
        assert fast.longest() >= max(map(len, repeated), default=0)


def test_in_a_row_pattern_matches_the_lookbehind_form():
    r = random.Random(7)
    for _ in range(3000):
        high, m = r.randint(1, 5), r.randint(2, 8)
        text = "".join(chr(r.choice([0, 1, 2, 3, 4, 5, 6, 7])) for _ in range(r.randint(0, 40)))
        plain = re.compile("(?<![\x01-%s])[\x01-%s]{%d}" % (chr(high), chr(high), m))
        assert bool(R._in_a_row(high, m).search(text)) == bool(plain.search(text))


def _repeated_ngrams_reference(rule, doc):
    """QLT004 by plain counting: every n-gram counted, no bound."""
    if doc.word_count < R.MIN_WORDS:
        return []
    toks, scale = R._tokens(doc)
    n = len(toks)
    if n < R.MIN_WORDS:
        return []
    total = sum(map(len, toks)) or 1
    grams = {}

    def counts(m):
        if m not in grams:
            grams[m] = Counter(tuple(toks[i:i + m]) for i in range(n - m + 1))
        return grams[m]

    def positions(gram):
        m = len(gram)
        return [i for i in range(n - m + 1) if tuple(toks[i:i + m]) == gram]

    base = 5 * scale
    c5 = counts(base)
    extra = sum(c5.values()) - len(c5)
    if extra >= 2 * R.LOOP_MIN_TOKENS * scale - base and max(c5.values()) >= R.LOOP_REPEATS:
        loop = R.RepeatedNgrams._loop(toks, scale)
        if loop is not None:
            i, j, period, times = loop
            spans = R._spans(doc, scale)
            if j - 1 < len(spans):
                return [(spans[i][0], spans[j - 1][1], f"the same passage of {period} "
                         f"{'characters' if scale == 2 else 'words'} {times} times in a row: the text repeats "
                         f"itself (a generation or scraping loop)", "warning", rule.confidence, None)]
    worst = None
    for nn, limit in R.TOP_LIMITS.items():
        m = nn * scale
        if n < 2 * m:
            break
        gram, k = max(counts(m).items(), key=lambda item: item[1])
        if k < 2:
            break
        share = k * sum(map(len, gram)) / total
        if share > limit and (worst is None or share / limit > worst[0]):
            worst = (share / limit, gram, k, share, limit, m)
    if worst is not None:
        ratio, gram, k, share, limit, m = worst
        stuffed = ratio >= R.STUFFING_FACTOR and doc.word_count >= R.MIN_STUFFED_WORDS
        i = positions(gram)[1]
        spans = R._spans(doc, scale)
        if i + m - 1 < len(spans):
            phrase = (" " if scale == 1 else "").join(gram)
            return [(spans[i][0], spans[i + m - 1][1], f"'{phrase}' occurs {k} times and holds {share:.0%} of the "
                     f"text (Gopher's limit for {m}-grams: {limit:.0%})" + (": keyword stuffing" if stuffed else ""),
                     "warning" if stuffed else "info", rule.confidence if stuffed else 0.3, None)]
    best = None
    floor = min(R.DUP_LIMITS.values())
    for nn, limit in R.DUP_LIMITS.items():
        m = nn * scale
        c = counts(m)
        covered = set()
        for i in range(n - m + 1):
            if c[tuple(toks[i:i + m])] > 1:
                covered.update(range(i, i + m))
        share = sum(len(toks[j]) for j in covered) / total
        if share <= limit:
            if share < floor:
                break
            continue
        if best is None or share / limit > best[1] / best[2]:
            best = (nn, share, limit, m)
    if best is None:
        return []
    nn, share, limit, m = best
    seen, first = set(), 0
    for i in range(n - m + 1):
        g = tuple(toks[i:i + m])
        if g in seen:
            first = i
            break
        seen.add(g)
    spans = R._spans(doc, scale)
    if first + m - 1 < len(spans):
        return [(spans[first][0], spans[first + m - 1][1], f"{share:.0%} of the text is in {nn}-grams that occur "
                 f"more than once (Gopher's limit: {limit:.0%})", "info", 0.3, None)]
    return []


def test_repeated_ngrams_matches_plain_counting():
    rule = R.RepeatedNgrams()
    found = Counter()
    cases = docs(1200, seed=8) + [Document(t, lang=lang) for t, lang in examples(rule)]
    # long CJK texts with repeats: the n-grams are twice as long there
    r = random.Random(9)
    for _ in range(150):
        parts = [r.choice(PROSE[6:8]) + r.choice(["", " ok ", "２０２１", "Ab "]) for _ in range(r.randint(3, 12))]
        cases.append(Document("".join(parts), lang=r.choice(["zh", "ja", None])))
    for doc in cases:
        expected = _repeated_ngrams_reference(rule, doc)
        assert findings(rule, doc) == expected, doc.text[:200]
        found.update("loop" if f[2].startswith("the same passage") else f[3] for f in expected)
    assert found["loop"] > 10 and found["warning"] > 5 and found["info"] > 100
