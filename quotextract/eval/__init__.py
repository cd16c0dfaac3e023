"""Evaluation against gold annotations, exactly as scored in the gold folder's GUIDELINES.md.

A span counts as the positions of its alphanumeric characters (``str.isalnum``), so punctuation
and boundary choices do not matter.

* A required gold quotation is *found* when one prediction covers at least 50% of its positions.
* A prediction is *correct* when at least 50% of its positions lie inside required gold,
  *neutral* when that holds only with optional gold added, otherwise a *false positive*.
  A prediction without alphanumeric positions (or with missing offsets) is a false positive.
* Speakers are compared as word tokens (lowercased, ё -> е): *strict* when the token lists are
  equal, *lenient* when one set of lemmas contains the other. A missing predicted speaker is
  wrong for a named gold speaker; unnamed gold (``""``) is left out of speaker accuracy and
  counts as right end to end.
* Ties go to the earliest span: the prediction covering most of a gold quotation, the gold
  quotation a prediction overlaps most. Every ratio with a zero denominator is 0.0.
"""

from .gold import GoldDocument, GoldError, GoldQuote, load_gold
from .report import ERROR_TYPES, RATIOS, Finding, Report
from .scoring import evaluate, score
from .speakers import speaker_match, speaker_tokens

__all__ = [
    "ERROR_TYPES",
    "RATIOS",
    "Finding",
    "GoldDocument",
    "GoldError",
    "GoldQuote",
    "Report",
    "evaluate",
    "load_gold",
    "score",
    "speaker_match",
    "speaker_tokens",
]
