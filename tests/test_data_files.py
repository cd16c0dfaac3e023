"""The vocabulary files in quotextract/data: each says what it holds, lists nothing twice, and
declares every word it shares with another list ('# Also in other.txt: word, word')."""

from __future__ import annotations

import re
from importlib.resources import files
from itertools import combinations

import pytest

from quotextract.lexicon import read_list, read_table

DATA = files("quotextract").joinpath("data")
NAMES = sorted(path.name for path in DATA.iterdir() if path.name.endswith(".txt"))
TABLES = {
    "role_classes.txt",
    "org_kinds.txt",
    "body_kinds.txt",
    "state_adjectives.txt",
    "pronouns.txt",
}  # 'key: value, value' lines
LISTS = [name for name in NAMES if name not in TABLES]
DECLARED = re.compile(r"^#\s*Also in (\S+\.txt):\s*([^.(\n]*)", re.M)
HEADER_LINES = 2  # a header says what the file holds and how it is used


def entries(name: str) -> list[str]:
    """The entries of a data file as the lexicon reads them, repeats kept."""
    text = DATA.joinpath(name).read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip().lower().replace("ё", "е") for line in text.splitlines())
    return [line for line in lines if line]


def declared(name: str) -> dict[str, set[str]]:
    """Other file -> the words this file's header says it shares with it."""
    text = DATA.joinpath(name).read_text(encoding="utf-8")
    return {
        other: {word.strip().lower() for word in words.split(",") if word.strip()}
        for other, words in DECLARED.findall(text)
    }


def test_there_are_data_files():
    assert {"speech_verbs.txt", "roles.txt", "unnamed.txt"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_each_file_starts_with_a_header(name):
    lines = DATA.joinpath(name).read_text(encoding="utf-8").splitlines()
    header = [line for line in lines[:HEADER_LINES] if line.startswith("#")]
    assert len(header) == HEADER_LINES, (
        f"{name}: begin with {HEADER_LINES} '#' lines: what it holds, how it is used"
    )


@pytest.mark.parametrize("name", NAMES)
def test_no_entry_twice(name):
    keys = [key for key, _ in read_table(name)] if name in TABLES else entries(name)
    repeated = sorted({key for key in keys if keys.count(key) > 1})
    assert not repeated, f"{name} lists {repeated} more than once"


@pytest.mark.parametrize("name", sorted(TABLES))
def test_no_value_twice_in_a_table_row(name):
    for key, values in read_table(name):
        assert len(set(values)) == len(values), f"{name}: {key!r} repeats a value"


def test_lists_are_lists():
    for name in LISTS:
        assert not any(":" in entry for entry in entries(name)), f"{name} has 'key: values' lines: a table?"


@pytest.mark.parametrize("first, second", list(combinations(LISTS, 2)))
def test_overlaps_are_declared(first, second):
    shared = set(read_list(first)) & set(read_list(second))
    stated = declared(first).get(second, set()) | declared(second).get(first, set())
    assert shared == stated, (
        f"{first} and {second} share {sorted(shared)}; declared {sorted(stated)}: remove the "
        f"repeats, or state them in a header line '# Also in {second}: word, word (why)'"
    )


def test_declarations_name_existing_files():
    for name in NAMES:
        assert set(declared(name)) <= set(NAMES), name


def test_role_classes_hold_only_known_descriptions():
    known = set(read_list("roles.txt")) | set(read_list("unnamed.txt"))
    for name, words in read_table("role_classes.txt"):
        assert set(words) <= known, f"{name}: {sorted(set(words) - known)} not in roles.txt or unnamed.txt"


def test_body_kinds_are_bodies_of_known_kinds():
    bodies = set(read_list("bodies.txt")) | set(read_list("institutions.txt"))
    kinds = {kind for kind, _ in read_table("org_kinds.txt")} | {"outlet"}  # outlets: outlets.txt
    for body, wanted in read_table("body_kinds.txt"):
        assert body in bodies, f"{body!r} is not in bodies.txt or institutions.txt"
        assert set(wanted) <= kinds, f"{body!r}: {sorted(set(wanted) - kinds)} not in org_kinds.txt"
