"""Paragraphs (lines are hard boundaries), razdel sentences and word tokens, with offsets."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from itertools import accumulate
from typing import NamedTuple

from razdel.rule import JOIN
from razdel.segmenters.sentenize import SentSplit
from razdel.segmenters.sentenize import sentenize as RAZDEL  # its splitter and rules
from razdel.substring import Substring

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
    start, index = paragraph.start, paragraph.index
    return [Sentence(start + a, start + b, words, index) for a, b, words in _spans(paragraph.text)]


RULES = [rule.function for rule in RAZDEL.rules]  # in order: the first that answers decides


def sentenize(text: str) -> Iterator[Substring]:
    """``razdel.sentenize``: its rules decide each split, but for those with no space after the
    delimiter, which its first two rules join ('т.д', '»,'), and which need no split made."""
    return (Substring(*span) for span in _spans(text))


def _spans(text: str) -> Iterator[tuple[int, int, str]]:
    """Start, stop and text of each sentence: razdel's segmenter's, stripped and found in the
    text as razdel's ``post`` and ``find_substrings`` do."""
    offset = 0
    for chunk in map(str.strip, _chunks(text)):
        start = text.find(chunk, offset)
        offset = start + len(chunk)
        yield start, offset, chunk


def _chunks(text: str) -> Iterator[str]:
    """The sentences razdel's segmenter makes of ``text``, before it strips them."""
    splitter, chunk = RAZDEL.split, 0
    for match in splitter.re.finditer(text):
        start, stop = match.start(), match.end()
        if not text[stop : stop + 1].isspace():  # razdel's empty_side or no_space_prefix joins
            continue
        split = SentSplit(
            text[max(0, start - splitter.window) : start], match.group(1), text[stop : stop + splitter.window]
        )
        split.buffer = text[chunk:start]  # the sentence so far, as razdel sets it
        if next(filter(None, (rule(split) for rule in RULES)), None) != JOIN:  # RAZDEL.join
            yield text[chunk:stop]
            chunk = stop
    yield text[chunk:]


def tokens(text: str, start: int = 0, stop: int | None = None) -> list[Token]:
    """Word tokens of ``text[start:stop]`` with offsets into ``text``."""
    return token_table(text, start, stop)[0]


def token_table(
    text: str, start: int = 0, stop: int | None = None
) -> tuple[list[Token], list[int], list[int]]:
    """The tokens of ``text[start:stop]``, their starts and their stops."""
    parts = WORDS.split(text[start:stop])  # between, word, between, word, …, between
    ends = list(accumulate(map(len, parts), initial=start))
    starts, stops = ends[1:-1:2], ends[2::2]  # the words' (the last end is the text's)
    return list(map(_TOKEN, zip(starts, stops, parts[1::2]))), starts, stops
