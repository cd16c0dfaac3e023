"""Quotations in quote marks, with the attribution after, inside or before them."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import cached_property, lru_cache

from ..article import Article
from ..cues import is_finite
from ..lexicon import read_list
from ..morph import WORD_CACHE, is_verb, parses
from ..punct import (
    CLOSING_QUOTES,
    COLON,
    DASH,
    DASH_CLASS,
    DASHES,
    OPENING_CLASS,
    QUOTE_CLASS,
    SENTENCE_END_CLASS,
    SENTENCE_ENDS,
    one_of,
)
from ..quotemarks import Quoted, pair_quotes
from ..segment import Paragraph
from .base import (
    FOLLOWED_BY_CLAUSE,
    RELATIVE_WORD,
    SEPARATOR,
    Candidate,
    attribution_cue,
    clause_end,
    has_words,
    sentence_start,
    trimmed,
    words,
)
from .dialogue import introduces_speech
from .reported import back_reference_cue

REPORTING = frozenset(read_list("relay_verbs.txt"))  # what an outlet does: '», пишет газета'

DASHED_CUE_WORDS = 4  # '», — в среду заявил X': after a dash the cue may come a few words in
MIN_STANDALONE_WORDS = 4  # a quoted sentence standing alone: shorter ones are titles or scare quotes
LINK_WORDS = 2  # 'Читайте также: «…»': so few words, no cue and no name before the colon introduce a link
MIN_RESUMED_WORDS = 2  # ... but right after the attribution of the quotation before, it resumes that one
MAX_UNMARKED_PARAGRAPHS = 4  # paragraphs without marks a quotation left open may run over to its closing mark
RESUME = re.compile(
    rf"[,.:]\s*{DASH}\s*|[,.:]\s+-\s*(?=\w)"
)  # ', — продолжение', ', -продолжение' after the attribution
SENTENCE_OPENING_MARK = re.compile(rf"(?:^|{SENTENCE_END_CLASS}\s+){OPENING_CLASS}")  # '… . «Текст'
MARKUP = "'"  # wiki italics left by a scraper around a quotation: ": ''«Текст»''."
LEAD = re.compile(
    rf"{MARKUP}*\s*{one_of(',' + SENTENCE_ENDS)}?\s*(?:{DASH_CLASS}\s*)?"
)  # '», — ' after a closing mark
COMMA_OR_DASH = re.compile(one_of("," + DASHES))
DASH_PATTERN = re.compile(DASH_CLASS)
QUOTE_MARK = re.compile(QUOTE_CLASS)


def quote_marks(article: Article) -> Iterator[Candidate]:
    """«Текст», — заявил X; X заявил: «Текст»; «Текст, — сказал X, — продолжение»."""
    for paragraph in _marked(article):  # a paragraph without any marks pairs none
        stretches = pair_quotes(article.text, paragraph.start, paragraph.stop)
        marks = _Marks(article, paragraph) if stretches else None
        last = None  # the paragraph's last candidate so far
        if stretches and stretches[0].open is None and marks.continued:
            yield from _continued_paragraphs(article, marks.continued[1:])
        for quoted in stretches:
            for candidate in _quoted(article, paragraph, quoted, marks, last):
                last = candidate
                yield candidate


def _marked(article: Article) -> Iterator[Paragraph]:
    """The paragraphs holding a quote mark, in order: each found from its first mark, the search
    then going on past its end."""
    text = article.text
    mark = QUOTE_MARK.search(text)
    while mark:
        paragraph = article.paragraph_at(mark.start())
        if paragraph is None:  # between lines: no paragraph's
            mark = QUOTE_MARK.search(text, mark.end())
            continue
        yield paragraph
        mark = QUOTE_MARK.search(text, paragraph.stop)


class _Marks:
    """Where the marks of one paragraph stand, found once for all its quoted stretches, when first
    asked (the separators at once: every stretch is searched for an interruption)."""

    def __init__(self, article: Article, paragraph: Paragraph):
        self.article, self.paragraph = article, paragraph
        self.separators = [
            m.start() for m in SEPARATOR.finditer(article.text, paragraph.start, paragraph.stop)
        ]

    @cached_property
    def openings(self) -> list[int]:
        start, stop = self.paragraph.start, self.paragraph.stop
        return [start + m.end() - 1 for m in SENTENCE_OPENING_MARK.finditer(self.article.text[start:stop])]

    @cached_property
    def resumes(self) -> list[int]:
        return [
            m.start() for m in RESUME.finditer(self.article.text, self.paragraph.start, self.paragraph.stop)
        ]

    def matches(self, positions: list[int], pattern: re.Pattern, start: int, stop: int) -> Iterator[re.Match]:
        """The matches ``pattern.finditer(text, start, stop)`` gives: they start where the
        paragraph's own matches start, so each is tried there only."""
        for index in range(bisect.bisect_left(positions, start), len(positions)):
            if positions[index] >= stop:
                return
            match = pattern.match(self.article.text, positions[index], stop)
            if match:
                yield match

    @cached_property
    def continued(self) -> list[Paragraph]:
        """The paragraph that left a quotation open and those without marks after it, up to this one."""
        return _open_quotation(self.article, self.paragraph)

    @property
    def continues(self) -> bool:
        return bool(self.continued)


