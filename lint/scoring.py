"""The document score: how sure unspun is that a document is machine-damaged, in [0, 1].

Each finding is evidence: its confidence (0..1, set by the rule per finding) times a
severity weight (info counts little). Evidence adds up as independent signals do, in
log-odds space (``-ln(1 - p)``), minus an allowance that grows with length, so that a long
clean text with one innocent match is not gated while a short spun one is. The score is
``1 - exp(-net evidence)``.

>>> from lint.finding import Finding
>>> weak = Finding("SPN001", "x", "warning", "m", 0, 1, "a", confidence=0.3)
>>> strong = Finding("SPN002", "x", "error", "m", 0, 1, "a", confidence=0.9)
>>> document_score([weak], words=800) < 0.5 < document_score([strong, weak], words=800)
True
>>> document_score([], words=100)
0.0
"""
from __future__ import annotations

import math
from typing import Iterable

from .finding import Finding

SEVERITY_WEIGHT = {"info": 0.25, "warning": 1.0, "error": 1.0}
#: evidence forgiven per word: about one weak finding per 1,500 words
ALLOWANCE_PER_WORD = 0.25 / 1500
#: a single rule contributes at most this much evidence (one noisy rule can't gate alone
#: by repetition)
MAX_EVIDENCE_PER_RULE = 3.0


def evidence(f: Finding) -> float:
    p = min(max(f.confidence, 0.0), 0.99) * SEVERITY_WEIGHT.get(f.severity, 1.0)
    return -math.log(1.0 - p)


def document_score(findings: Iterable[Finding], words: int) -> float:
    per_rule: dict[str, float] = {}
    for f in findings:
        if f.rule.startswith("UNS"):
            continue
        per_rule[f.rule] = per_rule.get(f.rule, 0.0) + evidence(f)
    total = sum(min(v, MAX_EVIDENCE_PER_RULE) for v in per_rule.values())
    net = total - ALLOWANCE_PER_WORD * max(words, 0)
    if net <= 0:
        return 0.0
    return round(1.0 - math.exp(-net), 4)
