"""Corpora: JSON Lines (plain, gzip, zstandard) and Parquet, one record = one document.

Records are streamed: a file is never read into memory whole, only one line (JSONL) or
one batch of rows (Parquet) at a time, so memory stays flat however large the corpus.

Each record becomes a :class:`~lint.source.Source` named ``FILE:N`` where ``N`` is the
1-based **line number** in a JSONL file (counted in the decompressed stream, blank lines
included, so ``sed -n Np`` finds it) or the 1-based **row number** in a Parquet file
(counted across row groups). Its ``id`` is the record's id field (``str()`` of it) when
there is one; its text is the record's text field, with URLs and e-mail addresses blanked
as in plain text (same offsets). ``record`` carries what ``unspun filter`` writes back:
the raw JSON line (without its line break) for JSONL, the row as a dict for Parquet.

The fields are ``text`` and ``id`` unless the settings (``text-field``/``id-field``) or
the keyword arguments ``text_field``/``id_field`` say otherwise.

A record that cannot be linted becomes a Source with ``error`` set to one line that names
the line or row, and every other record is still linted:

- a line that is not valid UTF-8 or not valid JSON, JSON nested too deeply to read, a line
  that is not a JSON object, or one longer than ``max-file-size`` bytes;
- a record without the text field, or whose text field is not a string (a number, null);
- a truncated or corrupt ``.gz``/``.zst`` stream (reading stops there: nothing after the
  damage can be trusted), a Parquet file that cannot be opened (one error for the file),
  a corrupt Parquet row group (one error for its rows; the other row groups are read).

Blank lines in JSONL are not records and are skipped. ``.jsonl.zst`` needs the
``zstandard`` package (``pip install 'unspun[zstd]'``), Parquet needs ``pyarrow``
(``pip install 'unspun[parquet]'``); without them each such file is one input error
saying so.

>>> import io, json
>>> lines = b'{"id": 7, "text": "See https://x.io now."}\\nnot json\\n{"text": null}\\n'
>>> for s in JsonlExtractor().sources("c.jsonl", lines, None):
...     print(s.path, s.id, " ".join(s.text.split()) if not s.error else s.error)
c.jsonl:1 7 See now.
c.jsonl:2 None line 2: not valid JSON: Expecting value (column 1)
c.jsonl:3 None line 3: field 'text' is null, not a string
"""
from __future__ import annotations

import io
import json
import os
import zlib
from typing import Iterator, Optional

from ..hookspecs import hookimpl
from ..source import Source
from .base import Extractor, blank_spans, mask_urls

#: bytes read from a compressed file at a time
_CHUNK = 1 << 20
#: Parquet rows converted to Python at a time
PARQUET_BATCH_ROWS = 1024
ZSTD_HINT = "pip install 'unspun[zstd]'"
PARQUET_HINT = "pip install 'unspun[parquet]'"


def json_kind(value) -> str:
    """How a JSON value is called in messages: 'null', 'a number', 'an array'...

    >>> json_kind(None), json_kind(3.5), json_kind(True), json_kind([1])
    ('null', 'a number', 'a boolean', 'an array')
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return f"a {type(value).__name__}"


def text_source(path: str, text: str, id: Optional[str], file: str, record) -> Source:
    """A record's Source: its text with URLs and e-mail addresses blanked (plain text rules)."""
    masked_text, masked = blank_spans(text, mask_urls(text))
    return Source(path=path, text=masked_text, id=id, masked=masked, original=text, file=file, record=record)


def record_id(value) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def _fields(settings, text_field, id_field) -> tuple[str, str]:
    text_field = text_field or getattr(settings, "text_field", None) or "text"
    id_field = id_field or getattr(settings, "id_field", None) or "id"
    return text_field, id_field


def _one_line(message: str, limit: int = 200) -> str:
    message = " ".join(str(message).split())
    return message if len(message) <= limit else message[: limit - 1] + "…"


