"""The shortcuts of the rules find what their plain patterns find: the end of a sentence read from
the end, the last word before a position searched for near it first."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from quotextract.rules.base import WORD, has_words
from quotextract.rules.reported import (
    FINAL_CAPITAL,
    LAST_WORD,
    LAST_WORD_REACH,
    _ends_capitalised,
    last_word,
    lead_commas,
)

SETTINGS = settings(max_examples=500, deadline=None)

# capitals and small letters (Russian and not), hyphens, stops, spaces of several kinds, digits
ENDINGS = st.text(alphabet="АЁЯаёя-zZ.!?…,:1 \t\n\xa0\u2009", max_size=16)


@SETTINGS
@given(text=ENDINGS)
def test_a_capitalised_last_word_is_found_from_the_end(text):
    assert _ends_capitalised(text) == bool(FINAL_CAPITAL.search(text))


def test_spaces_the_end_is_read_past_are_the_patterns():
    """str.rstrip strips what the pattern's '\\s' matches, and no more."""
    spaces = [chr(code) for code in range(sys.maxunicode + 1) if re.fullmatch(r"\s", chr(code))]
    assert "".join(spaces).strip() == "" and len(spaces) > 20
    assert all(re.fullmatch(r"\s", chr(code)) for code in range(sys.maxunicode + 1) if chr(code).isspace())
    assert _ends_capitalised("… сказал Иванов.\xa0") and not _ends_capitalised("сказал Иванову-ИВАНОВ")


# words of any length around the window's edge, with marks and spaces between them
long_texts = st.lists(
    st.one_of(
        st.text(alphabet="абвЁz1_", min_size=1, max_size=LAST_WORD_REACH + 10),
        st.text(alphabet=" ,.—«»!\n", min_size=1, max_size=LAST_WORD_REACH + 10),
    ),
    max_size=12,
).map("".join)


@SETTINGS
@given(text=long_texts, data=st.data())
def test_the_last_word_searched_near_a_position_is_the_one_searched_from_the_start(text, data):
    position = data.draw(st.integers(0, len(text)))
    found, plain = last_word(text, position), LAST_WORD.search(text, 0, position)
    assert (found and (found.span(), found.group(1))) == (plain and (plain.span(), plain.group(1)))


def test_lost_commas_before_a_final_name_are_found():
    text = "Переговоры ещё идут сказал Корнилов."
    assert [m.start() for m in lead_commas(text)] == [text.index(" сказал")]
    assert lead_commas("Информацию о задержании подтвердил Корнилов.") == []


def test_a_last_word_longer_than_the_near_search_is_found_whole():
    for length in range(LAST_WORD_REACH - 3, LAST_WORD_REACH + 4):
        for tail in ("", ".", " — ", "," + " " * LAST_WORD_REACH):
            text = "Начало, " + "ж" * length + tail
            word = last_word(text, len(text))
            assert (
                word.span() == LAST_WORD.search(text, 0, len(text)).span() and word.group(1) == "ж" * length
            )


@SETTINGS
@given(text=long_texts, count=st.integers(-1, 25), data=st.data())
def test_words_are_counted_as_the_word_pattern_finds_them(text, count, data):
    start = data.draw(st.integers(0, len(text)))
    stop = data.draw(st.integers(start, len(text)))
    assert has_words(text, start, stop, count) == (len(WORD.findall(text, start, stop)) >= count)


def test_words_inside_a_range_are_counted_from_its_start():
    text = "Президент, — заявил он. — Да"
    assert has_words(text, 3, 9, 1) and not has_words(text, 3, 9, 2)  # 'зидент' is a word of the range
    assert has_words(text, 0, len(text), 4) and not has_words(text, 0, len(text), 5)
    assert has_words("", 0, 0, 0) and not has_words(" — , ", 0, 5, 1)
