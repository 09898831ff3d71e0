"""The engine: runs the selected rules over one Document and turns their findings into a
result (positions, suppressions, severities, score).

It never imports a rule: rules come from the plugin registry. A rule that raises or
returns garbage becomes an UNS001 finding for that document; the other rules still run.

>>> from lint.plugins import load_registry
>>> linter = Linter(Settings(select=["FRG"]), load_registry())
>>> result = linter.lint_source(Source(path="x.txt", text="Ciao.\\n\\n\\n\\n\\nCiao."))
>>> sorted({f.rule[:3] for f in result.findings})
['FRG']
"""
from __future__ import annotations

import signal
import threading
import time
from dataclasses import dataclass, field
from typing import Iterable, Optional

from . import scoring, suppress
from .config import ConfigError, Settings
from .document import Document
from .finding import SEVERITY_RANK, Finding
from .rule import Rule
from .source import Source

INTERNAL_ERROR = "UNS001"
UNUSED_SUPPRESSION = "UNS002"
#: seconds one rule may spend on one document before it is stopped (UNS001)
DEFAULT_RULE_TIMEOUT = 30.0
#: findings kept per rule and document: garbage input (200,000 brackets) must not turn
#: into 200,000 findings; past this a document is damaged beyond doubt anyway
MAX_FINDINGS_PER_RULE = 1000


class RuleTimeout(Exception):
    """A rule ran longer than the rule timeout on one document."""


class RuleClock:
    """Stops a rule that runs too long: RuleTimeout is raised in the rule's frame.

    While a document's rules run, a periodic SIGALRM (every tenth of the time limit, at
    most once a second) compares the clock with the running rule's deadline. Starting a
    rule only stores that deadline: no system call per rule, so the clock costs nothing on
    a corpus of small documents. Python code and the ``regex`` module's matching both
    honour the signal. Outside the main thread (e.g. Dask worker threads) or without
    SIGALRM the clock does nothing.
    """

    def __init__(self) -> None:
        self.usable = hasattr(signal, "setitimer")
        self._installed = False
        #: time.monotonic() after which the running rule is stopped; None between rules
        self.deadline: Optional[float] = None

    def _on_alarm(self, signum, frame) -> None:
        if self.deadline is not None and time.monotonic() >= self.deadline:
            self.deadline = None
            raise RuleTimeout()

    def start_ticking(self, seconds: float) -> bool:
        """Start the periodic check for a time limit of ``seconds``; False when the clock
        cannot run here (then rules run unbounded)."""
        if not seconds or not self.usable or threading.current_thread() is not threading.main_thread():
            return False
        if not self._installed:
            signal.signal(signal.SIGALRM, self._on_alarm)
            self._installed = True
        tick = min(max(seconds / 10, 0.01), 1.0)
        signal.setitimer(signal.ITIMER_REAL, tick, tick)
        return True

    def stop_ticking(self) -> None:
        self.deadline = None
        if self._installed:
            signal.setitimer(signal.ITIMER_REAL, 0)


_CLOCK = RuleClock()


@dataclass
class DocResult:
    """What the run learned about one document (or the error that stopped it)."""

    path: str
    id: Optional[str] = None
    language: Optional[str] = None
    words: int = 0
    score: float = 0.0
    findings: list = field(default_factory=list)
    error: Optional[str] = None
    #: the original text, for reporters that show context (not serialised to JSON)
    text: Optional[str] = None
    #: True when a rule failed (UNS001): the run's exit code becomes 2
    internal_error: bool = False
    chars: int = 0
    fixes_applied: int = 0
    #: for corpus records: the corpus file the record came from
    file: Optional[str] = None

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "id": self.id,
            "language": self.language,
            "words": self.words,
            "score": self.score,
            "findings": [f.to_dict() for f in self.findings],
            "error": self.error,
        }


def matches_selector(code: str, selector: str) -> bool:
    return selector == "ALL" or code.startswith(selector)


def check_selectors(settings: Settings, codes: Iterable[str]) -> None:
    """Raise ConfigError for a selector that names no known rule code or prefix."""
    codes = list(codes)
    for key, selector in settings.selectors():
        if selector == "ALL":
            continue
        if not any(c.startswith(selector) for c in codes):
            raise ConfigError(f"{settings.source or 'command line'}: {key}: unknown rule code or prefix {selector!r}")


