"""Cached pymorphy3 morphology: lemmas, tags, gender and inflection of single words."""

from __future__ import annotations

import heapq
import re
from functools import lru_cache

import pymorphy3
from pymorphy3.tagset import OpencorporaTag
from pymorphy3.units import (
    DictionaryAnalyzer,
    KnownPrefixAnalyzer,
    KnownSuffixAnalyzer,
    UnknownPrefixAnalyzer,
)

WORD_CACHE = 100_000  # words each cache of a derived morphological fact keeps
PERSON_GENDERS = ("masc", "femn")  # the pymorphy3 genders a person can be given
# A tag holds one grammeme of a category at most, so 'gent' in tag.grammemes is tag.case == 'gent'
# without pymorphy3's checked attribute (a call and a typed string each): hot loops test sets
CASES = OpencorporaTag.CASES
GENDERS = OpencorporaTag.GENDERS


def fold_yo(text: str) -> str:
    """``text`` with ё read as е, as Russian news writes it either way: 'её' -> 'ее'."""
    return text.replace("ё", "е")


def words_pattern(words) -> str:
    """A regex alternation of whole ``words`` (escaped), е matching ё too: ('мое', 'наш')."""
    alternatives = (re.escape(fold_yo(word)).replace("е", "[её]") for word in words)
    return r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)"


@lru_cache(maxsize=1)
def analyzer() -> pymorphy3.MorphAnalyzer:
    """The process-wide pymorphy3 analyzer, loaded on first use."""
    return pymorphy3.MorphAnalyzer()


# pymorphy3 reads a word of two Cyrillic letters or more in lower case only (case matters to its
# initials, numbers, Latin and Roman numerals; an unknown word keeps it only in its method
# stack, which no inflection reads): such a word is parsed once, in lower case
CASELESS = re.compile(r"[а-яё]{2,}", re.I)


@lru_cache(maxsize=200_000)  # (asked for as written: the most asked-for lookup of all)
def parses(word: str) -> tuple:
    """All pymorphy3 parses of ``word``, most probable first."""
    return _parses(word.lower() if CASELESS.fullmatch(word) else word)


@lru_cache(maxsize=200_000)
def _parses(word: str) -> tuple:
    return tuple(analyzer().parse(word))


def inflected_word(parse, grammemes: frozenset) -> str | None:
    """The word of ``parse.inflect(grammemes)``, None when the lexeme has no such form.

    pymorphy3 builds the whole lexeme of a word to choose its form, from the paradigm's tags
    alone; here the form is chosen as pymorphy3 chooses it from those tags alone, once per
    paradigm, tag and grammemes (a few hundred over a corpus of names), and spelt from the
    word's stem as pymorphy3 spells it.
    """
    prefixes = _paradigm_route(parse.methods_stack)
    if prefixes is None:
        inflected = parse.inflect(set(grammemes))
        return inflected.word if inflected else None
    para_id, idx = parse.methods_stack[0][2:4]
    key = (para_id, idx, grammemes)  # the form's place in its paradigm gives its tag
    index = _FORM_INDEX.get(key, UNSEEN)
    if index is UNSEEN:
        if len(_FORM_INDEX) >= WORD_CACHE:
            _FORM_INDEX.clear()
        index = _FORM_INDEX[key] = _form_index(para_id, parse.tag, grammemes)
    if index is None:
        return None
    words = analyzer().dictionary
    paradigm = words.paradigms[para_id]
    size = len(paradigm) // 3
    stem = words.build_stem(paradigm, idx, parse.word[sum(map(len, prefixes)) :])
    form = words.paradigm_prefixes[paradigm[2 * size + index]] + stem + words.suffixes[paradigm[index]]
    return "".join(reversed(prefixes)) + form


_FORM_INDEX: dict = {}  # (paradigm id, form index, grammemes) -> index of the inflected form, None for none
UNSEEN = object()


