"""QLT005 word-salad: a paragraph with almost no function words.

Prose needs function words: articles, prepositions, pronouns, auxiliaries, particles
make up 40-55% of running English, German, French, Spanish or Italian text and 20-35% of
Russian or Polish. A paragraph where they are nearly absent is a keyword list stuffed for
search engines, a tag cloud, a scrambled "word salad" from a text generator, or scraped
navigation. Gopher (Rae et al. 2021) drops English documents with fewer than two of eight
stop words; this rule applies the idea per paragraph and per language, with each
language's own list (``rules/lexicons/qlt/stopwords-XX.txt``).

>>> import lint
>>> salad = ("cheap flights london cheap hotels paris best deals discount travel online booking "
...          "last minute offers cheap car rental airport transfer luxury resort holiday packages")
>>> [f.rule for f in lint.check_text(WordSalad(), salad, "en")]
['QLT005']
"""
from __future__ import annotations

import regex

import lint

from . import _qlt_common as Q

#: A paragraph is word salad when its function-word share is under this. Each value is
#: about half the lowest share measured on clean text of the language (Universal
#: Dependencies treebanks, URLs blanked, paragraphs of 15+ counted words; lowest / 1st
#: percentile): en 0.28/0.33 (web text: reviews, e-mails), de 0.42/0.48, es 0.31/0.43,
#: fr 0.40/0.46, it 0.31/0.33, pt 0.31/0.38, nl 0.36/0.39, pl 0.14/0.18, ru 0.12/0.16,
#: zh (function characters among Han) 0.06/0.08, ja (hiragana among Japanese letters)
#: 0.13/0.23; sv and ro, not measured, get a low bound like nl's and it's. Turkish is left
#: out: it builds with suffixes, and clean Turkish paragraphs with no free function word at
#: all occur (lowest 0.00, 1st percentile 0.06).
THRESHOLDS = {
    "en": 0.14, "de": 0.20, "es": 0.20, "fr": 0.20, "it": 0.15, "pt": 0.15, "nl": 0.15,
    "sv": 0.12, "ro": 0.12, "pl": 0.06, "ru": 0.06, "zh": 0.03, "ja": 0.07,
}
#: counted words (CJK: characters) a paragraph needs before its share means anything
MIN_WORDS = 15
MIN_CJK_CHARS = 30
#: Word salad of a language is made of its words: a paragraph where fewer than this share
#: of the lower-case words (of four letters or more) are common words of the language
#: is in another language (see ``_qlt_common.vocabulary_share``: clean paragraphs 0.36
#: and up, keyword lists near 1, prose in a language unspun does not know 0.00-0.17)
MIN_VOCABULARY_SHARE = 0.3
#: a paragraph with a comma or semicolon for every third word is an enumeration
LIST_SEPARATORS = regex.compile(r"[,;、，；]")
#: kinds of paragraph checked: lists, tables and headings lack function words by design
KINDS = ("text", "title", "quote")


