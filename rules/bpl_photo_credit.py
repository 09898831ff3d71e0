"""BPL002 photo-credit: picture captions and credits scraped into running text.

A scraped article keeps the caption of every picture, and the caption ends with the
credit: ``(Rebecca Wright/CNN)``, ``Foto: ANSA``, ``Фото: ТАСС``, ``图片来源：新华社``,
``Photo by Jean Martin/Reuters``, ``© Getty Images``. The strongest shape is a
parenthesised "Name Surname/Agency" that closes a line.

>>> import lint
>>> text = "Arrivals queue in Almaty. (Rebecca Wright/CNN)\\n\\nVadim waited."
>>> [f.text for f in lint.check_text(PhotoCredit(), text, "en")]
['(Rebecca Wright/CNN)']
"""
from __future__ import annotations

import re
from functools import lru_cache

import regex

import lint

from ._bpl_common import (Spans, agency_pattern, edge_words, line_at, line_heads, nonblank_lines, quote, role_pattern,
                          unmasked)

_LEX = "credit"
#: a name word: a capitalised word or an initial ("J.")
_NAME_WORD = r"(?:\p{Lu}\.|\p{Lu}[\p{L}\p{M}'’\-]+)"
_CONNECT = r"(?:de|da|di|del|della|dos|das|do|van|von|der|den|la|le|du|bin|al|el|ibn|y|e|and|und|et|i)"
_NAME = rf"{_NAME_WORD}(?:[ \t]+(?:{_CONNECT}[ \t]+)?{_NAME_WORD}){{0,4}}"
#: an unknown agency: a short all-capitals word
_CAPS = r"\p{Lu}{2,6}"
#: a slot for an agency: up to four words (checked against the agency list in Python)
_AGISH = r"[\p{L}\d][\p{L}\p{N}\-.&'’]*(?:[ \t]+[\p{L}\d][\p{L}\p{N}\-.&'’]*){0,3}"
_VIA = r"(?:via|for|per|para|pour|für|/)"
_LIBRARIES = ("Getty Images", "Shutterstock", "iStock", "iStockphoto", "Alamy", "Alamy Stock Photo", "Unsplash",
              "Pexels", "Pixabay", "Wikimedia Commons", "GETTY IMAGES", "SHUTTERSTOCK")
_TERMINAL_BEFORE = re.compile(r"(?:[.!?。！？…\"”»)]|\s[|–—•·-])\s*$")
#: where a credit may start inside a line: after a sentence end or a separator
_AFTER_SENTENCE = re.compile(r"(?:[.!?。！？…\"”»)]|\s[|–—•·-])[ \t]*(?=\S)")
#: (...) and （...）: two patterns, as a literal first character scans ~4x faster than a class
_PAREN = re.compile(r"\(\s*([^()\n]{2,120}?)\s*\)")
_PAREN_WIDE = re.compile(r"（\s*([^（）\n]{2,120}?)\s*）")
_YEARISH = re.compile(r"\s*(?:\(?\d{4}|copyright|all rights|tutti i diritti|todos los|tous droits|alle rechte|"
                      r"все права|tüm hakları|版权)", re.I)
_WORDS = regex.compile(r"[\p{L}\p{N}]+")


