"""HTML display: escaping, exact offsets, one colour per speaker, nested and crossing spans, the CLI."""

from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd
import pytest
from click.testing import CliRunner

import quotextract
from quotextract.cli import main
from quotextract.display import PALETTE, UNNAMED
from quotextract.frame import COLUMNS, DTYPES, empty_frame


def quotes(text: str, *rows: dict) -> pd.DataFrame:
    """A quotation frame by hand: ``quote``, ``mention`` and ``cue`` are substrings of ``text``
    (the first occurrence at or after ``at``) or ``(start, stop)`` pairs."""
    records = []
    for row in rows:
        record = {
            "speaker": row.get("speaker"),
            "speaker_type": row.get("type", "PER" if row.get("speaker") else None),
            "kind": row.get("kind", "direct"),
            "rule": "hand",
            "paragraph": 0,
            "cue": row.get("lemma"),
        }
        for name, column in (("quote", "quote"), ("mention", "speaker"), ("cue", "cue")):
            start, stop = _offsets(text, row.get(name), row.get("at", 0))
            record[f"{column}_start"], record[f"{column}_end"] = start, stop
        record["quote"] = text[record["quote_start"] : record["quote_end"]]
        record["speaker_mention"] = (
            text[record["speaker_start"] : record["speaker_end"]] if row.get("mention") else None
        )
        records.append(record)
    if not records:
        return empty_frame()
    return pd.DataFrame.from_records(records, columns=COLUMNS).astype(DTYPES)


def _offsets(text: str, where, at: int):
    if where is None:
        return None, None
    if isinstance(where, tuple):
        return where
    start = text.index(where, at)
    return start, start + len(where)


class Page(HTMLParser):
    """The text of ``.qx-text`` and, per highlighted element, its attributes and text content."""

    def __init__(self, markup: str):
        super().__init__(convert_charrefs=True)
        self.text, self.elements, self.stack, self.inside, self.depth = [], [], [], False, 0
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("class") == "qx-text":
            self.inside = True
            return
        if self.inside:
            assert tag == "span", tag
            element = {**attrs, "text": ""}
            self.elements.append(element)
            self.stack.append(element)

    def handle_endtag(self, tag):
        if self.inside and tag == "div":
            assert not self.stack, "unclosed spans"
            self.inside = False
        elif self.inside:
            self.stack.pop()

    def handle_data(self, data):
        if self.inside:
            self.text.append(data)
            for element in self.stack:
                element["text"] += data

    def of(self, layer: str, row: int | None = None) -> list[dict]:
        return [
            e
            for e in self.elements
            if f"qx-{layer}" in e["class"].split() and (row is None or e["data-row"] == str(row))
        ]

    def whole(self, layer: str, row: int) -> str:
        """The text of all the pieces of one row's quote, mention or cue."""
        return "".join(element["text"] for element in self.of(layer, row))

    def color(self, element: dict) -> str:
        return element["style"].split(";")[0].removeprefix("--qx-color:")


def assert_exact(page: Page, text: str, frame: pd.DataFrame) -> None:
    """The page holds the text, and every quote, mention and cue exactly at its offsets."""
    assert "".join(page.text) == text
    for row, q in enumerate(frame.itertuples()):
        assert page.whole("quote", row) == q.quote
        assert {(e["data-start"], e["data-end"]) for e in page.of("quote", row)} == {
            (str(q.quote_start), str(q.quote_end))
        }
        for layer, start, stop in (
            ("speaker", q.speaker_start, q.speaker_end),
            ("cue", q.cue_start, q.cue_end),
        ):
            if not pd.isna(start) and page.of(layer, row):
                assert page.whole(layer, row) == text[start:stop]
                assert {(e["data-start"], e["data-end"]) for e in page.of(layer, row)} == {
                    (str(start), str(stop))
                }


SIMPLE = "«Мы готовы», — сказал Иван Петров.\n\nПо словам источника, решение принято."
SIMPLE_QUOTES = (
    {
        "quote": "Мы готовы",
        "speaker": "Иван Петров",
        "mention": "Иван Петров",
        "cue": "сказал",
        "lemma": "сказать",
    },
    {"quote": "решение принято", "mention": "источника", "cue": "По словам", "kind": "indirect"},
)


