"""A read-only SPARQL 1.1 endpoint over a store (``kg serve``).

The SPARQL 1.1 Protocol for queries: ``GET /query?query=...``, or ``POST
/query`` with a form (``query=...``) or an ``application/sparql-query`` body.
Answers in SPARQL JSON (the default), XML, CSV or TSV results, and Turtle or
N-Triples for CONSTRUCT and DESCRIBE, chosen by the ``Accept`` header or a
``format`` parameter. Queries see the union of the store's graphs.

It is built to be left running on a shared machine:

- it listens on 127.0.0.1 unless told otherwise;
- SPARQL Update is refused (403) with a message saying how to change a store;
- each query runs in a worker process that is stopped when it takes longer
  than the time limit (503), and an answer longer than the row limit is refused
  (413), so one query cannot hold the machine;
- a client gets a short message for every error, never a stack trace.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import queue
import threading
import urllib.parse
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

__all__ = ["EndpointSettings", "QueryRefused", "serve", "make_server"]

logger = logging.getLogger(__name__)

_RESULT_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
_GRAPH_TYPES = {"turtle": "text/turtle", "ntriples": "application/n-triples"}
_MAX_QUERY_BYTES = 1_000_000


@dataclass(frozen=True)
class EndpointSettings:
    """Limits of the endpoint."""

    timeout: float = 30.0  # seconds a query may run
    max_rows: int = 100_000  # solutions (or triples) an answer may hold
    workers: int = 2  # queries evaluated at once


class QueryRefused(Exception):
    """A query the endpoint will not answer; ``status`` and ``message`` go to the client."""

    def __init__(self, status: HTTPStatus, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


# ---------------------------------------------------------------------- worker processes


def _worker_main(path: str, connection) -> None:
    """Open the store read-only and answer queries sent over ``connection`` until it closes."""
    import signal

    import pyoxigraph as ox

    from kg.graph.persistent import _PREFIXES

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    store = ox.Store.read_only(path)
    connection.send(("ready",))
    while True:
        try:
            sparql, answer_format, max_rows = connection.recv()
        except EOFError:
            return
        try:
            connection.send(("ok",) + _answer(store, ox, sparql, answer_format, max_rows, _PREFIXES))
        except QueryRefused as refused:
            connection.send(("refused", int(refused.status), refused.message))
        except SyntaxError as error:
            detail = " ".join(str(error).split())[:300]
            connection.send(("refused", 400, f"invalid SPARQL query: {detail}; check the query syntax"))
        except Exception as error:  # noqa: BLE001 - the client gets a message, the log the detail
            logger.exception("query failed")
            connection.send(("refused", 500, f"the query could not be evaluated ({type(error).__name__})"))


def _answer(
    store, ox, sparql: str, answer_format: str | None, max_rows: int, prefixes: dict[str, str]
) -> tuple[str, bytes]:
    """Evaluate a query; return (content type, body)."""
    result = store.query(sparql, prefixes=prefixes, use_default_graph_as_union=True)
    too_many = QueryRefused(
        HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
        f"the answer has more than {max_rows:,} results; add a LIMIT (and OFFSET "
        "to page through it), or restart kg serve with a larger --max-rows",
    )
    if isinstance(result, ox.QueryBoolean):
        value = bool(result)
        if answer_format == "xml":
            body = (
                '<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head/><boolean>{str(value).lower()}</boolean></sparql>"
            )
            return _RESULT_TYPES["xml"], body.encode()
        if answer_format in ("csv", "tsv"):
            return _RESULT_TYPES[answer_format], f"_askResult\r\n{str(value).lower()}\r\n".encode()
        return _RESULT_TYPES["json"], json.dumps({"head": {}, "boolean": value}).encode()
    if isinstance(result, ox.QueryTriples):
        triples = []
        for triple in result:
            if len(triples) == max_rows:
                raise too_many
            triples.append(triple)
        graph_format = answer_format if answer_format in _GRAPH_TYPES else "turtle"
        target = ox.RdfFormat.N_TRIPLES if graph_format == "ntriples" else ox.RdfFormat.TURTLE
        return _GRAPH_TYPES[graph_format], ox.serialize(triples, format=target)
    names = [variable.value for variable in result.variables]
    rows = []
    for solution in result:
        if len(rows) == max_rows:
            raise too_many
        rows.append([solution[name] for name in names])
    answer_format = answer_format if answer_format in _RESULT_TYPES else "json"
    return _RESULT_TYPES[answer_format], _SOLUTION_WRITERS[answer_format](ox, names, rows)


def _json_term(ox, term) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        found: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            found["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            found["datatype"] = term.datatype.value
        return found
    return {
        "type": "triple",
        "value": {
            "subject": _json_term(ox, term.subject),
            "predicate": _json_term(ox, term.predicate),
            "object": _json_term(ox, term.object),
        },
    }


def _json(ox, names: list[str], rows: list[list]) -> bytes:
    bindings = [{name: _json_term(ox, term) for name, term in zip(names, row) if term is not None} for row in rows]
    return json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}}, ensure_ascii=False).encode("utf-8")


def _xml(ox, names: list[str], rows: list[list]) -> bytes:
    parts = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>']
    parts += [f'<variable name="{escape(name)}"/>' for name in names]
    parts.append("</head><results>")
    for row in rows:
        parts.append("<result>")
        for name, term in zip(names, row):
            if term is None:
                continue
            data = _json_term(ox, term)
            if data["type"] == "uri":
                inner = f"<uri>{escape(data['value'])}</uri>"
            elif data["type"] == "bnode":
                inner = f"<bnode>{escape(data['value'])}</bnode>"
            else:
                attributes = (
                    f' xml:lang="{escape(data["xml:lang"])}"'
                    if "xml:lang" in data
                    else f' datatype="{escape(data["datatype"])}"'
                    if "datatype" in data
                    else ""
                )
                inner = f"<literal{attributes}>{escape(str(data['value']))}</literal>"
            parts.append(f'<binding name="{escape(name)}">{inner}</binding>')
        parts.append("</result>")
    parts.append("</results></sparql>\n")
    return "".join(parts).encode("utf-8")


def _csv(ox, names: list[str], rows: list[list]) -> bytes:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(names)
    for row in rows:
        writer.writerow(
            ["" if term is None else term.value if not isinstance(term, ox.Triple) else str(term) for term in row]
        )
    return out.getvalue().encode("utf-8")


def _tsv(ox, names: list[str], rows: list[list]) -> bytes:
    lines = ["\t".join(f"?{name}" for name in names)]
    lines += ["\t".join("" if term is None else str(term) for term in row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


_SOLUTION_WRITERS = {"json": _json, "xml": _xml, "csv": _csv, "tsv": _tsv}


class _WorkerStopped(Exception):
    """A query worker died or did not start (the endpoint starts another)."""


class _Worker:
    """One worker process and the pipe to it; it says "ready" once the store is open."""

    #: Longest a new worker may take to start and open the store.
    START_SECONDS = 120.0

    def __init__(self, process, connection):
        self.process = process
        self.connection = connection
        self.ready = False

    def wait_until_ready(self) -> None:
        if self.ready:
            return
        if not self.connection.poll(self.START_SECONDS):
            raise _WorkerStopped("the query worker did not start")
        message = self.connection.recv()
        if message != ("ready",):
            raise _WorkerStopped(f"unexpected message from a new worker: {message!r}")
        self.ready = True


class _Workers:
    """Worker processes, each holding the store open read-only; a slow query's worker is replaced."""

    def __init__(self, path: Path, count: int):
        self._path = str(path)
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue = queue.Queue()
        self._all: list = []
        self._lock = threading.Lock()
        for _ in range(count):
            self._idle.put(self._start())

    def _start(self):
        parent, child = self._context.Pipe()
        process = self._context.Process(target=_worker_main, args=(self._path, child), daemon=True)
        process.start()
        child.close()
        with self._lock:
            self._all.append(process)
        return _Worker(process, parent)

    def run(self, sparql: str, answer_format: str | None, settings: EndpointSettings) -> tuple[str, bytes]:
        try:
            worker = self._idle.get(timeout=settings.timeout)
        except queue.Empty:
            raise QueryRefused(
                HTTPStatus.SERVICE_UNAVAILABLE,
                f"every query worker stayed busy for {settings.timeout:g} s; try again later",
            ) from None
        connection = worker.connection
        try:
            worker.wait_until_ready()  # a new worker's start does not count against the query's time
            connection.send((sparql, answer_format, settings.max_rows))
            if not connection.poll(settings.timeout):
                self._replace(worker)
                worker = None
                raise QueryRefused(
                    HTTPStatus.SERVICE_UNAVAILABLE,
                    f"the query ran longer than {settings.timeout:g} s and was stopped; ask for "
                    "less (a LIMIT, a narrower pattern) or restart kg serve with a larger --timeout",
                )
            answer = connection.recv()
        except (EOFError, OSError, _WorkerStopped):
            self._replace(worker)
            worker = None
            raise QueryRefused(HTTPStatus.INTERNAL_SERVER_ERROR, "the query worker stopped; try again") from None
        finally:
            if worker is not None:
                self._idle.put(worker)
        if answer[0] == "refused":
            raise QueryRefused(HTTPStatus(answer[1]), answer[2])
        return answer[1], answer[2]

    def _replace(self, worker: _Worker) -> None:
        worker.process.kill()
        worker.process.join(timeout=10)
        worker.connection.close()
        with self._lock:
            self._all.remove(worker.process)
        self._idle.put(self._start())

    def close(self) -> None:
        with self._lock:
            processes = list(self._all)
        for process in processes:
            process.kill()
            process.join(timeout=10)


