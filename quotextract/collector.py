"""The cyclic garbage collector held to rare full collections while the extractor runs.

The morphology caches keep a few hundred thousand tracked objects (pymorphy3 parses) and grow
while a batch runs; CPython then runs a full collection every time the old generation has grown
by a quarter, and each one scans every cached parse: about a tenth of the CPU time of a batch.
Young objects are collected after ``YOUNG`` allocations rather than 700 (each young collection
costs the same whatever its size, and a batch allocates millions), and full collections still
happen, only ``FULL_EVERY`` times rarer; the caller's thresholds are restored afterwards. A document leaves no
cyclic garbage to wait for them (the pipeline frees each article's parts when it is done).

What a chunk of a batch leaves alive is mostly new cache entries (parses, nominatives, tokens),
which live on: a batch sets them aside from collection after each chunk (``gc.freeze``, after a
young collection), so that no middle collection scans them a second time, and returns them to
the collector when it ends; a caller who freezes objects of their own is left to it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

FULL_EVERY = 100  # times rarer than CPython's default (one per 10 collections of the middle generation)
YOUNG = 20_000  # allocations (net of frees) between young collections; CPython's default is 700


_depth = 0  # blocks open: only the outermost sets and restores the thresholds
_setting_aside = False  # whether the outermost block sets aside what each chunk leaves alive


@contextmanager
def rare_full_collections(batch: bool = False) -> Iterator[None]:
    """Within the block, a full collection only after ``FULL_EVERY`` times more middle ones.

    Blocks nest (a batch holds them over all its chunks, so a restore between two chunks does not
    set off the full collection the held one had put off); the outermost restores the caller's.
    A ``batch`` block (the outermost) also lets :func:`set_aside` freeze what each chunk leaves
    alive, and unfreezes it at its end, unless the caller had frozen objects already."""
    global _depth, _setting_aside
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
    _setting_aside = batch and gc.isenabled() and not gc.get_freeze_count()
    try:
        yield
    finally:
        _depth = 0
        if _setting_aside:
            _setting_aside = False
            gc.unfreeze()  # (to the oldest generation, where they would be by now)
        if gc.get_threshold() == held:  # unless changed meanwhile
            gc.set_threshold(young, middle, old)


def set_aside(for_good: bool = False) -> None:
    """After a chunk: what is alive now is left out of collections (the young garbage collected
    first), until the batch block ends; ``for_good`` in a worker process of ours."""
    if _setting_aside or for_good:
        gc.collect(0)
        gc.freeze()


def hold_collections() -> tuple[int, int, int]:
    """Set the thresholds of :func:`rare_full_collections` for good (a worker process of ours)."""
    young, middle, old = gc.get_threshold()
    held = (max(young, YOUNG), middle, old * FULL_EVERY)
    gc.set_threshold(*held)
    return held
