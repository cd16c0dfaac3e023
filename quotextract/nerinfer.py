"""slovnet's NER network over natasha's news weights, in numpy, many lines per batch.

The network (``slovnet.exec.model.NER``): the encoder of :mod:`quotextract.encoder` (here run over
all the lines of a batch packed into one sequence), a linear projection to the 8 BIO tags with
the last batch norm folded in, and a CRF decoded by Viterbi: one Viterbi over all the lines of a
batch at once. Each distinct run of characters between spaces keeps its tokens and table rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from threadpoolctl import ThreadpoolController

from .encoder import PackedEncoder, load, pack
from .tokenizer import DELIMITERS, Key, Pieces, key_pieces, run_key, run_starts

BATCH_CHARS = 16_384  # characters of text packed into one batch (a token has one at least)
CACHE_ROWS = 16_384  # distinct token strings whose first-layer taps are kept (3 KB each)
LONG_TOKEN = 40  # characters: longer tokens and runs are computed, not remembered
LONG_LINE = 5_000  # characters: longer lines are tagged in pieces
SENTENCE_ENDS = (". ", "! ", "? ", "… ")
OUTSIDE = 1  # the tag 'O'


@dataclass(frozen=True, slots=True)
class Tagged:
    """One entity of a line: ``line[start:stop]`` is a ``type`` ('PER', 'LOC', 'ORG')."""

    start: int
    stop: int
    type: str


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    pieces: list[Pieces]  # the tokens of each run of ``text.split()``
    rows: np.ndarray  # first-layer table row of each token

    def tokens(self) -> list[tuple[int, int]]:
        """Offsets of each token in the line (wanted only where NER finds an entity)."""
        return [
            (start + low, start + high)
            for start, pieces in zip(run_starts(self.text), self.pieces)
            for low, high in pieces
        ]


class NerNetwork:
    """natasha's ``NewsNERTagger`` (its model, vocabularies), computed batch-wise: ``network.tag(lines)``."""

    def __init__(self, model, words, shapes, tags, capacity: int = CACHE_ROWS):
        self.encoder = PackedEncoder(model, words, shapes, capacity)
        self.tags = [_bio(tag) for tag in tags.items]
        scale, shift = self.encoder.last_norm
        proj = model.head.proj
        self._proj = (scale[:, None] * proj.weight.array).astype(np.float32)
        self._proj_bias = (shift @ proj.weight.array + proj.bias.array).astype(np.float32)
        self._transitions = model.head.crf.transitions.array
        self._blas = ThreadpoolController()
        self._runs: dict[str | Key, tuple[Pieces, list[int]]] = {}  # run (or its key) -> tokens, rows

    # tokens -> rows

    def _lines(self, lines: list[str]) -> list[_Line] | None:
        """Tokens and table rows of each line (None: the table is full)."""
        known_runs, encoder, prepared = self._runs, self.encoder, []
        rows = encoder.rows
        for line in lines:
            runs = line.split()
            line_pieces, line_rows = [], []
            for index, run in enumerate(runs):
                # a run with a delimiter at an end is split by its context too
                key = run_key(runs, index) if run[0] in DELIMITERS or run[-1] in DELIMITERS else run
                known = known_runs.get(key)
                if known is None:
                    pieces, ids = key_pieces(key if key is not run else (None, run, None)), []
                    for low, high in pieces:
                        word = run[low:high]
                        row = rows.get(word) or encoder.new_row(word, high - low <= LONG_TOKEN)
                        if row is None:
                            return None
                        ids.append(row)
                    known = (pieces, ids)
                    if len(run) <= LONG_TOKEN:
                        known_runs[key] = known
                line_pieces.append(known[0])
                line_rows.extend(known[1])
            prepared.append(_Line(line, line_pieces, np.array(line_rows, dtype=np.int64)))
        encoder.fill()
        return prepared

    def _prepared(self, lines: list[str]) -> list[_Line]:
        prepared = self._lines(lines)
        if prepared is None:  # the table is full: start it afresh
            self.encoder.clear()
            self._runs.clear()
            prepared = self._lines(lines)
        return prepared

    # the network

    def _emissions(self, rows: np.ndarray) -> np.ndarray:
        """Tag scores of the inner positions of a packed sequence."""
        return self.encoder.hidden(rows) @ self._proj + self._proj_bias

    def _viterbi(self, emissions: np.ndarray, starts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
        """slovnet's CRF decoding of every line at once; lines come longest first."""
        transitions, tags = self._transitions, np.empty(len(emissions), np.int64)
        longer = np.searchsorted(-sizes, -np.arange(int(sizes[0])), side="left").tolist()  # lines > step
        score, history = emissions[starts], [None]
        finals = np.empty((len(starts), emissions.shape[1]), emissions.dtype)
        active = len(starts)
        for step in range(1, int(sizes[0])):
            still = longer[step]
            finals[still:active] = score[still:active]
            active = still
            total = score[:active, :, None] + transitions + emissions[starts[:active] + step][:, None, :]
            history.append(total.argmax(1))
            score = total.max(1)  # the value at the argmax, as slovnet takes it
        finals[:active] = score[:active]
        best = finals.argmax(1)
        tags[starts + sizes - 1] = best
        lines = np.arange(len(starts))
        for step in range(len(history) - 1, 0, -1):
            active = len(history[step])
            best[:active] = history[step][lines[:active], best[:active]]
            tags[starts[:active] + step - 1] = best[:active]
        return tags

    def _batch(self, lines: list[_Line]) -> list[np.ndarray]:
        """The tags of each line of one batch."""
        rows, order, starts, sizes = pack([line.rows for line in lines])
        tags = self._viterbi(self._emissions(rows), starts, sizes)
        found: list[np.ndarray] = [None] * len(lines)
        for i, start, size in zip(order, starts.tolist(), sizes.tolist()):
            found[i] = tags[start : start + size]
        return found

    def tag(self, lines: list[str]) -> list[list[Tagged]]:
        """The entities of each line, as natasha's ``NewsNERTagger`` finds them.

        Lines longer than ``LONG_LINE`` characters are tagged in pieces cut at sentence ends
        (else at a space), so that memory stays bounded; on shorter lines the result is natasha's.
        """
        pieces = [
            (index, start, line[start:stop]) for index, line in enumerate(lines) for start, stop in cuts(line)
        ]
        results: list[list[Tagged]] = [[] for _ in lines]
        with self._blas.limit(limits=1, user_api="blas"):  # small products: threads only cost
            for batch in _batches(pieces):
                self._tag_batch(batch, results)
        return results

    def _tag_batch(self, batch: list, results: list[list[Tagged]]) -> None:
        """Tag one batch of ``(line index, offset, piece)``, adding to ``results``."""
        prepared = self._prepared([text for _, _, text in batch])
        tagged = [p for p in prepared if len(p.rows)]
        tags = iter(self._batch(tagged) if tagged else ())
        for (index, offset, _), line in zip(batch, prepared):
            if len(line.rows):
                results[index].extend(self._spans(line, next(tags), offset))

    def _spans(self, line: _Line, tags: np.ndarray, offset: int) -> list[Tagged]:
        """slovnet's ``bio_spans``: B opens, I extends, O closes; other tags change nothing."""
        spans, current, last = [], None, -2
        tokens = None
        for index in np.flatnonzero(tags != OUTSIDE).tolist() + [None]:
            if current is not None and (index is None or index != last + 1):
                spans.append(Tagged(*current))  # an O (or the end) after the span
                current = None
            if index is None:
                break
            part, kind = self.tags[tags[index]]
            tokens = tokens or line.tokens()
            start, stop = tokens[index]
            if part == "B":
                if current is not None:
                    spans.append(Tagged(*current))
                current = [offset + start, offset + stop, kind]
            elif part == "I" and current is not None:
                current[1] = offset + stop
            last = index
        return spans


def cuts(line: str) -> list[tuple[int, int]]:
    """``line`` as pieces of at most ``LONG_LINE`` characters, cut after a sentence end where
    there is one in the second half of a piece, else at a space, else anywhere."""
    found, start = [], 0
    while len(line) - start > LONG_LINE:
        low, high = start + LONG_LINE // 2, start + LONG_LINE
        cut = max(line.rfind(end, low, high) for end in SENTENCE_ENDS)
        cut = cut + 2 if cut >= 0 else line.rfind(" ", low, high) + 1 or high
        found.append((start, cut))
        start = cut
    found.append((start, len(line)))
    return found


def _batches(pieces: list) -> list[list]:
    """Consecutive pieces grouped into batches of at most ``BATCH_CHARS`` characters."""
    batches, batch, size = [], [], 0
    for piece in pieces:
        if batch and size + len(piece[2]) > BATCH_CHARS:
            batches.append(batch)
            batch, size = [], 0
        batch.append(piece)
        size += len(piece[2])
    return batches + [batch] if batch else batches


def _bio(tag: str) -> tuple[str, str | None]:
    part, _, kind = tag.partition("-")
    return part, kind or None


@lru_cache(maxsize=1)
def network() -> NerNetwork:
    """The process-wide network over natasha's news NER weights (they ship inside its wheel)."""
    return new_network()


def new_network(capacity: int = CACHE_ROWS) -> NerNetwork:
    """A network of its own over natasha's news NER weights, with a table of ``capacity`` rows."""
    from natasha.data import NEWS_NER
    from slovnet.const import TAG
    from slovnet.exec.model import NER

    return NerNetwork(*load(NEWS_NER, NER, TAG), capacity)
