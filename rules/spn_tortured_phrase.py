"""SPN002 tortured-phrase: established terms replaced by synonyms.

>>> import lint
>>> [f.suggestion for f in lint.check_text(TorturedPhrase(), "They should wade household soon.", "en")]
['go home']
"""
from __future__ import annotations

import lint

from . import _spn_common as spn


class TorturedPhrase(lint.Rule):
    """Reports 'tortured phrases': fixed terms whose words a paraphrasing tool replaced
    one by one with synonyms, so that 'artificial intelligence' becomes 'counterfeit
    consciousness', 'deep learning' 'profound learning', 'random forest' 'irregular
    woodland', 'breast cancer' 'bosom disease', 'kidney failure' 'kidney disappointment',
    'signal to noise' 'flag to clamor' and 'go home' 'wade household'.

    The lexicon (``lexicons/spn/tortured_phrases.tsv``, several hundred entries, after the
    Problematic Paper Screener of Cabanac, Labbé and Magazinov, 2021) gives the correction
    and a domain (cs, engineering, statistics, medicine, business, finance, dating,
    general). A tortured phrase is strong evidence that a text was paraphrased by machine
    to evade plagiarism detection; still, one hit alone is scored low (a few entries have
    rare innocent uses), and several make SPN005 report the whole document.
    """

    code = "SPN002"
    name = "tortured-phrase"
    severity = "warning"
    languages = ("en", "it", "es", "fr", "de", "pt")
    summary = "established term replaced by synonyms (tortured phrase)"
    fix_hint = "Replace the tortured phrase with the established term (the suggestion)."
    fix = "unsafe"
    confidence = 0.45
    matches = (
        lint.Example("Most of them should wade household eventually.", "en", covers="wade household"),
        lint.Example("We train a counterfeit consciousness model with profound learning models.", "en",
                     covers="counterfeit consciousness"),
        lint.Example("Patients with kidney disappointment and bosom disease were excluded.", "en",
                     covers="kidney disappointment"),
        lint.Example("The signal was weak: the flag to clamor ratio dropped.", "en", covers="flag to clamor"),
        lint.Example("Usamos un bosque irregular y una inteligencia falsa para clasificar.", "es",
                     covers="bosque irregular"),
        lint.Example("Le renseignement artificiel aide à prédire la déception rénale.", "fr",
                     covers="renseignement artificiel"),
        lint.Example("Abbiamo usato l'intelligenza contraffatta per il bosco irregolare.", "it",
                     covers="intelligenza contraffatta"),
    )
    no_matches = (
        lint.Example("We trained a random forest and a deep learning model on big data.", "en"),
        lint.Example("It was a profound learning experience for all of us.", "en"),
        lint.Example("He held the child to his bosom and went home.", "en"),
        lint.Example("Usamos un bosque aleatorio y la inteligencia artificial.", "es"),
        lint.Example("L'intelligence artificielle aide à prédire l'insuffisance rénale.", "fr"),
        lint.Example("Abbiamo usato l'intelligenza artificiale e la foresta casuale.", "it"),
    )

    def check(self, doc):
        yield from spn.findings(self, doc, spn.TORTURED)
