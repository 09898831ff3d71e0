"""INJ001 foreign-keyword: words of another language dropped into a sentence.

>>> import lint
>>> text = "The mobilization last month to buttress badoo incelemeleri his forces sparked an exodus."
>>> [f.text for f in lint.check_text(ForeignKeyword(), text, "en")]
['badoo incelemeleri']
"""
from __future__ import annotations

import lint

from . import _inj_common as inj


class ForeignKeyword(lint.Rule):
    """Reports a run of one to four words that do not exist in the paragraph's language
    but are common words of another one, sitting inside a sentence of that paragraph:
    the mark of a spam network that pastes its keywords (often a brand followed by a
    word such as Turkish 'incelemeleri', 'reviews') into text it republishes, to rank
    another site. 'to buttress badoo incelemeleri his forces' is reported in English;
    so is an English keyword in an Italian sentence, or Cyrillic in Latin-script text.

    Foreign words that belong in clean text are left alone: names (capitalised), words
    in quotation marks or brackets, titles and headings, loanwords the paragraph's
    language knows ('paella', 'zeitgeist'), and paragraphs that are largely in another
    language (a language switch, not an injection). Covers English, Italian, Spanish,
    French, German, Portuguese, Dutch, Polish, Turkish and Russian, in every direction.
    """

    code = "INJ001"
    name = "foreign-keyword"
    severity = "warning"
    languages = inj.PARAGRAPH_LANGUAGES
    summary = "words of another language injected into a sentence"
    fix_hint = "Delete the injected keyword (and the link it usually carried)."
    fix = None
    confidence = 0.55
    matches = (
        lint.Example("The mobilization last month to buttress badoo incelemeleri his forces sparked an exodus of men.",
                     "en", covers="incelemeleri"),
        lint.Example("Il governo ha deciso di aumentare yorumları le tasse sulla casa per tutti i cittadini.", "it",
                     covers="yorumları"),
        lint.Example("El gobierno decidió aumentar siteleri los impuestos sobre la vivienda este año.", "es",
                     covers="siteleri"),
        lint.Example("The government decided to raise казино taxes on housing for all citizens this year.", "en",
                     covers="казино"),
        lint.Example("Уряд вирішив підвищити податки juegos de casino gratis на житло для всіх громадян.", "uk",
                     covers="juegos de casino gratis"),
    )
    no_matches = (
        lint.Example("We ordered paella and a glass of vino at the restaurant, a real zeitgeist moment.", "en"),
        lint.Example("The Turkish word “incelemeleri” means reviews, as in the title of the page.", "en"),
        lint.Example("He runs a shop called Badoo Incelemeleri in the city centre near the station.", "en"),
        lint.Example("Il ristorante serve una paella ottima e il vino della casa è buono.", "it"),
        lint.Example("Rüzgar çıkınca pilot herkesin balona binmesini yasakladı ve tur iptal edildi.", "tr"),
        lint.Example("Він сказав, що це просто «ничего страшного», і пішов додому пішки.", "uk"),
        lint.Example("The motto (per aspera ad astra) was carved above the door of the old school.", "en"),
    )

    def check(self, doc):
        for run in inj.foreign_runs(doc):
            words = ", ".join(f"'{w}'" for w in run.words)
            yield self.finding(
                doc, run.start, run.end,
                f"foreign keyword: {inj.NAMES.get(run.foreign, run.foreign)} {words} inside a "
                f"{inj.NAMES.get(run.lang, run.lang)} sentence",
                confidence=run.confidence)
