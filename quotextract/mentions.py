"""Mentions of possible sources: names, pronouns, roles, bodies and unnamed sources."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from .article import Article
from .cues import is_finite
from .lexicon import PREFIX, read_table
from .model import Entity
from .morph import WORD_CACHE, fold_yo, is_person_noun, is_verb, parses
from .morph import lemma as lemma_of
from .names import can_stand_in, nominative, org_nominative

PRONOUNS = dict((word, kind[0]) for word, kind in read_table("pronouns.txt"))  # 'она' -> 'femn'
DEMONSTRATIVES = frozenset(word for word, kind in read_table("pronouns.txt") if "other" in kind)  # 'тот'
BODY_NAME = re.compile(r"\s+((?:[А-ЯЁA-Z][\w.-]*\w)(?:\s+[А-ЯЁA-Z][\w.-]*\w){0,2})")


@dataclass(frozen=True, slots=True)
class Mention:
    """Words that name (or stand for) a source."""

    start: int
    stop: int
    kind: str  # entity, pronoun, role, body, unnamed
    entity: Entity | None = None
    key: str = ""  # the pronoun, role or unnamed lemma
    name: str = ""  # a body's own name: 'Суд Лос-Анджелеса'


IN_BEFORE = re.compile(r"(?i)(?:^|\s)во?\s+$")  # read in the four characters before a position


def after_in(text: str, position: int) -> bool:
    """Whether 'в'/'во' stands right before ``position`` ('в Кремле', 'во Франции')."""
    return bool(IN_BEFORE.search(text[max(0, position - 4) : position]))


def institution(place: Entity) -> Entity:
    """'в Кремле заявили': a place named as a source stands for its institution."""
    return Entity(place.start, place.stop, place.text, "ORG", nominative(place.text, "ORG"))


def find_mentions(
    article: Article, start: int, stop: int, quoted: Callable[[int, int], bool]
) -> list[Mention]:
    """Names, pronouns, roles, bodies and unnamed sources in ``[start, stop)``, outside quotations."""
    found = []
    entities = [
        institution(e) if e.type == "LOC" else e
        for e in article.entities_in(start, stop)
        if not quoted(e.start, e.stop)
        and (e.type != "LOC" or after_in(article.text, e.start) or _speaking_place(article, e))
    ]
    found += [
        Mention(e.start, e.stop, "unnamed", key=e.normal.lower())  # 'Ранее СМИ сообщали'
        if e.normal.lower() in article.lexicon.unnamed
        else Mention(e.start, e.stop, "entity", e)
        for e in entities
    ]
    inside_person = _covering([e for e in entities if e.type == "PER"])
    starts = [e.start for e in entities]  # sorted: entities come in text order
    words = _outside(article.tokens_in(start, stop), entities)
    covered = 0  # the end of the last description: 'Глава ведомства' holds no body of its own
    readings = _readings(article.lexicon)
    for index, word in enumerate(words):
        if quoted(word.start, word.stop) or word.start < covered:
            continue
        lower = word.text.lower()
        lemma, folded, number = readings[lower]
        if folded in PRONOUNS and _someone_of(article, words, index, entities):
            follower = words[index + 1]  # 'сообщает его друг': someone of his, unnamed
            found.append(Mention(word.start, follower.stop, "unnamed", key=lemma_of(follower.text.lower())))
            covered = follower.stop
        elif folded in PRONOUNS and (lower not in DEMONSTRATIVES or _alone(article, words, index)):
            # 'её' and 'ее' alike
            found.append(Mention(word.start, word.stop, "pronoun", key=folded))
        elif lemma in article.lexicon.bodies and _singular(word.text, lemma):
            named = BODY_NAME.match(article.text, word.stop, stop)
            tail = _genitive_tail(word.stop, words[index + 1 : index + 4], inside_person)
            if named and not _starts_within(starts, named.start(1), named.start(1) + 1):
                end = _next_start(starts, named.start(1) + 1, named.end())  # 'мэрии Новосибирска ТАСС'
                own = article.text[named.start(1) : end].rstrip()
                name = org_nominative(f"{word.text} {own}")
                found.append(Mention(word.start, named.start(1) + len(own), "body", key=lemma, name=name))
            elif tail > word.stop and not _starts_within(starts, word.stop, tail):
                name = (
                    f"{org_nominative(word.text.lower())} {' '.join(article.text[word.stop : tail].split())}"
                )
                found.append(Mention(word.start, tail, "body", key=lemma, name=name))  # 'пресс-служба мэрии'
            else:
                found.append(Mention(word.start, word.stop, "body", key=lemma))
        elif word.text[:1].isupper() and _surname(lower) and _beside_verb(article.text, words, index):
            person = Entity(word.start, word.stop, word.text, "PER", nominative(word.text, "PER"))
            found.append(Mention(word.start, word.stop, "entity", person))  # 'Сечин заявил': NER missed it
        elif (
            number and (stop_at := _people_speaking(article, words, index, inside_person, number)) is not None
        ):
            found.append(Mention(word.start, stop_at, "unnamed", key=lemma_of(lower)))  # 'Критики говорят'
            covered = stop_at
        elif lemma in article.lexicon.roles or lemma in article.lexicon.unnamed:
            kind = "role" if lemma in article.lexicon.roles and _singular(word.text, lemma) else "unnamed"
            stop_at = word.stop
            following = words[index + 1] if index + 1 < len(words) else None
            pair = f"{lemma} {following.text.lower()}" if following is not None else ""
            if pair in article.lexicon.roles and following.start - word.stop <= 2:
                stop_at, lemma = following.stop, pair
            stop_at = _genitive_tail(stop_at, words[index + 1 : index + 4], inside_person)
            found.append(Mention(word.start, stop_at, kind, key=lemma))
            covered = stop_at
    found += _quoted_places(article, start, stop, entities, quoted)
    owned = [m for m in found if m.kind == "unnamed" and m.stop - m.start > len(m.key)]
    found = [
        m
        for m in found
        if not (m.kind == "entity" and any(o.start < m.start and m.stop <= o.stop for o in owned))
    ]  # 'Родственники Кристенсена заявили': the name is whose they are
    return sorted(found, key=lambda m: m.start)


POSSESSIVES = frozenset({"его", "её", "ее", "их"})
QUOTED_PLACE = re.compile(r"(?i:(?<![\w-])во?)\s+«([А-ЯЁA-Z][^«»\n]{1,60})»")  # 'В «Северном квартале»'


def _quoted_places(article: Article, start: int, stop: int, entities: list[Entity], quoted) -> list[Mention]:
    """'В «Северном квартале» сообщили': a name in quote marks after 'в' that NER took for no
    entity is an organisation where the words were said."""
    found = []
    for match in QUOTED_PLACE.finditer(article.text, start, stop):
        inner_start, inner_stop = match.span(1)
        if quoted(match.start(), match.end()) or any(
            e.start < inner_stop + 1 and inner_start - 1 < e.stop for e in entities
        ):
            continue
        name = org_nominative(" ".join(match.group(1).split()))
        found.append(Mention(inner_start - 1, inner_stop + 1, "body", key="", name=name))
    return found


def _someone_of(article: Article, words, index: int, entities: list[Entity]) -> bool:
    """A possessive right before a person noun in the nominative that is no description of the
    lexicon, no name beside it: 'сообщает его друг' is someone of his, unnamed; not 'Филипп,
    его сын' nor 'его помощник' (a description the resolver reads)."""
    word, follower = words[index], words[index + 1] if index + 1 < len(words) else None
    text = article.text
    return (
        follower is not None
        and word.text.lower() in POSSESSIVES
        and not text[word.stop : follower.start].strip()
        and is_person_noun(follower.text.lower(), "nomn")
        and role_lemma(follower.text.lower(), article.lexicon) not in article.lexicon.roles
        and not any(
            NAMED_BESIDE.fullmatch(text, e.stop, word.start) or not text[follower.stop : e.start].strip()
            for e in entities
            if e.stop <= word.start or e.start >= follower.stop
        )
    )


