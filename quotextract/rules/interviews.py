"""Interviews: 'Имя: …' and 'Вопрос:'/'Ответ:' lines, undashed questions, answers and their paragraphs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from ..article import Article
from ..punct import SENTENCE_ENDS
from ..segment import Paragraph
from .base import Candidate, comments_start, has_words, trimmed, unquoted, words
from .dialogue import block_lead, dash_line, dash_lines, dash_questions, dash_standfirst
from .leads import LEAD_PARAGRAPHS, interviewee, named_side, standfirst
from .lines import FIRST_PERSON, MAX_CONTINUED, MIN_SPEECH_WORDS, _continued, _speech_line

LINK_LINE = re.compile(
    r"(?i)(?:читайте|смотрите|читать|см\.|подробнее|по\s+теме|справка)(?:\s+\w+)?\s*:"
)  # 'Читайте также: …', matched at a paragraph's start
BYLINE = re.compile(
    r"(?i)(?:беседовал\w*|записал\w*|фото|интервью\s+взял\w*)\b"
)  # matched at a paragraph's start
QUESTION_LABEL = re.compile(r"(?i)(?:вопрос|корр\.|корреспондент|журналист|интервьюер)\s*:\s*")
ANSWER_LABEL = re.compile(r"(?i)ответ\s*:\s*")
OUTLET_LABEL = re.compile(
    r"«[^«»\n]{1,40}»\s*:\s*(?=.*\?$)"
)  # '«Вестник»: Как прошел сезон?' the outlet asks
LABEL_COLON = re.compile(r"\s*:\s+")  # 'Мустафа Джемилев: …'
RECURRING_LABEL = re.compile(
    r"(?P<label>[А-ЯЁA-Z][\w.-]{0,11}(?:\s[А-ЯЁA-Z][\w.-]{0,11})?)\s*:\s+(?=\S)"
)  # 'АиФ: ', 'А.К.: ', 'Собеседник: ' opening a line
INITIALS = re.compile(r"(?:[А-ЯЁ]\.\s?){2,3}")  # 'А.К.', 'А. С. К.'
MIN_ANSWER_WORDS = 2  # 'Имя: …' interview lines: one word after the colon is a label
MIN_CONTINUED_WORDS = 4  # a shorter line after an answer is a caption or a byline
LABEL_LOOK = 40  # characters at a paragraph's start searched for a label's colon
QUOTE_MARK = re.compile(r"[«»\"„“”]")
MAX_BETWEEN_LABELS = 40  # paragraphs an answer runs on over when another label follows them
MIN_LABELS = 2  # labelled lines that make an interview whose unlabelled paragraphs continue them
MIN_QUESTIONS = 2  # undashed questions after a lead that make an interview of the paragraphs between
MIN_QUESTION_WORDS = 2  # 'Почему?' alone is no interviewer's question
SECOND_PERSON = re.compile(r"(?i)(?<!\w)(?:вы|вас|вам|вами|ваш\w*)(?!\w)")  # a question put to someone
TOPIC_HEADING = re.compile(r"(?:О|Об|Обо|Про)\s+[а-яё]")  # 'О ценах', 'Про семью'
MAX_HEADING_WORDS = 6  # a longer line is a sentence that lost its stop


def interview(article: Article) -> Iterator[Candidate]:
    """'Мустафа Джемилев: Да, всё верно.' — a line opened by a name and a colon; in an interview of
    such lines, the unlabelled paragraphs right after one continue it."""
    text, labelled = article.text, []
    comments = article.once(comments_start)
    for paragraph in article.paragraphs:
        if comments is not None and paragraph.index >= comments:
            break  # readers' 'Мария: …' under a 'Комментарии' line are no interview
        if ":" not in paragraph.text:
            continue  # no label's colon
        entity = next(
            (
                e
                for e in article.entities_in(paragraph.start, paragraph.stop)[:1]
                if e.start == paragraph.start and e.type != "LOC"
            ),
            None,
        )
        if entity is None:
            continue
        colon = LABEL_COLON.match(text, entity.stop, paragraph.stop)
        if colon and words(text, colon.end(), paragraph.stop) >= MIN_ANSWER_WORDS:
            span = unquoted(text, *trimmed(text, colon.end(), paragraph.stop, "."))
            yield Candidate(
                *span, kind="direct", rule="interview", cue=None, region=(entity.start, entity.stop)
            )
            labelled.append(paragraph)
    if len(labelled) >= MIN_LABELS:  # an interview, not a headline 'Фамилия: …'
        for paragraph in labelled:
            yield from _label_continued(article, paragraph)


def _label_continued(article: Article, paragraph: Paragraph) -> Iterator[Candidate]:
    """The unlabelled paragraphs right after a 'Фамилия: …' answer, up to the next dash line or
    label: the answer goes on (the speaker is inherited from it)."""
    text, paragraphs = article.text, article.paragraphs
    following = paragraphs[paragraph.index + 1 : paragraph.index + 1 + MAX_BETWEEN_LABELS]
    labelled = any(":" in text[p.start : p.start + LABEL_LOOK] for p in following)
    for other in following if labelled else following[:MAX_CONTINUED]:  # up to the next label
        opening = text[other.start : other.start + LABEL_LOOK]
        if dash_line(article, other) is not None or ":" in opening or QUOTE_MARK.search(other.text):
            return
        if (
            words(text, other.start, other.stop) < MIN_CONTINUED_WORDS
            or text[other.stop - 1] not in SENTENCE_ENDS
        ):
            return
        yield Candidate(
            *trimmed(text, other.start, other.stop), kind="direct", rule="quote_continued", inherit=True
        )


def labelled_interview(article: Article) -> Iterator[Candidate]:
    """'Вопрос: …' / 'Ответ: …' lines: questions kept without a speaker, answers the interviewee's
    (named in the lead, else the person the article is about), with the paragraphs continuing them."""
    text, labelled = article.text, []
    region = article.once(interviewee)
    recurring = _recurring_labels(article)
    for paragraph in article.paragraphs:
        if ":" not in paragraph.text:
            continue  # every label ends in a colon
        labels = ((QUESTION_LABEL, True), (OUTLET_LABEL, True), (ANSWER_LABEL, False))
        for label, asks in (*labels, *recurring.get(paragraph.index, ())):
            match = label.match(text, paragraph.start, paragraph.stop)
            if match and has_words(text, match.end(), paragraph.stop, MIN_SPEECH_WORDS - 1):
                span = trimmed(text, match.end(), paragraph.stop)
                if asks:
                    candidate = Candidate(
                        *span, kind="direct", rule="interview_question", prefer="before", unattributed=True
                    )
                else:
                    named = _initials_named(article, match) or region
                    candidate = Candidate(
                        *span,
                        kind="direct",
                        rule="interview_answer",
                        cue=None,
                        region=named,
                        prefer=named_side(article, named) if named else "after",
                    )
                labelled.append((paragraph, candidate))
                yield candidate
                break
    yield from _between_labels(article, labelled)


def _recurring_labels(article: Article) -> dict[int, tuple[tuple[re.Pattern, bool]]]:
    """Labels no list knows that open two lines or more each ('АиФ: …?' asking, 'А.К.: …'
    answering), when those of one label end in '?' (the interviewer's) and those of another do
    not: for each such line, its label's pattern and whether it asks."""
    text, found = article.text, {}
    for paragraph in article.paragraphs:
        if ":" not in paragraph.text:
            continue  # every label ends in a colon
        match = RECURRING_LABEL.match(text, paragraph.start, paragraph.stop)
        named = (
            [e for e in article.entities_in(match.start(), match.end()) if e.type != "LOC"] if match else []
        )
        if match and not named:  # a name opening it is the 'interview' rule's
            found.setdefault(match.group("label"), []).append(paragraph)
    asking = {
        label: sum(text[p.stop - 1] == "?" for p in lines) * 2 > len(lines)
        for label, lines in found.items()
        if len(lines) >= MIN_LABELS
    }
    if len(asking) < MIN_LABELS or all(asking.values()) or not any(asking.values()):
        return {}  # no interviewer asking, or no one answering
    return {
        p.index: ((re.compile(re.escape(label) + r"\s*:\s*"), asks),)
        for label, asks in asking.items()
        for p in found[label]
    }


def _initials_named(article: Article, label: re.Match) -> tuple[int, int] | None:
    """The person of the article whose initials a label is ('А.К.' — Анатолий Семенович Кузьмин)."""
    initials = INITIALS.fullmatch(label.group(0).rstrip(": \t"))
    if not initials:
        return None
    letters = "".join(re.findall(r"[А-ЯЁ]", initials.group(0)))
    for entity in article.entities_in(0, len(article.text)):
        names = article.text[entity.start : entity.stop].split()
        if entity.type == "PER" and len(names) > 1 and names[0][0] + names[-1][0] == letters[0] + letters[-1]:
            return entity.start, entity.stop
    return None


def _between_labels(article: Article, labelled: list[tuple[Paragraph, Candidate]]) -> Iterator[Candidate]:
    """The unlabelled paragraphs continuing a labelled line of an interview: up to the next label,
    after the last one those in the first person; after a question ('Вопрос: …?') they answer it."""
    if len(labelled) < MIN_LABELS:
        return
    following = [p.index for p, _ in labelled[1:]] + [None]
    region = article.once(interviewee)
    answer = Candidate(
        0,
        0,
        kind="direct",
        rule="interview_answer",
        region=region,
        prefer=named_side(article, region) if region else "after",
    )
    for (paragraph, candidate), next_label in zip(labelled, following):
        stop = paragraph.index + 1 + MAX_CONTINUED if next_label is None else next_label
        asked = candidate.rule == "interview_question" and article.text[paragraph.stop - 1] == "?"
        for other in article.paragraphs[paragraph.index + 1 : min(stop, paragraph.index + 1 + MAX_CONTINUED)]:
            if not _answer_line(article, other, first_person=next_label is None):
                break
            # after a question, its answer printed without an 'Ответ:' label
            yield replace(answer if asked else candidate, start=other.start, stop=other.stop)


def _answer_line(article: Article, paragraph: Paragraph, first_person: bool) -> bool:
    """A paragraph that can be (part of) an answer: speech, not a byline or an announcing line."""
    text = article.text
    return (
        _speech_line(article, paragraph)
        and not BYLINE.match(text, paragraph.start, paragraph.stop)
        and not LINK_LINE.match(text, paragraph.start, paragraph.stop)
        and text[paragraph.stop - 1] != ":"
        and (not first_person or bool(FIRST_PERSON.search(text, paragraph.start, paragraph.stop)))
    )


def answers_continued(article: Article) -> Iterator[Candidate]:
    """The undashed paragraphs that continue an interview answer: '— Да. …' then 'Мы …'; after a
    dash answer to a dash question, all those up to the next dash line."""
    paragraphs, dashed = article.paragraphs, dash_lines(article)
    questions = article.once(dash_questions)
    for paragraph in paragraphs:
        if dashed[paragraph.index] is None or paragraph.index in questions:
            continue  # no dash line, or a question answered undashed ('interview_answers')
        between = (
            _before_next_dash_line(article, paragraph) if _answers_dash_question(article, paragraph) else None
        )
        if between:
            previous = paragraph
            for other in between:
                span = trimmed(article.text, other.start, other.stop)
                # past a credit or link line the answer's neighbour is no paragraph of it: the lead names its speaker
                region = None if other.index == previous.index + 1 else _answer_lead(article, paragraph)
                yield Candidate(
                    *span, kind="direct", rule="quote_continued", inherit=True, region=region, prefer="before"
                )
                previous = other
        else:
            yield from _continued(article, paragraph)


def _answer_lead(article: Article, paragraph: Paragraph) -> tuple[int, int] | None:
    """Where the interviewee of a dash answer is named: the lead before its block, else the
    article's, else the standfirst before its first question."""
    return block_lead(article, paragraph) or article.once(interviewee) or article.once(dash_standfirst)


def _answers_dash_question(article: Article, paragraph: Paragraph) -> bool:
    if paragraph.index == 0:
        return False
    previous = article.paragraphs[paragraph.index - 1]
    return dash_line(article, previous) is not None and article.text[previous.stop - 1] == "?"


def _before_next_dash_line(article: Article, paragraph: Paragraph) -> list[Paragraph] | None:
    """The undashed speech paragraphs between ``paragraph`` and the next dash line, if one comes
    (past photo credits and links), up to the article's narration of someone's words."""
    text, found = article.text, []
    for other in article.paragraphs[paragraph.index + 1 : paragraph.index + 1 + MAX_CONTINUED]:
        if dash_line(article, other) is not None:
            return found
        if BYLINE.match(text, other.start, other.stop) or LINK_LINE.match(text, other.start, other.stop):
            continue  # a photo credit or a link between two paragraphs of the answer
        if not _answer_line(article, other, first_person=False):
            return None
        if article.cues_in(other.start, other.stop) and not FIRST_PERSON.search(
            text, other.start, other.stop
        ):
            return (
                found  # 'Как рассказал потом сам Семенов, …': the article's narration, someone else's words
            )
        found.append(other)
    return None


def interview_answers(article: Article) -> Iterator[Candidate]:
    """After a lead naming the interviewee ('Елена Маркова ответила на вопросы издания',
    'Корреспондент поговорил с X'): undashed questions and the paragraphs answering them, answers
    under topic headings ('О ценах') and answers printed without their questions (paragraphs in
    the first person)."""
    text, paragraphs = article.text, article.paragraphs
    region = article.once(interviewee)
    headline = region is None and _headline_label(article)
    if headline:  # 'Алексей Миллер: «…»' above undashed questions and their answers
        region = headline
    region = region or _addressed_standfirst(article)
    if region is None:
        return
    lead = article.paragraph_at(region[0])
    body = paragraphs[lead.index + 1 :]
    prefer = "after" if headline else named_side(article, region)
    questions = [p for p in body if _question_line(article, p)]
    asked = len(questions) >= MIN_QUESTIONS
    if headline and not asked:
        return  # a headline naming someone makes no interview of the first-person lines after it
    headings = [] if asked else [p for p in body if _topic_heading(article, p)]
    if len(headings) >= MIN_QUESTIONS:  # 'О ценах' over an answer printed without its question
        questions, asked = headings, True
    answered = False  # the paragraph before was an answer and nothing else
    for paragraph in body:
        if asked and paragraph in headings:
            answered = False
            continue
        if asked and paragraph in questions:
            span = trimmed(text, paragraph.start, paragraph.stop)
            yield Candidate(
                *span, kind="direct", rule="interview_question", prefer="before", unattributed=True
            )
            answered = False
            continue
        answers = (  # past the last question's first paragraph, only first-person ones go on with it
            _answers_question(article, paragraph, questions)
            if asked
            else answered and _answer_goes_on(article, paragraph)
        )
        answer = _answer_line(article, paragraph, first_person=not answers)
        answered = answer and _answer_goes_on(article, paragraph)  # all of it the answer's words
        if answer:
            span = trimmed(text, paragraph.start, paragraph.stop)
            yield Candidate(
                *span, kind="direct", rule="interview_answer", cue=None, region=region, prefer=prefer
            )


def _addressed_standfirst(article: Article) -> tuple[int, int] | None:
    """No lead or headline: two undashed questions or more that address someone ('Ирина, с чего
    вы начинали?'), one calling by name the person named just before the first, who answers them."""
    text = article.text
    questions = [p for p in article.paragraphs if _question_line(article, p)]
    addressed = [q for q in questions if SECOND_PERSON.search(text, q.start, q.stop)]
    person = standfirst(article, questions[0]) if len(addressed) >= MIN_QUESTIONS else None
    if person is None:
        return None
    first_name = text[person[0] : person[1]].split()[0]
    called = any(
        text.startswith(first_name, q.start) and text[q.start + len(first_name)] in ", " for q in questions
    )
    return person if called else None  # a question calls them by name: 'Ирина, …?', not an FAQ's 'Как вам …?'


def _answer_goes_on(article: Article, paragraph: Paragraph) -> bool:
    """A paragraph after an answer printed without its question goes on with it unless either
    reads as narration: it names a person or has a speech cue ('Министр также рассказала')."""
    return not article.cues_in(paragraph.start, paragraph.stop) and not any(
        e.type == "PER" for e in article.entities_in(paragraph.start, paragraph.stop)
    )


def _headline_label(article: Article) -> tuple[int, int] | None:
    """The person named by the label opening one of the first lines ('Алексей Миллер: «…»')."""
    for line in article.paragraphs[:LEAD_PARAGRAPHS]:
        opening = article.entities_in(line.start, line.stop)[:1]
        if opening and opening[0].start == line.start and opening[0].type == "PER":
            if LABEL_COLON.match(article.text, opening[0].stop, line.stop):
                return opening[0].start, opening[0].stop
    return None


def _topic_heading(article: Article, paragraph: Paragraph) -> bool:
    """'О новом цехе', 'Про семью': a short line without a final stop naming what the answers
    under it are about."""
    text = article.text
    return (
        bool(TOPIC_HEADING.match(text, paragraph.start, paragraph.stop))
        and text[paragraph.stop - 1] not in SENTENCE_ENDS + ":"
        and words(text, paragraph.start, paragraph.stop) <= MAX_HEADING_WORDS
    )


def _question_line(article: Article, paragraph: Paragraph) -> bool:
    """An undashed, unlabelled paragraph ending in '?', or a dash question answered undashed: an
    interviewer's question."""
    text = article.text
    return (
        text[paragraph.stop - 1] == "?"
        and (dash_line(article, paragraph) is None or paragraph.index in article.once(dash_questions))
        and has_words(text, paragraph.start, paragraph.stop, MIN_QUESTION_WORDS)
    )


def _answers_question(article: Article, paragraph: Paragraph, questions: list[Paragraph]) -> bool:
    """The paragraph stands after a question and before the next one (or right after the last)."""
    before = [q for q in questions if q.index < paragraph.index]
    if not before:
        return False
    after = [q for q in questions if q.index > paragraph.index]
    return bool(after) or paragraph.index == before[-1].index + 1
