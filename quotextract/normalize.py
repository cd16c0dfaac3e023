"""Length-preserving normalisation: every offset in the result is an offset in the input."""

import html
import re

from .punct import DASH, DASH_VARIANTS, DASHES, LEFT_QUOTE, OPEN_QUOTES, STRAIGHT_QUOTE

SPACES = "\xa0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\u200b\u200c\u200d\ufeff"
LINE_BREAKS = "\v\f\x85\u2028\u2029"

TABLE = str.maketrans(
    {**{c: " " for c in SPACES}, **{c: "\n" for c in LINE_BREAKS}, **{c: DASH for c in DASH_VARIANTS}}
)
CARRIAGE_RETURN = re.compile(r"\r(\n?)")
OPENS_AFTER = " \n\t([" + DASHES  # an ambiguous mark after these opens a quotation
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


def normalize(text: str) -> str:
    """Map exotic spaces, line breaks, dash variants and HTML entities to plain characters,
    keeping every offset.

    CRLF becomes a space and a newline; a lone CR (old Mac files) a newline.
    """
    if "&" in text:
        text = ENTITY.sub(_entity, text)
    return CARRIAGE_RETURN.sub(lambda m: " \n" if m.group(1) else "\n", text.translate(TABLE))
