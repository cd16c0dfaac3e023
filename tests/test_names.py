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
        ("Марио Драги", "PER", "Марио Драги"),  # not the dredge 'драга'
        ("Эннио Морриконе", "PER", "Эннио Морриконе"),  # a foreign surname in -е, not a locative
        ("Лоренцо Беллуне", "PER", "Лоренцо Беллуне"),
        ("Петрове", "PER", "Петров"),  # a Russian surname's locative still is one
        ("Ги Буше", "PER", "Ги Буше"),  # no locative of 'Буш' without a preposition
        ("Лори Кае", "PER", "Лори Кае"),
        ("Юлии Сырых", "PER", "Юлия Сырых"),  # a woman's surname in a consonant or -ых stays as it is
        ("Киру Ярмыш", "PER", "Кира Ярмыш"),
        ("Дмитрия Черных", "PER", "Дмитрий Черных"),
        ("Петра Сомова", "PER", "Петр Сомов"),  # a surname read only as a short adjective takes the first name's case
        ("Минздрава", "ORG", "Минздрав"),
        ("Министерства финансов", "ORG", "Министерство финансов"),
        ("Федеральной налоговой службы", "ORG", "Федеральная налоговая служба"),
        ("городского управления ЖКХ", "ORG", "городское управление ЖКХ"),  # not the noun 'городской'
        ("полицейского управления Беркли", "ORG", "полицейское управление Беркли"),
        ("главой администрации района", "ORG", "глава администрации района"),  # no rare 'главый'
        ("рабочей группы", "ORG", "рабочая группа"),
        ("Голоса Америки", "ORG", "Голос Америки"),
        ("МИДа", "ORG", "МИД"),
        ("Ведомости", "ORG", "Ведомости"),
        ("тюрьмы", "ORG", "тюрьма"),  # a common noun's genitive, no title in the plural
        ("министерства", "ORG", "министерство"),
        ("Известиям", "ORG", "Известия"),
    ],
)
def test_names_in_the_nominative(name, kind, nominative):
    assert to_nominative(name, kind) == nominative


