"""slovnet's NER network over natasha's news weights, in numpy, many lines per batch.

The network (``slovnet.exec.model.NER``): the encoder of :mod:`quotextract.encoder` (here run over
all the lines of a batch packed into one sequence), a linear projection to the 8 BIO tags with
the last batch norm folded in, and a CRF decoded by Viterbi: one Viterbi over all the lines of a
batch at once. Each distinct run of characters between spaces keeps its tokens and their input
codes (navec id and shape id), which stay valid when the encoder's table evicts rows.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import accumulate, chain
from operator import itemgetter
from typing import NamedTuple

import numpy as np
from threadpoolctl import ThreadpoolController

from .encoder import PackedEncoder, load, pack
from .tokenizer import Key, Pieces, run_starts, tokens_of

BATCH_CHARS = 16_384  # characters of text packed into one batch (a token has one at least)
DECODED_TOGETHER = 8  # batches one Viterbi decodes: it takes a step per token of the longest line
CACHE_ROWS = 24_576  # distinct input codes whose first-layer taps are kept (3 KB each)
RUNS = 100_000  # runs whose tokens and codes are remembered (emptied when full; about 250 B each)
LONG_RUN = 40  # characters: longer runs are computed, not remembered
LONG_LINE = 5_000  # characters: longer lines are tagged in pieces
SENTENCE_ENDS = (". ", "! ", "? ", "… ")
OUTSIDE = 1  # the tag 'O'


class Tagged(NamedTuple):
    """One entity of a line: ``line[start:stop]`` is a ``type`` ('PER', 'LOC', 'ORG'). A tuple,
    made without a Python call: a batch has many."""

    start: int
    stop: int
    type: str


_TAGGED = partial(tuple.__new__, Tagged)


class _Scored(NamedTuple):
    """One batch scored by the network, waiting for the Viterbi: its pieces, their lines, the
    emissions of its packed sequence and, as ``pack`` gives them, the order, starts and sizes."""

    batch: list
    lines: list
    emissions: np.ndarray
    order: np.ndarray
    starts: np.ndarray
    sizes: np.ndarray


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    words: list[str]  # ``text.split()``
    runs: list[tuple[Pieces, tuple[int, ...]]]  # the tokens and input codes of each of ``words``
    size: int  # tokens

    def offsets(self, indexes: list[int]) -> list[tuple[int, int]]:
        """Offsets in the line of the tokens ``indexes`` (wanted only where NER finds an entity)."""
        runs, before = self.runs, [0, *accumulate(map(len, self.words))]  # characters before each run
        spaced = before[-1] + len(runs) - 1 == len(self.text)  # one space between runs, none around
        starts = None if spaced else run_starts(self.text)
        ends = list(accumulate(map(len, map(itemgetter(0), runs))))  # tokens to the end of each run
        found = []
        for index in indexes:
            run = bisect_right(ends, index)
            low, high = runs[run][0][index - (ends[run - 1] if run else 0)]
            start = before[run] + run if starts is None else starts[run]
            found.append((start + low, start + high))
        return found

    def token_offsets(self) -> list[tuple[int, int]]:
        """Offsets in the line of all its tokens."""
        starts = run_starts(self.text)
        return [
            (start + low, start + high)
            for start, (pieces, _) in zip(starts, self.runs)
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
        self._runs: dict[str | Key, tuple[Pieces, tuple[int, ...]]] = {}  # run (or its key) -> tokens, codes

    # tokens -> input codes

    def _lines(self, lines: list[str]) -> tuple[list[_Line], list[int]]:
        """Tokens and input codes of each line, and the codes of all the lines in a row."""
        known, prepared, codes = self._runs, [], []
        for line in lines:
            runs = line.split()
            found = list(map(known.get, runs))
            index = _missing(found, 0)
            while index >= 0:
                found[index] = self._run(runs, index)
                index = _missing(found, index + 1)
            size = len(codes)
            codes.extend(chain.from_iterable(map(itemgetter(1), found)))
            prepared.append(_Line(line, runs, found, len(codes) - size))
        return prepared, codes

    def tokens(self, lines: list[str]) -> list[tuple[list[tuple[int, int]], list[int]]]:
        """razdel's tokens of each line as ``(their offsets in the line, their input codes)``, the
        runs' from the cache: the syntax network reads the same codes (the same vocabularies)."""
        prepared, _ = self._lines(lines)
        return [
            (line.token_offsets(), [code for _, codes in line.runs for code in codes]) for line in prepared
        ]

    def _run(self, runs: list[str], index: int) -> tuple[Pieces, tuple[int, ...]]:
        """The tokens and input codes of ``runs[index]``, remembered under the run when they
        depend on the run alone, else under its key."""
        run = runs[index]
        key, pieces = tokens_of(runs, index)
        code = self.encoder.code  # (a run's one token is the whole run: tokens cover their run)
        entry = (
            pieces,
            (code(run),) if len(pieces) == 1 else tuple([code(run[low:high]) for low, high in pieces]),
        )
        if len(run) <= LONG_RUN:
            if len(self._runs) >= RUNS:
                self._runs.clear()
            self._runs[key] = entry
        return entry

    # the network

    def _emissions(self, rows: np.ndarray) -> np.ndarray:
        """Tag scores of the inner positions of a packed sequence."""
        return self.encoder.hidden(rows) @ self._proj + self._proj_bias

    def _viterbi(self, emissions: np.ndarray, starts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
        """slovnet's CRF decoding of every line at once; lines come longest first.

        Step ``t`` reads and writes the rows of the lines longer than ``t``: they lie one after
        another in a step-major copy of the emissions, each step's rows next to the last's."""
        transitions, count = self._transitions, len(starts)
        active = np.searchsorted(-sizes, -np.arange(int(sizes[0])), side="left")  # lines > step
        offsets = np.concatenate(([0], np.cumsum(active)))  # each step's first row, step-major
        line_of = np.arange(offsets[-1]) - np.repeat(offsets[:-1], active)  # (the tokens of all lines)
        step_of = np.repeat(np.arange(len(active)), active)
        positions = starts[line_of] + step_of  # of each step-major row in ``emissions``
        stepwise = emissions[positions]
        tags = emissions.shape[1]
        history = np.empty((len(positions), tags), np.intp)
        # scores of each line, tag and previous tag: the previous tags of one tag side by side, so
        # the best previous tag is an argmax over the last axis and its score a lookup (no max)
        total = np.empty((count, tags, tags), emissions.dtype)
        cells = np.arange(0, total.size, tags).reshape(count, tags)  # of each (line, tag, 0) in ``total``
        chosen = np.empty((count, tags), np.intp)
        into = np.ascontiguousarray(transitions.T)  # tag, previous tag
        score = stepwise[:count].copy()
        bounds, add, cells_of, columns = offsets.tolist(), np.add, total.reshape(-1), stepwise[:, :, None]
        views = {}  # lines active -> the views of the arrays a step reads and writes (few distinct)
        for step in range(1, len(active)):
            low, high = bounds[step], bounds[step + 1]
            view = views.get(high - low)
            if view is None:
                size = high - low
                view = views[size] = (
                    total[:size],
                    score[:size, None, :],
                    cells[:size],
                    chosen[:size],
                    score[:size],
                )
            now, previous, cell, pick, rows = view
            picks = history[low:high]
            add(previous, into, out=now)  # (score + transition) + emission, as slovnet adds
            add(now, columns[low:high], out=now)
            now.argmax(2, out=picks)
            add(cell, picks, out=pick)
            cells_of.take(pick, out=rows, mode="clip")  # the value at the argmax, as slovnet takes it
        found = np.empty(len(positions), np.intp)  # the tags, step-major
        found[offsets[sizes - 1] + np.arange(count)] = score.argmax(1)  # the last tag of each line
        flat, first = history.reshape(-1), np.arange(0, history.size, tags)  # each row's start
        for step in range(len(active) - 1, 0, -1):  # the tags of a step, from those of the next
            low, high, before = bounds[step], bounds[step + 1], bounds[step - 1]
            flat.take(first[low:high] + found[low:high], out=found[before : before + high - low], mode="clip")
        decoded = np.full(len(emissions), OUTSIDE, np.int64)
        decoded[positions] = found
        return decoded

    def tag(self, lines: list[str]) -> list[list[Tagged]]:
        """The entities of each line, as natasha's ``NewsNERTagger`` finds them.

        Lines longer than ``LONG_LINE`` characters are tagged in pieces cut at sentence ends
        (else at a space), so that memory stays bounded; on shorter lines the result is natasha's.
        """
        pieces = [
            (index, start, line[start:stop]) for index, line in enumerate(lines) for start, stop in cuts(line)
        ]
        results: list[list[Tagged]] = [[] for _ in lines]
        batches = _batches(pieces)
        with self._blas.limit(limits=1, user_api="blas"):  # small products: threads only cost
            for low in range(0, len(batches), DECODED_TOGETHER):
                self._tag_batches(batches[low : low + DECODED_TOGETHER], results)
        return results

    def _tag_batches(self, batches: list[list], results: list[list[Tagged]]) -> None:
        """Tag consecutive batches of ``(line index, offset, piece)``, adding to ``results``: the
        network scores them batch by batch, one Viterbi decodes the lines of all of them."""
        scored = []
        for batch in batches:
            prepared, codes = self._lines([text for _, _, text in batch])
            if codes:
                sizes = np.array([line.size for line in prepared], np.int64)
                rows, order, starts, packed_sizes = pack(self.encoder.rows(np.array(codes, np.int64)), sizes)
                scored.append(_Scored(batch, prepared, self._emissions(rows), order, starts, packed_sizes))
        if not scored:
            return
        lows = np.cumsum([0] + [len(s.emissions) for s in scored])  # where each batch's rows begin
        starts = np.concatenate([s.starts + low for s, low in zip(scored, lows.tolist())])
        sizes = np.concatenate([s.sizes for s in scored])
        longest = np.argsort(-sizes, kind="stable")
        tags = self._viterbi(np.concatenate([s.emissions for s in scored]), starts[longest], sizes[longest])
        for s, low, high in zip(scored, lows.tolist(), lows[1:].tolist()):
            self._add_spans(s.batch, s.lines, tags[low:high], s.order, s.starts, results)

    def _add_spans(
        self, batch: list, prepared: list[_Line], tags: np.ndarray, order, starts, results
    ) -> None:
        """The entities of one batch's lines, from the tags of its packed positions."""
        marked = np.flatnonzero(tags != OUTSIDE)  # (a separator's tag is O)
        if not len(marked):
            return
        sequence = np.searchsorted(starts, marked, side="right") - 1
        pieces, within = order[sequence], marked - starts[sequence]
        sort = np.lexsort((within, pieces))  # the pieces of a line in turn
        pieces, within, kinds = pieces[sort], within[sort], tags[marked[sort]]
        bounds = np.flatnonzero(np.diff(pieces)) + 1
        for low, high in zip([0, *bounds.tolist()], [*bounds.tolist(), len(pieces)]):
            index, offset, _ = batch[pieces[low]]
            line = prepared[pieces[low]]
            results[index].extend(
                self._spans(line, within[low:high].tolist(), kinds[low:high].tolist(), offset)
            )

    def _spans(self, line: _Line, indexes: list[int], kinds: list[int], offset: int) -> list[Tagged]:
        """slovnet's ``bio_spans`` over the tokens of ``line`` not tagged O (``indexes``, their
        tags ``kinds``): B opens, I extends, O closes; other tags change nothing."""
        spans, current, last = [], None, -2
        for index, kind, (start, stop) in zip(indexes, kinds, line.offsets(indexes)):
            if current is not None and index != last + 1:
                spans.append(_TAGGED(current))  # an O after the span
                current = None
            part, kind = self.tags[kind]
            if part == "B":
                if current is not None:
                    spans.append(_TAGGED(current))
                current = [offset + start, offset + stop, kind]
            elif part == "I" and current is not None:
                current[1] = offset + stop
            last = index
        if current is not None:
            spans.append(_TAGGED(current))
        return spans


def _missing(found: list, start: int) -> int:
    """The first run from ``start`` on not yet known (None), -1 if none: a scan in C."""
    try:
        return found.index(None, start)
    except ValueError:
        return -1


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
