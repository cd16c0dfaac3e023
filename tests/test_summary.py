"""Speaker table: counts, first and last quotation, name variants merged across documents."""

from __future__ import annotations

import pandas as pd
import pytest

import quotextract
from quotextract.frame import COLUMNS, DTYPES

SUMMARY = {
    "speaker_id": "Int64",
    "speaker": "string",
    "speaker_type": "category",
    "gender": "category",
    "role": "string",
    "affiliation": "string",
    "n_quotes": "Int64",
    "n_direct": "Int64",
    "n_indirect": "Int64",
    "n_docs": "Int64",
    "first_quote": "string",
    "last_quote": "string",
    "variants": "string",
}


def corpus(*rows, doc_id: bool = True) -> pd.DataFrame:
    """A batch frame by hand; each row is ``(doc_id, speaker, type[, kind[, quote_start[, quote]]])``."""
    records = []
    for i, (doc, speaker, kind_of, *rest) in enumerate(rows):
        kind = rest[0] if rest else "direct"
        start = rest[1] if len(rest) > 1 else i * 10
        quote = rest[2] if len(rest) > 2 else f"q{i}"
        records.append(
            {
                "doc_id": doc,
                "quote": quote,
                "speaker": speaker,
                "speaker_type": kind_of,
                "kind": kind,
                "quote_start": start,
                "quote_end": start + len(quote),
            }
        )
    frame = pd.DataFrame.from_records(records, columns=["doc_id", *COLUMNS])
    frame = frame.astype({"doc_id": "string", **DTYPES})
    return frame if doc_id else frame.drop(columns="doc_id")


def counts(table: pd.DataFrame) -> dict[str, int]:
    return dict(zip(table["speaker"], table["n_quotes"]))


# MERGES: (names quoted, one per document, as (speaker, type)) -> speaker: n_quotes
MERGES = {
    "surname into the full name": ([("Путин", "PER"), ("Владимир Путин", "PER")], {"Владимир Путин": 2}),
    "full name first, surname later": (
        [("Владимир Путин", "PER"), ("Путин", "PER"), ("Путин", "PER")],
        {"Владимир Путин": 3},
    ),
    "ambiguous surname stays apart": (
        [("Иванов", "PER"), ("Александр Иванов", "PER"), ("Сергей Иванов", "PER")],
        {"Иванов": 1, "Александр Иванов": 1, "Сергей Иванов": 1},
    ),
    "gendered forms are different surnames": (
        [("Путин", "PER"), ("Владимир Путин", "PER"), ("Людмила Путина", "PER"), ("Путина", "PER")],
        {"Владимир Путин": 2, "Людмила Путина": 2},
    ),
    "chain to the fullest name": (
        [("Путин", "PER"), ("Владимир Путин", "PER"), ("Владимир Владимирович Путин", "PER")],
        {"Владимир Владимирович Путин": 3},
    ),
    "first name shared by two people": (
        [("Владимир", "PER"), ("Владимир Путин", "PER"), ("Владимир Зеленский", "PER")],
        {"Владимир": 1, "Владимир Путин": 1, "Владимир Зеленский": 1},
    ),
    "ё as е, case and spaces": (
        [("Пётр Петров", "PER"), ("Петр  Петров", "PER"), ("ПЁТР ПЕТРОВ", "PER"), ("Пётр Петров", "PER")],
        {"Пётр Петров": 4},
    ),
    "ё in the surname only": ([("Семёнов", "PER"), ("Игорь Семенов", "PER")], {"Игорь Семенов": 2}),
    "word order": (
        [("Путин Владимир", "PER"), ("Путин", "PER"), ("Владимир Путин", "PER"), ("Владимир Путин", "PER")],
        {"Владимир Путин": 4},
    ),
    "disjoint names": (
        [("Анна Петрова", "PER"), ("Анна Иванова", "PER")],
        {"Анна Петрова": 1, "Анна Иванова": 1},
    ),
    "hyphenated names are one token": (
        [("Жомарт", "PER"), ("Касым-Жомарт Токаев", "PER"), ("Токаев", "PER")],
        {"Жомарт": 1, "Касым-Жомарт Токаев": 2},
    ),
    "organisations merge only when equal": (
        [("Минздрав", "ORG"), ("Минздрав России", "ORG"), ("минздрав", "ORG")],
        {"Минздрав": 2, "Минздрав России": 1},
    ),
    "an organisation does not merge into a person": (
        [("Песков", "ORG"), ("Дмитрий Песков", "PER")],
        {"Песков": 1, "Дмитрий Песков": 1},
    ),
    "a person does not merge into an organisation": (
        [("Газпром", "PER"), ("Газпром нефть", "ORG")],
        {"Газпром": 1, "Газпром нефть": 1},
    ),
    "no type: exact match only": (
        [("Путин", None), ("Владимир Путин", "PER"), ("путин", None)],
        {"Путин": 2, "Владимир Путин": 1},
    ),
}


