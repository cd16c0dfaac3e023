"""Evaluation against gold annotations, exactly as scored in the gold folder's GUIDELINES.md.

A span counts as the positions of its alphanumeric characters (``str.isalnum``), so punctuation
and boundary choices do not matter.

* A required gold quotation is *found* when one prediction covers at least 50% of its positions.
* A prediction is *correct* when at least 50% of its positions lie inside required gold,
  *neutral* when that holds only with optional gold added, otherwise a *false positive*.
  A prediction without alphanumeric positions (or with missing offsets) is a false positive.
* Speakers are compared as word tokens (lowercased, ё -> е): *strict* when the token lists are
  equal, *lenient* when one set of lemmas contains the other. A missing predicted speaker is
  wrong for a named gold speaker; unnamed gold (``""``) is left out of speaker accuracy and
  counts as right end to end.
* Ties go to the earliest span: the prediction covering most of a gold quotation, the gold
  quotation a prediction overlaps most. Every ratio with a zero denominator is 0.0.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field, fields
from itertools import chain
from pathlib import Path

import pandas as pd

from .morph import lemma

__all__ = [
    "Finding",
    "GoldDocument",
    "GoldError",
    "GoldQuote",
    "Report",
    "evaluate",
    "load_gold",
    "score",
    "speaker_match",
]

KINDS = ("direct", "indirect")
GOLD_FILE = "gold.jsonl"
PREDICTION_COLUMNS = ("quote_start", "quote_end", "speaker")
ERROR_TYPES = {
    "missed": "required gold not covered 50% by any one prediction",
    "false_positive": "prediction less than 50% inside gold, required or optional",
    "wrong_speaker": "found named gold; the prediction covering most has a wrong speaker (lenient)",
    "speaker_form": "found named gold; speaker right by lemmas but not token for token",
    "misattributed": "correct prediction, wrong speaker for the gold it overlaps most (if not above)",
}


class GoldError(ValueError):
    """The gold folder is missing or does not match its articles."""


# Gold ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """One gold quotation: ``document.text[start:stop] == text``."""

    start: int
    stop: int
    text: str
    speaker: str  # "" when the source is not named
    speaker_type: str  # PER, ORG or OTHER
    kind: str  # direct or indirect
    cue: str = ""
    optional: bool = False


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """An article and its gold quotations."""

    doc_id: str
    text: str
    quotes: tuple[GoldQuote, ...]

    def __post_init__(self):
        for quote in self.quotes:
            where = f"{self.doc_id} {quote.start}:{quote.stop}"
            if self.text[quote.start : quote.stop] != quote.text:
                raise GoldError(f"{where}: offsets do not slice {quote.text[:40]!r}")
            if not any(char.isalnum() for char in quote.text):
                raise GoldError(f"{where}: {quote.text!r} has no alphanumeric character")
            if quote.kind not in KINDS:
                raise GoldError(f"{where}: unknown kind {quote.kind!r}, expected one of {KINDS}")


def locate(text: str, part: str, occurrence: int = 1) -> int:
    """Start of the ``occurrence``-th (1-based, overlaps allowed) occurrence of ``part``, or -1."""
    index = -1
    for _ in range(occurrence):
        index = text.find(part, index + 1)
        if index < 0:
            return -1
    return index


def _gold_quote(doc_id: str, text: str, record: dict) -> GoldQuote:
    part, occurrence = record["text"], record.get("occurrence", 1)
    start = locate(text, part, occurrence) if part else -1
    if start < 0:
        raise GoldError(f"{doc_id}: occurrence {occurrence} of {part[:60]!r} not in the text")
    return GoldQuote(
        start,
        start + len(part),
        part,
        speaker=record.get("speaker") or "",
        speaker_type=record.get("speaker_type") or "",
        kind=record["kind"],
        cue=record.get("cue") or "",
        optional=bool(record.get("optional", False)),
    )


def _read_text(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as file:  # keep CRLF: offsets index the file
        return file.read()


def load_gold(gold_dir) -> list[GoldDocument]:
    """The documents of ``gold_dir/gold.jsonl`` with their texts, quotations located by offset."""
    folder = Path(gold_dir)
    if not (folder / GOLD_FILE).is_file():
        raise GoldError(f"no {GOLD_FILE} in {folder}")
    documents = []
    with open(folder / GOLD_FILE, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                doc_id = record["doc_id"]
                path = folder / record.get("file", f"{doc_id}.txt")
                if not path.is_file():
                    raise GoldError(f"{doc_id}: article {path.name} missing")
                text = _read_text(path)
                quotes = tuple(_gold_quote(doc_id, text, q) for q in record.get("quotes", ()))
            except (json.JSONDecodeError, KeyError, TypeError) as error:
                problem = f"{type(error).__name__}: {error}"
                raise GoldError(f"{GOLD_FILE} line {number}: bad record ({problem})") from None
            if any(document.doc_id == doc_id for document in documents):
                raise GoldError(f"{GOLD_FILE} line {number}: doc_id {doc_id!r} repeated")
            documents.append(GoldDocument(doc_id, text, quotes))
    return documents


# Speakers --------------------------------------------------------------------------------------


def speaker_tokens(name) -> tuple[str, ...]:
    """Lowercased word tokens with ё -> е; () for a missing name (None, NA, NaN)."""
    if not isinstance(name, str):
        return ()
    return tuple(re.findall(r"\w+", name.lower().replace("ё", "е")))


def speaker_match(gold, predicted) -> tuple[bool, bool]:
    """``(strict, lenient)``: equal tokens; one lemma set contains the other. Empty never matches."""
    gold_tokens, predicted_tokens = speaker_tokens(gold), speaker_tokens(predicted)
    if not gold_tokens or not predicted_tokens:
        return False, False
    gold_lemmas = {lemma(token) for token in gold_tokens}
    predicted_lemmas = {lemma(token) for token in predicted_tokens}
    lenient = gold_lemmas <= predicted_lemmas or predicted_lemmas <= gold_lemmas
    return gold_tokens == predicted_tokens, lenient


# Report ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Finding:
    """One error for the error listing. Gold offsets are None for a false positive."""

    doc_id: str
    type: str  # a key of ERROR_TYPES
    start: int | None  # gold quotation
    stop: int | None
    pred_start: int | None  # the prediction concerned (for a miss: the one covering most, if any)
    pred_stop: int | None
    overlap: float  # share of the gold covered; for a false positive, share of it inside gold
    kind: str | None
    gold_speaker: str | None
    predicted_speaker: str | None
    text: str  # the gold quotation, or the predicted one for a false positive


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(frozen=True, slots=True)
class Report:
    """Counts of one or many documents; ratios are properties. Zero denominators give 0.0."""

    documents: int = 0
    required: int = 0
    optional: int = 0
    found: int = 0
    predictions: int = 0
    correct: int = 0
    neutral: int = 0
    false_positives: int = 0
    named: int = 0  # found required gold with a named speaker
    speaker_strict: int = 0
    speaker_lenient: int = 0
    e2e_found: int = 0
    e2e_correct: int = 0
    required_direct: int = 0
    found_direct: int = 0
    required_indirect: int = 0
    found_indirect: int = 0
    doc_id: str = ""  # set on a one-document report
    findings: tuple[Finding, ...] = field(default=(), repr=False)
    parts: tuple[Report, ...] = field(default=(), repr=False)  # the per-document reports

    @property
    def precision(self) -> float:
        return _ratio(self.correct, self.correct + self.false_positives)

    @property
    def recall(self) -> float:
        return _ratio(self.found, self.required)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    @property
    def speaker_strict_accuracy(self) -> float:
        return _ratio(self.speaker_strict, self.named)

    @property
    def speaker_lenient_accuracy(self) -> float:
        return _ratio(self.speaker_lenient, self.named)

    @property
    def e2e_precision(self) -> float:
        return _ratio(self.e2e_correct, self.correct + self.false_positives)

    @property
    def e2e_recall(self) -> float:
        return _ratio(self.e2e_found, self.required)

    @property
    def e2e_f1(self) -> float:
        return _f1(self.e2e_precision, self.e2e_recall)

    @property
    def recall_direct(self) -> float:
        return _ratio(self.found_direct, self.required_direct)

    @property
    def recall_indirect(self) -> float:
        return _ratio(self.found_indirect, self.required_indirect)

    def counts(self) -> dict:
        """The integer counts by name."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.type == "int"}

    def to_dict(self) -> dict:
        """The figures: ratios first, then the counts; JSON-serialisable."""
        ratios = {name: getattr(self, name) for name in RATIOS}
        return {**ratios, **self.counts()}

    def summary(self) -> str:
        """A compact table; its last 8 lines hold the figures."""
        return _summary(self)

    def errors(self) -> pd.DataFrame:
        """One row per error (types: ``ERROR_TYPES``), by document and offset; for debugging."""
        rows = [asdict(finding) for finding in self.findings]
        return pd.DataFrame(rows, columns=FINDING_COLUMNS).astype(FINDING_DTYPES)

    def by_document(self) -> pd.DataFrame:
        """One row of figures per document."""
        return pd.DataFrame([{"doc_id": part.doc_id, **part.to_dict()} for part in self.parts])


