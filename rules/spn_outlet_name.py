"""SPN004 spun-outlet-name: a news outlet's name rewritten by a spinner.

>>> import lint
>>> text = "She told NBC Development on Monday. Like others NBC Reports spoke with, she left."
>>> [f.text for f in lint.check_text(SpunOutletName(), text, "en")]
['NBC Development', 'NBC Reports']
"""
from __future__ import annotations

import lint

from . import _spn_common as spn


class SpunOutletName(lint.Rule):
    """Reports spun names of well-known news outlets: a spinner treats 'News' in 'NBC
    News' as an ordinary word and swaps it for a synonym, often differently each time, so
    the same article cites 'NBC Development' and then 'NBC Reports'; it also turns 'The
    Washington Post' into 'Arizona Blog post' and 'Associated Press' into 'Associated
    Push'. A synonym that no real outlet uses ('Development', 'Information', 'Tidings') is
    reported alone; one that real programmes use ('CBS Reports', 'Headlines') only when the
    same outlet appears with two different variants in the text. 'NBC News', 'BBC Sport',
    'CNN International' and 'ABC Television' are real names and never reported.
    """

    code = "SPN004"
    name = "spun-outlet-name"
    severity = "warning"
    languages = None
    summary = "news outlet name rewritten by a spinner"
    fix_hint = "Write the outlet's real name (usually '<outlet> News')."
    fix = "unsafe"
    confidence = 0.5
    matches = (
        lint.Example("A man told NBC Development in Almaty. Like others NBC Reports spoke with, he left.", "en",
                     covers="NBC Development"),
        lint.Example("According to the Arizona Blog post, the talks failed.", "en", covers="Arizona Blog post"),
        lint.Example("Un uomo ha detto a CNN Information che è partito.", "it", covers="CNN Information"),
        lint.Example("Un hombre dijo a BBC Development que se fue.", "es", covers="BBC Development"),
    )
    no_matches = (
        lint.Example("He told NBC News and BBC Sport, then CNN International and ABC Television.", "en"),
        lint.Example("The documentary aired on CBS Reports last year.", "en"),
        lint.Example("Un uomo ha detto a NBC News che è partito.", "it"),
    )

    def check(self, doc):
        yield from spn.findings(self, doc, spn.OUTLET)
