"""Output formats: the quotes and documents tables written chunk by chunk (.parquet, .csv, .jsonl, .xlsx).

Nothing accumulates: CSV and JSONL are appended and flushed per chunk, Parquet gets one row group
per chunk through ``pyarrow.parquet.ParquetWriter``. A Parquet file is only complete once closed,
so it is written beside its target (``quotes.parquet.partial``) and moved into place on close.
Excel (.xlsx, with openpyxl) likewise: rows stream to openpyxl's write-only sheet, saved on close.

Resumption (:class:`Output` with ``resume=True``): the documents table lists the finished
documents, in input order. Their rows are kept, and as many quotes as they have (the quotes come
first, in the same order); quotes of unfinished documents are dropped (a run stopped between
writing a chunk's quotes and its documents leaves some), and the run continues after them, by
position: ids may repeat.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from .documents import DOCUMENT_DTYPES, quote_dtypes
from .frame import empty_frame

SUFFIXES = (".parquet", ".csv", ".jsonl", ".ndjson", ".xlsx")
STAGED = (".parquet", ".xlsx")  # complete only once closed: written beside the target
EXCEL_ROWS = 1_048_576  # rows of a sheet, the header included
EXCEL_CELL = 32_767  # characters of a cell
EXCEL_INSTALL = "writing .xlsx needs openpyxl: pip install 'quotextract[views]'"
READ_BATCH = 10_000
BOOLEANS = {True: True, False: False, "True": True, "False": False}  # as CSV/JSONL hold them


class OutputError(Exception):
    """An output that cannot be written or resumed from."""


def suffix(path: str | os.PathLike) -> str:
    """The format suffix of an output path; raises OutputError for an unknown one."""
    found = Path(path).suffix.lower()
    if found not in SUFFIXES:
        raise OutputError(f"{path}: unknown output format (expected .parquet, .csv, .jsonl or .xlsx)")
    return found


# Writers: write(frame) appends a chunk, close() finishes the file.


def _records(frame: pd.DataFrame) -> Iterator[dict]:
    columns = {name: frame[name].astype(object).where(frame[name].notna(), None) for name in frame.columns}
    return (dict(zip(columns, values)) for values in zip(*columns.values()))


class _Jsonl:
    def __init__(self, path: Path, dtypes: dict, append: bool = False):
        self._file = open(path, "a" if append else "w", encoding="utf-8")

    def write(self, frame: pd.DataFrame) -> None:
        self._file.writelines(json.dumps(record, ensure_ascii=False) + "\n" for record in _records(frame))
        self._file.flush()

    def close(self) -> None:
        self._file.close()


class _Csv:
    def __init__(self, path: Path, dtypes: dict, append: bool = False):
        self._file = open(path, "a" if append else "w", encoding="utf-8", newline="")
        if not append:
            empty_frame(dtypes).to_csv(self._file, index=False)

    def write(self, frame: pd.DataFrame) -> None:
        frame.to_csv(self._file, header=False, index=False)
        self._file.flush()

    def close(self) -> None:
        self._file.close()


class _Parquet:
    def __init__(self, path: Path, dtypes: dict, append: bool = False):
        import pyarrow as pa
        import pyarrow.parquet as pq

        if append:
            raise ValueError("a parquet file cannot be appended to")
        self._from_pandas = pa.Table.from_pandas
        self._schema = pa.Schema.from_pandas(empty_frame(dtypes), preserve_index=False)
        self._writer = pq.ParquetWriter(path, self._schema)

    def write(self, frame: pd.DataFrame) -> None:
        if len(frame):
            self._writer.write_table(self._from_pandas(frame, schema=self._schema, preserve_index=False))

    def close(self) -> None:
        self._writer.close()


class _Xlsx:
    """One sheet, header frozen; text kept as text (never a formula), cells cut at Excel's limit."""

    def __init__(self, path: Path, dtypes: dict, append: bool = False):
        try:
            from openpyxl import Workbook
            from openpyxl.cell import WriteOnlyCell
            from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
        except ImportError as error:
            raise OutputError(EXCEL_INSTALL) from error
        if append:
            raise ValueError("an xlsx file cannot be appended to")
        self._path, self._cell, self._illegal = path, WriteOnlyCell, ILLEGAL_CHARACTERS_RE
        self._book = Workbook(write_only=True)
        self._sheet = self._book.create_sheet("quotes" if "quote" in dtypes else "documents")
        self._sheet.freeze_panes = "A2"
        self._sheet.append(list(dtypes))
        self._rows = 1

    def _value(self, value):
        if not isinstance(value, str):
            return value
        value = self._illegal.sub("\ufffd", value).encode("utf-8", "replace").decode("utf-8")
        value = value if len(value) <= EXCEL_CELL else value[: EXCEL_CELL - 1] + "…"
        cell = self._cell(self._sheet, value=value)
        cell.data_type = "s"  # '=…' stays text
        return cell

    def write(self, frame: pd.DataFrame) -> None:
        if self._rows + len(frame) > EXCEL_ROWS:
            raise OutputError(
                f"more than {EXCEL_ROWS - 1} rows do not fit an Excel sheet: write .parquet or .csv instead"
            )
        for record in _records(frame):
            self._sheet.append([self._value(value) for value in record.values()])
        self._rows += len(frame)

    def close(self) -> None:
        self._book.save(self._path)


