"""SPARQL that people can read and reuse.

:func:`run_query` answers SELECT, ASK, CONSTRUCT and DESCRIBE queries as a
:class:`QueryResult`, which renders as a pandas table with labels (IRIs in
companion ``*_iri`` columns, typed dates and numbers), as a terminal table of
compact names, as CSV or JSON, or as Turtle for graph results.

Named queries live in ``kg/queries/*.rq``. Each file starts with a comment that
says what it answers and declares its parameters::

    # Who withdrew from what, and when.
    #
    # @param actor  actor  optional  the actor that withdrew (a label or an IRI)

Parameters are bound as RDF terms through the query engine's own bindings,
never pasted into the query text, so a value holding quotes, braces or
``} ; DROP ALL`` is only ever a value.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import logging
import re
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from kg.errors import QueryError
from kg.graph.namespace import GKE, GKG, PREFIXES
from kg.records import MODALITIES, RELATIONS, slugify

if TYPE_CHECKING:
    import pandas

__all__ = [
    "QUERY_DIR",
    "NamedQuery",
    "Parameter",
    "QueryResult",
    "named_queries",
    "named_query",
    "parse_parameters",
    "resolve_actor",
    "run_query",
    "label_of",
]

logger = logging.getLogger(__name__)

#: Where the named queries are; each ``NAME.rq`` is the query ``NAME``.
QUERY_DIR = Path(__file__).resolve().parent / "queries"

#: Parameter kinds and what a value of each kind becomes.
PARAMETER_KINDS = {
    "actor": "an entity of the graph, by label, alternative label, prefixed name or IRI",
    "since": "a date YYYY, YYYY-MM or YYYY-MM-DD, read as its first day",
    "until": "a date YYYY, YYYY-MM or YYYY-MM-DD, read as its last day",
    "modality": "Asserted, Negated, Hypothetical or Future (or any)",
    "relation": "a relation of the geokg vocabulary, such as withdrewFrom",
    "text": "any text, matched as a value",
    "number": "a number",
}

_DATE_TYPES = {XSD.date, XSD.gYear, XSD.gYearMonth, XSD.dateTime}
_NUMBER_TYPES = {XSD.decimal, XSD.double, XSD.float}
_INTEGER_TYPES = {XSD.integer, XSD.int, XSD.long, XSD.short, XSD.nonNegativeInteger, XSD.positiveInteger}
_DATE_TEXT = re.compile(r"-?\d{4}(-\d{2}(-\d{2})?)?")
_PARAM_LINE = re.compile(
    r"@param\s+(?P<name>\w+)\s+(?P<kind>[\w-]+)\s+(?P<need>required|optional(?:=\S+)?)"
    r"\s*(?P<description>.*)"
)
_ELLIPSIS = "\N{HORIZONTAL ELLIPSIS}"


# ---------------------------------------------------------------------- named queries


@dataclass(frozen=True)
class Parameter:
    """A parameter of a named query: a SPARQL variable bound to a value before the query runs."""

    name: str
    kind: str
    required: bool
    default: str | None = None
    description: str = ""


@dataclass(frozen=True)
class NamedQuery:
    """A query of ``kg/queries``: its name, what it answers, its parameters and its text."""

    name: str
    description: str
    parameters: tuple[Parameter, ...]
    sparql: str

    @property
    def summary(self) -> str:
        """The first sentence of the description."""
        return self.description.split(". ")[0].rstrip(".") + "."

    def usage(self) -> str:
        """One line per parameter, as ``kg query --list`` prints them."""
        lines = []
        for parameter in self.parameters:
            need = (
                "required"
                if parameter.required
                else (f"default {parameter.default}" if parameter.default else "optional")
            )
            lines.append(f"{parameter.name}={parameter.kind.upper()} ({need}): {parameter.description}")
        return "\n".join(lines)


def _parse_named_query(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    description: list[str] = []
    parameters: list[Parameter] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        comment = line.lstrip("#").strip()
        match = _PARAM_LINE.match(comment)
        if match:
            kind = match["kind"]
            if kind not in PARAMETER_KINDS:
                raise QueryError(
                    f"{path}: parameter {match['name']} has unknown kind {kind!r}; "
                    f"use one of {', '.join(PARAMETER_KINDS)}"
                )
            need = match["need"]
            parameters.append(
                Parameter(
                    match["name"],
                    kind,
                    need == "required",
                    need.partition("=")[2] or None,
                    match["description"].strip(),
                )
            )
        elif comment and not parameters:
            description.append(comment)
    return NamedQuery(path.stem, " ".join(description), tuple(parameters), text)


@lru_cache(maxsize=1)
def _named_queries() -> tuple[NamedQuery, ...]:
    return tuple(_parse_named_query(path) for path in sorted(QUERY_DIR.glob("*.rq")))


def named_queries() -> dict[str, NamedQuery]:
    """The named queries shipped with geokg, by name.

    Examples
    --------
    >>> "memberships" in named_queries()
    True
    >>> [p.name for p in named_queries()["interactions"].parameters][:1]
    ['actor']
    """
    return {query.name: query for query in _named_queries()}


def named_query(name: str) -> NamedQuery:
    """The named query ``name``.

    Raises
    ------
    QueryError
        When there is no such query; the message lists the queries there are.
    """
    queries = named_queries()
    if name not in queries:
        close = difflib.get_close_matches(name, queries, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        raise QueryError(
            f"no named query {name!r}; {hint}the named queries are "
            f"{', '.join(queries)} (kg query --list describes them)"
        )
    return queries[name]


def parse_parameters(pairs: Iterable[str]) -> dict[str, str]:
    """``["actor=Uzbekistan", "from=2012"]`` as a dict; a pair without ``=`` is an error."""
    values: dict[str, str] = {}
    for pair in pairs:
        name, equals, value = pair.partition("=")
        name = name.strip().lstrip("?$")
        if not equals or not re.fullmatch(r"\w+", name):
            raise QueryError(f"parameter {pair!r} is not NAME=VALUE; write it as e.g. actor=Uzbekistan")
        values[name] = value
    return values


# ---------------------------------------------------------------------- values of parameters


def _is_iri_text(text: str) -> bool:
    return text.startswith(("http://", "https://", "urn:", "file:")) and not re.search(r"[\s<>\"{}|\\^`]", text)


def _expand_prefixed(text: str) -> URIRef | None:
    prefix, colon, local = text.partition(":")
    if not colon or prefix not in PREFIXES or not re.fullmatch(r"[\w.\-]+", local):
        return None
    namespace = PREFIXES[prefix]
    base = str(namespace) if isinstance(namespace, str) else str(namespace._NS)
    return URIRef(base + local)


def resolve_actor(graph: Graph, text: str) -> URIRef:
    """The entity that ``text`` names: a label, an alternative label, a prefixed name or an IRI.

    Labels are compared without regard to case. A label shared by two entities is an
    error that lists both, so that the caller can give the IRI instead.

    Raises
    ------
    QueryError
        When no entity or more than one entity has that name.

    Examples
    --------
    >>> from rdflib import Graph, Literal
    >>> from rdflib.namespace import RDF, RDFS
    >>> g = Graph()
    >>> g.add((GKE.uzbekistan, RDF.type, GKG.Country))  # doctest: +ELLIPSIS
    <Graph ...>
    >>> g.add((GKE.uzbekistan, RDFS.label, Literal("Uzbekistan", lang="en")))  # doctest: +ELLIPSIS
    <Graph ...>
    >>> resolve_actor(g, "uzbekistan") == GKE.uzbekistan
    True
    """
    value = text.strip()
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
    if _is_iri_text(value):
        return URIRef(value)
    prefixed = _expand_prefixed(value)
    if prefixed is not None:
        return prefixed
    wanted = value.casefold()
    found: set[URIRef] = set()
    names: dict[str, set[URIRef]] = {}
    for predicate in (RDFS.label, SKOS.altLabel):
        for entity, name in graph.subject_objects(predicate):
            if not isinstance(entity, URIRef) or not str(entity).startswith(str(GKE)):
                continue
            folded = str(name).casefold()
            names.setdefault(folded, set()).add(entity)
            if folded == wanted:
                found.add(entity)
        if found:
            break
    if not found and (GKE[slugify(value)], RDF.type, None) in graph:
        found.add(GKE[slugify(value)])
    if len(found) == 1:
        return found.pop()
    if found:
        listed = ", ".join(sorted(str(iri) for iri in found))
        raise QueryError(f"{text!r} names more than one entity ({listed}); give the IRI of the one you mean")
    close = difflib.get_close_matches(wanted, names, n=3, cutoff=0.75)
    hint = (
        "; did you mean " + " or ".join(repr(_display_name(graph, names[c])) for c in close) + "?"
        if close
        else "; check the spelling, or give the entity's IRI"
    )
    raise QueryError(f"no entity named {text!r} in the graph{hint}")


def _display_name(graph: Graph, entities: set[URIRef]) -> str:
    return label_of(graph, sorted(entities)[0])


def _date_bound(text: str, kind: str, name: str) -> Literal:
    value = text.strip()
    if not _DATE_TEXT.fullmatch(value):
        raise QueryError(f"parameter {name}={text!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
    padding = "-01-01" if kind == "since" else "-12-31"
    return Literal(value + padding[len(value) - 4 :])


def bind_value(graph: Graph, parameter: Parameter, text: str) -> URIRef | Literal | None:
    """The RDF term a parameter's text stands for (``None``: leave the variable free)."""
    kind, name = parameter.kind, parameter.name
    if kind == "actor":
        return resolve_actor(graph, text)
    if kind in ("since", "until"):
        return _date_bound(text, kind, name)
    if kind == "modality":
        if text.strip().lower() == "any":
            return None
        modality = next((m for m in MODALITIES if m.lower() == text.strip().lower()), None)
        if modality is None:
            raise QueryError(f"parameter {name}={text!r} is not a modality; use one of {', '.join(MODALITIES)} or any")
        return GKG[modality]
    if kind == "relation":
        relation = text.strip().removeprefix("gkg:")
        if relation not in RELATIONS:
            close = difflib.get_close_matches(relation, RELATIONS, n=1)
            hint = f"; did you mean {close[0]}?" if close else "; kg stats lists the relations in a graph"
            raise QueryError(f"parameter {name}={text!r} is not a geokg relation{hint}")
        return GKG[relation]
    if kind == "number":
        try:
            return Literal(Decimal(text.strip()), datatype=XSD.decimal)
        except ArithmeticError:
            raise QueryError(f"parameter {name}={text!r} is not a number") from None
    return Literal(text)


