"""Command line: a thin click layer over the library."""

import click


@click.group()
@click.version_option(package_name="quotextract")
def main():
    """Find quotations in Russian news text and say who said them."""


def _register():
    from .evaluate import evaluate
    from .extract import extract
    from .report import report
    from .show import show

    for command in (evaluate, extract, report, show):
        main.add_command(command)


_register()
