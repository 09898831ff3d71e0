"""The command line end to end: formats, exit codes, config, suppressions, plugins."""
import json
import os
import textwrap
from pathlib import Path

import jsonschema
import pytest

from conftest import ROOT, SHARED

SCHEMA = json.loads((ROOT / "tests" / "schemas" / "report.schema.json").read_text())
DAMAGED = "First paragraph here.\n\n\n\n\nSecond paragraph here.\n"
CLEAN = "A short clean text.\n\nIt has two paragraphs.\n"


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "bad.txt").write_text(DAMAGED, encoding="utf-8")
    (tmp_path / "good.txt").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def test_exit_codes(cli, tree):
    assert cli("check", str(tree / "good.txt"))[0] == 0
    assert cli("check", str(tree / "bad.txt"))[0] == 1
    assert cli("check", "--exit-zero", str(tree / "bad.txt"))[0] == 0
    code, out, err = cli("check", str(tree / "good.txt"), str(tree / "missing.txt"), str(tree / "bad.txt"))
    assert code == 2
    assert "missing.txt" in err and "No such file" in err
    assert "bad.txt:5:1" not in err and "bad.txt" in out  # the other inputs are still linted


def test_fail_on_and_info(cli, tree):
    assert cli("check", "--fail-on", "error", str(tree / "bad.txt"))[0] == 0


def test_json_matches_schema_and_offsets(cli, tree):
    code, out, _ = cli("check", "--format", "json", str(tree))
    report = json.loads(out)
    jsonschema.validate(report, SCHEMA)
    assert report["summary"]["files"] == 2
    bad = next(f for f in report["files"] if f["path"].endswith("bad.txt"))
    text = (tree / "bad.txt").read_text(encoding="utf-8")
    assert bad["findings"], "the damaged file has findings"
    for f in bad["findings"]:
        assert text[f["offset"]:f["end_offset"]] == f["text"]


def test_seeds_json_schema_and_offsets(cli, seeds):
    code, out, err = cli("check", "--format", "json", *map(str, seeds))
    assert code in (0, 1), err
    report = json.loads(out)
    jsonschema.validate(report, SCHEMA)
    for entry in report["files"]:
        text = Path(entry["path"]).read_text(encoding="utf-8")
        for f in entry["findings"]:
            assert text[f["offset"]:f["end_offset"]] == f["text"], f
            lines = text.split("\n")
            assert f["line"] >= 1 and f["column"] == f["offset"] - sum(len(l) + 1 for l in lines[: f["line"] - 1]) + 1


def test_sarif_is_valid(cli, tree):
    schema_path = SHARED / "schemas" / "sarif-schema-2.1.0.json"
    if not schema_path.exists():
        pytest.skip("no SARIF schema in ../shared")
    code, out, _ = cli("check", "--format", "sarif", str(tree), str(tree / "missing.txt"))
    log = json.loads(out)
    jsonschema.validate(log, json.loads(schema_path.read_text()))
    run = log["runs"][0]
    assert run["results"] and run["results"][0]["ruleId"] == "FRG011"
    assert any("missing.txt" in n["message"]["text"] for n in run["invocations"][0]["toolExecutionNotifications"])


def test_other_formats(cli, tree):
    bad = str(tree / "bad.txt")
    code, out, _ = cli("check", "--format", "concise", bad)
    assert out.splitlines()[0].startswith(f"{bad}:1:22: FRG011 ")
    code, out, _ = cli("check", "--format", "jsonl", bad)
    rows = [json.loads(l) for l in out.splitlines()]
    assert rows and rows[0]["path"] == bad and rows[0]["rule"] == "FRG011"
    code, out, _ = cli("check", "--format", "github", bad)
    assert out.startswith(f"::warning file={bad},line=1,col=22,")
    code, out, _ = cli("check", "--format", "rich", "--color", "never", bad)
    assert "FRG011" in out and "blank-line-run" in out
    code, out, _ = cli("check", "--statistics", bad)
    assert "FRG011" in out.splitlines()[-1]
    assert cli("check", "--format", "nope", bad)[0] == 2


