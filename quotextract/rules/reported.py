"""Reported speech: 'X заявил, что …', 'По словам X, …', '…, сообщили в X', 'Об этом заявил X'."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import islice

from ..article import Article
from ..cues import is_authorial, is_finite
from ..lexicon import read_list
from ..model import Cue
from ..morph import WORD_CACHE, is_person_noun, is_verb, parses, words_pattern
from ..punct import (
    DASH,
    DASH_CLASS,
    DASHES,
    HYPHEN,
    LEFT_GUILLEMET,
    QUOTE_CLASS,
    QUOTED_STRETCH,
    QUOTES,
    RIGHT_GUILLEMET,
    SENTENCE_ENDS,
    STRAIGHT_QUOTE,
    one_of,
)
from .base import (
    FOLLOWED_BY_CLAUSE,
    MAX_REGION,
    RELATIVE_WORD,
    SEPARATOR,
    SUBORDINATE,
    THAT,
    Candidate,
    clause_end,
    content_end,
    content_start,
    has_words,
    trimmed,
    verbatim,
    with_closing_mark,
)
from .scan import Screened, opening_at

MIN_CONTENT_WORDS = 2  # reported content of one word is too little to be a quotation
MIN_INSERTED_CONTENT_WORDS = (
    1  # ... unless the source phrase is inserted mid-sentence: '…, как пояснили в X, профилактические'
)
MIN_HEAD_WORDS = 3  # content standing before its source ('…, по данным X.') needs three words
AS_CUE_WORDS = 2  # 'Как отметил X', 'Как ранее сообщал X': the cue follows 'как' closely
CONTENT_CLAUSE_WORDS = 3  # a clause after a postposed attribution is content from three words
SOURCE_WORDS = 3  # 'по его словам' with more words before the comma: the pronoun is the source
APPOSITION_WORDS = 10  # a named apposition after the source is at most this long
CUE_AFTER_COMMA = 2  # words within which a cue after a comma makes a postposed attribution
THAT_LOOKAHEAD = 300  # characters after a cue searched for its 'что' (a bound for run-on lines)
WORDS_BEFORE_THAT = 8  # 'заявил журналистам в кулуарах форума, что': more words and it is not the cue's
HEAD_LOOKBACK = 300  # characters before a postposed attribution searched for cues of its own
POSTPOSED_WORDS = 8  # the longest postposed attribution followed by more content ('…, сказал X, …')
FINAL_POSTPOSED_WORDS = 20  # ... and the longest one ending the sentence
BACK_REFERENCE_CUE = 6  # words within which 'Об этом …' has its cue: 'Об этом в среду заявил X'
BACK_REFERENCE_REACH = 14  # ... or this many, no clause ended first: 'Об этом в интервью телеканалу «…» рассказал X'
BACK_REFERENCE_BREAK = re.compile(rf"[;:()]|\s(?:{DASH}|-)\s")  # ends the clause 'Об этом' opens
OWN_SPEECH = re.compile(r"[:;]")  # after a distant cue of 'Об этом …', the words it introduces itself
POSSESSIVES = r"(?:его|ее|её|их|моим|нашим)"  # 'по его словам', 'по нашим данным'
POSSESSIVE = re.compile(rf"\s+{POSSESSIVES}\s+")
THIRD_PERSON_POSSESSIVE = re.compile(r"\s(?:его|ее|её|их)\s")  # the source is named earlier
AS = re.compile(r"(?i)как\s*")  # 'Как отметил X, …'
CONJUNCTION_BEFORE_AS = re.compile(
    r"(?i)(?<!\w)(?:того|тех\s+пор|то\s+время)\s*,?\s*$"
)  # "после того, как X сообщил": "как" joins a clause of time, it introduces no source
AS_BROKEN = re.compile(
    rf"[,;:{DASH}]|\s-|-\s"
)  # between 'как' and its cue: a clause ended, it is no source's
AS_LOOKBACK = 20  # characters before 'как' searched for such a conjunction
WHICH = re.compile(r"\s*котор")  # 'по словам, которые …': not a source
COMMA = re.compile(r",(?=\s)")
# ", сообщили", ", — заявил", ",- сказал" (a hyphen run into the comma), ", -сказал" (into the
# verb: a word never starts with a hyphen): found by its comma
LEAD_COMMA = re.compile(rf",(?=\s|(?:{DASH}|-)\s|-[а-яё])\s*(?:{DASH}\s*|-\s+|-(?=[а-яё]))?")
LOST_COMMA = Screened(  # a lost comma: " — заявил", " -заявил" (the hyphen run into the verb)
    re.compile(rf"(?<=\w)\s(?:{DASH}|-)\s+|(?<=\w)\s-(?=[а-яё])"),
    re.compile(rf"{DASH_CLASS}(?<=\w\s{DASH_CLASS})(?=\s|[а-яё])"),  # the dash, one after where it starts
    lead=-1,
)


# a comma lost before a verb and a pronoun ending the sentence: '… по набережным сказал он.'
LOST_COMMA_BEFORE_PRONOUN = re.compile(
    rf"(?<=[\w{re.escape(QUOTES)}])\s(?=[а-яё]+\s+(?:он|она|они)[.!?…]*\s*$)"
)


# ... and before a verb and a name ending the sentence: '… переговоры еще идут сказал Корнилов'
LOST_COMMA_BEFORE_NAME = re.compile(
    rf"(?<=[\w{re.escape(QUOTES)}])\s(?=[а-яё]+\s+([А-ЯЁ][а-яё-]+)(?:\s+[А-ЯЁ][а-яё-]+){{0,2}}[.!?…]*\s*$)"
)
PREDICATES = ("VERB", "ADJS", "PRTS", "PRED")  # 'переговоры идут', 'мы готовы': a clause of its own
FINAL_CAPITAL = re.compile(r"[А-ЯЁ][а-яё-]+[.!?…]*\s*$")  # what every match of it is followed by
CAPITALS, SMALL = "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯЁ", "абвгдежзийклмнопрстуфхцчшщъыьэюяё"  # [А-ЯЁ], [а-яё]


def _ends_capitalised(text: str) -> bool:
    """Whether ``FINAL_CAPITAL`` matches: read from the end, past the spaces and the stops, a run
    of small letters and hyphens after a capital (the classes are apart, so the run is unique)."""
    body = text.rstrip().rstrip(".!?…")
    word = body.rstrip(SMALL + "-")
    return len(word) < len(body) and word[-1:] != "" and word[-1] in CAPITALS


def lead_commas(text: str) -> list[re.Match]:
    """The matches of LEAD_COMMA, LOST_COMMA and the LOST_COMMA_BEFORE patterns in text order:
    those of their alternation, as they never overlap (no comma or word stands inside any)."""
    lost = LOST_COMMA.finditer(text) if DASH in text or HYPHEN in text else ()  # a dash in every match
    pronoun = (
        [m for m in LOST_COMMA_BEFORE_PRONOUN.finditer(text) if _content_word_before(text, m.start())]
        if text.rstrip(SENTENCE_ENDS + " ").endswith(PRONOUN_ENDS)
        else ()
    )
    name = (
        [
            m
            for m in LOST_COMMA_BEFORE_NAME.finditer(text, _last_words_start(text, NAME_TAIL_WORDS))
            if _content_word_before(text, m.start())
            and _nominative(m.group(1))
            and _predicate(text[: m.start()])
        ]
        if _ends_capitalised(text)
        else ()
    )
    return sorted([*LEAD_COMMA.finditer(text), *lost, *pronoun, *name], key=re.Match.start)


NAME_TAIL_WORDS = 4  # a match of LOST_COMMA_BEFORE_NAME is followed by a verb and at most three names


def _last_words_start(text: str, count: int) -> int:
    """Where the spaces before the last ``count`` words (runs of non-space) of ``text`` start (0
    when there are fewer): a pattern of at most so many words anchored at the end starts there."""
    words = text.rsplit(maxsplit=count)
    return len(words[0]) if len(words) > count else 0


def _predicate(text: str) -> bool:
    """Words with a predicate of their own: 'переговоры идут', not 'Информацию о задержании'."""
    return any(map(_is_predicate, map(str.lower, WORDS.findall(text))))


@lru_cache(maxsize=WORD_CACHE)
def _is_predicate(word: str) -> bool:
    return parses(word)[0].tag.POS in PREDICATES


@lru_cache(maxsize=WORD_CACHE)
def _nominative(word: str) -> bool:
    """A name after a verb that can be its subject: 'сказал Корнилов', not 'сказал Лаврову'."""
    return any(p.tag.case in ("nomn", None) for p in parses(word.lower()))


PRONOUN_ENDS = (" он", " она", " они")
WORDS = re.compile(r"\w+")
LAST_WORD = re.compile(r"(\w+)\W*$")
LAST_WORD_REVERSED = re.compile(r"\W*+(\w++)")  # LAST_WORD matched at the start of the reversed text
FUNCTION_WORDS = ("CONJ", "PRCL", "PREP", "NPRO")  # 'Именно это и сказал он' ends its speech on none


def _content_word_before(text: str, position: int) -> bool:
    word = last_word(text, position)
    return word is not None and parses(word.lower())[0].tag.POS not in FUNCTION_WORDS


def last_word(text: str, position: int) -> str | None:
    """The word ``LAST_WORD.search(text, 0, position)`` finds, the last before ``position``: read
    from the end of the reversed text by one match (a search tries every word before it)."""
    word = LAST_WORD_REVERSED.match(text[:position][::-1])
    return word.group(1)[::-1] if word else None


QUOTED_NAME = re.compile(QUOTED_STRETCH)  # 'заявил «Фонтанке», что'
CLAUSE_BREAK = re.compile(
    one_of(SENTENCE_ENDS + ";:" + LEFT_GUILLEMET + RIGHT_GUILLEMET + STRAIGHT_QUOTE)
)  # between a cue and its 'что'
QUOTE_MARK = re.compile(QUOTE_CLASS)
RELATIVE_TAIL = re.compile(RELATIVE_WORD, re.I)
THAT_WORD = re.compile(r"что", re.I)  # what every match of THAT holds
OWN_TOPIC = re.compile(r"(?i)(?<!\w)(?:о|об|обо)\s+(?!том\b)\w+")  # the cue's own topic before 'что'


@lru_cache(maxsize=8)
def _source_pattern(source_phrases: tuple[str, ...]) -> Screened:
    """'по словам', 'по его словам', … and 'как' before a word, as one pattern, tried only at
    the first letters of its words that follow no letter. An empty phrase is none."""
    source_phrases = tuple(p for p in source_phrases if p)
    phrases = "|".join(re.escape(p).replace(r"\ ", rf"\s+(?:{POSSESSIVES}\s+)?") for p in source_phrases)
    pattern = re.compile(rf"(?<!\w)(?:{phrases})(?!\w)|(?<!\w)как\s+(?=\w)", re.I)
    starts = opening_at(_first_words((*source_phrases, "как …")), re.I, word_start=True)  # 'как' and a word
    return Screened(pattern, starts)


def _first_words(phrases: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    """Each phrase's first letter and the rest of its first word, with the space after it."""
    for phrase in phrases:
        word, _, more = phrase.partition(" ")
        yield word[0], re.escape(word[1:]) + (r"\s" if more else "")


