"""MTA001 gender-flip: one person referred to with pronouns of both genders.

Spanish, Italian and Portuguese drop subject pronouns (``dice``, ``ha detto``) and their
possessives carry no gender (``su``, ``suo``); translating into English, the machine has to
guess ``he`` or ``she`` and sometimes guesses wrong: a paragraph about a man, told with
``he``, ``his`` and ``him``, ends ``“He wanted out of the system at last,” she says.``

>>> import lint
>>> text = "According to him, his departure was a protest. He had never marched. “He wanted out,” she says."
>>> [f.text for f in lint.check_text(GenderFlip(), text, "en")]
['she says']
"""
from __future__ import annotations

import re
from typing import Callable, Optional

import regex

import lint

from ._mta_common import dangling_speech_objects
from ._mta_common import NOT_NAMES, TRAVEL_WORDS, find_people, first_name, person_noun, person_nouns

_EN_SPEECH = (
    "says said adds added explains explained recalls recalled continues continued admits admitted "
    "insists insisted notes noted tells told asks asked replies replied laughs laughed quips quipped "
    "jokes joked remembers remembered concludes concluded writes wrote argues argued stresses stressed "
    "sighs sighed smiles smiled confides confided recounts recounted acknowledges acknowledged "
    "complains complained warns warned"
).split()
_SPEECH_ALT = "|".join(sorted(set(_EN_SPEECH), key=len, reverse=True))
#: “...,” she says / “...,” says she / ... , she added.
_EN_QUOTE_ATTR = regex.compile(
    rf"[”\"’][ \t]*(?P<attr>(?P<pron>[Hh]e|[Ss]he)\s+(?:{_SPEECH_ALT})\b"
    rf"|(?:{_SPEECH_ALT})\s+(?P<pron2>he|she)\b)"
)
_EN_REPORTED = regex.compile(rf"\b(?P<pron>[Hh]e|[Ss]he)\s+(?:{_SPEECH_ALT})\b")
_EN_PRONOUNS = regex.compile(r"\b(?:(?P<m>he|him|his|himself)|(?P<f>she|her|hers|herself))\b", regex.IGNORECASE)

#: speech verbs of the attributions with an explicit subject pronoun in other languages
_ES_VERBS = (r"dice|dijo|afirma|afirmó|explica|explicó|añade|añadió|agrega|agregó|cuenta|"
             r"contó|asegura|aseguró|relata|relató|comenta|comentó|recuerda|recordó|señala|señaló|insiste|insistió")
_IT_VERBS = (r"dice|ha detto|racconta|ha raccontato|spiega|ha spiegato|aggiunge|"
             r"ha aggiunto|afferma|ha affermato|ricorda|ha ricordato|sottolinea|ha sottolineato|continua")
_PT_VERBS = (r"diz|disse|afirma|afirmou|explica|explicou|conta|contou|acrescenta|"
             r"acrescentou|garante|garantiu|lembra|lembrou|relata|relatou|comenta|comentou|sublinha|sublinhou")
_DE_VERBS = (r"sagt|sagte|erzählt|erzählte|erklärt|erklärte|meint|meinte|berichtet|"
             r"berichtete|betont|betonte|fügt|fügte|ergänzt|ergänzte")
_NL_VERBS = (r"zegt|zei|vertelt|vertelde|stelt|stelde|benadrukt|benadrukte|verklaart|verklaarde|antwoordt|"
             r"antwoordde|erkent|erkende|grapt|lacht|zucht|vervolgt|vervolgde|aldus|meent|vindt|legt ze uit")
_SV_VERBS = (r"säger|sa|sade|berättar|berättade|förklarar|förklarade|menar|konstaterar|konstaterade|tillägger|"
             r"fortsätter|svarar|svarade|betonar|betonade|understryker|skrattar")
#: past-tense stems (masculine = stem, feminine = stem + а)
_RU_VERBS = (r"сказал|заявил|отметил|добавил|пояснил|рассказал|признал|подчеркнул|сообщил|уточнил|"
             r"объяснил|пообещал|ответил|напомнил|говорил|вспоминал|рассуждал|резюмировал|"
             r"констатировал|посетовал|вздохнул|продолжил|заключил")
_PL_VERBS = (r"powiedzia|doda|podkreśli|zaznaczy|stwierdzi|wyjaśnia|wyjaśni|tłumaczy|przekonywa|mówi|"
             r"oświadczy|przyzna|zapewni|oceni|zauważy|opowiada|wspomina|odpowiedzia|przypomnia|"
             r"relacjonowa|argumentowa|podsumowa|skomentowa|zapowiedzia|przekonywa")
