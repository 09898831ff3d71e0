"""BPL001 call-to-action: newsletter, social and "read also" prompts scraped into a body.

A scraper that keeps everything between the headline and the footer keeps the site's
prompts too: ``Subscribe to our newsletter``, ``Unisciti al canale Telegram di FT``,
``Leggi anche: ...``, ``Advertisement``. A machine translation then turns them into odd
sentences (``Rimani attraverso l'ultima copertura dell'Ucraina`` for "Stay on top of the
latest Ukraine coverage"). They are lines of their own: the rule looks at short lines first
(a line that is entirely a prompt is strong evidence) and, inside long paragraphs, only at
sentences that open with an imperative and name both "us/our" and a platform.

>>> import lint
>>> [f.text for f in lint.check_text(CallToAction(), "Subscribe to our newsletter\\n\\nThe vote was close.", "en")]
['Subscribe to our newsletter']
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

import lint

from ._bpl_common import (_NOT_CJK, LEAD_JUNK, W, Spans, authored, count_words, edge_words,
                          first_word, in_word_list, last_word, lexicon, line_at, line_heads, line_tails,
                          phrase_alternation, phrase_parts, quote, role_pattern, unmasked)

_LEX = "cta"

#: words that introduce the platform after a weak verb: "Watch on YouTube", "Guarda su ..."
_ON = (r"(?:on|su|sul|sulla|en|sur|auf|em|no|na|в|на|op|w|på|pe|di|у|във|στο|στη|στην|στα|على|عبر)")
_SEP = r"\s*(?:[:：\-–—|»>›•…]|\.{3})"
_TAIL = rf"(?-i:[^{W}\n]*)$"


@lru_cache(maxsize=None)
def _rx() -> dict:
    """Compile every role of the lexicon once per process (``re``: faster alternations).

    The pre-test patterns compile at once; the others only when a line passes the
    pre-tests (most documents have none), which keeps a one-file run's start-up short."""
    p = lambda *roles: role_pattern(_LEX, *roles)  # noqa: E731
    pc = lambda *roles: role_pattern(_LEX, *roles, cjk_edges=True)  # noqa: E731
    f = re.IGNORECASE
    ad_topic = {" ".join(ph.lower().split()) for _, ph in lexicon(_LEX).get("ad_topic", ())}
    verb_first = edge_words(_LEX, ("verb", "verb_weak", "click"))
    needed_roles = ("ad", "ad_topic", "alone", "related", "related_colon", "target", "latest", "click", "trailer")
    needed = pc(*needed_roles)
    latin, cjk, firsts = phrase_parts(p for r in needed_roles for _, p in lexicon(_LEX).get(r, ()))
    latin = _for_lowered(latin)
    firsts += "i" if "ı" in firsts else ""
    last = edge_words(_LEX, ("verb_end", "trailer", "click"), last=True)
    return {
        "first": edge_words(_LEX, ("verb", "verb_weak", "related", "related_colon", "ad", "ad_topic", "alone",
                                    "stay", "click")),
        # Pre-tests, run on the lower-cased text (case-sensitive patterns are several times
        # faster than IGNORECASE ones):
        # * a sentence that opens with one of the verb_first words (the word in group 1);
        "sentence_verb": re.compile(r"[.!?:;。！？।\n][ \t\u00a0]*[«“\"„(]?("
                                    + _for_lowered(phrase_alternation(verb_first)) + rf")(?![{W}'’\-])"),
        # * a phrase of one of the roles every finding of a line needs, with the weakest
        #   word boundaries those roles use: a line without one cannot be reported.
        #   (on the lower-cased text, in parts: see _needed; whole, as it was, for tests)
        "needed": lint.LazyPattern(re, _for_lowered(needed)),
        "needed_i": re.compile(needed, f),
        # where a Latin phrase can start; a Latin phrase after a boundary character (a
        # class first: re skips to those at C speed); a CJK phrase
        "needed_start": re.compile("[" + "".join(map(re.escape, firsts)) + "]") if firsts else None,
        "needed_latin": re.compile(f"[\\W{_NOT_CJK}]" + latin) if latin else None,
        "needed_cjk": re.compile(cjk) if cjk else None,
        "last": last,
        # a line that ends with one of the "last" words, in the reversed lower-cased text
        # (a literal "\n" first: ``re`` skips to the line ends at C speed)
        "last_rev": re.compile(rf"\n[^{W}\n]*(" + _for_lowered(phrase_alternation({w[::-1] for w in last}))
                               + rf")(?![{W}'’\-])"),
        "verb_first": verb_first,
        "click_words": edge_words(_LEX, ("click",)),
        "verb": lint.LazyPattern(re, f"{LEAD_JUNK}{p('verb')}", f),
        "weak": lint.LazyPattern(re, f"{LEAD_JUNK}{p('verb_weak')}\\s+(?:{p('own')}|{_ON}\\s+{p('target')})", f),
        "weak_start": lint.LazyPattern(re, f"{LEAD_JUNK}{p('verb_weak')}", f),
        "verb_any": lint.LazyPattern(re, p("verb_any"), f),
        # a Korean request addressed to the reader anywhere in the line ("구독하시면")
        "ask": lint.LazyPattern(re, pc("ask"), f),
        "zh_lead": lint.LazyPattern(re, f"{LEAD_JUNK}(?:{p('verb_any')}|请|欢迎|扫码|长按|点击)", f),
        # (platform names glued to CJK text: "下载APP", "公式LINEを")
        "target": lint.LazyPattern(re, pc("target"), f),
        "own": lint.LazyPattern(re, pc("own"), f),
        "related": lint.LazyPattern(re, f"{LEAD_JUNK}(?P<lead>{p('related')})(?:{_SEP}|{_TAIL})", f),
        "related_cjk": lint.LazyPattern(re, f"{LEAD_JUNK}(?P<lead>{p('related')})", f),
        "related_colon": lint.LazyPattern(re, f"{LEAD_JUNK}(?P<lead>{p('related_colon')})\\s*[:：]\\s*\\S", f),
        "ad": lint.LazyPattern(re, f"{LEAD_JUNK}(?P<ad>{p('ad', 'ad_topic')}){LEAD_JUNK}", f),
        "ad_topic": ad_topic,
        "alone": lint.LazyPattern(re, f"{LEAD_JUNK}{p('alone')}{LEAD_JUNK}", f),
        "stay": lint.LazyPattern(re, f"{LEAD_JUNK}{p('stay')}", f),
        "latest": lint.LazyPattern(re, p("latest"), f),
        "coverage": lint.LazyPattern(re, p("coverage"), f),
        "click": lint.LazyPattern(re, p("click"), f),
        # the end of a line: an SOV imperative or a "read more" trailer
        "tail": lint.LazyPattern(re, f"(?P<ve>{p('verb_end')}{_TAIL})|(?P<tr>[.!?…»\"”)]\\s{{0,3}}(?P<t>{p('trailer')}){_TAIL})",
                           f),
    }


