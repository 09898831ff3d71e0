"""Cheap language identification: script first, then common-word profiles.

Detection runs per document and per paragraph. The script decides Chinese, Japanese,
Russian (Cyrillic), Greek, Arabic and Korean; Latin-script text is scored against profiles
of the most common function words of each supported language (written from knowledge of
each language's grammar: articles, pronouns, prepositions, conjunctions, auxiliaries), with
letters unique to a language (Turkish ``ğ ş ı``, Polish ``ł ą ę``...) as a tie-breaker.

>>> detect("The cat sat on the mat and it was happy with the result.")
'en'
>>> detect("Il gatto è sul tavolo e non vuole scendere perché ha paura.")
'it'
>>> detect("他说我们从俄罗斯跑出来")
'zh'
>>> detect("42") is None
True
"""
from __future__ import annotations

import re
from collections import Counter
from operator import itemgetter
from typing import Iterable, Optional

import regex


#: Languages unspun detects. Rules state which of these they cover.
SUPPORTED = ("en", "it", "zh", "es", "fr", "de", "pt", "ru", "tr", "ja", "nl", "pl", "sv", "ro",
             "da", "fi", "cs", "hu", "hr", "ca", "id", "vi", "nb", "uk", "bg", "sr", "mk", "be",
             "el", "ar", "ko", "he", "hi")
#: Cyrillic languages, told apart by their letters (see :func:`_cyrillic_language`)
CYRILLIC = ("ru", "uk", "bg", "sr", "mk", "be")

_PROFILES: dict[str, str] = {
    "en": "the of and to in is that for it with as was on be by are this have from or at not "
          "but his they which you he she we an were has been their its would there what will "
          "who when can about if my your our than them these those because",
    "it": "il di che è la le gli un una del della per non sono con da dei delle si nel nella "
          "anche ma come più lo alla questo questa ha hanno essere sul sulla dal ai al cui "
          "perché ci molto loro io noi tutti",
    "es": "el la de que y en los las del se por un una con no para es al lo como más pero sus "
          "le ya o este esta sí porque entre cuando muy sin sobre también hasta hay donde "
          "desde todo nos durante uno ni contra ese eso fue son está",
    "fr": "le la les de des du et est un une en que qui dans pour pas sur au aux il elle ne "
          "se ce cette sont avec plus par mais ou nous vous leur ont été être fait comme "
          "tout bien où sans peut aussi très",
    "de": "der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es "
          "an als nach wie bei aus er sie wir ich werden wird hat haben sind war noch nur "
          "oder aber vor zur bis mehr durch einen einer",
    "pt": "o a os as de do da dos das que e em no na nos nas um uma para com não por se mais "
          "como mas ao foi ser são pelo pela está também já muito seu sua ou quando isso "
          "ele ela há eles",
    "nl": "de het een en van in is dat op te zijn met voor niet die er aan ook als bij door "
          "maar om dan zo nog wel naar uit wordt worden heeft hij zij wij ze was werd "
          "tot kan geen deze dit",
    "tr": "ve bir bu da de için ile olarak çok daha en gibi ne o olan ama ki sonra kadar her "
          "şey ben sen biz onlar var yok değil mi mı mu mü olduğu ancak göre ise veya hem "
          "diye bunu şu",
    "pl": "i w na z się nie do że to jest o jak po a od za przez ale co tak już jego jej "
          "by być był była są ich dla tylko może czy tym też oraz jako które który która",
    "sv": "och i att det som en på är av för med till den har de inte om ett var jag men "
          "från så kan vi sig eller han hon skulle",
    "ro": "și în de la cu pe că nu un o este a al ale din care pentru se mai dar sau fost "
          "sunt acest această lui ei",
}
#: Languages no rule has a lexicon for, detected so that their text is not taken for one
#: it merely resembles (Danish for Swedish, Czech for Polish or Portuguese, Catalan for
#: Spanish) and judged by that language's lexicons. Words of one letter are left out, and
#: so are those that would pull short texts of the languages above away from them: a name
#: ("ali"), and words as common there as here ("for", "at", "on": English; "su", "ne",
#: "ki": Turkish). In URLs, bylines and titles they would outweigh the real evidence.
_MORE_PROFILES: dict[str, str] = {
    "da": "og det en den til er som på de med af ikke der var han hun har jeg vi "
          "men om fra efter kan skal også blev eller ved sig sin deres være havde nu",
    "fi": "ja on ei se että oli hän ovat ole mutta kun niin tai myös kuin jo vain sekä joka "
          "jotka mukaan tämä nämä hänen heidän olla ollut voi sitten vielä kanssa jälkeen "
          "aikana noin koska",
    "cs": "se na je že do to ve jako pro by ale jsou jeho jejich byl byla bylo není už jen "
          "také tak když který která které podle než nebo za po od",
    "hu": "az és hogy nem is egy van volt meg csak de ki mint már el ez azt még vagy sem "
          "lesz után között szerint pedig majd mert akkor így",
    "hr": "je na da se su za od sa kao što ali ne bi bio bila bilo koji koja koje iz do te "
          "ili nije još samo kako prema nakon zbog ga ih",
    "ca": "el la els les de del dels en que per amb no es un una al als és són va ha més "
          "però com seu seva també quan on aquest aquesta ho hi",
    "id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke karena oleh "
          "ada atau bisa sudah saat telah mereka kami kita adalah tersebut namun lebih",
    "vi": "và của là có trong được cho không những một các này đã với người để khi từ đến "
          "cũng như về sẽ thì ra nhiều theo tại vào đó nhưng",
    # Norwegian Bokmål: the words it shares with Danish count for both, and those that
    # differ decide (av/af, etter/efter, ble/blev, nå/nu, mye/meget, hva/hvad, noen/nogen)
    "nb": "og det en den til er som på de med av ikke der var han hun har jeg vi men om fra "
          "etter kan skal også ble eller ved seg sin deres være hadde nå mye hva noen ut sier",
}
_EXCLUDED = frozenset("ali for at on su ne ki".split())
for _lang, _words in _MORE_PROFILES.items():
    _PROFILES[_lang] = " ".join(w for w in _words.split() if len(w) > 1 and w not in _EXCLUDED)
