"""SPARQL 1.1 endpoints: send a graph to a server and ask it questions.

Any server that speaks the SPARQL 1.1 Protocol and Graph Store HTTP Protocol
works (Oxigraph server, Apache Jena Fuseki, GraphDB, Virtuoso), so a graph can
outgrow one machine without code changes. Only the standard library's HTTP
client is used.
"""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.parse
import urllib.request
from typing import TYPE_CHECKING, Any

from kg.errors import QueryError, RemoteError

if TYPE_CHECKING:
    import pandas

__all__ = ["RemoteError", "push", "query_endpoint"]

logger = logging.getLogger(__name__)


def _request(request: urllib.request.Request, timeout: float) -> bytes:
    url = request.full_url
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read()
    except urllib.error.HTTPError as error:
        detail = error.read().decode("utf-8", "replace").strip().splitlines()
        message = f"{url}: the server answered {error.code} {error.reason}"
        if detail:
            message += f" ({detail[0][:200]})"
        if error.code == 400 and request.get_method() in {"GET", "POST"} and b"query=" in (request.data or b""):
            raise QueryError(message + "; check the query syntax") from None
        raise RemoteError(message + "; check the endpoint URL and the server's log") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise RemoteError(
            f"{url}: cannot reach the endpoint ({reason}); check that the server is running and the URL is right"
        ) from None


#: Triples per POST when pushing: large enough to be quick, small enough for any server.
DEFAULT_BATCH = 50_000


def push(
    graph,
    store_url: str,
    *,
    named_graph: str | None = None,
    replace: bool = False,
    timeout: float = 120.0,
    batch_size: int = DEFAULT_BATCH,
    named_graphs: bool = False,
) -> int:
    """Send a graph or a store to a Graph Store Protocol endpoint; return the number of triples sent.

    The triples go in batches, each one POST of N-Triples that adds to the
    target graph; with ``replace`` the target is cleared first (a DELETE), which
    servers do much faster than a PUT over a large graph.

    Parameters
    ----------
    graph
        The triples to send: an rdflib graph, a
        :class:`~kg.graph.persistent.PersistentGraph`, or a path of a graph file
        (read as it is sent, never whole in memory).
    store_url
        The server's Graph Store endpoint, e.g. ``http://127.0.0.1:7878/store``
        (Oxigraph) or ``http://localhost:3030/geokg/data`` (Fuseki).
    named_graph
        IRI of the named graph to write; the default graph when None.
    replace
        Clear the target graph (or graphs) first, instead of merging.
    timeout
        Seconds to wait for the server, per request.
    batch_size
        Triples per POST.
    named_graphs
        For a store or a TriG/N-Quads file: write each named graph (one per
        document, the entity and truthy graphs) to the graph of the same name on
        the server, instead of all triples to one graph.

    Raises
    ------
    RemoteError
        When the server cannot be reached or refuses the request.
    """
    by_graph = _quads_by_graph(graph, named_graphs)
    sent = 0
    cleared: set[str | None] = set()
    for graph_name, triples in by_graph:
        target_graph = graph_name if named_graphs else named_graph
        target = {"graph": target_graph} if target_graph else {"default": ""}
        url = f"{store_url}{'&' if '?' in store_url else '?'}{urllib.parse.urlencode(target)}"
        if replace and target_graph not in cleared:
            cleared.add(target_graph)
            try:
                _request(urllib.request.Request(url, method="DELETE"), timeout)
            except RemoteError as error:
                if " 404 " not in str(error):  # nothing to clear
                    raise
        batch: list[str] = []
        for triple in triples:
            batch.append(f"{triple} .\n")
            if len(batch) == batch_size:
                sent += _post(url, batch, timeout)
                batch = []
        if batch:
            sent += _post(url, batch, timeout)
        logger.info("sent %d triples to %s", sent, url)
    return sent


def _post(url: str, lines: list[str], timeout: float) -> int:
    request = urllib.request.Request(
        url, data="".join(lines).encode("utf-8"), method="POST", headers={"Content-Type": "application/n-triples"}
    )
    _request(request, timeout)
    return len(lines)


