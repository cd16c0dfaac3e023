"""The worked example notebook runs top to bottom on the bundled articles, and is committed clean."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NOTEBOOK = EXAMPLES / "quotextract.ipynb"


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
    client.execute()
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
