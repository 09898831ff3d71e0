"""MTA005 must not call two people of different ages one person with a wrong age.

Innocent texts in eleven languages, written for unspun: siblings, couples, neighbours,
colleagues, a list of people, ages told in different years, a birthday, "the 30-year-old
building", "De 30-jarige oorlog". Every default age pattern of the rule meets at least one
of them.
"""
from __future__ import annotations

import pytest

import lint
from lint.rules.mta_age_conflict import AgeConflict

CASES = [
 ("Tomasz Nowak, 34, and his neighbour Greta Lind, 29, opened a café. The 29-year-old bakes the bread.", "en"),
 ("Sofia Berg, 42, runs the farm. Her brother Erik, 39, left. The 39-year-old now lives in Oslo.", "en"),
 ("Hugo Lindqvist, 52, sold the shop. He turns 53 next week, and the 53-year-old plans a party.", "en"),
 ("Paula Reyes, 44, was hired in 2009. In 2016 the 51-year-old became director.", "en"),
 ("The 30-year-old building was sold. Its owner, Karl Weber, 61, shrugged.", "en"),
 ("Maria Lopes, 34, met Mario Lopez at the station. The 37-year-old said he was late.", "en"),
 ("Anna Kowalska, 34, Jan Nowak, 41, and Piotr Wiśniewski, 38, were hurt. The 36-year-old was released.", "en"),
 ("Anna Kowalska (34) i jej mąż Jan Kowalski (41) prowadzą sklep. 38-letni mężczyzna z sąsiedztwa pomaga.", "pl"),
 ("Олег Смирнов, 45 лет, живёт в Туле. Его соседка, 43-летняя учительница, помогает ему.", "ru"),
 ("45-летний Олег Смирнов и 43-летний Иван Петров открыли кафе.", "ru"),
 ("34 yaşındaki Mehmet Demir ile 36 yaşındaki Ali Demir kardeştir.", "tr"),
 ("34 yaşındaki Ayşe Yıldız, 36 yaşındaki kocası Murat ile birlikte yaşıyor.", "tr"),
 ("32岁的王芳和35岁的王伟是同事。", "zh"),
 ("32岁的李娜去年开了一家店。今年，35岁的李娜的姐姐也加入了。", "zh"),
 ("42歳の田中一郎さんと45歳の田中花子さんは夫婦だ。", "ja"),
 ("Jan de Vries (48) en zijn zus Els (45) runnen de zaak. De 45-jarige doet de boekhouding.", "nl"),
 ("De 30-jarige oorlog begon in 1618. Historicus Piet Jansen (58) schreef erover.", "nl"),
 ("Lena Holm, 38, bor i Umeå. Hennes granne, en 41-årig man, hjälper henne. Den 41-årige säger att det går bra.", "sv"),
 ("Mario Bianchi, 45 anni, e la moglie Giulia, 42 anni, gestiscono il bar. La 42enne fa i conti.", "it"),
 ("Carlos Pérez, de 50 años, llegó con su hijo. El joven, de 23 años, estudia en Madrid.", "es"),
 ("Rui Costa, de 45 anos, festejou o aniversário. O pai de três filhos, de 46 anos, agradeceu.", "pt"),
 ("Luc Moreau, 40 ans, a fondé l'entreprise il y a dix ans. Âgé de 30 ans, il travaillait alors à Paris.", "fr"),
 ("Jonas Keller (35) wohnt in Köln. Ein 38-jähriger Nachbar half ihm. Der 38-Jährige wurde verletzt.", "de"),
 ("Thomas Girard, 34 ans, habite à Lyon. Sa femme Claire, 36 ans, travaille à l'hôpital. Âgée de 36 ans, elle adore son métier.", "fr"),
 ("Il 34enne Luca Sarti ha fondato l'azienda. Il 36enne Marco Sarti, suo cugino, la dirige.", "it"),
 ("El hermano de la víctima, de 43 años, habló. La víctima, Ana Ruiz, de 45 años, murió.", "es"),
 ("Henk Bakker (61) stopt. De 58-jarige opvolger staat klaar.", "nl"),
 ("38-letnia Ewa Nowak i 41-letnia Maria Zając prowadzą schronisko. 41-latka przyznaje, że jest trudno.", "pl"),
]


@pytest.mark.parametrize("text, lang", CASES)
def test_different_people_with_different_ages_are_not_a_conflict(text, lang):
    assert [f.text for f in lint.check_text(AgeConflict(), text, lang)] == []


def test_the_cases_cover_every_language_of_the_new_patterns():
    assert {lang for _, lang in CASES} >= {"en", "it", "es", "pt", "fr", "de", "nl", "sv", "pl", "ru", "tr", "zh", "ja"}
