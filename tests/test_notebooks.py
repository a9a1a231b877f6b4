"""Every notebook in notebooks/ runs from top to bottom without an error."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def run_notebook(path: Path) -> nbformat.NotebookNode:
    notebook = nbformat.read(path, as_version=4)
    # kernel "python3" is the ipykernel of the environment running the tests.
    client = NotebookClient(notebook, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOKS)}})
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


@pytest.fixture(scope="module")
def executed() -> dict[str, nbformat.NotebookNode]:
    return {path.name: run_notebook(path) for path in sorted(NOTEBOOKS.glob("*.ipynb"))}


def test_there_are_notebooks() -> None:
    assert sorted(path.name for path in NOTEBOOKS.glob("*.ipynb"))


def test_notebooks_run_without_errors(executed: dict[str, nbformat.NotebookNode]) -> None:
    for name, notebook in executed.items():
        for cell in notebook.cells:
            errors = [output for output in cell.get("outputs", []) if output.get("output_type") == "error"]
            assert not errors, f"{name}, cell {cell.get('id')}: {errors[0].get('ename')}: {errors[0].get('evalue')}"


def test_quickstart_finds_the_withdrawal(executed: dict[str, nbformat.NotebookNode]) -> None:
    notebook = executed["01-quickstart.ipynb"]
    (cell,) = [cell for cell in notebook.cells if "withdrawal" in cell.metadata.get("tags", [])]

    text = output_text(cell)

    assert "Collective Security Treaty Organization" in text
    assert "2012" in text


def test_quickstart_shows_the_network_inline(executed: dict[str, nbformat.NotebookNode]) -> None:
    notebook = executed["01-quickstart.ipynb"]
    last_code = [cell for cell in notebook.cells if cell.cell_type == "code"][-1]

    assert "<iframe srcdoc=" in output_text(last_code)
