"""`quotextract show ARTICLE`: the article as a standalone HTML page with its quotations marked."""

from __future__ import annotations

import sys
from pathlib import Path

import click


def read_article(path: str) -> str:
    """The text of ``path`` (``-``: stdin) as UTF-8, line breaks kept as written (CRLF too)."""
    try:
        if path == "-":
            return sys.stdin.buffer.read().decode("utf-8")
        with open(path, encoding="utf-8", newline="") as file:
            return file.read()
    except UnicodeDecodeError as error:
        raise click.ClickException(
            f"cannot read {path}: not UTF-8 text ({error.reason} at byte {error.start})"
        ) from None
    except OSError as error:
        raise click.ClickException(f"cannot read {path}: {error.strerror or error}") from None


@click.command()
@click.argument("article", type=click.Path(allow_dash=True))
@click.option(
    "-o",
    "--output",
    default="-",
    show_default=True,
    type=click.Path(allow_dash=True),
    help="The HTML page to write; - for stdout.",
)
@click.option("--title", help="The page title (default: the file name).")
def show(article: str, output: str, title: str | None):
    """Write ARTICLE (a UTF-8 text file, - for stdin) as an HTML page with its quotations,
    cues and speaker mentions highlighted, one colour per speaker.

    \b
    quotextract show article.txt -o article.html
    """
    from ..display import show as render

    text = read_article(article)
    display = render(text, title=title or (Path(article).name if article != "-" else "stdin"))
    if output == "-":
        click.echo(display.page(), nl=False)
        return
    try:
        display.save(output)
    except OSError as error:
        raise click.ClickException(f"cannot write {output}: {error.strerror or error}") from None
