"""``--format sarif``: SARIF 2.1.0, for code-scanning dashboards (GitHub, GitLab, Azure).

Columns are Unicode code points (``columnKind: unicodeCodePoints``), as everywhere in
unspun. Findings stream out as results; the rule table is written after them (JSON key
order is free), so memory stays flat. Input errors become tool execution notifications.
Corpus records (``FILE:LINE``) point at the file, with the record in ``properties``.
"""
from __future__ import annotations

import json
from urllib.parse import quote

from .base import Reporter

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    return quote(path.replace("\\", "/"), safe="/._-~")


def _split_record(path: str, file_hint):
    if file_hint:
        return file_hint, path[len(file_hint) + 1:] if path.startswith(file_hint + ":") else None
    return path, None


class SarifReporter(Reporter):
    name = "sarif"
    description = "SARIF 2.1.0 log"

    def start(self) -> None:
        self.write('{"$schema": "%s", "version": "2.1.0", "runs": [{"columnKind": "unicodeCodePoints", "results": [' % SCHEMA)
        self._first = True
        self._errors = []
        self._codes = {}

    def document(self, result) -> None:
        if result.error:
            self._errors.append((result.path, result.error))
            return
        file, record = _split_record(result.path, getattr(result, "file", None))
        for f in result.findings:
            self._codes.setdefault(f.rule, None)
            region = {
                "startLine": f.line, "startColumn": f.column,
                "endLine": f.end_line, "endColumn": max(f.end_column, f.column),
                "charOffset": f.offset, "charLength": f.end_offset - f.offset,
                "snippet": {"text": f.text},
            }
            res = {
                "ruleId": f.rule,
                "level": _LEVEL.get(f.severity, "warning"),
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(file)}, "region": region}}],
            }
            props = {}
            if f.suggestion is not None:
                props["suggestion"] = f.suggestion
                props["fix"] = f.fix
            if record is not None:
                props["record"] = record
                props["id"] = result.id
            if props:
                res["properties"] = props
            self.write(("\n" if self._first else ",\n") + json.dumps(res, ensure_ascii=False))
            self._first = False

    def finish(self, summary) -> None:
        rules = self.options.rules or {}
        driver_rules = []
        for code in sorted(set(self._codes) | set(rules)):
            rule = rules.get(code)
            if rule is None:
                driver_rules.append({"id": code})
                continue
            driver_rules.append({
                "id": code,
                "name": rule.name,
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": rule.describe() or rule.summary},
                "help": {"text": rule.fix_hint or rule.summary},
                "defaultConfiguration": {"level": _LEVEL.get(rule.severity, "warning")},
                "properties": {"family": rule.family, "languages": list(rule.languages or ["*"])},
            })
        notifications = [
            {"level": "error", "message": {"text": f"{path}: {err}"},
             "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(path)}}}]}
            for path, err in self._errors
        ]
        tail = {
            "tool": {"driver": {"name": "unspun", "version": self.options.version,
                                "informationUri": "https://pypi.org/project/unspun/", "rules": driver_rules}},
            "invocations": [{"executionSuccessful": not self._errors and self.options.exit_code != 2,
                             "toolExecutionNotifications": notifications}],
        }
        body = json.dumps(tail, ensure_ascii=False)[1:-1]
        self.write("\n], " + body + "}]}\n")
