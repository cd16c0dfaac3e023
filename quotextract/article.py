"""One article prepared for the rules: normalised text, paragraphs, sentences, tokens, cues."""

from __future__ import annotations

import bisect
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
        return [c for p in self.paragraphs for c in find_cues(self.text, self.tokens_in(p.start, p.stop), self.lexicon)]

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    @cached_property
    def _cue_starts(self) -> list[int]:
        return [c.start for c in self.cues]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def tokens_in(self, start: int, stop: int) -> list[Token]:
        """Tokens lying entirely inside ``[start, stop)``."""
        starts = self._token_starts
        low, high = bisect.bisect_left(starts, start), bisect.bisect_left(starts, stop)
        return [t for t in self.tokens[low:high] if t.stop <= stop]

    def cues_in(self, start: int, stop: int) -> list[Cue]:
        starts = self._cue_starts
        low, high = bisect.bisect_left(starts, start), bisect.bisect_left(starts, stop)
        return [c for c in self.cues[low:high] if c.stop <= stop]

    def first_cue(self, start: int, stop: int, within: int = 4) -> Cue | None:
        """The first cue among the first ``within`` tokens of ``[start, stop)``."""
        words = self.tokens_in(start, stop)[:within]
        if not words:
            return None
        cues = self.cues_in(words[0].start, words[-1].stop)
        return cues[0] if cues else None

    def sentence_at(self, position: int) -> Sentence | None:
        index = bisect.bisect_right(self._sentence_starts, position) - 1
        if index >= 0 and position < self.sentences[index].stop:
            return self.sentences[index]
        return None

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    def paragraph_at(self, position: int) -> Paragraph | None:
        index = bisect.bisect_right(self._paragraph_starts, position) - 1
        if index >= 0 and position < self.paragraphs[index].stop:
            return self.paragraphs[index]
        return None

    @cached_property
    def _entity_starts(self) -> list[int]:
        return [e.start for e in self.entities]

    def entities_in(self, start: int, stop: int) -> list[Entity]:
        """Entities lying entirely inside ``[start, stop)``."""
        starts = self._entity_starts
        low, high = bisect.bisect_left(starts, start), bisect.bisect_left(starts, stop)
        return [e for e in self.entities[low:high] if e.stop <= stop]
