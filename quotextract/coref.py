"""Persons across an article: one canonical (fullest) name per person, and their gender."""

from __future__ import annotations

import re
from functools import lru_cache

from .model import Entity
from .morph import parses
from .names import is_initial, word_keys

FEMININE_SURNAME = re.compile(r"(?:ова|ева|ёва|ина|ына|ская|цкая|ая)$", re.I)
MASCULINE_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын|ский|цкий|ой|ый)$", re.I)


def _words(name: str) -> list[str]:
    return re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*\.?(?:-[^\W\d_]+\.)?", name)


CASE_ENDING = re.compile(r"(?:а|у|ом|ым|им|е|ой|ою|ы|ей|ую)$")


def _word_matches(short: str, full: str) -> bool:
    """The same name word: an initial, a shared lemma, or one inflected form of the other."""
    if is_initial(short):
        return full[:1].lower() == short[:1].lower()
    if word_keys(short) & word_keys(full):
        return True
    a, b = short.lower(), full.lower()
    return a != b and len(b) > 3 and a.startswith(b) and bool(CASE_ENDING.fullmatch(a[len(b) :]))


def _variant_of(short: str, full: str) -> bool:
    """Every word of ``short`` matches a distinct word of ``full`` ('Токаев' of 'Касым-Жомарт Токаев')."""
    remaining = _words(full)
    for word in _words(short):
        match = next((w for w in remaining if _word_matches(word, w)), None)
        if match is None:
            return False
        remaining.remove(match)
    return True


def fuller_names(entities: list[Entity]) -> dict[str, list[str]]:
    """Each PER name of the article -> its fuller variants in the article, fullest first."""
    names = list(dict.fromkeys(e.normal for e in entities if e.type == "PER"))
    return {
        name: sorted(
            (other for other in names if len(_words(other)) > len(_words(name)) and _variant_of(name, other)),
            key=lambda other: -len(_words(other)),
        )
        for name in names
    }


@lru_cache(maxsize=50_000)
def gender(name: str) -> str | None:
    """'masc' or 'femn' from a first name, else from a Russian surname ending; None when unknown
    ('Меркель', 'Вормут')."""
    for word in _words(name):
        for parse in parses(word):
            if "Name" in parse.tag and parse.tag.case == "nomn" and parse.tag.gender in ("masc", "femn"):
                return str(parse.tag.gender)
    last = _words(name)[-1] if _words(name) else ""
    if FEMININE_SURNAME.search(last):
        return "femn"
    return "masc" if MASCULINE_SURNAME.search(last) else None
