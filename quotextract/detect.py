"""Candidate quotations: small named rules in priority order; the first to claim a span wins."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from dataclasses import replace

from .article import START, Article
from .punct import OPENING_QUOTES
from .rules.base import Candidate, trimmed, words
from .rules.dialogue import dash_dialogue
from .rules.interviews import answers_continued, interview, interview_answers, labelled_interview
from .rules.lines import colon_speech, headline
from .rules.marks import quote_marks
from .rules.reported import about_this, according_to, postposed, reported_that

__all__ = ["RULES", "Candidate", "candidates"]

MIN_CUT_WORDS = 3  # an indirect quotation cut before a direct one keeps this much, or goes
Rule = Callable[[Article], Iterator[Candidate]]

RULES: list[Rule] = [
    interview,
    labelled_interview,
    dash_dialogue,
    quote_marks,
    headline,
    colon_speech,
    answers_continued,
    according_to,
    reported_that,
    postposed,
    about_this,
    interview_answers,
]


def overlaps(a: Candidate, b: Candidate) -> bool:
    return a.start < b.stop and b.start < a.stop


def candidates(article: Article, rules: list[Rule] = RULES) -> list[Candidate]:
    """Candidates of all rules; a span claimed by an earlier rule is not claimed again."""
    accepted: list[Candidate] = []  # sorted by start, never overlapping
    for rule in rules:
        for candidate in rule(article):
            if candidate.stop <= candidate.start:
                continue
            clash = _clashes(accepted, candidate)
            if clash:
                candidate = _without(candidate, clash, article)
                if candidate is None or _clashes(accepted, candidate):
                    continue
            bisect.insort(accepted, candidate, key=START)
    return accepted


def _clashes(accepted: list[Candidate], candidate: Candidate) -> list[Candidate]:
    """The accepted candidates that overlap ``candidate``."""
    index = bisect.bisect_left(accepted, candidate.start, key=START)
    found = [accepted[index - 1]] if index and overlaps(accepted[index - 1], candidate) else []
    while index < len(accepted) and accepted[index].start < candidate.stop:
        found.append(accepted[index])
        index += 1
    return found


def _without(candidate: Candidate, clash: list[Candidate], article: Article) -> Candidate | None:
    """An indirect candidate cut short before a direct quotation it runs into, if enough is left."""
    first = min(clash, key=lambda c: c.start)
    if candidate.kind != "indirect" or first.kind != "direct" or first.start <= candidate.start:
        return None  # before another indirect quotation stands its attribution, not more content
    start, stop = trimmed(article.text, candidate.start, first.start, OPENING_QUOTES)
    if words(article.text, start, stop) < MIN_CUT_WORDS:
        return None
    return replace(candidate, start=start, stop=stop, inherit=False)
