"""Many documents at once: inputs, order, errors, streaming. Mechanics use a fake extractor."""

from __future__ import annotations

import itertools
import re
import time
import warnings

import pandas as pd
import pytest

import quotextract
from quotextract.batch import (
    DOCUMENT_DTYPES,
    BatchResult,
    BatchWarning,
    Document,
    DocumentResult,
    extract_many,
    iter_extract,
    worker_pool,
)
from quotextract.frame import COLUMNS, DTYPES, to_frame
from quotextract.model import Quotation, Span

LAVROV = "«Мы готовы к переговорам», — заявил министр иностранных дел Сергей Лавров."


class Fake:
    """Every «...» is a quotation; 'boom' raises; 'sleep N' sleeps N hundredths of a second."""

    def __call__(self, text: str) -> pd.DataFrame:
        if not isinstance(text, str):
            raise TypeError(f"expected str, got {type(text).__name__}")
        if "boom" in text:
            raise RuntimeError("boom")
        if pause := re.search(r"sleep (\d+)", text):
            time.sleep(int(pause.group(1)) / 100)
        found = [m for m in re.finditer(r"«([^»]*)»", text)]
        return to_frame(Quotation(Span(m.start(1), m.end(1), m.group(1)), "direct", "fake") for m in found)


@pytest.fixture
def fake():
    return Fake()


# INPUTS: (data, expected doc_ids, expected quote doc_ids)
INPUTS = [
    (["«a»", "no quote", "«b» «c»"], ["0", "1", "2"], ["0", "2", "2"]),
    ([("x", "«a»"), ("y", "b")], ["x", "y"], ["x"]),
    ([{"id": "x", "text": "«a»"}, {"text": "«b»"}], ["x", "1"], ["x", "1"]),
    (pd.DataFrame({"id": ["p", "q"], "text": ["«a»", "«b»"]}), ["p", "q"], ["p", "q"]),
    (pd.DataFrame({"text": ["«a»", "b"]}, index=[10, 20]), ["10", "20"], ["10"]),
    ((text for text in ["«a»", "«b»"]), ["0", "1"], ["0", "1"]),
    ([], [], []),
]


@pytest.mark.parametrize("data, ids, quote_ids", INPUTS)
def test_inputs(fake, data, ids, quote_ids):
    result = extract_many(data, extractor=fake, documents=True)
    assert result.documents["doc_id"].tolist() == ids
    assert result.quotes["doc_id"].tolist() == quote_ids


def test_custom_columns(fake):
    frame = pd.DataFrame({"key": ["k1"], "body": ["«a»"]})
    quotes = extract_many(frame, text="body", id="key", extractor=fake)
    assert quotes["doc_id"].tolist() == ["k1"]


def test_missing_text_column(fake):
    with pytest.raises(ValueError, match="no column 'text'"):
        extract_many(pd.DataFrame({"body": ["a"]}), extractor=fake)


@pytest.mark.parametrize("data", ["a text", b"bytes", 42, {"text": "a"}])
def test_not_a_collection(fake, data):
    with pytest.raises(TypeError):
        iter_extract(data, extractor=fake)


def test_columns_and_dtypes(fake):
    quotes = extract_many(["«a»", "«b»"], extractor=fake)
    assert list(quotes.columns) == ["doc_id", *COLUMNS]
    assert isinstance(quotes["doc_id"].dtype, pd.StringDtype)
    for name, dtype in DTYPES.items():
        assert quotes[name].dtype == pd.Series(dtype=dtype).dtype, name


def test_empty_result_keeps_columns(fake):
    result = extract_many(["nothing", "here"], extractor=fake, documents=True)
    assert list(result.quotes.columns) == ["doc_id", *COLUMNS] and result.quotes.empty
    assert result.quotes.dtypes["quote_start"] == "Int64"
    assert dict(result.documents.dtypes) == {n: pd.Series(dtype=d).dtype for n, d in DOCUMENT_DTYPES.items()}


# ERRORS: an item, its error message
ERRORS = [
    (None, "missing text"),
    (float("nan"), "missing text"),
    (5, "expected str, got int"),
    (b"bytes", "expected str, got bytes"),
    ("boom", "RuntimeError: boom"),
    (Document("d", None, "line 3: invalid JSON"), "line 3: invalid JSON"),
]


