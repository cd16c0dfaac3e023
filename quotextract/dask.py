"""Extraction over a dask DataFrame: one task per partition, models loaded once per worker process.

Each partition goes through :func:`quotextract.batch.extract_many` with the process-wide default
extractor, which loads its models on first use: once per worker process, whatever the number of
partitions. Works the same with the local scheduler and with a ``distributed`` cluster.
"""

from __future__ import annotations

import pandas as pd

from .batch import extract_many as _extract_many
from .documents import DOCUMENT_DTYPES, BatchResult, quote_dtypes
from .frame import empty_frame

INSTALL = "quotextract.dask needs dask and distributed: pip install 'quotextract[dask]'"


def _dask():
    try:
        import dask
        import dask.dataframe as dd
    except ImportError as error:
        raise ImportError(INSTALL) from error
    return dask, dd


def _partition(frame: pd.DataFrame, text: str, id: str, keep: tuple[str, ...] = ()) -> BatchResult:
    return _extract_many(frame, text=text, id=id, progress=False, documents=True, keep_columns=keep)


def _quotes(frame: pd.DataFrame, text: str, id: str, keep: tuple[str, ...] = ()) -> pd.DataFrame:
    return _partition(frame, text, id, keep).quotes


def extract_many(data, *, text: str = "text", id: str = "id", documents: bool = False, keep_columns=()):
    """Quotations of a dask DataFrame of documents, as a lazy dask DataFrame (``doc_id`` first).

    Same columns and dtypes as :func:`quotextract.batch.extract_many`; ``text`` and ``id`` name the
    columns (no ``id`` column: the index labels are the ids). Failed documents are reported only
    with ``documents=True``, which returns a :class:`~quotextract.documents.BatchResult` of two dask
    DataFrames sharing one extraction per partition: compute them together,
    ``dask.compute(result.quotes, result.documents)``. ``keep_columns`` as in the batch: input
    columns copied to every quotation after ``doc_id``, with their dtype.
    """
    dask, dd = _dask()
    keep = tuple(keep_columns)
    missing = [name for name in [text, *keep] if name not in data.columns]
    if missing:
        raise ValueError(
            f"no column {missing[0]!r} in the DataFrame (columns: {', '.join(map(str, data.columns))})"
        )
    kept = {name: data[name].dtype for name in keep}
    quotes_meta, documents_meta = empty_frame(quote_dtypes(kept)), empty_frame(DOCUMENT_DTYPES)
    if not documents:
        return data.map_partitions(_quotes, text, id, keep, meta=quotes_meta, align_dataframes=False)
    parts = [dask.delayed(_partition, pure=True)(part, text, id, keep) for part in data.to_delayed()]
    return BatchResult(
        dd.from_delayed([part.quotes for part in parts], meta=quotes_meta, verify_meta=False),
        dd.from_delayed([part.documents for part in parts], meta=documents_meta, verify_meta=False),
    )
