"""Dash dialogue: '— Текст, — сказал X. — Продолжение.' lines and their blocks."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ..article import Article
from ..cues import is_finite
from ..model import Cue
from ..punct import DASH, DASH_CLASS, HYPHEN, SENTENCE_ENDS
from ..segment import Paragraph
from .base import SEPARATOR, Candidate, attribution_cue, clause_end, trimmed, words
from .leads import interviewee, lead_in, standfirst

MIN_LINE_WORDS = 2  # a dash line of one word is a list item, not speech
MIN_UNATTRIBUTED_WORDS = 4  # with no attribution near, a dash line needs four words and a final stop
DASH_LABEL = re.compile(
    r"(?P<label>(?:[А-ЯЁ]\.\s?){1,3}|[А-ЯЁ][а-яё-]+\.?(?:\s[А-ЯЁ][а-яё-]+)?)\s*:\s+(?=\S)"
)  # 'И.П.: ', 'Корр.: ', 'Соколова: ' after a line's dash
INTERVIEWER_LABEL = re.compile(r"(?i)корр\.|корреспондент|журналист|вопрос")
MIN_LABELS = 2  # a label opening this many dash lines is a speaker's
LEADING_DASH = re.compile(rf"{DASH_CLASS}\s*(?=\S)")
RESUMING_DASH = re.compile(
    rf"\s*[,.]?\s*(?:{DASH}|-(?=\s|[А-ЯЁ]))\s*"
)  # '. — ', '. - ', '. -Но' where the speech resumes


EMBED_SIGNATURE = re.compile(
    r"(?:[^\s()]+\s+){1,5}\(@\w+\)"
)  # '— Олег Рябов (@ryabov_gov) 5 марта 2024 г.' under an embedded post: its author's signature


LOST_COMMA_DASH = re.compile(
    rf"(?<=\w)\s+(?:{DASH}|-)\s+(?=[а-яё])|(?<=\w)\s+-(?=[а-яё])"
)  # '… нельзя - признался X', '… наизусть -признался X' (the hyphen run into the verb)


def _attributions(article: Article, paragraph: Paragraph, body: int) -> list[tuple[int, int, int, Cue]]:
    """(separator start, clause start, clause stop, cue) of each attribution in a dash line; a
    dash between two words whose comma was lost separates one only before a verb of speech
    standing first with its subject ('Так играть нельзя - признался тренер')."""
    text, found = article.text, []
    separators = sorted(
        [*SEPARATOR.finditer(text, body, paragraph.stop), *_lost_comma_dashes(article, body, paragraph.stop)],
        key=lambda m: m.start(),
    )
    for match in separators:
        if found and match.start() < found[-1][2]:
            continue
        if text[match.start() - 1] in SENTENCE_ENDS and text[match.end() : match.end() + 1].isupper():
            continue  # '. — В прошлом году обещали …': the speech resumes, however many cues it holds
        cue = attribution_cue(article, match.end(), paragraph.stop)
        if cue:
            following = SEPARATOR.search(text, match.end(), paragraph.stop)
            stop = following.start() if following else paragraph.stop
            found.append((match.start(), match.end(), clause_end(text, match.end(), stop), cue))
    return found


def _lost_comma_dashes(article: Article, start: int, stop: int) -> list[re.Match]:
    """The dashes between two words that stand before a finite speech verb ('нельзя - признался',
    'наизусть -признался')."""
    found = []
    for match in LOST_COMMA_DASH.finditer(article.text, start, stop):
        cue = article.first_cue(match.end(), stop, within=1)
        if cue is not None and cue.start == match.end() and is_finite(cue):
            found.append(match)
    return found


def dash_line(article: Article, paragraph: Paragraph) -> int | None:
    """Where the speech of a line opened by a dash starts ('— Текст', '- Текст', '-Текст')."""
    return article.once(_dash_lines)[paragraph.index]


def dash_lines(article: Article) -> list[int | None]:
    """:func:`dash_line` of each paragraph, by its index: for a walk over all of them."""
    return article.once(_dash_lines)


def _dash_lines(article: Article) -> list[int | None]:
    """:func:`dash_line` of every paragraph, found once for the rules that ask again and again;
    past a speaker's label ('— Корр.: …', '— И.П.: …') that opens two dash lines or more, or the
    interviewer's."""
    text, found = article.text, []
    for paragraph in article.paragraphs:
        match = LEADING_DASH.match(text, paragraph.start, paragraph.stop)
        tight_hyphen = match and text[paragraph.start] == HYPHEN and match.end() == paragraph.start + 1
        if not match or tight_hyphen and not text[match.end()].isupper():  # '-5 градусов', '-то'
            found.append(None)
        elif EMBED_SIGNATURE.match(text, match.end(), paragraph.stop):  # a post's embed, not speech
            found.append(None)
        else:
            found.append(match.end())
    labels = [
        DASH_LABEL.match(text, body, paragraph.stop) if body is not None else None
        for paragraph, body in zip(article.paragraphs, found)
    ]
    if not any(labels):
        return found
    counts = Counter(m.group("label").replace(" ", "") for m in labels if m)
    for index, label in enumerate(labels):
        if label and (
            counts[label.group("label").replace(" ", "")] >= MIN_LABELS
            or INTERVIEWER_LABEL.fullmatch(label.group("label"))
        ):
            found[index] = label.end()
    return found