# -- JSON Lines -----------------------------------------------------------------------
class _ZstdRaw(io.RawIOBase):
    """A zstandard stream as a raw binary file that raises EOFError when it is truncated
    (the library's own reader just stops at a cut frame), and reads concatenated frames."""

    def __init__(self, fh, zstandard):
        self._fh = fh
        self._zstd = zstandard
        self._dobj = zstandard.ZstdDecompressor().decompressobj()
        self._in_frame = False
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self._pending:
            chunk = self._fh.read(_CHUNK)
            if not chunk:
                if self._in_frame:
                    raise EOFError("zstandard data ended in the middle of a frame")
                return 0
            self._pending = self._feed(chunk)
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n

    def _feed(self, chunk: bytes) -> bytes:
        out = []
        while chunk:
            self._in_frame = True
            out.append(self._dobj.decompress(chunk))
            if self._dobj.eof:
                chunk = self._dobj.unused_data
                self._dobj = self._zstd.ZstdDecompressor().decompressobj()
                self._in_frame = False
            else:
                chunk = b""
        return b"".join(out)


class _InputError(Exception):
    pass


def _open_stream(path: str, data: Optional[bytes]):
    """A binary stream of the decompressed JSONL bytes, and the name of its compression."""
    lower = path.lower()
    raw = io.BytesIO(data) if data is not None else open(path, "rb")
    if lower.endswith(".gz"):
        import gzip

        return gzip.GzipFile(fileobj=raw, mode="rb"), "gzip", raw
    if lower.endswith(".zst"):
        try:
            import zstandard
        except ImportError:
            raw.close()
            raise _InputError(f"reading {os.path.basename(path)} needs the zstandard package: {ZSTD_HINT}") from None
        return io.BufferedReader(_ZstdRaw(raw, zstandard), buffer_size=_CHUNK), "zstandard", raw
    return raw, None, raw


def _stream_errors() -> tuple:
    errors: list = [EOFError, OSError, zlib.error]
    try:
        import zstandard

        errors.append(zstandard.ZstdError)
    except ImportError:
        pass
    return tuple(errors)


class JsonlExtractor(Extractor):
    """JSON Lines, plain or compressed: one JSON object a line, one record = one document."""

    name = "jsonl"
    suffixes = (".jsonl", ".jsonl.gz", ".jsonl.zst")
    streaming = True
    corpus = True

    def sources(self, path: str, data, settings, text_field: Optional[str] = None,
                id_field: Optional[str] = None, records: bool = True, **_options) -> Iterator[Source]:
        text_field, id_field = _fields(settings, text_field, id_field)
        limit = getattr(settings, "max_file_size", None) or 256 * 1024 * 1024
        try:
            stream, compression, raw = _open_stream(path, data)
        except _InputError as e:
            yield Source(path=path, file=path, error=str(e))
            return
        except OSError as e:
            yield Source(path=path, file=path, error=e.strerror or str(e))
            return
        stream_errors = _stream_errors()
        try:
            lineno = 0
            while True:
                try:
                    line = stream.readline(limit + 1)
                except stream_errors as e:
                    what = f"{compression} data" if compression else "file"
                    yield self._error(path, lineno + 1,
                                      f"{what} is truncated or corrupt, reading stopped: {_one_line(e, 120)}")
                    return
                if not line:
                    return
                lineno += 1
                if len(line) > limit and not line.endswith(b"\n"):
                    try:
                        self._skip_line(stream, limit)
                    except stream_errors:
                        pass
                    yield self._error(path, lineno, f"record longer than max-file-size ({limit:,} bytes), skipped")
                    continue
                source = self._record(path, lineno, line, text_field, id_field, records)
                if source is not None:
                    yield source
        finally:
            stream.close()
            if raw is not stream:
                raw.close()

    @staticmethod
    def _skip_line(stream, limit: int) -> None:
        while True:
            rest = stream.readline(limit)
            if not rest or rest.endswith(b"\n"):
                return

    @staticmethod
    def _error(path: str, lineno: int, message: str, id: Optional[str] = None, record=None) -> Source:
        return Source(path=f"{path}:{lineno}", id=id, file=path, error=f"line {lineno}: {message}", record=record)

    def _record(self, path: str, lineno: int, line: bytes, text_field: str, id_field: str,
                records: bool) -> Optional[Source]:
        if lineno == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if line.endswith(b"\n"):
            line = line[:-1]
            if line.endswith(b"\r"):
                line = line[:-1]
        if not line.strip():
            return None  # a blank line is not a record
        try:
            raw = line.decode("utf-8")
        except UnicodeDecodeError as e:
            return self._error(path, lineno, f"not valid UTF-8 (undecodable byte at column {e.start + 1})",
                               record=line)
        try:
            obj = json.loads(raw)
        except RecursionError:
            return self._error(path, lineno, "JSON nested too deeply to read", record=raw)
        except json.JSONDecodeError as e:
            return self._error(path, lineno, f"not valid JSON: {e.msg} (column {e.colno})", record=raw)
        except ValueError as e:  # e.g. an integer with too many digits
            return self._error(path, lineno, f"not valid JSON: {_one_line(e, 120)}", record=raw)
        if not isinstance(obj, dict):
            return self._error(path, lineno, f"not a JSON object but {json_kind(obj)}", record=raw)
        rid = record_id(obj.get(id_field))
        if text_field not in obj:
            keys = ", ".join(list(obj)[:8])
            return self._error(path, lineno, f"no field {text_field!r} (fields: {keys or 'none'})", rid, raw)
        text = obj[text_field]
        if not isinstance(text, str):
            return self._error(path, lineno, f"field {text_field!r} is {json_kind(text)}, not a string", rid, raw)
        return text_source(f"{path}:{lineno}", text, rid, path, raw if records else None)


