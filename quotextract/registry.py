"""Who is who in one article: the people and organisations it names, and what it says they are.

Built once per article from natasha's entities. Each person is one :class:`Source` with every
name variant, gender and number, and the role and affiliation the article introduced it with;
each organisation has its kind (``outlet``, ``press``, ``government``, ...). Attribution resolves
every mention of a source (name, pronoun, description, body noun) to one entry, or to none.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

from .article import Article
from .lexicon import PREFIX, form_prefixes, read_list
from .mentions import PREPOSITIONS, _singular, role_lemma
from .model import Entity
from .morph import (
    CASES,
    WORD_CACHE,
    fold_yo,
    is_known,
    is_verb,
    lemma,
    name_gender,
    parses,
    verb_gender,
)
from .names import can_stand_in, fuller_names, gender, is_initial, org_nominative, person_nominative
from .punct import QUOTES
from .quotemarks import pair_quotes

# A person introduced by a description: 'аналитик банка «Восход» Марина Ковалёва'.
INTRODUCTION_WINDOW = 8  # tokens before the name searched for the description
INTRODUCTION_BREAK = re.compile(r"[,.;:()]")
NOT_MODIFIERS = frozenset({"и", "с", "со", "а", "но", "или"})

# Gender from agreement: 'Меркель выступила', '— сказала Иванова'.
AGREEMENT_GAP = re.compile(r"[\s,—–-]*(?:(?:также|тоже|уже|еще|ещё|же|лишь|вновь|в свою очередь)\s+)*")
AGREEMENT_LOOK = 40  # characters after a name searched for its verb
VOTES = operator.itemgetter(1)

# Relaying outlets: 'сообщает ТАСС', 'МОСКВА, 5 июля. /ТАСС/.', 'пишет «Коммерсантъ»'.
DATELINE = re.compile(r"[А-ЯЁ][А-ЯЁ -]+,\s+\d{1,2}\s+[а-яё]+(?:\s+\d{4})?\s*[.,]?\s*[/(–—-]\s*")
RELAY_VERBS = frozenset(read_list("outlet_verbs.txt"))
BODY_REACH = 25  # characters between a body noun and the name it introduces ('клуб «Динамо»')
DATELINE_REACH = 60  # characters: a dateline names its agency right after the place and date
RELAY_REACH = 25  # characters between an outlet and its relay verb ('сообщает РИА «Новости»')
OUTLET_NAME = re.compile(r"(?i)(?:\.(?:ru|ру|com|ua|by|kz|net|org|info)\b|\bnews\b|новост)")


ASIDE_LINE = re.compile(
    r"(?i)\s*(?:фото|видео|иллюстрация|коллаж|кадр|автор|источник|читайте|смотрите|см\.|подробнее|по теме)"
    r"[^:\n]{0,20}:"
)


@dataclass(frozen=True, slots=True)
class Source:
    """One person or organisation of the article."""

    name: str  # canonical nominative: the fullest variant the article gives
    type: str  # 'PER' or 'ORG'
    gender: str | None = None  # 'masc', 'femn' or None (never guessed for organisations)
    roles: frozenset[str] = frozenset()  # description lemmas it was introduced with, and their classes
    role: str | None = None  # the description as written at its introduction ('министр финансов')
    affiliation: str | None = None  # what it belongs to at its introduction ('банк «Восход»')
    kind: str | None = None  # organisations: 'outlet', 'press', 'government', 'company', ...


@dataclass(frozen=True)
class Stems:
    """What relates words of one stem: the first letters of each longer word ('казах' of
    'Казахстана', 'казахстанский') and the root of each word of a few letters or more ('турц' of
    'Турции', 'турецкий')."""

    firsts: frozenset[str] = frozenset()
    roots: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.firsts or self.roots)


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One mention of a source outside quotations, where it stands and whether it is a subject."""

    start: int
    stop: int
    source: Source
    subject: bool


