"""`quotextract extract`: many documents from files to a quotes table, streamed chunk by chunk."""

from __future__ import annotations

import os
import signal
import warnings

import click

from .. import batch, readers, writers


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
@click.option(
    "--resume",
    is_flag=True,
    help="Continue a stopped run: skip the documents already listed in --docs (required), by position.",
)
@click.option(
    "--strict-ids", is_flag=True, help="Stop at a repeated document id instead of listing it as duplicate_id."
)
def extract(inputs, output, docs, text_column, id_column, jobs, keep_columns, quiet, resume, strict_ids):
    """Find the quotations of every document of INPUT... and write them to --output.

    INPUT is a .jsonl or .ndjson file (optionally .gz), a .csv or .parquet file, a .txt file,
    a folder of .txt files (ids are relative paths) or - for JSONL on stdin.
    Malformed records are listed as errors in --docs; the run goes on.
    Ends with a summary on stderr: N documents: X ok, Y errors, Z quotations.
    Ctrl-C or SIGTERM finishes the outputs, prints the summary and exits non-zero: --resume goes on.
    """
    if resume and docs is None:
        raise click.UsageError("--resume needs --docs: finished documents are read from the documents table")
    if jobs == 0 or jobs < -1:
        raise click.BadParameter(
            "must be a positive number of processes or -1 (all cores)", param_hint="--jobs"
        )
    cores = os.cpu_count() or 1
    if jobs > cores:
        click.echo(f"Warning: --jobs {jobs} but this machine has {cores} cores: using {cores}", err=True)
        jobs = cores
    kept = tuple(
        dict.fromkeys(name.strip() for names in keep_columns for name in names.split(",") if name.strip())
    )
    previous = signal.signal(signal.SIGTERM, _interrupt)  # like Ctrl-C: outputs finished, summary printed
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", batch.BatchWarning)  # the summary says it
            summary = batch.write_many(
                readers.read_documents(inputs, text=text_column, id=id_column, keep_columns=kept),
                output,
                docs,
                resume=resume,
                strict_ids=strict_ids,
                n_jobs=jobs,
                progress=False if quiet else None,
                keep_columns=kept,
            )
    except batch.Interrupted as interruption:
        click.echo(f"{interruption.summary}; interrupted: --resume continues", err=True)
        raise SystemExit(INTERRUPTED) from None
    except (readers.InputError, writers.OutputError, batch.DuplicateIdError) as error:
        raise click.ClickException(str(error)) from error
    finally:
        signal.signal(signal.SIGTERM, previous)
    click.echo(str(summary), err=True)
    if summary.duplicates:
        shown = ", ".join(map(repr, summary.duplicates[:10]))
        more = f" and {len(summary.duplicates) - 10} more" if len(summary.duplicates) > 10 else ""
        click.echo(f"Warning: repeated ids {shown}{more}: listed as duplicate_id, not extracted", err=True)


INTERRUPTED = 130  # what a shell reports for Ctrl-C


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt
