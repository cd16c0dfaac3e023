"""Length-preserving normalisation: every offset in the result is an offset in the input."""

import re

SPACES = "\xa0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\u200b\u200c\u200d\ufeff"
LINE_BREAKS = "\v\f\x85\u2028\u2029"
DASH_VARIANTS = "–―‒−"

TABLE = str.maketrans(
    {**{c: " " for c in SPACES}, **{c: "\n" for c in LINE_BREAKS}, **{c: "—" for c in DASH_VARIANTS}}
)
CARRIAGE_RETURN = re.compile(r"\r(\n?)")


def normalize(text: str) -> str:
    """Map exotic spaces, line breaks and dash variants to plain ones, one character for one.

    CRLF becomes a space and a newline; a lone CR (old Mac files) a newline.
    """
    return CARRIAGE_RETURN.sub(lambda m: " \n" if m.group(1) else "\n", text.translate(TABLE))
