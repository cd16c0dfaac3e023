"""`quotextract extract`: input and output formats, error rows, exit codes, resumption."""

from __future__ import annotations

import gzip
import json
import re

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from quotextract import pipeline
from quotextract.batch import DOCUMENT_DTYPES, QUOTE_DTYPES
from quotextract.cli import main
from quotextract.frame import to_frame
from quotextract.model import Quotation, Span

LAVROV = "«Мы готовы к переговорам», — заявил министр иностранных дел Сергей Лавров."
SUMMARY = re.compile(r"^(\d+) documents: (\d+) ok, (\d+) errors, (\d+) quotations")


class Fake:
    """Every «...» is a quotation; a text containing 'stop' interrupts the run like Ctrl-C."""

    def __call__(self, text: str) -> pd.DataFrame:
        if "stop" in text:
            raise KeyboardInterrupt
        found = re.finditer(r"«([^»]*)»", text)
        return to_frame(Quotation(Span(m.start(1), m.end(1), m.group(1)), "direct", "fake") for m in found)


@pytest.fixture
def fake(monkeypatch):
    monkeypatch.setattr(pipeline, "_default", Fake())


def run(*args, input=None):
    return CliRunner().invoke(main, ["extract", *map(str, args)], input=input)


def read(path, dtypes) -> pd.DataFrame:
    path = str(path)
    if path.endswith(".parquet"):
        return pd.read_parquet(path)
    if path.endswith(".csv"):
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
        booleans = [name for name, dtype in dtypes.items() if dtype == "boolean"]
        return frame.replace({name: {"True": True, "False": False} for name in booleans}).astype(dtypes)
    return pd.read_json(path, lines=True, dtype=False).astype(dtypes)


RECORDS = [
    {"id": "a", "text": "«раз» и «два»"},
    {"id": "b", "text": "без цитат"},
    {"id": "c", "text": "«три»"},
]


