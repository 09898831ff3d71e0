import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def run_cli(*args, input=None, cwd=None, env=None):
    """Run the real CLI in a subprocess: (exit code, stdout, stderr)."""
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    full_env.pop("CI", None)
    proc = subprocess.run([sys.executable, "-m", "lint", *args], input=input, capture_output=True,
                          cwd=cwd, env=full_env, timeout=300)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture
def seeds():
    folder = SHARED / "seeds"
    if not folder.is_dir():
        pytest.skip("../shared/seeds not present")
    return sorted(folder.glob("*.txt"))


def findings(code, text, lang=None, format="text"):
    """Findings of the registered rule ``code`` on ``text`` (masked spans dropped)."""
    from lint.plugins import load_registry
    from lint.testing import check_text

    return check_text(load_registry().rules[code], text, lang, format)


def texts(code, text, lang=None, format="text"):
    """The matched texts of those findings."""
    return [f.text for f in findings(code, text, lang, format)]


def clean_corpus_results(linter, lang, limit):
    """(document id, result) for the first ``limit`` clean documents of ``lang``, linted
    with ``linter``; skips the test when ../shared/corpus/clean is absent."""
    import json

    from lint.source import Source

    path = SHARED / "corpus" / "clean" / f"ud-{lang}.jsonl"
    if not path.exists():
        pytest.skip("../shared/corpus/clean not available")
    for line in path.read_text(encoding="utf-8").splitlines()[:limit]:
        d = json.loads(line)
        yield d["id"], linter.lint_source(Source(path=d["id"], text=d["text"] + "\n"))


def assert_clean_budget(linter, lang, limit, per_10k=1.0, extra=None):
    """No clean document over the gate, and warnings under ``per_10k`` per 10,000 words;
    ``extra(doc_id, result)`` may assert more per document."""
    words = warnings = 0
    for doc_id, result in clean_corpus_results(linter, lang, limit):
        words += result.words
        warnings += sum(1 for f in result.findings if f.severity != "info")
        assert result.score <= 0.5, (doc_id, [(f.rule, f.text) for f in result.findings])
        if extra is not None:
            extra(doc_id, result)
    assert 10000 * warnings / max(words, 1) < per_10k, (warnings, words)


def rule_registry(code: str, check, summary: str = "a rule made for a test"):
    """A registry holding the default rules and one more, ``code``, whose ``check(self,
    doc)`` is ``check``: for tests of how the engine and the runner treat a rule that
    hangs, fails, returns garbage or kills its process."""
    import lint
    from lint.plugins import load_registry

    rule = type(f"Rule{code}", (lint.Rule,), {
        "code": code, "name": code.lower(), "summary": summary, "check": check,
        "matches": (lint.Example("x"),), "no_matches": (lint.Example("y"),),
    })

    class Plugin:
        @lint.hookimpl
        def unspun_rules(self):
            return [rule]

    return load_registry([Plugin()], use_cache=False)
