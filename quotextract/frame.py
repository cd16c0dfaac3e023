"""The result table: quotations -> a tidy DataFrame with stable columns and dtypes."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .model import Quotation

KIND_DTYPE = pd.CategoricalDtype(["direct", "indirect"])
SPEAKER_TYPES = pd.CategoricalDtype(["PER", "ORG", "OTHER"])
GENDERS = pd.CategoricalDtype(["f", "m"])

DTYPES = {
    "quote": "string",
    "speaker": "string",
    "speaker_type": SPEAKER_TYPES,
    "speaker_mention": "string",
    "cue": "string",
    "kind": KIND_DTYPE,
    "quote_start": "Int64",
    "quote_end": "Int64",
    "speaker_start": "Int64",
    "speaker_end": "Int64",
    "cue_start": "Int64",
    "cue_end": "Int64",
    "rule": "string",
    "paragraph": "Int64",
    "speaker_id": "Int64",
    "speaker_gender": GENDERS,
    "speaker_role": "string",
    "speaker_affiliation": "string",
    "is_repeat": "boolean",
}
COLUMNS = list(DTYPES)


def _row(quotation: Quotation) -> dict:
    cue, mention = quotation.cue, quotation.mention
    return {
        "quote": quotation.quote.text,
        "speaker": quotation.speaker,
        "speaker_type": quotation.speaker_type,
        "speaker_mention": mention.text if mention else None,
        "cue": cue.lemma if cue else None,
        "kind": quotation.kind,
        "quote_start": quotation.quote.start,
        "quote_end": quotation.quote.stop,
        "speaker_start": mention.start if mention else None,
        "speaker_end": mention.stop if mention else None,
        "cue_start": cue.start if cue else None,
        "cue_end": cue.stop if cue else None,
        "rule": quotation.rule,
        "paragraph": quotation.paragraph,
        "speaker_id": quotation.speaker_id,
        "speaker_gender": quotation.speaker_gender,
        "speaker_role": quotation.speaker_role,
        "speaker_affiliation": quotation.speaker_affiliation,
        "is_repeat": quotation.is_repeat,
    }


def empty_frame(columns: dict | None = None) -> pd.DataFrame:
    """An empty frame with the usual columns and dtypes."""
    dtypes = columns or DTYPES
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in dtypes.items()})


def rows(quotations: Iterable[Quotation]) -> list[tuple]:
    """Each quotation as a plain tuple of the values of ``COLUMNS`` (cheap to send between processes)."""
    return [tuple(map(_row(quotation).__getitem__, COLUMNS)) for quotation in quotations]


def rows_frame(found: list[tuple]) -> pd.DataFrame:
    """The frame of rows made by :func:`rows`, with the columns and dtypes of ``COLUMNS``."""
    if not found:
        return empty_frame()
    return pd.DataFrame.from_records(found, columns=COLUMNS).astype(DTYPES)


def to_frame(quotations: Iterable[Quotation]) -> pd.DataFrame:
    """One row per quotation, in the order given, with the columns of ``COLUMNS``."""
    return rows_frame(rows(quotations))
