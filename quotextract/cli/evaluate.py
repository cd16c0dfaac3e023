"""`quotextract evaluate GOLD_DIR`: score the extractor against a gold folder."""

from __future__ import annotations

import json

import click

SNIPPET = 70


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SNIPPET else text[: SNIPPET - 1] + "…"


def _span(start, stop) -> str:
    return "-" if start is None or start != start else f"{start}:{stop}"


def _speaker(name) -> str:
    return "NA" if not isinstance(name, str) else repr(name)


def error_lines(errors) -> list[str]:
    """One line per error: type, document, gold and predicted offsets, speakers, snippet."""
    lines = []
    for row in errors.astype(object).where(errors.notna(), None).itertuples(index=False):
        speakers = f"gold {_speaker(row.gold_speaker)} pred {_speaker(row.predicted_speaker)}"
        lines.append(
            f"{row.type:<15}{row.doc_id}  gold {_span(row.start, row.stop)}"
            f"  pred {_span(row.pred_start, row.pred_stop)}  {row.kind or '-'}"
            f"  overlap {row.overlap:.2f}  {speakers}  «{_snippet(row.text)}»"
        )
    return lines


@click.command()
@click.argument("gold_dir", type=click.Path(path_type=str))
@click.option(
    "--errors",
    "show_errors",
    is_flag=True,
    help="First list misses, false positives and speaker errors (to stderr with --json).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON, not the table.")
def evaluate(gold_dir: str, show_errors: bool, as_json: bool):
    """Score the extractor on GOLD_DIR (gold.jsonl and the article texts).

    Scoring follows the folder's GUIDELINES.md: quote precision, recall and F1 over alphanumeric
    positions, speaker accuracy (strict, lenient), end-to-end P/R/F1 and recall by kind.
    """
    from ..eval import GoldError
    from ..eval import evaluate as run

    try:
        report = run(gold_dir)
    except (GoldError, OSError) as error:
        raise click.ClickException(str(error)) from None
    if show_errors:  # to stderr under --json, so that stdout stays valid JSON
        for line in error_lines(report.errors()):
            click.echo(line, err=as_json)
        click.echo(err=as_json)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(report.summary())
