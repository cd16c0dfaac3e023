"""Shared fixtures: the bundled example article and the DataFrame contract of ``extract``."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "caravan-tokayev-2022.txt"

# The contract, written out here rather than imported, so that a change in the library fails a test.
CONTRACT = {
    "quote": "string",
    "speaker": "string",
    "speaker_type": ("category", {"PER", "ORG", "OTHER"}),
    "speaker_mention": "string",
    "cue": "string",
    "kind": ("category", {"direct", "indirect"}),
    "quote_start": "Int64",
    "quote_end": "Int64",
    "speaker_start": "Int64",
    "speaker_end": "Int64",
    "cue_start": "Int64",
    "cue_end": "Int64",
    "rule": "string",
    "paragraph": "Int64",
    "speaker_id": "Int64",
    "speaker_gender": ("category", {"f", "m"}),
    "speaker_role": "string",
    "speaker_affiliation": "string",
    "is_repeat": "boolean",
}


def _check_dtypes(frame: pd.DataFrame) -> None:
    for name, expected in CONTRACT.items():
        dtype = frame[name].dtype
        if expected == "string":
            assert isinstance(dtype, pd.StringDtype), f"{name}: {dtype}"
        elif expected == "Int64":
            assert dtype == pd.Int64Dtype(), f"{name}: {dtype}"
        elif expected == "boolean":
            assert dtype == pd.BooleanDtype(), f"{name}: {dtype}"
        else:
            assert isinstance(dtype, pd.CategoricalDtype), f"{name}: {dtype}"
            assert set(dtype.categories) == expected[1], f"{name}: {list(dtype.categories)}"


def _check_offsets(frame: pd.DataFrame, text: str) -> None:
    previous_start = -1
    for row in frame.itertuples(index=False):
        assert 0 <= row.quote_start < row.quote_end <= len(text), row
        assert text[row.quote_start : row.quote_end] == row.quote, row
        assert row.quote_start >= previous_start, "rows are not in text order"
        previous_start = row.quote_start
        if pd.isna(row.speaker_mention):
            assert pd.isna(row.speaker_start) and pd.isna(row.speaker_end), row
        else:
            assert 0 <= row.speaker_start < row.speaker_end <= len(text), row
            assert text[row.speaker_start : row.speaker_end] == row.speaker_mention, row
        if not pd.isna(row.cue_start):
            assert 0 <= row.cue_start < row.cue_end <= len(text), row
        assert row.kind in {"direct", "indirect"}, row
        assert pd.isna(row.speaker_type) or row.speaker_type in {"PER", "ORG", "OTHER"}, row
        assert pd.isna(row.speaker_id) == pd.isna(row.speaker), row
        assert row.is_repeat in (True, False), row


def check_contract(frame: pd.DataFrame, text: str) -> None:
    """Columns in contract order, contract dtypes, and offsets that slice ``text``."""
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == list(CONTRACT)
    _check_dtypes(frame)
    _check_offsets(frame, text)


@pytest.fixture(scope="session")
def assert_contract():
    """``assert_contract(frame, text)``: the frame obeys the column, dtype and offset contract."""
    return check_contract


@pytest.fixture(scope="session")
def contract_columns():
    """The column names of ``extract``'s result, in order."""
    return list(CONTRACT)


@pytest.fixture(scope="session")
def caravan_text():
    """The bundled Caravan.kz article, exactly as scraped (site boilerplate included)."""
    with open(EXAMPLE, encoding="utf-8", newline="") as file:
        return file.read()
