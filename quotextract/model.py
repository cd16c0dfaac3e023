"""Immutable records of the pipeline. Offsets always index the caller's original string."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    """A substring of the original text: ``text[start:stop] == span.text``."""

    start: int
    stop: int
    text: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity found by NER, with its nominative form."""

    start: int
    stop: int
    text: str
    type: str  # PER, ORG, LOC
    normal: str  # nominative form, e.g. 'Яна Легкодимова'


@dataclass(frozen=True, slots=True)
class Cue:
    """A speech verb or phrase introducing a quotation (``сказал``, ``по словам``)."""

    start: int
    stop: int
    text: str
    lemma: str


@dataclass(frozen=True, slots=True)
class Quotation:
    """One quotation: what was said, by whom, how it was introduced and where it stands."""

    quote: Span
    kind: str  # 'direct' or 'indirect'
    rule: str  # the detection rule that fired
    cue: Cue | None = None
    mention: Span | None = None  # the words naming the source for this quotation
    speaker: str | None = None  # canonical nominative name; None for unnamed sources
    speaker_type: str | None = None  # 'PER', 'ORG', 'OTHER' or None
    paragraph: int = 0
    speaker_id: int | None = None  # one per canonical speaker within the document, from 0
    speaker_gender: str | None = None  # 'f', 'm' or None (organisations, unknown)
    speaker_role: str | None = None  # as the article introduces it: 'министр финансов'
    speaker_affiliation: str | None = None  # 'Минфин России'
    is_repeat: bool = False  # a headline or lead repeating a later quotation of the document
