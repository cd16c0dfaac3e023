"""Paragraphs (lines are hard boundaries), razdel sentences and word tokens, with offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial
from itertools import accumulate
from typing import NamedTuple

from razdel import sentenize

WORD = re.compile(r"[\w]+(?:[-.][\w]+)*", re.UNICODE)
LINE = re.compile(r"[^\n]+")


class Token(NamedTuple):
    """A word token: ``text[start:stop]``. A tuple, made without a Python call: a text has many."""

    start: int
    stop: int
    text: str


_TOKEN = partial(tuple.__new__, Token)
WORDS = re.compile(f"({WORD.pattern})")  # splits a text into the stretches between words and the words


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    stop: int
    text: str
    paragraph: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    stop: int
    text: str
    index: int


def paragraphs(text: str) -> list[Paragraph]:
    """Non-blank lines, stripped of surrounding spaces, numbered in order."""
    found = []
    for match in LINE.finditer(text):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        found.append(Paragraph(start, start + len(stripped), stripped, len(found)))
    return found


def sentences(paragraph: Paragraph) -> list[Sentence]:
    """razdel sentences of one paragraph, with offsets into the whole text."""
    return [
        Sentence(paragraph.start + s.start, paragraph.start + s.stop, s.text, paragraph.index)
        for s in sentenize(paragraph.text)
    ]


def tokens(text: str, start: int = 0, stop: int | None = None) -> list[Token]:
    """Word tokens of ``text[start:stop]`` with offsets into ``text``."""
    parts = WORDS.split(text[start:stop])  # between, word, between, word, …, between
    ends = list(accumulate(map(len, parts), initial=start))
    return list(map(_TOKEN, zip(ends[1::2], ends[2::2], parts[1::2])))
