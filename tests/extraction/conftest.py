"""Fixtures for extraction tests: run the shared pipeline over one short document."""

from __future__ import annotations

import datetime
import signal
from collections.abc import Callable
from contextlib import contextmanager

import pytest

from kg.api import extract
from kg.records import Document, Relation, TimeSpan

#: The publication date used unless a test gives another: Thursday 14 March 2024.
DOCUMENT_DATE = "2024-03-14"

#: Seconds one short document may take; a sentence that hangs the extractor fails its test.
EXTRACTION_TIME_LIMIT = 10

Statement = tuple[str, str, str, str, str | None]


@contextmanager
def time_limit(seconds: int, text: str):
    """Raise TimeoutError when the body runs longer than ``seconds`` (where SIGALRM exists)."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def interrupt(signum, frame):
        raise TimeoutError(f"extracting from {text!r} took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def time_value(time: TimeSpan | None) -> str | None:
    """Return a time span as one comparable string.

    A point in time is its ISO value (``"2024-03-12"``); a period is
    ``"start..end"`` with an open side left empty (``"2004.."``, ``"..2005"``).
    """
    if time is None or not time.values:
        return None
    if time.point is not None:
        return time.point
    return f"{time.start or ''}..{time.end or ''}"


def statement(relation: Relation) -> Statement:
    """Return the (subject, predicate, object, modality, time) tuple of a relation."""
    return (relation.subject.key, relation.predicate, relation.object.key, relation.modality,
            time_value(relation.time))


@pytest.fixture(scope="session")
def extract_relations(nlp) -> Callable[..., tuple[Relation, ...]]:
    """Return a function giving the relation records of one text, cached per text and date."""
    cache: dict[tuple[str, str], tuple[Relation, ...] | TimeoutError] = {}

    def relations_of(text: str, date: str | None = None) -> tuple[Relation, ...]:
        date = date or DOCUMENT_DATE
        if (text, date) not in cache:
            document = Document("t", text, datetime.date.fromisoformat(date))
            try:
                with time_limit(EXTRACTION_TIME_LIMIT, text):
                    [(_, relations)] = list(extract([document], nlp))
            except TimeoutError as error:
                cache[text, date] = error
            else:
                cache[text, date] = relations
        result = cache[text, date]
        if isinstance(result, TimeoutError):
            raise result
        return result

    return relations_of


@pytest.fixture(scope="session")
def statement_of() -> Callable[[Relation], Statement]:
    """Return the function turning a relation record into its statement tuple."""
    return statement


@pytest.fixture(scope="session")
def statements(extract_relations) -> Callable[..., set[Statement]]:
    """Return a function giving the statement tuples of one text."""

    def statements_of(text: str, date: str | None = None) -> set[Statement]:
        return {statement(relation) for relation in extract_relations(text, date)}

    return statements_of


@pytest.fixture(scope="session")
def parse(nlp) -> Callable[[str], object]:
    """Return a function running the pipeline over one text (no document id or date set)."""
    cache: dict[str, object] = {}

    def parsed(text: str):
        if text not in cache:
            with time_limit(EXTRACTION_TIME_LIMIT, text):
                cache[text] = nlp(text)
        return cache[text]

    return parsed