#: Attributions with an explicit subject pronoun in other languages: (pattern, male, female)
_OTHER_ATTR = {
    "es": (lint.LazyPattern(regex,
        rf"(?:[”\"»’][ \t]*,?[ \t]*)(?P<attr>{_ES_VERBS})"
        r"\s+(?P<pron>él|ella)\b"), "él", "ella"),
    "it": (lint.LazyPattern(regex,
        rf"(?:[”\"»’][ \t]*,?[ \t]*)(?P<attr>{_IT_VERBS})"
        r"\s+(?P<pron>lui|lei)\b"), "lui", "lei"),
    "pt": (lint.LazyPattern(regex,
        rf"(?:[”\"»’][ \t]*,?[ \t]*)(?P<attr>{_PT_VERBS})"
        r"\s+(?P<pron>ele|ela)\b"), "ele", "ela"),
    "fr": (lint.LazyPattern(regex,
        r"\b(?:dit|explique|raconte|ajoute|affirme|confie|poursuit|précise|souligne|lance|assure|estime|"
        r"indique|déclare|reconnaît|rappelle|résume|sourit|témoigne|insiste|admet|avoue|conclut|"
        r"a-t|répond|explique-t|ajoute-t|raconte-t|affirme-t|confie-t|précise-t|souligne-t|assure-t|estime-t|"
        r"indique-t|déclare-t|rappelle-t|insiste-t|avoue-t)-(?P<pron>il|elle)\b"), "il", "elle"),
    "de": (lint.LazyPattern(regex,
        rf"(?:[“”\"«»‘’][ \t]*,?[ \t]*)(?P<attr>{_DE_VERBS})\s+(?P<pron>er|sie)\b"), "er", "sie"),
    # 'zegt ze': after a verb in the singular, ze is 'she' (they would be 'zeggen ze')
    "nl": (lint.LazyPattern(regex,
        rf"(?:[“”\"«»‘’][ \t]*,?[ \t]*)(?P<attr>{_NL_VERBS})\s+(?P<pron>hij|ze|zij)\b"), "hij", "ze"),
    "sv": (lint.LazyPattern(regex,
        rf"(?:[“”\"«»‘’][ \t]*,?[ \t]*)(?P<attr>{_SV_VERBS})\s+(?P<pron>han|hon)\b"), "han", "hon"),
    # Russian and Polish mark the gender on the past tense: '», — сказала (она)', '” – powiedziała'
    "ru": (lint.LazyPattern(regex,
        rf"(?:[»”\"][ \t]*,?[ \t]*[—–-][ \t]*)(?P<attr>(?P<verb>{_RU_VERBS})(?P<fem>а)?"
        r"(?:[ \t]+(?P<pron>он|она)\b)?)(?![\p{L}])"), "он", "она"),
    "pl": (lint.LazyPattern(regex,
        rf"(?:[»”\"][ \t]*,?[ \t]*[—–-][ \t]*)(?P<attr>(?P<verb>{_PL_VERBS})ł(?P<fem>a)?"
        r"(?:[ \t]+(?P<pron>on|ona)\b)?)(?![\p{L}])"), "on", "ona"),
    "zh": (lint.LazyPattern(regex, r"[”」][ \t]*[，,]?[ \t]*(?P<attr>(?P<pron>[他她])(?:笑着说|补充说|告诉记者|表示|介绍|坦言|回忆|说|称|道))"),
           "他", "她"),
}
#: Cheap supersets of the attribution patterns of each language, for ``re`` on the
#: lower-cased text (their literals are lower case, and lower-casing keeps every
#: character of a match: a text without a match of these has no attribution at all).
#: ``re``'s ``\s`` takes every character ``regex``'s does; word boundaries are left out.
#: Each starts with a literal (one pattern per opening quotation mark), so ``re`` skips
#: to the candidates at C speed. English: the pronoun then the verb (both English
#: patterns; the pronoun never follows a letter: not 'the said', 'ashe says') or, after a
#: quotation mark, the verb then the pronoun.


def _quoted_cues(quotes: str, verbs: str, pronouns: str) -> tuple:
    return tuple(lint.LazyPattern(re, rf"{re.escape(q)}[ \t]*,?[ \t]*(?:{verbs})\s+(?:{pronouns})") for q in quotes)


_ATTR_CUES = {
    "en": (re.compile(rf"he(?<![a-rt-z]he)(?<![a-z]she)\s+(?:{_SPEECH_ALT})"),
           *(re.compile(rf"{q}[ \t]*(?:{_SPEECH_ALT})\s+s?he") for q in "”\"’")),
    "es": _quoted_cues("”\"»’", _ES_VERBS, "él|ella"),
    "it": _quoted_cues("”\"»’", _IT_VERBS, "lui|lei"),
    "pt": _quoted_cues("”\"»’", _PT_VERBS, "ele|ela"),
    "fr": (lint.LazyPattern(re, r"-(?:il|elle)"),),
    "de": _quoted_cues("“”\"«»‘’", _DE_VERBS, "er|sie"),
    "nl": _quoted_cues("“”\"«»‘’", _NL_VERBS, "hij|ze|zij"),
    "sv": _quoted_cues("“”\"«»‘’", _SV_VERBS, "han|hon"),
    "ru": (lint.LazyPattern(re, rf"[—–-][ \t]*(?:{_RU_VERBS})"),),
    "pl": (lint.LazyPattern(re, rf"[—–-][ \t]*(?:{_PL_VERBS})ł"),),
    "zh": (lint.LazyPattern(re, r"[他她](?:笑着说|补充说|告诉记者|表示|介绍|坦言|回忆|说|称|道)"),),
}
#: the pronoun of the other gender, for the suggestion
_SWAP = {
    "en": {"he": "she", "she": "he"}, "es": {"él": "ella", "ella": "él"}, "it": {"lui": "lei", "lei": "lui"},
    "pt": {"ele": "ela", "ela": "ele"}, "fr": {"il": "elle", "elle": "il"}, "de": {"er": "sie", "sie": "er"},
    "nl": {"hij": "ze", "ze": "hij", "zij": "hij"}, "sv": {"han": "hon", "hon": "han"},
    "ru": {"он": "она", "она": "он"}, "pl": {"on": "ona", "ona": "on"}, "zh": {"他": "她", "她": "他"},
}
#: explicit subject pronouns that always mean a person (pro-drop languages use them for emphasis)
_RU_COMMON = _RU_VERBS + r"|был|стал|работал|решил|жил|начал|хотел|получил|приехал|вернул|купил|потерял|ждал|знал|думал|считал|понял"
_PL_COMMON = (_PL_VERBS + r"|by|mia|zosta|pracowa|chcia|musia|zdecydowa|postanowi|przyjecha|wróci|mieszka|straci|"
              r"dosta|kupi|uzna|ogłosi|zaprzeczy|prowadzi|kierowa|pozna|zrobi|widzia|słysza|czu|wiedzia")
