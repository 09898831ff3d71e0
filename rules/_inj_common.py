"""Shared matching of the INJ (injected content) rules, computed once per document.

* :func:`foreign_runs` (INJ001): runs of one to four words that are unknown in the
  paragraph's language but common in another one, inside a sentence ('to buttress badoo
  incelemeleri his forces': Turkish 'incelemeleri' = 'reviews' in English text).
* :func:`spam_hits` (INJ002): SEO spam keywords (one compiled trie over every language's
  lexicon) and spam slugs ('best-online-casino-bonus').

Word frequencies of the paragraph's own language come from :func:`lint.zipf`. For the
other languages only their common words are needed ("is this word frequent in Turkish?"),
so a compact table of the words with Zipf >= 3 is read from wordfreq's data once per
process and language, and only when a document has a candidate word at all: about
40,000 words a language, ~0.05 s to load each, a fraction of a full table's time and
memory.

>>> import lint
>>> doc = lint.Document("Putin's mobilization last month to buttress badoo incelemeleri his forces sparked an exodus.", lang="en")
>>> [(doc.text[r.start:r.end], r.foreign) for r in foreign_runs(doc)]
[('badoo incelemeleri', 'tr')]
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain, compress
from operator import eq, itemgetter, not_
from typing import Optional

import lint

from ._spn_common import TrieMatcher, search_lowered, trie_body

#: languages INJ001 covers, by script
LATIN = ("en", "it", "es", "fr", "de", "pt", "nl", "pl", "tr")
CYRILLIC = ("ru",)
LANGUAGES = LATIN + CYRILLIC
#: Cyrillic languages whose paragraphs are checked for Latin-script keywords only: their
#: text mixes in Russian words and their own cognates of them, which are no injection
LATIN_ONLY = ("uk", "bg")
#: the languages of the paragraphs INJ001 looks at
PARAGRAPH_LANGUAGES = LANGUAGES + LATIN_ONLY
NAMES = {"en": "English", "it": "Italian", "es": "Spanish", "fr": "French", "de": "German", "pt": "Portuguese",
         "nl": "Dutch", "pl": "Polish", "tr": "Turkish", "ru": "Russian"}
#: a candidate is (nearly) unknown in the paragraph's language...
UNKNOWN = 1.5
#: ...and common in another
COMMON = 3.0
#: a brand or name next to a foreign keyword ('badoo incelemeleri') is rare everywhere
BRAND_MAX = 2.7
#: a word this common right before the run governs it (an article or a preposition: 'una
#: freguesia', 'des gminy'): a borrowed noun used in the sentence, not a pasted keyword
GOVERNING = 5.0
#: closely related languages share cognates: one rare word of the paragraph's language
#: is often a common word of its neighbour ('olvida', 'explicite')
FAMILIES = ({"es", "pt", "it", "fr", "ro", "ca"}, {"de", "nl", "en", "sv"})


def related(a: str, b: str) -> bool:
    return any(a in f and b in f for f in FAMILIES)


def lexicon(name: str) -> str:
    return lint.data_path(__file__, "lexicons", "inj", name)


def common_words(lang: str) -> dict:
    """word -> Zipf frequency for the words of ``lang`` with Zipf >= COMMON (wordfreq's
    small list, built once per process by the engine; {} when unavailable)."""
    return lint.common_words(lang, COMMON)


#: per paragraph language, the lower-case words known to be the core of a run, and those
#: known not to be, so that a document's candidates are sorted out by set operations in C
#: (both emptied when one holds _MEMO_MAX words, so memory stays flat over a long run)
_CORES: dict[str, set] = {}
_NOT_CORES: dict[str, set] = {}
_MEMO_MAX = 200_000
#: per language: its common words as a frozenset (a set is probed faster than a dict)
_KNOWN: dict[str, frozenset] = {}


def _core_test(low: str, lang: str) -> bool:
    """``low`` (a lower-case word) can be the core of a run in a paragraph of ``lang`` (not
    memoised: :func:`core_lowers` keeps the answers).

    >>> _core_test("incelemeleri", "en"), _core_test("forces", "en")
    (True, False)
    """
    return len(low) >= 4 and low.isalpha() and low[0].islower() and foreign_language(low, lang) is not None


def _known(lang: str) -> frozenset:
    """The common words of ``lang`` (Zipf >= COMMON) as a frozenset (a set is probed
    faster than the dict), built once per process and language."""
    known = _KNOWN.get(lang)
    if known is None:
        known = _KNOWN[lang] = frozenset(common_words(lang))
    return known


#: per language: words as written that a document's analysis can skip: the language's
#: common words (never foreign in it), and the words judged here, in a document of the
#: language, neither the core of a run in it (:func:`core_lowers`) nor holding a spam anchor
#: (:func:`_spam_gate`) (reset to the common words when it has grown by _PLAIN_MAX words)
_PLAIN: dict[str, set] = {}
_PLAIN_MAX = 100_000


def _plain(lang: str) -> set:
    plain = _PLAIN.get(lang)
    if plain is None or len(plain) > len(_known(lang)) + _PLAIN_MAX:
        plain = _PLAIN[lang] = set(_known(lang))
    return plain


def _todo(doc, lang: str) -> set:
    """The distinct words of ``doc`` not plain in ``lang`` (see ``_PLAIN``): every word a
    run's core or a spam anchor can come from, and no common word of ``lang`` (cached per
    language in ``doc.cache``; the first one is also the spam gate's, see
    :func:`_spam_possible`)."""
    todos = doc.cache.get("inj.todo")
    if todos is None:
        todos = doc.cache["inj.todo"] = {}
    got = todos.get(lang)
    if got is None:
        got = todos[lang] = doc.word_set - _plain(lang)
    return got


def _pieces(words: str) -> str:
    """``words`` (one a line) with hyphens and apostrophes turned into line breaks: their
    pieces, a line each."""
    return words.replace("-", "\n").replace("'", "\n").replace("’", "\n")


def _anchor_free(words: list) -> list:
    """The words of ``words`` (as written) whose lower case has the length of the word,
    pieces (split at hyphens and apostrophes) of letters and digits only, and no spam
    anchor among those pieces: the words :func:`_spam_possible` may skip in any document.
    Tested all together (C speed): the words whose lower case is longer, then those with
    an anchor piece (from where the anchors are found) are left out; word by word only
    when a piece holds another character (a combining mark).

    >>> _anchor_free(["house", "Casino", "casino-bonus", "İstanbul", "road", "Bets", "cafe\u0301"])
    ['house', 'road', 'Bets']
    """
    gate = _spam_gate()
    if gate is None or not words:
        return []
    pattern = gate[0]
    joined = "\n".join(words)
    low = joined.lower()
    if len(low) != len(joined):  # 'İ': the words whose lower case keeps their length
        words = list(compress(words, map(eq, map(len, words), map(len, low.split("\n")))))
        joined = "\n".join(words)
        low = joined.lower()
    pieces = _pieces(low)
    if pieces.replace("\n", "").isalnum():
        found = [m.start() for m in pattern.finditer("\n" + pieces + "\n")]
        if not found:
            return words
        # a match starts at the line break before its piece: at the offset of the piece in
        # ``pieces``, inside the word that holds it
        starts = list(accumulate(map(len, words), lambda a, n: a + n + 1, initial=0))
        bad = {bisect_right(starts, q) - 1 for q in found}
        return [w for i, w in enumerate(words) if i not in bad]
    out = []
    for w in words:
        lw = w.lower()
        if len(lw) != len(w):
            continue
        pieces = _pieces(lw)
        if pieces.replace("\n", "").isalnum() and pattern.search("\n" + pieces + "\n") is None:
            out.append(w)
    return out


def _learn(lang: str, todo: set, cores: set) -> None:
    """Add to the plain words of ``lang`` the words of ``todo`` (a document's, see
    :func:`_todo`) that are not a run's core in ``lang`` (their lower case is not in
    ``cores``, the document's cores: :func:`core_lowers` of ``todo``) and hold no spam
    anchor (:func:`_anchor_free`)."""
    if not todo:
        return
    words = _anchor_free(list(todo))
    if cores and words:
        words = [w for w in words if w not in cores and w.lower() not in cores]
    _plain(lang).update(words)


#: documents with new candidate words after which :func:`core_lowers` tests new words
#: against every language's common list at once (loading them all: worth it in a long
#: run, not for the few files of a pre-commit hook)
WARM_AFTER = 200
_CALLS = 0


def core_lowers(words: set, lang: str, rest: Optional[set] = None) -> set:
    """The lower case of the words of ``words`` (as written) that can be the core of a run
    in a paragraph of ``lang``: lower-case initial, letters only, four letters or more, and
    foreign in ``lang`` once lower-cased (see :func:`foreign_language`). ``rest``: the
    words of ``words`` not in ``lang``'s common list, when the caller has them.

    Set operations in C sort out nearly every word: the language's common words go first
    (they are not foreign), then the words already judged in this language (the sets
    ``_CORES`` and ``_NOT_CORES``); the few new ones are judged one by one.

    >>> sorted(core_lowers({"incelemeleri", "Incelemeleri", "forces", "2024", "incelemeLeri"}, "en"))
    ['incelemeleri']
    """
    new = list(words - _known(lang) if rest is None else rest)
    lower = list(map(str.islower, new))
    # all lower case: the word is its own lower case (checked: str.lower leaves every
    # lower-case and every uncased character alone)
    cand = set(compress(new, lower))
    # mixed case with a lower-case initial ('incelemeLeri'): few, lower-cased here; a word
    # with a capital or an uncased initial cannot be a core
    upper = list(compress(new, map(not_, lower)))
    for w in compress(upper, map(str.islower, map(itemgetter(0), upper))):
        if w.isalpha():
            cand.add(w.lower())
    if not cand:
        return cand
    not_cores = _NOT_CORES.get(lang)
    if not_cores is None:
        not_cores = _NOT_CORES[lang] = set()
        _CORES[lang] = set()
    cores = _CORES[lang]
    cand -= not_cores
    if not cand:
        return cand
    out = cand & cores
    if len(out) < len(cand):
        if len(not_cores) >= _MEMO_MAX or len(cores) >= _MEMO_MAX:
            not_cores.clear()
            cores.clear()
        new = cand - out
        global _CALLS
        _CALLS += 1
        if _CALLS <= WARM_AFTER:
            # a short run (a few files): judge the new words one by one, which loads
            # another language's list only for a word unknown in ``lang`` (see
            # :func:`foreign_language`), instead of every list for the test below
            for low in new:
                (cores if _core_test(low, lang) else not_cores).add(low)
            return out | (new & cores)
        # a core is common in another language (:func:`foreign_language`): the new words
        # common in none are not cores (set operations in C; most new words go here)
        elsewhere: set = set()
        for m in LANGUAGES:
            if m != lang:
                elsewhere |= common_words(m).keys() & new
        not_cores |= new - elsewhere
        for low in elsewhere:
            if _core_test(low, lang):
                cores.add(low)
                out.add(low)
            else:
                not_cores.add(low)
    return out


def core_words(words: set, lang: str) -> set:
    """The words of ``words`` (as written) that can be the core of a run in a paragraph of
    ``lang`` (see :func:`core_lowers`).

    >>> sorted(core_words({"incelemeleri", "Incelemeleri", "forces", "2024"}, "en"))
    ['incelemeleri']
    """
    lows = core_lowers(words, lang)
    return {w for w in words if w.isalpha() and w[0].islower() and w.lower() in lows}


#: lower-case letters-only tokens of four letters or more (candidates are drawn from these)
_LONG_WORD = re.compile(r"(?<![\w'’\-])[^\W\d_]{4,}(?![\w'’\-])")


_CYRILLIC_CHAR = re.compile("[\u0400-\u04ff]")


def _is_cyrillic(word: str) -> bool:
    """True when ``word`` holds a Cyrillic letter (C speed; an ASCII word never does)."""
    return not word.isascii() and _CYRILLIC_CHAR.search(word) is not None


@lru_cache(maxsize=None)
def _languages_of_script(lang: str, cyr: bool) -> tuple:
    if cyr and lang in LATIN_ONLY:
        return ()  # a Russian word in Ukrainian or Bulgarian text is no keyword
    return tuple(m for m in (CYRILLIC if cyr else LATIN) if m != lang)


def _script_languages(word: str, lang: str) -> tuple:
    """The supported languages other than ``lang`` written in ``word``'s script."""
    return _languages_of_script(lang, _is_cyrillic(word))