RATIOS = (
    "precision",
    "recall",
    "f1",
    "speaker_strict_accuracy",
    "speaker_lenient_accuracy",
    "e2e_precision",
    "e2e_recall",
    "e2e_f1",
    "recall_direct",
    "recall_indirect",
)
FINDING_COLUMNS = [f.name for f in fields(Finding)]
FINDING_DTYPES = {
    "doc_id": "string",
    "type": "string",
    "start": "Int64",
    "stop": "Int64",
    "pred_start": "Int64",
    "pred_stop": "Int64",
    "overlap": "float64",
    "kind": "string",
    "gold_speaker": "string",
    "predicted_speaker": "string",
    "text": "string",
}


def _cells(values) -> str:
    return "".join(f"{v:7.3f}" if isinstance(v, float) else f"{v:>7}" for v in values)


def _summary(r: Report) -> str:
    judged = r.correct + r.false_positives
    rows = [
        ("", ("P", "R", "F1", "acc"), ""),
        (
            "quote",
            (r.precision, r.recall, r.f1, ""),
            f"{r.correct} correct, {r.neutral} neutral, {r.false_positives} false positive; "
            f"{r.found}/{r.required} found",
        ),
        (
            "e2e",
            (r.e2e_precision, r.e2e_recall, r.e2e_f1, ""),
            f"right speaker: {r.e2e_correct}/{judged} predictions, {r.e2e_found}/{r.required} gold",
        ),
        (
            "speaker strict",
            ("", "", "", r.speaker_strict_accuracy),
            f"{r.speaker_strict}/{r.named} found gold with a named speaker",
        ),
        ("speaker lenient", ("", "", "", r.speaker_lenient_accuracy), f"{r.speaker_lenient}/{r.named}"),
        ("recall direct", ("", r.recall_direct, "", ""), f"{r.found_direct}/{r.required_direct}"),
        ("recall indirect", ("", r.recall_indirect, "", ""), f"{r.found_indirect}/{r.required_indirect}"),
    ]
    documents = f"{r.documents} document{'' if r.documents == 1 else 's'}"
    head = (
        f"{documents}: {r.required} required and {r.optional} optional gold quotations, "
        f"{r.predictions} predictions"
    )
    table = [f"{label:<16}{_cells(values)}   {note}".rstrip() for label, values, note in rows]
    return "\n".join([head, *table])


