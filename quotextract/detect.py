"""Candidate quotations: small named rules in priority order; the first to claim a span wins."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .article import Article
from .cues import is_authorial, is_finite
from .model import Cue
from .morph import parses
from .quotemarks import pair_quotes
from .segment import Paragraph

DASH = "[—-]"
SEPARATOR = re.compile(r"(?<=[,!?….])\s*—\s*|(?<=[,!?….])\s+-\s+")
LEADING_DASH = re.compile(r"[—-]\s*(?=\S)")
THAT = re.compile(r",?\s*(?:(?:о|в|на)\s+том\s*,\s*)?(?:что|чтобы)\b\s*", re.I)
CLAUSE_END = re.compile(r"[.!?…;](?=\s|$)|\s[—-]\s|:\s")
CONTENT_CUT = re.compile(r",\s*(?:но|а|однако|и|при этом)\s+(?:\w+\s+){0,2}?(?=\w+,?\s+что\b)|:\s*(?=[«„“\"—])")
TRIM = " \t\n,;:—-"
SUBORDINATE = re.compile(r"(?i)(?:что|чтобы|как|который|которая|которое|которые|где|когда|если|хотя|потому|поскольку|так|но|а|и|или|не)\b")


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


def trimmed(text: str, start: int, stop: int, extra: str = "") -> tuple[int, int]:
    """``[start, stop)`` without surrounding spaces, dashes, commas and the given marks."""
    chars = TRIM + extra
    while start < stop and text[start] in chars:
        start += 1
    while stop > start and text[stop - 1] in chars:
        stop -= 1
    return start, stop


def words(text: str, start: int, stop: int) -> int:
    return len(re.findall(r"\w+", text[start:stop]))


def clause_end(text: str, start: int, stop: int) -> int:
    """Where an attribution clause starting at ``start`` ends (sentence end, dash, colon, quote)."""
    match = CLAUSE_END.search(text, start, stop)
    return match.start() + (1 if match and text[match.start()] in ".!?…" else 0) if match else stop


def content_end(article: Article, start: int, stop: int) -> int:
    """Where reported content ends: before a new cue clause, a colon before a quote, an attribution."""
    text = article.text
    cut = CONTENT_CUT.search(text, start, stop)
    end = cut.start() if cut else stop
    for joint in re.finditer(r",\s*(?:но|а|однако|и|при этом)\s+", text[start:end]):
        clause = start + joint.end()
        following = [c for c in article.cues_in(clause, end) if words(text, clause, c.start) <= 12]
        if any(FOLLOWED_BY_CLAUSE.match(text, c.stop, end) for c in following):
            end = start + joint.start()
            break
    for match in re.finditer(r",\s*(?:—\s*)?", text[start:end]):
        clause = start + match.end()
        if article.first_cue(clause, end, within=3) and "что" not in text[clause:end]:
            return start + match.start()
    return end


# --- dash dialogue -------------------------------------------------------------------------


def _attributions(article: Article, paragraph: Paragraph, body: int) -> list[tuple[int, int, int, Cue]]:
    """(separator start, clause start, clause stop, cue) of each attribution in a dash line."""
    text, found = article.text, []
    for match in SEPARATOR.finditer(text, body, paragraph.stop):
        if found and match.start() < found[-1][2]:
            continue
        cue = article.first_cue(match.end(), paragraph.stop)
        if cue:
            following = SEPARATOR.search(text, match.end(), paragraph.stop)
            stop = following.start() if following else paragraph.stop
            found.append((match.start(), match.end(), clause_end(text, match.end(), stop), cue))
    return found


def _dash_line(article: Article, paragraph: Paragraph) -> int | None:
    match = LEADING_DASH.match(article.text, paragraph.start, paragraph.stop)
    if not match or (article.text[paragraph.start] == "-" and not article.text[match.start() + 1].isspace()):
        return None
    return match.end()


def dash_dialogue(article: Article) -> Iterator[Candidate]:
    """'— Текст, — сказал X. — Продолжение.' lines, and lines of a block attributed elsewhere."""
    text, lines = article.text, []
    for paragraph in article.paragraphs:
        body = _dash_line(article, paragraph)
        if body is not None:
            lines.append((paragraph, body, _attributions(article, paragraph, body)))
    for index, (paragraph, body, attributions) in enumerate(lines):
        if attributions:
            yield from _attributed_line(article, paragraph, body, attributions)
            continue
        region, cue = _borrowed_attribution(article, lines, index)
        start, stop = trimmed(text, body, paragraph.stop)
        if start >= stop or not text[start].isupper() or words(text, start, stop) < 2:
            continue
        if region is None and (text[paragraph.stop - 1] not in ".!?…" or words(text, start, stop) < 4):
            continue
        yield Candidate(start, stop, "direct", "dash_line", cue, region, "before")


def _attributed_line(article, paragraph, body, attributions) -> Iterator[Candidate]:
    text, start = article.text, body
    for separator, clause, clause_stop, cue in attributions:
        quote = trimmed(text, start, separator)
        if quote[1] > quote[0]:
            yield Candidate(*quote, "direct", "dash_dialogue", cue, (clause, clause_stop), "after")
        following = SEPARATOR.match(text, clause_stop) or re.compile(r"\s*[,.]?\s*—\s*").match(text, clause_stop)
        start = following.end() if following and following.end() < paragraph.stop else paragraph.stop
    if start < paragraph.stop:
        quote = trimmed(text, start, paragraph.stop)
        if words(text, *quote) >= 1:
            last = attributions[-1]
            yield Candidate(*quote, "direct", "dash_dialogue", last[3], (last[1], last[2]), "after")


def _borrowed_attribution(article: Article, lines, index: int):
    """Attribution for an unattributed dash line: a neighbour in its block, or an 'X сказал:' line."""
    paragraph = lines[index][0]
    previous = article.paragraphs[paragraph.index - 1] if paragraph.index else None
    block = [index]
    for step in (-1, 1):
        other = index + step
        while 0 <= other < len(lines) and abs(lines[other][0].index - lines[block[-1] if step > 0 else block[0]][0].index) == 1:
            block.insert(0, other) if step < 0 else block.append(other)
            other += step
    intro = article.paragraphs[lines[block[0]][0].index - 1] if lines[block[0]][0].index else None
    attributed_before = any(lines[other][2] for other in block if other < index)
    if _introduces_speech(article, intro) and not attributed_before:
        cues = article.cues_in(intro.start, intro.stop)
        return (intro.start, intro.stop), cues[-1] if cues else None
    for other in sorted(block, key=lambda i: (abs(i - index), i > index)):
        if lines[other][2]:
            _, clause, clause_stop, cue = lines[other][2][0]
            return (clause, clause_stop), None
    for other in (intro, previous):
        if _introduces_speech(article, other):
            cues = article.cues_in(other.start, other.stop)
            return (other.start, other.stop), cues[-1] if cues else None
    return None, None


def _introduces_speech(article: Article, paragraph: Paragraph | None) -> bool:
    """'Мэр Москвы Сергей Собянин отметил:' — a colon after a cue or a person, not 'Среди мер:'."""
    if paragraph is None or article.text[paragraph.stop - 1] != ":":
        return False
    return bool(article.cues_in(paragraph.start, paragraph.stop)) or any(
        e.type == "PER" for e in article.entities_in(paragraph.start, paragraph.stop)
    )


# --- quote marks -------------------------------------------------------------------------


def quote_marks(article: Article) -> Iterator[Candidate]:
    """«Текст», — заявил X; X заявил: «Текст»; «Текст, — сказал X, — продолжение»."""
    for paragraph in article.paragraphs:
        for quoted in pair_quotes(article.text, paragraph.start, paragraph.stop):
            yield from _quoted(article, paragraph, quoted)


def _quoted(article: Article, paragraph: Paragraph, quoted) -> Iterator[Candidate]:
    text = article.text
    start = quoted.open + 1 if quoted.open is not None else _unopened_start(article, quoted.close, paragraph)
    stop = quoted.close if quoted.close is not None else paragraph.stop
    after = quoted.close + 1 if quoted.close is not None else paragraph.stop
    inner = _interruption(article, start, stop)
    attribution = _after_quote(article, after, paragraph.stop)
    if inner:
        separator, clause, clause_stop, resume, cue = inner
        for part in ((start, separator), (resume, stop)):
            yield Candidate(*trimmed(text, *part), "direct", "quote_interrupted", cue, (clause, clause_stop))
        return
    span = trimmed(text, start, stop)
    if span[1] <= span[0]:
        return
    colon = quoted.open is not None and re.search(r":\s*$", text[paragraph.start : quoted.open])
    if attribution and not (colon and attribution[2].lemma in REPORTING):
        clause, clause_stop, cue = attribution
        yield Candidate(*span, "direct", "quote_then_cue", cue, (clause, clause_stop), "after")
        return
    if quoted.open is None:
        return
    if colon:
        intro = _sentence_start(article, quoted.open, paragraph)
        cues = article.cues_in(intro, quoted.open)
        cue = cues[-1] if cues else None
        yield Candidate(*span, "direct", "colon_quote", cue, (intro, quoted.open), "before")
        return
    if _is_standalone(article, paragraph, quoted, span):
        rule = "open_quote" if quoted.close is None else "standalone_quote"
        yield Candidate(*span, "direct", rule, None, None, "before", inherit=quoted.close is None)


def _unopened_start(article: Article, close: int, paragraph: Paragraph) -> int:
    """Where a quotation whose opening mark is lost begins: a sentence opening with a mark, else this one."""
    opening = None
    for match in re.finditer(r"(?:^|[.!?…]\s+)[«„“\"]", article.text[paragraph.start : close]):
        opening = paragraph.start + match.end() - 1
    return opening if opening is not None else _sentence_start(article, close, paragraph)


def _sentence_start(article: Article, position: int, paragraph: Paragraph) -> int:
    sentence = article.sentence_at(position)
    return sentence.start if sentence and sentence.start >= paragraph.start else paragraph.start


def _after_quote(article: Article, start: int, stop: int):
    """An attribution right after a closing mark: '», — заявил X.' or '», пишет газета'."""
    lead = re.compile(r"\s*[,.!?…]?\s*(?:[—-]\s*)?").match(article.text, start, stop)
    if lead is None or lead.end() == start or lead.end() >= stop and stop - start > 0 and lead.end() == stop:
        return None
    if not re.search(r"[,—-]", article.text[start : lead.end()]):
        return None
    clause = lead.end()
    dashed = bool(re.search(r"[—-]", article.text[start:clause]))
    cue = article.first_cue(clause, stop, within=4 if dashed else 1)
    if cue is None or not is_finite(cue) or FOLLOWED_BY_CLAUSE.match(article.text, cue.stop, stop):
        return None
    return clause, clause_end(article.text, clause, stop), cue


REPORTING = ("сообщать", "сообщить", "писать", "передавать", "передать")  # what an outlet does
RESUME = re.compile(r"[,.:]\s*—\s*|[,.:]\s+-\s+")


def _interruption(article: Article, start: int, stop: int):
    """'Текст, — сказал X, — продолжение' inside one pair of quote marks."""
    for match in SEPARATOR.finditer(article.text, start, stop):
        cue = article.first_cue(match.end(), stop)
        resume = cue and RESUME.search(article.text, cue.stop, stop)
        if resume:
            return match.start(), match.end(), resume.start(), resume.end(), cue
    return None


def _is_standalone(article: Article, paragraph: Paragraph, quoted, span) -> bool:
    """A whole sentence in quote marks, standing as a sentence of its own."""
    text = article.text
    before = text[paragraph.start : quoted.open].rstrip()
    starts_sentence = not before or before[-1] in ".!?…»\""
    after = text[span[1] : paragraph.stop].lstrip(" »\"”“")
    ends_sentence = not after or after[0] in ".!?…"
    return starts_sentence and ends_sentence and text[span[0]].isupper() and words(text, *span) >= 4


COLON_SPEECH = re.compile(r":\s+(?=[А-ЯЁ])")


def colon_speech(article: Article) -> Iterator[Candidate]:
    """'Песков сказал: Мы готовы.' and 'X заявил:' followed by a paragraph of speech, marks lost."""
    text, paragraphs = article.text, article.paragraphs
    for paragraph in paragraphs:
        for colon in COLON_SPEECH.finditer(text, paragraph.start, paragraph.stop):
            intro = _sentence_start(article, colon.start(), paragraph)
            cues = article.cues_in(intro, colon.start())
            if cues and words(text, intro, colon.start()) <= 15 and is_finite(cues[-1]):
                span = trimmed(text, colon.end(), paragraph.stop)
                yield Candidate(*span, "direct", "colon_speech", cues[-1], (intro, colon.start()), "before")
                break
        else:
            if text[paragraph.stop - 1] != ":" or paragraph.index + 1 >= len(paragraphs):
                continue
            intro = _sentence_start(article, paragraph.stop - 1, paragraph)
            cues = article.cues_in(intro, paragraph.stop)
            speech = paragraphs[paragraph.index + 1]
            if (
                cues
                and is_finite(cues[-1])
                and text[speech.start].isupper()
                and text[speech.stop - 1] in ".!?…»\"”"
                and words(text, speech.start, speech.stop) >= 3
                and not _dash_line(article, speech)
            ):
                span = trimmed(text, speech.start, speech.stop)
                yield Candidate(*span, "direct", "colon_speech", cues[-1], (intro, paragraph.stop), "before")


# --- headlines and interviews --------------------------------------------------------------


SITE_SUFFIX = re.compile(r"(?:\s[—-]\s[^—\s][^—]{0,30})?")  # 'Токаев - Караван': the site's name


def headline(article: Article) -> Iterator[Candidate]:
    """'Текст - Фамилия': a line without final punctuation ending in a person's name."""
    text = article.text
    for paragraph in article.paragraphs:
        if text[paragraph.stop - 1] in ".!?…:":
            continue
        for match in re.finditer(r"\s[—-]\s", text[paragraph.start : paragraph.stop]):
            name_start = paragraph.start + match.end()
            person = next((e for e in article.entities if name_start <= e.start and e.type == "PER" and SITE_SUFFIX.fullmatch(text, e.stop, paragraph.stop)), None)
            if person and not re.fullmatch(r"(?:[а-яё-]+\s+){0,3}", text[name_start : person.start]):
                person = None
            quote = trimmed(text, paragraph.start, paragraph.start + match.start())
            if person and words(text, *quote) >= 3:
                yield Candidate(*quote, "direct", "headline", None, (person.start, person.stop))
                break


