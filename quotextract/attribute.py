"""Attribution: the mention naming each quotation's source, and the person or body it refers to."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import cached_property, lru_cache

from .article import Article
from .detect import Candidate
from .mentions import PRONOUNS, Mention, after_in, find_mentions, institution
from .model import Quotation, Span
from .morph import is_verb, parses
from .registry import Registry, Source, agrees
from .syntax import Word, parse, subject

GENDER_CODES = {"femn": "f", "masc": "m"}
RECENT = 600  # characters within which the last speaker is still the topic
GOVERNORS = frozenset(
    "в во на с со для по от у к ко из о об при за над под перед между через без про "
    "интервью эфире эфир беседе программе журналу газете изданию агентству телеканалу радио".split()
)
QUOTING = ("цитировать", "передавать", "передать")
APPOSITION_GAP = re.compile(r"[\s«»\"„“”()\w.-]*")


class Attributor:
    """Resolves the speakers of one article's candidates, in text order."""

    def __init__(self, article: Article, candidates: list[Candidate]):
        self.article = article
        self.candidates = candidates
        self.quoted = [(c.start, c.stop) for c in candidates]
        self.last_speaker: tuple[str, str, int] | None = None

    @cached_property
    def registry(self) -> Registry:
        """The people and organisations of the article, with their roles and kinds."""
        return Registry(self.article, self._inside_quote)

    def _inside_quote(self, start: int, stop: int) -> bool:
        index = bisect.bisect_right(self._quoted_starts, start) - 1
        return any(self.quoted[i][1] >= stop for i in range(max(0, index - 2), index + 1))

    @cached_property
    def _quoted_starts(self) -> list[int]:
        return [s for s, _ in self.quoted]

    # --- mentions ------------------------------------------------------------------------

    def mentions(self, start: int, stop: int) -> list[Mention]:
        """The mentions of possible sources in ``[start, stop)``, outside quotations."""
        return find_mentions(self.article, start, stop, self._inside_quote)

    def choose(self, candidate: Candidate, mentions: list[Mention]) -> Mention | None:
        """The mention naming the source: nearest the cue on the usual side, in the right case.
        An outlet that relays ('сообщает ТАСС') is chosen only when nothing else is named."""
        mentions = [m for m in mentions if not self._relaying(m)] or mentions
        if not mentions:
            return None
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
            order = sorted(order, key=lambda m: self._quoted_rank(m, cue))
        elif cue is None and candidate.rule == "colon_quote":  # 'Сам X оказался дипломатичнее: «…»'
            order = sorted(order, key=lambda m: (not self._person(m), not self._can_be(m, "nomn", strict=True)))
        else:
            case = (
                "gent"
                if candidate.rule == "according_to"
                else "nomn"
                if cue or candidate.rule == "colon_quote"
                else None
            )
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
        pick = self._apposition(order[0], mentions) if order else None
        return self._first_of_pair(pick, mentions, cue) if pick else None

    @cached_property
    def _parsed(self) -> dict[int, list[Word]]:
        """The parsed sentences holding the speech verb of a candidate (only those are parsed)."""
        starts = {}
        for candidate in self.candidates:
            if self._needs_parse(candidate):
                sentence = self.article.sentence_at(candidate.cue.start)
                if sentence:
                    starts[sentence.start] = (sentence.start, sentence.stop)
        return parse(self.article.text, list(starts.values()))

    def _needs_parse(self, candidate: Candidate) -> bool:
        cue = candidate.cue
        return (
            cue is not None
            and candidate.region is not None
            and " " not in cue.text
            and cue.lemma not in QUOTING
            and is_verb(cue.text.lower())
        )

    def _parsed_subject(self, candidate: Candidate, mentions: list[Mention]) -> Mention | None:
        """The mention the parser takes for the subject of the speech verb, if any."""
        if not self._needs_parse(candidate):
            return None
        sentence = self.article.sentence_at(candidate.cue.start)
        words = self._parsed.get(sentence.start) if sentence else None
        spans = subject(words, candidate.cue.start) if words else []
        cue = candidate.cue
        for start, stop in spans:
            for mention in mentions:
                if mention.start < stop and start < mention.stop and not self._relaying(mention):
                    return self._named_after(mention, mentions, cue.start) if mention.kind == "role" else mention
        return None

    def _named_after(self, role: Mention, mentions: list[Mention], cue: int) -> Mention:
        """'Спикер Госдумы, объявившая минуту молчания, Сергей Нарышкин заявил': the person
        named between a description and its verb."""
        return next((m for m in mentions if role.stop <= m.start and m.stop <= cue and self._person(m)), role)

    @staticmethod
    def _person(mention: Mention) -> bool:
        return mention.entity is not None and mention.entity.type == "PER"

    def _relaying(self, mention: Mention) -> bool:
        return mention.entity is not None and self.registry.relays_here(mention.entity)

    def _first_of_pair(self, pick: Mention, mentions: list[Mention], cue) -> Mention:
        """'X и Y заявили': a plural verb after two coordinated people quotes the first named."""
        if cue is None or pick.entity is None or pick.entity.type != "PER" or not _plural(cue.text):
            return pick
        earlier = [
            m for m in mentions if m.stop <= pick.start and m.entity is not None and m.entity.type == "PER"
        ]
        if earlier and re.fullmatch(
            r"\s+и\s+[^,.;:«»\"]{0,80}", self.article.text[earlier[-1].stop : pick.start]
        ):
            return earlier[-1]
        return pick

    def _quoted_rank(self, mention: Mention, cue) -> int:
        """'цитирует РБК Карасина': the person quoted comes before the outlet quoting."""
        if mention.entity is not None and mention.entity.type == "PER":
            return 0
        if mention.entity is None:
            return 1
        return 3 if not self.article.text[cue.stop : mention.start].strip(' «»"') else 2

    def _can_be(self, mention: Mention, case: str | None, strict: bool = False) -> bool:
        """Whether the mention can stand in ``case`` (the subject is nominative, 'по словам X' genitive).

        Unless ``strict``, a body named after 'в' counts as a subject too ('сообщили в Минздраве').
        """
        if case is None:
            return True
        if not strict and after_in(self.article.text, mention.start):
            return mention.kind in ("entity", "body")
        if mention.kind == "pronoun":
            return (mention.key in ("он", "она", "они", "там")) == (case == "nomn")
        if strict and case == "nomn" and self._governed(mention):
            return False
        words = self.article.text[mention.start : mention.stop].split()
        return _can_be_case(words[-1] if mention.kind == "entity" else words[0], case)

    def _governed(self, mention: Mention) -> bool:
        """A name right after a preposition or 'в интервью' is an object, never the subject."""
        before = re.search(r"(\w+)[\s«\"„“]*$", self.article.text[max(0, mention.start - 30) : mention.start])
        return bool(before) and before.group(1).lower() in GOVERNORS

    def _apposition(self, pick: Mention, mentions: list[Mention]) -> Mention:
        """'пресс-секретарь Кремля Дмитрий Песков' -> the person; 'Спикер Госдумы' -> the role."""
        text = self.article.text
        following = [m for m in mentions if m.start >= pick.stop]
        if pick.entity is None or pick.entity.type != "PER":
            person = next((m for m in following if m.entity is not None and m.entity.type == "PER"), None)
            gap = text[pick.stop : person.start] if person else ""
            if person and len(gap) <= 60 and APPOSITION_GAP.fullmatch(gap) and "," not in gap:
                return person
            if (
                person
                and len(gap) <= 120
                and self._closes_clause(person)
                and not self._has_verb(pick.stop, person.start)
            ):
                return person  # 'лидер Меджлиса …, народный депутат Украины Мустафа Джемилев.'
        nearest = following[0] if following else None
        adjacent = nearest is not None and re.fullmatch(
            r"[\s«»\"“”„]*(?:(?:от|из)\s+)?", text[pick.stop : nearest.start]
        )
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
                    and not text[m.stop : pick.start].strip(' «»"')
                ),
                None,
            )
            if role is not None:
                return role
        return pick

    def _closes_clause(self, mention: Mention) -> bool:
        return bool(re.match(r"\s*(?:[.!?;…]|$)", self.article.text[mention.stop : mention.stop + 3]))

    def _has_verb(self, start: int, stop: int) -> bool:
        return any("VERB" in parses(t.text.lower())[0].tag for t in self.article.tokens_in(start, stop))

    # --- resolution ----------------------------------------------------------------------

    def resolve(self, mention: Mention, candidate: Candidate) -> Source | None:
        """The registry entry a mention refers to, or None for an unnamed source."""
        registry, wanted = self.registry, _cue_gender(candidate)
        if mention.kind == "entity":
            return registry.source(mention.entity, wanted)
        if mention.kind == "pronoun":
            pronoun = PRONOUNS[mention.key]
            if pronoun == "plur":
                return None
            if pronoun == "org":  # 'В Минздраве инициативу одобрили. Там напомнили, что …'
                return self._body(None, mention.start)
            return self._salient(mention.start, pronoun if pronoun in ("masc", "femn") else wanted)
        if mention.kind == "body":
            if mention.name:
                return Source(name=mention.name, type="ORG", kind="press")
            if mention.key in self.article.lexicon.institutions:
                return Source(name=mention.key, type="ORG")  # 'как пояснили в милиции'
            return self._body(mention.key, mention.start)
        if mention.kind == "role":
            return registry.described(mention.key, mention.start, wanted) or self._salient(
                mention.start, wanted
            )
        return None  # unnamed: 'источник', 'эксперты'


    def _salient(self, position: int, wanted: str | None) -> Source | None:
        """The person a pronoun or description refers to: the last speaker, unless an agreeing
        subject was named since; else the nearest agreeing person before."""
        occurrences = [
            o for o in self.registry.occurrences(max(0, position - RECENT), position) if agrees(o.source, wanted)
        ]
        subjects = [o for o in occurrences if o.subject]
        nearest = (subjects or occurrences)[-1] if occurrences else None
        last = self.last_speaker
        if last and last[1].type == "PER" and agrees(last[1], wanted) and position - last[2] < RECENT:
            if nearest is None or last[2] >= nearest.start or nearest.source.name == last[1].name:
                return last[1]
        if nearest is not None:
            return nearest.source
        earlier = [p for p in self.registry.persons if p.stop <= position]
        for person in reversed(earlier):
            source = self.registry.source(person)
            if agrees(source, wanted):
                return source
        return None

    def _body(self, key: str | None, position: int) -> Source | None:
        """The organisation a body noun refers to ('в ведомстве'): the last organisation quoted,
        else the last one named of a fitting kind; never an outlet."""
        lexicon = self.article.lexicon
        named = self.registry.named_with(key, position) if key else None
        if named is not None and named.kind != "outlet":
            return named
        last = self.last_speaker
        if last and last[1].type == "ORG" and position - last[2] < RECENT:
            if key is None or lexicon.body_fits(key, last[1].kind):
                return last[1]
        for entity in reversed(self.article.entities_in(max(0, position - RECENT * 2), position)):
            if entity.type not in ("ORG", "LOC") or self._inside_quote(entity.start, entity.stop):
                continue
            if entity.type == "LOC":
                if key is None and after_in(self.article.text, entity.start):
                    return Source(name=institution(entity).normal, type="ORG")
                continue
            source = self.registry.source(entity)
            if source.kind != "outlet" and (key is None or lexicon.body_fits(key, source.kind)):
                return source
        return None

    # --- the whole article ---------------------------------------------------------------

    def quotations(self) -> list[Quotation]:
        resolved = [self._attribute(c) for c in self.candidates]
        for index in [*range(len(resolved)), *reversed(range(len(resolved)))]:  # both ways along a chain
            resolved[index] = self._inherit(resolved, index)
        return resolved

    def _attribute(self, candidate: Candidate) -> Quotation:
        mention = self.choose(candidate, self.mentions(*candidate.region)) if candidate.region else None
        source = self.resolve(mention, candidate) if mention else self._fallback(candidate)
        if source:
            self.last_speaker = (source.name, source, candidate.stop)
        paragraph = self.article.paragraph_at(candidate.start)
        cue = candidate.cue
        return Quotation(
            quote=self._span(candidate.start, candidate.stop),
            kind=candidate.kind,
            rule=candidate.rule,
            cue=replace(cue, text=self.article.original[cue.start : cue.stop]) if cue else None,
            mention=self._span(mention.start, mention.stop) if mention else None,
            speaker=source.name if source else None,
            speaker_type=source.type if source else None,
            paragraph=paragraph.index if paragraph else 0,
            speaker_gender=self._gender(source, mention, candidate),
            speaker_role=source.role if source else None,
            speaker_affiliation=source.affiliation if source else None,
        )

    def _gender(self, source: Source | None, mention: Mention | None, candidate: Candidate) -> str | None:
        """'f' or 'm' for a person: the registry's, else the verb's or the pronoun's agreement here."""
        if source is None or source.type != "PER":
            return None
        found = source.gender or _cue_gender(candidate)
        if found is None and mention is not None and mention.kind == "pronoun":
            found = PRONOUNS[mention.key]
        return GENDER_CODES.get(found)

    def _span(self, start: int, stop: int) -> Span:
        """A span of the caller's original text (rules read the normalised copy)."""
        return Span(start, stop, self.article.original[start:stop])

    def _fallback(self, candidate: Candidate) -> Source | None:
        """No mention: the speaker just quoted, or the person the paragraph is about."""
        if candidate.inherit or candidate.rule == "interview_question":  # the interviewer
            return None
        if self.last_speaker and candidate.start - self.last_speaker[2] < RECENT:
            return self.last_speaker[1]
        paragraph = self.article.paragraph_at(candidate.start)
        earlier = self.article.paragraphs[max(0, paragraph.index - 3)].start if paragraph else candidate.start
        nearby = [p for p in self.registry.persons if earlier <= p.start and p.stop <= candidate.start]
        return self.registry.source(nearby[-1]) if nearby else None

    def _inherit(self, resolved: list[Quotation], index: int) -> Quotation:
        """A paragraph of a multi-paragraph quotation takes the speaker of its neighbour."""
        quotation, candidate = resolved[index], self.candidates[index]
        if not candidate.inherit or quotation.speaker:
            return quotation
        neighbours = resolved[index + 1 : index + 2] + resolved[max(0, index - 1) : index]
        for other in neighbours:
            if other.kind == "direct" and other.speaker and abs(other.paragraph - quotation.paragraph) == 1:
                return replace(
                    quotation,
                    speaker=other.speaker,
                    speaker_type=other.speaker_type,
                    speaker_gender=other.speaker_gender,
                    speaker_role=other.speaker_role,
                    speaker_affiliation=other.speaker_affiliation,
                )
        return quotation


def _cue_gender(candidate: Candidate) -> str | None:
    if candidate.cue is None:
        return None
    for parse in parses(candidate.cue.text.split()[0]):
        if parse.tag.gender in ("masc", "femn") and ("VERB" in parse.tag or "PRTS" in parse.tag):
            return str(parse.tag.gender)
    return None


@lru_cache(maxsize=50_000)
def _can_be_case(word: str, case: str) -> bool:
    found = [p for p in parses(word) if p.tag.case]
    return not found or any(p.tag.case == case for p in found) or len({p.normal_form for p in found}) > 2


def _plural(word: str) -> bool:
    return any(p.tag.number == "plur" and "VERB" in p.tag for p in parses(word.split()[0].lower())[:2])
