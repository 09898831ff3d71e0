"""The speed-ups of INJ001/INJ002, MTA004, FRG002, FRG010 and SPN001 are exact: every new
pre-check, memo and faster pattern is compared here with the computation it stands for, on
varied inputs (synthetic texts built to hit the edge cases, and the clean corpus of
../shared when present)."""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest
import regex

import lint
from lint.rules import _frg_common as frg
from lint.rules import _inj_common as inj
from lint.rules import _spn_common as spn
from lint.rules import frg_doubled, frg_glued, mta_name_variant as mta

CLEAN = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "clean"


def _clean_texts(per_file: int = 25) -> list:
    """A sample of the clean corpus (every language), or [] without ../shared."""
    out = []
    for path in sorted(CLEAN.glob("*.jsonl")) if CLEAN.is_dir() else ():
        with open(path, encoding="utf-8") as fh:
            lines = [line for line in fh if line.strip()]
        for line in lines[:: max(1, len(lines) // per_file)][:per_file]:
            out.append(json.loads(line)["text"])
    return out


#: pieces that hit the edge cases of the patterns: capitals after elisions and apostrophes,
#: hyphens, digits, combining marks, Greek, Cyrillic, Turkish dotted capitals, astral letters
#: and emoji, underscores, CJK, repeated words and articles, spinner phrases
_PIECES = ("Alexei", "Alexey", "l’Ucraina", "dell'Italia", "Atameken'de", "Alexei's", "McDonald", "Jean-Paul",
           "O'Neil", "qu’Ivan", "abcdef’Ivan", "x-Ray", "İstanbul", "IĞDIR", "Ørsted", "Ångström", "Σοφία",
           "ΣΟΦΙΑ", "Москва", "МОСКВА", "Cafe\u0301", "Nai\u0308ve", "𝐀bc", "𐐀𐐨x", "😀Alexei", "Abc😀", "Ab_Cd",
           "Zürich", "Zurich", "北京Alexei", "the the", "The the", "However, however", "il il", "in the a",
           "la el", "une la", "and you will", "in order to", "a great", "out-of", "told you", "x2y", "A1b",
           "2024", "1,000", "three hundred,000", "l'", "’s", "d'", "Ǆemal", "ǅemal", "ǈubljana", "ﬁnance",
           "ǱǲǳX", "Ⅻ", "Ǌǌ", "Aaaa", "AAA", "Aa", "a", "Abcdefghij", "ab'Cd", "\u00a0", "\n", "\n\n", ". ",
           ", ", " (", ") ", "“", "”", " - ", "—")


def _random_texts(n: int, seed: int) -> list:
    rnd = random.Random(seed)
    words = "the council met on Tuesday and said that it would approve new budget for school".split()
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rnd.randint(1, 40)):
            parts.append(rnd.choice(_PIECES) if rnd.random() < 0.5 else rnd.choice(words))
            parts.append(rnd.choice((" ", " ", " ", "", "\n", ", ", ". ", "’", "'", "-")))
        out.append("".join(parts))
    return out


@pytest.fixture(scope="module")
def texts():
    return _random_texts(400, 7) + _clean_texts()


# -- shared: the re \w bitmap ------------------------------------------------------------
@pytest.mark.parametrize("module", [frg, spn])
def test_re_word_chars_are_the_word_category_of_the_bmp(module):
    bmp = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))
    cls = module.re_word_chars()
    assert re.findall(f"[{cls}]", bmp) == re.findall(r"\w", bmp)
    assert re.findall(f"[^{cls}]", bmp) == re.findall(r"\W", bmp)


@pytest.mark.parametrize("module", [frg, spn])
def test_bmp_only(module):
    for text in ("", "abc", "l’Ucraina 北京", "\ud800 lone surrogate"):
        assert module.bmp_only(text)
    for text in ("😀", "a𝐀b", "𠀀"):
        assert not module.bmp_only(text)


# -- MTA004 ------------------------------------------------------------------------------
def test_capwords_is_the_regex_findall(texts, monkeypatch):
    monkeypatch.setattr(mta, "_CAPWORD_RE_AFTER", 0)  # the re pattern from the first text
    for text in texts:
        assert mta._capwords(text) == mta._CAPWORD.findall(text), text