@lru_cache(maxsize=None)
def _rx() -> dict:
    # The agency names are not in this pattern (it would hold them five times and take a
    # tenth of a second to compile): a slot takes capitalised words and Python checks them
    # against the agency list.
    label = role_pattern(_LEX, "label")
    label_by = role_pattern(_LEX, "label_by")
    lib = "|".join(re.escape(x) for x in sorted(_LIBRARIES, key=len, reverse=True))
    credit_body = (
        rf"(?:(?i:(?P<label>{label}))(?:\s*[:：]|(?<=[\uac00-\ud7a3])\s*=)\s*(?P<credit>[^\n:：()=]{{1,80}}?)"
        rf"|(?i:(?P<labelby>{label_by}))\s+(?P<bycredit>{_NAME}(?:\s*/\s*{_AGISH})*"
        rf"(?:\s+{_VIA}\s+[^\n()]{{1,40}})?)"
        rf"|(?P<slash>(?:(?i:by)\s+)?(?P<sname>{_NAME})\s*/\s*(?P<ag>{_AGISH})(?:\s*/\s*{_AGISH})*"
        rf"(?:\s+(?:via|for)\s+[^\n()]{{1,40}})?)"
        rf"|(?P<copy>©\s*[^\n()]{{1,60}})"
        rf"|(?P<lib>{lib})"
        rf"|(?P<zhshot>[^\n()（）]{{1,30}}?(?:摄影|摄|供图))"
        rf"|(?P<bare>{_AGISH})"
        rf")"
    )
    return {
        # a credit, alone in brackets or closing a line
        "tail": regex.compile(rf"[(（【\[]?{credit_body}[)）】\]]?[ \t]*$", regex.V0),
        # "(Foto Ansa)": a label and an agency, no colon
        "label_space": regex.compile(rf"(?i:{label})\s+(?P<credit>[^\n:：()]{{2,40}})", regex.V0),
        "agency": re.compile(agency_pattern()),
        "caps": regex.compile(_CAPS),
        # cheap tests of a line's tail before the credit patterns run
        "quick": re.compile(r"[/:：©=]"),
        "quick_by": re.compile(r"(?i)(?:foto|photo|image|picture|bild|fotograf|illustra)\w*\s+"
                               r"(?:by|di|de|von|par|por)\s"),
        "quick_lib": tuple(_LIBRARIES),
        "han": regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]"),
        # a line that opens with a caption label ("Image caption, ...") or a credit label
        # with a comma ("IMAGE SOURCE, GETTY IMAGES", the BBC's style)
        "first": edge_words(_LEX, ("caption", "label")),
        "caption": re.compile(rf"[^\w\n]*{role_pattern(_LEX, 'caption')}\s*[:：,]\s*\S", re.I),
        "comma_credit": re.compile(rf"[^\w\n]*{label}\s*,\s*(?P<credit>[^\n,]{{2,60}})$", re.I),
    }


def _agency(rx, s: str) -> bool:
    """``s`` is a known agency (an optional " Photo", " Images" after it), or one agency
    distributed by another ("AFP via Getty Images").

    >>> rx = _rx()
    >>> _agency(rx, "AFP via Getty Images"), _agency(rx, "Reuters Pictures"), _agency(rx, "Marco Rossi")
    (True, True, False)
    """
    s = s.strip()
    match = rx["agency"].fullmatch
    if match(s) is not None or match(_SUFFIX.sub("", s)) is not None:
        return True
    first, via, rest = s.partition(" via ")
    return bool(via) and match(first) is not None and match(_SUFFIX.sub("", rest)) is not None


_SUFFIX = re.compile(r"\s+(?:Photo|Photos|Images|Pictures|Foto|Fotos|PHOTO|FOTO)$")


def _slash_kind(rx, m):
    """'known' ("Name/Agency" or "AGENCY Photo/Name"), 'caps' (a name and an unknown
    all-capitals agency), or None: a list of agencies only ("(AP / AFP / Reuter)") is a
    dateline's sources, not a photo credit."""
    name, ag = m.group("sname"), m.group("ag")
    name_is_agency = _agency(rx, name)
    if _agency(rx, ag):
        return None if name_is_agency else "known"
    if name_is_agency:
        return "known" if _PHOTO_SUFFIX.search(name) else None
    label = _PHOTO_PREFIX.match(name)
    if label and _agency(rx, name[label.end():]) and len(ag.split()) >= 2:
        return "known"  # "Foto Ansa/Marco Rossi": a label, the agency, the photographer
    if rx["caps"].fullmatch(ag) and len(name.split()) >= 2:
        return "caps"
    return None


_PHOTO_SUFFIX = re.compile(r"\s(?:Photo|Foto|Images|PHOTO|FOTO)$")
_PHOTO_PREFIX = re.compile(r"(?:Photo|Foto|Fotó|Fotografia|Fot\.|Фото)\s+")


