"""``--format html``: one self-contained HTML page (inline CSS, SVG and a few lines of JS;
nothing loaded from the network, a Content-Security-Policy forbids it) with

- a summary table (files, documents, errors, words, findings by severity, gate);
- three bar charts drawn here as inline SVG: the score histogram (the gate marked),
  findings by rule, findings by language (with the rate per 10,000 words);
- the rule table (code, name, severity, findings, documents);
- the worst documents (the top ``TOP_N`` by score, then by findings, then input order),
  each with its text, the findings highlighted as ``<mark>`` spans (the rule codes and
  messages as tooltip), and its list of findings; input errors (the first ``MAX_ERRORS``).

Memory stays flat on a corpus of any size: the worst documents are kept in a bounded heap
and only their rendered excerpts are kept (a long text is cut to windows around its
findings, ``EXCERPT_CHARS`` at most), every other document only adds to counters. The page
is written in ``finish``.

>>> import io
>>> from lint.engine import DocResult
>>> from lint.finding import Finding
>>> from lint.runner import Summary
>>> out = io.StringIO()
>>> r = HtmlReporter(out, ReportOptions())
>>> r.start()
>>> f = Finding("FRG010", "doubled-word", "warning", "word 'the' written twice", 4, 11, "the the")
>>> r.document(DocResult("a.txt", language="en", words=5, score=0.6, findings=[f], text="See the the <b>x</b>"))
>>> s = Summary(); s.files = 1; s.findings = 1; s.by_rule["FRG010"] = 1; s.by_language["en"] = 1
>>> r.finish(s)
>>> page = out.getvalue()
>>> '<mark class="sev-warning"' in page and "&lt;b&gt;x&lt;/b&gt;" in page and "<b>x" not in page
True
"""
from __future__ import annotations

import heapq
import html
import math
import re
from collections import Counter
from datetime import datetime, timezone

from .base import ReportOptions, Reporter

#: worst documents shown with their text
TOP_N = 50
#: a text up to this long is shown whole; a longer one as windows around its findings
FULL_TEXT_CHARS = 6000
#: characters of context either side of a finding in a cut text
CONTEXT_CHARS = 220
#: at most this many characters of one document's text in the page
EXCERPT_CHARS = 16000
#: a long finding span is shown up to this many characters (then cut in the middle)
SPAN_CHARS = 600
#: findings highlighted in one document's text / listed under it
MAX_MARKS = 400
MAX_LISTED = 500
#: input errors listed (all are counted)
MAX_ERRORS = 200
#: bars in the rule and language charts (the rest are summed into one "other" bar)
MAX_BARS = 40

_SEV_RANK = {"info": 0, "warning": 1, "error": 2}

# C0/C1 controls (but tab, line feed, carriage return) are parse errors in HTML: show C0 as
# the Unicode control pictures, DEL and C1 as U+FFFD; lone surrogates cannot be written
_CONTROLS = {c: 0x2400 + c for c in range(0x20) if c not in (9, 10, 13)}
_CONTROLS[0x7F] = 0x2421
_CONTROLS.update({c: 0xFFFD for c in range(0x80, 0xA0)})
_SURROGATE = re.compile("[\ud800-\udfff]")


def esc(value) -> str:
    """Text made safe for HTML text and attribute values (quotes included), with controls
    and lone surrogates made visible instead of breaking the page or the UTF-8 file.

    >>> esc('<a href="x">&\\x00\\ud800')
    '&lt;a href=&quot;x&quot;&gt;&amp;␀�'
    """
    s = str(value).translate(_CONTROLS)
    if "\ud800" <= max(s, default="\x00"):  # cheap pre-check: only then look for surrogates
        s = _SURROGATE.sub("\ufffd", s)
    return html.escape(s, quote=True)


def _fmt(n: float) -> str:
    return f"{n:,}" if isinstance(n, int) else f"{n:,.2f}"


def _short(s: str, limit: int = 120) -> str:
    return s if len(s) <= limit else s[: limit - 1] + "…"


