"""The public entry points: from texts or files to records and graphs."""

from __future__ import annotations

import hashlib
import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from kg.errors import ExtractionError, GeoKGError, InputError, InputWarning
from kg.nlp.pipeline import load_pipeline
from kg.records import Document, Entity, Mention, Relation

__all__ = ["build_graph", "extract", "extract_mentions", "load_pipeline", "as_documents"]

logger = logging.getLogger(__name__)


def as_documents(
    inputs: Iterable[str | Path | Document],
    *,
    date: date | None = None,
    on_error: Callable[[InputError], None] | None = None,
    on_warning: Callable[[InputWarning], None] | None = None,
    options=None,
) -> Iterator[Document]:
    """Turn texts, paths, URLs and documents into :class:`~kg.records.Document` records.

    A :class:`~pathlib.Path`, an http(s) URL, or a one-line string naming an
    existing file or directory, is read with :func:`kg.readers.read_documents`
    (``options``, a :class:`kg.sources.SourceOptions`, says how to read pages,
    feeds, tables and URLs); any other string is a text whose id is a hash of
    its content. Ids are unique across all the inputs: a later document with an
    id already seen is skipped and reported, never merged into the earlier one.
    """
    from kg.readers import _documents, _reporter, _unique_id, _warner
    from kg.sources import is_url

    if isinstance(inputs, (str, Path, Document)):
        inputs = [inputs]
    report, warn = _reporter(on_error), _warner(on_warning)
    first_seen: dict[str, str] = {}
    for number, item in enumerate(inputs, start=1):
        if isinstance(item, Document):
            if _unique_id(item, f"document {item.id!r} (input {number})", first_seen, report):
                yield item
        elif isinstance(item, Path) or is_url(item) or _names_existing_path(item):
            yield from _documents([item], date, report, warn, first_seen, options)
        else:
            if not item.strip():
                report(
                    InputError(f"input {number}: empty text given as a document; pass text with at least one sentence")
                )
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


def _parsed(
    documents: Iterable[Document], nlp: Any, batch_size: int, n_process: int, waiting: deque | None = None
) -> Iterator[tuple[Document, list[tuple[int, Any]]]]:
    """Each document with its spaCy documents and their offsets, streaming, in order.

    A text longer than the pipeline takes at once is parsed in pieces
    (:func:`kg.nlp.chunks.text_chunks`); the offset of each piece in the whole
    text comes with it. The pieces come as an iterator, to be read before the
    next document is asked for. ``waiting`` (a deque) holds the documents
    taken from ``documents`` and not yet yielded, with their offsets.
    """
    from kg.nlp.chunks import chunk_limit, text_chunks

    limit = chunk_limit(nlp)
    waiting = deque() if waiting is None else waiting

    def prepared():
        for document in documents:
            offsets: list[int] = []
            waiting.append((document, offsets))  # before anything can fail on it
            pieces = text_chunks(document.text, limit)
            offsets.extend(offset for offset, _ in pieces)
            for _, piece in pieces:
                doc = nlp.make_doc(piece)
                doc._.geokg_document_id = document.id
                doc._.geokg_document_date = document.date.isoformat() if document.date else None
                yield doc

    parsed = iter(nlp.pipe(prepared(), batch_size=batch_size, n_process=n_process))
    for first in parsed:
        document, offsets = waiting.popleft()
        pieces = _pieces([first], parsed, offsets)
        del first  # held by ``pieces`` only, so that it is freed once read
        yield document, pieces
        for _ in pieces:  # pieces the caller left unread: the next document starts after them
            pass


def _pieces(first: list, parsed: Iterator, offsets: list[int]) -> Iterator[tuple[int, Any]]:
    """A document's parsed pieces with their offsets, taken from the pipeline one at a time.

    A long text is many pieces; reading them one by one keeps one parsed piece
    in memory rather than all of them.
    """
    yield offsets[0], first.pop()
    for offset in offsets[1:]:
        yield offset, next(parsed)


def _isolated(
    documents: Iterable[Document],
    nlp: Any,
    batch_size: int,
    n_process: int,
    results: Callable[[Document, list[tuple[int, Any]]], Any],
    on_error: Callable[[GeoKGError], None] | None,
) -> Iterator[tuple[Document, Any]]:
    """Yield ``(document, results(document, pieces))``, streaming; a document the pipeline fails on is
    reported and skipped.

    Documents run through ``nlp.pipe`` in batches. When a batch fails, the
    documents taken in but not yet done are run one by one, so that only the
    document at fault is lost; then the rest of the input goes on in batches.
    """
    source = iter(documents)
    while True:
        waiting: deque = deque()
        current = None
        try:
            for document, pieces in _parsed(source, nlp, batch_size, n_process, waiting):
                current = document
                outcome = results(document, pieces)
                current = None
                yield document, outcome
            return
        except Exception as error:  # noqa: BLE001 - one document's fault, found and reported below
            logger.debug("a batch failed (%s); running its documents one by one", error)
        suspects = ([current] if current is not None else []) + [document for document, _ in waiting]
        for document in suspects:
            try:
                for _, pieces in _parsed([document], nlp, 1, 1):
                    outcome = results(document, pieces)
            except Exception as error:  # noqa: BLE001 - reported as this document's failure
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
        f"document {document.id!r}: extraction failed ({type(error).__name__}: {detail}); the document "
        "was skipped; this is a fault in geokg or its pipeline: run with -v and report the traceback"
    )