class Linter:
    """Lints sources with the rules a Settings object selects."""

    def __init__(self, settings: Settings, registry, rule_timeout: Optional[float] = None):
        self.settings = settings
        self.registry = registry
        self.rule_timeout = DEFAULT_RULE_TIMEOUT if rule_timeout is None else rule_timeout
        check_selectors(settings, registry.rules)
        self._enabled_cache: dict[tuple, list[tuple[Rule, str]]] = {}
        self._applicable_cache: dict[tuple, tuple[list, list[tuple[Rule, str]]]] = {}
        #: rule code -> the codes its findings shadow (``Rule.shadows``)
        self._shadows: dict[str, frozenset] = {
            rule.code: frozenset(rule.shadows) for rule in registry.rules.values() if getattr(rule, "shadows", ())}

    # -- selection --------------------------------------------------------------
    def enabled_rules(self, settings: Settings, path: Optional[str]) -> list[tuple[Rule, str]]:
        """(rule, severity) for every rule in force for ``path``."""
        extra_ignores = tuple(settings.ignored_for(path))  # path: the file (a corpus's file for its records)
        key = (settings.key(), extra_ignores)
        cached = self._enabled_cache.get(key)
        if cached is not None:
            return cached
        out = []
        for rule in self.registry.sorted_rules():
            if getattr(rule, "internal", False):
                continue
            if settings.select is None:
                selected = rule.default_enabled
            else:
                selected = any(matches_selector(rule.code, s) for s in settings.select)
            selected = selected or any(matches_selector(rule.code, s) for s in settings.extend_select)
            ignored = [s for s in (*settings.ignore, *extra_ignores) if matches_selector(rule.code, s)]
            if ignored:
                # an explicit full code in select beats a prefix ignore (as in ruff)
                explicit = rule.code in (settings.select or ()) or rule.code in settings.extend_select
                if not explicit or any(s == rule.code for s in ignored):
                    selected = False
            if selected:
                out.append((rule, self._severity(settings, rule)))
        self._enabled_cache[key] = out
        return out

    @staticmethod
    def _severity(settings: Settings, rule: Rule) -> str:
        best, best_len = rule.severity, -1
        for selector, sev in settings.severity.items():
            if matches_selector(rule.code, selector) and len(selector) > best_len:
                best, best_len = sev, len(selector)
        return best

    # -- linting ------------------------------------------------------------------
    def make_document(self, source: Source, settings: Settings, sup: suppress.Suppressions) -> Document:
        text = source.text
        masked = list(source.masked)
        if sup.markers:
            chars = list(text)
            for s, e in sup.markers:
                for i in range(s, e):
                    if chars[i] != "\n":
                        chars[i] = " "
                masked.append((s, e))
            text = "".join(chars)
            masked = _merge_spans(masked)
        return Document(text, path=source.path, id=source.id, lang=settings.language,
                        format=source.format, masked=masked, source=source.source_text)

    def lint_source(self, source: Source, settings: Optional[Settings] = None) -> DocResult:
        settings = settings or self.settings
        result = DocResult(path=source.path, id=source.id, error=source.error, text=source.source_text,
                           chars=len(source.source_text or ""), file=source.file)
        if source.error:
            return result
        is_markup = source.format in ("markdown", "html")
        sup = suppress.parse(source.source_text, allow_html=is_markup, allow_line=not is_markup)
        doc = self.make_document(source, settings, sup)
        findings, failed = self.run_rules(doc, self.enabled_rules(settings, source.file or source.path))
        result.internal_error = failed
        kept = []
        for f in findings:
            if f.rule != INTERNAL_ERROR and sup.regions and sup.suppresses(f.rule, f.offset):
                continue
            kept.append(f)
        for region in sup.unused():
            s, e = region.marker
            kept.append(Finding(UNUSED_SUPPRESSION, "unused-suppression", "warning",
                                f"suppression of {', '.join(region.codes) or 'every rule'} suppresses nothing",
                                s, e, doc.source[s:e], confidence=0.0))
        for f in kept:
            f.line, f.column = doc.position(f.offset)
            f.end_line, f.end_column = doc.position(f.end_offset)
        kept.sort(key=lambda f: (f.offset, f.end_offset, f.rule))
        result.findings = kept
        result.language = doc.lang
        result.words = doc.word_count
        result.score = scoring.document_score(kept, doc.word_count)
        return result

    def run_rules(self, doc: Document, rules: list[tuple[Rule, str]]) -> tuple[list[Finding], bool]:
        """Every finding of every applicable rule, validated; (findings, any rule failed)."""
        out: list[Finding] = []
        failed = False
        seen: set = set()
        n = len(doc.text)
        timeout = self.rule_timeout
        clock = _CLOCK if _CLOCK.start_ticking(timeout) else None
        monotonic = time.monotonic
        try:
            for rule, severity in self._applicable(rules, doc):
                try:
                    if clock is not None:
                        clock.deadline = monotonic() + timeout
                    produced = []
                    for f in rule.check(doc) or ():
                        produced.append(f)
                        if len(produced) >= MAX_FINDINGS_PER_RULE:
                            break
                    if clock is not None:
                        clock.deadline = None
                    for f in produced:
                        if not isinstance(f, Finding):
                            raise TypeError(f"returned {type(f).__name__}, not a Finding")
                        if not (0 <= f.offset <= f.end_offset <= n):
                            raise ValueError(f"finding offsets {f.offset}..{f.end_offset} outside the text (0..{n})")
                        if doc.is_masked(f.offset, f.end_offset):
                            continue
                        key = (f.rule, f.offset, f.end_offset)
                        if key in seen:
                            continue
                        seen.add(key)
                        f.text = doc.source[f.offset:f.end_offset]
                        if severity != rule.severity:
                            f.severity = severity
                        out.append(f)
                except RuleTimeout:
                    failed = True
                    out.append(internal_error(rule, doc, f"timed out after {timeout:g} s on this document"))
                except Exception as e:  # noqa: BLE001 - a faulty rule must not kill the run
                    if clock is not None:
                        clock.deadline = None
                    failed = True
                    out.append(internal_error(rule, doc, f"{type(e).__name__}: {e}"))
        finally:  # also on Ctrl-C: leave no alarm behind
            if clock is not None:
                clock.stop_ticking()
        if len(out) > 1:
            out = _drop_shadowed(out, self._shadows)
        return out, failed

    def _applicable(self, rules: list[tuple[Rule, str]], doc: Document) -> list[tuple[Rule, str]]:
        """The rules that apply to the languages of ``doc``, computed once per set of rules
        and languages (a corpus has few distinct sets)."""
        key = (id(rules), doc.lang, doc.languages)
        cached = self._applicable_cache.get(key)
        if cached is not None and cached[0] is rules:
            return cached[1]
        present = doc.languages | {doc.lang}
        out = [(rule, sev) for rule, sev in rules if rule.languages is None or present & set(rule.languages)]
        if len(self._applicable_cache) > 10_000:
            self._applicable_cache.clear()
        self._applicable_cache[key] = (rules, out)  # holding ``rules`` keeps its id unique
        return out


