"""What every rule shares: the candidate record, text measures and clause boundaries."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from ..article import Article
from ..model import Cue
from ..morph import parses
from ..punct import (
    AMBIGUOUS_QUOTES,
    CLOSE_QUOTES,
    CLOSING_QUOTES,
    DASH,
    DASH_CLASS,
    DASHES,
    OPEN_QUOTES,
    OPENING_QUOTES,
    SENTENCE_ENDS,
    SPACED_DASH,
    one_of,
)
from ..quotemarks import pair_quotes
from ..segment import Paragraph
from .scan import Screened

AFTER_PHRASE = "(?<=" + one_of("," + SENTENCE_ENDS) + ")"  # a comma or sentence end just before
SEPARATOR = Screened(  # ', — сказал' ',- сказал' ', -сказал'
    re.compile(rf"{AFTER_PHRASE}\s*{DASH}\s*|{AFTER_PHRASE}\s*-\s+|{AFTER_PHRASE}\s*-(?=[а-яё])"),
    re.compile(rf"{one_of(',' + SENTENCE_ENDS)}(?=\s*{DASH_CLASS})"),  # the comma or stop, a dash after it
    lead=1,
)

RELATIVE_WORD = r"(?:котор|чей|чь[яеёи])"  # 'который', 'чьи слова': a clause about the word before it
THAT = re.compile(
    r",?\s*(?:(?:о|в|на)\s+том\s*,\s*)?(?:что|чтобы)\b(?!-)\s*", re.I
)  # not 'что-то', 'что-нибудь': a pronoun

INITIAL_STOP = r"(?<=(?<!\w)[А-ЯЁA-Z])\."  # the full stop of an initial: 'сказал А. Петров'
CLAUSE_END = re.compile(rf"(?!{INITIAL_STOP}){one_of(SENTENCE_ENDS + ';')}(?=\s|$)|{SPACED_DASH}|:\s")

JOINT = r",\s*(?:но|а|однако|и|при этом)\s+"  # ', но …', ', а …': where a new clause may start
CONTENT_CUT = re.compile(
    JOINT + r"(?:\w+\s+){0,2}?(?=\w+,?\s+что\b)"
    rf"|:\s*(?={one_of(OPENING_QUOTES + DASH)})"
)

WORD = re.compile(r"\w+")
JOINT_PATTERN = re.compile(JOINT)
COMMA = re.compile(rf",\s*(?:{DASH}\s*)?")  # a comma, perhaps with a dash: ', — '
JOINED_CUE_WORDS = 12  # ', а X заявил, что …': a cue this near a joint starts new reported speech
COMMA_CUE_WORDS = 3  # '…, добавил он': a cue this near a comma ends the content before it
MAX_CONTENT = 3000  # characters: reported content never runs longer (a bound for run-on lines)
MAX_CLAUSE = 300  # characters: an attribution clause never runs longer (a bound for run-on lines)
MAX_REGION = 1000  # characters: a speaker is named this close to the cue (a bound for run-on lines)
JOINT_WINDOW = JOINED_CUE_WORDS + 4  # tokens before a cue where such a joint's comma can stand
TRIM = " \t\n,;:" + DASHES
MAX_DATELINE = 80  # characters: a dateline opening a paragraph is never longer

SUBORDINATE = re.compile(
    r"(?i)(?:что|чтобы|как|который|которая|которое|которые|где|когда|если|хотя|потому|поскольку|так|но|а|и|или|не)\b"
)

FOLLOWED_BY_CLAUSE = re.compile(
    r"(?:\s+\w+){0,3}?\s*,?\s*\b(?:(?:о|в|на)\s+том\s*,\s*)?(?:что|чтобы|кто|как|где|когда|почему|зачем|ли)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A quotation span with where to look for its speaker."""

    start: int
    stop: int
    kind: str
    rule: str
    cue: Cue | None = None
    region: tuple[int, int] | None = None  # where the speaker is named
    prefer: str = "after"  # which side of the cue the speaker usually stands
    inherit: bool = False  # take the speaker of the next candidate when it has no region
    speaker_case: str | None = None  # the speaker's case: 'gent' after 'по словам'; None: nominative
    unattributed: bool = False  # no speaker is guessed when none is named (an interviewer's question)


def trimmed(text: str, start: int, stop: int, extra: str = "") -> tuple[int, int]:
    """``[start, stop)`` without surrounding spaces, dashes, commas and the given marks."""
    chars = TRIM + extra
    while start < stop and text[start] in chars:
        start += 1
    while stop > start and text[stop - 1] in chars:
        stop -= 1
    return start, stop


def with_closing_mark(text: str, start: int, stop: int) -> tuple[int, int]:
    """``[start, stop)`` with the mark right after it that closes a quotation opened inside it
    ('Игрок выбрал «Локомотив»'): marks that always open outnumber those that always close, or an
    odd number of ambiguous ones stands inside."""
    if stop >= len(text) or text[stop] not in CLOSING_QUOTES:
        return start, stop
    inside = text[start:stop]
    opened = sum(map(inside.count, OPEN_QUOTES)) > sum(map(inside.count, CLOSE_QUOTES))
    odd = text[stop] in AMBIGUOUS_QUOTES and sum(map(inside.count, AMBIGUOUS_QUOTES)) % 2 == 1
    return (start, stop + 1) if (opened and text[stop] in CLOSE_QUOTES) or odd else (start, stop)