class WordSalad(lint.Rule):
    """A paragraph of 15 or more words in which function words (articles, prepositions,
    pronouns, auxiliaries) are almost absent: under 14% in English, 20% in German, French
    or Spanish, 15% in Italian, Portuguese or Dutch, 6% in Russian or Polish, against
    40-55% (20-35%) in prose. That is a keyword list stuffed for search engines, a tag
    cloud, scrambled generator output or scraped navigation, not prose. Proper names,
    numbers, URLs and dotted identifiers are not counted, so address blocks and lists of
    names are left alone; enumerations (a comma for every third word), list items, tables
    and headings are not checked. Chinese is measured by function characters (的 了 是 在
    ...), Japanese by its share of hiragana. A paragraph that is simply in another language
    is left to QLT006, and so is one whose words are mostly not words of the language at
    all (under 30% of its longer words among its common words): salad of a language is made of its words,
    and prose in a language unspun does not know (Czech, Tagalog, Vietnamese...) is taken
    for the nearest one it does, whose function words it then lacks.

    Thresholds: Gopher (Rae et al. 2021) keeps English documents with at least two of
    eight stop words; the per-language shares here were set at about half the lowest
    share measured on clean text of each language."""

    code = "QLT005"
    name = "word-salad"
    severity = "warning"
    languages = tuple(THRESHOLDS)
    summary = "paragraph with almost no function words (keyword list, word salad)"
    fix_hint = "Drop the paragraph: keyword lists and tag clouds carry no prose."
    confidence = 0.6
    matches = (
        lint.Example("We stayed three nights.\n\ncheap flights london cheap hotels paris best deals discount travel "
                     "online booking last minute offers cheap car rental airport transfer luxury resort holiday "
                     "packages", "en", covers="cheap flights"),
        lint.Example("voli economici roma offerte hotel milano prenotazione online sconti vacanze mare "
                     "noleggio auto aeroporto trasferimento offerte speciali pacchetti viaggio economici", "it",
                     covers="voli economici"),
        lint.Example("billige flüge berlin günstige hotels münchen beste angebote rabatt reisen online "
                     "buchung last minute angebote mietwagen flughafen transfer luxus urlaub pakete", "de"),
        lint.Example("vuelos baratos madrid hoteles económicos barcelona mejores ofertas descuento viajes "
                     "reserva online última hora alquiler coches aeropuerto traslado lujo vacaciones", "es"),
        lint.Example("дешевые авиабилеты москва недорогие отели сочи лучшие предложения скидки путешествия "
                     "онлайн бронирование горящие туры аренда автомобилей аэропорт трансфер отдых", "ru"),
        lint.Example("北京酒店预订特价机票上海旅游攻略广州美食推荐深圳购物中心杭州西湖景点门票成都火锅"
                     "重庆夜景西安兵马俑", "zh"),
    )
    no_matches = (
        lint.Example("We stayed three nights at the hotel near the station, and the staff were friendly "
                     "and helpful when we asked them about the best places to eat in the old town.", "en"),
        lint.Example("Sara Shackleton\nEnron Wholesale Services\n1400 Smith Street, EB3801\nHouston, TX 77002\n"
                     "Phone: (713) 853-5620 Fax: (713) 646-3490 Email: sara@example.com", "en"),
        lint.Example("Ingredients: flour, sugar, butter, eggs, milk, vanilla, baking powder, salt, lemon zest, "
                     "cinnamon, nutmeg, raisins, walnuts, honey", "en", covers=None),
        lint.Example("- flour\n- sugar\n- butter\n- eggs\n- milk\n- vanilla\n- baking powder\n- salt\n- lemon\n"
                     "- cinnamon\n- nutmeg\n- raisins\n- walnuts\n- honey\n- oats\n- cream", "en"),
        lint.Example("Il governo ha approvato ieri il decreto sulle pensioni, che secondo il ministro entrerà "
                     "in vigore all'inizio del prossimo anno.", "it"),
        lint.Example("Die Bundesregierung hat am Mittwoch das Gesetz zur Reform der Rentenversicherung "
                     "beschlossen, das im kommenden Jahr in Kraft treten soll.", "de"),
        lint.Example("Dün akşam İstanbul'da başlayan yağmur, sabaha kadar aralıksız sürdü ve şehrin birçok "
                     "semtinde su baskınlarına yol açtı.", "tr"),
        lint.Example("The minister said: «Il governo ha approvato ieri il decreto sulle pensioni, che entrerà "
                     "in vigore all'inizio del prossimo anno e riguarda milioni di persone.»", "en"),
        lint.Example("据新华社报道，国务院总理在会议上表示，我们将继续推进改革开放，努力实现经济高质量发展的目标。", "zh"),
        # prose in languages unspun does not know, as the document language detector takes them
        lint.Example("Každé léto navštíví Brno tisíce turistů. Radnice včera oznámila nový plán na opravu "
                     "tramvajových tratí ve středu města.", "pt"),
        lint.Example("Ang mga magsasaka sa lalawigan ay nagtanim ng palay ngayong buwan dahil sa malakas "
                     "na ulan na dumating nang mas maaga kaysa sa inaasahan nila.", "en"),
        lint.Example("Người dân ở thành phố này thường đi xe máy đến chỗ làm mỗi sáng vì đường phố rất "
                     "đông và xe buýt chạy khá chậm vào giờ cao điểm.", "fr"),
        lint.Example("Wananchi wa kijiji hicho walikusanyika sokoni asubuhi kununua mahindi na maharagwe "
                     "kabla ya mvua kubwa kuanza kunyesha mchana.", "es"),
    )

    def check(self, doc):
        paras = doc.paragraphs
        doc_lang = doc.lang
        # each paragraph's language, where its kind is checked
        langs = [(p.lang or doc_lang) if p.kind in KINDS else None for p in paras]
        # the paragraphs not surely over the threshold (Q.quick_shares: bounds for all
        # paragraphs at once), in order
        suspects = []
        for lang in set(langs):
            threshold = THRESHOLDS.get(lang)
            quick = Q.quick_shares(doc, lang) if threshold is not None else None
            if quick is not None:
                suspects.extend(i for i, (own, hits, total) in enumerate(zip(langs, *quick))
                                if own == lang and total >= MIN_WORDS and hits < threshold * total)
        text = doc.text
        for i in sorted(suspects):
            para = paras[i]
            lang = langs[i]
            threshold = THRESHOLDS[lang]
            got = Q.function_share(doc, para, lang)
            if not got:
                continue
            hits, total = got
            if lang in ("zh", "ja") and (total < MIN_WORDS or hits >= threshold * total):
                continue  # the quick test, which for CJK text is exact
            if total < (MIN_CJK_CHARS if lang in ("zh", "ja") else MIN_WORDS):
                continue
            share = hits / total
            if share >= threshold:
                continue
            if len(LIST_SEPARATORS.findall(text, para.start, para.end)) * 3 >= total:
                continue  # an enumeration ("flour, sugar, butter, ..."), not prose gone wrong
            known = Q.vocabulary_share(doc, para, lang) if lang not in ("zh", "ja") else None
            if known is not None and known < MIN_VOCABULARY_SHARE:
                continue  # mostly not words of the language: prose in another one, not salad
            if Q.SCRIPT.get(lang) == "latin":
                other, other_share, _ = Q.best_latin_language(doc, para, exclude=lang)
                if other is not None and other_share >= 2 * THRESHOLDS.get(other, 0.2) and other_share > 2 * share:
                    continue  # prose in another language: QLT006's business
            unit = "characters" if lang == "zh" else ("letters" if lang == "ja" else "words")
            kind = "hiragana" if lang == "ja" else ("function characters" if lang == "zh" else "function words")
            message = (f"word salad: {hits} of {total} {unit} ({share:.0%}) are {kind}; {Q.name(lang)} prose has "
                       f"far more (flagged under {threshold:.0%}): a keyword list or scrambled text")
            confidence = self.confidence if share > threshold / 2 else 0.75
            yield self.finding(doc, para.start, para.end, message, confidence=confidence)