@lru_cache(maxsize=None)
def _script_tables(lang: str, cyr: bool) -> tuple:
    """``(language, common words)`` for the languages of :func:`_script_languages` (of a
    Cyrillic word when ``cyr``), in the same order."""
    return tuple((m, common_words(m)) for m in _languages_of_script(lang, cyr))


@lru_cache(maxsize=65536)
def foreign_language(word: str, lang: str) -> Optional[tuple[str, float]]:
    """(language, zipf) when ``word`` (lower case) is unknown in ``lang`` and common in
    another supported language of its script; None otherwise.

    >>> foreign_language("incelemeleri", "en")
    ('tr', 3.63)
    >>> foreign_language("buttress", "en") is None
    True
    """
    # the frequency in ``lang`` is a slower look-up for a rare word: late in a run it is
    # asked only for a word common in another language (most words asked about are common
    # nowhere); early in a run first, so that other languages' lists load only for a word
    # unknown in ``lang`` (the same answer either way)
    early = _CALLS <= WARM_AFTER
    if early and lint.zipf(word, lang) >= UNKNOWN:
        return None
    best = None
    for m, table in _script_tables(lang, _is_cyrillic(word)):
        z = table.get(word)
        if z is not None and z >= COMMON and (best is None or z > best[1]):
            best = (m, round(z, 2))
    if best is None or (not early and lint.zipf(word, lang) >= UNKNOWN):
        return None
    if lang in SUFFIXES and _inflected(word, lang):
        return None
    return best


