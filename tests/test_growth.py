"""Work grows linearly with the text, whatever it holds: 10 times the text, about 10 times the work.

Each case is a unit repeated to 10 KB and to 100 KB. The rules and the attribution run on both
(NER is replaced by a stand-in that marks every capitalised word a person, so that mentions abound);
the work is counted in Python calls and measured as CPU time, and both ratios must stay far below
the 100 a rule scanning the rest of the text per match gives.
"""

from __future__ import annotations

import gc
import re
import sys
import time

import pytest

from quotextract.article import Article
from quotextract.attribute import Attributor
from quotextract.detect import candidates
from quotextract.lexicon import default_lexicon
from quotextract.model import Entity

SMALL, LARGE = 10_000, 100_000
MAX_CALL_RATIO = 15  # linear: 10
MAX_TIME_RATIO = 20  # linear: 10, with room for a loaded machine; quadratic: 100

UNITS = {
    "source phrases": "По словам Иванова, ",
    "short dash lines": "— Да, — сказал он.\n",
    "no punctuation": "слово Иванов сказал что ",
    "opening marks only": "«",
    "closing marks only": "»",
    "straight quotes only": '"',
    "dashes only": "— ",
    "hyphens only": "- ",
    "mixed Latin": "Ivanov said «hello» — заявил Petrov, что ok. ",
    "cues and commas": "сказал, что ",
    "quotes then cues": "«а», сказал он ",
    "closing marks and cues": "» — сказал он, ",
    "joints": ", и он сказал, что ",
    "pronouns after names": "Иван Петров выступил. Она сказала, что цены растут. ",
    "descriptions": "Министр Иван Петров выступил. «Да», — сказала эксперт. ",
    "body nouns": "Клуб Динамо проиграл. В ведомстве сообщили, что все хорошо. ",
    "unnamed subjects": "Сам же тренер молчал. Он заявил, что устал. ",
}
CAPITALISED = re.compile(r"[А-ЯЁA-Z][а-яёa-z]+")


def _repeated(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _work(text: str) -> tuple[int, float]:
    """Python calls made and CPU seconds spent finding and attributing the quotations of ``text``."""
    found = tuple(Entity(m.start(), m.end(), m.group(), "PER", m.group()) for m in CAPITALISED.finditer(text))
    article = Article(text, default_lexicon(), found)
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        calls += event in ("call", "c_call")

    gc.collect()  # a collection of the whole session's objects would land in one run's time
    gc.disable()
    started = time.process_time()
    sys.setprofile(count)
    try:
        Attributor(article, candidates(article)).quotations()
    finally:
        sys.setprofile(None)
        gc.enable()
    return calls, time.process_time() - started


@pytest.mark.parametrize("unit", UNITS.values(), ids=UNITS.keys())
def test_work_grows_linearly(unit):
    _work(_repeated(unit, SMALL))  # warm the caches
    small_calls, small_time = _work(_repeated(unit, SMALL))
    large_calls, large_time = _work(_repeated(unit, LARGE))
    assert large_calls / small_calls < MAX_CALL_RATIO
    assert large_time / max(small_time, 1e-3) < MAX_TIME_RATIO
