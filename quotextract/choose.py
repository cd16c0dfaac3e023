"""Choosing, among the mentions of a candidate's attribution, the one that names its source."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cached_property, lru_cache

from .article import Article
from .lexicon import read_list
from .mentions import POSSESSIVES, Mention, after_in, after_preposition
from .morph import WORD_CACHE, is_person_noun, is_verb, lemma, parses
from .names import NOMINATIVE_SHAPE, org_nominative
from .punct import OPENING_QUOTES, QUOTES, SENTENCE_ENDS, one_of
from .registry import ABBREVIATION, Registry
from .rules.base import Candidate
from .syntax import Word, parse, subject

GOVERNORS = frozenset(read_list("governors.txt"))  # a name right after these is no subject
QUOTING = frozenset(read_list("quoting_verbs.txt"))  # their object is the source: 'цитирует РБК Пескова'
APPOSITION_GAP = re.compile(rf"[\s{re.escape(QUOTES)}()\w.-]*")
SPACE_AND_QUOTES = " " + QUOTES
APPOSITION_REACH = 60  # characters between a description and the name it introduces
CLAUSE_APPOSITION_REACH = 120  # 'лидер Меджлиса …, народный депутат Украины Мустафа Джемилев.'
ADJACENT = re.compile(rf"[\s{re.escape(QUOTES)}]*(?:(?:от|из)\s+)?")
PAIR = re.compile(rf"\s+и\s+[^,.;:{re.escape(QUOTES)}]{{0,80}}")  # 'X и Y заявили'
GOVERNOR_BEFORE = re.compile(rf"(\w+)[\s{re.escape(OPENING_QUOTES)}]*$")
RELATIVE_ANY = re.compile(r",\s*(?:[а-яё]+\s+)?котор[а-яё]*\b")  # ', которой …', ', о котором …'
RELATIVE = re.compile(r",\s*котор(?:ый|ая|ое|ые)\b")  # the subject of its clause
ANTECEDENT_GAP = re.compile(rf"[\s{re.escape(QUOTES)}]*(?:\([^()]{{0,40}}\))?\s*")
PLACE_REACH = 30  # characters before a person searched for the place they own ('в офисе')
# a name without an ending is nominative ('Данн'); -ым, -ом, -ем are the instrumental's ('Силуановым')
BARE_STEM = re.compile(r"[бвгджзклмнпрстфцчшщ]$(?<![ыоеё]м)", re.I)
VENUE = re.compile(
    r"(?i)\b(?:в|во|на)\s+(?:эфире|интервью|беседе\s+с|разговоре\s+с|колонке\s+для|программе|страницах)"
    rf"(?:\s+(?:телеканала|радиостанции|радио|газеты|газете|журнала|журналу|издания|изданию))?[\s{re.escape(QUOTES)}]*$"
)
VENUE_REACH = 50  # characters before a name searched for the venue it is
QUOTED_REACH = 30  # characters after a quoting verb searched for the person it quotes
CLAUSE_OPEN_TO_COLON = re.compile(r"[^,.;!?]*:\s*")  # the relative clause runs on to the colon
CLAUSE_CLOSE = re.compile(rf"\s*(?:{one_of(SENTENCE_ENDS + ';')}|$)")


class Chooser:
    """Picks the mention naming the source of each candidate of one article."""

    def __init__(
        self,
        article: Article,
        registry: Registry,
        candidates: list[Candidate],
        mentions_of: Callable[[Candidate], list[Mention]],
    ):
        self.article = article
        self.registry = registry
        self.candidates = candidates
        self.mentions_of = mentions_of

    def choose(self, candidate: Candidate, mentions: list[Mention]) -> Mention | None:
        """The mention naming the source: nearest the cue on the usual side, in the right case.
        An outlet that relays ('сообщает ТАСС') is chosen only when nothing else is named."""
        mention = self._choose(candidate, mentions)
        if mention is None or candidate.cue is None or not _plural(candidate.cue.text):
            return mention
        return self._place_owned(mention)

    def _place_owned(self, mention: Mention) -> Mention:
        """'В офисе шерифа округа подтвердили': a person owning the place a plural verb's
        statement came from names the place, an organisation ('офис шерифа округа')."""
        if mention.kind not in ("role", "entity") or (mention.entity and mention.entity.type != "PER"):
            return mention
        before = self.article.tokens_in(max(0, mention.start - PLACE_REACH), mention.start)[-2:]
        if len(before) < 2 or before[0].text.lower() not in ("в", "во"):
            return mention
        place = before[1]
        lexicon = self.article.lexicon
        nouns = [p for p in parses(place.text.lower()) if "NOUN" in p.tag and p.tag.case == "loct"]
        if (
            not nouns
            or nouns[0].normal_form in lexicon.bodies
            or self.article.text[place.stop : mention.start].strip()
        ):
            return mention
        name = org_nominative(" ".join(self.article.text[place.start : mention.stop].split()))
        return Mention(place.start, mention.stop, "body", key=nouns[0].normal_form, name=name)

    def _choose(self, candidate: Candidate, mentions: list[Mention]) -> Mention | None:
        plural = candidate.cue is not None and _plural(candidate.cue.text)
        mentions = [
            m for m in mentions if not self._relaying(m) and not self._addressee(m, plural)
        ] or mentions
        if all(self._venue(m) for m in mentions):
            return None  # 'в эфире CNBC миллиардер добавил': where it was said, not who said it
        if plural:
            mentions = [self._plural_body(m) for m in mentions]
        if not mentions:
            return None
        antecedent = self._antecedent(candidate, mentions)
        if antecedent is not None:
            return antecedent
        mentions = self._outside_open_relative(candidate, self._outside_closed_relatives(candidate, mentions))
        parsed = self._parsed_subject(candidate, mentions)
        if parsed is not None:
            return self._first_of_pair(self._apposition(parsed, mentions), mentions, candidate.cue)
        cue, (region_start, region_stop) = candidate.cue, candidate.region
        if cue and region_start <= cue.start < region_stop:
            low = cue.start
        else:  # the region stands beside the quotation, without a cue inside
            low = region_stop if candidate.prefer == "before" else region_start
        before = [m for m in mentions if m.stop <= low][::-1]
        after = [m for m in mentions if m.stop > low]  # within the cue: 'По его словам
        order = after + before if candidate.prefer == "after" else before + after
        if cue and cue.lemma in QUOTING:
            quoted = self._quoted_person(cue, mentions)
            if quoted is not None:
                return quoted  # 'цитирует аргентинца «Спорт-Экспресс»': the one quoted
            order = sorted(order, key=lambda m: self._quoted_rank(m, cue))
        elif cue is None and candidate.speaker_case == "nomn":  # 'Сам X оказался дипломатичнее: «…»'
            order = sorted(
                order, key=lambda m: (not self._person(m), not self._can_be(m, "nomn", strict=True))
            )
        else:
            case = candidate.speaker_case or ("nomn" if cue else None)
            relaxed = [m for m in order if self._can_be(m, case)]
            places = [m for m in relaxed if after_in(self.article.text, m.start)]
            if (
                cue
                and _plural(cue.text)
                and places
                and not any(m.entity and m.entity.type == "PER" for m in relaxed)
            ):
                order = places  # 'В пресс-службе «Аэрофлота» РБК сообщили': where the statement came from
            else:
                order = [m for m in order if self._can_be(m, case, strict=True)] or relaxed or order
                if case == "nomn" and all(self._person_governed(m) for m in order):
                    order = []  # '— добавил банкир в разговоре с Антоном Силуановым': he is no speaker
        pick = self._apposition(order[0], mentions) if order else None
        return self._first_of_pair(pick, mentions, cue) if pick else None

    def _outside_closed_relatives(self, candidate: Candidate, mentions: list[Mention]) -> list[Mention]:
        """'Елена Воробей, которой позвонили журналисты канала, сказала:': a relative clause
        closed before the speech verb names no one who speaks."""
        cue, (region_start, region_stop) = candidate.cue, candidate.region
        point = cue.start if cue and region_start <= cue.start < region_stop else region_stop
        text, closed = self.article.text, []
        for which in RELATIVE_ANY.finditer(text, region_start, point):
            comma = text.find(",", which.end(), point)
            if comma != -1:
                closed.append((which.start(), comma))
        if not closed:
            return mentions
        kept = [m for m in mentions if not any(start <= m.start < stop for start, stop in closed)]
        return kept or mentions

    def _outside_open_relative(self, candidate: Candidate, mentions: list[Mention]) -> list[Mention]:
        """'X пролила свет на письмо, о котором ранее говорил Y:': a speech verb inside a relative
        clause of an oblique pronoun, still open at the colon, says what Y spoke of; the speech
        after the colon is the main clause's."""
        cue, (region_start, region_stop) = candidate.cue, candidate.region
        if cue is None or candidate.prefer != "before" or not region_start <= cue.start < region_stop:
            return mentions
        text = self.article.text
        opened = [w for w in RELATIVE_ANY.finditer(text, region_start, cue.start)][-1:]
        if not opened or RELATIVE.match(text, opened[0].start()) or "," in text[opened[0].end() : cue.start]:
            return mentions
        if not CLAUSE_OPEN_TO_COLON.fullmatch(text, cue.stop, region_stop):
            return mentions
        return [m for m in mentions if m.stop <= opened[0].start()] or mentions

    def _antecedent(self, candidate: Candidate, mentions: list[Mention]) -> Mention | None:
        """'…наследником Бекенбауэра, который отшучивается словами: «…»': the speaker of a
        relative clause holding the speech is the name its pronoun refers back to."""
        cue, (region_start, region_stop) = candidate.cue, candidate.region
        text = self.article.text
        which = [w for w in RELATIVE.finditer(text, region_start, region_stop)][-1:]
        if not which:
            return None
        if cue and which[0].end() <= cue.start < region_stop:
            point = cue.start
        elif candidate.prefer == "before":
            point = region_stop
        else:
            return None
        if "," in text[which[0].end() : point]:
            return None  # the relative clause closed before the speech: 'X, который …, заявил'
        before = [m for m in mentions if m.stop <= which[0].start()]
        if not before or any(which[0].end() <= m.start < point for m in mentions):
            return None
        gap = text[before[-1].stop : which[0].start()]
        return before[-1] if ANTECEDENT_GAP.fullmatch(gap) else None

    @cached_property
    def _parsed(self) -> dict[int, list[Word]]:
        return parse(self.article.text, self.sentences_to_parse())

    def sentences_to_parse(self) -> list[tuple[int, int]]:
        """The sentences holding the speech verb of a candidate with more than one mention to
        choose from (only those are parsed: a dialogue's '— сказал он' needs no parser)."""
        starts = {}
        for candidate in self.candidates:
            if self._needs_parse(candidate) and len(self.mentions_of(candidate)) > 1:
                sentence = self.article.sentence_at(candidate.cue.start)
                if sentence:
                    starts[sentence.start] = (sentence.start, sentence.stop)
        return list(starts.values())

    def given_parses(self, parsed: dict[int, list[Word]]) -> None:
        """Take the parses of :meth:`sentences_to_parse`, made in a batch with other articles'."""
        self.__dict__["_parsed"] = parsed

    def _needs_parse(self, candidate: Candidate) -> bool:
        cue = candidate.cue
        return (
            cue is not None
            and candidate.region is not None
            and " " not in cue.text
            and cue.lemma not in QUOTING
            and _verbal(cue.text.lower())
        )

    def _parsed_subject(self, candidate: Candidate, mentions: list[Mention]) -> Mention | None:
        """The mention the parser takes for the subject of the speech verb, if any."""
        if not self._needs_parse(candidate):
            return None
        sentence = self.article.sentence_at(candidate.cue.start)
        words = self._parsed.get(sentence.start) if sentence else None
        spans = subject(words, candidate.cue.start) if words else []
        cue = candidate.cue
        head = next((m for m in mentions if spans and m.start < spans[-1][1] and spans[-1][0] < m.stop), None)
        for start, stop in spans:
            for mention in mentions:
                if mention.start < stop and start < mention.stop and not self._relaying(mention):
                    if head is not None and mention is not head and self._owner_of(head, mention):
                        continue
                    return (
                        self._named_after(mention, mentions, cue.start) if mention.kind == "role" else mention
                    )
        return None

    def _owner_of(self, description: Mention, person: Mention) -> bool:
        """'Адвокат Радована Караджича': a name the parser set beside a description, whose first
        names can only be genitives, is whose the description is, not the description's person."""
        words = tuple(self.article.text[person.start : person.stop].split())
        return description.kind == "role" and _first_names_oblique(words)

    def _named_after(self, role: Mention, mentions: list[Mention], cue: int) -> Mention:
        """'Спикер Госдумы, объявившая минуту молчания, Сергей Нарышкин заявил': the person
        named between a description and its verb."""
        return next(
            (
                m
                for m in mentions
                if role.stop <= m.start
                and m.stop <= cue
                and self._person(m)
                and not self._case_breaks(role, m)
            ),
            role,
        )

    @staticmethod
    def _person(mention: Mention) -> bool:
        return mention.entity is not None and mention.entity.type == "PER"

    def _plural_body(self, mention: Mention) -> Mention:
        """'Оппозиционные партии заявили': a body noun that can be the plural subject of a plural
        verb names no one organisation."""
        if mention.kind != "body" or mention.name or after_in(self.article.text, mention.start):
            return mention
        word = self.article.text[mention.start : mention.stop].split()[0]
        if _plural_noun(word):
            return Mention(mention.start, mention.stop, "unnamed", key=mention.key)
        return mention

    def _addressee(self, mention: Mention, plural_verb: bool) -> bool:
        """An outlet told something ('сообщил Викиновостям', 'рассказал «Известиям»', 'В мэрии
        ТАСС сообщили': a singular name is no subject of a plural verb)."""
        entity = mention.entity
        if entity is None or self.registry.source(entity).kind != "outlet":
            return False
        words = entity.text.split()
        if plural_verb and (not _plural_noun(words[-1]) or ABBREVIATION.fullmatch(words[0].strip(QUOTES))):
            return True  # 'РИА Новости' is one agency, whatever its last word
        return not self._can_be(mention, "nomn", strict=True)

    def _venue(self, mention: Mention) -> bool:
        """An organisation named as where something was said ('в эфире CNBC', 'в интервью «Газете»')."""
        if mention.entity is None or mention.entity.type != "ORG":
            return False
        return bool(VENUE.search(self.article.text, max(0, mention.start - VENUE_REACH), mention.start))

    def _relaying(self, mention: Mention) -> bool:
        if mention.kind == "body" and self.article.lexicon.names_an_outlet(mention.key):
            return self.registry.beside_relay_verb(mention.start, mention.stop)  # 'пишет газета'
        return mention.entity is not None and self.registry.relays_here(mention.entity)

    def _first_of_pair(self, pick: Mention, mentions: list[Mention], cue) -> Mention:
        """'X и Y заявили': a plural verb after two coordinated people quotes the first named."""
        if cue is None or pick.entity is None or pick.entity.type != "PER" or not _plural(cue.text):
            return pick
        earlier = [
            m for m in mentions if m.stop <= pick.start and m.entity is not None and m.entity.type == "PER"
        ]
        if earlier and PAIR.fullmatch(self.article.text[earlier[-1].stop : pick.start]):
            return earlier[-1]
        return pick

    def _quoted_person(self, cue, mentions: list[Mention]) -> Mention | None:
        """A person noun right after a quoting verb that no mention covers ('цитирует аргентинца'):
        a description of the one quoted."""
        following = self.article.tokens_in(cue.stop, cue.stop + QUOTED_REACH)[:1]
        word = following[0] if following else None
        if word is None or self.article.text[cue.stop : word.start].strip():
            return None
        lower = word.text.lower()
        if any(m.start <= word.start < m.stop for m in mentions) or not (
            is_person_noun(lower, "accs")
            or is_person_noun(lower, "gent")  # its object, not 'передаёт корреспондент'
        ):
            return None
        return Mention(word.start, word.stop, "role", key=lemma(lower))

    def _quoted_rank(self, mention: Mention, cue) -> int:
        """'цитирует РБК Карасина': the person quoted comes before the outlet quoting."""
        if mention.entity is not None and mention.entity.type == "PER":
            return 0
        if mention.entity is None:
            return 1
        return 3 if not self.article.text[cue.stop : mention.start].strip(SPACE_AND_QUOTES) else 2

    def _can_be(self, mention: Mention, case: str | None, strict: bool = False) -> bool:
        """Whether the mention can stand in ``case`` (the subject is nominative, 'по словам X' genitive).

        Unless ``strict``, a body named after 'в' counts as a subject too ('сообщили в Минздраве').
        """
        if case is None:
            return True
        if not strict and after_in(self.article.text, mention.start):
            return mention.kind in ("entity", "body")
        if mention.kind == "pronoun":
            return (mention.key in ("он", "она", "они", "там", "тот", "та")) == (case == "nomn")
        if strict and case == "nomn" and self._governed(mention):
            return False
        words = self.article.text[mention.start : mention.stop].split()
        return _can_be_case(words[-1] if mention.kind == "entity" else words[0], case)

    def _person_governed(self, mention: Mention) -> bool:
        """A person's name after a preposition ('с Антоном Силуановым')."""
        return (
            mention.entity is not None
            and mention.entity.type == "PER"
            and after_preposition(self.article, mention.start)
        )

    def _governed(self, mention: Mention) -> bool:
        """A name right after a preposition or 'в интервью' is an object, never the subject."""
        before = GOVERNOR_BEFORE.search(self.article.text[max(0, mention.start - 30) : mention.start])
        return bool(before) and before.group(1).lower() in GOVERNORS

    def _apposition(self, pick: Mention, mentions: list[Mention]) -> Mention:
        """'пресс-секретарь Кремля Дмитрий Песков' -> the person; 'Спикер Госдумы' -> the role."""
        text = self.article.text
        following = [m for m in mentions if m.start >= pick.stop]
        subject_pronoun = pick.kind == "pronoun" and pick.key not in POSSESSIVES  # 'он', not 'его супруги X'
        if pick.kind != "body" and not subject_pronoun and (pick.entity is None or pick.entity.type != "PER"):
            person = next((m for m in following if m.entity is not None and m.entity.type == "PER"), None)
            gap = text[pick.stop : person.start] if person else ""
            if (
                person
                and len(gap) <= APPOSITION_REACH
                and APPOSITION_GAP.fullmatch(gap)
                and "," not in gap
                and not self._has_verb(pick.stop, person.start)  # 'Актриса рассыпалась … к Путину'
                and (pick.entity is None or len(gap.split()) <= 1)  # 'сайте Минобороны по итогам встречи … X'
                and not self._case_breaks(pick, person)  # 'Пресс-секретарь семьи Бушей': their spokesperson
            ):
                return person
            if (
                person
                and len(gap) <= CLAUSE_APPOSITION_REACH
                and self._closes_clause(person)
                and not self._has_verb(pick.stop, person.start)
                and not self._governed(person)  # 'добавил банкир в разговоре с Антоном Силуановым.'
                and not self._case_breaks(pick, person)
            ):
                return person  # 'лидер Меджлиса …, народный депутат Украины Мустафа Джемилев.'
        nearest = following[0] if following else None
        adjacent = nearest is not None and ADJACENT.fullmatch(text[pick.stop : nearest.start])
        if pick.kind in ("body", "unnamed") and adjacent and nearest.entity is not None:
            return nearest
        if pick.entity is not None and pick.entity.type == "ORG":
            if adjacent and nearest.kind != "pronoun":
                return nearest
            role = next(
                (
                    m
                    for m in mentions
                    if m.kind == "role"
                    and m.stop <= pick.start
                    and not text[m.stop : pick.start].strip(SPACE_AND_QUOTES)
                ),
                None,
            )
            if role is not None:
                return role
        return pick

    def _case_breaks(self, description: Mention, person: Mention) -> bool:
        """A name in apposition agrees with its description in case and number: 'Пресс-секретарь
        семьи Бушей' is their spokesperson, 'главы ЦБ Эльвиры Набиуллиной' is she."""
        text = self.article.text
        head = text[description.start : description.stop].split()[0]
        name = text[person.start : person.stop].split()[-1]
        nominative = NOMINATIVE_SHAPE.search(name) or BARE_STEM.search(name)  # 'Ляхов', 'Данн'
        forms = {f for f in _forms(name) if f[0] != "loct"}  # no preposition, no locative: 'Автор гола Буше'
        forms |= {("nomn", "sing")} if nominative else set()
        return not _forms(head) & forms if _forms(head) and forms else False

    def _closes_clause(self, mention: Mention) -> bool:
        return bool(CLAUSE_CLOSE.match(self.article.text[mention.stop : mention.stop + 3]))

    def _has_verb(self, start: int, stop: int) -> bool:
        return any(is_verb(t.text.lower()) for t in self.article.tokens_in(start, stop))


