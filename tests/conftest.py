"""Shared fixtures: the spaCy pipeline and the graph of the example article, built once."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import kg

REPOSITORY = Path(__file__).resolve().parent.parent
EXAMPLE_ARTICLE = REPOSITORY / "examples" / "uzbekistan-us-defence-2023.txt"
EXAMPLE_DATE = datetime.date(2023, 9, 27)


@pytest.fixture(scope="session")
def nlp():
    """The default geokg pipeline, loaded once for the whole test session."""
    return kg.load_pipeline()


@pytest.fixture(scope="session")
def example_graph(nlp) -> kg.KnowledgeGraph:
    """The graph of the example article, published on 2023-09-27 (document id = file stem).

    Shared by many tests: treat it as read-only.
    """
    return kg.build_graph([EXAMPLE_ARTICLE], date=EXAMPLE_DATE, nlp=nlp)


@pytest.fixture
def fixed_extraction(monkeypatch) -> list:
    """`kg eval` with the pipeline replaced: the test appends the statements to return.

    Each document gets the statements whose ``document_id`` is its id.
    """
    import kg.api

    statements: list = []

    def extract(documents, nlp):
        for document in documents:
            yield document, [s for s in statements if s.document_id == document.id]

    monkeypatch.setattr(kg, "load_pipeline", lambda model=None: None)
    monkeypatch.setattr(kg.api, "extract", extract)
    return statements


@pytest.fixture
def shared_pipeline(monkeypatch: pytest.MonkeyPatch, nlp) -> None:
    """Let commands run in-process reuse the session's pipeline instead of loading their own."""
    real_load_pipeline = kg.load_pipeline

    def load_pipeline(model: str | None = None, **options):
        return nlp if model is None and not options else real_load_pipeline(model, **options)

    monkeypatch.setattr(kg, "load_pipeline", load_pipeline)