_WORDS: dict[str, frozenset[str]] = {k: frozenset(v.split()) for k, v in _PROFILES.items()}
#: word -> languages whose profile holds it
_INDEX: dict[str, tuple[str, ...]] = {}
for _lang, _words in _WORDS.items():
    for _w in _words:
        _INDEX[_w] = _INDEX.get(_w, ()) + (_lang,)

#: Letters that belong to few languages, as a hint when the word profiles tie.
_LETTER_HINTS = {
    "tr": regex.compile(r"[ğşıİ]"),
    "pl": regex.compile(r"[łąęśżźćń]"),
    "de": regex.compile(r"[äöüß]"),
    "es": regex.compile(r"[ñ¿¡]"),
    "pt": regex.compile(r"[ãõ]"),
    "fr": regex.compile(r"[œçèêë]"),
    "ro": regex.compile(r"[șțăâî]"),
    "cs": regex.compile(r"[řěů]"),
    "hu": regex.compile(r"[őű]"),
    "da": regex.compile(r"[æø]"),
    "vi": regex.compile(r"[ơưđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]"),
}
#: letters only (the standard `re` engine: several times faster than `regex` for this)
_TOKENS = re.compile(r"[^\W\d_]+")
#: every hint letter in one class, and the languages each one points to
_HINT_LANGS: dict[str, list[str]] = {}
for _lang, _pattern in _LETTER_HINTS.items():
    for _ch in regex.sub(r"[\[\]]", "", _pattern.pattern):
        _HINT_LANGS.setdefault(_ch, []).append(_lang)
