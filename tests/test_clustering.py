"""clusters(): one quotation repeated across documents, found with MinHash LSH."""

from __future__ import annotations

import pandas as pd
import pytest

import quotextract
from quotextract import clustering

WIRE = "Мы рассчитываем завершить строительство моста через реку до конца следующего года"


def quotes(*rows) -> pd.DataFrame:
    """Rows ``(doc_id, quote, speaker[, date[, source]])``."""
    frame = pd.DataFrame(
        [
            {
                "doc_id": doc,
                "quote": quote,
                "speaker": speaker,
                "date": rest[0] if rest else None,
                "source": rest[1] if len(rest) > 1 else None,
            }
            for doc, quote, speaker, *rest in rows
        ]
    )
    return frame.astype({"doc_id": "string", "quote": "string", "speaker": "string"})


CORPUS = quotes(
    ("b", WIRE, "Иван Петров", "2024-03-02", "РИА"),
    ("a", WIRE + ".", "Иван Петров", "2024-03-01", "ТАСС"),
    (
        "c",
        "рассчитываем завершить строительство моста через реку до конца следующего года",
        None,
        "2024-03-05",
        "ТАСС",
    ),
    ("c", "Цены на топливо в регионе останутся прежними до весны", "Анна Смирнова", "2024-03-05", "ТАСС"),
    ("d", "Цены на топливо в регионе останутся прежними до весны", "Анна Смирнова", "2024-03-04", "РИА"),
    ("d", "Совсем другая мысль о школах и больницах района", "Олег Ким", "2024-03-04", "РИА"),
    ("e", "Мы готовы", "Олег Ким", "2024-03-06", "РИА"),
    ("f", "Мы готовы", "Олег Ким", "2024-03-07", "РИА"),
)


def test_one_row_per_repeated_quotation():
    table = quotextract.clusters(CORPUS)
    assert len(table) == 2
    bridge, fuel = table.to_dict("records")
    assert (bridge["n_docs"], bridge["n_quotes"], bridge["speaker"]) == (3, 3, "Иван Петров")
    assert (bridge["first_doc"], str(bridge["first_date"].date()), bridge["first_source"]) == (
        "a",
        "2024-03-01",
        "ТАСС",
    )
    assert bridge["docs"] == "a; b; c" and bridge["n_outlets"] == 2
    assert bridge["quote"] == WIRE + "."
    assert (fuel["n_docs"], fuel["first_doc"], fuel["speaker"]) == (2, "d", "Анна Смирнова")


def test_cluster_ids_match_rows():
    ids = quotextract.clustering.cluster_ids(CORPUS)
    table = quotextract.clusters(CORPUS)
    assert ids.iloc[0] == ids.iloc[1] == ids.iloc[2] == table.loc[0, "cluster_id"]
    assert ids.iloc[3] == ids.iloc[4] != ids.iloc[0]
    assert ids.iloc[6:].isna().all()  # too short to tell from chance


def test_without_dates_or_sources_first_in_input_order():
    table = quotextract.clusters(CORPUS.drop(columns=["date", "source"]))
    assert table.loc[0, "first_doc"] == "b"
    assert "first_date" not in table.columns and "n_outlets" not in table.columns


def test_one_document_is_no_cluster_and_repeats_are_left_out():
    frame = quotes(("a", WIRE, "Иван Петров"), ("a", WIRE, "Иван Петров"), ("b", WIRE, "Иван Петров"))
    frame["is_repeat"] = pd.array([False, False, True], dtype="boolean")
    assert quotextract.clusters(frame).empty
    assert quotextract.clusters(frame, repeats=True).loc[0, "n_docs"] == 2
    assert quotextract.clusters(frame, min_docs=1).loc[0, "n_quotes"] == 2


def test_empty_and_wrong_input():
    assert quotextract.clusters(quotextract.extract([], progress=False)).empty
    with pytest.raises(TypeError, match="expected DataFrame, got list"):
        quotextract.clusters([])
    with pytest.raises(ValueError, match=r"lack the columns \['doc_id'\]"):
        quotextract.clusters(CORPUS.drop(columns="doc_id"))


def test_index_lookups_grow_linearly(monkeypatch):
    """Many copies of a few quotations: each one looks at a bounded number of representatives."""
    compared = []
    jaccard = clustering_minhash_jaccard()
    monkeypatch.setattr(
        "datasketch.MinHash.jaccard", lambda self, other: compared.append(1) or jaccard(self, other)
    )
    counts = {}
    for copies in (20, 200):
        compared.clear()
        texts = [f"{WIRE} номер {n % 5} " * 1 for n in range(copies * 5)]
        frame = pd.DataFrame({"doc_id": [str(n) for n in range(len(texts))], "quote": texts})
        clustering.cluster_ids(frame)
        counts[copies] = len(compared)
    assert counts[200] / counts[20] <= 12  # 10x the quotations


def clustering_minhash_jaccard():
    from datasketch import MinHash

    return MinHash.jaccard
