"""The faster forms of segmentation find what the plain ones find: razdel's end-anchored patterns
matched on the reversed window, the word pattern with possessive quantifiers."""

from __future__ import annotations

import razdel
from hypothesis import given, settings
from hypothesis import strategies as st

from quotextract.segment import (
    LAST_TOKEN_REVERSED,
    PAIR_SOKR_REVERSED,
    WORD,
    WORDS,
    rz,
    sentenize,
    token_table,
)

SETTINGS = settings(max_examples=500, deadline=None)

# letters, digits, an underscore, marks, dots and spaces of several kinds: what razdel's windows hold
windows = st.text(alphabet="аБzЁ1٣_.,:;!?…«»\"'()- \t\n\xa0", max_size=12)


def _found(match):
    return match and match.groups()


@SETTINGS
@given(left=windows)
def test_last_token_read_from_the_end_is_razdels(left):
    last = LAST_TOKEN_REVERSED.match(left[::-1])
    assert (last and (last.group(1)[::-1],)) == _found(rz.LAST_TOKEN.search(left))


@SETTINGS
@given(left=windows)
def test_pair_abbreviation_read_from_the_end_is_razdels(left):
    pair = PAIR_SOKR_REVERSED.match(left[::-1])
    assert (pair and (pair.group(2), pair.group(1))) == _found(rz.PAIR_SOKR.search(left))


def test_end_patterns_read_the_last_token_whole():
    assert LAST_TOKEN_REVERSED.match("т. Иванов  "[::-1]).group(1)[::-1] == "Иванов"
    assert LAST_TOKEN_REVERSED.match("в 2022  "[::-1]).group(1)[::-1] == "2022"
    assert LAST_TOKEN_REVERSED.match("слово)"[::-1]).group(1) == ")"
    assert LAST_TOKEN_REVERSED.match(" \t "[::-1]) is None
    pair = PAIR_SOKR_REVERSED.match("и т. е "[::-1])
    assert (pair.group(2), pair.group(1)) == ("т", "е")


@SETTINGS
@given(text=st.text(alphabet="аБz1_.-–, \n", max_size=40))
def test_words_split_as_the_word_pattern_finds_them(text):
    tokens, starts, stops, texts = token_table(text)
    found = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]
    assert [(t.start, t.stop, t.text) for t in tokens] == found
    assert (starts, stops) == ([f[0] for f in found], [f[1] for f in found])
    assert WORDS.split(text)[1::2] == WORD.findall(text) == texts


SENTENCES = [
    "Он сказал: «Да». Потом ушёл.",
    "См. т. е. выше :) И всё; конец!",
    "1. Первое. 2. Второе) третье.",
    "Иванов А. С. пришёл в 10 ч. утра. А потом?",
    "«Нет», — ответил он. — Никогда.",
]


def test_sentences_of_invented_texts_are_razdels():
    for text in SENTENCES:
        assert [(s.start, s.stop, s.text) for s in sentenize(text)] == [
            (s.start, s.stop, s.text) for s in razdel.sentenize(text)
        ]