def _phrase_lemma(phrase: str) -> str:
    """'По его словам' -> 'по словам'."""
    return " ".join(POSSESSIVE.sub(" ", phrase.lower()).split())


def source_phrases_in(article: Article, start: int, stop: int) -> list[Cue]:
    """The source phrases ('по словам', 'по его утверждениям') in ``[start, stop)``, as cues."""
    pattern, text = _source_pattern(article.lexicon.source_phrases), article.text
    return [
        Cue(m.start(), m.end(), m.group(), _phrase_lemma(m.group()))
        for m in pattern.finditer(text, start, stop)
        if not AS.fullmatch(m.group())
    ]


def according_to(article: Article) -> Iterator[Candidate]:
    """'По словам X, …', 'По его мнению …', '…, по данным X.'; also 'Как отметил X, …'."""
    text = article.text
    pattern = _source_pattern(article.lexicon.source_phrases)
    places, place = pattern.places(text), 0
    for sentence in article.sentences:
        while place < len(places) and places[place] < sentence.start:
            place += 1
        if place == len(places):
            return
        if places[place] >= sentence.stop:
            continue  # no phrase can start in the sentence
        for match in pattern.finditer(text, sentence.start, sentence.stop, places):
            if AS.fullmatch(match.group()):  # 'Как отметил X, …'
                cue = article.first_cue(match.end(), sentence.stop, within=AS_CUE_WORDS)
                if cue is None or AS_BROKEN.search(text, match.end(), cue.start):
                    continue  # 'такой команды, как «Спартак», — сказал X': the comparison ends first
                lemma = cue.lemma
            else:
                cue = None
                lemma = _phrase_lemma(match.group())
            yield from _around_source(article, sentence, match, cue, lemma)


