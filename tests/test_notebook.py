"""The worked example notebook runs top to bottom on the bundled articles, and is committed clean."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NOTEBOOK = EXAMPLES / "quotextract.ipynb"
DOCS = "60"  # documents of the corpus views section: enough to show them, fast enough to test


def test_committed_without_outputs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, (
                f"clear the outputs of: {cell.source[:60]!r}"
            )


def _outputs(cell, mime: str) -> list[str]:
    return [output["data"][mime] for output in cell.outputs if mime in output.get("data", {})]


@pytest.fixture(scope="module")
def executed():
    from nbclient import NotebookClient

    notebook = nbformat.read(NOTEBOOK, as_version=4)
    # kernel "python3": jupyter_client starts it with this interpreter (sys.executable)
    client = NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(EXAMPLES)}}
    )
    previous = os.environ.get("QUOTEXTRACT_EXAMPLE_DOCS")
    os.environ["QUOTEXTRACT_EXAMPLE_DOCS"] = DOCS  # the kernel inherits it
    try:
        client.execute()
    finally:
        if previous is None:
            del os.environ["QUOTEXTRACT_EXAMPLE_DOCS"]
        else:
            os.environ["QUOTEXTRACT_EXAMPLE_DOCS"] = previous
    return notebook


def test_notebook_runs_and_shows_an_article(executed):
    html = [
        text for cell in executed.cells if cell.cell_type == "code" for text in _outputs(cell, "text/html")
    ]
    page = [text for text in html if 'class="qx-text"' in text]
    assert len(page) == 1 and "Касым-Жомарт Токаев" in page[0]


def test_notebook_speakers_table_and_chart(executed):
    code = [cell for cell in executed.cells if cell.cell_type == "code"]
    table = next(cell for cell in code if cell.source.startswith("table = quotextract.speakers"))
    assert "n_quotes" in _outputs(table, "text/html")[0]
    assert any(_outputs(cell, "image/png") for cell in code), "no chart"
    errors = [output for cell in code for output in cell.outputs if output.output_type == "error"]
    assert errors == []


def _cell(executed, start: str):
    return next(cell for cell in executed.cells if cell.cell_type == "code" and cell.source.startswith(start))


def _text(cell) -> str:
    return "".join(output.get("text", "") for output in cell.outputs)


def test_notebook_corpus_views(executed):
    loaded = _text(_cell(executed, "import os"))
    assert loaded.startswith(f"{DOCS} documents from ") or loaded.startswith(
        "10 documents from sample-news.jsonl"
    )
    who = _outputs(_cell(executed, "who = quotextract.speakers(news)"), "text/html")[0]
    assert all(column in who for column in ("gender", "role", "affiliation", "n_outlets"))
    assert "people" in _outputs(_cell(executed, "people = once"), "text/html")[0]
    assert "n_docs" in _outputs(_cell(executed, "quotextract.clusters(news)"), "text/html")[0]
    assert "quotextract-report.html: " in _text(_cell(executed, "page = quotextract.report"))


def test_sample_corpus_runs_without_the_benchmark():
    """The bundled sample alone (a clone without ../shared): invented articles with dates and outlets."""
    import pandas as pd

    import quotextract

    corpus = pd.read_json(EXAMPLES / "sample-news.jsonl", lines=True, dtype={"id": str, "date": str})
    news = quotextract.extract(corpus, keep_columns=["date", "source"], progress=False)
    assert news["is_repeat"].sum() >= 1
    assert set(quotextract.speakers(news, by="month")["month"]) == {"2024-01", "2024-02", "2024-03"}
    assert quotextract.clusters(news)["n_docs"].max() >= 3
