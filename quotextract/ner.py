"""natasha's NER, loaded lazily once per process, run line by line (lines are boundaries)."""

from __future__ import annotations

import re
from functools import lru_cache

from .model import Entity
from .names import nominative
from .segment import Paragraph

TYPES = ("PER", "ORG")


@lru_cache(maxsize=1)
def tagger():
    """natasha's news NER tagger; its models ship inside the wheels, nothing is downloaded."""
    import yargy  # noqa: F401  (applies the pymorphy2 hotfix natasha needs on Python 3.11)
    from natasha import NewsEmbedding, NewsNERTagger

    return NewsNERTagger(NewsEmbedding())


def entities(paragraphs: list[Paragraph]) -> list[Entity]:
    """PER and ORG entities of the paragraphs, with nominative forms, in text order."""
    if not paragraphs:
        return []
    found = []
    markups = tagger().map([p.text for p in paragraphs])
    for paragraph, markup in zip(paragraphs, markups):
        for span in markup.spans:
            if span.type not in TYPES:
                continue
            text = re.split(r"\s[—–-]\s|[«»\"“”„]", paragraph.text[span.start : span.stop])[0].rstrip(" ,.")
            if not text:
                continue
            start = paragraph.start + span.start
            found.append(Entity(start, start + len(text), text, span.type, nominative(text, span.type)))
    return found