# -- SVG charts ------------------------------------------------------------------------
def hbar_chart(rows: list, chart_id: str, title: str, empty: str = "nothing to show") -> str:
    """A horizontal bar chart: ``rows`` are (label, value, tooltip, css class).

    >>> svg = hbar_chart([("FRG010", 3, "FRG010: 3", ""), ("SPN002", 1, "SPN002: 1", "")], "c", "t")
    >>> svg.count('<rect class="bar')
    2
    """
    width, label_w, value_w, bar_h, gap, top = 760, 260, 80, 18, 6, 6
    height = top * 2 + max(len(rows), 1) * (bar_h + gap)
    out = [f'<svg class="chart" id="{chart_id}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
           f'width="100%" role="img" aria-label="{esc(title)}"><title>{esc(title)}</title>']
    if not rows:
        out.append(f'<text class="empty" x="{width / 2}" y="{top + 14}" text-anchor="middle">{esc(empty)}</text>')
    vmax = max((r[1] for r in rows), default=0) or 1
    span = width - label_w - value_w
    for i, (label, value, tip, cls) in enumerate(rows):
        y = top + i * (bar_h + gap)
        w = span * value / vmax
        if value and w < 1:
            w = 1.0
        out.append(f'<text class="lbl" x="{label_w - 8}" y="{y + 13}" text-anchor="end">{esc(_short(label, 36))}</text>'
                   f'<rect class="bar {cls}" x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" rx="2" '
                   f'data-value="{value}"><title>{esc(tip)}</title></rect>'
                   f'<text class="val" x="{label_w + w + 5:.1f}" y="{y + 13}">{esc(_fmt(value))}</text>')
    out.append("</svg>")
    return "".join(out)


def use_log_scale(bins: list) -> bool:
    """True when the non-zero counts span more than two orders of magnitude."""
    nonzero = [b for b in bins if b]
    return bool(nonzero) and max(nonzero) / min(nonzero) > 100


def histogram_chart(bins: list, gate: float, chart_id: str = "chart-scores") -> str:
    """Vertical bars, one per score decile, the bins above the gate in the 'over' colour and
    the gate drawn as a dashed line. A log scale is used when the counts span more than
    two orders of magnitude (the caption says so).

    >>> histogram_chart([5, 0, 0, 0, 0, 0, 1, 0, 0, 2], 0.5).count('<rect class="bar')
    10
    """
    width, height, left, bottom, top = 720, 260, 50, 34, 16
    plot_w, plot_h = width - left - 10, height - bottom - top
    log = use_log_scale(bins)
    scale = (lambda v: math.log10(1 + v)) if log else float
    vmax = scale(max(bins, default=0)) or 1.0
    n = len(bins) or 1
    bw = plot_w / n
    title = "documents by score" + (" (log scale)" if log else "")
    out = [f'<svg class="chart" id="{chart_id}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
           f'width="100%" role="img" aria-label="{esc(title)}" data-log="{int(log)}"><title>{esc(title)}</title>',
           f'<line class="axis" x1="{left}" y1="{top + plot_h}" x2="{width - 10}" y2="{top + plot_h}"/>']
    for i, count in enumerate(bins):
        lo, hi = i / n, (i + 1) / n
        h = plot_h * scale(count) / vmax
        if count and h < 1:
            h = 1.0
        x = left + i * bw
        cls = "over" if lo >= gate else ""
        label = f"score {lo:.1f}–{hi:.1f}" + (" (1.0 included)" if i == n - 1 else "")
        out.append(f'<rect class="bar {cls}" x="{x + 3:.1f}" y="{top + plot_h - h:.1f}" width="{bw - 6:.1f}" '
                   f'height="{h:.1f}" data-value="{count}"><title>{esc(label)}: {count:,} document(s)</title></rect>'
                   f'<text class="val" x="{x + bw / 2:.1f}" y="{top + plot_h - h - 4:.1f}" text-anchor="middle">'
                   f'{count:,}</text>'
                   f'<text class="lbl" x="{x + bw / 2:.1f}" y="{height - bottom + 16}" text-anchor="middle">'
                   f'{lo:.1f}</text>')
    gx = left + plot_w * min(max(gate, 0.0), 1.0)
    out.append(f'<line class="gate" x1="{gx:.1f}" y1="{top - 6}" x2="{gx:.1f}" y2="{top + plot_h}"/>'
               f'<text class="gatelbl" x="{gx + 4:.1f}" y="{top + 4}">gate {gate:g}</text>'
               f'<text class="lbl" x="{left + plot_w / 2:.1f}" y="{height - 4}" text-anchor="middle">score</text>'
               "</svg>")
    return "".join(out)


