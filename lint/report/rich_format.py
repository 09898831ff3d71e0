"""``--format rich``: the terminal report (default on a terminal).

Findings are grouped by file; each shows its position, code, severity (in colour), the
message, the line with the span highlighted, and the suggestion. A table of findings per
rule closes the report. rich is imported only when this format is used.
"""
from __future__ import annotations

from .base import Reporter

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
MAX_LINE = 160


class RichReporter(Reporter):
    name = "rich"
    description = "colourful terminal report with context (default on a terminal)"

    def start(self) -> None:
        from rich.console import Console

        self.console = Console(file=self.stream, force_terminal=self.options.color, highlight=False,
                               soft_wrap=True, no_color=self.options.color is False)
        self._shown = 0

    def document(self, result) -> None:
        from rich.text import Text

        c = self.console
        if result.error:
            c.print(Text.assemble((result.path, "bold"), ": ", ("error", "bold red"), f": {result.error}"))
            return
        if self.options.quiet or not result.findings:
            return
        header = Text.assemble((result.path, "bold underline"))
        if result.id:
            header.append(f"  id={result.id}", style="dim")
        header.append(f"  {result.language or '?'} · {result.words} words · score {result.score:.2f}", style="dim")
        c.print(header)
        text = result.text or ""
        for f in result.findings:
            line = Text.assemble(
                (f"  {f.line}:{f.column}".ljust(10), "dim"),
                (f"{f.rule}".ljust(8), _STYLE.get(f.severity, "")),
                (f"{f.severity}".ljust(8), _STYLE.get(f.severity, "")),
                f.message,
            )
            c.print(line)
            if self.options.show_source and text:
                c.print(self._context(text, f))
            if f.suggestion is not None:
                label = {"safe": "fix", "unsafe": "unsafe fix"}.get(f.fix or "", "suggestion")
                shown = f.suggestion if f.suggestion.strip() else repr(f.suggestion)
                c.print(Text.assemble(("            ", ""), (f"{label}: ", "green"), (shown, "bold green")))
        c.print()

    @staticmethod
    def _context(text: str, f):
        from rich.text import Text

        start = text.rfind("\n", 0, f.offset) + 1
        end = text.find("\n", f.offset)
        end = len(text) if end < 0 else end
        span_end = min(max(f.end_offset, f.offset + 1), end)
        lo = max(start, f.offset - MAX_LINE // 2)
        hi = min(end, max(span_end, lo) + MAX_LINE // 2)
        out = Text("            ")
        out.append("…" if lo > start else "", style="dim")
        out.append(text[lo:f.offset].replace("\t", " "), style="dim")
        out.append(text[f.offset:span_end].replace("\t", " ") or "⏎", style="bold reverse")
        out.append(text[span_end:hi].replace("\t", " "), style="dim")
        out.append("…" if hi < end else "", style="dim")
        return out

    def finish(self, summary) -> None:
        from rich.table import Table

        c = self.console
        if summary.by_rule and (self.options.statistics or not self.options.quiet):
            rules = self.options.rules or {}
            table = Table(title="Findings by rule", title_justify="left", show_edge=False)
            table.add_column("rule")
            table.add_column("name")
            table.add_column("severity")
            table.add_column("count", justify="right")
            for code, n in sorted(summary.by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
                rule = rules.get(code)
                sev = getattr(rule, "severity", "")
                table.add_row(code, getattr(rule, "name", ""), f"[{_STYLE.get(sev, '')}]{sev}[/]", str(n))
            c.print(table)
        docs = summary.documents
        verdict = "[bold red]" if self.options.exit_code else "[bold green]"
        c.print(f"{verdict}{summary.findings} finding(s)[/] in {docs} document(s), "
                f"{summary.errors} input error(s), {summary.over_gate} over the gate ({summary.gate})"
                + (f", {summary.fixes_applied} fix(es) applied" if summary.fixes_applied else ""))
