"""Morphological predicates read from a tag's grammemes agree with pymorphy3's checked attributes."""

from hypothesis import given, settings
from hypothesis import strategies as st

from quotextract import names, registry
from quotextract.morph import case_of, gender_of, parses

WORDS = (
    "Силуанов Силуанова Силуановым Бушей Буша Бушу Иванова Ивановой Петров Петрове Марии Мария "
    "Анны Анна Сырых Черных Драги Морриконе Шойгу Токаевым Касым-Жомарт Легкодимовой Яны "
    "Ведомости Известия Известиям Новости новостям министерства Министерство финансов "
    "полицейского управления городского ЖКХ Минздрава службы налоговой Федеральной "
    "сани ножницы очки Очки брюки люди детей человека главой вице-премьер пресс-служба "
    "новые Российские налоговые сказали были Батшуайи Жоао Кох Татьяна Лизка горничная Медведев Интерфаксу Сухарев РБК ТАСС"
).split()


def _can_be_nominative(word):
    found = [p for p in parses(word) if p.tag.case]
    return all(p.tag.number == "plur" and "Pltm" not in p.tag for p in found) or any(
        p.tag.case == "nomn" for p in found
    )


def _plural_title(word):
    return names.is_known(word) and any(
        "NOUN" in p.tag and p.tag.case == "nomn" and p.tag.number == "plur" for p in parses(word)
    )


def _adjective_before_noun(found, following):
    adjectives = [p for p in found if "ADJF" in p.tag]
    if sum(p.score for p in adjectives) < names.RARE_READING:
        return False
    cases = {p.tag.case for p in adjectives}
    return bool(following) and any(
        "NOUN" in p.tag and p.tag.case in cases for p in parses(following[0]) if p.tag.number in ("sing", None)
    )


def _agree(word: str, following: str) -> None:
    assert registry._can_be_nominative.__wrapped__(word) == _can_be_nominative(word), word
    for parse in parses(word):
        assert (case_of(parse), gender_of(parse)) == (parse.tag.case, parse.tag.gender), word
    cases = names._person_cases.__wrapped__(word)
    assert cases == tuple(p.tag.case for p in names._person_parses(word)), word
    assert all(type(case) in (str, type(None)) for case in cases), word  # no checked grammeme type
    assert names._plural_title.__wrapped__(word) == _plural_title(word), word
    found = [p for p in parses(word) if "plur" not in p.tag.grammemes]
    for after in ([], [following]):
        assert names._adjective_before_noun(found, after) == _adjective_before_noun(found, after), word


def test_tag_readings_agree_on_names_titles_and_nouns():
    for word, following in zip(WORDS, WORDS[1:] + WORDS[:1]):
        _agree(word, following)
    assert sum(map(_can_be_nominative, WORDS)) > 10 and sum(map(_plural_title, WORDS)) >= 3
    assert _adjective_before_noun(parses("полицейского"), ["управления"])


CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=CYRILLIC, min_size=1, max_size=10),
    st.sampled_from(["", "а", "ой", "ы", "ов", "ому", "ей", "и"]),
    st.sampled_from(WORDS),
)
def test_tag_readings_agree_on_any_word(stem, ending, following):
    word = stem + ending
    _agree(word, following)
    _agree(word.capitalize(), following)
