"""Streaming ingestion: documents in, committed to a store one by one as they finish.

:func:`build_store` reads documents lazily, skips those whose content hash the
store already holds, sends the rest through the pipeline in batches (in this
process, in ``workers`` local processes, or on a Dask cluster, see
:mod:`kg.distributed`) and commits each document's triples as soon as it is
done, in input order. Memory stays flat in the size of the corpus: only the
batches in flight are held. A build that is stopped (Ctrl-C, a kill, a crash)
leaves every document either committed whole or absent, so running it again
resumes where it stopped and ends with the graph of an uninterrupted build.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, Protocol

from kg.errors import ExtractionError, GeoKGError
from kg.records import Document

__all__ = ["BuildReport", "Progress", "build_store", "estimate_documents", "extract_batch", "reader_signature"]

logger = logging.getLogger(__name__)

#: Documents per batch handed to the pipeline.
DEFAULT_BATCH_SIZE = 32
#: Documents per task sent to a local worker process at the end of the input: small last
#: tasks keep every worker busy until the end instead of one finishing a large last batch
#: alone. The tasks before hold a whole batch: ``nlp.pipe`` over batches of 8 documents
#: costs about 5 % more CPU time per document than over batches of 16 or 32.
WORKER_TASK_DOCUMENTS = 8
#: Thread pools of the numeric libraries, set to one thread in each worker process: a
#: worker is one pipeline on one core, and a second BLAS thread per worker only competes
#: with the other workers (it cost about 10 % more CPU time per document here).
_ONE_THREAD = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


@dataclass
class BuildReport:
    """What a build did; ``interrupted`` is set when it stopped before the end."""

    documents: int = 0  # read from the inputs
    extracted: int = 0  # run through the pipeline and committed
    unchanged: int = 0  # skipped: the store holds this very content
    failed: int = 0  # the pipeline failed on it: reported, not committed
    statements: int = 0  # statement nodes committed
    words: int = 0  # whitespace-separated words extracted
    seconds: float = 0.0
    interrupted: bool = False
    store: str = ""

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0


class Progress(Protocol):
    """What :func:`build_store` reports to while it runs (the CLI draws a bar or prints lines)."""

    def document_done(self, report: BuildReport) -> None: ...


@dataclass
class _Result:
    """One document's outcome from a worker: its triples as N-Triples and counts, or its failure."""

    document_id: str
    ntriples: bytes
    statements: int
    words: int
    error: ExtractionError | None = None


def estimate_documents(inputs: Iterable[str]) -> int | None:
    """How many documents the inputs hold, counted cheaply; None when it cannot be told.

    A ``.txt`` file is one document and a ``.jsonl`` file one per non-blank
    line; other inputs (feeds, pages to fetch) make the total unknown.
    """
    from pathlib import Path

    total = 0
    for given in inputs:
        path = Path(given)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            suffix = file.suffix.lower()
            if suffix in (".txt", ".html", ".htm"):
                total += 1
            elif suffix == ".jsonl":
                try:
                    with open(file, "rb") as stream:
                        total += sum(1 for line in stream if line.strip())
                except OSError:
                    return None
            elif not path.is_dir():
                return None
    return total


def reader_signature(model: str | None = None, nlp: Any = None) -> str:
    """What the content hash records about the reader: geokg's version and the pipeline.

    ``nlp`` (a loaded pipeline) or ``model`` (a package name, the best
    installed one by default) gives the pipeline's name and version, read
    from its meta data without loading it. A document read by another version
    or pipeline is extracted again.
    """
    import kg

    if nlp is not None:
        meta = dict(getattr(nlp, "meta", {}) or {})
    else:
        from spacy.util import get_model_meta, get_package_path

        from kg.nlp.pipeline import choose_model

        meta = get_model_meta(get_package_path(choose_model(model)))
    return f"geokg {kg.__version__}; {meta.get('lang', '?')}_{meta.get('name', '?')} {meta.get('version', '?')}"


