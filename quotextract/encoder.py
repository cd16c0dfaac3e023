"""slovnet's word encoder over natasha's weights, in numpy, for many sequences packed into one.

natasha's NER and syntax models share one encoder design (``slovnet.exec.model``): each razdel
token is a navec word vector (300) and a shape vector (30); three convolutions of width 3, each
followed by ReLU and batch norm, with the padding positions reset to zero after every layer.
natasha runs a model 8 sequences at a time, each padded to the longest.

Here the sequences of a whole batch are packed into one, with one separator row between them.
Each layer looks one row either side, and separator rows are reset after every layer exactly as
natasha resets its padding, so no context crosses from one sequence to the next. The first layer
is linear in each token's input row, which is fixed by the token's navec id and shape id (its
input code), so its three kernel taps are computed once per distinct code and kept in a bounded
table that evicts the rows used longest ago; batch norm is folded into the next layer's weights (a
separator row then holds the value that batch norm maps to zero); the last batch norm is left to
the model's head to fold (``last_norm``).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from slovnet.shape import EN, OTHER, PUNCT, RU
from slovnet.shape import PUNCTS as SHAPE_PUNCTS
from slovnet.shape import TYPE as SHAPE_TYPE

SEPARATOR = 0  # the table row of a separator: all zeros, as natasha's padding
CODES = 100_000  # token strings whose input codes are remembered (emptied when full; about 120 B each)
LONG_TOKEN = 40  # characters: the codes of longer tokens are computed, not remembered
NO_CODE = np.iinfo(np.int64).max  # above every input code
BLOCK = 256  # rows of the first layer summed at a time
EVICT = 8  # a full table evicts at least 1/EVICT of its rows at once, those used longest ago


class PackedEncoder:
    """The encoder of a slovnet model (``model.emb``, ``model.encoder``) with its vocabularies:
    ``words`` (navec's, which the models' word vocabularies repeat) and ``shapes``."""

    def __init__(self, model, words, shapes, capacity: int):
        self.words, self.shapes = words, shapes
        word, shape = model.emb.word, model.emb.shape
        # navec's product quantisation: word i's vector is centroid indexes[i, q] of each part q in turn
        self._indexes, codes = word.indexes.array, word.codes.array  # parts x centroids x dims
        self._centroids = codes.reshape(-1, codes.shape[2])  # every part's centroids, one after another
        self._first_centroids = np.arange(codes.shape[0], dtype=np.intp) * codes.shape[1]  # of each part
        self._word_ids, self._unknown = words.word_ids, words.unk_id
        self._shape_count, self._shape_ids = len(shapes.items), shapes.item_ids
        self._shape_rows = shape.weight.array
        layers = model.encoder.layers
        first = layers[0].conv.weight.array  # filters x in x 3
        self._taps = np.ascontiguousarray(np.concatenate([first[:, :, k].T for k in range(3)], axis=1))
        self._first_bias = layers[0].conv.bias.array
        self._convs, self._separators = [], []
        scale, shift = _norm(layers[0].norm)
        for layer in layers[1:]:
            weight, bias = layer.conv.weight.array, layer.conv.bias.array  # filters x in x 3
            taps = np.concatenate(
                [weight[:, :, k].T * scale[:, None] for k in range(3)], axis=1
            )  # in x 3 filters
            folded = bias + sum(weight[:, :, k] @ shift for k in range(3))
            self._convs.append((np.ascontiguousarray(taps, np.float32), folded.astype(np.float32)))
            self._separators.append((-shift / scale).astype(np.float32))  # batch norm maps it to 0
            scale, shift = _norm(layer.norm)
        self.last_norm = (scale, shift)  # output = hidden * scale + shift
        self.capacity = capacity
        self._table = np.zeros((capacity + 1, 3, first.shape[0]), np.float32)  # row 0: separator
        self._flat_table = self._table.reshape(-1, first.shape[0])  # (a view)
        # the codes in the table in ascending order, then a sentinel above every code, and their rows
        self._sorted_codes, self._sorted_rows = np.array([NO_CODE]), np.array([SEPARATOR])
        self._row_codes = np.full(capacity + 1, -1, np.int64)  # the code of each row (-1: free)
        self._row_batches = np.zeros(capacity + 1, np.int64)  # the last batch that used each row
        self._batch = 0
        self.used = 0  # rows of the table in use
        self.computed = 0  # rows computed since the start (a count of work)
        self._codes: dict[str, int] = {}  # token string -> input code

    # token strings -> input codes

    def code(self, word: str) -> int:
        """The input code of a token: its navec id and shape id, all that the first layer sees
        of it (every word unknown to navec has one id)."""
        code = self._codes.get(word)
        if code is None:
            navec_id = self._word_ids.get(word.lower(), self._unknown)
            code = navec_id * self._shape_count + self._shape_ids[word_shape(word)]
            if len(word) <= LONG_TOKEN:
                if len(self._codes) >= CODES:
                    self._codes.clear()
                self._codes[word] = code
        return code

    def codes(self, words: list[str]) -> list[int]:
        """The input code of each token."""
        return [self.code(word) for word in words]

    # input codes -> table rows

    def rows(self, codes: np.ndarray) -> np.ndarray:
        """The table row of each input code of one batch, computing the codes not in the table;
        the rows used longest ago make room when it is full."""
        self._batch += 1
        unique, inverse = np.unique(codes, return_inverse=True)
        at = np.searchsorted(self._sorted_codes, unique)  # (fast: both ascending)
        rows = self._sorted_rows[at]
        missing = np.flatnonzero(self._sorted_codes[at] != unique)
        rows[missing] = SEPARATOR
        self._row_batches[rows] = self._batch  # (and the separator's row)
        if len(missing):
            rows[missing] = self._place(unique[missing])
        return rows[inverse.reshape(-1)]

    def _place(self, codes: np.ndarray) -> np.ndarray:
        """Rows for ``codes`` (ascending, none in the table), computed; room is made by evicting
        at least ``EVICT`` of the table, never a row of this batch."""
        free = self.capacity - self.used
        if len(codes) > free:
            stale = self.used - int((self._row_batches[1:] == self._batch).sum())  # not of this batch
            if len(codes) > free + stale:
                raise ValueError(
                    f"a batch of {self.used - stale + len(codes)} distinct tokens, more than the table's {self.capacity}"
                )
            count = min(max(len(codes) - free, self.capacity // EVICT), stale)
            held = np.flatnonzero(self._row_codes >= 0)
            victims = held[np.argpartition(self._row_batches[held], count - 1)[:count]]
            kept = ~np.isin(self._sorted_codes, self._row_codes[victims], assume_unique=True)
            self._sorted_codes, self._sorted_rows = self._sorted_codes[kept], self._sorted_rows[kept]
            self._row_codes[victims] = -1
            self.used -= count
        rows = np.flatnonzero(self._row_codes[1:] < 0)[: len(codes)] + 1
        self._table[rows] = (self._input(codes) @ self._taps).reshape(len(codes), 3, -1)
        self._row_codes[rows] = codes
        self._row_batches[rows] = self._batch
        at = np.searchsorted(self._sorted_codes, codes)
        self._sorted_codes = np.insert(self._sorted_codes, at, codes)
        self._sorted_rows = np.insert(self._sorted_rows, at, rows)
        self.used += len(codes)
        self.computed += len(codes)
        return rows

    def _input(self, codes: np.ndarray) -> np.ndarray:
        """natasha's input rows of the codes: navec vector and shape vector side by side."""
        word_ids, shape_ids = np.divmod(codes, self._shape_count)
        centroids = (self._indexes[word_ids] + self._first_centroids).reshape(-1)
        vectors = np.take(self._centroids, centroids, axis=0).reshape(len(codes), -1)
        return np.concatenate((vectors, self._shape_rows[shape_ids]), axis=1)

    def hidden(self, rows: np.ndarray) -> np.ndarray:
        """The last layer's ReLU output (before its batch norm) at the inner positions of a
        packed sequence of table rows that begins and ends with a separator. Each layer writes
        into the inner rows of the next one's padded input; a layer's three taps are one product."""
        padded = self._first_layer(rows)
        separators = np.flatnonzero(rows == SEPARATOR)
        for (taps, bias), separator in zip(self._convs, self._separators):
            padded[separators] = separator
            out = padded @ taps
            width = len(bias)
            padded = np.empty((len(rows), width), np.float32)
            inner = padded[1:-1]
            np.add(out[:-2, :width], out[1:-1, width : 2 * width], out=inner)
            inner += out[2:, 2 * width :]
            inner += bias
            np.maximum(inner, 0, out=inner)
        return inner

    def _first_layer(self, rows: np.ndarray) -> np.ndarray:
        """The first layer's ReLU output at the inner positions (a padded array): each row's
        taps summed from the table, ``BLOCK`` rows at a time so that they stay in the cache."""
        taps, width = self._flat_table, self._table.shape[2]
        padded, other = np.empty((len(rows), width), np.float32), np.empty((BLOCK, width), np.float32)
        at = rows * 3  # tap k of table row r is row 3r + k of the flat table
        for start in range(1, len(rows) - 1, BLOCK):
            stop = min(start + BLOCK, len(rows) - 1)
            inner, tap = padded[start:stop], other[: stop - start]
            np.take(taps, at[start - 1 : stop - 1], axis=0, out=inner, mode="clip")  # (clip: unbuffered)
            np.take(taps, at[start:stop] + 1, axis=0, out=tap, mode="clip")
            np.add(inner, tap, out=inner)
            np.take(taps, at[start + 1 : stop + 1] + 2, axis=0, out=tap, mode="clip")
            np.add(inner, tap, out=inner)
            np.add(inner, self._first_bias, out=inner)
            np.maximum(inner, 0, out=inner)
        return padded


