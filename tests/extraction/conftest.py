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
    return (relation.subject.key, relation.predicate, relation.object.key, relation.modality, time_value(relation.time))


class _Recording:
    """The session pipeline, keeping the spaCy documents it parses (read by :func:`parse`)."""

    def __init__(self, nlp):
        self._nlp = nlp
        self.docs: list = []

    def __getattr__(self, name):
        return getattr(self._nlp, name)

    def pipe(self, docs, **options):
        for doc in self._nlp.pipe(docs, **options):
            self.docs.append(doc)
            yield doc


@pytest.fixture(scope="session")
def extracted(nlp) -> Callable[..., tuple[tuple[Relation, ...], list]]:
    """Return a function giving the relations and the spaCy documents of one text and date.

    Each text is parsed once in the session, by the public :func:`kg.api.extract`; the
    relations and the parse are cached per text and date for every test that asks again.
    """
    cache: dict[tuple[str, str], tuple[tuple[Relation, ...], list] | TimeoutError] = {}

    def extracted_from(text: str, date: str | None = None) -> tuple[tuple[Relation, ...], list]:
        date = date or DOCUMENT_DATE
        if (text, date) not in cache:
            document = Document("t", text, datetime.date.fromisoformat(date))
            recording = _Recording(nlp)
            try:
                with time_limit(EXTRACTION_TIME_LIMIT, text):
                    [(_, relations)] = list(extract([document], recording))
            except TimeoutError as error:
                cache[text, date] = error
            else:
                cache[text, date] = (relations, recording.docs)
        result = cache[text, date]
        if isinstance(result, TimeoutError):
            raise result
        return result

    return extracted_from


@pytest.fixture(scope="session")
def extract_relations(extracted) -> Callable[..., tuple[Relation, ...]]:
    """Return a function giving the relation records of one text, cached per text and date."""

    def relations_of(text: str, date: str | None = None) -> tuple[Relation, ...]:
        return extracted(text, date)[0]

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
def parse(extracted) -> Callable[[str], object]:
    """Return a function giving the parse of one short text (the same parse its relations come from)."""

    def parsed(text: str):
        [doc] = extracted(text)[1]
        return doc

    return parsed
