"""Word lists kept as data files in ``quotextract/data``: speech cues, roles, unnamed sources."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib.resources import files


def read_list(name: str) -> tuple[str, ...]:
    """Lines of a data file, without comments and blanks, lowercased, ё -> е."""
    text = files("quotextract").joinpath("data", name).read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip().lower().replace("ё", "е") for line in text.splitlines())
    return tuple(dict.fromkeys(line for line in lines if line))


@dataclass(frozen=True)
class Lexicon:
    """The vocabulary rules consult. Extend it with :meth:`extended`."""

    speech_verbs: frozenset[str]  # single lemmas: 'сказать'
    speech_phrases: frozenset[tuple[str, ...]]  # multi-word lemma sequences: ('дать', 'понять')
    source_phrases: tuple[str, ...]  # 'по словам'
    roles: frozenset[str]
    unnamed: frozenset[str]
    bodies: frozenset[str] = frozenset()
    institutions: frozenset[str] = frozenset()
    max_phrase: int = field(default=3)

    @cached_property
    def phrase_starts(self) -> frozenset[str]:
        return frozenset(phrase[0] for phrase in self.speech_phrases)

    @cached_property
    def verb_prefixes(self) -> frozenset[str]:
        """First three letters of every cue lemma: words starting otherwise need no parsing."""
        from .morph import parses

        prefixes = set()
        for lemma in self.speech_verbs | self.phrase_starts:
            prefixes.add(lemma[:3])
            for parse in parses(lemma)[:3]:
                prefixes.update(form.word[:3].replace("ё", "е") for form in parse.lexeme)
        return frozenset(prefixes)

    def extended(self, cues=(), roles=(), unnamed=(), source_phrases=()) -> Lexicon:
        """A new lexicon with extra cue lemmas (or 'выразить надежда'), roles, unnamed words."""
        verbs, phrases = _split_cues(tuple(cues))
        return Lexicon(
            speech_verbs=self.speech_verbs | verbs,
            speech_phrases=self.speech_phrases | phrases,
            source_phrases=self.source_phrases + tuple(p.lower() for p in source_phrases),
            roles=self.roles | {r.lower() for r in roles},
            unnamed=self.unnamed | {u.lower() for u in unnamed},
            bodies=self.bodies,
            institutions=self.institutions,
        )


def _split_cues(cues: tuple[str, ...]) -> tuple[frozenset[str], frozenset[tuple[str, ...]]]:
    normal = [cue.lower().replace("ё", "е") for cue in cues]
    verbs = frozenset(c for c in normal if " " not in c)
    phrases = frozenset(tuple(c.split()) for c in normal if " " in c)
    return verbs, phrases


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon shipped with quotextract."""
    verbs, phrases = _split_cues(read_list("speech_verbs.txt"))
    return Lexicon(
        speech_verbs=verbs,
        speech_phrases=phrases,
        source_phrases=read_list("source_phrases.txt"),
        roles=frozenset(read_list("roles.txt")),
        unnamed=frozenset(read_list("unnamed.txt")),
        bodies=frozenset(read_list("bodies.txt")) | frozenset(read_list("institutions.txt")),
        institutions=frozenset(read_list("institutions.txt")),
    )
