"""The article as HTML with its quotations highlighted: ``show(text)`` in a notebook or a file.

Every quotation is a ``<span class="qx-quote" data-start data-end>`` holding exactly
``text[quote_start:quote_end]``; its speaker mention is a ``qx-speaker`` span and its cue a
``qx-cue`` span, in the speaker's colour. Spans may nest or cross: the markup is built from the
sorted list of boundaries, and an element crossed by one that ends earlier is closed and reopened
as a continuation (``qx-cont``), so the tags always balance.
"""

from __future__ import annotations

import html
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from .normalize import repaired

# matplotlib's tab10 without its grey, which marks unnamed sources
PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#bcbd22", "#17becf")
UNNAMED = "#8c8c8c"
OFFSETS = ("quote_start", "quote_end", "speaker_start", "speaker_end", "cue_start", "cue_end")
REQUIRED = ("quote", "speaker", "speaker_mention", "cue", "kind", *OFFSETS)
# element kinds, outermost first when two spans share their start and end
LAYERS = {"quote": 0, "speaker": 1, "cue": 2}

CSS = """
.qx { font-family: system-ui, sans-serif; line-height: 1.6; }
.qx-text { white-space: pre-wrap; overflow-wrap: anywhere; max-width: 60em; }
.qx-quote { background: var(--qx-bg); border-bottom: 2px solid var(--qx-color); }
.qx-quote.qx-last::after { content: attr(data-label); font-size: 0.7em; font-weight: 600;
  color: var(--qx-color); vertical-align: super; margin-left: 0.2em; white-space: nowrap; }
.qx-speaker { font-weight: 700; color: var(--qx-color); outline: 1.5px solid var(--qx-color);
  border-radius: 3px; }
.qx-cue { font-style: italic; text-decoration: underline wavy var(--qx-color); }
.qx-legend { margin-bottom: 0.8em; font-size: 0.9em; }
.qx-key { display: inline-block; margin-right: 1em; }
.qx-swatch { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 0.3em;
  vertical-align: middle; background: var(--qx-color); border-radius: 2px; }
"""


@dataclass(frozen=True, slots=True)
class Mark:
    """One element to draw: ``text[start:stop]`` with its class and attributes."""

    start: int
    stop: int
    offsets: tuple[int, int]  # data-start, data-end: the whole quote, mention or cue
    layer: str  # "quote", "speaker" or "cue"
    row: int
    color: str
    title: str
    label: str = ""
    part: int = 0  # > 0: a later piece of a mention or cue cut at a quotation boundary


@dataclass(frozen=True, slots=True, repr=False)
class Display:
    """An article rendered as HTML: shown by notebooks, saved as a standalone page.

    Attributes:
        html: the fragment (a ``<div class="qx">`` with its own ``<style>``).
        title: the page title used by :meth:`page` and :meth:`save`.
    """

    html: str
    title: str = "quotextract"

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return f"<Display {self.title!r}: {len(self.html)} characters of HTML; .save(path) writes a page>"

    def page(self) -> str:
        """A complete HTML document around the fragment."""
        return (
            '<!DOCTYPE html>\n<html lang="ru">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{html.escape(self.title)}</title>\n</head>\n<body>\n{self.html}\n</body>\n</html>\n"
        )

    def save(self, path) -> Path:
        """Write :meth:`page` to ``path`` (UTF-8) and return the path."""
        path = Path(path)
        path.write_text(self.page(), encoding="utf-8", newline="")
        return path


