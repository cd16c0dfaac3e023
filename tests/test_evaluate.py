"""Scoring rules of GUIDELINES.md, as tables of marked texts.

Markup: ``[...]`` a required gold quotation, ``<...>`` an optional one, ``{...}`` a prediction.
Marks of different kinds may interleave: ``[abc{de]fg}``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from quotextract.cli import main
from quotextract.eval import (
    RATIOS,
    GoldDocument,
    GoldError,
    GoldQuote,
    Report,
    load_gold,
    score,
    speaker_match,
)
from quotextract.frame import empty_frame

DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"
OPEN = {"]": "[", ">": "<", "}": "{"}


def parse(marked: str) -> tuple[str, dict[str, list[tuple[int, int]]]]:
    """The plain text and the spans of each mark kind, in text order."""
    chars, opened, spans = [], {}, {"[": [], "<": [], "{": []}
    for char in marked:
        if char in spans:
            opened[char] = len(chars)
        elif char in OPEN:
            spans[OPEN[char]].append((opened.pop(OPEN[char]), len(chars)))
        else:
            chars.append(char)
    return "".join(chars), spans


def case(marked, speakers=(), predicted=(), kinds=()) -> tuple[GoldDocument, dict]:
    """One document and its predictions; gold speakers, predicted speakers and kinds in order."""
    text, spans = parse(marked)
    required = [
        GoldQuote(start, stop, text[start:stop], speaker, "PER", kind)
        for (start, stop), speaker, kind in zip(
            spans["["], list(speakers) + [""] * 9, list(kinds) + ["direct"] * 9
        )
    ]
    optional = [
        GoldQuote(start, stop, text[start:stop], "", "OTHER", "direct", optional=True)
        for start, stop in spans["<"]
    ]
    starts, stops = zip(*spans["{"]) if spans["{"] else ((), ())
    frame = pd.DataFrame(
        {
            "quote_start": pd.array(starts, dtype="Int64"),
            "quote_end": pd.array(stops, dtype="Int64"),
            "speaker": pd.array((list(predicted) + [None] * 9)[: len(starts)], dtype="string"),
        }
    )
    return GoldDocument("doc", text, tuple(required + optional)), {"doc": frame}


def run(marked, speakers=(), predicted=(), kinds=()) -> Report:
    document, predictions = case(marked, speakers, predicted, kinds)
    return score([document], predictions)


# Quotation spans: (marked text, (required, found, correct, neutral, false positives))

QUOTES = [
    # THRESHOLD: both sides at 50%, then both just under
    ("[abcde{fghij]klmno}", (1, 1, 1, 0, 0)),
    ("[abcdef{ghij]klmnop}", (1, 0, 0, 0, 1)),
    # THRESHOLD, gold side only
    ("[ab{cd]}", (1, 1, 1, 0, 0)),
    ("[abc{de]}", (1, 0, 1, 0, 0)),
    ("[abcd{e}fghij]", (1, 0, 1, 0, 0)),
    # THRESHOLD, prediction side only
    ("{abcd[efgh]}", (1, 1, 1, 0, 0)),
    ("{abcde[fgh]}", (1, 1, 0, 0, 1)),
    # ONE PREDICTION must cover 50%: two of 40% each do not add up
    ("[{abcd}{efgh}ij]", (1, 0, 2, 0, 0)),
    # PUNCTUATION and spaces do not count
    ("[ab{cd]!!!!!!!!}", (1, 1, 1, 0, 0)),
    ("[ab, — «{...cd]», — ... }", (1, 1, 1, 0, 0)),
    ("[abc — {— — — d]ef}", (1, 0, 0, 0, 1)),
    ("«{[Мы готовы]}», — сказал Иван.", (1, 1, 1, 0, 0)),
    # OPTIONAL gold: neither found nor missed; predictions on it are neutral
    ("<abcd>", (0, 0, 0, 0, 0)),
    ("<abcd{efgh>} [{xyz}]", (1, 1, 1, 1, 0)),
    ("[ab{cd]<ef>gh}", (1, 1, 0, 1, 0)),
    ("<ab{cd>efgh}", (0, 0, 0, 0, 1)),
    # NO POSITIONS: a prediction without letters or digits covers nothing
    ("[abcd]{!!!}", (1, 0, 0, 0, 1)),
    ("[abcd]{}", (1, 0, 0, 0, 1)),
    # NO PREDICTIONS
    ("[abcd] [efgh]", (2, 0, 0, 0, 0)),
    ("", (0, 0, 0, 0, 0)),
]


@pytest.mark.parametrize("marked, expected", QUOTES)
def test_quote_counts(marked, expected):
    report = run(marked)
    counts = (report.required, report.found, report.correct, report.neutral, report.false_positives)
    assert counts == expected


def test_neutral_predictions_do_not_count_in_precision():
    report = run("<abcd{efgh>} [{xyz}] {klmn}")  # 1 correct, 1 neutral, 1 false positive
    assert (report.correct, report.neutral, report.false_positives) == (1, 1, 1)
    assert report.precision == 0.5


def test_ratios():
    report = run("[{abcd}] [efgh] [ijkl] [mnop] {qrst}")
    assert (report.precision, report.recall) == (0.5, 0.25)
    assert report.f1 == pytest.approx(2 * 0.5 * 0.25 / 0.75)


@pytest.mark.parametrize("predictions", [{}, {"doc": empty_frame()}])
def test_empty_predictions_score_zero(predictions):
    document, _ = case("[abcd] [efgh]", speakers=["Иван Петров", ""])
    report = score([document], predictions)
    figures = report.to_dict()
    assert (figures["required"], figures["predictions"]) == (2, 0)
    assert all(figures[name] == 0.0 for name in ("precision", "recall", "f1", "e2e_f1"))
    assert len(report.errors()) == 2


# Speaker names: (gold, predicted, strict, lenient)

SPEAKERS = [
    ("Касым-Жомарт Токаев", "Касым-Жомарт Токаев", True, True),
    ("Касым-Жомарт Токаев", "касым-жомарт  ТОКАЕВ", True, True),
    ("Касым-Жомарт Токаев", "Касым Жомарт Токаев", True, True),
    ("Касым-Жомарт Токаев", "Токаев", False, True),
    ("Токаев", "Касым-Жомарт Токаев", False, True),
    ("правительство Якутии", "пресс-служба правительства Якутии", False, True),
    ("Пётр Иванов", "Петр Иванов", True, True),
    ("Владимир Путин", "Путина", False, True),
    ("Иван Петров", "Сергей Петров", False, False),
    ("Иван Петров", "Петр Иванов", False, False),
    ("Иван Петров", "", False, False),
    ("Иван Петров", None, False, False),
    ("Иван Петров", pd.NA, False, False),
    ("", "Иван Петров", False, False),
]


@pytest.mark.parametrize("gold, predicted, strict, lenient", SPEAKERS)
def test_speaker_match(gold, predicted, strict, lenient):
    assert speaker_match(gold, predicted) == (strict, lenient)


# Speakers in scoring: (marked, gold speakers, predicted speakers,
#                       (named, strict, lenient, e2e found, e2e correct))

ATTRIBUTION = [
    ("[{abcd}]", ["Касым-Жомарт Токаев"], ["Токаев"], (1, 0, 1, 1, 1)),
    ("[{abcd}]", ["Иван Петров"], ["Иван Петров"], (1, 1, 1, 1, 1)),
    ("[{abcd}]", ["Иван Петров"], [None], (1, 0, 0, 0, 0)),
    # UNNAMED gold: out of speaker accuracy, right end to end whatever is predicted
    ("[{abcd}]", [""], ["Иван Петров"], (0, 0, 0, 1, 1)),
    ("[{abcd}]", [""], [None], (0, 0, 0, 1, 1)),
    # the prediction covering most of the gold gives its speaker
    ("[{ab}{cdef}]", ["Иван Петров"], ["Сергей Иванов", "Иван Петров"], (1, 1, 1, 1, 1)),
    ("[{abcd}{ef}]", ["Иван Петров"], ["Сергей Иванов", "Иван Петров"], (1, 0, 0, 0, 1)),
    # a missed gold quotation is out of speaker accuracy
    ("[abc{d}efgh]", ["Иван Петров"], ["Иван Петров"], (0, 0, 0, 0, 1)),
    # a prediction is judged by the gold quotation it overlaps most
    ("[{ab] [cdef}]", ["Иван Петров", "Анна Смирнова"], ["Анна Смирнова"], (2, 1, 1, 1, 1)),
    ("[{ab] [cdef}]", ["Иван Петров", "Анна Смирнова"], ["Иван Петров"], (2, 1, 1, 1, 0)),
]


@pytest.mark.parametrize("marked, speakers, predicted, expected", ATTRIBUTION)
def test_attribution_counts(marked, speakers, predicted, expected):
    r = run(marked, speakers, predicted)
    assert (r.named, r.speaker_strict, r.speaker_lenient, r.e2e_found, r.e2e_correct) == expected


def test_attribution_ratios():
    marked = "[{ab}] [{cd}] [{ef}] [{gh}] {ij}"
    speakers = ["Касым-Жомарт Токаев", "Иван Петров", "", "Анна Смирнова"]
    report = run(marked, speakers, ["Токаев", "Иван Петров", None, "Сергей Иванов", "Иван Петров"])
    assert report.speaker_strict_accuracy == pytest.approx(1 / 3)
    assert report.speaker_lenient_accuracy == pytest.approx(2 / 3)
    assert (report.e2e_precision, report.e2e_recall) == (3 / 5, 3 / 4)
    assert report.e2e_f1 == pytest.approx(2 * 0.6 * 0.75 / 1.35)


def test_recall_by_kind():
    report = run("[{ab}] [cd] [{ef}] <gh>", kinds=["direct", "indirect", "indirect"])
    assert (report.found_direct, report.required_direct) == (1, 1)
    assert (report.found_indirect, report.required_indirect) == (1, 2)
    assert (report.recall_direct, report.recall_indirect) == (1.0, 0.5)


# Error listing


def test_errors_list_every_problem_in_text_order():
    marked = "[{abcd}] [{efgh}] [ijkl] {mnop} [{qrst}]"
    report = run(
        marked,
        ["Иван Петров", "Касым-Жомарт Токаев", "", "Анна Смирнова"],
        ["Сергей Иванов", "Токаев", None, "Анна Смирнова"],
    )
    errors = report.errors()
    assert list(errors["type"]) == ["wrong_speaker", "speaker_form", "missed", "false_positive"]
    assert list(errors["text"]) == ["abcd", "efgh", "ijkl", "mnop"]
    assert list(errors["predicted_speaker"].fillna("NA")) == ["Сергей Иванов", "Токаев", "NA", "NA"]
    assert errors["start"].isna().tolist() == [False, False, False, True]


def test_errors_list_a_misattributed_prediction_once():
    report = run("[{abcd}{ef}]", ["Иван Петров"], ["Сергей Иванов", "Петр Сергеев"])
    assert list(report.errors()["type"]) == ["wrong_speaker", "misattributed"]
    report = run("[{abcd}]", ["Иван Петров"], ["Сергей Иванов"])
    assert list(report.errors()["type"]) == ["wrong_speaker"]


def test_errors_empty_frame_has_columns():
    errors = run("[{abcd}]").errors()
    assert errors.empty and "gold_speaker" in errors.columns


# score() inputs


def test_score_accepts_one_frame_with_doc_id():
    document, predictions = case("[{abcd}] [efgh]")
    frame = predictions["doc"].assign(doc_id="doc")
    assert score([document], frame).to_dict() == score([document], predictions).to_dict()


@pytest.mark.parametrize(
    "predictions, message",
    [
        ({"other": empty_frame()}, "unknown documents"),
        ({"doc": pd.DataFrame({"quote_start": [0]})}, "lack columns"),
    ],
)
def test_score_rejects_bad_predictions(predictions, message):
    document, _ = case("[abcd]")
    with pytest.raises(ValueError, match=message):
        score([document], predictions)


def test_report_sums_documents_and_keeps_parts():
    one, two = case("[{abcd}]")[0], GoldDocument("two", "efgh", ())
    report = score([one, two], {})
    assert report.documents == 2 and [part.doc_id for part in report.parts] == ["doc", "two"]
    assert list(report.by_document()["doc_id"]) == ["doc", "two"]
    json.dumps(report.to_dict())


def test_summary_ends_with_the_figures():
    lines = run("[{abcd}] [efgh]", ["Иван Петров"], ["Иван Петров"]).summary().splitlines()
    labels = [line.split("  ")[0].strip() for line in lines[-6:]]
    assert labels == ["quote", "e2e", "speaker strict", "speaker lenient", "recall direct", "recall indirect"]
    assert lines[-6].split()[1:4] == ["1.000", "0.500", "0.667"]


# Gold documents


def write_gold(folder: Path, text: str, *quotes: dict, doc_id: str = "a") -> Path:
    with open(folder / f"{doc_id}.txt", "w", encoding="utf-8", newline="") as file:
        file.write(text)
    record = {"doc_id": doc_id, "file": f"{doc_id}.txt", "quotes": list(quotes)}
    line = json.dumps(record, ensure_ascii=False) + "\n"
    (folder / "gold.jsonl").write_text(line, encoding="utf-8")
    return folder


def quote(text: str, **fields) -> dict:
    return {"text": text, "speaker": "Иван", "speaker_type": "PER", "kind": "direct", **fields}


@pytest.mark.parametrize(
    "text, part, occurrence, start",
    [
        ("да, да, да", "да", 1, 0),
        ("да, да, да", "да", 3, 8),
        ("ааа", "аа", 2, 1),  # occurrences may overlap
        ("Заголовок\r\n«Привет», — сказал Иван.", "Привет", 1, 12),  # CRLF kept as two characters
    ],
)
def test_load_gold_locates_occurrences(tmp_path, text, part, occurrence, start):
    write_gold(tmp_path, text, quote(part, occurrence=occurrence))
    [document] = load_gold(tmp_path)
    [gold] = document.quotes
    assert (gold.start, gold.stop) == (start, start + len(part))
    assert document.text == text


def test_load_gold_defaults(tmp_path):
    write_gold(tmp_path, "«Привет», — сказал Иван.", quote("Привет"))
    [gold] = load_gold(tmp_path)[0].quotes
    assert gold == GoldQuote(1, 7, "Привет", "Иван", "PER", "direct", "", False)


@pytest.mark.parametrize(
    "quotes, message",
    [
        ([quote("Пока")], "occurrence 1 of 'Пока' not in the text"),
        ([quote("Привет", occurrence=2)], "occurrence 2 of 'Привет' not in the text"),
        ([quote("Привет", kind="reported")], "unknown kind 'reported'"),
        ([quote("», — ")], "no alphanumeric character"),
        ([{"text": "Привет"}], "bad record"),
    ],
)
def test_load_gold_rejects_bad_records(tmp_path, quotes, message):
    write_gold(tmp_path, "«Привет», — сказал Иван.", *quotes)
    with pytest.raises(GoldError, match=message):
        load_gold(tmp_path)


def test_load_gold_rejects_a_repeated_doc_id(tmp_path):
    write_gold(tmp_path, "«Привет», — сказал Иван.", quote("Привет"))
    line = (tmp_path / "gold.jsonl").read_text(encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text(line + "\n" + line, encoding="utf-8")
    with pytest.raises(GoldError, match="line 3: doc_id 'a' repeated"):
        load_gold(tmp_path)


def test_load_gold_without_gold_file(tmp_path):
    with pytest.raises(GoldError, match="no gold.jsonl in"):
        load_gold(tmp_path / "absent")


def gold_predictions(documents, optional=False) -> dict:
    """The gold quotations themselves, as predictions."""
    frames = {}
    for document in documents:
        quotes = [q for q in document.quotes if optional or not q.optional]
        frames[document.doc_id] = pd.DataFrame(
            {
                "quote_start": [q.start for q in quotes],
                "quote_end": [q.stop for q in quotes],
                "speaker": [q.speaker for q in quotes],
            }
        )
    return frames


def test_gold_as_predictions_scores_one():
    document, _ = case(
        "[ab] <cd> [ef] [gh]", ["Иван Петров", "", "Анна Смирнова"], kinds=["direct", "indirect", "indirect"]
    )
    report = score([document], gold_predictions([document]))
    assert all(value == 1.0 for name, value in report.to_dict().items() if name in RATIOS)


needs_dev = pytest.mark.skipif(not (DEV / "gold.jsonl").is_file(), reason=f"no gold folder at {DEV}")


@needs_dev
def test_dev_gold_texts_are_located():
    documents = load_gold(DEV)
    assert documents
    for document in documents:
        starts = set()
        for gold in document.quotes:
            assert document.text[gold.start : gold.stop] == gold.text
            starts.add((gold.start, gold.text))
        assert len(starts) == len(document.quotes), document.doc_id  # occurrences are distinct


@needs_dev
def test_dev_gold_as_predictions_scores_one():
    documents = load_gold(DEV)
    figures = score(documents, gold_predictions(documents)).to_dict()
    assert {name: figures[name] for name in RATIOS} == dict.fromkeys(RATIOS, 1.0)
    with_optional = score(documents, gold_predictions(documents, optional=True))
    assert (with_optional.precision, with_optional.recall) == (1.0, 1.0)
    assert with_optional.speaker_lenient_accuracy == 1.0


# Command line


@pytest.fixture
def gold_dir(tmp_path, monkeypatch):
    """A one-article gold folder; the extractor finds the first quotation only."""
    text = "«Привет», — сказал Иван Петров. «Пока», — ответила Анна."
    quotes = quote("Привет", speaker="Иван Петров"), quote("Пока", speaker="Анна")
    write_gold(tmp_path, text, *quotes)
    found = pd.DataFrame({"quote_start": [1], "quote_end": [7], "speaker": ["Иван Петров"]})
    monkeypatch.setattr("quotextract.pipeline.default_extractor", lambda: lambda text: found)
    return tmp_path


def test_cli_summary(gold_dir):
    result = CliRunner().invoke(main, ["evaluate", str(gold_dir)])
    assert result.exit_code == 0, result.output
    last = result.output.splitlines()[-8:]
    assert last[0].startswith("1 document: 2 required")
    assert last[2].split()[:4] == ["quote", "1.000", "0.500", "0.667"]
    assert last[-1].split()[:3] == ["recall", "indirect", "0.000"]


def test_cli_errors_come_first(gold_dir):
    result = CliRunner().invoke(main, ["evaluate", str(gold_dir), "--errors"])
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0]
    assert first.startswith("missed") and "«Пока»" in first and "gold 'Анна' pred NA" in first


def test_cli_json(gold_dir):
    result = CliRunner().invoke(main, ["evaluate", str(gold_dir), "--json"])
    figures = json.loads(result.output)
    assert (figures["precision"], figures["recall"], figures["found"]) == (1.0, 0.5, 1)


def test_cli_bad_gold_dir(tmp_path):
    result = CliRunner().invoke(main, ["evaluate", str(tmp_path / "absent")])
    assert result.exit_code == 1
    assert result.output == f"Error: no gold.jsonl in {tmp_path / 'absent'}\n"


def test_import_quotextract_leaves_the_evaluation_unloaded():
    code = (
        "import sys, quotextract; loaded = 'quotextract.eval' in sys.modules; "
        "quotextract.evaluate; print(loaded, 'quotextract.eval' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "True"]