def unquoted(text: str, start: int, stop: int) -> tuple[int, int]:
    """Without one pair of quote marks around the whole: '«Мы не будем продавать «Норникель»»'."""
    if stop - start > 2 and text[start] in OPENING_QUOTES and text[stop - 1] in CLOSING_QUOTES:
        return start + 1, stop - 1
    return start, stop


def verbatim(text: str, start: int, stop: int) -> tuple[int, int] | None:
    """The words inside the one pair of quote marks that wraps ``[start, stop)`` whole
    ('что «бригады работают круглосуточно»'), None when the marks are not one pair ('«А» и «Б»')."""
    if stop - start <= 2 or text[start] not in OPENING_QUOTES or text[stop - 1] not in CLOSING_QUOTES:
        return None
    stretches = pair_quotes(text, start, stop)
    whole = len(stretches) == 1 and stretches[0].open == start and stretches[0].close == stop - 1
    return (start + 1, stop - 1) if whole else None


def has_words(text: str, start: int, stop: int, count: int) -> bool:
    """Whether ``text[start:stop]`` holds at least ``count`` words (stops counting there)."""
    return count <= 0 or _words_at_least(count).match(text, start, stop) is not None


@lru_cache(maxsize=64)
def _words_at_least(count: int) -> re.Pattern:
    """``count`` words (``WORD`` matches) from where it is matched on: each the non-word characters
    before it and its letters, taken whole (the two classes are apart), so it never backs off."""
    return re.compile(rf"(?:\W*+\w++){{{count}}}")


def words(text: str, start: int, stop: int) -> int:
    return len(WORD.findall(text, start, stop))


def clause_end(text: str, start: int, stop: int) -> int:
    """Where an attribution clause starting at ``start`` ends (sentence end, dash, colon, quote)."""
    stop = min(stop, start + MAX_CLAUSE)
    match = CLAUSE_END.search(text, start, stop)
    return match.start() + (1 if match and text[match.start()] in SENTENCE_ENDS else 0) if match else stop


def content_end(article: Article, start: int, stop: int) -> int:
    """Where reported content ends: before a new cue clause, a colon before a quote, an attribution.

    Every scan is driven by the cues ahead, so the work does not grow with the text left.
    """
    text = article.text
    stop = min(stop, start + MAX_CONTENT)
    cut = CONTENT_CUT.search(text, start, stop)
    end = cut.start() if cut else stop
    joint = _first_joint(article, start, end)
    end = end if joint is None else joint
    comma = _first_attribution_comma(article, start, end)
    return end if comma is None else comma


def _first_joint(article: Article, start: int, end: int) -> int | None:
    """Where the first ', но X сказал, что' in ``[start, end)`` starts: a joint before a new cue clause.

    Joints and cues are walked together, each once: a joint is checked only near a cue followed by
    a clause, and the walk jumps to the next such cue's neighbourhood.
    """
    text = article.text
    cues = (c for c in article.iter_cues(start, end) if FOLLOWED_BY_CLAUSE.match(text, c.stop, end))
    joint, cue = JOINT_PATTERN.search(text, start, end), None
    while joint is not None:
        while cue is None or cue.start < joint.end():
            cue = next(cues, None)
            if cue is None:
                return None
        window = article.token_start_before(cue.start, JOINT_WINDOW)
        if joint.start() < window:
            joint = JOINT_PATTERN.search(text, window, end)
            continue
        if _opens_cue_clause(article, joint.end(), end):
            return joint.start()
        joint = JOINT_PATTERN.search(text, joint.start() + 1, end)
    return None


def _opens_cue_clause(article: Article, clause: int, end: int) -> bool:
    """A cue within ``JOINED_CUE_WORDS`` words of ``clause`` is followed by a clause ('заявил, что')."""
    text = article.text
    following = islice(article.iter_cues(clause, end), JOINED_CUE_WORDS + 1)  # one cue per word at most
    return any(
        not has_words(text, clause, c.start, JOINED_CUE_WORDS + 1)
        and FOLLOWED_BY_CLAUSE.match(text, c.stop, end)
        for c in following
    )


def _first_attribution_comma(article: Article, start: int, end: int) -> int | None:
    """The first comma in ``[start, end)`` opening an attribution ('…, отметил он') with no 'что' after it.

    Commas and cues are walked together: a comma is checked only when a cue follows it closely.
    """
    text = article.text
    that = text.rfind("что", start, end)
    comma = COMMA.search(text, start if that == -1 else that + 1, end)
    while comma is not None:
        cue = next(article.iter_cues(comma.end(), end), None)
        if cue is None:
            return None
        window = article.token_start_before(cue.start, COMMA_CUE_WORDS)
        if comma.start() < window:
            comma = COMMA.search(text, window, end)
            continue
        cue = article.first_cue(comma.end(), end, within=COMMA_CUE_WORDS)
        if cue and not is_attributive(cue):  # '…, заключенные при участии РФ, …' describes, not attributes
            return comma.start()
        comma = COMMA.search(text, comma.start() + 1, end)
    return None