def interview(article: Article) -> Iterator[Candidate]:
    """'Мустафа Джемилев: Да, всё верно.' — a line opened by a name and a colon."""
    text = article.text
    for paragraph in article.paragraphs:
        entity = next((e for e in article.entities if e.start == paragraph.start and e.type != "LOC"), None)
        if entity is None:
            continue
        colon = re.compile(r"\s*:\s+").match(text, entity.stop, paragraph.stop)
        if colon and words(text, colon.end(), paragraph.stop) >= 2:
            yield Candidate(*trimmed(text, colon.end(), paragraph.stop, "«»\"“”„"), "direct", "interview", None, (entity.start, entity.stop))


# --- indirect speech -----------------------------------------------------------------------


def according_to(article: Article) -> Iterator[Candidate]:
    """'По словам X, …', 'По его мнению …', '…, по данным X.'; also 'Как отметил X, …'."""
    text = article.text
    phrases = "|".join(re.escape(p).replace(r"\ ", r"\s+(?:(?:его|ее|её|их|моим|нашим)\s+)?") for p in article.lexicon.source_phrases)
    pattern = re.compile(rf"(?<!\w)(?:{phrases})(?!\w)|(?<!\w)как\s+(?=\w)", re.I)
    for sentence in article.sentences:
        for match in pattern.finditer(text, sentence.start, sentence.stop):
            if match.group().lower().startswith("как"):
                cue = article.first_cue(match.end(), sentence.stop, within=2)
                if cue is None or not re.match(r"(?i)как\s*$", text[match.start() : match.end()]):
                    continue
                lemma = cue.lemma
            else:
                cue = None
                lemma = re.sub(r"\s+(?:его|ее|её|их|моим|нашим)\s+", " ", match.group().lower())
                lemma = " ".join(lemma.split())
            candidate = _around_source(article, sentence, match, cue, lemma)
            if candidate:
                yield candidate