@pytest.mark.parametrize("names, expected", MERGES.values(), ids=MERGES.keys())
def test_name_variants(names, expected):
    table = quotextract.speakers(corpus(*[(f"d{i}", name, kind) for i, (name, kind) in enumerate(names)]))
    assert counts(table) == expected


def test_merged_row_lists_its_variants_most_quoted_first():
    table = quotextract.speakers(
        corpus(("a", "Путин", "PER"), ("b", "Владимир Путин", "PER"), ("c", "Путин", "PER"))
    )
    assert table.loc[0, "variants"] == "Путин; Владимир Путин"
    assert table.loc[0, "speaker"] == "Владимир Путин"  # the fullest name, though less quoted


def test_counts_by_kind_and_documents():
    table = quotextract.speakers(
        corpus(
            ("a", "Иван Петров", "PER", "direct"),
            ("a", "Иван Петров", "PER", "indirect"),
            ("b", "Петров", "PER", "direct"),
            ("b", "Минздрав", "ORG", "indirect"),
            ("c", "Иван Петров", "PER", "indirect"),
        )
    )
    petrov, ministry = table.to_dict("records")
    assert (petrov["speaker"], petrov["speaker_type"]) == ("Иван Петров", "PER")
    assert (petrov["n_quotes"], petrov["n_direct"], petrov["n_indirect"], petrov["n_docs"]) == (4, 2, 2, 3)
    assert (ministry["speaker_type"], ministry["n_quotes"], ministry["n_indirect"], ministry["n_docs"]) == (
        "ORG",
        1,
        1,
        1,
    )


def test_first_and_last_by_document_order_then_offset():
    frame = corpus(  # documents in order of first appearance: z before a; rows not by offset
        ("z", "Иван Петров", "PER", "direct", 50, "вторая в z"),
        ("z", "Иван Петров", "PER", "direct", 5, "первая в z"),
        ("a", "Петров", "PER", "direct", 90, "последняя в a"),
        ("a", "Иван Петров", "PER", "direct", 0, "первая в a"),
    )
    row = quotextract.speakers(frame).iloc[0]
    assert (row["first_quote"], row["last_quote"]) == ("первая в z", "последняя в a")


def test_without_doc_id_one_article():
    frame = corpus(
        ("x", "Иван Петров", "PER", "direct", 40, "потом"),
        ("x", "Петров", "PER", "indirect", 3, "сначала"),
        doc_id=False,
    )
    row = quotextract.speakers(frame).iloc[0]
    assert (row["speaker"], row["n_quotes"], row["n_docs"]) == ("Иван Петров", 2, 1)
    assert (row["first_quote"], row["last_quote"]) == ("сначала", "потом")


def test_sorted_by_quotes_then_first_quotation():
    frame = corpus(
        ("a", "Борис", "PER"),
        ("a", "Анна", "PER"),
        ("a", "Вера", "PER"),
        ("b", "Анна", "PER"),
        ("b", "Вера", "PER"),
    )
    assert list(quotextract.speakers(frame)["speaker"]) == ["Анна", "Вера", "Борис"]


def test_unnamed_sources_are_left_out():
    frame = corpus(("a", None, None), ("a", "Иван Петров", "PER"), ("b", None, None))
    assert counts(quotextract.speakers(frame)) == {"Иван Петров": 1}


def test_dtypes_and_columns():
    table = quotextract.speakers(corpus(("a", "Иван Петров", "PER"), ("a", "Минздрав", "ORG")))
    assert list(table.columns) == list(SUMMARY)
    assert {name: str(dtype) for name, dtype in table.dtypes.items()} == SUMMARY
    assert set(table["speaker_type"].cat.categories) == {"PER", "ORG", "OTHER"}
    assert list(table.index) == [0, 1]


@pytest.mark.parametrize(
    "frame",
    [
        corpus(),
        corpus(doc_id=False),
        corpus(("a", None, None), ("b", None, None)),
        quotextract.empty_frame(),
    ],
    ids=["batch", "article", "only unnamed", "empty_frame()"],
)
def test_empty_input_gives_an_empty_table(frame):
    table = quotextract.speakers(frame)
    assert len(table) == 0
    assert list(table.columns) == list(SUMMARY)
    assert {name: str(dtype) for name, dtype in table.dtypes.items()} == SUMMARY


