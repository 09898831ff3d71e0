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