APPOSITIVE = re.compile(r"\s*(?:близк|знаком|осведомлен|хорошо|знающ|связан|работающ|пожелавш|попросивш)\w*(?:\s+[^\s,]+){0,5},")


def _around_source(article: Article, sentence, match, cue, lemma) -> Candidate | None:
    text = article.text
    if re.match(r"\s*котор", text[match.end() : sentence.stop]):
        return None
    found = re.compile(r",(?=\s)").search(text, match.end(), sentence.stop)
    comma = found.start() if found else -1
    apposition = found and APPOSITIVE.match(text, found.end(), sentence.stop)
    if apposition:  # 'источник, близкий к правительству, …'
        comma = apposition.end() - 1
    has_pronoun = bool(re.search(r"\s(?:его|ее|её|их)\s", match.group()))
    phrase_cue = cue or Cue(match.start(), match.end(), text[match.start() : match.end()], lemma)
    source_stop = comma if comma != -1 else sentence.stop
    if has_pronoun and (comma == -1 or words(text, match.end(), comma) > 3):
        source_stop = match.end()
    tail = trimmed(text, source_stop, sentence.stop, ".!?…")
    rule = "as_cue" if cue else "according_to"
    if words(text, *tail) >= 2:
        stop = content_end(article, tail[0], tail[1])
        return Candidate(*trimmed(text, tail[0], stop, ".!?…"), "indirect", rule, phrase_cue, (match.start(), source_stop))
    head = trimmed(text, sentence.start, match.start())
    if words(text, *head) >= 3 and not words(text, source_stop, sentence.stop):
        return Candidate(*head, "indirect", rule, phrase_cue, (match.start(), source_stop))
    return None


