"""Entities from natasha's NER network (see ``nerinfer``), run line by line: lines are boundaries."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache
from itertools import product

from .lexicon import read_list
from .model import Entity
from .morph import WORD_CACHE, fold_yo, is_known, parses
from .names import NAME_TAGS, nominative, word_keys
from .nerinfer import network
from .punct import NAME_WORD, QUOTES, SPACED_DASH
from .segment import Paragraph

TYPES = ("PER", "ORG", "LOC")
UNBRACKETED = re.compile(rf"[^{re.escape(QUOTES)}()\[\]]+")  # NER spans are cut at quote marks, brackets
SPACED_DASH_PATTERN = re.compile(SPACED_DASH)  # ... and at a dash between words ('Токаев - Караван')
WORD_CHAR = re.compile(r"\w")
AGE = re.compile(
    r"(?:\d+-|[а-яё]+)летн(?:ий|яя|его|ей|ему|им|юю|ем|ие|их|ими)\s+", re.I
)  # 'Восьмидесятилетний'


def entities(paragraphs: list[Paragraph]) -> list[Entity]:
    """PER, ORG and LOC entities of the paragraphs (LOC: places that stand for institutions), with
    nominative forms, in text order."""
    return entities_many([paragraphs])[0]


def entities_many(documents: list[list[Paragraph]]) -> list[list[Entity]]:
    """The entities of each document's paragraphs; all the lines go through NER as one batch."""
    tagged = iter(network().tag([p.text for paragraphs in documents for p in paragraphs]))
    found = []
    for paragraphs in documents:
        parts = [
            part
            for p in paragraphs
            for span in next(tagged)
            if span.type in TYPES
            for part in _parts(p, span)
        ]
        found.append(complete(_joined(parts, paragraphs), paragraphs) if paragraphs else [])
    return found


def _parts(paragraph: Paragraph, span) -> list[Entity]:
    """An entity split where NER ran across a dash, quote mark or bracket ('Токаев - Караван')."""
    at = paragraph.start + span.start
    return [
        Entity(at + low, at + low + len(text), text, type, normal)
        for low, text, type, normal in _pieces(paragraph.text[span.start : span.stop], span.type)
    ]


@lru_cache(maxsize=WORD_CACHE)
def _pieces(text: str, type: str) -> tuple[tuple[int, str, str, str], ...]:
    """The parts of an entity's text as ``(start in it, text, type, nominative)``: a name recurs
    in an article and across articles, and its parts depend on its text alone."""
    parts = []
    for match in UNBRACKETED.finditer(text):
        for piece in SPACED_DASH_PATTERN.split(match.group()):
            clean = piece.strip(" ,.;:")
            age = AGE.match(clean) if type == "PER" else None  # NER takes one in: '56-летний Джобс'
            clean = clean[age.end() :] if age else clean
            if not WORD_CHAR.search(clean) or (type == "PER" and _verb_form(clean)):
                continue  # 'Зарезавший', 'Дополз': a verb NER took for a name at a sentence's start
            start = match.start() + match.group().find(clean)
            outlet = _outlet_before_name(clean) if type == "PER" else None
            if outlet:  # 'сказал Интерфаксу Медведев', the outlet's quote marks lost
                parts.append((start, outlet, "ORG", nominative(outlet, "ORG")))
                if outlet == clean:
                    return tuple(parts)
                start += clean.index(" ", len(outlet) - 1) + 1
                clean = clean[len(outlet) :].lstrip()
            parts.append((start, clean, type, nominative(clean, type)))
            if type == "PER":
                return tuple(parts)  # a name runs into what follows: keep its first part
    return tuple(parts)


OUTLETS = frozenset(read_list("outlets.txt"))
# A noun declines by its ending (no noun paradigm of pymorphy3's dictionary has a prefix), so
# every form of an outlet's name begins as it does, bar its last letters: a word starting
# otherwise is no outlet, and its nominative need not be sought
OUTLET_HEAD = 2  # letters every form of an outlet's name shares with it ('Интерфаксу', 'интерфакс')


def _outlet_before_name(name: str) -> str | None:
    """The one-word name of a news outlet NER took for a person's or ran into one ('сказал
    Интерфаксу Медведев', its quote marks lost)."""
    first = name.partition(" ")[0]
    if not _may_name_outlet(first):
        return None
    return first if nominative(first, "ORG").lower() in OUTLETS else None


def _may_name_outlet(word: str) -> bool:
    """Whether ``word`` begins as an outlet's name does (any word holding a space may)."""
    folded = fold_yo(" ".join(word.split()).lower())
    return " " in folded or any(folded[:size] in heads for size, heads in _outlet_heads().items())


@lru_cache(maxsize=1)
def _outlet_heads() -> dict[int, frozenset[str]]:
    """Length -> the beginnings of outlets' names a form of one starts with: the first
    ``OUTLET_HEAD`` letters of each, or of a shorter part before a hyphen all of it but its
    last letter ('б' of 'би-би-си': a stem of one letter, an ending of one)."""
    heads: dict[int, set[str]] = {}
    for outlet in OUTLETS:
        part = outlet.split("-")[0]
        size = min(OUTLET_HEAD, len(outlet), max(1, len(part) - 1))
        heads.setdefault(size, set()).add(outlet[:size])
    return {size: frozenset(found) for size, found in heads.items()}


VERB_FORMS = ("VERB", "INFN", "PRTF", "PRTS", "GRND")  # parts of speech no one-word name is


