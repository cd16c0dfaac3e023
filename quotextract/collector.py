"""The cyclic garbage collector held to rare full collections while the extractor runs.

The morphology caches keep a few hundred thousand tracked objects (pymorphy3 parses) and grow
while a batch runs; CPython then runs a full collection every time the old generation has grown
by a quarter, and each one scans every cached parse: about a tenth of the CPU time of a batch.
Young objects are collected after ``YOUNG`` allocations rather than 700 (each young collection
costs the same whatever its size, and a batch allocates millions), and full collections still
happen, only ``FULL_EVERY`` times rarer; the caller's thresholds are restored afterwards. A document leaves no
cyclic garbage to wait for them (the pipeline frees each article's parts when it is done).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

FULL_EVERY = 100  # times rarer than CPython's default (one per 10 collections of the middle generation)
YOUNG = 20_000  # allocations (net of frees) between young collections; CPython's default is 700


_depth = 0  # blocks open: only the outermost sets and restores the thresholds


@contextmanager
def rare_full_collections() -> Iterator[None]:
    """Within the block, a full collection only after ``FULL_EVERY`` times more middle ones.

    Blocks nest (a batch holds them over all its chunks, so a restore between two chunks does not
    set off the full collection the held one had put off); the outermost restores the caller's."""
    global _depth
    if _depth:
        _depth += 1
        try:
            yield
        finally:
            _depth -= 1
        return
    young, middle, old = gc.get_threshold()
    held = hold_collections()
    _depth = 1
    try:
        yield
    finally:
        _depth = 0
        if gc.get_threshold() == held:  # unless changed meanwhile
            gc.set_threshold(young, middle, old)


def hold_collections() -> tuple[int, int, int]:
    """Set the thresholds of :func:`rare_full_collections` for good (a worker process of ours)."""
    young, middle, old = gc.get_threshold()
    held = (max(young, YOUNG), middle, old * FULL_EVERY)
    gc.set_threshold(*held)
    return held