def test_quotes_mentions_and_cues_are_marked_at_their_offsets():
    frame = quotes(SIMPLE, *SIMPLE_QUOTES)
    page = Page(quotextract.show(SIMPLE, frame).html)
    assert_exact(page, SIMPLE, frame)
    assert [e["text"] for e in page.of("quote")] == ["Мы готовы", "решение принято"]
    assert [e["text"] for e in page.of("speaker")] == ["Иван Петров", "источника"]
    assert [e["text"] for e in page.of("cue")] == ["сказал", "По словам"]


def test_titles_and_labels_name_the_canonical_speaker():
    frame = quotes(SIMPLE, *SIMPLE_QUOTES)
    page = Page(quotextract.show(SIMPLE, frame).html)
    named, unnamed = page.of("quote")
    assert named["title"].startswith("Иван Петров") and named["data-label"] == "Иван Петров"
    assert "unnamed source: источника" in unnamed["title"]
    assert page.of("speaker", 0)[0]["title"] == "Иван Петров"


# ESCAPING: markup in the article or in names is text, never markup
HOSTILE = [
    '<script>alert(1)</script> «Всё <b>под</b> контролем & "тихо"», — сказал Иван Петров.',
    "«</span></div><script>x()</script>», — сказал Иван Петров.",
    "«Цитата», — сказал Иван Петров. <img src=x onerror=alert(1)> &amp; &#13; --> <!--",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_html_in_the_text_is_escaped(text):
    frame = quotes(
        text,
        {
            "quote": (text.index("«") + 1, text.index("»")),
            "speaker": "Иван Петров",
            "mention": "Иван Петров",
            "cue": "сказал",
        },
    )
    markup = quotextract.show(text, frame).html
    assert "<script" not in markup and "<img" not in markup and "<b>" not in markup
    page = Page(markup)
    assert_exact(page, text, frame)


def test_html_in_speaker_names_is_escaped():
    text = "«Да», — сказал Иван."
    frame = quotes(text, {"quote": "Да", "speaker": 'Иван" onmouseover="alert(1)', "mention": "Иван"})
    markup = quotextract.show(text, frame).html
    assert 'onmouseover="alert' not in markup
    assert Page(markup).of("quote")[0]["data-label"] == 'Иван" onmouseover="alert(1)'


# LINE BREAKS: kept as written, CRLF included, shown with white-space: pre-wrap
@pytest.mark.parametrize(
    "text",
    [
        "Начало.\n\n«Первая строка\nвторая», — сказал Иван Петров.\n",
        "Начало.\r\n\r\n«Первая строка\r\nвторая», — сказал Иван Петров.\r\n",
        "\xa0«Раз\u2028два»,\tсказал Иван Петров.\r",
    ],
)
def test_line_breaks_are_preserved(text):
    frame = quotes(
        text,
        {"quote": (text.index("«") + 1, text.index("»")), "speaker": "Иван Петров", "mention": "Иван Петров"},
    )
    display = quotextract.show(text, frame)
    assert "\r" not in display.html  # a raw CR would be read as LF; &#13; is kept
    assert_exact(Page(display.html), text, frame)
    assert "white-space: pre-wrap" in display.html


# COLOURS: one per speaker in order of first quotation, unnamed sources grey
COLORS = "«А», — сказал Пётр. «Б», — сказала Анна. «В», — сказал источник. «Г», — добавил Пётр."


def test_one_colour_per_speaker_and_grey_for_unnamed():
    frame = quotes(
        COLORS,
        {"quote": "А", "speaker": "Пётр Иванов", "mention": "Пётр"},
        {"quote": "Б", "speaker": "Анна Петрова", "mention": "Анна"},
        {"quote": "В", "mention": "источник"},
        {"quote": "Г", "speaker": "Пётр Иванов", "mention": "Пётр", "at": 60},
    )
    page = Page(quotextract.show(COLORS, frame).html)
    colors = [page.color(e) for e in page.of("quote")]
    assert colors == [PALETTE[0], PALETTE[1], UNNAMED, PALETTE[0]]
    assert [page.color(e) for e in page.of("speaker")] == [PALETTE[0], PALETTE[1], UNNAMED, PALETTE[0]]


def test_colours_do_not_depend_on_row_order():
    frame = quotes(
        COLORS, {"quote": "Б", "speaker": "Анна Петрова"}, {"quote": "А", "speaker": "Пётр Иванов"}
    )
    page = Page(quotextract.show(COLORS, frame).html)
    assert [page.color(e) for e in page.of("quote")] == [PALETTE[0], PALETTE[1]]  # А (Пётр) first in text


def test_legend_counts_speakers():
    frame = quotes(
        COLORS,
        {"quote": "А", "speaker": "Пётр Иванов"},
        {"quote": "В"},
        {"quote": "Г", "speaker": "Пётр Иванов"},
    )
    markup = quotextract.show(COLORS, frame).html
    assert "3 quotations." in markup and "Пётр Иванов (2)" in markup and "unnamed sources (1)" in markup


# EMPTY
@pytest.mark.parametrize("text", ["", "Ни одной цитаты.\n<b>жирный</b>"])
def test_empty_frame_shows_the_plain_text(text):
    display = quotextract.show(text, empty_frame())
    page = Page(display.html)
    assert "".join(page.text) == text and page.elements == []
    assert "0 quotations." in display.html


# NESTED AND CROSSING SPANS
NESTED = (
    "«Он сказал мне: „Мы победим“, — и ушёл», — вспоминает Анна Петрова. «Иван Петров прав», — добавила она."
)


def test_quotation_inside_a_quotation():
    inner = NESTED.index("Мы победим")
    frame = quotes(
        NESTED,
        {
            "quote": (1, NESTED.index("»")),
            "speaker": "Анна Петрова",
            "mention": "Анна Петрова",
            "cue": "вспоминает",
        },
        {"quote": (inner, inner + len("Мы победим")), "mention": "Он", "cue": "сказал"},
    )
    page = Page(quotextract.show(NESTED, frame).html)
    assert_exact(page, NESTED, frame)
    outer = page.of("quote", 0)[0]
    assert len(page.of("quote", 0)) == 1 and "Мы победим" in outer["text"]


def test_speaker_mention_inside_another_quotation():
    frame = quotes(
        NESTED,
        {"quote": "Иван Петров прав", "speaker": "Анна Петрова", "mention": "она", "cue": "добавила"},
        {"quote": "Иван Петров прав", "speaker": "Иван Петров", "mention": "Иван Петров", "kind": "indirect"},
    )
    page = Page(quotextract.show(NESTED, frame).html)
    assert_exact(page, NESTED, frame)
    mention = page.of("speaker", 1)[0]
    assert mention["text"] == "Иван Петров" and len(page.of("quote", 0)) == 1


def test_crossing_spans_keep_quotations_whole_and_tags_balanced():
    text = "0123456789ABCDEF"
    frame = quotes(
        text,
        {"quote": (2, 10), "speaker": "А", "mention": (8, 12), "cue": (0, 3)},
        {"quote": (5, 14), "speaker": "Б", "mention": (6, 8)},
        {"quote": (5, 14), "speaker": "Б"},  # the same span twice
    )
    markup = quotextract.show(text, frame).html
    assert markup.count("<span") == markup.count("</span>")
    page = Page(markup)
    assert_exact(page, text, frame)
    assert len(page.of("quote", 0)) == 1  # quotations stay whole: the crossing cue and mention are cut
    assert [e["text"] for e in page.of("cue", 0)] == ["01", "2"]
    assert "qx-cont" in page.of("cue", 0)[1]["class"]
    assert [e["text"] for e in page.of("quote", 1)] == ["56789", "ABCD"]  # a crossing quotation is continued


def test_a_mention_shared_by_two_quotations_is_drawn_once():
    text = "— Да, — сказал Иван Петров. — Нет."
    frame = quotes(
        text,
        {"quote": "Да", "speaker": "Иван Петров", "mention": "Иван Петров", "cue": "сказал"},
        {"quote": "Нет", "speaker": "Иван Петров", "mention": "Иван Петров", "cue": "сказал"},
    )
    page = Page(quotextract.show(text, frame).html)
    assert [e["text"] for e in page.of("speaker")] == ["Иван Петров"]
    assert_exact(page, text, frame)


# INPUTS
def test_quotes_are_extracted_when_not_given(monkeypatch):
    frame = quotes(SIMPLE, *SIMPLE_QUOTES)
    monkeypatch.setattr(quotextract.pipeline, "default_extractor", lambda: lambda text: frame)
    assert_exact(Page(quotextract.show(SIMPLE).html), SIMPLE, frame)


def test_one_document_of_a_batch_frame():
    frame = quotes(SIMPLE, *SIMPLE_QUOTES)
    batch = frame.assign(doc_id="a")[["doc_id", *COLUMNS]]
    assert_exact(Page(quotextract.show(SIMPLE, batch).html), SIMPLE, frame)
    with pytest.raises(ValueError, match="several documents"):
        quotextract.show(SIMPLE, batch.assign(doc_id=["a", "b"]))


@pytest.mark.parametrize(
    "change",
    [
        {"quote_start": 2},  # does not slice the quote
        {"quote_end": 1000},
        {"cue_end": 1000},
        {"quote_start": pd.NA},
    ],
)
def test_quotes_of_another_text_are_refused(change):
    frame = quotes(SIMPLE, *SIMPLE_QUOTES)
    for column, value in change.items():
        frame.loc[0, column] = value
    with pytest.raises(ValueError, match="do not fit the text: row 0"):
        quotextract.show(SIMPLE, frame)


def test_wrong_types_are_refused():
    with pytest.raises(TypeError, match="got bytes"):
        quotextract.show(b"text")
    with pytest.raises(TypeError, match="got list"):
        quotextract.show("text", [])
    with pytest.raises(ValueError, match=r"lack the columns \['cue_start', 'cue_end'\]"):
        quotextract.show(SIMPLE, quotes(SIMPLE, *SIMPLE_QUOTES).drop(columns=["cue_start", "cue_end"]))


def test_notebook_repr_and_standalone_page(tmp_path):
    display = quotextract.show(SIMPLE, quotes(SIMPLE, *SIMPLE_QUOTES), title="<Статья>")
    assert display._repr_html_() == display.html
    assert repr(display).startswith("<Display '<Статья>': ") and len(repr(display)) < 100
    path = display.save(tmp_path / "page.html")
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "<title>&lt;Статья&gt;</title>" in page and display.html in page


# CLI
def test_cli_writes_a_page(tmp_path, monkeypatch):
    text = "Начало.\r\n«Мы готовы», — сказал Иван Петров.\r\n"
    frame = quotes(text, {"quote": "Мы готовы", "speaker": "Иван Петров", "mention": "Иван Петров"})
    seen = []
    monkeypatch.setattr(quotextract.pipeline, "default_extractor", lambda: lambda t: seen.append(t) or frame)
    (tmp_path / "article.txt").write_bytes(text.encode("utf-8"))
    result = CliRunner().invoke(
        main, ["show", str(tmp_path / "article.txt"), "-o", str(tmp_path / "page.html")]
    )
    assert result.exit_code == 0, result.output
    assert seen == [text]  # read as written: CRLF kept
    page = (tmp_path / "page.html").read_text(encoding="utf-8")
    assert "<title>article.txt</title>" in page
    assert_exact(Page(page), text, frame)


@pytest.mark.parametrize("args", [[], ["-o", "-"]])
def test_cli_prints_to_stdout(tmp_path, monkeypatch, args):
    monkeypatch.setattr(quotextract.pipeline, "default_extractor", lambda: lambda t: empty_frame())
    (tmp_path / "a.txt").write_text("Текст <без> цитат.", encoding="utf-8")
    result = CliRunner().invoke(main, ["show", str(tmp_path / "a.txt"), *args])
    assert result.exit_code == 0
    assert result.output.startswith("<!DOCTYPE html>") and "Текст &lt;без&gt; цитат." in result.output


def test_cli_reads_stdin(monkeypatch):
    monkeypatch.setattr(quotextract.pipeline, "default_extractor", lambda: lambda t: empty_frame())
    result = CliRunner().invoke(main, ["show", "-"], input="Строка\r\n".encode("utf-8"))
    assert result.exit_code == 0 and "Строка&#13;\n" in result.output


def test_cli_unreadable_files_are_clean_errors(tmp_path):
    (tmp_path / "cp1251.txt").write_bytes("Привет".encode("cp1251"))
    cases = [
        (tmp_path / "missing.txt", "No such file or directory"),
        (tmp_path, "Is a directory"),
        (tmp_path / "cp1251.txt", "not UTF-8 text (invalid continuation byte at byte 0)"),
    ]
    for path, reason in cases:
        result = CliRunner().invoke(main, ["show", str(path)])
        assert result.exit_code == 1
        assert result.output == f"Error: cannot read {path}: {reason}\n"


def test_cli_unwritable_output_is_a_clean_error(tmp_path, monkeypatch):
    monkeypatch.setattr(quotextract.pipeline, "default_extractor", lambda: lambda t: empty_frame())
    (tmp_path / "a.txt").write_text("Текст.", encoding="utf-8")
    target = tmp_path / "no" / "page.html"
    result = CliRunner().invoke(main, ["show", str(tmp_path / "a.txt"), "-o", str(target)])
    assert result.exit_code == 1
    assert result.output == f"Error: cannot write {target}: No such file or directory\n"