NAMED_BESIDE = re.compile(r"\s*,?\s*")  # 'Филипп Арнонкур, его сын'


def _alone(article: Article, words, index: int) -> bool:
    """A demonstrative standing for a person: a verb or punctuation after it ('на что тот
    ответил', '— возразил тот.'), not 'тот же Иванов' nor 'та встреча'."""
    follower = words[index + 1] if index + 1 < len(words) else None
    if follower is None or article.text[words[index].stop : follower.start].strip():
        return True
    return is_verb(follower.text.lower())


SUBJECT_GAP = re.compile(r"[ \t]*(?:(?:также|тоже|уже|же|вновь|ранее)[ \t]+)?")


def _speaking_place(article: Article, place: Entity) -> bool:
    """'сообщил Белый дом', 'Польша требует': a place in the nominative right beside a finite
    speech verb is its subject, and stands for its government or institution. Only a place that
    cannot be a genitive: 'Министерство юстиции США сообщило' is the ministry speaking."""
    if not all(_only_nominative(word) for word in place.text.split()):
        return False
    text = article.text
    before = article.tokens_in(max(0, place.start - CUE_REACH), place.start)[-1:]
    if before and not text[before[0].stop : place.start].strip() and _genitive_noun(before[0].text):
        return False  # 'Закон штата Массачусетс требует': the place names the state of a law
    after = SUBJECT_GAP.match(text, place.stop).end()
    following = article.cues_in(after, after + CUE_REACH)[:1]
    if following and following[0].start == after and is_finite(following[0]):
        return True
    preceding = article.cues_in(max(0, place.start - CUE_REACH), place.start)[-1:]
    return bool(preceding) and not text[preceding[0].stop : place.start].strip() and is_finite(preceding[0])


