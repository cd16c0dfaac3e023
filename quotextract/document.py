"""The document-level pass over a finished list of quotations: speaker ids and repeats."""

from __future__ import annotations

from dataclasses import replace

from .model import Quotation
from .repeats import mark_repeats


def number_speakers(quotations: list[Quotation]) -> list[Quotation]:
    """``speaker_id`` 0, 1, … per canonical speaker (name and type), in order of first quotation."""
    ids: dict[tuple[str, str | None], int] = {}
    numbered = []
    for quotation in quotations:
        if quotation.speaker is None:
            numbered.append(replace(quotation, speaker_id=None))
            continue
        key = (quotation.speaker, quotation.speaker_type)
        numbered.append(replace(quotation, speaker_id=ids.setdefault(key, len(ids))))
    return numbered


def finish(quotations: list[Quotation]) -> list[Quotation]:
    """``quotations`` with the facts that need the whole document: speaker ids, repeats."""
    return mark_repeats(number_speakers(quotations))