SOURCE_JOINT = re.compile(
    r",\s*(?:(?:а|но|и|однако)\s*,?\s*)?$"
)  # ', а по данным Росстата, …': another source's content


RELATIVE_BEFORE = re.compile(rf"{RELATIVE_WORD}\w*\s*,\s*$", re.I)


def _before_next_source(article: Article, start: int, stop: int) -> int:
    """Content cut before a source phrase of its own that a comma (and a joint) opens."""
    text = article.text
    for phrase in source_phrases_in(article, start, stop):
        if WHICH.match(text, phrase.stop) or RELATIVE_BEFORE.search(text, start, phrase.start):
            continue  # 'решения, согласно которым …', 'который, согласно решению суда, …': a relative clause
        joint = SOURCE_JOINT.search(text, start, phrase.start)
        if joint and has_words(text, start, joint.start(), MIN_CONTENT_WORDS):
            return joint.start()
    return stop


APPOSITION_STARTS = "|".join(map(re.escape, read_list("apposition_starts.txt")))
APPOSITIVE = re.compile(rf"\s*(?:{APPOSITION_STARTS})\w*(?:\s+[^\s,]+){{0,5}},")
RELATIVE_APPOSITIVE = re.compile(r"\s*котор\w*(?:\s+[^\s,]+){1,7},")


def _next_comma(text: str, start: int, stop: int) -> int:
    """Where the first ``COMMA`` of ``text[start:stop]`` stands (its space inside too), or -1."""
    comma = COMMA.search(text, start, stop)
    return comma.start() if comma else -1


def _around_source(article: Article, sentence, match, cue, lemma) -> Iterator[Candidate]:
    """The content after the source phrase, else before it; both when the phrase stands between
    commas inside the sentence ('Регистрация в качестве СМИ, по словам X, — это катастрофа')."""
    text = article.text
    if WHICH.match(text, match.end(), sentence.stop):
        return
    comma = _next_comma(text, match.end(), sentence.stop)
    apposition = comma != -1 and APPOSITIVE.match(text, comma + 1, sentence.stop)
    relative = (  # 'По словам X, которая возглавляет фонд, …': the clause describes X, names no source
        comma != -1
        and cue is None
        and not has_words(text, match.end(), comma, SOURCE_WORDS + 1)
        and RELATIVE_APPOSITIVE.match(text, comma + 1, sentence.stop)
    )
    named_until = comma if relative else None
    if apposition or relative:  # 'источник, близкий к правительству, …'
        comma = (apposition or relative).end() - 1
    elif comma != -1:
        comma = _named_apposition(article, comma + 1, sentence.stop) or comma
    has_pronoun = bool(THIRD_PERSON_POSSESSIVE.search(match.group()))
    if comma == -1 and cue is None and not has_pronoun:  # 'По данным следствия Рахами купил …'
        comma = _lost_comma(article, match.end(), sentence.stop)
    phrase_cue = cue or Cue(match.start(), match.end(), text[match.start() : match.end()], lemma)
    source_stop = comma if comma != -1 else sentence.stop
    if has_pronoun and (comma == -1 or has_words(text, match.end(), comma, SOURCE_WORDS + 1)):
        source_stop = match.end()
    tail = trimmed(text, source_stop, sentence.stop, SENTENCE_ENDS)
    rule = "as_cue" if cue else "according_to"
    case = None if cue else "gent"  # 'По словам Иванова', but 'Как отметил Иванов'
    region = (match.start(), min(named_until or source_stop, match.end() + MAX_REGION))
    head = trimmed(text, content_start(article, sentence), match.start())
    inserted = text[sentence.start : match.start()].rstrip().endswith(",")  # '…, но, как пояснили в X, …'
    least = MIN_INSERTED_CONTENT_WORDS if inserted else MIN_CONTENT_WORDS
    if has_words(text, *tail, least) and not _reports_speech(article, *tail):
        if _content_head(article, sentence.start, match.start(), head):
            yield Candidate(
                *head, kind="indirect", rule=rule, cue=phrase_cue, region=region, speaker_case=case
            )
        stop = _before_next_source(article, tail[0], content_end(article, tail[0], tail[1]))
        span = trimmed(text, tail[0], stop, SENTENCE_ENDS)
        inside = verbatim(text, *span)  # 'По словам X, «…»': the marks make the words verbatim
        yield Candidate(
            *(inside or span),
            kind="direct" if inside else "indirect",
            rule=rule,
            cue=phrase_cue,
            region=region,
            speaker_case=case,
        )
        return
    joined = cue is not None and CONJUNCTION_BEFORE_AS.search(
        text, max(sentence.start, match.start() - AS_LOOKBACK), match.start()
    )  # 'X сделал Y после того, как Z сообщил': the clause before is narration
    if (
        has_words(text, *head, MIN_HEAD_WORDS)
        and not joined
        and not has_words(text, source_stop, sentence.stop, 1)
    ):
        yield Candidate(*head, kind="indirect", rule=rule, cue=phrase_cue, region=region, speaker_case=case)


