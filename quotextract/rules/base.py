"""What every rule shares: the candidate record, text measures and clause boundaries."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..article import Article
from ..model import Cue
from ..punct import (
    CLOSING_QUOTES,
    DASH,
    DASHES,
    OPENING_QUOTES,
    SENTENCE_ENDS,
    SPACED_DASH,
    one_of,
)
from ..segment import Paragraph

AFTER_PHRASE = "(?<=" + one_of("," + SENTENCE_ENDS) + ")"  # a comma or sentence end just before
SEPARATOR = re.compile(rf"{AFTER_PHRASE}\s*{DASH}\s*|{AFTER_PHRASE}\s*-\s+")  # ', — сказал' ',- сказал'

THAT = re.compile(r",?\s*(?:(?:о|в|на)\s+том\s*,\s*)?(?:что|чтобы)\b\s*", re.I)

CLAUSE_END = re.compile(rf"{one_of(SENTENCE_ENDS + ';')}(?=\s|$)|{SPACED_DASH}|:\s")

JOINT = r",\s*(?:но|а|однако|и|при этом)\s+"  # ', но …', ', а …': where a new clause may start
CONTENT_CUT = re.compile(
    JOINT + r"(?:\w+\s+){0,2}?(?=\w+,?\s+что\b)"
    rf"|:\s*(?={one_of(OPENING_QUOTES + DASH)})"
)

WORD = re.compile(r"\w+")
JOINT_PATTERN = re.compile(JOINT)
COMMA = re.compile(rf",\s*(?:{DASH}\s*)?")  # a comma, perhaps with a dash: ', — '
JOINED_CUE_WORDS = 12  # ', а X заявил, что …': a cue this near a joint starts new reported speech
COMMA_CUE_WORDS = 3  # '…, добавил он': a cue this near a comma ends the content before it
MAX_CONTENT = 3000  # characters: reported content never runs longer (a bound for run-on lines)
TRIM = " \t\n,;:" + DASHES

SUBORDINATE = re.compile(
    r"(?i)(?:что|чтобы|как|который|которая|которое|которые|где|когда|если|хотя|потому|поскольку|так|но|а|и|или|не)\b"
)

FOLLOWED_BY_CLAUSE = re.compile(
    r"(?:\s+\w+){0,3}?\s*,?\s*\b(?:(?:о|в|на)\s+том\s*,\s*)?(?:что|чтобы|кто|как|где|когда|почему|зачем|ли)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A quotation span with where to look for its speaker."""

    start: int
    stop: int
    kind: str
    rule: str
    cue: Cue | None = None
    region: tuple[int, int] | None = None  # where the speaker is named
    prefer: str = "after"  # which side of the cue the speaker usually stands
    inherit: bool = False  # take the speaker of the next candidate when it has no region


def trimmed(text: str, start: int, stop: int, extra: str = "") -> tuple[int, int]:
    """``[start, stop)`` without surrounding spaces, dashes, commas and the given marks."""
    chars = TRIM + extra
    while start < stop and text[start] in chars:
        start += 1
    while stop > start and text[stop - 1] in chars:
        stop -= 1
    return start, stop


def unquoted(text: str, start: int, stop: int) -> tuple[int, int]:
    """Without one pair of quote marks around the whole: '«Мы не будем продавать «Норникель»»'."""
    if stop - start > 2 and text[start] in OPENING_QUOTES and text[stop - 1] in CLOSING_QUOTES:
        return start + 1, stop - 1
    return start, stop


def has_words(text: str, start: int, stop: int, count: int) -> bool:
    """Whether ``text[start:stop]`` holds at least ``count`` words (stops counting there)."""
    found = 0
    for _ in WORD.finditer(text, start, stop):
        found += 1
        if found >= count:
            return True
    return count <= 0


def words(text: str, start: int, stop: int) -> int:
    return len(WORD.findall(text[start:stop]))


def clause_end(text: str, start: int, stop: int) -> int:
    """Where an attribution clause starting at ``start`` ends (sentence end, dash, colon, quote)."""
    match = CLAUSE_END.search(text, start, stop)
    return match.start() + (1 if match and text[match.start()] in SENTENCE_ENDS else 0) if match else stop


def content_end(article: Article, start: int, stop: int) -> int:
    """Where reported content ends: before a new cue clause, a colon before a quote, an attribution."""
    text = article.text
    stop = min(stop, start + MAX_CONTENT)
    cut = CONTENT_CUT.search(text, start, stop)
    end = cut.start() if cut else stop
    for joint in JOINT_PATTERN.finditer(text[start:end]):
        clause = start + joint.end()
        following = [
            c for c in article.cues_in(clause, end) if words(text, clause, c.start) <= JOINED_CUE_WORDS
        ]
        if any(FOLLOWED_BY_CLAUSE.match(text, c.stop, end) for c in following):
            end = start + joint.start()
            break
    for match in COMMA.finditer(text[start:end]):
        clause = start + match.end()
        if article.first_cue(clause, end, within=COMMA_CUE_WORDS) and "что" not in text[clause:end]:
            return start + match.start()
    return end


def sentence_start(article: Article, position: int, paragraph: Paragraph) -> int:
    sentence = article.sentence_at(position)
    return sentence.start if sentence and sentence.start >= paragraph.start else paragraph.start
