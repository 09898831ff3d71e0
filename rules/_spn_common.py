"""Shared matching of the SPN (spun text) rules: every SPN hit of a document, computed once.

The four pattern rules (SPN001 spinner phrases, SPN002 tortured phrases, SPN003 spun
numbers, SPN004 spun outlet names) and the document-level density rule (SPN005) all call
:func:`spn_hits`, which scans the document once and caches the result in
``doc.cache["spn_hits"]``: the density rule never re-scans and does not depend on the
order in which rules run.

The phrase lexicons (``lexicons/spn/spinner_phrases.tsv`` and ``tortured_phrases.tsv``)
are compiled into ONE alternation per language (both lexicons together), matched in one
pass over each run of paragraphs in that language. A match is then checked against the
entry's *context constraint* (see :data:`CONTEXTS`): a named test of the words around the
match that tells spinner output from the same words used innocently
("and you will a street performer" vs "turn left and you will see").

>>> import lint
>>> doc = lint.Document("Most of them should wade household eventually, and you will a lot of others.", lang="en")
>>> sorted((h.code, doc.text[h.start:h.end]) for h in spn_hits(doc).all())
[('SPN001', 'and you will'), ('SPN002', 'wade household')]
>>> doc = lint.Document("Turn left and you will see the station.", lang="en")
>>> spn_hits(doc).all()
[]
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Callable, Iterable, Optional

import regex

import lint

SPINNER = "SPN001"
TORTURED = "SPN002"
NUMBER = "SPN003"
OUTLET = "SPN004"

#: languages the phrase lexicons (and so SPN001/SPN002) cover
PHRASE_LANGUAGES = ("en", "it", "es", "fr", "de", "pt")

#: a hit alone is at most this confident unless the document is dense with spin, so one
#: innocent match never gates a clean document (see lint/scoring.py)
LONE_CAP = 0.45
#: hits weaker than this are reported as "info" unless the document is dense with spin
WEAK = 0.35


def lexicon(name: str) -> str:
    return lint.data_path(__file__, "lexicons", "spn", name)


# ---------------------------------------------------------------------------------------
# word lists
# ---------------------------------------------------------------------------------------
@lru_cache(maxsize=None)
def word_set(name: str) -> frozenset:
    """Lower-case words of a whitespace-separated TXT list under lexicons/spn/."""
    words: set = set()
    with open(lexicon(name), encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0]
            words.update(w.lower() for w in line.split())
    return frozenset(words)


def function_words() -> frozenset:
    return word_set("en_function_words.txt")


@lru_cache(maxsize=None)
def _irregular() -> tuple[frozenset, frozenset]:
    """(past tenses, past participles) of English irregular verbs."""
    past: set = set()
    part: set = set()
    for row in lint.read_tsv(lexicon("en_irregular_verbs.tsv"), 3):
        past.update(row[1].split("/"))
        part.update(row[2].split("/"))
    return frozenset(past), frozenset(part)


@lru_cache(maxsize=None)
def _fits() -> dict[str, frozenset]:
    """adjective -> nouns it fits (for the 'a keen' / 'an enthusiastic' misfit test)."""
    return {row[0].lower(): frozenset(row[1].lower().split()) for row in lint.read_tsv(lexicon("en_adjective_fits.tsv"), 2)}


DET = frozenset("the a an this that these those his her their its our my your some any every each no".split())
SUBJ = frozenset("he she they we i it".split())
OBJ = frozenset("him them us me it her you".split())
# adverbs that may stand between a modal and its verb ("and you will never", "so you can also")
_MODAL_ADV = frozenset("""not never also still just only even always probably definitely certainly likely
surely really soon then now easily simply actually too either both all already usually often sometimes
ever rather hardly barely quickly immediately eventually finally maybe perhaps possibly truly quite
totally fully absolutely literally basically almost nearly directly instantly again no longer well
pretty kind sort sooner later""".split())
#: participles used as adjectives before a noun ("enjoys limited access")
_ADJ_PARTICIPLES = frozenset("""limited unlimited increased improved advanced guaranteed baked fried canned
processed mixed qualified skilled experienced dedicated talented detailed sophisticated organized organised
educated refined reduced extended sustained renewed protected privileged preferred shared specialized
specialised customized personalized balanced varied assorted aged heated frozen broken hidden sweetened
salted smoked roasted grilled cooked boiled iced chilled dried cured aged integrated automated dedicated
guided paid unpaid armed united registered licensed certified trained seasoned mature renowned celebrated
beloved respected revered acclaimed distinguished established""".split())
_TIME_WORDS = frozenset("""now today tonight tomorrow yesterday moment meantime interim meanwhile future
past present end middle beginning start morning evening afternoon night weekend week month year""".split())
_CLAUSE_OPENERS = frozenset("""and but so or because if that when while though although even just only
especially particularly since as once unless until whether yet then""".split())
_SPEECH_VERBS = frozenset("""said says told tells added explained asserted noted stated insisted claimed
recalled remembered replied answered continued warned admitted argued""".split())
_TIME_UNITS = frozenset("""seconds minutes hours days weeks months years decades centuries second minute
hour day week month year decade""".split())
_DEMONYM = regex.compile(r"\p{Lu}\p{Ll}+(?:ite|ian|ans?|ese|ers?|ish|ites|ians)$")


def is_word(tok: Optional[str]) -> bool:
    return bool(tok) and (tok[0].isalpha() or tok[0].isdigit())


def is_cap(tok: Optional[str]) -> bool:
    return bool(tok) and tok[0].isupper() and tok not in ("I",) and not tok.startswith(("I'", "I’"))


def is_function(tok: Optional[str]) -> bool:
    return bool(tok) and tok.lower().replace("’", "'") in function_words()


def _ing_forms(w: str) -> set:
    forms = {w + "ing"}
    if w.endswith("ie"):
        forms.add(w[:-2] + "ying")
    if w.endswith("e") and not w.endswith(("ee", "ye", "oe")):
        forms.add(w[:-1] + "ing")
    if len(w) >= 3 and w[-1] in "bdfglmnprtv" and w[-2] in "aeiou" and w[-3] not in "aeiou":
        forms.add(w + w[-1] + "ing")
    return forms


@lru_cache(maxsize=4096)
def is_verb_base(word: str) -> bool:
    """True when an English word can be the base form of a verb ("see", "buttress"),
    judged from how common its -ing form is (so nouns that are also verbs count as verbs).

    >>> is_verb_base("see"), is_verb_base("street"), is_verb_base("unearthed")
    (True, False, False)
    """
    w = word.lower()
    if not w.isalpha() or len(w) < 2:
        return False
    past, part = _irregular()
    if w in ("be", "have", "do", "go", "get"):
        return True
    if w in function_words() and w not in ("like", "help", "let", "need", "dare", "round", "near", "back",
                                           "round", "down", "up", "well", "yes", "ok", "okay", "can"):
        return False
    if len(w) > 4 and w.endswith("ed") and not w.endswith("eed"):
        return False
    if (w in past or w in part) and w not in ("come", "become", "run", "put", "set", "cut", "hit", "let",
                                              "shut", "read", "cost", "hurt", "quit", "spread", "cast", "bet"):
        return False
    return max(lint.zipf(f, "en") for f in _ing_forms(w)) >= 2.4


@lru_cache(maxsize=4096)
def is_participle(word: str) -> bool:
    """True for an English past participle: irregular ("given") or -ed of a verb.

    >>> is_participle("guaranteed"), is_participle("inspired"), is_participle("reading"), is_participle("bed")
    (True, True, False, False)
    """
    w = word.lower().replace("’", "'")
    if not w.isalpha():
        return False
    past, part = _irregular()
    if w in part:
        return True
    if len(w) < 5 or not w.endswith("ed"):
        return False
    stems = {w[:-2], w[:-1]}
    if w.endswith("ied"):
        stems.add(w[:-3] + "y")
    if len(w) > 5 and w[-3] == w[-4]:
        stems.add(w[:-3])
    return any(is_verb_base(s) for s in stems if len(s) >= 2)


def is_past(word: str) -> bool:
    w = word.lower()
    past, _ = _irregular()
    return w in past or (is_participle(w) and w.endswith("ed"))


def verbish(tok: Optional[str]) -> bool:
    """True when ``tok`` can follow a modal ("will", "can") in a well-formed verb phrase."""
    if not is_word(tok):
        return False
    w = tok.lower().replace("’", "'")
    return w in _MODAL_ADV or (w.endswith("ly") and len(w) > 4) or is_verb_base(w)


# ---------------------------------------------------------------------------------------
# tokens around a match (never crossing a line break)
# ---------------------------------------------------------------------------------------
_ALNUM = r"(?:[^\W_]|[\u0300-\u036f])"
_TOKEN = re.compile(rf"{_ALNUM}+(?:['’\-]{_ALNUM}+)*|[^\s\w]|_")
_WINDOW = 90


def after(text: str, pos: int, n: int = 2) -> list[str]:
    """Up to ``n`` tokens (words or single punctuation marks) right after ``pos``."""
    end = text.find("\n", pos, pos + _WINDOW)
    end = pos + _WINDOW if end < 0 else end
    out = []
    for m in _TOKEN.finditer(text, pos, min(end, len(text))):
        out.append(m.group())
        if len(out) >= n:
            break
    return out


def before(text: str, pos: int, n: int = 2) -> list[str]:
    """Up to ``n`` tokens right before ``pos``, nearest first."""
    lo = max(0, pos - _WINDOW)
    nl = text.rfind("\n", lo, pos)
    lo = nl + 1 if nl >= 0 else lo
    toks = _TOKEN.findall(text, lo, pos)
    return toks[::-1][:n]


def _sentence_start(prev: list[str]) -> bool:
    return not prev or prev[0] in (".", "!", "?", "…", ":", ";", "“", '"', "«", "(", "—", "–")


def _first(toks: list[str]) -> Optional[str]:
    return toks[0] if toks else None


# ---------------------------------------------------------------------------------------
# context constraints: (text, start, end, arg, matched) -> factor (0 = no hit)
# ---------------------------------------------------------------------------------------
def _ctx_any(text, s, e, arg, matched):
    return 1.0


def _ctx_lower_i(text, s, e, arg, matched):
    """'Personally i think': the pronoun written in lower case (spinner output)."""
    return 1.0 if regex.search(r"(?<![\p{L}])i(?![\p{L}])", matched) else 0.0


def _ctx_exact_case(text, s, e, arg, matched):
    return 1.0 if " ".join(matched.split()) == arg else 0.0


def _ctx_next_nonverb(text, s, e, arg, matched):
    """A modal/infinitive marker ('and you will', 'in order to') not followed by a verb:
    followed by a determiner, a name or a content word that cannot be a verb."""
    nxt = after(text, e, 2)
    t = _first(nxt)
    if not is_word(t):
        return 0.0
    low = t.lower().replace("’", "'")
    if low in DET:
        return 1.0
    if low in ("don't", "doesn't", "didn't"):
        return 1.0
    if is_cap(t):
        return 0.9 if not (len(nxt) > 1 and nxt[1] in ("-",)) else 0.0
    if low in function_words() or verbish(t):
        return 0.0
    if t[0].isdigit():
        return 0.0
    if len(nxt) > 1 and not is_past(t) and nxt[1].lower() in _OBJECT_START:
        return 0.0  # 'in order to norm it': a rare verb taking its object
    return 0.8


_OBJECT_START = frozenset("him them us me it her you the a an his their its my your our this these those".split())


def _ctx_next_content_nonverb(text, s, e, arg, matched):
    """Like next_nonverb, but a determiner does not count (for 'to help you', where
    'to help you the most' is innocent): a name or a content non-verb word follows."""
    t = _first(after(text, e, 1))
    if not is_word(t) or t[0].isdigit():
        return 0.0
    if is_cap(t):
        return 0.9
    low = t.lower().replace("’", "'")
    if low in function_words() or verbish(t):
        return 0.0
    return 0.8


def _ctx_look_at(text, s, e, arg, matched):
    """'when you look at the' for 'in the': followed by a name or a time word, and not
    opening a clause (after a comma, a conjunction or at a sentence start)."""
    nxt = after(text, e, 2)
    t = _first(nxt)
    if not is_word(t):
        return 0.0
    low = t.lower()
    cap = is_cap(t) and not (len(nxt) > 1 and nxt[1] in ("'", "’"))
    if not (cap or low in _TIME_WORDS or t[0].isdigit()):
        return 0.0
    prev = before(text, s, 1)
    if _sentence_start(prev) or prev[0] == "," or prev[0].lower() in _CLAUSE_OPENERS:
        return 0.0
    # "... when you look at the numbers, you see": a comma and a subject after the noun
    # is the innocent clause; the spun 'in the' is followed by anything
    return 1.0 if cap or low in ("now", "today", "meantime", "interim", "moment") else 0.7


def _ctx_told_you(text, s, e, arg, matched):
    """'told you' for 'said': a third-person subject (a name, he/she, a noun or an
    appositive comma) and no addressee reading: punctuation, a circumstance or a new
    clause follows ("he told you inside halting English", "Rakhimov told you, ...").
    Conversation keeps its 'you': 'I told you so', 'what he told you', 'my mom told you'."""
    prev = before(text, s, 2)
    p = _first(prev)
    if p is None:
        return 0.0
    pl = p.lower().replace("’", "'")
    if p in ('"', "”", "»") and len(prev) > 1 and prev[1] in (",", "!", "?"):
        # the inverted attribution after a quotation, '"...," said Dr. Nair', where only
        # 'said' is English: '"...," told you Dr. Nair'
        t = _first(after(text, e, 1))
        return 1.0 if t is not None and (is_cap(t) or t.lower() in ("he", "she")) else 0.0
    if pl in _TOLD_NOT_SUBJECT:
        return 0.0
    if not (p == "," or pl in ("he", "she") or is_cap(p) or (is_word(p) and not is_function(p))):
        return 0.0
    if len(prev) > 1 and prev[1].lower() in _TOLD_NOT_BEFORE:
        return 0.0
    nxt = after(text, e, 2)
    t = _first(nxt)
    if t is None:
        return 1.0
    tl = t.lower().replace("’", "'")
    if t in (",", ":", ";", ".", "“", "«", "—", "–"):
        return 1.0
    if tl in ("inside", "within", "during", "while", "through", "into", "adding", "ingesting"):
        return 0.9
    if tl in ("in", "with", "on", "at"):
        return 0.5
    if tl in ("he", "she", "he's", "she's", "he'd", "she'd", "there", "it's"):
        return 0.8 if p == "," else 0.5
    return 0.0


_TOLD_NOT_SUBJECT = frozenset("""i we you they who what that which have had has never already just always once
ever also all nobody somebody someone everyone anyone people everybody anybody not n't i've we've i'd ve
've d and or but so if as like to be was been""".split())
_TOLD_NOT_BEFORE = frozenset("""what that which everything anything something as like whatever all my your our
what's""".split())