class Registry:
    """The sources of one article and the place of each of their mentions."""

    def __init__(self, article: Article, quoted: Callable[[int, int], bool]):
        self.article = article
        self.quoted = quoted

    # --- names ---------------------------------------------------------------------------

    @cached_property
    def entities(self) -> dict[int, Entity]:
        """Entity start -> the entity, persons' names put in the nominative their context demands
        ('шерифа округа Эда Гонзалеса' -> 'Эд Гонзалес')."""
        found = {}
        for entity in self.article.entities:
            case = self._context_case(entity) if entity.type == "PER" else None
            if entity.start in self.introductions:  # a name agrees with the description it follows
                case = self.introductions[entity.start][3]
            if case and case != "nomn" and self._subject_as_written(entity):
                case = "nomn"  # 'Продюсер певицы Татьяна Кох добавила': a verb's subject, not the singer
            if case:
                entity = replace(entity, normal=person_nominative(" ".join(entity.text.split()), case))
            elif entity.type == "PER" and self._feminine_as_written(entity):
                entity = replace(entity, normal=person_nominative(" ".join(entity.text.split()), "nomn"))
            if entity.type == "PER" and _noun_opens(entity.normal) and self._opens_sentence(entity):
                # 'Поп-звезда Мадонна': a common noun only a sentence's start capitalises
                entity = replace(entity, normal=entity.normal.split(maxsplit=1)[1])
            found[entity.start] = entity
        return found

    def _opens_sentence(self, entity: Entity) -> bool:
        sentence = self.article.sentence_at(entity.start)
        return sentence is not None and not self.article.text[sentence.start : entity.start].strip(" " + QUOTES)

    def _context_case(self, person: Entity) -> str | None:
        """The case of the noun a name stands in apposition to, or that a preposition governs."""
        tokens = self.article.tokens
        index = bisect.bisect_left(self._token_starts, person.start)
        before = tokens[index - 1] if index else None
        if before is None or self.article.text[before.stop : person.start].strip(" " + QUOTES):
            return None
        word = before.text.lower()
        if word in PREPOSITION_CASES:
            return PREPOSITION_CASES[word]
        if before.text[:1].islower() and not _can_be_nominative_name(person.text):
            case = _noun_case(word)  # in apposition: 'шерифа округа Эда Гонзалеса'
            if case == "gent" and not _in_case(person.text, "gent") and _in_case(person.text, "accs"):
                return "accs"  # 'цитирует нападающего Илью Серова': the same noun ending, an accusative name
            if case == "nomn" and _guessed_beyond(person.text.split()):
                return "nomn"  # 'нападающий Жоао Батшуайи': what the dictionary only guesses agrees
            return case if case and _in_case(person.text, case) else None
        return None

    @cached_property
    def _token_starts(self) -> list[int]:
        return self.article.token_starts()

    @cached_property
    def fuller(self) -> dict[str, list[str]]:
        return fuller_names(list(self.entities.values()))

    @cached_property
    def expansions(self) -> dict[str, str]:
        """Abbreviation -> the organisation's full name the article spells out ('ОНР' ->
        'Общество научных работников')."""
        names = {e.normal for e in self.article.entities if e.type == "ORG"}
        found = {}
        for short in names:
            if ABBREVIATION.fullmatch(short):
                full = [n for n in names if n != short and _initials(n) == short.upper()]
                if len(full) == 1:
                    found[short] = full[0]
        return found

    def canonical(self, entity: Entity, wanted: str | None = None) -> str:
        """The fullest variant of a person's name, of the wanted gender when surnames are shared;
        an organisation's full name for its abbreviation."""
        if entity.type == "ORG":
            place = self._place_after(entity)
            if place is not None:
                return f"{entity.normal} {place.text}"  # 'МИД России', 'ГУ МВД по Москве'
            name = self.expansions.get(entity.normal, entity.normal)
            return self._placed.get(name, name)
        if entity.type != "PER":
            return entity.normal
        entity = self.entities.get(entity.start, entity)
        variants = self.fuller.get(entity.normal) or [entity.normal]
        if not wanted:
            return variants[0]
        return next((v for v in variants if gender(v) == wanted), variants[0])

    @cached_property
    def _placed(self) -> dict[str, str]:
        """An organisation's name -> the one name with a place the article gives it ('МВД' ->
        'МВД Украины'), when it gives only one."""
        found: dict[str, set[str]] = {}
        for org in self.article.entities:
            place = self._place_after(org) if org.type == "ORG" else None
            if place is not None:
                found.setdefault(org.normal, set()).add(f"{org.normal} {place.text}")
        return {name: next(iter(placed)) for name, placed in found.items() if len(placed) == 1}

    def _place_after(self, org: Entity) -> Entity | None:
        """The country or region NER split off an organisation's name: a place in the genitive
        right after it ('МИД | России', 'МВД | Украины')."""
        places = self._places_after
        if org.stop not in places:
            places[org.stop] = self._place_at(org.stop)
        return places[org.stop]

    @cached_property
    def _places_after(self) -> dict[int, Entity | None]:
        """Where an organisation's name ends -> :meth:`_place_after` it, asked for once."""
        return {}

    def _place_at(self, stop: int) -> Entity | None:
        if self.article.text[stop : stop + 1] != " ":
            return None  # one space after the organisation
        after = stop + 1
        following = self.article.entities_in(after, after + PLACE_REACH)[:1]
        if not following or following[0].start != after or following[0].type != "LOC":
            return None
        place = following[0]
        genitive = ABBREVIATION.fullmatch(place.text) or any(
            p.tag.case == "gent" for p in parses(place.text.lower())
        )
        return place if genitive and " " not in place.text else None

    # --- the entries ---------------------------------------------------------------------

    def _speaking(self, person: Entity) -> bool:
        """A person who can be a source here: outside quotations and credit or link lines."""
        return not self.quoted(person.start, person.stop) and not self.aside(person.start)

    def aside(self, position: int) -> bool:
        """Whether ``position`` lies in a line crediting a photo or an author, or linking elsewhere."""
        if not self._asides:
            return False
        paragraph = self.article.paragraph_at(position)
        return paragraph is not None and paragraph.index in self._asides

    @cached_property
    def _asides(self) -> frozenset[int]:
        """The lines that credit a photo or an author or link elsewhere ('Фото: Иван Петров / ТАСС',
        'Читайте также: Песков рассказал …'): no one named there speaks in the article."""
        text = self.article.text
        return frozenset(p.index for p in self.article.paragraphs if ASIDE_LINE.match(text, p.start, p.stop))

    @cached_property
    def _raw_persons(self) -> list[Entity]:
        return [e for e in self.article.entities if e.type == "PER" and self._speaking(e)]

    @cached_property
    def _raw_starts(self) -> list[int]:
        return [p.start for p in self._raw_persons]

    @cached_property
    def persons(self) -> list[Entity]:
        """PER entities outside quotations, credit and link lines, in text order."""
        spans = {(p.start, p.stop) for p in self._raw_persons}  # where each is is what they are read by
        return [e for e in self.entities.values() if e.type == "PER" and (e.start, e.stop) in spans]

    @cached_property
    def introductions(self) -> dict[int, tuple[str, str, str | None, str | None]]:
        """Entity start -> (description lemma, description as written, affiliation, its case)."""
        found = {}
        tokens, starts = self.article.tokens, self._token_starts
        prefixes = self.article.lexicon.description_prefixes
        for person in self._raw_persons:
            index = bisect.bisect_left(starts, person.start)
            sentence = self.article.sentence_at(person.start)
            low = sentence.start if sentence else 0
            before = [t for t in tokens[max(0, index - INTRODUCTION_WINDOW) : index] if t.start >= low]
            for position, word in enumerate(before):
                if not _may_describe(word.text, prefixes):
                    continue  # no description starts so
                role = self._role_at(before, position)
                case = _noun_case(word.text.lower()) if role else None
                if (
                    role
                    and _singular(word.text, role.split()[0])
                    and _in_case(person.text, case)
                    and (case in (None, "nomn") or not self._subject_as_written(person))
                    and self._introduces(word, person, before[position + 1 :], case)
                ):
                    found[person.start] = (role, *self._described(word, person), case)
                    break
        return found

    def _role_at(self, words, position: int) -> str | None:
        """The description (one word or two) starting at a word that :func:`_may_describe`."""
        lexicon = self.article.lexicon
        lower = words[position].text.lower()
        roles = lexicon.roles
        single = role_lemma(lower, lexicon)
        if position + 1 < len(words):
            pair = f"{single} {words[position + 1].text.lower()}"
            if pair in roles:
                return pair
        return single if single in roles else None

    def _introduces(self, role, person: Entity, between, case: str | None) -> bool:
        """A description introduces the person when only its genitive modifiers stand between,
        a person among them only as its owner ('Адвокат Орлова Михаил Петренко' is Петренко)."""
        text = self.article.text
        if INTRODUCTION_BREAK.search(text, role.stop, person.start):
            return False
        starts, persons = self._raw_starts, self._raw_persons
        low, here = bisect.bisect_left(starts, role.stop), bisect.bisect_left(starts, person.start)
        if any(not self._owner_before(owner, case) for owner in persons[low:here]):
            return False  # another person stands between
        if here + 1 < len(persons) and self._owner_before(person, case):
            return False  # the owner of the description, not the one it introduces
        return not any(is_verb(w.text.lower()) or w.text.lower() in NOT_MODIFIERS for w in between)

    def _owner_before(self, person: Entity, case: str | None) -> bool:
        """A genitive name right before another name in the description's case; or a single word
        right before a first name and surname ('аналитик Финам Алексей Калачев', the company
        unquoted): a modifier of the description, not the person it introduces."""
        index = bisect.bisect_right(self._raw_starts, person.start)
        following = self._raw_persons[index] if index < len(self._raw_persons) else None
        if following is None or self.article.text[person.stop : following.start].strip():
            return False
        if " " not in person.text and _first_name_and_more(following.text):
            return True
        return case not in (None, "gent") and _in_case(person.text, "gent") and _in_case(following.text, case)

    def _described(self, role, person: Entity) -> tuple[str, str | None]:
        """The description as written ('аналитик банка «Восход»') and the organisation in it."""
        phrase = org_nominative(" ".join(self.article.text[role.start : person.start].strip(" ,").split()))
        phrase = phrase[:1].lower() + phrase[1:] if phrase[1:2].islower() else phrase
        inside = [e for e in self.article.entities_in(role.stop, person.start) if e.type in ("ORG", "LOC")]
        return " ".join(phrase.split()), (inside[0].normal if inside else None)

    @cached_property
    def _genders(self) -> dict[str, str | None]:
        """Canonical person name -> gender: the verbs agreeing with its mentions, else its morphology."""
        votes: dict[str, dict[str, int]] = {}  # name -> gender -> verbs, genders in the order met
        for person, name in zip(self.persons, self._person_names):
            agreed = self._agreements.get(person.start)
            if agreed:
                counts = votes.get(name)
                if counts is None:
                    counts = votes[name] = {}
                counts[agreed] = counts.get(agreed, 0) + 1
        result = {}
        for name in self._person_names:
            if name in result:
                continue
            counts = votes.get(name)
            result[name] = max(counts.items(), key=VOTES)[0] if counts else gender(name)  # the first of most
        return result

    def _subject_as_written(self, person: Entity) -> bool:
        """A name whose first name is a nominative of the gender of the verb agreeing with it
        ('Татьяна Кох добавила'): the verb's subject, whatever case a description before it is in."""
        agreed = self._agreements.get(person.start)
        return agreed is not None and name_gender(person.text.split()[0], "nomn") == agreed

    def _feminine_as_written(self, person: Entity) -> bool:
        """'Иванова отметила': a name a feminine verb agrees with is her nominative, not a
        genitive of 'Иванов'."""
        if self._agreements.get(person.start) != "femn":
            return False
        last = person.text.split()[-1]
        return any(p.tag.case == "nomn" and p.tag.gender == "femn" for p in parses(last.lower()))

    @cached_property
    def _agreements(self) -> dict[int, str | None]:
        """Person mention start -> the gender of the verb agreeing with it, computed once."""
        return {e.start: self._agreement(e) for e in self.article.entities if e.type == "PER"}

    def _agreement(self, person: Entity) -> str | None:
        """The gender of a past-tense verb or short adjective next to a subject mention of the person."""
        text = self.article.text
        if not _can_be_nominative_name(person.text):
            return None
        gap = AGREEMENT_GAP.match(text, person.stop)
        after = [
            t
            for t in self.article.tokens_in(gap.end(), gap.end() + AGREEMENT_LOOK)[:1]
            if t.start == gap.end()
        ]
        before = [
            t
            for t in self.article.tokens_in(max(0, person.start - AGREEMENT_LOOK), person.start)[-1:]
            if not text[t.stop : person.start].strip()
        ]
        for word in after + before:
            found = verb_gender(word.text.lower())
            if found:
                return found
        return None

    @cached_property
    def sources(self) -> dict[str, Source]:
        """Canonical name -> its entry, for every person and organisation of the article."""
        lexicon = self.article.lexicon
        entries: dict[str, Source] = {}
        for person, name in zip(self.persons, self._person_names):
            intro = self.introductions.get(person.start)
            old = entries.get(name)
            if old and (old.role or not intro):
                continue
            roles = lexicon.classes_introduced(intro[0]) if intro else frozenset()
            entries[name] = Source(
                name=name,
                type="PER",
                gender=self._genders.get(name),
                roles=roles,
                role=intro[1] if intro else None,
                affiliation=intro[2] if intro else None,
            )
        for org in self.article.entities:
            if org.type == "ORG" and (name := self.canonical(org)) not in entries:
                entries[name] = Source(name=name, type="ORG", kind=self._kind(org))
        return entries

    @cached_property
    def _person_names(self) -> list[str]:
        """The canonical name of each of :attr:`persons`."""
        return [self.canonical(person) for person in self.persons]

    def source(self, entity: Entity, wanted: str | None = None) -> Source:
        """The entry an entity names."""
        name = self.canonical(entity, wanted)
        found = self.sources.get(name)
        if found is None:
            return Source(
                name=name, type=entity.type, kind=self._kind(entity) if entity.type == "ORG" else None
            )
        return found

    # --- organisations -------------------------------------------------------------------

    @cached_property
    def outlets(self) -> frozenset[str]:
        """Names of the organisations that relay others' words in this article."""
        found = set()
        for org in self.article.entities:
            if org.type == "ORG" and org.normal not in found and self._relays(org):
                found.add(org.normal)
        return frozenset(found)

    def _relays(self, org: Entity) -> bool:
        lexicon = self.article.lexicon
        if org.normal.lower() in lexicon.outlets or OUTLET_NAME.search(org.normal):
            return True
        return self._in_dateline(org) or self._near_relay_verb(org)

    def _in_dateline(self, org: Entity) -> bool:
        paragraph = self.article.paragraph_at(org.start)
        return bool(
            paragraph
            and org.start - paragraph.start < DATELINE_REACH
            and DATELINE.match(self.article.text, paragraph.start)
        )

    def _near_relay_verb(self, org: Entity) -> bool:
        return self.beside_relay_verb(org.start, org.stop) and not self._owned(org)

    def _owned(self, org: Entity) -> bool:
        """'Пресс-служба Минздрава сообщает': the organisation is the owner of the body or role
        before it, which is the one that relays (or speaks)."""
        before = self.article.tokens_in(max(0, org.start - BODY_REACH), org.start)[-1:]
        if not before or self.article.text[before[0].stop : org.start].strip(" " + QUOTES):
            return False
        lexicon = self.article.lexicon
        word = role_lemma(before[0].text.lower(), lexicon)
        if lexicon.names_an_outlet(word) or word in lexicon.unnamed:
            return False  # 'газета «Ведомости»', 'агентство Reuters': the outlet itself
        return word in lexicon.bodies or word in lexicon.roles

    def beside_relay_verb(self, start: int, stop: int) -> bool:
        """Whether a relay verb stands right beside ``[start, stop)`` ('пишет газета')."""
        near = self.article.tokens_in(max(0, start - RELAY_REACH), start)[-2:]
        near += self.article.tokens_in(stop, stop + RELAY_REACH)[:1]
        for word in near:
            if _relay_verb(word.text):
                return True
        return False

    def outlet_before(self, position: int) -> Source | None:
        """The outlet named last before ``position`` ('Издание отмечает' after 'газета «Ведомости»')."""
        return self._last_before(self._outlet_mentions, position)

    @cached_property
    def _outlet_mentions(self) -> tuple[list[int], list[Entity]]:
        orgs = [
            org
            for org in self.article.entities
            if org.type == "ORG" and not self.quoted(org.start, org.stop) and self._kind(org) == "outlet"
        ]
        return [o.start for o in orgs], orgs

    def _kind(self, org: Entity) -> str | None:
        if org.normal in self.outlets:
            return "outlet"
        words = org.normal.split(maxsplit=1)
        head = lemma(words[0].lower()) if words else ""
        return self.article.lexicon.kind_of_head.get(head)

    def named_with(self, body: str, position: int) -> Source | None:
        """The last organisation before ``position`` the article named with this body noun
        ('Футбольный клуб «Динамо»' for 'в клубе') or whose name it heads ('Правительство США'
        for 'правительство')."""
        return self._last_before(self._named_with.get(body, ([], [])), position)

    @cached_property
    def _named_with(self) -> dict[str, tuple[list[int], list[Entity]]]:
        """Body noun lemma -> (starts, organisations) named with it, in text order."""
        found: dict[str, list[Entity]] = {}
        for org in self.article.entities:
            if org.type != "ORG" or self.quoted(org.start, org.stop):
                continue
            before = self.article.tokens_in(max(0, org.start - BODY_REACH), org.start)[-2:]
            keys = {lemma(word.text.lower()) for word in before}
            if len(org.normal.split()) > 1:
                keys.add(lemma(org.normal.split()[0].lower()))
            for key in keys:
                starts, orgs = found.setdefault(key, ([], []))
                starts.append(org.start)
                orgs.append(org)
        return found

    def _last_before(self, indexed: tuple[list[int], list[Entity]], position: int) -> Source | None:
        """Of organisations in text order (with their starts), the last ending by ``position``."""
        starts, orgs = indexed
        index = bisect.bisect_left(starts, position)
        while index > 0 and orgs[index - 1].stop > position:
            index -= 1
        return self.source(orgs[index - 1]) if index else None

    def relays_here(self, entity: Entity) -> bool:
        """This mention of an organisation relays: 'сообщает ТАСС', 'пишет «Коммерсантъ»', a dateline."""
        return entity.type == "ORG" and (self._near_relay_verb(entity) or self._in_dateline(entity))

    # --- resolution ----------------------------------------------------------------------

    def described(
        self,
        key: str,
        position: int,
        wanted: str | None,
        modifiers: Stems = Stems(),
        strict: bool = False,
    ) -> Source | None:
        """The person introduced with a description of ``key``'s class, agreeing in gender: of
        those named before ``position``, the one named last ('министр' after 'По словам Климкина'),
        never one introduced only later. Of those, the ones whose introduction shares a stem with
        the ``modifiers`` ('Казахстанский лидер' is the 'президент Казахстана'); if none does,
        all of them, or, ``strict``, none."""
        entries = {
            entry for cls in self.article.lexicon.classes_of(key) for entry in self._described_as.get(cls, ())
        }
        if modifiers:
            matching = {
                e for e in entries if related(modifiers, stems(f"{e.role or ''} {e.affiliation or ''}"))
            }
            entries = matching if matching or strict else entries
        best, best_stop = None, -1
        for entry in entries:
            if not agrees(entry, wanted):
                continue
            stops = self._stops_of[entry.name]
            index = bisect.bisect_right(stops, position)
            if index and stops[index - 1] > best_stop:
                best, best_stop = entry, stops[index - 1]
        return best

    @cached_property
    def _described_as(self) -> dict[str, set[Source]]:
        """Description lemma or class -> the entries introduced with it."""
        found: dict[str, set[Source]] = {}
        persons = {p.start: p for p in self.persons}
        for start, intro in self.introductions.items():
            for cls in self.article.lexicon.classes_introduced(intro[0]):
                found.setdefault(cls, set()).add(self.source(persons[start]))
        return found

    @cached_property
    def person_starts(self) -> list[int]:
        return [p.start for p in self.persons]

    @cached_property
    def _stops_of(self) -> dict[str, list[int]]:
        """Canonical name -> where each of its mentions ends, in text order."""
        found: dict[str, list[int]] = {}
        for person in self.persons:
            found.setdefault(self.source(person).name, []).append(person.stop)
        return found

    def occurrences(self, start: int, stop: int) -> list[Occurrence]:
        """Person mentions in ``[start, stop)`` outside quotations and quote marks (a title, a
        quoted text: «… размышляй над Кораном»), subjects marked."""
        low = bisect.bisect_left(self.person_starts, start)
        high = bisect.bisect_left(self.person_starts, stop)
        return [
            Occurrence(p.start, p.stop, self.source(p), self._subject(p))
            for p in self.persons[low:high]
            if p.stop <= stop and not self._in_marks(p.start)
        ]

    @cached_property
    def _marked(self) -> tuple[list[int], list[int]]:
        """Where each closed pair of quote marks opens and closes, in text order."""
        pairs = [
            (q.open, q.close)
            for paragraph in self.article.paragraphs
            for q in pair_quotes(self.article.text, paragraph.start, paragraph.stop)
            if q.open is not None and q.close is not None
        ]
        return [o for o, _ in pairs], [c for _, c in pairs]

    def _in_marks(self, position: int) -> bool:
        opens, closes = self._marked
        index = bisect.bisect_right(opens, position) - 1
        return index >= 0 and closes[index] > position

    def _subject(self, person: Entity) -> bool:
        """A mention that can be a subject: nominative, not after a preposition."""
        words = person.text.split()
        before = self.article.tokens_in(max(0, person.start - 20), person.start)[-1:]
        if before and before[0].text.lower() in PREPOSITIONS:
            return False
        if _folded(self.entities.get(person.start, person).normal) != _folded(" ".join(words)):
            return False  # 'приведённые Пайпсом': the name is not in its nominative here
        return _can_be_nominative_name(person.text)


