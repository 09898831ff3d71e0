"""ENC001 on the code pages of Central Europe, the Baltics, Greece, the Arab world and Israel,
and MTA007 on English runs in paragraphs of another script (texts written for these tests)."""
from __future__ import annotations

import pytest

import lint
from rules.enc_mojibake import Mojibake, mojibake_spans
from rules.mta_untranslated_segment import UntranslatedSegment


def _misread(s: str, page: str) -> str:
    """``s`` encoded as UTF-8 and read with ``page`` (undefined bytes as Latin-1)."""
    out = []
    for b in s.encode("utf-8"):
        try:
            out.append(bytes([b]).decode(page))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


CASES = [
    ("cs", "cp1250", "Vlak do Brna", "přijede se zpožděním"),
    ("hu", "cp1250", "A vonat", "késéssel érkezik a pályaudvarra"),
    ("pl", "iso-8859-2", "Pociąg do Gdańska", "przyjedzie z opóźnieniem"),
    ("lt", "cp1257", "Traukinys į Vilnių", "atvyks vėluodamas"),
    ("el", "cp1253", "Το τρένο για τη Λάρισα", "θα φτάσει με καθυστέρηση"),
    ("ar", "cp1256", "القطار إلى الإسكندرية", "سيصل متأخرا"),
    ("he", "cp1255", "הרכבת לחיפה", "תגיע באיחור"),
    ("uk", "cp1251", "Потяг до Львова", "прибуде із запізненням"),
]


@pytest.mark.parametrize("lang,page,head,tail", CASES)
def test_mojibake_code_pages_found_and_repaired(lang, page, head, tail):
    bad = _misread(tail, page)
    text = f"{head} {bad}."
    found = list(lint.check_text(Mojibake(), text, lang))
    assert found, (lang, page)
    repaired = text
    for f in sorted(found, key=lambda f: -f.offset):
        repaired = repaired[:f.offset] + f.suggestion + repaired[f.end_offset:]
    assert repaired == f"{head} {tail}."


@pytest.mark.parametrize("lang,page,head,tail", CASES)
def test_clean_text_of_each_page_is_silent(lang, page, head, tail):
    text = f"{head} {tail}. «{head.upper()}» „{tail.upper()}”, {tail}، {head}؛ {tail}…"
    assert not list(lint.check_text(Mojibake(), text, lang))


def test_control_characters_inside_mojibake_are_one_finding():
    # "Иван" read as Windows-1251 has the undefined byte 0x98 as a control character
    text = "Сказал " + _misread("Иван Петров", "cp1251") + " вчера."
    found = list(lint.check_text(Mojibake(), text, "ru"))
    assert len(found) == 1 and "control character" not in found[0].message
    assert found[0].suggestion == "Иван Петров"


def test_mojibake_spans_shared_through_the_cache():
    doc = lint.Document("Un " + _misread("café", "cp1252") + " noir.", "fr")
    spans = mojibake_spans(doc)
    assert spans == [(3, 8)]
    assert [(f.offset, f.end_offset) for f in Mojibake().check(doc)] == spans


def test_frequent_words_of_many_languages_are_silent():
    wordfreq = pytest.importorskip("wordfreq")
    rule = Mojibake()
    for lang in ("cs", "hu", "pl", "ro", "sk", "lt", "el", "ar", "fa", "he", "tr", "de", "uk"):
        words = wordfreq.top_n_list(lang, 20000)
        text = " ".join(words + [w.upper() for w in words[:5000]] + [w.capitalize() + "»," for w in words[:5000]])
        found = [f.text for f in lint.check_text(rule, text, lang)]
        assert not found, (lang, found[:5])


RUNS = [
    ("bg", "Кметът обясни, че the old market will be closed for two months, и търговците протестираха."),
    ("uk", "Лікар попередив, що the flu season has started earlier this year, тож варто щепитися."),
    ("el", "Ο προπονητής είπε ότι the team is not ready for the final yet, αλλά θα δουλέψουν σκληρά."),
    ("ko", "교육청은 새 학기 계획을 발표했다. The schools will open a week later than usual. 학부모들은 걱정했다."),
]


@pytest.mark.parametrize("lang,text", RUNS)
def test_english_run_in_other_script(lang, text):
    found = list(lint.check_text(UntranslatedSegment(), text, lang))
    assert len(found) == 1 and found[0].text.split(" ")[0].lower() == "the"


QUIET = [
    ("bg", "Групата изпълни «Smoke on the Water» и «Child in Time» пред публиката в Пловдив."),
    ("uk", "Компанія Bank of New York and Mellon відкрила офіс у Києві минулого тижня, повідомили журналісти."),
    ("el", "Η φράση (all of the above) εμφανίζεται συχνά στα τεστ πολλαπλής επιλογής των σχολείων."),
    ("ru", "Откройте файл settings.for.the.app и измените параметры, как написано в инструкции к программе."),
    ("en", "The report says «это важно» and the committee of the region will meet again in the spring."),
]


@pytest.mark.parametrize("lang,text", QUIET)
def test_titles_names_glosses_code_not_runs(lang, text):
    assert not list(lint.check_text(UntranslatedSegment(), text, lang))
