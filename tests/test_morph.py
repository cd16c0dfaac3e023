"""Cached morphology: a word's case changes its parses only where pymorphy3 reads the case."""

from quotextract.morph import is_verb, lemma, name_gender, parses


def test_a_capitalised_word_parses_as_its_lower_case():
    assert parses("Сказала") == parses("сказала")
    assert parses("МОСКВЫ") == parses("москвы")
    assert lemma("Заявил") == "заявить" and is_verb("Заявил")
    assert name_gender("Анна") == "femn"


def test_initials_and_latin_keep_their_case():
    assert any("Init" in p.tag for p in parses("И"))
    assert not any("Init" in p.tag for p in parses("и"))
    assert parses("Reuters")[0].tag == parses("reuters")[0].tag  # Latin either way, parsed apart
