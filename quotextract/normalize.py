"""Normalisation: length-preserving (every offset in the result is an offset in the input), bar
the soft hyphens and stress marks inside words, which are left out and their offsets mapped back."""

import html
import re
from bisect import bisect_right
from dataclasses import dataclass

from .punct import (
    DASH,
    DASH_VARIANTS,
    DASHES,
    HYPHEN,
    HYPHEN_VARIANTS,
    LEFT_QUOTE,
    OPEN_QUOTES,
    STRAIGHT_QUOTE,
)

SPACES = "\xa0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\u200b\u200c\u200d\ufeff"
LINE_BREAKS = "\v\f\x85\u2028\u2029"

REPLACEMENT = "\ufffd"
SURROGATES = "".join(map(chr, range(0xD800, 0xE000)))  # lone UTF-16 halves: no character, not encodable
SURROGATE = re.compile(f"[{SURROGATES[0]}-{SURROGATES[-1]}]")
ESCAPED_BYTES = range(0xDC80, 0xDD00)  # undecodable bytes kept by errors="surrogateescape"

TABLE = str.maketrans(
    {
        **{c: " " for c in SPACES},
        **{c: "\n" for c in LINE_BREAKS},
        **{c: DASH for c in DASH_VARIANTS},
        **{c: HYPHEN for c in HYPHEN_VARIANTS},
        **{c: REPLACEMENT for c in SURROGATES},
    }
)
MAPPED = re.compile("[" + "".join(map(re.escape, map(chr, TABLE))) + "]")  # the characters TABLE maps
CARRIAGE_RETURN = re.compile(r"\r(\n?)")
OPENS_AFTER = " \n\t([" + DASHES  # an ambiguous mark after these opens a quotation
# soft hyphens and combining stress marks ('Петро́в'), as characters or HTML entities: inside
# words, where no space can stand for them
INVISIBLE = re.compile("[\u00ad\u0300\u0301]|&(?:shy|#173|#x[aA][dD]|#76[89]|#x30[01]);")
# a line break inside a sentence, where a scraper or a wire's feed wrapped a long line: after a
# line of ``WRAP_MIN`` characters or more not ending a sentence, before a lowercase word
WRAP = re.compile(r"\n(?=[а-яё])")
WRAP_MIN = 40
LINE_END = ".!?…:;"  # a line ending in these ends its sentence or announces what follows
ENTITY = re.compile(r"&(?:#\d{2,5}|#x[0-9a-fA-F]{2,4}|[a-zA-Z]{2,8});")


def _entity(match: re.Match) -> str:
    """An HTML entity left by a scraper ('&laquo;', '&quot;', '&nbsp;') as its character, padded with
    spaces to the entity's length; an opening mark gets its padding before it, a closing one after."""
    char = html.unescape(match.group())
    if len(char) != 1:
        return match.group()
    padding = " " * (len(match.group()) - 1)
    text, start = match.string, match.start()
    opening = char in OPEN_QUOTES or (
        char in STRAIGHT_QUOTE + LEFT_QUOTE and (start == 0 or text[start - 1] in OPENS_AFTER)
    )
    return padding + char if opening else char + padding


@dataclass(frozen=True)
class Gaps:
    """Where characters were left out of a text: ``gaps[i]`` is the offset in the original of
    offset ``i`` of the shorter text (past the characters left out just before it)."""

    starts: tuple[int, ...]  # the shorter text's offsets where a run of left-out characters stood
    shifts: tuple[int, ...]  # the characters left out before each of them, all runs counted

    def __getitem__(self, offset: int) -> int:
        return offset + self.shifts[bisect_right(self.starts, offset) - 1]


def normalized(text: str) -> tuple[str, Gaps | None]:
    """The text the rules read: :func:`normalize` of ``text`` without its soft hyphens and stress
    marks, and where they were (None when there were none: the offsets are the same)."""
    if not INVISIBLE.search(text):
        return unwrapped(normalize(text)), None
    kept, starts, shifts, at, left_out = [], [0], [0], 0, 0
    for match in INVISIBLE.finditer(text):
        kept.append(text[at : match.start()])
        left_out += match.end() - match.start()
        starts.append(match.end() - left_out)
        shifts.append(left_out)
        at = match.end()
    kept.append(text[at:])
    return unwrapped(normalize("".join(kept))), Gaps(tuple(starts), tuple(shifts))


def unwrapped(text: str) -> str:
    """``text`` with the line breaks that wrapped a sentence as spaces ('… района Михаил Соколов\\n
    заявил, что …'): the lines are one paragraph. Every offset is kept."""
    if "\n" not in text:
        return text
    return WRAP.sub(lambda match: " " if _wraps(text, match.start()) else "\n", text)


def _wraps(text: str, position: int) -> bool:
    """Whether the line break at ``position`` (a lowercase word after it) wraps a sentence."""
    end = position - 1 if position and text[position - 1] == " " else position  # (CRLF: ' \n')
    start = text.rfind("\n", 0, end) + 1
    return end - start >= WRAP_MIN and not text[end - 1].isspace() and text[end - 1] not in LINE_END


def normalize(text: str) -> str:
    """Map exotic spaces, line breaks, dash variants and HTML entities to plain characters,
    keeping every offset.

    CRLF becomes a space and a newline; a lone CR (old Mac files) a newline.
    """
    if "&" in text:
        text = ENTITY.sub(_entity, text)
    text = MAPPED.sub(
        _mapped, text
    )  # as str.translate(TABLE), which looks up every character: the few are found
    return CARRIAGE_RETURN.sub(lambda m: " \n" if m.group(1) else "\n", text)


def _mapped(match: re.Match) -> str:
    return TABLE[ord(match.group())]


def repaired(text: str) -> str:
    """``text`` with each lone surrogate (a JSON ``\\ud83d`` escape, a broken scraper) as U+FFFD:
    one character for one, so every offset still indexes the caller's string."""
    return SURROGATE.sub(REPLACEMENT, text) if SURROGATE.search(text) else text


def readable(value: str) -> str:
    """``value`` safe to write in any format and still telling: a lone surrogate as its escape
    (``\\ud83d``), an undecodable byte kept by ``errors="surrogateescape"`` as ``\\xNN``."""
    if not SURROGATE.search(value):
        return value
    return SURROGATE.sub(lambda m: _escape(ord(m.group())), value)


def _escape(code: int) -> str:
    return f"\\x{code - 0xDC00:02x}" if code in ESCAPED_BYTES else f"\\u{code:04x}"
