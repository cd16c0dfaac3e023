"""Normalisation keeps every offset and maps only the characters it names."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quotextract.normalize import (
    CARRIAGE_RETURN,
    ENTITY,
    INVISIBLE,
    TABLE,
    _entity,
    normalize,
    normalized,
    unwrapped,
)

MAPPED = "".join(map(chr, TABLE))


def _translated(text: str) -> str:
    """The plain way: every character looked up in the table."""
    if "&" in text:
        text = ENTITY.sub(_entity, text)
    return CARRIAGE_RETURN.sub(lambda m: " \n" if m.group(1) else "\n", text.translate(TABLE))


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from('аБ «»"-—–―‒−\xa0\u2009\u200b\t\r\n\v\u2028&#;quotlaq1x') | st.characters()))
def test_normalised_as_every_character_looked_up(text):
    assert normalize(text) == _translated(text)
    assert len(normalize(text)) == len(text)


def test_exotic_spaces_dashes_and_breaks_become_plain():
    assert normalize("Он\xa0сказал\u2009–\u200bда\r\nнет\u2028") == "Он сказал — да \nнет\n"
    assert normalize("\ud83d!") == "\ufffd!"  # a lone surrogate
    assert normalize("вице\u2011премьер, пресс\u2010служба") == "вице-премьер, пресс-служба"
    assert normalize("&laquo;Да&raquo;") == "      «Да»      "
    assert all(normalize(c) != c for c in MAPPED)


def test_soft_hyphens_and_stress_marks_are_left_out_and_their_offsets_mapped_back():
    text = "Ива\u0301н Пет\u00adров ска&shy;зал"
    normal, offsets = normalized(text)
    assert normal == "Иван Петров сказал"
    assert text[offsets[5] : offsets[11]] == "Пет\u00adров"  # 'Петров'
    assert text[offsets[12] : offsets[18]] == "ска&shy;зал"
    assert normalized("Иван Петров сказал") == ("Иван Петров сказал", None)


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("аБ «»-\xa0\r\n\u00ad\u0301\u0300&shy;#173") | st.characters()))
def test_normalised_without_soft_hyphens_and_stress_marks_offsets_index_the_input(text):
    normal, gaps = normalized(text)
    if gaps is None:
        assert normal == unwrapped(normalize(text))
        return
    offsets = [gaps[at] for at in range(len(normal) + 1)]
    assert offsets[-1] == len(text)
    assert offsets == sorted(set(offsets))
    kept = "".join(text[at] for at in offsets[:-1])
    assert normal == unwrapped(normalize(kept))
    left_out = [text[a + 1 : b] for a, b in zip([-1, *offsets[:-1]], offsets)]  # before each kept character
    assert all(not INVISIBLE.sub("", part) for part in left_out)


def test_a_line_break_wrapping_a_sentence_is_a_space():
    wrapped = "Глава администрации Заречного района Михаил Соколов \nзаявил, что мост откроют."
    assert unwrapped(wrapped) == wrapped.replace("\n", " ")
    kept = [
        "Мост через Томь откроют в августе этого года.\nподробности позже",  # a sentence ended
        "Министр транспорта области Олег Рябов сказал:\nмост откроют",  # a colon announces
        "Меню\nновости\nпогода",  # short lines: a menu
        "Глава администрации Заречного района Михаил Соколов\n\nзаявил",  # a blank line
    ]
    assert [unwrapped(text) for text in kept] == kept


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from("аБ .,:\n\r") | st.characters()))
def test_unwrapping_keeps_every_offset_and_changes_only_line_breaks(text):
    joined = unwrapped(text)
    assert len(joined) == len(text)
    assert all(a == b or (a, b) == ("\n", " ") for a, b in zip(text, joined))