def show(text: str, quotes: pd.DataFrame | None = None, *, title: str = "quotextract") -> Display:
    """``text`` as HTML with every quotation, cue and speaker mention highlighted.

    Args:
        text: the article, exactly as the offsets of ``quotes`` index it.
        quotes: its quotations (the columns of :data:`quotextract.COLUMNS`, an optional
            ``doc_id`` of a single document); extracted with the default extractor when None.
        title: the page title of :meth:`Display.save`.

    Raises:
        TypeError: ``text`` is not a str or ``quotes`` not a DataFrame.
        ValueError: ``quotes`` lacks a column, holds several documents or does not fit ``text``.
    """
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    text = repaired(text)  # lone surrogates as U+FFFD, as in the quotations: the page can be written
    if quotes is None:
        from .pipeline import default_extractor

        quotes = default_extractor()(text)
    _check(quotes, text)
    colors = speaker_colors(quotes)
    spans = [span for row in range(len(quotes)) for span in _spans(quotes.iloc[row], row, colors)]
    body = f'<div class="qx-text">{render(text, spans)}</div>'
    fragment = f'<div class="qx">\n<style>{CSS}</style>\n{_legend(quotes, colors)}\n{body}\n</div>'
    return Display(fragment, title)


def speaker_colors(quotes: pd.DataFrame) -> dict[str, str]:
    """One palette colour per named speaker, in order of first quotation (cycling after 9)."""
    ordered = quotes.sort_values("quote_start", kind="stable")["speaker"].dropna().unique()
    return {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(ordered)}


def _check(quotes, text: str) -> None:
    if not isinstance(quotes, pd.DataFrame):
        raise TypeError(f"expected a DataFrame of quotations, got {type(quotes).__name__}")
    missing = [name for name in REQUIRED if name not in quotes.columns]
    if missing:
        raise ValueError(f"quotes lack the columns {missing}")
    if "doc_id" in quotes.columns and quotes["doc_id"].nunique(dropna=False) > 1:
        raise ValueError("quotes of several documents: select one, e.g. quotes[quotes.doc_id == ID]")
    for row in quotes[["quote", *OFFSETS]].itertuples():
        if not _fits(row, text):
            raise ValueError(
                f"quotes do not fit the text: row {row.Index!r} is not text[quote_start:quote_end]"
                " or has offsets outside it"
            )


def _fits(row, text: str) -> bool:
    offsets = [getattr(row, name) for name in OFFSETS]
    if any(pd.isna(value) for value in (row.quote, *offsets[:2])):
        return False
    inside = all(0 <= value <= len(text) for value in offsets if not pd.isna(value))
    return inside and text[row.quote_start : row.quote_end] == row.quote


def _value(row: pd.Series, name: str):
    value = row[name]
    return None if pd.isna(value) else value


def _spans(row: pd.Series, index: int, colors: dict[str, str]) -> list[Mark]:
    """The quote, speaker mention and cue of one row (those with offsets)."""
    speaker = _value(row, "speaker")
    mention = _value(row, "speaker_mention")
    cue = _value(row, "cue")
    color = colors.get(speaker, UNNAMED)
    source = speaker or (f"unnamed source: {mention}" if mention else "unknown source")
    details = ", ".join(str(part) for part in (_value(row, "kind"), cue) if part)
    start, stop = int(row.quote_start), int(row.quote_end)
    spans = [
        Mark(
            start,
            stop,
            (start, stop),
            "quote",
            index,
            color,
            f"{source} ({details})" if details else source,
            speaker or mention or "?",
        )
    ]
    for layer, title in (("speaker", speaker or "unnamed source"), ("cue", f"cue: {cue}" if cue else "cue")):
        start, stop = _value(row, f"{layer}_start"), _value(row, f"{layer}_end")
        if start is not None and stop is not None:
            start, stop = int(start), int(stop)
            spans.append(Mark(start, stop, (start, stop), layer, index, color, title))
    return spans


def _pieces(spans: list[Mark]) -> list[Mark]:
    """Mentions and cues cut at the quotation boundaries inside them, so quotations stay whole."""
    cuts = sorted(
        {s.start for s in spans if s.layer == "quote"} | {s.stop for s in spans if s.layer == "quote"}
    )
    pieces = []
    for span in spans:
        inner = (
            cuts[bisect_right(cuts, span.start) : bisect_left(cuts, span.stop)]
            if span.layer != "quote"
            else []
        )
        bounds = [span.start, *inner, span.stop]
        pieces += [replace(span, start=a, stop=b, part=i) for i, (a, b) in enumerate(zip(bounds, bounds[1:]))]
    return pieces