@lru_cache(maxsize=50_000)
def _can_be_case(word: str, case: str) -> bool:
    found = [p for p in parses(word) if p.tag.case]
    return not found or any(p.tag.case == case for p in found) or len({p.normal_form for p in found}) > 2


@lru_cache(maxsize=WORD_CACHE)
def _first_names_oblique(words: tuple[str, ...]) -> bool:
    """A name whose first names can only be genitives ('Радована Караджича'), the owner of the
    description before it; not 'Ане Лунде', a nominative some dictionary reads as Аня's dative."""
    named = [{p.tag.case for p in parses(w) if "Name" in p.tag} for w in words]
    named = [cases for cases in named if cases]
    return bool(named) and all("gent" in cases and not cases & {"nomn", None} for cases in named)


@lru_cache(maxsize=50_000)
def _forms(word: str) -> frozenset[tuple[str, str]]:
    """The (case, number) pairs a noun can stand in."""
    return frozenset((p.tag.case, p.tag.number) for p in parses(word.lower()) if p.tag.case and p.tag.number)


@lru_cache(maxsize=WORD_CACHE)
def _verbal(word: str) -> bool:
    """A finite verb or a gerund ('сказав журналистам'): the parser finds its subject."""
    tag = parses(word)[0].tag
    return "VERB" in tag or "GRND" in tag


@lru_cache(maxsize=WORD_CACHE)
def _plural(word: str) -> bool:
    return any(p.tag.number == "plur" and "VERB" in p.tag for p in parses(word.split()[0].lower())[:2])


@lru_cache(maxsize=WORD_CACHE)
def _plural_noun(word: str) -> bool:
    return any(
        p.tag.number == "plur" and p.tag.case == "nomn" for p in parses(word.strip(QUOTES).lower())[:2]
    )
