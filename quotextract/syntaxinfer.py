"""slovnet's syntax network over natasha's news weights, in numpy, many sentences per batch.

The network (``slovnet.exec.model.Syntax``): the encoder of :mod:`quotextract.encoder` over all
the sentences of a batch packed into one sequence; then, per sentence with a root vector put
first, a biaffine score of every word against every candidate head (the best one is the head)
and a bilinear score of each word with its head for each relation. The feed-forward layers run
over the whole packed batch with the encoder's last batch norm folded in; only the small
per-sentence products loop.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache, partial
from typing import NamedTuple

import numpy as np
from threadpoolctl import ThreadpoolController

from .encoder import PackedEncoder, load, pack

BATCH_TOKENS = 8_192  # tokens packed into one batch
CACHE_ROWS = 8_192  # distinct input codes whose first-layer taps are kept (3 KB each)
IDS = [str(index) for index in range(BATCH_TOKENS + 1)]  # natasha's token ids, as strings


class SyntaxToken(NamedTuple):
    """One word as natasha gives it: 1-based ``id``, ``head_id`` ('0': the root), relation. A
    tuple, made without a Python call: a batch has many."""

    id: str
    text: str
    head_id: str
    rel: str


_SYNTAX_TOKEN = partial(tuple.__new__, SyntaxToken)


@dataclass(frozen=True, slots=True)
class SyntaxMarkup:
    tokens: list[SyntaxToken]


class _FeedForward:
    """``relu(x @ weight + bias)`` of a slovnet FF, with a batch norm ``(scale, shift)`` folded in
    for the encoded words; the root vector, not normed, goes through the plain weights."""

    def __init__(self, ff, norm: tuple[np.ndarray, np.ndarray], root: np.ndarray):
        weight, bias = ff.proj.weight.array, ff.proj.bias.array
        scale, shift = norm
        self._weight = (scale[:, None] * weight).astype(np.float32)
        self._bias = (shift @ weight + bias).astype(np.float32)
        self.root = np.maximum(root @ weight + bias, 0)

    def __call__(self, hidden: np.ndarray) -> np.ndarray:
        out = hidden @ self._weight + self._bias
        return np.maximum(out, 0, out=out)


class SyntaxNetwork:
    """natasha's ``NewsSyntaxParser`` (its model, vocabularies), computed batch-wise: ``network.map(sentences)``."""

    def __init__(self, model, words, shapes, rels):
        self.encoder = PackedEncoder(model, words, shapes, CACHE_ROWS)
        self.rels = rels.items
        norm = self.encoder.last_norm
        self._head = _FeedForward(model.head.head, norm, model.head.root.array)
        self._tail = _FeedForward(model.head.tail, norm, model.head.root.array)
        self._kernel = model.head.kernel.array
        self._rel_head = _FeedForward(model.rel.head, norm, model.rel.root.array)
        self._rel_tail = _FeedForward(model.rel.tail, norm, model.rel.root.array)
        self._rel_kernel = model.rel.kernel.array
        self._blas = ThreadpoolController()

    def map(self, sentences: list[list[str]]) -> list[SyntaxMarkup]:
        """The parse of each sentence (a list of razdel tokens), as natasha's parser gives it."""
        found = []
        for words, (heads, relations) in zip(
            sentences, self.parse([self.encoder.codes(w) for w in sentences])
        ):
            ids = IDS if len(words) < len(IDS) else [str(index) for index in range(len(words) + 1)]
            tokens = zip(ids[1 : len(words) + 1], words, map(ids.__getitem__, heads), relations)
            found.append(SyntaxMarkup(list(map(_SYNTAX_TOKEN, tokens))))
        return found

    def parse(self, sentences: list[list[int]]) -> list[tuple[list[int], list[str]]]:
        """The head of each word (0: the root, i: word i, from 1) and its relation, of each
        sentence given as its tokens' input codes (``encoder.code``)."""
        found: list = []
        with self._blas.limit(limits=1, user_api="blas"):
            for batch in _batches(sentences):
                found.extend(self._batch(batch))
        return found

    def _batch(self, sentences: list[list[int]]) -> list[tuple[list[int], list[str]]]:
        found: list = [([], []) for _ in sentences]
        todo = [i for i, codes in enumerate(sentences) if codes]
        if not todo:
            return found
        codes = np.array([code for i in todo for code in sentences[i]], np.int64)
        lengths = np.array([len(sentences[i]) for i in todo], np.int64)
        rows, order, starts, sizes = pack(self.encoder.rows(codes), lengths)
        hidden = self.encoder.hidden(rows)
        heads = self._head(hidden) @ self._kernel  # every word as a dependent
        head_root = self._head.root @ self._kernel
        tails = self._tail(hidden)  # every word as a candidate head
        rel_heads, rel_tails = self._rel_head(hidden), self._rel_tail(hidden)
        head_ids = np.empty(len(hidden), np.intp)  # of each word: 0 the root, i word i of its sentence
        for start, size in zip(starts.tolist(), sizes.tolist()):
            words = slice(start, start + size)
            candidates = np.concatenate((self._tail.root[None], tails[words]))  # the root first
            scores = np.concatenate((head_root[None], heads[words])) @ candidates.T
            head_ids[words] = scores[1:].argmax(-1)
        # the relations of all the words of the batch at once, each word with its head
        before = np.repeat(starts - (np.cumsum(sizes) - sizes), sizes)  # separators before each word
        words = np.arange(int(sizes.sum())) + before  # the positions of the words, sentence by sentence
        ids = head_ids[words]
        heads_of = np.where(ids > 0, np.repeat(starts, sizes) + ids - 1, len(rel_heads))  # rows below
        governors = np.concatenate((rel_heads, self._rel_head.root[None]))[heads_of]  # (the root's last)
        relations = (governors @ self._rel_kernel).reshape(len(words), -1, self._rel_kernel.shape[0])
        rel_ids = (relations @ rel_tails[words][:, :, None])[:, :, 0].argmax(-1).tolist()
        ids, rels, low = ids.tolist(), self.rels, 0
        for i, size in zip(order.tolist(), sizes.tolist()):
            found[todo[i]] = (ids[low : low + size], list(map(rels.__getitem__, rel_ids[low : low + size])))
            low += size
        return found


def _batches(sentences: list[list[int]]) -> list[list[list[int]]]:
    batches, batch, size = [], [], 0
    for words in sentences:
        if batch and size + len(words) > BATCH_TOKENS:
            batches.append(batch)
            batch, size = [], 0
        batch.append(words)
        size += len(words)
    return batches + [batch] if batch else batches


@lru_cache(maxsize=1)
def network() -> SyntaxNetwork:
    """The process-wide network over natasha's news syntax weights (they ship inside its wheel)."""
    from natasha.data import NEWS_SYNTAX
    from slovnet.const import REL
    from slovnet.exec.model import Syntax

    return SyntaxNetwork(*load(NEWS_SYNTAX, Syntax, REL))