SUBJECT_PRONOUNS = frozenset({"он", "она", "они"})


def attribution_cue(article: Article, start: int, stop: int, within: int = 4) -> Cue | None:
    """The cue of an attribution starting at ``start`` (after '», —' or ', —'): a cue of the
    lexicon among its first words, else any verb standing first with its subject after it
    ('— вздохнул Петров', '— усмехнулся он'): that inversion marks an attribution by itself."""
    return article.first_cue(start, stop, within=within) or _inverted_verb(article, start, stop)


INVERTED_SUBJECT_WORDS = 4  # '— возмущался после игры капитан': the subject within these words of the verb


def _inverted_verb(article: Article, start: int, stop: int) -> Cue | None:
    words = article.tokens_in(start, stop)[: INVERTED_SUBJECT_WORDS + 1]
    if len(words) < 2 or words[0].start != start:
        return None
    verb = parses(words[0].text.lower())[0]
    if "VERB" not in verb.tag or "impr" in verb.tag or "1per" in verb.tag or "2per" in verb.tag:
        return None
    named = {e.start for e in article.entities_in(words[1].start, stop) if e.type == "PER"}
    if not any(_subject(word, named) for word in words[1:]):
        return None
    return Cue(words[0].start, words[0].stop, words[0].text, verb.normal_form)


def _subject(word, named: set[int]) -> bool:
    """A person named, a subject pronoun or an animate noun in the nominative."""
    noun = parses(word.text.lower())[0].tag
    return (
        word.start in named
        or word.text.lower() in SUBJECT_PRONOUNS
        or {"NOUN", "nomn", "anim"} <= noun.grammemes
    )


def is_attributive(cue: Cue) -> bool:
    """A cue written as a full participle ('заключенные', 'сказанные'): it describes a noun."""
    return "PRTF" in parses(cue.text.split()[0].lower())[0].tag


AGENCY = r"[A-ZА-ЯЁ][A-ZА-ЯЁ.-]+(?:\s[A-ZА-ЯЁ][A-ZА-ЯЁ.-]+){0,2}"  # 'INTERFAX.RU', 'ИА REGNUM'
DATE = r"\d{1,2}\s+[а-яё]+(?:,?\s+\d{4})?"
DATELINE = re.compile(
    # 'ОМСК, 3 марта. /ТАСС/. ', 'МОСКВА, 1 марта (Рейтер) - ', 'КАЗАНЬ, 5 июля - РИА Новости. '
    rf"[А-ЯЁ][А-ЯЁ-]+(?:\s[А-ЯЁ][А-ЯЁ-]+)*,\s+{DATE}"
    r"(?:\s*\([^()\n]{1,40}\)\s*[—-]\s*"
    r"|\.?\s*/[^/\n]{1,40}/\.?\s*(?:[—-]\s*)?"
    r"|\s*[—-]\s*(?:[А-ЯЁA-Z][\w.-]*\s?){1,3}\.\s+"
    r"|\s*[—-]\s*)"
    # 'Москва. 5 октября. INTERFAX.RU - ', 'Новосибирск, 3 марта 2024, 14:05 — ИА REGNUM '
    rf"|[А-ЯЁ][\w-]+(?:\s[А-ЯЁ][\w-]+)*\.\s+{DATE}\.\s+{AGENCY}\s*[—-]\s*"
    rf"|[А-ЯЁ][\w-]+(?:\s[А-ЯЁ][\w-]+)*,\s+{DATE}(?:,\s*\d{{1,2}}:\d{{2}})?\s*[—-]\s*{AGENCY}"
    r"(?:\.\s+|\s+(?=[А-ЯЁA-Z«\"]))"
)


def content_start(article: Article, sentence) -> int:
    """Where a sentence's own words begin: past a wire dateline opening its paragraph (which may
    hold sentence ends: 'Москва. 5 октября. INTERFAX.RU - …')."""
    paragraph = article.paragraphs[sentence.paragraph]
    if sentence.start - paragraph.start > MAX_DATELINE:
        return sentence.start
    dateline = DATELINE.match(article.text, paragraph.start, paragraph.stop)
    return (
        max(sentence.start, dateline.end()) if dateline and dateline.end() < sentence.stop else sentence.start
    )


def sentence_start(article: Article, position: int, paragraph: Paragraph) -> int:
    sentence = article.sentence_at(position)
    return sentence.start if sentence and sentence.start >= paragraph.start else paragraph.start


COMMENTS_HEADER = re.compile(
    r"(?i)(?:комментари[ия]|отзывы|обсуждение)(?:\s*\(?\d+\)?)?:?"
)  # readers below it


def comments_start(article: Article) -> int | None:
    """The index of the first paragraph below a 'Комментарии' line (readers' comments), if any."""
    header = next((p.index for p in article.paragraphs if COMMENTS_HEADER.fullmatch(p.text.strip())), None)
    return header + 1 if header is not None else None