def agrees(source: Source | None, wanted: str | None) -> bool:
    """Whether the source can be referred to with the wanted gender ('она', 'сказала')."""
    if source is None or wanted is None:
        return True
    if wanted == "plur":
        return False
    return source.type == "PER" and source.gender in (wanted, None)


PREPOSITION_CASES = {
    "с": "ablt",
    "со": "ablt",
    "у": "gent",
    "от": "gent",
    "для": "gent",
    "из": "gent",
    "без": "gent",
    "около": "gent",
    "к": "datv",
    "ко": "datv",
    "о": "loct",
    "об": "loct",
    "при": "loct",
    "словам": "gent",
}


@lru_cache(maxsize=WORD_CACHE)
def _noun_case(word: str) -> str | None:
    """The case of a singular noun when its parses agree on one ('шерифа' -> 'gent')."""
    cases = {p.tag.case for p in parses(word) if "NOUN" in p.tag and p.tag.number == "sing" and p.tag.case}
    if cases == {"gent", "accs"}:  # 'президента': the same ending either way
        cases = {"gent"}
    return str(next(iter(cases))) if len(cases) == 1 else None


ABBREVIATION = re.compile(r"[А-ЯЁA-Z]{2,6}")
PLACE_REACH = 40  # characters of the place NER split off an organisation ('МИД | России')
FUNCTION_WORDS = frozenset({"и", "по", "в", "за", "на", "для", "при", "of", "and", "the", "for"})