WRITERS = {".parquet": _Parquet, ".csv": _Csv, ".jsonl": _Jsonl, ".ndjson": _Jsonl, ".xlsx": _Xlsx}


# Reading back, for resumption


def _coerce(frame: pd.DataFrame, dtypes: dict) -> pd.DataFrame:
    """``frame`` with ``dtypes``; values that do not fit (a truncated last row) become NA."""
    columns = {}
    for name, dtype in dtypes.items():
        values = frame[name] if name in frame.columns else pd.Series(pd.NA, index=frame.index, dtype="object")
        if dtype == "Int64":
            values = pd.to_numeric(values, errors="coerce").astype("Int64")
        elif dtype == "boolean":
            values = values.map(BOOLEANS.get).astype(object)
        elif dtype == "string":
            values = (
                values.astype(object).where(values.notna(), None).map(lambda v: v if v is None else str(v))
            )
        columns[name] = values.astype(dtype)
    return pd.DataFrame(columns, index=frame.index)


def _read_jsonl(path: Path) -> Iterator[pd.DataFrame]:
    records = []
    with open(path, encoding="utf-8", errors="replace") as file:
        for line in file:
            try:
                record = json.loads(line)
            except json.JSONDecodeError:  # a line cut short by an interruption
                continue
            if isinstance(record, dict):
                records.append(record)
            if len(records) == READ_BATCH:
                yield pd.DataFrame.from_records(records)
                records = []
    if records:
        yield pd.DataFrame.from_records(records)


def _read_csv(path: Path) -> Iterator[pd.DataFrame]:
    yield from pd.read_csv(
        path, dtype=str, keep_default_na=False, na_values=[""], chunksize=READ_BATCH, on_bad_lines="skip"
    )


def _read_parquet(path: Path) -> Iterator[pd.DataFrame]:
    import pyarrow.parquet as pq

    for batch in pq.ParquetFile(path).iter_batches(batch_size=READ_BATCH):
        yield batch.to_pandas()


def _read_xlsx(path: Path) -> Iterator[pd.DataFrame]:
    yield pd.read_excel(path, dtype=object)


READERS = {
    ".parquet": _read_parquet,
    ".csv": _read_csv,
    ".jsonl": _read_jsonl,
    ".ndjson": _read_jsonl,
    ".xlsx": _read_xlsx,
}


def read_output(path: str | os.PathLike, dtypes: dict) -> Iterator[pd.DataFrame]:
    """An output file back in chunks with ``dtypes``; rows damaged by an interruption are skipped."""
    path = Path(path)
    try:
        for chunk in READERS[suffix(path)](path):
            chunk = _coerce(chunk, dtypes)
            yield chunk[chunk["doc_id"].notna() & chunk[list(dtypes)[-1]].notna()]
    except (OSError, ValueError, pd.errors.ParserError) as error:
        raise OutputError(f"cannot read {path} ({error})") from error


