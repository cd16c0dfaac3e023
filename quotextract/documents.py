"""The records of the many-document side: input documents, their results, the two tables' dtypes.

Below :mod:`quotextract.batch` (the engine), :mod:`quotextract.readers` and
:mod:`quotextract.writers`, which all speak in these types.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from .frame import DTYPES, rows_frame

DUPLICATE_ID = "duplicate_id"  # a later document with the id of an earlier one: not extracted
STATUSES = pd.CategoricalDtype(["ok", "error", DUPLICATE_ID])
QUOTE_DTYPES = {"doc_id": "string", **DTYPES}  # the quotations table of many documents
DOCUMENT_DTYPES = {  # the documents table: one row per input document
    "doc_id": "string",
    "status": STATUSES,
    "error": "string",
    "n_quotes": "Int64",
    "n_chars": "Int64",
}


def quote_dtypes(kept: Mapping[str, object] | None = None) -> dict:
    """The quotations table's dtypes with ``kept`` input columns (name -> dtype) after ``doc_id``."""
    return {"doc_id": "string", **(kept or {}), **DTYPES}


@dataclass(frozen=True, slots=True)
class Document:
    """One input document. With ``error`` set it could not be read and is reported, not extracted."""

    doc_id: str
    text: object
    error: str | None = None
    fields: Mapping[str, object] | None = None  # input columns carried to the quotes (keep_columns)
    status: str = "error"  # the status ``error`` gives: "error" or "duplicate_id"


@dataclass(frozen=True, slots=True, eq=False)
class DocumentResult:
    """The outcome for one document: ``status`` is ``"ok"``, ``"error"`` or ``"duplicate_id"``
    (then ``error`` says why)."""

    doc_id: str
    status: str
    error: str | None
    rows: list[tuple]  # the quotations as plain rows of ``frame.COLUMNS``; empty on error
    n_chars: int
    fields: Mapping[str, object] | None = None  # the document's kept input columns

    @property
    def quotes(self) -> pd.DataFrame:
        """The quotations as a frame with the single-text columns of ``frame.COLUMNS``."""
        return rows_frame(self.rows)

    @property
    def n_quotes(self) -> int:
        return len(self.rows)


@dataclass(frozen=True, slots=True, eq=False)
class BatchResult:
    """Quotations of all documents (``doc_id`` first) and the documents table (one row each)."""

    quotes: pd.DataFrame
    documents: pd.DataFrame