_OTHER_PRONOUNS = {
    "es": lint.LazyPattern(regex, r"\b(?:(?P<m>[Éé]l)|(?P<f>[Ee]lla))\b"),
    "it": lint.LazyPattern(regex, r"\b(?:(?P<m>[Ll]ui)|(?P<f>lei))\b"),
    "pt": lint.LazyPattern(regex, r"\b(?:(?P<m>[Ee]le|dele)|(?P<f>[Ee]la|dela))\b"),
    # 'il' as a subject, not impersonal (il faut, il y a, il s'agit, il est possible...)
    "fr": lint.LazyPattern(regex,
        r"\b(?:(?P<m>[Ii]l)(?!\s+(?:y\b|faut|fallait|fallu|faudra|faudrait|s['’]agit|s['’]agissait|semble|semblait|"
        r"paraît|reste|restait|existe|pleut|suffit|vaut|est\s+(?:possible|impossible|difficile|important|temps|"
        r"vrai|clair|nécessaire|probable|prévu|question|interdit|urgent)))|(?P<f>[Ee]lle))\b"),
    # 'Sie' inside a sentence is the polite 'you' (Folgen Sie uns)
    "de": lint.LazyPattern(regex, r"\b(?:(?P<m>[Ee]r)|(?P<f>sie|(?<=(?:^|[.!?:“„\"«»])\s{0,2})Sie))\b"),
    # Dutch 'ze' is also 'they', 'them': only 'zij' and 'haar' count, with 'zegt ze' itself
    "nl": lint.LazyPattern(regex, r"\b(?:(?P<m>[Hh]ij|[Hh]em)|(?P<f>[Zz]ij|[Hh]aar|(?<=(?:zegt|zei|vertelt|vertelde)\s+)ze))\b"),
    "sv": lint.LazyPattern(regex, r"\b(?:(?P<m>[Hh]an|[Hh]onom|[Hh]ans)|(?P<f>[Hh]on|[Hh]enne|[Hh]ennes))\b"),
    # Russian and Polish: the pronouns and the gender of common verbs in the past tense
    "ru": lint.LazyPattern(regex,
        rf"(?<!\p{{L}})(?:(?P<m>[Оо]н|[Ее]го|[Ее]му|него|нему|нём|(?:{_RU_COMMON})(?:ся)?)"
        rf"|(?P<f>[Оо]на|[Ее]ё|[Ее]е|[Ее]й|неё|нее|ней|(?:{_RU_COMMON})а(?:сь)?))(?!\p{{L}})"),
    "pl": lint.LazyPattern(regex,
        rf"(?<!\p{{L}})(?:(?P<m>[Oo]n|[Jj]ego|[Jj]emu|niego|niemu|(?:{_PL_COMMON})ł(?:em|eś)?)"
        rf"|(?P<f>[Oo]na|[Jj]ej|niej|nią|(?:{_PL_COMMON})ła(?:m|ś)?))(?!\p{{L}})"),
    "zh": lint.LazyPattern(regex, r"(?P<m>(?<![其吉])他(?![们人]))|(?P<f>她(?!们))"),
}
#: languages whose female subject pronoun is also 'they': no evidence of a woman
_WEAK_FEMALE = frozenset({"de", "nl"})
_ZH_M = regex.compile(r"(?<![其吉])他(?![们人])")
_ZH_F = regex.compile(r"她(?!们)")
#: Chinese nouns of a woman / of a man (mother, wife, sister... / father, husband, brother...)
_ZH_FEMALE = regex.compile(r"女|妈|母亲|妻|姐|妹|奶奶|婆|阿姨|嫂|姑娘|太太|夫人|小姐")
_ZH_MALE = regex.compile(r"男|爸|父亲|丈夫|哥|弟|爷|叔|儿子|先生")
#: female / male female pronouns and the groups of each attribution pattern
_FEMALE_WORDS = frozenset({"she", "ella", "lei", "ela", "elle", "sie", "ze", "zij", "hon", "она", "ona", "她"})


def _attr_gender(m, lang) -> tuple:
    """(gender, group holding the gender mark) of an attribution match."""
    if lang in ("ru", "pl"):
        return ("f" if m.group("fem") else "m"), "attr"
    grp = "pron" if m.group("pron") else "pron2"
    return ("f" if m.group(grp).lower() in _FEMALE_WORDS else "m"), grp


def _attr_span(m) -> tuple:
    """The span of an attribution: its verb and its pronoun."""
    spans = [m.span(g) for g in ("attr", "pron", "pron2") if g in m.re.groupindex and m.group(g) is not None]
    return min(a for a, _ in spans), max(b for _, b in spans)


def _outside(positions, a0, a1) -> int:
    """How many of ``positions`` lie outside [a0, a1)."""
    return sum(1 for x in positions if not a0 <= x < a1)


def _swapped(text, m, lang, start, end) -> str:
    """text[start:end] with the attribution's gender swapped."""
    if lang in ("ru", "pl"):
        fem = "а" if lang == "ru" else "a"
        out = text[start:m.end("verb")]
        if lang == "pl":
            out += "ł"
        out += "" if m.group("fem") else fem
        rest = text[m.end("fem") if m.group("fem") else (m.end("verb") + (1 if lang == "pl" else 0)):end]
        if m.group("pron"):
            pr = m.group("pron")
            rest = rest.replace(pr, _SWAP[lang][pr.lower()], 1)
        return out + rest
    grp = "pron" if m.group("pron") else "pron2"
    pron = m.group(grp)
    swap = _SWAP[lang][pron.lower()]
    if pron[0].isupper():
        swap = swap[0].upper() + swap[1:]
    return text[start:m.start(grp)] + swap + text[m.end(grp):end]


#: role nouns whose article (or, in German, the suffix -in) tells the gender:
#: language -> (regex, masculine articles, feminine articles)
_ROLE_NOUNS = {
    "es": ("el|un|del|al", "la|una",
           "alcalde|alcaldesa|presidente|presidenta|portavoz|director|directora|concejal|concejala|ministro|ministra|"
           "delegado|delegada|vecino|vecina|jubilado|jubilada|agricultor|agricultora|médico|médica|profesor|profesora|"
           "abogado|abogada|empresario|empresaria|dueño|dueña|propietario|propietaria|gerente|responsable|jefe|jefa|"
           "secretario|secretaria|consejero|consejera|diputado|diputada|senador|senadora|juez|jueza|fiscal|entrenador|"
           "entrenadora|investigador|investigadora|periodista|trabajador|trabajadora|testigo|joven|paciente|"
           "bombero|bombera|enfermero|enfermera|maestro|maestra|autor|autora|escritor|escritora|comerciante|"
           "hombre|mujer|señor|señora"),
    "it": ("il|lo|un|uno|del|dello|al|allo|dal|dallo", "la|una|della|alla|dalla",
           "sindaco|sindaca|assessore|assessora|presidente|presidentessa|portavoce|direttore|direttrice|ministro|"
           "ministra|consigliere|consigliera|agricoltore|agricoltrice|medico|dottore|dottoressa|professore|"
           "professoressa|avvocato|avvocata|imprenditore|imprenditrice|proprietario|proprietaria|titolare|"
           "responsabile|segretario|segretaria|deputato|deputata|senatore|senatrice|giudice|allenatore|allenatrice|"
           "ricercatore|ricercatrice|giornalista|testimone|giovane|paziente|infermiere|infermiera|maestro|maestra|"
           "autore|autrice|scrittore|scrittrice|commerciante|pensionato|pensionata|uomo|donna|signore|signora|"
           "allevatore|allevatrice|contadino|contadina|operaio|operaia"),
    "pt": ("o|um|do|ao|pelo", "a|uma|da|à|pela",
           "presidente|presidenta|porta-voz|diretor|diretora|ministro|ministra|vereador|vereadora|autarca|agricultor|"
           "agricultora|médico|médica|professor|professora|advogado|advogada|empresário|empresária|dono|dona|"
           "proprietário|proprietária|responsável|secretário|secretária|deputado|deputada|juiz|juíza|treinador|"
           "treinadora|investigador|investigadora|jornalista|testemunha|jovem|enfermeiro|enfermeira|autor|autora|"
           "escritor|escritora|comerciante|morador|moradora|reformado|reformada|vizinho|vizinha|homem|mulher|"
           "senhor|senhora|senhorio|senhoria|inquilino|inquilina"),
    "fr": ("le|un|du|au", "la|une",
           "maire|président|présidente|porte-parole|directeur|directrice|ministre|conseiller|conseillère|délégué|"
           "déléguée|agriculteur|agricultrice|médecin|professeur|professeure|avocat|avocate|patron|patronne|"
           "propriétaire|responsable|secrétaire|député|députée|sénateur|sénatrice|juge|procureur|procureure|"
           "entraîneur|chercheur|chercheuse|journaliste|salarié|salariée|témoin|jeune|patient|patiente|infirmier|"
           "infirmière|auteur|autrice|commerçant|commerçante|habitant|habitante|retraité|retraitée|voisin|voisine|"
           "conducteur|conductrice|homme|femme"),
}
_ROLES = {lang: regex.compile(rf"\b(?:(?P<m>{m})|(?P<f>{f}))\s+(?:{nouns})\b", regex.IGNORECASE)
          for lang, (m, f, nouns) in _ROLE_NOUNS.items()}