def _quoted(
    article: Article, paragraph: Paragraph, quoted: Quoted, marks: _Marks, last: Candidate | None
) -> Iterator[Candidate]:
    """The candidate of one quoted stretch, by where its attribution stands."""
    text = article.text
    start = quoted.open + 1 if quoted.open is not None else _unopened_start(marks, quoted.close)
    stop = quoted.close if quoted.close is not None else paragraph.stop
    after = quoted.close + 1 if quoted.close is not None else paragraph.stop
    inner = _interruption(marks, start, stop)
    attribution = (
        _after_quote(article, after, paragraph.stop)
        or _attribution_below(article, paragraph, after)
        or _bracketed_attribution(article, after, paragraph.stop)
    )
    if attribution:
        attribution = _wrapped(article, paragraph, attribution)
    lost = quoted.open is not None and quoted.close is None and not inner and _lost_close(marks, start, stop)
    if lost:
        stop, attribution = lost  # '«Текст, — заявил X, который …' whose closing mark was lost
    if inner:
        separator, clause, clause_stop, resume, cue = inner
        for part in ((start, separator), (resume, stop)):
            yield Candidate(
                *trimmed(text, *part),
                kind="direct",
                rule="quote_interrupted",
                cue=cue,
                region=(clause, clause_stop),
            )
        return
    span = trimmed(text, start, stop)
    if span[1] <= span[0]:
        return
    colon = quoted.open is not None and (
        _char_before(text, paragraph.start, quoted.open, dash=True) == COLON
        or words(text, *span) >= MIN_STANDALONE_WORDS and _dash_after_cue(article, paragraph, quoted.open)
    )  # 'анонсировал название альбома — «ПрикуП»' is a title
    announced = quoted.open == paragraph.start and _announcing_paragraph(article, paragraph)
    if attribution and _within_speech(article, paragraph, quoted, colon, after):
        return  # 'Но он выбрал «Локомотив», добавил агент': the sentence is what was said
    if attribution and not (colon and attribution[2].lemma in REPORTING):
        clause, clause_stop, cue = attribution
        yield Candidate(
            *span, kind="direct", rule="quote_then_cue", cue=cue, region=(clause, clause_stop), prefer="after"
        )
        return
    credit = _credit(article, paragraph, span, after) if quoted.close is not None else None
    if credit:
        yield Candidate(*span, kind="direct", rule="quote_credited", cue=None, region=credit, prefer="after")
        return  # '«…».' then '— Татьяна Скригонюк, заместитель начальника пресс-службы'
    if quoted.open is None:
        if marks.continues:  # the last paragraph of a long quotation
            yield Candidate(
                *span,
                kind="direct",
                rule="quote_continued",
                cue=None,
                region=None,
                prefer="before",
                inherit=True,
            )
        return
    if colon or announced:
        intro = (
            sentence_start(article, quoted.open, paragraph)
            if colon
            else _last_sentence_start(article, announced)
        )
        intro_stop = quoted.open if colon else announced.stop
        cues = article.cues_in(intro, intro_stop)
        cue = cues[-1] if cues else None
        if cue is None and (
            not article.entities_in(intro, intro_stop)
            and not has_words(text, intro, intro_stop, LINK_WORDS + 1)
            or _addresses_the_reader(article, intro, intro_stop)
        ):  # 'Читайте также: «…»', 'Подписывайтесь на наш канал в «Дзене»: «…»'
            return
        yield Candidate(
            *span,
            kind="direct",
            rule="colon_quote",
            cue=cue,
            region=(intro, intro_stop),
            prefer="before",
            speaker_case="nomn",
        )
        return
    if (
        _resumes_after(text, last, quoted.open)
        and _ends_sentence(article, paragraph, span)
        and words(text, *span) >= MIN_RESUMED_WORDS
    ):
        yield Candidate(*span, kind="direct", rule="quote_interrupted", cue=last.cue, region=last.region)
        return
    if _is_standalone(article, paragraph, quoted, span):
        referred = _referred_to(article, quoted.close) if quoted.close is not None else None
        if referred:  # '«…». Об этом заявил X.', '«…». Так X ответил на вопрос …'
            sentence, cue = referred
            yield Candidate(
                *span, kind="direct", rule="quote_referred", cue=cue, region=(sentence.start, sentence.stop)
            )
            return
        rule = "open_quote" if quoted.close is None else "standalone_quote"
        yield Candidate(
            *span,
            kind="direct",
            rule=rule,
            cue=None,
            region=None,
            prefer="before",
            inherit=quoted.close is None,
        )


