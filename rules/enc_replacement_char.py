"""ENC002 replacement-character: U+FFFD where a decoder gave up on a byte.

>>> import lint
>>> [f.text for f in lint.check_text(ReplacementCharacter(), "Caf\\ufffd au lait", "fr")]
['Caf\\ufffd']
"""
from __future__ import annotations

import re

import lint

#: U+FFFD runs, and the same character itself mis-decoded ("ï¿½", "�" as Windows-1252)
_FFFD = re.compile("(?:\ufffd|\u00ef\u00bf\u00bd)+")
_WORD_CHAR = re.compile(r"\w")


class ReplacementCharacter(lint.Rule):
    """The Unicode replacement character U+FFFD (``�``), or its mojibake ``ï¿½``, in the
    text: a decoder met bytes that were not valid in the encoding it assumed and replaced
    them. The original character is lost: ``Caf� au lait``, ``S�o Paulo``, ``Stra�e``.

    Why it matters: the word is broken for readers and search, and the damage is
    irreversible at this point; the text has to be decoded again from the source bytes,
    with the right encoding. Nothing can be suggested, so there is no fix.
    """

    code = "ENC002"
    name = "replacement-character"
    severity = "error"
    languages = None
    summary = "U+FFFD replacement character: a character lost in decoding"
    fix_hint = "Decode the source again with its real encoding; the character cannot be guessed here."
    fix = None
    confidence = 0.9
    matches = (
        lint.Example("We had a caf\ufffd au lait before the meeting.", "en", covers="\ufffd"),
        lint.Example("Il sindaco di Citt\ufffd di Castello ha parlato.", "it", covers="\ufffd"),
        lint.Example("Er wohnt in der Hauptstra\ufffde in Berlin.", "de", covers="\ufffd"),
        lint.Example("Ele mora em S\ufffd\ufffdo Paulo.", "pt", covers="\ufffd\ufffd"),
        lint.Example("他说\ufffd\ufffd我们从俄罗斯跑出来。", "zh", covers="\ufffd"),
        lint.Example("Он живёт в Моск\ufffd\ufffd.", "ru", covers="\ufffd"),
        lint.Example("Nous avons pris un cafï¿½ ensemble.", "fr", covers="ï¿½"),
    )
    no_matches = (
        lint.Example("We had a café au lait before the meeting.", "en"),
        lint.Example("The symbol ? stands for an unknown value.", "en"),
        lint.Example("他说我们从俄罗斯跑出来。", "zh"),
    )

    def check(self, doc):
        text = doc.text
        if "\ufffd" not in text and "\u00ef\u00bf\u00bd" not in text:
            return
        for m in _FFFD.finditer(text):
            s, e = m.span()
            # show the damaged word, not just the character
            ws, we = s, e
            while ws > 0 and ws > s - 30 and _WORD_CHAR.match(text[ws - 1]):
                ws -= 1
            while we < len(text) and we < e + 30 and _WORD_CHAR.match(text[we]):
                we += 1
            n = m.group().count("\ufffd") + m.group().count("\u00ef\u00bf\u00bd")
            yield self.finding(doc, ws, we, f"{n} character{'s' if n > 1 else ''} lost in decoding (U+FFFD) "
                               f"in {text[ws:we]!r}")