CUE_REACH = 30  # characters searched beside a place for its speech verb


@lru_cache(maxsize=WORD_CACHE)
def _genitive_noun(word: str) -> bool:
    return any("NOUN" in p.tag and p.tag.case == "gent" for p in parses(word))


OBLIQUE = frozenset({"gent", "datv", "ablt", "loct", "gen2", "loc2"})


@lru_cache(maxsize=WORD_CACHE)
def _only_nominative(word: str) -> bool:
    """A nominative (or the accusative like it) that no oblique case reads the same."""
    cases = {p.tag.case for p in parses(word)}
    return "nomn" in cases and not cases & OBLIQUE


def _covering(entities: list[Entity]) -> Callable[[int], bool]:
    """Whether a position lies inside one of ``entities`` (in text order): a bisection."""
    starts = [e.start for e in entities]
    reach = list(accumulate((e.stop for e in entities), max))  # the furthest stop so far

    def inside(position: int) -> bool:
        index = bisect.bisect_right(starts, position) - 1
        return index >= 0 and reach[index] > position

    return inside


def _outside(tokens: list, entities: list[Entity]) -> list:
    """The ``tokens`` (in text order) starting inside none of the ``entities`` (in text order,
    perhaps nested or overlapping): the runs between them, cut by bisection."""
    if not entities:
        return tokens
    starts = [token.start for token in tokens]
    kept, low = [], 0
    for entity in entities:
        first = bisect.bisect_left(starts, entity.start, low)
        kept += tokens[low:first]
        low = bisect.bisect_left(starts, entity.stop, first)
    return kept + tokens[low:]


def _starts_within(starts: list[int], start: int, stop: int) -> bool:
    """Whether one of the sorted ``starts`` lies in ``[start, stop)``."""
    index = bisect.bisect_left(starts, start)
    return index < len(starts) and starts[index] < stop


def _next_start(starts: list[int], start: int, stop: int) -> int:
    """The first of the sorted ``starts`` in ``[start, stop)``, else ``stop``."""
    index = bisect.bisect_left(starts, start)
    return starts[index] if index < len(starts) and starts[index] < stop else stop


def _genitive_tail(stop: int, following, inside_person: Callable[[int], bool]) -> int:
    """'глава региона', 'министр финансов': the genitive words that complete a description."""
    for word in following[:3]:
        if word.start < stop:
            continue
        if word.start - stop > 1 or inside_person(word.start):
            break
        if "PREP" in parses(word.text.lower())[0].tag:
            break  # 'источник в …': 'в' is no abbreviation in the genitive
        if not any(
            p.tag.case == "gent" and p.tag.POS in ("NOUN", "ADJF", "PRTF") for p in parses(word.text)[:2]
        ):
            break
        stop = word.stop
    return stop


PREPOSITIONS = frozenset(
    "в во на с со для по от у к ко из о об при за над под перед между через без про".split()
)


def after_preposition(article: Article, start: int) -> bool:
    """Whether a preposition stands right before ``start`` ('с Антоном Силуановым')."""
    before = article.tokens_in(max(0, start - PREPOSITION_REACH), start)[-1:]
    return (
        bool(before)
        and before[0].text.lower() in PREPOSITIONS
        and not article.text[before[0].stop : start].strip()
    )


PREPOSITION_REACH = 20  # characters before a word searched for its preposition


def _people_speaking(article: Article, words, index: int, inside_person, number: str) -> int | None:
    """Where the mention ends of people no one names as a verb's subject: a person noun in the
    nominative (``number``: :func:`_nominative_person`'s), plural, with its genitive tail, a verb
    right before it or right after ('Друзья семьи рассказали', 'Критики говорят'), or singular with
    a named owner ('Муж певицы Анны Петровой рассказал'); None for any other word."""
    text, word = article.text, words[index]
    plural = number == "plur"
    if after_preposition(article, word.start):
        return None  # 'к жителям' is no one speaking
    before = words[index - 1 : index] if index else []
    stop = _genitive_tail(word.stop, words[index + 1 : index + 4], inside_person)
    owner = _owner_after(article, stop, strict=not plural)
    if not plural and (
        owner is None or role_lemma(word.text.lower(), article.lexicon) in article.lexicon.roles
    ):
        return None  # 'Женщина рассказала': she may be the one the article is about; roles are read as such
    stop = owner.stop if owner is not None else stop  # 'Родственники Кристенсена', 'Муж певицы Анны Петровой'
    after = [w for w in words[index + 1 :] if w.start >= stop][:1]
    near = [w for w in before if not text[w.stop : word.start].strip()]
    near += [w for w in after if not text[stop : w.start].strip()]
    return stop if any(is_verb(w.text.lower()) for w in near) else None