def dash_dialogue(article: Article) -> Iterator[Candidate]:
    """'— Текст, — сказал X. — Продолжение.' lines, and lines of a block attributed elsewhere."""
    text, lines, dashed = article.text, [], dash_lines(article)
    for paragraph in article.paragraphs:
        body = dashed[paragraph.index]
        if body is not None:
            lines.append((paragraph, body, _attributions(article, paragraph, body)))
    for index, (paragraph, body, attributions) in enumerate(lines):
        if attributions:
            yield from _attributed_line(article, paragraph, body, attributions)
            continue
        region, cue = _borrowed_attribution(article, lines, index)
        start, stop = trimmed(text, body, paragraph.stop)
        if start >= stop or not text[start].isupper():
            continue
        if words(text, start, stop) < MIN_LINE_WORDS and not is_answer(article, lines, index):
            continue  # a list item, unless it answers a question: '— Нет.'

        if _is_question(article, lines, index) or paragraph.index in article.once(dash_questions):
            yield Candidate(
                start, stop, kind="direct", rule="interview_question", prefer="before", unattributed=True
            )
            continue
        if (
            region is None
            and not is_answer(article, lines, index)
            and (
                text[paragraph.stop - 1] not in SENTENCE_ENDS
                or words(text, start, stop) < MIN_UNATTRIBUTED_WORDS
            )
        ):
            continue
        if region is None and (
            is_answer(article, lines, index) or _after_undashed_question(article, paragraph)
        ):
            region = block_lead(article, paragraph) or article.once(interviewee)
            region = region or article.once(dash_standfirst)
        if region is None:
            region = _person_just_named(article, lines, index)
        yield Candidate(start, stop, kind="direct", rule="dash_line", cue=cue, region=region, prefer="before")


def _person_just_named(article: Article, lines, index: int) -> tuple[int, int] | None:
    """A lone dash line's speaker, when the narration just before it names one person alone
    ('Сам Тюрин о пенсии не думает.' then '— Пока руки держат штурвал, буду работать.')."""
    paragraph = lines[index][0]
    if not paragraph.index or (index and lines[index - 1][0].index == paragraph.index - 1):
        return None  # the first line, or one of a block: its neighbours attribute it
    previous = article.paragraphs[paragraph.index - 1]
    people = {e.text for e in article.entities_in(previous.start, previous.stop) if e.type == "PER"}
    if len(people) != 1 or article.text[previous.stop - 1] not in ".!…":
        return None
    return previous.start, previous.stop


def _after_undashed_question(article: Article, paragraph: Paragraph) -> bool:
    """A dash line right after an undashed question ('Светлана, как вы готовились?' printed bold):
    an answer, the interviewee's the lead names."""
    if not paragraph.index:
        return False
    previous = article.paragraphs[paragraph.index - 1]
    return (
        dash_line(article, previous) is None
        and article.text[previous.stop - 1] == "?"
        and words(article.text, previous.start, previous.stop) >= MIN_LINE_WORDS
    )


def block_lead(article: Article, paragraph: Paragraph) -> tuple[int, int] | None:
    """Where the paragraph before the first line of the dash block holding ``paragraph`` names an
    interviewee ('После церемонии министр ответил на вопросы журналистов.')."""
    first = paragraph.index
    while first and dash_line(article, article.paragraphs[first - 1]) is not None:
        first -= 1
    return lead_in(article, article.paragraphs[first - 1]) if first else None


def dash_standfirst(article: Article) -> tuple[int, int] | None:
    """With no lead naming the interviewee, the last person named just before the interview's
    first dash question answers every question, however far the talk has gone from the name."""
    text, paragraphs = article.text, article.paragraphs
    for paragraph, following in zip(paragraphs, paragraphs[1:]):
        if (
            text[paragraph.stop - 1] == "?"
            and text[following.stop - 1] != "?"
            and dash_line(article, paragraph) is not None
            and dash_line(article, following) is not None
        ):
            return standfirst(article, paragraph, lambda p: dash_line(article, p) is not None)
    return None


