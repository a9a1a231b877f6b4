"""Run one relation construction alone over a parsed text."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest

from kg.extraction.core import Extractor
from kg.extraction.document import Layout
from kg.extraction.entities import DocumentEntities
from kg.extraction.lexicon import Lexicon
from kg.extraction.sentence import Sentence
from kg.gazetteer import Gazetteer

#: The publication date used unless a test gives another: Thursday 14 March 2024.
DOCUMENT_DATE = datetime.date(2024, 3, 14)

Statement = tuple[str, str, str, str, str | None]


def _time(relation) -> str | None:
    time = relation.time
    if time is None or not time.values:
        return None
    return time.point if time.point is not None else f"{time.start or ''}..{time.end or ''}"


@pytest.fixture(scope="session")
def run_construction(nlp) -> Callable[..., set[Statement]]:
    """A function giving the statements one construction reads in a text, and nothing else.

    The text goes through the whole pipeline for its entities; then only the
    given construction runs, sentence by sentence, on a fresh extractor.
    """
    gazetteer, lexicon = Gazetteer.load(), Lexicon.load()

    def run(construction, text: str, date: datetime.date = DOCUMENT_DATE) -> set[Statement]:
        doc = nlp.make_doc(text)
        doc._.geokg_document_date = date.isoformat()
        doc = nlp(doc)
        layout = dict(doc._.geokg_layout_data or {})
        home = layout.pop("home", None)
        found = DocumentEntities(dict(doc._.geokg_entities), list(doc._.geokg_mentions), Layout(**layout), home)
        extractor = Extractor(doc, found, gazetteer, lexicon, 0.0, "t", date)
        statements: set[Statement] = set()
        for sent in doc.sents:
            sentence = Sentence(sent, found, date)
            for relation in construction(extractor, sentence, set()):
                statements.add(
                    (relation.subject.key, relation.predicate, relation.object.key, relation.modality, _time(relation))
                )
        for relation in extractor.titles.finish():  # titles that waited for the whole document
            statements.add(
                (relation.subject.key, relation.predicate, relation.object.key, relation.modality, _time(relation))
            )
        return statements

    return run