#: the commonest suffixes of languages that build word forms by stacking them on a
#: stem, so that a form may be missing from wordfreq's list while its stem is common
#: (Turkish 'balona', to the balloon). From Turkish grammar: case endings (dative,
#: accusative, locative, ablative, genitive, instrumental), plural and possessive
#: endings, in each of their vowel-harmony and consonant variants.
SUFFIXES = {
    "tr": frozenset("""a e ı i u ü ya ye yı yi yu yü na ne nı ni nu nü da de ta te dan den tan ten
        nda nde ndan nden ın in un ün nın nin nun nün sı si su sü yla yle la le lar ler ları leri
        lara lere larda lerde lardan lerden ların lerin dır dir dur dür lı li lu lü""".split()),
}


def _inflected(word: str, lang: str) -> bool:
    """True when ``word`` is a common word of ``lang`` (Zipf >= 3.5, 4+ letters) followed
    by one of its suffixes: Turkish 'balona' is 'balon' + dative '-a', not the Polish word
    it also spells; 'balloon' is not 'ball' + '-oon'.

    >>> _inflected("balona", "tr"), _inflected("balloon", "tr"), _inflected("cheap", "tr")
    (True, False, False)
    """
    suffixes = SUFFIXES[lang]
    for k in range(1, 6):
        stem = word[:-k]
        if len(stem) < 4:
            break
        if word[-k:] in suffixes and lint.zipf(stem, lang) >= 3.5:
            return True
    return False