def extract_mentions(
    documents: Iterable[Document],
    nlp: Any = None,
    *,
    batch_size: int = 32,
    n_process: int = 1,
    on_error: Callable[[GeoKGError], None] | None = None,
) -> Iterator[tuple[str, Mention, Entity]]:
    """Run the pipeline; yield each entity mention as (document id, mention, entity).

    A document the pipeline fails on is handed to `on_error` as an
    :class:`~kg.errors.ExtractionError` and skipped; without `on_error` it is raised.
    """
    from kg.nlp.chunks import shifted

    def mentions(document, pieces):
        found = []
        for offset, doc in pieces:
            entities = doc._.geokg_entities or {}
            breaks = doc._.geokg_text_breaks
            found.extend((shifted(m, offset, breaks), entities[m.entity_key]) for m in doc._.geokg_mentions)
        return found

    nlp = nlp or load_pipeline()
    for document, found in _isolated(documents, nlp, batch_size, n_process, mentions, on_error):
        for mention, entity in found:
            yield document.id, mention, entity


def extract(
    documents: Iterable[Document],
    nlp: Any = None,
    *,
    batch_size: int = 32,
    n_process: int = 1,
    on_error: Callable[[GeoKGError], None] | None = None,
) -> Iterator[tuple[Document, tuple[Relation, ...]]]:
    """Run the pipeline over documents; yield each with its relations, as each is done.

    A document the pipeline fails on is handed to `on_error` as an
    :class:`~kg.errors.ExtractionError` and skipped, so one bad document never
    costs the others; without `on_error` the error is raised.

    Documents are read from ``documents`` as the pipeline needs them, so a
    generator streams through in constant memory. A text longer than the
    pipeline's ``max_length`` is parsed in pieces cut between paragraphs or
    sentences; the relations' character offsets count from the start of the
    whole text as given. The parser reads the text with runs of spaces made
    one and scraper debris ("#39;s") repaired (:mod:`kg.nlp.readable`), so a
    relation's evidence is its sentence as read, and its offsets are those of
    the sentence in the text as given.

    Examples
    --------
    >>> from kg.records import Document
    >>> doc = Document("d1", "Tashkent pulled out of the CSTO in 2012.")
    >>> [(r.subject.label, r.predicate, r.object.label) for _, rs in extract([doc]) for r in rs][0]  # doctest: +SKIP
    ('Uzbekistan', 'withdrewFrom', 'Collective Security Treaty Organization')
    """
    from kg.nlp.chunks import shifted

    def relations(document, pieces):
        return tuple(
            shifted(relation, offset, doc._.geokg_text_breaks)
            for offset, doc in pieces
            for relation in doc._.geokg_relations
        )

    nlp = nlp or load_pipeline()
    yield from _isolated(documents, nlp, batch_size, n_process, relations, on_error)


def build_graph(
    inputs: Iterable[str | Path | Document] | str | Path,
    *,
    date: date | None = None,
    model: str | None = None,
    nlp: Any = None,
    graph=None,
    store: str | Path | None = None,
    on_error: Callable[[GeoKGError], None] | None = None,
    on_warning: Callable[[InputWarning], None] | None = None,
):
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
    store
        Directory of a persistent store to build into instead (created if
        needed): documents stream through and unchanged ones are skipped
        (:func:`kg.ingest.build_store`). The store is returned open for
        writing; close it to let other processes use it.
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
        A :class:`~kg.graph.persistent.PersistentGraph` when ``store`` is given.

    Examples
    --------
    >>> graph = build_graph(["Tashkent pulled out of the CSTO in 2012."])  # doctest: +SKIP
    >>> graph.query("SELECT ?o WHERE { gke:uzbekistan gkg:withdrewFrom ?o }")  # doctest: +SKIP
    """
    import kg
    from kg.graph.store import KnowledgeGraph

    if store is not None:
        from kg.graph.persistent import PersistentGraph
        from kg.ingest import build_store

        persistent = PersistentGraph.open(store)
        try:
            build_store(
                as_documents(inputs, date=date, on_error=on_error, on_warning=on_warning),
                persistent,
                model=model,
                nlp=nlp,
            )
        except BaseException:
            persistent.close()
            raise
        return persistent
    knowledge_graph = graph if graph is not None else KnowledgeGraph()
    documents = list(as_documents(inputs, date=date, on_error=on_error, on_warning=on_warning))
    for document, relations in extract(documents, nlp or load_pipeline(model), on_error=on_error):
        knowledge_graph.add(document, relations, kg.__version__)
    return knowledge_graph
