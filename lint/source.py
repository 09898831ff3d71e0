"""Sources: one document's text as an extractor produced it, and byte decoding.

Decoding follows one strict policy: UTF-8 (a UTF-8 BOM is dropped), UTF-16 or UTF-32 when
a BOM says so; anything else that is not valid UTF-8 is an input error for that file, never
a guess that could shift every offset.

>>> decode(b"\\xef\\xbb\\xbfcaf\\xc3\\xa9").text
'café'
>>> decode("hi".encode("utf-16")).encoding
'utf-16'
>>> decode(b"\\xff\\xfe\\x00")  # doctest: +IGNORE_EXCEPTION_DETAIL
Traceback (most recent call last):
lint.source.InputError: not valid UTF-16 ...
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from typing import Optional


class InputError(Exception):
    """An input cannot be read or decoded. The message is one line for the user."""


@dataclass
class Decoded:
    text: str
    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "\n"


@dataclass
class Source:
    """One document as an extractor produced it.

    ``text`` is the prose to lint: the decoded input with everything that is not prose
    blanked (same length, newlines kept); ``masked`` lists the blanked spans; ``original``
    is the decoded input itself (for the report and for fixes).
    """

    path: str
    text: str = ""
    id: Optional[str] = None
    format: str = "text"
    masked: list = field(default_factory=list)
    original: Optional[str] = None
    error: Optional[str] = None
    #: decoding facts, so a fix can write the file back as it was
    encoding: str = "utf-8"
    bom: bool = False
    #: for corpus records: the raw record (the JSON line as text for JSONL, the row as a dict
    #: for Parquet; the line's bytes when it is not UTF-8), and the corpus file it came from
    record: Optional[object] = None
    file: Optional[str] = None

    @property
    def source_text(self) -> str:
        return self.text if self.original is None else self.original


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes) -> Decoded:
    """Decode file bytes by the policy above; raises InputError with a one-line reason."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as e:
                raise InputError(f"not valid {encoding.replace('-sig', '').upper()} (byte {e.start})") from None
            return Decoded(text, "utf-8" if encoding == "utf-8-sig" else encoding, True, _newline(text))
    nuls = data.count(b"\x00", 0, 65536)
    if nuls and nuls > len(data[:65536]) // 8:
        raise InputError("binary data, or UTF-16/UTF-32 without a BOM (many NUL bytes); "
                         "only UTF-8, or UTF-16/32 with a BOM, is read")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        kind = "binary data" if b"\x00" in data[:8192] else "not valid UTF-8"
        raise InputError(f"{kind} (undecodable byte at offset {e.start}); only UTF-8, or UTF-16/32 with a BOM, is read") from None
    return Decoded(text, "utf-8", False, _newline(text))


def _newline(text: str) -> str:
    i = text.find("\n")
    if i > 0 and text[i - 1] == "\r":
        return "\r\n"
    if i < 0 and "\r" in text:
        return "\r"
    return "\n"
