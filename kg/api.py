"""The public entry points: from texts or files to records and graphs."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from kg.errors import ExtractionError, GeoKGError, InputError, InputWarning
from kg.nlp.pipeline import load_pipeline
from kg.records import Document, Entity, Mention, Relation

__all__ = ["build_graph", "extract", "extract_mentions", "load_pipeline", "as_documents"]

logger = logging.getLogger(__name__)


def as_documents(inputs: Iterable[str | Path | Document], *, date: date | None = None,
                 on_error: Callable[[InputError], None] | None = None,
                 on_warning: Callable[[InputWarning], None] | None = None) -> Iterator[Document]:
    """Turn texts, paths and documents into :class:`~kg.records.Document` records.

    A :class:`~pathlib.Path`, or a one-line string naming an existing file or
    directory, is read with :func:`kg.readers.read_documents`; any other string
    is a text whose id is a hash of its content. Ids are unique across all the
    inputs: a later document with an id already seen is skipped and reported,
    never merged into the earlier one.
    """
    from kg.readers import _documents, _reporter, _unique_id, _warner

    if isinstance(inputs, (str, Path, Document)):
        inputs = [inputs]
    report, warn = _reporter(on_error), _warner(on_warning)
    first_seen: dict[str, str] = {}
    for number, item in enumerate(inputs, start=1):
        if isinstance(item, Document):
            if _unique_id(item, f"document {item.id!r} (input {number})", first_seen, report):
                yield item
        elif isinstance(item, Path) or _names_existing_path(item):
            yield from _documents([item], date, report, warn, first_seen)
        else:
            if not item.strip():
                report(InputError(f"input {number}: empty text given as a document; "
                                  "pass text with at least one sentence"))
                continue
            digest = hashlib.sha1(item.encode("utf-8")).hexdigest()[:12]
            document = Document(id=f"text-{digest}", text=item, date=date)
            if _unique_id(document, f"text of input {number}", first_seen, report):
                yield document


def _names_existing_path(text: str) -> bool:
    """True when a string is a file or directory name rather than a text.

    An empty string is a (bad) text, not the current directory; a one-line text
    too long to be a file name is a text, not an error.
    """
    if not text.strip() or "\n" in text or len(text) >= 1024:
        return False
    try:
        return Path(text).exists()
    except (OSError, ValueError):  # e.g. "File name too long"
        return False


def _parsed(documents: list[Document], nlp: Any, batch_size: int, n_process: int):
    """The spaCy documents of ``documents``, with their ids and dates set."""

    def prepared():
        for document in documents:
            doc = nlp.make_doc(document.text)
            doc._.geokg_document_id = document.id
            doc._.geokg_document_date = document.date.isoformat() if document.date else None
            yield doc

    return zip(documents, nlp.pipe(prepared(), batch_size=batch_size, n_process=n_process))


def _isolated(documents: list[Document], nlp: Any, batch_size: int, n_process: int,
              results: Callable[[Any], Any], on_error: Callable[[GeoKGError], None] | None):
    """Yield ``(document, results(doc))``; a document the pipeline fails on is reported and skipped.

    Batches run through ``nlp.pipe``; when one fails, its documents are run one
    by one so that only the document at fault is lost, and the rest of the
    input goes on in batches.
    """
    position = 0
    while position < len(documents):
        remaining = documents[position:]
        try:
            for document, doc in _parsed(remaining, nlp, batch_size, n_process):
                outcome = results(doc)
                position += 1
                yield document, outcome
            return
        except Exception as error:  # noqa: BLE001 - any failure is one document's, reported below
            if on_error is None and len(remaining) == 1:
                raise _extraction_error(remaining[0], error) from error
            logger.debug("a batch failed (%s); running its documents one by one", error)
        for document in documents[position:position + batch_size]:
            position += 1
            try:
                ((_, doc),) = _parsed([document], nlp, 1, 1)
                outcome = results(doc)
            except Exception as error:  # noqa: BLE001
                problem = _extraction_error(document, error)
                if on_error is None:
                    raise problem from error
                problem.__cause__ = error
                on_error(problem)
                continue
            yield document, outcome


def _extraction_error(document: Document, error: Exception) -> ExtractionError:
    detail = " ".join(str(error).split())[:200] or type(error).__name__
    return ExtractionError(
        f"document {document.id!r}: extraction failed ({type(error).__name__}: {detail}); the "
        "document was skipped; this is a fault in geokg or its pipeline: run with -v and report the traceback")


def extract_mentions(documents: Iterable[Document], nlp: Any = None, *, batch_size: int = 32,
                     n_process: int = 1, on_error: Callable[[GeoKGError], None] | None = None
                     ) -> Iterator[tuple[str, Mention, Entity]]:
    """Run the pipeline; yield each entity mention as (document id, mention, entity).

    A document the pipeline fails on is handed to `on_error` as an
    :class:`~kg.errors.ExtractionError` and skipped; without `on_error` it is raised.
    """
    nlp = nlp or load_pipeline()

    def mentions(doc):
        entities = doc._.geokg_entities or {}
        return [(mention, entities[mention.entity_key]) for mention in doc._.geokg_mentions]

    for document, found in _isolated(list(documents), nlp, batch_size, n_process, mentions, on_error):
        for mention, entity in found:
            yield document.id, mention, entity


def extract(documents: Iterable[Document], nlp: Any = None, *, batch_size: int = 32,
            n_process: int = 1, on_error: Callable[[GeoKGError], None] | None = None
            ) -> Iterator[tuple[Document, tuple[Relation, ...]]]:
    """Run the pipeline over documents; yield each with its relations.

    A document the pipeline fails on is handed to `on_error` as an
    :class:`~kg.errors.ExtractionError` and skipped, so one bad document never
    costs the others; without `on_error` the error is raised.

    Examples
    --------
    >>> from kg.records import Document
    >>> doc = Document("d1", "Tashkent pulled out of the CSTO in 2012.")
    >>> [(r.subject.label, r.predicate, r.object.label) for _, rs in extract([doc]) for r in rs][0]  # doctest: +SKIP
    ('Uzbekistan', 'withdrewFrom', 'Collective Security Treaty Organization')
    """
    nlp = nlp or load_pipeline()
    yield from _isolated(list(documents), nlp, batch_size, n_process,
                         lambda doc: tuple(doc._.geokg_relations), on_error)


def build_graph(inputs: Iterable[str | Path | Document] | str | Path, *, date: date | None = None,
                model: str | None = None, nlp: Any = None, graph=None,
                on_error: Callable[[GeoKGError], None] | None = None,
                on_warning: Callable[[InputWarning], None] | None = None):
    """Build a knowledge graph from texts, files or documents.

    Parameters
    ----------
    inputs
        Texts, paths of .txt/.jsonl files or directories, or Document records.
    date
        Publication date for inputs that carry none (anchors "on Tuesday").
    model
        spaCy pipeline package to use; the best installed one by default.
    nlp
        An already loaded pipeline (from :func:`load_pipeline`), to reuse.
    graph
        A :class:`~kg.graph.store.KnowledgeGraph` to add to; a new one by default.
    on_error
        Called with each bad input or document the pipeline fails on (an
        :class:`~kg.errors.InputError` or :class:`~kg.errors.ExtractionError`), which is then
        skipped; by default the error is raised.
    on_warning
        Called with each :class:`~kg.errors.InputWarning` (an input read with a loss, or
        deliberately not read); by default warnings are logged.

    Returns
    -------
    KnowledgeGraph

    Examples
    --------
    >>> graph = build_graph(["Tashkent pulled out of the CSTO in 2012."])  # doctest: +SKIP
    >>> graph.query("SELECT ?o WHERE { gke:uzbekistan gkg:withdrewFrom ?o }")  # doctest: +SKIP
    """
    import kg
    from kg.graph.store import KnowledgeGraph

    knowledge_graph = graph if graph is not None else KnowledgeGraph()
    documents = list(as_documents(inputs, date=date, on_error=on_error, on_warning=on_warning))
    for document, relations in extract(documents, nlp or load_pipeline(model), on_error=on_error):
        knowledge_graph.add(document, relations, kg.__version__)
    return knowledge_graph
