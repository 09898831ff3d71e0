"""Corpora as input (JSONL, .gz, .zst, Parquet) and `unspun filter`."""
import gzip
import io
import json
import os
import sys
import tracemalloc

import pytest

from lint.cli import _main
from lint.config import Settings
from lint.extract.corpus import JsonlExtractor, ParquetExtractor
from lint.filtering import add_unspun_field, error_record

CLEAN = ("The committee met on Monday to discuss the budget for the coming year. Members agreed that the "
         "new library should open in the spring, and the mayor thanked the volunteers for their work.")
LONGER = (CLEAN + " The library will hold forty thousand books, a children's room and a cafe. Its design "
          "was chosen from twelve entries in an open competition last autumn, and the builders expect to "
          "finish the roof before the first snow. Parking remains the main worry of the neighbours.")
#: a record the default rules reject: symbol soup, a paragraph repeated, a loop
DAMAGED = ("Totals: 4,310.55 | 12/03/2021 | #8841-22-0937 | $ 1,220.00 | 98.6% | 0x3F2A | 1,337 ; 42:17\n\n"
           + "Click the button below to claim your free prize before the offer ends today. " * 6)


def record(text, id=None, **extra):
    obj = {"id": id, "text": text, **extra} if id is not None else {"text": text, **extra}
    return json.dumps(obj, ensure_ascii=False)


MALFORMED = [
    '{"id": "bad-json", "text": "unterminated',             # line 3: not valid JSON
    '{"id": "no-text", "body": "the field is elsewhere"}',  # line 4: no text field
    '{"id": "number", "text": 42}',                         # line 5: a number
    '{"id": "null", "text": null}',                         # line 6: null
    "[" * 100_000 + "]" * 100_000,                          # line 7: nested too deeply
    '["an", "array"]',                                      # line 8: not an object
]


def corpus_lines():
    return [record(CLEAN, "a"), record(DAMAGED, "b"), *MALFORMED, "", record(CLEAN + " Twice.", 10)]


def write_jsonl(path, lines, opener=open):
    with opener(path, "wb") as fh:
        fh.write(("\n".join(lines) + "\n").encode("utf-8"))
    return str(path)


def sources(extractor, path, **kwargs):
    return list(extractor.sources(str(path), None, Settings(), **kwargs))


# -- the extractor -------------------------------------------------------------------------
def test_jsonl_records_and_every_malformed_case(tmp_path):
    path = write_jsonl(tmp_path / "c.jsonl", corpus_lines())
    out = sources(JsonlExtractor(), path)
    assert [s.path for s in out] == [f"{path}:{n}" for n in (1, 2, 3, 4, 5, 6, 7, 8, 10)]  # blank line 9 skipped
    good = [s for s in out if not s.error]
    assert [s.id for s in good] == ["a", "b", "10"]  # a numeric id becomes a string
    assert good[0].text == CLEAN and good[0].original == CLEAN and good[0].file == path
    assert good[0].record == record(CLEAN, "a")  # the raw line, for `filter`
    errors = {s.path.rsplit(":", 1)[1]: s.error for s in out if s.error}
    assert errors["3"].startswith("line 3: not valid JSON")
    assert errors["4"] == "line 4: no field 'text' (fields: id, body)"
    assert errors["5"] == "line 5: field 'text' is a number, not a string"
    assert errors["6"] == "line 6: field 'text' is null, not a string"
    assert errors["7"] == "line 7: JSON nested too deeply to read"
    assert errors["8"] == "line 8: not a JSON object but an array"
    assert all("\n" not in e for e in errors.values())
    assert [s.id for s in out if s.error][1:4] == ["no-text", "number", "null"]  # id kept when readable


def test_jsonl_urls_blanked_invalid_utf8_and_bom(tmp_path):
    path = tmp_path / "u.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + record("See https://example.com/a_b now.", "x").encode() + b"\n"
                     + b'{"text": "caf\xe9"}\r\n' + record("last", "z").encode() + b"\r\n")
    out = sources(JsonlExtractor(), path)
    assert out[0].id == "x" and "example.com" not in out[0].text and len(out[0].text) == len(out[0].original)
    assert out[1].error.startswith("line 2: not valid UTF-8")
    assert out[2].text == "last" and out[2].record == record("last", "z")  # CRLF stripped


