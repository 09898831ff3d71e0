"""SPN005 spin-density: a document whose text is dense with spinner output.

>>> import lint
>>> clean = "Turn left and you will see the station. She has a keen interest in art."
>>> lint.check_text(SpinDensity(), clean, "en")
[]
"""
from __future__ import annotations

import lint

from . import _spn_common as spn


class SpinDensity(lint.Rule):
    """Reports a whole document as spun when the hits of SPN001-SPN004 (spinner phrases,
    tortured phrases, spun numbers, spun outlet names) are dense: at least three different
    substitutions and a weighted density of about five per 1,000 words, a rate no clean
    text reaches by accident. Each hit alone may be ambiguous ('a great', 'told you',
    'moms and dads' all have innocent uses), and one innocent match in a clean text must
    not condemn it; many distinct ones in one text do. The confidence grows with the
    density. The finding spans the first paragraph and gives the count and density.

    The hits are computed once per document and shared with the other SPN rules (see
    ``rules/_spn_common.py``), so this rule costs nothing extra and does not depend on the
    order in which rules run.
    """

    code = "SPN005"
    name = "spin-density"
    severity = "error"
    languages = ("en", "it", "es", "fr", "de", "pt", "nl")
    summary = "text dense with spinner substitutions (spun document)"
    fix_hint = "Do not publish or train on this text: find the original it was spun from."
    fix = None
    confidence = 0.7
    matches = (
        lint.Example(
            "The young men should wade household eventually. “Personally i think really sad,” a man told you "
            "inside halting English. He was a juggler and you will a street performer, and fears the results "
            "out-of defying the order. Putin enjoys guaranteed his people that three hundred,000 men will do.",
            "en", covers="wade household"),
        lint.Example(
            "Abbiamo usato l'intelligenza contraffatta e il bosco irregolare, poi la ricaduta lineare e la "
            "delusione renale per trecento.000 pazienti. Vende pane e potrai il formaggio.", "it"),
        lint.Example(
            "Usamos la inteligencia falsa, el bosque irregular y la recaída lineal con la decepción renal en "
            "trescientos.000 pacientes. Huyeron a Mongolia y podrás la Georgia.", "es"),
    )
    no_matches = (
        lint.Example("Turn left and you will see the station. I told you so. She has a keen interest in art, "
                     "and her moms and dads club meets on Friday.", "en"),
        lint.Example("Abbiamo usato l'intelligenza artificiale e la foresta casuale su 300.000 pazienti.", "it"),
        lint.Example("We trained a random forest and one profound learning model on two or three data sets.", "en"),
    )

    def check(self, doc):
        hits = spn.spn_hits(doc)
        if not hits.dense:
            return
        paras = [p for p in doc.paragraphs if p.kind in ("text", "quote", "list")] or doc.paragraphs
        if not paras:
            return
        first = paras[0]
        n = len(hits.all())
        yield self.finding(
            doc, first.start, first.end,
            f"spun text: {n} spinner substitutions ({hits.distinct} different) in {doc.word_count} words, "
            f"weighted density {hits.density:.1f} per 1,000 words",
            confidence=spn.density_confidence(hits))
