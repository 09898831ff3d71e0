"""MTA007 untranslated-segment: a bracketed insertion or phrase left in the source language.

Editors insert words into quotations in square brackets (``“[Kazakhs] gave us free food”``).
Machine translation often skips bracketed text, so the insertion survives in the source
language: ``“[Kazakhs] ci hanno dato cibo gratis”`` in an Italian article.

>>> import lint
>>> [f.text for f in lint.check_text(UntranslatedSegment(), "“[Kazakhs] ci hanno dato cibo gratis, ci hanno ospitato”, ha detto.", "it")]
['[Kazakhs]']
"""
from __future__ import annotations

import regex

import lint

#: a square-bracketed run of one to four words (not a Markdown link or footnote)
_BRACKET = regex.compile(r"(?<![\p{L}\p{N}!\]\\#*`:|_/.-])\[(?P<body>\p{L}[\p{L}\p{M}'’]*(?:[ -][\p{L}\p{M}'’]+){0,3})\](?![(\[:])")
_WORD = regex.compile(r"[\p{L}\p{M}'’]+")
_NAMES = {"en": "English", "it": "Italian", "es": "Spanish", "fr": "French", "de": "German", "pt": "Portuguese",
          "nl": "Dutch", "pl": "Polish", "tr": "Turkish", "ro": "Romanian", "sv": "Swedish", "zh": "Chinese",
          "ja": "Japanese", "ru": "Russian", "cs": "Czech", "hu": "Hungarian", "da": "Danish",
          "nb": "Norwegian", "id": "Indonesian", "uk": "Ukrainian", "bg": "Bulgarian", "el": "Greek",
          "mk": "Macedonian", "ar": "Arabic", "fa": "Persian", "he": "Hebrew", "hi": "Hindi", "ko": "Korean"}
#: languages whose bracketed insertions are checked: those with a word-frequency table, since
#: the test compares a word's frequency in English and in the text's language
_BRACKET_LANGS = ("it", "es", "fr", "de", "pt", "nl", "pl", "tr", "ro", "sv", "ru", "zh", "ja", "cs", "hu",
                  "da", "nb", "id", "uk", "bg", "el", "mk", "ar", "fa", "he", "hi", "ko")
#: languages written in a non-Latin alphabet, where an English run of words stands out by its
#: script (the run test does not need a frequency table)
_SCRIPT_LANGS = ("ru", "uk", "bg", "sr", "mk", "be", "el", "ar", "fa", "he", "hi", "mr", "ne", "ko")
#: editorial abbreviations and Latin used in brackets in every language
#: English function words, shared with other languages' tables through loans and names
_EN_FUNCTION = frozenset("the a an of and or to in on at for with by from his her their our my your its".split())
#: how much more frequent in English than in the text's language a bracketed word must be
_CONTENT_MARGIN = 1.5
#: ... and a local frequency that vetoes it whatever the margin (a word of the language)
_LOCAL_CEILING = 4.0
#: an opening function word must be this much more frequent in English ("the", "and"; not
#: Dutch "of", Polish "to", Italian "a", German "an": words of those languages too)
_FUNCTION_MARGIN = 1.5
_EDITORIAL = frozenset("sic ndr ndlr nda ndt anm anm.d.red red ed eds edit sic! ibid etc".split())


#: a run of two to eight Latin words set straight into a Chinese or Japanese sentence: CJK
#: text or CJK punctuation on both sides (an optional space), so not in 《》「」“”（）, which
#: hold titles and names, and not next to ASCII punctuation, which marks code and addresses
_CJK_SIDE = r"[\p{Han}\p{Hiragana}\p{Katakana}ー，。、：；！？]"
_CJK_RUN = regex.compile(
    rf"(?<={_CJK_SIDE}\ ?)(?P<run>[A-Za-z]+(?:\ [A-Za-z]+){{1,7}})(?=\ ?{_CJK_SIDE})"
)
#: a run of four or more Latin-script words (single spaces, an apostrophe inside a word) in
#: a text; the paragraph around must be written in another script
_LATIN_RUN = regex.compile(
    r"(?<![\p{L}\p{N}_'’])[A-Za-z]+(?:['’][a-z]+)?(?:[ ][A-Za-z]+(?:['’][a-z]+)?){3,}(?![\p{L}\p{N}_])"
)
#: letters of the scripts whose paragraphs are checked for English runs (a quick test whether
#: the document has any)
_OTHER_SCRIPT = regex.compile(r"[\p{Cyrillic}\p{Greek}\p{Arabic}\p{Devanagari}\p{Hangul}\p{Hebrew}]")
_LATIN_LETTER = regex.compile(r"[A-Za-z\u00c0-\u024f]")
#: English grammatical words: two or more of them make a run a sentence, not a name or title
#: (Bank of America, Lord of the Rings have capitals around one or two of them)
_EN_GRAMMAR = frozenset("""the a an of and or to in on at for with by from into about than as is are was
were be been has have had do does did will would can could should may might must not this that these
those it its we our us they their them he his him she her you your who which what there still also
just only but if when while because toward towards over under after before between against
very more most""".split())
#: characters next to a run that mark code, file names or addresses rather than prose
_CODE_SIDE = frozenset("=(){}[]<>/\\_@#$%&*+|~^`:.\"'«»„“”‘’‹›「」")
#: lower-case English phrases of everyday CJK chat that are not left-over translations
_CJK_IDIOMS = frozenset({"the end", "the one", "the best", "the way", "by the way", "the last", "the first"})