def reported_that(article: Article) -> Iterator[Candidate]:
    """'X заявил, что …', 'X считает, что …', 'сообщил о том, что …'."""
    text = article.text
    for sentence in article.sentences:
        for cue in article.cues_in(sentence.start, sentence.stop):
            if is_authorial(cue):
                continue
            window = text[cue.stop : sentence.stop]
            that = THAT.search(window)
            if not that or words(window, 0, that.start()) > 8 or re.search(r"[.!?;:«\"]", window[: that.start()]):
                continue
            if that.start() and "," not in window[: that.end()] and "том" not in window[: that.end()]:
                continue
            start = cue.stop + that.end()
            stop = content_end(article, start, sentence.stop)
            span = trimmed(text, start, stop, ".!?…")
            if words(text, *span) >= 2:
                region = (sentence.start, cue.stop + that.start())
                yield Candidate(*span, "indirect", "reported_that", cue, region, "before")


def postposed(article: Article) -> Iterator[Candidate]:
    """'…, сообщили в пресс-службе.' and '…, — заявил X.' (lost quote marks: direct)."""
    text = article.text
    for sentence in article.sentences:
        for match in re.finditer(r",(?=\s)\s*(?:—\s*|-\s+)?", text[sentence.start : sentence.stop]):
            clause = sentence.start + match.end()
            cue = article.first_cue(clause, sentence.stop, within=2)
            if cue is None or SUBORDINATE.match(text, clause) or not _verb_first(article, clause, cue):
                continue
            if not is_finite(cue) or FOLLOWED_BY_CLAUSE.match(text, cue.stop, sentence.stop):
                continue
            head_cues = article.cues_in(sentence.start, sentence.start + match.start())
            if SOURCE_START.match(text, sentence.start, sentence.start + match.start()) or any(
                FOLLOWED_BY_CLAUSE.match(text, c.stop, sentence.stop) for c in head_cues
            ):
                continue
            clause_stop = _postposed_clause_end(text, clause, sentence.stop)
            tail = trimmed(text, clause_stop, sentence.stop, ".!?…")
            has_tail = clause_stop < sentence.stop and text[clause_stop] == "," and _is_content(article, *tail)
            region = (clause, clause_stop if has_tail else sentence.stop)
            if words(text, *region) > (8 if has_tail else 20):
                continue
            lead = HEAD_LEAD.match(text, sentence.start)
            head = trimmed(text, lead.end() if lead else sentence.start, sentence.start + match.start(), "«»\"“”„")
            kind = "direct" if "—" in match.group() or "-" in match.group() else "indirect"
            if kind == "direct":
                head = (_speech_start(article, sentence, head[0]), head[1])
            if words(text, *head) >= 3:
                yield Candidate(*head, kind, "postposed", cue, region, "after")
            if has_tail:
                yield Candidate(*tail, kind, "postposed", cue, region, "after")
            break


