"""Extraction over a dask DataFrame on a two-process local cluster equals the in-process batch."""

from __future__ import annotations

import os

import pandas as pd
import pytest

dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

from quotextract.batch import extract_many  # noqa: E402
from quotextract.dask import extract_many as dask_extract_many  # noqa: E402

TEXTS = [
    "«Мы готовы к переговорам», — заявил министр иностранных дел Сергей Лавров.",
    "Погода хорошая.",
    None,
    "«Это правда», — сказал Иван Петров.",
]


def _models_loaded() -> tuple[int, bool]:
    from quotextract import pipeline

    return os.getpid(), pipeline._default is not None


@pytest.fixture(scope="module")
def client():
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def documents():
    return pd.DataFrame({"id": [f"d{n}" for n in range(12)], "text": TEXTS * 3})


def test_quotes_equal_in_process_batch(client, documents):
    quotes = dask_extract_many(dd.from_pandas(documents, npartitions=4))
    expected = extract_many(documents, documents=True).quotes
    computed = quotes.compute()
    pd.testing.assert_frame_equal(computed.reset_index(drop=True), expected)
    assert dict(quotes.dtypes) == dict(expected.dtypes)  # the meta is exact
    assert len(expected) == 6  # holds with the real extractor, not with a stub
    loaded = client.run(_models_loaded)
    assert len(loaded) == 2 and all(flag for _, flag in loaded.values())


def test_documents_table(client, documents):
    result = dask_extract_many(dd.from_pandas(documents, npartitions=3), documents=True)
    quotes, table = dask.compute(result.quotes, result.documents)
    expected = extract_many(documents, documents=True)
    pd.testing.assert_frame_equal(quotes.reset_index(drop=True), expected.quotes)
    pd.testing.assert_frame_equal(table.reset_index(drop=True), expected.documents)
    assert table["status"].tolist().count("error") == 3


def test_index_is_the_id_without_id_column(client):
    frame = pd.DataFrame({"text": TEXTS}, index=[10, 11, 12, 13])
    quotes = dask_extract_many(dd.from_pandas(frame, npartitions=2)).compute()
    assert quotes["doc_id"].tolist() == extract_many(frame, documents=True).quotes["doc_id"].tolist()


def test_missing_text_column():
    with pytest.raises(ValueError, match="no column 'body'"):
        dask_extract_many(dd.from_pandas(pd.DataFrame({"text": ["a"]}), npartitions=1), text="body")


def test_kept_columns(client, documents):
    frame = documents.assign(source=[f"outlet {n % 2}" for n in range(len(documents))])
    quotes = dask_extract_many(dd.from_pandas(frame, npartitions=3), keep_columns=["source"])
    expected = extract_many(frame, keep_columns=["source"], documents=True).quotes
    computed = quotes.compute().reset_index(drop=True)
    assert list(computed.columns[:2]) == ["doc_id", "source"]
    assert computed["source"].tolist() == expected["source"].tolist()  # dask holds strings its own way
    pd.testing.assert_frame_equal(computed.drop(columns="source"), expected.drop(columns="source"))
    assert dict(quotes.dtypes) == dict(computed.dtypes)  # the meta is exact
