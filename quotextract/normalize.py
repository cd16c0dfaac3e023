"""Length-preserving normalisation: every offset in the result is an offset in the input."""

SPACES = "\xa0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\r\f\v\u200b\u200c\u200d\ufeff"
DASH_VARIANTS = "–―‒−"

TABLE = str.maketrans({**{c: " " for c in SPACES}, **{c: "—" for c in DASH_VARIANTS}})


def normalize(text: str) -> str:
    """Map exotic spaces, CR and dash variants to plain ones, one character for one."""
    return text.translate(TABLE)
