"""The figures of an evaluation: counts, ratios, the error listing, the printed summary."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields

import pandas as pd

ERROR_TYPES = {
    "missed": "required gold not covered 50% by any one prediction",
    "false_positive": "prediction less than 50% inside gold, required or optional",
    "wrong_speaker": "found named gold; the prediction covering most has a wrong speaker (lenient)",
    "speaker_form": "found named gold; speaker right by lemmas but not token for token",
    "misattributed": "correct prediction, wrong speaker for the gold it overlaps most (if not above)",
}


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


def ratio(part: int, whole: int) -> float:
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
        return ratio(self.correct, self.correct + self.false_positives)

    @property
    def recall(self) -> float:
        return ratio(self.found, self.required)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    @property
    def speaker_strict_accuracy(self) -> float:
        return ratio(self.speaker_strict, self.named)

    @property
    def speaker_lenient_accuracy(self) -> float:
        return ratio(self.speaker_lenient, self.named)

    @property
    def e2e_precision(self) -> float:
        return ratio(self.e2e_correct, self.correct + self.false_positives)

    @property
    def e2e_recall(self) -> float:
        return ratio(self.e2e_found, self.required)

    @property
    def e2e_f1(self) -> float:
        return _f1(self.e2e_precision, self.e2e_recall)

    @property
    def recall_direct(self) -> float:
        return ratio(self.found_direct, self.required_direct)

    @property
    def recall_indirect(self) -> float:
        return ratio(self.found_indirect, self.required_indirect)

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
