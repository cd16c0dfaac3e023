"""`quotextract evaluate` (placeholder, to be written)."""

import click


@click.command()
def evaluate():
    """Not written yet."""
    raise click.ClickException("not implemented yet")
