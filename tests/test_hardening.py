"""Hostile and broken input: every case is a one-line error naming the input, exit code 2,
and every other input still linted; fuzzed text never crashes a rule or a format; no rule
runs away on adversarial input."""
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import rule_registry, run_cli
from lint.config import Settings
from lint.engine import Linter
from lint.plugins import load_registry
from lint.report.base import ReportOptions
from lint.runner import Summary
from lint.source import Source

GOOD = "A good paragraph.\n\n\n\n\nAnother paragraph.\n"
REGISTRY = load_registry()


def _lint_dir(tmp_path, *extra):
    (tmp_path / "zz_good.txt").write_text(GOOD)
    code, out, err = run_cli("check", "--format", "json", *extra, str(tmp_path))
    report = json.loads(out)
    files = {Path(f["path"]).name: f for f in report["files"]}
    assert files["zz_good.txt"]["findings"], "the good file is still linted"
    return code, files, err


@pytest.mark.parametrize("name,data,why", [
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" * 20, "binary"),
    ("archive.txt", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 4, "binary"),
    ("latin1.txt", "déjà vu, ça va".encode("latin-1"), "not valid UTF-8"),
    ("utf16-nobom.txt", "plain text here".encode("utf-16-le"), "without a BOM"),
    ("utf32-nobom.txt", "plain text here".encode("utf-32-le"), "without a BOM"),
])
def test_undecodable_inputs(tmp_path, name, data, why):
    (tmp_path / name).write_bytes(data)
    code, files, err = _lint_dir(tmp_path)
    assert code == 2
    assert why in files[name]["error"]
    lines = [l for l in err.splitlines() if l]
    assert len(lines) == 1 and name in lines[0] and "Traceback" not in err


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-8-sig"])
def test_bom_encodings_are_read(tmp_path, encoding):
    (tmp_path / "a.txt").write_bytes(GOOD.encode(encoding))
    code, files, err = _lint_dir(tmp_path)
    assert files["a.txt"]["error"] is None and files["a.txt"]["findings"]
    f = files["a.txt"]["findings"][0]
    assert GOOD[f["offset"]:f["end_offset"]] == f["text"]  # offsets into the decoded text, BOM dropped


def test_empty_and_nul(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "nul.txt").write_bytes(b"Some text\x00 with a NUL byte.\n")
    code, files, err = _lint_dir(tmp_path)
    assert files["empty.txt"]["error"] is None and files["empty.txt"]["findings"] == []
    assert files["nul.txt"]["error"] is None


def test_huge_file_is_skipped_with_a_message(tmp_path):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as fh:  # 200 MB, no newline: sparse, so cheap to create
        fh.truncate(200 * 1024 * 1024)
    code, files, err = _lint_dir(tmp_path)
    assert code == 2 and "max-file-size" in files["huge.txt"]["error"]
    (tmp_path / "long.txt").write_text("word " * 400_000)  # 2 MB on one line: linted
    code, files, err = _lint_dir(tmp_path, "--max-file-size", str(64 * 1024 * 1024))
    assert files["long.txt"]["error"] is None


def test_unreadable_file(tmp_path, monkeypatch, capsys):
    from lint.cli import _main

    (tmp_path / "secret.txt").write_text("x")
    (tmp_path / "zz_good.txt").write_text(GOOD)
    real_open = open

    def fake_open(path, *a, **k):
        if str(path).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *a, **k)

    monkeypatch.setattr("builtins.open", fake_open)
    code = _main(["check", "--format", "json", "--jobs", "1", str(tmp_path)])
    out, err = capsys.readouterr()
    files = {Path(f["path"]).name: f for f in json.loads(out)["files"]}
    assert code == 2 and files["secret.txt"]["error"] == "Permission denied"
    assert files["zz_good.txt"]["findings"]
    assert "secret.txt: Permission denied" in err


def test_links_folders_and_odd_names(tmp_path):
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "broken.txt")
    (tmp_path / "loop").mkdir()
    os.symlink(tmp_path / "loop", tmp_path / "loop" / "again")
    (tmp_path / "x.txt").mkdir()  # a folder with a file's name
    (tmp_path / "x.txt" / "inner.txt").write_text(GOOD)
    for odd in ("space name.txt", "ünï çødé.txt", "new\nline.txt", "-dash.txt"):
        (tmp_path / odd).write_text(GOOD)
    code, files, err = _lint_dir(tmp_path)
    assert code == 2 and files["broken.txt"]["error"] == "broken symbolic link"
    for odd in ("inner.txt", "space name.txt", "ünï çødé.txt", "new\nline.txt", "-dash.txt"):
        assert files[odd]["findings"], odd
    assert len([l for l in err.splitlines() if l.startswith("unspun: error")]) == 1