def _ctx_which_have(text, s, e, arg, matched):
    """'which have' for 'with': after a verb or particle ('spoke which have', 'back which
    have open hands') and not followed by a participle ('countries which have signed')."""
    p = _first(before(text, s, 1))
    if not is_word(p):
        return 0.0
    pl = p.lower()
    past, part = _irregular()
    prev_ok = (pl in past or (pl.endswith("ed") and is_participle(pl)) or
               pl in ("back", "up", "out", "down", "along", "together", "them", "him", "me", "us", "spoke",
                      "talked", "met", "away", "off"))
    if not prev_ok:
        return 0.0
    t = _first(after(text, e, 1))
    if t is None or t in (",", ".", ";", ":"):
        return 1.0  # 'the exiles it spoke which have, ...'
    if not is_word(t):
        return 0.0
    tl = t.lower()
    if is_participle(tl) or tl in _MODAL_ADV or tl in ("to", "been", "had", "got"):
        return 0.0
    return 1.0


def _ctx_next_pp(text, s, e, arg, matched):
    """'enjoys'/'has actually' + past participle (for 'has' + participle), unless the
    participle is an adjective before a noun ('enjoys limited access')."""
    nxt = after(text, e, 2)
    t = _first(nxt)
    if not is_word(t) or is_cap(t):
        return 0.0
    tl = t.lower()
    if arg == "strict" and tl in ("been", "got", "gotten", "done", "had"):
        return 0.0
    if not is_participle(tl):
        return 0.0
    if tl in _ADJ_PARTICIPLES or tl in ("known", "hidden", "broken", "frozen", "grown", "born"):
        t2 = nxt[1].lower() if len(nxt) > 1 else ""
        return 1.0 if (t2 in DET or t2 in OBJ or t2 in ("that", "to")) else 0.0
    return 1.0


