"""unspun on Dask: a LocalCluster (2 worker processes) gives the same results as the serial
run, document for document, for the command-line path (run_check_on_dask: JSONL split into
blocks, whole files, input errors, stdin-free) and for the Python API (lint_bag,
lint_dataframe). Skipped when dask is not installed."""
from __future__ import annotations

import gzip
import json
import os

import pytest

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")
db = pytest.importorskip("dask.bag")

from lint.config import ConfigResolver, Settings  # noqa: E402
from lint.daskrun import (FINDING_COLUMNS, SCORE_COLUMNS, DaskRunError, lint_bag, lint_dataframe,  # noqa: E402
                          make_settings, run_check_on_dask)
from lint.runner import Run  # noqa: E402

# documents written for this test: a few damaged, most plain
DAMAGED = [
    "The city council voted on Tuesday, and the drivers should wade household by the coast road.\n"
    "The the mayor said the repairs will take three hundred,000 hours, an enthusiastic estimate.",
    "First paragraph of a short note.\n\n\n\n\nSecond paragraph, after far too many blank lines.",
    "Subscribe to our newsletter\n\nThe bridge will close next month (Anna Berg/Reuters) for repairs.",
    "Il sindaco ha parlato dopo il voto del consiglioHanno deciso di chiudere il ponte vecchio.",
]
CLEAN = [
    "The library opens at nine on weekdays and at ten on Saturdays. Books can be returned at the desk.",
    "A walk along the river takes about an hour. The path is flat and suitable for children.",
    "La biblioteca apre alle nove nei giorni feriali. I libri si restituiscono al banco.",
    "Der Markt findet jeden Samstag auf dem Platz vor dem Rathaus statt.",
    "See https://example.org/a_b and write to info@example.org for the timetable of the trains.",
]


def _records() -> list:
    out = []
    for i in range(60):
        pool = DAMAGED if i % 5 == 0 else CLEAN
        text = pool[i % len(pool)] + f" Note number {i}."
        out.append({"id": i if i % 7 else f"doc-{i}", "text": text})
    return out


def _write_corpus(folder) -> list:
    """The files of the test corpus; returns the paths relative to ``folder``."""
    lines = [json.dumps(r, ensure_ascii=False) for r in _records()]
    lines.insert(11, "")  # a blank line: not a record, but it counts in the line numbers
    lines.insert(17, "{not json")
    lines.insert(23, json.dumps({"id": "nul", "text": None}))
    lines.insert(29, json.dumps({"id": "nofield", "body": "x"}))
    (folder / "corpus.jsonl").write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")
    with gzip.open(folder / "small.jsonl.gz", "wt", encoding="utf-8") as fh:
        for r in _records()[:8]:
            fh.write(json.dumps(r) + "\n")
    docs = folder / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(DAMAGED[1], encoding="utf-8")
    (docs / "b.md").write_text("# Title\n\n" + DAMAGED[2] + "\n\n```\ncode the the\n```\n", encoding="utf-8")
    (docs / "c.txt").write_text(CLEAN[0], encoding="utf-8")
    return ["corpus.jsonl", "docs", "missing.txt", "small.jsonl.gz"]


def _key(result) -> tuple:
    return (result.path, result.id, result.language, result.words, result.score, result.error, result.file,
            tuple(tuple(sorted(f.to_dict().items())) for f in result.findings))


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                      silence_logs=40) as cluster:
        yield cluster


@pytest.fixture
def client(cluster):
    from distributed import Client

    with Client(cluster) as c:
        yield c


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    paths = _write_corpus(tmp_path)
    monkeypatch.chdir(tmp_path)  # relative paths: the workers' working folder is another one
    return paths


def _serial(paths, resolver=None):
    run = Run(resolver or ConfigResolver(discover=False), jobs=1)
    return [(r, s) for r, s in run.results(paths)]


@pytest.mark.parametrize("read_on", ["workers", "client"])
def test_check_on_cluster_equals_serial_run(cluster, corpus, read_on):
    serial = _serial(corpus)
    assert any(r.findings for r, _ in serial) and any(r.error for r, _ in serial)
    assert sum(r.path.startswith("corpus.jsonl:") for r, _ in serial) == 63
    # small blocks: the JSONL file is cut into many pieces, lines across the cuts
    got = list(run_check_on_dask(cluster.scheduler_address, corpus, ConfigResolver(discover=False),
                                 blocksize=700, read_on=read_on))
    assert [_key(r) for r, _ in got] == [_key(r) for r, _ in serial]
    for (r, _), (s, _) in zip(got, serial):
        if r.findings:
            assert r.text == s.text  # reporters show context from it
    errors = [r.error for r, _ in got if r.error]
    assert "line 18: not valid JSON: Expecting property name enclosed in double quotes (column 2)" in errors
    assert "line 24: field 'text' is null, not a string" in errors
    assert "No such file or directory" in errors


def test_settings_per_file_and_mapping(cluster, corpus, tmp_path):
    (tmp_path / "docs" / "unspun.toml").write_text('ignore = ["FRG011"]\n', encoding="utf-8")
    resolver = ConfigResolver()  # discovery: docs/ has its own config
    serial = _serial(["docs"], resolver)
    got = list(run_check_on_dask(cluster.scheduler_address, ["docs"], resolver))
    assert [_key(r) for r, _ in got] == [_key(r) for r, _ in serial]
    assert not any(f.rule == "FRG011" for r, _ in got for f in r.findings)
    assert all(s.source and s.source.endswith("unspun.toml") for _, s in got)
    # one Settings (here a mapping of config keys) for every path
    fixed = list(run_check_on_dask(cluster.scheduler_address, ["docs/a.txt"], {"select": ["FRG011"]}))
    assert [f.rule for r, _ in fixed for f in r.findings] == ["FRG011"]


