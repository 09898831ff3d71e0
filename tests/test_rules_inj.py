"""INJ (injected content) rules: foreign keywords and SEO spam, the seed annotation, the
clean-corpus budget, and synthetic injections into clean text."""
from __future__ import annotations

import doctest
import importlib
import json
import random
from pathlib import Path

import pytest

import lint
from lint.config import Settings
from lint.engine import Linter
from lint.plugins import load_registry
from lint.rules import _inj_common as inj
from lint.source import Source
from conftest import assert_clean_budget  # noqa: E402

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SEEDS = SHARED / "seeds"
CLEAN = SHARED / "corpus" / "clean"


def _runs(text, lang=None):
    doc = lint.Document(text, lang=lang)
    return [doc.text[r.start:r.end] for r in inj.foreign_runs(doc)]


def _spam(text, lang=None):
    doc = lint.Document(text, lang=lang)
    return [doc.text[h.start:h.end] for h in inj.spam_hits(doc)]


@pytest.mark.parametrize("text,lang,expected", [
    ("The mobilization last month to buttress badoo incelemeleri his forces sparked an exodus.", "en",
     "badoo incelemeleri"),
    ("The council decided to approve güvenilir siteleri the new budget for the school.", "en", "güvenilir siteleri"),
    ("The council decided to approve отзывы the new budget for the school.", "en", "отзывы"),
    ("Il consiglio ha deciso di approvare bewertungen il nuovo bilancio della scuola.", "it", "bewertungen"),
    ("Совет решил утвердить kredi başvurusu новый бюджет школы на следующий год.", "ru", "kredi başvurusu"),
])
def test_foreign_keyword_found(text, lang, expected):
    assert expected in _runs(text, lang)


@pytest.mark.parametrize("text,lang", [
    ("We ordered paella and a glass of vino; it was a real zeitgeist moment.", "en"),
    ("The Turkish word “incelemeleri” means reviews in the title of the page.", "en"),
    ("He runs a shop called Badoo Incelemeleri in the city centre near the station.", "en"),
    ("The motto (per aspera ad astra) was carved above the door of the old school.", "en"),
    ("Gondar es una freguesia portuguesa del concelho de Guimarães, con mucha historia.", "es"),
    ("Dovre est une kommune de Norvège et la gmina de Mniów est voisine des gminy.", "fr"),
    ("Flávio Santos vai agora todos os weekends ao teatro com os amigos da escola.", "pt"),
    ("Ayer fuimos al cine y luego comimos en casa de mis padres con toda la familia.", "es"),
])
def test_foreign_keyword_innocent(text, lang):
    assert _runs(text, lang) == []


def test_whole_paragraph_in_another_language_is_not_injection():
    text = ("The report was published today. Il governo ha deciso di aumentare le tasse sulla casa per "
            "tutti i cittadini, ma la decisione non piace.")
    assert _runs(text, "en") == []


@pytest.mark.parametrize("text,expected", [
    ("Get title loans near me today.", "title loans near me"),
    ("Read about buy viagra online before your visit.", "buy viagra online"),
    ("See best-online-casino-bonus for more.", "best-online-casino-bonus"),
    ("Güvenilir bahis siteleri için tıklayın.", "bahis siteleri"),
    ("Il miglior bonus senza deposito del mese.", "bonus senza deposito"),
    ("Лучшие онлайн казино года.", "онлайн казино"),
    ("Los mejores bono sin depósito del año.", "bono sin depósito"),
])
def test_spam_found(text, expected):
    assert any(expected.lower() in hit.lower() for hit in _spam(text)), _spam(text)


@pytest.mark.parametrize("text", [
    "The casino reopened and the council debated payday lending rules.",
    "A state-of-the-art, up-to-date, well-known building near me.",
    "Il casinò di Venezia ha riaperto dopo i lavori.",
    "The story-of-the-year award went to the reporters.",
])
def test_spam_innocent(text):
    assert _spam(text) == []


def test_repeated_generic_keyword_weighs_less_each_time():
    doc = lint.Document("An online casino opened. The online casino was busy. Online casino fans came.", lang="en")
    conf = [h.confidence for h in inj.spam_hits(doc)]
    assert len(conf) == 3 and conf[0] > conf[1] > conf[2]


