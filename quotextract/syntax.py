"""natasha's syntax parser, run only on the sentences whose speech verb needs its subject found.

The parser ships in natasha's wheel (no download) and loads once per process, on first use.
"""

from __future__ import annotations

from dataclasses import dataclass

from .nerinfer import network as ner_network
from .syntaxinfer import network

MAX_TOKENS = 120  # longer sentences are run-ons or debris: word order decides there
SUBJECT_RELATIONS = frozenset({"nsubj", "nsubj:pass"})
CLIMB_RELATIONS = frozenset({"conj", "xcomp", "advcl", "parataxis"})  # 'заявил и добавил', 'решил сказать'
NAME_RELATIONS = frozenset({"appos", "flat:name", "flat"})  # 'пресс-секретарь Кремля Дмитрий Песков'


@dataclass(frozen=True, slots=True)
class Word:
    """One token of a parsed sentence: offsets into the article text, head index, relation."""

    start: int
    stop: int
    head: int  # index of the head word in the sentence, -1 for the root
    rel: str


def parser():
    """natasha's news syntax parser, computed in numpy over its weights (``syntaxinfer``): the
    same parses, several sentences per batch; the model ships inside natasha's wheel."""
    return network()


def parse(text: str, sentences: list[tuple[int, int]]) -> dict[int, list[Word]]:
    """Sentence start -> its parsed words, for each ``(start, stop)`` of ``text``, in one batch."""
    return parse_many([(text, sentences)])[0]


def parse_many(requests: list[tuple[str, list[tuple[int, int]]]]) -> list[dict[int, list[Word]]]:
    """:func:`parse` of each ``(text, sentences)``, the sentences of all of them in one batch."""
    sentences = [
        (request, start, text[start:stop])
        for request, (text, spans) in enumerate(requests)
        for start, stop in spans
    ]
    tokenized = [  # (request, sentence start, token offsets in the sentence, input codes)
        (request, start, offsets, codes)
        for (request, start, _), (offsets, codes) in zip(
            sentences, ner_network().tokens([s[2] for s in sentences])
        )
        if 0 < len(codes) <= MAX_TOKENS
    ]
    parsed: list[dict[int, list[Word]]] = [{} for _ in requests]
    if not tokenized:
        return parsed
    for (request, start, offsets, _), (heads, relations) in zip(
        tokenized, parser().parse([codes for *_, codes in tokenized])
    ):
        parsed[request][start] = [
            Word(start + low, start + high, head - 1, relation)  # (head 0 is the root: -1)
            for (low, high), head, relation in zip(offsets, heads, relations)
        ]
    return parsed


def subject(words: list[Word], position: int) -> list[tuple[int, int]]:
    """The names in apposition to the subject of the verb at ``position``, then the subject itself,
    as spans; a verb without its own subject takes the one of the verb it is joined to."""
    index = next((i for i, w in enumerate(words) if w.start <= position < w.stop), None)
    for _ in range(3):
        if index is None:
            return []
        subjects = [i for i, w in enumerate(words) if w.head == index and w.rel in SUBJECT_RELATIONS]
        if subjects:
            return _with_names(words, subjects[0])
        index = words[index].head if words[index].rel in CLIMB_RELATIONS and words[index].head >= 0 else None
    return []


def _with_names(words: list[Word], head: int) -> list[tuple[int, int]]:
    spans, frontier = [(words[head].start, words[head].stop)], [head]
    while frontier:
        current = frontier.pop()
        for i, w in enumerate(words):
            if w.head == current and w.rel in NAME_RELATIONS:
                spans.insert(0, (w.start, w.stop))
                frontier.append(i)
    return spans
