"""Speaker names in the nominative, as the speaker column shows them."""

import pytest

from quotextract.names import nominative as to_nominative


@pytest.mark.parametrize(
    "name, kind, nominative",
    [
        ("Яны Легкодимовой", "PER", "Яна Легкодимова"),
        ("Токаевым", "PER", "Токаев"),
        ("Касым-Жомарт Токаев", "PER", "Касым-Жомарт Токаев"),
        ("Сюнскэ Хасэгавой", "PER", "Сюнскэ Хасэгава"),
        ("Сергею Шойгу", "PER", "Сергей Шойгу"),
        ("Джорджем Х. Кингом", "PER", "Джордж Х. Кинг"),
        ("Минздрава", "ORG", "Минздрав"),
        ("Министерства финансов", "ORG", "Министерство финансов"),
        ("Федеральной налоговой службы", "ORG", "Федеральная налоговая служба"),
        ("Голоса Америки", "ORG", "Голос Америки"),
        ("МИДа", "ORG", "МИД"),
        ("Ведомости", "ORG", "Ведомости"),
        ("Известиям", "ORG", "Известия"),
    ],
)
def test_names_in_the_nominative(name, kind, nominative):
    assert to_nominative(name, kind) == nominative
