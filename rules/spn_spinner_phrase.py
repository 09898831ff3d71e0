"""SPN001 spinner-phrase: the substitutions article spinners make, matched in context.

>>> import lint
>>> [f.text for f in lint.check_text(SpinnerPhrase(), "The exodus sparked an enthusiastic exodus out-of the country.", "en")]
['an enthusiastic', 'out-of']
"""
from __future__ import annotations

import lint

from . import _spn_common as spn


class SpinnerPhrase(lint.Rule):
    """Reports the word-for-word substitutions of article spinners: tools that rewrite a
    stolen text from a fixed thesaurus, often through a round trip via another language's
    synonym sets, so that 'and' becomes 'and you will', 'in the' becomes 'when you look at
    the', 'of' becomes 'out-of', 'said' becomes 'told you', 'has promised' becomes 'enjoys
    guaranteed' and 'I feel' becomes 'Personally i think'.

    Every lexicon entry (``lexicons/spn/spinner_phrases.tsv``, several hundred) carries the
    probable original, a weight and a context test, because most of these words also have
    an innocent use: 'and you will' is reported before a noun ('a juggler and you will a
    street performer') but not before a verb ('turn left and you will see'); 'a keen' before
    a noun it cannot qualify ('a keen Almaty park') but not in 'a keen interest'; 'told you'
    with a third-person subject and no addressee ('Rakhimov told you, ...') but not in 'I
    told you so'. One ambiguous hit is a weak signal (low confidence, often 'info'); a text
    full of them is spun, which SPN005 reports for the whole document.

    Spun text is plagiarism dressed up to fool duplicate detection: it poisons corpora
    and search results with unreadable prose.
    """

    code = "SPN001"
    name = "spinner-phrase"
    severity = "warning"
    languages = ("en", "it", "es", "fr", "pt")
    summary = "phrase substituted by an article spinner"
    fix_hint = "Restore the original wording (the suggestion), or rewrite the sentence."
    fix = "unsafe"
    confidence = 0.45
    matches = (
        lint.Example("“Small changes add up,” told you Dr. Rao, a nurse at the clinic.", "en", covers="told you"),
        lint.Example("He was a juggler and you will a street performer before the war.", "en", covers="and you will"),
        lint.Example("It felt alarmingly tense when you look at the Russia of this year.", "en",
                     covers="when you look at the"),
        lint.Example("He fears the consequences out-of defying the order.", "en", covers="out-of"),
        lint.Example("“They don’t know what to do,” Rakhimov told you.", "en", covers="told you"),
        lint.Example("Putin enjoys guaranteed his people that the draft will end.", "en", covers="enjoys"),
        lint.Example("He was drinking coffee in a keen Almaty park.", "en", covers="a keen"),
        lint.Example("“Personally i think really sad,” she said.", "en", covers="Personally i think"),
        lint.Example("Sono fuggiti in Mongolia e puoi la Georgia.", "it", covers="e puoi"),
        lint.Example("Huyeron a Mongolia y podrás la Georgia.", "es", covers="y podrás"),
        lint.Example("Leurs parents restent fidèles pour vous aider Poutine.", "fr", covers="pour vous aider"),
    )
    no_matches = (
        lint.Example("Turn left and you will see the station. Sign up and you can start today.", "en"),
        lint.Example("When you look at the data, you see a clear trend.", "en"),
        lint.Example("The guide is out-of-date and the trip was out-of-pocket.", "en"),
        lint.Example("I told you so. As I told you, he told you that already.", "en"),
        lint.Example("“I told you,” she said, “that the shop was closed.” “You told me,” he replied.", "en"),
        lint.Example("She enjoys reading and enjoys good health.", "en"),
        lint.Example("She has a keen interest in art; it was an excellent idea and a great deal.", "en"),
        lint.Example("Countries which have signed the treaty must comply.", "en"),
        lint.Example("The guy next door said hello to the younger kids.", "en"),
        lint.Example("Personally I think it is fine.", "en"),
        lint.Example("She won the sprint, holding off Norway's champion, and the favourite holds off Spain's.", "en"),
        lint.Example("Registrati e potrai vedere tutto.", "it"),
        lint.Example("Regístrate y podrás ver todo.", "es"),
        lint.Example("Inscrivez-vous et vous pourrez les voir.", "fr"),
    )

    def check(self, doc):
        yield from spn.findings(self, doc, spn.SPINNER)
