"""Characters: quote marks by direction, dashes, sentence ends, and the patterns built from them.

Every other module takes its punctuation from here. The rules read normalised text
(:mod:`quotextract.normalize`), in which every dash variant is ``DASH`` and a hyphen between
spaces stands for a dash.
"""

from __future__ import annotations

import re

# Quote marks, by direction
LEFT_GUILLEMET, RIGHT_GUILLEMET = "«", "»"
LOW_QUOTE = "„"  # opens; in Russian typography closed by “
LEFT_QUOTE, RIGHT_QUOTE = "“", "”"  # “ closes „ or opens (English style); ” closes “ or „
STRAIGHT_QUOTE = '"'
OPEN_QUOTES = LEFT_GUILLEMET + LOW_QUOTE  # always open
CLOSE_QUOTES = RIGHT_GUILLEMET  # always closes
AMBIGUOUS_QUOTES = LEFT_QUOTE + RIGHT_QUOTE + STRAIGHT_QUOTE  # open or close by their neighbours
QUOTES = OPEN_QUOTES + CLOSE_QUOTES + AMBIGUOUS_QUOTES
OPENING_QUOTES = OPEN_QUOTES + LEFT_QUOTE + STRAIGHT_QUOTE  # the marks that can open a quotation
CLOSING_QUOTES = CLOSE_QUOTES + LEFT_QUOTE + RIGHT_QUOTE + STRAIGHT_QUOTE  # ... that can close one

# Dashes
DASH = "—"  # every dash variant after normalisation
HYPHEN = "-"  # a dash too when spaces stand around it ('слово - слово') or a line starts with it
DASHES = DASH + HYPHEN
DASH_VARIANTS = "–―‒−"  # en dash, horizontal bar, figure dash, minus: normalised to DASH
HYPHEN_VARIANTS = "\u2010\u2011"  # hyphen, non-breaking hyphen ('вице‑премьер'): normalised to HYPHEN

# Sentences
SENTENCE_ENDS = ".!?…"
COLON = ":"


def one_of(chars: str) -> str:
    """A regex character class matching any one of ``chars``."""
    return "[" + re.escape(chars) + "]"


DASH_CLASS = one_of(DASHES)
QUOTE_CLASS = one_of(QUOTES)
OPENING_CLASS = one_of(OPENING_QUOTES)
SENTENCE_END_CLASS = one_of(SENTENCE_ENDS)
SPACED_DASH = rf"\s{DASH_CLASS}\s"  # ' — ' or ' - ' between words
NAME_WORD = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"  # a capitalised word: 'Песков', 'Римский-Корсаков'
QUOTED_STRETCH = r'«[^«»]*»|"[^"]*"'  # a name or title in guillemets or straight quotes: '«Фонтанке»'
