"""``--format html``: the page's structure (parsed with html.parser), escaping, the bounded
worst-documents heap, and the page rendered in a real headless browser (Debian's chromium;
skipped when it is not installed)."""
from __future__ import annotations

import io
import json
import os
import random
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from lint.engine import DocResult
from lint.finding import Finding
from lint.report.base import ReportOptions
from lint.report.html import EXCERPT_CHARS, TOP_N, HtmlReporter, esc, render_text
from lint.runner import Summary

# -- a small folder of damaged texts (written for this test) -------------------------------
SPUN = (
    "The town library opened a new reading room on Monday, and many families should wade household "
    "after the event by the river path.\n"
    "The the librarian said the collection will grow within two hundred,000 titles over the next decade, "
    "an enthusiastic estimate.\n"
    "Visitors praised the quiet space when you look at the the building, and you will the friendly staff.\n"
)
BLANKS = ("Il comune ha approvato il bilancio dopo una lunga seduta del consiglio comunale.\n\n\n\n\n"
          "I cittadini potranno leggere il documento sul sito. Secondo l'assessore i conti sono in ordine.\n")
HOSTILE = (
    "# A page with markup\n\n"
    "The new bridge will open in May, the engineers said on Friday. </pre><script>alert(\"pwned\")</script> "
    "& \"quotes\" 'single' <b>bold</b>\n\n"
    "Subscribe to our newsletter\n\n"
    "The work is expected to take two years (Jane Doe/Reuters) and to cost about 40 million.\n"
)
CLEAN = ("A clean text about the weather. It rained in the morning and the afternoon was sunny, so people "
         "went out for a walk in the park near the old station. The evening was cool and calm.\n")
RECORDS = [
    {"id": "r1", "text": "Prices rose again in March.\n\n\n\n\nThe the shops stayed open late (Ann Lee/AP)."},
    {"id": "r2", "text": "A control char \x07 and a lone surrogate \ud800 in a record with the the doubled word."},
    {"id": "r3", "text": 42},
]