#: German: a role noun with -in (Sprecherin) is a woman; without, a man when an article of
#: the singular comes before or a name follows (ein Sprecher, Einsatzleiter Thomas Gruber)
_ROLES["de"] = regex.compile(
    r"(?:\b(?P<art>ein|dem|den|des|eines|einem|einen)\s+(?:\p{Ll}+\s+)?)?\b\p{Lu}\p{Ll}*"
    r"(?:leiter|sprecher|meister|direktor|präsident|minister|chef|lehrer|inhaber|besitzer|bauer|händler|trainer|"
    r"rentner|politiker|forscher|autor|fahrer|bewohner|nachbar|arzt|ärzt|anwalt|anwält|vorsteher|beamte)"
    r"(?P<fem>in)?\b(?P<name>\s+\p{Lu}\p{Ll}+)?")


def _role_gender(m, lang):
    if lang == "de":
        if m.group("fem"):
            return "f"
        return "m" if (m.group("art") or m.group("name")) else None
    return "m" if m.group("m") else "f"


#: words before a place (with those of find_people): prepositions of other languages
_PLACE_BEFORE = TRAVEL_WORDS | frozenset(
    "à em no na bei w we в во на из под från på till naar uit bij ze z ze".split())
#: Other languages: nouns of a person of either gender (u: a colleague, a neighbour, who
#: may be the one speaking) and feminine agent nouns (f: la restauradora, la directrice)
_OTHER_PEOPLE = {lang: regex.compile(pat, regex.IGNORECASE) for lang, pat in {
    "es": r"\b(?:(?P<f>(?:la|una)\s+\p{L}+(?:dora|tora|triz|esa))|colega|pareja|cónyuge|testigo|amistad)\b",
    "it": r"\b(?:(?P<f>(?:la|una|della|alla)\s+\p{L}+(?:trice|essa|iera))|collega|partner|coniuge|vicin[oaie])\b",
    "pt": r"\b(?:(?P<f>(?:a|uma|da)\s+\p{L}+(?:dora|tora|triz|esa))|colega|parceir[oa]|cônjuge|companheir[oa])\b",
    "fr": r"\b(?:(?P<f>(?:la|une)\s+\p{L}+(?:trice|euse|ière|esse))|collègue|partenaire|conjoint|proche|"
          r"voisin|voisine|ami|amie)\b",
    "de": r"\b(?:(?P<f>(?-i:\p{Lu}\p{Ll}*(?:erin|entin|antin|istin|orin|eurin|ärztin|Ärztin|ologin|eamtin)|Frau))|"
          r"Kollege|Partner|Nachbar|Freund|Person)\b",
    "nl": r"\b(?:(?P<f>buurvrouw|vriendin|collega's vrouw)|collega|partner|buur|buren|vriend|persoon|arts|dokter|kennis)\b",
    "sv": r"\b(?:(?P<f>väninna|grannfru)|granne|grannen|kollega|kollegan|vän|vännen|partner|person|läkare|lärare|sambo)\b",
    "ru": r"(?<!\p{L})(?:(?P<f>соседка|подруга|коллега-женщина|жена|мать|дочь|сестра|бабушка|медсестра)|коллега|сосед|"
          r"друг|знакомый|врач|партнёр|партнер)(?!\p{L})",
    "pl": r"(?<!\p{L})(?:(?P<f>sąsiadka|koleżanka|znajoma|żona|matka|córka|siostra|babcia|pani)|sąsiad|kolega|"
          r"znajomy|lekarz|partner|wspólnik)(?!\p{L})",
    "zh": r"朋友|同事|邻居|伙伴|同学",
}.items()}
#: a name right after a noun (two words between at most): the noun is that person's title
_APPOSED_NAME = regex.compile(r"\s+(?:\p{Ll}+\s+){0,2}\p{Lu}\p{Ll}+")
_SAINTS = frozenset("st st. saint san santa santo são sainte ste ste. sankt".split())
#: words after a name that make it a place or an institution (St Luke's Hospital)
_PLACE_NOUNS = frozenset(
    "hospital church cathedral chapel school college university street road avenue square park hall station airport "
    "bridge clinic infirmary abbey monastery basilica island bay valley".split())
_ST_BEFORE = regex.compile(r"(?:\b(?:St|Ste|Saint|Sainte|San|Santa|Santo|São|Sankt)\.?\s+)$")


def _not_a_person(text, person, para_start) -> bool:
    """A saint's name or a place named after someone: San Pedro, St Luke's Hospital."""
    words = [w.lower() for w in person.words]
    if words[0] in _SAINTS or words[-1] in _PLACE_NOUNS:
        return True
    return bool(_ST_BEFORE.search(text, max(para_start, person.start - 8), person.start))


_SURNAME_ENDINGS = {
    "ru": (("ов", "ев", "ёв", "ин", "ский", "цкий"), ("ова", "ева", "ёва", "ина", "ская", "цкая")),
    "pl": (("ski", "cki", "dzki"), ("ska", "cka", "dzka")),
}


