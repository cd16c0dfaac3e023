"""Whole lines: headlines 'Текст — Фамилия', 'X сказал:' speech and the paragraphs continuing it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..article import Article
from ..cues import is_authorial, is_finite
from ..lexicon import read_list
from ..model import Cue
from ..morph import parses, words_pattern
from ..punct import CLOSING_QUOTES, COLON, DASH, SENTENCE_ENDS, SPACED_DASH
from .base import Candidate, comments_start, has_words, sentence_start, trimmed, unquoted, words
from .dialogue import dash_line
from .leads import UNPUNCTUATED_SPEECH_WORDS
from .reported import source_phrases_in

COLON_SPEECH = re.compile(rf":\s+(?:{DASH}\s*|-\s+)?(?=[А-ЯЁ])")  # 'сказал: Мы …', 'признался: - Игра …'


COLON_CLAUSE = re.compile(r":\s+(?=[а-яё])")  # 'предложил: если …' — reported content, not verbatim
TOPIC = re.compile(r"(?i)(?<!\w)(?:о|об|обо|про)(?!\w)")
COLON_CUE_WORDS = 3  # 'заявил журналистам: если …': the cue stands this close before such a colon


def colon_speech(article: Article) -> Iterator[Candidate]:
    """'Песков сказал: Мы готовы.' and 'X заявил:' (or any line naming a person and ending in a
    colon: 'Путин подписал указ, которым …:') followed by a paragraph of speech, marks lost;
    'X предложил: если …' (a lowercase clause after the cue's colon) is reported content."""
    text, paragraphs = article.text, article.paragraphs
    comments = article.once(comments_start)
    yield from _colon_clauses(article)
    for paragraph in paragraphs:
        if ":" not in paragraph.text:
            continue  # no colon, and none ending it
        for colon in COLON_SPEECH.finditer(text, paragraph.start, paragraph.stop):
            intro = sentence_start(article, colon.start(), paragraph)
            cues = article.cues_in(intro, colon.start())
            short = words(text, intro, colon.start()) <= MAX_INTRO_WORDS
            named = (comments is None or paragraph.index < comments) and _name_ends_at(article, colon.start())
            introduced = short and (cues and is_finite(cues[-1]) or named)
            if not introduced and not _announced_speech(article, intro, colon):
                continue
            span = trimmed(text, colon.end(), _narration_after(article, colon.end(), paragraph.stop))
            yield Candidate(
                *span,
                kind="direct",
                rule="colon_speech",
                cue=cues[-1] if cues else None,
                region=(intro, colon.start()),
                prefer="before",
            )
            break
        else:
            if text[paragraph.stop - 1] != ":" or paragraph.index + 1 >= len(paragraphs):
                continue
            intro = sentence_start(article, paragraph.stop - 1, paragraph)
            cue = _announcing(article, intro, paragraph.stop)
            speech = paragraphs[paragraph.index + 1]
            person = _names_person(article, intro, paragraph.stop)
            if (cue or person and not NARRATION_START.match(text, speech.start)) and _speech_line(
                article, speech
            ):
                span = trimmed(text, speech.start, speech.stop)
                yield Candidate(
                    *span,
                    kind="direct",
                    rule="colon_speech",
                    cue=cue,
                    region=(intro, paragraph.stop),
                    prefer="before",
                )
                yield from _continued(article, speech)


def _announced_speech(article: Article, intro: int, colon) -> bool:
    """An announcing word right before the colon and a capitalised sentence of speech after it
    ('…, который отшучивается словами: В моём возрасте …')."""
    text = article.text
    before = article.tokens_in(max(intro, colon.start() - 30), colon.start())[-1:]
    if not before or not text[colon.end() : colon.end() + 1].isupper():
        return False
    return any(p.normal_form in article.lexicon.announcers for p in parses(before[0].text.lower()))


def _name_ends_at(article: Article, position: int) -> bool:
    """'… разделил директор института Александр Дынкин: Нет …': a person's name right before the colon."""
    return any(
        e.type == "PER" and not article.text[e.stop : position].strip()
        for e in article.entities_in(max(0, position - NAME_REACH), position)
    )


def _narration_after(article: Article, start: int, stop: int) -> int:
    """Where speech after a colon gives way to narration about its speaker ('Он также отметил, что …')."""
    for sentence in article.sentences_in(start, stop):
        if (
            sentence.start > start
            and NARRATION_START.match(article.text, sentence.start)
            and article.cues_in(sentence.start, sentence.stop)
        ):
            return sentence.start
    return stop


NAME_REACH = 60  # characters before a colon searched for the name ending there
SUBJECT_WORDS = 3  # an announcing line's subject ('Внук премьер-министра …:') stands among its first words


def _names_person(article: Article, start: int, stop: int) -> bool:
    """A person is named in the line, or a person noun opens it as its subject ('Очевидец …')."""
    return any(e.type == "PER" for e in article.entities_in(start, stop)) or any(
        {"NOUN", "nomn", "anim"} <= parses(t.text.lower())[0].tag.grammemes
        for t in article.tokens_in(start, stop)[:SUBJECT_WORDS]
    )


def _colon_clauses(article: Article) -> Iterator[Candidate]:
    text = article.text
    for sentence in article.sentences:
        if ":" not in sentence.text:
            continue
        for colon in COLON_CLAUSE.finditer(text, sentence.start, sentence.stop):
            window = article.token_start_before(colon.start(), COLON_CUE_WORDS)
            cues = article.cues_in(max(window, sentence.start), colon.start())
            if not cues or not is_finite(cues[-1]) or is_authorial(cues[-1]):
                continue
            if TOPIC.search(text, cues[-1].stop, colon.start()):  # 'рассказал о планах: стройке …' lists them
                continue
            span = trimmed(text, colon.end(), sentence.stop, SENTENCE_ENDS)
            if has_words(text, *span, MIN_SPEECH_WORDS):
                intro = (sentence.start, colon.start())
                yield Candidate(
                    *span, kind="indirect", rule="colon_speech", cue=cues[-1], region=intro, prefer="before"
                )
            break


NARRATION_START = re.compile(r"(?i)(?:он|она|оно|они)\b")  # 'X и Y:' then 'Они проверят …': about them
MAX_INTRO_WORDS = 15  # 'X заявил:' introducing speech: a longer sentence before the colon is narration
MIN_HEADLINE_WORDS = 3  # 'Текст — Фамилия': fewer words before the dash are a caption
MIN_ANSWER_WORDS = 2  # 'Имя: …' interview lines: one word after the colon is a label
MIN_SPEECH_WORDS = 3  # 'Да, это так.' is speech; two words are a caption
MAX_CONTINUED = 8  # paragraphs a colon-introduced quotation runs on over
FIRST_PERSON = re.compile(words_pattern(read_list("first_person.txt")), re.I)


def _announcing(article: Article, start: int, stop: int) -> Cue | None:
    """The cue of a line that announces speech on the next: a speech verb in any form but the
    article's own voice ('сказав журналистам:') or a source phrase ('по его словам, …:'), else an announcing word ('оставил запись:', 'назвал так:')."""
    cues = [c for c in article.cues_in(start, stop) if not is_authorial(c)]
    cues = cues or source_phrases_in(article, start, stop)  # 'по его словам, он сбежал:'
    if cues:
        return cues[-1]
    for token in reversed(article.tokens_in(start, stop)):
        found = next(
            (
                p.normal_form
                for p in parses(token.text.lower())
                if p.normal_form in article.lexicon.announcers
            ),
            None,
        )
        if found:
            return Cue(token.start, token.stop, token.text, found)
    return None


def _speech_line(article: Article, speech) -> bool:
    """A paragraph that can be the speech a colon announced: a capital, enough words, an end."""
    text = article.text
    count = words(text, speech.start, speech.stop)
    ended = text[speech.stop - 1] in SENTENCE_ENDS + CLOSING_QUOTES
    return (
        text[speech.start].isupper()
        and count >= MIN_SPEECH_WORDS
        and (ended or count >= UNPUNCTUATED_SPEECH_WORDS)
        and not dash_line(article, speech)
    )


def _continued(article: Article, speech) -> Iterator[Candidate]:
    """The next paragraphs of a colon-introduced quotation: first-person speech, no new intro."""
    text, paragraphs = article.text, article.paragraphs
    for following in paragraphs[speech.index + 1 : speech.index + 1 + MAX_CONTINUED]:
        if (
            text[following.stop - 1] == ":"
            or not _speech_line(article, following)
            or not FIRST_PERSON.search(text, following.start, following.stop)
        ):
            return
        span = trimmed(text, following.start, following.stop)
        yield Candidate(*span, kind="direct", rule="quote_continued", inherit=True)


SITE_SUFFIX = re.compile(
    rf"(?:{SPACED_DASH}[^{DASH}\s][^{DASH}]{{0,30}})?"
)  # 'Токаев - Караван': the site's name
TOPIC_TAIL = re.compile(r"\s+(?:о|об|обо|про)\s+[^.!?:;()]{1,60}")  # '«…» — Песков о переговорах'
SPACED_DASH_PATTERN = re.compile(SPACED_DASH)
LOWERCASE_WORDS = re.compile(r"(?:[а-яё-]+\s+){0,3}")  # 'заявил глава ведомства' before a name
LABEL_COLON = re.compile(r"\s*:\s+")  # 'Мустафа Джемилев: …'


def headline(article: Article) -> Iterator[Candidate]:
    """'Текст - Фамилия': a line without final punctuation ending in a person's name, or in the
    name and what the words are about ('«…» — Песков о переговорах')."""
    text = article.text
    for paragraph in article.paragraphs:
        if text[paragraph.stop - 1] in SENTENCE_ENDS + COLON:
            continue
        last = [  # a name can only end the line: look for it once
            e
            for e in article.entities_in(paragraph.start, paragraph.stop)
            if e.type == "PER"
            and (
                SITE_SUFFIX.fullmatch(text, e.stop, paragraph.stop)
                or TOPIC_TAIL.fullmatch(text, e.stop, paragraph.stop)
            )
        ]
        if not last:
            continue
        for match in SPACED_DASH_PATTERN.finditer(text[paragraph.start : paragraph.stop]):
            name_start = paragraph.start + match.end()
            person = next((e for e in last if e.start >= name_start), None)
            if person and not LOWERCASE_WORDS.fullmatch(text, name_start, person.start):
                person = None
            if person is None:
                continue
            quote = unquoted(text, *trimmed(text, paragraph.start, paragraph.start + match.start()))
            if has_words(text, *quote, MIN_HEADLINE_WORDS):
                yield Candidate(
                    *quote, kind="direct", rule="headline", cue=None, region=(person.start, person.stop)
                )
                break