def test_wrong_input():
    with pytest.raises(TypeError, match="expected DataFrame, got list"):
        quotextract.speakers([])
    with pytest.raises(ValueError, match=r"lack the columns \['kind'\]"):
        quotextract.speakers(corpus(("a", "Иван Петров", "PER")).drop(columns="kind"))


def test_extracted_article(caravan_text):
    quotes = quotextract.extract(caravan_text)
    table = quotextract.speakers(quotes)
    assert quotes["is_repeat"].sum() > 0
    assert table["n_quotes"].sum() == (quotes["speaker"].notna() & ~quotes["is_repeat"]).sum()
    assert quotextract.speakers(quotes, repeats=True)["n_quotes"].sum() == quotes["speaker"].notna().sum()
    assert (table["n_docs"] == 1).all()


# ATTRIBUTES, OUTLETS AND MONTHS: from the columns the input has
def described(*rows) -> pd.DataFrame:
    """``corpus`` rows ``(doc_id, speaker, gender, role, affiliation, source, date)``."""
    frame = corpus(*[(doc, speaker, "PER") for doc, speaker, *_ in rows])
    for i, name in enumerate(["speaker_gender", "speaker_role", "speaker_affiliation"]):
        frame[name] = pd.Series([row[2 + i] for row in rows], dtype=frame[name].dtype)
    return frame.assign(source=[row[5] for row in rows], date=[row[6] for row in rows])


CORPUS = described(
    ("a", "Анна Смирнова", "f", "министр финансов", "Минфин", "ТАСС", "2024-01-05"),
    ("a", "Смирнова", "f", None, None, "ТАСС", "2024-01-05"),
    ("b", "Анна Смирнова", None, "министр", "Минфин", "РИА", "2024-02-11"),
    ("c", "Анна Смирнова", "f", "министр финансов", "Минфин России", "ТАСС", "2024-02-20"),
    ("c", "Олег Ким", "m", None, None, "ТАСС", "2024-02-20"),
)


def test_gender_role_and_affiliation_are_the_most_frequent_given():
    smirnova, kim = quotextract.speakers(CORPUS).to_dict("records")
    assert (smirnova["gender"], smirnova["role"], smirnova["affiliation"]) == ("f", "министр финансов", "Минфин")
    assert (kim["gender"], pd.isna(kim["role"]), pd.isna(kim["affiliation"])) == ("m", True, True)


def test_outlets_and_dates():
    smirnova = quotextract.speakers(CORPUS).iloc[0]
    assert smirnova["n_outlets"] == 2
    assert (str(smirnova["first_date"].date()), str(smirnova["last_date"].date())) == ("2024-01-05", "2024-02-20")


def test_docs_per_outlet():
    table = quotextract.speakers(CORPUS, by="source")
    rows = {(r["speaker"], r["source"]): (r["n_quotes"], r["n_docs"]) for r in table.to_dict("records")}
    assert rows == {
        ("Анна Смирнова", "ТАСС"): (3, 2),
        ("Анна Смирнова", "РИА"): (1, 1),
        ("Олег Ким", "ТАСС"): (1, 1),
    }


def test_docs_per_month():
    table = quotextract.speakers(CORPUS, by="month")
    rows = {(r["speaker"], r["month"]): r["n_docs"] for r in table.to_dict("records")}
    assert rows == {("Анна Смирнова", "2024-01"): 1, ("Анна Смирнова", "2024-02"): 2, ("Олег Ким", "2024-02"): 1}
    assert list(table.columns)[-1] == "month"


def test_by_a_missing_column():
    with pytest.raises(ValueError, match=r"lack the columns \['month'\]"):
        quotextract.speakers(corpus(("a", "Иван Петров", "PER")), by="month")


def test_corpus_speaker_ids_match_the_table():
    ids = quotextract.summary.corpus_speaker_ids(CORPUS)
    table = quotextract.speakers(CORPUS)
    assert ids.tolist() == [0, 0, 0, 0, 1]
    assert dict(zip(table["speaker"], table["speaker_id"])) == {"Анна Смирнова": 0, "Олег Ким": 1}


def test_repeats_count_once():
    frame = corpus(("a", "Иван Петров", "PER"), ("a", "Иван Петров", "PER"), ("a", "Анна Ли", "PER"))
    frame["is_repeat"] = pd.array([True, False, False], dtype="boolean")
    assert counts(quotextract.speakers(frame)) == {"Иван Петров": 1, "Анна Ли": 1}
    assert counts(quotextract.speakers(frame, repeats=True)) == {"Иван Петров": 2, "Анна Ли": 1}
