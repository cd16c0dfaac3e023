"""Attribution: the mention naming each quotation's source, and the person or body it refers to."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import cached_property, lru_cache

from .article import Article
from .coref import fuller_names, gender
from .cues import word_lemma
from .detect import Candidate
from .mentions import PRONOUNS, Mention, after_in, find_mentions, institution
from .model import Entity, Quotation, Span
from .morph import parses

ROLE_ALIASES = (  # descriptions that name the same office
    ("глава государства", {"президент"}),
    ("глава правительства", {"премьер", "премьер-министр"}),
    ("глава российского правительства", {"премьер", "премьер-министр"}),
    ("премьер", {"премьер", "премьер-министр"}),
)
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
    def fuller(self) -> dict[str, list[str]]:
        return fuller_names(list(self.article.entities))

    @cached_property
    def persons(self) -> list[Entity]:
        """PER entities outside quotations: the possible antecedents of pronouns and roles."""
        return [
            e for e in self.article.entities if e.type == "PER" and not self._inside_quote(e.start, e.stop)
        ]

    @cached_property
    def introductions(self) -> list[tuple[int, str, str]]:
        """(position, role lemma, person) for 'президент США Барак Обама'-like introductions."""
        found = []
        for person in self.persons:
            sentence = self.article.sentence_at(person.start)
            start = sentence.start if sentence else max(0, person.start - 80)
            between = self.article.tokens_in(start, person.start)[-8:]
            for index, word in enumerate(between):
                lemma = word_lemma(word.text.lower())
                if lemma in self.article.lexicon.roles and self._introduces(
                    word, person, between[index + 1 :]
                ):
                    found.append((person.start, lemma, self.name(person)))
        return found

    def _introduces(self, role, person: Entity, between) -> bool:
        """A role word introduces the person when only its genitive modifiers stand between."""
        if re.search(r"[,.;:()]", self.article.text[role.stop : person.start]):
            return False
        if any(role.stop <= p.start < person.start for p in self.persons):
            return False
        return not any("VERB" in parses(w.text)[0].tag or w.text.lower() in ("и", "с", "со") for w in between)

    def name(self, entity: Entity, wanted: str | None = None) -> str:
        """The canonical name: the fullest variant the article gives, of the wanted gender if known
        ('Иванова добавила' -> 'Анна Иванова' even beside 'Сергей Иванов')."""
        if entity.type != "PER":
            return entity.normal
        variants = self.fuller.get(entity.normal) or [entity.normal]
        return next((v for v in variants if wanted and gender(v) == wanted), variants[0])

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
        """The mention naming the source: nearest the cue on the usual side, in the right case."""
        if not mentions:
            return None
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
            order = sorted(order, key=lambda m: not (m.entity is not None and m.entity.type == "PER"))
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

    def resolve(self, mention: Mention, candidate: Candidate) -> tuple[str | None, str | None]:
        if mention.kind == "entity":
            return self.name(mention.entity, _cue_gender(candidate)), mention.entity.type
        if mention.kind == "pronoun":
            wanted = PRONOUNS[mention.key]
            if wanted == "plur":
                return None, None
            if wanted == "org":  # 'В Минздраве инициативу одобрили. Там напомнили, что …'
                bodies = [
                    e
                    for e in self.article.entities_in(max(0, mention.start - 300), mention.start)
                    if e.type in ("ORG", "LOC")
                ]
                return (institution(bodies[-1]).normal, "ORG") if bodies else (None, None)
            return self._antecedent(mention.start, wanted or _cue_gender(candidate))
        if mention.kind == "body" and mention.name:
            return mention.name, "ORG"
        if mention.kind == "body" and mention.key in self.article.lexicon.institutions:
            return mention.key, "ORG"  # 'как пояснили в милиции'
        if mention.kind == "body":
            bodies = [
                e
                for e in self.article.entities
                if e.type == "ORG" and e.stop <= mention.start and not self._inside_quote(e.start, e.stop)
            ]
            return (bodies[-1].normal, "ORG") if bodies else (None, None)
        if mention.kind == "role":
            introduced = self._introduced(mention)
            if introduced:
                return introduced, "PER"
            recent = self.last_speaker and mention.start - self.last_speaker[2] < RECENT
            if mention.key in self.article.lexicon.unnamed and not recent:
                return None, None
            if (
                self.last_speaker
                and self.last_speaker[1] == "PER"
                and (recent or mention.key not in self.article.lexicon.unnamed)
            ):
                return self.last_speaker[0], "PER"
            return self._antecedent(mention.start, _cue_gender(candidate))
        return None, None

    def _antecedent(self, position: int, wanted: str | None) -> tuple[str | None, str | None]:
        """The person a pronoun or role refers to: the last speaker, unless a subject came since."""
        agreeing = [p for p in self.persons if p.stop <= position and self._agrees(self.name(p), wanted)]
        subjects = [p for p in agreeing if all(_can_be_case(w, "nomn") for w in p.text.split())]
        nearest = (subjects or agreeing)[-1] if agreeing else None
        last = self.last_speaker
        if last and last[1] == "PER" and self._agrees(last[0], wanted):
            if nearest is None or last[2] >= nearest.start or self.name(nearest) == last[0]:
                return last[0], "PER"
        return (self.name(nearest), "PER") if nearest else (None, None)

    @staticmethod
    def _agrees(name: str, wanted: str | None) -> bool:
        return wanted is None or gender(name) in (wanted, None)

    def _introduced(self, mention: Mention) -> str | None:
        """The person the article introduced in this role ('президент США Барак Обама')."""
        described = self.article.text[mention.start : mention.stop].lower()
        keys = {mention.key} | next((alias for words, alias in ROLE_ALIASES if words in described), set())
        matches = [(pos, name) for pos, role, name in self.introductions if role in keys]
        before = [name for pos, name in matches if pos < mention.start]
        if before:
            return before[-1]
        return matches[0][1] if matches else None

    # --- the whole article ---------------------------------------------------------------

    def quotations(self) -> list[Quotation]:
        resolved = [self._attribute(c) for c in self.candidates]
        for index in [*range(len(resolved)), *reversed(range(len(resolved)))]:  # both ways along a chain
            resolved[index] = self._inherit(resolved, index)
        return resolved

    def _attribute(self, candidate: Candidate) -> Quotation:
        mention = self.choose(candidate, self.mentions(*candidate.region)) if candidate.region else None
        speaker, speaker_type = self.resolve(mention, candidate) if mention else self._fallback(candidate)
        if speaker:
            self.last_speaker = (speaker, speaker_type, candidate.stop)
        paragraph = self.article.paragraph_at(candidate.start)
        cue = candidate.cue
        return Quotation(
            quote=self._span(candidate.start, candidate.stop),
            kind=candidate.kind,
            rule=candidate.rule,
            cue=replace(cue, text=self.article.original[cue.start : cue.stop]) if cue else None,
            mention=self._span(mention.start, mention.stop) if mention else None,
            speaker=speaker,
            speaker_type=speaker_type,
            paragraph=paragraph.index if paragraph else 0,
        )

    def _span(self, start: int, stop: int) -> Span:
        """A span of the caller's original text (rules read the normalised copy)."""
        return Span(start, stop, self.article.original[start:stop])

    def _fallback(self, candidate: Candidate) -> tuple[str | None, str | None]:
        """No mention: the speaker just quoted, or the person the paragraph is about."""
        if candidate.inherit or candidate.rule == "interview_question":  # the interviewer
            return None, None
        if self.last_speaker and candidate.start - self.last_speaker[2] < RECENT:
            return self.last_speaker[0], self.last_speaker[1]
        paragraph = self.article.paragraph_at(candidate.start)
        earlier = self.article.paragraphs[max(0, paragraph.index - 3)].start if paragraph else candidate.start
        nearby = [p for p in self.persons if earlier <= p.start and p.stop <= candidate.start]
        return (self.name(nearby[-1]), "PER") if nearby else (None, None)

    def _inherit(self, resolved: list[Quotation], index: int) -> Quotation:
        """A paragraph of a multi-paragraph quotation takes the speaker of its neighbour."""
        quotation, candidate = resolved[index], self.candidates[index]
        if not candidate.inherit or quotation.speaker:
            return quotation
        neighbours = resolved[index + 1 : index + 2] + resolved[max(0, index - 1) : index]
        for other in neighbours:
            if other.kind == "direct" and other.speaker and abs(other.paragraph - quotation.paragraph) == 1:
                return replace(quotation, speaker=other.speaker, speaker_type=other.speaker_type)
        return quotation


def _cue_gender(candidate: Candidate) -> str | None:
    if candidate.cue is None:
        return None
    for parse in parses(candidate.cue.text.split()[0]):
        if parse.tag.gender in ("masc", "femn") and ("VERB" in parse.tag or "PRTS" in parse.tag):
            return parse.tag.gender
    return None


@lru_cache(maxsize=50_000)
def _can_be_case(word: str, case: str) -> bool:
    found = [p for p in parses(word) if p.tag.case]
    return not found or any(p.tag.case == case for p in found) or len({p.normal_form for p in found}) > 2


def _plural(word: str) -> bool:
    return any(p.tag.number == "plur" and "VERB" in p.tag for p in parses(word.split()[0].lower())[:2])
