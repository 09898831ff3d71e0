"""QLT rules (corpus quality): behaviour beyond their examples, and the clean-corpus budget."""
import importlib
import json
import random
import time
from collections import Counter
from pathlib import Path

import pytest

import lint
import lint.testing
from lint.config import Settings
from lint.engine import Linter
from lint.extract.corpus import text_source
from lint.plugins import load_registry

REGISTRY = load_registry()
RULES = {code: rule for code, rule in REGISTRY.rules.items() if code.startswith("QLT")}
CLEAN_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "clean"

EN = ("The council met on Monday evening and agreed, after a long debate, to build a new bridge over the "
      "river. The work will start in the spring and should be finished within two years, the mayor said. "
      "The opposition criticised the cost of the project, which is expected to be around twenty million "
      "euros, and asked for an independent review of the plans before any contract is signed.")
IT = ("Il consiglio comunale si è riunito lunedì sera e ha deciso, dopo un lungo dibattito, di costruire un "
      "nuovo ponte sul fiume. I lavori inizieranno in primavera e dovrebbero finire entro due anni.")
ZH = "市议会周一晚上开会，经过长时间辩论，决定在河上修建一座新桥。工程将于春季开工，预计两年内完工。"


def check(code, text, lang=None):
    return lint.check_text(RULES[code], text, lang)


def test_all_six_rules_registered():
    assert sorted(RULES) == ["QLT001", "QLT002", "QLT003", "QLT004", "QLT005", "QLT006"]
    names = {r.name for r in RULES.values()}
    assert names == {"duplicate-paragraph", "too-short", "symbol-soup", "repeated-ngrams", "word-salad",
                     "mixed-language"}
    assert RULES["QLT002"].severity == "info" and RULES["QLT006"].severity == "info"


# -- QLT001 ---------------------------------------------------------------------------------
def test_duplicate_paragraph_severity_follows_gopher_limits():
    repeated = "Shares of the company fell by four percent after the results were published on Tuesday."
    short = f"Results\n\n{repeated}\n\nAnalysts were surprised.\n\n{repeated}"
    (f,) = check("QLT001", short, "en")
    assert f.severity == "info" and f.offset == short.rindex(repeated) and "repeats line 3" in f.message
    long_doc = f"{EN}\n\n{repeated}\n\n{repeated}\n\n{repeated}"  # 2 repeats, over 20% of the text
    findings = check("QLT001", long_doc, "en")
    assert [x.severity for x in findings] == ["warning", "warning"]
    assert "over Gopher's 20% limit" in findings[0].message


def test_headline_repeated_as_first_line_is_info():
    title = "Can the police trace a cell phone even if it is switched off?"
    text = f"{title}\n\n{title}\n\n{EN}"
    (f,) = check("QLT001", text, "en")
    assert f.severity == "info"


def test_duplicate_lines_inside_blocks_and_short_lines_ignored():
    sig = "Jane Doe, Senior Analyst, Example Energy Services, Houston"
    text = f"Hi Bob,\nplease see below.\n{sig}\n\nThanks,\nJane\n\nHi again,\nforgot one thing.\n{sig}\n\nThanks,\nJane"
    findings = check("QLT001", text, "en")
    assert [f.text for f in findings] == [sig]  # "Thanks," and "Jane" repeat innocently


# -- QLT002 ---------------------------------------------------------------------------------
def test_too_short_counts_words_per_language():
    assert check("QLT002", "Accept the cookies to continue.", "en")[0].severity == "info"
    assert not check("QLT002", EN, "en")
    assert check("QLT002", ZH, "zh")  # 44 characters: about 30 words
    assert not check("QLT002", ZH * 2, "zh")
    (empty,) = check("QLT002", "   \n", "en")
    assert "no text at all" in empty.message and empty.offset == empty.end_offset == 0


# -- QLT003 ---------------------------------------------------------------------------------
def test_symbol_soup_paragraph_is_a_warning():
    soup = "ID 0x3F2A | 4,310.55 | 12/03/2021 | #8841-22-0937 | $1,220.00 | 98.6% | 1,337 ; 42:17 | 0.5"
    (f,) = check("QLT003", f"{EN}\n\n{soup}", "en")
    assert f.severity == "warning" and f.text == soup and "are letters" in f.message
    assert not check("QLT003", f"{EN}\n\n{'-' * 60}\n\n{'=' * 60}", "en")  # separator lines


