"""Extraction on a Dask cluster (``kg build --scheduler ADDRESS``).

The client reads the documents and skips those the store already holds; it
sends the others in batches to the cluster's workers, each of which loads the
pipeline once (on its first batch) and returns, per document, the N-Triples
the store commits. The client commits them in input order as they come back,
with a bounded number of batches in flight, so memory on the client stays
flat however large the corpus. Workers need geokg and the spaCy pipeline
installed; they never touch the store.

Examples
--------
On the cluster's machines::

    dask scheduler                        # on one machine: tcp://10.0.0.5:8786
    dask worker tcp://10.0.0.5:8786 --nworkers 4 --nthreads 1    # on each worker machine

and on the client: ``kg build corpus/ --store kg-store --scheduler tcp://10.0.0.5:8786``.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from kg.errors import GeoKGError
from kg.records import Document

__all__ = ["ClusterError", "cluster_results"]

logger = logging.getLogger(__name__)

_pipelines: dict[str | None, Any] = {}
_loading = threading.Lock()


class ClusterError(GeoKGError):
    """The Dask scheduler cannot be reached, or a worker failed."""


def _pipeline(model: str | None) -> Any:
    """The pipeline of this worker process, loaded on first use."""
    with _loading:
        if model not in _pipelines:
            import kg

            _pipelines[model] = kg.load_pipeline(model)
        return _pipelines[model]


def _extract_on_worker(documents: list[Document], model: str | None, signature: str, batch_size: int) -> list:
    from kg.ingest import extract_batch

    return extract_batch(documents, _pipeline(model), signature, batch_size)


def _client(scheduler: Any):
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError(
            "--scheduler needs Dask's distributed scheduler; install it with 'pip install \"geokg[cluster]\"'"
        ) from None
    if isinstance(scheduler, Client):
        return scheduler, False
    try:
        return Client(scheduler, timeout="10s"), True
    except (OSError, TimeoutError) as error:
        raise ClusterError(
            f"{scheduler}: cannot reach the Dask scheduler ({error}); check the address "
            "(tcp://HOST:8786) and that the scheduler is running"
        ) from None


def cluster_results(
    documents: Iterable[Document], scheduler: Any, *, model: str | None, signature: str, batch_size: int
) -> Iterator:
    """Extraction results of ``documents`` from the cluster, in input order.

    ``scheduler`` is the scheduler's address or a ``distributed.Client``.
    """
    from kg.ingest import _batches

    client, owned = _client(scheduler)
    window = 2 * max(1, sum(client.nthreads().values()))
    in_flight: deque = deque()
    try:
        for batch in _batches(documents, batch_size):
            in_flight.append(client.submit(_extract_on_worker, batch, model, signature, batch_size, pure=False))
            while len(in_flight) >= window:
                yield from _result(in_flight.popleft())
        while in_flight:
            yield from _result(in_flight.popleft())
    finally:
        for future in in_flight:
            future.cancel()
        if owned:
            client.close()


def _result(future) -> list:
    try:
        return future.result()
    except GeoKGError:
        raise
    except Exception as error:  # noqa: BLE001 - a worker's failure, relayed by Dask
        raise ClusterError(
            f"a Dask worker failed to extract a batch ({type(error).__name__}: {error}); "
            "check that geokg and the spaCy pipeline are installed on every worker"
        ) from None
