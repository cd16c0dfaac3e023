"""quotextract: find quotations in Russian news text and say who said them."""

import importlib
from collections.abc import Iterable

import pandas as pd

from .batch import extract_many, iter_extract
from .clustering import clusters
from .corpus import report
from .display import show
from .frame import COLUMNS, empty_frame
from .pipeline import Extractor, default_extractor
from .summary import speakers

__all__ = [
    "COLUMNS",
    "Extractor",
    "clusters",
    "empty_frame",
    "evaluate",
    "extract",
    "iter_extract",
    "report",
    "show",
    "speakers",
]
__version__ = "0.1.0"


def __getattr__(name: str):
    """``quotextract.evaluate`` and ``quotextract.eval``, imported on first use only."""
    if name in ("eval", "evaluate"):
        evaluation = importlib.import_module(".eval", __name__)
        return evaluation if name == "eval" else evaluation.evaluate
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def extract(data, **options) -> pd.DataFrame:
    """Quotations as a DataFrame, one row per quotation in text order.

    ``data`` is the text of one article (str), or many documents: a pandas DataFrame
    (``text=`` and ``id=`` name its columns) or an iterable of str or ``(id, text)`` pairs.
    For many documents the result starts with a ``doc_id`` column; see
    :func:`quotextract.batch.extract_many` for the options.
    """
    if isinstance(data, str):
        if options:
            raise TypeError(f"options {sorted(options)} apply only to many documents")
        return default_extractor()(data)
    if isinstance(data, pd.DataFrame) or (
        isinstance(data, Iterable) and not isinstance(data, (bytes, bytearray, dict))
    ):
        return extract_many(data, **options)
    raise TypeError(f"expected str, a DataFrame or an iterable of documents, got {type(data).__name__}")
