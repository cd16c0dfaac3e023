"""`quotextract extract` (placeholder, to be written)."""

import click


@click.command()
def extract():
    """Not written yet."""
    raise click.ClickException("not implemented yet")
