"""Every registered rule (built-in or plugin) behaves as its own examples declare."""
import pytest

from lint.plugins import load_registry
from lint.rule import iter_examples
from lint.testing import example_failure

REGISTRY = load_registry()
CASES = [
    pytest.param(rule, must, ex, id=f"{code}-{'match' if must else 'clean'}-{i}")
    for code, rule in sorted(REGISTRY.rules.items())
    if not getattr(rule, "internal", False)
    for i, (must, ex) in enumerate(iter_examples(rule))
]


@pytest.mark.parametrize("rule,must_match,example", CASES)
def test_rule_example(rule, must_match, example):
    problem = example_failure(rule, must_match, example)
    assert problem is None, problem


def test_every_rule_has_metadata():
    for code, rule in REGISTRY.rules.items():
        assert rule.summary and rule.describe(), code
        assert rule.family in ("FRG", "BPL", "ENC", "SPN", "INJ", "MTA", "QLT", "UNS"), code


def test_multilingual_rules_show_three_languages():
    """A rule that covers three languages or more proves it on examples in three or more."""
    for code, rule in REGISTRY.rules.items():
        if getattr(rule, "internal", False):
            continue
        if rule.languages is None or len(rule.languages) >= 3:
            langs = {ex.lang for ex in rule.matches}
            assert len(langs) >= 3, f"{code}: must-match examples only in {sorted(langs)}"
