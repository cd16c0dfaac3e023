"""The engines' vectorised kernels compute exactly what their plain formulas compute."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from quotextract import encoder
from quotextract.nerinfer import network


def plain_first_layer(table: np.ndarray, bias: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """The first layer at the inner positions, all rows at once: three taps, bias, ReLU."""
    inner = table[rows[:-2], 0] + table[rows[1:-1], 1]
    inner += table[rows[2:], 2]
    inner += bias
    return np.maximum(inner, 0)


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 4 * encoder.BLOCK + 3), st.integers(0, 2**32 - 1))
def test_the_first_layer_in_blocks_is_the_plain_sum(inner, seed):
    coder = network().encoder
    network().tag(["Иван Петров приехал в Москву, сказал министр."])  # rows in the table
    random = np.random.default_rng(seed)
    rows = random.integers(0, coder.used + 1, inner + 2)
    rows[[0, -1]] = encoder.SEPARATOR
    found = coder._first_layer(rows)[1:-1]
    assert np.array_equal(found, plain_first_layer(coder._table, coder._first_bias, rows))