def _ctx_misfit(text, s, e, arg, matched):
    """'a keen' / 'an enthusiastic' for 'a'/'an': the adjective does not fit the noun
    that follows ('a keen Almaty park', 'an enthusiastic exodus'); innocent when it
    does ('a keen interest', 'an enthusiastic supporter')."""
    adj = matched.split()[-1].lower()
    fits = _fits().get(adj, frozenset())
    nxt = after(text, e, 3)
    words = []
    for t in nxt:
        if not is_word(t):
            break
        if is_function(t) and words:
            break
        words.append(t)
    if not words:
        return 0.0
    t1 = words[0]
    if is_function(t1) or t1[0].isdigit():
        return 0.0
    for w in words[:2]:
        wl = w.lower()
        stem = wl[:-1] if wl.endswith("s") else wl
        if wl in fits or stem in fits or (not is_cap(w) and regex.search(r"(?:er|or|ist|ian|ant|ent)s?$", wl)):
            return 0.0
    negative = word_set("en_negative_nouns.txt")
    if t1.lower() in negative:
        return 1.0
    if arg == "negative":  # 'an excellent': fits nearly every noun; only a calamity misfits
        return 0.0
    return 1.0 if is_cap(t1) else 0.8


def _ctx_cap_head(text, s, e, arg, matched):
    """'a great' for 'a': a capitalised head noun followed by a function word or verb
    ('a great Russian just who fled'); 'a great American novel' is innocent."""
    nxt = after(text, e, 2)
    if len(nxt) < 2 or not is_cap(nxt[0]):
        return 0.0
    t2 = nxt[1]
    if not is_word(t2) or is_cap(t2):
        return 0.0
    return 1.0 if (is_function(t2) or is_past(t2)) else 0.0