def extract_batch(
    documents: list[Document], nlp: Any, signature: str, batch_size: int = DEFAULT_BATCH_SIZE
) -> list[_Result]:
    """Run the pipeline over a batch; each document's triples as N-Triples, in order.

    A document the pipeline fails on comes back as a result holding its
    :class:`~kg.errors.ExtractionError`, in its place.
    """
    return list(_extracted(documents, nlp, signature, batch_size))


def _extracted(documents: Iterable[Document], nlp: Any, signature: str, batch_size: int) -> Iterator[_Result]:
    """Each document's result as the pipeline finishes it, failures in their place."""
    import kg
    from kg.api import extract
    from kg.graph.persistent import content_hash, document_ntriples

    failures: deque[ExtractionError] = deque()
    for document, relations in extract(documents, nlp, batch_size=batch_size, on_error=failures.append):
        while failures:
            yield _failed(failures.popleft())
        digest = content_hash(document, signature)
        yield _Result(
            document.id,
            document_ntriples(document, relations, kg.__version__, digest),
            len(relations),
            len(document.text.split()),
        )
    while failures:
        yield _failed(failures.popleft())


def _failed(error: ExtractionError) -> _Result:
    return _Result("", b"", 0, 0, error)


def build_store(
    documents: Iterable[Document],
    store,
    *,
    model: str | None = None,
    nlp: Any = None,
    workers: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    scheduler: str | None = None,
    progress: Progress | None = None,
    on_error: Callable[[GeoKGError], None] | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> BuildReport:
    """Build documents into a store, committing each as it is done.

    Parameters
    ----------
    documents
        The documents, read lazily (a generator streams through).
    store
        An open, writable :class:`~kg.graph.persistent.PersistentGraph`.
    model, nlp
        The pipeline: a package name (the best installed one by default) or an
        already loaded pipeline (used in this process only).
    workers
        Processes that run the pipeline on this machine (each loads it once).
    batch_size
        Documents per ``nlp.pipe`` batch, and per task sent to a worker.
    scheduler
        Address of a Dask scheduler (``tcp://host:8786``), or a
        ``distributed.Client``: extraction runs on the cluster's workers.
    progress
        Told after each committed or skipped document.
    on_error
        Called with the :class:`~kg.errors.ExtractionError` of each document
        the pipeline fails on; that document is not committed (a later run
        tries it again) and the build goes on. Without it the error is raised,
        after the documents before it were committed. ``on_error`` may raise
        to stop the build there.

    Returns
    -------
    BuildReport
        Counts; ``interrupted`` is True when Ctrl-C stopped the build (the
        documents committed so far stay, and a new run resumes after them).
    """
    from kg.graph.persistent import content_hash

    signature = reader_signature(model, nlp)
    report = BuildReport(store=str(store.path))
    started = clock()

    def changed() -> Iterator[Document]:
        for document in documents:
            report.documents += 1
            if store.stored_hash(document.id) == content_hash(document, signature):
                report.unchanged += 1
                report.seconds = clock() - started
                if progress is not None:
                    progress.document_done(report)
                continue
            yield document

    if scheduler is not None:
        from kg.distributed import cluster_results

        results = cluster_results(changed(), scheduler, model=model, signature=signature, batch_size=batch_size)
    elif workers > 1:
        results = _process_results(changed(), workers, model, signature, batch_size)
    else:
        results = _local_results(changed(), nlp, model, signature, batch_size)
    try:
        for result in results:
            if result.error is not None:
                report.failed += 1
                if on_error is None:
                    raise result.error
                on_error(result.error)
                continue
            with _interrupts_held():  # a commit and its count happen together or not at all
                report.statements += store.commit(result.document_id, result.ntriples)
                report.extracted += 1
            report.words += result.words
            report.seconds = clock() - started
            if progress is not None:
                progress.document_done(report)
    except KeyboardInterrupt:
        report.interrupted = True
        logger.info("interrupted after %d documents", report.extracted)
    finally:
        close = getattr(results, "close", None)
        if close is not None:
            close()
    report.seconds = clock() - started
    return report


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM back until the block is done, then deliver them.

    Blocking the signals for this thread is not enough: a signal another thread
    receives is still handled in the main thread at once. So the handlers
    themselves are replaced for the block and the signal raised again after it.
    """
    held = (signal.SIGINT, signal.SIGTERM)
    received: list[int] = []
    try:
        previous = {number: signal.signal(number, lambda number, frame: received.append(number)) for number in held}
    except ValueError:  # not the main thread: signals are not ours to handle here
        yield
        return
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        if received:
            signal.raise_signal(received[0])


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _local_results(
    documents: Iterable[Document], nlp: Any, model: str | None, signature: str, batch_size: int
) -> Iterator[_Result]:
    """Extraction in this process, one ``nlp.pipe`` stream over all documents."""
    import kg

    documents = iter(documents)
    first = next(documents, None)
    if first is None:
        return
    nlp = nlp or kg.load_pipeline(model)

    def again() -> Iterator[Document]:
        yield first
        yield from documents

    yield from _extracted(again(), nlp, signature, batch_size)


def _tasks(documents: Iterable[Document], size: int, workers: int, last_size: int) -> Iterator[list[Document]]:
    """Tasks of ``size`` documents, and of ``last_size`` for the last ``workers * size`` or so.

    ``workers * size`` documents are read ahead, so the end of the input is
    known before its last documents are handed out: none of the workers is
    left with a large last task while the others have nothing to do.

    Examples
    --------
    >>> [len(task) for task in _tasks(range(100), 32, 1, 8)]
    [32, 32, 8, 8, 8, 8, 4]
    """
    ahead: deque[Document] = deque()
    for document in documents:
        ahead.append(document)
        if len(ahead) == (workers + 1) * size:
            yield [ahead.popleft() for _ in range(size)]
    while ahead:
        yield [ahead.popleft() for _ in range(min(last_size, len(ahead)))]


# ---------------------------------------------------------------------- local processes

_worker_pipeline: Any = None


def _start_worker(model: str | None) -> None:
    """Load the pipeline once per worker process; Ctrl-C is the parent's to handle.

    The numeric libraries get one thread each (unless the environment says
    otherwise); this must happen before numpy is imported, which loading the
    pipeline does.
    """
    import os

    global _worker_pipeline
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for variable in _ONE_THREAD:
        os.environ.setdefault(variable, "1")
    import kg

    _worker_pipeline = kg.load_pipeline(model)


def _work(documents: list[Document], signature: str, batch_size: int) -> list[_Result]:
    return extract_batch(documents, _worker_pipeline, signature, batch_size)


def _process_results(
    documents: Iterable[Document], workers: int, model: str | None, signature: str, batch_size: int
) -> Iterator[_Result]:
    """Extraction in ``workers`` processes; results come back in input order.

    Tasks hold ``batch_size`` documents, and the last ones at most
    :data:`WORKER_TASK_DOCUMENTS` (see :func:`_tasks`), so the workers finish
    together; at most two tasks per worker are in flight, so the documents
    waiting in memory do not grow with the corpus.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    batches = _tasks(documents, batch_size, workers, min(batch_size, WORKER_TASK_DOCUMENTS))
    first = next(batches, None)
    if first is None:
        return
    context = multiprocessing.get_context("spawn")
    executor = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(model,))
    in_flight: deque[Future] = deque([executor.submit(_work, first, signature, batch_size)])
    try:
        for batch in batches:
            in_flight.append(executor.submit(_work, batch, signature, batch_size))
            while len(in_flight) >= 2 * workers:
                yield from in_flight.popleft().result()
        while in_flight:
            yield from in_flight.popleft().result()
    finally:
        # stopped early (Ctrl-C, an error): end the workers now rather than after their batch
        stopping = bool(in_flight)
        processes = list(getattr(executor, "_processes", {}).values()) if stopping else []
        executor.shutdown(wait=not stopping, cancel_futures=True)
        for process in processes:
            process.terminate()
            process.join(timeout=10)
