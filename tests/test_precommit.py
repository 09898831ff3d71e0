"""The pre-commit hook, through the real `pre-commit try-repo` (slow: it builds a venv).

Runs when UNSPUN_SLOW is set (as .ci/run does) and pre-commit and git are available.
"""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.skipif(not os.environ.get("UNSPUN_SLOW"), reason="slow: set UNSPUN_SLOW=1")


def _git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_pre_commit_try_repo(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git not available")
    pre_commit = Path(sys.executable).with_name("pre-commit")
    if not pre_commit.exists():
        pytest.skip("pre-commit not installed")
    work = tmp_path / "work"
    work.mkdir()
    _git("init", "-q", cwd=work)
    (work / "clean.md").write_text("# Notes\n\nA short and clean paragraph of text.\n")
    (work / "damaged.txt").write_text("First paragraph here.\n\n\n\n\nSecond paragraph here.\n")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    env.pop("CI", None)

    def try_repo(*files):
        return subprocess.run([str(pre_commit), "try-repo", str(ROOT), "unspun", "--files", *files],
                              cwd=work, env=env, capture_output=True, text=True, timeout=900)

    ok = try_repo("clean.md")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    bad = try_repo("damaged.txt")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "FRG011" in bad.stdout
