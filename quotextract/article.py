"""One article prepared for the rules: normalised text, paragraphs, sentences, tokens, cues."""

from __future__ import annotations

import operator
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple, TypeVar

from .cues import cues_of_lines
from .lexicon import Lexicon
from .model import Cue, Entity
from .normalize import Gaps, normalized
from .segment import Paragraph, Sentence, Token, paragraphs, sentences, token_table

T = TypeVar("T")


def _within(name: str, doc: str) -> Callable[[Article, int, int], list]:
    """The method giving the items of an article's sorted sequence ``name`` that lie inside
    ``[start, stop)``, by bisection: one call each, as the rules ask tens of thousands a corpus."""

    def within(self: Article, start: int, stop: int) -> list:
        index = self._index.get(name) or self._index_of(name)
        starts = index.starts
        low = bisect_left(starts, start)
        high = bisect_left(starts, stop, low)
        if index.nested:
            return [item for item in index.items[low:high] if item.stop <= stop]
        return index.items[low : bisect_right(index.stops, stop, low, high)]

    within.__doc__ = doc
    return within


def _at(name: str, doc: str) -> Callable[[Article, int], object]:
    """The method giving the item of an article's sorted sequence ``name`` holding a position."""

    def at(self: Article, position: int):
        index = self._index.get(name) or self._index_of(name)
        found = bisect_right(index.starts, position) - 1
        return index.items[found] if found >= 0 and position < index.stops[found] else None

    at.__doc__ = doc
    return at


@dataclass(frozen=True)
class Article:
    """Everything the detection and attribution rules read. Offsets index ``text``; ``in_original``
    maps them to the original text."""

    original: str
    lexicon: Lexicon
    entities: tuple[Entity, ...] = field(default=())

    @cached_property
    def _normalised(self) -> tuple[str, Gaps | None]:
        return normalized(self.original)

    @cached_property
    def text(self) -> str:
        """The normalised text the rules read (``original`` without soft hyphens and stress marks:
        its offsets are the original's through :meth:`in_original`)."""
        return self._normalised[0]

    def in_original(self, start: int, stop: int) -> tuple[int, int]:
        """A span of ``text`` as offsets into ``original`` (the same, unless characters were left out)."""
        gaps = self._normalised[1]
        return (start, stop) if gaps is None else (gaps[start], gaps[stop])

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        return paragraphs(self.text)

    @cached_property
    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs for s in sentences(p)]

    @cached_property
    def tokens(self) -> list[Token]:
        """The tokens of the whole text: those of its paragraphs, as only spaces stand between them."""
        found, starts, stops, texts = token_table(self.text)
        self._index["tokens"] = _Index(found, starts, stops, nested=False)
        self.__dict__["_token_texts"] = texts
        return found

    @cached_property
    def _token_texts(self) -> list[str]:
        """The text of each token: kept as the tokens are made (this runs only if asked before)."""
        return [token.text for token in self.tokens]

    @cached_property
    def cues(self) -> list[Cue]:
        starts = self._starts_of("tokens")
        ends = [bisect_left(starts, p.stop) for p in self.paragraphs]  # each one's tokens end there
        return cues_of_lines(self.text, self.tokens, ends, self.lexicon, self._token_texts)

    @cached_property
    def cued_sentences(self) -> frozenset[int]:
        """The indices of the sentences a cue lies in (``sentences_in``'s test), found from the cues."""
        sentences, found = self._index_of("sentences"), set()
        for cue in self.cues:
            index = bisect_right(sentences.starts, cue.start) - 1
            if index >= 0 and cue.stop <= sentences.stops[index]:
                found.add(index)
        return frozenset(found)

    def once(self, function: Callable[[Article], T]) -> T:
        """``function(self)``, computed on the first call only: for what several rules read."""
        if function not in self._once:
            self._once[function] = function(self)
        return self._once[function]

    @cached_property
    def _once(self) -> dict:
        return {}

    @cached_property
    def _index(self) -> dict[str, _Index]:
        """Start and stop offsets of each sorted sequence, filled on first use, for bisection."""
        return {}

    def _index_of(self, name: str) -> _Index:
        index = self._index.get(name)
        if index is None:
            items = getattr(self, name)  # the tokens index themselves as they are made
            index = self._index.get(name) or self._index.setdefault(name, _Index.of(items))
        return index

    def _starts_of(self, name: str) -> list[int]:
        return self._index_of(name).starts

    tokens_in = _within("tokens", "Tokens lying entirely inside ``[start, stop)``.")

    sentences_in = _within("sentences", "Sentences starting in ``[start, stop)`` and ending by ``stop``.")

    cues_in = _within("cues", "Cues lying entirely inside ``[start, stop)``.")

    def iter_cues(self, start: int, stop: int) -> Iterator[Cue]:
        """Cues lying entirely inside ``[start, stop)``, lazily: for scans that stop early."""
        cues, index = self.cues, bisect_left(self._starts_of("cues"), start)
        while index < len(cues) and cues[index].start < stop:
            if cues[index].stop <= stop:
                yield cues[index]
            index += 1

    def token_starts(self) -> list[int]:
        """Where each token starts, in text order: for bisection."""
        return self._starts_of("tokens")

    def token_start_before(self, position: int, count: int) -> int:
        """Where the ``count``-th token before ``position`` starts (0 when there are fewer)."""
        index = bisect_left(self._starts_of("tokens"), position) - count
        return self.tokens[index].start if index >= 0 else 0

    entities_in = _within("entities", "Entities lying entirely inside ``[start, stop)``.")

    def first_cue(self, start: int, stop: int, within: int = 4) -> Cue | None:
        """The first cue among the first ``within`` tokens of ``[start, stop)``."""
        tokens = self._index.get("tokens") or self._index_of("tokens")  # apart: bisect the stops too
        low = bisect_left(tokens.starts, start)
        high = min(bisect_left(tokens.starts, stop, low), low + within)
        high = bisect_right(tokens.stops, stop, low, high)
        if high == low:
            return None
        first, last = tokens.starts[low], tokens.stops[high - 1]
        cues = self._index.get("cues") or self._index_of(
            "cues"
        )  # in order, apart: the first cue starting there is the one
        found = bisect_left(cues.starts, first)
        if found < len(cues.items) and cues.starts[found] < last and cues.stops[found] <= last:
            return cues.items[found]
        return None

    sentence_at = _at("sentences", "The sentence holding ``position``, if any.")

    paragraph_at = _at("paragraphs", "The paragraph holding ``position``, if any.")


class _Index(NamedTuple):
    """A sequence sorted by start, with its starts and stops; ``nested`` when a stop comes before
    the stop of an item earlier in the sequence (items inside others)."""

    items: list
    starts: list[int]
    stops: list[int]
    nested: bool

    @classmethod
    def of(cls, items: list) -> _Index:
        stops = list(map(STOP, items))
        return cls(items, list(map(START, items)), stops, any(map(operator.gt, stops, stops[1:])))


START, STOP = operator.attrgetter("start"), operator.attrgetter("stop")
