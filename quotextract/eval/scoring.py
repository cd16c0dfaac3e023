"""Scoring predictions against gold, document by document, by alphanumeric positions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from itertools import chain

import pandas as pd

from .gold import GoldDocument, GoldQuote, load_gold
from .report import Finding, Report, ratio
from .speakers import speaker_match, speaker_tokens

PREDICTION_COLUMNS = ("quote_start", "quote_end", "speaker")


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
        share = ratio(overlap, len(positions))
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
                share = ratio(overlap, len(doc.gold_positions[index]))
                error = _finding(doc.doc_id, "misattributed", gold, prediction, share, doc.text)
                findings.append(error)
        elif _covers(len(positions & doc.all_union), size):
            counts["neutral"] += 1
        else:
            counts["false_positives"] += 1
            share = ratio(len(positions & doc.required_union), size)
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
        from ..pipeline import default_extractor

        extractor = default_extractor()
    predictions = {}
    for document in documents:
        try:
            predictions[document.doc_id] = extractor(document.text)
        except Exception as error:
            raise RuntimeError(f"extractor failed on {document.doc_id}: {error}") from error
    return score(documents, predictions)
