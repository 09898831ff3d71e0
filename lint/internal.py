"""unspun's own codes (family ``UNS``): what the engine itself reports about a run.

They are registered through the same hook as every other rule, so ``unspun rules`` and
``unspun explain`` show them, and ``--ignore UNS002`` works as for any rule.
"""
from __future__ import annotations

from .hookspecs import hookimpl
from .rule import Rule


class InternalError(Rule):
    """A rule raised an exception, timed out or returned something that is not a finding
    on this document. The other rules' findings are still reported; the exit code is 2 so
    that a broken plugin is never mistaken for a clean document."""

    internal = True
    code = "UNS001"
    name = "internal-error"
    severity = "error"
    summary = "a rule failed on this document"
    confidence = 0.0

    def check(self, doc):
        return ()  # reported by the engine, never by checking text


class UnusedSuppression(Rule):
    """An inline suppression (``<!-- unspun: disable=CODE -->`` or ``unspun: ignore[CODE]``)
    that suppressed nothing. Stale suppressions hide future findings: remove them."""

    internal = True
    code = "UNS002"
    name = "unused-suppression"
    severity = "warning"
    summary = "a suppression comment suppresses nothing"
    fix_hint = "Delete the suppression comment."
    confidence = 0.0

    def check(self, doc):
        return ()  # reported by the engine after suppressions are applied


@hookimpl
def unspun_rules():
    return [InternalError, UnusedSuppression]
