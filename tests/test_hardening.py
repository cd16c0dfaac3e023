"""Input a real dump holds at least once: lone surrogates, duplicate ids, BOMs, broken streams.

No input makes the library or the CLI print a traceback or lose a document.
"""

from __future__ import annotations

import gzip
import json

import pandas as pd
import pytest
from click.testing import CliRunner

import quotextract
from quotextract.cli import main

LAVROV = "«Мы \ud83d готовы к переговорам», — заявил министр иностранных дел Сергей Лавров."
CLEAN = LAVROV.replace("\ud83d", "и")
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


# Duplicate ids, resumption by position


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_a_repeated_id_is_listed_as_duplicate_and_named_in_a_warning(tmp_path):
    records = [{"id": "x", "text": CLEAN}, {"id": "y", "text": "Текст."}, {"id": "x", "text": CLEAN}]
    dump = write_jsonl(tmp_path / "dump.jsonl", records)
    result = run(dump, "-o", tmp_path / "q.jsonl", "--docs", tmp_path / "d.jsonl", "-q")
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[0] == "3 documents: 2 ok, 0 errors, 1 quotations, 1 with a duplicate id"
    assert lines[1] == "Warning: repeated ids 'x': listed as duplicate_id, not extracted"
    docs = table(tmp_path / "d.jsonl")
    assert docs["status"].tolist() == ["ok", "ok", "duplicate_id"]
    assert table(tmp_path / "q.jsonl")["doc_id"].tolist() == ["x"]  # quotations never merged


def test_strict_ids_stop_at_a_repeated_id(tmp_path):
    dump = write_jsonl(tmp_path / "dump.jsonl", [{"id": "x", "text": "а"}, {"id": "x", "text": "б"}])
    result = run(dump, "-o", tmp_path / "q.jsonl", "-q", "--strict-ids")
    assert result.exit_code == 1
    assert result.stderr == "Error: duplicate id 'x': ids must be unique (strict ids)\n"


def test_resume_goes_by_position_so_a_repeated_id_is_not_skipped(tmp_path):
    records = [{"id": "x", "text": CLEAN}, {"id": "y", "text": CLEAN}, {"id": "x", "text": CLEAN}]
    q, d = tmp_path / "q.jsonl", tmp_path / "d.jsonl"
    assert run(write_jsonl(tmp_path / "part.jsonl", records[:2]), "-o", q, "--docs", d, "-q").exit_code == 0
    more = [*records, {"id": "z", "text": CLEAN}]
    result = run(write_jsonl(tmp_path / "all.jsonl", more), "-o", q, "--docs", d, "-q", "--resume")
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(
        "2 documents: 1 ok, 0 errors, 1 quotations, 1 with a duplicate id (2 already"
    )
    assert table(d)["doc_id"].tolist() == ["x", "y", "x", "z"]
    assert table(d)["status"].tolist() == ["ok", "ok", "duplicate_id", "ok"]
    assert table(q)["doc_id"].tolist() == ["x", "y", "z"]


