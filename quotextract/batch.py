"""Many documents at once: in input order, streamed, in one process or several.

Every input document is accounted for: a document that is not text, or on which the extractor
raises, becomes an ``error`` row of the documents table and never stops the batch.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
import warnings
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import repeat

import pandas as pd

from . import pipeline, writers
from .collector import hold_collections, rare_full_collections, set_aside
from .documents import (
    DOCUMENT_DTYPES,
    DUPLICATE_ID,
    QUOTE_DTYPES,  # noqa: F401  (quotextract.batch.QUOTE_DTYPES, as before)
    STATUSES,  # noqa: F401  (quotextract.batch.STATUSES, as before)
    BatchResult,
    Document,
    DocumentResult,
    quote_dtypes,
)
from .frame import COLUMNS, empty_frame, rows_frame
from .normalize import readable

WARMUP = "«Мы готовы», — сказал Иван Петров."  # loads every model of a worker before real work
PARENT_POLL = 1.0  # seconds between a worker's checks that its parent still lives
CHUNKSIZE = 32  # documents extracted together: the syntax parser costs a third less per sentence
# in batches of 32 articles' cue sentences than of 8 (NER batches fill at 8 already)


class BatchWarning(UserWarning):
    """Some documents of a batch failed; ``extract_many(..., documents=True)`` tells which and why."""


# Input -> Documents


def as_documents(
    data, *, text: str = "text", id: str = "id", keep_columns: Iterable[str] = ()
) -> Iterator[Document]:
    """The documents of ``data``: a DataFrame, or an iterable of str, ``(id, text)`` pairs or dicts.

    A DataFrame without an ``id`` column, or a Series, takes its index labels as ids; other items without an id
    take their position (``"0"``, ``"1"``, ...). Raises ValueError for a DataFrame without ``text``
    (or without one of ``keep_columns``, the columns or keys each document carries in ``fields``).
    """
    keep = list(keep_columns)
    if isinstance(data, pd.DataFrame):
        missing = [name for name in [text, *keep] if name not in data.columns]
        if missing:
            raise ValueError(
                f"no column {missing[0]!r} in the DataFrame (columns: {', '.join(map(str, data.columns))})"
            )
        ids = data[id] if id in data.columns else data.index
        rows = zip(*(data[name] for name in keep)) if keep else repeat(())
        return (
            Document(_doc_id(key, label), value, fields=dict(zip(keep, row)) if keep else None)
            for key, label, value, row in zip(ids, data.index, data[text], rows)
        )
    if isinstance(data, pd.Series):  # its index labels are the ids, as a DataFrame's are
        return (Document(_doc_id(label, label), value) for label, value in data.items())
    if isinstance(data, (str, bytes, bytearray, Mapping)) or not isinstance(data, Iterable):
        raise TypeError(f"expected a DataFrame or an iterable of documents, got {type(data).__name__}")
    return (_document(position, item, text, id, keep) for position, item in enumerate(data))


def _doc_id(value, fallback) -> str:
    missing = value is None or (
        not isinstance(value, str) and pd.api.types.is_scalar(value) and pd.isna(value)
    )
    return readable(str(fallback) if missing else str(value))


def _document(position: int, item, text: str, id: str, keep: list[str]) -> Document:
    if isinstance(item, Document):
        return item
    if isinstance(item, Mapping):
        doc_id = _doc_id(item.get(id), position)
        fields = {name: item.get(name) for name in keep} if keep else None
        if text not in item:
            return Document(doc_id, None, f"no {text!r} field", fields)
        return Document(doc_id, item[text], fields=fields)
    if isinstance(item, (tuple, list)) and len(item) == 2:
        return Document(_doc_id(item[0], position), item[1])
    return Document(str(position), item)


def _checked(document: Document) -> Document:
    """The document, or an error document when its text is not a str (nothing unpicklable is sent on)."""
    if document.error is not None or isinstance(document.text, str):
        return document
    value = document.text
    missing = value is None or (
        not isinstance(value, (list, tuple, dict)) and pd.api.types.is_scalar(value) and pd.isna(value)
    )
    reason = "missing text" if missing else f"expected str, got {type(value).__name__}"
    return Document(document.doc_id, None, reason, document.fields)


# Extraction


def _failed(document: Document, message: str) -> DocumentResult:
    n_chars = len(document.text) if isinstance(document.text, str) else 0
    status = document.status if document.error is not None else "error"
    return DocumentResult(document.doc_id, status, readable(message), [], n_chars, document.fields)


def _message(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"


def _run(extractor, document: Document) -> DocumentResult:
    """One document through an extractor that only knows ``extractor(text) -> DataFrame``."""
    if document.error is not None:
        return _failed(document, document.error)
    try:
        quotes = extractor(document.text)
    except Exception as error:  # one bad document never stops the batch
        return _failed(document, _message(error))
    found = list(quotes.reindex(columns=COLUMNS).itertuples(index=False, name=None))
    return DocumentResult(document.doc_id, "ok", None, found, len(document.text), document.fields)


def _extract(extractor, chunk: list[Document]) -> list[DocumentResult]:
    """The results of a chunk of documents: all of them at once through ``rows_many`` where the
    extractor has it (NER over the whole chunk), else one by one."""
    many = getattr(extractor, "rows_many", None)
    if many is None:
        return [_run(extractor, document) for document in chunk]
    todo = [document for document in chunk if document.error is None]
    outcomes = iter(many([document.text for document in todo]))
    results = []
    for document in chunk:
        if document.error is not None:
            results.append(_failed(document, document.error))
            continue
        found = next(outcomes)
        if isinstance(found, Exception):
            results.append(_failed(document, _message(found)))
        else:
            results.append(
                DocumentResult(document.doc_id, "ok", None, found, len(document.text), document.fields)
            )
    return results


def _serial(documents: Iterable[Document], extractor, chunksize: int) -> Iterator[DocumentResult]:
    extractor = extractor or pipeline.default_extractor()
    with rare_full_collections(batch=True):  # over the whole batch, not chunk by chunk
        for chunk in _chunks(documents, chunksize):
            yield from _extract(extractor, chunk)
            set_aside()


_worker = None  # the extractor of this worker process, set once by _init_worker
_blas_limit = None  # keeps this worker's BLAS at one thread


def _watch_parent(parent: int) -> None:
    """End this worker once its parent is gone (killed with SIGKILL: no one else would)."""
    while os.getppid() == parent:
        time.sleep(PARENT_POLL)
    os._exit(1)


def _init_worker(extractor) -> None:
    """Load the extractor once, BLAS at one thread: n workers on n cores, not n x n threads.

    Ctrl-C and SIGTERM are the parent's to handle (it finishes the outputs and stops the pool);
    a worker whose parent dies exits too.
    """
    global _worker, _blas_limit
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True).start()
    os.environ.update(OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")  # spawned workers
    import numpy  # noqa: F401  (loads BLAS, so that threadpoolctl finds it now)
    from threadpoolctl import threadpool_limits

    _blas_limit = threadpool_limits(limits=1, user_api="blas")
    hold_collections()  # the worker is ours: its collections stay rare between chunks too
    _worker = extractor or pipeline.default_extractor()
    try:
        _worker(WARMUP)
    except Exception:  # a broken extractor reports itself on the documents, not here
        pass


def _run_chunk(chunk: list[Document]) -> list[DocumentResult]:
    results = _extract(_worker or pipeline.default_extractor(), chunk)
    set_aside(for_good=True)  # the worker is ours
    return results


def worker_pool(n_jobs: int = -1, extractor=None) -> ProcessPoolExecutor:
    """A process pool whose workers load the extractor once; pass it as ``pool=`` to reuse it."""
    return ProcessPoolExecutor(_jobs(n_jobs), initializer=_init_worker, initargs=(extractor,))


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    """Lists of ``size`` items; when the input raises, the items read so far come first."""
    chunk = []
    try:
        for item in items:
            chunk.append(item)
            if len(chunk) == size:
                yield chunk
                chunk = []
    except Exception:
        if chunk:
            yield chunk
        raise
    if chunk:
        yield chunk


def _ordered(chunks: Iterable[list[Document]], pool: Executor, in_flight: int) -> Iterator[DocumentResult]:
    """Results in input order, with at most ``in_flight`` chunks submitted and not yet yielded.

    Should the input raise, the results of the chunks read before come first.
    """
    pending: deque = deque()
    try:
        chunks = iter(chunks)
        while True:
            try:
                chunk = next(chunks)
            except StopIteration:
                break
            except Exception:
                while pending:
                    yield from pending.popleft().result()
                raise
            pending.append(pool.submit(_run_chunk, chunk))
            while pending and (len(pending) >= in_flight or pending[0].done()):
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()


def _parallel(documents, n_jobs: int, chunksize: int, extractor) -> Iterator[DocumentResult]:
    with worker_pool(n_jobs, extractor) as pool:
        yield from _ordered(_chunks(documents, chunksize), pool, 2 * n_jobs)


def _jobs(n_jobs: int) -> int:
    """The number of worker processes: at most one per core (each loads the models, ~250 MB)."""
    if isinstance(n_jobs, bool) or not isinstance(n_jobs, int) or n_jobs == 0 or n_jobs < -1:
        raise ValueError(f"n_jobs must be a positive number of processes or -1 (all cores), got {n_jobs!r}")
    cores = os.cpu_count() or 1
    if n_jobs > cores:
        warnings.warn(
            f"n_jobs={n_jobs} but this machine has {cores} cores: using {cores} worker processes",
            BatchWarning,
            stacklevel=_caller_level(),
        )
    return cores if n_jobs == -1 else min(n_jobs, cores)


def _interactive() -> bool:
    """True in a Jupyter kernel or when stderr is a terminal."""
    if "ipykernel" in sys.modules:
        return True
    isatty = getattr(sys.stderr, "isatty", None)
    return bool(isatty and isatty())


def _with_progress(results: Iterator[DocumentResult], total: int | None) -> Iterator[DocumentResult]:
    from tqdm.auto import tqdm

    with tqdm(total=total, unit="doc", desc="quotextract", file=sys.stderr) as bar:
        for result in results:
            bar.update()
            yield result


def iter_extract(
    data,
    *,
    text: str = "text",
    id: str = "id",
    n_jobs: int = 1,
    progress: bool | None = None,
    chunksize: int = CHUNKSIZE,
    extractor=None,
    pool: Executor | None = None,
    keep_columns: Iterable[str] = (),
) -> Iterator[DocumentResult]:
    """Extract document by document, yielding a :class:`DocumentResult` each, in input order.

    Results stream: input is read lazily and at most ``2 * n_jobs`` chunks are in flight, so memory
    does not grow with the number of documents.

    Args:
        data: a DataFrame (``text``/``id`` name its columns; no ``id`` column: the index), or an
            iterable of str, ``(id, text)`` pairs, dicts or :class:`Document`.
        n_jobs: worker processes; 1 (default) works in this process, -1 uses all cores.
        progress: a tqdm bar on stderr; default on in a terminal or notebook, off otherwise.
        chunksize: documents extracted together (sent to a worker at a time): their lines go
            through NER, and their cue sentences through the syntax parser, in shared batches.
        extractor: an :class:`~quotextract.Extractor` (default: the shared default one).
        pool: a process pool from :func:`worker_pool`, reused instead of starting one.
        keep_columns: input columns (or dict keys) each result carries in ``fields``.
    """
    jobs = _jobs(n_jobs)
    if chunksize < 1:
        raise ValueError(f"chunksize must be positive, got {chunksize!r}")
    checked = map(_checked, as_documents(data, text=text, id=id, keep_columns=keep_columns))
    if pool is not None:
        results = _ordered(_chunks(checked, chunksize), pool, 2 * max(jobs, os.cpu_count() or 1))
    elif jobs == 1:
        results = _serial(checked, extractor, chunksize)
    else:
        results = _parallel(checked, jobs, chunksize, extractor)
    if progress is None:
        progress = _interactive()
    total = len(data) if hasattr(data, "__len__") else None
    return _with_progress(results, total) if progress else results


# Results -> tables


def quotes_frame(results: Iterable[DocumentResult], kept: Mapping | None = None) -> pd.DataFrame:
    """The quotations of ``results`` in one frame: ``doc_id``, then the columns of ``frame.COLUMNS``.

    ``kept`` (column name -> dtype, None to infer it) adds the results' ``fields`` after ``doc_id``.
    """
    results = [result for result in results if result.n_quotes]
    if not results:
        return empty_frame(quote_dtypes({name: dtype or "object" for name, dtype in (kept or {}).items()}))
    quotes = rows_frame([row for result in results for row in result.rows])  # one frame per call
    ids = [result.doc_id for result in results for _ in range(result.n_quotes)]
    quotes.insert(0, "doc_id", pd.array(ids, dtype="string"))
    for position, (name, dtype) in enumerate((kept or {}).items(), 1):
        values = [_safe((r.fields or {}).get(name)) for r in results for _ in range(r.n_quotes)]
        quotes.insert(position, name, pd.Series(values, dtype=dtype or None))
    return quotes


def _safe(value):
    return readable(value) if isinstance(value, str) else value


def documents_frame(results: Iterable[DocumentResult]) -> pd.DataFrame:
    """The documents table of ``results``: ``doc_id, status, error, n_quotes, n_chars``."""
    rows = [(r.doc_id, r.status, r.error, r.n_quotes, r.n_chars) for r in results]
    if not rows:
        return empty_frame(DOCUMENT_DTYPES)
    return pd.DataFrame.from_records(rows, columns=list(DOCUMENT_DTYPES)).astype(DOCUMENT_DTYPES)


def _warn_failures(table: pd.DataFrame) -> None:
    failed = table.loc[table["status"] == "error", "doc_id"].tolist()
    if not failed:
        return
    shown = ", ".join(failed[:5]) + (f" and {len(failed) - 5} more" if len(failed) > 5 else "")
    warnings.warn(
        f"{len(failed)} of {len(table)} documents failed ({shown}); "
        "extract_many(..., documents=True) returns the documents table with the errors",
        BatchWarning,
        stacklevel=_caller_level(),
    )


def _caller_level() -> int:
    """The ``stacklevel`` of the first frame outside this package: warnings point at user code."""
    package, frame, level = os.path.dirname(__file__), sys._getframe(1), 1
    while frame is not None and frame.f_code.co_filename.startswith(package):
        frame, level = frame.f_back, level + 1
    return level


def extract_many(
    data,
    *,
    text: str = "text",
    id: str = "id",
    n_jobs: int = 1,
    progress: bool | None = None,
    chunksize: int = CHUNKSIZE,
    extractor=None,
    pool: Executor | None = None,
    documents: bool = False,
    keep_columns: Iterable[str] = (),
) -> pd.DataFrame | BatchResult:
    """Quotations of many documents in one DataFrame: ``doc_id`` first, in input order.

    The arguments are those of :func:`iter_extract`. Documents that are not text or on which
    extraction fails have no quotations; they are reported, never silently dropped:

    - ``documents=True`` returns a :class:`BatchResult` whose ``documents`` table has one row per
      input document (``doc_id, status, error, n_quotes, n_chars``);
    - otherwise a :class:`BatchWarning` says how many documents failed and names them.

    ``keep_columns`` (``["date", "source"]``) are input columns (or dict keys) copied to each
    quotation of the document, after ``doc_id``; from a DataFrame they keep their dtype.
    """
    keep_columns = list(keep_columns)
    results = list(
        iter_extract(
            data,
            text=text,
            id=id,
            n_jobs=n_jobs,
            progress=progress,
            chunksize=chunksize,
            extractor=extractor,
            pool=pool,
            keep_columns=keep_columns,
        )
    )
    frame = isinstance(data, pd.DataFrame)
    kept = {name: data[name].dtype if frame else None for name in keep_columns}
    quotes, table = quotes_frame(results, kept), documents_frame(results)
    if documents:
        return BatchResult(quotes, table)
    _warn_failures(table)
    return quotes


# Runs to files: chunked writing, resumption, duplicate ids


WRITE_CHUNK = 100  # documents per write: one Parquet row group, one append


class DuplicateIdError(ValueError):
    """Two documents of a run share an id (``strict_ids=True``)."""


class Interrupted(KeyboardInterrupt):
    """A run stopped by Ctrl-C or SIGTERM; its outputs are finished, ``summary`` says how far it got."""

    def __init__(self, summary: RunSummary):
        super().__init__(str(summary))
        self.summary = summary


@dataclass(frozen=True, slots=True)
class RunSummary:
    """What a :func:`write_many` run did: documents ok, failed, with a duplicate id, skipped."""

    ok: int = 0
    errors: int = 0
    quotes: int = 0
    skipped: int = 0  # already done (resumed)
    duplicates: tuple[str, ...] = ()  # ids seen again, each once
    n_duplicate_documents: int = 0  # documents listed as duplicate_id

    def __str__(self) -> str:
        total = self.ok + self.errors + self.n_duplicate_documents
        line = f"{total} documents: {self.ok} ok, {self.errors} errors, {self.quotes} quotations"
        if self.n_duplicate_documents:
            line += f", {self.n_duplicate_documents} with a duplicate id"
        return line + (f" ({self.skipped} already done, skipped)" if self.skipped else "")


class _Progress:
    """The counts of a run so far, and the documents it skipped and found repeated."""

    def __init__(self):
        self.ok = self.errors = self.quotes = self.skipped = self.repeated = 0
        self.duplicates: dict[str, None] = {}

    def summary(self) -> RunSummary:
        return RunSummary(
            self.ok, self.errors, self.quotes, self.skipped, tuple(self.duplicates), self.repeated
        )


def _resumed(documents: Iterable[Document], done: list[str], progress: _Progress, docs) -> Iterator[Document]:
    """The documents after the first ``len(done)``, which must carry the ids ``done`` lists."""
    for position, document in enumerate(documents):
        if position >= len(done):
            yield document
            continue
        if document.doc_id != done[position]:
            raise writers.OutputError(
                f"cannot resume: document {position + 1} of the input is {document.doc_id!r} but {docs} "
                f"lists {done[position]!r} there (the inputs are not those of the run being resumed)"
            )
        progress.skipped += 1


def _unique(
    documents: Iterable[Document], seen: set[str], progress: _Progress, strict: bool
) -> Iterator[Document]:
    """The documents, a repeated id marked ``duplicate_id`` (not extracted) or, ``strict``, an error."""
    for document in documents:
        if document.doc_id not in seen:
            seen.add(document.doc_id)
            yield document
            continue
        if strict:
            raise DuplicateIdError(f"duplicate id {document.doc_id!r}: ids must be unique (strict ids)")
        progress.duplicates.setdefault(document.doc_id)
        reason = f"id {document.doc_id!r} already used by an earlier document"
        yield Document(document.doc_id, None, reason, document.fields, status=DUPLICATE_ID)


def write_many(
    data,
    quotes,
    docs=None,
    *,
    resume: bool = False,
    strict_ids: bool = False,
    text: str = "text",
    id: str = "id",
    n_jobs: int = 1,
    progress: bool | None = None,
    chunksize: int = CHUNKSIZE,
    extractor=None,
    keep_columns: Iterable[str] = (),
) -> RunSummary:
    """Extract ``data`` straight into files, chunk by chunk: memory does not grow with the input.

    ``quotes`` and ``docs`` (the documents table, optional) are .parquet, .csv, .jsonl or .xlsx
    paths. ``resume=True`` (needs ``docs``) continues a stopped run: the documents ``docs`` lists
    are skipped by position (so repeated ids are no trouble), quotes of unfinished ones dropped.
    A document whose id an earlier one has is listed as ``duplicate_id`` and not extracted, with
    a :class:`BatchWarning` naming the ids; ``strict_ids=True`` raises :class:`DuplicateIdError`.
    Ctrl-C (or SIGTERM, under the CLI) finishes the outputs and raises :class:`Interrupted`.
    The other arguments are those of :func:`iter_extract`. Returns a :class:`RunSummary`.
    """
    kept = tuple(dict.fromkeys(keep_columns))
    dtypes = dict.fromkeys(kept, "string")
    counts = _Progress()
    with writers.Output(quotes, docs, resume=resume, kept=kept) as out:
        documents = as_documents(data, text=text, id=id, keep_columns=kept)
        documents = _unique(_resumed(documents, out.done, counts, docs), set(out.done), counts, strict_ids)
        results = iter_extract(
            documents,
            n_jobs=n_jobs,
            progress=progress,
            chunksize=chunksize,
            extractor=extractor,
            keep_columns=kept,
        )
        try:
            for chunk in _chunks(results, WRITE_CHUNK):
                out.write(quotes_frame(chunk, dtypes), documents_frame(chunk))
                for result in chunk:
                    counts.ok += result.status == "ok"
                    counts.errors += result.status == "error"
                    counts.repeated += result.status == DUPLICATE_ID
                    counts.quotes += result.n_quotes
        except KeyboardInterrupt as interruption:
            raise Interrupted(counts.summary()) from interruption
        finally:
            results.close()  # the workers stop before the outputs are finished
    summary = counts.summary()
    if summary.duplicates:
        shown = ", ".join(map(repr, summary.duplicates[:5]))
        more = f" and {len(summary.duplicates) - 5} more" if len(summary.duplicates) > 5 else ""
        warnings.warn(
            f"{summary.n_duplicate_documents} documents repeat an earlier id ({shown}{more}): "
            f"listed as {DUPLICATE_ID!r}, not extracted",
            BatchWarning,
            stacklevel=_caller_level(),
        )
    return summary
