"""SPN (spun text) rules: every lexicon entry's own examples, the seed annotations, the
clean-corpus budget, and the density gate."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import lint
from lint.config import Settings
from lint.engine import Linter
from lint.plugins import load_registry
from lint.rules import _spn_common as spn
from lint.source import Source
from conftest import assert_clean_budget  # noqa: E402

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SEEDS = SHARED / "seeds"
CLEAN = SHARED / "corpus" / "clean"


def _span(text: str, phrase: str) -> tuple[int, int]:
    low = text.lower().replace("’", "'")
    i = low.find(phrase.lower().replace("’", "'"))
    assert i >= 0, (phrase, text)
    return i, i + len(phrase)


def _hits_over(entry: spn.Entry, text: str):
    doc = lint.Document(text, lang=entry.lang)
    s, e = _span(text, entry.phrase)
    return [h for h in spn.spn_hits(doc).get(entry.code) if h.start < e and s < h.end]


ENTRIES = spn.spinner_entries() + spn.tortured_entries()


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.match_example],
                         ids=lambda e: f"{e.code}-{e.lang}-{e.phrase}")
def test_entry_must_match(entry):
    assert _hits_over(entry, entry.match_example), f"{entry.phrase!r} not found in {entry.match_example!r}"


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.clean_example],
                         ids=lambda e: f"{e.code}-{e.lang}-{e.phrase}")
def test_entry_must_not_match(entry):
    hits = _hits_over(entry, entry.clean_example)
    assert not hits, f"{entry.phrase!r} reported in innocent {entry.clean_example!r}: {hits}"


def test_lexicons_are_large_and_well_formed():
    spinner, tortured = spn.spinner_entries(), spn.tortured_entries()
    assert len(spinner) >= 200 and len(tortured) >= 300
    for e in spinner + tortured:
        assert 0 < e.weight <= 1, e
        assert e.original, e
        spn.parse_context(e.context)  # every context name exists
    # an ambiguous entry (one whose words have an innocent use) documents it with an example
    assert sum(1 for e in spinner if e.clean_example) >= 150


def test_every_context_is_used_and_tested():
    used = {name.split(":")[0].strip() for e in ENTRIES for name in e.context.split("&")}
    assert set(spn.CONTEXTS) <= used | {"any"}


def test_hits_cached_once_per_document():
    doc = lint.Document("Most of them should wade household eventually.", lang="en")
    first = spn.spn_hits(doc)
    assert spn.spn_hits(doc) is first and doc.cache["spn_hits"] is first


def test_lone_hit_is_weak_and_dense_text_is_strong():
    lone = lint.Document("It is a long report. " * 40 + "Most of them should wade household eventually.", lang="en")
    hits = spn.spn_hits(lone)
    assert not hits.dense and all(hits.confidence(h) <= spn.LONE_CAP for h in hits.all())


def _linter(select=("SPN",)):
    return Linter(Settings(select=list(select)), load_registry())


def _seed_annotations(family):
    path = SEEDS / "annotations.jsonl"
    if not path.exists():
        pytest.skip("../shared/seeds not available")
    anns = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [a for a in anns if a["family"] == family]


def test_seed_annotations_found():
    anns = _seed_annotations("SPN")
    linter = _linter()
    results = {}
    missing = []
    for a in anns:
        if a["file"] not in results:
            text = (SEEDS / a["file"]).read_text(encoding="utf-8")
            results[a["file"]] = linter.lint_source(Source(path=a["file"], text=text))
        found = any(f.rule.startswith("SPN") and f.offset < a["end"] and max(f.end_offset, f.offset + 1) > a["start"]
                    for f in results[a["file"]].findings)
        if a["required"] and not found:
            missing.append((a["quote"], a["nth"]))
    assert not missing, missing


def test_spun_seed_is_gated_by_spin_alone():
    path = SEEDS / "002_9ee96715756e0283.txt"
    if not path.exists():
        pytest.skip("../shared/seeds not available")
    result = _linter().lint_source(Source(path=path.name, text=path.read_text(encoding="utf-8")))
    assert result.score > 0.5
    assert any(f.rule == "SPN005" for f in result.findings)


def test_other_seeds_not_gated_by_spin():
    if not SEEDS.exists():
        pytest.skip("../shared/seeds not available")
    linter = _linter()
    for p in sorted(SEEDS.glob("*.txt")):
        if p.name.startswith("002"):
            continue
        result = linter.lint_source(Source(path=p.name, text=p.read_text(encoding="utf-8")))
        assert not any(f.rule == "SPN005" for f in result.findings), p.name


@pytest.mark.parametrize("lang", ["en", "it", "es", "fr", "de", "pt"])
def test_clean_corpus_budget(lang):
    def no_density_finding(doc_id, result):
        assert not any(f.rule == "SPN005" for f in result.findings), doc_id

    assert_clean_budget(_linter(), lang, 300, extra=no_density_finding)


@pytest.mark.parametrize("module", ["_spn_common", "_spn_patterns", "spn_spinner_phrase", "spn_tortured_phrase",
                                    "spn_spun_number", "spn_outlet_name", "spn_density"])
def test_doctests(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(f"lint.rules.{module}"))
    assert result.failed == 0 and result.attempted > 0


INNOCENT = """\
I told you, it never works. He told you the truth. She told you before. My mom told you, right?
You know what he told you. John told you about it yesterday. The doctor told you to rest.
The guy at the counter said no. Then the guy said he was sorry. And the guy said he'd fix it.
It was a great day. She is a great Italian cook. She has a keen sense of humour and a keen eye.
He is a keen Arsenal fan. An enthusiastic crowd cheered. An enthusiastic young volunteer helped.
An excellent choice. I will stay in order to help. He worked hard in order to pay the rent.
Go there and you will find it. Call and you can book a table. Try it and you may like it.
Buy two and you can save more. Sign in and you will be redirected. Follow the signs and you can't miss it.
We have leftover food. The remaining funds were returned. Hence the name. I thought so.
They are thought to be rare. We get off the bus here. Turn off the TV. I'm getting better.
Having said that, I disagree. An otherwise good film. For instance, London. Countries such as France.
To whom it may concern. The man whom I met. Whom did you call? Better late than never.
The newest member of the team. The newest iPhone. She enjoys painting. He enjoys good food.
They enjoy limited support. It has actually been a while. I want to help you get there.
To help you with that, call us. Save so you can buy a house. So you can see, it worked.
He was out of town. An out-of-town guest. It's out-of-date. Things which have changed.
The house which has a garden. A more youthful look. Pay in advance of delivery.
Contrary to the rumours, he stayed. The party lasted well into Sunday. This is more than enough.
In which case, we leave. The would-be thief fled. I love the Paris of the twenties.
They possess limited funds. It is unclear just who was involved. A separate issue.
Personally, I think it's fine. Personally I believe him. Take 2 or 3 tablets. Wait one or two minutes.
Rate it from one to 10. Formula One 2023 season. Three 100-metre races. NBC News reported it.
BBC Sport covered it. CNN International and ABC Television. CBS Reports aired on Fox Business.
Reuters Information Services. We trained a random forest on big data with deep learning.
It was a profound learning experience. He held the child to his bosom and went home.
"""


def test_innocent_english_raises_no_warning():
    doc = lint.Document(INNOCENT, lang="en")
    hits = spn.spn_hits(doc)
    loud = [(doc.text[h.start:h.end], h.code) for h in hits.all() if hits.severity(h) != "info"]
    assert not loud
    assert not hits.dense


def test_adversarial_inputs_run_in_linear_time():
    import time

    texts = ["and you will " * 30_000, "the " * 100_000, "one,000 " * 40_000, "2 or " * 60_000,
             "NBC " * 60_000 + "Development", " " * 300_000 + "wade household", "out-of-" * 60_000]
    for text in texts:
        t = time.perf_counter()
        spn.spn_hits(lint.Document(text, lang="en"))
        assert time.perf_counter() - t < 5.0, text[:20]


# -- the fast paths give what the plain scans give ----------------------------------------
def _phrase_texts(lang: str, n: int, seed: int) -> list:
    """Lower-cased texts made of the lexicon's phrases and words, joined by spaces, line
    breaks, punctuation and hyphens (phrases at the start, inside words, back to back)."""
    import random

    rnd = random.Random(seed)
    phrases = [e.phrase.lower() for e in ENTRIES if e.lang == lang]
    words = [w for p in phrases for w in p.split()] + ["x", "1", "_", "é", "京"]
    seps = [" ", " ", " ", "  ", "\n", ", ", "-", "(", "’", "'", "", "/", "_", "\u0301"]
    out = []
    for _ in range(n):
        parts = [rnd.choice(phrases) if rnd.random() < 0.4 else rnd.choice(words) for _ in range(rnd.randint(1, 12))]
        out.append("".join(p + rnd.choice(seps) for p in parts))
    return out


@pytest.mark.parametrize("lang", spn.PHRASE_LANGUAGES)
def test_search_lowered_is_the_matcher_search(lang):
    import random

    matcher = spn.phrase_matcher(lang)
    rnd = random.Random(3)
    for low in _phrase_texts(lang, 300, 9):
        for _ in range(4):
            pos = rnd.randint(0, len(low))
            endpos = rnd.randint(pos, len(low))
            m = matcher.pattern.search(low, pos, endpos)
            assert spn.search_lowered(matcher, low, pos, endpos) == (m.span() if m else None), (low, pos, endpos)


def test_outlet_gate_passes_every_outlet_match():
    import random

    from lint.rules import _spn_patterns as pat

    name_re, spins, (fixed_re, real), either = pat._outlets()
    rows = lint.read_tsv(pat.lexicon("outlets.tsv"), 3)
    pieces = [w for row in rows for w in row[1].split()] + ["News", "the", "said", "\n", "X"]
    rnd = random.Random(4)
    found = 0
    for _ in range(3000):
        text = rnd.choice([" ", "", "\t", "-"]).join(rnd.choice(pieces) for _ in range(rnd.randint(1, 6)))
        hits = bool(name_re.search(text) or fixed_re.search(text))
        found += hits
        assert hits <= (either.search(text) is not None), text
    assert found > 50