# -- Parquet ----------------------------------------------------------------------------
class ParquetExtractor(Extractor):
    """Apache Parquet: one row = one document, read one batch of rows at a time."""

    name = "parquet"
    suffixes = (".parquet",)
    streaming = True
    corpus = True

    def sources(self, path: str, data, settings, text_field: Optional[str] = None,
                id_field: Optional[str] = None, records: bool = True, **_options) -> Iterator[Source]:
        text_field, id_field = _fields(settings, text_field, id_field)
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            yield Source(path=path, file=path,
                         error=f"reading {os.path.basename(path)} needs the pyarrow package: {PARQUET_HINT}")
            return
        try:
            pf = pq.ParquetFile(io.BytesIO(data) if data is not None else path)
            names = pf.schema_arrow.names
            groups = [pf.metadata.row_group(g).num_rows for g in range(pf.num_row_groups)]
        except OSError as e:  # pyarrow's errors (ArrowInvalid, ArrowIOError) are OSErrors or ArrowException
            yield Source(path=path, file=path, error=f"not a readable Parquet file: {_one_line(e, 160)}")
            return
        except pa.ArrowException as e:
            yield Source(path=path, file=path, error=f"not a readable Parquet file: {_one_line(e, 160)}")
            return
        try:
            has_text = text_field in names
            has_id = id_field in names
            columns = None if records else [c for c in (text_field, id_field) if c in names]
            row = 0
            for g, rows in enumerate(groups):
                first = row
                try:
                    for batch in pf.iter_batches(batch_size=PARQUET_BATCH_ROWS, row_groups=[g], columns=columns):
                        yield from self._batch(path, row, batch, text_field, id_field, has_text, has_id,
                                               records, names, pa)
                        row += batch.num_rows
                except (OSError, pa.ArrowException) as e:
                    end = first + rows
                    where = f"row {row + 1}" if row + 1 >= end else f"rows {row + 1}-{end}"
                    yield Source(path=f"{path}:{row + 1}", file=path,
                                 error=f"{where}: corrupt Parquet data in row group {g + 1}, skipped: "
                                       f"{_one_line(e, 120)}")
                    row = end
        finally:
            pf.close()

    @staticmethod
    def _batch(path, start, batch, text_field, id_field, has_text, has_id, records, names, pa) -> Iterator[Source]:
        n = batch.num_rows
        rows = batch.to_pylist() if records else None
        texts = batch.column(text_field).to_pylist() if has_text else [None] * n
        ids = batch.column(id_field).to_pylist() if has_id else [None] * n
        text_type = batch.schema.field(text_field).type if has_text else None
        is_string = text_type is not None and (pa.types.is_string(text_type) or pa.types.is_large_string(text_type)
                                               or str(text_type) == "string_view")
        for i in range(n):
            number = start + i + 1
            rid = record_id(ids[i])
            record = rows[i] if rows is not None else None
            where = f"{path}:{number}"
            text = texts[i]
            if not has_text:
                error = f"row {number}: no field {text_field!r} (columns: {', '.join(names[:8]) or 'none'})"
            elif text is None:
                error = f"row {number}: field {text_field!r} is null, not a string"
            elif not is_string or not isinstance(text, str):
                error = f"row {number}: field {text_field!r} is {text_type}, not a string"
            else:
                yield text_source(where, text, rid, path, record)
                continue
            yield Source(path=where, id=rid, file=path, error=error, record=record)


@hookimpl
def unspun_extractors():
    return [JsonlExtractor(), ParquetExtractor()]
