"""Word lists kept as data files in ``quotextract/data``: speech cues, roles, unnamed sources."""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cached_property, lru_cache
from importlib.resources import files

from .morph import fold_yo, lemma, parses

PREFIX = 3  # letters a word is screened by before it is parsed for a cue
PREFIX_PARSES = 3  # parses of a cue lemma whose forms give the prefixes


def read_list(name: str) -> tuple[str, ...]:
    """Lines of a data file, without comments and blanks, lowercased, ё -> е."""
    text = files("quotextract").joinpath("data", name).read_text(encoding="utf-8")
    lines = (fold_yo(line.split("#", 1)[0].strip().lower()) for line in text.splitlines())
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
    role_classes: tuple[tuple[str, tuple[str, ...]], ...] = ()  # ('athlete', ('спортсмен', ...))
    outlets: frozenset[str] = frozenset()  # names of news outlets, lowercase
    perception_verbs: frozenset[str] = frozenset()  # 'заметил' of seeing, after another verb and 'и'
    announcers: frozenset[str] = frozenset()  # 'запись:' announcing speech on the next line
    org_kinds: tuple[tuple[str, tuple[str, ...]], ...] = ()  # ('court', ('суд', 'трибунал'))
    body_kinds: tuple[tuple[str, tuple[str, ...]], ...] = ()  # ('ведомство', ('government',))

    def __hash__(self) -> int:
        """The dataclass hash of the fields, computed once: a lexicon keys per-word caches
        (``mentions.role_lemma``), and its tuples of word lists are long to hash."""
        return self._hash

    @cached_property
    def _hash(self) -> int:
        return hash(tuple(getattr(self, field.name) for field in fields(self)))

    def __getstate__(self) -> dict:
        """What a pickle keeps: the fields and cached word lists, not the hash (strings hash
        differently in another process)."""
        return {name: value for name, value in self.__dict__.items() if name != "_hash"}

    @cached_property
    def max_phrase(self) -> int:
        """The longest multi-word cue, in words."""
        return max((len(phrase) for phrase in self.speech_phrases), default=1)

    @cached_property
    def _classes(self) -> dict[str, frozenset[str]]:
        found: dict[str, set[str]] = {}
        for name, words in self.role_classes:
            for word in words:
                found.setdefault(word, set()).add(name)
        return {word: frozenset(names) for word, names in found.items()}

    def classes_of(self, description: str) -> frozenset[str]:
        """A description lemma and the classes it belongs to ('футболист' -> {'футболист', 'athlete'})."""
        return self._classes.get(description, frozenset()) | {description}

    def classes_introduced(self, description: str) -> frozenset[str]:
        """The classes a person introduced with ``description`` belongs to: those of a two-word
        description and of its head ('глава министерства' is a minister and a 'глава')."""
        head = description.split()[0]
        return self.classes_of(description) | (self.classes_of(head) if head != description else frozenset())

    @cached_property
    def kind_of_head(self) -> dict[str, str]:
        """First-word lemma of an organisation's name -> its kind."""
        return {word: kind for kind, words in self.org_kinds for word in words}

    def names_an_outlet(self, body: str) -> bool:
        """Whether the body noun stands for a news outlet ('издание', 'газета')."""
        return dict(self.body_kinds).get(body) == ("outlet",)

    def body_fits(self, body: str, kind: str | None) -> bool:
        """Whether a body noun ('ведомство') can refer to an organisation of ``kind``."""
        wanted = dict(self.body_kinds).get(body)
        return wanted is None or kind is None or kind in wanted

    @cached_property
    def phrase_starts(self) -> frozenset[str]:
        return frozenset(phrase[0] for phrase in self.speech_phrases)

    @cached_property
    def verb_prefixes(self) -> frozenset[str]:
        """The first ``PREFIX`` letters of every form of a cue lemma: words starting otherwise need no parsing."""
        return form_prefixes(self.speech_verbs | self.phrase_starts)

    @cached_property
    def description_prefixes(self) -> frozenset[str]:
        """The first ``PREFIX`` letters of every form of a role, body or unnamed-source lemma (and
        of each word of one of several words): words starting otherwise describe no source."""
        described = self.roles | self.bodies | self.unnamed | self.institutions | dict(self.body_kinds).keys()
        return form_prefixes({word for lemma in described for word in lemma.split()})

    @cached_property
    def written_prefixes(self) -> frozenset[str]:
        """The strings that are ``verb_prefixes`` when ё is read as е: 'уве' and 'увё'."""
        return frozenset(
            written for prefix in self.verb_prefixes if "ё" not in prefix for written in _with_yo(prefix)
        )

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
            role_classes=self.role_classes,
            outlets=self.outlets,
            announcers=self.announcers,
            perception_verbs=self.perception_verbs,
            org_kinds=self.org_kinds,
            body_kinds=self.body_kinds,
        )


def form_prefixes(lemmas) -> frozenset[str]:
    """The first ``PREFIX`` letters (ё read as е) of the lemmas and of every form of their likeliest
    parses: a word starting otherwise is no form of any of them, and needs no parsing to say so."""
    prefixes = set()
    for word in lemmas:
        prefixes.add(fold_yo(word[:PREFIX]))
        for parse in parses(word)[:PREFIX_PARSES]:
            prefixes.update(fold_yo(form.word[:PREFIX]) for form in parse.lexeme)
    return frozenset(prefixes)


def _with_yo(text: str) -> list[str]:
    """``text`` with each е as е or ё."""
    found = [""]
    for char in text:
        found = [start + variant for start in found for variant in (("е", "ё") if char == "е" else (char,))]
    return found


def _split_cues(cues: tuple[str, ...]) -> tuple[frozenset[str], frozenset[tuple[str, ...]]]:
    normal = [fold_yo(cue.lower()) for cue in cues]
    verbs = frozenset(c for c in normal if " " not in c)
    # lemmatised as the text's words are read
    phrases = frozenset(tuple(map(lemma, c.split())) for c in normal if " " in c)
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
        role_classes=read_table("role_classes.txt"),
        outlets=frozenset(read_list("outlets.txt")),
        announcers=frozenset(read_list("announcers.txt")),
        perception_verbs=frozenset(read_list("perception_verbs.txt")),
        org_kinds=read_table("org_kinds.txt"),
        body_kinds=read_table("body_kinds.txt"),
    )


def read_table(name: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Lines 'key: value, value' of a data file, as (key, values) pairs."""
    rows = []
    for line in read_list(name):
        key, _, values = line.partition(":")
        rows.append((key.strip(), tuple(v.strip() for v in values.split(",") if v.strip())))
    return tuple(rows)
