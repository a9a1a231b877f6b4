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

from rdflib import Graph

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
        raise RemoteError(f"{url}: cannot reach the endpoint ({reason}); check that the server "
                          "is running and the URL is right") from None


def push(graph: Graph, store_url: str, *, named_graph: str | None = None, replace: bool = False,
         timeout: float = 120.0) -> int:
    """Send a graph to a Graph Store Protocol endpoint; return the number of triples sent.

    Parameters
    ----------
    graph
        The triples to send.
    store_url
        The server's Graph Store endpoint, e.g. ``http://127.0.0.1:7878/store``
        (Oxigraph) or ``http://localhost:3030/geokg/data`` (Fuseki).
    named_graph
        IRI of the named graph to write; the default graph when None.
    replace
        Clear the target graph first (a DELETE, then the POST), instead of merging.
    timeout
        Seconds to wait for the server.

    Raises
    ------
    RemoteError
        When the server cannot be reached or refuses the request.
    """
    target = {"graph": named_graph} if named_graph else {"default": ""}
    url = f"{store_url}{'&' if '?' in store_url else '?'}{urllib.parse.urlencode(target)}"
    if replace:
        try:
            _request(urllib.request.Request(url, method="DELETE"), timeout)
        except RemoteError as error:
            if " 404 " not in str(error):  # nothing to clear
                raise
    body = graph.serialize(format="nt", encoding="utf-8")
    request = urllib.request.Request(url, data=body, method="POST",
                                     headers={"Content-Type": "application/n-triples"})
    _request(request, timeout)
    logger.info("sent %d triples to %s", len(graph), url)
    return len(graph)


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

    declared = {line.split()[1].rstrip(":").lower() for line in sparql.splitlines()
                if line.strip().lower().startswith("prefix") and len(line.split()) > 1}
    header = "".join(f"PREFIX {prefix}: <{namespace if isinstance(namespace, str) else namespace._NS}>\n"
                     for prefix, namespace in PREFIXES.items() if prefix not in declared)
    data = urllib.parse.urlencode({"query": header + sparql}).encode("utf-8")
    request = urllib.request.Request(query_url, data=data, method="POST", headers={
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/sparql-results+json",
    })
    try:
        answer = json.loads(_request(request, timeout))
    except json.JSONDecodeError:
        raise RemoteError(f"{query_url}: the answer is not SPARQL JSON results; "
                          "give the endpoint's query URL") from None
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
