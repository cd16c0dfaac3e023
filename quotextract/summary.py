"""Speaker summaries (placeholder, to be written)."""


def speakers(quotes):
    raise NotImplementedError