def _long_text() -> str:
    """About 40,000 characters of plain sentences with one doubled word in the middle."""
    rng = random.Random(7)
    subjects = ["The council", "A neighbour", "The old school", "Our market", "The river path", "A small shop",
                "The station", "The library", "A local choir", "The harbour office"]
    verbs = ["opened early on", "was busy on", "stayed quiet on", "held a meeting on", "was repaired on",
             "welcomed visitors on", "closed late on", "was cleaned on"]
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    tails = ["after the rain.", "before the holidays.", "as every year.", "despite the cold wind.",
             "while the town slept.", "for the first time in years."]
    paras = []
    for _ in range(90):
        paras.append(" ".join(f"{rng.choice(subjects)} {rng.choice(verbs)} {rng.choice(days)} {rng.choice(tails)}"
                              for _ in range(6)))
    paras[45] += " Then the the bakery sold out."
    return "\n\n".join(paras) + "\n"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("htmlcorpus")
    (d / "spun.txt").write_text(SPUN, encoding="utf-8")
    (d / "blanks.txt").write_text(BLANKS, encoding="utf-8")
    (d / "hostile.md").write_text(HOSTILE, encoding="utf-8")
    (d / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (d / "long.txt").write_text(_long_text(), encoding="utf-8")
    (d / "records.jsonl").write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def report(corpus, tmp_path_factory):
    """(path of report.html, the JSON report of the same results): one run, both reporters."""
    from lint import __version__
    from lint.commands import exit_code
    from lint.config import ConfigResolver
    from lint.engine import fails
    from lint.plugins import load_registry
    from lint.report.json_format import JsonReporter
    from lint.runner import Run

    registry = load_registry()
    run = Run(ConfigResolver(discover=False), jobs=1, registry=registry)
    out = tmp_path_factory.mktemp("htmlout") / "report.html"
    js = io.StringIO()
    options = ReportOptions(version=__version__, rules=registry.rules)
    summary = Summary()
    with open(out, "w", encoding="utf-8", newline="") as fh:
        reporters = [HtmlReporter(fh, options), JsonReporter(js, options)]
        for r in reporters:
            r.start()
        errors = False
        for result, settings in run.results([str(corpus)]):
            errors = errors or bool(result.error)
            for r in reporters:
                r.document(result)
            summary.add(result, settings, fails)
        options.exit_code = exit_code(summary, errors)
        for r in reporters:
            r.finish(summary)
    return out, json.loads(js.getvalue())


# -- a tiny DOM from html.parser ------------------------------------------------------------
class Node:
    def __init__(self, tag, attrs, parent=None):
        self.tag, self.attrs, self.parent = tag, dict(attrs), parent
        self.content: list = []  # child Nodes and text, in document order

    @property
    def children(self) -> list:
        return [c for c in self.content if isinstance(c, Node)]

    def iter(self):
        yield self
        for c in self.children:
            yield from c.iter()

    def find_all(self, tag, **attrs):
        return [n for n in self.iter() if n.tag == tag and all(attr_has(n, k, v) for k, v in attrs.items())]

    def all_text(self) -> str:
        return "".join(c if isinstance(c, str) else c.all_text() for c in self.content)


def attr_has(node, key, value):
    key = key.rstrip("_")
    have = node.attrs.get(key)
    if have is None:
        return False
    return value in have.split() if key == "class" else have == value


VOID = {"meta", "br", "input", "link", "img", "hr"}


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", [])
        self.cur = self.root
        self.errors: list = []

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.cur)
        self.cur.content.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        self.cur.content.append(Node(tag, attrs, self.cur))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        node = self.cur
        while node is not None and node.tag != tag:
            node = node.parent
        if node is None:
            self.errors.append(f"stray </{tag}>")
            return
        if node is not self.cur:
            self.errors.append(f"</{tag}> closes unclosed <{self.cur.tag}>")
        self.cur = node.parent

    def handle_data(self, data):
        self.cur.content.append(data)


def parse(page: str) -> Node:
    b = TreeBuilder()
    b.feed(page)
    b.close()
    assert not b.errors, b.errors[:5]
    assert b.cur is b.root, f"unclosed <{b.cur.tag}>"
    return b.root


# -- structure without a browser ------------------------------------------------------------
def test_page_structure(report):
    path, js = report
    page = path.read_text(encoding="utf-8")
    root = parse(page)
    charts = root.find_all("svg", class_="chart")
    assert [c.attrs["id"] for c in charts] == ["chart-scores", "chart-rules", "chart-languages"]
    hist, rules, langs = charts
    assert len(hist.find_all("rect", class_="bar")) == 10
    assert sum(int(r.attrs["data-value"]) for r in hist.find_all("rect", class_="bar")) == js["summary"]["files"] - js["summary"]["errors"]
    # one bar per rule of the run, with its count
    by_rule = js["summary"]["by_rule"]
    bars = rules.find_all("rect", class_="bar")
    assert len(bars) == len(by_rule) > 3
    shown = {b.all_text().split(":")[0].split()[0]: int(b.attrs["data-value"]) for b in bars}
    assert shown == by_rule
    lang_bars = langs.find_all("rect", class_="bar")
    assert {int(b.attrs["data-value"]) for b in lang_bars} <= set(js["summary"]["findings_by_language"].values()) | {0}
    assert sum(int(b.attrs["data-value"]) for b in lang_bars) == js["summary"]["findings"]
    # summary table and rule table
    summary = root.find_all("table", class_="summary")[0].all_text()
    assert f"{js['summary']['findings']:,}" in summary and "Documents over the gate" in summary
    rule_table = next(s for s in root.find_all("section") if s.attrs.get("id") == "rules")
    assert {c.all_text() for c in rule_table.find_all("code")} == set(by_rule)