@lru_cache(maxsize=65536)
def _brand_like(word: str, lang: str) -> bool:
    """A lower-case brand or name: rare in ``lang`` and no rarer elsewhere ('badoo')."""
    z = lint.zipf(word, lang)
    if z >= BRAND_MAX:
        return False
    others = max((common_words(m).get(word, 0.0) for m in _script_languages(word, lang)), default=0.0)
    return others >= COMMON or z < UNKNOWN


@dataclass(frozen=True)
class ForeignRun:
    start: int
    end: int
    lang: str      # the paragraph's language
    foreign: str   # the language the run's keyword belongs to
    words: tuple   # the foreign words of the run
    confidence: float


_OPEN_QUOTES = "“«„‹「『"
_CLOSE_QUOTES = "”»“›」』"


def _inside_quote_or_brackets(text: str, s: int, e: int, sent_s: int, sent_e: int) -> bool:
    before = text[sent_s:s]
    after = text[e:sent_e]
    if before.count("(") > before.count(")") or before.count("[") > before.count("]"):
        return True
    if sum(before.count(q) for q in "“«„‹") > sum(before.count(q) for q in "”»›"):
        return True
    if before.count('"') % 2 == 1 and '"' in after:
        return True
    if re.search(r"(?:^|\s)['‘]\S", before) and not re.search(r"\S['’](?:\s|$)", before) and re.search(r"\S['’]", after):
        return True
    return False