_HINTS = re.compile("[" + "".join(sorted(_HINT_LANGS)) + "]")


_ASCII_LETTERS = re.compile(r"[A-Za-z]+")


def _tokens(text: str) -> re.Pattern:
    """_TOKENS, or for an all-ASCII text the pattern that finds the same tokens faster
    (ASCII letters are [A-Za-z])."""
    return _ASCII_LETTERS if text.isascii() else _TOKENS


_ASCII_RUN = re.compile(r"[\x00-\x7f]+")
_ANY_LETTER = re.compile(r"[^\W\d_]")
#: the blocks of the non-Latin scripts the detector knows (a fast first test)
_NON_LATIN = re.compile("[\u0370-\u03ff\u0400-\u052f\u0590-\u05ff\u0600-\u06ff\u0900-\u097f"
                        "\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
                        "\U00020000-\U0003134f]")


#: runs of each script's letters, as Unicode block ranges (the standard `re` engine counts
#: them in C: length before and after deleting them)
_RUNS = {
    "han": re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+"),
    "kana": re.compile("[\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9f]+"),
    "cyrillic": re.compile("[\u0400-\u04ff\u0500-\u052f]+"),
    "latin": re.compile("[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]+"),
    "greek": re.compile("[\u0370-\u03ff\u1f00-\u1fff]+"),
    "arabic": re.compile("[\u0600-\u06ff\u0750-\u077f]+"),
    "hangul": re.compile("[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]+"),
    "hebrew": re.compile("[\u0590-\u05ff]+"),
    "devanagari": re.compile("[\u0900-\u0963\u0966-\u097f]+"),  # not the danda, which Bengali uses too
}
_HEBREW_OR_DEVANAGARI = re.compile("[\u0590-\u05ff\u0900-\u0963\u0966-\u097f]")
#: a Hangul syllable holds two or three letters: weighed against Latin letters so
HANGUL_WEIGHT = 2.5


def _count(pattern, text: str) -> int:
    return len(text) - len(pattern.sub("", text))


def _script_language(text: str) -> Optional[str]:
    """Language implied by the script alone, 'latn' for Latin text, None for no letters.

    ASCII is counted with one substitution; the per-script counts run only over the
    non-ASCII remainder, which is short for Latin-script languages.
    """
    if text.isascii() or not _NON_LATIN.search(text):
        return "latn" if _ANY_LETTER.search(text) else None
    ascii_letters = _count(_ASCII_LETTERS, text)
    text = _ASCII_RUN.sub("", text)
    han = _count(_RUNS["han"], text)
    kana = _count(_RUNS["kana"], text)
    cyr = _count(_RUNS["cyrillic"], text)
    lat = _count(_RUNS["latin"], text) + ascii_letters
    others = {"el": _count(_RUNS["greek"], text), "ar": _count(_RUNS["arabic"], text),
              "ko": HANGUL_WEIGHT * _count(_RUNS["hangul"], text)}
    if _HEBREW_OR_DEVANAGARI.search(text):  # (rare: one scan spares two counts)
        others["he"] = _count(_RUNS["hebrew"], text)
        others["hi"] = _count(_RUNS["devanagari"], text)
    counts = {"zh": han + kana, "ru": cyr, "latn": lat, **others}
    best = max(counts, key=counts.get)
    if counts[best] == 0:
        return None
    if best == "zh":
        # CJK characters carry about 1.5 words each: compare with Latin letters fairly
        if lat > 4 * (han + kana):
            return "latn"
        return "ja" if kana > 0.05 * (han + kana) else "zh"
    return best


