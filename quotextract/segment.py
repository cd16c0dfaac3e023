"""Paragraphs (lines are hard boundaries), razdel sentences and word tokens, with offsets."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from importlib import import_module
from itertools import accumulate
from typing import NamedTuple

from razdel.segmenters.sentenize import sentenize as RAZDEL  # its splitter
from razdel.substring import Substring

rz = import_module("razdel.segmenters.sentenize")  # razdel's sentence rules and their data (the
# package's ``sentenize`` attribute is the segmenter, not the module)
WORD = re.compile(r"[\w]+(?:[-.][\w]+)*", re.UNICODE)
LINE = re.compile(r"[^\n]+")
# razdel's sentence delimiters (``RAZDEL.split.re``: a smile '[=:;]-?[)(]{1,3}' before any one
# delimiter), only those a space follows (razdel's no_space_prefix joins the others). Written to
# begin with a set of characters, so that the regex engine skips to the candidates instead of
# trying both alternatives at every character; '=' and ':' begin a smile, never a delimiter alone.
SMILE_OPENERS = "=:;"  # the marks razdel's smiles begin with ('[=:;]-?[)(]{1,3}')
_SMILE_ONLY = "".join(mark for mark in SMILE_OPENERS if mark not in rz.DELIMITERS)
_ALONE = f"(?<![{re.escape(_SMILE_ONLY)}])" if _SMILE_ONLY else ""  # a one-mark delimiter
DELIMITER = re.compile(rf"([=:;{re.escape(rz.DELIMITERS)}](?:(?<=[=:;])-?[)(]{{1,3}}|{_ALONE}))(?=\s)")
# razdel's LAST_TOKEN ('([^\W\d]+|\d+|[^\w\s])\s*$') and PAIR_SOKR ('(\w)\s*\.\s*(\w)\s*$'), matched
# at the start of the reversed text: one match instead of a search trying every position (what
# they find stands just before the trailing spaces, either way, and is found whole)
LAST_TOKEN_REVERSED = re.compile(r"\s*([^\W\d]+|\d+|[^\w\s])")
PAIR_SOKR_REVERSED = re.compile(r"\s*(\w)\s*\.\s*(\w)")  # razdel's PAIR_SOKR so: its second letter first


class Token(NamedTuple):
    """A word token: ``text[start:stop]``. A tuple, made without a Python call: a text has many."""

    start: int
    stop: int
    text: str


_TOKEN = partial(tuple.__new__, Token)
# splits a text into the stretches between words and the words: ``WORD`` with possessive
# quantifiers, which match as its greedy ones do (nothing after them can fail) and never back off
WORDS = re.compile(r"(\w++(?:[-.]\w++)*+)")


class Sentence(NamedTuple):
    """A sentence: ``text[start:stop]`` of the paragraph numbered ``paragraph``. A tuple, made
    without a Python call: a text has many."""

    start: int
    stop: int
    text: str
    paragraph: int


_SENTENCE = partial(tuple.__new__, Sentence)


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    stop: int
    text: str
    index: int


def paragraphs(text: str) -> list[Paragraph]:
    """Non-blank lines, stripped of surrounding spaces, numbered in order."""
    found = []
    for match in LINE.finditer(text):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        found.append(Paragraph(start, start + len(stripped), stripped, len(found)))
    return found


def sentences(paragraph: Paragraph) -> list[Sentence]:
    """razdel sentences of one paragraph, with offsets into the whole text."""
    start, index = paragraph.start, paragraph.index
    return [_SENTENCE((start + a, start + b, words, index)) for a, b, words in _spans(paragraph.text)]


def sentenize(text: str) -> Iterator[Substring]:
    """``razdel.sentenize``: its rules decide each split, but for those with no space after the
    delimiter, which its first two rules join ('т.д', '»,'), and which need no split made."""
    return (Substring(*span) for span in _spans(text))


def _spans(text: str) -> Iterator[tuple[int, int, str]]:
    """Start, stop and text of each sentence: razdel's segmenter's, stripped and found in the
    text as razdel's ``post`` and ``find_substrings`` do."""
    offset = 0
    for chunk in map(str.strip, _chunks(text)):
        start = text.find(chunk, offset)
        offset = start + len(chunk)
        yield start, offset, chunk


