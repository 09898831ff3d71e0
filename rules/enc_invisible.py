"""ENC003 invisible-character: control and invisible format characters in prose.

NUL and other C0/C1 controls, zero-width spaces and joiners where no script needs them,
byte-order marks in mid-text, bidirectional controls in left-to-right text, invisible
Unicode tags, Hangul fillers, soft hyphens (information only).

>>> import lint
>>> [(f.text, f.suggestion) for f in lint.check_text(InvisibleCharacter(), "zero\\u200bwidth", "en")]
[('\\u200b', '')]
"""
from __future__ import annotations

import re
import unicodedata

import lint

_CANDIDATE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x81\x8d\x8f\x90\x9d\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\U000e0000-\U000e007f]"
)
#: scripts that use ZWNJ/ZWJ as part of their spelling (Arabic, Persian, Indic, Sinhala...)
_JOINING_SCRIPT = re.compile("[\u0600-\u08ff\u0900-\u0dff\u0f00-\u0fff\u1000-\u109f\ufb50-\ufdff\ufe70-\ufeff"
                             "\u0590-\u05ff\u0700-\u074f\u0780-\u07bf\u1780-\u17ff\u0e00-\u0eff\u0d80-\u0dff]")
#: scripts written without spaces where a zero-width space marks word breaks (Thai, Lao,
#: Khmer, Myanmar, Tibetan)
_NO_SPACE_SCRIPT = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u0f00-\u0fff]")
#: right-to-left text: bidirectional controls are legitimate in its paragraphs
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
_MONGOLIAN = re.compile("[\u1800-\u18af]")
_BIDI = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c")


#: every byte but the candidates a Latin-1 text can hold: ``bytes.translate`` deletes them
_NOT_LATIN1_CANDIDATE = bytes(b for b in range(256) if not _CANDIDATE.match(chr(b)))


def _latin1_clean(text: str) -> bool:
    """True when ``text`` is Latin-1 (most European texts) and holds none of the
    candidate characters: one C pass over its bytes (``bytes.translate`` at memory speed,
    several times faster than the class scan). False for any other text (it raises at
    its first character above U+00FF) or when a candidate is there."""
    try:
        data = text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return not data.translate(None, _NOT_LATIN1_CANDIDATE)


def _is_emoji(ch: str) -> bool:
    if not ch:
        return False
    o = ord(ch)
    return (0x1F000 <= o <= 0x1FAFF or 0x2600 <= o <= 0x27BF or 0x2190 <= o <= 0x21FF or 0x2B00 <= o <= 0x2BFF
            or o in (0xFE0F, 0x20E3, 0x2640, 0x2642, 0x2695, 0x2708, 0x2764) or 0x1F3FB <= o <= 0x1F3FF
            or 0xE0020 <= o <= 0xE007F)


def _name(ch: str) -> str:
    try:
        return unicodedata.name(ch)
    except ValueError:
        return {"\x00": "NULL", "\x0b": "LINE TABULATION", "\x0c": "FORM FEED", "\x7f": "DELETE"}.get(
            ch, "CONTROL CHARACTER")