@lru_cache(maxsize=WORD_CACHE)
def _nominative_person(word: str) -> str | None:
    """'plur' or 'sing' for a person noun in the nominative (:func:`is_person_noun`, plural
    first: 'критики', 'женщина'), else None: one lookup for the word instead of two."""
    if is_person_noun(word, "nomn", "plur"):
        return "plur"
    return "sing" if is_person_noun(word, "nomn") else None


class _Readings(dict):
    """What :func:`find_mentions` reads of each word (lowercase) under one lexicon: its
    :func:`role_lemma`, its ё read as е, and :func:`_nominative_person`'s number; a dictionary
    read per word, not a call for each; cleared when full, so memory stays flat on any dump."""

    def __init__(self, lexicon):
        super().__init__()
        self.lexicon = lexicon

    def __missing__(self, word: str) -> tuple[str, str, str | None]:
        if len(self) >= WORD_CACHE:
            self.clear()
        value = self[word] = (role_lemma(word, self.lexicon), fold_yo(word), _nominative_person(word))
        return value


@lru_cache(maxsize=8)
def _readings(lexicon) -> _Readings:
    return _Readings(lexicon)


def _owner_after(article: Article, stop: int, strict: bool) -> Entity | None:
    """A person's name in the genitive right after ``stop``: whose the people before it are;
    ``strict``, a name each of whose words reads first as a genitive and never as a singular
    nominative (after a singular noun the name is more often its apposition: 'Горничная Лизка',
    'телеведущая Дана Борисова')."""
    found = article.entities_in(stop, stop + OWNER_REACH)[:1]
    if not found or found[0].type != "PER" or article.text[stop : found[0].start] != " ":
        return None
    words = found[0].text.split()
    genitive = all(can_stand_in(w, "gent") and not (strict and _not_genitive(w)) for w in words)
    return found[0] if genitive else None


@lru_cache(maxsize=WORD_CACHE)
def _not_genitive(word: str) -> bool:
    """A word that reads as a singular nominative, or whose likeliest reading is no genitive ('Лизка')."""
    found = parses(word)
    return found[0].tag.case != "gent" or any(p.tag.case == "nomn" and p.tag.number != "plur" for p in found)


OWNER_REACH = 60  # characters: the longest name taken for the owner of the people before it


def _beside_verb(text: str, words, index: int) -> bool:
    """Whether a verb stands right before or after the word ('Сечин заявил', 'сказал Сечин')."""
    word = words[index]
    before = words[index - 1 : index] if index else []
    near = [w for w in before if not text[w.stop : word.start].strip()]
    near += [w for w in words[index + 1 : index + 2] if not text[word.stop : w.start].strip()]
    return any("VERB" in parses(w.text.lower())[0].tag for w in near)


@lru_cache(maxsize=WORD_CACHE)
def _surname(word: str) -> bool:
    """Whether the dictionary's likeliest reading of the word is a surname ('сечин')."""
    found = parses(word)
    return bool(found) and "Surn" in found[0].tag


@lru_cache(maxsize=WORD_CACHE)
def _singular(word: str, lemma: str) -> bool:
    """Whether the word is singular as a form of ``lemma`` ('аналитики' is plural of 'аналитик')."""
    forms = [p for p in parses(word) if fold_yo(p.normal_form) == lemma] or list(parses(word)[:2])
    return any(p.tag.number == "sing" for p in forms[:2])


FUNCTION_WORDS = frozenset({"PREP", "CONJ", "PRCL", "INTJ", "NPRO"})  # parts of speech no description is


@lru_cache(maxsize=50_000)
def role_lemma(word: str, lexicon) -> str:
    """The lemma a description word stands for: 'премьера' is the premier's, not a premiere;
    'после' is a preposition before it is the ambassador's locative. A word no form of a
    description starts like is its own lemma, unparsed."""
    if fold_yo(word[:PREFIX]) not in lexicon.description_prefixes:
        return fold_yo(word)
    return parsed_role_lemma(word, lexicon)


def parsed_role_lemma(word: str, lexicon) -> str:
    """:func:`role_lemma` read from the word's parses, unscreened."""
    found = parses(word)
    if found and found[0].tag.POS in FUNCTION_WORDS:
        return fold_yo(found[0].normal_form)
    lemmas = [fold_yo(p.normal_form) for p in found]
    known = _described_lemmas(lexicon)
    return next((lemma for lemma in lemmas if lemma in known), lemmas[0] if lemmas else word)


@lru_cache(maxsize=8)
def _described_lemmas(lexicon) -> frozenset[str]:
    """The lexicon's roles, bodies and unnamed sources, joined once."""
    return lexicon.roles | lexicon.bodies | lexicon.unnamed