def _drop_shadowed(findings: list[Finding], shadows: dict[str, frozenset]) -> list[Finding]:
    """``findings`` without those that lie inside a finding of a rule that shadows their
    rule (see ``Rule.shadows``).

    >>> from lint.finding import Finding
    >>> enc = Finding("ENC001", "mojibake", "error", "m", 10, 30, "")
    >>> quote = Finding("FRG005", "unbalanced-quotes", "warning", "q", 12, 13, "")
    >>> later = Finding("FRG005", "unbalanced-quotes", "warning", "q", 40, 41, "")
    >>> [f.offset for f in _drop_shadowed([enc, quote, later], {"ENC001": frozenset({"FRG005"})})]
    [10, 40]
    """
    spans = [(f.offset, f.end_offset, shadows[f.rule]) for f in findings if f.rule in shadows]
    if not spans:
        return findings
    return [f for f in findings
            if not any(s <= f.offset and f.end_offset <= e and f.rule in codes for s, e, codes in spans)]


def internal_error(rule: Rule, doc: Document, why: str) -> Finding:
    plugin = f" (plugin {rule.plugin})" if rule.plugin else ""
    msg = f"rule {rule.code} {rule.name}{plugin} failed: {why}"
    return Finding(INTERNAL_ERROR, "internal-error", "error", msg.splitlines()[0][:300], 0, 0, "", confidence=0.0)


def _merge_spans(spans: list) -> list:
    out: list = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def fails(finding: Finding, settings: Settings) -> bool:
    """True when the finding's severity is at or above the failing severity."""
    return SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[settings.fail_on]