LOST_COMMA_REACH = 5  # words of a genitive source before content whose comma a scraper lost


def _lost_comma(article: Article, start: int, stop: int) -> int:
    """Where the content after a genitive source begins when the comma between them was lost:
    at the first word after the source that cannot be a genitive and reads as a nominative
    ('По данным следствия Рахами купил …'), with a verb after it; else -1."""
    words = article.tokens_in(start, stop)
    for index, word in enumerate(words[: LOST_COMMA_REACH + 1]):
        cases = _cases(word.text)
        if index == 0:
            if "gent" not in cases:
                return -1
        elif ("gent" not in cases and "nomn" in cases) or _nominative_first_name(word.text):
            follows = words[index + 1 :]
            return word.start - 1 if any(is_verb(w.text.lower()) for w in follows) else -1
        elif not cases:
            return -1  # a verb, an adverb, a number: not a source's word
    return -1


def _nominative_first_name(word: str) -> bool:
    """'Дмитрий': a first name read first as a nominative (a rare plural genitive aside)."""
    tag = parses(word.lower())[0].tag
    return word[:1].isupper() and "Name" in tag.grammemes and tag.case == "nomn"


@lru_cache(maxsize=50_000)
def _cases(word: str) -> frozenset:
    return frozenset(p.tag.case for p in parses(word) if p.tag.case)


def is_subject_noun(word: str) -> bool:
    """A noun whose likeliest reading is the nominative: 'Регистрация', 'топ'."""
    tag = parses(word.lower())[0].tag
    return "NOUN" in tag and tag.case == "nomn"


HEAD_JOINT = re.compile(
    r"(?i)(?:^|\s)(?:но|а|и|однако|или|что|чтобы|если|когда|хотя|правда)$"
)  # '…, но, как пояснили в X, …'


def _content_head(article: Article, start: int, phrase: int, head: tuple[int, int]) -> bool:
    """The words before a source phrase set off by commas inside a sentence are content too: the
    subject of what the source says, three words or more with a noun in the nominative, naming no
    person (the source's own name: 'Русаков, с его слов, …'), with no cue of its own and not a joint
    ('Правда, были задержания, но', 'Вместе с тем')."""
    text = article.text
    before = text[start:phrase].rstrip()
    return (
        before.endswith(",")
        and has_words(text, *head, MIN_HEAD_WORDS)
        and "," not in text[head[0] : head[1]]
        and not HEAD_JOINT.search(text, head[0], head[1])
        and not article.cues_in(*head)
        and not any(e.type == "PER" for e in article.entities_in(*head))
        and any(is_subject_noun(t.text) for t in article.tokens_in(*head))
    )


def _named_apposition(article: Article, start: int, stop: int) -> int | None:
    """'один из авторов, председатель комитета Дмитрий Хубезов, …': the comma after a named
    apposition, which holds no predicate (a verb, a short form: 'доказана', 'готов')."""
    comma = _next_comma(article.text, start, stop)
    if (
        comma == -1
        or has_words(article.text, start, comma, APPOSITION_WORDS + 1)
        or article.text.find(f" {DASH} ", start, comma) != -1
    ):
        return None
    if article.first_cue(
        comma + 1, stop, within=CUE_AFTER_COMMA
    ):  # '…, пишет Лента.ру': that comma ends the content
        return None
    named = any(e.type == "PER" for e in article.entities_in(start, comma))
    predicate = named and any(_is_predicate(t.text.lower()) for t in article.tokens_in(start, comma))
    return comma if named and not predicate else None  # 'вина Абаськина не доказана, а …' is content


def reported_that(article: Article) -> Iterator[Candidate]:
    """'X заявил, что …', 'X считает, что …', 'сообщил о том, что …'."""
    text, cued = article.text, article.cued_sentences
    for index, sentence in enumerate(article.sentences):
        if index not in cued or not THAT_WORD.search(text, sentence.start, sentence.stop):
            continue  # no cue, or no 'что' after one
        for cue in article.cues_in(sentence.start, sentence.stop):
            if is_authorial(cue) or _perceived(article, sentence.start, cue):
                continue
            window = text[cue.stop : min(sentence.stop, cue.stop + THAT_LOOKAHEAD)]
            that = THAT.search(window)
            if not that:
                continue
            between = QUOTED_NAME.sub("", window[: that.start()])
            if has_words(window, 0, that.start(), WORDS_BEFORE_THAT + 1) or CLAUSE_BREAK.search(between):
                continue
            if OWN_TOPIC.search(between):  # 'объявил о переименовании страны, что означает …': relative
                continue
            if (
                that.start()
                and "," not in window[: that.end()]
                and "том" not in window[: that.end()]
                and not _addressee_only(article, cue.stop, cue.stop + that.start())
            ):
                continue  # 'рассказал всё что знал'; but 'заявил журналистам что …' lost its comma
            if article.cues_in(cue.stop, cue.stop + that.start()):  # '— сказал он, добавив, что …'
                continue
            if _spoken_by_another(article, cue):
                continue
            start = cue.stop + that.end()
            stop = _before_next_source(article, start, content_end(article, start, sentence.stop))
            span = trimmed(text, start, stop, SENTENCE_ENDS)
            inside = verbatim(text, *span)  # 'заявил, что «…»': the marks make the words verbatim
            span = inside or span
            if has_words(text, *span, MIN_CONTENT_WORDS):
                region = (max(sentence.start, cue.start - MAX_REGION), cue.stop + that.start())
                kind = "direct" if inside else "indirect"
                yield Candidate(
                    *span, kind=kind, rule="reported_that", cue=cue, region=region, prefer="before"
                )


