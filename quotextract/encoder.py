"""slovnet's word encoder over natasha's weights, in numpy, for many sequences packed into one.

natasha's NER and syntax models share one encoder design (``slovnet.exec.model``): each razdel
token is a navec word vector (300) and a shape vector (30); three convolutions of width 3, each
followed by ReLU and batch norm, with the padding positions reset to zero after every layer.
natasha runs a model 8 sequences at a time, each padded to the longest.

Here the sequences of a whole batch are packed into one, with one separator row between them.
Each layer looks one row either side, and separator rows are reset after every layer exactly as
natasha resets its padding, so no context crosses from one sequence to the next. The first layer
is linear in each token's input row, so its three kernel taps are computed once per distinct
token string and kept in a bounded table; batch norm is folded into the next layer's weights (a
separator row then holds the value that batch norm maps to zero); the last batch norm is left to
the model's head to fold (``last_norm``).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

SEPARATOR = 0  # the table row of a separator: all zeros, as natasha's padding


class PackedEncoder:
    """The encoder of a slovnet model (``model.emb``, ``model.encoder``) with its vocabularies:
    ``words`` (navec's, which the models' word vocabularies repeat) and ``shapes``."""

    def __init__(self, model, words, shapes, capacity: int):
        self.words, self.shapes = words, shapes
        word, shape = model.emb.word, model.emb.shape
        self._indexes, self._codes = word.indexes.array, word.codes.array
        self._qdims = np.arange(self._codes.shape[0])
        self._shape_rows = shape.weight.array
        layers = model.encoder.layers
        first = layers[0].conv.weight.array  # filters x in x 3
        self._taps = np.ascontiguousarray(np.concatenate([first[:, :, k].T for k in range(3)], axis=1))
        self._first_bias = layers[0].conv.bias.array
        self._convs, self._separators = [], []
        scale, shift = _norm(layers[0].norm)
        for layer in layers[1:]:
            weight, bias = layer.conv.weight.array, layer.conv.bias.array  # filters x in x 3
            taps = [(weight[:, :, k].T * scale[:, None]).astype(np.float32) for k in range(3)]
            folded = bias + sum(weight[:, :, k] @ shift for k in range(3))
            self._convs.append((taps, folded.astype(np.float32)))
            self._separators.append((-shift / scale).astype(np.float32))  # batch norm maps it to 0
            scale, shift = _norm(layer.norm)
        self.last_norm = (scale, shift)  # output = hidden * scale + shift
        self.capacity = capacity
        self._table = np.zeros((capacity + 1, 3, first.shape[0]), np.float32)  # row 0: separator
        self.rows: dict[str, int] = {}  # token string -> its row of the table
        self.used = 0  # rows of the table in use
        self._pending: list[str] = []

    def new_row(self, word: str, remember: bool = True) -> int | None:
        """A table row for ``word`` (filled by :meth:`fill`), None when the table is full."""
        if self.used >= self.capacity:
            return None
        self.used += 1
        self._pending.append(word)
        if remember:
            self.rows[word] = self.used
        return self.used

    def fill(self) -> None:
        """Compute the first-layer taps of the words given rows since the last call."""
        if not self._pending:
            return
        new, first = self._pending, self.used - len(self._pending) + 1
        taps = self._input(new) @ self._taps
        self._table[first : first + len(new)] = taps.reshape(len(new), 3, -1)
        self._pending = []

    def clear(self) -> None:
        """Forget every row: the table starts afresh."""
        self.rows.clear()
        self.used = 0
        self._pending = []

    def _input(self, words: list[str]) -> np.ndarray:
        """natasha's input rows of ``words``: navec vector and shape vector side by side."""
        from slovnet.shape import word_shape

        ids, unknown = self.words.word_ids, self.words.unk_id
        word_ids = np.array([ids.get(word.lower(), unknown) for word in words])
        shape_ids = np.array([self.shapes.encode(word_shape(word)) for word in words])
        vectors = self._codes[self._qdims, self._indexes[word_ids]].reshape(len(words), -1)
        return np.concatenate((vectors, self._shape_rows[shape_ids]), axis=1)

    def hidden(self, rows: np.ndarray) -> np.ndarray:
        """The last layer's ReLU output (before its batch norm) at the inner positions of a
        packed sequence of table rows that begins and ends with a separator."""
        table = self._table
        hidden = table[rows[:-2], 0] + table[rows[1:-1], 1] + table[rows[2:], 2] + self._first_bias
        np.maximum(hidden, 0, out=hidden)
        separators = np.flatnonzero(rows == SEPARATOR)
        for (taps, bias), separator in zip(self._convs, self._separators):
            padded = np.empty((len(rows), hidden.shape[1]), np.float32)
            padded[1:-1] = hidden
            padded[separators] = separator
            hidden = padded[:-2] @ taps[0] + padded[1:-1] @ taps[1] + padded[2:] @ taps[2] + bias
            np.maximum(hidden, 0, out=hidden)
        return hidden


@lru_cache(maxsize=1)
def natasha_embedding():
    """natasha's navec news embedding, shared by the NER and syntax networks (it ships in the wheel)."""
    import yargy  # noqa: F401  (applies the pymorphy2 hotfix natasha needs on Python 3.11)
    from natasha import NewsEmbedding

    return NewsEmbedding()


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


def pack(sequences: list[np.ndarray]) -> tuple[np.ndarray, list[int], np.ndarray, np.ndarray]:
    """Sequences of table rows packed longest first with separators: ``(rows, order, starts,
    sizes)``; sequence ``order[i]`` starts at ``starts[i]`` of the inner positions (``rows[1:-1]``)."""
    order = sorted(range(len(sequences)), key=lambda i: -len(sequences[i]))
    sizes = np.array([len(sequences[i]) for i in order], dtype=np.int64)
    starts = np.cumsum(np.concatenate(([1], sizes[:-1] + 1)))  # in the packed sequence
    rows = np.zeros(int(sizes.sum()) + len(sizes) + 1, dtype=np.int64)
    for i, start in zip(order, starts.tolist()):
        rows[start : start + len(sequences[i])] = sequences[i]
    return rows, order, starts - 1, sizes


def _norm(norm) -> tuple[np.ndarray, np.ndarray]:
    """Batch norm as ``x * scale + shift`` (float64, folded into the next weights)."""
    scale = norm.weight.array.astype(np.float64) / norm.std.array
    return scale, norm.bias.array - norm.mean.array * scale
