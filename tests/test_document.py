"""Document-level columns: one speaker id per canonical speaker, repeats of a later quotation."""

from __future__ import annotations

import random

import pandas as pd
import pytest

import quotextract
from quotextract.document import number_speakers
from quotextract.model import Quotation, Span
from quotextract.repeats import mark_repeats


def quotations(*quotes: str, speakers=None) -> list[Quotation]:
    found, start = [], 0
    for index, quote in enumerate(quotes):
        speaker = speakers[index] if speakers else None
        found.append(Quotation(Span(start, start + len(quote), quote), "direct", "test", speaker=speaker))
        start += len(quote) + 1
    return found


def repeats(*quotes: str) -> list[bool]:
    return [q.is_repeat for q in mark_repeats(quotations(*quotes))]


# REPEATS: an earlier quotation restated by a later one
@pytest.mark.parametrize(
    "quotes, expected",
    [
        # the headline twice, then the body quoting it in full
        (
            ("Мы откроем мост в мае", "Мы откроем мост в мае", "Мы откроем мост в мае, если позволит погода"),
            [True, True, False],
        ),
        # case, ё and punctuation do not matter
        (("Всё будет ХОРОШО!", "всё будет хорошо"), [True, False]),
        (("Всё будет хорошо", "Все будет хорошо"), [True, False]),
        # one word of five changed still restates
        (("Цены вырастут к осени года", "цены вырастут к зиме года"), [True, False]),
        # a later, shorter quotation does not make the earlier one a repeat
        (("Мост откроют в мае после ремонта дорог", "мост откроют"), [False, False]),
        # different words
        (("Мы откроем мост в мае", "Школу построят к осени"), [False, False]),
        # too short to tell from chance
        (("Да, конечно", "Да, конечно"), [False, False]),
        ((), []),
    ],
)
def test_repeats(quotes, expected):
    assert repeats(*quotes) == expected


def test_only_the_last_of_identical_quotations_is_kept():
    assert repeats(*["Мы откроем мост в мае"] * 5) == [True, True, True, True, False]


def test_comparisons_grow_linearly(monkeypatch):
    """Many quotations sharing common words but none restating another: bounded comparisons each."""
    compared = []

    class Counting(frozenset):
        def __and__(self, other):
            compared.append(1)
            return frozenset(self).__and__(other)

    monkeypatch.setattr("quotextract.repeats.words", lambda text: Counting(text.split()))
    pool = [f"слово{n}" for n in range(30)]
    counts = {}
    for size in (300, 3000):
        compared.clear()
        rng = random.Random(7)
        repeats(*(" ".join(rng.sample(pool, 5)) for _ in range(size)))
        counts[size] = len(compared)
    assert counts[3000] / counts[300] <= 20  # 10x the quotations; all pairs would be ~100x


def test_a_few_quotations_compared_each_with_each_are_those_the_candidates_find():
    """Up to MAX_CANDIDATES + 1 quotations, every later one is compared: the same answers as the
    comparison with the later ones sharing a rarest word."""
    from quotextract.repeats import MAX_CANDIDATES, _restated_by_any, _restated_by_candidates

    rng = random.Random(11)
    pool = [f"слово{n}" for n in range(12)]
    for _ in range(200):
        bags = [
            frozenset(rng.sample(pool, rng.randint(1, 8))) for _ in range(rng.randint(1, MAX_CANDIDATES + 1))
        ]
        candidates = _restated_by_candidates(bags)
        assert [_restated_by_any(i, bags) for i in range(len(bags))] == [
            candidates(i, bags) for i in range(len(bags))
        ]


# SPEAKER IDS: one per canonical speaker, in order of first quotation
def test_speaker_ids():
    found = number_speakers(
        quotations(
            "а", "б", "в", "г", "д", speakers=["Иван Петров", None, "Минфин", "Иван Петров", "Анна Ли"]
        )
    )
    assert [q.speaker_id for q in found] == [0, None, 1, 0, 2]


def test_example_article_marks_its_headline_copies(caravan_text):
    frame = quotextract.extract(caravan_text)
    headline = "Партии нужна новая культура взаимоотношений, основанная на доверии и сотрудничестве"
    copies = frame[frame["quote"] == headline]
    assert len(copies) >= 2
    assert copies["is_repeat"].tolist() == [True] * (len(copies) - 1) + [False]
    assert not frame.loc[frame["quote"] != headline, "is_repeat"].any()
    assert frame.loc[~frame["is_repeat"], "quote"].is_unique


def test_extract_numbers_speakers_per_document():
    texts = [
        "«Мост откроют в мае», — сказал Иван Петров. «Школу построят к осени», — заявила Анна Смирнова. "
        "«И дорогу тоже», — добавил Иван Петров.",
        "«Цены вырастут», — сказала Анна Смирнова.",
    ]
    frame = quotextract.extract(texts, progress=False)
    ids = dict(zip(zip(frame["doc_id"], frame["speaker"]), frame["speaker_id"]))
    assert frame["speaker_id"].dtype == pd.Int64Dtype()
    assert ids == {("0", "Иван Петров"): 0, ("0", "Анна Смирнова"): 1, ("1", "Анна Смирнова"): 0}