def finished(path: str | os.PathLike) -> tuple[list[str], int]:
    """The ids of the documents listed in a documents table, in order, and their number of quotes."""
    done: list[str] = []
    quotes = 0
    for chunk in read_output(path, DOCUMENT_DTYPES):
        listed = chunk[chunk["status"].notna()]
        done.extend(listed["doc_id"])
        quotes += int(listed["n_quotes"].fillna(0).sum())
    return done, quotes


# Tables and the pair of them


class Table:
    """One output table, written chunk by chunk.

    ``keep``: continue an existing file, keeping only its first ``keep`` rows.
    ``staged``: write beside the target and move into place on :meth:`close` (always for Parquet).
    """

    def __init__(
        self, path: str | os.PathLike, dtypes: dict, *, keep: int | None = None, staged: bool = False
    ):
        self.path, self._dtypes = Path(path), dtypes
        self._format = suffix(self.path)
        self._partial = self.path.with_name(self.path.name + ".partial")
        self.staged = staged or self._format in STAGED
        carry = keep is not None and self.path.exists()
        self._writer = self._open(self._partial if self.staged or carry else self.path)
        if carry:
            left = keep
            for chunk in read_output(self.path, dtypes):
                self._writer.write(chunk.iloc[:left])
                left -= min(left, len(chunk))
        if carry and not self.staged:  # compacted now, appended to from here on
            self._writer.close()
            os.replace(self._partial, self.path)
            self._writer = self._open(self.path, append=True)

    def _open(self, path: Path, append: bool = False):
        try:
            return WRITERS[self._format](path, self._dtypes, append)
        except OSError as error:
            raise OutputError(f"cannot write {self.path} ({error.strerror or error})") from error

    def write(self, frame: pd.DataFrame) -> None:
        """Append a chunk (flushed for CSV and JSONL)."""
        self._writer.write(frame)

    def close(self) -> None:
        """Finish the file (and move a staged one into place)."""
        self._writer.close()
        if self.staged:
            os.replace(self._partial, self.path)

    def abort(self) -> None:
        """Stop writing, leaving a staged target untouched."""
        self._writer.close()
        if self.staged:
            self._partial.unlink(missing_ok=True)


class Output:
    """The quotes table and, optionally, the documents table of a run; a context manager.

    A chunk's documents rows are written only after its quotes, and a staged quotes file stages
    the documents table too, so no document is ever listed as done without its quotes.
    With ``resume=True`` (which needs ``docs``) the ids of the documents listed in ``docs`` are in
    :attr:`done`, in order; the caller skips as many documents. ``kept``: input columns written
    after ``doc_id``, as strings.
    """

    def __init__(
        self,
        quotes: str | os.PathLike,
        docs: str | os.PathLike | None = None,
        *,
        resume: bool = False,
        kept: tuple[str, ...] = (),
    ):
        suffix(quotes)
        if docs is not None:
            suffix(docs)
            if Path(docs).resolve() == Path(quotes).resolve():
                raise OutputError(f"{docs}: the documents table needs a file of its own")
        if resume and docs is None:
            raise OutputError("resuming needs the documents table, where finished documents are listed")
        self.done, n_quotes = finished(docs) if resume and Path(docs).exists() else ([], 0)
        if self.done and not Path(quotes).exists():
            raise OutputError(
                f"cannot resume: {docs} lists {len(self.done)} finished documents but {quotes} does not exist"
            )
        self.quotes = Table(
            quotes, quote_dtypes(dict.fromkeys(kept, "string")), keep=n_quotes if resume else None
        )
        self.docs = None
        if docs is not None:
            try:
                keep = len(self.done) if resume else None
                self.docs = Table(docs, DOCUMENT_DTYPES, keep=keep, staged=self.quotes.staged)
            except BaseException:
                self.quotes.abort()
                raise

    def write(self, quotes: pd.DataFrame, documents: pd.DataFrame) -> None:
        """Write one chunk: its quotations, then its documents rows."""
        self.quotes.write(quotes)
        if self.docs is not None:
            self.docs.write(documents)

    def close(self) -> None:
        """Finish both files, the quotes first."""
        self.quotes.close()
        if self.docs is not None:
            self.docs.close()

    def __enter__(self) -> Output:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