def test_stdin(cli):
    code, out, _ = cli("check", "--format", "json", "-", input=DAMAGED.encode())
    report = json.loads(out)
    assert code == 1 and report["files"][0]["path"] == "-"
    code, out, _ = cli("check", "--stdin-filename", "doc.md", "-", input=b"Text with `code`.\n")
    assert code == 0


def test_undecodable_and_utf16(cli, tmp_path):
    (tmp_path / "latin1.txt").write_bytes("caf\xe9 au lait".encode("latin-1"))
    (tmp_path / "u16.txt").write_bytes(DAMAGED.encode("utf-16"))
    code, out, err = cli("check", "--format", "json", str(tmp_path))
    report = json.loads(out)
    by_name = {Path(f["path"]).name: f for f in report["files"]}
    assert code == 2
    assert "not valid UTF-8" in by_name["latin1.txt"]["error"]
    assert by_name["u16.txt"]["findings"][0]["rule"] == "FRG011"
    assert err.count("\n") == 1 and "latin1.txt" in err


def test_markdown_positions_and_code_skipped(cli, tmp_path):
    md = textwrap.dedent("""\
        ---
        title: x
        ---
        # Title

        ```
        code



        more code
        ```

        Text <!-- c --> with `inline` code.




        End.
        """)
    (tmp_path / "doc.md").write_text(md, encoding="utf-8")
    code, out, _ = cli("check", "--format", "json", str(tmp_path / "doc.md"))
    findings = json.loads(out)["files"][0]["findings"]
    assert len(findings) == 1  # the blank lines in the fence are code, not prose
    f = findings[0]
    assert md[f["offset"]:f["end_offset"]] == f["text"] and f["line"] == 14


def test_suppressions(cli, tmp_path):
    md = "Intro.\n\n<!-- unspun: disable=FRG011 -->\nA.\n\n\n\nB.\n<!-- unspun: enable -->\n\nC.\n\n\n\nD.\n"
    (tmp_path / "s.md").write_text(md, encoding="utf-8")
    code, out, _ = cli("check", "--format", "json", str(tmp_path / "s.md"))
    rules = [f["rule"] for f in json.loads(out)["files"][0]["findings"]]
    assert rules == ["FRG011"]  # only the unsuppressed run
    (tmp_path / "u.md").write_text("<!-- unspun: disable=FRG011 -->\nNothing here.\n", encoding="utf-8")
    code, out, _ = cli("check", "--format", "json", str(tmp_path / "u.md"))
    assert [f["rule"] for f in json.loads(out)["files"][0]["findings"]] == ["UNS002"]
    (tmp_path / "p.txt").write_text("Line.\n\n\n\nNext. unspun: ignore[FRG011]\n", encoding="utf-8")
    code, out, _ = cli("check", "--format", "json", str(tmp_path / "p.txt"))
    assert [f["rule"] for f in json.loads(out)["files"][0]["findings"]] == ["FRG011", "UNS002"]


def test_config_discovery_and_errors(cli, tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "bad.txt").write_text(DAMAGED, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.unspun]\nignore = ["FRG011"]\n', encoding="utf-8")
    assert cli("check", str(tmp_path / "sub" / "bad.txt"))[0] == 0
    # closest config wins
    (tmp_path / "sub" / "unspun.toml").write_text('select = ["FRG"]\n', encoding="utf-8")
    assert cli("check", str(tmp_path / "sub" / "bad.txt"))[0] == 1
    code, out, _ = cli("show-config", str(tmp_path / "sub" / "bad.txt"))
    assert json.loads(out)["select"] == ["FRG"]
    (tmp_path / "sub" / "unspun.toml").write_text('selct = ["FRG"]\n', encoding="utf-8")
    code, _, err = cli("check", str(tmp_path / "sub" / "bad.txt"))
    assert code == 2 and "selct" in err and "select" in err
    (tmp_path / "sub" / "unspun.toml").write_text('select = ["XYZ9"]\n', encoding="utf-8")
    code, _, err = cli("check", str(tmp_path / "sub" / "bad.txt"))
    assert code == 2 and "XYZ9" in err
    (tmp_path / "sub" / "unspun.toml").write_text('select = [\n', encoding="utf-8")
    code, _, err = cli("check", str(tmp_path / "sub" / "bad.txt"))
    assert code == 2 and "malformed TOML" in err
    assert cli("check", "--select", "NOPE", str(tmp_path))[0] == 2


