"""Input a real dump holds at least once: lone surrogates, duplicate ids, BOMs, broken streams.

No input makes the library or the CLI print a traceback or lose a document.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest
from click.testing import CliRunner

import quotextract
from quotextract.cli import main

LAVROV = "«Мы \ud83d готовы к переговорам», — заявил министр иностранных дел Сергей Лавров."
FORMATS = ["jsonl", "csv", "parquet", "xlsx"]


def run(*args, input=None):
    return CliRunner().invoke(main, ["extract", *map(str, args)], input=input)


def table(path) -> pd.DataFrame:
    path = str(path)
    if path.endswith(".parquet"):
        return pd.read_parquet(path)
    if path.endswith(".csv"):
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    if path.endswith(".xlsx"):
        return pd.read_excel(path, dtype=str)
    return pd.read_json(path, lines=True, dtype=False)


# Lone surrogates


def test_a_lone_surrogate_is_replaced_in_the_quote_and_offsets_index_the_callers_string():
    [row] = quotextract.extract(LAVROV).itertuples()
    assert row.quote == "Мы \ufffd готовы к переговорам"
    assert LAVROV[row.quote_start : row.quote_end].replace("\ud83d", "\ufffd") == row.quote
    assert LAVROV[row.speaker_start : row.speaker_end] == "Сергей Лавров"


@pytest.mark.parametrize("suffix", FORMATS)
def test_surrogates_in_ids_and_fields_are_written_readably_and_resume_finds_them(tmp_path, suffix):
    dump = tmp_path / "dump.jsonl"
    records = [{"id": "a\ud83d", "text": LAVROV, "source": "x\udfff"}, {"id": "b", "text": "Текст."}]
    dump.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    quotes, docs = tmp_path / f"quotes.{suffix}", tmp_path / f"docs.{suffix}"
    first = run(dump, "-o", quotes, "--docs", docs, "-q", "--keep-columns", "source")
    assert first.exit_code == 0, first.output
    assert first.output.startswith("2 documents: 2 ok, 0 errors, 1 quotations")
    again = run(dump, "-o", quotes, "--docs", docs, "-q", "--keep-columns", "source", "--resume")
    assert again.exit_code == 0, again.output
    assert "(2 already done, skipped)" in again.output
    written = table(quotes)
    assert written["doc_id"].tolist() == ["a\\ud83d"]
    assert written["source"].tolist() == ["x\\udfff"]
    assert table(docs)["doc_id"].tolist() == ["a\\ud83d", "b"]