# -- text excerpts with highlighted findings ----------------------------------------------
def _windows(n: int, spans: list) -> list:
    """The [start, end) windows of a text of length ``n`` to show around ``spans``."""
    if n <= FULL_TEXT_CHARS:
        return [(0, n)]
    # less context around each finding when there are many, so that more of them fit
    ctx = max(60, min(CONTEXT_CHARS, EXCERPT_CHARS // (3 * max(1, len(spans)))))
    wins = []
    for s, e in spans:
        if e - s > SPAN_CHARS:  # a long span: its beginning and its end
            wins.append((s - ctx, s + SPAN_CHARS // 2))
            wins.append((e - SPAN_CHARS // 2, e + ctx))
        else:
            wins.append((s - ctx, e + ctx))
    if not wins:
        wins = [(0, FULL_TEXT_CHARS)]
    merged: list = []
    for s, e in sorted((max(0, s), min(n, e)) for s, e in wins):
        if merged and s <= merged[-1][1] + 40:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    out, total = [], 0
    for s, e in merged:
        if total >= EXCERPT_CHARS:
            break
        e = min(e, s + EXCERPT_CHARS - total)
        out.append((s, e))
        total += e - s
    return out


def render_text(text: str, findings: list, anchor: str) -> tuple:
    """The text (or windows of it) as HTML with every finding a ``<mark>``; returns
    (html, number of findings shown in it).

    >>> from lint.finding import Finding
    >>> f = Finding("FRG010", "doubled-word", "warning", "the twice", 0, 7, "the the")
    >>> render_text("the the <cat>", [f], "d1")[0]
    '<mark class="sev-warning" title="FRG010 doubled-word: the twice" data-rules="FRG010" id="d1-f0">the the</mark> &lt;cat&gt;'
    """
    n = len(text)
    marked = [(i, f) for i, f in enumerate(findings[:MAX_MARKS])
              if 0 <= f.offset <= f.end_offset <= n]
    windows = _windows(n, [(f.offset, f.end_offset) for _, f in marked])
    parts: list = []
    pos = 0
    shown = set()
    for ws, we in windows:
        if ws > pos:
            parts.append(f'<span class="gap">[… {ws - pos:,} characters …]</span>')
        inside = [(i, f) for i, f in marked if f.end_offset >= ws and f.offset <= we
                  and not (f.offset == f.end_offset == we and we < n)]
        parts.append(_render_window(text, ws, we, inside, anchor, shown))
        pos = we
    if pos < n:
        parts.append(f'<span class="gap">[… {n - pos:,} characters …]</span>')
    return "".join(parts), len(shown)


def _render_window(text: str, ws: int, we: int, inside: list, anchor: str, shown: set) -> str:
    points: dict = {}
    bounds = {ws, we}
    for i, f in inside:
        if f.offset == f.end_offset:
            points.setdefault(f.offset, []).append((i, f))
            bounds.add(f.offset)
        else:
            bounds.add(max(ws, f.offset))
            bounds.add(min(we, f.end_offset))
    cuts = sorted(bounds)
    # a sweep over the cuts: spans enter the active set at their start, leave at their end
    spans = sorted(((max(ws, f.offset), i, f) for i, f in inside if f.offset < f.end_offset), key=lambda t: t[:2])
    nxt = 0
    active: dict = {}
    out = []
    for a, b in zip(cuts, cuts[1:] + [None]):
        for i, f in points.get(a, ()):
            first = i not in shown
            shown.add(i)
            out.append(f'<mark class="pt sev-{esc(f.severity)}" title="{esc(_tip([f]))}" data-rules="{esc(f.rule)}"'
                       + (f' id="{anchor}-f{i}"' if first else "") + "></mark>")
        if b is None or a >= b:
            continue
        chunk = esc(text[a:b])
        while nxt < len(spans) and spans[nxt][0] <= a:
            active[spans[nxt][1]] = spans[nxt][2]
            nxt += 1
        for i in [i for i, f in active.items() if f.end_offset <= a]:
            del active[i]
        covering = sorted(active.items())
        if not covering:
            out.append(chunk)
            continue
        sev = max((f.severity for _, f in covering), key=lambda s: _SEV_RANK.get(s, 1))
        ws_only = " ws" if not text[a:b].strip() else ""
        first = [i for i, _ in covering if i not in shown]
        shown.update(first)
        ident = f' id="{anchor}-f{first[0]}"' if first else ""
        # findings that start on the same span: an anchor each, for the links of the list
        out.extend(f'<span class="anchor" id="{anchor}-f{i}"></span>' for i in first[1:])
        codes = " ".join(dict.fromkeys(f.rule for _, f in covering))
        out.append(f'<mark class="sev-{esc(sev)}{ws_only}" title="{esc(_tip([f for _, f in covering]))}" '
                   f'data-rules="{esc(codes)}"{ident}>{chunk}</mark>')
    return "".join(out)


def _tip(findings: list) -> str:
    lines = [f"{f.rule} {f.name}: {_short(f.message, 200)}" for f in findings[:6]]
    if len(findings) > 6:
        lines.append(f"(+{len(findings) - 6} more)")
    return "\n".join(lines)


# -- the reporter ------------------------------------------------------------------------
class HtmlReporter(Reporter):
    name = "html"
    description = "one self-contained HTML page: charts, rule table, worst documents highlighted"

    def __init__(self, stream, options: ReportOptions):
        super().__init__(stream, options)
        self.top_n = TOP_N

    def start(self) -> None:
        self._seq = 0
        self._heap: list = []  # (score, findings, -seq, seq, rendered entry)
        self._errors: list = []
        self._error_count = 0
        self._severity: Counter = Counter()
        self._rule_docs: Counter = Counter()
        self._words_by_lang: Counter = Counter()
        self._docs_with_findings = 0
        self._score_sum = 0.0
        self._max_score = 0.0
        self._names: dict = {}
        self._sev_of: dict = {}

    def document(self, result) -> None:
        self._seq += 1
        if result.error:
            self._error_count += 1
            if len(self._errors) < MAX_ERRORS:
                self._errors.append((result.path, result.id, result.error))
            return
        findings = result.findings or []
        lang = result.language or "unknown"
        self._words_by_lang[lang] += result.words
        self._score_sum += result.score
        self._max_score = max(self._max_score, result.score)
        if findings:
            self._docs_with_findings += 1
        for code in {f.rule for f in findings}:
            self._rule_docs[code] += 1
        for f in findings:
            self._severity[f.severity] += 1
            self._names.setdefault(f.rule, f.name)
            self._sev_of.setdefault(f.rule, f.severity)
        if not findings and result.score <= 0:
            return
        key = (result.score, len(findings), -self._seq)
        if len(self._heap) >= self.top_n and key <= self._heap[0][:3]:
            return  # not among the worst: nothing of it is kept
        entry = (*key, self._seq, self._render(result, self._seq))
        if len(self._heap) < self.top_n:
            heapq.heappush(self._heap, entry)
        else:
            heapq.heapreplace(self._heap, entry)

    # rendering one document ----------------------------------------------------------
    def _render(self, result, seq: int) -> dict:
        anchor = f"d{seq}"
        findings = result.findings or []
        if result.text is not None:
            body, shown = render_text(result.text, findings, anchor)
            text_html = f'<pre class="text">{body}</pre>'
            if len(findings) > shown:
                text_html += f'<p class="note">{len(findings) - shown:,} finding(s) not highlighted in this excerpt.</p>'
        else:
            text_html = '<p class="note">The text of this document is not available.</p>'
        rows = []
        for i, f in enumerate(findings[:MAX_LISTED]):
            sugg = ""
            if f.suggestion is not None:
                label = {"safe": "fix", "unsafe": "unsafe fix"}.get(f.fix or "", "suggestion")
                shown_s = f.suggestion if f.suggestion.strip() else repr(f.suggestion)
                sugg = f'<span class="sugg">{esc(label)}: <code>{esc(_short(shown_s, 160))}</code></span>'
            target = f'<a href="#{anchor}-f{i}">{f.line}:{f.column}</a>' if i < MAX_MARKS and result.text is not None \
                else f"{f.line}:{f.column}"
            rows.append(f'<tr data-rules="{esc(f.rule)}"><td class="num">{target}</td>'
                        f'<td><code title="{esc(f.name)}">{esc(f.rule)}</code></td>'
                        f'<td><span class="sev sev-{esc(f.severity)}">{esc(f.severity)}</span></td>'
                        f'<td>{esc(f.message)}<br><code class="match">{esc(_short(f.text or "", 160))}</code> {sugg}</td></tr>')
        if len(findings) > MAX_LISTED:
            rows.append(f'<tr><td colspan="4" class="note">… and {len(findings) - MAX_LISTED:,} more finding(s)</td></tr>')
        counts = Counter(f.rule for f in findings)
        return {
            "anchor": anchor, "path": result.path, "id": result.id, "language": result.language,
            "words": result.words, "score": result.score, "n": len(findings),
            "rules": " ".join(sorted(counts)),
            "top_rules": ", ".join(f"{c}×{n}" if n > 1 else c for c, n in counts.most_common(4))
                         + (" …" if len(counts) > 4 else ""),
            "text_html": text_html, "rows": "".join(rows),
        }

    # the page --------------------------------------------------------------------------
    def finish(self, summary) -> None:
        worst = [e[4] for e in sorted(self._heap, key=lambda e: e[:3], reverse=True)]
        gate = summary.gate
        parts = [_HEAD.replace("%CSS%", _CSS).replace("%TITLE%", esc(f"unspun report ({summary.documents:,} documents)"))]
        parts.append('<header><h1>unspun report</h1><p class="meta">unspun '
                     f'{esc(self.options.version or "")} · generated {esc(datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))}'
                     "</p></header>")
        parts.append('<nav><a href="#summary">Summary</a> <a href="#charts">Charts</a> <a href="#rules">Rules</a> '
                     '<a href="#worst">Worst documents</a>' + (' <a href="#errors">Input errors</a>' if self._error_count else "")
                     + "</nav>")
        parts.append(self._summary_table(summary))
        parts.append(self._charts(summary))
        parts.append(self._rule_table(summary))
        parts.append(self._worst(worst, gate))
        if self._error_count:
            parts.append(self._errors_html())
        parts.append(_SCRIPT)
        parts.append("</body></html>\n")
        self.write("".join(parts))

    def _summary_table(self, summary) -> str:
        docs = summary.documents
        gate = summary.gate
        share = summary.over_gate / docs if docs else 0.0
        sev = ", ".join(f"{self._severity[s]:,} {s}" for s in ("error", "warning", "info") if self._severity[s]) or "none"
        rows = [
            ("Files and records read", _fmt(summary.files)),
            ("Documents linted", _fmt(docs)),
            ("Input errors", _fmt(summary.errors)),
            ("Words", _fmt(summary.words)),
            ("Findings", f"{summary.findings:,} ({sev})"),
            ("Documents with findings", _fmt(self._docs_with_findings)),
            ("Gate (max score)", f"{gate:g}"),
            ("Documents over the gate", f"{summary.over_gate:,} ({share:.1%})"
             + (f"; allowed share {summary.max_gated_share:g}" if summary.max_gated_share is not None else "")),
            ("Mean / highest score", f"{(self._score_sum / docs if docs else 0.0):.3f} / {self._max_score:.3f}"),
            ("Exit code", str(self.options.exit_code)),
        ]
        if summary.fixes_applied:
            rows.append(("Fixes applied", _fmt(summary.fixes_applied)))
        body = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in rows)
        return f'<section id="summary"><h2>Summary</h2><table class="summary">{body}</table></section>'

    def _charts(self, summary) -> str:
        rules = self.options.rules or {}
        by_rule = sorted(summary.by_rule.items(), key=lambda kv: (-kv[1], kv[0]))
        rule_rows = []
        for code, n in by_rule[:MAX_BARS]:
            name = getattr(rules.get(code), "name", "") or self._names.get(code, "")
            sev = getattr(rules.get(code), "severity", "") or self._sev_of.get(code, "")
            rule_rows.append((f"{code} {name}", n, f"{code} {name}: {n:,} finding(s) in "
                              f"{self._rule_docs[code]:,} document(s)", f"sev-{sev}" if sev else ""))
        if len(by_rule) > MAX_BARS:
            rest = sum(n for _, n in by_rule[MAX_BARS:])
            rule_rows.append((f"{len(by_rule) - MAX_BARS} other rules", rest, f"other rules: {rest:,}", "other"))
        langs = set(summary.by_language) | set(summary.findings_by_language)
        lang_items = sorted(langs, key=lambda l: (-summary.findings_by_language.get(l, 0), l))
        lang_rows = []
        for lang in lang_items[:MAX_BARS]:
            n = summary.findings_by_language.get(lang, 0)
            words = self._words_by_lang.get(lang, 0)
            rate = f", {n * 10000 / words:.1f} per 10k words" if words else ""
            lang_rows.append((f"{lang} ({summary.by_language.get(lang, 0):,} docs)", n,
                              f"{lang}: {n:,} finding(s) in {summary.by_language.get(lang, 0):,} document(s), "
                              f"{words:,} words{rate}", ""))
        if len(lang_items) > MAX_BARS:
            rest = sum(summary.findings_by_language.get(l, 0) for l in lang_items[MAX_BARS:])
            lang_rows.append((f"{len(lang_items) - MAX_BARS} other languages", rest, f"other languages: {rest:,}", "other"))
        return ('<section id="charts"><h2>Charts</h2>'
                '<figure><figcaption>Documents by score (bins of 0.1; red: at or above the gate'
                + ("; log scale" if use_log_scale(list(summary.score_histogram)) else "") + ")</figcaption>"
                + histogram_chart(list(summary.score_histogram), summary.gate) + "</figure>"
                '<figure><figcaption>Findings by rule</figcaption>'
                + hbar_chart(rule_rows, "chart-rules", "findings by rule", "no findings") + "</figure>"
                '<figure><figcaption>Findings by language (documents per language in brackets)</figcaption>'
                + hbar_chart(lang_rows, "chart-languages", "findings by language", "no documents") + "</figure>"
                "</section>")

    def _rule_table(self, summary) -> str:
        rules = self.options.rules or {}
        rows = []
        for code, n in sorted(summary.by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
            rule = rules.get(code)
            sev = getattr(rule, "severity", "") or self._sev_of.get(code, "")
            rows.append(f'<tr><td><code>{esc(code)}</code></td>'
                        f'<td>{esc(getattr(rule, "name", "") or self._names.get(code, ""))}</td>'
                        f'<td><span class="sev sev-{esc(sev)}">{esc(sev)}</span></td>'
                        f'<td class="num">{n:,}</td><td class="num">{self._rule_docs[code]:,}</td>'
                        f'<td>{esc(getattr(rule, "summary", ""))}</td></tr>')
        if not rows:
            return '<section id="rules"><h2>Rules</h2><p class="note">No findings.</p></section>'
        return ('<section id="rules"><h2>Rules</h2><table class="grid"><thead><tr><th>rule</th><th>name</th>'
                '<th>severity</th><th>findings</th><th>documents</th><th>summary</th></tr></thead><tbody>'
                + "".join(rows) + "</tbody></table></section>")

    def _worst(self, worst: list, gate: float) -> str:
        if not worst:
            return '<section id="worst"><h2>Worst documents</h2><p class="note">No document has findings.</p></section>'
        rows, details = [], []
        for rank, d in enumerate(worst, 1):
            over = " over" if d["score"] > gate else ""
            ident = f' <span class="id">id={esc(d["id"])}</span>' if d["id"] is not None else ""
            rows.append(f'<tr class="doc-row" data-rules="{esc(d["rules"])}" data-key="{esc(d["path"])} {esc(d["id"] or "")}">'
                        f'<td class="num">{rank}</td><td class="path"><a href="#{d["anchor"]}">{esc(d["path"])}</a>{ident}</td>'
                        f'<td>{esc(d["language"] or "?")}</td><td class="num">{d["words"]:,}</td>'
                        f'<td class="num score{over}">{d["score"]:.2f}</td><td class="num">{d["n"]:,}</td>'
                        f'<td>{esc(d["top_rules"])}</td></tr>')
            details.append(f'<details class="doc" id="{d["anchor"]}" data-rules="{esc(d["rules"])}" '
                           f'data-key="{esc(d["path"])} {esc(d["id"] or "")}"{" open" if rank <= 5 else ""}>'
                           f'<summary><span class="rank">#{rank}</span> <span class="path">{esc(d["path"])}</span>{ident} '
                           f'<span class="score{over}">score {d["score"]:.2f}</span> · {esc(d["language"] or "?")} · '
                           f'{d["words"]:,} words · {d["n"]:,} finding(s)</summary>'
                           f'{d["text_html"]}<table class="grid findings"><thead><tr><th>line:col</th><th>rule</th>'
                           f'<th>severity</th><th>message</th></tr></thead><tbody>{d["rows"]}</tbody></table></details>')
        return ('<section id="worst"><h2>Worst documents</h2>'
                f'<p class="note">The {len(worst)} document(s) with the highest scores (of those with findings). '
                'Highlighted spans are findings: hover for the rule and message.</p>'
                '<p><label>Filter by path, id or rule code: <input id="filter" type="search" placeholder="e.g. SPN002"></label> '
                '<span id="filter-count"></span></p>'
                '<table class="grid worst"><thead><tr><th>#</th><th>document</th><th>lang</th><th>words</th><th>score</th>'
                '<th>findings</th><th>rules</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table>"
                + "".join(details) + "</section>")

    def _errors_html(self) -> str:
        rows = "".join(f'<tr><td class="path">{esc(p)}</td><td>{esc(i) if i is not None else ""}</td><td>{esc(e)}</td></tr>'
                       for p, i, e in self._errors)
        more = (f'<p class="note">Showing the first {len(self._errors):,} of {self._error_count:,} input errors.</p>'
                if self._error_count > len(self._errors) else "")
        return ('<section id="errors"><h2>Input errors</h2><table class="grid"><thead><tr><th>input</th><th>id</th>'
                f'<th>error</th></tr></thead><tbody>{rows}</tbody></table>{more}</section>')


_HEAD = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="unspun">
<title>%TITLE%</title>
<script>window.addEventListener("error",function(e){document.documentElement.setAttribute("data-js-error",String(e.message||e));});</script>
<style>%CSS%</style></head><body>
"""

_CSS = """
:root{--fg:#1d2330;--muted:#5d6675;--bg:#fff;--panel:#f5f6f8;--line:#dde1e6;--bar:#4c78a8;--over:#d62728;
--error:#c62828;--warning:#b26a00;--info:#1f6fb2;--m-error:#ffcdd2;--m-warning:#ffe0a3;--m-info:#cfe5ff}
@media (prefers-color-scheme: dark){:root{--fg:#e4e7ec;--muted:#a0a8b5;--bg:#14171c;--panel:#1d2128;--line:#333a44;
--bar:#6c9bd2;--m-error:#6b2b2b;--m-warning:#6b5220;--m-info:#23466b}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1180px;padding:0 20px 60px;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header h1{margin:18px 0 0;font-size:26px}.meta,.note{color:var(--muted)}
nav{position:sticky;top:0;background:var(--bg);padding:8px 0;border-bottom:1px solid var(--line);z-index:2}
nav a{margin-right:16px}a{color:var(--info)}
h2{margin-top:34px;border-bottom:1px solid var(--line);padding-bottom:4px}
table{border-collapse:collapse}table.summary th{text-align:left;padding:3px 18px 3px 0;font-weight:600}
table.grid{width:100%;font-size:14px}table.grid th,table.grid td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
table.grid thead th{background:var(--panel)}
td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
td.path,.path{word-break:break-all}.id{color:var(--muted);font-size:13px}
.score.over{color:var(--over);font-weight:700}
figure{margin:18px 0}figcaption{font-weight:600;margin-bottom:6px}
svg.chart{max-width:760px;display:block;background:var(--panel);border-radius:6px}
svg .bar{fill:var(--bar)}svg .bar.over,svg .bar.sev-error{fill:var(--over)}svg .bar.sev-info{fill:#8fb3d9}svg .bar.other{fill:#999}
svg text{fill:var(--fg);font-size:12px}svg .val{fill:var(--muted)}svg .empty{fill:var(--muted);font-size:14px}
svg .axis{stroke:var(--muted)}svg .gate{stroke:var(--over);stroke-dasharray:5 4;stroke-width:1.5}svg .gatelbl{fill:var(--over)}
.sev{font-size:12px;font-weight:600;text-transform:uppercase}.sev-error.sev{color:var(--error)}.sev-warning.sev{color:var(--warning)}.sev-info.sev{color:var(--info)}
details.doc{border:1px solid var(--line);border-radius:6px;margin:14px 0;padding:0 12px}
details.doc>summary{cursor:pointer;padding:8px 0;font-weight:600}
pre.text{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--panel);padding:12px;border-radius:6px;font:14px/1.6 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;max-height:560px;overflow:auto}
mark{color:inherit;border-radius:2px;padding:0 1px;cursor:help}
mark.sev-error{background:var(--m-error);border-bottom:2px solid var(--error)}
mark.sev-warning{background:var(--m-warning);border-bottom:2px solid var(--warning)}
mark.sev-info{background:var(--m-info);border-bottom:2px solid var(--info)}
mark.ws{outline:1px dashed var(--warning)}
mark.pt{padding:0;background:none;border:0}mark.pt::before{content:"\\2038";color:var(--error);font-weight:700}
mark:target,mark.flash{outline:2px solid var(--fg)}
.gap{display:block;color:var(--muted);font-style:italic;margin:6px 0}
code.match{background:var(--panel);padding:0 3px}.sugg{color:#2e7d32;margin-left:6px}
.hidden{display:none}
"""

_SCRIPT = """<script>
(function(){
  try {
    var charts = document.querySelectorAll("svg.chart");
    var bars = document.querySelectorAll("svg.chart rect.bar");
    var box = document.getElementById("filter");
    if (box) {
      var items = document.querySelectorAll("#worst .doc-row, #worst details.doc");
      var count = document.getElementById("filter-count");
      var apply = function(){
        var q = box.value.trim().toLowerCase(), shown = 0;
        for (var i = 0; i < items.length; i++) {
          var el = items[i];
          var hit = !q || (el.getAttribute("data-key") || "").toLowerCase().indexOf(q) >= 0
                    || (" " + (el.getAttribute("data-rules") || "").toLowerCase() + " ").indexOf(" " + q) >= 0;
          el.classList.toggle("hidden", !hit);
          if (hit && el.tagName === "TR") shown++;
        }
        count.textContent = q ? shown + " shown" : "";
      };
      box.addEventListener("input", apply);
      // report.html#filter=SPN002 opens with the filter applied (a link to share)
      var m = /^#filter=(.*)$/.exec(location.hash);
      if (m) { box.value = decodeURIComponent(m[1]); apply(); }
    }
    document.body.setAttribute("data-charts", String(charts.length));
    document.body.setAttribute("data-bars", String(bars.length));
    var hist = document.getElementById("chart-scores");
    var ok = charts.length === 3 && hist && hist.querySelectorAll("rect.bar").length === 10
             && !document.documentElement.hasAttribute("data-js-error");
    document.body.setAttribute("data-ok", ok ? "1" : "0");
  } catch (e) {
    document.documentElement.setAttribute("data-js-error", String(e));
    document.body.setAttribute("data-ok", "0");
  }
})();
</script>
"""
