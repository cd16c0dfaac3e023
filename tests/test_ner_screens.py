"""Cheap screens NER post-processing reads before the morphology: they never change an answer."""

from hypothesis import given, settings
from hypothesis import strategies as st

from quotextract import ner
from quotextract.morph import analyzer, parses
from quotextract.names import nominative


def _unscreened_outlet(name: str) -> str | None:
    """``ner._outlet_before_name`` without its screen: the nominative of every first word sought."""
    first = name.partition(" ")[0]
    return first if nominative(first, "ORG").lower() in ner.OUTLETS else None


def _forms_of_outlets(nouns: bool = False) -> list[str]:
    """Every form of every parse (``nouns``: noun parse) of each one-word outlet name,
    capitalised as news write it."""
    forms = set()
    for outlet in (o for o in ner.OUTLETS if " " not in o):
        for parse in parses(outlet):
            if "NOUN" in parse.tag or not nouns:
                forms.update(form.word for form in parse.lexeme)
        forms.add(outlet)
    return sorted(word[:1].upper() + word[1:] for word in forms)


def test_every_form_of_an_outlet_passes_the_screen_and_is_found():
    assert len(_forms_of_outlets(nouns=True)) > 100
    assert all(ner._may_name_outlet(form) for form in _forms_of_outlets(nouns=True))
    for form in _forms_of_outlets():
        assert ner._outlet_before_name(f"{form} Медведев") == _unscreened_outlet(f"{form} Медведев")
    assert ner._outlet_before_name("Интерфаксу Медведев") == "Интерфаксу"
    assert ner._outlet_before_name("Известиям Сухарев") == "Известиям"


NAMES = [
    "Дмитрий Медведев", "Мария Захарова", "Сергей Лавров", "Ангела Меркель", "Джо Байден",
    "Ли Бо", "Би Цзянь", "Бэ Ён", "Нтанда Икс", "Апу Наханипа", "Эхо Рюдзи", "Ри Сун",
    "Тасса Ковальска", "Рбе Кало", "Ведомостина Анна", "Известьева Ольга", "Итарова Ирина",
]


def test_names_screened_out_are_no_outlets_unscreened_either():
    for name in NAMES:
        assert ner._outlet_before_name(name) == _unscreened_outlet(name)


CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=CYRILLIC, min_size=1, max_size=12), st.sampled_from(["", "-би-си", "-тасс", "у", "а"]))
def test_screen_agrees_with_the_nominative_on_any_word(stem, tail):
    word = (stem + tail).capitalize()
    assert ner._outlet_before_name(f"{word} Медведев") == _unscreened_outlet(f"{word} Медведев")


def test_no_noun_ending_is_longer_than_an_outlet_less_its_screened_head():
    """What makes the screen exact: pymorphy3 builds every form of a noun as stem + ending (no
    noun paradigm has a prefix), so a form of an outlet's name shares its first letters but for
    a nominative ending; no such ending is long enough to reach into the head the screen reads."""
    words = analyzer().dictionary
    nominative_endings = set()
    for paradigm in words.paradigms:
        size = len(paradigm) // 3
        for index in range(size):
            tag = words.gramtab[paradigm[size + index]]
            if "NOUN" in tag:
                assert words.paradigm_prefixes[paradigm[2 * size + index]] == ""
                if "nomn" in tag:
                    nominative_endings.add(words.suffixes[paradigm[index]])
    heads = ner._outlet_heads()
    for outlet in ner.OUTLETS:
        for part in {outlet, outlet.split("-")[0]}:
            screened = next(size for size, found in sorted(heads.items()) if outlet[:size] in found)
            assert all(part[stem:] not in nominative_endings for stem in range(screened)), outlet
