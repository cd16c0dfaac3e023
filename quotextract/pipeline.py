"""The extractor: normalise -> segment -> find quotations -> attribute -> DataFrame."""

from __future__ import annotations

import pandas as pd

from .frame import to_frame
from .model import Quotation


class Extractor:
    """Finds quotations in Russian text. Loads its models once, lazily; call it many times."""

    def quotations(self, text: str) -> list[Quotation]:
        """The quotations of ``text`` as immutable records, in text order."""
        if not isinstance(text, str):
            raise TypeError(f"expected str, got {type(text).__name__}")
        return []  # TODO: core pipeline

    def __call__(self, text: str) -> pd.DataFrame:
        """The quotations of ``text`` as a DataFrame, one row per quotation."""
        return to_frame(self.quotations(text))


_default: Extractor | None = None


def default_extractor() -> Extractor:
    """The shared extractor used by :func:`quotextract.extract`."""
    global _default
    if _default is None:
        _default = Extractor()
    return _default