def _quads_by_graph(source, named_graphs: bool):
    """(graph name or None, triples as pyoxigraph terms) of what ``push`` sends.

    Without ``named_graphs`` everything comes as one group.
    """
    import itertools
    from pathlib import Path

    import pyoxigraph as ox

    if isinstance(source, (str, Path)):
        path = Path(source)
        try:
            rdf_format = ox.RdfFormat.from_extension(path.suffix.lstrip(".").lower())
        except ValueError:
            rdf_format = None
        if rdf_format is None:
            from kg.errors import GraphFormatError

            raise GraphFormatError(
                f"{path}: unknown graph format {path.suffix!r}; give a .ttl, .nt, .jsonld, .trig, .nq or .rdf file"
            )
        statements = ox.parse(path=str(path), format=rdf_format)
        quads = (s if isinstance(s, ox.Quad) else ox.Quad(s.subject, s.predicate, s.object) for s in statements)
    elif hasattr(source, "quads") and hasattr(source, "path"):  # a PersistentGraph
        if named_graphs:
            return ((name, (q.triple for q in quads)) for name, quads in source.graphs())
        quads = source.quads()
    else:  # an rdflib graph: through N-Triples, so literals keep their exact form
        data = source.serialize(format="nt", encoding="utf-8")
        quads = (ox.Quad(t.subject, t.predicate, t.object) for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
    if not named_graphs:
        return [(None, (quad.triple for quad in quads))]

    def name(quad) -> str | None:
        return None if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value

    return ((graph, (quad.triple for quad in group)) for graph, group in itertools.groupby(quads, key=name))


def query_endpoint(query_url: str, sparql: str, *, timeout: float = 120.0) -> pandas.DataFrame:
    """Run a SELECT or ASK query on a SPARQL endpoint; return a pandas table.

    The columns and values follow :meth:`kg.graph.store.KnowledgeGraph.query`:
    IRIs and literals as strings, numbers as numbers.

    Raises
    ------
    QueryError
        When the server rejects the query.
    QueryRefusedError
        When it is a SPARQL Update: it is not sent.
    RemoteError
        When the server cannot be reached.
    """
    import pandas as pd

    from kg.graph.namespace import PREFIXES
    from kg.graph.sparql import check_read_only

    check_read_only(sparql)

    declared = {
        line.split()[1].rstrip(":").lower()
        for line in sparql.splitlines()
        if line.strip().lower().startswith("prefix") and len(line.split()) > 1
    }
    header = "".join(
        f"PREFIX {prefix}: <{namespace if isinstance(namespace, str) else namespace._NS}>\n"
        for prefix, namespace in PREFIXES.items()
        if prefix not in declared
    )
    data = urllib.parse.urlencode({"query": header + sparql}).encode("utf-8")
    request = urllib.request.Request(
        query_url,
        data=data,
        method="POST",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json",
        },
    )
    try:
        answer = json.loads(_request(request, timeout))
    except json.JSONDecodeError:
        raise RemoteError(
            f"{query_url}: the answer is not SPARQL JSON results; give the endpoint's query URL"
        ) from None
    if "boolean" in answer:
        return pd.DataFrame({"ask": [bool(answer["boolean"])]})
    columns = answer["head"]["vars"]
    rows = [[_value(binding.get(name)) for name in columns] for binding in answer["results"]["bindings"]]
    return pd.DataFrame(rows, columns=columns)


_NUMERIC = {
    "http://www.w3.org/2001/XMLSchema#integer": int,
    "http://www.w3.org/2001/XMLSchema#decimal": float,
    "http://www.w3.org/2001/XMLSchema#double": float,
    "http://www.w3.org/2001/XMLSchema#float": float,
}


def _value(term: dict[str, Any] | None) -> Any:
    if term is None:
        return None
    convert = _NUMERIC.get(term.get("datatype", ""))
    if convert is not None:
        try:
            return convert(term["value"])
        except ValueError:
            return term["value"]
    return term["value"]
