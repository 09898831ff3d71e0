"""Helpers for testing rules: lint a string with one rule, check a rule's examples.

>>> from lint.internal import UnusedSuppression
>>> check_text(UnusedSuppression(), "anything")
[]
"""
from __future__ import annotations

from typing import Optional

from .document import Document
from .finding import Finding
from .rule import Example, Rule


def make_document(text: str, lang: Optional[str] = None, format: str = "text") -> Document:
    """A Document for ``text`` as the engine would build it (Markdown is extracted)."""
    if format == "markdown":
        from .extract.markdown import mask_markdown

        masked_text, masked = mask_markdown(text)
        return Document(masked_text, lang=lang, format=format, masked=masked, source=text)
    from .extract.base import blank_spans, mask_urls

    masked_text, masked = blank_spans(text, mask_urls(text))
    return Document(masked_text, lang=lang, format=format, masked=masked, source=text)


def check_text(rule: Rule, text: str, lang: Optional[str] = None, format: str = "text") -> list[Finding]:
    """Findings of one rule on ``text`` (masked spans dropped, as in a real run)."""
    doc = make_document(text, lang, format)
    if rule.languages is not None and not (doc.languages & set(rule.languages)):
        return []
    return [f for f in rule.check(doc) or () if not doc.is_masked(f.offset, f.end_offset)]


def example_failure(rule: Rule, must_match: bool, example: Example) -> Optional[str]:
    """None when the example behaves as declared; otherwise why not."""
    findings = check_text(rule, example.text, example.lang, example.format)
    for f in findings:
        assert example.text[f.offset:f.end_offset] == f.text, "finding text does not match its offsets"
    if must_match:
        if not findings:
            return f"{rule.code} found nothing in must-match example {example.text!r} ({example.lang})"
        if example.covers is not None:
            start = example.text.find(example.covers)
            if start < 0:
                return f"{rule.code}: 'covers' {example.covers!r} is not in the example text"
            end = start + len(example.covers)
            if not any(f.offset < end and max(f.end_offset, f.offset + 1) > start for f in findings):
                got = [f.text for f in findings]
                return f"{rule.code}: no finding covers {example.covers!r} in {example.text!r}; got {got}"
        return None
    if findings:
        got = [(f.text, f.message) for f in findings]
        return f"{rule.code} reported must-not-match example {example.text!r} ({example.lang}): {got}"
    return None