def _verb_form(name: str) -> bool:
    """A one-word name whose likeliest reading the dictionary knows as a verb or participle."""
    if " " in name or not is_known(name):
        return False
    found = parses(name)
    return bool(found) and found[0].tag.POS in VERB_FORMS


def _joined(found: list[Entity], paragraphs: list[Paragraph]) -> list[Entity]:
    """Organisations NER cut in two at a space ('ГУ' + 'МВД') as one; never two of two lines
    ('… компании Phillips 66' above 'Министерство юстиции США сообщило')."""
    joined: list[Entity] = []
    for entity in found:
        previous = joined[-1] if joined else None
        if previous and previous.type == entity.type == "ORG" and entity.start - previous.stop == 1:
            paragraph = next(p for p in paragraphs if p.start <= previous.start < p.stop)
            if entity.stop <= paragraph.stop:
                name = paragraph.text[previous.start - paragraph.start : entity.stop - paragraph.start]
                joined[-1] = Entity(previous.start, entity.stop, name, "ORG", nominative(name, "ORG"))
                continue
        joined.append(entity)
    return joined


SURNAME_HEAD = 3  # letters every form of a surname shares with it ('Пескова', 'Песков'), read before parsing
NAME_LIKE = re.compile(rf"(?<![\w-]){NAME_WORD}(?![\w-])")


def complete(found: list[Entity], paragraphs: list[Paragraph]) -> list[Entity]:
    """Add the surname mentions NER missed ('Песков: …' in a headline) of persons it did find."""
    surnames = {}
    for entity in found:
        if entity.type == "PER" and " " in entity.normal:
            surnames.setdefault(fold_yo(entity.normal.split()[-1].lower()), entity.normal.split()[-1])
    covered = _Covered(found)
    labels = [label for label in map(_speaker_label, paragraphs) if label and label.start not in covered]
    recurring = Counter(_label_key(label.text) for label in labels)
    extra = [e for e in labels if recurring[_label_key(e.text)] >= RECURRING_LABEL or _name_words(e.text)]
    heads = {key[:SURNAME_HEAD] for key in surnames}  # a form of a surname starts as it does
    beginnings = [spelling for head in heads for spelling in _capitalised(head)]
    for paragraph in paragraphs if surnames else ():
        for position in sorted({at for beginning in beginnings for at in _places(paragraph.text, beginning)}):
            match = NAME_LIKE.match(paragraph.text, position)  # a name-like word starts here or nowhere
            start = paragraph.start + position
            if not match or fold_yo(match.group()[:SURNAME_HEAD].lower()) not in heads or start in covered:
                continue
            keys = word_keys(match.group())
            if keys & surnames.keys():
                extra.append(
                    Entity(
                        start,
                        start + len(match.group()),
                        match.group(),
                        "PER",
                        nominative(match.group(), "PER"),
                    )
                )
    return sorted(found + extra, key=lambda e: e.start) if extra else found


class _Covered:
    """``position in covered``: whether one of the entities (in text order, apart) covers it."""

    def __init__(self, entities: list[Entity]):
        self._starts, self._stops = [e.start for e in entities], [e.stop for e in entities]

    def __contains__(self, position: int) -> bool:
        at = bisect_right(self._starts, position) - 1
        return at >= 0 and position < self._stops[at]


def _places(text: str, part: str):
    """Where ``part`` occurs in ``text``."""
    at = text.find(part)
    while at >= 0:
        yield at
        at = text.find(part, at + 1)


@lru_cache(maxsize=WORD_CACHE)
def _capitalised(head: str) -> tuple[str, ...]:
    """Every way a capitalised word whose first letters read ``head`` (lower case, ё as е) can
    begin: 'пес' -> 'Пес', 'Пёс'."""
    letters = [("Е", "Ё") if head[:1] == "е" else (head[:1].upper(),)]
    letters += [("е", "ё") if letter == "е" else (letter,) for letter in head[1:]]
    return tuple("".join(spelling) for spelling in product(*letters))


SPEAKER_LABEL = re.compile(
    rf"((?:[А-ЯЁ]\.\s?){{0,2}}{NAME_WORD}(?:\s+[А-ЯЁ][а-яё]+){{0,2}})\s*:\s"
)  # 'Песков:', 'А.Кремер:'


RECURRING_LABEL = 2  # paragraphs one label opens that make it an interviewee's, whatever the word


def _speaker_label(paragraph: Paragraph) -> Entity | None:
    """'Песков: …' opening a headline or an interview line may name a person unknown to NER: a
    name the dictionary knows as one, or any word but a common noun ('Вопрос:') that opens
    several paragraphs ('Кремер: …' in an interview)."""
    match = SPEAKER_LABEL.match(paragraph.text)
    if not match or any(_common_noun(word) for word in match.group(1).split()):
        return None
    name = match.group(1)
    return Entity(paragraph.start, paragraph.start + len(name), name, "PER", nominative(name, "PER"))


def _label_key(label: str) -> str:
    """A label without its initials: 'А. Кремеров' and 'А.Кремеров' are one."""
    return label.rsplit(".", 1)[-1].strip()


def _name_words(name: str) -> bool:
    return all(_name_word(word) for word in name.split())


def _common_noun(word: str) -> bool:
    """A dictionary word that is no name: 'Вопрос', 'Справка', 'Итоги'."""
    return is_known(word) and not _name_word(word)


def _name_word(word: str) -> bool:
    """A word that can be part of a person's name: 'Песков', 'Мария'; not 'Заявление', 'Итоги'."""
    return any(not p.tag.grammemes.isdisjoint(NAME_TAGS) for p in parses(word)[:3])
