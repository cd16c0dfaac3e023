"""The extractor: normalise -> segment -> find quotations -> attribute -> DataFrame."""

from __future__ import annotations

import re

import pandas as pd

from .article import Article
from .attribute import Attributor
from .detect import candidates
from .document import finish
from .frame import to_frame
from .lexicon import Lexicon, default_lexicon
from .model import Quotation
from .ner import entities
from .normalize import normalize
from .segment import paragraphs

CYRILLIC = re.compile(r"[а-яё]", re.I)


class Extractor:
    """Finds quotations in Russian text. Loads its models once, lazily; call it many times.

    Args:
        lexicon: the vocabulary of cues, roles and unnamed sources (default: the bundled one).
        cues: extra speech-cue lemmas added to the lexicon (``"огрызнуться"``, ``"дать понять"``).
    """

    def __init__(self, lexicon: Lexicon | None = None, *, cues: tuple[str, ...] = ()):
        self.lexicon = (
            (lexicon or default_lexicon()).extended(cues=cues) if cues else (lexicon or default_lexicon())
        )

    def quotations(self, text: str) -> list[Quotation]:
        """The quotations of ``text`` as immutable records, in text order."""
        if not isinstance(text, str):
            raise TypeError(f"expected str, got {type(text).__name__}")
        if not CYRILLIC.search(text):
            return []
        found = tuple(entities(paragraphs(normalize(text))))
        article = Article(text, self.lexicon, found)
        return finish(Attributor(article, candidates(article)).quotations())

    def __call__(self, text: str) -> pd.DataFrame:
        """The quotations of ``text`` as a DataFrame, one row per quotation."""
        return to_frame(self.quotations(text))


_default: Extractor | None = None


def default_extractor() -> Extractor:
    """The shared extractor used by :func:`quotextract.extract`."""
    global _default
    if _default is None:
        _default = Extractor()
    return _default
