"""HTML display of quotations (placeholder, to be written)."""


def show(text, **options):
    raise NotImplementedError