LOST_COMMA_THAT_WORDS = 3  # 'заявил в среду журналистам что …': words between a cue and a 'что' whose comma was lost
ADDRESSEE_POS = frozenset({"NOUN", "PREP", "NUMR", "ADJF"})  # 'журналистам', 'в среду', 'российским'


def _addressee_only(article: Article, start: int, stop: int) -> bool:
    """Whether the words between a cue and its 'что' are only whom or when it was said to
    (nouns, prepositions, adjectives; no pronoun, particle or adverb: 'всё что', 'потому что')."""
    tokens = article.tokens_in(start, stop)
    return 0 < len(tokens) <= LOST_COMMA_THAT_WORDS and all(_addressee_word(t.text.lower()) for t in tokens)


@lru_cache(maxsize=WORD_CACHE)
def _addressee_word(word: str) -> bool:
    tag = parses(word)[0].tag
    return (tag.POS in ADDRESSEE_POS and "Apro" not in tag) or "LATN" in tag


RELAYED_CUE_WORDS = 6  # 'По данным издания, на допросе Русаков заявил, что …': the speech is the cue's


def _reports_speech(article: Article, start: int, stop: int) -> bool:
    """Whether the content after a source phrase is itself someone's reported speech: the phrase
    only relays ('По данным Вести.ру, Русаков заявил, что …')."""
    for cue in article.cues_in(start, stop)[:2]:
        if has_words(article.text, start, cue.start, RELAYED_CUE_WORDS + 1) or is_authorial(cue):
            return False
        if THAT.match(article.text, cue.stop, stop) and is_finite(cue):
            return True
    return False


def _perceived(article: Article, start: int, cue: Cue) -> bool:
    """'вошёл в комнату и заметил, что …': a verb of perception joined to an action is no speech."""
    if cue.lemma not in article.lexicon.perception_verbs:
        return False
    before = article.tokens_in(start, cue.start)
    return (
        len(before) >= 2
        and before[-1].text.lower() == "и"
        and any(is_verb(t.text.lower()) and not article.cues_in(t.start, t.stop) for t in before[:-1])
    )


def postposed(article: Article) -> Iterator[Candidate]:
    """'…, сообщили в пресс-службе.' and '…, — заявил X.' (lost quote marks: direct)."""
    text = article.text
    cued = article.cued_sentences
    for index, sentence in enumerate(article.sentences):
        if index not in cued:
            continue  # no cue to follow a comma
        last_cue = article.cues_in(sentence.start, sentence.stop)[-1].start
        for match in lead_commas(text[sentence.start : sentence.stop]):
            clause = sentence.start + match.end()
            if clause > last_cue:
                break  # no cue follows this comma, nor any later one
            cue = article.first_cue(clause, sentence.stop, within=CUE_AFTER_COMMA)
            if cue is None or SUBORDINATE.match(text, clause) or not _verb_first(article, clause, cue):
                continue
            if not is_finite(cue) or FOLLOWED_BY_CLAUSE.match(text, cue.stop, sentence.stop):
                continue
            head_cues = article.cues_in(
                max(sentence.start, clause - HEAD_LOOKBACK), sentence.start + match.start()
            )
            if SOURCE_START.match(text, sentence.start, sentence.start + match.start()) or any(
                FOLLOWED_BY_CLAUSE.match(text, c.stop, sentence.stop) and not _first_person(article, c)
                for c in head_cues
            ):
                continue  # a reported clause of its own; 'я надеюсь, что …' is the speech itself
            clause_stop = _postposed_clause_end(text, clause, sentence.stop)
            tail = trimmed(text, clause_stop, sentence.stop, SENTENCE_ENDS)
            has_tail = (
                cue.stop <= clause_stop < sentence.stop  # not a comma before the cue: 'X.kz,говорится'
                and text[clause_stop] == ","
                and _is_content(article, *tail)
            )
            relative = (
                has_tail
                and RELATIVE_TAIL.match(text, *tail)
                and QUOTE_MARK.search(text, sentence.start, clause)
            )
            region = (clause, clause_stop if has_tail else sentence.stop)
            has_tail = has_tail and not relative  # '«…, — заявлял X, который …': the relative clause is X's
            if has_words(text, *region, (POSTPOSED_WORDS if has_tail else FINAL_POSTPOSED_WORDS) + 1):
                continue
            if not _names_a_source(article, cue, region[1]):
                continue  # 'Эрик Шмидт, возглавлявший компанию, объявил о своем уходе': the head is the subject
            own = content_start(article, sentence)
            lead = HEAD_LEAD.match(text, own)
            head = with_closing_mark(
                text, *trimmed(text, lead.end() if lead else own, sentence.start + match.start(), QUOTES)
            )
            if _adverbial_clause(article, *head) or _outlet_relays(article, cue, head, region):
                continue
            if ABOUT_THIS.match(text, head[0]):
                continue  # 'Об этом в субботу, …, Сергей сообщил': a back reference, not content
            kind = "direct" if any(dash in match.group() for dash in DASHES) else "indirect"
            if kind == "direct":
                start = _speech_start(article, index, head[0])
                head = (OPENING_DASH.match(text, start, head[1]).end(), head[1])  # '- Ребята …, - сказал'
            else:
                head, kind = _first_person_speech(article, index, head)

            if has_words(text, *head, MIN_HEAD_WORDS):
                if kind == "direct":
                    for earlier in _speech_paragraphs_before(article, sentence.paragraph, head[0]):
                        yield Candidate(
                            *earlier, kind=kind, rule="postposed", cue=cue, region=region, prefer="after"
                        )
                yield Candidate(*head, kind=kind, rule="postposed", cue=cue, region=region, prefer="after")
            if has_tail:
                yield Candidate(*tail, kind=kind, rule="postposed", cue=cue, region=region, prefer="after")
            resumed = _resumed(article, index) if kind == "direct" and not has_tail else None
            if resumed:
                yield Candidate(*resumed, kind=kind, rule="postposed", cue=cue, region=region, prefer="after")
            break