@pytest.mark.parametrize("read_on", ["workers", "client"])
def test_per_file_ignores_with_relative_paths(cluster, corpus, tmp_path, read_on):
    # patterns are relative to the config's folder; the workers' working folder is another one
    (tmp_path / "unspun.toml").write_text('[per-file-ignores]\n"docs/a.txt" = ["FRG011"]\n'
                                          '"corpus.jsonl" = ["FRG010"]\n', encoding="utf-8")
    paths = ["docs", "corpus.jsonl"]
    serial = _serial(paths, ConfigResolver())
    rules = {f.rule for r, _ in serial for f in r.findings}
    assert "FRG011" not in {f.rule for r, _ in serial if r.path.endswith("a.txt") for f in r.findings}
    assert "FRG010" not in rules and rules
    got = list(run_check_on_dask(cluster.scheduler_address, paths, ConfigResolver(), blocksize=900, read_on=read_on))
    assert [_key(r) for r, _ in got] == [_key(r) for r, _ in serial]


def test_unreachable_scheduler_and_unreadable_inputs(tmp_path):
    from lint.daskrun import _check_readable, _Files

    with pytest.raises(DaskRunError, match="cannot reach"):
        list(run_check_on_dask("tcp://127.0.0.1:9", ["x.txt"], None, connect_timeout="2s"))

    class Answer:
        def result(self):
            return False

    class NoSharedStorage:  # a cluster whose workers do not see our files
        def submit(self, *args, **kwargs):
            return Answer()

    target = tmp_path / "x.txt"
    target.write_text("text", encoding="utf-8")
    with pytest.raises(DaskRunError, match="cannot read"):
        _check_readable(NoSharedStorage(), _Files(items=[(str(target), Settings())]))


def _serial_records(records, label):
    """The serial run's results of records, keyed by id."""
    from lint.daskrun import document_source
    from lint.engine import Linter
    from lint.plugins import load_registry

    linter = Linter(Settings(), load_registry())
    out = {}
    for n, rec in enumerate(records, 1):
        src = document_source(rec.get("text"), rec.get("id"), f"{label}:{n}")
        out[str(rec["id"])] = linter.lint_source(src)
    return out


def test_lint_bag_equals_serial(client):
    records = _records() + [{"id": "none", "text": None}]
    bag = db.from_sequence(records, npartitions=3)
    findings, scores = lint_bag(bag)
    assert list(findings.columns) == list(FINDING_COLUMNS) and list(scores.columns) == list(SCORE_COLUMNS)
    f, s = dask.compute(findings, scores)
    expected = _serial_records(records, "x")
    assert len(s) == len(records) and set(s["id"]) == set(expected)
    for row in s.itertuples():
        r = expected[row.id]
        assert (row.words, row.score, row.language if not pd.isna(row.language) else None) == \
            (r.words, r.score, r.language)
        assert bool(row.over_gate) == (r.score > 0.5)
        assert (None if pd.isna(row.error) else row.error) == r.error
    got = sorted((row.id, row.rule, row.offset, row.end_offset, row.message, row.text) for row in f.itertuples())
    want = sorted((i, x.rule, x.offset, x.end_offset, x.message, x.text) for i, r in expected.items() for x in r.findings)
    assert got == want and got
    # paths name the partition and the position in it
    assert all(p.startswith("bag-") for p in s["path"])


def test_lint_bag_of_strings_from_read_text(client, tmp_path):
    path = tmp_path / "lines.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in _records()) + "\n", encoding="utf-8")
    bag = db.read_text(str(path), blocksize=900).map(json.loads).pluck("text")
    findings, scores = lint_bag(bag, settings={"select": ["FRG", "SPN"]})
    f, s = dask.compute(findings, scores)
    assert len(s) == len(_records()) and s["id"].isna().all()
    assert set(f["rule"].str[:3]) <= {"FRG", "SPN"} and len(f)


def test_lint_dataframe_equals_bag(client):
    records = _records()
    pdf = pd.DataFrame({"doc_id": [str(r["id"]) for r in records], "body": [r["text"] for r in records]})
    ddf = dd.from_pandas(pdf, npartitions=4)
    findings, scores = lint_dataframe(ddf, text_column="body", id_column="doc_id")
    f, s = dask.compute(findings, scores)
    expected = _serial_records(records, "x")
    assert dict(zip(s["id"], s["score"])) == {k: r.score for k, r in expected.items()}
    assert sorted(f["id"]) == sorted(k for k, r in expected.items() for _ in r.findings)
    with pytest.raises(KeyError):
        lint_dataframe(ddf, text_column="missing")


def test_unknown_rule_code_fails_on_the_client():
    from lint.config import ConfigError

    with pytest.raises(ConfigError):
        make_settings({"select": ["NOPE123"]})


def test_cli_dask_option_matches_local_run(cluster, corpus):
    """`unspun check --dask ADDRESS` prints the same JSON report as a local run."""
    from conftest import run_cli

    files = [p for p in corpus if os.path.exists(p)]
    local_code, local, _ = run_cli("check", "--format", "json", "--isolated", *files)
    dask_code, remote, err = run_cli("check", "--format", "json", "--isolated", "--dask",
                                     cluster.scheduler_address, *files)
    assert dask_code == local_code, err
    assert json.loads(remote) == json.loads(local)
    code, _, err = run_cli("check", "--dask", cluster.scheduler_address, "--fix", *files)
    assert code == 2 and "--dask cannot be combined" in err