def test_common_words_table_is_compact():
    tr = inj.common_words("tr")
    assert "incelemeleri" in tr and min(tr.values()) >= inj.COMMON
    assert inj.foreign_language("incelemeleri", "en") == ("tr", pytest.approx(3.63, abs=0.05))
    assert inj.foreign_language("house", "en") is None


@pytest.mark.parametrize("module", ["_inj_common", "inj_foreign_keyword", "inj_seo_spam"])
def test_doctests(module):
    result = doctest.testmod(importlib.import_module(f"lint.rules.{module}"))
    assert result.failed == 0 and result.attempted > 0


def _linter():
    return Linter(Settings(select=["INJ"]), load_registry())


def test_seed_annotation_found():
    path = SEEDS / "annotations.jsonl"
    if not path.exists():
        pytest.skip("../shared/seeds not available")
    anns = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    linter = _linter()
    for a in anns:
        if a["family"] != "INJ" or not a["required"]:
            continue
        text = (SEEDS / a["file"]).read_text(encoding="utf-8")
        result = linter.lint_source(Source(path=a["file"], text=text))
        assert any(f.rule.startswith("INJ") and f.offset < a["end"] and f.end_offset > a["start"]
                   for f in result.findings), a["quote"]


@pytest.mark.parametrize("lang", ["en", "it", "es", "fr", "de", "pt", "nl", "pl", "tr", "ru"])
def test_clean_corpus_budget(lang):
    assert_clean_budget(_linter(), lang, 200)


def test_synthetic_injections_into_clean_english_are_found():
    """A Turkish keyword pasted between two words of clean English sentences is found in
    most places (not after a sentence end or next to punctuation, by design)."""
    path = CLEAN / "ud-en.jsonl"
    if not path.exists():
        pytest.skip("../shared/corpus/clean not available")
    rnd = random.Random(7)
    found = tried = 0
    for line in path.read_text(encoding="utf-8").splitlines()[:150]:
        text = json.loads(line)["text"]
        words = text.split(" ")
        candidates = [i for i in range(3, len(words) - 3)
                      if words[i - 1].isalpha() and words[i].isalpha() and words[i - 1].islower()
                      and lint.zipf(words[i - 1], "en") < inj.GOVERNING]
        if not candidates:
            continue
        i = rnd.choice(candidates)
        words.insert(i, "kredi başvurusu")
        injected = " ".join(words)
        tried += 1
        found += "kredi başvurusu" in " ".join(_runs(injected))
    assert tried >= 40 and found / tried >= 0.6, (found, tried)


def test_adversarial_inputs_run_in_linear_time():
    import time

    texts = ["a-" * 100_000 + "/", "casino-" * 50_000 + "x", "near " * 50_000 + "me", "x" * 300_000,
             ("kredi " * 20 + "the ") * 5_000]
    for text in texts:
        t = time.perf_counter()
        doc = lint.Document(text, lang="en")
        inj.spam_hits(doc)
        inj.foreign_runs(doc)
        assert time.perf_counter() - t < 5.0, text[:20]


# -- the fast paths give what the plain scans give ----------------------------------------
def _spam_phrases():
    return [row[1] for row in lint.read_tsv(inj.lexicon("seo_spam.tsv"), 4)]


def _spam_texts(n: int, seed: int) -> list:
    """Texts with spam phrases in every case and joined to other words (hyphens,
    apostrophes), Turkish 'İ' (lower-casing changes the length), combining marks, CJK."""
    rnd = random.Random(seed)
    phrases = _spam_phrases()
    filler = ("the council met on Tuesday and the girl wrote a review of approval il governo ha "
              "deciso Лучшие новости call the service near me today 東京の人 writing essays").split()
    shapes = [str, str.upper, str.title, str.capitalize, lambda p: p.replace(" ", "-"),
              lambda p: "pre-" + p, lambda p: p + "’s", lambda p: "l'" + p,
              lambda p: "".join(c.upper() if i % 2 else c for i, c in enumerate(p))]
    out = []
    for _ in range(n):
        words = [rnd.choice(filler) for _ in range(rnd.randint(3, 25))]
        for _ in range(rnd.randint(0, 2)):
            words.insert(rnd.randint(0, len(words)), rnd.choice(shapes)(rnd.choice(phrases)))
        if rnd.random() < 0.1:
            words.insert(rnd.randint(0, len(words)), "İstanbul")
        if rnd.random() < 0.1:
            words.insert(rnd.randint(0, len(words)), "cafe\u0301")
        out.append(" ".join(words) + ".")
    return out


