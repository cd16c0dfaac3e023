"""The public API of one document: type errors, empty results, reuse of an ``Extractor``,
column order and row order."""

from __future__ import annotations

import pandas as pd
import pytest

import quotextract

SAMPLES = [
    "— Решение будет принято до конца недели, — сказал Дмитрий Песков.",
    "Мария Захарова заявила, что Москва ответит на новые санкции.",
    "«Инфляция замедляется, — сказала Эльвира Набиуллина, — но риски остаются высокими».",
    "По словам Дмитрия Пескова, президент пока не принимал решения.",
    "Партия «Единая Россия» выдвинула кандидатов на выборы в Госдуму.",
    "",
]
MANY = (
    "Мэр Москвы Сергей Собянин посетил стройку.\n\n"
    "— Работы завершатся в сентябре, — сказал Сергей Собянин.\n\n"
    "Мэр отметил, что движение по новой развязке откроют досрочно.\n\n"
    "«Мы учли пожелания жителей», — добавил он."
)


# TYPE ERRORS: (value, the type name the message must give)
NOT_TEXT = [(None, "NoneType"), (b"bytes", "bytes"), (42, "int"), ({}, "dict"), (4.2, "float")]


@pytest.mark.parametrize("value, name", NOT_TEXT, ids=[name for _, name in NOT_TEXT])
def test_extract_rejects_non_text(value, name):
    with pytest.raises(TypeError, match=rf"\b{name}\b"):
        quotextract.extract(value)


@pytest.mark.parametrize("value, name", NOT_TEXT, ids=[name for _, name in NOT_TEXT])
def test_extractor_rejects_non_text(value, name):
    with pytest.raises(TypeError, match=rf"\b{name}\b"):
        quotextract.Extractor()(value)


# EMPTY RESULTS: still a DataFrame with the contract's columns and dtypes
NOTHING = [
    "",
    " ",
    "   \t ",
    "\n\n",
    "\r\n",
    "\xa0",
    "The Kremlin declined to comment.",
    "2022 15 300",
    "12.03.2024",
]


@pytest.mark.parametrize("text", NOTHING, ids=[repr(text) for text in NOTHING])
def test_no_quotations_is_an_empty_frame(text, assert_contract):
    frame = quotextract.extract(text)
    assert len(frame) == 0
    assert_contract(frame, text)


def test_empty_frame_helper_is_the_contract(assert_contract):
    frame = quotextract.empty_frame()
    assert len(frame) == 0
    assert_contract(frame, "")


# COLUMNS AND ORDER
def test_column_order(contract_columns):
    assert list(quotextract.extract(MANY).columns) == contract_columns
    assert list(quotextract.extract("").columns) == contract_columns
    assert list(quotextract.COLUMNS) == contract_columns


def test_rows_in_text_order(assert_contract):
    frame = quotextract.extract(MANY)
    assert_contract(frame, MANY)
    assert len(frame) == 3
    assert frame["quote_start"].is_monotonic_increasing
    assert frame["paragraph"].is_monotonic_increasing and frame["paragraph"].is_unique
    assert [MANY.index(quote) for quote in frame["quote"]] == list(frame["quote_start"])


def test_index_is_a_fresh_range():
    frame = quotextract.extract(MANY)
    assert frame.index.equals(pd.RangeIndex(len(frame)))


# EXTRACTOR REUSE
def test_extractor_reused_matches_extract():
    extractor = quotextract.Extractor()
    first = [extractor(text) for text in SAMPLES]
    again = [extractor(text) for text in reversed(SAMPLES)][::-1]
    assert sum(len(frame) for frame in first) >= 5
    for text, a, b in zip(SAMPLES, first, again):
        pd.testing.assert_frame_equal(a, b)
        pd.testing.assert_frame_equal(a, quotextract.extract(text))


def test_call_order_does_not_matter():
    alone = quotextract.Extractor()(SAMPLES[1])
    extractor = quotextract.Extractor()
    for text in SAMPLES:
        extractor(text)
    pd.testing.assert_frame_equal(extractor(SAMPLES[1]), alone)


def test_result_is_a_new_frame_each_call():
    first = quotextract.extract(MANY)
    assert len(first) > 0
    expected = first.copy()
    first.loc[:, "quote"] = "changed"
    pd.testing.assert_frame_equal(quotextract.extract(MANY), expected)