def _looks_like_credit(rx, credit: str) -> bool:
    """A credit: an agency, a "/", a © or a few capitalised name words."""
    credit = credit.strip()
    if not credit:
        return False
    words = _WORDS.findall(credit)
    if not words or len(words) > 8:
        return False
    if "/" in credit or "©" in credit or rx["agency"].search(credit):
        return True
    if rx["han"].search(credit):
        return len(credit) <= 20  # 新华社记者 张三
    if not any(c.isupper() or c.islower() for c in credit):
        return len(words) <= 3  # a script without capitals: a short credit ("صورة: أرشيفية")
    # names: every word capitalised (connectors allowed), at most five words
    caps = sum(1 for w in words if w[0].isupper())
    return len(words) <= 5 and caps >= max(1, len(words) - 1) and caps >= 2 or (len(words) == 1 and caps == 1)


class PhotoCredit(lint.Rule):
    """A photo caption or credit left in the text: ``(Rebecca Wright/CNN)``,
    ``(Photo by Jean Martin/Reuters)``, ``Foto: ANSA``, ``Bild: Keystone``, ``Фото: ТАСС``,
    ``图片来源：新华社``, ``Fotoğraf: AA``, ``© Reuters``, ``(Getty Images)``.

    Why it matters: a credit belongs to a picture that the scraper dropped; in the text it is
    noise, and its agency names look like sources to a reader or a model.

    Strongest shape: a parenthesised "Name Surname/Agency" (or the AP's "AP Photo/Name") at
    the end of a caption line. A credit label with a colon counts at the start of a line or
    after the caption's last sentence, when what follows is short and looks like a credit
    (an agency, a slash, a few capitalised names); in brackets a label and an agency need no
    colon (``(Foto Ansa)``). A line that opens with a caption label (``Image caption, ...``)
    or a credit label, a comma and an agency (``IMAGE SOURCE, GETTY IMAGES``) is page
    furniture too. An agency in brackets alone, ``(AFP)``, counts only when it closes a
    line after a full stop: in ``PARIS (AFP) -`` it is a dateline, and a list of agencies
    only, ``(AP / AFP / Reuter)``, is a dateline's sources. An unknown all-capitals agency
    after a slash counts only after a two-word name at the end of a line (so
    ``(Die Linke/PDS)`` in a sentence is left alone).
    """

    code = "BPL002"
    name = "photo-credit"
    severity = "warning"
    languages = None
    summary = "photo caption credit left in the text"
    fix_hint = "Delete the credit (and the caption, if the picture is gone)."
    fix = None
    confidence = 0.85
    matches = (
        lint.Example("The river burst its banks overnight.\n\n(Ana Ruiz/AFP via Getty Images)\n\nResidents left by boat.",
                     "en", covers="AFP via Getty Images"),
        lint.Example("Il fiume è esondato nella notte.\n\n(Foto Ansa/Luca Bruni)\n\nGli abitanti sono andati via.", "it",
                     covers="Foto Ansa/Luca Bruni"),
        lint.Example("Rzeka wylała w nocy.\n\nFot. Adam Wolski / East News\n\nMieszkańcy uciekli łodziami.", "pl",
                     covers="East News"),
        lint.Example("Gli arrivi russi ad Almaty, in Kazakistan. (Rebecca Wright/CNN)\n\nVadim dice di essere "
                     "depresso.", "it", covers="(Rebecca Wright/CNN)"),
        lint.Example("Protesters gather outside parliament. (Photo by Jean Martin/Reuters)\n\nThe vote was delayed.",
                     "en", covers="Jean Martin/Reuters"),
        lint.Example("The minister arrives in Brussels.\n\nPhoto: AP\n\nShe met her counterparts.", "en",
                     covers="Photo: AP"),
        lint.Example("Firefighters at the scene. Getty Images\n\nThe fire started at noon.", "en",
                     covers="Getty Images"),
        lint.Example("Il ministro arriva a Bruxelles. Foto: ANSA\n\nHa incontrato i colleghi.", "it",
                     covers="Foto: ANSA"),
        lint.Example("El ministro llega a Bruselas.\n\nImagen: EFE\n\nSe reunió con sus colegas.", "es",
                     covers="Imagen: EFE"),
        lint.Example("Le ministre arrive à Bruxelles. (AFP)\n\nIl a rencontré ses homologues.", "fr",
                     covers="(AFP)"),
        lint.Example("Der Minister kommt in Brüssel an.\n\nBild: Keystone\n\nEr traf seine Kollegen.", "de",
                     covers="Bild: Keystone"),
        lint.Example("O ministro chega a Bruxelas. © Reuters\n\nEle se reuniu com colegas.", "pt",
                     covers="© Reuters"),
        lint.Example("Министр прибыл в Брюссель.\n\nФото: ТАСС\n\nОн встретился с коллегами.", "ru",
                     covers="Фото: ТАСС"),
        lint.Example("Bakan Brüksel'e geldi.\n\nFotoğraf: AA\n\nMeslektaşlarıyla görüştü.", "tr",
                     covers="Fotoğraf: AA"),
        lint.Example("部长抵达布鲁塞尔。\n\n图片来源：新华社\n\n他会见了同事。", "zh", covers="图片来源：新华社"),
        lint.Example("IMAGE SOURCE, GETTY IMAGES\nImage caption, Russians queue at the border\n\nThousands fled.",
                     "en", covers="Image caption"),
        lint.Example("部长抵达布鲁塞尔。（新华社记者 张三 摄）\n\n他会见了同事。", "zh", covers="新华社记者 张三 摄"),
        lint.Example("Migliaia di uomini hanno lasciato la Russia. (Foto Ansa)\n\nLa fila era lunga.", "it",
                     covers="(Foto Ansa)"),
        lint.Example("【图片来源：视觉中国】\n\n数千名男子离开了俄罗斯。", "zh", covers="图片来源"),
        lint.Example("The president speaks in Washington. (AP Photo/Evan Vucci)\n\nHe took no questions.", "en",
                     covers="AP Photo/Evan Vucci"),
        lint.Example("A miniszter Brüsszelbe érkezett.\n\nFotó: MTI/Szabó Péter\n\nTalálkozott a kollégáival.", "hu",
                     covers="Fotó: MTI"),
        lint.Example("Menteri tiba di Brussel. (ANTARA FOTO/Rina Kusuma)\n\nIa bertemu rekan-rekannya.", "id",
                     covers="ANTARA FOTO/Rina Kusuma"),
        lint.Example("Министърът пристигна в Брюксел.\n\nСнимка: БТА\n\nТой се срещна с колегите си.", "bg",
                     covers="Снимка: БТА"),
        lint.Example("Ο υπουργός έφτασε στις Βρυξέλλες.\n\nΦωτογραφία: ΑΠΕ-ΜΠΕ\n\nΣυναντήθηκε με ομολόγους του.",
                     "el", covers="Φωτογραφία: ΑΠΕ-ΜΠΕ"),
        lint.Example("وصل الوزير إلى بروكسل.\n\nالصورة: رويترز\n\nوالتقى نظراءه.", "ar", covers="الصورة: رويترز"),
        lint.Example("मंत्री ब्रसेल्स पहुंचे।\n\nफोटो: एएनआई\n\nउन्होंने सहयोगियों से मुलाकात की।", "hi",
                     covers="फोटो: एएनआई"),
        lint.Example("장관이 브뤼셀에 도착했다.\n\n사진=뉴시스\n\n그는 동료들을 만났다.", "ko", covers="사진=뉴시스"),
    )
    no_matches = (
        lint.Example("PARIS (AFP) - The French government announced new measures on Monday.", "en"),
        lint.Example("As shown in earlier work (Smith/Jones 2004), the effect is small.", "en"),
        lint.Example("Die Koalition (Die Linke/PDS) stimmte gegen den Antrag im Bundestag.", "de"),
        lint.Example("He told AFP that he had left Russia a week after the announcement.", "en"),
        lint.Example("The photo: a man on a bench, his bag beside him, waiting for a train that never came.", "en"),
        lint.Example("Reuters reported that the talks had stalled, citing two officials.", "en"),
        lint.Example("Il rapporto (ANSA) è stato pubblicato ieri dal ministero dell'Interno.", "it"),
        lint.Example("Foto: una giornata di sole sul lago, con le barche ormeggiate al molo e i turisti.", "it"),
        lint.Example("The ratio was 3/4 (CDU/CSU) in the last vote.", "de"),
        lint.Example("ALGIER, 5. Juli (AP / AFP / Reuter). Die Regierung trat zurück.", "de"),
        lint.Example("He works for Getty Images as a staff photographer in London.", "en"),
        lint.Example("Foto, video e audio sono stati pubblicati ieri.", "it"),
        lint.Example("Photo, Video\n\nThe museum shows both.", "en"),
        lint.Example("Il premio è andato al circolo (Foto Club/Milano Centro) per la mostra.", "it"),        lint.Example("صورة: رجل يجلس على مقعد في الحديقة وينتظر القطار الذي لم يأت أبدا منذ الصباح.", "ar"),
        lint.Example("image=Bridge.jpg\n\nThe bridge opened in 1890.", "en"),
    )

    def check(self, doc):
        rx = _rx()
        text = doc.text
        done = Spans()
        # 1. parenthesised credits anywhere
        for paren in (_PAREN, _PAREN_WIDE) if "（" in text else (_PAREN,):
            for m in paren.finditer(text):
                hit = self._paren(rx, text, m)
                if hit:
                    yield from self._report(doc, done, *hit)
        # 2. lines that open with a caption label, or a credit label and a comma
        first = rx["first"]
        for word, pos in line_heads(doc):
            if word in first:
                s, e = line_at(doc, pos)
                hit = self._head(rx, text, s, e)
                if hit and not done.overlaps(hit[0], hit[1]):
                    yield from self._report(doc, done, *hit)
        # 3. the tail of each line
        for s, e in nonblank_lines(doc):
            ws = max(s, e - 140)
            if not rx["quick"].search(text, ws, e):
                tail = text[ws:e]
                if not tail.rstrip(" .)").endswith(rx["quick_lib"]):
                    low = tail.lower()
                    if not (("oto" in low or "mage" in low or "bild" in low or "icture" in low or "illustr" in low)
                            and rx["quick_by"].search(text, ws, e)):
                        continue
            hit = self._tail(rx, text, s, ws, e)
            if hit and not done.overlaps(hit[0], hit[1]):
                yield from self._report(doc, done, *hit)

    def _report(self, doc, done, start, end, message, conf):
        span = unmasked(doc, start, end)
        if span:
            done.add(*span)
            yield self.finding(doc, span[0], span[1], message, confidence=conf)

    # -- (…) -------------------------------------------------------------------------
    def _paren(self, rx, text, m):
        body_s, body_e = m.span(1)
        body = m.group(1)
        if not (body[:1].isupper() and body_e - body_s <= 40 or any(c in body for c in "/:：©摄图")):
            return None  # "(in 2004)", "(see below)": no credit shape
        hit = self._paren_credit(rx, text, m, body_s, body_e)
        if hit is None:
            ls = rx["label_space"].fullmatch(text, body_s, body_e)
            if ls and _agency(rx, ls.group("credit")):
                return m.start(), m.end(), f"photo credit left in the text: {quote(m.group())!r}", 0.8
        return hit

    def _paren_credit(self, rx, text, m, body_s, body_e):
        b = rx["tail"].fullmatch(text, body_s, body_e)
        if not b:
            return None
        at_line_end = _line_end_after(text, m.end())
        after_sentence = bool(_TERMINAL_BEFORE.search(text, max(0, m.start() - 4), m.start())) \
            or _line_start_before(text, m.start())
        what = f"photo credit left in the text: {quote(m.group())!r}"
        kind = _kind(b)
        if kind == "slash":
            sk = _slash_kind(rx, b)
            if sk == "known":
                return m.start(), m.end(), what, 0.85 if at_line_end else 0.7
            if sk == "caps" and at_line_end and after_sentence:
                return m.start(), m.end(), what, 0.6
            return None
        if kind == "lib":
            return m.start(), m.end(), what, 0.85 if at_line_end else 0.75
        if kind == "zhshot" and _looks_like_credit(rx, b.group("zhshot")):
            return m.start(), m.end(), what, 0.8
        if kind == "labelby":
            return m.start(), m.end(), what, 0.8
        if kind == "label":
            if _looks_like_credit(rx, b.group("credit")):
                return m.start(), m.end(), what, 0.8
            return None
        if kind == "copy":
            if _YEARISH.match(text, b.start() + 1) or not _looks_like_credit(rx, b.group()[1:]):
                return None  # a copyright line (BPL004)
            return m.start(), m.end(), what, 0.8
        if kind == "bare" and at_line_end and after_sentence and _agency(rx, b.group("bare")):
            return m.start(), m.end(), f"agency credit closing a caption: {quote(m.group())!r}", 0.7
        return None

    # -- start of a line -------------------------------------------------------------
    @staticmethod
    def _head(rx, text, s, e):
        if e - s <= 300 and rx["caption"].match(text, s, e):
            return s, e, f"photo caption left in the text: {quote(text[s:e])!r}", 0.7
        m = rx["comma_credit"].match(text, s, e)
        if m and rx["agency"].search(m.group("credit")):
            return s, e, f"photo credit left in the text: {quote(text[s:e])!r}", 0.8
        return None

    # -- end of a line ---------------------------------------------------------------
    def _tail(self, rx, text, s, ws, e):
        # a credit starts the line or follows the caption's last sentence: try those
        # positions only, each with one anchored match
        starts = [s] if ws == s else []
        starts += [m.end() for m in _AFTER_SENTENCE.finditer(text, max(ws, e - 112), e)]
        for start in starts:
            if e - start > 110:
                continue  # a credit is short
            t = rx["tail"].match(text, start, e)
            if not t:
                continue
            kind = _kind(t)
            what = f"photo credit left in the text: {quote(t.group())!r}"
            if kind == "label" and _looks_like_credit(rx, t.group("credit")):
                return start, t.end(), what, 0.85 if start == s else 0.8
            if kind == "labelby":
                return start, t.end(), what, 0.8
            if kind == "slash" and _slash_kind(rx, t) == "known":
                return start, t.end(), what, 0.8
            if kind == "lib":
                return start, t.end(), what, 0.75
            if kind == "copy" and not _YEARISH.match(text, t.start("copy") + 1) \
                    and _looks_like_credit(rx, t.group("copy")[1:]):
                return start, t.end(), what, 0.8
            if kind == "zhshot" and _looks_like_credit(rx, t.group("zhshot")):
                return start, t.end(), what, 0.8
            if kind == "bare" and start == s and e - s <= 20 and _agency(rx, t.group("bare")):
                return start, t.end(), f"agency credit on a line of its own: {quote(t.group())!r}", 0.6
        return None


def _kind(m) -> str:
    """Which alternative of the credit pattern matched."""
    for k in ("label", "labelby", "slash", "copy", "lib", "zhshot", "bare"):
        if m.group(k) is not None:
            return k
    return ""


def _line_end_after(text: str, pos: int) -> bool:
    """Only spaces/closing punctuation between ``pos`` and the end of its line."""
    n = len(text)
    while pos < n and text[pos] in " \t.,;)]\u00a0":
        pos += 1
    return pos >= n or text[pos] in "\r\n"


def _line_start_before(text: str, pos: int) -> bool:
    while pos > 0 and text[pos - 1] in " \t":
        pos -= 1
    return pos == 0 or text[pos - 1] == "\n"
