"""Many documents at once (placeholder, to be written)."""


def extract_many(data, **options):
    raise NotImplementedError


def iter_extract(data, **options):
    raise NotImplementedError