def test_jsonl_fields_from_settings_and_kwargs(tmp_path):
    path = write_jsonl(tmp_path / "f.jsonl", [json.dumps({"doc": 7, "content": CLEAN})])
    settings = Settings(text_field="content", id_field="doc")
    (s,) = JsonlExtractor().sources(path, None, settings)
    assert (s.id, s.text) == ("7", CLEAN)
    (s,) = JsonlExtractor().sources(path, None, Settings(), text_field="content", id_field="doc")
    assert (s.id, s.text) == ("7", CLEAN)


def test_jsonl_from_bytes_and_oversized_line(tmp_path):
    data = (record("x" * 5000, "big") + "\n" + record(CLEAN, "ok") + "\n").encode()
    out = list(JsonlExtractor().sources("s.jsonl", data, Settings(max_file_size=1000)))
    assert out[0].error == "line 1: record longer than max-file-size (1,000 bytes), skipped"
    assert out[1].id == "ok" and not out[1].error


def test_gzip_and_truncated_gzip(tmp_path):
    lines = [record(f"{CLEAN} Number {i}.", i) for i in range(3000)]
    path = write_jsonl(tmp_path / "c.jsonl.gz", lines, opener=gzip.open)
    out = sources(JsonlExtractor(), path)
    assert len(out) == 3000 and not any(s.error for s in out) and out[-1].path == f"{path}:3000"
    data = open(path, "rb").read()
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(data[: len(data) // 2])
    out = sources(JsonlExtractor(), cut)
    assert out[-1].error and "gzip data is truncated or corrupt" in out[-1].error
    assert out[-1].error.startswith(f"line {len(out)}:")
    assert len(out) > 100 and not any(s.error for s in out[:-1])  # what came before is still read
    notgz = tmp_path / "plain.jsonl.gz"
    notgz.write_bytes(b'{"text": "not compressed"}\n')
    (s,) = sources(JsonlExtractor(), notgz)
    assert s.error.startswith("line 1: gzip data is truncated or corrupt")


def test_zstandard_and_truncated_zstandard(tmp_path):
    zstandard = pytest.importorskip("zstandard")
    lines = [record(f"{CLEAN} Number {i}.", i) for i in range(2000)]
    raw = ("\n".join(lines) + "\n").encode()
    path = tmp_path / "c.jsonl.zst"
    # two frames, as concatenating compressed files gives
    half = len(raw) // 2
    half = raw.index(b"\n", half) + 1
    c = zstandard.ZstdCompressor()
    path.write_bytes(c.compress(raw[:half]) + c.compress(raw[half:]))
    out = sources(JsonlExtractor(), path)
    assert len(out) == 2000 and not any(s.error for s in out)
    cut = tmp_path / "cut.jsonl.zst"
    cut.write_bytes(zstandard.ZstdCompressor().compress(raw)[:-20])
    out = sources(JsonlExtractor(), cut)
    assert "zstandard data is truncated or corrupt" in out[-1].error
    assert not any(s.error for s in out[:-1]) and len(out) > 1000


def test_zstandard_missing_is_one_clear_error(tmp_path, monkeypatch):
    path = tmp_path / "c.jsonl.zst"
    path.write_bytes(b"\x28\xb5\x2f\xfd")
    monkeypatch.setitem(sys.modules, "zstandard", None)
    (s,) = sources(JsonlExtractor(), path)
    assert s.error == "reading c.jsonl.zst needs the zstandard package: pip install 'unspun[zstd]'"


def test_parquet_missing_is_one_clear_error(tmp_path, monkeypatch):
    path = tmp_path / "c.parquet"
    path.write_bytes(b"PAR1")
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    (s,) = sources(ParquetExtractor(), path)
    assert s.error == "reading c.parquet needs the pyarrow package: pip install 'unspun[parquet]'"


def test_jsonl_is_streamed(tmp_path):
    """Memory stays flat: a 16 MB file is read one line at a time."""
    line = record(CLEAN * 4, "x")
    path = tmp_path / "big.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for _ in range(16_000_000 // len(line)):
            fh.write(line + "\n")
    tracemalloc.start()
    n = 0
    for s in JsonlExtractor().sources(str(path), None, Settings()):
        n += 1
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert n > 10_000 and peak < 4_000_000


# -- Parquet --------------------------------------------------------------------------------
def write_parquet(path, table, **kwargs):
    pq = pytest.importorskip("pyarrow.parquet")
    pq.write_table(table, str(path), **kwargs)
    return str(path)


def test_parquet_rows_and_bad_values(tmp_path):
    pa = pytest.importorskip("pyarrow")
    table = pa.table({"id": ["r1", "r2", "r3"], "text": [CLEAN, None, DAMAGED], "n": [1, 2, 3]})
    path = write_parquet(tmp_path / "c.parquet", table, row_group_size=2)
    out = sources(ParquetExtractor(), path)
    assert [s.path for s in out] == [f"{path}:1", f"{path}:2", f"{path}:3"]  # 1-based rows across groups
    assert out[0].id == "r1" and out[0].text == CLEAN and out[0].record == {"id": "r1", "text": CLEAN, "n": 1}
    assert out[1].error == "row 2: field 'text' is null, not a string" and out[1].id == "r2"
    assert out[2].text == DAMAGED
    numbers = write_parquet(tmp_path / "n.parquet", pa.table({"text": [1, 2]}))
    assert [s.error for s in sources(ParquetExtractor(), numbers)] == [
        "row 1: field 'text' is int64, not a string", "row 2: field 'text' is int64, not a string"]
    other = write_parquet(tmp_path / "o.parquet", pa.table({"body": ["x"]}))
    assert sources(ParquetExtractor(), other)[0].error == "row 1: no field 'text' (columns: body)"


def test_parquet_corrupt_file_and_corrupt_row_group(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    texts = [f"Document number {i} is a perfectly ordinary text. " * 3 for i in range(6)]
    path = write_parquet(tmp_path / "ok.parquet", pa.table({"id": list(range(6)), "text": texts}),
                         row_group_size=2, compression="gzip", write_statistics=False, use_dictionary=False)
    data = bytearray(open(path, "rb").read())
    chunk = pq.ParquetFile(path).metadata.row_group(1).column(1)
    middle = chunk.data_page_offset + chunk.total_compressed_size // 2
    for i in range(middle, middle + 16):
        data[i] ^= 0xFF
    bad = tmp_path / "bad.parquet"
    bad.write_bytes(bytes(data))
    out = sources(ParquetExtractor(), bad)
    assert [s.id for s in out if not s.error] == ["0", "1", "4", "5"]  # the other row groups are read
    (err,) = [s for s in out if s.error]
    assert err.error.startswith("rows 3-4: corrupt Parquet data in row group 2")
    cut = tmp_path / "cut.parquet"
    cut.write_bytes(bytes(data[: len(data) // 2]))
    (s,) = sources(ParquetExtractor(), cut)
    assert s.error.startswith("not a readable Parquet file:") and s.file == str(cut)


# -- unspun check ---------------------------------------------------------------------------
def test_check_json_paths_ids_and_exit_code(tmp_path, cli):
    path = write_jsonl(tmp_path / "c.jsonl", corpus_lines())
    code, out, err = cli("check", path, "--format", "json", "--isolated", "--jobs", "1", "--select", "QLT")
    assert code == 2, err
    report = json.loads(out)
    by_path = {f["path"]: f for f in report["files"]}
    assert by_path[f"{path}:1"]["id"] == "a" and by_path[f"{path}:1"]["error"] is None
    damaged = by_path[f"{path}:2"]
    assert damaged["id"] == "b" and damaged["findings"] and damaged["score"] > 0.5  # still linted
    assert by_path[f"{path}:10"]["id"] == "10"
    assert by_path[f"{path}:5"]["error"] == "line 5: field 'text' is a number, not a string"
    assert report["summary"]["errors"] == 6
    assert f"{path}:3: line 3: not valid JSON" in err


def test_check_parallel_equals_serial(tmp_path, cli):
    lines = [record(DAMAGED if i % 7 == 0 else f"{LONGER} Item {i}.", i) for i in range(700)]
    path = write_jsonl(tmp_path / "p.jsonl", lines * 3)  # over the runner's threshold for a pool
    args = ("--format", "jsonl", "--isolated", "--exit-zero", "--select", "QLT,FRG011")
    one = cli("check", path, "--jobs", "1", *args)
    two = cli("check", path, "--jobs", "2", *args)
    assert one[0] == two[0] == 0 and one[1] == two[1] and one[1]


def test_check_text_and_id_field_options(tmp_path, cli):
    path = write_jsonl(tmp_path / "f.jsonl", [json.dumps({"key": "k1", "body": DAMAGED})])
    code, out, _ = cli("check", path, "--format", "json", "--isolated", "--text-field", "body", "--id-field", "key",
                       "--select", "QLT")
    (entry,) = json.loads(out)["files"]
    assert code == 1 and entry["id"] == "k1" and entry["findings"]


# -- unspun filter --------------------------------------------------------------------------
def read_lines(path):
    with open(path, encoding="utf-8") as fh:
        return fh.read().splitlines()


def test_filter_reconciles_and_writes_each_record_once(tmp_path, cli):
    lines = corpus_lines()
    path = write_jsonl(tmp_path / "c.jsonl", lines)
    keep, reject = tmp_path / "keep.jsonl", tmp_path / "reject.jsonl"
    code, _, err = cli("filter", path, "--keep", str(keep), "--reject", str(reject), "--isolated", "-j", "1",
                       "--select", "QLT")
    assert code == 2  # input errors
    assert "9 record(s) read from 1 file(s): 2 kept" in err and "7 rejected" in err and "counts reconciled" in err
    kept, rejected = read_lines(keep), read_lines(reject)
    assert kept == [lines[0], lines[-1]]  # byte for byte
    assert len(kept) + len(rejected) == 9
    objs = [json.loads(r) for r in rejected]
    gated = objs[0]
    assert gated["id"] == "b" and gated["text"] == DAMAGED and gated["unspun"]["score"] > 0.5
    assert "QLT003" in gated["unspun"]["rules"]
    assert rejected[0].startswith(lines[1][:-1])  # the original bytes, then the added field
    assert objs[1] == {"unspun": {"error": objs[1]["unspun"]["error"]}, "raw": MALFORMED[0]}
    assert objs[2]["body"] == "the field is elsewhere" and objs[2]["unspun"] == {
        "error": "line 4: no field 'text' (fields: id, body)"}
    assert objs[4]["text"] is None and objs[4]["unspun"]["error"].startswith("line 6:")
    assert objs[5]["raw"] == MALFORMED[4] and objs[6]["raw"] == MALFORMED[5]


def test_filter_clean_input_exit_zero_and_parallel(tmp_path, cli):
    lines = [record(DAMAGED if i % 5 == 0 else f"{LONGER} Item {i}.", f"id{i}") for i in range(900)]
    path = write_jsonl(tmp_path / "c.jsonl", lines)
    keep, reject = tmp_path / "k.jsonl.gz", tmp_path / "r.jsonl"
    code, _, err = cli("filter", path, "--keep", str(keep), "--reject", str(reject), "--isolated", "-j", "2",
                       "--select", "QLT")
    assert code == 0, err
    with gzip.open(keep, "rt", encoding="utf-8") as fh:
        kept = fh.read().splitlines()
    rejected = [json.loads(r) for r in read_lines(reject)]
    assert kept == [line for i, line in enumerate(lines) if i % 5]
    assert [r["id"] for r in rejected] == [f"id{i}" for i in range(0, 900, 5)]
    assert "900 record(s) read" in err and "720 kept" in err and "180 rejected" in err


def test_filter_parquet_rows_become_json(tmp_path, cli):
    pa = pytest.importorskip("pyarrow")
    table = pa.table({"id": [1, 2], "text": [CLEAN, DAMAGED], "score": [0.5, 0.25]})
    path = write_parquet(tmp_path / "c.parquet", table)
    keep, reject = tmp_path / "k.jsonl", tmp_path / "r.jsonl"
    code, _, err = cli("filter", path, "--keep", str(keep), "--reject", str(reject), "--isolated", "--select", "QLT")
    assert code == 0, err
    assert [json.loads(r) for r in read_lines(keep)] == [{"id": 1, "text": CLEAN, "score": 0.5}]
    (rej,) = [json.loads(r) for r in read_lines(reject)]
    assert rej["id"] == 2 and rej["unspun"]["rules"]


def test_filter_fix_writes_fixed_text_into_kept_records(tmp_path, cli):
    text = "First paragraph of a text.\n\n\n\n\nSecond paragraph of the same text."
    lines = [record(text, "f"), record(CLEAN, "c")]
    path = write_jsonl(tmp_path / "c.jsonl", lines)
    keep, reject = tmp_path / "k.jsonl", tmp_path / "r.jsonl"
    code, _, err = cli("filter", path, "--keep", str(keep), "--reject", str(reject), "--isolated",
                       "--select", "FRG011", "--fix")
    assert code == 0, err
    kept = [json.loads(r) for r in read_lines(keep)]
    assert kept[0] == {"id": "f", "text": "First paragraph of a text.\n\nSecond paragraph of the same text."}
    assert read_lines(keep)[1] == lines[1]
    assert "fix(es) applied to 1 kept record(s)" in err


def test_filter_usage_errors(tmp_path, cli):
    path = write_jsonl(tmp_path / "c.jsonl", [record(CLEAN, "a")])
    txt = tmp_path / "a.txt"
    txt.write_text(CLEAN)
    code, _, err = cli("filter", path, "--keep", str(tmp_path / "x.jsonl"), "--reject", str(tmp_path / "x.jsonl"))
    assert code == 2 and "must be different files" in err
    code, _, err = cli("filter", str(txt), "--keep", str(tmp_path / "k.jsonl"), "--reject", str(tmp_path / "r.jsonl"))
    assert code == 2 and "is not a corpus" in err
    code, _, err = cli("filter", path, "--keep", path, "--reject", str(tmp_path / "r.jsonl"))
    assert code == 2 and "both an input and an output" in err
    assert not (tmp_path / "k.jsonl").exists() and not (tmp_path / "r.jsonl").exists()


def test_filter_outputs_are_atomic(tmp_path, monkeypatch, capsys):
    """An interrupted run leaves no partial output and no temporary file; old outputs stay."""
    from lint import runner

    lines = [record(DAMAGED if i % 2 else f"{CLEAN} Item {i}.", i) for i in range(50)]
    path = write_jsonl(tmp_path / "c.jsonl", lines)
    keep, reject = tmp_path / "k.jsonl", tmp_path / "r.jsonl"
    keep.write_text("old keep\n")
    real = runner.Run.lint_sources

    def interrupted(self, items):
        for n, pair in enumerate(real(self, items)):
            if n == 20:
                raise KeyboardInterrupt
            yield pair

    monkeypatch.setattr(runner.Run, "lint_sources", interrupted)
    args = ["--isolated", "-j", "1", "--select", "QLT"]
    code = _main(["filter", path, "--keep", str(keep), "--reject", str(reject), *args])
    assert code == 130
    assert keep.read_text() == "old keep\n" and not reject.exists()
    assert sorted(os.listdir(tmp_path)) == ["c.jsonl", "k.jsonl"]
    monkeypatch.setattr(runner.Run, "lint_sources", real)
    assert _main(["filter", path, "--keep", str(keep), "--reject", str(reject), *args]) == 0
    assert len(read_lines(keep)) + len(read_lines(reject)) == 50
    assert "counts reconciled" in capsys.readouterr().err


def test_reject_line_helpers():
    raw = '{"id": 1, "text": "x"}'
    assert json.loads(add_unspun_field(raw, {"score": 1.0, "rules": []}))["unspun"] == {"score": 1.0, "rules": []}
    assert json.loads(add_unspun_field('{"unspun": 1, "text": "x"}', {"a": 1}))["unspun"] == {"a": 1}
    assert json.loads(error_record(b"\xff\xfe", "bad", "f.jsonl")) == {"unspun": {"error": "bad"}, "raw_base64": "//4="}
    assert json.loads(error_record(None, "truncated", "f.jsonl.gz")) == {
        "unspun": {"error": "truncated", "file": "f.jsonl.gz"}}
    assert json.loads(error_record({"id": 3}, "null", "p.parquet")) == {"id": 3, "unspun": {"error": "null"}}


def test_parallel_run_shares_work_between_parent_and_workers(tmp_path, monkeypatch):
    # with --jobs 2 the parent is one of the two: it lints chunks itself whenever the
    # worker's queue is full, and the results still come back in input order, identical
    # to a serial run
    from lint import runner
    from lint.config import ConfigResolver

    monkeypatch.setattr(runner, "IN_FLIGHT_PER_JOB", 1)
    monkeypatch.setattr(runner, "WARM_UP_CHARS", 0)
    lines = [record(DAMAGED if i % 7 == 0 else f"{LONGER} Item {i}.", i) for i in range(1500)]
    path = write_jsonl(tmp_path / "p.jsonl", lines)
    local = []
    real = runner.Run._lint_one

    def counting(self, source, settings):
        local.append(source.path)
        return real(self, source, settings)

    def run(jobs):
        resolver = ConfigResolver(discover=False, overrides={"select": ["QLT", "FRG011"]})
        return [result.to_dict() for result, _ in runner.Run(resolver, jobs=jobs).results([path])]

    serial = run(1)
    monkeypatch.setattr(runner.Run, "_lint_one", counting)
    parallel = run(2)
    assert parallel == serial and len(serial) == 1500
    assert 0 < len(local) < 1500  # the parent linted some chunks, the worker the others
