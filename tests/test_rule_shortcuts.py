"""The shortcuts of the rules find what their plain patterns find: the end of a sentence read from
the end, the last word before a position searched for near it first."""

from __future__ import annotations

import bisect
import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from quotextract.article import Article
from quotextract.cues import cue_at
from quotextract.lexicon import default_lexicon
from quotextract.rules.base import WORD, has_words
from quotextract.rules.reported import (
    COMMA,
    FINAL_CAPITAL,
    LAST_WORD,
    LOST_COMMA_BEFORE_NAME,
    NAME_TAIL_WORDS,
    _ends_capitalised,
    _last_words_start,
    _next_comma,
    last_word,
    lead_commas,
)
from quotextract.segment import tokens

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


# long and short words, with marks and spaces between them
long_texts = st.lists(
    st.one_of(
        st.text(alphabet="абвЁz1_", min_size=1, max_size=80),
        st.text(alphabet=" ,.—«»!\n", min_size=1, max_size=80),
    ),
    max_size=12,
).map("".join)


@SETTINGS
@given(text=long_texts, data=st.data())
def test_the_last_word_searched_near_a_position_is_the_one_searched_from_the_start(text, data):
    position = data.draw(st.integers(0, len(text)))
    plain = LAST_WORD.search(text, 0, position)
    assert last_word(text, position) == (plain and plain.group(1))


# verbs, names and other words, spaces of several kinds and stops between them
sentence_ends = st.lists(
    st.one_of(
        st.sampled_from(["сказал", "Корнилов", "Анна", "ООН", "и", "Иванов-Петров", "z", "«Газета»"]),
        st.text(alphabet=" \xa0\t\n.!?…,«", min_size=1, max_size=3),
    ),
    max_size=14,
).map("".join)


@SETTINGS
@given(text=sentence_ends)
def test_a_lost_comma_before_a_final_name_is_searched_among_the_last_words_only(text):
    start = _last_words_start(text, NAME_TAIL_WORDS)
    assert [m.span() for m in LOST_COMMA_BEFORE_NAME.finditer(text, start)] == [
        m.span() for m in LOST_COMMA_BEFORE_NAME.finditer(text)
    ]


def test_lost_commas_before_a_final_name_are_found():
    text = "Переговоры ещё идут сказал Корнилов."
    assert [m.start() for m in lead_commas(text)] == [text.index(" сказал")]
    assert lead_commas("Информацию о задержании подтвердил Корнилов.") == []


def test_the_last_word_is_found_whole_past_marks_and_spaces():
    for length in (1, 7, 70):
        for tail in ("", ".", " — ", "," + " " * 70):
            text = "Начало, " + "ж" * length + tail
            assert last_word(text, len(text)) == "ж" * length == LAST_WORD.search(text, 0, len(text)).group(1)
    assert last_word("Он, — ", 6) == "Он" and last_word(" , ", 3) is None and last_word("Да", 0) is None
    assert last_word("сказал Иванов", 9) == "Ив"  # the word before the position, cut there


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


@SETTINGS
@given(text=st.text(alphabet="а, \t\n\xa0.", max_size=30), data=st.data())
def test_the_next_comma_is_the_first_of_the_texts_commas_in_range(text, data):
    start = data.draw(st.integers(0, len(text)))
    stop = data.draw(st.integers(start, len(text)))
    commas = [m.start() for m in COMMA.finditer(text)]  # those of the whole text, as they were listed
    index = bisect.bisect_left(commas, start)
    expected = commas[index] if index < len(commas) and commas[index] + 1 < stop else -1
    assert _next_comma(text, start, stop) == expected


SENTENCES_WITH_CUES = [
    "Ситуация стабильна, заявил он, и добавил, что всё хорошо, а потом ушёл, не прощаясь.",
    "Работы идут по плану, — сообщили в мэрии, уточнив сроки, но без подробностей.",
    "Мы готовы, сказала она, к переговорам, к диалогу, к компромиссу.",
]


def test_no_cue_follows_a_comma_after_the_last_cue_of_its_sentence():
    """What lets the postposed rule stop at the first comma past its sentence's last cue."""
    for text in SENTENCES_WITH_CUES:
        article = Article(text, default_lexicon())
        for sentence in article.sentences:
            cues = article.cues_in(sentence.start, sentence.stop)
            assert cues
            for position in range(cues[-1].start + 1, sentence.stop + 1):
                assert article.first_cue(position, sentence.stop, within=2) is None
            assert article.first_cue(cues[-1].start, sentence.stop, within=2) == cues[-1]


def test_a_phrase_cue_runs_on_to_no_next_line():
    lexicon = default_lexicon()
    joined = Article("Министр выразил надежду на мир.", lexicon).cues
    assert [c.lemma for c in joined] == ["выразить надежду"]
    text = "Министр выразил\nнадежду на мир."
    assert all(c.lemma != "выразить надежду" for c in Article(text, lexicon).cues)
    walked = cue_at(text, tokens(text), 1, lexicon)  # the same words with no line end between
    assert walked and walked[0].lemma == "выразить надежду"
