"""Helpers of the whole-article tests: reading an invented article as scraped, its quotations, its one row, its cases."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import quotextract

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


def extracted_articles(names) -> dict[str, tuple[str, pd.DataFrame]]:
    """Each named article of tests/data as ``(text, its quotations)``."""
    return {name: (read_article(name), quotextract.extract(read_article(name))) for name in names}


def cases(articles: dict[str, list[tuple]]) -> list[tuple]:
    """One test case per expected row of each article: ``(name, *row)``."""
    return [(name, *row) for name, rows in articles.items() for row in rows]
