"""Input formats -> documents: JSONL (optionally gzipped), CSV, Parquet, .txt files and folders, stdin.

Everything streams. A malformed record (bad JSON, no text field, text that is not a string,
undecodable bytes) becomes an error :class:`~quotextract.documents.Document` whose message starts with
its line (or row) number; only an input that cannot be read at all raises :class:`InputError`.
Records without an id are named after their file and line: ``news.jsonl:17``.
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import chain
from pathlib import Path
from typing import BinaryIO

from .documents import Document
from .normalize import readable

FORMATS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonl.gz": "jsonl",
    ".ndjson.gz": "jsonl",
    ".csv": "csv",
    ".csv.gz": "csv",
    ".parquet": "parquet",
    ".txt": "txt",
}
EXPECTED = (
    ".jsonl, .ndjson (optionally .gz), .csv, .parquet, .txt, a folder of .txt files or - (JSONL on stdin)"
)
SURROGATES = re.compile(r"[\udc80-\udcff]")  # undecodable bytes kept by errors="surrogateescape"
PARQUET_BATCH = 1024
GZIP_MAGIC = b"\x1f\x8b"


class InputError(Exception):
    """An input that cannot be used at all: missing, of an unknown format, corrupt, wrong columns."""


@dataclass(frozen=True, slots=True)
class Source:
    """One input: ``path`` as given (``-`` is stdin) and its ``kind`` (jsonl, csv, parquet, txt, folder)."""

    path: str
    kind: str

    @property
    def name(self) -> str:
        return "stdin" if self.kind == "stdin" else Path(self.path).name


def source(path: str) -> Source:
    """The source at ``path``; raises InputError when it does not exist or has an unknown format."""
    if path == "-":
        return Source(path, "stdin")
    if os.path.isdir(path):
        return Source(path, "folder")
    if not os.path.exists(path):
        raise InputError(f"{path}: no such file or folder")
    lower = path.lower()
    for suffix, kind in sorted(FORMATS.items(), key=lambda item: -len(item[0])):
        if lower.endswith(suffix):
            return Source(path, kind)
    raise InputError(f"{path}: unknown input format (expected {EXPECTED})")


def read_documents(
    paths: Iterable[str],
    *,
    text: str = "text",
    id: str = "id",
    stdin: BinaryIO | None = None,
    keep_columns: Iterable[str] = (),
) -> Iterator[Document]:
    """The documents of all ``paths``, in order. Every input is checked now; records are read lazily.

    ``keep_columns``: fields or columns each document carries in ``fields``, as strings (None when
    the record lacks them; .txt inputs have none).
    """
    sources = [source(str(path)) for path in paths]
    if sum(s.kind == "stdin" for s in sources) > 1:
        raise InputError("- (stdin) can be given only once")
    for s in sources:
        _check_columns(s, text)
    keep = tuple(keep_columns)
    return chain.from_iterable(_kept(_guarded(s, text, id, stdin, keep), keep) for s in sources)


def _kept(documents: Iterator[Document], keep: tuple[str, ...]) -> Iterator[Document]:
    """Only the kept fields, as strings: one type per column whatever the records hold."""
    for document in documents:
        if document.fields is None:
            yield replace(document, fields=dict.fromkeys(keep)) if keep else document
        else:
            fields = document.fields
            yield replace(
                document, fields={name: _as_text(fields.get(name)) for name in keep} if keep else None
            )


def _as_text(value) -> str | None:
    if value is None or isinstance(value, str):
        return value if value is None else _clean(value)
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else str(value)


read = read_documents  # the former name


def _guarded(source: Source, text: str, id: str, stdin: BinaryIO | None, keep=()) -> Iterator[Document]:
    """The documents of one input; should it break off (a truncated .gz, a corrupt Parquet file),
    an error document says where, and the run goes on with the next input."""
    count = 0
    try:
        for document in READERS[source.kind](source, text, id, stdin, keep):
            count += 1
            yield document
    except (OSError, EOFError, ValueError, zlib.error) as error:
        reason = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        yield Document(f"{source.name}:end", None, f"cannot read past record {count} ({reason})")


def _open_text(path: str):
    """A CSV file as text; a byte order mark (as Excel saves UTF-8) is not part of the first column."""
    opener = gzip.open if path.lower().endswith(".gz") else open
    return opener(path, "rt", encoding="utf-8-sig", errors="surrogateescape", newline="")


def _check_columns(source: Source, text: str) -> None:
    """Column-based inputs must have the text column: a wrong ``--text-column`` is an unusable argument."""
    try:
        if source.kind == "csv":
            with _open_text(source.path) as file:
                columns = next(csv.reader(file), [])
        elif source.kind == "parquet":
            import pyarrow.parquet as pq

            columns = pq.ParquetFile(source.path).schema_arrow.names
        else:
            return
    except (OSError, EOFError, ValueError, csv.Error) as error:
        raise InputError(f"{source.path}: cannot read ({error})") from error
    if text not in columns:
        raise InputError(f"{source.path}: no column {text!r} (columns: {', '.join(columns) or 'none'})")


def _clean(value: str) -> str:
    """``value`` with undecodable bytes shown as ``\\xNN`` escapes, lone surrogates as ``\\uXXXX``."""
    return readable(value)


def _fields(record, at: str, doc_id: str, text: str, id: str) -> Document:
    """A document from a JSON record or a dict row; ``at`` says where it is (``line 3``)."""
    if not isinstance(record, dict):
        return Document(doc_id, None, f"{at}: expected a JSON object, got {type(record).__name__}")
    key = record.get(id)
    if key is not None and key != "":
        doc_id = _clean(str(key))
    if text not in record:
        return Document(doc_id, None, f"{at}: no {text!r} field", record)
    value = record[text]
    if not isinstance(value, str):
        kind = "null" if value is None else type(value).__name__
        return Document(doc_id, None, f"{at}: {text!r} is {kind}, not a string", record)
    return Document(doc_id, value, fields=record)  # narrowed to the kept columns by _kept


# JSONL


def _jsonl_lines(lines: Iterable[bytes], name: str, text: str, id: str) -> Iterator[Document]:
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        at, doc_id = f"line {number}", f"{name}:{number}"
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            yield Document(
                doc_id,
                None,
                f"{at}: not valid UTF-8 (byte 0x{raw[error.start]:02x} at column {error.start + 1})",
            )
            continue
        try:
            record = json.loads(line.lstrip("\ufeff") if number == 1 else line)
        except json.JSONDecodeError as error:
            yield Document(doc_id, None, f"{at}: invalid JSON ({_json_error(error)})")
            continue
        yield _fields(record, at, doc_id, text, id)


def _json_error(error: json.JSONDecodeError) -> str:
    """'Invalid control character at column 12', 'Expecting value at column 1': where, in full."""
    message = error.msg.removesuffix(" at")
    return f"{message} at column {error.colno}"


def _jsonl(source: Source, text: str, id: str, stdin, keep=()) -> Iterator[Document]:
    opener = gzip.open if source.path.lower().endswith(".gz") else open
    with opener(source.path, "rb") as file:
        yield from _jsonl_lines(file, source.name, text, id)


def _stdin(source: Source, text: str, id: str, stdin, keep=()) -> Iterator[Document]:
    lines = iter(stdin if stdin is not None else sys.stdin.buffer)
    first = next(lines, b"")
    if first.startswith(GZIP_MAGIC):
        raise InputError(
            "stdin: gzip-compressed data; give the .gz file itself, or decompress it: zcat dump.jsonl.gz | …"
        )
    yield from _jsonl_lines(chain([first], lines), source.name, text, id)


# CSV


def _csv(source: Source, text: str, id: str, stdin, keep=()) -> Iterator[Document]:
    csv.field_size_limit(2**31 - 1)  # articles are longer than the default 131072 characters
    with _open_text(source.path) as file:
        reader = csv.reader(file)
        header = next(reader, None)
        if header is None:
            return
        column, key = header.index(text), header.index(id) if id in header else None
        while True:
            line = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                yield Document(f"{source.name}:{line}", None, f"line {line}: malformed CSV ({error})")
                continue
            if row:
                document = _csv_row(row, line, column, key, source.name)
                fields = dict(zip(header, (value or None for value in row)))  # empty: missing
                yield replace(document, fields=fields) if keep else document


def _csv_row(row: list[str], line: int, column: int, key: int | None, name: str) -> Document:
    at = f"line {line}"
    doc_id = row[key] if key is not None and key < len(row) and row[key] else f"{name}:{line}"
    doc_id = _clean(doc_id)
    if column >= len(row):
        return Document(doc_id, None, f"{at}: no text field (the row has {len(row)} fields)")
    if SURROGATES.search(row[column]):
        return Document(doc_id, None, f"{at}: not valid UTF-8")
    return Document(doc_id, row[column])


# Parquet


def _parquet(source: Source, text: str, id: str, stdin, keep=()) -> Iterator[Document]:
    import pyarrow.parquet as pq

    file = pq.ParquetFile(source.path)
    columns = [text, id] if id in file.schema_arrow.names and id != text else [text]
    extra = [name for name in dict.fromkeys(keep) if name in file.schema_arrow.names]
    row = 0
    for batch in file.iter_batches(batch_size=PARQUET_BATCH, columns=list(dict.fromkeys(columns + extra))):
        texts = batch.column(0).to_pylist()
        ids = batch.column(1).to_pylist() if len(columns) == 2 else [None] * len(texts)
        kept = {name: batch.column(name).to_pylist() for name in extra}
        for index, (key, value) in enumerate(zip(ids, texts)):
            row += 1
            doc_id = _clean(str(key)) if key is not None and key != "" else f"{source.name}:{row}"
            record = {text: value, **{name: values[index] for name, values in kept.items()}}
            yield _fields(record, f"row {row}", doc_id, text, id)


# Text files


def _txt_file(path: Path, doc_id: str) -> Document:
    try:
        data = path.read_bytes()
    except OSError as error:
        return Document(doc_id, None, f"cannot read ({error.strerror or error})")
    try:
        return Document(doc_id, data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return Document(doc_id, None, f"line {line}: not valid UTF-8 (byte 0x{data[error.start]:02x})")


def _txt(source: Source, text: str, id: str, stdin, keep=()) -> Iterator[Document]:
    yield _txt_file(Path(source.path), source.name)


def _folder(source: Source, text: str, id: str, stdin, keep=()) -> Iterator[Document]:
    """The .txt files under the folder, sorted, walked lazily; ids are relative paths."""
    root = Path(source.path)
    for folder, subfolders, files in os.walk(root):
        subfolders.sort()
        for name in sorted(files):
            if name.lower().endswith(".txt"):
                path = Path(folder, name)
                yield _txt_file(path, _clean(path.relative_to(root).as_posix()))


READERS = {
    "jsonl": _jsonl,
    "stdin": _stdin,
    "csv": _csv,
    "parquet": _parquet,
    "txt": _txt,
    "folder": _folder,
}