def _free_value(graph: Graph, text: str) -> URIRef | Literal:
    """A value for a variable of a query that declares no parameters."""
    value = text.strip()
    if value.startswith("<") and value.endswith(">") and _is_iri_text(value[1:-1]):
        return URIRef(value[1:-1])
    prefixed = _expand_prefixed(value)
    if prefixed is not None:
        return prefixed
    try:
        return resolve_actor(graph, value)
    except QueryError:
        return Literal(text)


def bindings_for(
    graph: Graph, values: Mapping[str, str], query: NamedQuery | None = None
) -> dict[str, URIRef | Literal]:
    """The variable bindings of a query: declared parameters typed by kind, defaults filled in.

    Raises
    ------
    QueryError
        When a required parameter is missing, a value is not of its kind, or a
        named query has no parameter of that name.
    """
    if query is None:
        return {name: _free_value(graph, text) for name, text in values.items()}
    declared = {parameter.name: parameter for parameter in query.parameters}
    unknown = sorted(set(values) - set(declared))
    if unknown:
        allowed = ", ".join(declared) or "none"
        raise QueryError(f"named query {query.name!r} has no parameter {unknown[0]!r}; its parameters are: {allowed}")
    bindings: dict[str, URIRef | Literal] = {}
    for name, parameter in declared.items():
        text = values.get(name, parameter.default)
        if text is None:
            if parameter.required:
                raise QueryError(
                    f"named query {query.name!r} needs --param {name}=... "
                    f"({parameter.description or PARAMETER_KINDS[parameter.kind]})"
                )
            continue
        term = bind_value(graph, parameter, text)
        if term is not None:
            bindings[name] = term
    return bindings