def _spots(text: str, words: set) -> list[int]:
    """Sorted offsets of every occurrence of every word of ``words`` in ``text`` (as
    substrings: a superset of the whole-word occurrences).

    >>> _spots("a foo and a foobar", {"foo"})
    [2, 12]
    """
    out = []
    find = text.find
    for w in words:
        i = find(w)
        while i >= 0:
            out.append(i)
            i = find(w, i + 1)
    out.sort()
    return out


def _is_alpha_lower(w: str) -> bool:
    return w.isalpha() and w[0].islower()


def foreign_runs(doc) -> list[ForeignRun]:
    """INJ001 hits of ``doc``, computed once (cached in ``doc.cache``)."""
    cached = doc.cache.get("inj_foreign")
    if cached is not None:
        return cached
    out: list[ForeignRun] = []
    doc.cache["inj_foreign"] = out
    if not doc.word_set:
        return out
    paras = [(para, para.lang or doc.lang) for para in doc.paragraphs if para.kind in ("text", "list", "quote")]
    # Pre-check on the document's distinct words (C speed): a run grows from a core word,
    # lower case and foreign in its paragraph's language; most documents have none.
    langs = {lang for _, lang in paras if lang in PARAGRAPH_LANGUAGES}
    if not langs:
        return out
    distinct = doc.word_set
    hits = {}
    for lang in sorted(langs):
        todo = _todo(doc, lang)
        found = core_lowers(distinct, lang, todo)
        _learn(lang, todo, found)
        if found:
            hits[lang] = found
    if not hits:
        return out
    words = doc.words  # offsets: only for the documents a core word may be in
    text = doc.text
    low = doc.lowered  # only used for the word set; offsets come from doc.words
    # where those words occur (substring search in C): only the paragraphs holding one
    # can have a run (skipped when lower-casing moved the offsets)
    spots = _spots(low, set().union(*hits.values())) if len(low) == len(text) else None
    starts = doc.cache.get("word_starts")
    if starts is None:
        starts = doc.cache["word_starts"] = list(map(itemgetter(0), words))
    sentences = doc.sentences
    sent_starts = list(map(itemgetter(0), sentences))
    for para, lang in paras:
        if lang not in hits:
            continue
        if spots is not None:
            k = bisect_left(spots, para.start)
            if k == len(spots) or spots[k] >= para.end:
                continue
        # the paragraph's foreign words (set operations in C; only those of a possible core
        # matter); most paragraphs stop here
        foreign = set(_LONG_WORD.findall(low, para.start, para.end)) & hits[lang]
        if not foreign:
            continue
        i0 = bisect_left(starts, para.start)
        i1 = bisect_left(starts, para.end)
        if i1 - i0 < 6:
            continue
        if spots is None:
            candidates = range(i0, i1)
        else:  # the words that start at a spot (a core is one of them)
            k1 = bisect_left(spots, para.end, k)
            candidates = sorted({j for sp in spots[k:k1] if (j := bisect_left(starts, sp)) < i1 and starts[j] == sp})
        cores = []
        for i in candidates:
            w = words[i][2]
            if _is_alpha_lower(w) and w.lower() in foreign:
                cores.append((i, foreign_language(w.lower(), lang)))
        if not cores:
            continue
        if len(cores) >= 4 and len(cores) >= 0.15 * (i1 - i0):
            continue  # the paragraph is (partly) in another language: not an injection
        used: set = set()
        for i, (m, z) in cores:
            if i in used:
                continue
            lo = hi = i
            brand = False
            # extend over neighbours separated by spaces only: more foreign words, one brand
            while hi + 1 < i1 and hi - lo < 3 and text[words[hi][1]:words[hi + 1][0]].isspace() \
                    and "\n" not in text[words[hi][1]:words[hi + 1][0]]:
                nw = words[hi + 1][2]
                fl = foreign_language(nw.lower(), lang) if _is_alpha_lower(nw) else None
                if fl is not None and fl[0] == m:
                    hi += 1
                else:
                    break
            while lo - 1 >= i0 and hi - lo < 3 and text[words[lo - 1][1]:words[lo][0]].isspace() \
                    and "\n" not in text[words[lo - 1][1]:words[lo][0]]:
                pw = words[lo - 1][2]
                if not _is_alpha_lower(pw):
                    break
                fl = foreign_language(pw.lower(), lang)
                if fl is not None and fl[0] == m:
                    lo -= 1
                elif not brand and _brand_like(pw.lower(), lang):
                    lo -= 1
                    brand = True
                else:
                    break
            used.update(range(lo, hi + 1))
            s, e = words[lo][0], words[hi][1]
            # inside a sentence: a word of the paragraph's language on each side, spaces only
            if lo - 1 < i0 or hi + 1 >= i1:
                continue
            left, right = words[lo - 1], words[hi + 1]
            if not (text[left[1]:s].isspace() and text[e:right[0]].isspace()):
                continue
            if max(lint.zipf(left[2], lang), lint.zipf(right[2], lang)) < 4.0:
                continue
            if lint.zipf(left[2], lang) < UNKNOWN or lint.zipf(right[2], lang) < UNKNOWN:
                continue
            k = bisect_left(sent_starts, s + 1) - 1
            sent_s, sent_e = sentences[k] if k >= 0 else (para.start, para.end)
            if _inside_quote_or_brackets(text, s, e, max(sent_s, para.start), min(sent_e, para.end)):
                continue
            foreign_words = tuple(words[j][2] for j in range(lo, hi + 1)
                                  if foreign_language(words[j][2].lower(), lang) is not None)
            if len(foreign_words) == 1 and (m == "en" or related(m, lang)):
                continue  # English loans are everywhere; one cognate proves nothing
            if len(foreign_words) == 1 and lo == hi and lint.zipf(left[2], lang) >= GOVERNING:
                continue
            conf = 0.5 if len(foreign_words) > 1 else 0.45
            out.append(ForeignRun(s, e, lang, m, foreign_words, conf))
    return out