def test_worst_documents_and_marks(report):
    path, js = report
    root = parse(path.read_text(encoding="utf-8"))
    docs = root.find_all("details", class_="doc")
    with_findings = [f for f in js["files"] if f["findings"]]
    assert len(docs) == min(TOP_N, len(with_findings))
    # ordered by score, highest first
    scores = [float(d.find_all("summary")[0].all_text().split("score ")[1].split()[0]) for d in docs]
    assert scores == sorted(scores, reverse=True)
    expected = sorted(with_findings, key=lambda f: -f["score"])[0]
    assert expected["path"] in docs[0].find_all("summary")[0].all_text()
    # every finding of the spun document is highlighted with its rule code as tooltip
    spun = next(d for d in docs if "spun.txt" in d.find_all("summary")[0].all_text())
    marks = spun.find_all("mark")
    spun_js = next(f for f in js["files"] if f["path"].endswith("spun.txt"))
    codes = {f["rule"] for f in spun_js["findings"]}
    assert codes <= {c for m in marks for c in m.attrs["data-rules"].split()}
    for m in marks:
        for code in m.attrs["data-rules"].split():
            assert code in m.attrs["title"]
    for f in spun_js["findings"]:
        if f["end_offset"] > f["offset"]:
            assert any(f["text"].split()[0] in m.all_text() for m in marks), f
    # the findings list: one row per finding, linked to its highlight
    rows = spun.find_all("table")[0].find_all("tr")[1:]
    assert len(rows) == len(spun_js["findings"])
    ids = {n.attrs.get("id") for n in spun.iter()}
    for r in rows:
        href = r.find_all("a")[0].attrs["href"]
        assert href[1:] in ids