# Scoring ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Prediction:
    start: int | None
    stop: int | None
    speaker: str | None
    positions: frozenset[int]


def _positions(text: str, start: int, stop: int) -> frozenset[int]:
    return frozenset(i for i in range(max(start, 0), min(stop, len(text))) if text[i].isalnum())


def _offset(value) -> int | None:
    return None if pd.isna(value) else int(value)


def _predictions(text: str, frame: pd.DataFrame, doc_id: str) -> list[_Prediction]:
    missing = [name for name in PREDICTION_COLUMNS if name not in frame.columns]
    if missing:
        raise ValueError(f"predictions for {doc_id} lack columns {missing}")
    rows = []
    for start, stop, speaker in zip(*(frame[name] for name in PREDICTION_COLUMNS)):
        start, stop = _offset(start), _offset(stop)
        speaker = speaker if isinstance(speaker, str) else None
        known = start is not None and stop is not None
        positions = _positions(text, start, stop) if known else frozenset()
        rows.append(_Prediction(start, stop, speaker, positions))
    return sorted(rows, key=lambda p: (p.start is None, p.start or 0, p.stop or 0))


def _best(target: frozenset[int], candidates: list[frozenset[int]]) -> tuple[int | None, int]:
    """Index of the candidate overlapping ``target`` most (earliest on ties) and the overlap."""
    best, most = None, 0
    for index, candidate in enumerate(candidates):
        overlap = len(target & candidate)
        if overlap > most:
            best, most = index, overlap
    return best, most