def _surname_gender(word, lang):
    """Gender of a Russian or Polish surname by its ending (Семенов, Kamiński / Петрова, Nowacka)."""
    ends = _SURNAME_ENDINGS.get(lang)
    if ends is None or len(word) < 5:
        return None
    low = word.lower()
    if low.endswith(ends[1]):
        return "f"
    if low.endswith(ends[0]):
        return "m"
    return None


def _named_elsewhere(doc, surname):
    """Gender of the person whose full name (known first name + ``surname``) the document
    gives: 'Petrova said' after 'Olga Petrova'."""
    key = ("mta001-surnames",)
    table = doc.cache.get(key)
    if table is None:
        table = {}
        for m in _FULL_NAME.finditer(doc.text):
            fn = first_name(m.group(1))
            if fn and fn[0] in "mf":
                g0 = table.get(m.group(2))
                table[m.group(2)] = fn[0] if g0 in (None, fn[0]) else "u"
        doc.cache[key] = table
    g = table.get(surname)
    return g if g in ("m", "f") else None


_FULL_NAME = regex.compile(r"\b(\p{Lu}\p{Ll}+)\s+(?:\p{Lu}\p{Ll}+\s+)?(\p{Lu}\p{Ll}{2,})\b")


def _surname_repeats(text, person, p) -> int:
    """How many times the surname of ``person`` comes again in paragraph ``p``."""
    sur = person.words[-1]
    if len(sur) < 3:
        return 0
    return sum(1 for _ in regex.finditer(rf"\b{regex.escape(sur)}\b", text[person.end:p.end]))
_SPEECH_AFTER_NAME = regex.compile(
    r"(?P<name>\p{Lu}[\p{Ll}\p{M}]+)\s+(?:" + _SPEECH_ALT + r")\b|\b(?:says|said|told|added|explained)\s+"
    r"(?P<name2>\p{Lu}[\p{Ll}\p{M}]+)"
)


class _Facts:
    """What one paragraph tells about the people in it: its pronouns (offsets, dangling
    left out; found at once, cheaply) and, on first use, the people it names: ``named``
    (names and gendered nouns by gender) and ``unknown`` (a person of unknown gender: a
    name not in the lexicon, "the doctor")."""

    __slots__ = ("pronouns", "_people", "_named", "_unknown", "_plural", "_sets")

    def __init__(self, pronouns: Optional[dict] = None, people: Optional[Callable] = None):
        self.pronouns = pronouns if pronouns is not None else {"m": [], "f": []}
        self._people = people  # () -> (named, unknown), or None: nobody named
        self._named: Optional[dict] = None
        self._unknown = False
        self._plural = False
        self._sets: dict = {}

    def _load(self) -> None:
        if self._people is None:
            self._named = {"m": 0, "f": 0}
        else:
            self._named, self._unknown, self._plural = self._people()
            self._people = None

    @property
    def named(self) -> dict:
        if self._named is None:
            self._load()
        return self._named

    @property
    def unknown(self) -> bool:
        if self._named is None:
            self._load()
        return self._unknown

    @property
    def plural(self) -> bool:
        """A group of people of unknown gender ("his teachers")."""
        if self._named is None:
            self._load()
        return self._plural

    def pronoun_set(self, g: str) -> set:
        s = self._sets.get(g)
        if s is None:
            s = self._sets[g] = set(self.pronouns[g])
        return s


def _paragraph_attributions(text: str, p) -> list:
    """The attributions ``(match, shape)`` of paragraph ``p`` (shape: quote / reported)."""
    if p.lang == "en":
        cands = [(m, "quote") for m in _EN_QUOTE_ATTR.finditer(text, p.start, p.end)]
        quoted = {m.start(g) for m, _ in cands for g in ("pron", "pron2") if m.group(g)}
        cands += [(m, "reported") for m in _EN_REPORTED.finditer(text, p.start, p.end)
                  if m.start("pron") not in quoted]
        return cands
    if p.lang in _OTHER_ATTR:
        return [(m, "quote") for m in _OTHER_ATTR[p.lang][0].finditer(text, p.start, p.end)]
    return []


def _attributions(doc, langs=None) -> dict:
    """paragraph index -> its attributions (:func:`_paragraph_attributions`), for the
    paragraphs that have some. Each pattern scans the whole text once (most paragraphs have
    none) and its matches are sorted into paragraphs. That gives the per-paragraph matches
    as long as no match crosses a paragraph's edge (the patterns look no further than the
    words they match, and each paragraph is trimmed); when one does, every paragraph is
    scanned on its own."""
    paras = doc.paragraphs
    text = doc.text
    if langs is None:
        langs = _attribution_languages(doc)
    patterns = [(lang, pat) for lang in sorted(langs)
                for pat in ((_EN_QUOTE_ATTR, _EN_REPORTED) if lang == "en" else (_OTHER_ATTR[lang][0],))]
    hits: dict[tuple, list] = {}  # (paragraph, pattern) -> matches
    for lang, pat in patterns:
        for m in pat.finditer(text):
            p = doc.paragraph_at(m.start())
            if p is None or m.end() > p.end:
                return _attributions_by_paragraph(doc)  # a match across an edge: the slow way
            if p.lang == lang:
                hits.setdefault((p.index, pat), []).append(m)
    out: dict[int, list] = {}
    for i in sorted({i for i, _ in hits}):
        if paras[i].lang == "en":
            cands = [(m, "quote") for m in hits.get((i, _EN_QUOTE_ATTR), ())]
            quoted = {m.start(g) for m, _ in cands for g in ("pron", "pron2") if m.group(g)}
            cands += [(m, "reported") for m in hits.get((i, _EN_REPORTED), ()) if m.start("pron") not in quoted]
        else:
            cands = [(m, "quote") for m in hits[(i, _OTHER_ATTR[paras[i].lang][0])]]
        if cands:
            out[i] = cands
    return out


def _attribution_languages(doc) -> set:
    """The languages of the paragraphs that may hold an attribution: those with patterns,
    less those whose cue (:data:`_ATTR_CUES`) the document lacks."""
    langs = {p.lang for p in doc.paragraphs if p.lang == "en" or p.lang in _OTHER_ATTR}
    if langs:
        low = doc.lowered
        langs = {lang for lang in langs if any(cue.search(low) for cue in _ATTR_CUES[lang])}
    return langs


def _attributions_by_paragraph(doc) -> dict:
    out = {}
    for p in doc.paragraphs:
        cands = _paragraph_attributions(doc.text, p)
        if cands:
            out[p.index] = cands
    return out


