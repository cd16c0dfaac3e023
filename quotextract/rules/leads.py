"""Interview leads: the line naming the interviewee ('X рассказал в интервью «Y»', 'поговорил с X')."""

from __future__ import annotations

import re
from itertools import islice

from ..article import Article
from ..punct import SENTENCE_ENDS
from ..segment import Paragraph
from .base import has_words
from .scan import Screened, opening_at

UNPUNCTUATED_SPEECH_WORDS = 6  # a line this long is speech (or prose) even when scraping lost its final stop
LEAD_PARAGRAPHS = 4  # an interview's lead stands among its first lines of prose
STANDFIRST_REACH = 2  # paragraphs before an interview's first question searched for its interviewee
CREDIT = re.compile(r"(?i)(?:беседовал\w*|записал\w*|фото|интервью\s+взял\w*|текст|автор)\b")
OUTLET = r"[«\"„“][^»\"“”]{1,40}[»\"“”]|(?-i:[A-ZА-ЯЁ][\w-]*)"  # '«Газете»', 'РБК', 'Reuters'
LEAD_VERBS = ("ответил", "рассказал", "поговорил", "побеседовал", "беседует", "беседовал")
INTERVIEW_LEAD = Screened(
    re.compile(
        r"(?i)(?P<before>ответил\w*\s+на\s+(?:\w+\s+){0,2}?вопрос\w*|рассказал\w*\s+в\s+интервью"
        rf"|в\s+(?:интервью|беседе\s+с)\s+(?:\w+\s+)?(?:{OUTLET})\s+(?:рассказал|заявил|сообщил|признал|пояснил)\w*"
        r"|дал\w*\s+интервью"  # 'X дал интервью газете …'
        r"|рассказал\w*\s+(?:\w+\s+)?[«\"„“][^»\"“”]{1,40}[»\"“”]\s+об?\s)"  # 'рассказал «Газете» о …'
        r"|(?P<after>(?:поговорил\w*|побеседовал\w*|беседует|беседовал\w*)\s+со?\s+"
        r"|(?<!\w)в\s+интервью\s+(?:\w+\s+)?[«\"„“][^»\"“”]{1,40}[»\"“”]\s+)"  # 'В интервью «Газете» X …'
    ),
    opening_at(
        [
            *((verb[0], verb[1:]) for verb in LEAD_VERBS),
            ("в", r"\s+(?:интервью|беседе)"),
            ("д", r"ал\w*\s+интервью"),
        ],
        re.I,
    ),  # where one can begin
    ("тветил", "ассказал", "оговорил", "беседов", "беседует", "интервью"),  # what one holds
)


def interviewee(article: Article) -> tuple[int, int] | None:
    """Where the lead of an interview names the interviewee ('X ответила на вопросы', 'поговорил с X')."""
    text = article.text
    prose = (  # not menus, dates, share lines
        p
        for p in article.paragraphs
        if text[p.stop - 1] in SENTENCE_ENDS or has_words(text, p.start, p.stop, UNPUNCTUATED_SPEECH_WORDS)
    )
    leads = list(islice(prose, LEAD_PARAGRAPHS))
    if not leads or not INTERVIEW_LEAD.may_match(text, leads[0].start, leads[-1].stop):
        return None  # none of its words in the lead at all: each paragraph need not be looked at
    return next(filter(None, (lead_in(article, lead) for lead in leads)), None)


def lead_in(article: Article, paragraph: Paragraph) -> tuple[int, int] | None:
    """Where ``paragraph``, an interview's lead, names the interviewee: the words before 'ответил на
    вопросы' in its sentence, or after 'поговорил с' ('В интервью РБК рассказал X')."""
    text = article.text
    match = INTERVIEW_LEAD.search(text, paragraph.start, paragraph.stop)
    if not match:
        return None
    sentence = article.sentence_at(match.start())
    start, stop = (sentence.start, sentence.stop) if sentence else (paragraph.start, paragraph.stop)
    before = match.group("before") and has_words(text, start, match.start(), 1)
    return (start, match.start()) if before else (match.end(), stop)


def named_side(article: Article, region: tuple[int, int]) -> str:
    """Which side of ``region`` to look at first for the interviewee: 'before' when it ends at the
    lead's words ('Профессор университета Ренат Галиев | рассказал в интервью': the name nearest
    them), else 'after' ('поговорил с | художником Рустамом Хабибуллиным о …': the first named)."""
    return "before" if INTERVIEW_LEAD.pattern.match(article.text, region[1]) else "after"


def standfirst(
    article: Article, first_question: Paragraph, skip=lambda paragraph: False
) -> tuple[int, int] | None:
    """The last person named in the paragraphs just before an interview's first question, when no
    lead names the interviewee ('Шеф-повар Ирина Мельникова — о местной кухне …'): past credits
    and the paragraphs ``skip`` says are no standfirst."""
    start = max(0, first_question.index - STANDFIRST_REACH)
    for paragraph in reversed(article.paragraphs[start : first_question.index]):
        if skip(paragraph) or CREDIT.match(article.text, paragraph.start, paragraph.stop):
            continue
        persons = [e for e in article.entities_in(paragraph.start, paragraph.stop) if e.type == "PER"]
        if persons:
            return persons[-1].start, persons[-1].stop
    return None