def test_per_file_ignores_and_severity(cli, tmp_path):
    (tmp_path / "a.txt").write_text(DAMAGED, encoding="utf-8")
    (tmp_path / "b.txt").write_text(DAMAGED, encoding="utf-8")
    (tmp_path / "unspun.toml").write_text('[per-file-ignores]\n"a.txt" = ["FRG011"]\n[severity]\nFRG = "info"\n')
    code, out, _ = cli("check", "--format", "json", str(tmp_path))
    files = {Path(f["path"]).name: f for f in json.loads(out)["files"]}
    assert files["a.txt"]["findings"] == []
    assert files["b.txt"]["findings"][0]["severity"] == "info"
    assert code == 0  # info does not fail the run


def test_folder_walk_gitignore_hidden_symlink_loop(cli, tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("ignored/\n")
    for d in ("ignored", ".hidden", "docs"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "x.txt").write_text(DAMAGED)
    (tmp_path / "docs" / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    os.symlink(tmp_path / "docs", tmp_path / "docs" / "loop")
    code, out, _ = cli("check", "--format", "json", str(tmp_path))
    paths = sorted(Path(f["path"]).relative_to(tmp_path).as_posix() for f in json.loads(out)["files"])
    assert paths == ["docs/x.txt"]


def test_rules_and_explain(cli):
    code, out, _ = cli("rules", "--format", "json")
    rules = json.loads(out)
    assert code == 0 and any(r["code"] == "FRG011" for r in rules)
    code, out, _ = cli("explain", "FRG011")
    assert code == 0 and "blank-line-run" in out and "Examples that are reported" in out
    assert cli("explain", "ZZZ999")[0] == 2
    code, out, _ = cli("--version")
    assert out.startswith("unspun ")


def _fake_plugin(tmp_path, body, name="fakeplug"):
    (tmp_path / f"{name}.py").write_text(textwrap.dedent(body))
    dist = tmp_path / f"{name}-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text(f"[unspun]\n{name} = {name}\n")
    return {"PYTHONPATH": str(tmp_path)}


def test_faulty_plugin_is_isolated(cli, tmp_path, tree):
    env = _fake_plugin(tmp_path, """
        import lint

        class Boom(lint.Rule):
            code = "XXX001"; name = "boom"; summary = "always fails"
            matches = (lint.Example("x"),); no_matches = (lint.Example("y"),)
            def check(self, doc):
                raise RuntimeError("kaboom")

        @lint.hookimpl
        def unspun_rules():
            return [Boom]
        """)
    code, out, err = cli("check", "--format", "json", str(tree / "bad.txt"), env=env)
    assert code == 2
    findings = json.loads(out)["files"][0]["findings"]
    rules = {f["rule"] for f in findings}
    assert {"UNS001", "FRG011"} <= rules
    assert any("kaboom" in f["message"] and "fakeplug" in f["message"] for f in findings)


def test_duplicate_code_fails_loudly(cli, tmp_path, tree):
    env = _fake_plugin(tmp_path, """
        import lint

        class Dup(lint.Rule):
            code = "FRG011"; name = "dup-rule"; summary = "clashes"
            matches = (lint.Example("x"),); no_matches = (lint.Example("y"),)
            def check(self, doc):
                return []

        @lint.hookimpl
        def unspun_rules():
            return [Dup]
        """, name="dupplug")
    code, _, err = cli("check", str(tree / "good.txt"), env=env)
    assert code == 2 and "FRG011" in err and "claimed twice" in err and "dupplug" in err


def test_readme_lists_every_rule(cli):
    """The README's rule table is the generated one: every registered rule is in it."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code, out, _ = cli("rules", "--format", "json")
    for rule in json.loads(out):
        assert f"| `{rule['code']}` | {rule['name']} |" in readme, rule["code"]