def _unique(spans: list[Mark]) -> list[Mark]:
    """Spans sorted outermost first; a mention or cue shared by several rows drawn once."""
    seen, kept = set(), []
    for span in _pieces(spans):
        key = (span.start, span.stop, span.layer, span.color) if span.layer != "quote" else span
        if key not in seen:
            seen.add(key)
            kept.append(span)
    kept = [span for span in kept if span.start < span.stop]
    return sorted(kept, key=lambda s: (s.start, -s.stop, LAYERS[s.layer], s.row))


def _open(span: Mark, *, first: bool, last: bool) -> str:
    classes = (
        f"qx-{span.layer}" + ("" if first and not span.part else " qx-cont") + (" qx-last" if last else "")
    )
    label = f' data-label="{html.escape(span.label)}"' if span.layer == "quote" else ""
    return (
        f'<span class="{classes}" data-row="{span.row}" data-start="{span.offsets[0]}" data-end="{span.offsets[1]}"'
        f' style="--qx-color:{span.color};--qx-bg:{span.color}2e" title="{html.escape(span.title)}"{label}>'
    )


def _escape(text: str) -> str:
    """HTML text; CR as a character reference, which HTML parsing keeps (a raw CR becomes LF)."""
    return html.escape(text, quote=False).replace("\r", "&#13;")


def render(text: str, spans: list[Mark]) -> str:
    """``text`` escaped, with each span wrapped in balanced ``<span>`` elements."""
    spans = _unique(spans)
    cuts = sorted({0, len(text)} | {s.start for s in spans} | {s.stop for s in spans})
    starting: dict[int, list[Mark]] = {}
    for span in spans:
        starting.setdefault(span.start, []).append(span)
    out, stack = [], []  # stack: the open spans, innermost last
    for here, after in zip(cuts, cuts[1:] + [None]):
        out.append(_close_ending(stack, here))
        for span in starting.get(here, ()):
            out.append(_open(span, first=True, last=span.stop == _closes_at(span, stack)))
            stack.append(span)
        if after is not None:
            out.append(_escape(text[here:after]))
    return "".join(out)


def _closes_at(span: Mark, stack: list[Mark]) -> int:
    """Where an element of ``span`` opened on ``stack`` closes: its end, or the end of one it crosses."""
    return min([span.stop] + [outer.stop for outer in stack if outer.stop < span.stop])


def _close_ending(stack: list[Mark], here: int) -> str:
    """Close the spans ending at ``here``; reopen, as continuations, those they cross."""
    if not any(span.stop <= here for span in stack):
        return ""
    depth = min(i for i, span in enumerate(stack) if span.stop <= here)
    closing = stack[depth:]
    del stack[depth:]
    parts = ["</span>" * len(closing)]
    for span in closing:
        if span.stop > here:
            parts.append(_open(span, first=False, last=span.stop == _closes_at(span, stack)))
            stack.append(span)
    return "".join(parts)


def _legend(quotes: pd.DataFrame, colors: dict[str, str]) -> str:
    counts = quotes["speaker"].value_counts()
    keys = [(name, color, int(counts[name])) for name, color in colors.items()]
    unnamed = int(quotes["speaker"].isna().sum())
    if unnamed:
        keys.append(("unnamed sources", UNNAMED, unnamed))
    items = "".join(
        f'<span class="qx-key" style="--qx-color:{color}"><span class="qx-swatch"></span>'
        f"{html.escape(name)} ({n})</span>"
        for name, color, n in keys
    )
    return f'<div class="qx-legend">{len(quotes)} quotations. {items}</div>'