def _addresses_the_reader(article: Article, start: int, stop: int) -> bool:
    """An imperative among the words before a colon: the page speaks to its reader ('Подписывайтесь')."""
    return any(_imperative(t.text.lower()) for t in article.tokens_in(start, stop))


@lru_cache(maxsize=WORD_CACHE)
def _imperative(word: str) -> bool:
    return "impr" in parses(word)[0].tag


CREDIT_DASH = re.compile(rf"(?:{DASH_CLASS}|-)\s*")


def _credit_line(article: Article, paragraph: Paragraph) -> tuple[int, int] | None:
    """The paragraph after a quotation that only credits it: a dash, a person's name and
    perhaps their description, no verb ('— Татьяна Скригонюк, заместитель начальника …')."""
    following = article.paragraphs[paragraph.index + 1 : paragraph.index + 2]
    if not following:
        return None
    line = following[0]
    dash = CREDIT_DASH.match(article.text, line.start, line.stop)
    if dash is None or dash.end() == line.start:
        return None
    names = article.entities_in(dash.end(), line.stop)[:1]
    if not names or names[0].start != dash.end() or names[0].type != "PER":
        return None
    rest = article.text[names[0].stop : line.stop]
    if rest.strip(SENTENCE_ENDS + " ") and not rest.lstrip().startswith(","):
        return None
    if any(is_verb(t.text.lower()) for t in article.tokens_in(names[0].stop, line.stop)):
        return None
    return names[0].start, line.stop


STOPS_ONLY = re.compile(rf"[\s{re.escape(SENTENCE_ENDS)}]*")  # what may follow a quotation credited on the next line