def test_symbol_soup_gopher_document_limits_are_info():
    text = EN + "\n\n" + " ".join(f"{i}." for i in range(200)) + " a b c"
    messages = [(f.severity, f.message) for f in check("QLT003", text, "en")]
    assert any(sev == "warning" for sev, _ in messages)
    hashes = EN + " " + " ".join(f"#tag{i}" for i in range(20))
    (f,) = check("QLT003", hashes, "en")
    assert f.severity == "info" and "'#' and ellipses" in f.message


# -- QLT004 ---------------------------------------------------------------------------------
def test_loop_is_a_warning_and_points_at_the_repeats():
    passage = "Please click the link below to confirm your account and receive the free gift card. "
    text = EN + " " + passage * 4
    (f,) = check("QLT004", text, "en")
    assert f.severity == "warning" and "4 times in a row" in f.message
    assert f.offset == len(EN) + 1 + len(passage)  # the second copy


def test_keyword_stuffing_is_a_warning_and_mild_repetition_info():
    stuffed = " ".join(f"Cheap flights to city {i}: cheap flights, best cheap flights deals now." for i in range(20))
    (f,) = check("QLT004", stuffed, "en")
    assert f.severity == "warning" and "keyword stuffing" in f.message
    sig = "Kind regards, Jane Doe, Senior Analyst at Example Energy Services in Houston"
    mild = f"{EN} {sig}. Please call me back. {sig}. The figures follow tomorrow. {sig}."
    findings = check("QLT004", mild, "en")
    assert [x.severity for x in findings] == ["info"] and "Gopher" in findings[0].message


def test_cjk_ngrams_are_characters():
    (f,) = check("QLT004", ZH + "点击下面的链接确认您的账户并领取免费礼品卡。" * 4, "zh")
    assert f.severity == "warning" and "characters" in f.message
    assert not check("QLT004", ZH + "委员会将在下周再次开会讨论预算和新图书馆的建设计划，并听取居民的意见。", "zh")
    (twice,) = check("QLT004", ZH * 2 + "委员会将在下周再次开会讨论预算和新图书馆的建设计划。", "zh")
    assert twice.severity == "info"  # read twice: over Gopher's limits, not a loop


def test_repetition_checks_are_linear():
    random.seed(3)
    words = [f"w{i}" for i in range(3000)]
    body = " ".join(random.choice(words) for _ in range(40000))
    start = time.process_time()
    check("QLT004", body + "\n\n" + body, "en")  # a long document read twice
    check("QLT004", "one two three four five six seven eight. " * 20000, "en")
    assert time.process_time() - start < 10


def _module(code):
    return importlib.import_module(type(RULES[code]).__module__)


def _brute_counts(toks, m):
    """Every m-gram that occurs more than once, with its count and first position."""
    grams = [tuple(toks[i:i + m]) for i in range(len(toks) - m + 1)]
    counts = Counter(grams)
    first = {}
    for i, g in enumerate(grams):
        first.setdefault(g, i)
    return {g: (k, first[g]) for g, k in counts.items() if k > 1}, grams


@pytest.mark.parametrize("seed", range(40))
def test_encoded_ngrams_count_as_the_tokens_do(seed):
    """QLT004's n-grams as substrings of one character per token (_Grams) against a plain count
    of token tuples: the same repeated n-grams, counts, order, positions and bounds."""
    R = _module("QLT004")
    rnd = random.Random(seed)
    vocab = [f"w{i}" for i in range(rnd.randint(2, 40))]
    toks = [rnd.choice(vocab) for _ in range(rnd.randint(20, 300))] + [f"once{i}" for i in range(rnd.randint(0, 20))]
    rnd.shuffle(toks)
    grams = R._Grams.of_tokens(toks)
    assert grams.n == len(toks) and grams.total == sum(map(len, toks))
    # the longest token that occurs more than once: the only ones in repeated n-grams
    assert grams.longest() == max((len(t) for t, k in Counter(toks).items() if k > 1), default=1)
    assert grams.top_chars() >= max(k * len(t) for t, k in Counter(toks).items())
    for m in range(2, 11):
        expected, all_grams = _brute_counts(toks, m)
        counts = grams.count(m)
        repeated = [(grams.gram(key, m), k) for key, k in counts.items() if k > 1]
        assert repeated == sorted(((g, k) for g, (k, _) in expected.items()), key=lambda x: expected[x[0]][1])
        for key, k in counts.items():
            if k > 1:
                gram = grams.gram(key, m)
                assert grams.second(key, m) == [i for i, g in enumerate(all_grams) if g == gram][1]
                assert grams.chars(key, m) == sum(map(len, gram))
        flags = grams.repeated_flags(m)
        assert list(flags) == [int(g in expected) for g in all_grams]
        first = min((i for i, g in enumerate(all_grams) if g in expected and expected[g][1] < i), default=0)
        assert grams.first_repeat(m) == first
        covered = {j for i, g in enumerate(all_grams) if g in expected for j in range(i, i + m)}
        assert grams.covered(counts, m) >= sum(len(toks[j]) for j in covered)
        for limit in (0.01, 0.05, 0.1, 0.16, 0.2):
            if expected and not grams.may_top(m, limit):
                g, (k, _) = max(expected.items(), key=lambda x: (x[1][0], -x[1][1]))
                assert k * sum(map(len, g)) / grams.total <= limit