def test_resume_refuses_other_inputs(tmp_path):
    q, d = tmp_path / "q.jsonl", tmp_path / "d.jsonl"
    assert (
        run(write_jsonl(tmp_path / "a.jsonl", [{"id": "a", "text": "а"}]), "-o", q, "--docs", d).exit_code
        == 0
    )
    result = run(
        write_jsonl(tmp_path / "b.jsonl", [{"id": "b", "text": "б"}]), "-o", q, "--docs", d, "--resume"
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot resume: document 1 of the input is 'b' but ")


def test_write_many_resumes_from_python(tmp_path):
    q, d = tmp_path / "q.csv", tmp_path / "d.csv"
    texts = [CLEAN, "Текст.", CLEAN]
    first = quotextract.batch.write_many(texts[:2], q, d, progress=False)
    assert (first.ok, first.quotes) == (2, 1)
    second = quotextract.batch.write_many(texts, q, d, resume=True, progress=False)
    assert (second.ok, second.skipped, second.quotes) == (1, 2, 1)
    assert table(q)["doc_id"].tolist() == ["0", "2"]


# Small things a user meets


def test_csv_with_a_byte_order_mark(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes('\ufeffid,text\nb1,"'.encode() + CLEAN.encode() + b'"\n')
    result = run(path, "-o", tmp_path / "q.jsonl", "-q")
    assert result.exit_code == 0, result.output
    assert table(tmp_path / "q.jsonl")["doc_id"].tolist() == ["b1"]


def test_n_jobs_above_the_cores_is_capped_with_a_warning(monkeypatch):
    monkeypatch.setattr(quotextract.batch.os, "cpu_count", lambda: 1)
    with pytest.warns(quotextract.batch.BatchWarning, match="n_jobs=100 but this machine has 1 cores"):
        results = list(quotextract.iter_extract(["Текст."], n_jobs=100, progress=False))
    assert [r.status for r in results] == ["ok"]


def test_a_series_index_gives_the_ids():
    quotes = quotextract.extract(pd.Series([CLEAN, CLEAN], index=["first", "second"]))
    assert quotes["doc_id"].tolist() == ["first", "second"]


def test_a_raising_generator_keeps_the_finished_results_with_two_jobs():
    def texts():
        yield from [CLEAN] * 5
        raise RuntimeError("the source broke")

    seen = []
    with pytest.raises(RuntimeError, match="the source broke"):
        for result in quotextract.iter_extract(texts(), n_jobs=2, chunksize=2, progress=False):
            seen.append(result.doc_id)
    assert seen == ["0", "1", "2", "3", "4"]


def test_gzip_on_stdin_is_one_clean_message(tmp_path):
    data = gzip.compress(json.dumps({"text": CLEAN}).encode() + b"\n")
    result = run("-", "-o", tmp_path / "q.jsonl", "-q", input=data)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: stdin: gzip-compressed data; ")
    assert len(result.stderr.splitlines()) == 1


def test_a_cut_json_line_says_where(tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_bytes(b'{"id": "a", "text": "\xd0\x90\n{"id": "b", "text": "\xd0\x91"}\n')
    result = run(dump, "-o", tmp_path / "q.jsonl", "--docs", tmp_path / "d.jsonl", "-q")
    assert result.exit_code == 0
    assert table(tmp_path / "d.jsonl")["error"].tolist()[0] == (
        "line 1: invalid JSON (Invalid control character at column 23)"
    )


def test_show_draws_an_article_with_a_lone_surrogate(tmp_path):
    page = quotextract.show(LAVROV)
    page.save(tmp_path / "page.html")
    assert "Мы \ufffd готовы" in (tmp_path / "page.html").read_text(encoding="utf-8")


def test_dask_reports_a_non_str_text_as_the_in_process_path_does():
    dask = pytest.importorskip("dask")
    dd = pytest.importorskip("dask.dataframe")
    from quotextract.dask import extract_many

    frame = pd.DataFrame({"id": ["a", "b"], "text": [CLEAN, 12]}, dtype=object)
    expected = quotextract.batch.extract_many(frame, documents=True).documents
    with dask.config.set({"dataframe.convert-string": False, "scheduler": "sync"}):  # keeps the 12 an int
        table = extract_many(dd.from_pandas(frame, npartitions=1), documents=True).documents.compute()
    pd.testing.assert_frame_equal(table.reset_index(drop=True), expected)
    assert table["error"].tolist()[1] == "expected str, got int"


def test_jobs_above_the_cores_are_capped_with_a_warning_line(tmp_path, monkeypatch):
    monkeypatch.setattr("os.cpu_count", lambda: 1)
    dump = write_jsonl(tmp_path / "dump.jsonl", [{"id": "a", "text": CLEAN}])
    result = run(dump, "-o", tmp_path / "q.jsonl", "-q", "--jobs", "100")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "Warning: --jobs 100 but this machine has 1 cores: using 1",
        "1 documents: 1 ok, 0 errors, 1 quotations",
    ]