# ---------------------------------------------------------------------- names of terms


def label_of(graph: Graph, term: Any, cache: dict | None = None) -> str:
    """A readable name: the English ``rdfs:label``, else a document's identifier, else a compact name."""
    if cache is not None and term in cache:
        return cache[term]
    if isinstance(term, Literal):
        name = str(term)
    elif isinstance(term, (URIRef, BNode)):
        labels = list(graph.objects(term, RDFS.label))
        chosen = next(
            (
                label
                for wanted in ("en", None)
                for label in sorted(labels, key=str)
                if getattr(label, "language", None) == wanted
            ),
            labels[0] if labels else None,
        )
        if chosen is None:
            chosen = graph.value(term, DCTERMS.identifier)
        if chosen is not None:
            name = str(chosen)
        elif str(term).startswith(str(GKG._NS)):
            name = str(term)[len(str(GKG._NS)) :]
        else:
            name = compact_name(graph, term)
    else:
        name = "" if term is None else str(term)
    if cache is not None:
        cache[term] = name
    return name


def compact_name(graph: Graph, term: Any) -> str:
    """``gke:uzbekistan`` for an IRI under a bound prefix, the IRI itself otherwise."""
    if isinstance(term, URIRef):
        try:
            prefix, namespace, local = graph.namespace_manager.compute_qname(str(term), generate=False)
        except (ValueError, KeyError):
            return str(term)
        return f"{prefix}:{local}" if prefix else str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    return "" if term is None else str(term)


