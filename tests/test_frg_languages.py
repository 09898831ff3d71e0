"""FRG001/FRG002/FRG003/FRG007/FRG010/FRG013 in more languages: the rules follow the script
(case) and the word tables, not a hand-picked list; precision on the clean texts in other
languages (tests/data) with the language forced from the file name and detected."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import lint.wordlists
from lint.plugins import load_registry
from lint.testing import check_text
from conftest import texts  # noqa: E402  (shared rule-test helpers)

from lint.rules import _frg_common as C

DATA = Path(__file__).resolve().parent / "data"
CODES = ("FRG001", "FRG002", "FRG003", "FRG007", "FRG010", "FRG013")
NEW = ("cs", "hu", "da", "nb", "id", "ro", "uk", "bg", "el")


def test_cased_word_languages_have_word_tables():
    assert C.CASED_WORDS <= C.CASED
    missing = sorted(lang for lang in C.CASED_WORDS if not lint.wordlists.available(lang))
    assert not missing, f"no wordfreq table for {missing}"


@pytest.mark.parametrize("code", ["FRG001", "FRG002", "FRG003", "FRG007", "FRG010"])
def test_rules_cover_the_new_languages(code):
    langs = set(load_registry().rules[code].languages)
    assert set(NEW) <= langs
    if code == "FRG010":
        assert {"ar", "hi"} <= langs


@pytest.mark.parametrize("text,lang,token", [
    ("Autobus odjel z NymburkaCestující čekali dlouho na další spoj.", "cs", "NymburkaCestující"),
    ("A vonat késve érkezett SzegedreAz utasok panaszt tettek.", "hu", "SzegedreAz"),
    ("Поїзд прибув до ОдесиМешканці міста зустріли його на вокзалі.", "uk", "ОдесиМешканці"),
    ("Το πλοίο έφτασε αργά στον ΠειραιάΟι επιβάτες περίμεναν ώρες.", "el", "ΠειραιάΟι"),
    ("Влакът пристигна късно в ПловдивХората чакаха на перона.", "bg", "ПловдивХората"),
])
def test_glued_words_in_new_languages(text, lang, token):
    assert texts("FRG001", text, lang) == [token]


def test_glued_words_one_letter_function_word():
    assert texts("FRG001", "Η εκδήλωση έγινε στην ΚαλαμάταΗ πόλη γέμισε κόσμο.", "el") == ["ΚαλαμάταΗ"]
    # a one-letter capital that is no function word of the language, or no lower-case word after
    assert not texts("FRG001", "Η εκδήλωση έγινε στην ΚαλαμάταΧ πόλη.", "el")
    assert not texts("FRG001", "He moved to the LondonA Office in May.", "en")


@pytest.mark.parametrize("text", [
    "Kampaň na TikToku a na YouTubu vidělo milion lidí.",
    "Firma zveřejnila video na LinkedInu i na WhatsAppu.",
])
def test_glued_words_leaves_inflected_brands(text):
    assert not texts("FRG001", text, "cs")


def test_indonesian_bound_prefixes_are_not_splits():
    assert not texts("FRG002", "Kerja sama antarkementerian dan pascapandemi dibahas kemarin.", "id")
    assert texts("FRG002", "Pemerintah menahan kenaikanharga beras tahun ini.", "id") == ["kenaikanharga"]


def test_doubled_word_marks_and_reduplication():
    assert texts("FRG010", "सरकार ने ने नई योजना की घोषणा की।", "hi") == ["ने ने"]
    assert not texts("FRG010", "बच्चे धीरे धीरे सीखते हैं और बार बार पूछते हैं।", "hi")
    assert texts("FRG010", "وصل الوزير مع مع الوفد إلى المدينة.", "ar") == ["مع مع"]
    assert not texts("FRG010", "Οι τιμές ανεβαίνουν σιγά σιγά, και η αδερφή μου μου το είπε.", "el")


def test_doubled_word_capital_only_at_a_sentence_start():
    assert texts("FRG010", "Hun sagde det. I i morgen kommer de.", "da") == ["I i"]
    assert not texts("FRG010", "Hvornår kommer I i morgen?", "da")


def test_whitespace_runs_in_a_sentence_are_not_columns():
    assert len(texts("FRG013", "Starostka   oznámila   nový plán, který začne v květnu.", "cs")) == 2
    assert not texts("FRG013", "Praha    1 300 000    496 km²", "cs")
    table = "Brno, Morava    380 000    230 km²\nOstrava, Slezsko    280 000    214 km²"
    assert not texts("FRG013", table, "cs")


def test_fragment_after_spliced_spam_line():
    text = ("Vědci zveřejnili novou studii o spánku dětí. Zkoumali 600 školáků z pěti krajů. "
            "Výsledky vyjdou v září. best online casino bonus here Studie potrvá dva roky.\n\n"
            "že děti, které spí méně než sedm hodin, si pamatují méně z přečteného textu.")
    assert texts("FRG007", text, "cs") == ["že děti"]


def test_fragment_after_a_labelled_link_line_only():
    text = ("Radnice schválila nový rozpočet na příští rok.\n\n"
            "Čtěte také: Nová lávka přes řeku bude hotová v létě\n\n"
            "kvůli opravám bude most v sobotu uzavřen pro auta i pro chodce.")
    assert texts("FRG007", text, "cs") == ["kvůli opravám"]
    open_line = ("Radnice schválila nový rozpočet na příští rok.\n\n"
                 "Nová lávka přes řeku bude hotová\n\n"
                 "kvůli opravám bude most v sobotu uzavřen pro auta i pro chodce.")
    assert not texts("FRG007", open_line, "cs")


def _clean_files():
    files = sorted((DATA / "other-languages").glob("*.txt")) + sorted((DATA / "clean-extra").glob("*.txt"))
    return [f for f in files if f.name != "README.md"]


@pytest.mark.parametrize("path", _clean_files(), ids=lambda p: p.name)
def test_clean_texts_in_other_languages_stay_silent(path):
    text = path.read_text(encoding="utf-8")
    lang = re.match(r"[a-z]+", path.name).group()
    lang = "nb" if lang == "no" else lang
    rules = load_registry().rules
    for forced in (lang, None):
        for code in CODES:
            got = [f.text for f in check_text(rules[code], text, forced)]
            assert not got, f"{code} on clean {path.name} ({forced}): {got}"