def _credit(article: Article, paragraph: Paragraph, span, after: int) -> tuple[int, int] | None:
    """Where a quotation ending at ``after`` is credited: the next line, when nothing follows it in
    its own, or the rest of its sentence (not after a title: '«Брат» — Алексей Балабанов')."""
    if STOPS_ONLY.match(article.text, after, paragraph.stop).end() == paragraph.stop:
        return _credit_line(article, paragraph)
    credit = _inline_credit(article, after, paragraph.stop)
    return credit if credit and has_words(article.text, *span, MIN_STANDALONE_WORDS) else None


CREDIT_NAME_REACH = 80  # characters after the dash the credited name must lie in


def _inline_credit(article: Article, after: int, stop: int) -> tuple[int, int] | None:
    """'«…», — Олег Рябов, глава комитета по бюджету.': after the closing mark, a dash, a person's
    name and perhaps their description to the sentence's end, no verb: the quotation's credit."""
    lead = LEAD.match(article.text, after, stop)
    if lead is None or not DASH_PATTERN.search(article.text, after, lead.end()):
        return None
    names = article.entities_in(lead.end(), min(stop, lead.end() + CREDIT_NAME_REACH))[:1]
    if not names or names[0].start != lead.end() or names[0].type != "PER":
        return None
    end = clause_end(article.text, names[0].stop, stop)
    rest = article.text[names[0].stop : end]
    if rest.strip(SENTENCE_ENDS + " ") and not rest.startswith(","):
        return None
    if any(is_verb(t.text.lower()) for t in article.tokens_in(names[0].stop, end)):
        return None
    return names[0].start, end


def _announcing_paragraph(article: Article, paragraph: Paragraph) -> Paragraph | None:
    """The paragraph before, when it announces this one's quotation ('Кротов сказал:' then '«…')."""
    if paragraph.index == 0:
        return None
    previous = article.paragraphs[paragraph.index - 1]
    return previous if introduces_speech(article, previous) else None


def _last_sentence_start(article: Article, paragraph: Paragraph) -> int:
    return sentence_start(article, paragraph.stop - 1, paragraph)


def _resumes_after(text: str, last: Candidate | None, open_mark: int) -> bool:
    """The quotation opens right after the attribution of the one before ('«А», — сказал X. «Б».')."""
    if last is None or last.rule != "quote_then_cue" or last.region is None or last.region[1] > open_mark:
        return False
    return not text[last.region[1] : open_mark].strip(" " + SENTENCE_ENDS + DASHES)


def _open_quotation(article: Article, paragraph: Paragraph) -> list[Paragraph]:
    """The paragraph before this one that left a quotation open («… with no closing mark), with
    the paragraphs without any mark between them (the quotation runs over them): [] when none."""
    text, run = article.text, []
    for index in range(paragraph.index - 1, max(paragraph.index - 2 - MAX_UNMARKED_PARAGRAPHS, -1), -1):
        previous = article.paragraphs[index]
        run.append(previous)
        if QUOTE_MARK.search(text, previous.start, previous.stop) is None:
            continue
        opened = any(q.close is None for q in pair_quotes(text, previous.start, previous.stop))
        return run[::-1] if opened else []
    return []


def _continued_paragraphs(article: Article, paragraphs: list[Paragraph]) -> Iterator[Candidate]:
    """The paragraphs without marks inside a quotation that opened before them and closes after."""
    for paragraph in paragraphs:
        span = trimmed(article.text, paragraph.start, paragraph.stop)
        if span[1] > span[0]:
            yield Candidate(*span, kind="direct", rule="quote_continued", prefer="before", inherit=True)


def _unopened_start(marks: _Marks, close: int) -> int:
    """Where a quotation whose opening mark is lost begins: a sentence opening with a mark, else
    the paragraph when it goes on with a quotation the one before left open, else this sentence."""
    index = bisect.bisect_left(marks.openings, close) - 1  # the last opening before the closing mark
    if index >= 0:
        return marks.openings[index]
    if marks.continues:
        return marks.paragraph.start
    return sentence_start(marks.article, close, marks.paragraph)