@lru_cache(maxsize=WORD_CACHE)
def _may_describe(word: str, prefixes: frozenset[str]) -> bool:
    """Whether a word as written starts like a form of a description (``prefixes``, the
    lexicon's): one read for each token of each introduction window, cached."""
    return fold_yo(word.lower()[:PREFIX]) in prefixes


@lru_cache(maxsize=WORD_CACHE)
def _initials(name: str) -> str:
    """'Общество научных работников' -> 'ОНР' (function words skipped)."""
    return "".join(w[0].upper() for w in re.findall(r"[\w-]+", name) if w.lower() not in FUNCTION_WORDS)


@lru_cache(maxsize=WORD_CACHE)
def _relay_verb(word: str) -> bool:
    """Whether a word, as written, is a present-tense relay verb ('пишет', 'Сообщает')."""
    lower = word.lower()
    if fold_yo(lower[:PREFIX]) not in _relay_prefixes():
        return False
    return any("VERB" in p.tag and "pres" in p.tag and p.normal_form in RELAY_VERBS for p in parses(lower)[:2])


@lru_cache(maxsize=1)
def _relay_prefixes() -> frozenset[str]:
    return form_prefixes(RELAY_VERBS)


STEM = 5  # letters a noun and its adjective share ('Казахстана', 'казахстанский')
ROOT = 3  # letters of the shortest root that relates words ('Ирана', 'иранский')
ROOT_GAP = 3  # letters a related root may run on by ('Италии': итал, 'итальянский': итальян)
ADJECTIVE_SUFFIX = re.compile(r"(?:ийск|ск|к)(?:ий|ой)$")  # 'сирийский' -> сир, 'турецкий' -> турец
FLEETING = re.compile(r"е(?=ц$)")  # 'турец' of 'турецкий' is the турц of 'Турция'
NOUN_ENDING = re.compile(r"(?:ый|ия|ь|а|я|й|о)$")  # 'Турция' -> турц, 'Польша' -> польш