def _ctx_next_in(text, s, e, arg, matched):
    t = _first(after(text, e, 1))
    return 1.0 if t is not None and t.lower().replace("’", "'") in arg.split("|") else 0.0


def _ctx_next_not(text, s, e, arg, matched):
    t = _first(after(text, e, 1))
    if t is None or not is_word(t):
        return 0.0
    return 0.0 if t.lower().replace("’", "'") in arg.split("|") else 1.0


def _ctx_prev_in(text, s, e, arg, matched):
    p = _first(before(text, s, 1))
    return 1.0 if p is not None and p.lower().replace("’", "'") in arg.split("|") else 0.0


def _ctx_prev_not(text, s, e, arg, matched):
    p = _first(before(text, s, 1))
    return 0.0 if p is not None and p.lower().replace("’", "'") in arg.split("|") else 1.0


def _ctx_next_cap(text, s, e, arg, matched):
    nxt = after(text, e, 2)
    t = _first(nxt)
    if not is_cap(t) or (len(nxt) > 1 and nxt[1] in ("-",)):
        return 0.0
    return 1.0


def _ctx_next_subject(text, s, e, arg, matched):
    """A clause follows: 'in advance of he left', 'in advance of the guy ...'."""
    nxt = after(text, e, 2)
    t = _first(nxt)
    if t is None:
        return 0.0
    tl = t.lower()
    if tl in ("he", "she", "they", "we", "i"):
        return 1.0
    if tl == "the" and len(nxt) > 1 and nxt[1].lower() in ("guy", "girl"):
        return 1.0
    return 0.0


def _ctx_prev_subject(text, s, e, arg, matched):
    """'remaining' for 'left': right after a subject ('before the guy remaining')."""
    p = _first(before(text, s, 1))
    if p is None or p.lower() not in ("he", "she", "they", "we", "guy", "girl", "i"):
        return 0.0
    t = _first(after(text, e, 1))
    if t is not None and is_word(t) and not is_function(t) and not t[0].isdigit() and t.lower() not in ("around",):
        return 0.0  # 'they remaining members' is odd but not this substitution
    return 1.0


def _ctx_prev_time_unit(text, s, e, arg, matched):
    prev = before(text, s, 2)
    if not prev or prev[0].lower() not in _TIME_UNITS:
        return 0.0
    return 1.0


def _ctx_comma_both(text, s, e, arg, matched):
    """', instance,' / ', such as,': a filler between commas (spun 'like')."""
    prev = before(text, s, 2)
    nxt = after(text, e, 1)
    if not prev or prev[0] != "," or not nxt or nxt[0] != ",":
        return 0.0
    if len(prev) > 1 and prev[1].lower() == "for":
        return 0.0
    return 1.0


def _ctx_speech_subject(text, s, e, arg, matched):
    """'the guy' for 'he': as the subject of an attribution or of a clause inside a
    sentence ('..., the guy said', 'the regions the guy illegally annexed',
    'in advance of the guy remaining')."""
    prev = before(text, s, 1)
    nxt = after(text, e, 2)
    t = _first(nxt)
    if not is_word(t):
        return 0.0
    tl = t.lower()
    p = _first(prev)
    pl = p.lower() if p else ""
    if p in (",", "”", "’") and tl in _SPEECH_VERBS:
        return 1.0
    if tl.endswith("ly") and len(nxt) > 1 and is_past(nxt[1]) and (is_cap(p) or pl in ("that", "which")):
        return 1.0
    if pl in ("of", "before", "after", "while", "because", "since", "although", "though", "once", "until") \
            and (is_past(t) or tl in ("remaining", "said", "told") or tl.endswith("ly")):
        return 0.8
    return 0.0


def _ctx_cap_demonym(text, s, e, arg, matched):
    """'the newest Muscovite': a demonym or name used as the head noun."""
    nxt = after(text, e, 2)
    if len(nxt) < 2 or not _DEMONYM.match(nxt[0]):
        return 0.0
    t2 = nxt[1]
    return 1.0 if (not is_word(t2) or is_function(t2) or is_past(t2) or t2.lower() in _SPEECH_VERBS) else 0.0


