"""Fixes never lose data: property tests on apply_fixes and on real files through the CLI."""
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SHARED, run_cli
from lint.cli import _main
from lint.finding import Finding
from lint.fix import apply_fixes, encode_like

# -- apply_fixes: properties -------------------------------------------------------------

texts = st.text(alphabet=st.sampled_from(list("ab \n\n\n.xé北")), min_size=0, max_size=60)


@st.composite
def text_and_fixes(draw):
    text = draw(texts)
    n = draw(st.integers(0, 6))
    fixes = []
    for i in range(n):
        a = draw(st.integers(0, len(text)))
        b = draw(st.integers(a, len(text)))
        fixes.append(Finding(f"TST00{i}", "t", "warning", "m", a, b, text[a:b],
                             suggestion=draw(st.text(alphabet="xyz", max_size=3)),
                             fix=draw(st.sampled_from(["safe", "unsafe"]))))
    return text, fixes


@given(text_and_fixes(), st.booleans())
@settings(max_examples=300, deadline=None)
def test_only_fixed_spans_change(case, unsafe):
    text, fixes = case
    new, applied, skipped = apply_fixes(text, fixes, unsafe=unsafe)
    # rebuild the expectation from the fixes that were applied: every byte outside them is kept
    taken = []
    for f in sorted((f for f in fixes if f.fix == "safe" or unsafe), key=lambda f: (f.offset, f.end_offset, f.rule, f.suggestion)):
        if f.suggestion == f.text:
            continue
        if taken and (f.offset < taken[-1].end_offset or f.offset == taken[-1].end_offset == taken[-1].offset):
            continue
        taken.append(f)
    assert applied == len(taken)
    pos, parts = 0, []
    for f in taken:
        assert text[pos:f.offset] in new  # untouched text survives
        parts += [text[pos:f.offset], f.suggestion]
        pos = f.end_offset
    parts.append(text[pos:])
    assert new == "".join(parts)
    if not unsafe:
        assert skipped["unsafe"] == sum(1 for f in fixes if f.fix == "unsafe")


@given(text_and_fixes())
@settings(max_examples=100, deadline=None)
def test_deterministic_order(case):
    text, fixes = case
    assert apply_fixes(text, fixes, True) == apply_fixes(text, list(reversed(fixes)), True)


@given(st.text(max_size=40), st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]))
def test_encode_like_round_trips(text, bom):
    from lint.source import decode

    # no lone surrogates in decoded files; NUL-heavy data is refused as binary by design
    # (and a UTF-16 text that starts with U+0000 is indistinguishable from UTF-32 by its BOM)
    text = text.replace("\ud800", "").replace("\x00", "")
    enc = {b"": "utf-8", b"\xef\xbb\xbf": "utf-8", b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}[bom]
    try:
        original = bom + "x".encode(enc)
        data = encode_like(original, text)
    except UnicodeEncodeError:
        return
    assert data.startswith(bom)
    assert decode(data).text == text


# -- the CLI on real files ---------------------------------------------------------------

blocks = st.lists(st.sampled_from(["Alpha beta.", "Gamma delta", "  ", "", "Epsilon.", "x"]), min_size=1, max_size=12)
newlines = st.sampled_from(["\n", "\r\n"])
boms = st.sampled_from([b"", b"\xef\xbb\xbf"])


@given(blocks, newlines, boms)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_fix_is_idempotent_and_keeps_format(tmp_path, lines, nl, bom):
    path = tmp_path / "doc.txt"
    text = nl.join(lines) + nl
    data = bom + text.encode("utf-8")
    path.write_bytes(data)
    os.chmod(path, 0o640)
    assert _main(["check", "--fix", "--exit-zero", "-q", "--format", "concise", str(path)]) in (0, 1)
    once = path.read_bytes()
    assert once.startswith(bom)
    decoded = once[len(bom):].decode("utf-8")  # still valid UTF-8
    if nl == "\r\n":
        assert "\n" not in decoded.replace("\r\n", "")  # newline style kept
    assert os.stat(path).st_mode & 0o777 == 0o640
    # only blank-line runs were touched: the non-blank lines are identical and in order
    assert [l for l in decoded.split(nl) if l.strip()] == [l for l in text.split(nl) if l.strip()]
    _main(["check", "--fix", "--exit-zero", "-q", "--format", "concise", str(path)])
    assert path.read_bytes() == once


def test_diff_writes_nothing(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("One.\n\n\n\n\nTwo.\n")
    before = path.read_bytes()
    _main(["check", "--diff", str(path)])
    out = capsys.readouterr().out
    assert path.read_bytes() == before
    assert "-\n" in out and out.startswith("--- a/")


def test_fix_stdin_writes_fixed_text():
    code, out, err = run_cli("check", "--fix", "-", input=b"One.\n\n\n\n\nTwo.\n")
    assert out == "One.\n\nTwo.\n"
    assert "applied 1 fix" in err


def test_markdown_fix_never_touches_code(tmp_path):
    md = "Text.\n\n\n\n\nMore.\n\n```\ncode\n\n\n\n\nend\n```\n"
    path = tmp_path / "a.md"
    path.write_text(md)
    _main(["check", "--fix", "-q", "--exit-zero", str(path)])
    assert path.read_text() == "Text.\n\nMore.\n\n```\ncode\n\n\n\n\nend\n```\n"


def test_failed_write_leaves_original(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text("One.\n\n\n\n\nTwo.\n")
    before = path.read_bytes()

    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        _main(["check", "--fix", str(path)])
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]  # no temporary file left


def test_kill_during_fix_leaves_a_whole_file(tmp_path):
    path = tmp_path / "big.txt"
    unit = "A line of text.\n\n\n\n\nAnother line.\n"
    path.write_text(unit * 60000)
    before = path.read_bytes()
    fixed = ("A line of text.\n\nAnother line.\n" * 60000).encode()
    proc = subprocess.Popen([sys.executable, "-m", "lint", "check", "--fix", "-q", "--format", "concise",
                             "--no-progress", str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert path.read_bytes() in (before, fixed)


def test_seed_safe_fixes_repaired(tmp_path, seeds):
    for s in seeds:
        shutil.copy(s, tmp_path / s.name)
    code, out, _ = run_cli("check", "--format", "json", str(tmp_path))
    import json

    before = json.loads(out)
    safe_before = sum(1 for f in before["files"] for x in f["findings"] if x["fix"] == "safe")
    assert safe_before > 0
    run_cli("check", "--fix", "--exit-zero", str(tmp_path))
    code, out, _ = run_cli("check", "--format", "json", str(tmp_path))
    after = json.loads(out)
    safe_after = sum(1 for f in after["files"] for x in f["findings"] if x["fix"] == "safe")
    assert safe_after == 0
