"""ENC004 html-entity: HTML character references left in plain text.

``Tom&nbsp;Smith``, ``R&amp;D``, ``&quot;yes&quot;``, ``it&#8217;s``, ``it&#x2019;s``,
``&lt;p&gt;`` and the double-escaped ``&amp;nbsp;``: the text was taken from HTML without
decoding its entities. Skipped in Markdown and HTML documents, where entities are markup.

>>> import lint
>>> [(f.text, f.suggestion) for f in lint.check_text(HtmlEntity(), "R&amp;D and it&#8217;s", "en")]
[('&amp;', '&'), ('&#8217;', '’')]
"""
from __future__ import annotations

import html
import re
from html.entities import html5

import lint

#: a character reference: named (with ';'), decimal, hexadecimal; 'amp;' chains after the
#: '&' (double escaping: '&amp;nbsp;') belong to the same finding. The pattern opens with a
#: literal '&', which ``re`` finds at C speed.
_ENTITY = re.compile(
    r"&(?:amp;)*(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};"
    r"|(?:nbsp|amp|quot|lt|gt|apos|mdash|ndash|hellip|rsquo|lsquo|rdquo|ldquo|laquo|raquo|eacute|egrave|"
    r"agrave|aacute|oacute|iacute|uacute|ntilde|ccedil|uuml|ouml|auml|szlig|copy|reg|deg)(?![A-Za-z0-9;]))"
)
_MAX_CODEPOINT = 0x10FFFF


def _decode(ref: str):
    """The text a reference stands for, or None when it is not a valid one."""
    out = ref
    for _ in range(4):  # undo double escaping: &amp;amp;nbsp; -> &amp;nbsp; -> &nbsp; -> nbsp
        nxt = _decode_one(out)
        if nxt is None:
            return None if out == ref else out
        out = nxt
        if "&" not in out:
            break
    return out


def _decode_one(s: str):
    if not s.startswith("&"):
        return None
    if s.startswith("&#"):
        body = s[2:].rstrip(";")
        try:
            cp = int(body[1:], 16) if body[:1] in "xX" else int(body)
        except ValueError:
            return None
        if cp <= 8 or cp > _MAX_CODEPOINT or 0xD800 <= cp <= 0xDFFF:
            return None
        return html.unescape(s) if cp >= 32 or cp in (9, 10, 13) else None
    if s.startswith("&amp;"):
        return "&" + s[5:]
    name = s[1:]
    if name not in html5 and name + ";" not in html5:
        return None
    return html.unescape(s if s.endswith(";") else s + ";")


class HtmlEntity(lint.Rule):
    """An HTML character reference in plain text: ``&nbsp;``, ``&amp;``, ``&quot;``,
    ``&#8217;``, ``&#x2019;``, ``&lt;`` (also without the final ``;`` for the common
    ones, and double-escaped as ``&amp;nbsp;``). The text was extracted from HTML without
    decoding its entities, so readers see the code instead of the character.

    Why it matters: ``R&amp;D`` and ``it&#8217;s`` are broken words for readers, search and
    tokenisers, and show the text was never looked at after extraction.

    The fix replaces the reference with the character it stands for (safe: the decoding is
    what a browser does). Only valid references are reported (``AT&T``, ``R&D``, ``Q&A``
    are left alone), and Markdown and HTML documents are skipped: there, entities are markup.
    """

    code = "ENC004"
    name = "html-entity"
    severity = "warning"
    languages = None
    summary = "HTML entity left in plain text"
    fix_hint = "Replace the entity with its character (decode the HTML before extracting the text)."
    fix = "safe"
    confidence = 0.8
    matches = (
        lint.Example("Spending on R&amp;D rose by 4% last year.", "en", covers="&amp;"),
        lint.Example("He said it&#8217;s over.", "en", covers="&#8217;"),
        lint.Example("Il sindaco ha detto &quot;basta&quot; ai giornalisti.", "it", covers="&quot;"),
        lint.Example("El alcalde dijo&nbsp;que no.", "es", covers="&nbsp;"),
        lint.Example("Le maire a dit l&#x2019;inverse.", "fr", covers="&#x2019;"),
        lint.Example("Der B&uuml;rgermeister sprach gestern.", "de", covers="&uuml;"),
        lint.Example("O prefeito disse&amp;nbsp;que n&atilde;o.", "pt", covers="&amp;nbsp;"),
        lint.Example("Мэр сказал &laquo;нет&raquo; журналистам.", "ru", covers="&laquo;"),
        lint.Example("市长说&lt;不&gt;。", "zh", covers="&lt;"),
    )
    no_matches = (
        lint.Example("AT&T and R&D spending; Q&A follows.", "en"),
        lint.Example("Procter&Gamble and Johnson & Johnson reported results.", "en"),
        lint.Example("Use &nbsp; for a non-breaking space.", "en", format="markdown"),
        lint.Example("Rock & roll & blues.", "en"),
        lint.Example("The ratio was 3&4;5 in the table.", "en"),
    )

    def check(self, doc):
        if doc.format in ("markdown", "html"):
            return
        text = doc.text
        if "&" not in text:
            return
        for m in _ENTITY.finditer(text):
            decoded = _decode(m.group())
            if decoded is None or decoded == m.group():
                continue
            shown = decoded.replace("\u00a0", "\\u00a0")
            yield self.finding(doc, m.start(), m.end(), f"HTML entity {m.group()!r} left in the text "
                               f"(it stands for {shown!r})", suggestion=decoded)