def _ctx_finite_next(text, s, e, arg, matched):
    """'whom' as a subject ('whom called him a traitor'): a finite verb follows."""
    prev = before(text, s, 1)
    p = _first(prev)
    if _sentence_start(prev) or is_function(p) and p.lower() not in ("and",):
        return 0.0
    t = _first(after(text, e, 1))
    if not is_word(t):
        return 0.0
    tl = t.lower()
    if tl in ("is", "was", "are", "were", "has", "have", "had", "will", "would", "can", "could", "said", "says"):
        return 1.0
    return 1.0 if is_past(tl) else 0.0


def _ctx_between_content(text, s, e, arg, matched):
    """'otherwise' for 'or' between two content words ('two otherwise three days')."""
    prev = before(text, s, 2)
    nxt = after(text, e, 1)
    p, t = _first(prev), _first(nxt)
    if not (is_word(p) and is_word(t)):
        return 0.0
    if len(prev) > 1 and prev[1].lower() in DET:
        return 0.0
    def content(w):
        return (w[0].isdigit() or not is_function(w)) and not verbish(w) and not w.lower().endswith("ly")
    return 1.0 if content(p) and content(t) and not is_past(p) else 0.0


def _ctx_standalone_out_of(text, s, e, arg, matched):
    """'out-of' followed by a space and a word: not a compound ('out-of-date')."""
    if e < len(text) and not text[e].isspace():
        return 0.0
    t = _first(after(text, e, 1))
    return 1.0 if is_word(t) else 0.0


def _ctx_next_function_or_punct(text, s, e, arg, matched):
    t = _first(after(text, e, 1))
    if t is None:
        return 1.0
    return 1.0 if (not is_word(t) or is_function(t)) else 0.0


def _ctx_next_verb(text, s, e, arg, matched):
    t = _first(after(text, e, 1))
    return 1.0 if is_word(t) and not is_cap(t) and is_verb_base(t) else 0.0


def _ctx_sentence_start(text, s, e, arg, matched):
    prev = before(text, s, 1)
    if not _sentence_start(prev):
        return 0.0
    if arg:
        t = _first(after(text, e, 1))
        return 1.0 if t is not None and t.lower() in arg.split("|") else 0.0
    return 1.0


def _ctx_into_day(text, s, e, arg, matched):
    """'Into Wednesday, ...' for 'On Wednesday': not 'late into Wednesday night'."""
    p = _first(before(text, s, 1))
    if p is not None and is_word(p) and p.lower() not in ("and", "but", "that"):
        return 0.0
    t = _first(after(text, e, 1))
    if t is not None and is_word(t) and t.lower() in ("night", "morning", "afternoon", "evening"):
        return 0.0
    return 1.0


def _ctx_next_be_clause_end(text, s, e, arg, matched):
    """'be more than because ...' for 'be over as ...'."""
    p = _first(before(text, s, 1))
    if p is None or p.lower() not in ("be", "is", "was", "are", "were", "been"):
        return 0.0
    t = _first(after(text, e, 1))
    if t is None or t in (",", ".", ";", "!", "?"):
        return 1.0
    return 1.0 if t.lower() in ("because", "as", "since", "and", "but", "so", "when", "while", "if") else 0.0


def _ctx_misfit_person(text, s, e, arg, matched):
    """'an effective' / 'a beneficial' for 'a'/'an' before a person or a name."""
    t = _first(after(text, e, 1))
    if not is_word(t):
        return 0.0
    if t.lower() in word_set("en_person_nouns.txt"):
        return 1.0
    return 0.0


def _ctx_plural_next(text, s, e, arg, matched):
    """'an informed' before a plural noun ('an informed dating sites' for 'the best')."""
    nxt = after(text, e, 2)
    t = _first(nxt)
    if not is_word(t) or is_cap(t):
        return 0.0
    tl = t.lower()
    if tl.endswith("s") and not tl.endswith(("ss", "us", "is", "ous")) and len(tl) > 3 and not is_function(t):
        if len(nxt) > 1 and is_word(nxt[1]) and not is_function(nxt[1]):
            return 0.0  # 'an informed sales decision': plural used attributively
        return 1.0
    if tl in ("dating", "hookup", "online", "payday", "casino"):
        return 1.0
    return 0.0


def _ctx_not_aux_before(text, s, e, arg, matched):
    """'thought' for 'planning' after a form of 'be', not the passive 'is thought to'."""
    p = _first(before(text, s, 1))
    if p is None or p.lower().replace("’", "'") not in ("are", "is", "am", "aren't", "isn't", "were",
                                                        "weren't", "'re", "not", "n't"):
        return 0.0
    t = _first(after(text, e, 1))
    return 1.0 if t is not None and t.lower() in arg.split("|") else 0.0


def _ctx_prev_nominal(text, s, e, arg, matched):
    """Preceded by a content word (a noun), not a verb or function word."""
    p = _first(before(text, s, 1))
    if not is_word(p) or is_function(p) or verbish(p) or is_past(p):
        return 0.0
    pl = p.lower()
    if pl.endswith("s") and len(pl) > 3 and is_verb_base(pl[:-1]) and not is_verb_base(pl):
        if lint.zipf(pl[:-1] + "ed", "en") >= 3.0 or pl[:-1] in _irregular_bases():
            return 0.0  # 'wants', 'needs', 'holds': a verb's third person
    if pl.endswith("ing") and len(pl) > 5 and _is_ing_form(pl):
        return 0.0  # 'holding off', 'setting off': a verb and its particle
    return 1.0


