"""Coreference: the registry entry each mention refers to, with what was said before."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import lru_cache

from .article import Article
from .choose import _plural, _plural_noun
from .mentions import DEMONSTRATIVES, POSSESSIVES, PRONOUNS, Mention, after_in, find_mentions, institution
from .model import Cue
from .morph import WORD_CACHE, lemma, parses, verb_gender
from .names import org_nominative
from .registry import Occurrence, Registry, Source, Stems, agrees, stems

SUBJECT_OPENING = re.compile(r"(?i)(?:(?:сам|сама|сами|же|а|но|и|при этом|тем временем)\s+|[\w-]+\s+){0,3}")
OPENING_WORDS = 5  # a sentence's subject stands among its first words ('Сам же главный тренер')
MODIFIER_REACH = 40  # characters before a description searched for its adjectives
RECENT = 600  # characters within which the last speaker is still the topic
CLAUSE_BREAK = re.compile(r"[,;:—()]|\s(?:и|а|но|где|когда|то)\s")
# a gerund phrase opening a sentence: 'Отвечая Герману Грефу,'
GERUND_OPENING = re.compile(r"[А-ЯЁ][а-яё]+(?:я|в|вшись)\s[^,.]*,")


# a description whose person asked not to be named: 'представитель министерства, пожелавший
# остаться неназванным', 'чиновник, попросивший не называть его имени', '… на условиях анонимности'
ANONYMOUS = re.compile(
    r"(?:пожелавш|попросивш|просивш)\w*\s+(?:остаться\s+(?:неназванн|анонимн|инкогнито)|не\s+(?:называть|раскрывать))"
    r"|на\s+условиях\s+анонимности",
    re.I,
)
# classes of descriptions of a trade: someone introduced with one is not referred to by a
# description of another class ('адвокат' after 'судья Рэймонд Дири')
TRADES = frozenset({"lawyer", "judge", "prosecutor", "athlete", "coach", "doctor", "artist", "defendant"})
ANONYMOUS_REACH = 60  # characters after a description searched for its person's wish not to be named


class Resolver:
    """Resolves mentions in text order; remembers the last speaker, the topic of what follows."""

    def __init__(self, article: Article, registry: Registry, quoted: Callable[[int, int], bool]):
        self.article = article
        self.registry = registry
        self._inside_quote = quoted
        self.last_speaker: tuple[str, Source, int] | None = None
        self._unnamed_spoke = -1  # where the last quotation of an unnamed source ended

    def spoke(self, source: Source | None, stop: int) -> None:
        """``source`` (None: an unnamed one) said a quotation ending at ``stop``."""
        if source is None:
            self._unnamed_spoke = stop
        else:
            self.last_speaker = (source.name, source, stop)

    def _unnamed_spoke_last(self) -> bool:
        return self.last_speaker is None or self._unnamed_spoke > self.last_speaker[2]

    def resolve(self, mention: Mention, cue: Cue | None) -> Source | None:
        """The registry entry a mention refers to, or None for an unnamed source."""
        registry, wanted = self.registry, cue_gender(cue)
        if mention.kind == "entity":
            return registry.source(mention.entity, wanted)
        if mention.kind == "pronoun":
            pronoun = PRONOUNS[mention.key]
            if pronoun == "plur":  # 'В «Газпроме» заявили … Они также добавили': the organisation
                return self._organisation_spoke(mention.start)
            if pronoun == "org":  # 'В Минздраве инициативу одобрили. Там напомнили, что …'
                return self._body(None, mention.start)
            wanted = pronoun if pronoun in ("masc", "femn") else wanted
            if mention.key in DEMONSTRATIVES:  # 'спросил министра, на что тот ответил': not the subject
                return self._other_than_subject(mention.start, wanted) or self._salient(mention.start, wanted)
            opening = self._description_opening_before(mention.start)
            if opening is not None:  # 'Сам же главный тренер … Он заявил': the coach, named or not
                return self.registry.described(opening.key, opening.start, wanted)
            organisation = self._organisation_subject(mention, wanted)
            return organisation or self._salient(mention.start, wanted)
        if mention.kind == "body":
            if mention.name:
                return Source(name=mention.name, type="ORG", kind="press")
            if self.article.lexicon.names_an_outlet(mention.key):
                return self.registry.outlet_before(mention.start)  # 'Издание отмечает, что'
            named = self.registry.named_with(mention.key, mention.start)
            if named is not None and named.kind != "outlet":
                return named  # 'Правительство Якутии … В правительстве заявили'
            if mention.key in self.article.lexicon.institutions:
                kind = self.article.lexicon.kind_of_head.get(mention.key)
                return Source(name=mention.key, type="ORG", kind=kind)  # 'как пояснили в милиции'
            return self._body(mention.key, mention.start)
        if mention.kind == "role":
            if self._possessed(mention) or self._anonymous(mention, cue) or self._plural_subject(mention, cue):
                return None  # 'его помощник': someone of his; 'чиновник, пожелавший остаться неназванным'
            wanted = wanted or feminine_description(mention.key)
            if "interlocutor" in self.article.lexicon.classes_of(mention.key) and self._unnamed_spoke_last():
                return None  # 'сказал источник … Собеседник издания добавил': the same unnamed source
            spokesperson = self._speaks_for_body(mention)  # 'представитель компании': not any spokesperson
            described = registry.described(
                mention.key, mention.start, wanted, self._modifiers(mention), strict=spokesperson
            )
            if described is None and spokesperson:
                return self._represented(mention)
            if described is not None:
                return described
            salient = self._salient(mention.start, wanted)
            return salient if salient is None or self._may_be_called(mention.key, salient) else None
        return None  # unnamed: 'источник', 'эксперты'

    def _plural_subject(self, mention: Mention, cue: Cue | None) -> bool:
        """'Судьи опасались': a description that can be a plural nominative, subject of a plural
        verb, is several people, unnamed."""
        if cue is None or not _plural(cue.text):
            return False
        word = self.article.text[mention.start : mention.stop].split()[0]
        return _plural_noun(word)

    def _anonymous(self, mention: Mention, cue: Cue | None) -> bool:
        """Whether the person described asked not to be named, between the cue and a little
        after the description, within its sentence."""
        sentence = self.article.sentence_at(mention.start)
        start = cue.stop if cue is not None and cue.stop <= mention.start else mention.start
        stop = min(mention.stop + ANONYMOUS_REACH, sentence.stop if sentence else len(self.article.text))
        return bool(ANONYMOUS.search(self.article.text, start, stop))

    def _organisation_spoke(self, position: int) -> Source | None:
        """The organisation that spoke last, in this paragraph or the one before, when no one
        spoke after it: what a plural pronoun refers to; else no one named."""
        last = self.last_speaker
        if last is None or last[1].type != "ORG" or self._unnamed_spoke_last():
            return None
        here = self.article.paragraph_at(position)
        there = self.article.paragraph_at(max(0, last[2] - 1))
        return last[1] if here and there and here.index - there.index <= 1 else None

    def _possessed(self, mention: Mention) -> bool:
        """A description after a possessive pronoun ('его помощник', 'её адвокат') is another person."""
        before = self.article.tokens_in(max(0, mention.start - MODIFIER_REACH), mention.start)[-1:]
        return (
            bool(before)
            and before[0].text.lower() in POSSESSIVES
            and not self.article.text[before[0].stop : mention.start].strip()
        )

    def _modifiers(self, mention: Mention) -> Stems:
        """Stems of the words that narrow a description: adjectives before it and its genitive
        ('Казахстанский лидер', 'Руководитель украинского ведомства')."""
        article = self.article
        before = []
        for token in reversed(article.tokens_in(max(0, mention.start - MODIFIER_REACH), mention.start)[-2:]):
            if "ADJF" not in parses(token.text.lower())[0].tag:
                break
            before.append(token.text)
        own = article.text[mention.start : mention.stop].split()[len(mention.key.split()) :]
        return stems(" ".join(before + own))

    def _speaks_for_body(self, mention: Mention) -> bool:
        """'Официальный представитель посольства России заявил': a spokesperson of a named body."""
        text = self.article.text[mention.start : mention.stop]
        return "spokesperson" in self.article.lexicon.classes_of(mention.key) and len(text.split()) > len(
            mention.key.split()
        )

    def _represented(self, mention: Mention) -> Source:
        """The body a spokesperson speaks for: the organisation named in the description."""
        words = self.article.text[mention.start : mention.stop].split()
        tail = " ".join(words[len(mention.key.split()) :])
        inside = [e for e in self.article.entities_in(mention.start, mention.stop + 40) if e.type == "ORG"]
        if inside and inside[0].start < mention.stop:
            return self.registry.source(inside[0])
        owner = self.article.entities_in(mention.stop, mention.stop + 40)[:1]
        if owner and not self.article.text[mention.stop : owner[0].start].strip():
            tail = f"{tail} {owner[0].text}"  # 'Пресс-секретарь семьи Бушей' speaks for 'семья Бушей'
        *modifiers, head = tail.split() or [""]
        body = lemma(head.lower()) if all(map(_adjective, modifiers)) else None
        if body not in self.article.lexicon.bodies:
            return Source(name=org_nominative(tail), type="ORG")
        # 'представитель ведомства': the one named before; 'представитель управляющей компании':
        # the one named with that noun ('управляющую компанию «Уют»'), an adjective may tell apart
        found = (
            self.registry.named_with(body, mention.start) if modifiers else self._body(body, mention.start)
        )
        return found or Source(name=org_nominative(tail), type="ORG")

    def _description_opening_before(self, position: int) -> Mention | None:
        """The description opening the sentence before the pronoun's as its subject, when no one
        is named there and no one spoke since ('Президент и сам … заявлял. «…», — добавил он')."""
        sentence = self.article.sentence_at(position)
        if sentence is None:
            return None
        previous = self.article.sentence_at(sentence.start - 2) if sentence.start > 1 else None
        last = self.last_speaker
        if previous is None or (last and last[2] > previous.start) or self.registry.aside(previous.start):
            return None
        if self.registry.occurrences(previous.start, previous.stop):
            return None  # someone is named there
        head = self.article.tokens_in(previous.start, previous.stop)[:OPENING_WORDS]
        if not head:
            return None
        opening = find_mentions(self.article, previous.start, head[-1].stop, self._inside_quote)[:1]
        if (
            opening
            and opening[0].kind == "role"
            and _nominative(self.article.text[opening[0].start : opening[0].stop].split()[0])
            and SUBJECT_OPENING.fullmatch(self.article.text, previous.start, opening[0].start)
        ):
            return opening[0]
        return None

    def _may_be_called(self, description: str, person: Source) -> bool:
        """Whether a person can be referred to by a description of a trade no one was introduced
        with: not one introduced with another trade ('адвокат' is not the 'судья Рэймонд Дири',
        'Адвокат футболиста' not the footballer): that description is someone unnamed."""
        own = self.article.lexicon.classes_introduced(description)
        return not (own & TRADES and person.roles & TRADES) or bool(person.roles & own)

    def _salient(self, position: int, wanted: str | None) -> Source | None:
        """The person a pronoun or description refers to: the last speaker, unless an agreeing
        subject was named since; else the nearest agreeing person before."""
        occurrences = [
            o
            for o in self.registry.occurrences(max(0, position - RECENT), position)
            if agrees(o.source, wanted) and not self._oblique_in_clause(o, position)
        ]
        nearest = self._topic(occurrences)
        last = self.last_speaker
        if last and last[1].type == "PER" and agrees(last[1], wanted) and position - last[2] < RECENT:
            if (
                nearest is None
                or last[2] >= nearest.start
                or nearest.source.name == last[1].name
                or (wanted and nearest.source.gender is None and not nearest.subject)
            ):  # 'болезнь Паркинсона' is no 'она' that the last speaker is
                return last[1]
        if nearest is not None:
            return nearest.source
        persons = self.registry.persons
        for index in range(bisect.bisect_left(self.registry.person_starts, position) - 1, -1, -1):
            source = self.registry.source(persons[index])
            if persons[index].stop <= position and agrees(source, wanted):
                return source
        return None

    def _other_than_subject(self, position: int, wanted: str | None) -> Source | None:
        """The person a demonstrative refers to: of the people named last, the last one named
        other than as a subject ('Журналист спросил министра …, на что тот ответил')."""
        occurrences = [
            o for o in self.registry.occurrences(max(0, position - RECENT), position) if agrees(o.source, wanted)
        ]
        topic = self._topic(occurrences)
        others = [o for o in occurrences if not o.subject and topic is not None and o.source != topic.source]
        return others[-1].source if others else None

    def _oblique_in_clause(self, occurrence: Occurrence, position: int) -> bool:
        """A person named in an oblique case in the clause of the pronoun or description, or in
        the gerund phrase opening its sentence, is not who it refers to ('В беседе с Андреем
        Костиным он заявил', 'Отвечая Герману Грефу, министр подчеркнул'); one named in another
        clause may be ('дорога для Римкуса была открыта, и он согласился')."""
        if occurrence.subject:
            return False
        sentence = self.article.sentence_at(position)
        if sentence is None or occurrence.start < sentence.start:
            return False
        text = self.article.text
        if not CLAUSE_BREAK.search(text, occurrence.stop, position):
            return True
        opening = GERUND_OPENING.match(text, sentence.start, position)
        return bool(opening) and occurrence.stop <= opening.end()

    def _topic(self, occurrences: list[Occurrence]) -> Occurrence | None:
        """Of the people named last, in the last sentence naming any, its subject if there is one."""
        if not occurrences:
            return None
        sentence = self.article.sentence_at(occurrences[-1].start)
        low = sentence.start if sentence else occurrences[-1].start
        last = [o for o in occurrences if o.start >= low]
        return next((o for o in reversed(last) if o.subject), last[-1])

    def _body(self, key: str | None, position: int) -> Source | None:
        """The organisation a body noun refers to ('в ведомстве'): the last organisation quoted,
        else the last one named of a fitting kind; never an outlet."""
        lexicon = self.article.lexicon
        named = self.registry.named_with(key, position) if key else None
        if named is not None and named.kind != "outlet":
            return named
        sentence = self.article.sentence_at(position)
        here = self._organisation_before(key, sentence.start, position, outlets=True) if sentence else None
        if here is not None:  # 'В Mail.ru, как рассказали в пресс-службе, …'
            return here
        last = self.last_speaker
        topic = self._organisation_opening(sentence, last[2] if last else 0) if sentence else None
        if topic is not None and (key is None or lexicon.body_fits(key, topic.kind)):
            return topic  # 'Правительство Москвы планирует … Там уточнили'
        if last and last[1].type == "ORG" and position - last[2] < RECENT:
            if key is None or lexicon.body_fits(key, last[1].kind):
                return last[1]
        return self._organisation_before(key, max(0, position - RECENT * 2), position)

    def _organisation_subject(self, mention: Mention, wanted: str | None) -> Source | None:
        """An organisation opening the sentence before as its subject, for a pronoun opening its
        own whose gender is that of the organisation's head noun ('Компания «Вектор» объявила …
        Она также сообщила')."""
        sentence = self.article.sentence_at(mention.start)
        if wanted is None or sentence is None or self.article.text[sentence.start : mention.start].strip():
            return None
        last = self.last_speaker
        found = self._organisation_opening(sentence, last[2] if last else 0)
        if found is None:
            return None
        previous = self.article.sentence_at(sentence.start - 2)
        head = self.article.tokens_in(previous.start, previous.stop)[:1] if previous else []
        gender = parses(head[0].text.lower())[0].tag.gender if head else None
        return found if gender == wanted else None

    def _organisation_opening(self, sentence, since: int) -> Source | None:
        """The organisation opening the sentence before ``sentence`` as its subject, named after
        the last quotation ended at ``since``."""
        previous = self.article.sentence_at(sentence.start - 2) if sentence.start > 1 else None
        if previous is None or previous.start < since or previous.paragraph != sentence.paragraph:
            return None
        found = find_mentions(self.article, previous.start, previous.stop, self._inside_quote)[:2]
        mention = found[0] if found else None
        if mention is None or self.article.text[previous.start : mention.start].strip():
            return None
        named = found[1] if len(found) > 1 and found[1].kind == "entity" else None
        head = lemma(self.article.text[mention.start : mention.stop].lower())
        if (
            (mention.kind == "body" or head in self.article.lexicon.bodies)
            and named
            and not self.article.text[mention.stop : named.start].strip(' «"„')
        ):
            mention = named  # 'Компания «Вектор» объявила': the company named (NER may take 'Компания' too)
        if mention.kind == "body" and mention.name:
            return Source(
                name=mention.name, type="ORG", kind=self.article.lexicon.kind_of_head.get(mention.key)
            )
        if mention.kind == "entity" and mention.entity.type == "ORG":
            source = self.registry.source(mention.entity)
            return source if source.kind != "outlet" else None
        return None

    def _organisation_before(
        self, key: str | None, start: int, position: int, outlets: bool = False
    ) -> Source | None:
        """The last organisation named in ``[start, position)`` that the body noun can refer to;
        an outlet only with ``outlets`` and where it relays nothing."""
        lexicon = self.article.lexicon
        for entity in reversed(self.article.entities_in(start, position)):
            if entity.type not in ("ORG", "LOC") or self._inside_quote(entity.start, entity.stop):
                continue
            if entity.type == "LOC":
                if key is None and after_in(self.article.text, entity.start):
                    return Source(name=institution(entity).normal, type="ORG")
                continue
            source = self.registry.source(entity)
            if source.kind == "outlet" and (not outlets or self.registry.relays_here(entity)):
                continue
            if key is None or lexicon.body_fits(key, source.kind):
                return source
        return None


@lru_cache(maxsize=WORD_CACHE)
def _adjective(word: str) -> bool:
    """An adjective or participle by its likeliest reading: 'оборонного', 'управляющей'."""
    return parses(word.lower())[0].tag.POS in ("ADJF", "PRTF")


@lru_cache(maxsize=WORD_CACHE)
def _nominative(word: str) -> bool:
    return any(p.tag.case == "nomn" for p in parses(word.lower()))


@lru_cache(maxsize=WORD_CACHE)
def feminine_description(key: str) -> str | None:
    """'femn' for a description only a woman bears ('певица', 'теннисистка'); a masculine one
    ('министр', 'тренер') is said of women too, and says nothing."""
    found = parses(key.split()[0])
    return "femn" if found and {"NOUN", "anim", "femn"} <= found[0].tag.grammemes else None


def cue_gender(cue: Cue | None) -> str | None:
    """'masc' or 'femn' when the speech verb agrees in gender ('сказала')."""
    return verb_gender(cue.text.split()[0]) if cue is not None else None