def test_encoded_ngrams_of_cjk_text_are_its_tokens():
    R = _module("QLT004")
    text = ZH + " OK 2024年, ok! " + ZH[:20] + " Ünïcode ünïcode " + ZH
    doc = lint.testing.make_document(text, "zh")
    toks = R._tokens(doc)[0]
    grams = R._Grams.of_cjk(doc)
    plain = R._Grams.of_tokens(toks)
    assert (grams.n, grams.total, grams.longest(), grams.toks) == (plain.n, plain.total, plain.longest(), toks)
    assert grams.lengths() == list(map(len, toks))
    for m in (2, 4, 10):
        assert list(grams.count(m).values()) == list(plain.count(m).values())
        assert [grams.gram(k, m) for k in grams.count(m)] == [plain.gram(k, m) for k in plain.count(m)]


def test_repeated_ngrams_without_encoding_report_the_same(monkeypatch):
    """The fallback for over a million repeated words (n-grams as tokens joined by a space)."""
    R = _module("QLT004")
    stuffed = " ".join(f"Cheap flights to city {i}: cheap flights, best cheap flights deals now." for i in range(20))
    passage = "Please click the link below to confirm your account and receive the free gift card. "
    sig = "Kind regards, Jane Doe, Senior Analyst at Example Energy Services in Houston"
    texts = [stuffed, EN + " " + passage * 4, f"{EN} {sig}. Please call me back. {sig}. The figures follow. {sig}.",
             EN + "\n\n" + EN + "\n\n" + IT]
    found = [[(f.severity, f.offset, f.end_offset, f.message) for f in check("QLT004", t, "en")] for t in texts]
    assert all(found)
    monkeypatch.setattr(R, "_MAX_IDS", 0)
    assert [[(f.severity, f.offset, f.end_offset, f.message) for f in check("QLT004", t, "en")] for t in texts] == found


def test_paragraph_tokens_are_the_lowercased_whitespace_tokens():
    """The tokens all QLT rules share (lower_parts) are text.lower().split(), paragraph by
    paragraph: whatever the spaces, line breaks and final sigmas."""
    Q = importlib.import_module(type(RULES["QLT005"]).__module__.rsplit(".", 1)[0] + "._qlt_common")
    rnd = random.Random(5)
    pieces = ["ΟΔΟΣ", "Σ", "σ", "a", "İ", " ", "\n", "\n\n", "\t", "\u00a0", "\x1c", "\u2028", "\u3000", "# ", "- ",
              "1. ", "| x |", "> ", ".", "'", "A" * 120, "\r\n", "Word"]
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 30)))
        doc = lint.testing.make_document(text, "en")
        assert [t for part in Q.lower_parts(doc) for t in part] == text.lower().split()


def test_cjk_quick_shares_bound_the_exact_ones():
    Q = importlib.import_module(type(RULES["QLT005"]).__module__.rsplit(".", 1)[0] + "._qlt_common")
    ja = "市議会は月曜日に会合を開き、川に新しい橋を建設することを決めた。"
    doc = lint.testing.make_document(f"{ja}\n\n{ZH}\n\nSome English text here.\n\n東京タワー", "ja")
    for lang in ("zh", "ja"):
        hits, sizes = Q.quick_shares(doc, lang)
        for para, h, size in zip(doc.paragraphs, hits, sizes):
            exact = Q.function_share(doc, para, lang)
            assert exact[0] == h and exact[0] <= exact[1] <= size