def write_jsonl(path, records, opener=open):
    with opener(path, "wt", encoding="utf-8") as file:
        file.writelines(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    return path


def write_folder(path, records):
    for record in records:
        (path / record["id"]).mkdir(parents=True)
        (path / record["id"] / "doc.txt").write_text(record["text"], encoding="utf-8")
    return path


# Each input format: a writer of RECORDS into tmp_path, and the doc_ids it yields.
FORMATS = {
    "jsonl": (lambda tmp: write_jsonl(tmp / "in.jsonl", RECORDS), ["a", "b", "c"]),
    "ndjson.gz": (lambda tmp: write_jsonl(tmp / "in.ndjson.gz", RECORDS, gzip.open), ["a", "b", "c"]),
    "csv": (
        lambda tmp: pd.DataFrame(RECORDS).to_csv(tmp / "in.csv", index=False) or tmp / "in.csv",
        ["a", "b", "c"],
    ),
    "parquet": (
        lambda tmp: (
            pq.write_table(pa.Table.from_pylist(RECORDS), tmp / "in.parquet", row_group_size=2)
            or tmp / "in.parquet"
        ),
        ["a", "b", "c"],
    ),
    "folder": (lambda tmp: write_folder(tmp / "texts", RECORDS), ["a/doc.txt", "b/doc.txt", "c/doc.txt"]),
}


@pytest.mark.parametrize("kind", FORMATS)
def test_input_formats(fake, tmp_path, kind):
    make, ids = FORMATS[kind]
    result = run(make(tmp_path), "-o", tmp_path / "q.jsonl", "--docs", tmp_path / "d.jsonl")
    assert result.exit_code == 0, result.output
    assert read(tmp_path / "d.jsonl", DOCUMENT_DTYPES)["doc_id"].tolist() == ids
    quotes = read(tmp_path / "q.jsonl", QUOTE_DTYPES)
    assert quotes["quote"].tolist() == ["раз", "два", "три"]
    assert quotes["doc_id"].tolist() == [ids[0], ids[0], ids[2]]


@pytest.mark.parametrize("suffix", ["parquet", "csv", "jsonl"])
def test_output_formats(fake, tmp_path, suffix):
    source = write_jsonl(tmp_path / "in.jsonl", RECORDS)
    result = run(source, "-o", tmp_path / f"q.{suffix}", "--docs", tmp_path / f"d.{suffix}")
    assert result.exit_code == 0, result.output
    quotes, docs = (
        read(tmp_path / f"q.{suffix}", QUOTE_DTYPES),
        read(tmp_path / f"d.{suffix}", DOCUMENT_DTYPES),
    )
    assert list(quotes.columns) == list(QUOTE_DTYPES)
    assert dict(quotes.dtypes) == dict(
        pd.DataFrame({n: pd.Series(dtype=d) for n, d in QUOTE_DTYPES.items()}).dtypes
    )
    assert quotes["quote_start"].tolist() == [1, 9, 1]
    assert docs["n_quotes"].tolist() == [2, 0, 1]
    assert not list(tmp_path.glob("*.partial"))


def test_parquet_output_without_quotes_is_valid(fake, tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", [{"text": "ничего"}])
    assert run(source, "-o", tmp_path / "q.parquet").exit_code == 0
    assert list(pd.read_parquet(tmp_path / "q.parquet").columns) == list(QUOTE_DTYPES)


def test_missing_id_column_names_file_and_line(fake, tmp_path):
    source = write_jsonl(tmp_path / "news.jsonl", [{"text": "«a»"}, {"text": "b"}])
    (tmp_path / "news.csv").write_text("text\n«a»\nb\n", encoding="utf-8")
    result = run(source, tmp_path / "news.csv", "-o", tmp_path / "q.csv", "--docs", tmp_path / "d.csv")
    assert result.exit_code == 0, result.output
    ids = read(tmp_path / "d.csv", DOCUMENT_DTYPES)["doc_id"].tolist()
    assert ids == ["news.jsonl:1", "news.jsonl:2", "news.csv:2", "news.csv:3"]


def test_stdin(fake, tmp_path):
    lines = (
        "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in RECORDS[:2]) + '{"text": "«x»"}\n'
    )
    result = run("-", "-o", tmp_path / "q.jsonl", "--docs", tmp_path / "d.jsonl", input=lines.encode())
    assert result.exit_code == 0, result.output
    assert read(tmp_path / "d.jsonl", DOCUMENT_DTYPES)["doc_id"].tolist() == ["a", "b", "stdin:3"]


def test_malformed_records_become_error_rows(fake, tmp_path):
    lines = [
        json.dumps({"id": "ok", "text": "«a»"}),
        '{"id": "broken", "text": ',
        json.dumps({"id": "notext", "body": "x"}),
        json.dumps({"id": "number", "text": 42}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"id": "null", "text": None}),
    ]
    source = tmp_path / "in.jsonl"
    source.write_bytes("\n".join(lines).encode() + b"\n" + b'{"text": "\xff"}\n')
    result = run(source, "-o", tmp_path / "q.jsonl", "--docs", tmp_path / "d.jsonl")
    assert result.exit_code == 0, result.output
    docs = read(tmp_path / "d.jsonl", DOCUMENT_DTYPES)
    assert dict(zip(docs["doc_id"], docs["error"].fillna(""))) == {
        "ok": "",
        "in.jsonl:2": "line 2: invalid JSON (Expecting value at column 1)",
        "notext": "line 3: no 'text' field",
        "number": "line 4: 'text' is int, not a string",
        "in.jsonl:5": "line 5: expected a JSON object, got list",
        "null": "line 7: 'text' is null, not a string",
        "in.jsonl:8": "line 8: not valid UTF-8 (byte 0xff at column 11)",
    }
    assert result.stderr.strip().splitlines()[-1] == "7 documents: 1 ok, 6 errors, 1 quotations"


def test_undecodable_txt_and_csv(fake, tmp_path):
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "good.txt").write_text("«a»", encoding="utf-8")
    (folder / "bad.txt").write_bytes("первая\nвторая ".encode() + b"\xff\n")
    (tmp_path / "in.csv").write_bytes(b'id,text\nx,\xfe\xff\ny,"\xc2\xab\xd0\xb0\xc2\xbb"\n')
    result = run(folder, tmp_path / "in.csv", "-o", tmp_path / "q.jsonl", "--docs", tmp_path / "d.jsonl")
    assert result.exit_code == 0, result.output
    docs = read(tmp_path / "d.jsonl", DOCUMENT_DTYPES)
    errors = dict(zip(docs["doc_id"], docs["error"].fillna("")))
    assert errors == {
        "bad.txt": "line 2: not valid UTF-8 (byte 0xff)",
        "good.txt": "",
        "x": "line 2: not valid UTF-8",
        "y": "",
    }