def test_explicit_folder_named_like_a_file(tmp_path):
    (tmp_path / "d.txt").mkdir()
    (tmp_path / "d.txt" / "a.txt").write_text(GOOD)
    code, out, err = run_cli("check", str(tmp_path / "d.txt"))
    assert code == 1 and "a.txt" in out


def test_bad_configuration_messages(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    cases = {
        'max-score = "high"\n': "must be a float",
        'select = "FRG"\n': "must be a list",
        '[severity]\nFRG = "fatal"\n': "severity.FRG",
        'fail-on = "sometimes"\n': "fail-on",
        'max-score = 3\n': "between 0 and 1",
        'ignore = ["QQQ"]\n': "QQQ",
        'select = [1, 2]\n': "list of strings",
    }
    for body, expected in cases.items():
        (tmp_path / "unspun.toml").write_text(body)
        code, out, err = run_cli("check", str(tmp_path / "a.txt"))
        assert code == 2, body
        assert expected in err and err.count("\n") == 1 and "Traceback" not in err, (body, err)


def test_ctrl_c_exits_130_without_partial_output(tmp_path):
    # ~30 MB: far more than a run can lint in the 2 s before the interrupt
    for i in range(300):
        (tmp_path / f"f{i:04d}.txt").write_text((GOOD + "Some more words in a sentence. ") * 1500)
    out = tmp_path / "report.json"
    proc = subprocess.Popen([sys.executable, "-m", "lint", "check", "--format", "json", "-o", str(out),
                             "--jobs", "2", str(tmp_path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(2.0)
    assert proc.poll() is None, "the run ended before the interrupt: make the input bigger"
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr.decode()[-2000:]
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".unspun-")]
    assert b"Traceback" not in stderr



def test_ctrl_c_during_parallel_filter_leaves_no_output_and_no_process(tmp_path):
    # the workers are killed, the outputs are not written, no temporary file stays
    corpus = tmp_path / "c.jsonl"
    line = json.dumps({"text": (GOOD + "Some more words in a sentence. ") * 60}) + "\n"
    corpus.write_text(line * 20000)
    keep, reject = tmp_path / "keep.jsonl", tmp_path / "reject.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "lint", "filter", str(corpus), "--keep", str(keep),
                             "--reject", str(reject), "--jobs", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(2.5)
    assert proc.poll() is None, "the run ended before the interrupt: make the input bigger"
    children = _children(proc.pid)
    assert children, "no worker process was started"
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr.decode()[-2000:]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.jsonl"]
    assert b"Traceback" not in stderr
    deadline = time.time() + 10
    while time.time() < deadline and any(os.path.exists(f"/proc/{pid}") for pid in children):
        time.sleep(0.1)
    assert not [pid for pid in children if os.path.exists(f"/proc/{pid}")], "a worker outlived the run"


def _children(pid: int) -> list[int]:
    """The child processes of ``pid`` (Linux /proc)."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            return [int(c) for c in fh.read().split()]
    except OSError:  # pragma: no cover - not Linux
        pytest.skip("needs /proc")


# -- fuzzing --------------------------------------------------------------------------

LINTER = Linter(Settings(select=["ALL"]), REGISTRY, rule_timeout=60)
alphabet = st.characters(blacklist_categories=("Cs",))  # every plane, combining marks, RTL, emoji
fuzz_text = st.one_of(
    st.text(alphabet=alphabet, max_size=300),
    st.lists(st.sampled_from(["the", "The", "a", "“", "”", "«", "»", "\n", "\n\n", " ", ".", ",",
                              "说:", "”", "–", "-", "北京", "İstanbul", "é", "\u0301", "\u200b",
                              "\u202e", "&amp;", "Ã©", "\ufffd", "KazakistanHanno", "told you",
                              "wade household", "he quips her", "(AP)", "\t", "🙂", "👩‍👩‍👧"]),
             max_size=80).map("".join),
)


def _check_invariants(text, result):
    assert not result.internal_error, [f.message for f in result.findings if f.rule == "UNS001"]
    lines = text.split("\n")
    starts = [0]
    for l in lines[:-1]:
        starts.append(starts[-1] + len(l) + 1)
    for f in result.findings:
        assert 0 <= f.offset <= f.end_offset <= len(text), f
        assert text[f.offset:f.end_offset] == f.text, f
        assert starts[f.line - 1] + f.column - 1 == f.offset, f
        assert starts[f.end_line - 1] + f.end_column - 1 == f.end_offset, f


@given(fuzz_text, st.sampled_from([None, "en", "it", "zh", "de", "tr", "ru", "ja"]))
@settings(max_examples=int(os.environ.get("UNSPUN_FUZZ_EXAMPLES", "150")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
def test_fuzz_every_rule(text, lang):
    result = LINTER.lint_source(Source(path="fuzz.txt", text=text), Settings(select=["ALL"], language=lang))
    _check_invariants(text, result)
    md = Linter(Settings(select=["ALL"]), REGISTRY).lint_source(_markdown_source(text))
    _check_invariants(text, md)
    for name, cls in REGISTRY.reporters.items():
        stream = io.StringIO()
        rep = cls(stream, ReportOptions(rules=REGISTRY.rules, color=False))
        rep.start()
        rep.document(result)
        summary = Summary()
        summary.add(result, LINTER.settings, lambda f, s: True)
        rep.finish(summary)
        if name in ("json", "sarif"):
            json.loads(stream.getvalue())
        elif name == "jsonl":
            [json.loads(l) for l in stream.getvalue().splitlines()]


def _markdown_source(text):
    from lint.extract.markdown import mask_markdown

    masked, spans = mask_markdown(text)
    return Source(path="fuzz.md", text=masked, masked=spans, original=text, format="markdown")


# -- runaway patterns -------------------------------------------------------------------

SIZE = 256 * 1024
ADVERSARIAL = {
    "one-char": "a" * SIZE,
    "capitals": "A" * SIZE,
    "quotes": "“" * (SIZE // 2) + "\"" * (SIZE // 2),
    "hyphens": "-" * SIZE,
    "dots": "." * SIZE,
    "words-no-space": "AbcDef" * (SIZE // 6),
    "spaces": " " * SIZE,
    "newlines": "\n" * SIZE,
    "cjk": "说:”" * (SIZE // 3),
    "mixed": ("Ab. “x” (y) – " * (SIZE // 14)),
}


@pytest.mark.parametrize("kind", sorted(ADVERSARIAL))
def test_no_rule_runs_away(kind):
    text = ADVERSARIAL[kind]
    linter = Linter(Settings(select=["ALL"]), REGISTRY, rule_timeout=20)
    for lang in ("en", "zh"):
        t = time.perf_counter()
        result = linter.lint_source(Source(path=f"{kind}.txt", text=text), Settings(select=["ALL"], language=lang))
        slow = [f.message for f in result.findings if f.rule == "UNS001"]
        assert not slow, slow
        assert time.perf_counter() - t < 120


def test_hanging_rule_is_stopped():
    def check(self, doc):
        while True:
            pass

    linter = Linter(Settings(select=["HNG"]), rule_registry("HNG001", check), rule_timeout=0.5)
    result = linter.lint_source(Source(path="h.txt", text="text"))
    assert result.internal_error
    assert "timed out" in result.findings[0].message and "HNG001" in result.findings[0].message


def test_rule_stuck_in_a_regex_match_is_stopped():
    # the timer's signal is handled during a long `re` match (the engine checks for
    # signals while it backtracks), so a catastrophic pattern ends in UNS001, not a hang
    import re

    def check(self, doc):
        re.match(r"(a+)+$", "a" * 40 + "b")
        return ()

    t = time.perf_counter()
    linter = Linter(Settings(select=["BTK"]), rule_registry("BTK001", check), rule_timeout=0.5)
    result = linter.lint_source(Source(path="b.txt", text="x"))
    assert result.internal_error and "timed out" in result.findings[0].message
    assert time.perf_counter() - t < 30


@pytest.mark.parametrize("garbage", ["a string", 42, None, "bad-offsets"])
def test_rule_returning_garbage_is_isolated(garbage):
    def check(self, doc):
        if garbage == "bad-offsets":
            return [self.finding(doc, 5, 99999, "past the end")]
        return [garbage]

    linter = Linter(Settings(select=["GRB", "FRG011"]), rule_registry("GRB001", check))
    result = linter.lint_source(Source(path="g.txt", text=GOOD))
    assert result.internal_error
    rules = [f.rule for f in result.findings]
    assert "UNS001" in rules and "FRG011" in rules  # the other rules still ran
    assert any("GRB001" in f.message for f in result.findings if f.rule == "UNS001")
