"""SPN003 spun-number: numbers half rewritten into words by a spinner.

>>> import lint
>>> [f.text for f in lint.check_text(SpunNumber(), "The army enlists three hundred,000 men.", "en")]
['three hundred,000']
"""
from __future__ import annotations

import lint

from . import _spn_common as spn


class SpunNumber(lint.Rule):
    """Reports numbers a spinner rewrote piece by piece: a number word glued to a
    thousands group ('three hundred,000' for '300,000') or a digit and a number word in
    one pair ('2 or three days', 'due o 3'), both under ten, so that no house style
    (which spells out one to nine and writes 10 and up in digits: 'nine or 10' is fine)
    explains the mix; a digit group followed by a spelled-out group of hundreds
    ('5,two hundred' for '5,200'); a currency sign glued to a number word ('£fifteen').
    'one or two', '2 or 3', 'three 100-metre races' and 'Formula One
    2023' are left alone.
    """

    code = "SPN003"
    name = "spun-number"
    severity = "warning"
    languages = ("en", "it", "es", "fr", "de", "pt", "nl")
    summary = "number partly rewritten in words by a spinner"
    fix_hint = "Write the number one way: all digits ('300,000') or all words."
    fix = "unsafe"
    confidence = 0.5
    matches = (
        lint.Example("The army enlists three hundred,000 more men.", "en", covers="three hundred,000"),
        lint.Example("Most are not planning more than 2 or three days ahead.", "en", covers="2 or three"),
        lint.Example("Servono trecento.000 euro per finire i lavori.", "it", covers="trecento.000"),
        lint.Example("Se quedarán 2 o tres días más.", "es", covers="2 o tres"),
        lint.Example("Ils restent deux ou 3 jours.", "fr", covers="deux ou 3"),
        lint.Example("The vacuum sells for 5,two hundred rupees in most shops.", "en", covers="5,two hundred"),
        lint.Example("The ticket now costs £fifteen at the door.", "en", covers="£fifteen"),
        lint.Example("Servono 4,trecento euro per finire i lavori.", "it", covers="4,trecento"),
    )
    no_matches = (
        lint.Example("Take one or two pills, or 2 or 3 if the pain persists.", "en"),
        lint.Example("She won three 100-metre races and watched Formula One 2023.", "en"),
        lint.Example("Rate it on a scale of one to 10; nine or 10 is best.", "en"),
        lint.Example("Servono 300.000 euro per due o tre anni.", "it"),
        lint.Example("Se quedarán dos o tres días, o 2 o 3 semanas.", "es"),
        lint.Example("The scores were 3,5,7 and tickets cost £15, or see item 4,one of the list.", "en"),
    )

    def check(self, doc):
        yield from spn.findings(self, doc, spn.NUMBER)
