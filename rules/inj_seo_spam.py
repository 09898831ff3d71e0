"""INJ002 seo-spam: SEO spam keywords and slugs in running text.

>>> import lint
>>> [f.text for f in lint.check_text(SeoSpam(), "Read more about buy viagra online in our guide.", "en")]
['buy viagra online']
"""
from __future__ import annotations

import lint

from . import _inj_common as inj


class SeoSpam(lint.Rule):
    """Reports the keywords spam networks drop into text to rank their sites: payday and
    title loans ('title loans near me'), pharmacy ('buy viagra online', 'cialis sin
    receta'), gambling ('best online casino', 'bahis siteleri', 'bonus senza deposito',
    'онлайн казино', 'slot gacor', 'nhà cái uy tín'), dating and escort keywords, essay
    mills and fake followers, in a dozen languages (Indonesian and Vietnamese spam
    included), matched as whole words in every paragraph whatever its language (in
    Chinese and Japanese, where a Latin keyword has no spaces around it, too); and
    URL slugs pasted into a sentence ('best-online-casino-bonus').

    Generic terms that a news story may legitimately use ('online casino', 'payday
    loans') weigh little, and their repetitions less and less: a story about gambling is
    about gambling, while an injected keyword is out of place once.
    """

    code = "INJ002"
    name = "seo-spam"
    severity = "warning"
    languages = None
    summary = "SEO spam keyword or slug in the text"
    fix_hint = "Delete the spam keyword or slug (and the link it carried)."
    fix = None
    confidence = 0.55
    matches = (
        lint.Example("El ayuntamiento aprobó juegos de casino gratis el presupuesto del año.", "es",
                     covers="juegos de casino gratis"),
        lint.Example("You can get title loans near me today and pay later.", "en", covers="title loans near me"),
        lint.Example("Read about buy viagra online before your visit.", "en", covers="buy viagra online"),
        lint.Example("The festival best-online-casino-bonus drew a large crowd.", "en", covers="best-online-casino-bonus"),
        lint.Example("Il festival deneme bonusu ha attirato molta gente in piazza.", "it", covers="deneme bonusu"),
        lint.Example("Los mejores bono sin depósito del año llegan a la ciudad.", "es", covers="bono sin depósito"),
        lint.Example("Лучшие онлайн казино этого года открылись в городе.", "ru", covers="онлайн казино"),
        lint.Example("Güvenilir bahis siteleri için tıklayın.", "tr", covers="bahis siteleri"),
        lint.Example("The council approved the budget nhà cái uy tín after a long debate.", "en",
                     covers="nhà cái uy tín"),
        lint.Example("Der Stadtrat hat den Haushalt togel hari ini am Dienstag beschlossen.", "de",
                     covers="togel hari ini"),
        lint.Example("市议会经过长时间辩论slot gacor批准了新的预算。", "zh", covers="slot gacor"),
    )
    no_matches = (
        lint.Example("The casino reopened and the council debated payday lending rules.", "en"),
        lint.Example("A state-of-the-art, up-to-date, well-known building.", "en"),
        lint.Example("Il casinò di Venezia ha riaperto dopo i lavori.", "it"),
        lint.Example("Le casino de Monte-Carlo a rouvert ses portes.", "fr"),
        lint.Example("他用iPhone拍摄视频，发在YouTube和TikTok上，还开了online课程。", "zh"),
        lint.Example("Kết quả xổ số miền Bắc được công bố vào chiều nay.", "vi"),
    )

    def check(self, doc):
        for h in inj.spam_hits(doc):
            yield self.finding(doc, h.start, h.end, h.message, confidence=h.confidence,
                               severity="info" if h.confidence < 0.3 else None)
