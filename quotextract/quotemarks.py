"""Pairing quote marks by direction within a paragraph, tolerating unbalanced ones."""

from __future__ import annotations

from dataclasses import dataclass

from .punct import (
    COLON,
    DASHES,
    LEFT_GUILLEMET,
    LEFT_QUOTE,
    LOW_QUOTE,
    OPEN_QUOTES,
    RIGHT_GUILLEMET,
    RIGHT_QUOTE,
    STRAIGHT_QUOTE,
)

OPENS_AFTER = "([" + DASHES + COLON + OPEN_QUOTES  # besides a space: an ambiguous mark after these opens
CURLY_OPENERS = LEFT_QUOTE + LOW_QUOTE  # what “ and ” close


@dataclass(frozen=True, slots=True)
class Quoted:
    """A top-level quoted stretch: marks at ``open`` and ``close`` (None: runs to the end)."""

    open: int | None  # None: a closing mark with no opening one
    close: int | None


def _opens(text: str, index: int) -> bool:
    """An ambiguous mark opens when it follows a space or bracket and precedes a word."""
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return (before.isspace() or before in OPENS_AFTER) and not after.isspace()


def pair_quotes(text: str, start: int, stop: int) -> list[Quoted]:
    """Top-level quoted stretches of ``text[start:stop]`` (offsets into ``text``)."""
    stack: list[tuple[str, int]] = []
    found: list[Quoted] = []

    def close(index: int, openers: str) -> None:
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] in openers:
                if depth == 0:
                    found.append(Quoted(stack[0][1], index))
                del stack[depth:]
                return
        if not stack:
            found.append(Quoted(None, index))

    for index in range(start, stop):
        char = text[index]
        if char in OPEN_QUOTES:
            stack.append((char, index))
        elif char == RIGHT_GUILLEMET:
            close(index, LEFT_GUILLEMET)
        elif char == LEFT_QUOTE:
            if stack and stack[-1][0] == LOW_QUOTE:
                close(index, LOW_QUOTE)
            elif _opens(text, index):
                stack.append((char, index))
            else:
                close(index, CURLY_OPENERS)
        elif char == RIGHT_QUOTE:
            if any(mark in CURLY_OPENERS for mark, _ in stack):
                close(index, CURLY_OPENERS)
            elif _opens(text, index):
                stack.append((char, index))
            else:
                close(index, RIGHT_QUOTE)
        elif char == STRAIGHT_QUOTE:
            if stack and stack[-1][0] == STRAIGHT_QUOTE and not _opens(text, index):
                close(index, STRAIGHT_QUOTE)
            elif _opens(text, index):
                stack.append((char, index))
            elif any(mark == STRAIGHT_QUOTE for mark, _ in stack):
                close(index, STRAIGHT_QUOTE)
            elif not stack:
                found.append(Quoted(None, index))
    if stack:
        found.append(Quoted(stack[0][1], None))
    return sorted(found, key=lambda q: q.open if q.open is not None else q.close)