def _chunks(text: str) -> Iterator[str]:
    """The sentences razdel's segmenter makes of ``text``, before it strips them."""
    window, chunk = RAZDEL.split.window, 0
    for match in DELIMITER.finditer(text):  # (razdel's empty_side or no_space_prefix join the others)
        start, stop = match.start(), match.end()
        left, right = text[max(0, start - window) : start], text[stop : stop + window]
        buffer = text[chunk:start] if start - chunk <= rz.BULLET_SIZE else None  # (long: no list item's)
        if not _joins(left, match.group(1), right, buffer):
            yield text[chunk:stop]
            chunk = stop
    yield text[chunk:]


def _joins(left: str, delimiter: str, right: str, buffer: str | None) -> bool:
    """Whether one of razdel's sentence rules joins the text around ``delimiter`` (``left`` and
    ``right``: its window either side; ``buffer``: the sentence so far, None when longer than a
    list item's bullet), as its ``SentSplit`` and rules decide, without their records. Each rule
    answers 'join' or nothing, so their order does not matter; ``right`` begins with a space
    (else razdel's no_space_prefix joins)."""
    first, last = rz.FIRST_TOKEN.match(right), LAST_TOKEN_REVERSED.match(left[::-1])
    if not first or not last:  # empty_side
        return True
    after, before = first.group(1), last.group(1)[::-1]
    if after.isalpha() and after.islower():  # lower_right (razdel's is_lower_alpha)
        return True
    if after not in rz.GENERIC_QUOTES and (
        after in rz.DELIMITERS or (after in SMILE_OPENERS and rz.SMILE_PREFIX.match(right))
    ):
        return True  # delimiter_right ('after' is a smile's first mark when one opens 'right')
    if delimiter == "." and _abbreviation(left, before, after):
        return True
    if delimiter in rz.BULLET_BOUNDS and buffer is not None:  # list_item
        if all(map(rz.is_bullet, rz.TOKEN.findall(buffer))):
            return True
    if delimiter in rz.QUOTES:  # close_quote
        if delimiter in rz.CLOSE_QUOTES:
            if before not in rz.ENDINGS:
                return True
        elif delimiter in rz.GENERIC_QUOTES:
            if rz.SPACE_SUFFIX.search(left) or before not in rz.ENDINGS:
                return True
    if delimiter in rz.CLOSE_BRACKETS and before not in rz.ENDINGS:  # close_bracket
        return True
    if after in rz.DASHES:  # dash_right
        word = rz.WORD.search(right)
        if word and rz.is_lower_alpha(word.group(1)):
            return True
    return False


def _abbreviation(left: str, before: str, after: str) -> bool:
    """razdel's sokr_left, inside_pair_sokr and initials_left at a full stop after ``before``."""
    pair, lower = PAIR_SOKR_REVERSED.match(left[::-1]), before.lower()
    if pair:  # sokr_left over a pair ('т. е.')
        key = (pair.group(2).lower(), pair.group(1).lower())
        if key in rz.HEAD_PAIR_SOKRS or (key in rz.PAIR_SOKRS and rz.is_sokr(after)):
            return True
    if not (pair and key in rz.PAIR_SOKRS):  # sokr_left over one word (a known pair answers alone)
        if lower in rz.HEAD_SOKRS or (lower in rz.SOKRS and rz.is_sokr(after)):
            return True
    if (lower, after.lower()) in rz.PAIR_SOKRS:  # inside_pair_sokr
        return True
    return (before.isupper() and len(before) == 1) or lower in rz.INITIALS  # initials_left


def tokens(text: str, start: int = 0, stop: int | None = None) -> list[Token]:
    """Word tokens of ``text[start:stop]`` with offsets into ``text``."""
    return token_table(text, start, stop)[0]


def token_table(
    text: str, start: int = 0, stop: int | None = None
) -> tuple[list[Token], list[int], list[int], list[str]]:
    """The tokens of ``text[start:stop]``, their starts, their stops and their texts."""
    parts = WORDS.split(text[start:stop])  # between, word, between, word, …, between
    ends = list(accumulate(map(len, parts), initial=start))
    starts, stops, texts = ends[1:-1:2], ends[2::2], parts[1::2]  # the words' (the last end is the text's)
    return list(map(_TOKEN, zip(starts, stops, texts))), starts, stops, texts