def _form_index(para_id: int, tag, grammemes: frozenset) -> int | None:
    """The index in its paradigm of the form pymorphy3's ``inflect`` gives a word of the paradigm
    with ``tag``: of the forms whose tags hold ``grammemes`` (or, none does, the grammemes with
    their rare cases made common), the first most like the tag with the grammemes put in."""
    words = analyzer().dictionary
    paradigm = words.paradigms[para_id]
    size = len(paradigm) // 3
    tags = [words.gramtab[tag_id].grammemes for tag_id in paradigm[size : 2 * size]]
    possible = [index for index, found in enumerate(tags) if grammemes <= found]
    if not possible:
        grammemes = analyzer().TagClass.fix_rare_cases(grammemes)
        possible = [index for index, found in enumerate(tags) if grammemes <= found]
    wanted = tag.updated_grammemes(grammemes)
    best = heapq.nlargest(
        1, possible, key=lambda index: len(wanted & tags[index]) - 0.1 * len(wanted ^ tags[index])
    )
    return best[0] if best else None


PREFIX_UNITS = (KnownPrefixAnalyzer, UnknownPrefixAnalyzer)  # units that glue a prefix to a lexeme's words


def _paradigm_route(methods_stack) -> tuple[str, ...] | None:
    """The prefixes, innermost first, that pymorphy3 glues to the words of a dictionary paradigm
    to build this parse's lexeme; None for any other kind of lexeme (hyphenated words, shapes)."""
    if not isinstance(methods_stack[0][0], DictionaryAnalyzer):
        return None
    prefixes = []
    for method in methods_stack[1:]:
        if type(method[0]) in PREFIX_UNITS:
            prefixes.append(method[1])
        elif type(method[0]) is not KnownSuffixAnalyzer:
            return None
    return tuple(prefixes)


def case_of(parse) -> str | None:
    """``parse.tag.case`` as a plain string, None for none, read as pymorphy3 reads it (the
    first of the tag's grammemes among the cases) without its checked string type, which
    compares and hashes in Python: slow in a cache key or a set."""
    return next(iter(CASES & parse.tag.grammemes), None)


def gender_of(parse) -> str | None:
    """``parse.tag.gender`` as a plain string, None for none (see :func:`case_of`)."""
    return next(iter(GENDERS & parse.tag.grammemes), None)


@lru_cache(maxsize=WORD_CACHE)
def is_known(word: str) -> bool:
    """Whether pymorphy3's dictionary holds ``word`` (in any case of letters), not only guesses it."""
    return analyzer().word_is_known(word.lower())


@lru_cache(maxsize=100_000)
def lemma(word: str) -> str:
    """Normal form of the first parse, lowercased, with ё -> е."""
    return fold_yo(parses(word)[0].normal_form)


@lru_cache(maxsize=WORD_CACHE)
def is_verb(word: str) -> bool:
    """Whether the most probable parse of ``word`` is a finite verb: 'заявил', not 'заявление'."""
    return "VERB" in parses(word)[0].tag


@lru_cache(maxsize=WORD_CACHE)
def verb_gender(word: str) -> str | None:
    """'masc' or 'femn' of a past-tense verb or short participle ('сказала', 'уверен'), else None."""
    for parse in parses(word):
        grammemes = parse.tag.grammemes
        if "VERB" in grammemes or "PRTS" in grammemes:
            gender = next((g for g in PERSON_GENDERS if g in grammemes), None)
            if gender:
                return gender
    return None


@lru_cache(maxsize=WORD_CACHE)
def name_gender(word: str, case: str | None = None) -> str | None:
    """'masc' or 'femn' of a first name ('Анна'), optionally in the given case; else None."""
    for parse in parses(word):
        grammemes = parse.tag.grammemes
        if "Name" in grammemes and (case is None or case in grammemes):
            gender = next((g for g in PERSON_GENDERS if g in grammemes), None)
            if gender:
                return gender
    return None


@lru_cache(maxsize=WORD_CACHE)
def is_person_noun(word: str, case: str | None = None, number: str = "sing") -> bool:
    """Whether the likeliest reading of ``word`` is an animate common noun in ``number`` (and
    in ``case``): 'канадец', 'друга', 'критики' (plural); not a name ('Иванов') nor a thing."""
    found = parses(word)
    if not found or not {"NOUN", "anim", number} <= found[0].tag.grammemes:
        return False
    tag = found[0].tag
    return case in (None, tag.case) and not any(name in tag for name in ("Name", "Surn", "Patr"))
