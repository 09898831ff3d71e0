"""Pattern matchers of the SPN family: spun numbers (SPN003) and spun outlet names (SPN004).

Called once per document by :func:`rules._spn_common.spn_hits` (never by a rule directly),
so their hits are shared with the SPN005 density rule.

>>> import lint
>>> doc = lint.Document("The army enlists three hundred,000 men for 2 or three days.", lang="en")
>>> [doc.text[h.start:h.end] for h in pattern_hits(doc)]
['three hundred,000', '2 or three']
"""
from __future__ import annotations

import re
from functools import lru_cache

import lint

from ._spn_common import NUMBER, OUTLET, Hit, lexicon

# -- SPN003 spun numbers --------------------------------------------------------------
#: number words 1-9 per language (articles such as 'un', 'a', 'een' left out: they are
#: not numbers in running text), and the words that join two numbers in a range/choice
_UNITS = {
    "en": ("one two three four five six seven eight nine", "or to"),
    "it": ("due tre quattro cinque sei sette otto nove", "o a"),
    "es": ("dos tres cuatro cinco seis siete ocho nueve", "o a"),
    "fr": ("deux trois quatre cinq six sept huit neuf", "ou à"),
    "de": ("zwei drei vier fünf sechs sieben acht neun", "oder bis"),
    "pt": ("dois duas três quatro cinco seis sete oito nove", "ou a"),
    "nl": ("twee drie vier vijf zes zeven acht negen", "of tot"),
}
#: number words that a spinner leaves in front of a digit group ('three hundred,000')
_BIG = {
    "en": "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty "
          "sixty seventy eighty ninety hundred",
    "it": "due tre quattro cinque sei sette otto nove dieci venti trenta cento duecento trecento quattrocento "
          "cinquecento seicento settecento ottocento novecento",
    "es": "dos tres cuatro cinco seis siete ocho nueve diez veinte treinta cien cientos doscientos trescientos "
          "cuatrocientos quinientos",
    "fr": "deux trois quatre cinq six sept huit neuf dix vingt trente cent cents",
    "de": "zwei drei vier fünf sechs sieben acht neun zehn zwanzig dreißig hundert",
    "pt": "dois duas três quatro cinco seis sete oito nove dez vinte trinta cem cento duzentos trezentos",
    "nl": "twee drie vier vijf zes zeven acht negen tien twintig dertig honderd",
}


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in set(words)), key=len, reverse=True))


#: endings of the words for hundreds (en, it, es, fr, de, pt, nl): the last word of a
#: spelled-out group of three digits
_HUNDREDS = ("hundred", "cento", "cien", "ientos", "cent", "cents", "hundert", "cem", "entos", "honderd")
_ALL_UNITS = {w for units, _ in _UNITS.values() for w in units.split()}
_ALL_JOIN = {w for _, joins in _UNITS.values() for w in joins.split()}
_ALL_BIG = {w for ws in _BIG.values() for w in ws.split()}
#: 'three hundred,000': number words glued to a thousands group. A digit group right after
#: a letter is rare, so it is found first and the words before it checked after.
_WORDS_BEFORE_GROUP = re.compile(rf"(?<!\w)(?:(?:{_alt(_ALL_BIG)})[\s-])*(?:{_alt(_ALL_BIG)})$")
#: Every cue of a spun number in one scan (it opens with a character class, so ``re``
#: skips at C speed to commas, periods and digits):
#: * a thousands group ``,000`` (only the comma or period is consumed, the digits looked
#:   ahead, so a digit of the group can still start a pair);
#: * '2 or three': a digit, a joining word and a number word (group ``j``, ``w``);
#: * a lone digit after white space, the end of a possible 'two or 3' (the joining word
#:   and the number word before it are checked on the few such digits).
#: A digit can end one pair and start another ('two or 3 or four'): a digit that starts
#: a pair is checked as an end too.
#: * '5,two hundred' ('5,200'): a digit group, then a number word where the next group
#:   of digits was (group ``g``); '£fifteen': a currency sign glued to a number word
#:   (group ``c``). Both words are checked against the paragraph's language after.
_LONE = r"(?!\w|[.,]\d|-)"
_NUMBER_CUES = re.compile(
    r"[,.1-9£$€](?:(?<=[,.])(?:(?=\d{3}(?!\d))"
    rf"|(?<=\d[,.])(?P<g>(?:{_alt(_ALL_BIG)})(?:[ -](?:{_alt(_ALL_BIG)}))*)(?!\w))"
    rf"|(?<=[£$€])(?P<c>(?:{_alt(_ALL_BIG)})(?:[ -](?:{_alt(_ALL_BIG)}))*)(?!\w)"
    rf"|(?<=[1-9])(?:\s+(?P<j>{_alt(_ALL_JOIN)})\s+(?P<w>{_alt(_ALL_UNITS)}){_LONE}|(?<=\s[1-9]){_LONE}))"
)
#: the joining word before the white space that precedes a lone digit ('or' in 'two or 3')
_JOIN_BEFORE = re.compile(rf"\s(?P<j>{_alt(_ALL_JOIN)})\Z")
_PAIR_BEFORE = re.compile(rf"(?<![\w.,])(?P<w>{_alt(_ALL_UNITS)})$")
_EN_VALUES = {w: i + 1 for i, w in enumerate(_UNITS["en"][0].split())}