# -- INJ002 ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class SpamHit:
    start: int
    end: int
    category: str
    confidence: float
    message: str


@lru_cache(maxsize=None)
def _spam_matcher() -> TrieMatcher:
    pairs = []
    for row in lint.read_tsv(lexicon("seo_spam.tsv"), 4):
        lang, phrase, weight, category = row[:4]
        pairs.append((phrase, (lang, float(weight), category)))
    return TrieMatcher(pairs)


_SPAM_WORDS = ("casino|casinos|bonus|slots?|poker|betting|bet|bets|bahis|bonusu|kasyno|kazino|apuestas|apostas|"
               "scommesse|loans?|payday|lender|kredi|prestiti|prestamos|viagra|cialis|levitra|kamagra|tramadol|"
               "xanax|pharmacy|escorts?|hookup|dating|brides?|incontri|rencontre|citas|essay|followers|takipci|"
               "replica|porn|porno|sex|xxx|gacor|judi|togel|jackpot|freespins|spins")
#: a slug of 3+ lower-case parts joined by hyphens with a spam word among them, mid-text
_SLUG = re.compile(r"(?<![\w/.@#=-])(?:[a-z0-9]+-){2,}[a-z0-9]+(?![\w/.@=-])")
_SPAM_PART = re.compile(rf"(?:^|-)(?:{_SPAM_WORDS})(?:-|$)")
#: '<keyword> near me': the search query itself pasted into the text
_NEAR_ME = re.compile(r"(?<!\w)(?:(?:payday|title|installment|personal|car|cash|quick|fast|online|check)\s+)?"
                      r"(?:loans?|casinos?|escorts?|pharmacy|dispensary|hookups?|singles|lenders?|advance|cashing)"
                      r"\s+near\s+me(?!\w)")


#: the inner part of a slug: a hyphen, a lower-case/digit part, a hyphen (fast to find)
_SLUG_CORE = re.compile(r"-[a-z0-9]+-")
_CHAIN = re.compile(r"[a-z0-9-]*")