def test_escaping_and_self_contained(report):
    path, _ = report
    page = path.read_text(encoding="utf-8")
    root = parse(page)
    scripts = root.find_all("script")
    assert len(scripts) == 2 and not any("pwned" in s.all_text() for s in scripts)
    assert 'alert("pwned")' in root.all_text()  # shown as text
    assert "&lt;/pre&gt;&lt;script&gt;" in page
    assert "\ud800" not in page and "\x07" not in page and "\u2407" in page  # made visible
    # nothing from the network
    for node in root.iter():
        for key in ("src", "href", "xlink:href", "action"):
            value = node.attrs.get(key) or ""
            assert not value.startswith(("http:", "https:", "//")), (node.tag, key, value)
        assert node.tag not in ("link", "img", "iframe", "object")
    csp = [m for m in root.find_all("meta") if m.attrs.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in csp[0].attrs["content"]
    # the input error is listed
    errors = next(s for s in root.find_all("section") if s.attrs.get("id") == "errors")
    assert "records.jsonl:3" in errors.all_text()


def test_long_document_is_cut(report, corpus):
    path, js = report
    size = (corpus / "long.txt").stat().st_size
    page = path.read_text(encoding="utf-8")
    assert size > 30_000 and len(page) < size + 60_000
    root = parse(page)
    long_doc = [d for d in root.find_all("details", class_="doc") if "long.txt" in d.find_all("summary")[0].all_text()]
    if long_doc:  # it has findings: shown cut around them
        text = long_doc[0].find_all("pre")[0]
        assert len(text.all_text()) <= EXCERPT_CHARS + 2000
        assert "characters …]" in text.all_text()


# -- unit tests of the reporter ---------------------------------------------------------------
def _doc(i: int, score: float, text: str = None) -> DocResult:
    text = text if text is not None else f"document {i} has the the words"
    f = Finding("FRG010", "doubled-word", "warning", "doubled", text.index("the the"), text.index("the the") + 7,
                "the the", line=1, column=text.index("the the") + 1)
    return DocResult(f"doc{i}.txt", language="en", words=6, score=score, findings=[f], text=text)


def test_bounded_heap_keeps_the_worst():
    rng = random.Random(1)
    out = io.StringIO()
    rep = HtmlReporter(out, ReportOptions())
    rep.start()
    summary = Summary()
    scores = [round(rng.random(), 4) for _ in range(600)]
    for i, s in enumerate(scores):
        rep.document(_doc(i, s, f"unique-marker-{i} with the the words"))
        assert len(rep._heap) <= TOP_N
        summary.files += 1
    rep.finish(summary)
    page = out.getvalue()
    root = parse(page)
    docs = root.find_all("details", class_="doc")
    expected = sorted(range(600), key=lambda i: (-scores[i], i))[:TOP_N]
    got = [d.find_all("span", class_="path")[0].all_text() for d in docs]
    assert got == [f"doc{i}.txt" for i in expected]
    kept = sum(f"unique-marker-{i} " in page for i in range(600))
    assert kept == TOP_N  # only the worst documents' texts are in the page


def test_render_text_overlaps_points_and_cuts():
    text = "x" * 20000 + " alpha beta gamma " + "y" * 20000
    a = text.index("alpha")
    fs = [Finding("AAA001", "a", "warning", "outer", a, a + 16, "alpha beta gamma"),
          Finding("BBB001", "b", "error", "inner", a + 6, a + 10, "beta"),
          Finding("CCC001", "c", "info", "point", a + 5, a + 5, "")]
    body, shown = render_text(text, fs, "d9")
    assert shown == 3
    root = parse(f"<pre>{body}</pre>")
    marks = root.find_all("mark")
    inner = [m for m in marks if "BBB001" in m.attrs["data-rules"]]
    assert inner and "AAA001" in inner[0].attrs["data-rules"] and "sev-error" in inner[0].attrs["class"]
    assert any("pt" in m.attrs["class"].split() for m in marks)
    assert "".join(m.all_text() for m in marks if "pt" not in m.attrs["class"].split()) == "alpha beta gamma"
    assert body.count("characters …]") == 2 and len(body) < 2000


def test_esc():
    assert esc("<a b='c'>&") == "&lt;a b=&#x27;c&#x27;&gt;&amp;"
    assert esc("\x00\x1b\x85\ud83d") == "\u2400\u241b\ufffd\ufffd"
    assert esc("😀 中文") == "😀 中文"


def test_empty_run():
    out = io.StringIO()
    rep = HtmlReporter(out, ReportOptions())
    rep.start()
    rep.finish(Summary())
    root = parse(out.getvalue())
    assert len(root.find_all("svg", class_="chart")) == 3
    assert "No document has findings" in root.all_text()


# -- in a real browser ---------------------------------------------------------------------------
def _chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("chromium is not installed (apt-get install chromium)")


def _browser(args: list, tmp_path: Path, timeout: int = 120) -> subprocess.CompletedProcess:
    cmd = [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--disable-dev-shm-usage", f"--user-data-dir={tmp_path / 'profile'}", *args]
    env = {k: v for k, v in os.environ.items() if k not in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY")}
    try:
        return subprocess.run(cmd, capture_output=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        pytest.fail("chromium did not finish in time")


def _png_size(path: Path) -> tuple:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    idat, pos = b"", 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    return width, height, len(idat), len(zlib.decompress(idat))


def test_in_headless_chromium(report, tmp_path):
    path, js = report
    proc = _browser(["--dump-dom", path.as_uri()], tmp_path)
    dom = proc.stdout.decode("utf-8", "replace")
    assert proc.returncode == 0 and "<body" in dom, proc.stderr.decode("utf-8", "replace")[-2000:]
    body = dom[dom.index("<body"):dom.index(">", dom.index("<body")) + 1]
    assert 'data-ok="1"' in body, body
    html_tag = dom[dom.index("<html"):dom.index(">", dom.index("<html")) + 1]
    assert "data-js-error" not in html_tag, html_tag
    assert 'data-charts="3"' in body
    n_bars = int(body.split('data-bars="')[1].split('"')[0])
    assert n_bars >= 10 + len(js["summary"]["by_rule"])
    root = parse(dom[dom.index("<html"):])
    assert len(root.find_all("svg", class_="chart")) == 3
    assert root.find_all("mark")


def test_filter_link_in_chromium(report, tmp_path):
    path, js = report
    only = next(f for f in js["files"] if f["path"].endswith("hostile.md"))
    code = next(f["rule"] for f in only["findings"] if f["rule"].startswith("BPL001"))
    proc = _browser(["--dump-dom", path.as_uri() + "#filter=" + code], tmp_path)
    root = parse(proc.stdout.decode("utf-8", "replace")[proc.stdout.decode("utf-8", "replace").index("<html"):])
    rows = root.find_all("tr", class_="doc-row")
    visible = [r for r in rows if "hidden" not in r.attrs["class"].split()]
    assert len(rows) > 1 and len(visible) == sum(code in {x["rule"] for x in f["findings"]} for f in js["files"])


def test_screenshot_is_not_blank(report, tmp_path):
    path, _ = report
    blank = tmp_path / "blank.html"
    blank.write_text("<!DOCTYPE html><html><body></body></html>", encoding="utf-8")
    shots = {}
    for name, target in (("report", path), ("blank", blank)):
        png = tmp_path / f"{name}.png"
        proc = _browser(["--window-size=1200,1600", "--hide-scrollbars", f"--screenshot={png}", target.as_uri()], tmp_path)
        assert png.is_file(), proc.stderr.decode("utf-8", "replace")[-2000:]
        shots[name] = _png_size(png)
    w, h, compressed, raw = shots["report"]
    assert (w, h) == (1200, 1600)
    # a rendered page of text and charts compresses far worse than an empty one
    assert compressed > 5 * shots["blank"][2] and compressed > 30_000, shots


def test_cli_format_html(cli, corpus, tmp_path):
    out = tmp_path / "report.html"
    code, stdout, err = cli("check", str(corpus / "spun.txt"), str(corpus / "clean.txt"), "--format", "html",
                            "-o", str(out), "--no-progress")
    assert code == 1, err
    assert stdout == ""
    root = parse(out.read_text(encoding="utf-8"))
    assert len(root.find_all("svg", class_="chart")) == 3
    docs = root.find_all("details", class_="doc")
    assert docs and "spun.txt" in docs[0].find_all("summary")[0].all_text() and docs[0].find_all("mark")


# -- property: any text, any spans: well-formed HTML that shows the text exactly ------------------
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@st.composite
def text_and_findings(draw):
    text = draw(st.text(alphabet=st.sampled_from(list("ab <>&\"'\n\t\r\x00\x07é中😀") + ["\ud800"]), max_size=300))
    n = len(text)
    findings = []
    for k in range(draw(st.integers(0, 8))):
        s = draw(st.integers(0, n))
        e = draw(st.integers(s, min(n, s + 40)))
        sev = draw(st.sampled_from(["info", "warning", "error"]))
        findings.append(Finding(f"TST00{k}", "t", sev, "m <&>", s, e, text[s:e], line=1, column=s + 1))
    findings.sort(key=lambda f: (f.offset, f.end_offset, f.rule))
    return text, findings


@given(text_and_findings())
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_render_text_roundtrip(case):
    text, findings = case
    body, shown = render_text(text, findings, "d1")
    root = parse(f"<pre>{body}</pre>")
    shown_text = root.all_text()
    # the page shows the text itself (controls and lone surrogates made visible, CR as parsed)
    import html as _html
    expected = _html.unescape(esc(text)).replace("\r\n", "\n").replace("\r", "\n")
    assert shown_text.replace("\r\n", "\n").replace("\r", "\n") == expected
    assert shown == len(findings)
    ids = [n.attrs["id"] for n in root.iter() if "id" in n.attrs]
    assert sorted(ids) == sorted(f"d1-f{i}" for i in range(len(findings)))  # one target per finding
    for m in root.find_all("mark"):
        for code in m.attrs["data-rules"].split():
            assert code in m.attrs["title"]
