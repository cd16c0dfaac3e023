"""Speakers compared as word tokens (strict) or as sets of lemmas (lenient)."""

from __future__ import annotations

import re

from ..morph import fold_yo, lemma

WORD = re.compile(r"\w+")


def speaker_tokens(name) -> tuple[str, ...]:
    """Lowercased word tokens with ё -> е; () for a missing name (None, NA, NaN)."""
    if not isinstance(name, str):
        return ()
    return tuple(WORD.findall(fold_yo(name.lower())))


def speaker_match(gold, predicted) -> tuple[bool, bool]:
    """``(strict, lenient)``: equal tokens; one lemma set contains the other. Empty never matches."""
    gold_tokens, predicted_tokens = speaker_tokens(gold), speaker_tokens(predicted)
    if not gold_tokens or not predicted_tokens:
        return False, False
    gold_lemmas = {lemma(token) for token in gold_tokens}
    predicted_lemmas = {lemma(token) for token in predicted_tokens}
    lenient = gold_lemmas <= predicted_lemmas or predicted_lemmas <= gold_lemmas
    return gold_tokens == predicted_tokens, lenient
