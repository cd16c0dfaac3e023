"""`quotextract report QUOTES -o report.html`: the corpus report of a quotes table as one HTML page."""

from __future__ import annotations

import click


@click.command()
@click.argument("quotes", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False), help="The HTML page to write."
)
@click.option("--title", default="Who is quoted", show_default=True, help="The page title.")
@click.option("--top", default=20, show_default=True, type=click.IntRange(min=1), help="Rows per ranking.")
def report(quotes: str, output: str, title: str, top: int):
    """Write the report of QUOTES (a quotes table from `quotextract extract`: .parquet, .csv, .jsonl
    or .xlsx): top speakers, women and men quoted over time, quotations per outlet, quotations
    repeated across documents and a searchable table, as one self-contained page (no network).

    \b
    quotextract extract news.jsonl.gz -o quotes.parquet --keep-columns date,source
    quotextract report quotes.parquet -o report.html
    """
    from ..corpus import load
    from ..corpus import report as render

    try:
        frame = load(quotes)
    except (OSError, ValueError) as error:
        raise click.ClickException(f"cannot read {quotes}: {error}") from None
    page = render(frame, title=title, top=top)
    try:
        page.save(output)
    except OSError as error:
        raise click.ClickException(f"cannot write {output}: {error.strerror or error}") from None
    click.echo(f"{output}: {len(frame)} quotations", err=True)