@lru_cache(maxsize=8192)
def _kind(start: str) -> str:
    """slovnet's type of a word that starts with ``start`` (the type of its first atom)."""
    match = SHAPE_TYPE.match(start)
    return match.lastgroup if match else OTHER


def word_shape(word: str) -> str:
    """slovnet's ``word_shape`` in one function: the type of the word's start ('RU', 'EN', 'NUM',
    'PUNCT'), with, for letters, the case outline ('Xx', 'XX', 'Xx-Xx'), for a mark, the mark."""
    kind = _kind(word[:2] if word[0] in "+-" else word[0])  # ('-5' is a number, '-' a mark)
    if kind == RU or kind == EN:
        if len(word) == 1:
            return kind + ("_X" if word.isupper() else "_x")
        if word.isupper():
            return kind + "_XX"
        if word.islower():
            return kind + "_xx"
        if word[0].isupper() and word[1:].islower():
            return kind + "_Xx"
        left, dash, right = word.partition("-")
        if dash and all(len(part) > 1 and part[0].isupper() and part[1:].islower() for part in (left, right)):
            return kind + "_Xx-Xx"
        return kind + "_OTHER"
    if kind == PUNCT:
        return "PUNCT_" + (word if len(word) == 1 and word in SHAPE_PUNCTS else OTHER)
    return kind