OPENING_DASH = re.compile(r"(?:[-—]\s+)?")  # a dash line's dash where speech that lost its marks begins
RESUMED = re.compile(
    rf"\s*(?:{DASH}|-(?=\s|[А-ЯЁ]))\s*(?=[А-ЯЁ])"
)  # '…, — уточнил Белов. — По договоренности …'


def _resumed(article: Article, index: int) -> tuple[int, int] | None:
    """Speech that lost its marks resumed after its attribution by a dash: the following
    sentences of the paragraph up to one with an attribution of its own."""
    sentences, text = article.sentences, article.text
    sentence = sentences[index]
    following = sentences[index + 1] if index + 1 < len(sentences) else None
    if following is None or following.paragraph != sentence.paragraph:
        return None
    dash = RESUMED.match(text, following.start, following.stop) or RESUMED.match(
        text, sentence.stop, following.stop
    )
    if dash is None:
        return None
    stop = following.stop
    for later in islice(sentences, index + 1, None):  # no copy of the rest of the article
        if later.paragraph != sentence.paragraph or (
            later.start > following.start and RESUMED.match(text, later.start)
        ):
            break
        cued = article.cues_in(later.start, later.stop)
        if cued and SEPARATOR.search(text, later.start, later.stop):
            return None  # the resumed speech has an attribution of its own: the rule meets it there
        if cued and later.start > following.start and not PERSONAL.search(later.text):
            break  # 'В то же время супруга не исключила, что …': the article's narration again
        stop = later.stop
    span = trimmed(text, dash.end(), stop)
    return span if span[1] > span[0] else None


FIRST_PERSON_SUBJECT = re.compile(r"(?i)(?<!\w)(?:я|мы)\s+(?:\w+\s+)?$")
DASHED_CUE_REACH = 40  # characters after a dash searched for the cue attributing speech
SUBJECT_REACH = 20  # characters before a cue searched for its first-person subject


def _spoken_by_another(article: Article, cue: Cue) -> bool:
    """'Но я ответил, что мне нечего сказать, — сказал Бут.': speech that lost its marks, reporting
    in the first person, attributed by a dash later in its paragraph."""
    text = article.text
    if not _first_person_subject(article, cue):
        return False
    paragraph = article.paragraph_at(cue.start)
    separator = paragraph and SEPARATOR.search(text, cue.stop, paragraph.stop)
    return bool(separator) and bool(article.cues_in(separator.end(), separator.end() + DASHED_CUE_REACH))


def _first_person(article: Article, cue: Cue) -> bool:
    """'я надеюсь', 'надеемся', 'я ответил': the cue's subject is the speaker's own 'я' or 'мы'."""
    tag = parses(cue.text.split()[0].lower())[0].tag
    return "1per" in tag or "2per" in tag or _first_person_subject(article, cue)


def _first_person_subject(article: Article, cue: Cue) -> bool:
    return bool(FIRST_PERSON_SUBJECT.search(article.text, max(0, cue.start - SUBJECT_REACH), cue.start))


SOURCE_PRONOUNS = frozenset({"он", "она", "они", "оно"})
SPEECH_OPENS = re.compile(r":")


def _names_a_source(article: Article, cue: Cue, stop: int) -> bool:
    """Whether a postposed attribution can name its source: an impersonal or plural cue
    ('сообщается', 'сообщили'), or a name, pronoun, description or body after a singular one."""
    first = cue.text.split()[0].lower()
    tag = parses(first)[0].tag
    if first.endswith("ся") and (tag.gender == "neut" or (tag.tense == "pres" and tag.number == "sing")):
        return True  # 'сообщается', 'сообщалось': no one to name
    speech = SPEECH_OPENS.search(article.text, cue.stop, stop)
    stop = speech.start() if speech else stop  # 'констатировал: Чехия …' names no one
    words = article.tokens_in(cue.stop, stop)
    if not words and tag.number == "plur":
        return True  # '…, сообщили.'
    if article.entities_in(cue.stop, stop):
        return True
    lexicon = article.lexicon
    for token in words:
        word = token.text.lower()
        if word in SOURCE_PRONOUNS or token.text[:1].isupper():
            return True
        if any(
            p.normal_form in lexicon.bodies
            or ((p.normal_form in lexicon.roles or p.normal_form in lexicon.unnamed) and p.tag.case == "nomn")
            for p in parses(word)[:2]
        ):
            return True  # 'сообщили в ведомстве', 'сообщил источник'; not '… о прощании с артистом'
        if is_person_noun(word, "nomn"):
            return True  # '- сказал канадец', '— добавил собеседник': a person, whatever the word
    return False


SOURCE_START = re.compile(r"(?i)\s*(?:по\s+\w+\s+\w+|по\s+\w+|согласно\s+\w+|как\s+\w+)\s*$")


def _verb_first(article: Article, clause: int, cue: Cue) -> bool:
    """The cue opens the clause, or follows one capitalised word or a pronoun ('Песков сказал')."""
    before = article.text[clause : cue.start].strip()
    return not before or (
        len(before.split()) == 1 and (before[0].isupper() or before.lower() in ("он", "она", "они"))
    )


OUTLET_VERBS = frozenset(read_list("outlet_verbs.txt"))  # 'передает', 'пишет', 'сообщает'
OUTLET_NAME = re.compile(r"(?i)\.(?:ru|ру|com|ua|by|kz|net|org|info)\b")  # 'BFM.ru'
ON_BEHALF = re.compile(r"(?i)ссылк")  # 'сообщает ТАСС со ссылкой на X': X is the source


