"""Plain text: the decoded file is the prose (URLs and e-mail addresses are blanked).

>>> src = decode_source("x.txt", "café https://a.b/c".encode())
>>> src.text.rstrip(), len(src.text) == len("café https://a.b/c")
('café', True)
"""
from __future__ import annotations

from ..hookspecs import hookimpl
from ..source import InputError, Source, decode
from .base import Extractor, blank_spans, mask_urls


def decode_source(path: str, data: bytes) -> Source:
    """A Source with the decoded text, or with ``error`` set when it cannot be decoded."""
    try:
        decoded = decode(data)
    except InputError as e:
        return Source(path=path, error=str(e))
    text = decoded.text
    masked_text, masked = blank_spans(text, mask_urls(text))
    return Source(path=path, text=masked_text, masked=masked, original=text,
                  encoding=decoded.encoding, bom=decoded.bom)


class PlainTextExtractor(Extractor):
    name = "text"
    suffixes = (".txt", ".text", "")

    def sources(self, path, data, settings):
        yield decode_source(path, data)


@hookimpl
def unspun_extractors():
    return [PlainTextExtractor()]
