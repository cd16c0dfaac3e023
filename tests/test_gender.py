"""speaker_gender against a hand-made table of the quoted persons of the dev set (names only).

tests/data/gender_names.tsv: the gold speakers of ../shared/eval/dev that are persons, with their
gender assigned by hand. The dev articles are extracted and each quotation whose speaker is a name
of the table is checked; skipped where ../shared/eval/dev is absent.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import quotextract

DATA = Path(__file__).resolve().parent / "data"
NAMES = DATA / "gender_names.tsv"
GOLD = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "dev"
MIN_COVERAGE = 0.95  # quotations of the table's persons that get a gender
MIN_ACCURACY = 0.97  # of those, the share with the table's gender


def read_names(path: Path = NAMES) -> dict[str, str]:
    """The hand-made table: name -> 'f' or 'm'."""
    lines = [
        line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")
    ]
    return dict(line.split("\t") for line in lines[1:])


def fold(name: str) -> str:
    return " ".join(name.replace("ё", "е").replace("Ё", "Е").split())


def gender_accuracy(gold: Path, names: dict[str, str]) -> dict:
    """``speaker_gender`` of the quotations whose speaker is a name of the table, against the table."""
    texts = [(path.stem, path.read_text(encoding="utf-8")) for path in sorted(gold.glob("*.txt"))]
    quotes = quotextract.extract(texts, progress=False)
    table = {fold(name): gender for name, gender in names.items()}
    matched = quotes[quotes["speaker"].map(lambda s: isinstance(s, str) and fold(s) in table)]
    expected = matched["speaker"].map(lambda s: table[fold(s)])
    given = matched["speaker_gender"].astype(object)
    known = given.notna()
    return {
        "names": len(names),
        "names_quoted": int(matched["speaker"].nunique()),
        "quotations": len(matched),
        "with_gender": int(known.sum()),
        "correct": int((given[known] == expected[known]).sum()),
        "wrong": sorted(set(matched.loc[known & (given != expected), "speaker"])),
        "missing": sorted(set(matched.loc[~known, "speaker"])),
    }


def test_the_table():
    names = read_names()
    assert len(names) >= 100
    assert set(names.values()) == {"f", "m"}
    assert all(name == " ".join(name.split()) for name in names)


@pytest.mark.skipif(not GOLD.is_dir(), reason="../shared/eval/dev is not present")
def test_dev_speaker_gender():
    found = gender_accuracy(GOLD, read_names())
    assert found["names_quoted"] >= 100, found
    assert found["with_gender"] >= MIN_COVERAGE * found["quotations"], found
    assert found["correct"] >= MIN_ACCURACY * found["with_gender"], found


# never guessed for organisations; a person's gender from the name or the verb
@pytest.mark.parametrize(
    "text, gender",
    [
        ("«Мы готовы к переговорам», — заявили в Минфине.", None),
        ("«Цены не вырастут», — сообщила пресс-служба Минздрава.", None),
        ("«Мы готовы к переговорам», — сказала Анна Смирнова.", "f"),
        ("«Мы готовы к переговорам», — сказал Олег Ким.", "m"),
    ],
)
def test_gender_of_a_quotation(text, gender):
    frame = quotextract.extract(text)
    assert len(frame) == 1
    value = frame.loc[0, "speaker_gender"]
    assert (None if pd.isna(value) else value) == gender


def test_a_surname_the_dictionary_only_guesses_a_first_name_of_gives_no_gender():
    from quotextract.names import gender

    assert gender("Жоао Батшуайи") is None  # not the feminine 'Батшуайя' pymorphy guesses
    assert gender("Анна Батшуайи") == "femn"  # a first name it knows still does
    assert gender("Мария") == "femn"