#: letters that only some Cyrillic alphabets have
_CYRILLIC_LETTERS = {
    "be": "ў",
    "mk": "ѓќѕ",
    "sr": "ђћ",
    "uk": "їєґ",
}
#: a UTF-8 lead byte of Cyrillic (Р, С in cp1251) and a continuation byte read as cp1251,
#: and UTF-8 punctuation (dashes, quotes: E2 80 xx, "вЂ" and one more) read so
_MOJIBAKE_PAIR = re.compile("вЂ.|[РС][\u0402-\u040f\u0452-\u045f\u0490\u0491\u0401\u0451\u0404\u0454"
                            "\u0406\u0456\u0407\u0457\u0408\u0458\u0405\u0455\u040e\u045e"
                            "‚„…†‡€‰‹‘’“”•–—™›\u00a0¤¦§©«¬\u00ad®°±µ¶·№»]")
_SERBO_MACEDONIAN = re.compile("[јљњџЈЉЊЏ]")
_RUSSIAN_ONLY = re.compile("[ыэёЫЭЁ]")
_UK_I = re.compile("[іІ]")
_HARD_SIGN = re.compile("[ъЪ]")
#: common Bulgarian words that Russian does not have (or spells otherwise)
_BULGARIAN_WORDS = re.compile(r"(?<![\w])(?:са|ще|това|които|който|която|като|също|няма|беше|бяха|тя|нейния)(?![\w])",
                              re.IGNORECASE)


def _cyrillic_language(text: str) -> Optional[str]:
    """Which Cyrillic language ``text`` is in, from the letters only some alphabets have
    (Ukrainian ї є ґ і, Belarusian ў, Serbian ђ ћ, Macedonian ѓ ќ ѕ, both ј љ њ џ;
    Russian ы э ё) and, for Bulgarian (no ы э ё, a frequent ъ), a few of its words;
    None when nothing tells them apart (a short line: then Russian, or the document's).

    >>> _cyrillic_language("Він сказав, що їде до Києва."), _cyrillic_language("Това е градът, в който живея.")
    ('uk', 'bg')
    >>> _cyrillic_language("Мы уезжаем завтра."), _cyrillic_language("Он сказал") is None
    ('ru', True)
    >>> _cyrillic_language("Вчера в Києве прошла встреча, это было важно и интересно для всех.")
    'ru'
    """
    text = _MOJIBAKE_PAIR.sub("", text)  # UTF-8 Cyrillic read as cp1251 holds every letter
    counts = {lang: sum(text.count(ch) + text.count(ch.upper()) for ch in letters)
              for lang, letters in _CYRILLIC_LETTERS.items()}
    russian = len(_RUSSIAN_ONLY.findall(text))
    # the other alphabets lack ы э ё and Russian lacks their letters: a Russian text that
    # names Київ, or a Ukrainian one that quotes Russian, goes by the letters it has more of
    # (і is Ukrainian or Belarusian, and Belarusian has ў)
    for lang in ("be", "mk", "sr"):
        if counts[lang] and counts[lang] * 2 > russian:
            return lang
    if counts["uk"] + len(_UK_I.findall(text)) > russian:
        return "uk"
    if russian:
        return "ru"
    if _SERBO_MACEDONIAN.search(text):
        return "sr"
    if _HARD_SIGN.search(text) or len(_BULGARIAN_WORDS.findall(text)) >= 2:
        return "bg"
    return None


