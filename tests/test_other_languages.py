"""Text in languages unspun has no lexicons for: detected as itself where it can be, and
never reported as damaged (the texts in tests/data/other-languages were written for this);
and clean texts in languages with few lexicons (tests/data/clean-extra: Swedish,
Romanian, Norwegian, Ukrainian), which the rules extended to them must leave alone."""
from __future__ import annotations

from pathlib import Path

import pytest

from lint import language
from lint.config import Settings
from lint.engine import Linter
from lint.plugins import load_registry
from lint.source import Source

DATA = Path(__file__).parent / "data" / "other-languages"
TEXTS = sorted(DATA.glob("*.txt"))
EXTRA = sorted((Path(__file__).parent / "data" / "clean-extra").glob("*.txt"))
LINTER = Linter(Settings(), load_registry())


def test_there_are_texts():
    assert len(TEXTS) >= 40 and len(EXTRA) >= 16


@pytest.mark.parametrize("path", TEXTS + EXTRA, ids=lambda p: p.stem)
def test_clean_text_in_another_language_has_no_finding(path):
    result = LINTER.lint_source(Source(path=str(path), text=path.read_text(encoding="utf-8")))
    assert not result.findings, [(f.rule, f.message) for f in result.findings]


@pytest.mark.parametrize("name, expected", [
    ("da", "da"), ("no", "da"), ("da-quotes", "da"), ("fi", "fi"), ("fi-quotes", "fi"), ("cs", "cs"),
    ("cs-quotes", "cs"), ("hu", "hu"), ("hu-quotes", "hu"), ("ca", "ca"), ("id", "id"), ("ms", "id"),
    ("vi", "vi"), ("vi-quotes", "vi"), ("uk", "uk"), ("uk-quotes", "uk"), ("bg", "bg"), ("sr", "sr"),
    ("hi", "hi"), ("hi-quotes", "hi"), ("he", "he"), ("ko", "ko"), ("ko-quotes", "ko"), ("el", "el"),
])
def test_languages_without_lexicons_are_detected(name, expected):
    assert language.detect((DATA / f"{name}.txt").read_text(encoding="utf-8")) == expected


@pytest.mark.parametrize("path", EXTRA, ids=lambda p: p.stem)
def test_clean_extra_texts_are_detected(path):
    expected = {"no": "nb"}.get(path.stem.split("-")[0], path.stem.split("-")[0])
    assert language.detect(path.read_text(encoding="utf-8")) == expected


@pytest.mark.parametrize("text, expected", [
    ("Він сказав, що завтра їде до Києва разом із сестрою.", "uk"),
    ("Това е градът, в който живея, и тук са всички мои приятели.", "bg"),
    ("Мы уезжаем завтра, и это уже решено.", "ru"),
    ("Ён сказаў, што заўтра едзе ў Мінск.", "be"),
    ("Он је рекао да ће ђаци доћи сутра.", "sr"),
    ("Тој рече дека ќе дојде утре со ѕвездите.", "mk"),
    # a Russian text that names Київ, a Ukrainian one that quotes Russian
    ("Вчера в Києве прошла встреча министров, на которой обсуждались вопросы экономики.", "ru"),
    ("Він сказав: «Мы уезжаем завтра, это решено», і пішов додому.", "uk"),
    # Ukrainian read as cp1251 ("Смартфон" as UTF-8 bytes): its Р/С pairs hold Ў, ѓ, ќ...
    ("Українські науковці кажуть: РЎРјР°СЂС‚С„РѕРЅ Сѓ Р»С–Р¶РєСѓ — це проблема.", "uk"),
])
def test_cyrillic_languages_are_told_apart(text, expected):
    assert language.detect(text) == expected


def test_a_short_cyrillic_line_without_telling_letters_keeps_the_documents_language():
    assert language.detect("Про це повідомив мер.", default="uk") == "uk"
    assert language.detect("Он сказал", default=None) == "ru"


def test_czech_letters_rule_polish_out_and_back():
    assert language.detect("Řekl, že ve městě je málo bytů a že ceny rostou.") == "cs"
    assert language.detect("Powiedział, że w mieście jest mało mieszkań i że ceny rosną.") == "pl"


def test_a_korean_paragraph_that_opens_in_english_is_korean():
    # 21 Latin letters, 14 Hangul syllables of two or three letters each
    assert language.detect("He said it was fine, really. 그는 괜찮다고 말했지만 걱정했다.") == "ko"


def test_bengali_is_not_hindi_for_its_danda():
    assert language.detect("আমি বাড়ি যাচ্ছি। সে স্কুলে গেছে।") is None


def test_their_profiles_leave_out_what_would_mislead_short_texts():
    for lang in language._MORE_PROFILES:
        words = language._WORDS[lang]
        assert words and all(len(w) > 1 for w in words), lang
        assert not words & language._EXCLUDED, lang


@pytest.mark.parametrize("title", [
    "Ben made another announcement on March 28, 2005:",
    "Shazad Khuram Ali, 27, High Wycombe",
    "Good fun for wing night, food eh, beer list eh...",
    "Remember seeing the film at Cinema 21 multiple times!",
])
def test_short_english_lines_stay_english(title):
    assert language.detect_paragraph(title, "en") == "en"
    assert language.detect(title) not in language._MORE_PROFILES
