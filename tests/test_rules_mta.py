"""Focused tests of the MTA (machine-translation artifacts) rules.

Seed annotations and the clean corpus are read from ``../shared`` when present (skipped
otherwise); every other text here was written for these tests.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

import lint
from lint.plugins import load_registry
from lint.testing import check_text, make_document
from conftest import findings, texts  # noqa: E402  (shared rule-test helpers)

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SEEDS = SHARED / "seeds"
CLEAN = SHARED / "corpus" / "clean"

REGISTRY = load_registry()
MTA = {code: rule for code, rule in REGISTRY.rules.items() if code.startswith("MTA")}




def all_mta(text, lang=None):
    out = []
    for code in sorted(MTA):
        out += check_text(MTA[code], text, lang)
    return out


def test_the_family_is_complete():
    assert sorted(MTA) == [f"MTA00{i}" for i in range(1, 8)]
    names = {r.name for r in MTA.values()}
    assert {"gender-flip", "dangling-object", "misplaced-attribution", "name-variant", "age-conflict",
            "cjk-punctuation", "untranslated-segment"} == names


# -- seeds --------------------------------------------------------------------------------
def _annotations():
    path = SEEDS / "annotations.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _seed_findings():
    cache = {}
    for a in _annotations():
        if a["file"] not in cache:
            cache[a["file"]] = all_mta((SEEDS / a["file"]).read_text(encoding="utf-8"))
    return cache


def _hit(fs, a):
    return [f for f in fs if f.rule.startswith("MTA") and f.offset < a["end"] and max(f.end_offset, f.offset + 1) > a["start"]]


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds not present")
def test_required_seed_annotations_found():
    found = _seed_findings()
    missed = [(a["file"][:3], a["quote"]) for a in _annotations()
              if a["family"] == "MTA" and a["required"] and not _hit(found[a["file"]], a)]
    assert not missed, missed


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds not present")
def test_optional_seed_annotations_found():
    found = _seed_findings()
    hits = {a["quote"] for a in _annotations() if a["family"] == "MTA" and not a["required"]
            and _hit(found[a["file"]], a)}
    assert {"[Kazakhs]", "乔吉", " “难民和侵略者”"} <= hits


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds not present")
def test_each_hyphenated_name_and_dash_is_its_own_finding():
    anns = [a for a in _annotations() if a["family"] == "MTA" and a["kind"] == "cjk-punctuation" and a["required"]]
    fs = [f for f in all_mta((SEEDS / anns[0]["file"]).read_text(encoding="utf-8")) if f.rule == "MTA006"]
    used = set()
    for a in anns:
        hits = [f for f in _hit(fs, a) if (f.offset, f.end_offset) not in used]
        assert hits, a["quote"]
        used.add((hits[0].offset, hits[0].end_offset))
    assert len(used) == len(anns) == 10


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds not present")
def test_seed_findings_are_the_annotated_ones():
    """Warnings (not info) on the seeds fall on annotated artifacts, or on the same name
    spelled elsewhere."""
    anns = _annotations()
    for name, fs in _seed_findings().items():
        mine = [a for a in anns if a["file"] == name and a["family"] == "MTA"]
        for f in fs:
            if f.severity == "info":
                continue
            assert any(f.offset < a["end"] and f.end_offset > a["start"] for a in mine), (name, f.rule, f.text)


# -- clean corpus ---------------------------------------------------------------------------
@pytest.mark.skipif(not CLEAN.exists(), reason="../shared/corpus/clean not present")
def test_clean_corpus_false_positive_budget():
    from lint.textutil import word_count

    words, warnings = {}, {}
    for jl in sorted(CLEAN.glob("*.jsonl")):
        for line in jl.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            lang = d["lang"]
            words[lang] = words.get(lang, 0) + word_count(d["text"])
            n = sum(1 for f in all_mta(d["text"] + "\n") if f.severity in ("warning", "error"))
            warnings[lang] = warnings.get(lang, 0) + n
    total = 10000 * sum(warnings.values()) / sum(words.values())
    assert total < 0.3, warnings
    for lang in words:
        assert 10000 * warnings[lang] / words[lang] < 1.0, (lang, warnings[lang])


# -- MTA001 gender-flip ---------------------------------------------------------------------
FLIPS = [
    ("Natasha Ivanova moved to Almaty in 2022. She found a job in a school and she rents a small flat "
     "with her cat. “It is quiet here,” he says.", "he says"),
    ("The boy was eleven when he left. He was quiet and he read a lot. “He wanted to be a pilot,” she says.",
     "she says"),
    ("Olga Sidorova has led the choir since 2001. She rehearses twice a week and her choir adores her. "
     "Funding dropped by half this year, he said.", "he said"),
    ("Ivan Nesterov fled in September.\n\nAccording to him, his departure was a protest, although he had "
     "never marched. “He wanted out of the system,” she says.", "she says"),
]


@pytest.mark.parametrize("text,flipped", FLIPS)
def test_gender_flip_found(text, flipped):
    assert flipped in texts("MTA001", text, "en")


GENDER_CLEAN = [
    # a woman in the passage: the pronoun can be hers
    "Maria Kowalski, 41, runs a bakery with her husband. He gets up at four, and he bakes the bread. "
    "“He never complains,” she says.",
    "The old man sat by the window. He had lived in the house for sixty years. “He built it himself,” "
    "his daughter says. She visits him every week.",
    "My mother lives in Kyiv.\n\nMy brother left in May. He took a train, and he did not call for a week. "
    "“He was scared,” she says.",
    # someone of unknown gender: a name not in the lexicon, an ungendered noun, a plural
    "He left in May, and he did not look back. “He wanted out,” Kowalczyk said, and she smiled.",
    "The boy was eleven when he left. His teachers remember him well; he was quiet. “He wanted to fly,” she says.",
    "He fixed my car in an hour and he charged me nothing. The receptionist was nice too. “Come back soon,” "
    "she said.",
    "Alex told me he would be late. Then he called again. “Sorry,” she said.",
    "Dr. Smith examined him twice, and he was sent home. “He is fine,” she said.",
    "Senator Brown met him in May. He asked for help. “He was desperate,” she said.",
    "Tamsin Brown runs the shelter. He arrived there in May, and he stayed. “He was cold,” she says.",
    # the woman appears in the next paragraph
    "He left in May, and his friends followed him soon after. “He wanted out,” she says.\n\n"
    "His wife, Olga, stayed behind.",
    # both pronouns used for two people who are both named
    "Sergei Ivanov is a retired engineer. He lives in Tver with his wife, Natalia. “She is the patient one,” "
    "he says.",
    "John told me he was leaving. He said his wife had found a job in Boston. She starts in May, he added.",
    # a woman speaking, not an attribution
    "He quipped that the food was better in Paris. She laughed at him.",
]


@pytest.mark.parametrize("text", GENDER_CLEAN)
def test_gender_flip_clean(text):
    assert texts("MTA001", text, "en") == []


def test_gender_flip_ignores_dangling_her_as_a_referent():
    text = ("He took a bus to the border. “An irony of fate,” he quips her. He stayed with a family.\n\n"
            "According to him, he never marched, and his opinions stayed private. “He wanted out,” she says.")
    assert texts("MTA001", text, "en") == ["she says"]


# -- MTA002 dangling-object ------------------------------------------------------------------
@pytest.mark.parametrize("text,covers", [
    ("“I was scared,” he whispered her. Then he left.", "whispered her"),
    ("“Not again,” she sighs him.", "sighs him"),
    ("“Perfect,” Anna smiled him, “let us go.”", "smiled him"),
])
def test_dangling_object_found(text, covers):
    got = texts("MTA002", text, "en")
    assert any(covers in g for g in got), got


@pytest.mark.parametrize("text", [
    "He told her everything.", "She asked him twice.", "He answered her.", "They warned him.",
    "He thanked her.", "I added her on Instagram.", "The hospital admitted him.", "Moscow recalled him.",
    "She smiled at him.", "He laughed her off.", "He says her name softly.", "She explained him the rules.",
    "He said him and his brother would come.", "“Fine,” he said, her hand in his.",
])
def test_dangling_object_clean(text):
    assert texts("MTA002", text, "en") == []


def test_dangling_object_suggests_dropping_the_pronoun():
    (f,) = findings("MTA002", "“An irony of fate,” he quips her.", "en")
    assert f.suggestion == "he quips" and f.fix == "unsafe"


# -- MTA003 misplaced-attribution --------------------------------------------------------------
def test_misplaced_attribution_variants():
    text = ("“普京表示：”我们不会后退。\n\n他补充说:”这是最后的机会。\n\n"
            "“告诉记者说：”我们很好。\n\n「田中さんは述べた：」私たちは大丈夫です。")
    got = [f.text for f in all_mta(text) if f.rule == "MTA003"]
    assert len(got) == 4, got


def test_misplaced_attribution_fix_moves_the_opening_mark():
    (f,) = findings("MTA003", "“阿列克谢说:”我们从俄罗斯跑出来。", "zh")
    assert f.text == "“阿列克谢说:”" and f.suggestion == "阿列克谢说：“"


@pytest.mark.parametrize("text", [
    "阿列克谢说：“我们从俄罗斯跑出来。”", "“我们很好，”他说。", "他说:“很好。”", "他表示，局势稳定。",
    "这本小说：“红楼梦”很有名。", "田中さんは「大丈夫です」と言った。",
])
def test_misplaced_attribution_clean(text):
    assert texts("MTA003", text, "zh" if "田中" not in text else "ja") == []


# -- MTA004 name-variant ------------------------------------------------------------------------
@pytest.mark.parametrize("text,minor,major", [
    ("Yekaterina Smirnova opened the shop in 2010. Three years later Ekaterina sold it.", "Ekaterina", "Yekaterina"),
    ("Aleksandr Petrov is a teacher. Alexandr says he likes his job.", "Alexandr", "Aleksandr"),
    ("Dmitry Ivanov left. Dmitry Ivanov came back. Dmitri Ivanov stayed.", "Dmitri", "Dmitry"),
    ("The blogger Alexei Sibirskiy organised it. Sibirskiy says it worked. Sibirsky is proud.", "Sibirsky",
     "Sibirskiy"),
    ("Il campo di Kostanai è grande. Il campo di Kostanai è pieno. Il campo di Kostenai è lontano.", "Kostenai",
     "Kostanai"),
])
def test_name_variant_found(text, minor, major):
    fs = findings("MTA004", text, None)
    assert [(f.text, f.suggestion) for f in fs] == [(minor, major)]


@pytest.mark.parametrize("text", [
    # contributors with the same first name spelled differently: different people
    "Fixed by Dmitri Frank. Reported by Dmitry Ilyin. Tested by Dmitrii Tcyganok.",
    # an article that lists the spellings on purpose
    "Oleg Gordievski, Gordievsky o Gordievskiy, fue un espía.",
    # different names
    "Mario and Maria are siblings. Mario is older than Maria.",
    "Ivan and Ivana, Daniel and Daniela, Paulo and Paula came.",
    "Henry met Henri in Paris. Henry liked Henri.",
    "Marks are given weekly. Karl Marx wrote Capital. Marx died in London.",
    "Meyer ist Fischer. Das Meer ist ruhig. Meyer fährt aufs Meer.",
    "Kowalski przyjechał. Kowalski mówi. Kowalska milczy.",
    "Hansen scored. Hansen celebrated. Jansen watched.",
])
def test_name_variant_clean(text):
    assert texts("MTA004", text, None) == []


def test_transliteration_key():
    from lint.rules.mta_name_variant import transliteration_key as key

    assert key("Alexei") == key("Alexey") == key("Aleksei") == key("Aleksey")
    assert key("Yevgeny") == key("Evgeny") == key("Evgeniy")
    assert key("Dmitri") == key("Dmitry") == key("Dmitriy") == key("Dmitrii")
    assert key("Fyodor") == key("Fedor")
    assert key("Natalya") == key("Natalia")
    assert key("Mario") != key("Maria") and key("Marco") != key("Marc")


def test_chinese_speaker_names():
    text = "作家乔吉说，他逃到了哈萨克斯坦。乔治说，他没有支持战争。“我很难过，”乔治说。"
    (f,) = findings("MTA004", text, "zh")
    assert f.text == "乔吉" and f.suggestion == "乔治"


# -- MTA005 age-conflict --------------------------------------------------------------------------
@pytest.mark.parametrize("text,lang,covers", [
    ("Kassym Bekov, 42, left Astana in May. He did not tell his employer. Months later, the 24-year-old says "
     "he regrets nothing.", "en", "the 24-year-old"),
    ("Tomás Ruiz, 58, runs the farm. He has never left the valley. The 55-year-old, who...", "en",
     "The 55-year-old"),
    ("Mario Rossi, 45 anni, è partito a marzo. Dopo un mese il 42enne è tornato a casa.", "it", "il 42enne"),
])
def test_age_conflict_found(text, lang, covers):
    assert covers in texts("MTA005", text, lang)


@pytest.mark.parametrize("text,lang", [
    ("Ivan, 35, and his sister Olga, 30, fled together. The 30-year-old said she missed her friends.", "en"),
    ("Maria Kowalski, 41, runs a bakery. Her son Tomasz left in 2019, when he was 22. Now the 27-year-old "
     "works as a nurse.", "en"),
    ("In the final, Kowalczyk, 30, lost to Nieminen. The 25-year-old served well.", "en"),
    ("The 30-year-old building on Main Street will go. Its owner, John Davis, 35, is sad.", "en"),
    ("Ivan Nesterov, 35, fled in 2015. In 2022 the 42-year-old came back.", "en"),
    # someone else introduced without a name or an age
    ("John Smith, 45, was stabbed on Friday. Police arrested a man nearby. The 40-year-old was charged.", "en"),
    ("John Smith, 45, was stabbed on Friday. Police arrested two young men. The 40-year-old was charged.", "en"),
    ("Mario Rossi, 45 anni, è stato aggredito. Un uomo è stato fermato. Il 42enne è stato denunciato.", "it"),
    ("Ana García, de 25 años, huyó con su hermano Luis. El joven de 23 años trabaja ahora en Bogotá.", "es"),
    ("João Silva, de 40 anos, foi detido. A mulher, de 38 anos, também foi ouvida. O homem de 40 anos negou "
     "tudo.", "pt"),
    ("Thomas Berger (35) floh im Herbst. Seine Frau Anna (33) blieb. Die 33-Jährige hofft auf ein Wiedersehen.",
     "de"),
    ("Pierre Martin, 35 ans, a quitté Paris. Le trentenaire travaille à Lyon.", "fr"),
])
def test_age_conflict_clean(text, lang):
    assert texts("MTA005", text, lang) == []


# -- MTA006 cjk-punctuation ---------------------------------------------------------------------
def test_cjk_names_get_an_interpunct():
    fs = findings("MTA006", "总统卡西姆-若马尔特-托卡耶夫和记者叶卡捷琳娜-科罗特卡娅见面。", "zh")
    assert [(f.text, f.suggestion) for f in fs] == [
        ("卡西姆-若马尔特-托卡耶夫", "卡西姆·若马尔特·托卡耶夫"), ("叶卡捷琳娜-科罗特卡娅", "叶卡捷琳娜·科罗特卡娅")]


def test_cjk_dash_and_half_width_punctuation():
    fs = findings("MTA006", "但他不知道何时–或是否–能回来,他说。", "zh")
    dashes = [f for f in fs if f.text == "–"]
    commas = [f for f in fs if f.text == ","]
    assert len(dashes) == 2 and all(f.suggestion == "——" and f.fix == "safe" for f in dashes)
    assert len(commas) == 1 and commas[0].suggestion == "，" and commas[0].severity == "info"


@pytest.mark.parametrize("text", [
    "俄罗斯-乌克兰边境", "莫斯科-圣彼得堡高铁", "巴登-符腾堡州", "伊万诺-弗兰科夫斯克", "让-保罗·萨特",
    "中-美关系", "五月-十二月", "A-AVG", "2-1", "北京-上海", "弗拉基米尔·普京", "他说——我们走吧。",
])
def test_cjk_punctuation_clean(text):
    assert texts("MTA006", text, "zh") == []


# -- MTA007 untranslated-segment ------------------------------------------------------------------
def test_untranslated_needs_a_foreign_context():
    # an English paragraph misdetected as another language is not reported
    english = "Use :di[splay] to show [registers] and [arguments] of the command."
    assert texts("MTA007", english, "it") == []
    assert texts("MTA007", "“[Kazakhs] ci hanno dato cibo gratis, ci hanno ospitato”, ha detto.", "it") == ["[Kazakhs]"]


# -- lexicons and helpers --------------------------------------------------------------------------
def test_first_name_lexicon():
    from lint.rules._mta_common import first_name

    assert first_name("Ivan")[0] == "m" and first_name("Olga")[0] == "f"
    assert first_name("Andrea")[0] == "u"          # m in Italian, f elsewhere
    assert first_name("Zeynep")[0] == "f" and first_name("Giuseppe")[0] == "m"
    assert first_name("Kostanai") is None


def test_find_people():
    from lint.rules._mta_common import find_people

    text = "In Kostanai, Olga Petrova met Kowalczyk and Aizhan Mazaliyeva near Almaty."
    people = [(p.words, p.gender) for p in find_people(text, 0, len(text), "en")]
    assert (("Olga", "Petrova"), "f") in people
    assert (("Kowalczyk",), None) in people
    assert not any("Kostanai" in w or "Almaty" in w for w, _ in people)


def test_translit_chars():
    from lint.rules._mta_common import is_translit_han

    assert is_translit_han("托卡耶夫") and is_translit_han("叶卡捷琳娜")
    assert not is_translit_han("中国") and not is_translit_han("十二月")


# -- speed ----------------------------------------------------------------------------------------------
def test_linear_on_adversarial_input():
    text = ("“Hello,” she says. He said him. " * 3000 + "阿列克谢说:”我们" * 1000 + "弗拉基米尔-普京–" * 1000
            + "Alexei Alexey Atameken Atamaken " * 1000 + "the 30-year-old, Smith, 35, " * 1000
            + "[" * 2000 + "“" * 2000 + "-" * 2000)
    doc = make_document(text, "en")
    doc.paragraphs, doc.words
    for code, rule in sorted(MTA.items()):
        t0 = time.perf_counter()
        list(rule.check(doc))
        assert time.perf_counter() - t0 < 3.0, code


# -- the fast paths give what the plain patterns give -------------------------------------
def _random_texts(alphabet: list, n: int, seed: int, longest: int = 30) -> list:
    import random

    rnd = random.Random(seed)
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, longest))) for _ in range(n)]


def test_speakers_are_the_speaker_pattern_matches():
    from lint.rules import _mta_common as common
    from lint.rules import mta_name_variant as nv

    alphabet = sorted(common.translit_chars())[:12] + list("说表示称问道指出写回忆补充解释认为识到。，的了 a")
    for text in _random_texts(alphabet, 20000, 1):
        assert list(nv._speakers(text)) == [(m.start(), m.group(1)) for m in nv._speaker_pattern().finditer(text)], text


def test_anaphor_cue_tests_are_the_cue_patterns():
    from lint.rules import mta_age_conflict as ac

    alphabet = list("0123456789 \t\n-‑") + ["year", "old", "enne", "años", "anos", "ans", "-jährig", "d", "naire"]
    for low in _random_texts(alphabet, 20000, 2, 12):
        for lang, (pattern, words) in ac._ANAPHOR_CUES.items():
            plain = pattern.search(low) is not None or any(w in low for w in words)
            assert ac._may_have_anaphor(low, lang) == plain, (low, lang)


def test_attribution_cues_keep_every_attribution():
    from lint.rules import mta_gender_flip as gf

    alphabet = ["“", "”", "\"", "’", "«", "»", "„", " ", " ", ",", "\n", "He ", "he ", "She ", "she ", "the ",
                "says", "said", "added", "told", "dijo", "ella", "él", "ha detto", "lei", "lui", "disse", "ela",
                "ele", "ajoute-t-elle", "dit-il", "sagt", "sie", "er", "X"]
    langs = ("en", "es", "it", "pt", "fr", "de")
    for text in _random_texts(alphabet, 6000, 3, 14):
        for lang in langs:
            doc = lint.Document(text, lang=lang)
            if gf._attributions_by_paragraph(doc):
                assert lang in gf._attribution_languages(doc), (text, lang)

            def spans(found):
                return {i: [(m.span(), shape) for m, shape in c] for i, c in found.items()}

            assert spans(gf._attributions(doc)) == spans(gf._attributions(doc, {p.lang for p in doc.paragraphs}))


def test_variant_keys_are_the_plain_keys_and_bounded(monkeypatch):
    from lint.rules import mta_name_variant as nv

    names = ["Alexei", "Alexey", "Aleksei", "Yevgeny", "Evgeny", "Mario", "Kowalski", "Dmitrii", "Jansen",
             "Sergey", "Marco", "Kyiv", "York", "Natalya", "Ilya", "Andrii"]
    monkeypatch.setattr(nv, "_VARIANT_KEYS", {})
    monkeypatch.setattr(nv, "_VARIANT_MAX", 5)
    for k in range(1, len(names) + 1):
        batch = names[:k]
        assert nv._variant_keys(batch) == [nv._variant_key(n) for n in batch]
        assert len(nv._VARIANT_KEYS) <= max(5, k)
