"""Cached pymorphy3 morphology: lemmas, tags and inflection of single words."""

from __future__ import annotations

from functools import lru_cache

import pymorphy3


@lru_cache(maxsize=1)
def analyzer() -> pymorphy3.MorphAnalyzer:
    """The process-wide pymorphy3 analyzer, loaded on first use."""
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def parses(word: str) -> tuple:
    """All pymorphy3 parses of ``word``, most probable first."""
    return tuple(analyzer().parse(word))


def lemma(word: str) -> str:
    """Normal form of the first parse, lowercased, with ё -> е."""
    return parses(word)[0].normal_form.replace("ё", "е")
