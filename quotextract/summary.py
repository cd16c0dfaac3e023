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

from .frame import GENDERS, SPEAKER_TYPES, empty_frame
from .morph import fold_yo

DTYPES = {
    "speaker_id": "Int64",
    "speaker": "string",
    "speaker_type": SPEAKER_TYPES,
    "gender": GENDERS,
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
OUTLET, DATE, MONTH = "source", "date", "month"  # optional input columns; MONTH is derived from DATE
EXTRA_DTYPES = {  # added when the input has the column named first
    OUTLET: {"n_outlets": "Int64"},
    DATE: {"first_date": "datetime64[ns]", "last_date": "datetime64[ns]"},
}
ATTRIBUTES = {"gender": "speaker_gender", "role": "speaker_role", "affiliation": "speaker_affiliation"}
REQUIRED = ("quote", "speaker", "speaker_type", "kind", "quote_start")
Key = tuple[str, frozenset[str]]  # (speaker type, normalised tokens)


def speakers(
    quotes: pd.DataFrame, *, by: str | list[str] | None = None, repeats: bool = False
) -> pd.DataFrame:
    """One row per named speaker of ``quotes``, the most quoted first.

    Args:
        quotes: the result of :func:`quotextract.extract` for one article, or for many (with
            ``doc_id``; documents count in order of first appearance), with any columns kept from
            the input (``--keep-columns``): ``source`` (the outlet) and ``date`` are used.
        by: one row per speaker and value of these columns instead (``"source"``; ``"month"``
            is the month of ``date``), e.g. n_docs per outlet or per month.
        repeats: count headline and lead repeats (``is_repeat``) too; by default each
            quotation counts once.

    Returns:
        A DataFrame with ``speaker_id`` (one id per speaker across the corpus: the id
        :func:`corpus_speaker_ids` gives each quotation), ``speaker`` (the fullest variant),
        ``speaker_type``, ``gender``, ``role`` and ``affiliation`` (the most frequent given),
        ``n_quotes``, ``n_direct``, ``n_indirect``, ``n_docs``, ``first_quote`` and ``last_quote``
        (the text of the first and last quotation by document, then offset) and ``variants``
        (the names merged, most quoted first, joined by ``"; "``); then ``n_outlets`` when the
        input has ``source``, ``first_date`` and ``last_date`` when it has ``date``, and the
        ``by`` columns. Ties keep the order of first quotation. Rows with no speaker (unnamed
        sources) are left out: count them with ``quotes.speaker.isna().sum()``.

    Raises:
        TypeError: ``quotes`` is not a DataFrame.
        ValueError: a column the summary needs is missing.
    """
    groups = [by] if isinstance(by, str) else list(by or [])
    named, keys = _named(quotes, groups)
    dtypes = _dtypes(named, groups)
    if not repeats and "is_repeat" in named.columns:
        named = named[~named["is_repeat"].fillna(False).astype(bool)]
    if named.empty:
        return empty_frame(dtypes)
    rows = [
        _row(group, keys[key[0]], key[0], dict(zip(groups, key[1:])), dtypes)
        for key, group in named.groupby(["_group", *groups], sort=True, dropna=False)
    ]
    table = pd.DataFrame.from_records(rows, columns=list(dtypes)).astype(dtypes)
    table = table.sort_values("n_quotes", ascending=False, kind="stable")
    return table.reset_index(drop=True)


def corpus_speaker_ids(quotes: pd.DataFrame) -> pd.Series:
    """The corpus-wide speaker id of each quotation (Int64, NA for unnamed), as in :func:`speakers`."""
    named, _ = _named(quotes, [])
    ids = pd.Series(pd.NA, index=quotes.index, dtype="Int64")
    ids[named.index] = named["_group"].to_numpy()
    return ids


def _named(quotes: pd.DataFrame, groups: list[str]) -> tuple[pd.DataFrame, list[Key]]:
    """The quotations with a speaker, in order, with ``_group`` (their speaker's corpus id); the
    key of each id."""
    if not isinstance(quotes, pd.DataFrame):
        raise TypeError(f"expected DataFrame, got {type(quotes).__name__}")
    derived = [MONTH] if MONTH in groups and MONTH not in quotes.columns and DATE in quotes.columns else []
    missing = [name for name in [*REQUIRED, *groups] if name not in quotes.columns and name not in derived]
    if missing:
        raise ValueError(f"quotes lack the columns {missing}")
    if DATE in quotes.columns:
        quotes = quotes.assign(**{DATE: pd.to_datetime(quotes[DATE], errors="coerce")})
    if derived:
        quotes = quotes.assign(**{MONTH: quotes[DATE].dt.strftime("%Y-%m").astype("string")})
    named = _in_order(quotes)
    named = named[named["speaker"].notna()]
    types = named["speaker_type"].astype(object).where(named["speaker_type"].notna(), "")
    keys = [(kind, tokens(name)) for kind, name in zip(types, named["speaker"])]
    merged = merge(keys)
    targets = [merged[key] for key in keys]
    ids = {key: i for i, key in enumerate(dict.fromkeys(targets))}  # in order of first quotation
    named = named.assign(_group=[ids[key] for key in targets])
    return named, list(ids)


def _dtypes(quotes: pd.DataFrame, groups: list[str]) -> dict:
    dtypes = dict(DTYPES)
    for column, extra in EXTRA_DTYPES.items():
        if column in quotes.columns:
            dtypes.update(extra)
    for name in groups:
        dtypes[name] = quotes[name].dtype if name in quotes.columns else "string"
    return dtypes


def name_key(name: str) -> str:
    """Lowercase, ё as е, single spaces: the form names are compared in."""
    return " ".join(fold_yo(name.lower()).split())


def tokens(name: str) -> frozenset[str]:
    """The normalised words of a name, in no order."""
    return frozenset(name_key(name).split())


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


def _most_frequent(values: pd.Series):
    """The most frequent value given (ties: first seen), or None."""
    counts = Counter(value for value in values if not pd.isna(value))
    return max(counts, key=counts.__getitem__) if counts else None


def _spellings(names: pd.Series) -> list[str]:
    """Distinct spellings, the most frequent first (ties: first seen)."""
    counts = Counter(names)
    return sorted(counts, key=lambda name: -counts[name])


def _row(group: pd.DataFrame, key: Key, speaker_id: int, by: dict, dtypes: dict) -> dict:
    kind, words = key
    variants = _spellings(group["speaker"])
    full = [name for name in variants if tokens(name) == words] or variants
    row = {
        "speaker_id": speaker_id,
        "speaker": full[0],
        "speaker_type": kind or None,
        "n_quotes": len(group),
        "n_direct": int((group["kind"] == "direct").sum()),
        "n_indirect": int((group["kind"] == "indirect").sum()),
        "n_docs": group["_doc"].nunique(),
        "first_quote": group["quote"].iloc[0],
        "last_quote": group["quote"].iloc[-1],
        "variants": "; ".join(variants),
        **by,
    }
    for name, column in ATTRIBUTES.items():
        row[name] = _most_frequent(group[column]) if column in group.columns else None
    if "n_outlets" in dtypes:
        row["n_outlets"] = group[OUTLET].nunique()
    if "first_date" in dtypes:
        row["first_date"], row["last_date"] = group[DATE].min(), group[DATE].max()
    return row