def _slugs(text: str):
    """Slugs of three or more parts: found from their inner hyphens, then expanded."""
    pos = 0
    while True:
        core = _SLUG_CORE.search(text, pos)
        if core is None:
            return
        start = text.rfind(" ", max(0, core.start() - 80), core.start()) + 1
        start = max(start, text.rfind("\n", max(0, core.start() - 80), core.start()) + 1)
        m = _SLUG.match(text, start)
        if m is not None and m.end() > core.start():
            yield m
            pos = m.end()
        else:
            pos = max(_CHAIN.match(text, core.start()).end(), core.end())  # never rescan a chain


@lru_cache(maxsize=None)
def _spam_gate() -> Optional[tuple]:
    """(pattern, phrases): one word of every spam phrase, its anchor (the rarest in
    English), a pattern that finds the anchors as whole lines, and anchor ->
    the words of the phrases it anchors; None when a phrase has no word of letters only
    (then every text is scanned)."""
    matcher = _spam_matcher()
    phrases: dict[str, list] = {}
    for row in lint.read_tsv(lexicon("seo_spam.tsv"), 4):
        pieces = re.findall(r"\w+", matcher.key(row[1]))
        letters = [w for w in pieces if w.isalpha()]
        if not letters:
            return None
        # any word of a phrase is a correct anchor; the rarest in English is a selective
        # one (looking it up in every language would load every word list at start-up)
        anchor = min(letters, key=lambda w: (lint.zipf(w, "en", wordlist="small"), -len(w), w))
        phrases.setdefault(anchor, []).append(tuple(pieces))
    body = trie_body(TrieMatcher({a: 1 for a in phrases}))
    if body is None:
        return None
    return re.compile(r"\n(" + body + r")(?=\n)"), phrases


@lru_cache(maxsize=None)
def _anchored(lang: str) -> frozenset:
    """The common words of ``lang`` with a spam anchor among their pieces (runs of word
    characters): the anchors themselves, and a few such as "girl's"."""
    gate = _spam_gate()
    if gate is None:
        return frozenset()
    anchors = gate[1]
    known = _known(lang)
    out = set(known.intersection(anchors))
    out.update(w for w in compress(known, map(not_, map(str.isalpha, known)))
               if any(p in anchors for p in re.findall(r"\w+", w)))
    return frozenset(out)


#: words as written that :func:`_anchor_free` accepted, for the documents INJ001 did not
#: sort (cleared when it holds _PLAIN_MAX words)
_ANCHOR_FREE: set = set()


def _spam_possible(doc, low: str) -> bool:
    """False when no phrase of the spam lexicon can match ``low``, the document's
    lower-cased text (of the same length as the text).

    A phrase that matches has its anchor (:func:`_spam_gate`) as a whole run of word
    characters of the text, lower-cased: a piece of a word of the text (a word joins its
    pieces with hyphens, apostrophes or combining marks). A common word of a language
    ``lang`` is lower case, and none of its pieces is an anchor unless it is one of
    :func:`_anchored`; the other plain words of ``lang`` (``_PLAIN``) were found free of
    anchors by :func:`_anchor_free`. The rest (:func:`_todo`, shared with INJ001; all the
    words not found free of anchors before when INJ001 did not sort them) have their
    pieces, lower-cased, searched for the anchors at C speed. Every word of a phrase with
    an anchor found must be in the text too."""
    gate = _spam_gate()
    if gate is None:
        return True
    pattern, phrases = gate
    todos = doc.cache.get("inj.todo")
    if todos:
        lang = next(iter(todos))
        words = todos[lang]
        extra = doc.word_set & _anchored(lang)
    else:  # INJ001 did not sort this text's words (another language)
        words = doc.word_set - _ANCHOR_FREE
        extra = None
        if words:
            if len(_ANCHOR_FREE) >= _PLAIN_MAX:
                _ANCHOR_FREE.clear()
            _ANCHOR_FREE.update(_anchor_free(list(words)))
    joined = "\n".join(chain(words, extra) if extra else words)
    if not joined:
        return False
    lowered_words = joined.lower()
    if len(lowered_words) != len(joined):
        return True
    pieces = _pieces(lowered_words)
    if not pieces.replace("\n", "").isalnum():
        return True  # combining marks in a word: pieces this test does not separate
    for anchor in set(pattern.findall("\n" + pieces + "\n")):
        for words_of_phrase in phrases[anchor]:
            if all(w in low for w in words_of_phrase):
                return True
    return False


