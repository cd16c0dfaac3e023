"""Attribution: each candidate's source chosen, resolved and recorded, in text order."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import cached_property, lru_cache

from .article import Article
from .choose import Chooser
from .coref import ANONYMOUS, RECENT, Resolver, cue_gender
from .lexicon import read_list
from .mentions import PRONOUNS, Mention, find_mentions, role_lemma
from .model import Cue, Quotation, Span
from .morph import WORD_CACHE, inflected_word, is_known, is_person_noun, parses
from .names import restore_case
from .registry import Registry, Source, Stems, agrees, related, stems
from .rules.base import Candidate
from .syntax import parse_many

DOCUMENT_CUES = frozenset(read_list("document_cues.txt"))  # 'как говорится в', 'говориться'
GENDER_CODES = {"femn": "f", "masc": "m"}
# rules whose content is a sentence of the article's narration, names and all
NARRATED = frozenset({"about_this"})
PHRASE_WORDS = 3  # words of a source phrase's common-noun body: 'правоохранительных органов'
NOMINATIVE = frozenset({"nomn"})
# someone of several or asking not to be named: 'Один из подрядчиков', 'пожелавший остаться неназванным'
ONE_OF_THEM = re.compile(rf"(?i)\b(?:один|одна)\s+из\s+[а-яё]+|{ANONYMOUS.pattern}")
KINDRED_REACH = 60  # characters before a person's name searched for the words that describe them
QUOTED_BACK = 2  # quotations before the last one starting by a span's start that may still hold it


class Attributor:
    """Builds the quotation records of one article's candidates."""

    def __init__(self, article: Article, candidates: list[Candidate]):
        self.article = article
        self.candidates = candidates
        self.quoted = [(c.start, c.stop) for c in candidates if c.rule not in NARRATED]

    @cached_property
    def registry(self) -> Registry:
        """The people and organisations of the article, with their roles and kinds."""
        return Registry(self.article, self._inside_quote)

    @cached_property
    def chooser(self) -> Chooser:
        return Chooser(self.article, self.registry, self.candidates, self.mentions_of)

    @cached_property
    def resolver(self) -> Resolver:
        return Resolver(self.article, self.registry, self._inside_quote)

    def _inside_quote(self, start: int, stop: int) -> bool:
        """Whether ``[start, stop)`` lies in one of the last quotations starting by ``start``."""
        index = bisect.bisect_right(self._quoted_starts, start) - 1
        return index >= 0 and self._quoted_reach[index] >= stop

    @cached_property
    def _quoted_starts(self) -> list[int]:
        return [s for s, _ in self.quoted]

    @cached_property
    def _quoted_reach(self) -> list[int]:
        """For each quotation, the furthest stop of it and the QUOTED_BACK before it: one lookup
        per test instead of a scan of them (every word of every attribution is tested)."""
        stops = [s for _, s in self.quoted]
        return [max(stops[max(0, i - QUOTED_BACK) : i + 1]) for i in range(len(stops))]

    def mentions_of(self, candidate: Candidate) -> list[Mention]:
        """The mentions of possible sources in the candidate's region, outside quotations."""
        if candidate.region is None:
            return []
        if candidate.region not in self._mentions:
            self._mentions[candidate.region] = find_mentions(
                self.article, *candidate.region, self._inside_quote
            )
        return self._mentions[candidate.region]

    @cached_property
    def _mentions(self) -> dict[tuple[int, int], list[Mention]]:
        return {}

    def quotations(self) -> list[Quotation]:
        resolved = [self._attribute(c) for c in self.candidates]
        for index in [*range(len(resolved)), *reversed(range(len(resolved)))]:  # both ways along a chain
            resolved[index] = self._inherit(resolved, index)
        return resolved

    def _attribute(self, candidate: Candidate) -> Quotation:
        mention = self.chooser.choose(candidate, self.mentions_of(candidate)) if candidate.region else None
        source = self.resolver.resolve(mention, candidate.cue) if mention else self._fallback(candidate)
        if source or (mention and mention.kind == "unnamed"):  # its attribution is part of what was said
            self.resolver.spoke(source, max(candidate.stop, candidate.region[1] if candidate.region else 0))
        paragraph = self.article.paragraph_at(candidate.start)
        cue = candidate.cue
        return Quotation(
            quote=self._span(candidate.start, candidate.stop),
            kind=candidate.kind,
            rule=candidate.rule,
            cue=self._original_cue(cue) if cue else None,
            mention=self._span(mention.start, mention.stop) if mention else None,
            speaker=source.name if source else None,
            speaker_type=source.type if source else self._unnamed_type(candidate),
            paragraph=paragraph.index if paragraph else 0,
            speaker_gender=self._gender(source, mention, candidate),
            speaker_role=source.role if source else None,
            speaker_affiliation=source.affiliation if source else None,
        )

    @staticmethod
    def _unnamed_type(candidate: Candidate) -> str | None:
        """'OTHER' for a document no one is named as issuing ('говорится в сообщении')."""
        cue = candidate.cue
        return "OTHER" if cue is not None and cue.lemma.lower() in DOCUMENT_CUES else None

    def _gender(self, source: Source | None, mention: Mention | None, candidate: Candidate) -> str | None:
        """'f' or 'm' for a person: the registry's, else the verb's or the pronoun's agreement here."""
        if source is None or source.type != "PER":
            return None
        found = source.gender or cue_gender(candidate.cue)
        if found is None and mention is not None and mention.kind == "pronoun":
            found = PRONOUNS[mention.key]
        return GENDER_CODES.get(found)

    def _span(self, start: int, stop: int) -> Span:
        """A span of the caller's original text (rules read the normalised copy)."""
        start, stop = self.article.in_original(start, stop)
        return Span(start, stop, self.article.original[start:stop])

    def _original_cue(self, cue: Cue) -> Cue:
        """The cue as the caller's original text has it."""
        start, stop = self.article.in_original(cue.start, cue.stop)
        return replace(cue, start=start, stop=stop, text=self.article.original[start:stop])

    def _fallback(self, candidate: Candidate) -> Source | None:
        """No mention: the speaker just quoted, or the person the paragraph is about."""
        if candidate.inherit or candidate.unattributed or _impersonal(candidate.cue):
            return None  # 'Сообщается, что …', 'Как отмечается, …': no one's
        if candidate.region and ONE_OF_THEM.search(self.article.text, *candidate.region):
            return None  # 'Один из них, пожелавший остаться неназванным, рассказал': unnamed
        body = self._body_of_phrase(candidate)
        if body is not None:  # a document names no issuer: 'Как следует из доклада' is unnamed
            return None if candidate.cue.lemma.lower() in DOCUMENT_CUES else body
        kindred = self._kindred(candidate)
        if kindred is not None:
            return kindred
        wanted = cue_gender(candidate.cue) or self._described_gender(candidate)
        last = self.resolver.last_speaker
        if last and candidate.start - last[2] < RECENT and agrees(last[1], wanted):
            return last[1]
        paragraph = self.article.paragraph_at(candidate.start)
        earlier = self.article.paragraphs[max(0, paragraph.index - 3)].start if paragraph else candidate.start
        nearby = [
            source
            for p in self.registry.persons
            if earlier <= p.start
            and p.stop <= candidate.start
            and agrees(source := self.registry.source(p), wanted)
        ]
        return nearby[-1] if nearby else None

    def _body_of_phrase(self, candidate: Candidate) -> Source | None:
        """The body or document a source phrase names with common nouns ('По утверждению
        правоохранительных органов'): adjectives and an inanimate noun in the genitive (the dative
        after 'согласно'), in the nominative; none when a name follows ('данным РБК')."""
        cue, region = candidate.cue, candidate.region
        if candidate.rule != "according_to" or cue is None or region is None:
            return None
        phrase = []
        for token in self.article.tokens_in(cue.stop, region[1])[:PHRASE_WORDS]:
            parse = parses(token.text.lower())[0]
            if (
                parse.tag.case not in ("gent", "datv")
                or parse.tag.POS not in ("ADJF", "NOUN")
                or "Apro" in parse.tag
            ):
                return None  # 'Согласно этой версии', 'По другой информации': no one's
            phrase.append(restore_case(inflected_word(parse, NOMINATIVE) or parse.word, token.text))
            if parse.tag.POS == "NOUN":
                if "anim" in parse.tag or not is_known(token.text):
                    return None  # 'по словам очевидцев': people, unnamed; a name NER missed
                if self.article.entities_in(token.stop, region[1]):
                    return None  # its owner is named: 'Согласно данным РБК'
                return Source(name=" ".join(phrase), type="ORG")
        return None

    def _kindred(self, candidate: Candidate) -> Source | None:
        """The person a noun no role is known for refers to by its root ('сказал серб' after
        'Сербский специалист Деян Станкович' or 'серб Деян Станкович', 'бразилец' after
        'нападающий сборной Бразилии'): the last one named with a word of that root before."""
        cue, region = candidate.cue, candidate.region
        if cue is None or region is None:
            return None
        lexicon = self.article.lexicon
        nouns = [
            t
            for t in self.article.tokens_in(region[0], region[1])
            if is_person_noun(t.text.lower(), "nomn")
            and role_lemma(t.text.lower(), lexicon) not in lexicon.roles
        ][:1]
        if not nouns or nouns[0].text.lower() in lexicon.unnamed:
            return None
        own = stems(nouns[0].text)
        for person in reversed(self.registry.persons):
            if person.stop > region[0]:
                continue
            if related(own, Stems(roots=stems(self._apposition_before(person)).roots)):
                return self.registry.source(person)
        return None

    def _apposition_before(self, person) -> str:
        """The nouns and adjectives right before a name, back to a verb, a mark or another name:
        what describes the person ('Сербский специалист', 'нападающий сборной Бразилии')."""
        tokens = self.article.tokens_in(max(0, person.start - KINDRED_REACH), person.start)
        words, at = [], person.start
        for token in reversed(tokens):
            entity = self.registry.entities.get(token.start)
            if self.article.text[token.stop : at].strip() or (entity is not None and entity.type == "PER"):
                break
            parse = parses(token.text.lower())[0]
            if parse.tag.POS not in ("NOUN", "ADJF", "PRTF"):
                break
            words.append(token.text)
            at = token.start
        return " ".join(reversed(words))

    def _described_gender(self, candidate: Candidate) -> str | None:
        """The gender of a person noun the rules know no role for ('По мнению скульптора')."""
        cue, region = candidate.cue, candidate.region
        if cue is None or region is None:
            return None
        for token in self.article.tokens_in(cue.stop, region[1])[:1]:
            found = parses(token.text.lower())
            if (
                found
                and {"NOUN", "anim", "sing"} <= found[0].tag.grammemes
                and found[0].tag.gender in ("masc", "femn")
            ):
                return str(found[0].tag.gender)
        return None

    def _inherit(self, resolved: list[Quotation], index: int) -> Quotation:
        """A paragraph of a multi-paragraph quotation takes the speaker of its neighbour."""
        quotation, candidate = resolved[index], self.candidates[index]
        if not candidate.inherit or quotation.speaker:
            return quotation
        # what it continues first
        neighbours = resolved[max(0, index - 1) : index] + resolved[index + 1 : index + 2]
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