def _is_ing_form(word: str) -> bool:
    """True when an -ing word is a form of a verb: 'holding', 'making', 'setting'.

    >>> _is_ing_form("holding"), _is_ing_form("setting"), _is_ing_form("ceiling")
    (True, True, False)
    """
    stem = word[:-3]
    candidates = [stem, stem + "e"]
    if len(stem) > 2 and stem[-1] == stem[-2]:
        candidates.append(stem[:-1])  # 'setting' -> 'set'
    # the base must be a word of its own: is_verb_base judges by the -ing form, and
    # 'morning' would make 'morn' a verb
    return any(lint.zipf(c, "en") >= 3.0 and is_verb_base(c) for c in candidates)


@lru_cache(maxsize=None)
def _irregular_bases() -> frozenset:
    """Base forms of English irregular verbs ('hold', 'take')."""
    return frozenset(row[0] for row in lint.read_tsv(lexicon("en_irregular_verbs.tsv"), 3))


def _ctx_next_det_or_cap(text, s, e, arg, matched):
    t = _first(after(text, e, 1))
    if not is_word(t):
        return 0.0
    return 1.0 if (t.lower() in DET or is_cap(t)) else 0.0


# -- Romance languages: the same spinner moves ('and you will' + a noun) ---------------
_ROMANCE_DET = frozenset("""il lo la i gli le un uno una un' l' el los las unos unas le les un une des du
o a os as um uma""".split())


def _ctx_romance_nonverb(text, s, e, arg, matched):
    """A modal ('e potrai', 'y podrás') followed by an article or a name, never by the
    infinitive it needs ('e potrai vedere')."""
    nxt = after(text, e, 2)
    t = _first(nxt)
    if not is_word(t):
        return 0.0
    if is_cap(t):
        return 1.0
    tl = t.lower()
    if arg == "fr":  # French object clitics 'la', 'les', 'le' stand before the infinitive
        return 0.0
    if tl in _ROMANCE_DET and len(nxt) > 1 and is_word(nxt[1]) and not nxt[1].lower().endswith(("are", "ere", "ire", "ar", "er", "ir")):
        return 1.0
    return 0.0


def _ctx_romance_look(text, s, e, arg, matched):
    """'quando guardi il' / 'cuando miras el' for 'in': followed by a name or a time word,
    not opening a clause."""
    t = _first(after(text, e, 1))
    if not is_word(t):
        return 0.0
    prev = before(text, s, 1)
    if _sentence_start(prev) or prev[0] == ",":
        return 0.0
    return 1.0 if is_cap(t) else 0.0


def _ctx_bare_place(text, s, e, arg, matched):
    """'the Russia.' for 'Russia': a country or city that takes no article, written with
    'the' and closing the phrase (spun 'in' -> 'in the'); 'the Russia of the tsars' and
    'the Paris office' are innocent."""
    place = matched.split()[-1]
    if not place[:1].isupper():
        return 0.0
    t = _first(after(text, e, 1))
    if t is None or t in (".", ",", ";", ":", "!", "?", ")", "…"):
        return 1.0
    return 1.0 if t.lower() in ("now", "today") else 0.0


CONTEXTS: dict[str, Callable] = {
    "bare_place": _ctx_bare_place,
    "any": _ctx_any,
    "lower_i": _ctx_lower_i,
    "exact_case": _ctx_exact_case,
    "next_nonverb": _ctx_next_nonverb,
    "next_content_nonverb": _ctx_next_content_nonverb,
    "look_at": _ctx_look_at,
    "told_you": _ctx_told_you,
    "which_have": _ctx_which_have,
    "next_pp": _ctx_next_pp,
    "misfit": _ctx_misfit,
    "cap_head": _ctx_cap_head,
    "next_in": _ctx_next_in,
    "next_not": _ctx_next_not,
    "prev_in": _ctx_prev_in,
    "prev_not": _ctx_prev_not,
    "next_cap": _ctx_next_cap,
    "next_subject": _ctx_next_subject,
    "prev_subject": _ctx_prev_subject,
    "prev_time_unit": _ctx_prev_time_unit,
    "comma_both": _ctx_comma_both,
    "speech_subject": _ctx_speech_subject,
    "cap_demonym": _ctx_cap_demonym,
    "finite_next": _ctx_finite_next,
    "between_content": _ctx_between_content,
    "standalone": _ctx_standalone_out_of,
    "next_function_or_punct": _ctx_next_function_or_punct,
    "next_verb": _ctx_next_verb,
    "sentence_start": _ctx_sentence_start,
    "into_day": _ctx_into_day,
    "be_clause_end": _ctx_next_be_clause_end,
    "misfit_person": _ctx_misfit_person,
    "plural_next": _ctx_plural_next,
    "be_thought": _ctx_not_aux_before,
    "prev_nominal": _ctx_prev_nominal,
    "next_det_or_cap": _ctx_next_det_or_cap,
    "romance_nonverb": _ctx_romance_nonverb,
    "romance_look": _ctx_romance_look,
}


def parse_context(spec: str) -> list[tuple[Callable, str]]:
    """'prev_in:a|b & next_cap' -> [(fn, 'a|b'), (fn, '')]; KeyError for an unknown name."""
    out = []
    for part in (spec or "any").split("&"):
        part = part.strip()
        name, _, arg = part.partition(":")
        out.append((CONTEXTS[name.strip()], arg.strip()))
    return out


# ---------------------------------------------------------------------------------------
# lexicon entries
# ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Entry:
    code: str
    lang: str
    phrase: str
    original: str
    weight: float
    context: str
    tag: str  # SPN001: kind of substitution; SPN002: domain
    match_example: str = ""
    clean_example: str = ""

    @property
    def checks(self):
        return _checks(self.context)


@lru_cache(maxsize=None)
def _checks(spec: str):
    return tuple(parse_context(spec))


