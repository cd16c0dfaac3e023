"""The corpus report: one self-contained page, every text escaped; checked in headless Chromium."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from click.testing import CliRunner
from test_browser import browser  # noqa: F401  (the headless Chromium fixture)

import quotextract
from quotextract.cli import main
from quotextract.frame import COLUMNS, DTYPES

HOSTILE = '<script>window.qxInjected = 1</script> & "Кавычки" $x$'
WIRE = "Мы рассчитываем завершить строительство моста через реку до конца следующего года"


def corpus() -> pd.DataFrame:
    """Quotations of eight documents in two outlets over three months, by hand."""
    rows = [
        ("d1", "2024-01-10", "ТАСС", "Анна Смирнова", "f", WIRE),
        ("d1", "2024-01-10", "ТАСС", "Анна Смирнова", "f", "Бюджет города вырастет на десять процентов"),
        ("d2", "2024-01-12", "РИА", "Анна Смирнова", "f", WIRE + "."),
        ("d2", "2024-01-12", "РИА", "Олег Ким", "m", "Школу откроют к сентябрю, все работы идут по графику"),
        ("d3", "2024-02-03", "ТАСС", "Олег Ким", "m", "Дорогу отремонтируют летом"),
        ("d4", "2024-02-15", "РИА", HOSTILE, "m", f"Цитата с разметкой {HOSTILE}"),
        ("d5", "2024-03-01", "ТАСС", None, None, "Решение уже принято"),
        ("d6", "2024-03-02", HOSTILE, "Минфин", None, "Налоги не изменятся"),
        ("d7", "2024-03-05", "ТАСС", "Олег Ким", "m", "Мост откроют в мае"),
        ("d8", "2024-03-09", "РИА", "Анна Смирнова", "f", WIRE),
    ]
    records = [
        {
            "doc_id": doc,
            "quote": quote,
            "speaker": speaker,
            "speaker_type": None if speaker is None else ("ORG" if speaker == "Минфин" else "PER"),
            "speaker_gender": gender,
            "kind": "direct",
            "quote_start": 10 * i,
            "quote_end": 10 * i + len(quote),
            "rule": "quote_then_cue",
            "is_repeat": False,
        }
        for i, (doc, date, source, speaker, gender, quote) in enumerate(rows)
    ]
    frame = pd.DataFrame.from_records(records, columns=COLUMNS + ["doc_id"]).astype(DTYPES)
    frame.insert(0, "doc_id", frame.pop("doc_id").astype("string"))
    frame.insert(1, "date", [row[1] for row in rows])
    frame.insert(2, "source", pd.array([row[2] for row in rows], dtype="string"))
    return frame


def page(frame: pd.DataFrame | None = None, **options) -> str:
    return quotextract.report(corpus() if frame is None else frame, **options).html


# THE PAGE AS TEXT
def test_every_text_is_escaped():
    html = page()
    assert "<script>window.qxInjected" not in html
    assert "&lt;script&gt;window.qxInjected = 1&lt;/script&gt;" in html
    assert html.count("<script>") == 1  # the search, nothing else


def test_nothing_is_requested():
    html = page()
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", html)
    assert "@import" not in html
    assert re.findall(r"url\((.)", html) == ["#"] * html.count("url(")  # only the SVG's own clip paths


def test_sections_and_figures():
    html = page()
    for heading in (
        "Top speakers",
        "Women and men quoted",
        "Quotations per outlet",
        "Quotations in several documents",
        "All quotations",
    ):
        assert f"<h2>{heading}</h2>" in html
    assert re.findall(r'data-chart="(\w+)"', html) == ["speakers", "gender", "outlets"]
    assert "Women: 50.0% of 8 quotations with a known gender" in html


def test_without_date_and_source_the_sections_say_so():
    html = page(corpus().drop(columns=["date", "source"]))
    assert "no date column: the whole corpus" in html
    assert "No source column: extract with --keep-columns source." in html


def test_an_empty_table():
    html = page(quotextract.extract([], progress=False))
    assert "No named speaker." in html and 'id="qx-shown">0<' in html


def test_wrong_input():
    with pytest.raises(TypeError, match="expected DataFrame, got list"):
        quotextract.report([])


# THE COMMAND
@pytest.mark.parametrize("suffix", ["parquet", "csv", "jsonl"])
def test_cli_report(tmp_path, suffix):
    frame = corpus()
    source = tmp_path / f"q.{suffix}"
    if suffix == "parquet":
        frame.to_parquet(source)
    elif suffix == "csv":
        frame.to_csv(source, index=False)
    else:
        frame.to_json(source, orient="records", lines=True, force_ascii=False)
    result = CliRunner().invoke(main, ["report", str(source), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert html == page(frame)


def test_cli_unreadable(tmp_path):
    (tmp_path / "q.txt").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, ["report", str(tmp_path / "q.txt"), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 1
    assert "unknown quotes format" in result.output


# IN A BROWSER
COUNTS = """
const count = (selector) => document.querySelectorAll(selector).length;
const charts = [...document.querySelectorAll("figure.qx-chart")].map((figure) => {
  const svg = figure.querySelector("svg"), box = svg.getBoundingClientRect();
  return {name: figure.dataset.chart, width: box.width, height: box.height,
          shapes: svg.querySelectorAll("path, rect, use").length, text: svg.textContent};
});
return {quotes: count("#qx-quotes tbody tr"), speakers: count("#qx-speakers tbody tr"),
        outlets: count("#qx-outlets tbody tr"), clusters: count("#qx-clusters tbody tr"),
        shown: document.getElementById("qx-shown").textContent, charts: charts,
        injected: window.qxInjected === undefined};
"""


def open_page(browser, tmp_path, frame):  # noqa: F811
    path = quotextract.report(frame).save(tmp_path / "report.html")
    browser.get(path.as_uri())
    return browser.execute_script(COUNTS)


def test_in_chromium(browser, tmp_path):  # noqa: F811
    frame = corpus()
    seen = open_page(browser, tmp_path, frame)
    errors = [entry for entry in browser.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]
    assert errors == []
    assert seen["injected"]
    assert seen["quotes"] == len(frame) and seen["shown"] == str(len(frame))
    assert seen["speakers"] == len(quotextract.speakers(frame))
    assert seen["outlets"] == frame["source"].nunique()
    assert seen["clusters"] == len(quotextract.clusters(frame)) == 1
    for chart in seen["charts"]:
        assert chart["width"] > 150 and chart["height"] > 100, chart
        assert chart["shapes"] >= 3, chart
    speakers_chart = next(chart for chart in seen["charts"] if chart["name"] == "speakers")
    assert "Анна Смирнова" in speakers_chart["text"] and "<script>" in speakers_chart["text"]


def test_search_in_chromium(browser, tmp_path):  # noqa: F811
    frame = corpus()
    open_page(browser, tmp_path, frame)
    box = browser.find_element("id", "qx-search")
    for query, expected in (("смирнова", 4), ("МОСТ", 4), ("нет такого", 0), ("", len(frame))):
        box.clear()
        box.send_keys(query or " ")
        visible = browser.execute_script(
            "return [...document.querySelectorAll('#qx-quotes tbody tr')].filter((r) => !r.hidden).length"
        )
        shown = browser.find_element("id", "qx-shown").text
        assert (visible, shown) == (expected, str(expected)), query