#: characters ``re.IGNORECASE`` matches with a letter their lower case is not ('ı' with 'i',
#: 'ſ' with 's', old Cyrillic and Greek variants...): a line that holds one is tested
#: case-insensitively
_CASE_VARIANTS = re.compile("[\u0131\u017f\u00b5\u0345\u0390\u03b0\u03c2\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1"
                            "\u03f5\u1c80-\u1c88\u1e9b\u1fbe\u1fd3\u1fe3\ufb05\ufb06\u212a\u2126\u212b]")


def _for_lowered(pattern: str) -> str:
    """A pattern of lower-case phrases, made to match the lower-cased text wherever the
    IGNORECASE pattern matches the text: a Turkish 'ı' in a phrase also takes the 'i' that
    lower-casing makes of 'I' ('TIKLAYINIZ')."""
    return pattern.replace("ı", "[ıi]")


def _needed(rx, low, s, e) -> bool:
    """``rx["needed"].search(low, s, e) is not None``, faster: a Latin/Cyrillic phrase
    starts at or after the first character that can start one (most lines of Chinese or
    Japanese text have none), after a boundary character, which the search takes first
    (``re`` then skips the letters of the words at C speed); a CJK phrase anywhere."""
    start = rx["needed_start"]
    m = start.search(low, s, e) if start is not None else None
    if m is not None:
        p = m.start()
        if p > 0:
            if rx["needed_latin"].search(low, p - 1, e):
                return True
        elif rx["needed_latin"].search("\n" + low[:e]):
            return True  # a line at the start of the text: a line break before it stands for the boundary
    cjk = rx["needed_cjk"]
    return cjk is not None and cjk.search(low, s, e) is not None


