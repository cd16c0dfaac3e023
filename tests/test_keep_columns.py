"""Input columns carried to the quotes table: ``extract(..., keep_columns=)`` and ``--keep-columns``."""

from __future__ import annotations

import json

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from test_cli_extract import fake, run  # noqa: F401  (the fixture)

import quotextract

RECORDS = [
    {"id": "a", "text": "«раз» и «два»", "date": "2024-01-05", "source": "ТАСС"},
    {"id": "b", "text": "без цитат", "date": "2024-01-06", "source": "РИА"},
    {"id": "c", "text": "«три»", "date": None, "source": 7},
]


def test_dataframe_columns_keep_their_dtype(fake):  # noqa: F811
    frame = pd.DataFrame(RECORDS).assign(date=lambda f: pd.to_datetime(f["date"]))
    quotes = quotextract.extract(frame, keep_columns=["date", "source"], progress=False)
    assert list(quotes.columns[:3]) == ["doc_id", "date", "source"]
    assert quotes["doc_id"].tolist() == ["a", "a", "c"]
    assert quotes["date"].dtype == frame["date"].dtype
    assert quotes["date"].dt.day.tolist()[:2] == [5, 5] and pd.isna(quotes["date"].iloc[2])
    assert quotes["source"].tolist() == ["ТАСС", "ТАСС", 7]


def test_dicts_and_an_empty_result(fake):  # noqa: F811
    quotes = quotextract.extract(RECORDS, keep_columns=["source"], progress=False)
    assert quotes["source"].tolist() == ["ТАСС", "ТАСС", 7]
    empty = quotextract.extract(RECORDS[1:2], keep_columns=["source"], progress=False)
    assert list(empty.columns[:2]) == ["doc_id", "source"] and empty.empty


def test_a_missing_column_is_named(fake):  # noqa: F811
    with pytest.raises(ValueError, match="no column 'outlet'"):
        quotextract.extract(pd.DataFrame(RECORDS), keep_columns=["outlet"], progress=False)


def write_inputs(tmp_path):
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS), encoding="utf-8")
    frame = pd.DataFrame(RECORDS).astype({"source": str})
    frame.to_csv(tmp_path / "in.csv", index=False)
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), tmp_path / "in.parquet")
    return {"jsonl": jsonl, "csv": tmp_path / "in.csv", "parquet": tmp_path / "in.parquet"}


@pytest.mark.parametrize("source", ["jsonl", "csv", "parquet"])
@pytest.mark.parametrize("output", ["parquet", "csv", "jsonl"])
def test_cli_keeps_columns_as_strings(fake, tmp_path, source, output):  # noqa: F811
    path = write_inputs(tmp_path)[source]
    result = run(path, "-o", tmp_path / f"q.{output}", "--keep-columns", "date,source", "-q")
    assert result.exit_code == 0, result.output
    target = tmp_path / f"q.{output}"
    if output == "parquet":
        quotes = pd.read_parquet(target)
        assert isinstance(quotes["date"].dtype, pd.StringDtype)
    elif output == "csv":
        quotes = pd.read_csv(target, dtype=str)
    else:
        quotes = pd.read_json(target, lines=True, dtype=False)
    assert list(quotes.columns[:3]) == ["doc_id", "date", "source"]
    assert quotes["date"].iloc[0] == "2024-01-05" and pd.isna(quotes["date"].iloc[2])
    assert quotes["source"].tolist() == ["ТАСС", "ТАСС", "7"]


def test_cli_unknown_field_is_empty_and_txt_has_none(fake, tmp_path):  # noqa: F811
    (tmp_path / "a.txt").write_text("«раз»", encoding="utf-8")
    result = run(
        write_inputs(tmp_path)["jsonl"],
        tmp_path / "a.txt",
        "-o",
        tmp_path / "q.jsonl",
        "--keep-columns",
        "outlet",
        "--keep-columns",
        "source",
        "-q",
    )
    assert result.exit_code == 0, result.output
    quotes = pd.read_json(tmp_path / "q.jsonl", lines=True, dtype=False)
    assert quotes["outlet"].isna().all()
    assert quotes["source"].tolist()[:3] == ["ТАСС", "ТАСС", "7"] and pd.isna(quotes["source"].iloc[3])


def test_cli_resume_keeps_columns(fake, tmp_path):  # noqa: F811
    path = write_inputs(tmp_path)["jsonl"]
    args = ("-o", tmp_path / "q.csv", "--docs", tmp_path / "d.csv", "--keep-columns", "source", "-q")
    assert run(path, *args).exit_code == 0
    result = run(path, *args, "--resume")
    assert result.exit_code == 0, result.output
    assert pd.read_csv(tmp_path / "q.csv", dtype=str)["source"].tolist() == ["ТАСС", "ТАСС", "7"]


def test_worker_processes_carry_the_columns(fake):  # noqa: F811
    quotes = quotextract.extract(RECORDS * 5, keep_columns=["source"], n_jobs=2, chunksize=2, progress=False)
    assert quotes["source"].tolist() == ["ТАСС", "ТАСС", 7] * 5