@lru_cache(maxsize=None)
def _anchor_pattern_ignoring_case():
    gate = _spam_gate()
    return re.compile(gate[0].pattern, re.IGNORECASE) if gate else None


def _spam_possible_ignoring_case(doc) -> bool:
    """False when no phrase of the spam lexicon can match the text ignoring case (how the
    matcher matches when lower-casing changed the text's length, Turkish 'İ'): then an
    anchor is a piece of a word of the text, equal to it ignoring case as the matcher
    compares characters; every distinct word is tested, as written."""
    pattern = _anchor_pattern_ignoring_case()
    if pattern is None:
        return True
    pieces = _pieces("\n".join(doc.word_set))
    if not pieces.replace("\n", "").isalnum():
        return bool(pieces)  # combining marks in a word: pieces this test does not separate
    return pattern.search("\n" + pieces + "\n") is not None


def _spam_spans(doc, matcher: TrieMatcher, text: str, low: Optional[str]):
    """The spans of ``matcher.finditer(text, lowered=low)`` (``low`` None when lower-casing
    changed the length: the matcher then ignores case on the text)."""
    if low is None:
        if _spam_possible_ignoring_case(doc):
            for m in matcher.finditer(text):
                yield m.span()
        return
    if not _spam_possible(doc, low):
        return
    pos = 0
    while True:
        span = search_lowered(matcher, low, pos)
        if span is None:
            return
        yield span
        pos = span[1]  # a phrase is never empty


_CJK_RUN = re.compile("[\u3000-\u303f\u3041-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+")


def _spans_between_cjk(matcher: TrieMatcher, low: str):
    """The spam phrases of ``low`` (a lower-cased Chinese or Japanese text) with its CJK
    characters and punctuation taken for spaces (same length, same offsets).

    >>> m = TrieMatcher({"slot gacor": 1})
    >>> list(_spans_between_cjk(m, "经过辩论slot gacor批准"))
    [(4, 14)]
    """
    spaced = _CJK_RUN.sub(lambda r: " " * len(r.group()), low)
    pos = 0
    while True:
        span = search_lowered(matcher, spaced, pos)
        if span is None:
            return
        yield span
        pos = span[1]


def spam_hits(doc) -> list[SpamHit]:
    """INJ002 hits of ``doc``, computed once (cached in ``doc.cache``)."""
    cached = doc.cache.get("inj_spam")
    if cached is not None:
        return cached
    text = doc.text
    low = doc.lowered
    if len(low) != len(text):
        low = None
    src = low if low is not None else text
    out: list[SpamHit] = []
    taken: list[tuple[int, int]] = []
    seen: dict[str, int] = {}
    matcher = _spam_matcher()
    spans = _spam_spans(doc, matcher, text, low)
    if low is not None and doc.lang in ("zh", "ja"):
        # Chinese and Japanese write a Latin keyword with no space around it
        # ("辩论slot gacor批准"): their characters, blanked, leave the word boundaries
        spans = _spans_between_cjk(matcher, low)
    for start, end in spans:
        group = src[start:end]
        values = matcher.values(group)
        if not values:
            continue
        lang, weight, category = max(values, key=lambda v: v[1])
        key = matcher.key(group)
        n = seen.get(key, 0)
        seen[key] = n + 1
        conf = weight / (1 + n)  # the topic of a story repeats; an injected keyword need not
        out.append(SpamHit(start, end, category, round(conf, 3),
                           f"SEO spam keyword ({category}): '{group}'"))
        taken.append((start, end))
    for m in (_NEAR_ME.finditer(src) if "near me" in src else ()):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        out.append(SpamHit(m.start(), m.end(), "search query", 0.6,
                           f"SEO spam: search query pasted into the text: '{text[m.start():m.end()]}'"))
        taken.append(m.span())
    for m in _slugs(text):
        if not _SPAM_PART.search(m.group()) or any(s < m.end() and m.start() < e for s, e in taken):
            continue
        out.append(SpamHit(m.start(), m.end(), "slug", 0.6, f"SEO spam slug in running text: '{m.group()}'"))
    out.sort(key=lambda h: h.start)
    doc.cache["inj_spam"] = out
    # INJ001 (which runs first) is done with the per-language word sets: don't keep them alive
    doc.cache.pop("inj.todo", None)
    return out