def parse_together(attributors: list[Attributor]) -> list[Exception | None]:
    """Give each attributor the syntax parses its choices need, all made in one batch of the
    parser (one batch per article costs twice as much per sentence). Returns, for each, the
    exception that stopped it, if any; an attributor left without parses makes its own."""
    wanted, failed = [], []
    for attributor in attributors:
        try:
            wanted.append(attributor.chooser.sentences_to_parse())
            failed.append(None)
        except Exception as error:  # one article's failure is its own
            wanted.append([])
            failed.append(error)
    try:
        parsed = parse_many([(a.article.text, sentences) for a, sentences in zip(attributors, wanted)])
    except Exception:
        return failed
    for attributor, parses_of, error in zip(attributors, parsed, failed):
        if error is None:
            attributor.chooser.given_parses(parses_of)
    return failed


def _impersonal(cue) -> bool:
    """A speech verb in its impersonal reflexive form ('сообщается', 'отмечалось'; not 'признался'),
    no document's ('говорится' speaks for the document named before)."""
    if cue is None or not cue.lemma.endswith("ся") or cue.lemma.lower() in DOCUMENT_CUES:
        return False
    return _impersonal_form(cue.text.split()[0].lower())


@lru_cache(maxsize=WORD_CACHE)
def _impersonal_form(word: str) -> bool:
    """A reflexive verb in the third person singular present or the neuter past."""
    tag = parses(word)[0].tag
    return word.endswith(("ся", "сь")) and "VERB" in tag and (
        ("pres" in tag and "3per" in tag and "sing" in tag) or ("past" in tag and "neut" in tag)
    )
