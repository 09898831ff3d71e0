"""The Rule base class: metadata, examples and the ``check`` contract.

A rule is a class with a code, a kebab-case name, a default severity, the languages it
covers, an explanation and examples that must and must not match. Its ``check`` method
reads a shared :class:`lint.document.Document` and yields :class:`lint.finding.Finding`
objects built with :meth:`Rule.finding`.

Example (a complete rule)::

    class DoubledThe(Rule):
        '''Flags "the the".'''
        code = "XYZ001"
        name = "doubled-the"
        summary = "the article 'the' written twice"
        fix = "safe"
        matches = (Example("I saw the the cat.", covers="the the"),)
        no_matches = (Example("I saw the cat."),)

        def check(self, doc):
            for m in PATTERN.finditer(doc.text):
                yield self.finding(doc, m.start(), m.end(), "doubled 'the'", suggestion="the")
"""
from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator, Optional

import regex

from .finding import FIX_SAFETY, SEVERITIES, Finding

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document

CODE_PATTERN = regex.compile(r"[A-Z]{3}[0-9]{3}")
NAME_PATTERN = regex.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
FAMILIES = {
    "FRG": "broken fragments",
    "BPL": "boilerplate and scrape residue",
    "ENC": "encoding damage",
    "SPN": "spun text",
    "INJ": "injected content",
    "MTA": "machine-translation artifacts",
    "QLT": "corpus quality",
    "UNS": "unspun itself (internal errors, unused suppressions)",
}


@dataclass(frozen=True)
class Example:
    """A text a rule must (or must not) report, in a given language.

    ``covers``: for a must-match example, a substring of ``text`` that some finding of the
    rule must overlap (None: any finding will do).
    """

    text: str
    lang: str = "en"
    covers: Optional[str] = None
    format: str = "text"


class RuleError(Exception):
    """A rule's metadata is invalid (bad code, name, severity...)."""


class Rule:
    """Base class of every rule. Subclasses set the class attributes and ``check``."""

    code: str = ""
    name: str = ""
    severity: str = "warning"
    #: ISO 639-1 codes the rule covers; None means every language.
    languages: Optional[tuple[str, ...]] = None
    summary: str = ""
    #: Longer text: what it does, why it matters. Defaults to the class docstring.
    explanation: str = ""
    #: How to repair what the rule finds, in words.
    fix_hint: str = ""
    #: "safe", "unsafe" or None (the rule's suggestions are advice only).
    fix: Optional[str] = None
    #: Default confidence of a finding (0..1), used by the document score.
    confidence: float = 0.6
    matches: tuple[Example, ...] = ()
    no_matches: tuple[Example, ...] = ()
    #: False for rules that only run when selected explicitly (by code, prefix or ALL).
    default_enabled: bool = True
    #: Codes of rules whose findings inside one of this rule's findings are dropped: what
    #: they would report there is a symptom of this damage (ENC001's mojibake holds stray
    #: quotation marks and control characters), reported once, by this rule.
    shadows: tuple[str, ...] = ()
    #: The plugin that registered the rule (filled in by the plugin manager).
    plugin: str = ""

    # -- metadata -------------------------------------------------------------
    @property
    def family(self) -> str:
        return self.code[:3]

    def describe(self) -> str:
        text = self.explanation or inspect.getdoc(type(self)) or ""
        return text.strip()

    def applies_to(self, lang: Optional[str]) -> bool:
        return self.languages is None or lang in self.languages

    @classmethod
    def validate(cls) -> None:
        """Raise RuleError when the class's metadata is unusable."""
        where = f"{cls.__module__}.{cls.__qualname__}"
        if not CODE_PATTERN.fullmatch(cls.code or ""):
            raise RuleError(f"{where}: code {cls.code!r} is not three capitals and three digits")
        if not NAME_PATTERN.fullmatch(cls.name or ""):
            raise RuleError(f"{where}: name {cls.name!r} is not kebab-case")
        if cls.severity not in SEVERITIES:
            raise RuleError(f"{where}: severity {cls.severity!r} not one of {SEVERITIES}")
        if cls.fix is not None and cls.fix not in FIX_SAFETY:
            raise RuleError(f"{where}: fix {cls.fix!r} not one of {FIX_SAFETY} or None")
        if not cls.summary:
            raise RuleError(f"{where}: a rule needs a one-line summary")
        if not cls.matches or not cls.no_matches:
            raise RuleError(f"{where}: a rule needs examples that must and must not match")

    # -- checking -------------------------------------------------------------
    def check(self, doc: "Document") -> Iterable[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError

    def finding(
        self,
        doc: "Document",
        start: int,
        end: int,
        message: str,
        suggestion: Optional[str] = None,
        fix: Optional[str] = "default",
        confidence: Optional[float] = None,
        severity: Optional[str] = None,
    ) -> Finding:
        """Build a finding for ``doc.text[start:end]``.

        ``fix`` defaults to the rule's own fix safety when a suggestion is given.
        """
        if fix == "default":
            fix = self.fix if suggestion is not None else None
        return Finding(
            rule=self.code,
            name=self.name,
            severity=severity or self.severity,
            message=message,
            offset=start,
            end_offset=end,
            text=doc.text[start:end],
            suggestion=suggestion,
            fix=fix,
            confidence=self.confidence if confidence is None else confidence,
        )


def iter_examples(rule: Rule) -> Iterator[tuple[bool, Example]]:
    """Every example of a rule as (must_match, example)."""
    for ex in rule.matches:
        yield True, ex
    for ex in rule.no_matches:
        yield False, ex
