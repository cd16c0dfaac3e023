"""Properties of ``quotextract.extract`` that hold for any input: no crash, offsets slice the text,
rows in text order, columns and dtypes always the contract."""

from __future__ import annotations

import pandas as pd
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import quotextract

SETTINGS = settings(
    max_examples=150,
    deadline=None,  # the models load on the first call
    suppress_health_check=[HealthCheck.too_slow],
)

FRAGMENTS = [
    # dashes and quote marks
    "—",
    "–",
    "-",
    "―",
    " — ",
    " - ",
    "«",
    "»",
    "„",
    "“",
    '"',
    "”",
    "'",
    # cues
    "сказал",
    "заявила, что",
    "сообщил, что",
    "отметил",
    "По словам",
    "по его словам, ",
    "считает, что",
    "Как отметил",
    "спросила",
    "говорится в сообщении",
    "сообщили в пресс-службе Минздрава",
    # speakers
    "Дмитрий Песков",
    "Дмитрия Пескова",
    "Мария Захарова",
    "Песков",
    "Касым-Жомарт Токаев",
    "она",
    "он",
    "Мэр",
    "мэр Москвы Сергей Собянин",
    "источник",
    "эксперты",
    "Минфин",
    "Роспотребнадзор",
    # content
    "Мы готовы к диалогу",
    "Решение пока не принято",
    "Это провокация",
    "партия «Единая Россия»",
    "так называемые «серые» схемы",
    "Фото - Caravan.kz",
    "В тренде:",
    "2022",
    "A",
    # whitespace and punctuation
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\xa0",
    "\t",
    ".",
    ",",
    ":",
    "?",
    "!",
    "…",
    ";",
    "(",
    ")",
]

news_like = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)
# debris with no quote marks and no line breaks: one paragraph that cannot swallow its neighbours
debris = st.lists(
    st.sampled_from([f for f in FRAGMENTS if not set(f) & set("«»„“\"”'\n\r")]), max_size=30
).map("".join)
any_text = st.text(max_size=300)
cyrillic = st.text(
    alphabet=st.sampled_from('абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДМПСТ «»„“"—–-―,.:!?…\n\r\xa0'),
    max_size=300,
)


def check(text: str, assert_contract) -> pd.DataFrame:
    frame = quotextract.extract(text)
    assert_contract(frame, text)
    return frame


@SETTINGS
@given(text=any_text)
def test_any_text(text, assert_contract):
    check(text, assert_contract)


@SETTINGS
@given(text=cyrillic)
def test_cyrillic_with_punctuation(text, assert_contract):
    check(text, assert_contract)


@SETTINGS
@given(text=news_like)
def test_news_like(text, assert_contract):
    check(text, assert_contract)


@SETTINGS
@given(text=news_like)
def test_paragraphs_follow_text_order(text, assert_contract):
    paragraphs = check(text, assert_contract)["paragraph"]
    assert paragraphs.notna().all()
    assert (paragraphs >= 0).all()
    assert paragraphs.is_monotonic_increasing


@SETTINGS
@given(text=news_like)
@example(text="Фото - Caravan.kz,говорится в сообщении")  # a comma before the cue is no tail after it
def test_quotes_do_not_overlap_their_cues(text, assert_contract):
    frame = check(text, assert_contract).dropna(subset=["cue_start"])
    for row in frame.itertuples(index=False):
        assert row.cue_end <= row.quote_start or row.cue_start >= row.quote_end, row


@SETTINGS
@given(prefix=debris, suffix=debris)
def test_known_quote_survives_debris(prefix, suffix, assert_contract):
    """A clear dash quotation is found whatever whole paragraphs stand around it."""
    quote = "Мы готовы к диалогу"
    text = f"{prefix}\n\n— {quote}, — сказал Дмитрий Песков.\n\n{suffix}"
    frame = check(text, assert_contract)
    start = len(prefix) + 4
    hits = frame[(frame["quote_start"] <= start) & (frame["quote_end"] >= start + len(quote))]
    assert len(hits) >= 1


INVISIBLE = ["\u00ad", "\u0301", "&shy;"]  # soft hyphens and stress marks, as scraped: 'Петро́в'


@st.composite
def with_invisible_marks(draw):
    """A news-like text and the same text with soft hyphens and stress marks put after some letters."""
    text = draw(news_like)
    marked = "".join(
        char + (draw(st.sampled_from(INVISIBLE)) if char.isalpha() and draw(st.integers(0, 7)) == 0 else "")
        for char in text
    )
    return text, marked


@SETTINGS
@given(texts=with_invisible_marks())
def test_soft_hyphens_and_stress_marks_change_no_quotation(texts, assert_contract):
    text, marked = texts
    plain, found = check(text, assert_contract), check(marked, assert_contract)

    def unmarked(value):
        return value if pd.isna(value) else "".join(value.split("&shy;")).replace("\u00ad", "").replace("\u0301", "")

    columns = ["quote", "speaker", "kind", "rule", "cue"]
    assert [[unmarked(v) for v in row] for row in found[columns].itertuples(index=False)] == [
        list(row) for row in plain[columns].itertuples(index=False)
    ]