FOLLOWED_BY_CLAUSE = re.compile(r"(?:\s+\w+){0,3}?\s*,?\s*\b(?:(?:о|в|на)\s+том\s*,\s*)?(?:что|чтобы|кто|как|где|когда|почему|зачем|ли)\b", re.I)
SOURCE_START = re.compile(r"(?i)\s*(?:по\s+\w+\s+\w+|по\s+\w+|согласно\s+\w+|как\s+\w+)\s*$")


def _verb_first(article: Article, clause: int, cue: Cue) -> bool:
    """The cue opens the clause, or follows one capitalised word or a pronoun ('Песков сказал')."""
    before = article.text[clause : cue.start].strip()
    return not before or (len(before.split()) == 1 and (before[0].isupper() or before.lower() in ("он", "она", "они")))


HEAD_LEAD = re.compile(r"(?i)(?:\w+\s+)?о\s+том\s*,\s*что\s+")


def _is_content(article: Article, start: int, stop: int) -> bool:
    """Three words or more with a verb of their own: '…, напомнил Раттке, затем последовала встреча'."""
    return words(article.text, start, stop) >= 3 and any(
        "VERB" in parses(t.text.lower())[0].tag for t in article.tokens_in(start, stop)
    )


FIRST_PERSON = re.compile(r"(?i)(?<!\w)(?:я|мы|меня|мне|нас|нам|нами|мой|моя|мое|моё|мои|наш|наша|наше|наши|нашего|нашей|наших|вы|вас|вам|ваш|ваша|ваши)(?!\w)")