def test_capword_re_is_the_regex_pattern_on_bmp_texts(texts):
    """The ``re`` pattern itself (not only :func:`_capwords`, which keeps ``regex`` for a
    text with astral characters) on every text without astral characters, and on every
    single BMP capital in the contexts its look-arounds test."""
    pattern = mta._capword_re()
    for text in texts:
        if spn.bmp_only(text):
            assert pattern.findall(text) == mta._CAPWORD.findall(text), text
    capitals = regex.sub(r"\P{Lu}+", "", "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000))))
    contexts = [" {}ab ", "a{}bc", "l’{}bc", "ab'{}bc d", "abcdef’{}bc", "x{}bc1", "{}bc-d", "{}bc’A", "{}b\u0301c",
                "1{}bc", "_{}bc", "{}bcd'e"]
    for i, cap in enumerate(capitals):
        text = contexts[i % len(contexts)].format(cap)
        assert pattern.findall(text) == mta._CAPWORD.findall(text), text


def test_transliteration_rules_are_the_regex_rules():
    """The key rules, now compiled by ``re``, rewrite as ``regex`` did."""
    rnd = random.Random(3)
    letters = "abcdefghijklmnoprstuvyzjkxyeé"
    names = ["alexei", "alexey", "aleksei", "yevgeny", "evgeniy", "sergeyev", "fyodor", "artyom", "dmitriy", "dmitrii",
             "nikolay", "natalya", "mariya", "anatoliy", "kseniya", "yyyy", "ii", "iy", "ya", "kss"]
    names += ["".join(rnd.choice(letters) for _ in range(rnd.randint(2, 10))) for _ in range(3000)]
    rules = [(regex.compile(p.pattern), repl) for p, repl in mta._KEY_RULES]
    slavic = regex.compile(mta._SLAVIC_MARK.pattern)
    for name in names:
        key = want = name
        for (pattern, repl), (old, _) in zip(mta._KEY_RULES, rules):
            key, want = pattern.sub(repl, key), old.sub(repl, want)
            assert key == want, name
        assert bool(mta._SLAVIC_MARK.search(name)) == bool(slavic.search(name))
        assert bool(mta._MAY_VARY.search(name)) == bool(regex.search(r"[ykj]|ii$", name))


def _slip_texts(n: int, seed: int) -> list:
    """Texts with one-letter slips of names, of common words and of rare names."""
    rnd = random.Random(seed)
    names = ["Atameken", "Atamaken", "Kostanai", "Kostenai", "These", "There", "Where", "Maria", "Mario", "Rossi",
             "Rossa", "Hansen", "Jansen", "Moscow", "Moscaw", "Sergei", "Sergey", "Alexei", "Alexey", "Zürich",
             "Zurich", "Brussels", "Brussals", "Kowalski", "Kowalska"]
    out = []
    for _ in range(n):
        words = []
        for _ in range(rnd.randint(4, 30)):
            words.append(rnd.choice(names) if rnd.random() < 0.6 else rnd.choice(("went", "home", "said", "il", "campo")))
        out.append(" ".join(words) + ".")
    return out


def test_slips_need_no_common_majority(monkeypatch):
    """The majority spellings that are common words are dropped before the pairs are
    built: the findings are those of the rule without that filter."""
    rule = mta.NameVariant()
    texts = _slip_texts(300, 5)
    langs = ("en", "it", "de", "pl", None)
    got = [[(f.offset, f.message) for f in lint.check_text(rule, t, lang)] for t in texts for lang in langs]
    monkeypatch.setattr(mta.lint, "common_words", lambda lang, min_zipf=3.0: {})
    want = [[(f.offset, f.message) for f in lint.check_text(rule, t, lang)] for t in texts for lang in langs]
    assert got == want
    assert any(got)  # the texts do have slips


# -- INJ001 / INJ002 ---------------------------------------------------------------------
def _foreign_language_definition(word, lang):
    """:func:`inj.foreign_language` as first written: the frequency in ``lang`` first."""
    if lint.zipf(word, lang) >= inj.UNKNOWN:
        return None
    best = None
    for m in inj._script_languages(word, lang):
        z = inj.common_words(m).get(word)
        if z is not None and z >= inj.COMMON and (best is None or z > best[1]):
            best = (m, round(z, 2))
    if best is not None and lang in inj.SUFFIXES and inj._inflected(word, lang):
        return None  # an inflected form of a common stem of ``lang`` (Turkish 'balona')
    return best


def test_foreign_language_is_the_definition():
    rnd = random.Random(11)
    pool = set()
    for lang in inj.LANGUAGES:
        common = sorted(inj.common_words(lang))
        pool.update(rnd.sample(common, 300))
    pool.update(["incelemeleri", "buttress", "badoo", "казино", "kazino", "xqzvw", "mixеd", "ёж"])
    for word in sorted(pool):
        for lang in inj.LANGUAGES:
            assert inj.foreign_language(word, lang) == _foreign_language_definition(word, lang), (word, lang)


def test_core_lowers_with_memos_is_the_plain_definition(monkeypatch):
    """The per-language sets of cores and non-cores, filled as documents come, and emptied
    when full, never change the answer."""
    monkeypatch.setattr(inj, "_MEMO_MAX", 40)
    monkeypatch.setattr(inj, "_CORES", {})
    monkeypatch.setattr(inj, "_NOT_CORES", {})
    rnd = random.Random(2)
    pool = ["incelemeleri", "Incelemeleri", "incelemeLeri", "forces", "house", "casa", "Casa", "wohnung", "siteleri",
            "yorumları", "bewertungen", "отзывы", "kredi", "2024", "abc1", "İstanbul", "ýorum", "gracias", "grazie",
            "Grazie", "obrigado", "dziękuję", "merci", "danke", "tschüss", "weekends", "advise", "Ünlü", "ﬁnance"]
    for lang in inj.LANGUAGES:
        pool += rnd.sample(sorted(inj.common_words(lang)), 40)
    for _ in range(300):
        lang = rnd.choice(inj.LANGUAGES)
        words = set(rnd.sample(pool, rnd.randint(1, 60)))
        plain = {w.lower() for w in words
                 if w.isalpha() and w[0].islower() and len(w.lower()) >= 4 and w.lower().isalpha()
                 and inj.foreign_language(w.lower(), lang) is not None}
        assert inj.core_lowers(words, lang) == plain, (lang, words)


def _inj_texts() -> list:
    rnd = random.Random(9)
    base = _clean_texts(12) or ["The council met on Tuesday and approved the budget for the new school in town."]
    inserts = ["incelemeleri", "badoo incelemeleri", "güvenilir siteleri", "отзывы", "bewertungen", "kredi başvurusu",
               "casino bonus", "online casino", "best-online-casino-bonus", "payday loans near me", "Casino",
               "İstanbul", "cafe\u0301", "essay writing service", "replica watches", "weekends", "advise"]
    out = []
    for text in base:
        out.append(text)
        words = text.split(" ")
        for _ in range(2):
            w = list(words)
            for _ in range(rnd.randint(1, 3)):
                w.insert(rnd.randint(0, len(w)), rnd.choice(inserts))
            out.append(" ".join(w))
    return out


def _inj_results(texts):
    out = []
    for text in texts:
        doc = lint.Document(text)
        runs = [(r.start, r.end, r.lang, r.foreign, r.words, r.confidence) for r in inj.foreign_runs(doc)]
        spam = [(h.start, h.end, h.category, h.confidence, h.message) for h in inj.spam_hits(doc)]
        out.append((runs, spam))
    return out


def test_learned_plain_words_change_no_finding(monkeypatch):
    """INJ001 learns which words it can skip (``_PLAIN``, shared with INJ002's gate): the
    findings are those of the same texts with nothing learned, before and after learning."""
    texts = _inj_texts()
    monkeypatch.setattr(inj, "_PLAIN", {})
    monkeypatch.setattr(inj, "_ANCHOR_FREE", set())
    first = _inj_results(texts)
    second = _inj_results(texts)  # every word of the texts learned now
    monkeypatch.setattr(inj, "_learn", lambda lang, todo, cores: None)
    monkeypatch.setattr(inj, "_PLAIN", {})
    nothing_learned = _inj_results(texts)
    assert first == second == nothing_learned
    assert any(runs for runs, _ in first) and any(spam for _, spam in first)


def test_anchor_free_is_the_word_by_word_test():
    gate = inj._spam_gate()
    pattern, anchors = gate
    rnd = random.Random(4)
    pool = ["house", "Casino", "casino-bonus", "İstanbul", "road", "Bets", "cafe\u0301", "Viagra", "l'essay", "essays",
            "IĞDIR", "ΣΟΦΙΑ", "dating’s", "pre-loans", "x", "2024", "北京"] + sorted(anchors)[:80]
    for _ in range(400):
        words = rnd.sample(pool, rnd.randint(1, 25))
        want = []
        for w in words:
            lw = w.lower()
            pieces = lw.replace("-", "\n").replace("'", "\n").replace("’", "\n")
            if len(lw) == len(w) and pieces.replace("\n", "").isalnum() \
                    and pattern.search("\n" + pieces + "\n") is None:
                want.append(w)
        assert inj._anchor_free(words) == want, words


def test_spam_gate_without_inj001_finds_what_the_matcher_finds(monkeypatch):
    """INJ002 alone (or on a text in no language of INJ001): the gate skips the words found
    free of anchors before (``_ANCHOR_FREE``), never a match."""
    monkeypatch.setattr(inj, "_ANCHOR_FREE", set())
    matcher = inj._spam_matcher()
    texts = _inj_texts() + _random_texts(200, 13)
    for _ in range(2):  # the second time with every word learned
        for text in texts:
            for lang in ("en", "zh", None):
                doc = lint.Document(text, lang=lang)
                low = doc.text.lower()
                expected = [m.span() for m in matcher.finditer(doc.text, lowered=low)]
                got = list(inj._spam_spans(doc, matcher, doc.text, low if len(low) == len(doc.text) else None))
                assert got == expected, text


# -- FRG002 ------------------------------------------------------------------------------
def test_rights_prefilter_rejects_only_tokens_without_a_split():
    """A long token none of whose suffixes (those ``_split`` tries) is in ``_rights`` has
    no split: ``_candidate`` says False for it."""
    rule = frg_glued.GluedLowercaseWords()
    tokens = {w for text in _clean_texts(8) for w in lint.textutil.WORD.findall(text) if 8 <= len(w) <= 40}
    tokens |= {"Putinsecondo", "Putinsaid", "Macronpendant", "Regierungsondern", "governmentsaid", "darglielo",
               "İstanbulsecondo", "Kazakistanhanno"}
    checked = 0
    for token in sorted(tokens):
        for lang in ("en", "it", "es", "fr", "de", "pt", "ru", "tr", "nl", "pl", "sv", "ro"):
            rights, longest = frg_glued._rights(lang)
            low = token.lower()
            start = max(4 if token[0].isupper() else 5, len(low) - longest)
            if not any(low[i:] in rights for i in range(start, len(token) - 3)):
                assert rule._candidate(token, lang) is False, (token, lang)
                checked += 1
    assert checked


# -- FRG010 ------------------------------------------------------------------------------
def test_adjacent_scan_with_bitmap_is_the_category_scan(texts):
    rnd = random.Random(8)
    langsets = [frozenset(s) for s in (("en",), ("it", "en"), ("fr", "de"), ("pt",), ("es", "pl", "ru"), ("zh",))]
    extra = ["Ha detto che il il governo. la la la el mochila, une la valise; into the a giant; the   the",
             "Ölçü ölçü, however, however; 𝐀 the the 𝐀; _the the_; the\u00a0the; the\n\nthe"]
    for text in list(texts) + extra:
        low = text.lower()
        if not spn.bmp_only(low):
            continue
        langs = rnd.choice(langsets)
        for a, b in zip(frg_doubled._adjacent_scan(langs, False)[:2], frg_doubled._adjacent_scan(langs, True)[:2]):
            assert [(m.span(), m.groups()) for m in a.finditer(low)] == \
                   [(m.span(), m.groups()) for m in b.finditer(low)], text
            assert (a.match(low) and a.match(low).span()) == (b.match(low) and b.match(low).span())


# -- SPN001 ------------------------------------------------------------------------------
def test_search_lowered_with_bitmap_is_the_trie_search(texts):
    rnd = random.Random(6)
    matchers = [spn.phrase_matcher(lang) for lang in spn.PHRASE_LANGUAGES]
    matchers = [m for m in matchers if m is not None] + [inj._spam_matcher()]
    for text in texts:
        low = text.lower()
        if len(low) != len(text):
            continue
        for matcher in matchers:
            positions = sorted({0, len(low)} | {rnd.randrange(len(low) + 1) for _ in range(6)})
            for pos in positions:
                end = rnd.randrange(pos, len(low) + 1)
                m = matcher.pattern.search(low, pos, end)
                want = m.span() if m is not None else None
                assert spn.search_lowered(matcher, low, pos, end) == want, (text, pos, end)
                if spn.bmp_only(low):
                    assert spn.search_lowered(matcher, low, pos, end, True) == want, (text, pos, end)