def factor(entry: Entry, text: str, start: int, end: int) -> float:
    matched = text[start:end]
    f = 1.0
    for fn, arg in entry.checks:
        f *= fn(text, start, end, arg, matched)
        if f <= 0:
            return 0.0
    return f


@lru_cache(maxsize=None)
def spinner_entries() -> tuple[Entry, ...]:
    """SPN001 lexicon: lang, phrase, original, weight, context, kind, match, clean."""
    out = []
    for row in lint.read_tsv(lexicon("spinner_phrases.tsv"), 8):
        lang, phrase, original, weight, context, kind, good, bad = row[:8]
        out.append(Entry(SPINNER, lang, phrase, original, float(weight), context or "any", kind, good, bad))
    return tuple(out)


@lru_cache(maxsize=None)
def tortured_entries() -> tuple[Entry, ...]:
    """SPN002 lexicon: lang, phrase, correction, weight, domain, context, match, clean."""
    out = []
    for row in lint.read_tsv(lexicon("tortured_phrases.tsv"), 8):
        lang, phrase, original, weight, domain, context, good, bad = row[:8]
        out.append(Entry(TORTURED, lang, phrase, original, float(weight or 0.4), context or "any", domain, good, bad))
    return tuple(out)


#: the engine's trie-shaped phrase matcher (lint.PhraseMatcher), under the name this
#: family's code uses
TrieMatcher = lint.PhraseMatcher

_WHOLE_WORDS = (r"(?<!\w)(?:", r")(?!\w)")  # how PhraseMatcher.pattern wraps its trie


def trie_body(matcher: TrieMatcher) -> Optional[str]:
    """``(?:TRIE)``: the trie of a :class:`TrieMatcher`'s pattern without its word
    boundaries; None if the pattern has another shape."""
    pattern = matcher.pattern.pattern
    head, tail = _WHOLE_WORDS
    if not (pattern.startswith(head) and pattern.endswith(tail)):
        return None
    return "(?:" + pattern[len(head):-len(tail)] + ")"


re_word_chars = lint.re_word_chars
bmp_only = lint.bmp_only


@lru_cache(maxsize=None)
def _word_start_patterns(pattern: str, bmp: bool = False) -> Optional[tuple]:
    """For a pattern ``(?<!\\w)(?:BODY)(?!\\w)`` (a :class:`TrieMatcher`'s): ``BODY(?!\\w)``
    and ``\\W(?:BODY)(?!\\w)``; None for any other pattern. The second starts with a
    character class, so ``re`` skips at C speed to the non-word characters and tries the
    trie only after them, where the first tries it (after its look-behind) everywhere.
    ``bmp``: with ``\\w`` and ``\\W`` as the bitmaps of :func:`re_word_chars`, the same
    patterns for a text all in the Basic Multilingual Plane, ~20% faster."""
    head, tail = _WHOLE_WORDS
    if not (pattern.startswith(head) and pattern.endswith(tail)):
        return None
    body = pattern[len(head) - 3:]  # "(?:BODY)(?!\w)"
    if bmp:
        w = re_word_chars()
        body = body[:-len(r"(?!\w)")] + f"(?![{w}])"
        return re.compile(body), re.compile(f"[^{w}]" + body)
    return re.compile(body), re.compile(r"\W" + body)


def search_lowered(matcher: TrieMatcher, low: str, pos: int = 0, endpos: Optional[int] = None,
                   bmp: Optional[bool] = None):
    """``matcher.pattern.search(low, pos, endpos)`` as a ``(start, end)`` span or None:
    the leftmost phrase at ``pos`` or after, found faster (``low`` is the lower-cased text;
    the caller checked that lower-casing kept its length, as ``matcher.search`` does).
    ``bmp``: :func:`bmp_only` of ``low``, when the caller knows it.

    A phrase starts where no word character precedes it: at ``pos`` (when the character
    before is not a word character, which the look-behind sees too), or right after a
    non-word character, which the second pattern of :func:`_word_start_patterns` consumes.
    At a given start, both patterns match the trie exactly as the original does.

    >>> m = TrieMatcher({"wade household": 1, "in order to": 2, "order": 3})
    >>> low = "wade household,in order to (wade household)\\norder"
    >>> [search_lowered(m, low, p) for p in (0, 1, 16, 27, 44)] == [m.pattern.search(low, p).span() for p in (0, 1, 16, 27, 44)]
    True
    """
    endpos = len(low) if endpos is None else endpos
    pats = _word_start_patterns(matcher.pattern.pattern, bmp_only(low) if bmp is None else bmp)
    if pats is None:
        m = matcher.pattern.search(low, pos, endpos)
        return m.span() if m is not None else None
    if pos == 0 or not (low[pos - 1].isalnum() or low[pos - 1] == "_"):  # re's \w
        m = pats[0].match(low, pos, endpos)
        if m is not None:
            return m.span()
    m = pats[1].search(low, pos, endpos)
    return (m.start() + 1, m.end()) if m is not None else None


@lru_cache(maxsize=None)
def phrase_matcher(lang: str) -> Optional[TrieMatcher]:
    """One compiled trie of every SPN001 and SPN002 phrase of ``lang``."""
    pairs = [(entry.phrase, entry) for entry in spinner_entries() + tortured_entries() if entry.lang == lang]
    return TrieMatcher(pairs) if pairs else None


# ---------------------------------------------------------------------------------------
# hits of a document
# ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Hit:
    code: str
    start: int
    end: int
    weight: float
    message: str
    suggestion: Optional[str]
    key: str  # what was matched, normalised (for counting distinct substitutions)