# ---------------------------------------------------------------------- HTTP


def _is_update(sparql: str) -> bool:
    """True for a SPARQL Update sent as a query; :mod:`kg.graph.sparql` decides what is one."""
    from kg.errors import QueryRefusedError
    from kg.graph.sparql import check_read_only

    try:
        check_read_only(sparql)
    except QueryRefusedError:
        return True
    return False


def _chosen_format(accept: str, requested: str | None) -> str | None:
    if requested:
        return {"ttl": "turtle", "nt": "ntriples", "n-triples": "ntriples"}.get(requested, requested)
    for media_range in (part.split(";")[0].strip() for part in accept.split(",")):
        for name, media_type in (*_RESULT_TYPES.items(), *_GRAPH_TYPES.items()):
            if media_range == media_type:
                return name
    return None


class _Handler(BaseHTTPRequestHandler):
    server_version = "geokg-endpoint"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        logger.info("%s %s", self.address_string(), format % args)

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        url = urllib.parse.urlsplit(self.path)
        fields = urllib.parse.parse_qs(url.query)
        if url.path in ("/", "") and "query" not in fields:
            self._send(HTTPStatus.OK, "text/plain; charset=utf-8", self.server.describe().encode())
            return
        self._handle(url.path, fields)

    def do_POST(self) -> None:  # noqa: N802
        url = urllib.parse.urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        if length > _MAX_QUERY_BYTES:
            self._refuse(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"the request is over {_MAX_QUERY_BYTES:,} bytes")
            return
        body = self.rfile.read(length).decode("utf-8", "replace")
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip()
        fields = urllib.parse.parse_qs(url.query)
        if content_type == "application/sparql-query":
            fields["query"] = [body]
        elif content_type == "application/sparql-update":
            fields["update"] = [body]
        else:
            for name, values in urllib.parse.parse_qs(body).items():
                fields.setdefault(name, []).extend(values)
        self._handle(url.path, fields)

    def _handle(self, path: str, fields: dict[str, list[str]]) -> None:
        try:
            if path not in ("/query", "/sparql", "/", "/update"):
                raise QueryRefused(HTTPStatus.NOT_FOUND, f"no such endpoint {path}; send queries to /query")
            if "update" in fields or path == "/update" or _is_update(fields.get("query", [""])[0]):
                raise QueryRefused(
                    HTTPStatus.FORBIDDEN,
                    "this endpoint is read-only: SPARQL Update is refused; change the store "
                    "with kg build or kg remove, or push it to a server that accepts updates "
                    "with kg push",
                )
            if not fields.get("query"):
                raise QueryRefused(
                    HTTPStatus.BAD_REQUEST,
                    "no query given; send query=SELECT ... "
                    "(GET or a POST form) or a POST body of type application/sparql-query",
                )
            answer_format = _chosen_format(self.headers.get("Accept") or "", (fields.get("format") or [None])[0])
            content_type, body = self.server.workers.run(fields["query"][0], answer_format, self.server.settings)
        except QueryRefused as refused:
            self._refuse(refused.status, refused.message)
            return
        except Exception:  # noqa: BLE001 - never a stack trace to the client
            logger.exception("request failed")
            self._refuse(HTTPStatus.INTERNAL_SERVER_ERROR, "the request could not be answered")
            return
        self._send(HTTPStatus.OK, content_type + ("; charset=utf-8" if content_type.startswith("text/") else ""), body)

    def _refuse(self, status: HTTPStatus, message: str) -> None:
        self._send(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))

    def _send(self, status: HTTPStatus, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], store_path: Path, settings: EndpointSettings):
        super().__init__(address, _Handler)
        self.settings = settings
        self.store_path = store_path
        self.workers = _Workers(store_path, settings.workers)

    def describe(self) -> str:
        host, port = self.server_address[:2]
        return (
            f"geokg SPARQL 1.1 endpoint (read-only) over the store {self.store_path}\n"
            f"query: http://{host}:{port}/query?query=SELECT ...\n"
            f"limits: {self.settings.timeout:g} s per query, {self.settings.max_rows:,} results\n"
        )

    def server_close(self) -> None:
        super().server_close()
        self.workers.close()


def make_server(
    store_path: str | Path, *, host: str = "127.0.0.1", port: int = 7878, settings: EndpointSettings | None = None
) -> _Server:
    """The endpoint's HTTP server, bound but not yet serving (call ``serve_forever``).

    The caller holds the store open read-only (a shared lock) while it serves.
    """
    return _Server((host, port), Path(store_path), settings or EndpointSettings())


def serve(
    store_path: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    settings: EndpointSettings | None = None,
    ready=None,
) -> None:
    """Serve a store until interrupted (Ctrl-C or SIGTERM)."""
    import signal

    from kg.graph.persistent import PersistentGraph

    with PersistentGraph.open(store_path, read_only=True):  # keeps writers out while serving
        server = make_server(store_path, host=host, port=port, settings=settings)

        def stop(*_: object) -> None:
            raise KeyboardInterrupt

        previous = signal.signal(signal.SIGTERM, stop)
        try:
            if ready is not None:
                ready(server)
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            signal.signal(signal.SIGTERM, previous)
            server.server_close()
