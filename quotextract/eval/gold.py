"""Gold annotations: a folder of articles and ``gold.jsonl``, quotations located by offset."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

QUOTE_KINDS = ("direct", "indirect")
GOLD_FILE = "gold.jsonl"


class GoldError(ValueError):
    """The gold folder is missing or does not match its articles."""


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
            if quote.kind not in QUOTE_KINDS:
                raise GoldError(f"{where}: unknown kind {quote.kind!r}, expected one of {QUOTE_KINDS}")


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
