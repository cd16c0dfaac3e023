"""The README's known failures, as cases that fail today (``xfail(strict=True)``).

When a change fixes one, its test passes, strict xfail turns that into a failure, and the case
moves to the tables of what works (and out of the README's list).
"""

from __future__ import annotations

import pandas as pd
import pytest

import quotextract


def rows(text: str) -> list[tuple]:
    """``(quote, speaker)`` of every quotation, speaker None when NA."""
    frame = quotextract.extract(text)
    return [(q, None if pd.isna(s) else s) for q, s in zip(frame["quote"], frame["speaker"])]


@pytest.mark.xfail(
    strict=True, raises=AssertionError, reason="'истцы' is not resolved to the plaintiff named before"
)
def test_plaintiffs_are_the_organisation_that_sued():
    text = "Компания «Вектор» подала иск к мэрии в прошлом месяце. По мнению истцов, решение мэрии о сносе незаконно."
    [(quote, speaker)] = rows(text)
    assert speaker is not None and "Вектор" in speaker
