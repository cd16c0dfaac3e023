"""Every detection rule: a case it finds, and a case lost when the rule is removed from ``RULES``.

Each row is ``(rule, text, quote)``: ``quotextract.extract(text)`` has a row whose ``rule`` column
says ``rule`` and whose quotation is ``quote`` (compared as in test_patterns: surrounding spaces
and punctuation stripped). The README's list of rules and this table name the same rules.
"""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

import quotextract
from quotextract import detect, pipeline

README = Path(__file__).resolve().parents[1] / "README.md"
STRIP = string.whitespace + ".,;:!?…"

CASES = [
    (
        "dash_dialogue",
        "— Решение будет принято до конца недели, — сказал Дмитрий Песков.",
        "Решение будет принято до конца недели",
    ),
    (
        "dash_line",
        "Дмитрий Песков сказал журналистам:\n— Решение будет принято до конца недели.",
        "Решение будет принято до конца недели",
    ),
    (
        "interview_question",
        "— Что вы скажете о новом сезоне?\n— Мы готовимся к нему всю зиму и ждём результатов.",
        "Что вы скажете о новом сезоне",
    ),
    ("quote_then_cue", "«Мы готовы к переговорам», — заявил Дмитрий Песков.", "Мы готовы к переговорам"),
    (
        "quote_interrupted",
        "«Мы готовы к переговорам, — заявил Дмитрий Песков, — но только на равных».",
        "но только на равных",
    ),
    ("colon_quote", "Дмитрий Песков заявил: «Мы готовы к переговорам».", "Мы готовы к переговорам"),
    (
        "standalone_quote",
        "Дмитрий Песков выступил в среду. «Мы готовы к переговорам с любыми партнёрами».",
        "Мы готовы к переговорам с любыми партнёрами",
    ),
    (
        "quote_referred",
        "«Мы готовы к переговорам с любыми партнёрами». Об этом заявил Дмитрий Песков.",
        "Мы готовы к переговорам с любыми партнёрами",
    ),
    (
        "open_quote",
        "Песков выступил в среду. «Мы готовы к переговорам с любыми партнёрами.\nНо условия жёсткие».",
        "Мы готовы к переговорам с любыми партнёрами",
    ),
    (
        "quote_credited",
        "Спасатели провели рейд:\n«Масляных пятен на воде не обнаружено».\n— Татьяна Скригонюк, представитель МЧС",
        "Масляных пятен на воде не обнаружено",
    ),
    (
        "quote_continued",
        "Песков выступил в среду. «Мы готовы к переговорам с любыми партнёрами.\nНо условия жёсткие».",
        "Но условия жёсткие",
    ),
    ("colon_speech", "Дмитрий Песков сказал: Мы готовы к переговорам.", "Мы готовы к переговорам"),
    ("interview", "Мария Захарова: Мы не оставим это без ответа.", "Мы не оставим это без ответа"),
    (
        "interview_answer",
        "Мария Захарова ответила на вопросы нашего издания.\n"
        "Мы довольны итогами встречи и ждём продолжения диалога.",
        "Мы довольны итогами встречи и ждём продолжения диалога",
    ),
    (
        "interview_answer",
        "Вопрос: Как прошёл сезон для команды?\nОтвет: Мы довольны итогами и ждём продолжения.",
        "Мы довольны итогами и ждём продолжения",
    ),
    ("headline", "Рост цен замедлится к осени — Эльвира Набиуллина", "Рост цен замедлится к осени"),
    (
        "according_to",
        "По словам Дмитрия Пескова, встреча может пройти в июне.",
        "встреча может пройти в июне",
    ),
    ("as_cue", "Как отметил Дмитрий Песков, встреча может пройти в июне.", "встреча может пройти в июне"),
    (
        "reported_that",
        "Дмитрий Песков заявил, что встреча может пройти в июне.",
        "встреча может пройти в июне",
    ),
    (
        "postposed",
        "Встреча может пройти в июне, сообщили в пресс-службе Кремля.",
        "Встреча может пройти в июне",
    ),
    (
        "about_this",
        "Встреча президентов может пройти уже в июне. Об этом заявил Дмитрий Песков.",
        "Встреча президентов может пройти уже в июне",
    ),
    (
        "quote_continued",
        "— Как прошла встреча?\n— Хорошо, мы довольны.\nМы ждём продолжения диалога с партнёрами.",
        "Мы ждём продолжения диалога с партнёрами",
    ),
]


def rules_found(text: str) -> set[tuple[str, str]]:
    """``(rule, quote)`` of every row ``extract`` gives for ``text``."""
    frame = quotextract.extract(text)
    return {(rule, quote.strip(STRIP)) for rule, quote in zip(frame["rule"], frame["quote"])}


@pytest.mark.parametrize("rule, text, quote", CASES, ids=[f"{row[0]}-{i}" for i, row in enumerate(CASES)])
def test_rule_finds_its_case(rule, text, quote):
    assert (rule, quote) in rules_found(text)


def test_the_readme_lists_every_rule_of_the_table():
    row = next(
        line for line in README.read_text(encoding="utf-8").splitlines() if line.startswith("| `rule`")
    )
    documented = set(re.findall(r"`([a-z_]+)`", row.split("|")[3]))
    assert documented == {rule for rule, _, _ in CASES}


@pytest.mark.parametrize("removed", detect.RULES, ids=[rule.__name__ for rule in detect.RULES])
def test_removing_a_rule_loses_a_case(removed, monkeypatch):
    others = [rule for rule in detect.RULES if rule is not removed]
    monkeypatch.setattr(pipeline, "candidates", lambda article: detect.candidates(article, rules=others))
    lost = [(rule, quote) for rule, text, quote in CASES if (rule, quote) not in rules_found(text)]
    assert lost, f"every case is still found without {removed.__name__}: add one that needs it"