RELATIVE_AFTER = re.compile(rf",\s*(?:[а-яё]+\s+)?{RELATIVE_WORD}", re.I)  # names no one who speaks


def _within_speech(article: Article, paragraph: Paragraph, quoted: Quoted, colon: bool, after: int) -> bool:
    """A name or phrase quoted inside a sentence without a cue before it, the attribution
    after it set off by a comma alone: the words before the mark are part of what was said."""
    if quoted.open is None or colon or DASH_PATTERN.search(article.text[after : after + 3]):
        return False
    start = sentence_start(article, quoted.open, paragraph)
    return has_words(article.text, start, quoted.open, 1) and not article.cues_in(start, quoted.open)


def _after_quote(article: Article, start: int, stop: int):
    """An attribution right after a closing mark: '», — заявил X.' or '», пишет газета'."""
    lead = LEAD.match(article.text, start, stop)
    if lead is None or lead.end() == start or lead.end() >= stop and stop - start > 0 and lead.end() == stop:
        return None
    if not COMMA_OR_DASH.search(article.text[start : lead.end()]):
        return None
    clause = lead.end()
    dashed = bool(DASH_PATTERN.search(article.text[start:clause]))
    cue = (
        attribution_cue(article, clause, stop, within=DASHED_CUE_WORDS)
        if dashed
        else article.first_cue(clause, stop, within=1)
    )
    if cue is None or not is_finite(cue) or FOLLOWED_BY_CLAUSE.match(article.text, cue.stop, stop):
        return None
    if dashed and SEPARATOR.search(article.text, clause, cue.start):
        return None  # '«Спартак» - великий клуб, - заявил X': the name opens the words said, their own attribution follows
    end = clause_end(article.text, clause, stop)
    relative = RELATIVE_AFTER.search(article.text, cue.stop, end)  # '— сказал X, которого цитирует Y'
    return clause, relative.start() if relative else end, cue


BRACKET_REACH = 200  # characters after the cue searched for the bracket closing its attribution
BRACKET_LEAD = re.compile(r"\s*\((?:так\s+|как\s+)?", re.I)  # '«…» (так прокомментировал X)'


def _bracketed_attribution(article: Article, after: int, stop: int):
    """An attribution in brackets right after the closing mark: '«…» (так прокомментировал X).'"""
    lead = BRACKET_LEAD.match(article.text, after, stop)
    if lead is None:
        return None
    cue = article.first_cue(lead.end(), stop, within=1)
    if cue is None or cue.start != lead.end() or not is_finite(cue):
        return None
    close = article.text.find(")", cue.stop, min(stop, cue.stop + BRACKET_REACH))
    return lead.end(), close if close != -1 else clause_end(article.text, cue.stop, stop), cue


LINE_BROKEN = re.compile(rf"\s*,\s*(?:{DASH_CLASS}\s*)?|\s*{DASH_CLASS}\s*")  # '»,' or '», —' ending its line


def _attribution_below(article: Article, paragraph: Paragraph, after: int):
    """The attribution of a line that breaks off after its quotation's comma or dash: the next
    line, opened by a dash ('«…»,' then '— заявил X.')."""
    if paragraph.index + 1 == len(article.paragraphs) or after >= paragraph.stop:
        return None
    if not LINE_BROKEN.fullmatch(article.text, after, paragraph.stop):
        return None
    below = article.paragraphs[paragraph.index + 1]
    if article.text[below.start] not in DASHES:
        return None
    return _after_quote(article, below.start, below.stop)


def _wrapped(article: Article, paragraph: Paragraph, attribution):
    """An attribution whose line breaks off before its sentence ends ('— заявил' then 'директор
    завода X.' on the next line) with the words of that next line up to its clause's end."""
    clause, clause_stop, cue = attribution
    line = article.paragraph_at(clause)
    if line is None or clause_stop != line.stop or article.text[line.stop - 1] in SENTENCE_ENDS + ",":
        return attribution
    below = article.paragraphs[line.index + 1 : line.index + 2]
    if not below or not article.text[below[0].start].islower():
        return attribution
    return clause, clause_end(article.text, below[0].start, below[0].stop), cue


