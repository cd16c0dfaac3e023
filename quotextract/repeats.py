"""Repeats within one document: a headline or lead restating a later quotation.

News pages print the headline quotation two or three times (page title, heading, lead) before
the body quotes it in full. A quotation is a repeat when at least ``CONTAINED`` of its distinct
words (lowercase, ё read as е) recur in one later quotation of the same document. Quotations of
fewer than ``MIN_WORDS`` words are never repeats (``Да.``, ``Нет.`` recur by chance).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import replace
from itertools import chain

from .model import Quotation
from .morph import fold_yo

WORD = re.compile(r"[^\W_]+")
MIN_WORDS = 3
CONTAINED = 0.8  # share of a quotation's words found again in the later one
MAX_CANDIDATES = 50  # later quotations compared per quotation: keeps the pass linear


def words(text: str) -> frozenset[str]:
    """The distinct normalised words of ``text``."""
    return frozenset(WORD.findall(fold_yo(text.lower())))


def mark_repeats(quotations: list[Quotation]) -> list[Quotation]:
    """``quotations`` with ``is_repeat`` set on those a later quotation restates."""
    bags = [words(q.quote.text) for q in quotations]
    restated = _restated_by_any if len(bags) <= MAX_CANDIDATES + 1 else _restated_by_candidates(bags)
    return [replace(q, is_repeat=True) if restated(index, bags) else q for index, q in enumerate(quotations)]


def _needed(bag: frozenset[str]) -> int:
    """How many of a bag's words a later quotation must hold to restate it."""
    return math.ceil(round(CONTAINED * len(bag), 6))


def _restated_by_any(index: int, bags: list[frozenset[str]]) -> bool:
    """Whether a later bag holds enough of this one's words: each compared, as there are no
    more of them than :func:`_restated_by_candidates` would compare."""
    bag = bags[index]
    if len(bag) < MIN_WORDS:
        return False
    needed = _needed(bag)
    for other in bags[index + 1 :]:
        if len(bag & other) >= needed:
            return True
    return False


def _restated_by_candidates(bags: list[frozenset[str]]) -> Callable[[int, list[frozenset[str]]], bool]:
    """Whether a later bag holds enough of a bag's words, compared only with the later bags that
    share one of its rarest words (at most ``MAX_CANDIDATES``): linear in many quotations."""
    frequency = Counter(chain.from_iterable(bags))
    postings: dict[str, list[int]] = defaultdict(list)  # word -> quotations containing it, in order
    for index, bag in enumerate(bags):
        for word in bag:
            postings[word].append(index)

    def restated(index: int, bags: list[frozenset[str]]) -> bool:
        bag = bags[index]
        if len(bag) < MIN_WORDS:
            return False
        needed = _needed(bag)
        # a later quotation missing at most len - needed words holds one of any len - needed + 1 of them
        rarest = sorted(bag, key=frequency.__getitem__)[: len(bag) - needed + 1]
        later = set()
        for word in rarest:
            found = postings[word]
            first = bisect_right(found, index)
            later.update(found[first : first + MAX_CANDIDATES])
        return any(len(bag & bags[other]) >= needed for other in sorted(later)[:MAX_CANDIDATES])

    return restated