def test_spam_gate_and_scan_find_what_the_matcher_finds():
    matcher = inj._spam_matcher()
    for text in _spam_texts(400, 11):
        for lang in ("en", "it", "ru", None):
            doc = lint.Document(text, lang=lang)
            inj.foreign_runs(doc)  # INJ001 first, as the engine runs them: it sorts the words
            low = doc.text.lower()
            expected = [m.span() for m in matcher.finditer(doc.text, lowered=low)]
            got = list(inj._spam_spans(doc, matcher, doc.text, low if len(low) == len(doc.text) else None))
            assert got == expected, text


def test_spam_gate_skips_clean_text():
    doc = lint.Document("The council met on Tuesday and approved the budget for the new school.", lang="en")
    inj.foreign_runs(doc)
    assert not inj._spam_possible(doc, doc.text.lower())


def test_core_lowers_is_the_plain_definition():
    rnd = random.Random(5)
    pool = ["incelemeleri", "Incelemeleri", "incelemeLeri", "forces", "house", "casa", "Casa", "wohnung",
            "siteleri", "yorumları", "bewertungen", "отзывы", "kredi", "2024", "abc1", "İstanbul", "ýorum",
            "gracias", "grazie", "Grazie", "obrigado", "dziękuję", "merci", "danke", "tschüss"]
    for lang in ("en", "it", "tr", "ru", "de"):
        for _ in range(30):
            words = set(rnd.sample(pool, rnd.randint(1, len(pool))))
            plain = {w.lower() for w in words
                     if w.isalpha() and w[0].islower() and lint.zipf(w.lower(), lang) < inj.UNKNOWN
                     and len(w.lower()) >= 4 and w.lower().isalpha()
                     and inj.foreign_language(w.lower(), lang) is not None}
            assert inj.core_lowers(words, lang) == plain, (lang, words)
            assert {w.lower() for w in inj.core_words(words, lang)} == plain


def test_core_memo_is_bounded(monkeypatch):
    monkeypatch.setattr(inj, "_MEMO_MAX", 10)
    monkeypatch.setattr(inj, "_CORES", {})
    monkeypatch.setattr(inj, "_NOT_CORES", {})
    for i in range(100):
        assert inj.core_lowers({f"wordx{i:03d}", "incelemeleri"}, "en") == {"incelemeleri"}
        assert len(inj._NOT_CORES["en"]) <= 11 and len(inj._CORES["en"]) <= 11
    assert inj._core_test("incelemeleri", "en") and not inj._core_test("forces", "en")


def test_plain_words_are_bounded(monkeypatch):
    monkeypatch.setattr(inj, "_PLAIN_MAX", 20)
    monkeypatch.setattr(inj, "_PLAIN", {})
    for i in range(60):
        doc = lint.Document(f"The council met on Tuesday and Wordx{i:03d} approved the new budget today.", lang="en")
        inj.foreign_runs(doc)
        assert len(inj._PLAIN["en"]) <= len(inj._known("en")) + 20 + 5


def test_core_lowers_same_early_and_late_in_a_run(monkeypatch):
    # early in a run (few documents) new words are judged one by one, loading other
    # languages' lists only for words unknown in the paragraph's language; later all at
    # once against every list: both must give the same cores
    words = {"incelemeleri", "Incelemeleri", "forces", "2024", "incelemeLeri", "bonus", "freguesia", "gminy",
             "kostenlos", "ücretsiz", "indirim", "ciao", "house", "wade", "household", "explicite", "olvida"}
    answers = {}
    for phase, calls in (("early", 0), ("late", inj.WARM_AFTER + 1)):
        for lang in ("en", "it", "de", "tr", "pt"):
            monkeypatch.setattr(inj, "_CALLS", calls)
            monkeypatch.setattr(inj, "_CORES", {})
            monkeypatch.setattr(inj, "_NOT_CORES", {})
            inj.foreign_language.cache_clear()
            answers[phase, lang] = inj.core_lowers(set(words), lang)
    for lang in ("en", "it", "de", "tr", "pt"):
        assert answers["early", lang] == answers["late", lang], lang
    assert "incelemeleri" in answers["early", "en"]