def test_name_variants_are_not_compared_all_against_all(monkeypatch):
    """Thousands of distinct people in one long text: comparisons grow with them, not their square."""
    from quotextract import names
    from quotextract.model import Entity

    def people(count: int) -> list[Entity]:
        letters = "бвгдклмнпрстфхцчш"
        surnames = [
            "".join(letters[(i // len(letters) ** k) % len(letters)] for k in range(3)).title() + "аров"
            for i in range(count)
        ]
        full = [Entity(i, i + 1, s, "PER", f"Иван {s}") for i, s in enumerate(surnames)]
        return full + [Entity(i, i + 1, s, "PER", s) for i, s in enumerate(surnames)]  # 'Петров' alone

    calls = 0
    compare = names._variant_of

    def counted(short, full):
        nonlocal calls
        calls += 1
        return compare(short, full)

    monkeypatch.setattr(names, "_variant_of", counted)
    names.fuller_names(people(300))
    small, calls = calls, 0
    names.fuller_names(people(3000))
    assert calls / max(small, 1) < 15  # all against all: 100


def test_a_name_spelt_anew_is_the_first_spelling():
    from quotextract.model import Entity
    from quotextract.names import fuller_names

    names = ["Эд Гонзалес", "Гонсалес", "Эд Гонсалес", "Анна Петрова", "Анна Петрову"]
    fuller = fuller_names([Entity(0, 1, n, "PER", n) for n in names])
    assert fuller["Эд Гонсалес"] == ["Эд Гонзалес"]
    assert fuller["Гонсалес"] == ["Эд Гонзалес"]
    assert fuller["Анна Петрову"] == []  # a changed ending is another form, not another spelling


INITIALLED_LABELS = (
    "Тренер ответил на вопросы корреспондента.\n"
    "О.Лебедева: С каким настроением команда едет на турнир?\n"
    "А.Кремеров: С боевым. Мы провели два сбора.\n"
    "О.Лебедева: Какую задачу ставит федерация?\n"
    "А. Кремеров: Медали.\n"
    "Вопрос: Что дальше?\n"
    "Вопрос: А потом?\n"
)


def test_interview_labels_name_people_even_where_ner_misses_them():
    """'А.Кремеров: …' opening several lines is a person; 'Вопрос:' is no one however often it opens one."""
    from quotextract.ner import complete
    from quotextract.segment import paragraphs

    found = complete([], paragraphs(INITIALLED_LABELS))
    assert [(e.text, e.type) for e in found] == [
        ("О.Лебедева", "PER"),
        ("А.Кремеров", "PER"),
        ("О.Лебедева", "PER"),
        ("А. Кремеров", "PER"),
    ]


@pytest.mark.parametrize(
    "name, case, nominative",
    [
        ("Эда Гонзалеса", "gent", "Эд Гонзалес"),  # a foreign name's regular ending
        ("Анатолия Локтя", "gent", "Анатолий Локоть"),  # a noun's fleeting vowel kept
        ("Нуньесе", "loct", "Нуньес"),  # 'о Нуньесе'
        ("Андрею Рютте", "datv", "Андрей Рютте"),  # -е ends no dative of his: an indeclinable surname
        ("Ван Цзюня", "gent", "Ван Цзюнь"),
        ("Нарендры Моди", "gent", "Нарендра Моди"),  # an unknown surname in -и is indeclinable
        ("Олафа Шольца", "gent", "Олаф Шольц"),  # no noun the dictionary guesses by analogy
        ("Сергею Семаку", "datv", "Сергей Семак"),
        ("Патрисии Буллрич", "gent", "Патрисия Буллрич"),  # but '-ии' is a feminine genitive
        ("Нэнси Пелоси", None, "Нэнси Пелоси"),  # not 'Пелось'
    ],
)
def test_names_in_the_case_their_context_demands(name, case, nominative):
    from quotextract.names import person_nominative

    assert person_nominative(name, case) == nominative


def test_a_name_with_two_words_glued_is_no_fuller_variant():
    from quotextract.model import Entity
    from quotextract.names import fuller_names

    names = ["Джеральд Форджеральд Форд", "Джеральд Форд", "Джеральд Рудольф Форд"]
    found = fuller_names([Entity(0, len(n), n, "PER", n) for n in names])
    assert found["Джеральд Форд"] == ["Джеральд Рудольф Форд"]  # a middle name, not a caption run in


@pytest.mark.parametrize(
    "names, short, fuller",
    [
        (["Павел Ремезов Кирилл Шустов", "Ремезов", "Павел Ремезов"], "Ремезов", ["Павел Ремезов"]),
        (["Павел Ремезов Кирилл Шустов", "Шустов"], "Шустов", []),  # a caption ran two people together
        (["Хосе Луис Родригес Сапатеро", "Сапатеро"], "Сапатеро", ["Хосе Луис Родригес Сапатеро"]),
        (["Жан Мари Ле Пен", "Ле Пен"], "Ле Пен", ["Жан Мари Ле Пен"]),
    ],
)
def test_two_people_ner_ran_together_are_no_fuller_variant(names, short, fuller):
    from quotextract.model import Entity
    from quotextract.names import fuller_names

    assert fuller_names([Entity(0, len(n), n, "PER", n) for n in names])[short] == fuller


def test_a_name_left_in_an_oblique_case_takes_the_nominative_the_article_writes():
    """'Эво Моралеса' (a foreign name the dictionary cannot decline) is the 'Эво Моралес' of
    'Моралес заявил'; not a nominative no one writes ('Мартин Куб' for 'Мартина Кубы'), nor a
    man's name for a woman's."""
    from quotextract.model import Entity
    from quotextract.names import fuller_names

    def found(*mentions):  # (as written, its nominative) per mention
        return fuller_names([Entity(0, 1, text, "PER", normal) for text, normal in mentions])

    moralez = found(("Эво Моралеса", "Эво Моралеса"), ("Эво Моралесу", "Эво Моралес"), ("Моралес", "Моралес"))
    assert moralez["Эво Моралеса"] == ["Эво Моралес"]
    assert moralez["Моралес"] == ["Эво Моралес"]
    assert found(("Мартин Куба", "Мартин Куба"), ("Мартина Кубы", "Мартин Куб"))["Мартин Куба"] == []
    armstrong = found(("Лэнса Армстронга",) * 2, ("Лэнса Армстронга", "Лэнс Армстронг"), ("Армстронг",) * 2)
    assert armstrong["Лэнса Армстронга"] == ["Лэнс Армстронг"]  # one ending, one word written so
    assert found(("Светлана Орлова",) * 2, ("Светлане Орловой", "Светлан Орлов"))["Светлана Орлова"] == []
    assert found(("Александра Петрова",) * 2, ("Александр Петров",) * 2)["Александра Петрова"] == []


def test_surnames_ner_missed_are_found_in_any_case():
    """'Песковым', 'Пескову' of a 'Дмитрий Песков' NER found; not 'Песочный', which only starts alike."""
    from quotextract.model import Entity
    from quotextract.ner import complete
    from quotextract.segment import paragraphs

    text = "Дмитрий Песков ответил. С Песковым согласились. Пескову возразили в Песочном."
    found = complete([Entity(0, 14, "Дмитрий Песков", "PER", "Дмитрий Песков")], paragraphs(text))
    assert [e.text for e in found] == ["Дмитрий Песков", "Песковым", "Пескову"]


def test_surnames_ner_missed_are_found_spelt_with_e_for_yo_and_not_inside_words():
    """'Елкину' of a 'Пётр Ёлкин' and 'Ёлкиным' in a later line; not 'суперЁлкин' nor the capitals."""
    from quotextract.model import Entity
    from quotextract.ner import complete
    from quotextract.segment import paragraphs

    text = (
        "Пётр Ёлкин выступил.\nЕлкину возразили, Ёлкина поддержали, а суперЁлкин промолчал.\nЁЛКИН и Ёлкиным"
    )
    found = complete([Entity(0, 10, "Пётр Ёлкин", "PER", "Пётр Ёлкин")], paragraphs(text))
    assert [(e.text, text[e.start : e.stop]) for e in found[1:]] == [
        (w, w) for w in ("Елкину", "Ёлкина", "Ёлкиным")
    ]


def test_a_verb_taken_for_a_one_word_name_is_no_person():
    from quotextract.ner import _verb_form

    assert _verb_form("Зарезавший") and _verb_form("Дополз")
    assert not any(map(_verb_form, ["Песков", "Пастернак", "Моторола", "Маск", "Иван Петров"]))


def test_organisations_ner_cut_at_a_space_are_joined_but_never_across_lines():
    """'ГУ' + 'МВД' is one organisation; 'Phillips 66' ending one line and 'Министерство
    юстиции' opening the next are two, whether the lines end in LF or CRLF."""
    from quotextract.model import Entity
    from quotextract.ner import _joined
    from quotextract.segment import paragraphs

    def orgs(text, *names):
        spans = [(text.index(name), text.index(name) + len(name), name) for name in names]
        return [e.text for e in _joined([Entity(a, b, n, "ORG", n) for a, b, n in spans], paragraphs(text))]

    assert orgs("В ГУ МВД сообщили.", "ГУ", "МВД") == ["ГУ МВД"]
    assert orgs(
        "Завод компании Phillips 66\nМинистерство юстиции сообщило", "Phillips 66", "Министерство юстиции"
    ) == [
        "Phillips 66",
        "Министерство юстиции",
    ]
