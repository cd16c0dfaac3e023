"""Normalisation keeps every offset and maps only the characters it names."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quotextract.normalize import CARRIAGE_RETURN, ENTITY, TABLE, _entity, normalize

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
    assert normalize("&laquo;Да&raquo;") == "      «Да»      "
    assert all(normalize(c) != c for c in MAPPED)