def _lost_close(marks: _Marks, start: int, stop: int):
    """Where an unclosed quotation ends, and its attribution: before the first ', — заявил X'."""
    for match in marks.matches(marks.separators, SEPARATOR, start, stop):
        attribution = _after_quote(marks.article, match.start(), stop)
        if attribution:
            return match.start(), attribution
    return None


def _interruption(marks: _Marks, start: int, stop: int):
    """'Текст, — сказал X, — продолжение' inside one pair of quote marks."""
    for match in marks.matches(marks.separators, SEPARATOR, start, stop):
        cue = attribution_cue(marks.article, match.end(), stop)
        resume = cue and next(marks.matches(marks.resumes, RESUME, cue.stop, stop), None)
        if resume:
            return match.start(), match.end(), resume.start(), resume.end(), cue
    return None


def _referred_to(article: Article, close: int):
    """The sentence after a quoted one that points back to it as what was said, and its cue."""
    sentence = article.sentence_at(close)
    if sentence is None:
        return None
    following = article.sentence_at(_next_word(article.text, sentence.stop))
    if following is None or following.paragraph > sentence.paragraph + 1:
        return None
    cue = back_reference_cue(article, following, so_said=True)
    return (following, cue) if cue else None


def _next_word(text: str, position: int) -> int:
    while position < len(text) and not text[position].isalnum():
        position += 1
    return position


def _is_standalone(article: Article, paragraph: Paragraph, quoted, span) -> bool:
    """A whole sentence in quote marks, standing as a sentence of its own."""
    before = _char_before(article.text, paragraph.start, quoted.open)
    starts_sentence = not before or before in SENTENCE_ENDS + CLOSING_QUOTES
    return (
        starts_sentence
        and _ends_sentence(article, paragraph, span)
        and words(article.text, *span) >= MIN_STANDALONE_WORDS
    )


def _ends_sentence(article: Article, paragraph: Paragraph, span) -> bool:
    """The quoted words open with a capital and end their sentence ('«Ребята молодцы».')."""
    text, after = article.text, span[1]
    while after < paragraph.stop and text[after] in " " + CLOSING_QUOTES + MARKUP:
        after += 1
    return text[span[0]].isupper() and (after == paragraph.stop or text[after] in SENTENCE_ENDS)


DASH_INTRO_WORDS = 3  # 'отметил в беседе с нами — «…»': words between the cue and a dash standing for a colon


def _dash_after_cue(article: Article, paragraph: Paragraph, open_mark: int) -> bool:
    """'Министр отметил — «…»': a dash standing for the colon after a finite speech verb of its
    sentence (a few words may follow the verb; no comma)."""
    text, position = article.text, open_mark
    while position > paragraph.start and text[position - 1].isspace():
        position -= 1
    if position == paragraph.start or text[position - 1] not in DASHES or not text[position - 2 : position - 1].isspace():
        return False
    start = sentence_start(article, position - 1, paragraph)
    cues = article.cues_in(start, position - 1)
    if not cues or not is_finite(cues[-1]):
        return False
    between = text[cues[-1].stop : position - 1]
    return "," not in between and not has_words(text, cues[-1].stop, position - 1, DASH_INTRO_WORDS + 1)


def _char_before(text: str, start: int, position: int, dash: bool = False) -> str:
    """The last character of ``text[start:position]`` that is not a space or markup ('' when none);
    with ``dash``, not one dash either ('Иван Петров: — «…»')."""
    while position > start and (text[position - 1].isspace() or text[position - 1] == MARKUP):
        position -= 1
    if dash and position > start and text[position - 1] in DASHES:
        return _char_before(text, start, position - 1)
    return text[position - 1] if position > start else ""