def _covers(part: int, whole: int) -> bool:
    return whole > 0 and 2 * part >= whole


def _finding(doc_id: str, type: str, gold: GoldQuote | None, prediction, overlap, text) -> Finding:
    return Finding(
        doc_id,
        type,
        gold.start if gold else None,
        gold.stop if gold else None,
        prediction.start if prediction else None,
        prediction.stop if prediction else None,
        round(overlap, 3),
        gold.kind if gold else None,
        gold.speaker if gold else None,
        prediction.speaker if prediction else None,
        gold.text if gold else text[prediction.start or 0 : prediction.stop or 0],
    )


@dataclass(frozen=True, slots=True)
class _Document:
    """One document ready for scoring: required gold and predictions with their positions."""

    doc_id: str
    text: str
    golds: list[GoldQuote]  # required, in text order
    gold_positions: list[frozenset[int]]
    predictions: list[_Prediction]  # in text order
    required_union: frozenset[int]
    all_union: frozenset[int]  # required and optional


def _prepare(document: GoldDocument, frame: pd.DataFrame) -> _Document:
    text = document.text
    golds = sorted((q for q in document.quotes if not q.optional), key=lambda q: (q.start, q.stop))
    gold_positions = [_positions(text, q.start, q.stop) for q in golds]
    optional = [_positions(text, q.start, q.stop) for q in document.quotes if q.optional]
    required_union = frozenset().union(*gold_positions)
    return _Document(
        document.doc_id,
        text,
        golds,
        gold_positions,
        _predictions(text, frame, document.doc_id),
        required_union,
        required_union.union(*optional),
    )


def _score_golds(doc: _Document, counts: Counter, findings: list) -> None:
    predicted = [p.positions for p in doc.predictions]
    for gold, positions in zip(doc.golds, doc.gold_positions):
        counts[f"required_{gold.kind}"] += 1
        index, overlap = _best(positions, predicted)
        prediction = doc.predictions[index] if index is not None else None
        share = _ratio(overlap, len(positions))
        if not _covers(overlap, len(positions)):
            findings.append(_finding(doc.doc_id, "missed", gold, prediction, share, doc.text))
            continue
        counts["found"] += 1
        counts[f"found_{gold.kind}"] += 1
        strict, lenient = speaker_match(gold.speaker, prediction.speaker)
        named = bool(speaker_tokens(gold.speaker))
        counts["e2e_found"] += lenient or not named
        if named:
            counts["named"] += 1
            counts["speaker_strict"] += strict
            counts["speaker_lenient"] += lenient
            if not strict:
                type = "speaker_form" if lenient else "wrong_speaker"
                findings.append(_finding(doc.doc_id, type, gold, prediction, share, doc.text))