def _outlet_relays(article: Article, cue: Cue, head: tuple[int, int], region: tuple[int, int]) -> bool:
    """'Судья Анна Смирнова огласила приговор, передает BFM.ru': an outlet relays what a person
    it names did, nobody is quoted (its own analysis, naming no one, stays its statement)."""
    if cue.lemma not in OUTLET_VERBS or ON_BEHALF.search(article.text, *region):
        return False
    named = article.entities_in(cue.stop, region[1])
    relayed = not any(e.type == "PER" for e in named) and any(
        e.type == "ORG" and (e.normal.lower() in article.lexicon.outlets or OUTLET_NAME.search(e.text))
        for e in named
    )
    return relayed and any(e.type == "PER" for e in article.entities_in(*head))


def _adverbial_clause(article: Article, start: int, stop: int) -> bool:
    """The words before the attribution's comma are a gerund clause of the cue's own subject
    ('Выступая на форуме в Перми, Зимин предложил …'): no content of anyone's."""
    words = article.tokens_in(start, stop)
    return (
        bool(words) and "," not in article.text[start:stop] and "GRND" in parses(words[0].text.lower())[0].tag
    )


HEAD_LEAD = re.compile(r"(?i)(?:\w+\s+)?о\s+том\s*,\s*что\s+")


def _is_content(article: Article, start: int, stop: int) -> bool:
    """Three words or more with a verb of their own before any comma: '…, напомнил Раттке, затем
    последовала встреча', not an apposition with a relative clause ('…, бывший астронавт, который …')."""
    comma = article.text.find(",", start, stop)
    own = stop if comma == -1 else comma
    return has_words(article.text, start, stop, CONTENT_CLAUSE_WORDS) and any(
        is_verb(t.text.lower()) for t in article.tokens_in(start, own)
    )


PERSONAL = re.compile(  # 'мы', 'ваш': someone speaks in their own voice, to someone
    words_pattern(read_list("first_person.txt") + read_list("second_person.txt")), re.I
)


def _speech_start(article: Article, index: int, start: int) -> int:
    """Where speech that lost its quote marks begins: earlier sentences of its paragraph join it,
    unless they name someone or hold a cue outside the first person, or marks or an attribution."""
    sentence = article.sentences[index]
    while index > 0:
        previous = article.sentences[index - 1]
        if previous.paragraph != sentence.paragraph or QUOTE_MARK.search(previous.text):
            break
        if not PERSONAL.search(previous.text) and (
            any(not _first_person(article, c) for c in article.cues_in(previous.start, previous.stop))
            or any(e.type != "LOC" for e in article.entities_in(previous.start, previous.stop))
            or _names_an_actor(article, previous.start, previous.stop)
        ):
            break  # narration names or describes someone, or reports; 'Считаю …' is the speaker's own
        if SEPARATOR.search(previous.text) or source_phrases_in(article, previous.start, previous.stop):
            break  # an attribution of its own: 'По подсчетам автора, …'
        start, index = previous.start, index - 1
    return start


def _first_person_speech(article: Article, index: int, head: tuple[int, int]) -> tuple[tuple[int, int], str]:
    """Content before ', сказал X' with the earlier sentences of its paragraph speech that lost its
    marks joins (``_speech_start``) when they speak in the first person ('я', 'мы', 'считаю'; not
    'до наших дней'): 'Мы хорошо подготовились. Знали, что …, сказал Кононов' is all his words,
    direct; else the content alone, indirect."""
    start = _speech_start(article, index, head[0])
    if start < head[0] and any(_speaks_first_person(t.text.lower()) for t in article.tokens_in(start, head[0])):
        return (start, head[1]), "direct"
    return head, "indirect"


@lru_cache(maxsize=WORD_CACHE)
def _speaks_first_person(word: str) -> bool:
    """'я', 'мы' or a verb in the first person ('подготовились' is not: 'готовимся' is)."""
    tag = parses(word)[0].tag
    return word in ("я", "мы") or ("VERB" in tag and "1per" in tag)


def _names_an_actor(article: Article, start: int, stop: int) -> bool:
    """A description of a person or body in the nominative: 'Газета ссылается на источники'."""
    lexicon = article.lexicon
    described = lexicon.roles | lexicon.bodies | lexicon.unnamed
    return any(
        p.normal_form in described and p.tag.case == "nomn"
        for token in article.tokens_in(start, stop)
        for p in parses(token.text.lower())[:1]
    )


MAX_SPEECH_PARAGRAPHS = 3  # paragraphs of speech that lost its marks before the one attributed


def _speech_paragraphs_before(article: Article, index: int, start: int) -> list[tuple[int, int]]:
    """The paragraphs of speech that lost its marks before the paragraph it is attributed in, when
    that speech opens it: whole first-person paragraphs ending a sentence, naming and describing
    no one, with no cue outside the first person, no dash line, mark, colon or source phrase."""
    text, found = article.text, []
    if start != article.paragraphs[index].start:
        return found
    for paragraph in reversed(article.paragraphs[max(0, index - MAX_SPEECH_PARAGRAPHS) : index]):
        body = paragraph.text
        if (
            body[-1] not in SENTENCE_ENDS
            or body[0] in DASHES
            or ":" in body
            or QUOTE_MARK.search(body)
            or not PERSONAL.search(body)
            or SEPARATOR.search(body)
            or any(e.type != "LOC" for e in article.entities_in(paragraph.start, paragraph.stop))
            or any(not _first_person(article, c) for c in article.cues_in(paragraph.start, paragraph.stop))
            or source_phrases_in(article, paragraph.start, paragraph.stop)
            or _names_an_actor(article, paragraph.start, paragraph.stop)
        ):
            break
        found.append(trimmed(text, paragraph.start, paragraph.stop))
    return found[::-1]


