"""ENC (encoding damage) rules: mojibake made on purpose and repaired, invisible characters,
entities and markup, the clean-corpus budget and linear running time."""
from __future__ import annotations

import html
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

import lint
from lint.config import Settings
from lint.engine import Linter
from lint.plugins import load_registry
from lint.source import Source
from lint.textutil import word_count
from conftest import findings, texts  # noqa: E402  (shared rule-test helpers)

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
CLEAN = SHARED / "corpus" / "clean"
RULES = load_registry().rules
ENC = sorted(code for code in RULES if code.startswith("ENC"))

#: clean sentences of our own, one per language, with the letters mojibake breaks
SENTENCES = {
    "en": "It’s a “long” way — the café’s naïve owner said.",
    "it": "È stata una giornata difficile per la città e per l’università.",
    "es": "La reunión terminó sin acuerdo; el señor García se marchó.",
    "fr": "À l’été, l’équipe a créé un nouveau café près de la gare.",
    "de": "Über die Straße gingen die Bürger zur Präsidentin.",
    "pt": "A reunião não terminou; a situação é difícil em São Paulo.",
    "ru": "Привет, друзья: мы уезжаем из Москвы завтра утром.",
    "tr": "İstanbul'da toplantı yapıldı ve öğrenciler şaşırdı.",
    "zh": "他说中文很难，但是他每天都学习。",
    "pl": "Łódź i Gdańsk są pięknymi miastami, powiedział.",
}



def apply(text, fs):
    """``text`` with every suggestion applied (findings do not overlap)."""
    for f in sorted(fs, key=lambda f: f.offset, reverse=True):
        if f.suggestion is not None:
            text = text[:f.offset] + f.suggestion + text[f.end_offset:]
    return text


# -- ENC001 mojibake --------------------------------------------------------------------------

@pytest.mark.parametrize("lang", sorted(SENTENCES))
@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_mojibake_is_found_and_repaired(lang, codec):
    clean = SENTENCES[lang]
    broken = clean.encode("utf-8").decode(codec, errors="replace" if codec == "cp1252" else "strict")
    if "\ufffd" in broken:  # bytes undefined in Windows-1252: not a realistic mojibake
        broken = clean.encode("utf-8").decode("latin-1")
    fs = findings("ENC001", broken, lang)
    assert fs, broken
    assert all(f.severity == "error" for f in fs)
    assert apply(broken, fs) == clean


def test_mojibake_cyrillic_read_as_windows_1251():
    clean = SENTENCES["ru"]
    broken = clean.encode("utf-8").decode("cp1251")
    fs = findings("ENC001", broken, "ru")
    assert apply(broken, fs) == clean


def test_double_mojibake():
    import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252": every byte decodes)

    sloppy = "sloppy-windows-1252"
    broken = "“We left,” he said.".encode("utf-8").decode(sloppy).encode("utf-8").decode(sloppy)
    fs = findings("ENC001", broken, "en")
    assert apply(broken, fs) == "“We left,” he said."


def test_mojibake_fix_is_safe_when_certain():
    (f,) = findings("ENC001", "Nous avons pris un cafÃ© en terrasse.", "fr")
    assert (f.text, f.suggestion, f.fix) == ("cafÃ©", "café", "safe")


def test_lone_windows_1252_byte():
    (f,) = findings("ENC001", "I don\x92t know.", "en")
    assert (f.suggestion, f.fix) == ("’", "unsafe")


@pytest.mark.parametrize("text,lang", [
    ("NÃO VAMOS DESISTIR, disse o presidente em SÃO PAULO, AMANHÃ É OUTRO DIA.", "pt"),
    ("IRMÃ e MÃE chegaram.", "pt"),
    ("The sign read CAFÉ’S SPECIAL.", "en"),
    ("Er wohnt in der «Hauptstraße».", "de"),
    ("À la fin, ÉTÉ 2023 : un succès — «très clair».", "fr"),
    ("Місто Рівне розташоване на заході України.", "ru"),
    ("Сёмин и СССР: «ВС» в 1990-х.", "ru"),
    ("Sjáumst á morgun, sagði Þór í Reykjavík.", "en"),
    ("Ÿ and Œ are letters; the price was 5€ or €5.", "en"),
    ("Anh ấy nói tiếng Việt rất giỏi.", "en"),
])
def test_mojibake_look_alikes(text, lang):
    assert not findings("ENC001", text, lang)