class UntranslatedSegment(lint.Rule):
    """A square-bracketed editorial insertion left in the source language, as in Italian
    ``“[Kazakhs] ci hanno dato cibo gratis”``: every bracketed word is a known English word
    much more frequent in English than in the paragraph's own language (``[council]`` in
    Portuguese), or the bracket opens with an English function word that language lacks
    (``[the company]``, ``[and others]``). Machine translation skips bracketed text; a human
    translator would have written ``[I kazaki]``. In Chinese and Japanese, an English phrase
    with a lower-case ``the`` set straight into the sentence (``卖到Canada and the United
    Kingdom，``, ``商店やthe local governmentが``) is reported too, at info level; titles
    (The Beatles, 《…》), brand names and code are left alone. In a paragraph written in
    Cyrillic, Greek, Arabic, Devanagari, Hangul or Hebrew, a run of four or more English words
    with at least two grammatical words, mostly in lower case (``Тренер визнав, що the
    defensive line still needs a lot of work, і ...``), is reported at info level; names and
    titles (Bank of America, The Lord of the Rings), quoted or bracketed phrases and code are
    left alone. Names, words shared by both languages (``[film]``), a name the text itself
    spells so elsewhere, ``[sic]``-style editorial marks, Markdown links and footnotes are
    left alone. Checks English leftovers in every other language unspun supports."""

    code = "MTA007"
    name = "untranslated-segment"
    severity = "warning"
    languages = tuple(dict.fromkeys(_BRACKET_LANGS + _SCRIPT_LANGS))
    summary = "insertion or phrase left in English ([Kazakhs] in Italian, the city council in Japanese or Greek)"
    fix = None
    fix_hint = "Translate the bracketed words into the language of the text."
    confidence = 0.5
    matches = (
        lint.Example("“[Kazakhs] ci hanno dato cibo gratis, ci hanno ospitato”, ha detto Alexei.", "it",
                     covers="[Kazakhs]"),
        lint.Example("«[The soldiers] nos dieron comida y agua», dijo el alcalde.", "es", covers="[The soldiers]"),
        lint.Example("« [Refugees] arrivent chaque jour à la gare », a déclaré le maire.", "fr", covers="[Refugees]"),
        lint.Example("„[Neighbours] haben uns geholfen“, sagte die Frau.", "de", covers="[Neighbours]"),
        # common English words that other languages' tables know from loans: the margin decides
        lint.Example("“O [council] decidiu fechar a escola em junho”, disse a diretora.", "pt", covers="[council]"),
        lint.Example("„Sie [the council] hat das Geld für die Halle gestrichen“, sagte der Trainer.", "de",
                     covers="[the council]"),
        lint.Example("“Zij [and others] hebben het oude gebouw gekocht”, zei de wethouder.", "nl",
                     covers="[and others]"),
        lint.Example("“Ellos [the workers] no cobraron nada en marzo”, explicó la portavoz.", "es",
                     covers="[the workers]"),
        # English phrases set straight into Chinese and Japanese sentences
        lint.Example("这批茶叶已经卖到Canada and the United Kingdom，销量很好。", "zh",
                     covers="Canada and the United Kingdom"),
        lint.Example("修理費は地元の商店やthe local governmentが負担した。", "ja", covers="the local government"),
        # brackets in more languages, and English runs in paragraphs of another script
        lint.Example('„[The mayor] slíbil, že nový bazén otevřeme ještě letos,“ řekl mluvčí radnice.', 'cs',
                     covers='[The mayor]'),
        lint.Example('„[The builders] azt ígérték, hogy a hidat ősszel átadják” – mondta a polgármester.', 'hu',
                     covers='[The builders]'),
        lint.Example('“[The fishermen] har ventet på svar fra ministeriet i et helt år,” siger formanden.', 'da',
                     covers='[The fishermen]'),
        lint.Example('– [The teachers] har ikke fått noe svar fra kommunen ennå, sier rektoren.', 'nb',
                     covers='[The teachers]'),
        lint.Example('“[The villagers] sudah menunggu jembatan ini selama sepuluh tahun,” kata kepala desa.', 'id',
                     covers='[The villagers]'),
        lint.Example('«[The residents] чекають на відповідь міської ради вже пів року», — сказала депутатка.', 'uk',
                     covers='[The residents]'),
        lint.Example('„[The workers] чакат заплатите си от три месеца“, каза синдикалният лидер.', 'bg',
                     covers='[The workers]'),
        lint.Example('«[The farmers] περιμένουν τις αποζημιώσεις εδώ και έναν χρόνο», δήλωσε ο δήμαρχος.', 'el',
                     covers='[The farmers]'),
        lint.Example('Мэр признал, что the new bridge will not be ready before winter, и попросил жителей потерпеть.', 'ru',
                     covers='the new bridge will not be ready before winter'),
        lint.Example('Ο υπουργός παραδέχθηκε ότι the hospital still needs more nurses, αλλά υποσχέθηκε προσλήψεις μέσα στο καλοκαίρι.', 'el',
                     covers='the hospital still needs more nurses'),
        lint.Example('وأوضح المدير أن the new line will open in the spring بعد انتهاء الاختبارات الفنية في المحطات.', 'ar',
                     covers='the new line will open in the spring'),
        lint.Example('मंत्री ने कहा कि नई सड़क का काम तेज़ी से चल रहा है। The road should be finished by the end of the year. स्थानीय लोग इससे खुश हैं।', 'hi',
                     covers='The road should be finished by the end of the year'),
        lint.Example('시장은 새 다리가 곧 개통된다고 밝혔다. The city also wants to add more bus lines to the area. 주민들은 환영했다.', 'ko',
                     covers='The city also wants to add more bus lines to the area'),
        lint.Example('ראש העיר אמר כי the new park will open in the summer ושהעבודות יסתיימו בקרוב.', 'he',
                     covers='the new park will open in the summer'),
    )
    no_matches = (
        lint.Example("“[I kazaki] ci hanno dato cibo gratis”, ha detto Alexei.", "it"),
        lint.Example("“Ci hanno dato cibo [sic] gratis”, ha detto.", "it"),
        lint.Example("Il [film] è uscito ieri nelle sale.", "it"),
        lint.Example("“[Putin] ha deciso tutto”, ha detto.", "it"),
        lint.Example("Vedi [la guida](https://example.com) per i dettagli.", "it", format="markdown"),
        lint.Example("“[The soldiers] gave us food,” the mayor said.", "en"),
        lint.Example("大型[俄罗斯]公司和企业业务。", "zh"),
        lint.Example("Er sagte, die [Regierung] habe nichts getan.", "de"),
        # function words of the language itself: Dutch "of", Spanish "a"
        lint.Example("Ze wist niet [of ze] zou komen, zei de buurman.", "nl"),
        lint.Example("«Fue [a pie] hasta la plaza», contó el vecino.", "es"),
        lint.Example("“Il [team] ha lavorato bene”, ha detto l'allenatore.", "it"),
        # titles, brand names and chat in Chinese and Japanese
        lint.Example("他最喜欢的电影是《Beauty and the Beast》，也读过The Lord of the Rings的中文版。", "zh"),
        lint.Example("小时候常看Tom and Jerry动画片。by the way，苹果发布了新款MacBook Pro。", "zh"),
        lint.Example("映画『Beauty and the Beast』を見た。彼はThe Beatlesの曲が好きだ。", "ja"),
        # names, titles, slogans, glosses and code in paragraphs of another script
        lint.Example('Акции Bank of America and Wells Fargo выросли после отчёта, сообщили аналитики биржи.', 'ru'),
        lint.Example('Учора по телевізору показали фільм «The man who knew too much», і глядачі залишилися задоволені.', 'uk'),
        lint.Example('Η λεγόμενη ήπια ισχύς (the power of a good example) είναι παλιά ιδέα της διεθνούς πολιτικής.', 'el'),
        lint.Example('Певицата изпя Stairway to Heaven и Hotel California пред пълната зала в София.', 'bg'),
        lint.Example('उन्होंने मंच से कहा "we are the champions" और दर्शकों ने तालियाँ बजाईं, फिर सब घर गए।', 'hi'),
        lint.Example('The mayor said «мы справимся» and the council of the city agreed to the plan in the end.', 'en'),
        lint.Example('설정 파일은 config.the.main.file 에 있고 개발자들은 이를 자주 수정한다고 말했다.', 'ko'),
        lint.Example('Стартап запустил сервис The Best Of The Web для поиска новостей в России.', 'ru'),
        lint.Example('Їхній девіз — Keep Calm and Carry On, і він висить на стіні в офісі компанії.', 'uk'),
        lint.Example('Ze zei dat [de raad] het plan had goedgekeurd.', 'nl'),
        lint.Example('„[Filmen] var bedre end forventet,“ sagde instruktøren til avisen bagefter.', 'da'),
        lint.Example('„[Biden] nem válaszolt a kérdésre” – írta a lap. Biden később nyilatkozott.', 'hu'),
    )

    @staticmethod
    def _english(words, lang) -> bool:
        """Are these bracketed words English rather than ``lang``? Either every content word is
        much more frequent in English than in ``lang`` (``[Kazakhs]``, ``[company]`` in Italian:
        wordfreq's tables of other languages give common English words Zipf 3-4 through loans
        and quotations, so the margin decides, not the local figure), or the bracket opens with
        a lower-case English function word that ``lang`` does not have (``[the company]``,
        ``[and others]``) and the rest are known English words not more frequent in ``lang``."""
        content = [w for w in words if w.lower() not in _EN_FUNCTION]
        if not content:
            return False
        first = words[0]
        if (first in _EN_FUNCTION and len(words) > 1
                and lint.zipf(first, "en") - lint.zipf(first, lang) >= _FUNCTION_MARGIN):
            return all(lint.zipf(w, "en") >= 3.0 and lint.zipf(w, "en") >= lint.zipf(w, lang) for w in content)
        for w in content:
            en, here = lint.zipf(w, "en"), lint.zipf(w, lang)
            if en < 2.0 or en - here < _CONTENT_MARGIN or here >= _LOCAL_CEILING:
                return False
        return True

    @staticmethod
    def _context_is(doc, m, lang) -> bool:
        """Do the words around the brackets belong to ``lang`` rather than to English (a
        misdetected English paragraph has English all around)?"""
        para = doc.paragraph_at(m.start())
        if para is None:
            return False
        text = doc.text
        lo, hi = max(para.start, m.start() - 200), min(para.end, m.end() + 200)
        words = [w for w in _WORD.findall(text[lo:m.start()] + " " + text[m.end():hi]) if len(w) > 1][:60]
        if lang in ("zh", "ja"):
            return len(regex.findall(r"\p{Han}|\p{Hiragana}|\p{Katakana}", text[lo:hi])) > 20
        here = sum(1 for w in words if lint.zipf(w, lang) > lint.zipf(w, "en") + 0.5)
        there = sum(1 for w in words if lint.zipf(w, "en") > lint.zipf(w, lang) + 0.5)
        return here >= 3 and here > 2 * there

    def check(self, doc):
        text = doc.text
        if "[" in text:
            yield from self._brackets(doc, text)
        if "the" in text and doc.languages & {"zh", "ja"}:
            yield from self._cjk_runs(doc, text)
        if not doc.languages.isdisjoint(_SCRIPT_LANGS) and not text.isascii():
            # (the languages first: a set test, where a scan of every Latin text for these
            # scripts cost a fifth of a second per 10 MB)
            yield from self._script_runs(doc, text)

    def _script_runs(self, doc, text):
        """English sentences or clauses left in a paragraph written in another script
        (Cyrillic, Greek, Arabic, Devanagari, Hangul, Hebrew): ``Тренер визнав, що the defensive
        line still needs work, і ...``. A run of four or more Latin words with two or more English
        grammatical words (the, of, is, we, still...), mostly in lower case (names and titles
        are capitalised: Bank of America, The Lord of the Rings), every other word a known
        English word, not in quotation marks or brackets (a title, a slogan, a gloss of the
        original wording) and not next to code punctuation; the paragraph outside the run must
        be mainly in the other script."""
        for para in doc.paragraphs:
            if not _OTHER_SCRIPT.search(text, para.start, para.end) or not _LATIN_RUN.search(text, para.start, para.end):
                continue
            other = len(_OTHER_SCRIPT.findall(text, para.start, para.end))
            if other < 20:
                continue
            latin = len(_LATIN_LETTER.findall(text, para.start, para.end))
            yield from self._runs_in(doc, text, para, other, latin)

    def _runs_in(self, doc, text, para, other, latin):
        for m in _LATIN_RUN.finditer(text, para.start, para.end):
            words = m.group().split(" ")
            grammar = sum(1 for w in words if w in _EN_GRAMMAR or (w[0] in "TW" and w.lower() in _EN_GRAMMAR
                                                                   and w is words[0]))
            if grammar < 2:
                continue
            lower = sum(1 for w in words[1:] if w[0].islower())
            if 2 * lower <= len(words) - 1:
                continue  # capitalised: a name or a title
            before = text[m.start() - 1] if m.start() else " "
            after = text[m.end()] if m.end() < len(text) else " "
            if after in ".:" and text[m.end() + 1:m.end() + 2].isalnum():
                continue  # a file name, an address, a namespace (example.com, std::vector)
            if before in _CODE_SIDE or (after in _CODE_SIDE and after not in ".:") or doc.is_masked(m.start(), m.end()):
                continue
            if other < 2 * (latin - len(_LATIN_LETTER.findall(m.group()))):
                continue  # the paragraph outside the run is not mainly in the other script
            freqs = [lint.zipf(w, "en") for w in words if w.lower() not in _EN_GRAMMAR]
            if not freqs or min(freqs) < 1.5 or sum(1 for f in freqs if f < 3.0) > 1:
                continue  # every word English, at most one of them rare
            lang = doc.lang_at(m.start())
            where = f"{_NAMES[lang]} text" if lang in _NAMES and lang != "en" else "a paragraph in another script"
            yield self.finding(
                doc, m.start(), m.end(),
                f"English '{m.group()}' in {where}: a phrase left untranslated",
                severity="info", confidence=0.35,
            )

    def _cjk_runs(self, doc, text):
        """English phrases left in a Chinese or Japanese sentence (``出口到Japan and the United
        States，``, ``地元の企業やthe city councilからの寄付``): a run with a lower-case ``the``
        and English words only, either opening with ``the`` or with two content words (a
        coordination of names). Brand and product names (iPhone, Wi-Fi, Google Play) have no
        lower-case ``the``; titles (The Beatles, 《Beauty and the Beast》) open with a
        capital or stand in title marks; code stands next to ASCII punctuation."""
        for m in _CJK_RUN.finditer(text):
            run = m.group("run")
            words = run.split(" ")
            if "the" not in words or run.lower() in _CJK_IDIOMS:
                continue
            lang = doc.lang_at(m.start())
            if lang not in ("zh", "ja"):
                continue
            content = [w for w in words if w.lower() not in _EN_FUNCTION]
            if not content or any(lint.zipf(w, "en") < 3.0 or lint.zipf(w, "en") - lint.zipf(w, lang) < 0.8
                                  for w in content):
                continue
            if words[0] != "the" and (words[0] == "The" or len(content) < 2 or "and" not in words
                                      or not words[0][0].isupper()):
                continue  # a title (The Lord of the Rings), or no coordination of names
            yield self.finding(
                doc, m.start(), m.end(),
                f"English '{run}' in {_NAMES[lang]} text: a phrase left untranslated",
                severity="info", confidence=0.35,
            )

    def _brackets(self, doc, text):
        for m in _BRACKET.finditer(text):
            lang = doc.lang_at(m.start())
            if lang is None or lang == "en" or lang not in _BRACKET_LANGS:
                continue
            words = _WORD.findall(m.group("body"))
            if not words or any(w.lower().strip("'’") in _EDITORIAL for w in words):
                continue
            if len(words) == 1 and words[0][0].isupper() and text.count(words[0]) > 1:
                continue  # a name the text itself spells so ("[Biden] ... Biden said")
            if not self._english(words, lang) or not self._context_is(doc, m, lang):
                continue
            body = m.group("body")
            yield self.finding(
                doc, m.start(), m.end(),
                f"bracketed '{body}' is English in {_NAMES.get(lang, lang)} text: an insertion left untranslated",
            )