# -- QLT005 ---------------------------------------------------------------------------------
@pytest.mark.parametrize("lang,salad", [
    ("en", "cheap flights london cheap hotels paris best deals discount travel online booking last minute "
           "offers cheap car rental airport transfer luxury resort"),
    ("fr", "vols pas chers paris hôtels économiques lyon meilleures offres réduction voyage réservation en "
           "ligne dernière minute location voiture aéroport transfert luxe vacances"),
    ("pl", "tanie loty warszawa tanie hotele kraków najlepsze oferty zniżki podróże rezerwacja online last "
           "minute wynajem samochodów lotnisko transfer luksusowe wakacje"),
    ("ja", "東京ホテル格安予約比較大阪観光名所人気ランキング京都旅館温泉宿泊プラン北海道グルメ"),
])
def test_word_salad_per_language(lang, salad):
    (f,) = check("QLT005", salad, lang)
    assert f.severity == "warning" and "word salad" in f.message


def test_word_salad_leaves_prose_lists_names_and_foreign_text_alone():
    assert not check("QLT005", EN + "\n\n" + IT, "en")  # Italian prose: QLT006's business
    assert not check("QLT005", "Bob Smith, Alice Jones, Carol White, Dan Brown, Eve Black, Frank Green, "
                               "Grace Hall, Henry Ford, Ivy Lane, Jack King, Kate Moss, Liam Neeson", "en")
    assert not check("QLT005", "apples, pears, plums, cherries, grapes, melons, lemons, limes, figs, dates, "
                               "kiwis, mangoes, papayas, guavas, lychees, olives", "en")
    tr = ("Yanımızdan geçip gidiyorlardı, sabahleyin çalılıklar arasında zorlukla yol bularak köye ulaştık "
          "ve yorgun argın evlere dağıldık, akşama kadar kimse dışarı çıkmadı.")
    assert not check("QLT005", tr, "tr")  # Turkish builds with suffixes: not checked


# -- QLT006 ---------------------------------------------------------------------------------
def test_mixed_language_paragraph_is_info():
    (f,) = check("QLT006", f"{EN}\n\n{IT}", "en")
    assert f.severity == "info" and "Italian in an English document" in f.message
    assert f.text == IT
    (g,) = check("QLT006", f"{EN}\n\n{ZH}", "en")
    assert "Chinese" in g.message


def test_document_mostly_in_another_language_than_declared_is_a_warning():
    text = f"{IT}\n\n{IT.replace('ponte', 'viadotto')}"
    findings = check("QLT006", text, "de")  # as with --language de
    assert findings and all(f.severity == "warning" for f in findings)
    assert "in Italian, not German" in findings[0].message
    assert not check("QLT006", text, "it")


def test_mixed_language_ignores_quotes_names_and_related_language_noise():
    quote = f"{EN} He quoted the motto «Libertà è partecipazione» and left."
    assert not check("QLT006", quote, "en")
    es = ("El ayuntamiento se reunió el lunes y decidió construir un puente nuevo sobre el río, que estará "
          "listo en dos años.\n\nLas obras empezarán en primavera y costarán unos veinte millones de euros.")
    assert not check("QLT006", es, "es")
    ja = "市議会は月曜日に会合を開き、川に新しい橋を建設することを決めた。工事は来年の春に始まる予定だ。"
    assert not check("QLT006", ja, "ja")
    assert check("QLT006", f"{ja}\n\n{ZH}", "ja")


# -- the clean corpus -------------------------------------------------------------------------
def test_clean_corpus_budget():
    """Clean human text in 12 languages: under 0.2 QLT warnings per 10,000 words, no document
    gated by the QLT rules."""
    if not CLEAN_DIR.is_dir():
        pytest.skip("../shared/corpus/clean not present")
    linter = Linter(Settings(select=["QLT"]), REGISTRY)
    words = warnings = gated = 0
    by_rule = Counter()
    for path in sorted(CLEAN_DIR.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()[:150], 1):
            d = json.loads(line)
            result = linter.lint_source(text_source(f"{path.name}:{n}", d["text"], d["id"], str(path), None))
            words += result.words
            gated += result.score > 0.5
            for f in result.findings:
                if f.severity != "info":
                    warnings += 1
                    by_rule[f.rule] += 1
    assert words > 100_000
    assert 10_000 * warnings / words < 0.2, by_rule
    assert gated == 0
