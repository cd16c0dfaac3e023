"""A corpus report: one self-contained HTML page of who is quoted, for a data journalist.

Top speakers, the share of women over time, quotations per outlet, the biggest clusters of one
quotation across documents and a searchable table of every quotation. Charts are matplotlib SVG
drawn inline, the search a few lines of inline script; a Content-Security-Policy forbids any
request, so the page works offline and loads nothing. Every text is HTML-escaped.
"""

from __future__ import annotations

import io
import os
import re
from html import escape
from pathlib import Path

import pandas as pd

from .clustering import clusters
from .summary import DATE, MONTH, OUTLET, speakers

INSTALL = "quotextract.report needs matplotlib: pip install 'quotextract[views]'"
TOP = 20  # rows of the speaker, outlet and cluster sections
DATE_LIKE = re.compile(r"\d{4}-\d{2}-\d{2}")  # kept on one line in the tables
DATE_LENGTH = 25  # '2024-01-15T10:00:00+03:00' at most
GENDER_COLORS = {"f": "#d62728", "m": "#1f77b4"}
GENDER_NAMES = {"f": "women", "m": "men"}
BAR = "#4c72b0"
POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
TABLE_COLUMNS = ("doc_id", DATE, OUTLET, "speaker", "speaker_gender", "kind", "quote")

STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 72em; padding: 0 1em; color: #222; }
h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; width: 100%; font-size: 0.92em; }
th, td { text-align: left; vertical-align: top; padding: 0.25em 0.5em; border-bottom: 1px solid #eee; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.d { white-space: nowrap; }
figure.qx-chart { margin: 1em 0; } figure.qx-chart svg { max-width: 100%; height: auto; }
.qx-note { color: #666; }
#qx-search { font-size: 1em; padding: 0.3em 0.5em; width: 24em; margin-bottom: 0.5em; }
"""

SEARCH = """
(function () {
  var input = document.getElementById("qx-search");
  var rows = Array.prototype.slice.call(document.querySelectorAll("#qx-quotes tbody tr"));
  var count = document.getElementById("qx-shown");
  var texts = rows.map(function (row) { return row.textContent.toLowerCase(); });
  input.addEventListener("input", function () {
    var query = input.value.trim().toLowerCase(), shown = 0;
    rows.forEach(function (row, i) {
      var match = !query || texts[i].indexOf(query) !== -1;
      row.hidden = !match;
      if (match) { shown += 1; }
    });
    count.textContent = String(shown);
  });
})();
"""


class Report:
    """The report page: ``.html`` is the whole document; :meth:`save` writes it."""

    def __init__(self, html: str):
        self.html = html

    def save(self, path: str | os.PathLike) -> Path:
        """Write the page to ``path`` (UTF-8) and return the path."""
        path = Path(path)
        path.write_text(self.html, encoding="utf-8")
        return path

    def _repr_html_(self) -> str:
        return self.html


def report(quotes: pd.DataFrame, *, title: str = "Who is quoted", top: int = TOP) -> Report:
    """The corpus report of ``quotes`` (the result of :func:`quotextract.extract` for many documents).

    ``date`` and ``source`` columns (``keep_columns``) give the sections over time and per outlet;
    without them those sections say what is missing. Headline and lead repeats count once.
    """
    if not isinstance(quotes, pd.DataFrame):
        raise TypeError(f"expected DataFrame, got {type(quotes).__name__}")
    if "doc_id" not in quotes.columns:
        quotes = quotes.assign(doc_id="0")
    counted = quotes[~quotes["is_repeat"].fillna(False).astype(bool)] if "is_repeat" in quotes else quotes
    who = speakers(quotes)
    body = [
        f"<h1>{escape(title)}</h1>",
        _overview(quotes, counted, who),
        _speakers_section(who, top),
        _gender_section(counted),
        _outlets_section(counted, top),
        _clusters_section(quotes, top),
        _table_section(quotes),
    ]
    return Report(_page(title, "\n".join(body)))


# Sections


def _overview(quotes: pd.DataFrame, counted: pd.DataFrame, who: pd.DataFrame) -> str:
    repeats = len(quotes) - len(counted)
    parts = [
        _count(quotes["doc_id"].nunique(), "document") + " with quotations",
        _count(len(counted), "quotation")
        + (f" (and {_count(repeats, 'headline or lead repeat')})" if repeats else ""),
        _count(len(who), "named speaker"),
        _count(int(counted["speaker"].isna().sum()), "quotation") + " from unnamed sources",
    ]
    return f'<p id="qx-overview">{escape(", ".join(parts))}.</p>'


def _speakers_section(who: pd.DataFrame, top: int) -> str:
    shown = who.head(top)
    if shown.empty:
        return "<h2>Top speakers</h2>" + _note("No named speaker.")
    chart = _bar_chart("speakers", shown["speaker"].tolist(), shown["n_quotes"].tolist(), "quotations")
    columns = ["speaker", "speaker_type", "gender", "role", "affiliation", "n_quotes", "n_docs"]
    return f"<h2>Top speakers</h2>{chart}{_table(shown[columns], 'qx-speakers')}"


def _gender_section(counted: pd.DataFrame) -> str:
    head = "<h2>Women and men quoted</h2>"
    if "speaker_gender" not in counted.columns:
        return head + _note("No speaker_gender column.")
    known = counted[counted["speaker_gender"].isin(list(GENDER_COLORS))]
    if known.empty:
        return head + _note("No quotation with a known speaker gender.")
    if DATE in known.columns:
        months = pd.to_datetime(known[DATE], errors="coerce").dt.strftime("%Y-%m")
        periods = months.fillna("no date")
        note = "Share of the quotations whose speaker's gender is known, by month of the document's date."
    else:
        periods = pd.Series("all", index=known.index)
        note = "Share of the quotations whose speaker's gender is known (no date column: the whole corpus)."
    counts = pd.crosstab(periods, known["speaker_gender"].astype(str)).reindex(
        columns=list(GENDER_COLORS), fill_value=0
    )
    shares = counts.div(counts.sum(axis=1), axis=0)
    women = counts["f"].sum() / counts.to_numpy().sum()
    chart = _stacked_chart("gender", shares)
    summary = f"Women: {women:.1%} of {int(counts.to_numpy().sum())} quotations with a known gender. {note}"
    table = counts.assign(share_women=shares["f"].round(3)).rename_axis(MONTH if DATE in known else "period")
    return head + _note(summary) + chart + _table(table.reset_index(), "qx-gender")


def _outlets_section(counted: pd.DataFrame, top: int) -> str:
    head = "<h2>Quotations per outlet</h2>"
    if OUTLET not in counted.columns:
        return head + _note("No source column: extract with --keep-columns source.")
    per = (
        counted.groupby(counted[OUTLET].astype("string").fillna("(none)"), sort=False)
        .agg(n_quotes=("quote", "size"), n_docs=("doc_id", "nunique"), n_speakers=("speaker", "nunique"))
        .sort_values("n_quotes", ascending=False, kind="stable")
        .head(top)
    )
    chart = _bar_chart("outlets", per.index.tolist(), per["n_quotes"].tolist(), "quotations")
    return head + chart + _table(per.rename_axis(OUTLET).reset_index(), "qx-outlets")


def _clusters_section(quotes: pd.DataFrame, top: int) -> str:
    head = "<h2>Quotations in several documents</h2>"
    try:
        found = clusters(quotes)
    except ValueError as error:
        return head + _note(str(error))
    if found.empty:
        return head + _note("No quotation appears in two documents or more.")
    columns = [
        c
        for c in ["quote", "speaker", "n_docs", "n_quotes", "first_doc", "first_date", "n_outlets"]
        if c in found
    ]
    return (
        head
        + _note(f"{len(found)} clusters; the {min(top, len(found))} biggest:")
        + _table(found.head(top)[columns], "qx-clusters")
    )


def _table_section(quotes: pd.DataFrame) -> str:
    columns = [c for c in TABLE_COLUMNS if c in quotes.columns]
    if "is_repeat" in quotes.columns:
        columns.append("is_repeat")
    search = (
        '<input id="qx-search" type="search" placeholder="Search speakers, outlets, words" '
        'aria-label="Search the quotations">'
        f' <span class="qx-note"><span id="qx-shown">{len(quotes)}</span> of '
        f'<span id="qx-total">{len(quotes)}</span> quotations shown</span>'
    )
    return f"<h2>All quotations</h2>{search}{_table(quotes[columns], 'qx-quotes')}<script>{SEARCH}</script>"


# HTML


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="ru"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>\n<body>\n{body}\n</body></html>\n"
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _note(text: str) -> str:
    return f'<p class="qx-note">{escape(text)}</p>'


def _cell(value) -> str:
    if value is None or (not isinstance(value, str) and pd.api.types.is_scalar(value) and pd.isna(value)):
        return "<td></td>"
    if isinstance(value, pd.Timestamp):
        return f'<td class="d">{escape(value.strftime("%Y-%m-%d"))}</td>'
    if isinstance(value, str) and len(value) <= DATE_LENGTH and DATE_LIKE.match(value):
        return f'<td class="d">{escape(value)}</td>'
    numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
    return f'<td class="n">{escape(str(value))}</td>' if numeric else f"<td>{escape(str(value))}</td>"


def _table(frame: pd.DataFrame, id: str) -> str:
    head = "".join(f"<th>{escape(str(name))}</th>" for name in frame.columns)
    rows = "\n".join(
        "<tr>" + "".join(_cell(value) for value in row) + "</tr>"
        for row in frame.astype(object).itertuples(index=False, name=None)
    )
    return f'<table id="{id}"><thead><tr>{head}</tr></thead><tbody>\n{rows}\n</tbody></table>'


# Charts: matplotlib figures as inline SVG, text kept as text


def _pyplot():
    try:
        import matplotlib

        matplotlib.use("Agg", force=False)
        import matplotlib.pyplot as plt
    except ImportError as error:
        raise ImportError(INSTALL) from error
    return matplotlib, plt


def _svg(name: str, figure) -> str:
    matplotlib, plt = _pyplot()
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": name}):
        figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(figure)
    svg = buffer.getvalue()
    return f'<figure class="qx-chart" data-chart="{escape(name)}">{svg[svg.index("<svg") :]}</figure>'


def _bar_chart(name: str, labels: list, values: list, unit: str) -> str:
    matplotlib, plt = _pyplot()
    with matplotlib.rc_context({"text.parse_math": False, "font.size": 9}):
        figure, axes = plt.subplots(figsize=(7, 0.28 * len(labels) + 0.8))
        positions = range(len(labels))
        axes.barh(list(positions), values, color=BAR)
        axes.set_yticks(list(positions), [str(label) for label in labels])
        axes.invert_yaxis()
        axes.set_xlabel(unit)
        axes.spines[["top", "right"]].set_visible(False)
        return _svg(name, figure)


def _stacked_chart(name: str, shares: pd.DataFrame) -> str:
    matplotlib, plt = _pyplot()
    with matplotlib.rc_context({"text.parse_math": False, "font.size": 9}):
        figure, axes = plt.subplots(figsize=(min(7.0, 2.5 + 0.45 * len(shares)), 2.8))
        positions = list(range(len(shares)))
        bottom = [0.0] * len(shares)
        for gender, color in GENDER_COLORS.items():
            values = shares[gender].tolist()
            axes.bar(positions, values, bottom=bottom, color=color, label=GENDER_NAMES[gender])
            bottom = [b + v for b, v in zip(bottom, values)]
        axes.set_xticks(
            positions, [str(label) for label in shares.index], rotation=45 if len(shares) > 8 else 0
        )
        axes.set_ylim(0, 1)
        axes.set_ylabel("share of quotations")
        axes.legend(loc="upper left", bbox_to_anchor=(1, 1), frameon=False)
        axes.spines[["top", "right"]].set_visible(False)
        return _svg(name, figure)


def load(path: str | os.PathLike) -> pd.DataFrame:
    """A quotes table written by ``quotextract extract`` (.parquet, .csv, .jsonl), with its dtypes."""
    from .frame import DTYPES

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        return pd.read_parquet(path)
    if suffix == ".csv":
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    elif suffix in (".jsonl", ".ndjson"):
        frame = pd.read_json(path, lines=True, dtype=False)
    elif suffix == ".xlsx":
        frame = pd.read_excel(path, dtype=object)
    else:
        raise ValueError(f"{path}: unknown quotes format (expected .parquet, .csv, .jsonl or .xlsx)")
    known = {name: dtype for name, dtype in {"doc_id": "string", **DTYPES}.items() if name in frame.columns}
    for name, dtype in known.items():
        if dtype == "boolean":
            frame[name] = frame[name].map({True: True, False: False, "True": True, "False": False})
        elif dtype == "Int64":
            frame[name] = pd.to_numeric(frame[name], errors="coerce")
        elif dtype == "string":
            frame[name] = frame[name].astype(object).where(frame[name].notna(), None)
    return frame.astype(known)
