"""The ``kg`` command: the only place that prints or picks exit codes.

Exit codes: 0 success, 1 a user error (bad input, query or graph file),
2 a usage error (from argparse), 3 validation failed.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path
from typing import Sequence

from kg.errors import GeoKGError, InputError, QueryError

__all__ = ["main"]

logger = logging.getLogger("kg")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg", description="Geopolitical knowledge graphs from English news text.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser("build", help="extract a graph from .txt/.jsonl files or directories")
    build.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt or .jsonl file, or a directory of them")
    build.add_argument("-o", "--output", required=True, help="graph file to write (.ttl, .nt, .jsonld, .trig)")
    build.add_argument("--date", help="publication date of .txt inputs (YYYY-MM-DD)")
    build.add_argument("--model", help="spaCy pipeline package to use (default: best installed)")
    build.add_argument("--html", help="also write the interactive HTML view to this file")
    build.add_argument("--append", action="store_true", help="merge into the output graph if it exists")

    query = commands.add_parser("query", help="run a SPARQL query on a graph file or a SPARQL endpoint")
    query.add_argument("graph", nargs="?", help="graph file, or the http(s) URL of a SPARQL query endpoint")
    query.add_argument("query", nargs="?", help="SPARQL text, or a .rq file")
    query.add_argument("--named", metavar="NAME", help="run a named query (see --list) instead of QUERY")
    query.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                       help="bind a query variable to a value, e.g. actor=Uzbekistan (repeatable)")
    query.add_argument("--list", action="store_true", help="list the named queries and their parameters")
    names = query.add_mutually_exclusive_group()
    names.add_argument("--labels", action="store_true", help="print labels instead of prefixed names")
    names.add_argument("--iris", action="store_true", help="print full IRIs instead of prefixed names")
    query.add_argument("--format", choices=("table", "csv", "json"), default="table",
                       help="how to print a table (graph results always print as Turtle)")

    push = commands.add_parser("push", help="send a graph file to a SPARQL Graph Store endpoint")
    push.add_argument("graph", help="graph file")
    push.add_argument("url", help="Graph Store endpoint, e.g. http://127.0.0.1:7878/store")
    push.add_argument("--graph", dest="named_graph", help="IRI of the named graph to write (default graph if absent)")
    push.add_argument("--replace", action="store_true", help="clear the target graph first instead of merging")

    viz = commands.add_parser("viz", help="write an interactive HTML view of a graph file")
    viz.add_argument("graph", help="graph file")
    viz.add_argument("-o", "--output", required=True, help="HTML file to write")
    viz.add_argument("--all", action="store_true",
                     help="tick every modality at first (the page shows asserted statements otherwise)")
    viz.add_argument("--focus", action="append", default=[], metavar="ACTOR",
                     help="centre the view on this actor (label or IRI; repeatable)")
    viz.add_argument("--hops", type=int, default=1, help="with --focus: how many relations away to draw (default 1)")
    viz.add_argument("--level", choices=("actor", "country"), default="actor",
                     help="country: fold agents, persons and government bodies into their countries")
    viz.add_argument("--size-by", choices=("degree", "pagerank", "betweenness"), default="degree",
                     help="what node sizes show (default degree)")
    viz.add_argument("--title", help="title of the page (default: the graph file's name)")
    viz.add_argument("--max-nodes", type=int, default=5000,
                     help="larger views keep their most connected actors and say what was left out")
    viz.add_argument("--png", help="also write a screenshot of the view (needs Chromium)")

    validate = commands.add_parser("validate", help="check a graph file against the SHACL shapes")
    validate.add_argument("graph", help="graph file")

    stats = commands.add_parser("stats", help="count entities, relations and documents in a graph file")
    stats.add_argument("graph", help="graph file")
    stats.add_argument("--format", choices=("table", "json"), default="table")

    evaluate = commands.add_parser("eval", help="score extraction against a gold set")
    evaluate.add_argument("gold", help="gold-set directory (docs.jsonl, gold.jsonl, entities.json) "
                                       "or a Re-DocRED .jsonl file")
    evaluate.add_argument("--model", help="spaCy pipeline package to use")
    evaluate.add_argument("--format", choices=("table", "json"), default="table")
    evaluate.add_argument("--entities", action="store_true",
                          help="score entity mentions (found, typed, linked) instead of relations")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _parser().parse_args(argv)
    if args.verbose:
        logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    handler = {
        "build": _build,
        "query": _query,
        "push": _push,
        "viz": _viz,
        "validate": _validate,
        "stats": _stats,
        "eval": _eval,
    }[args.command]
    try:
        return handler(args)
    except GeoKGError as error:
        print(f"kg {args.command}: error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"kg {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of stdout went away (`kg stats graph.ttl | head`): stop quietly,
        # and point stdout at /dev/null so the interpreter's final flush does not fail.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


def _build(args: argparse.Namespace) -> int:
    import kg
    from kg.api import as_documents, extract
    from kg.graph.store import KnowledgeGraph, format_for
    from kg.readers import parse_date

    format_for(args.output)  # fail on a bad extension before any work
    document_date = parse_date(args.date) if args.date else None
    problems: list[InputError] = []

    for item in args.inputs:
        if not Path(item).exists():
            raise InputError(f"{item}: no such file or directory; check the path")
    documents = list(as_documents([Path(p) for p in args.inputs], date=document_date,
                                  on_error=problems.append))
    if not documents and len(problems) == 1:
        raise problems[0]  # one bad input: its own message is the error
    for problem in problems:
        print(f"kg build: warning: {problem} (skipped)", file=sys.stderr)
    if not documents:
        raise InputError("no documents could be read from " + ", ".join(args.inputs)
                         + "; fix the errors above and run again")
    graph = KnowledgeGraph()
    if args.append and Path(args.output).exists():
        graph.parse(args.output)
    nlp = kg.load_pipeline(args.model)
    statements = 0
    for document, relations in extract(documents, nlp):
        statements += graph.add(document, relations, kg.__version__)
    graph.serialize(args.output)
    if args.html:
        graph.to_html(args.html)
    print(f"kg build: {len(documents)} document(s), {statements} statement(s) -> {args.output}"
          + (f", {args.html}" if args.html else ""))
    return 0


def _read_query(text: str) -> str:
    path = Path(text)
    if text.endswith(".rq") or ("\n" not in text and len(text) < 512 and path.is_file()):
        if not path.is_file():
            raise InputError(f"{text}: no such query file; check the path")
        try:
            return path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise InputError(f"{text}: query file is not UTF-8 text; save it as UTF-8") from None
    return text


def _query(args: argparse.Namespace) -> int:
    from kg import query as queries

    if args.list:
        for named in queries.named_queries().values():
            print(f"{named.name}\n    {named.description}")
            for line in named.usage().splitlines():
                print(f"    --param {line}")
        return 0
    if args.graph is None:
        raise InputError("give a graph file (or endpoint URL) and a query, a --named query, or --list")
    if args.named and args.query:
        raise InputError("give either a QUERY or --named NAME, not both")
    if not args.named and not args.query:
        raise InputError("give a SPARQL query (text or a .rq file) or --named NAME; "
                         "kg query --list shows the named queries")
    values = queries.parse_parameters(args.param)
    named = queries.named_query(args.named) if args.named else None
    sparql = named.sparql if named else _read_query(args.query)
    if args.graph.startswith(("http://", "https://")):
        if named or values:
            raise InputError("named queries and --param run on graph files; an endpoint takes "
                             "plain SPARQL (run kg query on an exported graph file to bind values)")
        from kg.graph.remote import query_endpoint

        table = query_endpoint(args.graph, sparql)
        _print_frame(table, args.format)
        return 0
    from kg.graph.store import KnowledgeGraph

    graph = KnowledgeGraph.load(args.graph)
    try:
        result = queries.run_query(graph.graph, sparql, queries.bindings_for(graph.graph, values, named))
    except QueryError as error:
        if named is None and sparql is not args.query:  # read from a file: say which
            raise QueryError(f"{args.query}: {error}") from None
        raise
    names = "labels" if args.labels else "iris" if args.iris else "compact"
    if result.kind in ("CONSTRUCT", "DESCRIBE"):
        sys.stdout.write(result.to_turtle())
    elif args.format == "csv":
        sys.stdout.write(result.to_csv(names))
    elif args.format == "json":
        print(result.to_json(names))
    else:
        print(result.to_table(names))
    return 0


def _print_frame(table, format: str) -> None:
    """An endpoint's answer, printed like a graph file's."""
    if format == "csv":
        sys.stdout.write(table.to_csv(index=False))
    elif format == "json":
        print(json.dumps(table.to_dict("records"), indent=1, ensure_ascii=False, default=str))
    elif table.empty:
        print("(no results)")
    else:
        print(table.to_string(index=False))


def _push(args: argparse.Namespace) -> int:
    from kg.graph.remote import push
    from kg.graph.store import KnowledgeGraph

    graph = KnowledgeGraph.load(args.graph)
    count = push(graph.graph, args.url, named_graph=args.named_graph, replace=args.replace)
    print(f"kg push: sent {count} triples to {args.url}")
    return 0


def _viz(args: argparse.Namespace) -> int:
    from kg.graph.store import KnowledgeGraph

    if args.hops < 0 or args.max_nodes < 1:
        raise InputError("--hops must be 0 or more and --max-nodes 1 or more")
    graph = KnowledgeGraph.load(args.graph)
    path = graph.to_html(args.output, include_unasserted=args.all, focus=args.focus, hops=args.hops,
                         level=args.level, size_by=args.size_by, max_nodes=args.max_nodes,
                         title=args.title or Path(args.graph).stem)
    print(f"kg viz: wrote {path}")
    if args.png:
        from kg.viz import screenshot

        print(f"kg viz: wrote {screenshot(path, args.png)}")
    return 0


def _validate(args: argparse.Namespace) -> int:
    from kg.graph.store import KnowledgeGraph

    graph = KnowledgeGraph.load(args.graph)
    conforms, report = graph.validate()
    if conforms:
        print(f"kg validate: {args.graph} conforms to the geokg shapes")
        return 0
    print(report)
    print(f"kg validate: {args.graph} does not conform to the geokg shapes", file=sys.stderr)
    return 3


def _stats(args: argparse.Namespace) -> int:
    from kg.graph.store import KnowledgeGraph

    stats = KnowledgeGraph.load(args.graph).stats()
    if args.format == "json":
        print(json.dumps(stats, indent=1))
        return 0
    print(f"documents   {stats['documents']}")
    print(f"entities    {stats['entities']}")
    for name, count in stats["entities_by_type"].items():
        print(f"  {name:<28}{count}")
    print(f"statements  {stats['statements']}")
    for name, count in stats["modalities"].items():
        print(f"  {name:<28}{count}")
    print("relations")
    for name, count in stats["relations"].items():
        print(f"  {name:<28}{count}")
    return 0


def _eval(args: argparse.Namespace) -> int:
    import kg
    from kg.api import extract, extract_mentions
    from kg.graph.namespace import SYMMETRIC_RELATIONS
    from kg.graph.ontology import super_properties, wikidata_alignment

    nlp = kg.load_pipeline(args.model)

    def run(documents):
        return [r for _, relations in extract(documents, nlp) for r in relations]

    def mentions(documents):
        return list(extract_mentions(documents, nlp))

    gold_path = Path(args.gold)
    if args.entities:
        from kg.evaluation import evaluate_entities, evaluate_redocred_entities, load_gold_set, load_redocred

        if gold_path.is_file() and gold_path.suffix == ".jsonl":
            report = evaluate_redocred_entities(load_redocred(gold_path), mentions)
        else:
            report = evaluate_entities(load_gold_set(gold_path), mentions)
    elif gold_path.is_file() and gold_path.suffix == ".jsonl":
        from kg.evaluation import evaluate_redocred, load_redocred

        report = evaluate_redocred(load_redocred(gold_path), run, wikidata_alignment())
    else:
        from kg.evaluation import evaluate, load_gold_set

        gold = load_gold_set(gold_path)
        report = evaluate(gold, run,
                          super_properties=lambda p: frozenset({p}) | super_properties(p),
                          symmetric=SYMMETRIC_RELATIONS)
    if args.format == "json":
        print(json.dumps(report.to_dict(), indent=1, ensure_ascii=False))
    else:
        print(report.to_text())
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