@dataclass
class SpnHits:
    """The SPN hits of a document by code. Built once (by :func:`spn_hits`) and not
    changed afterwards, so the document-level figures are computed once, on first use
    (a rule asks for them for every finding)."""

    by_code: dict
    words: int

    def get(self, code: str) -> list:
        return self.by_code.get(code, [])

    def all(self) -> list:
        return sorted((h for hs in self.by_code.values() for h in hs), key=lambda h: (h.start, h.code))

    # -- density ------------------------------------------------------------------------
    @cached_property
    def evidence(self) -> float:
        """Weighted count of hits; a substitution repeated counts less each time."""
        seen: dict[str, int] = {}
        total = 0.0
        for h in self.all():
            n = seen.get(h.key, 0)
            seen[h.key] = n + 1
            total += h.weight / (1 + n)
        return total

    @cached_property
    def distinct(self) -> int:
        return len({h.key for hs in self.by_code.values() for h in hs})

    @property
    def density(self) -> float:
        """Weighted hits per 1,000 words."""
        return 1000.0 * self.evidence / max(self.words, 50)

    @cached_property
    def dense(self) -> bool:
        """True when the document reads as spun: several distinct substitutions at a
        density no clean text reaches."""
        return self.distinct >= 3 and self.evidence >= 1.2 and self.density >= 5.0

    def confidence(self, hit: Hit) -> float:
        if self.dense:
            return min(0.9, hit.weight + 0.15)
        return min(hit.weight, LONE_CAP)

    def severity(self, hit: Hit) -> str:
        return "warning" if (self.dense or hit.weight >= WEAK) else "info"


def _lang_runs(doc) -> Iterable[tuple[str, int, int]]:
    """(lang, start, end) for maximal runs of consecutive paragraphs in one language."""
    cur_lang, cur_s, cur_e = None, 0, 0
    for p in doc.paragraphs:
        lang = p.lang or doc.lang
        if lang == cur_lang and p.start >= cur_e:
            cur_e = p.end
            continue
        if cur_lang is not None:
            yield cur_lang, cur_s, cur_e
        cur_lang, cur_s, cur_e = lang, p.start, p.end
    if cur_lang is not None:
        yield cur_lang, cur_s, cur_e


_WORD_SPANS = re.compile(r"\S+")


def _end_of_words(text: str, start: int, end: int, n: int) -> int:
    """End offset of the first ``n`` whitespace-separated words of ``text[start:end]``."""
    stop = start
    for i, m in enumerate(_WORD_SPANS.finditer(text, start, end)):
        stop = m.end()
        if i + 1 >= n:
            break
    return stop


def _phrase_hits(doc, out: dict) -> None:
    text = doc.text
    low = doc.lowered
    n = len(text)
    fast = len(low) == n  # else matcher.search matches the text ignoring case
    bmp = fast and bmp_only(low)
    for lang, s, e in _lang_runs(doc):
        matcher = phrase_matcher(lang) if lang in PHRASE_LANGUAGES else None
        if matcher is None:
            continue
        pos = s
        while pos < e:
            if fast:
                span = search_lowered(matcher, low, pos, e, bmp)
            else:
                m = matcher.search(text, pos, e, low)
                span = m.span() if m is not None else None
            if span is None:
                break
            ms, me = span
            pos = ms + 1
            if ms > 0 and text[ms - 1] in "-‐":
                continue  # inside a hyphenated compound
            best, best_f, best_end = None, 0.0, me
            for words, entries in matcher.candidates(text[ms:me]):
                ce = me if words == 0 else _end_of_words(text, ms, me, words)
                if ce < n and (text[ce] in "'’‐" or (text[ce] == "-" and not text[ms:ce].lower().endswith("of"))):
                    continue  # a contraction ("can't") or a compound ("out-of-date" is handled by its test)
                for entry in entries:
                    f = factor(entry, text, ms, ce)
                    if f * entry.weight > best_f:
                        best, best_f, best_end = entry, f * entry.weight, ce
                if best is not None:
                    break
            if best is None:
                continue
            me = best_end
            pos = me
            matched = text[ms:me]
            if best.code == SPINNER:
                msg = f"spinner phrase: '{matched}' is probably spun '{best.original}'" if best.original \
                    else f"spinner phrase: '{matched}'"
            else:
                msg = f"tortured phrase: '{matched}' is spun '{best.original}' ({best.tag})"
            suggestion = _match_case(best.original, matched) if best.original else None
            out.setdefault(best.code, []).append(
                Hit(best.code, ms, me, round(best_f, 3), msg, suggestion, best.phrase.lower()))


def _match_case(replacement: str, original: str) -> str:
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


@lru_cache(maxsize=None)
def _patterns():
    """The numbers and outlet-name matchers (a separate module that imports this one)."""
    from . import _spn_patterns

    return _spn_patterns


def spn_hits(doc) -> SpnHits:
    """Every SPN001-SPN004 hit of ``doc``, computed once and cached in ``doc.cache``."""
    cached = doc.cache.get("spn_hits")
    if cached is not None:
        return cached
    out: dict = {}
    _phrase_hits(doc, out)
    for hit in _patterns().pattern_hits(doc):
        out.setdefault(hit.code, []).append(hit)
    for code in out:
        out[code].sort(key=lambda h: h.start)
    result = SpnHits(out, doc.word_count)
    doc.cache["spn_hits"] = result
    return result


def findings(rule, doc, code: str):
    """The findings of one SPN code, with confidence and severity set from the density."""
    hits = spn_hits(doc)
    for h in hits.get(code):
        yield rule.finding(doc, h.start, h.end, h.message, suggestion=h.suggestion,
                           confidence=round(hits.confidence(h), 3), severity=hits.severity(h))


def density_confidence(hits: SpnHits) -> float:
    """Confidence of the SPN005 finding: grows with density (5/1k words -> ~0.55)."""
    return round(min(0.95, 1.0 - math.exp(-hits.density / 6.0)), 3)
