"""Pairing quote marks by direction within a paragraph, tolerating unbalanced ones."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Quoted:
    """A top-level quoted stretch: marks at ``open`` and ``close`` (None: runs to the end)."""

    open: int | None  # None: a closing mark with no opening one
    close: int | None


def _opens(text: str, index: int) -> bool:
    """An ambiguous mark opens when it follows a space or bracket and precedes a word."""
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return (before.isspace() or before in "([—-:«„") and not after.isspace()


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
        if char in "«„":
            stack.append((char, index))
        elif char == "»":
            close(index, "«")
        elif char == "“":
            if stack and stack[-1][0] == "„":
                close(index, "„")
            elif _opens(text, index):
                stack.append((char, index))
            else:
                close(index, "“„")
        elif char == "”":
            if any(mark in "“„" for mark, _ in stack):
                close(index, "“„")
            elif _opens(text, index):
                stack.append((char, index))
            else:
                close(index, "”")
        elif char == '"':
            if stack and stack[-1][0] == '"' and not _opens(text, index):
                close(index, '"')
            elif _opens(text, index):
                stack.append((char, index))
            elif any(mark == '"' for mark, _ in stack):
                close(index, '"')
            elif not stack:
                found.append(Quoted(None, index))
    if stack:
        found.append(Quoted(stack[0][1], None))
    return sorted(found, key=lambda q: q.open if q.open is not None else q.close)
