"""Pairing quote marks by direction within a paragraph, tolerating unbalanced ones."""

from __future__ import annotations

import re
from functools import partial
from typing import NamedTuple

from .punct import (
    COLON,
    DASHES,
    LEFT_GUILLEMET,
    LEFT_QUOTE,
    LOW_QUOTE,
    OPEN_QUOTES,
    QUOTE_CLASS,
    QUOTES,
    RIGHT_GUILLEMET,
    RIGHT_QUOTE,
    STRAIGHT_QUOTE,
)

OPENS_AFTER = (
    "([" + DASHES + COLON + OPEN_QUOTES + "'"
)  # besides a space: an ambiguous mark after these opens (and wiki's '')
CURLY_OPENERS = LEFT_QUOTE + LOW_QUOTE  # what “ and ” close
QUOTE_MARK = re.compile(QUOTE_CLASS)
ATTRIBUTION_AFTER = re.compile(
    rf",?\s*[{DASHES}]\s+[а-яё]"
)  # '», — сказал': only an outer mark is followed so


class Quoted(NamedTuple):
    """A top-level quoted stretch: marks at ``open`` and ``close`` (None: runs to the end). A
    tuple, made without a Python call where many are made at once."""

    open: int | None  # None: a closing mark with no opening one
    close: int | None


_QUOTED = partial(tuple.__new__, Quoted)


def _opens(text: str, index: int) -> bool:
    """An ambiguous mark opens when it follows a space or bracket and precedes a word (not a
    space or the punctuation that ends one: 'готовы ".' closes)."""
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return (
        (before.isspace() or before in OPENS_AFTER) and not after.isspace() and after not in AFTER_A_CLOSING
    )


AFTER_A_CLOSING = ".,;:!?)"  # what follows a closing mark, never an opening one
SPACED_WORD = re.compile(r"[ \t]+\w")


def _spaced_opening(text: str, index: int, stop: int) -> bool:
    """A straight mark after a space, a colon or a line's start, then a space and a word: with no
    mark open, it opens ('« Мы готовы »' scraped to straight marks keeps its spaces)."""
    before = text[index - 1] if index else "\n"
    return (before.isspace() or before == ":") and bool(SPACED_WORD.match(text, index + 1, stop))


GUILLEMET_PAIR = LEFT_GUILLEMET + RIGHT_GUILLEMET


class _Stack:
    """The open marks, with a count of each kind: finding an opener is O(1), pairing linear."""

    def __init__(self):
        self.marks: list[tuple[str, int]] = []
        self.counts = dict.fromkeys(QUOTES, 0)

    def push(self, char: str, index: int) -> None:
        self.marks.append((char, index))
        self.counts[char] += 1

    def top(self) -> str | None:
        return self.marks[-1][0] if self.marks else None

    def has(self, openers: str) -> bool:
        return any(self.counts[mark] for mark in openers)

    def close(self, index: int, openers: str, found: list[Quoted], outer: bool = False) -> None:
        """Close the innermost of ``openers`` (and whatever opened after it); an ``outer`` mark
        closes every open one ('«Как говорится, «без труда…», — сказал он')."""
        if not self.has(openers):
            if not self.marks:
                found.append(Quoted(None, index))
            return
        depth = len(self.marks) - 1
        while self.marks[depth][0] not in openers:
            depth -= 1
        if outer:
            depth = 0
        if depth == 0:
            found.append(Quoted(self.marks[0][1], index))
        for mark, _ in self.marks[depth:]:
            self.counts[mark] -= 1
        del self.marks[depth:]


def pair_quotes(text: str, start: int, stop: int) -> list[Quoted]:
    """Top-level quoted stretches of ``text[start:stop]`` (offsets into ``text``)."""
    places = list(map(re.Match.start, QUOTE_MARK.finditer(text, start, stop)))
    marks = "".join(map(text.__getitem__, places))
    if marks == GUILLEMET_PAIR * (len(marks) // 2):  # '«…» … «…»', the commonest: each closes the one before
        return list(map(_QUOTED, zip(places[::2], places[1::2])))
    return _paired(text, start, stop)


def _paired(text: str, start: int, stop: int) -> list[Quoted]:
    """:func:`pair_quotes` mark by mark, whatever the marks."""
    stack, found = _Stack(), []
    for match in QUOTE_MARK.finditer(text, start, stop):  # only the marks are visited
        char, index = match.group(), match.start()
        if char in OPEN_QUOTES:
            stack.push(char, index)
        elif char == RIGHT_GUILLEMET:
            stack.close(index, LEFT_GUILLEMET, found, bool(ATTRIBUTION_AFTER.match(text, index + 1, stop)))
        elif char == LEFT_QUOTE:
            if stack.top() == LOW_QUOTE:
                stack.close(index, LOW_QUOTE, found)
            elif _opens(text, index):
                stack.push(char, index)
            else:
                stack.close(index, CURLY_OPENERS, found)
        elif char == RIGHT_QUOTE:
            if stack.has(CURLY_OPENERS):
                stack.close(index, CURLY_OPENERS, found)
            elif _opens(text, index):
                stack.push(char, index)
            else:
                stack.close(index, RIGHT_QUOTE, found)
        elif char == STRAIGHT_QUOTE:
            if stack.top() == STRAIGHT_QUOTE and not _opens(text, index):
                outer = bool(ATTRIBUTION_AFTER.match(text, index + 1, stop))  # '"… "Норникель", — заявил'
                stack.close(index, STRAIGHT_QUOTE, found, outer)
            elif _opens(text, index):
                stack.push(char, index)
            elif stack.has(STRAIGHT_QUOTE):
                stack.close(index, STRAIGHT_QUOTE, found)
            elif _spaced_opening(text, index, stop):
                stack.push(char, index)  # ': " Мы готовы … "': a mark spaced off the words it opens
            elif not stack.marks:
                found.append(Quoted(None, index))
    if stack.marks:
        found.append(Quoted(stack.marks[0][1], None))
    return sorted(found, key=lambda q: q.open if q.open is not None else q.close)
