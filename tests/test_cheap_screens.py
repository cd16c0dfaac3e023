"""Cheap screens read before the morphology (NER post-processing, the registry): they never change an answer."""

from hypothesis import given, settings
from hypothesis import strategies as st

from quotextract import ner
from quotextract.morph import analyzer, parses
from quotextract.names import nominative
from quotextract.segment import paragraphs


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


# --- the registry's description screen -------------------------------------------------

from types import SimpleNamespace  # noqa: E402

from quotextract.lexicon import default_lexicon  # noqa: E402
from quotextract.mentions import role_lemma  # noqa: E402
from quotextract.registry import Registry, _may_describe  # noqa: E402


def _unscreened_role_at(lexicon, words, position):
    """``Registry._role_at`` as it read every word's lemma, screen or none."""
    single = role_lemma(words[position].text.lower(), lexicon)
    if position + 1 < len(words):
        pair = f"{single} {words[position + 1].text.lower()}"
        if pair in lexicon.roles:
            return pair
    return single if single in lexicon.roles else None


def _screened_role_at(registry, words, position):
    """What ``Registry.introductions`` reads of a word: ``_role_at`` behind its screen."""
    if not _may_describe(words[position].text, registry.article.lexicon.description_prefixes):
        return None
    return Registry._role_at(registry, words, position)


def _role_words() -> list[str]:
    """The words of every description lemma in a few of their forms, and words that are none."""
    lexicon = default_lexicon()
    words = set()
    for lemma in sorted(lexicon.roles)[::3]:
        for word in lemma.split():
            words.add(word)
            words.update(form.word for form in parses(word)[0].lexeme[:6])
    return sorted(words) + ["заявил", "в", "на", "Иванов", "сообщила", "ранее", "агентству", "ёлка"]


def test_screened_descriptions_read_as_all_words_read():
    lexicon = default_lexicon()
    registry = SimpleNamespace(article=SimpleNamespace(lexicon=lexicon))
    words = [SimpleNamespace(text=w.capitalize() if i % 3 == 0 else w) for i, w in enumerate(_role_words())]
    assert len(words) > 250
    found = [_screened_role_at(registry, words, i) for i in range(len(words))]
    assert found == [_unscreened_role_at(lexicon, words, i) for i in range(len(words))]
    assert sum(role is not None for role in found) > 50
    pair = [SimpleNamespace(text=w) for w in ("глава", "министерства", "сказал")]
    assert _screened_role_at(registry, pair, 0) == _unscreened_role_at(lexicon, pair, 0)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=CYRILLIC, min_size=1, max_size=10), min_size=1, max_size=4))
def test_screened_descriptions_agree_on_any_words(texts):
    lexicon = default_lexicon()
    registry = SimpleNamespace(article=SimpleNamespace(lexicon=lexicon))
    words = [SimpleNamespace(text=text) for text in texts]
    for position in range(len(words)):
        assert _screened_role_at(registry, words, position) == _unscreened_role_at(lexicon, words, position)


def test_an_entity_met_again_is_cut_the_same_at_its_own_offsets():
    line = "Об этом сказал Интерфаксу Дмитрий Медведев, а «Газпром» - Алексей Миллер."
    text = f"{line}\n\nНовости дня.\n\n   {line}"
    found = ner.entities(paragraphs(text))
    assert [(e.text, e.type) for e in found][:2] == [("Интерфаксу", "ORG"), ("Дмитрий Медведев", "PER")]
    first, second = found[: len(found) // 2], found[len(found) // 2 :]
    assert [(e.text, e.type, e.normal) for e in first] == [(e.text, e.type, e.normal) for e in second]
    assert all(text[e.start : e.stop] == e.text for e in found)
    assert [e.start for e in second] == [e.start + text.rindex(line) for e in first]
