"""quotextract: find quotations in Russian news text and say who said them."""

from .frame import COLUMNS, empty_frame
from .pipeline import Extractor, default_extractor

__all__ = ["COLUMNS", "Extractor", "empty_frame", "extract"]
__version__ = "0.1.0"


def extract(text):
    """Quotations of one article as a DataFrame, one row per quotation in text order."""
    return default_extractor()(text)