def dash_questions(article: Article) -> frozenset[int]:
    """The paragraphs of dash questions answered undashed ('— Павел, сколько длились съемки?' then
    'Почти два года. …'): two such lines or more, and no dash line answering a dash question."""
    text, paragraphs, bodies = article.text, article.paragraphs, dash_lines(article)
    dashed = [p for p in paragraphs if bodies[p.index] is not None]
    asked = [p for p in dashed if text[p.stop - 1] == "?"]
    following = [paragraphs[p.index + 1] for p in asked if p.index + 1 < len(paragraphs)]
    if any(bodies[p.index] is not None for p in following):
        return frozenset()  # '— …?' then '— …': the answers are dashed too
    found = frozenset(p.index - 1 for p in following if text[p.start].isupper())
    return found if len(found) >= MIN_LABELS else frozenset()


def is_answer(article: Article, lines, index: int) -> bool:
    """A dash line answering the interviewer's question on the line before: speech however short."""
    return (
        index > 0
        and _is_question(article, lines, index - 1)
        and lines[index - 1][0].index + 1 == lines[index][0].index
    )


ANSWER_LABEL = re.compile(r"[А-ЯЁ][\w-]+(?:\s+[А-ЯЁ][\w-]+)?\s*:\s")  # 'Знарок: Турнир получился …'


def _is_question(article: Article, lines, index: int) -> bool:
    """An interviewer's question: ends with '?' and the next dash line, or a line labelled with
    the interviewee's name, answers it."""
    paragraph = lines[index][0]
    following = lines[index + 1][0] if index + 1 < len(lines) else None
    text = article.text
    if text[paragraph.stop - 1] != "?":
        return False
    if following is not None and following.index == paragraph.index + 1 and text[following.stop - 1] != "?":
        return True
    paragraphs = article.paragraphs
    after = paragraphs[paragraph.index + 1] if paragraph.index + 1 < len(paragraphs) else None
    return after is not None and bool(ANSWER_LABEL.match(text, after.start, after.stop))


def _attributed_line(article, paragraph, body, attributions) -> Iterator[Candidate]:
    text, start = article.text, body
    for separator, clause, clause_stop, cue in attributions:
        quote = trimmed(text, start, separator)
        if quote[1] > quote[0]:
            yield Candidate(
                *quote,
                kind="direct",
                rule="dash_dialogue",
                cue=cue,
                region=(clause, clause_stop),
                prefer="after",
            )
        following = SEPARATOR.match(text, clause_stop) or RESUMING_DASH.match(text, clause_stop)
        start = following.end() if following and following.end() < paragraph.stop else paragraph.stop
    if start < paragraph.stop:
        quote = trimmed(text, start, paragraph.stop)
        if words(text, *quote) >= 1:
            last = attributions[-1]
            yield Candidate(
                *quote,
                kind="direct",
                rule="dash_dialogue",
                cue=last[3],
                region=(last[1], last[2]),
                prefer="after",
            )


def _borrowed_attribution(article: Article, lines, index: int):
    """Attribution for an unattributed dash line: a neighbour in its block, or an 'X сказал:' line."""
    paragraph = lines[index][0]
    previous = article.paragraphs[paragraph.index - 1] if paragraph.index else None
    block = [index]
    for step in (-1, 1):
        other = index + step
        while (
            0 <= other < len(lines)
            and abs(lines[other][0].index - lines[block[-1] if step > 0 else block[0]][0].index) == 1
        ):
            block.insert(0, other) if step < 0 else block.append(other)
            other += step
    intro = article.paragraphs[lines[block[0]][0].index - 1] if lines[block[0]][0].index else None
    attributed_before = any(lines[other][2] for other in block if other < index)
    if introduces_speech(article, intro) and not attributed_before:
        cues = article.cues_in(intro.start, intro.stop)
        return (intro.start, intro.stop), cues[-1] if cues else None
    for other in sorted(block, key=lambda i: (abs(i - index), i > index)):
        if lines[other][2]:
            _, clause, clause_stop, cue = lines[other][2][0]
            return (clause, clause_stop), None
    for other in (intro, previous):
        if introduces_speech(article, other):
            cues = article.cues_in(other.start, other.stop)
            return (other.start, other.stop), cues[-1] if cues else None
    return None, None


def introduces_speech(article: Article, paragraph: Paragraph | None) -> bool:
    """'Мэр Москвы Сергей Собянин отметил:' — a colon after a cue or a person, not 'Среди мер:'."""
    if paragraph is None or article.text[paragraph.stop - 1] != ":":
        return False
    return bool(article.cues_in(paragraph.start, paragraph.stop)) or any(
        e.type == "PER" for e in article.entities_in(paragraph.start, paragraph.stop)
    )