@lru_cache(maxsize=WORD_CACHE)
def stems(text: str) -> Stems:
    """The :class:`Stems` of the words of ``text``, lowercased."""
    words = re.findall(r"[^\W\d_]+", text)
    return Stems(
        frozenset(w[:STEM].lower() for w in words if len(w) > STEM),
        frozenset(root(w) for w in words if len(w) > ROOT) - {""},
    )


@lru_cache(maxsize=WORD_CACHE)
def root(word: str) -> str:
    """A word's lemma without its adjective suffix or its ending: 'Турции', 'турецкого' -> турц."""
    found = lemma(word.lower())
    if ADJECTIVE_SUFFIX.search(found):
        return FLEETING.sub("", ADJECTIVE_SUFFIX.sub("", found))
    return NOUN_ENDING.sub("", found)


def related(these: Stems, those: Stems) -> bool:
    """Whether two texts share a word's first letters, or a root of one begins a root of the
    other that runs on by only a few letters ('итал', 'итальян')."""
    return bool(these.firsts & those.firsts) or any(
        _root_begins(*sorted((mine, theirs), key=len)) for mine in these.roots for theirs in those.roots
    )


def _root_begins(short: str, long: str) -> bool:
    return len(short) >= ROOT and long.startswith(short) and len(long) - len(short) <= ROOT_GAP