def _lang_ok(word: str, join: str, lang) -> bool:
    """The number word and the joining word belong to the paragraph's language."""
    units, joins = _UNITS.get(lang or "en", _UNITS["en"])
    return word.lower() in units.split() and join.lower() in joins.split()


def _lowered(doc) -> str:
    """``doc.lowered`` (computed once per document, shared with the phrase matcher);
    the original text when lower-casing changes its length (offsets must not move)."""
    low = doc.lowered
    return low if len(low) == len(doc.text) else doc.text


def number_hits(doc) -> list[Hit]:
    text = doc.text
    low = _lowered(doc)
    out = []
    pairs, tails = [], []
    for m in _NUMBER_CUES.finditer(low):
        q = m.start()
        words = m.group("g") or m.group("c")
        if words:  # '5,two hundred', '£fifteen'
            s, e = (q - 1 if m.group("g") else q), m.end()
            if m.group("g"):
                while s > 0 and low[s - 1].isdigit():
                    s -= 1
                if s > 0 and (low[s - 1].isalnum() or low[s - 1] in ",."):
                    continue  # inside a longer token ('1.5,two', 'v2,three')
            big = _BIG.get(doc.lang_at(q) or "en", _BIG["en"]).split()
            parts = words.replace("-", " ").split()
            # a group of three digits spelled out ends in hundreds ('two hundred', 'trecento')
            if all(w in big for w in parts) and (m.group("c") or parts[-1].endswith(_HUNDREDS)):
                out.append(Hit(NUMBER, s, e, 0.6, f"spun number: digits and number words mixed in '{text[s:e]}'",
                               None, "number:group"))
            continue
        if low[q] in ",.":  # a thousands group right after a letter
            if q == 0 or not low[q - 1].isalpha():
                continue
            w = _WORDS_BEFORE_GROUP.search(low, max(0, q - 60), q)
            if w is None:
                continue
            s, e = w.start(), q + 4
            out.append(Hit(NUMBER, s, e, 0.6, f"spun number: number words glued to a digit group in '{text[s:e]}'",
                           None, "number:group"))
            continue
        if m.group("j") is not None and not (q > 0 and (low[q - 1].isalnum() or low[q - 1] in "_.,")):
            pairs.append((q, m.end(), m.start("w"), m.end("w"), m.group("j"), low[q], True))
        if q == 0 or not low[q - 1].isspace():
            continue
        # a lone digit after white space: 'two or 3'?
        k = q - 1
        while k > 0 and low[k - 1].isspace():
            k -= 1
        j = _JOIN_BEFORE.search(low, max(0, k - 6), k)
        if j is None:
            continue
        w = _PAIR_BEFORE.search(low, max(0, j.start() - 12), j.start())
        if w is not None:
            tails.append((w.start(), q + 1, w.start("w"), w.end("w"), j.group("j"), low[q], False))
    pairs += tails
    for s, e, ws, we, join, digit, first_digit in pairs:
        word = text[ws:we]
        if not _lang_ok(word, join, doc.lang_at(s)):
            continue
        if word[0].isupper() and not first_digit and s > 0 and text[max(0, s - 2):s].strip() not in ("", ".", "!", "?"):
            continue  # 'Formula One or 2': a capitalised name, not a number word
        suggestion = None
        if doc.lang_at(s) in ("en", None) and word.lower() in _EN_VALUES:
            v = str(_EN_VALUES[word.lower()])
            suggestion = f"{digit} {join} {v}" if first_digit else f"{v} {join} {digit}"
        out.append(Hit(NUMBER, s, e, 0.45, f"spun number: digits and number words mixed in '{text[s:e]}'",
                       suggestion, "number:pair"))
    return out


