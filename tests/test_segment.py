"""Our sentence splitter gives razdel's sentences: its rules, applied without its records."""

from __future__ import annotations

import razdel
from hypothesis import example, given, settings
from hypothesis import strategies as st

from quotextract.segment import DELIMITER, RAZDEL, Paragraph, paragraphs, sentences, sentenize

# pieces that make razdel's rules answer: abbreviations (alone, in pairs, before a capital or
# not), initials, list items, quote marks and brackets after a sentence end, smileys, dashes
PIECES = [
    "Он пришёл",
    "ул",
    "см",
    "т",
    "е",
    "д",
    "к",
    "п",
    "н",
    "Дж",
    "вс",
    "А",
    "IV",
    "а",
    "1",
    "2024",
    "слово",
    "Слово",
    "Москва",
    ".",
    ". ",
    "? ",
    "! ",
    "… ",
    "; ",
    "...",
    "?!",
    ")",
    ") ",
    "»",
    "» ",
    "«",
    '"',
    '" ',
    "'",
    "„",
    "”",
    ":-) ",
    ";(",
    " — ",
    " - ",
    " ",
    "  ",
    "\n",
    "\xa0",
]

TEXT = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


def razdel_sentences(text: str) -> list[tuple[int, int, str]]:
    return [(s.start, s.stop, s.text) for s in razdel.sentenize(text)]


@settings(max_examples=1500, deadline=None)
@given(TEXT)
@example("Он пришёл в т. е. Москву. Слово")
@example("Он пришёл ул. Москва. Слово")
@example("А. С. Пушкин пришёл. Слово")
@example("1. Слово. 2) Слово")
@example('Он пришёл." Слово')
@example("Он пришёл. — слово")
@example("Он пришёл :-) Слово")
@example("Он пришёл т. д. Слово")  # a pair that needs an abbreviation's follower: its last word alone does not count
@example("Он пришёл т. д. 2024")
@example("Он пришёл Дж. Слово")
def test_sentences_are_razdels(text):
    assert [(s.start, s.stop, s.text) for s in sentenize(text)] == razdel_sentences(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_sentences_of_any_text_are_razdels(text):
    assert [(s.start, s.stop, s.text) for s in sentenize(text)] == razdel_sentences(text)


MARKS = st.text(st.sampled_from(list("=:;-()[]{}.?!…\"„'»”’«,") + [" ", "\n", "\xa0", "а", "1"]), max_size=40)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(MARKS, TEXT, st.text(max_size=40)))
@example(";-)) ")
@example("=( .")
@example(":) ;")
@example(";)) ))) ")
def test_the_delimiters_are_razdels_with_a_space_after(text):
    theirs = [
        (match.span(), match.group(1))
        for match in RAZDEL.split.re.finditer(text)
        if text[match.end() : match.end() + 1].isspace()
    ]
    assert [(match.span(), match.group(1)) for match in DELIMITER.finditer(text)] == theirs


def test_the_sentences_of_a_paragraph_have_offsets_in_the_text():
    text = "Заголовок\n  Он пришёл в 10 ч. утра. «Мы готовы», — сказал он. Т. е. всё.\n"
    [_, paragraph] = paragraphs(text)
    assert isinstance(paragraph, Paragraph)
    found = sentences(paragraph)
    assert [text[s.start : s.stop] for s in found] == [s.text for s in found]
    assert [s.text for s in found] == [s for _, _, s in razdel_sentences(paragraph.text)]
    assert {s.paragraph for s in found} == {1}