def _postposed_clause_end(text: str, start: int, stop: int) -> int:
    comma = text.find(",", start, stop)  # the clause ends there at the latest: look no further
    return clause_end(text, start, stop) if comma == -1 else min(comma, clause_end(text, start, comma))


ABOUT_THIS = re.compile(r"(?i)(?:" + "|".join(map(re.escape, read_list("back_references.txt"))) + r")\b")
MAX_CAPTION_WORDS = 8  # a line this short without a final stop between content and 'Об этом …' is a caption
MAX_CAPTIONS = 2  # caption lines passed over before the sentence an "Об этом" points back to


def about_this(article: Article) -> Iterator[Candidate]:
    """'… . Об этом заявил X.', '… . Это сообщила X.': the previous sentence is what X said (a
    photo caption or a name line between them is passed over)."""
    text, cued = article.text, article.cued_sentences
    for index, sentence in enumerate(article.sentences):
        if index not in cued:
            continue  # no cue for its words to point back with
        cue = back_reference_cue(article, sentence)
        if cue is None:
            continue
        previous = _previous_content(article, index)
        if previous is None or _reports_act(article, previous):
            continue
        yield Candidate(
            *trimmed(text, content_start(article, previous), previous.stop, SENTENCE_ENDS),
            kind="indirect",
            rule="about_this",
            cue=cue,
            region=(sentence.start, sentence.stop),
            prefer="after",
        )


def back_reference_cue(article: Article, sentence, *, so_said: bool = False) -> Cue | None:
    """The cue of a sentence pointing back to the one before as what was said: 'Об этом заявил X',
    'Это сообщила X'; with ``so_said``, 'Так X ответил на вопрос …' too (said of a quotation)."""
    if ABOUT_THIS.match(sentence.text):
        return _back_reference_cue(article, sentence)
    if so_said and SO_SAID.match(sentence.text):
        return _so_said_cue(article, sentence)
    return _this_object_cue(article, sentence)


SO_SAID = re.compile(r"(?i)(?:так|такими\s+словами|именно\s+так)\s+(?!образом|называем|же\b|как\b)")
SO_SAID_CUE = 6  # tokens within which 'Так …' has its cue: 'Так глава городской администрации прокомментировал'


def _so_said_cue(article: Article, sentence) -> Cue | None:
    """'Так Олег Рябов ответил на вопрос о целях': a finite cue a few words after 'Так', no comma
    between ('Так, министр заявил, что …' opens a sentence of its own)."""
    cue = article.first_cue(sentence.start, sentence.stop, within=SO_SAID_CUE)
    if cue is None or not is_finite(cue) or "," in article.text[sentence.start : cue.start]:
        return None
    return cue


def _back_reference_cue(article: Article, sentence) -> Cue | None:
    """The cue of 'Об этом …': among its first words, or further on while no dash, colon or
    bracket ends the clause it opens ('Об этом на заседании правительства республики сообщил X',
    'Об этом в субботу, 24 ноября, сообщил X') and no colon after it opens words of its own."""
    cue = article.first_cue(sentence.start, sentence.stop, within=BACK_REFERENCE_CUE)
    if cue is not None:
        return cue
    cue = article.first_cue(sentence.start, sentence.stop, within=BACK_REFERENCE_REACH)
    if cue is None or BACK_REFERENCE_BREAK.search(article.text, sentence.start, cue.start):
        return None
    if OWN_SPEECH.search(article.text, cue.stop, sentence.stop):
        return None  # 'Об этом в субботу, 24 ноября, Сергей сообщил в Instagram: «Сын!»': its own words follow
    return cue


THIS_OBJECT = re.compile(r"(?i)это(?:\s+(?:же|и|также|ранее|уже|тогда))?\s+")  # 'Это сообщила X', 'Это же подтвердил X'


def _this_object_cue(article: Article, sentence) -> Cue | None:
    """The cue of 'Это сообщила мать спортсменки.': right after 'Это', a past-tense speech verb that
    cannot agree with it (no neuter: 'Это сказалось на …'), so 'это' is its object, pointing back."""
    this = THIS_OBJECT.match(sentence.text)
    if this is None:
        return None
    cue = article.first_cue(sentence.start + this.end(), sentence.stop, within=1)
    if cue is None or cue.start != sentence.start + this.end() or " " in cue.text:
        return None
    return cue if _past_of_another_subject(cue.text.lower()) else None


@lru_cache(maxsize=WORD_CACHE)
def _past_of_another_subject(word: str) -> bool:
    """A finite past-tense verb masculine, feminine or plural: 'сообщила', 'заявили', not 'сказалось'."""
    tag = parses(word)[0].tag
    return "VERB" in tag and "past" in tag and ("plur" in tag or tag.gender in ("masc", "femn"))


TOPIC_AFTER_CUE = re.compile(r"\s+(?:о|об|обо)\s+(?!том\b)\w+", re.I)


def _reports_act(article: Article, sentence) -> bool:
    """'X объявил о переименовании страны': the sentence narrates a speech act by its topic."""
    return any(
        is_finite(c) and TOPIC_AFTER_CUE.match(article.text, c.stop, sentence.stop)
        for c in article.cues_in(sentence.start, sentence.stop)
    )


def _previous_content(article: Article, index: int):
    """The sentence before ``index``, passing over caption lines (a short line without a final stop)."""
    for previous in reversed(article.sentences[max(0, index - MAX_CAPTIONS - 1) : index]):
        paragraph = article.paragraphs[previous.paragraph]
        caption = (
            previous.start == paragraph.start
            and previous.stop == paragraph.stop
            and article.text[paragraph.stop - 1] not in SENTENCE_ENDS
            and not has_words(article.text, paragraph.start, paragraph.stop, MAX_CAPTION_WORDS + 1)
        )
        if not caption:
            return previous
    return None
