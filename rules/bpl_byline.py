"""BPL003 byline: author lines and wire sign-offs left in a scraped body.

A byline (``By John Smith, Reuters``, ``Di Mario Rossi``, ``Автор: Иван Петров``,
``作者：张三``) on a line of its own is normal at the top of a news article, so a standalone
byline is only reported as information (more confidently at the end of the text, where a
scraper leaves it: ``作者 AT`` after the last paragraph). What is damage is a byline glued
into the running text (``By John Smith, Reuters The talks ...``) and the wire sign-off
``(Reporting by ...; Editing by ...)``.

>>> import lint
>>> text = "Talks stalled.\\n\\n(Reporting by Jan Lopatka; Editing by Tom Hogue)"
>>> [f.text for f in lint.check_text(Byline(), text, "en")]
['(Reporting by Jan Lopatka; Editing by Tom Hogue)']
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress
from operator import itemgetter

import regex

import lint

from ._bpl_common import (Spans, agency_pattern, edge_words, lexicon, line_at, line_heads, line_rank, quote,
                          role_pattern, unmasked)

_LEX = "byline"
#: (a word of a script without capitals, Arabic or Devanagari, is a name word too: the
#: label before it is the evidence)
_NAME_WORD = (r"(?:(?:Dr|Prof|Mr|Mrs|Ms|Mx|Dott|Dra|Sr|Sra)\.|\p{Lu}\.|\p{Lu}[\p{L}\p{M}'’\-]+"
              r"|[\p{Arabic}\p{Devanagari}][\p{L}\p{M}]+)")
_CONNECT = r"(?:de|da|di|del|della|dos|das|do|van|von|der|den|la|le|du|bin|al|el|ibn|y)"
_NAME = rf"{_NAME_WORD}(?:[ \t]+(?:{_CONNECT}[ \t]+)?{_NAME_WORD}){{0,4}}"
_AND = r"(?:,|and|&|y|e|et|und|и|ve|i|en|och)"
_NAMES = rf"{_NAME}(?:[ \t]*{_AND}[ \t]*{_NAME}){{0,3}}"
_CJK_NAME = r"(?:[\p{Han}·]{2,8}|\p{Lu}[\p{L}.\-]{0,20})"
#: words that are never part of a name after "By" ("By The Numbers", "By Land And Sea")
_STOP = frozenset(
    "the a an of and or in on at to for with this that these those our my your his her their its all every "
    "way far now then order means default contrast comparison law name day night hand mail car train air road "
    "sea land plane bus phone email heart chance accident nature definition design popular demand request "
    "il lo la le gli un una uno gli dei delle el los las una der die das den dem des ein eine einem einen "
    "o os as um uma du des het een".split())
_WORDS = regex.compile(r"[\p{L}\p{N}]+")
#: every sign-off verb of the lexicon ends with one of these (checked before any regex runs)
_SIGNOFF_KEYS = ("ing by", "ed by", "ics by", "ING BY", "ED BY", "ICS BY")


@lru_cache(maxsize=None)
def _rx() -> dict:
    by = role_pattern(_LEX, "by")
    label = role_pattern(_LEX, "label")
    label_by = role_pattern(_LEX, "label_by")
    cjk_label = role_pattern(_LEX, "cjk_label")
    signoff = role_pattern(_LEX, "signoff")
    stamp = role_pattern(_LEX, "stamp")
    ag = agency_pattern()
    return {
        "line": lint.LazyPattern(regex, 
            rf"[^\w\n]*(?:(?i:(?P<by>{by}|{label_by}))[ \t]+|(?i:(?P<label>{label}))[ \t]*[:：][ \t]*)(?P<names>{_NAMES})"
            rf"(?:(?:[ \t]*[,|–—\-/·•]|[ \t]+in)[ \t]*(?P<extra>[^\n]{{1,100}}?))?[^\w\n]*", regex.V0),
        "cjk": lint.LazyPattern(regex, 
            rf"[^\w\n]*(?:(?:{cjk_label})[ \t]*[:：/｜| \t][ \t]*(?P<names>{_CJK_NAME}(?:[ \t、，,]+{_CJK_NAME}){{0,3}})"
            rf"[ \t]*(?:报道|摄|报|讯)?[ \t]*){{1,3}}[^\w\n]*", regex.V0),
        "glued": lint.LazyPattern(regex, 
            rf"[^\w\n]*(?i:{by})[ \t]+(?P<names>{_NAMES})[ \t]*"
            rf"(?:,[ \t]*(?:{ag})\b|[ \t,|]*(?i:{stamp})\b[^\n]{{0,40}}?\d{{4}})",
            regex.V0),
        "signoff_full": lint.LazyPattern(regex, 
            rf"\(?(?i:{signoff})[ \t]+{_NAMES}(?:[ \t]*[;,][ \t]*(?i:{signoff})[ \t]+{_NAMES})*"
            rf"(?:[ \t]*;[ \t]*[^()\n]{{0,40}})?\)?",
            regex.V0),
        "first": edge_words(_LEX, ("by", "label", "label_by")),
        "cjk_first": tuple(p for _, p in lexicon(_LEX).get("cjk_label", ())),
        # every string starting with a CJK label is >= this (none: a string above all words)
        "cjk_min": min((p for _, p in lexicon(_LEX).get("cjk_label", ())), default="\U0010ffff" * 64),
        "agency": lint.LazyPattern(regex, ag),
        "stamp": lint.LazyPattern(regex, rf"(?i:{stamp})", regex.V0),
    }


#: a Korean wire byline: "(서울=연합뉴스) 김민수 기자 =" (dateline, reporter, "="), or a
#: reporter line of its own ("김민수 기자")
_KO_BYLINE = regex.compile(
    r"[ \t]*(?:\([ \t]*\p{Hangul}{1,8}[ \t]*=[ \t]*[^()\n=]{1,20}\)[ \t]*)?"
    r"\p{Hangul}{2,4}(?:[ \t]*[·,][ \t]*\p{Hangul}{2,4}){0,3}[ \t]*(?:기자|특파원|객원기자|인턴기자|통신원)"
    r"(?:[ \t]*=|[ \t]*$)", regex.M)
_WORD_START = re.compile(r"\w+(?:\s+\w+){0,1}$")
_OPENS = re.compile(r"(?:^|[(\n]|[.!?]\s)\s*$")


#: the keys grouped by their last word ("by" / "BY"), each group as one ``re`` pattern that
#: starts with that word (a literal: the engine skips to it at C speed) and looks behind for
#: the whole key: every occurrence of every key, one scan per group
_SIGNOFF_SCANS = tuple(
    (word, re.compile("|".join(f"{re.escape(word)}(?<={re.escape(k)})" for k in _SIGNOFF_KEYS
                               if k.split()[-1] == word)))
    for word in dict.fromkeys(k.split()[-1] for k in _SIGNOFF_KEYS))


def _signoff_key_positions(text: str):
    """``(pos, key)`` for every occurrence of every key of ``_SIGNOFF_KEYS`` in ``text``.

    >>> sorted(_signoff_key_positions("Reporting by A; edited by B; by C; DIRECTED BY D"))
    [(6, 'ing by'), (20, 'ed by'), (41, 'ED BY')]
    """
    for word, scan in _SIGNOFF_SCANS:
        if word[-1] not in text:
            continue  # one character, found at memchr speed: no key of the group either
        for m in scan.finditer(text):
            end = m.end()
            for key in _SIGNOFF_KEYS:
                if end >= len(key) and text.startswith(key, end - len(key)):
                    yield end - len(key), key


def _signoff_starts(text: str) -> list[int]:
    """Offsets where a sign-off may start: the word(s) before each "ing by"/"ed by" key,
    when a line, a bracket or a sentence opens right before them."""
    out = set()
    for pos, key in _signoff_key_positions(text):
        # the verb (and "Additional"): at most two words before the key's end
        lo = max(0, pos - 30)
        w = _WORD_START.search(text, lo, pos + len(key) - 3)
        if w:
            for k in (w.start(), text.find(" ", w.start(), pos) + 1 or w.start()):
                if _OPENS.search(text, max(0, k - 3), k) or k == 0:
                    out.add(k - 1 if k > 0 and text[k - 1] == "(" else k)
    return sorted(out)


def _plausible_names(names: str, strict: bool) -> bool:
    words = _WORDS.findall(names)
    if not words:
        return False
    if any(w.lower() in _STOP for w in words):
        return False
    if strict and len(words) < 2:
        return False
    return True


def _plausible_extra(rx, extra) -> bool:
    """What may follow a byline on its line: an agency, a role, a date, a place."""
    if not extra:
        return True
    words = _WORDS.findall(extra)
    if len(words) > 8:
        # a long tail only with a time stamp, and nothing else but names and numbers:
        # "| 4 May 2024, 9:15am | Updated 5 May 2024", "in Engineering · 6 min read"
        rest = rx["stamp"].sub(" ", extra)
        return len(words) <= 16 and rest != extra and all(
            w[0].isupper() or w[0].isdigit() for w in _WORDS.findall(rest) if len(w) > 3)
    if rx["agency"].search(extra) or rx["stamp"].search(extra):
        return True
    return all(w[0].isupper() or w[0].isdigit() for w in words if len(w) > 3)


class Byline(lint.Rule):
    """A byline or author line in the body of a text: ``By John Smith, Reuters``,
    ``Di Mario Rossi``, ``Por Ana García``, ``Par Jean Dupont``, ``Von Hans Müller``,
    ``Автор: Иван Петров``, ``Yazar: Ali Demir``, ``作者：张三``, ``作者 AT``, and the
    wire sign-off ``(Reporting by ...; Editing by ...)``.

    Why it matters: a byline on its own line is normal at the top of a news article, so it is
    reported as information only (more confidently in the middle or at the very end of a
    text, where it is scrape residue: the author block under the article). A byline glued to
    the first sentence of running text, or followed by a "Published/Updated" time stamp,
    and a wire sign-off are scraped page furniture: those are warnings.

    ``By The Numbers`` and ``By Land And Sea`` are headlines, not bylines (function words
    are never names); a preposition that is also an ordinary word (``di``, ``por``, ``von``)
    needs a name of at least two capitalised words, and a label that is also a noun
    (``Text``, ``Autor``, ``Автор``) needs its colon (``Text Sizes`` is a heading).
    """

    code = "BPL003"
    name = "byline"
    severity = "info"
    languages = None
    summary = "byline, author line or wire sign-off left in the text"
    fix_hint = "Delete the author line if the text is meant to be the article body only."
    fix = None
    confidence = 0.35
    matches = (
        lint.Example("Επιμέλεια: Νίκος Παπαδόπουλος\n\nΗ κυβέρνηση ανακοίνωσε χθες νέα μέτρα για τη στέγαση.", "el",
                     covers="Επιμέλεια"),
        lint.Example("By Jane Cole | 4 May 2024, 9:15am | Updated 5 May 2024\n\nThe council approved the plan.", "en",
                     covers="By Jane Cole"),
        lint.Example("Posted by Sam Ortiz in Engineering · 6 min read\n\nWe moved our build to a new cache.", "en",
                     covers="Posted by Sam Ortiz"),
        lint.Example("Medically reviewed by Dr. Ann Lee — Written by Mark Stone\n\nSleep matters more than we "
                     "think.", "en", covers="Medically reviewed"),
        lint.Example("Le autorità hanno chiuso il valico.\n\nGli uomini hanno aspettato tre giorni.\n\n"
                     "Di Mario Rossi", "it", covers="Di Mario Rossi"),
        lint.Example("The talks stalled on Monday.\n\n(Reporting by Jan Lopatka; Editing by Tom Hogue)", "en",
                     covers="Reporting by Jan Lopatka"),
        lint.Example("By John Smith, Reuters The talks in Geneva stalled on Monday after both sides walked out.",
                     "en", covers="By John Smith"),
        lint.Example("Las conversaciones se estancaron.\n\nLa oposición pidió elecciones.\n\nPor Ana García", "es",
                     covers="Por Ana García"),
        lint.Example("Les discussions ont échoué.\n\nL'opposition réclame des élections.\n\nPar Jean Dupont", "fr",
                     covers="Par Jean Dupont"),
        lint.Example("Die Gespräche sind gescheitert.\n\nDie Opposition fordert Neuwahlen.\n\nVon Hans Müller", "de",
                     covers="Von Hans Müller"),
        lint.Example("Переговоры зашли в тупик.\n\nОппозиция требует выборов.\n\nАвтор: Иван Петров", "ru",
                     covers="Автор: Иван Петров"),
        lint.Example("Görüşmeler çıkmaza girdi.\n\nMuhalefet seçim istiyor.\n\nYazar: Ali Demir", "tr",
                     covers="Yazar: Ali Demir"),
        lint.Example("但我不知道她还剩下多少时间。\n\n我希望我至少有一天能回来。\n\n作者 AT", "zh", covers="作者 AT"),
        lint.Example("会谈陷入僵局。\n\n作者：张三\n\n反对派要求举行选举。", "zh", covers="作者：张三"),
        lint.Example("会谈陷入僵局。\n\n来源：新华网 作者：张伟\n\n反对派要求举行选举。", "zh", covers="作者：张伟"),
        lint.Example("A tárgyalások elakadtak.\n\nAz ellenzék választást követel.\n\nSzerző: Tóth Márta", "hu",
                     covers="Szerző: Tóth Márta"),
        lint.Example("Forhandlingerne gik i stå.\n\nOppositionen kræver valg.\n\nAf Lars Holm, Ritzau", "da",
                     covers="Af Lars Holm"),
        lint.Example("Οι συνομιλίες σταμάτησαν.\n\nΗ αντιπολίτευση ζητά εκλογές.\n\nΓράφει ο Νίκος Αλεξίου", "el",
                     covers="Γράφει ο Νίκος"),
        lint.Example("توقفت المحادثات.\n\nتطالب المعارضة بانتخابات.\n\nبقلم: سارة الخطيب", "ar",
                     covers="بقلم: سارة الخطيب"),
        lint.Example("बातचीत रुक गई।\n\nविपक्ष चुनाव की मांग कर रहा है।\n\nलेखक: राहुल वर्मा", "hi",
                     covers="लेखक: राहुल वर्मा"),
        lint.Example("(부산=뉴시스) 박지훈 기자 = 부산시가 새 다리를 개통했다.\n\n시민들이 몰렸다.", "ko",
                     covers="박지훈 기자"),
    )
    no_matches = (
        lint.Example("By The Numbers\n\nThe city has 40 bridges and 12 tunnels.", "en"),
        lint.Example("By the time a man is wise enough to watch his step, he's too old to go anywhere.", "en"),
        lint.Example("Von Hamburg nach Berlin\n\nDie Strecke ist 290 Kilometer lang.", "de"),
        lint.Example("Por acaso até foi uma menina que se enfiou no teu pára-quedas.", "pt"),
        lint.Example("The book, edited by John Smith, came out in 2004 and was reprinted twice.", "en"),
        lint.Example("文化部长\n\n他昨天出席了会议。", "zh"),
        lint.Example("Di Maio\n\nIl ministro ha parlato ieri.", "it"),
        lint.Example("Reporting by the BBC suggested that the talks had stalled.", "en"),
        lint.Example("Text Sizes\n\nThe sizes of the fonts are set in the style sheet.", "en"),
        lint.Example("Reviewed by the committee in March, the plan was approved with small changes.", "en"),
        lint.Example("Posted by Air Mail in 1950, the letter reached Lima in May.", "en"),        lint.Example("Af og til regner det hele dagen i Bergen.", "da"),
        lint.Example("그는 기자 회견에서 새 계획을 발표했다.", "ko"),
    )

    def check(self, doc):
        rx = _rx()
        text = doc.text
        done = Spans()
        # wire sign-offs anywhere: find "...ing by" with str.find (C speed), then check
        # that a sign-off verb opens a line, a bracket or a sentence there
        for start in _signoff_starts(text):
            if done.contains(start):
                continue
            full = rx["signoff_full"].match(text, start)
            if not full:
                continue
            body = full.group()
            if not (";" in body or (body.startswith("(") and body.endswith(")"))):
                continue
            span = unmasked(doc, full.start(), full.end())
            if span:
                done.add(*span)
                yield self.finding(doc, span[0], span[1], f"wire sign-off left in the text: {quote(body)!r}",
                                   confidence=0.75, severity="warning")
        if "기자" in text or "특파원" in text or "통신원" in text:
            yield from self._korean(doc, text, done)
        # only lines that open with a byline word (set lookups on the cached line heads)
        first, cjk_first, cjk_min = rx["first"], rx["cjk_first"], rx["cjk_min"]
        heads = line_heads(doc)
        words = list(map(itemgetter(0), heads))
        if words and max(words) >= cjk_min:
            heads = [(word, pos) for word, pos in heads if word in first or word.startswith(cjk_first)]
        else:  # no word starts with a CJK label (it would be at least that label, so at least
            # the smallest one): set look-ups at C speed
            heads = compress(heads, map(first.__contains__, words))
        for word, pos in heads:
            s, e = line_at(doc, pos)
            if done.contains(s):
                continue
            if e - s <= 160:
                hit = self._line(rx, text, s, e)
                if hit:
                    i, n = line_rank(doc, s)
                    what, conf = self._position(i, n)
                    span = unmasked(doc, s, e)
                    if span:
                        yield self.finding(doc, span[0], span[1], f"{what}: {quote(text[s:e])!r}", confidence=conf)
                    continue
            g = rx["glued"].match(text, s, e)
            if g and e - g.end() >= 30 and _plausible_names(g.group("names"), True):
                span = unmasked(doc, g.start(), g.end())
                if span:
                    yield self.finding(doc, span[0], span[1],
                                       f"byline glued to the running text: {quote(g.group())!r}",
                                       confidence=0.6, severity="warning")

    def _korean(self, doc, text, done):
        """Korean reporter bylines at the start of a line."""
        for word, pos in line_heads(doc):
            if not ("\uac00" <= word[:1] <= "\ud7a3"):
                continue
            s, e = line_at(doc, pos)
            m = _KO_BYLINE.match(text, s, e)  # (the line starts at the dateline's bracket)
            if not m or done.contains(m.start()):
                continue
            i, n = line_rank(doc, s)
            what, conf = self._position(i, n)
            span = unmasked(doc, m.start(), m.end())
            if span:
                done.add(*span)
                yield self.finding(doc, span[0], span[1], f"{what}: {quote(m.group())!r}", confidence=conf)

    @staticmethod
    def _line(rx, text, s, e):
        m = rx["line"].fullmatch(text, s, e)
        if m:
            strict = m.group("by") is not None
            if _plausible_names(m.group("names"), strict) and _plausible_extra(rx, m.group("extra")):
                return m
            return None
        return rx["cjk"].fullmatch(text, s, e)

    @staticmethod
    def _position(i: int, n: int):
        if i < 3 and n > 3:
            return "byline at the top of the text", 0.25
        if i >= n - 2:
            return "byline left at the end of the text", 0.45
        return "byline left in the middle of the text", 0.35
