"""Every notebook in notebooks/ runs from top to bottom, uses only the public API, and shows what it says."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
EXPECTED = ["01-quickstart.ipynb", "02-sparql-cookbook.ipynb", "03-network-analysis.ipynb", "04-corpus.ipynb"]


def run_notebook(path: Path) -> nbformat.NotebookNode:
    notebook = nbformat.read(path, as_version=4)
    # kernel "python3" is the ipykernel of the environment running the tests.
    client = NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}
    )
    client.execute()
    return notebook


def output_text(cell: nbformat.NotebookNode) -> str:
    parts = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            parts.append(output.get("text", ""))
        for mime in ("text/plain", "text/html"):
            parts.append(output.get("data", {}).get(mime, ""))
    return "\n".join(parts)


def tagged(notebook: nbformat.NotebookNode, tag: str) -> list[nbformat.NotebookNode]:
    return [cell for cell in notebook.cells if tag in cell.metadata.get("tags", [])]


@pytest.fixture(scope="module")
def executed() -> dict[str, nbformat.NotebookNode]:
    return {path.name: run_notebook(path) for path in sorted(NOTEBOOKS.glob("*.ipynb"))}


def test_the_notebooks_are_in_the_repository_without_outputs() -> None:
    assert sorted(path.name for path in NOTEBOOKS.glob("*.ipynb")) == EXPECTED
    for name in EXPECTED:
        notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
        nbformat.validate(notebook)
        for cell in notebook.cells:
            if cell.cell_type == "code":
                assert cell.outputs == [] and cell.execution_count is None, (name, cell.id)


def test_the_notebooks_use_only_the_public_api() -> None:
    import kg

    for name in EXPECTED:
        notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
        code = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
        assert not re.search(r"^\s*(from kg\b|import kg\.)", code, re.M), name
        for attribute in re.findall(r"\bkg\.(\w+)", code):
            assert attribute in kg.__all__, (name, attribute)
        assert not re.search(r"\._(?!_)", code), name  # no private names


def test_notebooks_run_without_errors(executed: dict[str, nbformat.NotebookNode]) -> None:
    assert sorted(executed) == EXPECTED
    for name, notebook in executed.items():
        for cell in notebook.cells:
            errors = [output for output in cell.get("outputs", []) if output.get("output_type") == "error"]
            assert not errors, f"{name}, cell {cell.get('id')}: {errors[0].get('ename')}: {errors[0].get('evalue')}"


def test_quickstart_shows_the_summary_the_withdrawal_and_the_view(executed: dict[str, nbformat.NotebookNode]) -> None:
    notebook = executed["01-quickstart.ipynb"]
    (summary,) = tagged(notebook, "summary")
    (withdrawal,) = tagged(notebook, "withdrawal")
    last_code = [cell for cell in notebook.cells if cell.cell_type == "code"][-1]

    assert "<b>KnowledgeGraph</b>: 1 documents" in output_text(summary)
    assert "<td>Country</td>" in output_text(summary)
    assert "Collective Security Treaty Organization" in output_text(withdrawal)
    assert "2012" in output_text(withdrawal)
    assert "<iframe srcdoc=" in output_text(last_code)


def test_cookbook_runs_every_named_query(executed: dict[str, nbformat.NotebookNode]) -> None:
    import kg

    notebook = executed["02-sparql-cookbook.ipynb"]
    code = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
    for name in kg.named_queries():
        assert f'named_query("{name}"' in code, name
    (catalogue,) = tagged(notebook, "catalogue")
    assert all(f"{name}: " in output_text(catalogue) for name in kg.named_queries())
    (withdrawals,) = tagged(notebook, "withdrawals")
    assert "Economic Community of West African States" in output_text(withdrawals)


def test_network_analysis_draws_its_plots(executed: dict[str, nbformat.NotebookNode]) -> None:
    notebook = executed["03-network-analysis.ipynb"]
    plots = tagged(notebook, "plot")

    assert len(plots) == 4
    for cell in plots:
        assert any("image/png" in output.get("data", {}) for output in cell.outputs), cell.id


def test_corpus_notebook_shows_the_views_and_the_time_window(executed: dict[str, nbformat.NotebookNode]) -> None:
    notebook = executed["04-corpus.ipynb"]

    for tag in ("view", "country-view", "focus-view"):
        (cell,) = tagged(notebook, tag)
        assert "<iframe srcdoc=" in output_text(cell), tag
    (focus,) = tagged(notebook, "focus-view")
    assert "Focused on Armenia (2 hops)" in output_text(focus)
    (as_of,) = tagged(notebook, "as-of")
    lines = output_text(as_of).splitlines()
    assert "'Economic Community of West African States': ['Burkina Faso', 'Mali', 'Niger']" in lines[0]
    assert "Economic Community of West African States" not in lines[1]
