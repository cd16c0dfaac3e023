"""Who is quoted: one row per speaker, name variants of one person merged across documents.

Names are compared as sets of lowercase tokens with ё read as е. A person's name (PER) merges
into the unique fullest name whose tokens contain it: ``Путин`` into ``Владимир Путин`` when no
other ``… Путин`` is quoted; ``Иванов`` stays apart when ``Александр Иванов`` and ``Сергей
Иванов`` both are. Surnames differ by gender (``Путин``, ``Путина``), so they never merge across
it. Organisations (ORG) merge only when their normalised names are equal.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from .frame import SPEAKER_TYPES, empty_frame

DTYPES = {
    "speaker": "string",
    "speaker_type": SPEAKER_TYPES,
    "n_quotes": "Int64",
    "n_direct": "Int64",
    "n_indirect": "Int64",
    "n_docs": "Int64",
    "first_quote": "string",
    "last_quote": "string",
    "variants": "string",
}
REQUIRED = ("quote", "speaker", "speaker_type", "kind", "quote_start")
Key = tuple[str, frozenset[str]]  # (speaker type, normalised tokens)


def speakers(quotes: pd.DataFrame) -> pd.DataFrame:
    """One row per named speaker of ``quotes``, the most quoted first.

    Args:
        quotes: the result of :func:`quotextract.extract` for one article, or for many (with
            ``doc_id``; documents count in order of first appearance).

    Returns:
        A DataFrame with ``speaker`` (the fullest variant), ``speaker_type``, ``n_quotes``,
        ``n_direct``, ``n_indirect``, ``n_docs``, ``first_quote`` and ``last_quote`` (the text of
        the first and last quotation by document, then offset) and ``variants`` (the names merged,
        most quoted first, joined by ``"; "``). Ties keep the order of first quotation. Rows with
        no speaker (unnamed sources) are left out: count them with ``quotes.speaker.isna().sum()``.

    Raises:
        TypeError: ``quotes`` is not a DataFrame.
        ValueError: a column the summary needs is missing.
    """
    if not isinstance(quotes, pd.DataFrame):
        raise TypeError(f"expected DataFrame, got {type(quotes).__name__}")
    missing = [name for name in REQUIRED if name not in quotes.columns]
    if missing:
        raise ValueError(f"quotes lack the columns {missing}")
    named = _in_order(quotes)
    named = named[named["speaker"].notna()]
    if named.empty:
        return empty_frame(DTYPES)
    types = named["speaker_type"].astype(object).where(named["speaker_type"].notna(), "")
    keys = [(kind, tokens(name)) for kind, name in zip(types, named["speaker"])]
    merged = merge(keys)
    targets = [merged[key] for key in keys]
    ids = {key: i for i, key in enumerate(dict.fromkeys(targets))}  # in order of first quotation
    named = named.assign(_group=[ids[key] for key in targets])
    return _table(named, list(ids))


def normalize(name: str) -> str:
    """Lowercase, ё as е, single spaces: the form names are compared in."""
    return " ".join(name.lower().replace("ё", "е").split())


def tokens(name: str) -> frozenset[str]:
    """The normalised words of a name, in no order."""
    return frozenset(normalize(name).split())


def merge(keys) -> dict[Key, Key]:
    """Each (type, tokens) key mapped to the key of the person or body it names.

    A PER key maps to the unique largest PER key containing it, if there is one; other keys
    (and ambiguous or unmatched ones) map to themselves.
    """
    unique = set(keys)
    containing: dict[str, set[frozenset[str]]] = {}
    for kind, words in unique:
        if kind == "PER":
            for word in words:
                containing.setdefault(word, set()).add(words)
    return {key: _target(key, containing) for key in unique}


def _target(key: Key, containing: dict[str, set[frozenset[str]]]) -> Key:
    kind, words = key
    if kind != "PER" or not words:
        return key
    longer = set.intersection(*(containing[word] for word in words)) - {words}
    if not longer:
        return key
    union = frozenset().union(*longer)  # the unique largest one, if it contains all the others
    return (kind, union) if union in longer else key


def _in_order(quotes: pd.DataFrame) -> pd.DataFrame:
    """The quotations by document (in order of first appearance), then by offset."""
    if "doc_id" in quotes.columns:
        doc = pd.factorize(quotes["doc_id"], use_na_sentinel=False)[0]
    else:
        doc = [0] * len(quotes)
    ordered = quotes.assign(
        _doc=doc, _pos=quotes["quote_start"].to_numpy(dtype="float", na_value=float("inf"))
    )
    return ordered.sort_values(["_doc", "_pos"], kind="stable")


def _spellings(names: pd.Series) -> list[str]:
    """Distinct spellings, the most frequent first (ties: first seen)."""
    counts = Counter(names)
    return sorted(counts, key=lambda name: -counts[name])


def _row(group: pd.DataFrame, key: Key) -> dict:
    kind, words = key
    variants = _spellings(group["speaker"])
    full = [name for name in variants if tokens(name) == words]
    return {
        "speaker": full[0],
        "speaker_type": kind or None,
        "n_quotes": len(group),
        "n_direct": int((group["kind"] == "direct").sum()),
        "n_indirect": int((group["kind"] == "indirect").sum()),
        "n_docs": group["_doc"].nunique(),
        "first_quote": group["quote"].iloc[0],
        "last_quote": group["quote"].iloc[-1],
        "variants": "; ".join(variants),
    }


def _table(named: pd.DataFrame, keys: list[Key]) -> pd.DataFrame:
    rows = [_row(group, keys[i]) for i, group in named.groupby("_group", sort=True)]
    table = pd.DataFrame.from_records(rows, columns=list(DTYPES)).astype(DTYPES)
    table = table.sort_values("n_quotes", ascending=False, kind="stable")
    return table.reset_index(drop=True)
