"""One article prepared for the rules: normalised text, paragraphs, sentences, tokens, cues."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from .cues import find_cues
from .lexicon import Lexicon
from .model import Cue, Entity
from .normalize import normalize
from .segment import Paragraph, Sentence, Token, paragraphs, sentences, tokens


@dataclass(frozen=True)
class Article:
    """Everything the detection and attribution rules read. Offsets index the original text."""

    original: str
    lexicon: Lexicon
    entities: tuple[Entity, ...] = field(default=())

    @cached_property
    def text(self) -> str:
        return normalize(self.original)

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        return paragraphs(self.text)

    @cached_property
    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs for s in sentences(p)]

    @cached_property
    def tokens(self) -> list[Token]:
        return [t for p in self.paragraphs for t in tokens(self.text, p.start, p.stop)]

    @cached_property
    def cues(self) -> list[Cue]:
        return [
            c
            for p in self.paragraphs
            for c in find_cues(self.text, self.tokens_in(p.start, p.stop), self.lexicon)
        ]

    @cached_property
    def _starts(self) -> dict[str, list[int]]:
        """Start offsets of each sorted sequence, filled on first use, for bisection."""
        return {}

    def _starts_of(self, name: str) -> list[int]:
        if name not in self._starts:
            self._starts[name] = [item.start for item in getattr(self, name)]
        return self._starts[name]

    def _within(self, name: str, start: int, stop: int, limit: int | None = None) -> list:
        starts, items = self._starts_of(name), getattr(self, name)
        low, high = bisect.bisect_left(starts, start), bisect.bisect_left(starts, stop)
        if limit is not None:
            high = min(high, low + limit)
        return [item for item in items[low:high] if item.stop <= stop]

    def _at(self, name: str, position: int):
        index = bisect.bisect_right(self._starts_of(name), position) - 1
        items = getattr(self, name)
        return items[index] if index >= 0 and position < items[index].stop else None

    def tokens_in(self, start: int, stop: int) -> list[Token]:
        """Tokens lying entirely inside ``[start, stop)``."""
        return self._within("tokens", start, stop)

    def sentences_in(self, start: int, stop: int) -> list[Sentence]:
        """Sentences starting in ``[start, stop)`` and ending by ``stop``."""
        return self._within("sentences", start, stop)

    def cues_in(self, start: int, stop: int) -> list[Cue]:
        """Cues lying entirely inside ``[start, stop)``."""
        return self._within("cues", start, stop)

    def iter_cues(self, start: int, stop: int) -> Iterator[Cue]:
        """Cues lying entirely inside ``[start, stop)``, lazily: for scans that stop early."""
        cues, index = self.cues, bisect.bisect_left(self._starts_of("cues"), start)
        while index < len(cues) and cues[index].start < stop:
            if cues[index].stop <= stop:
                yield cues[index]
            index += 1

    def token_start_before(self, position: int, count: int) -> int:
        """Where the ``count``-th token before ``position`` starts (0 when there are fewer)."""
        index = bisect.bisect_left(self._starts_of("tokens"), position) - count
        return self.tokens[index].start if index >= 0 else 0

    def entities_in(self, start: int, stop: int) -> list[Entity]:
        """Entities lying entirely inside ``[start, stop)``."""
        return self._within("entities", start, stop)

    def first_cue(self, start: int, stop: int, within: int = 4) -> Cue | None:
        """The first cue among the first ``within`` tokens of ``[start, stop)``."""
        words = self._within("tokens", start, stop, limit=within)
        if not words:
            return None
        cues = self.cues_in(words[0].start, words[-1].stop)
        return cues[0] if cues else None

    def sentence_at(self, position: int) -> Sentence | None:
        return self._at("sentences", position)

    def paragraph_at(self, position: int) -> Paragraph | None:
        return self._at("paragraphs", position)