@lru_cache(maxsize=1)
def natasha_embedding():
    """natasha's navec news embedding, shared by the NER and syntax networks (it ships in the wheel)."""
    import yargy  # noqa: F401  (applies the pymorphy2 hotfix natasha needs on Python 3.11)
    from natasha import NewsEmbedding

    embedding = NewsEmbedding()
    embedding.pq.ab = None  # navec's centroid products for word similarity (26 MB): never used here
    return embedding


def load(path: str, model_type, labels: str):
    """A slovnet model of natasha's wheel as ``(model, shapes vocabulary, labels vocabulary)``, its
    embedding navec's: as slovnet's own ``load``, without a second copy of the 250,000 words."""
    from slovnet.const import SHAPE
    from slovnet.exec.pack import Pack

    embedding = natasha_embedding()
    with Pack(path) as pack:
        pack.load_meta().check_protocol()
        model = pack.load_model(model_type)
        arrays = dict(pack.load_arrays(model.weights))
        shapes, tags = pack.load_vocab(SHAPE), pack.load_vocab(labels)
    return model.inject_arrays(arrays).inject_navec(embedding), embedding.vocab, shapes, tags


def pack(rows: np.ndarray, sizes: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Sequences of table rows (``rows``: one after another, ``sizes`` long) packed longest first
    with separators, leaving out empty ones: ``(packed, order, starts, sizes)``; sequence
    ``order[i]`` starts at ``starts[i]`` of the inner positions (``packed[1:-1]``)."""
    order = np.argsort(-sizes, kind="stable")
    order = order[: np.count_nonzero(sizes)]
    packed_sizes = sizes[order]
    starts = np.cumsum(packed_sizes + 1) - packed_sizes  # in the packed sequence
    at = np.empty(len(sizes), np.int64)
    at[order] = starts
    at[order] -= (np.cumsum(sizes) - sizes)[order]  # where each sequence's first row goes, less its offset
    packed = np.zeros(int(packed_sizes.sum()) + len(packed_sizes) + 1, np.int64)
    packed[np.repeat(at, sizes) + np.arange(len(rows))] = rows
    return packed, order, starts - 1, packed_sizes


def _norm(norm) -> tuple[np.ndarray, np.ndarray]:
    """Batch norm as ``x * scale + shift`` (float64, folded into the next weights)."""
    scale = norm.weight.array.astype(np.float64) / norm.std.array
    return scale, norm.bias.array - norm.mean.array * scale