@pytest.mark.parametrize("item, message", ERRORS)
def test_error_documents_are_reported(fake, item, message):
    result = extract_many(["«a»", item, "«b»"], extractor=fake, documents=True)
    table = result.documents
    assert table["status"].tolist() == ["ok", "error", "ok"]
    assert table["error"].iloc[1] == message
    assert table["n_quotes"].tolist() == [1, 0, 1]
    assert result.quotes["quote"].tolist() == ["a", "b"]


def test_failures_warn_with_ids(fake):
    with pytest.warns(BatchWarning, match=r"^2 of 4 documents failed \(1, 3\)"):
        quotes = extract_many(["«a»", None, "«b»", "boom"], extractor=fake)
    assert quotes["doc_id"].tolist() == ["0", "2"]


def test_warning_points_at_the_caller(fake):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        quotextract.extract(["a", None], extractor=fake)
    assert [w.filename for w in caught] == [__file__]


def test_no_warning_with_documents(fake):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = extract_many([None], extractor=fake, documents=True)
    assert isinstance(result, BatchResult)
    assert result.documents["status"].tolist() == ["error"]


def test_n_chars(fake):
    table = extract_many(["abc", "«да»", None], extractor=fake, documents=True).documents
    assert table["n_chars"].tolist() == [3, 4, 0]


@pytest.mark.parametrize("n_jobs", [0, -2, 1.5, True])
def test_bad_n_jobs(fake, n_jobs):
    with pytest.raises(ValueError, match="n_jobs"):
        iter_extract(["a"], extractor=fake, n_jobs=n_jobs)


def test_iter_extract_yields_document_results(fake):
    results = list(iter_extract([("a", "«x» «y»"), ("b", None)], extractor=fake))
    assert all(isinstance(result, DocumentResult) for result in results)
    assert [(r.doc_id, r.status, r.n_quotes) for r in results] == [("a", "ok", 2), ("b", "error", 0)]


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_iter_extract_streams(fake, n_jobs):
    """An endless input: results come before the input is exhausted."""
    endless = (f"«{n}»" for n in itertools.count())
    first = list(itertools.islice(iter_extract(endless, extractor=fake, n_jobs=n_jobs, chunksize=2), 5))
    assert [result.doc_id for result in first] == ["0", "1", "2", "3", "4"]


def test_order_is_kept_with_two_jobs(fake):
    """Early documents are slow, late ones fast: the output is still in input order."""
    texts = [f"«{n}» sleep {10 - n}" for n in range(10)] + [None, "boom", "«last»"]
    serial = extract_many(texts, extractor=fake, documents=True)
    parallel = extract_many(texts, extractor=fake, documents=True, n_jobs=2, chunksize=1)
    assert parallel.documents["doc_id"].tolist() == [str(n) for n in range(13)]
    pd.testing.assert_frame_equal(parallel.quotes, serial.quotes)
    pd.testing.assert_frame_equal(parallel.documents, serial.documents)


def test_reused_pool(fake):
    with worker_pool(2, fake) as pool:
        first = extract_many(["«a»", "b"], pool=pool)
        second = extract_many(["«c»"], pool=pool)
    assert first["quote"].tolist() == ["a"] and second["quote"].tolist() == ["c"]


def test_progress_bar_on_request(fake, capsys):
    extract_many(["«a»", "b"], extractor=fake, progress=True)
    assert "2/2" in capsys.readouterr().err


def test_progress_off_when_not_a_terminal(fake, capsys):
    extract_many(["«a»", "b"], extractor=fake)
    assert capsys.readouterr().err == ""


def test_extract_dispatches_lists(fake):
    quotes = quotextract.extract([("id1", "«a»")], extractor=fake)
    assert quotes["doc_id"].tolist() == ["id1"]


# The real extractor (these hold with the real pipeline, not with a stub).


def test_real_extractor_in_two_workers():
    texts = [LAVROV, "Погода хорошая.", None, LAVROV]
    result = extract_many(texts, n_jobs=2, documents=True)
    assert result.documents["status"].tolist() == ["ok", "ok", "error", "ok"]
    assert result.quotes["doc_id"].tolist() == ["0", "3"]
    assert set(result.quotes["speaker"]) == {"Сергей Лавров"}
    pd.testing.assert_frame_equal(result.quotes, extract_many(texts, documents=True).quotes)