#: the first word of every sentence (charset first: ``re`` finds the punctuation at C speed)
_SENTENCE_FIRST = re.compile(rf"[.!?:;。！？।\n][ \t\u00a0]*[«“\"„(]?([{W}'’\-]+)")
_FIRST_OF_TEXT = re.compile(rf"\s*[«“\"„(]?([{W}'’\-]+)")
#: Hangul syllables: a Korean line's request is inside it, not at an edge
_HANGUL_LINE = re.compile("[\uac00-\ud7a3]")
_CJK_LINE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


class CallToAction(lint.Rule):
    """A call to action scraped into the body of a text: a prompt to subscribe, follow,
    join a channel, download an app or click (``Subscribe to our newsletter``, ``Seguici su
    Instagram``, ``Подпишитесь на наш канал``, ``关注我们的微信公众号``), a related-article
    link (``Read more: ...``, ``Leggi anche:``, ``Читайте также:``, ``相关阅读：``), an
    advertisement label on a line of its own (``Advertisement``, ``Anzeige``, ``Реклама``), or
    a translated "Stay on top of the latest coverage" line.

    Why it matters: these lines are not part of the text. In a training corpus they teach a
    model to end paragraphs with newsletter prompts; in a published text they show that it
    was scraped (often translated) without review.

    A line that is nothing but the prompt is reported with high confidence. Inside a long
    paragraph only a sentence that opens with an imperative and names both "us/our" and a
    platform is reported. Advertisement words are ordinary nouns in a sentence (``Die Anzeige
    wurde erstattet``): they count only as a line of their own, not as a section heading
    (the next paragraph talks about advertising) and not as an item of a word list. Share
    buttons (``Condividi su Facebook``) are left to BPL005. In a Markdown or HTML source,
    written rather than scraped, a prompt is most often the author's own (a README's "follow
    us on Twitter"): it is reported as info there.

    Example: ``Unisciti al canale Telegram di FT`` between two paragraphs of an article.
    """

    code = "BPL001"
    name = "call-to-action"
    severity = "warning"
    languages = ("en", "it", "es", "fr", "de", "pt", "ru", "tr", "zh", "ja", "nl", "pl", "sv",
                 "cs", "ro", "hu", "da", "nb", "id", "uk", "bg", "el", "ar", "hi", "ko", "sr", "mk", "be")
    summary = "call to action, related-article link or ad label scraped into the text"
    fix_hint = "Delete the line: it is site furniture, not part of the text."
    fix = None
    confidence = 0.85
    matches = (
        lint.Example("O prefeito renunciou ontem.\n\nSiga a gente no Instagram\n\nA oposição pede eleições.", "pt",
                     covers="Siga a gente no Instagram"),
        lint.Example("Hanno attraversato il confine.\n\nUnisciti al canale Telegram di FT\n\nErano stanchi.", "it",
                     covers="Unisciti al canale Telegram di FT"),
        lint.Example("Rimani attraverso l’ultima copertura della guerra.\n\nHanno attraversato il confine ieri sera.",
                     "it", covers="Rimani attraverso"),
        lint.Example("The mayor resigned on Friday.\n\nSubscribe to our newsletter\n\nShe had served two terms.", "en",
                     covers="Subscribe to our newsletter"),
        lint.Example("The council met on Monday.\n\nSign up for our daily briefing and get the news in your inbox.\n\n"
                     "The vote was close.", "en", covers="Sign up for our daily briefing"),
        lint.Example("Prices rose again in March. Follow us on Twitter for more updates. Analysts expect a cut.", "en",
                     covers="Follow us on Twitter"),
        lint.Example("The bridge reopened.\n\nRead more: Why the bridge was closed for a year\n\nTraffic is back.",
                     "en", covers="Read more"),
        lint.Example("The market fell sharply.\n\nADVERTISEMENT\n\nInvestors sold bank shares.", "en",
                     covers="ADVERTISEMENT"),
        lint.Example("Stay on top of the latest Ukraine coverage.\n\nThey crossed the border at night.", "en",
                     covers="Stay on top"),
        lint.Example("Il governo ha approvato il decreto.\n\nLeggi anche: Il piano per l’energia\n\nIl testo passa "
                     "ora al Senato.", "it", covers="Leggi anche"),
        lint.Example("Il sindaco ha parlato ieri.\n\nSeguici su Instagram\n\nLa piazza era piena.", "it",
                     covers="Seguici su Instagram"),
        lint.Example("Il mercato è calato.\n\nPubblicità\n\nGli investitori vendono.", "it", covers="Pubblicità"),
        lint.Example("El alcalde dimitió ayer.\n\nLee también: Las claves de la crisis\n\nCompartir en WhatsApp\n\n"
                     "La oposición pide elecciones.", "es", covers="Lee también"),
        lint.Example("El alcalde dimitió ayer.\n\nPublicidad\n\nLa oposición pide elecciones.", "es",
                     covers="Publicidad"),
        lint.Example("Le maire a démissionné.\n\nAbonnez-vous à notre newsletter\n\nL’opposition réclame des "
                     "élections.", "fr", covers="Abonnez-vous"),
        lint.Example("Le maire a démissionné.\n\nLire aussi : Les raisons d’une crise\n\nL’opposition proteste.", "fr",
                     covers="Lire aussi"),
        lint.Example("Der Bürgermeister ist zurückgetreten.\n\nAnzeige\n\nDie Opposition fordert Neuwahlen.", "de",
                     covers="Anzeige"),
        lint.Example("Der Bürgermeister ist zurückgetreten.\n\nJetzt abonnieren\n\nDie Opposition fordert Neuwahlen.",
                     "de", covers="Jetzt abonnieren"),
        lint.Example("Der Bürgermeister ist zurückgetreten.\n\nAuch interessant: Die neue Regierung\n\nDie Opposition "
                     "fordert Neuwahlen.", "de", covers="Auch interessant"),
        lint.Example("O prefeito renunciou ontem.\n\nSiga-nos no Instagram\n\nA oposição pede eleições.", "pt",
                     covers="Siga-nos no Instagram"),
        lint.Example("O prefeito renunciou ontem.\n\nLeia também: O que muda com a nova lei\n\nA oposição pede "
                     "eleições.", "pt", covers="Leia também"),
        lint.Example("Мэр ушёл в отставку.\n\nПодпишитесь на наш канал в Telegram\n\nОппозиция требует выборов.",
                     "ru", covers="Подпишитесь"),
        lint.Example("Мэр ушёл в отставку.\n\nЧитайте также: Что изменит новый закон\n\nРеклама\n\nОппозиция "
                     "требует выборов.", "ru", covers="Читайте также"),
        lint.Example("Belediye başkanı istifa etti.\n\nBizi Instagram'da takip edin\n\nMuhalefet seçim istiyor.",
                     "tr", covers="Bizi Instagram'da takip edin"),
        lint.Example("Belediye başkanı istifa etti.\n\nİlgili haber: Yeni yasa neleri değiştiriyor\n\nReklam\n\n"
                     "Muhalefet seçim istiyor.", "tr", covers="İlgili haber"),
        lint.Example("市长昨天辞职了。\n\n关注我们的微信公众号\n\n反对派要求举行选举。", "zh", covers="关注我们的微信公众号"),
        lint.Example("市长昨天辞职了。\n\n相关阅读：新法律将改变什么\n\n广告\n\n反对派要求举行选举。", "zh", covers="相关阅读"),
        lint.Example("De burgemeester is afgetreden.\n\nSchrijf je in voor onze nieuwsbrief\n\nDe oppositie wil "
                     "verkiezingen.", "nl", covers="Schrijf je in"),
        lint.Example("Burmistrz podał się do dymisji.\n\nCzytaj także: Co zmieni nowa ustawa\n\nOpozycja chce "
                     "wyborów.", "pl", covers="Czytaj także"),
        lint.Example("Kommunen höjer skatten nästa år.\n\nPrenumerera på vårt nyhetsbrev och få nyheterna i din "
                     "inkorg.\n\nOppositionen protesterar.", "sv", covers="Prenumerera"),
        lint.Example("Stadens budget godkändes i går.\n\nFölj oss på Instagram\n\nBeslutet var enhälligt.", "sv",
                     covers="Följ oss på Instagram"),
        lint.Example("Belediye yeni parkı açtı.\n\nYouTube kanalımıza abone olmayı unutmayın!\n\nPark yarın "
                     "halka açılacak.", "tr", covers="abone olmayı unutmayın"),
        lint.Example("O presidente da câmara demitiu-se.\n\nSubscreva a nossa newsletter e receba as notícias do "
                     "dia.\n\nA oposição pede eleições.", "pt", covers="Subscreva"),
        lint.Example("Radnice schválila rozpočet.\n\nSledujte nás na Instagramu a nic vám neunikne.\n\nOpozice "
                     "hlasovala proti.", "cs", covers="Sledujte nás"),
        lint.Example("Primăria a aprobat bugetul.\n\nCitește și: Ce se schimbă pentru școli din toamnă\n\n"
                     "Opoziția a votat împotrivă.", "ro", covers="Citește și"),
        lint.Example("A képviselő-testület elfogadta a költségvetést.\n\nIratkozz fel hírlevelünkre, és elsőként "
                     "értesülsz!\n\nAz ellenzék nemmel szavazott.", "hu", covers="Iratkozz fel"),
        lint.Example("Byrådet vedtog budgettet.\n\nLæs også: Sådan bliver skolerne påvirket\n\nOppositionen "
                     "stemte imod.", "da", covers="Læs også"),
        lint.Example("Kommunestyret vedtok budsjettet.\n\nFølg oss på Instagram for flere saker fra byen!\n\n"
                     "Opposisjonen stemte imot.", "nb", covers="Følg oss"),
        lint.Example("DPRD menyetujui anggaran.\n\nBaca juga: Jalan tol baru dibuka bulan depan\n\nFraksi oposisi "
                     "menolak.", "id", covers="Baca juga"),
        lint.Example("Міська рада ухвалила бюджет.\n\nПідписуйтесь на наш канал у Viber!\n\nОпозиція голосувала "
                     "проти.", "uk", covers="Підписуйтесь"),
        lint.Example("Общинският съвет прие бюджета.\n\nАбонирайте се за нашия бюлетин\n\nОпозицията гласува "
                     "против.", "bg", covers="Абонирайте се"),
        lint.Example("Το δημοτικό συμβούλιο ενέκρινε τον προϋπολογισμό.\n\nΔιαβάστε επίσης: Τι αλλάζει στα "
                     "σχολεία\n\nΗ αντιπολίτευση καταψήφισε.", "el", covers="Διαβάστε επίσης"),
        lint.Example("وافق المجلس البلدي على الميزانية.\n\nاشترك في النشرة البريدية ليصلك كل جديد\n\n"
                     "صوتت المعارضة ضدها.", "ar", covers="اشترك"),
        lint.Example("नगर निगम ने बजट पास कर दिया।\n\nताज़ा अपडेट के लिए हमें इंस्टाग्राम पर फॉलो करें।\n\n"
                     "विपक्ष ने विरोध किया।", "hi", covers="फॉलो करें"),
        lint.Example("시의회가 예산안을 통과시켰다.\n\n유튜브 채널을 구독하시면 새 영상을 가장 먼저 보실 수 있습니다.\n\n"
                     "야당은 반대했다.", "ko", covers="구독하시면"),
        lint.Example("시의회가 예산안을 통과시켰다.\n\n뉴스레터 구독 부탁드립니다!\n\n야당은 반대했다.", "ko",
                     covers="부탁드립니다"),
    )
    no_matches = (
        lint.Example("Die Anzeige wurde am Montag bei der Polizei erstattet.", "de"),
        lint.Example("Reklam sektörü bu yıl yüzde on büyüdü.", "tr"),
        lint.Example("The advertisement ran in three newspapers before it was withdrawn.", "en"),
        lint.Example("Реклама\n\nКомпания тратит на рекламу около миллиона долларов в год.", "ru"),
        lint.Example("Werbung\n\nDie Firma wirbt seit 1990 mit Werbung im Fernsehen.", "de"),
        lint.Example("Advertisement\n\nAn advertisement is a paid message that promotes a product.", "en"),
        lint.Example("Support for Facebook grows among older users\n\nThe survey asked 2,000 adults.", "en"),
        lint.Example("She decided to join the Telegram group her colleagues had set up, and soon she was posting "
                     "every day about the protests in the capital and the arrests that followed.", "en"),
        lint.Example("Sigue la polémica en Twitter\n\nEl debate continúa entre los usuarios.", "es"),
        lint.Example("He told me to read more books, and I did.", "en"),
        lint.Example("Leggi anche le motivazioni della sentenza, che sono state pubblicate ieri dalla Corte e "
                     "che spiegano perché il ricorso è stato respinto in tutte le sue parti.", "it"),
        lint.Example("See also\n\nList of bridges in Paris", "en"),
        lint.Example("The company released its app on YouTube and Facebook last year.", "en"),
        lint.Example("Il canale di Suez è stato chiuso per sei giorni.", "it"),
        lint.Example("他加入了一个新的电视频道，并在那里工作了十年。", "zh"),
        lint.Example("Lee Smith joins the podcast\n\nThe host talks about music.", "en"),
        lint.Example("Words of the week:\n\nAdvertisement\nAdvocacy\nAdvice", "en"),
        lint.Example("Hon följde med sin bror till stan och prenumererade senare på tidningen i tio år.", "sv"),
        lint.Example("Läkaren sa att vi ska följa hennes råd och inte missa nästa kontroll på kliniken.", "sv"),
        lint.Example("Bu kuralları unutmayın: kask takın ve hız sınırına uyun.", "tr"),        lint.Example("Se ne parla su Facebook e su Twitter da giorni, ma il ministro tace.", "it"),
        lint.Example("Reklama\n\nFirma utratila za reklamu v televizi přes milion korun.", "cs"),
        lint.Example("Kanál byl otevřen v roce 1890 a sledujte, jak se krajina změnila.", "cs"),
        lint.Example("Hun fulgte sin bror til byen og abonnerte senere på avisen i ti år.", "nb"),
        lint.Example("그는 유튜브 채널을 구독하는 사람이 100만 명을 넘었다고 밝혔다.", "ko"),
        lint.Example("उन्होंने कहा कि फेसबुक पर फॉलो करने वालों की संख्या बढ़ी है और कंपनी खुश है।", "hi"),
        lint.Example("قال إن قناة السويس تعمل بشكل طبيعي وإن حركة السفن مستقرة.", "ar"),
    )

    def check(self, doc):
        rx = _rx()
        text = doc.text
        low = doc.lowered
        low = low if len(low) == len(text) else None  # offsets must hold
        # candidate lines: those whose first or last word can start or end a prompt (set
        # lookups on the cached line heads and tails), and CJK lines
        first, last = rx["first"], rx["last"]
        cands = {pos for word, pos in line_heads(doc)
                 if word in first or "\u3040" <= word[:1] <= "\u9fff" or "\uac00" <= word[:1] <= "\ud7a3"}
        if low is None:
            cands.update(pos - 1 for word, pos in line_tails(doc) if word in last)
        else:  # the same lines, found from the end of the reversed text (no per-line work)
            rev = "\n" + low[::-1] + "\n"
            n = len(rev) - 1
            for m in rx["last_rev"].finditer(rev):
                end = n - m.start(1)
                if text[end - len(m.group(1)):end].lower() in last:
                    cands.add(end - 1)
        flagged = Spans()
        seen = set()
        for pos in sorted(cands):
            s, e = line_at(doc, pos)
            if s in seen or s >= e or e - s > 300:
                continue
            seen.add(s)
            hit = self._line(doc, rx, text, s, e, low)
            if hit and count_words(text, s, e) <= 1 and in_word_list(doc, s, e):
                hit = None  # "Advertisement" in a list of words
            if hit:
                fs, fe, message, conf = hit
                span = unmasked(doc, fs, fe)
                if span:
                    flagged.add(s, e)
                    conf, sev = authored(doc, conf)
                    yield self.finding(doc, span[0], span[1], message, confidence=conf, severity=sev)
        yield from self._inline(doc, rx, text, flagged, low)

    # -- a whole line --------------------------------------------------------------
    def _line(self, doc, rx, text, s, e, low):
        if low is None or _CASE_VARIANTS.search(text, s, e):
            needed = rx["needed_i"].search(text, s, e) is not None
        else:
            needed = _needed(rx, low, s, e)
        if not needed:
            return None  # no phrase of any role a finding needs (most candidate lines)
        fw = first_word(text, s, e)
        start_ok = fw in rx["first"]
        cjk = _CJK_LINE.search(text, s, e) is not None
        end_ok = cjk or last_word(text, s, e) in rx["last"]
        click_ok = cjk or fw in rx["click_words"] or end_ok
        if start_ok or cjk:
            m = rx["ad"].fullmatch(text, s, e)
            if m:
                ad = " ".join(m.group("ad").lower().split())
                if (" " not in ad or ad in rx["ad_topic"]) and self._heading_about(text, e, ad):
                    return None
                return s, e, f"advertisement label on a line of its own: {quote(text[s:e])!r}", 0.8
            if rx["alone"].fullmatch(text, s, e):
                return s, e, f"call to action on a line of its own: {quote(text[s:e])!r}", 0.8
            m = rx["related"].match(text, s, e) or rx["related_colon"].match(text, s, e) \
                or (cjk and rx["related_cjk"].match(text, s, e))
            if m:
                if count_words(text, s, e) <= 30:
                    return s, e, f"related-article link left in the text: {quote(text[s:e])!r}", 0.8
                return None
            verb = rx["verb"].match(text, s, e) or rx["weak"].match(text, s, e)
            weak = verb is None and rx["weak_start"].match(text, s, e)
            stay = rx["stay"].match(text, s, e)
        else:
            verb = weak = stay = None
        tail = rx["tail"].search(text, max(s, e - 48), e) if end_ok else None
        click = rx["click"].search(text, s, e) if click_ok else None
        ask = rx["ask"].search(text, s, e) if _HANGUL_LINE.search(text, s, e) else None
        if not (verb or weak or stay or tail or click or cjk or ask):
            return None
        words = count_words(text, s, e)
        if words > 30:
            return None
        line = text[s:e]
        verb_end = tail is not None and tail.lastgroup == "ve"
        if verb or weak or verb_end or cjk or ask:
            if rx["target"].search(text, s, e):
                own = rx["own"].search(text, s, e)
                if (verb or verb_end or ask or (weak and own)) and (own or words <= 15):
                    conf = 0.85 if (own or words <= 10) else 0.7
                    return s, e, f"call to action left in the text: {quote(line)!r}", conf
                if cjk and (rx["zh_lead"].match(text, s, e) or (own and rx["verb_any"].search(text, s, e))):
                    return s, e, f"call to action left in the text: {quote(line)!r}", 0.85
        if words <= 16 and (stay or verb_end) and rx["latest"].search(text, s, e) \
                and rx["coverage"].search(text, s, e):
            return s, e, f"'stay up to date with the latest coverage' prompt left in the text: {quote(line)!r}", 0.7
        if click and words <= 12:
            return s, e, f"'click here' prompt left in the text: {quote(line)!r}", 0.75
        if tail is not None and tail.lastgroup == "tr":
            return tail.start("t"), e, f"'read more' link left at the end of a line: {quote(tail.group('t'))!r}", 0.7
        return None

    @staticmethod
    def _heading_about(text, end, word) -> bool:
        """True when the paragraph after a one-word line talks about the same thing (a
        section heading 'Werbung' followed by text about advertising)."""
        nxt = text[end:end + 600]
        stem = word[:5] if len(word) >= 6 else word[:4]
        return stem.lower() in nxt.lower()

    # -- a sentence inside a long paragraph ---------------------------------------------
    def _inline(self, doc, rx, text, flagged, low):
        """Short sentences inside long lines that open with a call-to-action verb."""
        firsts = rx["verb_first"]
        first = _FIRST_OF_TEXT.match(text)
        if low is not None:  # the few sentences that open with such a word (lower-cased text)
            found = ((m.start(1), m.end(1)) for m in rx["sentence_verb"].finditer(low))
            cands = [a for a, b in found if text[a:b].lower() in firsts]
        else:
            cands = [m.start(1) for m in _SENTENCE_FIRST.finditer(text) if m.group(1).lower() in firsts]
        if first and first.group(1).lower() in firsts:
            cands.insert(0, first.start(1))
        if not cands:
            return
        sents = doc.sentences
        done = set()
        for v in cands:
            if flagged.contains(v):
                continue
            i = bisect_right(sents, (v, float("inf"))) - 1
            if i < 0 or i in done:
                continue
            ss, se = sents[i]
            if not ss <= v < se or v - ss > 4:
                continue
            done.add(i)
            if count_words(text, ss, se) > 25:
                continue
            if rx["click"].match(text, v, se):
                conf, sev, what = 0.4, "info", "'click here' prompt"
            elif (rx["verb"].match(text, ss, se) or rx["weak_start"].match(text, ss, se)) \
                    and rx["target"].search(text, v, se) and rx["own"].search(text, v, se):
                conf, sev, what = 0.6, None, "call to action"
            else:
                continue
            span = unmasked(doc, ss, se)
            if span:
                conf, sev = authored(doc, conf, sev)
                yield self.finding(doc, span[0], span[1], f"{what} inside a paragraph: {quote(text[ss:se])!r}",
                                   confidence=conf, severity=sev)
