"""MTA002 dangling-object: a speech verb with an object pronoun and nothing after it.

Spanish and Italian put the addressee of a speech verb in a clitic (``le dice``, ``gli
dice``, ``ironiza``); machine translation into English carries it over as an object pronoun
that English does not allow: ``“An irony of fate,” he quips her.``

>>> import lint
>>> [f.text for f in lint.check_text(DanglingObject(), "“An irony of fate,” he quips her. In Kostanai he found work.", "en")]
['he quips her']
"""
from __future__ import annotations

import regex

import lint

from ._mta_common import dangling_speech_objects

#: the subject right before the verb: a pronoun or a capitalised name
_SUBJECT = regex.compile(r"(?:\b(?i:he|she|they|I|we)|(?<![\p{L}'’])\p{Lu}[\p{L}'’\-]+)\s+$")
_NOT_SUBJECTS = frozenset({"then", "and", "but", "so", "who", "that", "which", "also"})


class DanglingObject(lint.Rule):
    """A speech or reaction verb followed by an object pronoun that nothing completes:
    ``he quips her``, ``she laughs him``, ``says him.``, ``he explains her.`` Spanish and
    Italian mark the addressee of a speech verb with a clitic (``le dice``, ``gli spiega``)
    and machine translation carries it into English as a direct object, which these verbs
    do not take. Verbs that do take a person (tell, ask, answer, warn, thank, add, admit)
    are not checked, nor is a pronoun followed by more words (``says her name``,
    ``laughed him off``) or a preposition (``laughs at him``)."""

    code = "MTA002"
    name = "dangling-object"
    severity = "warning"
    languages = ("en",)
    summary = "speech verb with a dangling object pronoun (he quips her)"
    fix = "unsafe"
    fix_hint = "Drop the pronoun (he quips) or make it an addressee (he tells her, he says to her)."
    confidence = 0.8
    matches = (
        lint.Example("“An irony of fate,” he quips her. Then he left.", "en", covers="he quips her"),
        lint.Example("“Never again,” she laughs him.", "en", covers="laughs him"),
        lint.Example("“It was hard,” says him.", "en", covers="says him"),
        lint.Example("“We had no choice,” he explains her.", "en", covers="explains her"),
        lint.Example("“Fine,” Maria replied him, “but not today.”", "en", covers="replied him"),
    )
    no_matches = (
        lint.Example("“An irony of fate,” he tells her.", "en"),
        lint.Example("“Why?” she asked him.", "en"),
        lint.Example("He told her that the war was over.", "en"),
        lint.Example("She laughs at him.", "en"),
        lint.Example("He says him and his friends will leave.", "en"),
        lint.Example("“An irony,” he quips, her voice shaking.", "en"),
        lint.Example("He says her name twice.", "en"),
        lint.Example("They laughed him off the stage.", "en"),
        lint.Example("I added her on Facebook yesterday.", "en"),
        lint.Example("The hospital admitted her.", "en"),
        lint.Example("He explained her decision to the board.", "en"),
    )

    def check(self, doc):
        text = doc.text
        for m in dangling_speech_objects(text):
            if doc.lang_at(m.start()) != "en":
                continue
            start = m.start("verb")
            subj = _SUBJECT.search(text, max(0, start - 40), start)
            if subj and subj.group().strip().lower() not in _NOT_SUBJECTS:
                start = subj.start()
            yield self.finding(
                doc, start, m.end("obj"),
                f"'{m.group('verb')}' with a dangling object '{m.group('obj')}' (a Spanish/Italian "
                f"clitic carried over: le dice, gli dice)",
                suggestion=text[start:m.end("verb")],
            )