class GenderFlip(lint.Rule):
    """A person referred to with pronouns of both genders in one passage, the minority being
    the error: a paragraph about one man (``he``, ``his``, ``him``; no woman named or
    mentioned in it or the paragraph before) whose quotation is attributed ``“...,” she
    says``; or ``Olga Petrova ... she ... he added``. Translation from a pro-drop language
    (Spanish ``dice``, Italian ``ha detto``, genderless ``su``/``suo``) makes the machine
    guess the pronoun. The rule tracks the people a paragraph introduces: first names by
    gender (Russian, Italian, Spanish, Portuguese, English, German, French, Turkish,
    Kazakh...), gendered nouns and titles (sister, wife, Mrs, man), and anyone of unknown
    gender (an unknown name, ``the doctor``), which keeps a passage clean. English is covered
    in full; Spanish, Italian, Portuguese, French and German through explicit attributions
    (``dice ella``, ``ha detto lei``, ``disse ela``, ``a-t-elle dit``, ``sagt sie``)."""

    code = "MTA001"
    name = "gender-flip"
    severity = "warning"
    languages = ("en", "es", "it", "pt", "fr", "de", "nl", "sv", "ru", "pl", "zh")
    summary = "pronoun gender flips for one person (he ... “...,” she says)"
    fix = "unsafe"
    fix_hint = "Use the pronoun of the person quoted (he says / she says), as in the rest of the passage."
    confidence = 0.65
    matches = (
        lint.Example("According to him, his departure was a kind of protest, although he had never "
                     "marched before. “He wanted out of the system at last,” she says.", "en", covers="she says"),
        lint.Example("Olga Petrova has run the library since 2015. She opens it at eight every day, and "
                     "she knows every reader. The city stopped paying for books last year, he added.", "en",
                     covers="he added"),
        lint.Example("Marco Bianchi ha lasciato Milano a marzo. Lui non voleva partire, ma lui aveva paura. "
                     "“Non avevo scelta”, ha detto lei.", "it", covers="lei"),
        lint.Example("Juan Pérez salió de Moscú en marzo. Él no quería irse, pero él tenía miedo. "
                     "“No tenía opción”, dijo ella.", "es", covers="ella"),
        lint.Example("Pierre Martin a quitté Paris en mars. « Je n'avais pas le choix », dit-il. "
                     "« J'avais peur », ajoute-t-elle.", "fr", covers="ajoute-t-elle"),
        lint.Example("João Pereira saiu de Lisboa em março. Ele não queria partir. “Não tinha escolha”, disse ele. "
                     "“Tive medo”, disse ela.", "pt", covers="ela"),
        lint.Example("Thomas Berger verließ Berlin im März. „Ich hatte keine Wahl“, sagt er. „Ich hatte Angst“, "
                     "sagt sie.", "de", covers="sie"),
        # a known first name, a gendered title, a past-tense verb or the other pronoun is the evidence
        lint.Example("Dirk Jansen runt sinds 2010 een bakkerij in Gouda. Hij staat elke dag om vier uur op. "
                     "“Het brood moet om zeven uur klaar zijn”, zegt ze.", "nl", covers="zegt ze"),
        lint.Example("Lars Holm har drivit gården i trettio år. Han vill inte sälja. ”Marken har varit i släkten "
                     "sedan 1850”, säger hon.", "sv", covers="säger hon"),
        lint.Example("Главный врач больницы Сергей Кузнецов признал, что коек не хватает. «Мы работаем на пределе», "
                     "— сказала она.", "ru", covers="сказала она"),
        lint.Example("Prezes spółki Tomasz Wiśniewski przyznał, że plan jest opóźniony. „Zabrakło nam ludzi” – "
                     "powiedziała.", "pl", covers="powiedziała"),
        lint.Example("王建国在这家工厂工作了二十年。他说，工资一直没有涨过。“我们只想要一个说法，”她说。", "zh", covers="她说"),
        lint.Example("El director del museo, Ramón Ortega, presentó la nueva sala. «Tardamos tres años en "
                     "restaurarla», afirmó ella.", "es", covers="ella"),
        lint.Example("Stationsleiter Jürgen Maier zeigte die neuen Räume. „Wir haben lange darauf gewartet“, sagte sie.",
                     "de", covers="sie"),
        lint.Example("Olivier Dupont tient la boulangerie depuis vingt ans. Il ouvre à six heures. « Le pain "
                     "n'attend pas », explique-t-elle.", "fr", covers="explique-t-elle"),
        lint.Example("Giuseppe Ferri, 64 anni, pesca nel lago da quando era bambino. «Il lago non è più lo stesso», "
                     "racconta lei. Ferri ha venduto la barca.", "it", covers="lei"),
        lint.Example("Rafael Costa, de 52 anos, abriu a oficina em 1998. \"Nunca pensei fechar as portas\", disse ela. "
                     "Costa quer agora reformar-se.", "pt", covers="ela"),
        lint.Example("Dr. Rajesh Menon showed us round St Anne's Hospital. He was proud of the new wing. "
                     "\"We waited ten years for this,\" she said.", "en", covers="she said"),
        lint.Example("(Photo: Maria Lopez/Reuters)\n\nMore than 300 people were moved out. Tom Ward, a farmer, "
                     "left his house with his dog. \"The smoke was everywhere,\" she said.", "en", covers="she said"),
    )
    no_matches = (
        lint.Example("He left in May with his sister. “He wanted out,” she says.", "en"),
        lint.Example("His mother was worried. According to him, he had no choice. “He wanted out,” she says.", "en"),
        lint.Example("He left in May, and his friends followed him. “He wanted out,” Kowalska said, and she smiled.",
                     "en"),
        lint.Example("Anna met him in 2019. He was a teacher then and he still is. “He is kind,” she says.", "en"),
        lint.Example("He left in May. His departure surprised his neighbour. “He wanted out,” she says.", "en"),
        lint.Example("Olga Petrova has run the library since 2015. She opens it at eight. The mayor "
                     "cut the budget, he added.", "en"),
        lint.Example("“I left,” he says. “She stayed,” he adds about his wife.", "en"),
        lint.Example("He fled. He was afraid.\n\nShe stayed in Moscow with her children. “I could not leave,” she says.",
                     "en"),
        lint.Example("Marco ha lasciato Milano. “Non avevo scelta”, ha detto lui.", "it"),
        lint.Example("Juan y su esposa salieron de Moscú. Él no quería irse. “No tenía opción”, dijo ella.", "es"),
        lint.Example("João e a mulher saíram de Lisboa. “Não tinha escolha”, disse ele. “Tive medo”, disse ela.", "pt"),
        lint.Example("Anna Berger verließ Berlin. „Ich hatte keine Wahl“, sagt sie. „Ich hatte Angst“, sagt sie.", "de"),
        # a woman named or mentioned near the man: the quotation may be hers
        lint.Example("Dirk Jansen runt een bakkerij in Gouda. Hij staat om vier uur op. Zijn vrouw Anja doet de winkel. "
                     "“Het brood moet op tijd klaar zijn”, zegt ze.", "nl"),
        lint.Example("Marco Rossi ha chiuso il negozio a marzo. «Non ce la facevo più», ha detto. «Era ora», dice "
                     "Anna, sua vicina, e lei sorride.", "it"),
        lint.Example("Главный врач Сергей Кузнецов уехал в Москву. Его заместитель Ольга Белова осталась. "
                     "«Мы справимся», — сказала она.", "ru"),
        lint.Example("Prezes Tomasz Wiśniewski przyznał, że plan jest opóźniony. Jego zastępczyni Anna Nowak była "
                     "innego zdania. „Zdążymy” – powiedziała.", "pl"),
        lint.Example("王建国在这家工厂工作了二十年。他的妻子也在这里上班。“我们只想要一个说法，”她说。", "zh"),
        lint.Example("El director Ramón Ortega presentó la sala junto a la restauradora. «Tardamos tres años», "
                     "afirmó ella.", "es"),
        lint.Example("Karim Benali conduit des bus depuis quinze ans. Il dit que sa collègue Sophie a été agressée. "
                     "« On a peur », explique-t-elle.", "fr"),
        # reported speech about someone else of either gender (a neighbour)
        lint.Example("Lars Holm driver gården. Han säger att hans granne vill sälja. ”Det är dumt”, säger hon.", "sv"),
        # names given to both genders, or male in one language and female in another
        lint.Example("Andrea Bianchi guida l'azienda dal 2015. Lui ha assunto venti persone. «Siamo cresciuti», "
                     "ha detto lui.", "it"),
        lint.Example("Andrea Weber leitet die Bäckerei seit 2015. „Wir sind gewachsen“, sagt sie.", "de"),
        lint.Example("Jean Moreau dirige l'atelier. « Nous avons tout refait », explique-t-elle.", "fr"),
        lint.Example("Sasha Ivanova founded the firm. Her partner Mark Hill joined later. \"We grew fast,\" she says. "
                     "He smiled.", "en"),
        # the other gender inside the quotation: someone the speaker talks about
        lint.Example("Главный врач Сергей Кузнецов признал, что коек не хватает. «Она работает без выходных», — "
                     "сказал он о медсестре Анне.", "ru"),
        lint.Example("\"She was braver than me,\" Tom Baker said of his rival. He had lost in three sets. \"I will "
                     "be back,\" he added.", "en"),
        lint.Example("李明说，他的母亲每天都来。“她总是很早就到，”他说。", "zh"),
    )

    def check(self, doc):
        paras = doc.paragraphs
        facts: dict[int, _Facts] = {}

        def get(i):
            f = facts.get(i)
            if f is None:
                f = facts[i] = self._facts(doc, paras[i])
            return f

        def near(i, lang, step, n):
            """Up to n paragraphs of ``lang`` from i in direction step, captions, bylines and
            headlines (title paragraphs) left out."""
            out = []
            k = i + step
            while 0 <= k < len(paras) and len(out) < n:
                q = paras[k]
                if q.lang != lang:
                    break
                if q.kind != "title":
                    out.append(k)
                k += step
            return out

        text = doc.text
        langs = _attribution_languages(doc)
        if not langs:
            return  # no attribution anywhere: nothing to check
        found = _attributions(doc, langs)
        for i in sorted(found):
            p = paras[i]
            lang = p.lang
            cands = found[i]
            cur = get(i)
            before = near(i, lang, -1, 3)
            after = near(i, lang, 1, 1)
            prev = get(before[0]) if before else _Facts()
            nxt = get(after[0]) if after else _Facts()
            # The tests below are pure and all must pass: those on the pronouns alone (cheap)
            # go first, and a paragraph where no attribution passes them is left before
            # anybody named in it (or near it) is looked for.
            if not any(self._pronouns_allow(m, shape, lang, cur, prev) for m, shape in cands):
                continue
            # anyone of unknown gender here (or, in English, in the paragraph before or the
            # one after) could be the one speaking; so could one of a group named here ("his
            # teachers"), but not one of a group further away ("4,000 people were evacuated")
            if cur.unknown or cur.plural or (lang == "en" and (prev.unknown or nxt.unknown)):
                continue
            for m, shape in cands:
                g, grp = _attr_gender(m, lang)
                o = "m" if g == "f" else "f"
                a0, a1 = _attr_span(m)
                # a person of the attribution's gender in this paragraph, in the three before
                # or in the next one makes the attribution plausible
                if cur.named[g] or _outside(cur.pronouns[g], a0, a1):
                    continue
                if any(get(k).named[g] or get(k).pronouns[g] for k in before) or nxt.named[g] or nxt.pronouns[g]:
                    continue
                if lang == "zh" and len((_ZH_F if g == "f" else _ZH_M).findall(text)) > 1:
                    continue  # the pronoun elsewhere in the document: Chinese names tell no gender
                po = len(cur.pronouns[o]) + len(prev.pronouns[o])
                if lang == "en" and shape == "quote":
                    ok = len(cur.pronouns[o]) >= 2 or (len(cur.pronouns[o]) >= 1 and cur.named[o] >= 1)
                elif lang == "en":
                    # reported speech: the other gender must be named, and backed by another mention
                    evidence = cur.named[o] + prev.named[o] + po
                    ok = (cur.named[o] + prev.named[o]) >= 1 and evidence >= 2
                elif lang == "zh":
                    # no gender in Chinese names: the other pronoun for the one speaking just before
                    ok = bool(_outside([x for x in cur.pronouns[o] if x < a0], a0, a1)) or po >= 2
                else:
                    # a language where pronouns are rare: the other gender named here or just
                    # before (a first name, a gendered title or noun), backed by another mention
                    if o == "f" and lang in _WEAK_FEMALE:
                        po = 0   # German 'sie', Dutch 'ze' are also 'they'
                    named_o = cur.named[o] + prev.named[o]
                    if prev.unknown and not cur.named[o]:
                        continue  # the one named just before, next to someone of unknown gender
                    ok = named_o >= 1 and named_o + po + nxt.named[o] >= 2
                if not ok:
                    continue
                if lang == "en":
                    start, end = (m.start("attr") if shape == "quote" else m.start()), m.end()  # "she says"
                elif lang == "fr":
                    start, end = m.start(), m.end()   # "ajoute-t-elle"
                elif lang in ("ru", "pl"):
                    start, end = a0, a1   # "сказала она", "powiedziała"
                else:
                    start, end = m.start(grp), m.end(grp)
                suggestion = _swapped(text, m, lang, start, end)
                other = {"m": "he/his/him", "f": "she/her"}[o] if lang == "en" else {"m": "male", "f": "female"}[o]
                pron = text[start:end]
                yield self.finding(
                    doc, start, end,
                    f"'{pron}' for a person the passage refers to as {other} (no other "
                    f"{'woman' if g == 'f' else 'man'} in it): a pronoun gender flip?",
                    suggestion=suggestion,
                    confidence=0.65 if shape == "quote" and lang == "en" else 0.5,
                )

    @staticmethod
    def _pronouns_allow(m, shape, lang, cur, prev) -> bool:
        """The tests of the loop in :meth:`check` on the pronouns alone: False when they
        rule the attribution ``m`` out."""
        g, _ = _attr_gender(m, lang)
        o = "m" if g == "f" else "f"
        a0, a1 = _attr_span(m)
        if _outside(cur.pronouns[g], a0, a1):
            return False
        if lang == "en" and shape == "quote":
            return len(cur.pronouns[o]) >= 1
        if lang == "zh":
            return len(cur.pronouns[o]) + len(prev.pronouns[o]) >= 1
        return True

    # -- what a paragraph says about people ---------------------------------------------
    def _facts(self, doc, p) -> _Facts:
        text = doc.text
        pronouns: dict = {"m": [], "f": []}
        lang = p.lang
        if lang == "en":
            dangling = {m.start("obj") for m in dangling_speech_objects(text, p.start, p.end)}
            for m in _EN_PRONOUNS.finditer(text, p.start, p.end):
                if m.start() in dangling:
                    continue
                pronouns["m" if m.group("m") else "f"].append(m.start())
        elif lang in _OTHER_PRONOUNS:
            for m in _OTHER_PRONOUNS[lang].finditer(text, p.start, p.end):
                pronouns["m" if m.group("m") else "f"].append(m.start())
        return _Facts(pronouns, lambda: self._people(doc, p))

    @staticmethod
    def _people(doc, p) -> tuple[dict, bool, bool]:
        """(named, unknown, plural) of paragraph ``p`` (see :class:`_Facts`)."""
        text = doc.text
        lang = p.lang
        named = {"m": 0, "f": 0}
        unknown = plural = False
        # gendered nouns and titles
        for m in _noun_matcher(lang).finditer(text, p.start, p.end):
            word = m.group()
            if word == "miss":
                continue  # the verb
            g = person_noun(word, lang)
            many = False
            if g is None and word.lower().endswith("s"):
                g = person_noun(word[:-1], lang)  # teachers, neighbours
                many = True
            if g in ("m", "f"):
                named[g] += 1
            elif g == "u" and not _PREDICATE.search(text, max(p.start, m.start() - 40), m.start()):
                if many:
                    plural = True
                else:
                    unknown = True
        role = _ROLES.get(lang)
        if role is not None:
            for m in role.finditer(text, p.start, p.end):
                g = _role_gender(m, lang)
                if g:
                    named[g] += 1
        extra = _OTHER_PEOPLE.get(lang)
        if extra is not None:
            for m in extra.finditer(text, p.start, p.end):
                if m.group("f"):
                    named["f"] += 1   # la restauradora, sa voisine, соседка
                elif not _APPOSED_NAME.match(text, m.end(), min(p.end, m.end() + 60)):
                    unknown = True    # a colleague, a neighbour: either gender (not 'врач Сергей ...')
        if lang == "zh":
            named["f"] += len(_ZH_FEMALE.findall(text, p.start, p.end))
            named["m"] += len(_ZH_MALE.findall(text, p.start, p.end))
        # names
        for person in find_people(text, p.start, p.end, lang, _PLACE_BEFORE):
            if _not_a_person(text, person, p.start):
                continue
            gender = person.gender
            if gender is None:
                gender = _surname_gender(person.words[-1], lang) or _named_elsewhere(doc, person.words[-1])
            if gender in ("m", "f"):
                named[gender] += 1
                if len(person.words) >= 2:  # the surname again: "Greco ha dovuto..."
                    named[gender] += _surname_repeats(text, person, p)
            else:
                unknown = True   # "Aizhan Mazaliyeva", "Kowalczyk", "Alex": gender unknown
        for m in _SPEECH_AFTER_NAME.finditer(text, p.start, p.end):
            name = m.group("name") or m.group("name2")
            if name.lower() in NOT_NAMES or first_name(name):
                continue
            if lang == "en" and lint.zipf(name, "en") >= 4.5:
                continue
            if _named_elsewhere(doc, name):
                continue   # "Marchetti said" after "Elena Marchetti"
            unknown = True   # "Kowalska said": someone of unknown gender speaks
        return named, unknown, plural

#: a person noun that describes someone already there ("works as a trainer", "he is a
#: doctor", ", a teacher,") rather than introducing someone new
_PREDICATE = regex.compile(
    r"(?:\b(?:as|is|was|be|been|being|became|become|becomes|am|are|were|remains|remained|"
    r"è|era|es|fue|é|foi|est|était|ist|war|come|como|comme|als)\s+"
    r"(?:an?|the|un|una|uno|un'|um|uma|une|ein|eine|einen)?\s*"
    r"|,\s*(?:an?|un|una|uno|un'|um|uma|une|ein|eine|einen)\s+)(?:[\w'-]+\s+){0,2}$",
    regex.IGNORECASE,
)
_MATCHERS: dict[str, lint.PhraseMatcher] = {}


def _noun_matcher(lang: str) -> lint.PhraseMatcher:
    m = _MATCHERS.get(lang)
    if m is None:
        words = {w: 1 for w in person_nouns(lang)}
        if lang == "en":  # plurals of the ungendered ones: "his teachers" may include a woman
            words.update({w + "s": 1 for w in person_nouns(lang, "u") if not w.endswith("s")})
        m = _MATCHERS[lang] = lint.PhraseMatcher(words)
    return m