# -- SPN004 spun outlet names -----------------------------------------------------------
@lru_cache(maxsize=None)
def _outlets():
    """(acronym regex, {spin word: strong?}, [(fixed spun name, correct name)])."""
    names, spins, fixed = [], {}, []
    for row in lint.read_tsv(lexicon("outlets.tsv"), 3):
        kind, a, b = row[:3]
        if kind == "outlet":
            names.append(a)
        elif kind in ("strong", "weak"):
            spins[a] = kind == "strong"
        elif kind == "fixed":
            fixed.append((a, b))
    # no leading \b: a pattern that starts with capital letters lets the engine skip fast
    # to candidates; the left boundary is checked on the (rare) matches
    name_re = re.compile(rf"(?P<outlet>{_alt(names)})[ \t]+(?P<spin>{_alt(spins)})\b")
    fixed_alts = [re.escape(a).replace(r"\ ", r"\s+") for a, _ in sorted(fixed, key=lambda f: -len(f[0]))]
    fixed_re = re.compile(r"(?:" + "|".join(fixed_alts) + r")\b")
    # Both in one scan, a gate: one flat alternation, every alternative a literal first (so
    # ``re`` skips at C speed to their first letters); it finds nothing where neither
    # pattern finds anything (most texts), and the two scans run only where it does.
    either = re.compile("|".join([rf"{n}[ \t]+(?:{_alt(spins)})\b" for n in _alt(names).split("|")]
                                 + [rf"{a}\b" for a in fixed_alts]))
    return name_re, spins, (fixed_re, {" ".join(a.split()): b for a, b in fixed}), either


_NEXT_WORD = re.compile(r"[ \t]+(\w)")


def _capital_follows(text: str, pos: int) -> bool:
    """True when a capitalised word follows: 'Reuters Information Services' is one name."""
    m = _NEXT_WORD.match(text, pos)
    return m is not None and m.group(1).isupper()


def _word_before(text: str, pos: int) -> bool:
    return pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] == "_")


def outlet_hits(doc) -> list[Hit]:
    text = doc.text
    name_re, spins, fixed_re, either = _outlets()
    if either.search(text) is None:
        return []
    found = [(m.start(), m.end(), m.group("outlet"), m.group("spin")) for m in name_re.finditer(text)
             if not _capital_follows(text, m.end()) and not _word_before(text, m.start())]
    variants: dict[str, set] = {}
    for _, _, outlet, spin in found:
        variants.setdefault(outlet, set()).add(spin)
    out = []
    for s, e, outlet, spin in found:
        strong = spins[spin]
        several = len(variants[outlet]) >= 2
        if not (strong or several):
            continue
        others = sorted(v for v in variants[outlet] if v != spin)
        why = f" (also written '{outlet} {others[0]}' in this text)" if others else ""
        out.append(Hit(OUTLET, s, e, 0.55 if strong and several else (0.5 if strong else 0.4),
                       f"spun outlet name: '{outlet} {spin}' is probably '{outlet} News'{why}",
                       f"{outlet} News", f"outlet:{outlet}"))
    fixed_re, real = fixed_re
    for m in fixed_re.finditer(text):
        if _word_before(text, m.start()):
            continue
        name = real.get(" ".join(m.group().split()), "")
        out.append(Hit(OUTLET, m.start(), m.end(), 0.5, f"spun outlet name: '{m.group()}' is probably '{name}'",
                       name or None, f"outlet:{m.group().lower()}"))
    return out


def pattern_hits(doc) -> list[Hit]:
    return number_hits(doc) + outlet_hits(doc)