# ---------------------------------------------------------------------- results


@dataclass
class QueryResult:
    """The answer to a query: rows of RDF terms, a boolean, or a graph.

    ``source`` is the graph the query ran on; labels are looked up in it.
    """

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    answer: bool | None = None
    graph: Graph | None = None
    source: Graph | None = None

    def __post_init__(self) -> None:
        self._labels: dict[Any, str] = {}

    # -- names

    def _name(self, term: Any, names: str) -> str:
        if term is None:
            return ""
        if isinstance(term, Literal):
            return str(term)
        if names == "iris":
            return str(term)
        if names == "labels" and self.source is not None:
            return label_of(self.source, term, self._labels)
        return compact_name(self.source if self.source is not None else _prefixed_graph(), term)

    def cells(self, names: str = "compact") -> list[list[str]]:
        """Every row as display strings: names as asked (compact, labels or iris), dates as written."""
        if self.kind == "ASK":
            return [["true" if self.answer else "false"]]
        return [[self._name(term, names) for term in row] for row in self.rows]

    @property
    def columns(self) -> list[str]:
        return ["ask"] if self.kind == "ASK" else list(self.variables)

    # -- renderings

    def to_table(self, names: str = "compact", width: int | None = None) -> str:
        """A terminal table: one line per row, long cells cut to fit ``width`` columns."""
        if self.kind in ("CONSTRUCT", "DESCRIBE"):
            return self.to_turtle()
        rows = [[" ".join(cell.split()) for cell in row] for row in self.cells(names)]
        if not rows:
            return "(no results)"
        header = self.columns
        width = width or shutil.get_terminal_size(fallback=(160, 24)).columns
        widths = _fit(
            [max(len(header[i]), *(len(row[i]) for row in rows)) for i in range(len(header))],
            [len(name) for name in header],
            width,
        )
        lines = ["  ".join(_cut(name, w).ljust(w) for name, w in zip(header, widths)).rstrip()]
        for row in rows:
            lines.append("  ".join(_cut(cell, w).ljust(w) for cell, w in zip(row, widths)).rstrip())
        return "\n".join(lines)

    def to_csv(self, names: str = "compact") -> str:
        """CSV with a header; every cell whole."""
        if self.kind in ("CONSTRUCT", "DESCRIBE"):
            return self.to_turtle()
        stream = io.StringIO()
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(self.columns)
        writer.writerows(self.cells(names))
        return stream.getvalue()

    def to_json(self, names: str = "compact") -> str:
        """A JSON list of objects; numbers and booleans typed, slashes not escaped."""
        if self.kind in ("CONSTRUCT", "DESCRIBE"):
            return self.to_turtle()
        if self.kind == "ASK":
            return json.dumps([{"ask": bool(self.answer)}], indent=1)
        records = []
        for row in self.rows:
            record = {}
            for name, term in zip(self.variables, row):
                record[name] = (
                    _json_value(term) if isinstance(term, Literal) or term is None else self._name(term, names)
                )
            records.append(record)
        return json.dumps(records, indent=1, ensure_ascii=False)

    def to_turtle(self) -> str:
        """A graph result (CONSTRUCT, DESCRIBE) as Turtle with geokg's prefixes."""
        from kg.graph.namespace import bind_prefixes

        if self.graph is None:
            raise QueryError(f"a {self.kind} result is a table, not a graph; use --format table, csv or json")
        graph = bind_prefixes(Graph())
        graph += self.graph
        return graph.serialize(format="turtle")

    def to_frame(self) -> pandas.DataFrame:
        """A pandas table with readable columns.

        An IRI column holds labels and gets a companion ``NAME_iri`` column of
        IRIs; a date column holds ``datetime64`` values (a year is its first day)
        and gets a companion ``NAME_text`` column of the dates as written;
        numbers are numbers. An ASK query gives one column ``ask``.
        """
        import pandas as pd

        if self.kind == "ASK":
            return pd.DataFrame({"ask": [bool(self.answer)]})
        if self.kind in ("CONSTRUCT", "DESCRIBE"):
            raise QueryError(f"a {self.kind} result is a graph, not a table; use a SELECT query")
        columns: dict[str, Any] = {}
        for index, name in enumerate(self.variables):
            terms = [row[index] for row in self.rows]
            columns.update(self._frame_columns(name, terms))
        return pd.DataFrame(columns, columns=list(columns) or self.variables)

    def _frame_columns(self, name: str, terms: list[Any]) -> dict[str, Any]:
        import pandas as pd

        present = [term for term in terms if term is not None]
        resources = [term for term in present if not isinstance(term, Literal)]
        if resources:
            source = self.source if self.source is not None else _prefixed_graph()
            labels = [
                None
                if term is None
                else (label_of(source, term, self._labels) if not isinstance(term, Literal) else str(term))
                for term in terms
            ]
            iris = [None if term is None or isinstance(term, Literal) else str(term) for term in terms]
            return {name: labels, f"{name}_iri": iris}
        datatypes = {term.datatype for term in present}
        if present and datatypes <= _DATE_TYPES:
            text = [None if term is None else str(term) for term in terms]
            return {name: pd.to_datetime([_first_day(value) for value in text], errors="coerce"), f"{name}_text": text}
        if present and datatypes <= _NUMBER_TYPES | _INTEGER_TYPES:
            if datatypes <= _INTEGER_TYPES:
                values = [None if term is None else int(term) for term in terms]
                return {name: pd.array(values, dtype="Int64") if None in values else values}
            return {name: [float("nan") if term is None else float(term.toPython()) for term in terms]}
        if present and datatypes == {XSD.boolean}:
            return {name: [None if term is None else bool(term.toPython()) for term in terms]}
        return {name: [None if term is None else str(term) for term in terms]}