def _first_name_and_more(name: str) -> bool:
    """'Алексей Калачев': a first name the dictionary knows, then more of the name."""
    words = name.split()
    return len(words) > 1 and name_gender(words[0]) is not None


def _in_case(name: str, case: str | None) -> bool:
    """Whether a name can stand in the case of the description before it: a description in
    apposition agrees ('супруге президента — Наине Иосифовне' is not the president)."""
    if case is None:
        return True
    words = [w for w in name.split() if not is_initial(w)]
    if case == "nomn":
        return all(_can_be_nominative(w) for w in words)
    return all(can_stand_in(w, case) for w in words)


SYLLABLE = 3  # letters of a name's syllable ('Пан Ги Мун')


@lru_cache(maxsize=WORD_CACHE)
def _noun_opens(name: str) -> bool:
    """A person noun NER took into the name it opens, the name in the nominative after it
    ('Израильтянка Наама Иссахар', 'Поп-звезда Мадонна'); not 'Племянник Алишера Усманова' nor
    'Прислуга Макафи', someone of theirs."""
    first, _, rest = name.partition(" ")
    return (
        bool(rest)
        and len(first) > SYLLABLE  # 'Пан Ги Мун': a syllable of a name, or a title, who can tell
        and _common_person_noun(first.lower())
        and _in_case(rest, "nomn")
        and not _owner_name(rest)
    )


