"""The extractor: normalise -> segment -> NER (many texts at once) -> find quotations -> attribute."""

from __future__ import annotations

import re

import pandas as pd

from .article import Article
from .attribute import Attributor, parse_together
from .collector import rare_full_collections
from .detect import candidates
from .document import finish
from .frame import rows, to_frame
from .lexicon import Lexicon, default_lexicon
from .model import Entity, Quotation
from .ner import entities_many
from .normalize import normalized, repaired
from .segment import Paragraph, paragraphs

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
        [found] = self.quotations_many([text])
        if isinstance(found, Exception):
            raise found
        return found

    def quotations_many(self, texts: list[str]) -> list[list[Quotation] | Exception]:
        """The quotations of each text, or the exception its extraction raised.

        Each text is normalised once; the lines of all of them go through NER together; the
        rules then read one document at a time.
        """
        with rare_full_collections():
            return self._quotations_many(texts)

    def _quotations_many(self, texts: list[str]) -> list[list[Quotation] | Exception]:
        outcomes: list = [[] for _ in texts]
        prepared = []  # (position, normalised text and offsets, paragraphs) of the texts with Russian words
        for position, text in enumerate(texts):
            if not isinstance(text, str):
                outcomes[position] = TypeError(f"expected str, got {type(text).__name__}")
            elif CYRILLIC.search(text):
                normal = normalized(text)
                prepared.append((position, normal, paragraphs(normal[0])))
        attributors = []  # (position, attributor) of the texts whose rules ran
        for (position, normal, lines), found in zip(prepared, _entities([p[2] for p in prepared])):
            if isinstance(found, Exception):
                outcomes[position] = found
                continue
            try:
                original = repaired(texts[position])  # lone surrogates as U+FFFD, offsets unchanged
                article = _article(original, self.lexicon, tuple(found), normal, lines)
                attributors.append((position, Attributor(article, candidates(article))))
            except Exception as error:  # one document's failure is its own
                outcomes[position] = error
        failed = parse_together([attributor for _, attributor in attributors])
        for (position, attributor), error in zip(attributors, failed):
            try:
                outcomes[position] = error or finish(attributor.quotations())
            except Exception as failure:
                outcomes[position] = failure
            attributor.__dict__.clear()  # its parts hold its bound methods: freed now, not by the collector
        return outcomes

    def rows_many(self, texts: list[str]) -> list[list[tuple] | Exception]:
        """Like :meth:`quotations_many`, with each quotation as a plain row of ``frame.COLUMNS``."""
        return [
            found if isinstance(found, Exception) else rows(found) for found in self.quotations_many(texts)
        ]

    def __call__(self, text: str) -> pd.DataFrame:
        """The quotations of ``text`` as a DataFrame, one row per quotation."""
        return to_frame(self.quotations(text))


def _entities(documents: list[list[Paragraph]]) -> list[list[Entity] | Exception]:
    """Entities of every document at once; should that fail, of each document alone."""
    try:
        return entities_many(documents)
    except Exception:
        found = []
        for lines in documents:
            try:
                found.append(entities_many([lines])[0])
            except Exception as error:
                found.append(error)
        return found


def _article(original, lexicon, entities, normal: tuple, lines: list[Paragraph]) -> Article:
    """The article, given the normalised text (and offsets) and paragraphs it would otherwise compute again."""
    article = Article(original, lexicon, entities)
    article.__dict__.update(_normalised=normal, text=normal[0], paragraphs=lines)  # its cached properties
    return article


_default: Extractor | None = None


def default_extractor() -> Extractor:
    """The shared extractor used by :func:`quotextract.extract`."""
    global _default
    if _default is None:
        _default = Extractor()
    return _default