#: one profile hit, in integer units: a word in k profiles gives each UNIT // k (exact for
#: k up to 12, so equal scores tie exactly, whatever the order of the words)
UNIT = 27720
_SHARE: dict[str, int] = {w: UNIT // len(langs) for w, langs in _INDEX.items()}


def score_words(words: Iterable[str]) -> dict:
    """Hits of each language's profile among ``words`` (already lower-cased), in units of
    1/UNIT of a word, in the order the languages were first hit.

    >>> score_words(["the", "cat", "and", "il", "gatto"])["en"] == 2 * UNIT
    True
    """
    hits: dict = {}
    get = hits.get
    share = _SHARE
    # each distinct word once, with its count, in order of first occurrence: the same
    # sums, and the languages enter ``hits`` in the same order
    for w, n in Counter(filter(share.__contains__, words)).items():
        k = share[w] * n
        for lang in _INDEX[w]:
            hits[lang] = get(lang, 0) + k
    return hits


def detect(text: str, default: Optional[str] = None, max_words: int = 150) -> Optional[str]:
    """The most likely language of ``text`` (ISO 639-1), or ``default`` when unsure."""
    sample = text if len(text) <= 2400 else text[:1200] + text[len(text) // 2 : len(text) // 2 + 1200]
    script = _script_language(sample)
    if script is None:
        return default
    if script == "ru":
        return _cyrillic_language(sample) or (default if default in CYRILLIC else "ru")
    if script != "latn":
        return script
    words = _tokens(sample).findall(sample.lower(), 0, max_words * 12)[:max_words]
    hits = score_words(words)
    if not sample.isascii():
        letters: dict = {}
        for ch, n in Counter(_HINTS.findall(sample)).items():
            for lang in _HINT_LANGS[ch]:
                letters[lang] = letters.get(lang, 0) + n
        for lang, n in letters.items():
            hits[lang] = hits.get(lang, 0) + min(n, 8) * (UNIT // 4)
        # Czech ř ě ů and Polish ł ą ę ż ś ź ć ń never meet in one language: the letters of
        # one rule the other out (Polish's one-letter words would win short Czech texts)
        if "cs" in letters and "pl" in hits and not letters.get("pl"):
            del hits["pl"]
        elif "pl" in letters and "cs" in hits and not letters.get("cs"):
            del hits["cs"]
    if not hits:
        return default
    (best, top), *rest = sorted(hits.items(), key=itemgetter(1), reverse=True)[:2] + [(None, 0)]
    second = rest[0][1]
    if top < UNIT or (len(words) >= 6 and top < 0.08 * UNIT * len(words) and default):
        return default or (best if top >= UNIT else None)
    if top == second and default:
        return default
    return best


_LATIN_LANGS = frozenset(_WORDS)
_SCRIPT_OF = {
    "zh": regex.compile(r"\p{Han}+"),
    "ja": regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]+"),
    **{lang: regex.compile(r"\p{Cyrillic}+") for lang in CYRILLIC},
}


#: characters of a paragraph looked at first for the document's function words
_HEAD = 120


def detect_paragraph(text: str, doc_lang: Optional[str]) -> Optional[str]:
    """A paragraph's language, cheaply: it inherits the document's when it is short, or
    when it is in the document's script and holds several of its function words; only the
    rest gets the full detection.

    >>> detect_paragraph("Questo paragrafo è scritto in italiano, come il resto.", "it")
    'it'
    >>> detect_paragraph("This paragraph, however, is written in English for the test.", "it")
    'en'
    """
    if len(text) < 25:
        return doc_lang
    sample = text[:400]
    if doc_lang in _LATIN_LANGS:
        if not _NON_LATIN.search(sample):
            own = _WORDS[doc_lang]
            # most paragraphs show three function words in their first line: the tokens of
            # a prefix, without its last (maybe cut) one, are the first tokens of the
            # whole, so three there are three among the first 60
            tokens = _tokens(sample)
            head = tokens.findall(sample[:_HEAD].lower())[:-1]
            if len(head) <= 60 and len(own.intersection(head)) >= 3:
                return doc_lang
            words = set(tokens.findall(sample.lower(), 0, 480)[:60])
            if len(own & words) >= 3:
                return doc_lang
    elif doc_lang in _SCRIPT_OF:
        # a paragraph in the document's own script, with little Latin in it, inherits
        own = len(sample) - len(_SCRIPT_OF[doc_lang].sub("", sample))
        latin = len(sample) - len(_ASCII_LETTERS.sub("", sample))
        if own >= 4 and latin < 2 * own:
            return doc_lang
    return detect(sample, default=doc_lang, max_words=60)