def test_ftfy_is_imported_lazily():
    code = ("import sys, lint\nfrom lint.plugins import load_registry\nr = load_registry().rules['ENC001']\n"
            "lint.check_text(r, 'plain ascii text, nothing to see', 'en')\n"
            "lint.check_text(r, 'texte français sans problème', 'fr')\n"
            "print('ftfy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "False", out.stderr


# -- ENC002 replacement-character -------------------------------------------------------------

def test_replacement_character_run_is_one_error():
    (f,) = findings("ENC002", "Ele mora em S\ufffd\ufffdo Paulo.", "pt")
    assert f.severity == "error" and f.suggestion is None and "\ufffd\ufffd" in f.text


def test_replacement_character_not_reported_twice():
    text = "Nous avons pris un cafï¿½ ensemble."
    assert findings("ENC002", text, "fr")
    assert not findings("ENC001", text, "fr")


# -- ENC003 invisible-character ---------------------------------------------------------------

@pytest.mark.parametrize("ch", ["\x00", "\x07", "\x1b", "\x7f", "\u200b", "\u2060", "\ufeff", "\u202e", "\u2066",
                                "\u200e", "\u3164", "\U000e0041", "\x81"])
def test_invisible_characters_are_removed(ch):
    text = f"The mayor{ch} spoke yesterday."
    fs = findings("ENC003", text, "en")
    assert len(fs) == 1 and fs[0].fix == "safe"
    assert apply(text, fs) == "The mayor spoke yesterday."


def test_soft_hyphen_is_information():
    (f,) = findings("ENC003", "Der Bürger\u00admeister sprach.", "de")
    assert f.severity == "info"


@pytest.mark.parametrize("text", [
    "The programmer 👩\u200d💻 and the family 👨\u200d👩\u200d👧 waved; ❤\ufe0f.",
    "می\u200cخواهم بروم.",
    "मैं\u200d हिंदी बोलता हूँ।",
    "สวัสดี\u200bครับ",
    "The Hebrew word \u200fשלום\u200f means peace.",
    "The flag \U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f is Scottish.",
    "\ufeffA byte-order mark at the very start.",
    "Tabs\tand\r\nnewlines are fine.",
])
def test_invisible_characters_with_a_job(text):
    assert not findings("ENC003", text, "en")


# -- ENC004 html-entity -----------------------------------------------------------------------

def test_entities_decode_like_a_browser():
    text = "R&amp;D &quot;rose&quot; 4&nbsp;% &#8211; it&#8217;s &#x2019; &lt;p&gt; &eacute;t&eacute; &amp;nbsp;"
    fs = findings("ENC004", text, "en")
    assert all(f.fix == "safe" for f in fs)
    assert apply(text, fs) == html.unescape(html.unescape(text))


@pytest.mark.parametrize("text", ["AT&T, R&D and Q&A; Procter&Gamble.", "Rock & roll.", "3&4;5", "x &unknown; y",
                                  "&#0; and &#xD800;"])
def test_not_entities(text):
    assert not findings("ENC004", text, "en")


def test_entities_are_markup_in_markdown():
    assert not findings("ENC004", "Use &nbsp; between the number and the unit.", "en", format="markdown")


# -- ENC005 markup-residue --------------------------------------------------------------------

@pytest.mark.parametrize("text,covers", [
    ("The mayor resigned.<br>The council met.", "<br>"),
    ("<p>Il sindaco si è dimesso.</p>", "</p>"),
    ('Text <span class="x">here</span>.', '<span class="x">'),
    ("Text <!-- a comment --> more.", "<!-- a comment -->"),
    ('[caption id="attachment_5" align="alignnone"]A photo[/caption] The mayor.', "[/caption]"),
    ("[vc_row][vc_column]Text[/vc_column][/vc_row]", "[vc_row]"),
    ("He was [b]very[/b] clear.", "[b]"),
    ("See [url=http]this[/url].", "[url=http]"),
    ("Rome {{cite web|url=x}} is old.", "{{cite web|url=x}}"),
    ("Rome is the capital of [[Italy|the country]].", "[[Italy|the country]]"),
    ("'''Rome''' is a city.", "'''Rome'''"),
    ("== History ==\nRome was founded.", "== History =="),
])
def test_markup_residue(text, covers):
    fs = findings("ENC005", text, "en")
    assert covers in [f.text for f in fs], [f.text for f in fs]


def test_markup_fix_keeps_words_apart():
    text = "The mayor resigned.</p><p>The council met."
    assert apply(text, findings("ENC005", text, "en")) == "The mayor resigned.\nThe council met."
    text = "word</span>word"
    assert apply(text, findings("ENC005", text, "en")) == "word word"


@pytest.mark.parametrize("text", [
    "Replace <name> with your name and <date> with today's date.",
    "The value of x <b> y was not defined.",
    "A List<String> holds the names.",
    "See note [i] and note [ii] at the end.",
    "He said [quote] was the wrong word.",
    "If a < b and c > d then a - c < b - d.",
    "The result [1] confirmed the earlier study [2].",
])
def test_not_markup(text):
    assert not findings("ENC005", text, "en")


def test_markdown_keeps_html_but_not_shortcodes():
    md = "Some <b>bold</b> words.\n\n[embed]https://x.io/v[/embed]\n\n{{ page.title }}"
    fs = findings("ENC005", md, "en", format="markdown")
    assert fs and all(f.text.startswith("[") for f in fs)


# -- the clean corpus -------------------------------------------------------------------------

def test_clean_corpus_has_no_encoding_findings():
    files = sorted(CLEAN.glob("ud-*.jsonl")) if CLEAN.is_dir() else []
    if not files:
        pytest.skip("../shared/corpus/clean not present")
    linter = Linter(Settings(select=["ENC"]), load_registry())
    words = 0
    found = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines()[:80]:
            d = json.loads(line)
            r = linter.lint_source(Source(path=d["id"], text=d["text"] + "\n"))
            words += word_count(d["text"])
            found += [(d["id"], f.rule, f.text) for f in r.findings if f.severity != "info"]
    assert len(found) * 10_000 / words < 0.05, found[:5]


# -- running time -------------------------------------------------------------------------

@pytest.mark.parametrize("code", ENC)
def test_linear_time_on_adversarial_input(code):
    inputs = ["Ã©" * 30_000, "Ã" * 60_000, "РџС" * 20_000, "&amp;" * 12_000, "&" * 60_000, "<" * 60_000,
              "<b " * 20_000, "[" * 60_000, "[b]" * 20_000, "{{" * 30_000, "'''" * 20_000, "=" * 60_000,
              "\u200b" * 60_000, "\ufffd" * 60_000, "\x92" * 60_000]
    rule = RULES[code]
    lint.check_text(rule, "warm up café", "en")
    for text in inputs:
        t0 = time.process_time()
        lint.check_text(rule, text, "en")
        assert time.process_time() - t0 < 1.5, (code, text[:20])


# -- speed: the Latin-1 pre-check of ENC003 skips only texts without a candidate -------------

def test_invisible_latin1_precheck_is_the_candidate_class():
    from lint.rules import enc_invisible

    for code in range(256):
        text = f"Plain text {chr(code)} here."
        has = enc_invisible._CANDIDATE.search(text) is not None
        assert enc_invisible._latin1_clean(text) is not has, hex(code)
    assert not enc_invisible._latin1_clean("Текст без невидимых символов.")  # not Latin-1: the full scan


def test_findings_inside_mojibake_are_shadowed_by_it():
    """ENC001 shadows FRG005/FRG006/ENC003: the stray quotation marks and the C1 control of
    ``â€œ…â€\x9d`` are part of the mojibake, reported once; the same marks elsewhere are not."""
    from lint.config import Settings
    from lint.engine import Linter
    from lint.plugins import load_registry
    from lint.source import Source

    text = ("The mayor said â€œwe will rebuild the bridge this yearâ€\x9d and left the room.\n\n"
            "Residents were not convinced” and asked for a date.")
    result = Linter(Settings(), load_registry()).lint_source(Source(path="t.txt", text=text))
    codes = [(f.rule, f.offset) for f in result.findings]
    enc = [f for f in result.findings if f.rule == "ENC001"]
    assert enc, codes
    inside = [f for f in result.findings if f.rule in ("FRG005", "FRG006", "ENC003")
              and any(e.offset <= f.offset and f.end_offset <= e.end_offset for e in enc)]
    assert not inside, codes
    assert any(f.rule == "FRG005" and f.offset > text.index("\n\n") for f in result.findings), codes
