"""Attribution: the mention naming each quotation's source, and the person or body it refers to."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from .article import Article
from .coref import canonical_names, gender
from .cues import word_lemma
from .detect import Candidate
from .model import Entity, Quotation, Span
from .morph import parses

PRONOUNS = {"он": "masc", "она": "femn", "его": "masc", "ее": "femn", "её": "femn", "они": "plur", "их": "plur"}
APPOSITION_GAP = re.compile(r"[\s«»\"„“”()\w.-]*")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    stop: int
    kind: str  # entity, pronoun, role, body, unnamed
    entity: Entity | None = None
    key: str = ""  # the pronoun, role or unnamed lemma


class Attributor:
    """Resolves the speakers of one article's candidates, in text order."""

    def __init__(self, article: Article, candidates: list[Candidate]):
        self.article = article
        self.candidates = candidates
        self.quoted = [(c.start, c.stop) for c in candidates]
        self.last_speaker: tuple[str, str, int] | None = None

    @cached_property
    def canonical(self) -> dict[str, str]:
        return canonical_names(list(self.article.entities))

    @cached_property
    def persons(self) -> list[Entity]:
        """PER entities outside quotations: the possible antecedents of pronouns and roles."""
        return [e for e in self.article.entities if e.type == "PER" and not self._inside_quote(e.start, e.stop)]

    @cached_property
    def introductions(self) -> list[tuple[int, str, str]]:
        """(position, role lemma, person) for 'президент США Барак Обама'-like introductions."""
        found = []
        for person in self.persons:
            words = self.article.tokens_in(max(0, person.start - 60), person.start)[-4:]
            for word in words:
                lemma = word_lemma(word.text.lower())
                if lemma in self.article.lexicon.roles:
                    found.append((person.start, lemma, self.name(person)))
        return found

    def name(self, entity: Entity) -> str:
        return self.canonical.get(entity.normal, entity.normal) if entity.type == "PER" else entity.normal

    def _inside_quote(self, start: int, stop: int) -> bool:
        return any(s <= start and stop <= e for s, e in self.quoted)

    # --- mentions ------------------------------------------------------------------------

    def mentions(self, start: int, stop: int) -> list[Mention]:
        article, found = self.article, []
        entities = [e for e in article.entities_in(start, stop) if not self._inside_quote(e.start, e.stop)]
        found += [Mention(e.start, e.stop, "entity", e) for e in entities]
        words = [t for t in article.tokens_in(start, stop) if not any(e.start <= t.start < e.stop for e in entities)]
        for index, word in enumerate(words):
            if self._inside_quote(word.start, word.stop):
                continue
            lower = word.text.lower()
            lemma = word_lemma(lower)
            if lower in PRONOUNS:
                found.append(Mention(word.start, word.stop, "pronoun", key=lower.replace("ё", "е")))
            elif lemma in article.lexicon.bodies and _singular(word.text):
                found.append(Mention(word.start, word.stop, "body", key=lemma))
            elif lemma in article.lexicon.roles or lemma in article.lexicon.unnamed:
                kind = "role" if lemma in article.lexicon.roles and _singular(word.text) else "unnamed"
                stop_at = word.stop
                following = words[index + 1] if index + 1 < len(words) else None
                pair = f"{lemma} {following.text.lower()}" if following is not None else ""
                if pair in article.lexicon.roles and following.start - word.stop <= 2:
                    stop_at, lemma = following.stop, pair
                found.append(Mention(word.start, stop_at, kind, key=lemma))
        return sorted(found, key=lambda m: m.start)

    def choose(self, candidate: Candidate, mentions: list[Mention]) -> Mention | None:
        if not mentions:
            return None
        cue = candidate.cue
        low = cue.start if cue and candidate.region[0] <= cue.start < candidate.region[1] else candidate.region[0]
        high = cue.stop if cue and candidate.region[0] <= cue.start < candidate.region[1] else candidate.region[0]
        after = [m for m in mentions if m.start >= high]
        before = [m for m in mentions if m.stop <= low][::-1]
        order = after + before if candidate.prefer == "after" else before + after
        if cue and cue.lemma in ("цитировать", "передавать", "передать"):
            order = sorted(order, key=lambda m: not (m.entity and m.entity.type == "PER"))
        else:
            case = "gent" if candidate.rule == "according_to" else "nomn" if cue else None
            order = [m for m in order if self._can_be(m, case)] or order
        pick = order[0] if order else mentions[0]
        return self._apposition(pick, mentions)

    def _can_be(self, mention: Mention, case: str | None) -> bool:
        """Whether the mention can stand in ``case`` (the subject is nominative, 'по словам X' genitive)."""
        if case is None:
            return True
        if re.search(r"(?i)(?:^|\s)во?\s+$", self.article.text[max(0, mention.start - 4) : mention.start]):
            return mention.kind in ("entity", "body")
        if mention.kind == "pronoun":
            return (mention.key in ("он", "она", "они")) == (case == "nomn")
        words = self.article.text[mention.start : mention.stop].split()
        head = words[0] if mention.kind != "entity" else words[-1]
        found = [p for p in parses(head) if p.tag.case]
        return not found or any(p.tag.case == case for p in found) or len(set(p.normal_form for p in found)) > 2

    def _apposition(self, pick: Mention, mentions: list[Mention]) -> Mention:
        """'пресс-секретарь Кремля Дмитрий Песков' -> the person; 'Спикер Госдумы' -> the role."""
        text = self.article.text
        if pick.kind != "entity" or pick.entity.type != "PER":
            for other in mentions:
                if other.start >= pick.stop and other.entity is not None and other.entity.type == "PER":
                    if other.start - pick.stop <= 60 and APPOSITION_GAP.fullmatch(text[pick.stop : other.start]) and "," not in text[pick.stop : other.start]:
                        return other
                    break
        if pick.kind == "body":
            owner = next((m for m in mentions if m.start >= pick.stop), None)
            if owner is not None and owner.entity is not None and not text[pick.stop : owner.start].strip(" «»\""):
                return owner
        if pick.kind == "entity" and pick.entity.type == "ORG":
            later = next((m for m in mentions if m.start >= pick.stop), None)
            if later is not None and later.kind != "pronoun" and not text[pick.stop : later.start].strip(" «»\""):
                return later
            role = next((m for m in mentions if m.kind == "role" and m.stop <= pick.start and not text[m.stop : pick.start].strip(" «»\"")), None)
            if role is not None and not self._genitive_object(role):
                return Mention(role.start, role.stop, "role", key=role.key)
        return pick

    def _genitive_object(self, mention: Mention) -> bool:
        return False

    # --- resolution ----------------------------------------------------------------------

    def resolve(self, mention: Mention, candidate: Candidate) -> tuple[str | None, str | None]:
        if mention.kind == "entity":
            return self.name(mention.entity), mention.entity.type
        if mention.kind == "pronoun":
            wanted = PRONOUNS[mention.key]
            if wanted == "plur":
                return None, None
            return self._antecedent(mention.start, wanted or _cue_gender(candidate))
        if mention.kind == "body":
            bodies = [e for e in self.article.entities if e.type == "ORG" and e.stop <= mention.start and not self._inside_quote(e.start, e.stop)]
            return (bodies[-1].normal, "ORG") if bodies else (None, None)
        if mention.kind == "role":
            introduced = self._introduced(mention)
            if introduced:
                return introduced, "PER"
            if mention.key in self.article.lexicon.unnamed:
                return None, None
            if self.last_speaker and self.last_speaker[1] == "PER":
                return self.last_speaker[0], "PER"
            return self._antecedent(mention.start, _cue_gender(candidate))
        return None, None

    def _antecedent(self, position: int, wanted: str | None) -> tuple[str | None, str | None]:
        if self.last_speaker and self.last_speaker[1] == "PER" and self._agrees(self.last_speaker[0], wanted):
            recent = [p for p in self.persons if p.stop <= position]
            if not recent or self.name(recent[-1]) == self.last_speaker[0] or self.last_speaker[2] >= recent[-1].start:
                return self.last_speaker[0], "PER"
        for person in reversed([p for p in self.persons if p.stop <= position]):
            if self._agrees(self.name(person), wanted):
                return self.name(person), "PER"
        return None, None

    @staticmethod
    def _agrees(name: str, wanted: str | None) -> bool:
        return wanted is None or gender(name) in (wanted, None)

    def _introduced(self, mention: Mention) -> str | None:
        keys = {mention.key, "президент"} if mention.key == "глава государства" else {mention.key}
        matches = [(pos, name) for pos, role, name in self.introductions if role in keys]
        before = [name for pos, name in matches if pos < mention.start]
        if before:
            return before[-1]
        return matches[0][1] if matches else None

    # --- the whole article ---------------------------------------------------------------

    def quotations(self) -> list[Quotation]:
        resolved = [self._attribute(c) for c in self.candidates]
        return [self._inherit(resolved, i) for i in range(len(resolved))]

    def _attribute(self, candidate: Candidate) -> Quotation:
        text = self.article.text
        mention = self.choose(candidate, self.mentions(*candidate.region)) if candidate.region else None
        speaker, speaker_type = self.resolve(mention, candidate) if mention else self._fallback(candidate)
        if speaker:
            self.last_speaker = (speaker, speaker_type, candidate.stop)
        paragraph = self.article.paragraph_at(candidate.start)
        original = self.article.original
        return Quotation(
            quote=Span(candidate.start, candidate.stop, original[candidate.start : candidate.stop]),
            kind=candidate.kind,
            rule=candidate.rule,
            cue=candidate.cue.__class__(candidate.cue.start, candidate.cue.stop, original[candidate.cue.start : candidate.cue.stop], candidate.cue.lemma) if candidate.cue else None,
            mention=Span(mention.start, mention.stop, original[mention.start : mention.stop]) if mention else None,
            speaker=speaker,
            speaker_type=speaker_type,
            paragraph=paragraph.index if paragraph else 0,
        )

    def _fallback(self, candidate: Candidate) -> tuple[str | None, str | None]:
        if candidate.inherit:
            return None, None
        if self.last_speaker and candidate.start - self.last_speaker[2] < 600:
            return self.last_speaker[0], self.last_speaker[1]
        return None, None

    def _inherit(self, resolved: list[Quotation], index: int) -> Quotation:
        quotation = resolved[index]
        candidate = self.candidates[index]
        if not candidate.inherit or quotation.speaker or index + 1 >= len(resolved):
            return quotation
        following = resolved[index + 1]
        if following.paragraph - quotation.paragraph > 1 or following.kind != "direct":
            return quotation
        return Quotation(quotation.quote, quotation.kind, quotation.rule, quotation.cue, quotation.mention, following.speaker, following.speaker_type, quotation.paragraph)


def _singular(word: str) -> bool:
    return any(p.tag.number == "sing" for p in parses(word)[:2])


def _cue_gender(candidate: Candidate) -> str | None:
    if candidate.cue is None:
        return None
    for parse in parses(candidate.cue.text.split()[0]):
        if parse.tag.gender in ("masc", "femn") and ("VERB" in parse.tag or "PRTS" in parse.tag):
            return parse.tag.gender
    return None
