"""Read-only SPARQL: queries run, updates are refused on purpose.

``kg query`` and :meth:`kg.graph.store.KnowledgeGraph.query` answer questions;
they never change a graph. A SPARQL 1.1 Update (``INSERT``, ``DELETE``,
``LOAD``, ``CLEAR``, ``DROP``, ``CREATE``, ``ADD``, ``MOVE``, ``COPY``) is
recognised from its first keyword after the prologue, whether or not the rest
parses, and refused with a message that says so, rather than reported as a
syntax error.

Examples
--------
>>> check_read_only("SELECT ?s WHERE { ?s ?p ?o }")
>>> check_read_only("PREFIX ex: <http://example.org/> INSERT DATA { ex:a ex:b ex:c }")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
kg.errors.QueryRefusedError: SPARQL Update (INSERT) is refused on purpose: geokg queries only read, ...
"""

from __future__ import annotations

import re

from kg.errors import QueryRefusedError

__all__ = ["UPDATE_OPERATIONS", "check_read_only", "update_operation"]

#: The first keywords of the SPARQL 1.1 Update operations.
UPDATE_OPERATIONS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")

# Pieces that may come before the operation: whitespace, comments, and the
# prologue (BASE <iri>, PREFIX name: <iri>).
_PROLOGUE = re.compile(
    r"(?:\s+|#[^\n]*|BASE\s*<[^>]*>|PREFIX\s+[^\s:]*:\s*<[^>]*>)*",
    re.IGNORECASE,
)
_KEYWORD = re.compile(r"[A-Za-z]+")


def update_operation(sparql: str) -> str | None:
    """The update keyword a SPARQL request starts with (``"INSERT"``, ``"LOAD"`` ...), else None.

    Examples
    --------
    >>> update_operation("# add\\nLOAD <http://example.org/data.ttl>")
    'LOAD'
    >>> update_operation("SELECT * WHERE { ?s ?p ?o }") is None
    True
    """
    start = _PROLOGUE.match(sparql).end()
    keyword = _KEYWORD.match(sparql, start)
    if keyword is None:
        return None
    word = keyword.group(0).upper()
    return word if word in UPDATE_OPERATIONS else None


def check_read_only(sparql: str) -> None:
    """Raise :class:`~kg.errors.QueryRefusedError` when `sparql` is a SPARQL Update.

    Raises
    ------
    QueryRefusedError
        Naming the operation, why it is refused and what to do instead.
    """
    operation = update_operation(sparql)
    if operation is None:
        return
    kind = "LOAD" if operation == "LOAD" else f"Update ({operation})"
    raise QueryRefusedError(
        f"SPARQL {kind} is refused on purpose: geokg queries only read, so that a query can "
        "never change a graph; use SELECT, ASK, CONSTRUCT or DESCRIBE, and change a graph by "
        "building it again (kg build)"
    )
