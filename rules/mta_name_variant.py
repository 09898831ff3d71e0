"""MTA004 name-variant: one name spelled two ways in one document.

Translation (machine or hurried human) transliterates a name afresh each time it meets it,
or slips one letter: ``Alexei`` two lines before ``Alexey``, the camp ``Atameken`` three
times and ``Atamaken`` once. The minority spelling is reported with the majority one as the
suggestion (unsafe: it may really be someone else).

>>> transliteration_key("Alexey") == transliteration_key("Aleksei")
True
>>> transliteration_key("Yevgeny") == transliteration_key("Evgeniy")
True
>>> transliteration_key("Mario") == transliteration_key("Maria")
False
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache
from itertools import chain, compress, repeat
from operator import add, eq, is_, itemgetter, not_
from typing import Optional

import regex

import lint

from ._mta_common import NOT_NAMES, first_name, translit_chars

_SLAVIC_CULTURES = frozenset({"ru", "kk"})
#: languages whose names take case endings (compared without their last three letters)
_INFLECTING = frozenset({"ru", "pl", "uk", "cs", "sk", "sl", "hr", "sr", "bg", "tr", "fi", "hu", "et", "lt", "lv",
                         "el", "ro", "be"})
#: inflecting languages whose case endings :func:`_slavic_stem` strips before two names are compared
_SLAVIC_LANGS = frozenset({"ru", "pl", "uk", "cs", "sk", "sl", "hr", "sr", "bg", "be"})
_VOWELS = set("aeiouyàáâãäåèéêëìíîïòóôõöùúûüýаеёиоуыэюяіїє")

#: Rewrites that map the usual Latin transliterations of one Russian/Slavic name to one key
#: (``re``: ASCII classes and fixed-width look-behinds, several times faster than ``regex``)
_KEY_RULES = [
    (re.compile(r"ks"), "x"),                         # Aleksei / Alexei
    (re.compile(r"^ye"), "e"),                        # Yevgeny / Evgeny, Yelena / Elena
    (re.compile(r"(?<=[aeiou])ye"), "e"),             # Sergeyev / Sergeev
    (re.compile(r"(?<=[bcdfghklmnprstvz])yo"), "e"),  # Fyodor / Fedor, Artyom / Artem
    (re.compile(r"(?<=[bcdfghklmnprstvz])(?:iy|ii|yi|ij|y)$"), "i"),  # Dmitry / Dmitri / Dmitriy
    (re.compile(r"(?<=[aeou])[yj]$"), "i"),           # Alexey / Alexei, Nikolay
    (re.compile(r"(?<=[bcdfghklmnprstvz])i?ya$"), "ia"),  # Natalya / Natalia, Mariya / Maria
    (re.compile(r"(?<=[bcdfghklmnprstvz])iy(?=[aeou])"), "i"),  # Anatoliy... inner
]
#: the rewrites above that only a Slavic transliteration explains
_SLAVIC_MARK = re.compile(r"ks|^ye|[aeiou]ye|[^aeiou]yo|(?:iy|ii|yi|ij)$|[aeo]y$|ya$")

#: a capitalised word (the name inside ``l’Ucraina``, ``Atameken'de``, ``Alexei's``; not inside
#: a hyphenated or camel-cased token)
_CAPWORD = regex.compile(
    r"(?:(?<![\p{L}\p{M}\p{N}'’\-])|(?<=(?<![\p{L}\p{M}])\p{Ll}{1,5}['’]))"
    r"(\p{Lu}[\p{Ll}\p{M}]{2,})"
    r"(?![\p{L}\p{M}\p{N}\-]|['’]\p{Lu})"
)


@lru_cache(maxsize=1)
def _capword_re():
    """:data:`_CAPWORD` for ``re`` (about twice as fast), for a text without characters
    outside the Basic Multilingual Plane: the Unicode categories as classes of the BMP
    characters that ``regex`` itself puts in them (so both engines agree on every BMP
    character), the variable-width look-behind of an elision as five fixed-width ones, and
    the capital first (a class: ``re`` skips to the capitals at C speed) with the
    look-behinds checked from just after it. Built once per process (a few ms)."""
    bmp = lint.bmp_chars()
    cat = {c: regex.sub(rf"\P{{{c}}}+", "", bmp) for c in ("Lu", "Ll", "L", "M", "N")}
    lu, ll = lint.char_class(cat["Lu"]), lint.char_class(cat["Ll"])
    llm = lint.char_class("".join(sorted(set(cat["Ll"] + cat["M"]))))
    lm = lint.char_class("".join(sorted(set(cat["L"] + cat["M"]))))
    lmn = lint.char_class("".join(sorted(set(cat["L"] + cat["M"] + cat["N"]))))
    elided = "|".join(f"(?<=(?<![{lm}])[{ll}]{{{k}}}['’])" for k in range(1, 6))
    return re.compile(f"([{lu}](?<=(?:(?<![{lmn}'’\\-])|{elided})[{lu}])[{llm}]{{2,}})"
                      f"(?![{lmn}\\-]|['’][{lu}])")


#: texts after which :func:`_capwords` builds the ``re`` pattern (its ~60 ms are worth it
#: for a corpus, not for the few files of a pre-commit run)
_CAPWORD_RE_AFTER = 20
_capword_calls = 0


def _capwords(text: str) -> list:
    """``_CAPWORD.findall(text)``, with ``re`` when the text is all in the Basic
    Multilingual Plane (nearly always: then every character is two bytes in UTF-16).

    >>> _capwords("Alexei and l’Ucraina, Atameken'de; McDonald 𝐀bc Jean-Paul")
    ['Alexei', 'Ucraina', 'Atameken', '𝐀bc']
    """
    global _capword_calls
    if _capword_calls < _CAPWORD_RE_AFTER:
        _capword_calls += 1
        return _CAPWORD.findall(text)
    if lint.bmp_only(text):
        return _capword_re().findall(text)
    return _CAPWORD.findall(text)


#: what may stand between two spellings that a text lists as alternatives on purpose:
#: "Gordievski, Gordievsky o Gordievskiy", "Alexei (or Alexey)", "Yuri/Yury"
_ALTERNATIVE_GAP = regex.compile(
    r"[\s,;/()\[\]«»“”\"'’-]*(?:(?:or|also|aka|a\.k\.a\.|o|ou|oder|of|ovvero|oppure|ossia|ou seja|"
    r"also spelled|also known as|known as|или|либо|veya|ya da|lub|albo)\b[\s,:;/()\[\]«»“”\"'’-]*)?",
    regex.IGNORECASE,
)
_HAN_SPEAKER_VERBS = "说|表示|称|问道|指出|写道|回忆说|补充说|解释说|认为|认识到"
_SPEAKER = None
_MAY_VARY = re.compile(r"[ykj]|ii$")


@lru_cache(maxsize=65536)
def transliteration_key(name: str) -> str:
    """One key for the usual Latin transliterations of a name (memoised: names recur)."""
    key = name.lower()
    if not _MAY_VARY.search(key):
        return key  # no rule applies
    for pattern, repl in _KEY_RULES:
        key = pattern.sub(repl, key)
    return key


def _name_like(name: str) -> bool:
    """Long enough to compare (five letters), or a known first name."""
    return len(name) >= 5 or first_name(name) is not None


def _variant_key(name: str) -> str:
    """The transliteration key of a capitalised word that may be spelled several ways (it
    has a letter that transliterations vary and is :func:`_name_like`), else ''."""
    if _MAY_VARY.search(name.lower()) and _name_like(name):
        return transliteration_key(name)
    return ""


#: name -> _variant_key(name), for every name seen (a document's names are looked up in
#: it at C speed; cleared when it grows past _VARIANT_MAX names, so memory stays flat)
_VARIANT_KEYS: dict[str, str] = {}
_VARIANT_MAX = 200_000
#: _MAY_VARY for ``re`` (the same pattern: literal letters and an end anchor)
_MAY_VARY_RE = re.compile(r"[ykj]|ii$")


def _variant_keys(names: list) -> list:
    """``[_variant_key(n) for n in names]``, memoised per process. New names are sorted at
    C speed: most have no letter that transliterations vary (key '')."""
    keys = list(map(_VARIANT_KEYS.get, names))
    missing = list(compress(names, map(is_, keys, repeat(None))))
    if missing:
        if len(_VARIANT_KEYS) + len(missing) > _VARIANT_MAX:
            _VARIANT_KEYS.clear()
            missing = list(dict.fromkeys(names))
        varies = list(map(_MAY_VARY_RE.search, map(str.lower, missing)))
        _VARIANT_KEYS.update(zip(compress(missing, map(not_, varies)), repeat("")))
        _VARIANT_KEYS.update((n, _variant_key(n)) for n in compress(missing, varies))
        keys = list(map(_VARIANT_KEYS.__getitem__, names))
    return keys


def _strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


class _Places:
    """Where each capitalised word occurs, found on demand (few names ever need it): the
    occurrences of the string (``str.find``, C speed), each confirmed as a whole
    capitalised word by ``_CAPWORD`` at that offset (its look-behinds see the text before)."""

    def __init__(self, text: str):
        self.text = text
        self._spans: dict[str, list] = {}

    def __getitem__(self, name: str) -> list:
        spans = self._spans.get(name)
        if spans is None:
            spans = self._spans[name] = []
            text = self.text
            i = text.find(name)
            while i >= 0:
                m = _CAPWORD.match(text, i)
                if m is not None and m.group(1) == name:
                    spans.append(m.span(1))
                i = text.find(name, i + 1)
        return spans

    def first(self, name: str) -> int:
        spans = self[name]
        return spans[0][0] if spans else 0


def _listed_together(text: str, names, where) -> bool:
    """True when two of ``names`` stand side by side as declared alternatives."""
    spans = sorted((s, e) for n in names for s, e in where[n])
    for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
        if text[s1:e1] != text[s2:e2] and s2 - e1 <= 30:
            if _ALTERNATIVE_GAP.fullmatch(text, e1, s2) is not None:
                return True
    return False


#: the capitalised word after a name, past name particles (``Bénard da Costa``)
_NEXT_CAP = regex.compile(r"[ \t\n]+(?:(?:da|de|do|dos|das|di|del|della|van|von|der|den|du|la|le|bin|ibn|al|el)"
                          r"[ \t]+)?(\p{Lu}[\p{Ll}\p{M}]+)")
_PREV_CAP = regex.compile(r"(\p{Lu}[\p{Ll}\p{M}]+)[ \t\n]+$")
#: what stands before a word that opens a sentence (it is capitalised for that alone)
_OPENS_SENTENCE = regex.compile(r"(?:^|[.!?…:;\"“”«»„()\[\]—–-])[ \t\n]*$")


def _neighbours(text: str, spans, lang, strict: bool = False) -> set:
    """Capitalised words right before or after the occurrences (first name, surname), not
    common words ("Yesterday Sergei said"); ``strict``: nor a word that opens a sentence,
    unless it is a known first name ("- Wybrałeś Bośnię": a verb, capitalised for its
    place)."""
    out = set()
    for s, e in spans:
        for m in (_NEXT_CAP.match(text, e), _PREV_CAP.search(text, max(0, s - 40), s)):
            if m is None:
                continue
            w = m.group(1)
            particle = m.start(1) > e and len(text[e:m.start(1)].split()) == 1  # 'da Costa': a surname
            if not particle and (w.lower() in NOT_NAMES or lint.zipf(w, "en") >= 4.8
                                 or (lang and lint.zipf(w, lang) >= 4.8)):
                continue
            if strict and m.start(1) < s and _OPENS_SENTENCE.search(text, max(0, m.start(1) - 4), m.start(1)) \
                    and not first_name(w):
                continue
            out.add(w)
    return out


def _same_person(text: str, a: str, b: str, where, lang=None) -> bool:
    """Can two spellings name one person? Not when each comes with its own other names
    (Dmitri Frank, Dmitry Ilyin: two people in a list of contributors)."""
    na, nb = _neighbours(text, where[a], lang), _neighbours(text, where[b], lang)
    if na & nb:
        return True   # Tony Mechelynck / Tony Mechylynck
    if na and nb:
        return False  # each with its own surname or first name: two people
    return len(na | nb) <= 1  # one bare: the same person unless the other names several


def _speaker_pattern():
    global _SPEAKER
    if _SPEAKER is None:
        tc = "".join(sorted(translit_chars()))
        _SPEAKER = regex.compile(rf"(?<![{tc}])([{tc}]{{2,5}})(?={_HAN_SPEAKER_VERBS})")
    return _SPEAKER


@lru_cache(maxsize=1)
def _translit_runs():
    """Runs of two transliteration characters or more (``re``: a class first, so it skips
    to them at C speed)."""
    return re.compile(f"[{re.escape(''.join(sorted(translit_chars())))}]{{2,}}")


_SPEAKER_VERBS = tuple(_HAN_SPEAKER_VERBS.split("|"))


def _speakers(text: str):
    """(offset, name) for each match of :func:`_speaker_pattern` in ``text``, found from
    the runs of transliteration characters: a match starts a run (no such character
    before it) and is its longest head of two to five characters that a speech verb
    follows.

    >>> [(m.start(), m.group(1)) for m in _speaker_pattern().finditer("乔治说。来自的作家乔吉说")] == list(_speakers("乔治说。来自的作家乔吉说"))
    True
    """
    startswith = text.startswith
    for m in _translit_runs().finditer(text):
        s, e = m.span()
        for k in range(min(5, e - s), 1, -1):
            if startswith(_SPEAKER_VERBS, s + k):
                yield s, text[s:s + k]
                break


# -- spellings one edit apart ---------------------------------------------------------------
#: case endings of Slavic names (Latin and Cyrillic), longest first: ``Воронцова``, ``Воронцову``
#: and ``Воронцов`` share the stem ``воронцов``; ``Kowalskiego`` and ``Kowalski`` share
#: ``kowalsk`` (from the declension tables of Russian and Polish surnames)
_SLAVIC_ENDING = re.compile(
    r"(?:iego|ego|emu|owi|ami|ach|ów|om|em|im|ym|ie|ą|ę|a|u|e|y|i|o|"
    r"ого|его|ому|ему|ыми|ими|ой|ей|ым|им|ом|ем|ую|ою|ая|ий|ый|а|у|е|ы|и|ю|я|о)$")
#: endings that make a feminine name of a masculine one, or a genitive: ``Daniel``/``Daniela``,
#: ``Louis``/``Louise``, ``Michel``/``Michelle``, ``Julien``/``Julienne``, ``Hoffmann``/``Hoffmanns``
_ADDED_ENDINGS = frozenset("a e i o s ie ia ja na ne le la te ta ka ca ova eva ina ine ette elle nne lle".split())
_VOWEL_SET = frozenset("aeiouyаеёиоуыэюяіїє")


def _ending_only(a: str, b: str, p: int) -> bool:
    """Do ``a`` and ``b`` (lower case, common prefix of ``p`` letters) differ only as a gender
    or case ending does: one of them extended by an ending (``daniel``/``daniela``), or the
    final vowel changed (``mario``/``maria``)?

    >>> _ending_only("daniel", "daniela", 6), _ending_only("mario", "maria", 4)
    (True, True)
    >>> _ending_only("figueiredo", "figueirdo", 7), _ending_only("hoffmann", "hoffmonn", 5)
    (False, False)
    """
    ta, tb = a[p:], b[p:]
    if not ta or not tb:
        return (ta or tb) in _ADDED_ENDINGS
    return len(ta) == len(tb) == 1 and ta in _VOWEL_SET and tb in _VOWEL_SET


#: vowels that alternate or drop in the last syllable of a Slavic noun as it declines
#: (Ukrainian і/о: Львів, Львова; Polish ó/o, ą/ę: Kraków, Krakowa; Russian fleeting о/е/ё:
#: Орёл, Орла)
_SLAVIC_ALTERNATING = frozenset("іоеёєиyóoąęeaаі")


def _alternating_vowel(a: str, b: str, p: int) -> bool:
    """True when the stems ``a`` and ``b`` differ at ``p`` only by a vowel that Slavic
    declension changes or drops there.

    >>> _alternating_vowel("тяжилів", "тяжилов", 5), _alternating_vowel("орёл", "орл", 2)
    (True, True)
    >>> _alternating_vowel("petrov", "petrow", 5)
    False
    """
    if len(a) != len(b):  # one dropped: the longer one's letter at p
        longer = a if len(a) > len(b) else b
        return longer[p:p + 1] in _SLAVIC_ALTERNATING and p < len(longer)
    return a[p:p + 1] in _SLAVIC_ALTERNATING and b[p:p + 1] in _SLAVIC_ALTERNATING


def _edit(a: str, b: str, most: int = 1):
    """(position, edits) when ``a`` becomes ``b`` by at most ``most`` letter edits
    (substitution, insertion, deletion, swap of two neighbours: one edit each) after a
    common prefix of ``position`` letters, else None.

    >>> _edit("asante", "asnate"), _edit("figueiredo", "figueirdo"), _edit("dmitri", "dimitri")
    ((2, 1), (7, 1), (1, 1))
    >>> _edit("lefebvret", "lefebvrier", 2), _edit("lefebvret", "lefebvrier")
    ((7, 2), None)
    """
    p = 0
    n = min(len(a), len(b))
    while p < n and a[p] == b[p]:
        p += 1
    ra, rb = a[p:], b[p:]
    s = 0
    while s < len(ra) and s < len(rb) and ra[-1 - s] == rb[-1 - s]:
        s += 1
    ra, rb = ra[:len(ra) - s], rb[:len(rb) - s]
    if not ra and not rb:
        return None
    if len(ra) == len(rb) == 2 and ra == rb[::-1]:
        return p, 1  # a swap: Asante / Asnate
    if abs(len(ra) - len(rb)) > most:
        return None
    row = list(range(len(rb) + 1))  # Levenshtein distance of the short residues
    for i, ca in enumerate(ra, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(rb, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    cost = row[-1]
    return (p, cost) if cost <= most else None


@lru_cache(maxsize=65536)
def _near_stem(name: str, lang: str, slavic: bool) -> Optional[str]:
    """The stem :meth:`NameVariant._near_spellings` compares ``name`` by, or None for a name
    it leaves out: shorter than five letters, or an ordinary word (Zipf 4.5 or more in
    ``lang`` or English: 'After', 'Police' at a sentence start), which no reported pair
    holds."""
    if len(name) < 5:
        return None
    low = name.lower()
    if low in lint.common_words(lang, 4.5) or low in lint.common_words("en", 4.5):
        return None
    return _stem(name, slavic)


@lru_cache(maxsize=65536)
def _deletions(stem: str) -> tuple:
    """``stem`` and every form of it with one letter left out, but the first: the keys under
    which two stems one edit apart meet (names recur from document to document: cached).

    >>> _deletions("anna")
    ('anna', 'ana', 'ann')
    """
    return tuple(dict.fromkeys([stem] + [stem[:i] + stem[i + 1:] for i in range(1, len(stem))]))


@lru_cache(maxsize=65536)
def _stem(name: str, slavic: bool) -> str:
    """Lower case without accents (nor Slavic case endings), the form two spellings are
    compared in."""
    low = transliteration_key(name)
    if not low.isascii():
        low = _strip_accents(low)
    if slavic and len(low) > 5:
        low = _SLAVIC_ENDING.sub("", low)
    return low


#: Han characters that transliterations use for the same syllable (娜塔莉亚 / 娜塔丽亚 for Natalia),
#: by pinyin syllable (from the Xinhua transliteration tables' usual alternatives)
_HAN_SAME_SOUND = {c: i for i, g in enumerate(
    "丽利莉里力立理黎 亚娅雅 斯丝思 尔 纳娜 尼妮 琳林 蒂迪 克科 夫弗芙福 伊依 玛马 莎沙 娃瓦 维韦威 基吉 "
    "琪奇齐 希西 罗洛 露路鲁卢 蕾雷 莫默 耶叶 艾爱 顿敦 德 特".split()) for c in g}
#: katakana variants of one sound: the long-vowel mark, small and large vowels
_KANA_FOLD = str.maketrans("ァィゥェォッャュョヮヵヶヴ", "アイウエオツヤユヨワカケブ", "ー")


def _han_variant(a: str, b: str) -> bool:
    """One character of ``a`` replaced by another of the same sound (Chinese), or the same
    katakana but for long-vowel marks and small vowels (Japanese), in a name part of three
    characters or more."""
    if a == b:
        return False
    if a.translate(_KANA_FOLD) == b.translate(_KANA_FOLD) and len(a.translate(_KANA_FOLD)) >= 2:
        return True
    if len(a) != len(b) or len(a) < 3:
        return False
    diff = [k for k in range(len(a)) if a[k] != b[k]]
    if len(diff) != 1:
        return False
    ga = _HAN_SAME_SOUND.get(a[diff[0]])
    return ga is not None and ga == _HAN_SAME_SOUND.get(b[diff[0]])




_DOT = regex.compile(r"[·・•‧･]")


@lru_cache(maxsize=1)
def _dotted_pattern():
    """A dotted foreign name in Chinese or Japanese: parts of transliteration characters or
    of katakana joined by a middle dot (娜塔莉亚·彼德罗娃, ミハイル・ボロディン)."""
    tc = "".join(sorted(translit_chars()))
    part = rf"(?:[{tc}]{{1,8}}|[\p{{Katakana}}ー]{{2,12}})"
    return regex.compile(rf"(?<![{tc}\p{{Katakana}}ー]){part}(?:[·・•‧･]{part})+(?![{tc}\p{{Katakana}}ー])")


_INTRO = regex.compile(r"(?<![\p{L}\p{M}])(\p{Lu}[\p{Ll}\p{M}]+)[ \t]+$")
_INTRO_BEFORE = regex.compile(r"[\p{Ll}\p{M},:;]$")


def _introduced(text: str, spans) -> bool:
    """Does a capitalised word stand right before an occurrence, itself inside a sentence (a
    first name: ``Художник Павел Воронцов``; not ``По словам Воронцова``)?"""
    for s, _e in spans:
        m = _INTRO.search(text, max(0, s - 40), s)
        if m is not None and m.group(1).lower() not in NOT_NAMES:
            before = text[max(0, m.start() - 3):m.start()].rstrip(" \t")
            if before and _INTRO_BEFORE.search(before):
                return True
    return False


_STRESS = "\u0301"
#: words that present a second spelling or another name of the same person or place
_ALTERNATIVE_NEAR = regex.compile(
    r"(?<![\p{L}\p{M}])(?:or|aka|a\.k\.a\.|also spelled|known as|née|né|born|alias|ou|oder|ovvero|oppure|ossia|"
    r"(?:conocid|conhecid|chamad|llamad|nacid)[oa]s? como|not[oa] come|dit|dite|geboren|geb\.|или|либо|урожд\.|"
    r"урождённая|lub|albo|zwany|veya|ya da|ook wel|eller|även kallad|född)(?![\p{L}\p{M}])", regex.IGNORECASE)


def _lower_in(text: str, name: str) -> bool:
    """Does the name occur in lower case in the text (a common word, not a name)?"""
    low = name.lower()
    i = text.find(low)
    while i >= 0:
        j = i + len(low)
        if (i == 0 or not text[i - 1].isalpha()) and (j >= len(text) or not text[j].isalpha()):
            return True
        i = text.find(low, i + 1)
    return False


class NameVariant(lint.Rule):
    """One name spelled two ways in one document: transliteration variants of a Russian or
    other Slavic name (``Alexei``/``Alexey``, ``Sergei``/``Sergey``, ``Yevgeny``/``Evgeny``,
    ``Dmitri``/``Dmitry``, ``Aleksandr``/``Alexandr``, ``Natalya``/``Natalia``) and
    one-letter slips of a rare proper noun (``Atameken`` three times, ``Atamaken`` once:
    same length, one letter substituted, both rare words, the majority at least twice as
    frequent); a letter dropped, added or swapped with its neighbour (``Asante``/``Asnate``,
    ``Figueiredo``/``Figueirdo``, accents only as in ``Ibáñez``/``Ibanez``), reported when
    the same first name or surname stands next to both spellings (then two edits in a long
    surname too), or when the minority spelling is a rare word (Zipf 1.5 or less) against a
    name used at least twice as often, or against a better known one introduced earlier with
    its first name; Slavic names are compared without their case endings (``Воронцова`` and
    ``Варонцову``; ``Putin``/``Putinem`` are one name). Dotted Chinese and Japanese names
    (``娜塔莉亚·彼德罗娃``/``娜塔丽亚·彼德罗娃``, ``ミハイル・ボロディーン``/``ミハイル・ボロディン``) that
    differ in one part by a same-sound character or a long-vowel mark. In Chinese, two
    transliterated speaker names that differ in one character
    (``乔吉说`` once, ``乔治说`` twice; reported as info: names differ by one character
    more often than Latin ones do). Translation produces these when it renders a name
    afresh each time. Different names that happen to be close are left alone: gender endings
    (``Mario``/``Maria``, ``Ivan``/``Ivana``), first names that are both in the lexicon
    (``Marco``/``Marc``), short names, a difference in the first letter, two people each with
    a first name of their own (``Hans Schmidt``, ``Karl Schmitt``), spellings given as
    alternatives (``also known as``, ``или``).
    The suggestion is the majority spelling (unsafe: check it is the same person)."""

    code = "MTA004"
    name = "name-variant"
    severity = "warning"
    languages = None
    summary = "one name spelled two ways in a document (Alexei/Alexey, Atameken/Atamaken)"
    fix = "unsafe"
    fix_hint = "Spell the name the same way everywhere (the suggestion is the majority spelling)."
    confidence = 0.6
    matches = (
        lint.Example("Vadim e il suo amico Alexei viaggiarono verso il confine.\n\n"
                     "“Siamo scappati”, dice Alexey.", "it", covers="Alexey"),
        lint.Example("Sergei Ivanov left Moscow in May. Sergey says he will not return.", "en", covers="Sergey"),
        lint.Example("Ha detto al campo di Atameken. Il campo Atameken è vicino. Atameken ospita molti russi. "
                     "Ha detto al campo di Atamaken.", "it", covers="Atamaken"),
        lint.Example("Yevgeny Petrov arrived on Monday. Evgeny said the border was closed.", "en", covers="Evgeny"),
        lint.Example("El pueblo de Kostanai es pequeño. En Kostanai hay frío. Kostenai tiene un mercado.", "es",
                     covers="Kostenai"),
        lint.Example("来自叶卡捷琳堡的作家乔吉说，他逃到了哈萨克斯坦。乔治说，他没有支持战争。“我很难过，”乔治说。", "zh",
                     covers="乔吉"),
        # a letter swapped, dropped, added; two edits after one first name; a Russian case form
        lint.Example("Midfielder Kwame Asante scored twice before the break. Asante now has nine goals this season. "
                     "Asnate later thanked the travelling fans.", "en", covers="Asnate"),
        lint.Example("Die Bürgermeisterin Ulrike Hoffstetter eröffnete am Samstag das Fest. Am Abend sprach Ulrike "
                     "Hofstetter mit den Gästen über den neuen Spielplatz.", "de", covers="Hofstetter"),
        lint.Example("O treinador Anselmo Figueiredo chegou cedo ao estádio. Figueiredo falou com os jogadores "
                     "durante uma hora. No fim, Figueirdo pediu calma aos adeptos.", "pt", covers="Figueirdo"),
        lint.Example("Художник Павел Воронцов открыл выставку в Твери. По словам Воронцова, работа заняла два года. "
                     "Варонцову вручили премию города.", "ru", covers="Варонцову"),
        # dotted names: a same-sound character, a long-vowel mark
        lint.Example("历史学家娜塔莉亚·彼德罗娃来到北京。她在大学里讲课。娜塔丽亚·彼德罗娃表示，她还会再来。", "zh",
                     covers="娜塔丽亚·彼德罗娃"),
        lint.Example("作曲家ミハイル・ボロディーンが来日した。ミハイル・ボロディンは東京で演奏した。", "ja",
                     covers="ミハイル・ボロディン"),
    )
    no_matches = (
        lint.Example("O advogado Bernard Nussbaum falou ontem aos jornalistas na capital. No filme, o papel do "
                     "assistente cabe a Bénard da Costa, que o faz muito bem.", "pt"),
        lint.Example("- Wybrałeś Bośnię? - zapytała matka przy kolacji. Potem opowiadał już tylko o Bognie, swojej "
                     "rodzinnej wsi pod Krakowem.", "pl"),
        lint.Example("Mario and Maria are siblings. Mario is older than Maria.", "en"),
        lint.Example("Marco met Marc in Paris. Marco and Marc became friends.", "en"),
        lint.Example("Daniel and Daniela, Paulo and Paula, Ivan and Ivana came too.", "en"),
        lint.Example("Hansen scored twice. Hansen was happy. Jansen was not.", "en"),
        lint.Example("Sergei Lavrov met Sergei Shoigu. Sergei Lavrov spoke first.", "en"),
        lint.Example("Zürich is big. Zürich is rich. Zurich is in Switzerland.", "en"),
        lint.Example("Il ministro Rossi ha parlato con Rossa e Rossi. Rossi ha detto di sì.", "it"),
        lint.Example("Kowalski przyjechał. Kowalski mówi. Kowalska milczy.", "pl"),
        lint.Example("Terry and Terri are twins. Terry is taller.", "en"),
        lint.Example("乔治说，他没有支持战争。乔治说他很难过。", "zh"),
        # two people, each with a first name; siblings and spouses; case forms; plurals; a nickname
        lint.Example("Hans Schmidt and Karl Schmitt run rival bakeries. Schmidt opens at six, Schmitt at seven.", "en"),
        lint.Example("Daniel Ortega and Daniela Ortega are twins. Daniel Ortega is a lawyer.", "en"),
        lint.Example("Maria Rossi e Mario Rossi sono sposati. Maria Rossi insegna, Mario Rossi no.", "it"),
        lint.Example("Rozmawialiśmy z Putinem. Putin odpowiedział krótko. Putina nie było na sali.", "pl"),
        lint.Example("Павел Воронцов открыл выставку. Воронцова поздравили коллеги. Воронцову вручили премию.", "ru"),
        lint.Example("Los Ganadores y las Ganadoras recibieron premios. Ganadores y Ganadoras posaron juntos.", "es"),
        lint.Example("Giovanni Verga visitò Catania. Gianni, come lo chiamavano gli amici, rimase a Catania.", "it"),
        lint.Example("アンナ・スミスとアンヌ・スミスは姉妹だ。アンナ・スミスが姉だ。", "ja"),
    )

    def check(self, doc):
        text = doc.text
        counts = Counter(_capwords(text))
        if len(counts) >= 2:
            places = _Places(text)
            names = list(counts)
            lows = list(map(str.lower, names))
            reported = set()
            for f in self._transliterations(doc, counts, names, lows, places):
                reported.add(f.text)
                yield f
            for f in self._slips(doc, counts, names, lows, places):
                reported.add(f.text)
                yield f
            yield from self._near_spellings(doc, counts, names, lows, places, reported)
        if "zh" in doc.languages:
            yield from self._han_names(doc)
        if doc.languages & {"zh", "ja"}:
            yield from self._dotted_names(doc)

    # -- Slavic transliteration variants -------------------------------------------
    def _transliterations(self, doc, counts, all_names, lows, where):
        # Names group by transliteration key. Only groups of two names or more matter: the
        # names are picked with ``compress`` (C speed), and lists are built for those groups
        # only (a document has many names; few share a key).
        keys = _variant_keys(all_names)  # '' for a name no transliteration varies
        key_count = Counter(compress(keys, keys))
        if not key_count:
            return
        # a name spelled like a key (Alexei, which no rule changes) joins that key's group;
        # a key that is the lower case of its only name gets no one else (when no two names
        # share a lower case)
        lowset = set(lows)
        extra = key_count.keys() & lowset
        if extra and len(lowset) == len(lows):
            extra -= {low for low in compress(lows, map(eq, lows, keys)) if key_count[low] == 1}
        needed = {k for k, n in key_count.items() if n >= 2} | extra
        if not needed:
            return
        groups: dict[str, list[str]] = {}
        for name, key in compress(zip(all_names, keys), map(needed.__contains__, keys)):
            groups.setdefault(key, []).append(name)
        for name, low in compress(zip(all_names, lows), map(extra.__contains__, lows)):
            if name not in groups[low] and _name_like(name):
                groups[low].append(name)
        for names in groups.values():
            if len(names) < 2:
                continue
            names.sort(key=lambda n: (-counts[n], where.first(n)))
            major = names[0]
            for minor in names[1:]:
                if not self._is_variant(major, minor, doc.lang) or _listed_together(doc.text, names, where):
                    continue
                if not _same_person(doc.text, major, minor, where, doc.lang):
                    continue
                for s, e in where[minor]:
                    yield self.finding(
                        doc, s, e,
                        f"'{minor}' is spelled '{major}' elsewhere in the document "
                        f"({counts[major]}x against {counts[minor]}x): one transliteration throughout",
                        suggestion=major,
                    )

    @staticmethod
    def _is_variant(a: str, b: str, lang) -> bool:
        fa, fb = first_name(a), first_name(b)
        if fa and fb:
            # both known names: the same name only if both are Slavic transliterations
            return bool(fa[1] & _SLAVIC_CULTURES) and bool(fb[1] & _SLAVIC_CULTURES)
        for w in (a, b):
            if lint.zipf(w, "en") >= 4.0 or (lang and lang != "en" and lint.zipf(w, lang) >= 4.0):
                return False  # a common word: Marks / Marx, Meyer / Meer
        la, lb = a.lower(), b.lower()
        # at least one spelling must carry a mark only a Slavic transliteration explains
        return bool(_SLAVIC_MARK.search(la) or _SLAVIC_MARK.search(lb))

    # -- one-letter slips of a rare proper noun -------------------------------------
    def _slips(self, doc, counts, names, lows, where):
        lang = doc.lang or "en"
        # majority spellings: 2+ occurrences, five letters or more (most documents have few),
        # and rare (a pair is reported only when both spellings are): not a common word of
        # the language or of English (Zipf >= 3, a set look-up; the rest is looked up in
        # wordfreq for the candidate pairs only). The majority name of a pair (at a majority
        # spelling's length, two occurrences or more) is a majority spelling itself.
        common = lint.common_words(lang)
        common_en = lint.common_words("en")
        reps = [j for j in compress(range(len(names)), map((2).__le__, counts.values()))
                if len(names[j]) >= 5 and lows[j] not in common and lows[j] not in common_en]
        if not reps:
            return
        # Two spellings that differ in one letter (never the first) share their length, their
        # first letter, and their second or their last letter: only the names shaped like a
        # majority spelling can pair with it, so the wildcards below are built for those few.
        # Shapes and wildcards are strings, not tuples: a document has many names, and
        # strings cost the garbage collector nothing.
        # Length and first letter first (for every name), second and last letter then for
        # the few names of a majority spelling's length and first letter.
        sized = list(map(add, map(chr, map(len, lows)), map(itemgetter(0), lows)))
        rep_sized = {sized[j] for j in reps}
        sized_like = list(compress(range(len(names)), map(rep_sized.__contains__, sized)))
        if len(sized_like) == len(reps):
            return  # no name shaped like a majority spelling but the majority spellings
        by_second: dict[int, str] = {}
        by_last: dict[int, str] = {}
        for j in sized_like:
            by_second[j] = sized[j] + lows[j][1]
            by_last[j] = sized[j] + lows[j][-1]
        rep_second = {by_second[j] for j in reps}
        rep_last = {by_last[j] for j in reps}
        shaped = [j for j in sized_like if by_second[j] in rep_second or by_last[j] in rep_last]
        if len(shaped) == len(reps):
            return  # no name shaped like a majority spelling but the majority spellings
        n_second = Counter(by_second[j] for j in shaped)
        n_last = Counter(by_last[j] for j in shaped)
        # the one-letter wildcards of the majority spellings that share a shape with another
        # name: the name in lower case, "\0" for the letter
        majors: set[str] = set()
        for j in reps:
            if n_second[by_second[j]] >= 2 or n_last[by_last[j]] >= 2:
                low = lows[j]
                majors.update(low[:i] + "\0" + low[i + 1:] for i in range(1, len(low)))
        if not majors:
            return
        lengths = {len(k) for k in majors}
        buckets: dict[str, list[str]] = defaultdict(list)
        for j in shaped:
            name, low = names[j], lows[j]
            if len(name) not in lengths:
                continue
            for i in range(1, len(low)):
                key = low[:i] + "\0" + low[i + 1:]
                if key in majors:
                    buckets[key].append(name)
        rarity: dict[str, bool] = {}

        def rare(name):  # looked up only for candidate pairs: word tables load lazily
            r = rarity.get(name)
            if r is None:
                z = lint.zipf(name, "en") if lang == "en" else max(lint.zipf(name, lang), lint.zipf(name, "en"))
                r = rarity[name] = z < 2.0
            return r

        reported = set()
        inflected = lang in _INFLECTING
        for key, group in buckets.items():
            if len(group) < 2:
                continue
            i = key.index("\0")
            for a in group:
                for b in group:
                    if a == b or counts[a] < 2 or counts[a] < 2 * counts[b] or b in reported:
                        continue
                    ca, cb = a.lower()[i], b.lower()[i]
                    if ca == cb:
                        continue
                    if i == len(a) - 1 and ca in _VOWELS and cb in _VOWELS:
                        continue  # a gender or case ending: Mario / Maria, Rossi / Rossa
                    if inflected and i >= len(a) - 3:
                        continue  # a case ending: Smirnitskiy / Smirnitskoy
                    if _strip_accents(ca) == _strip_accents(cb):
                        continue  # accents only: Zürich / Zurich
                    if first_name(a) and first_name(b):
                        continue
                    if not (rare(a) and rare(b)):
                        continue
                    if _listed_together(doc.text, (a, b), where) or not _same_person(doc.text, a, b, where, lang):
                        continue
                    reported.add(b)
                    for s, e in where[b]:
                        yield self.finding(
                            doc, s, e,
                            f"'{b}' differs by one letter from '{a}', used {counts[a]}x in the document: "
                            f"a slip in the name?",
                            suggestion=a,
                        )

    # -- spellings one edit apart (a letter dropped, added, swapped or changed) ----------------
    def _near_spellings(self, doc, counts, names, lows, where, reported):
        """Pairs of names one edit apart (two for long surnames that share a first name):
        ``Asante``/``Asnate``, ``Figueiredo``/``Figueirdo``. Reported when the
        evidence says one person: the same first name or surname next to both (``Ulrike
        Hoffstetter``, ``Ulrike Hofstetter``), or a rare spelling (Zipf 1.5 or less, a word no
        dictionary knows) against a name used at least twice as often, or against a better
        known name introduced earlier with its first name or surname."""
        text = doc.text
        lang = doc.lang or "en"
        slavic = lang in _SLAVIC_LANGS
        inflected = lang in _INFLECTING and not slavic
        # the names of five letters or more that are not ordinary words (no reported pair
        # holds one: see :func:`_near_stem`), with their stems: one cached look-up a name
        # (names recur from document to document), mapped and filtered in C
        stems = dict(filter(itemgetter(1), zip(names, map(_near_stem, names, repeat(lang), repeat(slavic)))))
        if len(stems) < 2:
            return
        # two stems one edit apart (never in the first letter) meet under one of their keys
        # (:func:`_deletions`); long surnames two edits apart after their first four letters
        # (Lefebvret / Lefebvrier; kept only when a first name or surname stands next to
        # both) share those four letters. Most documents have no such meeting: one set of
        # all the keys (in C) tells, before any index is built.
        keys = list(chain.from_iterable(map(_deletions, stems.values())))
        heads = [st[:4] for st in stems.values() if len(st) >= 7]
        if len(set(keys)) == len(keys) and len(set(heads)) == len(heads):
            return
        # the keys two stems share, then the names under each (set operations in C: no
        # index of every key)
        seen: set = set()
        met = {k for k in keys if k in seen or seen.add(k)}
        index: dict[str, list] = defaultdict(list)
        for n, st in stems.items():
            for key in met.intersection(_deletions(st)):
                index[key].append(n)
        pairs = {(x, y) for g in index.values() if len(g) >= 2 for x in g for y in g if x < y}
        by_head: dict[str, list] = defaultdict(list)
        for n, st in stems.items():
            if len(st) >= 7:
                by_head[st[:4]].append(n)
        for g in by_head.values():
            if 2 <= len(g) <= 8:
                pairs.update((x, y) for x in g for y in g if x < y)
        if not pairs:
            return
        zipfs: dict[str, float] = {}

        def zipf(w):
            z = zipfs.get(w)
            if z is None:
                z = zipfs[w] = max(lint.zipf(w, lang), lint.zipf(w, "en"))
            return z

        for x, y in sorted(pairs, key=lambda p: (where.first(p[0]), where.first(p[1]))):
            if x in reported or y in reported:
                continue
            sx, sy = stems[x], stems[y]
            if sx == sy:
                if slavic or x.lower() == y.lower() or transliteration_key(x) != x.lower():
                    continue  # a case ending, or a transliteration (see _transliterations)
                lx, ly = x.lower(), y.lower()
                p = next((k for k in range(min(len(lx), len(ly))) if lx[k] != ly[k]), 0)
                e = (p, 1)  # accents only: Ibáñez / Ibanez
            else:
                e = _edit(sx, sy, 2)
            if e is None or e[0] == 0 or _STRESS in x or _STRESS in y:
                continue  # not the first letter; not a dictionary's stress marks (Ива́нов)
            p, cost = e
            if _ending_only(sx, sy, p) or (inflected and p >= min(len(sx), len(sy)) - 3):
                continue  # Daniel / Daniela, Mario / Maria; a case ending
            if slavic and p >= min(len(sx), len(sy)) - 2 and _alternating_vowel(sx, sy, p):
                continue  # a vowel that alternates in declension: Тяжилів / Тяжилова, Kraków / Krakowa
            a, b = sorted((x, y), key=lambda n: (-counts[n], where.first(n)))
            if zipf(b) >= 4.5 or zipf(a) >= 4.5 or (first_name(a) and first_name(b) and not (
                    first_name(a)[1] & first_name(b)[1] & _SLAVIC_CULTURES)):
                continue  # an ordinary word; two first names (Marc / Mark)
            na, nb = _neighbours(text, where[a], lang), _neighbours(text, where[b], lang)
            shared = na & nb
            if cost == 2 and not (shared and p >= 4 and min(len(sx), len(sy)) >= 7 and p < min(len(sx), len(sy))):
                continue  # two edits inside two long surnames, not an added ending (Петров / Петрович)
            if not shared:
                if zipf(b) > 1.5 or not _same_person(text, a, b, where, lang):
                    continue
                more = counts[a] >= 2 and counts[a] >= 2 * counts[b]
                # one use each: the better known spelling came first with a first name or
                # surname beside it (not a word capitalised because it opens a sentence)
                earlier = (counts[a] >= counts[b] and where.first(a) < where.first(b) and zipf(a) >= zipf(b) + 1.0
                           and not nb and (_neighbours(text, where[a], lang, strict=True) or _introduced(text, where[a]))
                           and not _introduced(text, where[b]))
                if not (more or earlier):
                    continue
            if _listed_together(text, (a, b), where) or _lower_in(text, a) or _lower_in(text, b):
                continue  # alternatives on purpose; a word of the text (a common noun at a sentence start)
            if any(_ALTERNATIVE_NEAR.search(text, max(0, s0 - 40), e0 + 40) for s0, e0 in where[b]):
                continue  # "X (also known as Y)", "X (или Y)"
            reported.add(b)
            fix = a
            sa, sb = stems[a], stems[b]
            if slavic and sa != a.lower() and a.lower().startswith(sa) and b.lower().startswith(sb):
                fix = a[:len(sa)] + b[len(sb):]  # the case of the minority: Варонцову -> Воронцову
            elif slavic and sb != b.lower() and a.lower() == sa and b.lower().startswith(sb):
                fix = a + b[len(sb):]
            for s, e2 in where[b]:
                yield self.finding(
                    doc, s, e2,
                    f"'{b}' is spelled '{a}' elsewhere in the document ({counts[a]}x against {counts[b]}x): "
                    f"a slip in the name?",
                    suggestion=fix, confidence=0.45,
                )

    # -- dotted foreign names in Chinese and Japanese ------------------------------------------
    def _dotted_names(self, doc):
        text = doc.text
        found = [m for m in _dotted_pattern().finditer(text) if doc.lang_at(m.start()) in ("zh", "ja")]
        names = Counter(m.group() for m in found)
        if len(names) < 2:
            return
        first = {}
        for m in found:
            first.setdefault(m.group(), m.start())
        parts = {n: _DOT.split(n) for n in names}
        done = set()
        for x in names:
            for y in names:
                if x >= y or len(parts[x]) != len(parts[y]):
                    continue
                diff = [k for k, (u, v) in enumerate(zip(parts[x], parts[y])) if u != v]
                if len(diff) != 1 or not _han_variant(parts[x][diff[0]], parts[y][diff[0]]):
                    continue
                a, b = sorted((x, y), key=lambda n: (-names[n], first[n]))
                if b in done:
                    continue
                done.add(b)
                for m in found:
                    if m.group() == b:
                        yield self.finding(
                            doc, m.start(), m.end(),
                            f"'{b}' is written '{a}' elsewhere in the document ({names[a]}x against "
                            f"{names[b]}x): one transliteration throughout",
                            suggestion=a,
                        )

    # -- Chinese transliterated speaker names -----------------------------------------
    def _han_names(self, doc):
        text = doc.text
        spk: dict[str, list[int]] = defaultdict(list)
        for start, name in _speakers(text):
            if doc.lang_at(start) == "zh":
                spk[name].append(start)
        if len(spk) < 2:
            return
        names = list(spk)
        total = {n: text.count(n) for n in names}
        for b in names:
            if total[b] != 1:
                continue
            for a in names:
                if a == b or len(a) != len(b) or total[a] < 2:
                    continue
                diff = [k for k in range(len(a)) if a[k] != b[k]]
                if len(diff) != 1 or (len(a) == 2 and diff[0] == 0):
                    continue
                s = spk[b][0]
                yield self.finding(
                    doc, s, s + len(b),
                    f"speaker '{b}' differs by one character from '{a}', who speaks {total[a]}x in the "
                    f"document: one transliteration throughout",
                    suggestion=a, confidence=0.3, severity="info",
                )
                break
