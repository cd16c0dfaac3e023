"""`quotextract extract`: many documents from files to a quotes table, streamed chunk by chunk."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

import click

from .. import batch, readers, writers

CHUNK = 100  # documents per write: one Parquet row group, one append


@click.command()
@click.argument(
    "inputs", nargs=-1, required=True, metavar="INPUT...", type=click.Path(exists=True, allow_dash=True)
)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False),
    help="Quotations: .parquet, .csv, .jsonl or .xlsx (Excel).",
)
@click.option(
    "--docs",
    type=click.Path(dir_okay=False),
    help="Documents table (doc_id, status, error, n_quotes, n_chars): .parquet, .csv, .jsonl or .xlsx.",
)
@click.option("--text-column", default="text", show_default=True, help="Field or column holding the text.")
@click.option(
    "--id-column",
    default="id",
    show_default=True,
    help="Field or column holding the document id; without it: FILE:LINE.",
)
@click.option(
    "-j", "--jobs", default=1, show_default=True, type=int, help="Worker processes; -1 for all cores."
)
@click.option(
    "--keep-columns",
    "keep_columns",
    multiple=True,
    metavar="NAMES",
    help="Input fields or columns copied to every quotation after doc_id, comma-separated (date,source).",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option("--resume", is_flag=True, help="Skip the documents already listed in --docs (required).")
def extract(inputs, output, docs, text_column, id_column, jobs, keep_columns, quiet, resume):
    """Find the quotations of every document of INPUT... and write them to --output.

    INPUT is a .jsonl or .ndjson file (optionally .gz), a .csv or .parquet file, a .txt file,
    a folder of .txt files (ids are relative paths) or - for JSONL on stdin.
    Malformed records are listed as errors in --docs; the run goes on.
    Ends with a summary on stderr: N documents: X ok, Y errors, Z quotations.
    """
    if resume and docs is None:
        raise click.UsageError("--resume needs --docs: finished documents are read from the documents table")
    if jobs == 0 or jobs < -1:
        raise click.BadParameter(
            "must be a positive number of processes or -1 (all cores)", param_hint="--jobs"
        )
    kept = tuple(dict.fromkeys(name.strip() for names in keep_columns for name in names.split(",") if name.strip()))
    try:
        documents = readers.read(inputs, text=text_column, id=id_column, keep_columns=kept)
        with writers.Output(output, docs, resume=resume, kept=kept) as out:
            todo = _skipping(documents, out.done)
            results = batch.iter_extract(todo, n_jobs=jobs, progress=False if quiet else None)
            counts = _write(results, out, dict.fromkeys(kept, "string"))
    except (readers.InputError, writers.OutputError) as error:
        raise click.ClickException(str(error)) from error
    click.echo(_summary(*counts, skipped=todo.skipped), err=True)


class _skipping:
    """The documents not in ``done``, counting the others."""

    def __init__(self, documents: Iterable[batch.Document], done: set[str]):
        self._documents, self._done, self.skipped = documents, done, 0

    def __iter__(self) -> Iterator[batch.Document]:
        for document in self._documents:
            if document.doc_id in self._done:
                self.skipped += 1
            else:
                yield document


def _write(results: Iterable[batch.DocumentResult], out: writers.Output, kept: dict) -> tuple[int, int, int]:
    """Write the results chunk by chunk; the counts of ok documents, errors and quotations."""
    ok = errors = quotes = 0
    results = iter(results)
    while chunk := list(islice(results, CHUNK)):
        out.write(batch.quotes_frame(chunk, kept), batch.documents_frame(chunk))
        errors += sum(result.status == "error" for result in chunk)
        ok += sum(result.status == "ok" for result in chunk)
        quotes += sum(result.n_quotes for result in chunk)
    return ok, errors, quotes


def _summary(ok: int, errors: int, quotes: int, *, skipped: int = 0) -> str:
    line = f"{ok + errors} documents: {ok} ok, {errors} errors, {quotes} quotations"
    return line + (f" ({skipped} already done, skipped)" if skipped else "")
