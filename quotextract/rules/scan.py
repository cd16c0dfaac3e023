"""Patterns tried only where they can match: a cheap screen finds the places, the pattern decides."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice


@dataclass(frozen=True)
class Screened:
    """``pattern`` tried only at the starts of the matches of ``starts``.

    ``starts`` is a pattern of one character (a lookaround may look further) matching wherever a
    match of ``pattern`` can start, and more; ``pattern`` matches no empty string. The matches are
    then exactly those of ``pattern.finditer``: a pattern that opens with a lookbehind or an
    alternation of many words scans slowly, one character class scans fast. ``starts`` looks
    ahead only for what a match holds (no negative lookahead), so that the places it finds in a
    whole text serve any range of it. ``words``: strings one of which every match holds once
    case-folded (a pattern of any case matches a letter only where its case folding is that
    letter): a range holding none is not scanned at all, ``str.casefold`` and ``in`` being
    far faster than any pattern. ``lead``: ``starts`` matches this many characters before where
    a match can start, at a character every match follows (one rarer than its first ones).
    """

    pattern: re.Pattern
    starts: re.Pattern
    words: tuple[str, ...] = ()
    lead: int = 0

    def places(self, text: str) -> list[int]:
        """Where matches of ``pattern`` can start in ``text``: screened once for many ranges."""
        return list(self._starts(self.starts.finditer(text)))

    def finditer(
        self, text: str, start: int = 0, stop: int | None = None, places: list[int] | None = None
    ) -> Iterator[re.Match]:
        """The matches of ``pattern.finditer(text, start, stop)``; ``places``: of :meth:`places`."""
        stop = len(text) if stop is None else stop
        if self.words and not self.may_match(text, start, stop):
            return iter(())
        if places is None:
            scan = self.starts.finditer(text, max(0, start - self.lead), stop)
            return self._matches(text, self._starts(scan), stop)
        low, high = bisect.bisect_left(places, start), bisect.bisect_left(places, stop)
        return self._matches(text, islice(places, low, high), stop) if low < high else iter(())

    def may_match(self, text: str, start: int = 0, stop: int | None = None) -> bool:
        """False when ``text[start:stop]`` holds none of ``words`` (case-folded): no match there."""
        folded = text[start:stop].casefold()
        return any(map(folded.__contains__, self.words))

    def _starts(self, places: Iterator[re.Match]) -> Iterator[int]:
        """Where the matches of ``starts`` put a match of ``pattern``: their starts and ``lead``."""
        starts = map(re.Match.start, places)
        return map(self.lead.__add__, starts) if self.lead else starts

    def _matches(self, text: str, places: Iterable[int], stop: int) -> Iterator[re.Match]:
        after = 0  # matches do not overlap: the next starts where the last ended, or later
        for place in places:
            if place < after:
                continue
            match = self.pattern.match(text, place, stop)
            if match:
                after = match.end()
                yield match

    def search(self, text: str, start: int = 0, stop: int | None = None) -> re.Match | None:
        return next(self.finditer(text, start, stop), None)

    def match(self, text: str, start: int = 0, stop: int | None = None) -> re.Match | None:
        return self.pattern.match(text, start, len(text) if stop is None else stop)


def opening_at(
    openings: Iterable[tuple[str, str]], flags: int = 0, *, word_start: bool = False
) -> re.Pattern:
    """The one-character pattern of where one of ``openings`` begins, for :class:`Screened`.

    Each opening is its first character (as written) and a pattern of what follows it;
    ``word_start``: only where no word character stands before. The class of first characters
    comes first, so the scan tests one class per character.
    """
    rests: dict[str, set[str]] = {}
    for first, rest in openings:
        rests.setdefault(first, set()).add(rest)
    letters = "[" + "".join(map(re.escape, rests)) + "]"
    after = "|".join(rf"(?<={re.escape(first)})(?:{'|'.join(sorted(rest))})" for first, rest in rests.items())
    before = rf"(?<!\w{letters})" if word_start else ""
    return re.compile(rf"{letters}{before}(?={after})", flags)