def _first_day(value: str | None) -> str | None:
    if value is None:
        return None
    core = value[:10]
    return core + "-01-01"[len(core) - 4 :] if _DATE_TEXT.fullmatch(core) else value


def _json_value(term: Literal | None) -> Any:
    if term is None:
        return None
    if term.datatype in _INTEGER_TYPES:
        return int(term)
    if term.datatype in _NUMBER_TYPES:
        return float(term.toPython())
    if term.datatype == XSD.boolean:
        return bool(term.toPython())
    return str(term)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + _ELLIPSIS


def _fit(natural: list[int], minimum: list[int], total: int) -> list[int]:
    """Column widths that fit ``total`` characters, taking from the widest columns first."""
    widths = list(natural)
    budget = total - 2 * (len(widths) - 1)
    # names and dates keep up to 28 characters; long texts (evidence) give way first
    floor = [max(m, min(n, 28)) for n, m in zip(natural, minimum)]
    while sum(widths) > budget:
        widest = max(range(len(widths)), key=lambda i: widths[i] - floor[i])
        if widths[widest] <= floor[widest]:
            break
        widths[widest] -= 1
    return widths


@lru_cache(maxsize=1)
def _prefixed_graph() -> Graph:
    from kg.graph.namespace import bind_prefixes

    return bind_prefixes(Graph())