def _owner_name(name: str) -> bool:
    """A name that can be the genitive owner of the noun before it ('Прислуга Макафи'): each word
    can be a genitive and none is a first name the dictionary knows in the nominative ('Фигуристки
    Вероника Ларина' are the skaters, 'Вероника' a nominative)."""
    words = name.split()
    return _in_case(name, "gent") and not any(is_known(w) and name_gender(w, "nomn") for w in words)


@lru_cache(maxsize=WORD_CACHE)
def _common_person_noun(word: str) -> bool:
    """A person noun in the nominative, singular or plural ('израильтянка', 'фигуристки'), the
    dictionary knows and never reads as a name (not 'пан', 'эмир')."""
    found = parses(word)
    return (
        any({"NOUN", "anim", "nomn"} <= p.tag.grammemes for p in found[:2])
        and is_known(word)
        and not any(tag in p.tag for p in found for tag in ("Name", "Surn", "Patr"))
    )


def _folded(name: str) -> str:
    return name.lower().replace("ё", "е")


def _guessed_beyond(words: list[str]) -> bool:
    """A name whose first word can be a nominative and whose other words the dictionary does not
    know ('Жоао Батшуайи': its genitive of 'Батшуайя' is a guess)."""
    return len(words) > 1 and _can_be_nominative(words[0]) and not any(map(is_known, words[1:]))


@lru_cache(maxsize=WORD_CACHE)
def _can_be_nominative_name(name: str) -> bool:
    """Whether every word of a person's name as written can be a nominative."""
    return all(_can_be_nominative(w) for w in name.split())


@lru_cache(maxsize=WORD_CACHE)
def _can_be_nominative(word: str) -> bool:
    """Whether a word of one person's name can be a nominative: the dictionary says so, or knows
    it in no singular case ('Силуанов', to it only a plural of 'Силуан'; but 'Бушей' is a family's)."""
    found = [g for g in [p.tag.grammemes for p in parses(word)] if not g.isdisjoint(CASES)]
    return all("plur" in g and "Pltm" not in g for g in found) or any("nomn" in g for g in found)
