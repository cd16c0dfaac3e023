"""Cached morphology: a word's case changes its parses only where pymorphy3 reads the case."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotextract.morph import inflected_word, is_verb, lemma, name_gender, parses


def test_a_capitalised_word_parses_as_its_lower_case():
    assert parses("Сказала") == parses("сказала")
    assert parses("МОСКВЫ") == parses("москвы")
    assert lemma("Заявил") == "заявить" and is_verb("Заявил")
    assert name_gender("Анна") == "femn"


def test_initials_and_latin_keep_their_case():
    assert any("Init" in p.tag for p in parses("И"))
    assert not any("Init" in p.tag for p in parses("и"))
    assert parses("Reuters")[0].tag == parses("reuters")[0].tag  # Latin either way, parsed apart


def test_a_tag_holds_one_grammeme_of_a_category_at_most():
    """The premise on which the hot loops test 'gent' in tag.grammemes for tag.case == 'gent'."""
    from quotextract.morph import CASES, analyzer

    tag_class = analyzer().TagClass
    categories = (CASES, tag_class.NUMBERS, tag_class.GENDERS, tag_class.PARTS_OF_SPEECH)
    assert all(len(tag.grammemes & category) <= 1 for tag in analyzer().dictionary.gramtab for category in categories)
    assert tag_class.NUMBERS == {"sing", "plur"}  # so a number in ('sing', None) is no 'plur'


# --- inflection: the form pymorphy3 chooses, chosen once per paradigm ---------------------------

INFLECTED = [  # dictionary words, names guessed by their endings, prefixed words, a hyphenated word
    "Петровой", "Сидоровой", "Министерства", "Известиям", "Легкодимовой", "Пушкодимовой", "Шольца",
    "Нарендры", "псевдокошки", "псевдоквазиблогерами", "псевдолегкодимовой", "байткода",
    "Иваново-Вознесенска",
]
GRAMMEMES = [{"nomn"}, {"nomn", "sing"}, {"nomn", "plur"}, {"gent"}, {"datv", "plur"}, {"ablt", "femn"},
             {"loc2"}, {"voct"}]


@pytest.mark.parametrize("word", INFLECTED)
def test_an_inflected_word_is_the_one_pymorphy3_inflects(word):
    for parse in parses(word):
        for grammemes in GRAMMEMES:
            inflected = parse.inflect(set(grammemes))
            for _ in range(2):  # the first answer chooses the form, the second spells the kept choice
                assert inflected_word(parse, frozenset(grammemes)) == (inflected.word if inflected else None)


CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=CYRILLIC, min_size=2, max_size=10),
    st.sampled_from(["", "ой", "ого", "ами", "ому", "ия", "ев", "ского", "иться"]),
    st.sampled_from(GRAMMEMES + [{"gent", "plur"}, {"accs", "masc"}, {"gen2"}, {"loc2", "sing"}]),
)
def test_a_form_chosen_afresh_is_the_one_pymorphy3_inflects(stem, ending, grammemes):
    from quotextract import morph

    for parse in parses(stem + ending):
        morph._FORM_INDEX.clear()
        inflected = parse.inflect(set(grammemes))
        assert inflected_word(parse, frozenset(grammemes)) == (inflected.word if inflected else None)


def test_a_kept_choice_spells_another_word_of_the_paradigm():
    assert inflected_word(parses("петровой")[0], frozenset({"nomn"})) == "петрова"
    assert inflected_word(parses("сидоровой")[0], frozenset({"nomn"})) == "сидорова"
    assert inflected_word(parses("легкодимовой")[0], frozenset({"nomn"})) == "легкодимова"
    assert inflected_word(parses("пушкодимовой")[0], frozenset({"nomn"})) == "пушкодимова"  # guessed alike


# --- screens: a word whose first letters no form of a listed lemma has is not parsed --------------


def _forms(lemmas):
    return sorted(
        {form.word for lemma in lemmas for parse in parses(lemma) for form in parse.lexeme}
    )


def test_every_form_of_a_description_reads_as_its_lemma_through_the_screen():
    from quotextract.lexicon import default_lexicon
    from quotextract.mentions import parsed_role_lemma, role_lemma

    lexicon = default_lexicon()
    described = lexicon.roles | lexicon.bodies | lexicon.unnamed
    words = _forms({word for lemma in described for word in lemma.split()})
    assert len(words) > 1000
    assert [role_lemma(w, lexicon) for w in words] == [parsed_role_lemma(w, lexicon) for w in words]


def test_words_no_description_starts_like_are_their_own_lemma():
    from quotextract.lexicon import default_lexicon
    from quotextract.mentions import role_lemma

    lexicon = default_lexicon()
    assert role_lemma("урожаем", lexicon) == "урожаем"  # never parsed: no source is described so
    assert role_lemma("министра", lexicon) == "министр"
    assert role_lemma("премьера", lexicon) == "премьер"
    assert role_lemma("после", lexicon) == "после"  # a preposition, not the ambassador's locative


def test_every_form_of_a_relaying_verb_passes_the_screen():
    from quotextract.registry import RELAY_VERBS, _relay_verb

    present = [w for w in _forms(RELAY_VERBS) if any("pres" in p.tag for p in parses(w)[:2])]
    assert "пишет" in present and "сообщают" in present
    assert all(_relay_verb(w) for w in ("пишет", "сообщает", "передают"))
    assert not _relay_verb("погода")