def result_from_frame(table: pandas.DataFrame) -> QueryResult:
    """A SELECT or ASK answer of a remote endpoint (plain values) as a result to print.

    Text that is an absolute IRI is taken as an IRI, numbers as numbers; labels cannot
    be looked up remotely, so ``labels`` names print as compact names.
    """
    if list(table.columns) == ["ask"] and len(table) == 1:
        return QueryResult("ASK", answer=bool(table["ask"].iloc[0]))

    def term(value: Any) -> Any:
        if value is None or (isinstance(value, float) and value != value):
            return None
        if isinstance(value, bool):
            return Literal(value)
        if isinstance(value, (int, float)):
            return Literal(value)
        text = str(value)
        return URIRef(text) if _is_iri_text(text) else Literal(text)

    rows = [tuple(term(value) for value in row) for row in table.itertuples(index=False, name=None)]
    return QueryResult("SELECT", variables=[str(c) for c in table.columns], rows=rows)


# ---------------------------------------------------------------------- running


def run_query(graph: Graph, sparql: str, bindings: Mapping[str, Any] | None = None) -> QueryResult:
    """Run a SPARQL query on ``graph`` with ``bindings`` as initial values of its variables.

    The prefixes of the RDF contract (gkg, gke, rdf, prov, ...) are declared.

    Raises
    ------
    QueryError
        When the query does not parse or cannot be evaluated.
    QueryRefusedError
        When it is a SPARQL Update (INSERT, DELETE, LOAD ...): queries only read.

    Examples
    --------
    >>> from rdflib import Graph
    >>> result = run_query(Graph(), "ASK { ?s ?p ?o }")
    >>> result.kind, result.answer
    ('ASK', False)
    """
    from kg.graph.sparql import check_read_only

    check_read_only(sparql)
    initial = {Variable(name): value for name, value in (bindings or {}).items()}
    try:
        result = _evaluate(graph, sparql, initial)
        kind = result.type
        if kind == "ASK":
            return QueryResult("ASK", answer=bool(result.askAnswer), source=graph)
        if kind in ("CONSTRUCT", "DESCRIBE"):
            return QueryResult(kind, graph=result.graph, source=graph)
        variables = [str(v) for v in result.vars]
        rows = [tuple(row) for row in result]
    except QueryError:
        raise
    except Exception as error:  # noqa: BLE001 - rdflib raises parser- and evaluator-specific types
        detail = " ".join(str(error).split())[:300] or type(error).__name__
        raise QueryError(f"invalid SPARQL query: {detail}; check the query syntax") from None
    return QueryResult("SELECT", variables=variables, rows=rows, source=graph)


def _evaluate(graph: Graph, sparql: str, bindings: dict[Variable, Any]):
    """Run the query; with bindings, on rdflib's own engine whatever store holds the graph.

    Some stores' native engines (Oxigraph through oxrdflib) accept bindings only for
    projected variables; rdflib's engine binds any variable, reading the store through
    its triple patterns, so parameters never have to be written into the text.
    """
    if not bindings or type(graph.store).__name__ == "Memory":
        return graph.query(sparql, initNs=_namespaces(), initBindings=bindings)
    from rdflib.plugins.sparql.processor import SPARQLProcessor, SPARQLResult

    return SPARQLResult(SPARQLProcessor(graph).query(sparql, initBindings=bindings, initNs=_namespaces()))


@lru_cache(maxsize=1)
def _namespaces() -> dict[str, str]:
    return {
        prefix: str(namespace) if isinstance(namespace, str) else str(namespace._NS)
        for prefix, namespace in PREFIXES.items()
    }
