"""Helpers of the whole-article tests: reading an invented article as scraped, and its one row."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

DATA = Path(__file__).parent / "data"


def read_article(name: str) -> str:
    """An article of tests/data exactly as written: CRLF and all."""
    with open(DATA / name, encoding="utf-8", newline="") as file:
        return file.read()


def row_starting(frame: pd.DataFrame, quote: str) -> pd.Series:
    """The one row whose quotation starts with ``quote``."""
    rows = frame[frame["quote"].str.startswith(quote)]
    assert len(rows) == 1, f"{quote!r} found {len(rows)} times in {list(frame['quote'])}"
    return rows.iloc[0]