def _score_predictions(doc: _Document, counts: Counter, findings: list) -> None:
    reported = {(f.start, f.pred_start, f.pred_stop) for f in findings if f.type == "wrong_speaker"}
    for prediction in doc.predictions:
        positions, size = prediction.positions, len(prediction.positions)
        if _covers(len(positions & doc.required_union), size):
            counts["correct"] += 1
            index, overlap = _best(positions, doc.gold_positions)
            gold = doc.golds[index]
            named = bool(speaker_tokens(gold.speaker))
            if not named or speaker_match(gold.speaker, prediction.speaker)[1]:
                counts["e2e_correct"] += 1
            elif (gold.start, prediction.start, prediction.stop) not in reported:
                share = _ratio(overlap, len(doc.gold_positions[index]))
                error = _finding(doc.doc_id, "misattributed", gold, prediction, share, doc.text)
                findings.append(error)
        elif _covers(len(positions & doc.all_union), size):
            counts["neutral"] += 1
        else:
            counts["false_positives"] += 1
            share = _ratio(len(positions & doc.required_union), size)
            error = _finding(doc.doc_id, "false_positive", None, prediction, share, doc.text)
            findings.append(error)


def _position(finding: Finding) -> int:
    return finding.start if finding.start is not None else finding.pred_start or 0


def _score_document(document: GoldDocument, frame: pd.DataFrame) -> Report:
    doc = _prepare(document, frame)
    counts, findings = Counter(), []
    _score_golds(doc, counts, findings)
    _score_predictions(doc, counts, findings)
    return Report(
        documents=1,
        required=len(doc.golds),
        optional=len(document.quotes) - len(doc.golds),
        predictions=len(doc.predictions),
        **counts,
        doc_id=doc.doc_id,
        findings=tuple(sorted(findings, key=_position)),
    )


def _frames(documents: list[GoldDocument], predictions) -> dict[str, pd.DataFrame]:
    if isinstance(predictions, pd.DataFrame):  # one frame with a doc_id column, as extract_many gives
        if "doc_id" not in predictions.columns:
            raise ValueError("a single predictions frame needs a doc_id column")
        groups = predictions.groupby("doc_id", sort=False, observed=True)
        predictions = {doc_id: group for doc_id, group in groups}
    if not isinstance(predictions, Mapping):
        raise TypeError(f"expected a mapping doc_id -> DataFrame, got {type(predictions).__name__}")
    known = {document.doc_id for document in documents}
    unknown = sorted(set(predictions) - known)
    if unknown:
        raise ValueError(f"predictions for unknown documents: {unknown[:5]}")
    empty = pd.DataFrame({name: pd.Series(dtype="object") for name in PREDICTION_COLUMNS})
    return {doc_id: predictions.get(doc_id, empty) for doc_id in known}


def score(documents: Iterable[GoldDocument], predictions) -> Report:
    """Score ``predictions`` (doc_id -> DataFrame with ``quote_start, quote_end, speaker``).

    A document without predictions counts as having none; predictions for a document not in
    ``documents`` raise ``ValueError``. A single DataFrame with a ``doc_id`` column is accepted too.
    """
    documents = list(documents)
    frames = _frames(documents, predictions)
    parts = tuple(_score_document(document, frames[document.doc_id]) for document in documents)
    counts = {name: sum(getattr(part, name) for part in parts) for name in Report().counts()}
    findings = tuple(chain.from_iterable(part.findings for part in parts))
    return Report(**counts, findings=findings, parts=parts)


def evaluate(gold_dir, extractor: Callable[[str], pd.DataFrame] | None = None) -> Report:
    """Run ``extractor`` (text -> DataFrame; default: the shared extractor) on ``gold_dir``, score it.

    An exception in the extractor is re-raised as ``RuntimeError`` naming the document.
    """
    documents = load_gold(gold_dir)
    if extractor is None:
        from .pipeline import default_extractor

        extractor = default_extractor()
    predictions = {}
    for document in documents:
        try:
            predictions[document.doc_id] = extractor(document.text)
        except Exception as error:
            raise RuntimeError(f"extractor failed on {document.doc_id}: {error}") from error
    return score(documents, predictions)