def _speech_start(article: Article, sentence, start: int) -> int:
    """Where speech that lost its quote marks begins: earlier sentences in the first person join it."""
    index = article.sentences.index(sentence)
    while index > 0:
        previous = article.sentences[index - 1]
        if previous.paragraph != sentence.paragraph or not FIRST_PERSON.search(previous.text):
            break
        if article.cues_in(previous.start, previous.stop) or re.search(r"[«»\"„“”]", previous.text):
            break
        start, index = previous.start, index - 1
    return start


def _postposed_clause_end(text: str, start: int, stop: int) -> int:
    comma = text.find(",", start, stop)
    end = clause_end(text, start, stop)
    return min(comma, end) if comma != -1 else end


ABOUT_THIS = re.compile(r"(?i)(?:об этом|о том же|такое (?:мнение|заявление)|такую оценку|эту информацию)\b")


def about_this(article: Article) -> Iterator[Candidate]:
    """'… . Об этом заявил X.': the previous sentence is what X said."""
    text = article.text
    for index, sentence in enumerate(article.sentences):
        if not ABOUT_THIS.match(sentence.text):
            continue
        cue = article.first_cue(sentence.start, sentence.stop, within=6)
        if cue is None or index == 0:
            continue
        previous = article.sentences[index - 1]
        yield Candidate(*trimmed(text, previous.start, previous.stop, ".!?…"), "indirect", "about_this", cue, (sentence.start, sentence.stop), "after")


Rule = Callable[[Article], Iterator[Candidate]]

RULES: list[Rule] = [
    interview,
    dash_dialogue,
    quote_marks,
    headline,
    colon_speech,
    according_to,
    reported_that,
    postposed,
    about_this,
]


def overlaps(a: Candidate, b: Candidate) -> bool:
    return a.start < b.stop and b.start < a.stop


def candidates(article: Article, rules: list[Rule] = RULES) -> list[Candidate]:
    """Candidates of all rules; a span claimed by an earlier rule is not claimed again."""
    accepted: list[Candidate] = []
    for rule in rules:
        for candidate in rule(article):
            if candidate.stop <= candidate.start:
                continue
            clash = [other for other in accepted if overlaps(candidate, other)]
            if clash:
                candidate = _without(candidate, clash, article)
                if candidate is None:
                    continue
            accepted.append(candidate)
    return sorted(accepted, key=lambda c: (c.start, c.stop))


def _without(candidate: Candidate, clash: list[Candidate], article: Article) -> Candidate | None:
    """An indirect candidate cut short before a direct quotation it runs into, if enough is left."""
    first = min(clash, key=lambda c: c.start)
    if candidate.kind != "indirect" or first.start <= candidate.start:
        return None
    start, stop = trimmed(article.text, candidate.start, first.start, "«„\"“")
    if words(article.text, start, stop) < 3:
        return None
    return Candidate(start, stop, candidate.kind, candidate.rule, candidate.cue, candidate.region, candidate.prefer)
