"""Cached pymorphy3 morphology: lemmas, tags, gender and inflection of single words."""

from __future__ import annotations

import re
from functools import lru_cache

import pymorphy3

WORD_CACHE = 100_000  # words each cache of a derived morphological fact keeps
PERSON_GENDERS = ("masc", "femn")  # the pymorphy3 genders a person can be given


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


def parses(word: str) -> tuple:
    """All pymorphy3 parses of ``word``, most probable first."""
    return _parses(word.lower() if CASELESS.fullmatch(word) else word)


@lru_cache(maxsize=200_000)
def _parses(word: str) -> tuple:
    return tuple(analyzer().parse(word))


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
        if parse.tag.gender in PERSON_GENDERS and ("VERB" in parse.tag or "PRTS" in parse.tag):
            return str(parse.tag.gender)
    return None


@lru_cache(maxsize=WORD_CACHE)
def name_gender(word: str, case: str | None = None) -> str | None:
    """'masc' or 'femn' of a first name ('Анна'), optionally in the given case; else None."""
    for parse in parses(word):
        if "Name" in parse.tag and parse.tag.gender in PERSON_GENDERS and case in (None, parse.tag.case):
            return str(parse.tag.gender)
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