class InvisibleCharacter(lint.Rule):
    """A control or invisible format character inside prose: NUL and other C0/C1 control
    characters (tab, newline and carriage return excepted), zero-width space U+200B,
    zero-width non-joiner and joiner U+200C/U+200D where no script needs them, a byte-order
    mark U+FEFF in mid-text, word joiners, invisible operators, bidirectional controls
    (U+202A-U+202E, U+2066-U+2069, U+200E/U+200F) in left-to-right text, invisible Unicode
    tag characters (used to smuggle hidden text), Hangul fillers used as blanks; a soft hyphen
    U+00AD is reported as information.

    Why it matters: the characters are invisible but split words for search and tokenisers
    (``zero\\u200bwidth`` is two words), hide text, or reorder what a reader sees (a
    right-to-left override in an English sentence). They come from copy-paste out of web
    pages and word processors or from broken conversions.

    Legitimate uses are left alone: a joiner inside an emoji sequence (👩‍💻), ZWNJ/ZWJ in
    Persian, Arabic and Indic words, a zero-width space between Thai or Khmer words,
    bidirectional marks in paragraphs with right-to-left script, a Mongolian vowel separator
    in Mongolian, tag characters in a flag emoji. The fix removes the character (safe),
    except for a vertical tab or form feed, which become a line break (unsafe).
    """

    code = "ENC003"
    name = "invisible-character"
    severity = "warning"
    languages = None
    summary = "control or invisible format character in the text"
    fix_hint = "Delete the character (a form feed or vertical tab: replace it with a line break)."
    fix = "safe"
    confidence = 0.6
    matches = (
        lint.Example("The zero\u200bwidth space splits this word.", "en", covers="\u200b"),
        lint.Example("Il sindaco\x00 ha parlato ieri.", "it", covers="\x00"),
        lint.Example("Der Bürger\u00admeister sprach gestern.", "de", covers="\u00ad"),
        lint.Example("El alcalde habló ayer.\u202e.olleh", "es", covers="\u202e"),
        lint.Example("Le maire a parlé\ufeff hier soir.", "fr", covers="\ufeff"),
        lint.Example("Мэр выступил\u200d вчера.", "ru", covers="\u200d"),
        lint.Example("Belediye başkanı\x07 dün konuştu.", "tr", covers="\x07"),
        lint.Example("市长\u200b昨天发表了讲话。", "zh", covers="\u200b"),
        lint.Example("Hidden\U000e0069\U000e0067\U000e006e text.", "en", covers="\U000e0069"),
    )
    no_matches = (
        lint.Example("The programmer 👩\u200d💻 fixed it, and the family 👨\u200d👩\u200d👧 waved.", "en"),
        lint.Example("می\u200cخواهم بروم.", "en"),
        lint.Example("The Hebrew word \u200fשלום\u200f means peace.", "en"),
        lint.Example("Tabs\tand\r\nnewlines are fine.", "en"),
        lint.Example("สวัสดี\u200bครับ", "en"),
        lint.Example("The flag \U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f is Welsh.", "en"),
        lint.Example("मैं\u200d हिंदी बोलता हूँ।", "en"),
    )

    def check(self, doc):
        text = doc.text
        if _latin1_clean(text):
            return
        pos = 0
        n = len(text)
        while True:
            # one character at a time (a single-character class scans ~2x faster than a
            # repeated one); a run of invisible characters is gathered here
            m = _CANDIDATE.search(text, pos)
            if not m:
                return
            start = end = m.start()
            while end < n and _CANDIDATE.match(text, end):
                end += 1
            pos = end
            if start == 0 and text[0] == "\ufeff" and end == 1:
                continue  # a byte-order mark at the very start
            run = text[start:end]
            prev = text[start - 1] if start else ""
            nxt = text[end] if end < len(text) else ""
            kept = [ch for ch in run if not self._legit(doc, text, start, ch, prev, nxt, run)]
            if not kept:
                continue
            ch = kept[0]
            names = sorted({_name(c) for c in kept})
            what = ", ".join(f"U+{ord(c):04X} {_name(c)}" for c in dict.fromkeys(kept))[:120]
            if ch == "\u00ad" and all(c == "\u00ad" for c in kept):
                yield self.finding(doc, start, end, f"soft hyphen (U+00AD) in the text", suggestion="",
                                   severity="info", confidence=0.2)
                continue
            if any(c in "\x0b\x0c" for c in kept) and len(names) == 1:
                yield self.finding(doc, start, end, f"{what} in the text", suggestion="\n", fix="unsafe",
                                   confidence=0.4, severity="info" if "\x0c" in kept else None)
                continue
            keep = "".join(c for c in run if c not in kept)
            conf = 0.9 if "\x00" in kept else (0.7 if any(c in _BIDI or "\U000e0000" <= c for c in kept) else 0.6)
            yield self.finding(doc, start, end, f"invisible character{'s' if len(kept) > 1 else ''} {what}",
                               suggestion=keep, severity="error" if "\x00" in kept else None, confidence=conf)

    @staticmethod
    def _legit(doc, text, pos, ch, prev, nxt, run) -> bool:
        if ch in "\u200c\u200d":
            if _is_emoji(prev) or _is_emoji(nxt):
                return True
            return bool(_JOINING_SCRIPT.match(prev or " ") or _JOINING_SCRIPT.match(nxt or " "))
        if ch == "\u200b":
            return bool(_NO_SPACE_SCRIPT.match(prev or " ") or _NO_SPACE_SCRIPT.match(nxt or " "))
        if ch in _BIDI:
            lo = max(0, pos - 400)
            return bool(_RTL.search(text, lo, min(len(text), pos + 400)))
        if "\U000e0000" <= ch <= "\U000e007f":
            # a flag emoji: black flag, tag letters, cancel tag
            k = pos
            while k > 0 and "\U000e0000" <= text[k - 1] <= "\U000e007f":
                k -= 1
            return k > 0 and text[k - 1] == "\U0001f3f4"
        if ch in "\u3164\u115f\u1160\uffa0":
            return bool(_HANGUL.match(prev or " ") or _HANGUL.match(nxt or " "))
        if ch == "\u180e":
            return bool(_MONGOLIAN.match(prev or " ") or _MONGOLIAN.match(nxt or " "))
        return False
