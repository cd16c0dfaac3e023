"""The same quotation in many documents: reprints, wire copy, near-identical wording.

Each quotation becomes the set of its word ``SHINGLE``-grams (lowercase, ё read as е) and a
MinHash of it (``datasketch``). An LSH index holds one representative per cluster: a quotation
whose estimated Jaccard similarity to a representative reaches ``threshold`` joins its cluster,
any other becomes a new representative. Each quotation is hashed once and looked up once, so the
work grows linearly with the corpus.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from .morph import fold_yo
from .repeats import WORD

SHINGLE = 3  # words per shingle
MIN_WORDS = 5  # shorter quotations («Мы готовы») recur by chance: never clustered
NUM_PERM = 64  # MinHash permutations
INSTALL = "quotextract.clusters needs datasketch: pip install 'quotextract[views]'"
REQUIRED = ("doc_id", "quote")
OUTLET, DATE = "source", "date"
DTYPES = {
    "cluster_id": "Int64",
    "quote": "string",
    "speaker": "string",
    "n_quotes": "Int64",
    "n_docs": "Int64",
    "first_doc": "string",
    "docs": "string",
}
EXTRA_DTYPES = {
    OUTLET: {"n_outlets": "Int64", "first_source": "string"},
    DATE: {"first_date": "datetime64[ns]", "last_date": "datetime64[ns]"},
}


def clusters(
    quotes: pd.DataFrame, *, threshold: float = 0.7, min_docs: int = 2, repeats: bool = False
) -> pd.DataFrame:
    """One row per quotation found in at least ``min_docs`` documents, the most widespread first.

    Args:
        quotes: quotations of many documents (``doc_id``, ``quote``; ``speaker``, ``date`` and
            ``source`` are used when present).
        threshold: the Jaccard similarity of word trigrams from which two quotations are one.
        min_docs: the number of documents a cluster must span.
        repeats: include headline and lead repeats (``is_repeat``), left out by default.

    Returns:
        A DataFrame with ``cluster_id`` (as :func:`cluster_ids` gives it), ``quote`` (its first
        wording), ``speaker`` (the most frequent named one), ``n_quotes``, ``n_docs``,
        ``first_doc`` (the first by ``date`` when there is one, else in input order) and ``docs``
        (all, in that order, joined by ``"; "``); then ``n_outlets`` and ``first_source`` with
        ``source``, ``first_date`` and ``last_date`` with ``date``.
    """
    _check(quotes)
    ids = cluster_ids(quotes, threshold=threshold, repeats=repeats)
    dtypes = dict(DTYPES)
    for column, extra in EXTRA_DTYPES.items():
        if column in quotes.columns:
            dtypes.update(extra)
    found = quotes.assign(_cluster=ids)[ids.notna()]
    if DATE in found.columns:
        found = found.assign(**{DATE: pd.to_datetime(found[DATE], errors="coerce")})
        found = found.sort_values(DATE, kind="stable", na_position="last")
    rows = [_row(int(cluster), group, dtypes) for cluster, group in found.groupby("_cluster", sort=True)]
    rows = [row for row in rows if row["n_docs"] >= min_docs]
    if not rows:
        return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in dtypes.items()})
    table = pd.DataFrame.from_records(rows, columns=list(dtypes)).astype(dtypes)
    return table.sort_values(["n_docs", "n_quotes"], ascending=False, kind="stable").reset_index(drop=True)


def cluster_ids(quotes: pd.DataFrame, *, threshold: float = 0.7, repeats: bool = False) -> pd.Series:
    """The cluster of each quotation (Int64, numbered in input order; NA when too short or a repeat)."""
    _check(quotes)
    try:
        from datasketch import MinHash, MinHashLSH
    except ImportError as error:
        raise ImportError(INSTALL) from error
    template = MinHash(num_perm=NUM_PERM)
    index = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    skip = quotes["is_repeat"].fillna(False).astype(bool) if "is_repeat" in quotes and not repeats else None
    ids: list[int | None] = []
    representatives: dict[int, MinHash] = {}
    for position, text in enumerate(quotes["quote"]):
        grams = (
            shingles(text) if isinstance(text, str) and (skip is None or not skip.iloc[position]) else None
        )
        if not grams:
            ids.append(None)
            continue
        sketch = template.copy()  # shares the permutations: cheaper than a new MinHash
        sketch.update_batch(gram.encode("utf-8") for gram in grams)
        match = [key for key in index.query(sketch) if sketch.jaccard(representatives[key]) >= threshold]
        if match:
            ids.append(min(match))
            continue
        cluster = len(representatives)
        representatives[cluster] = sketch
        index.insert(cluster, sketch)
        ids.append(cluster)
    return pd.Series(pd.array(ids, dtype="Int64"), index=quotes.index)


def shingles(text: str) -> set[str]:
    """The word ``SHINGLE``-grams of ``text``; empty below ``MIN_WORDS`` words."""
    words = WORD.findall(fold_yo(text.lower()))
    if len(words) < MIN_WORDS:
        return set()
    return {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def _check(quotes) -> None:
    if not isinstance(quotes, pd.DataFrame):
        raise TypeError(f"expected DataFrame, got {type(quotes).__name__}")
    missing = [name for name in REQUIRED if name not in quotes.columns]
    if missing:
        raise ValueError(f"quotes lack the columns {missing}")


def _row(cluster: int, group: pd.DataFrame, dtypes: dict) -> dict:
    docs = list(dict.fromkeys(group["doc_id"]))
    speakers = Counter(s for s in group["speaker"] if isinstance(s, str)) if "speaker" in group else Counter()
    row = {
        "cluster_id": cluster,
        "quote": group["quote"].iloc[0],
        "speaker": speakers.most_common(1)[0][0] if speakers else None,
        "n_quotes": len(group),
        "n_docs": len(docs),
        "first_doc": docs[0],
        "docs": "; ".join(docs),
    }
    if "n_outlets" in dtypes:
        row["n_outlets"], row["first_source"] = group[OUTLET].nunique(), group[OUTLET].iloc[0]
    if "first_date" in dtypes:
        row["first_date"], row["last_date"] = group[DATE].min(), group[DATE].max()
    return row