def test_summary_line(fake, tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", RECORDS + [{"id": "bad", "text": 1}])
    result = run(source, "-o", tmp_path / "q.parquet")
    assert result.exit_code == 0
    assert result.stderr == "4 documents: 3 ok, 1 errors, 3 quotations\n"
    assert result.stdout == ""


# Unusable arguments and inputs: non-zero exit, one clean message, no traceback.
USAGE = [
    (
        ["missing.jsonl", "-o", "q.csv"],
        2,
        "Error: Invalid value for 'INPUT...': Path 'missing.jsonl' does not exist.",
    ),
    (
        ["in.jsonl", "-o", "q.xls"],
        1,
        "Error: q.xls: unknown output format (expected .parquet, .csv, .jsonl or .xlsx)",
    ),
    (
        ["in.jsonl", "-o", "q.csv", "--docs", "d.txt"],
        1,
        "Error: d.txt: unknown output format (expected .parquet, .csv, .jsonl or .xlsx)",
    ),
    (
        ["in.jsonl", "-o", "q.csv", "--docs", "q.csv"],
        1,
        "Error: q.csv: the documents table needs a file of its own",
    ),
    (
        ["in.jsonl", "-o", "q.csv", "--resume"],
        2,
        "Error: --resume needs --docs: finished documents are read from the documents table",
    ),
    (
        ["in.jsonl", "-o", "q.csv", "--jobs", "0"],
        2,
        "Error: Invalid value for --jobs: must be a positive number of processes or -1 (all cores)",
    ),
    (
        ["in.doc", "-o", "q.csv"],
        1,
        "Error: in.doc: unknown input format (expected .jsonl, .ndjson (optionally .gz), .csv, .parquet, .txt, a folder of .txt files or - (JSONL on stdin))",
    ),
    (
        ["in.csv", "-o", "q.csv", "--text-column", "body"],
        1,
        "Error: in.csv: no column 'body' (columns: id, text)",
    ),
    (["broken.parquet", "-o", "q.csv"], 1, "Error: broken.parquet: cannot read ("),
    (["-", "-", "-o", "q.csv"], 1, "Error: - (stdin) can be given only once"),
]


@pytest.mark.parametrize("args, code, message", USAGE)
def test_unusable_arguments(fake, tmp_path, monkeypatch, args, code, message):
    monkeypatch.chdir(tmp_path)
    write_jsonl(tmp_path / "in.jsonl", RECORDS)
    (tmp_path / "in.doc").write_text("x")
    (tmp_path / "in.csv").write_text("id,text\na,b\n")
    (tmp_path / "broken.parquet").write_bytes(b"not parquet")
    result = run(*args)
    assert result.exit_code == code
    assert result.stderr.strip().splitlines()[-1].startswith(message)
    assert "Traceback" not in result.output
    assert not (tmp_path / "q.csv").exists()


def test_corrupt_gzip_midway_is_an_error_row_and_the_summary_is_printed(fake, tmp_path):
    data = gzip.compress(
        b"".join(json.dumps({"text": f"\u00ab{n}\u00bb"}).encode() + b"\n" for n in range(2000))
    )
    (tmp_path / "in.jsonl.gz").write_bytes(data[: len(data) // 2])
    result = run(tmp_path / "in.jsonl.gz", "-o", tmp_path / "q.jsonl", "--docs", tmp_path / "d.jsonl")
    assert result.exit_code == 0
    total, ok, errors, quotes = map(int, SUMMARY.match(result.stderr).groups())
    assert errors == 1 and ok == total - 1 > 0 and quotes == ok
    last = read(tmp_path / "d.jsonl", DOCUMENT_DTYPES).iloc[-1]
    assert last["doc_id"] == "in.jsonl.gz:end" and last["status"] == "error"
    assert last["error"].startswith(f"cannot read past record {ok} (EOFError: ")
    assert "Traceback" not in result.output


# Resumption


def ids_once(path, dtypes):
    return read(path, dtypes)["doc_id"].tolist()


@pytest.mark.parametrize("suffix", ["jsonl", "csv", "parquet"])
def test_resume_after_partial_run(fake, tmp_path, suffix):
    records = [{"id": f"d{n}", "text": f"«{n}»"} for n in range(250)]
    q, d = tmp_path / f"q.{suffix}", tmp_path / f"d.{suffix}"
    part = write_jsonl(tmp_path / "part.jsonl", records[:120])
    full = write_jsonl(tmp_path / "full.jsonl", records)
    assert run(part, "-o", q, "--docs", d).exit_code == 0
    result = run(full, "-o", q, "--docs", d, "--resume")
    assert result.exit_code == 0, result.output
    assert result.stderr == "130 documents: 130 ok, 0 errors, 130 quotations (120 already done, skipped)\n"
    expected = [f"d{n}" for n in range(250)]
    assert ids_once(d, DOCUMENT_DTYPES) == expected
    assert ids_once(q, QUOTE_DTYPES) == expected


@pytest.mark.parametrize("suffix", ["jsonl", "parquet"])
def test_resume_after_interruption(fake, tmp_path, suffix):
    """Ctrl-C in the middle: finished chunks are kept; the second run does the rest, each once."""
    records = [{"id": f"d{n}", "text": f"«{n}»"} for n in range(250)]
    records[150]["text"] = "«stop»"
    source = write_jsonl(tmp_path / "in.jsonl", records)
    q, d = tmp_path / f"q.{suffix}", tmp_path / f"d.{suffix}"
    interrupted = run(source, "-o", q, "--docs", d)
    assert interrupted.exit_code == 130
    assert (
        interrupted.stderr
        == "100 documents: 100 ok, 0 errors, 100 quotations; interrupted: --resume continues\n"
    )
    assert ids_once(d, DOCUMENT_DTYPES) == [f"d{n}" for n in range(100)]
    records[150]["text"] = "«150»"
    write_jsonl(source, records)
    assert run(source, "-o", q, "--docs", d, "--resume").exit_code == 0
    expected = [f"d{n}" for n in range(250)]
    assert ids_once(d, DOCUMENT_DTYPES) == expected
    assert ids_once(q, QUOTE_DTYPES) == expected


def test_resume_drops_quotes_of_unfinished_documents(fake, tmp_path):
    """A crash between a chunk's quotes and its documents rows: those quotes are not duplicated."""
    source = write_jsonl(tmp_path / "in.jsonl", RECORDS)
    q, d = tmp_path / "q.jsonl", tmp_path / "d.jsonl"
    assert run(source, "-o", q, "--docs", d).exit_code == 0
    lines = d.read_text(encoding="utf-8").splitlines(keepends=True)
    d.write_text(lines[0] + lines[1][:10], encoding="utf-8")  # c unlisted, b's row cut short
    assert run(source, "-o", q, "--docs", d, "--resume").exit_code == 0
    assert ids_once(d, DOCUMENT_DTYPES) == ["a", "b", "c"]
    assert ids_once(q, QUOTE_DTYPES) == ["a", "a", "c"]


def test_resume_without_quotes_file_is_refused(fake, tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", RECORDS)
    assert run(source, "-o", tmp_path / "q.jsonl", "--docs", tmp_path / "d.jsonl").exit_code == 0
    (tmp_path / "q.jsonl").unlink()
    result = run(source, "-o", tmp_path / "q.jsonl", "--docs", tmp_path / "d.jsonl", "--resume")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot resume: ")


def test_resume_on_a_fresh_output_is_a_run(fake, tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", RECORDS)
    result = run(source, "-o", tmp_path / "q.csv", "--docs", tmp_path / "d.csv", "--resume")
    assert result.exit_code == 0
    assert ids_once(tmp_path / "d.csv", DOCUMENT_DTYPES) == ["a", "b", "c"]


# The real extractor (holds with the real pipeline, not with a stub).


def test_real_extractor_two_jobs(tmp_path):
    records = [{"id": f"d{n}", "text": LAVROV if n % 2 else "Без цитат."} for n in range(6)]
    source = write_jsonl(tmp_path / "in.jsonl", records)
    result = run(source, "-o", tmp_path / "q.parquet", "--docs", tmp_path / "d.csv", "--jobs", "2")
    assert result.exit_code == 0, result.output
    quotes = pd.read_parquet(tmp_path / "q.parquet")
    assert quotes["doc_id"].tolist() == ["d1", "d3", "d5"]
    assert set(quotes["speaker"]) == {"Сергей Лавров"}
    assert SUMMARY.match(result.stderr).groups() == ("6", "6", "0", "3")
