"""`-o quotes.xlsx`: the quotes table for the people who open it in Excel."""

from __future__ import annotations

import pandas as pd
import pytest
from openpyxl import load_workbook
from test_cli_extract import RECORDS, fake, run, write_jsonl  # noqa: F401  (the fixture)

from quotextract import writers
from quotextract.documents import quote_dtypes

FORMULA = '=HYPERLINK("x")'


def test_quotes_and_documents_as_sheets(fake, tmp_path):  # noqa: F811
    source = write_jsonl(tmp_path / "in.jsonl", RECORDS)
    result = run(source, "-o", tmp_path / "q.xlsx", "--docs", tmp_path / "d.xlsx", "-q")
    assert result.exit_code == 0, result.output
    quotes = pd.read_excel(tmp_path / "q.xlsx", sheet_name="quotes")
    assert quotes["quote"].tolist() == ["раз", "два", "три"]
    assert quotes["quote_start"].tolist() == [1, 9, 1]
    assert list(quotes.columns) == list(quote_dtypes())
    docs = pd.read_excel(tmp_path / "d.xlsx", sheet_name="documents")
    assert docs["n_quotes"].tolist() == [2, 0, 1]
    sheet = load_workbook(tmp_path / "q.xlsx").active
    assert sheet.freeze_panes == "A2"
    assert not list(tmp_path.glob("*.partial"))


def test_text_stays_text(fake, tmp_path):  # noqa: F811
    records = [{"id": FORMULA, "text": f"«{FORMULA}» и «bell\x07»"}]
    result = run(write_jsonl(tmp_path / "in.jsonl", records), "-o", tmp_path / "q.xlsx", "-q")
    assert result.exit_code == 0, result.output
    cells = [row for row in load_workbook(tmp_path / "q.xlsx").active.iter_rows(min_row=2, values_only=True)]
    assert [row[0] for row in cells] == [FORMULA, FORMULA]  # doc_id: a string, not a formula
    assert [row[1] for row in cells] == [FORMULA, "bell\ufffd"]
    types = [cell.data_type for cell in next(load_workbook(tmp_path / "q.xlsx").active.iter_rows(min_row=2))]
    assert types[0] == "s" and types[1] == "s"


def test_resume_into_xlsx(fake, tmp_path):  # noqa: F811
    source = write_jsonl(tmp_path / "in.jsonl", RECORDS)
    args = ("-o", tmp_path / "q.xlsx", "--docs", tmp_path / "d.xlsx", "-q")
    assert run(write_jsonl(tmp_path / "first.jsonl", RECORDS[:2]), *args).exit_code == 0
    result = run(source, *args, "--resume")
    assert result.exit_code == 0, result.output
    assert "(2 already done, skipped)" in result.output
    assert pd.read_excel(tmp_path / "q.xlsx")["quote"].tolist() == ["раз", "два", "три"]


def test_too_many_rows_is_a_clean_error(fake, tmp_path, monkeypatch):  # noqa: F811
    monkeypatch.setattr(writers, "EXCEL_ROWS", 2)
    result = run(write_jsonl(tmp_path / "in.jsonl", RECORDS), "-o", tmp_path / "q.xlsx", "-q")
    assert result.exit_code == 1
    assert "do not fit an Excel sheet: write .parquet or .csv instead" in result.output


@pytest.mark.parametrize("length", [10, writers.EXCEL_CELL + 5])
def test_long_cells_are_cut(tmp_path, length):
    table = writers.Table(tmp_path / "q.xlsx", {"doc_id": "string", "quote": "string"})
    table.write(pd.DataFrame({"doc_id": ["a"], "quote": ["я" * length]}, dtype="string"))
    table.close()
    value = load_workbook(tmp_path / "q.xlsx").active["B2"].value
    assert len(value) == min(length, writers.EXCEL_CELL)
