"""`quotextract show` (placeholder, to be written)."""

import click


@click.command()
def show():
    """Not written yet."""
    raise click.ClickException("not implemented yet")
