"""``--statistics``: findings counted per rule, as plain lines (shared by text reporters)."""
from __future__ import annotations


def statistics_lines(summary, rules=None) -> list[str]:
    lines = []
    for code, n in sorted(summary.by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        name = getattr((rules or {}).get(code), "name", "")
        lines.append(f"{n:>7}  {code}  {name}")
    return lines
