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
    build.add_argument("inputs", nargs="*", metavar="INPUT",
                       help=".txt, .jsonl, .html, .csv or RSS/Atom file, an http(s) URL, or a directory of files")
    build.add_argument("--urls", metavar="FILE", help="also read the http(s) URLs listed in FILE, one a line")
    build.add_argument("--fetch", action="store_true",
                       help="for feeds: fetch the page each item links to and read its text")
    build.add_argument("--text-column", default="text", metavar="NAME", help="CSV column of the text (default: text)")
    build.add_argument("--date-column", default="date", metavar="NAME", help="CSV column of the date (default: date)")
    build.add_argument("--store", metavar="DIR",
                       help="store to build into (default: ./kg-store, unless -o alone is given)")
    build.add_argument("-o", "--output",
                       help="graph file to write (.ttl, .nt, .jsonld, .trig); without --store the "
                            "graph is built in memory and only this file is written")
    build.add_argument("--date", help="publication date of .txt inputs (YYYY-MM-DD)")
    build.add_argument("--model", help="spaCy pipeline package to use (default: best installed)")
    build.add_argument("--html", help="also write the interactive HTML view to this file")
    build.add_argument("--append", action="store_true", help="with -o alone: merge into the output graph if it exists")
    build.add_argument("--workers", type=_positive, default=1, metavar="N",
                       help="processes running the pipeline (default: 1)")
    build.add_argument("--batch-size", type=_positive, default=32, metavar="N",
                       help="documents per pipeline batch (default: 32)")
    build.add_argument("--scheduler", metavar="ADDRESS",
                       help="run extraction on a Dask cluster, e.g. tcp://10.0.0.5:8786")
    build.add_argument("--wait", action="store_true",
                       help="wait for another process using the store instead of failing")

    remove = commands.add_parser("remove", help="remove documents and what only they supported from a store")
    remove.add_argument("document_ids", nargs="+", metavar="DOC_ID", help="identifier of a document")
    remove.add_argument("--store", metavar="DIR", default="kg-store", help="the store (default: ./kg-store)")

    export = commands.add_parser("export", help="write a store to a graph file")
    export.add_argument("store", metavar="STORE", help="store directory")
    export.add_argument("-o", "--output", required=True,
                        help="file to write: .ttl, .nt, .jsonld (union of the graphs), .trig, .nq (named graphs)")

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

    push = commands.add_parser("push", help="send a store or a graph file to a SPARQL Graph Store endpoint")
    push.add_argument("graph", help="store directory or graph file")
    push.add_argument("url", help="Graph Store endpoint, e.g. http://127.0.0.1:7878/store")
    push.add_argument("--graph", dest="named_graph", help="IRI of the named graph to write (default graph if absent)")
    push.add_argument("--replace", action="store_true", help="clear the target graph first instead of merging")
    push.add_argument("--named-graphs", action="store_true",
                      help="keep the store's graphs (one per document) as named graphs on the server")
    push.add_argument("--batch-size", type=_positive, default=50_000, metavar="N",
                      help="triples per POST (default: 50000)")

    serve = commands.add_parser("serve", help="a read-only SPARQL endpoint over a store")
    serve.add_argument("--store", metavar="DIR", default="kg-store", help="the store (default: ./kg-store)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    serve.add_argument("--port", type=int, default=7878, help="port (default: 7878)")
    serve.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                       help="longest a query may run (default: 30)")
    serve.add_argument("--max-rows", type=_positive, default=100_000, metavar="N",
                       help="most results an answer may hold (default: 100000)")
    serve.add_argument("--workers", type=_positive, default=2, metavar="N",
                       help="queries evaluated at once (default: 2)")

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
    evaluate.add_argument("gold", help="gold-set directory (docs.jsonl, gold.jsonl, entities.json, "
                                       "optional not_asserted.jsonl), a Re-DocRED .jsonl file "
                                       "or a .jsonl file of PLOVER records")
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
        "remove": _remove,
        "export": _export,
        "query": _query,
        "push": _push,
        "serve": _serve,
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


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {text!r}")
    return value


def _build(args: argparse.Namespace) -> int:
    from kg.graph.store import format_for

    from kg.sources import is_url

    if args.output:
        format_for(args.output)  # fail on a bad extension before any work
    if args.urls:
        args.inputs = [*args.inputs, *_listed_urls(args.urls)]
    if not args.inputs:
        raise InputError("give the documents to build: files, directories or URLs (or --urls FILE)")
    for item in args.inputs:
        if not is_url(item) and not Path(item).exists():
            raise InputError(f"{item}: no such file or directory; check the path")
    if args.output and not args.store:
        return _build_file(args)
    if args.append:
        raise InputError("--append merges into a graph file; with a store, documents are "
                         "merged already: drop --append")
    return _build_store(args)


def _listed_urls(path: str) -> list[str]:
    """The URLs of a list file: one a line, blank lines and ``#`` comments skipped."""
    from kg.sources import is_url

    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read the URL list ({getattr(error, 'strerror', None) or error}); "
                         "give a UTF-8 text file with one URL a line") from None
    urls = []
    for number, line in enumerate(lines, start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not is_url(line):
            raise InputError(f"{path}:{number}: {line!r} is not an http(s) URL; one URL a line")
        urls.append(line)
    return urls


def _read_inputs(args: argparse.Namespace, on_error):
    from kg.api import as_documents
    from kg.readers import parse_date
    from kg.sources import SourceOptions, is_url

    document_date = parse_date(args.date) if args.date else None
    options = SourceOptions(fetch=args.fetch, text_column=args.text_column, date_column=args.date_column)
    return as_documents([p if is_url(p) else Path(p) for p in args.inputs], date=document_date,
                        on_error=on_error, options=options)


def _build_file(args: argparse.Namespace) -> int:
    """The graph in memory, written to one file at the end (``-o`` without ``--store``)."""
    import kg
    from kg.api import extract
    from kg.graph.store import KnowledgeGraph

    problems: list[InputError] = []
    documents = list(_read_inputs(args, problems.append))
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
    for document, relations in extract(documents, nlp, batch_size=args.batch_size):
        statements += graph.add(document, relations, kg.__version__)
    graph.serialize(args.output)
    if args.html:
        graph.to_html(args.html)
    print(f"kg build: {len(documents)} document(s), {statements} statement(s) -> {args.output}"
          + (f", {args.html}" if args.html else ""))
    return 0


def _build_store(args: argparse.Namespace) -> int:
    """Stream the documents into a store, committing each as it is done."""
    from kg.graph.persistent import DEFAULT_STORE, PersistentGraph
    from kg.ingest import build_store, estimate_documents
    from kg.progress import progress_for

    store_path = args.store or DEFAULT_STORE
    progress = progress_for(sys.stderr, estimate_documents(args.inputs))
    problems: list[InputError] = []

    def skipped(problem: InputError) -> None:
        problems.append(problem)
        progress.warn(f"kg build: warning: {problem} (skipped)")

    with PersistentGraph.open(store_path, wait=args.wait) as store:
        try:
            report = build_store(_read_inputs(args, skipped), store, model=args.model,
                                 workers=args.workers, batch_size=args.batch_size,
                                 scheduler=args.scheduler, progress=progress)
        finally:
            progress.close()
        if report.interrupted:
            print(f"kg build: interrupted; {report.extracted} document(s) committed to {store_path}, "
                  "run the same command again to resume", file=sys.stderr)
            return 130
        if report.documents == 0:
            if len(problems) == 1:
                raise problems[0]
            raise InputError("no documents could be read from " + ", ".join(args.inputs)
                             + "; fix the errors above and run again")
        outputs = [store_path]
        if args.output:
            outputs.append(str(store.serialize(args.output)))
        if args.html:
            outputs.append(str(store.to_html(args.html)))
    rate = f", {report.words_per_second:,.0f} words/s" if report.extracted else ""
    print(f"kg build: {report.documents} document(s): {report.extracted} extracted, "
          f"{report.unchanged} unchanged, {len(problems)} skipped; {report.statements} statement(s) "
          f"in {report.seconds:.1f} s{rate} -> {', '.join(outputs)}")
    return 0


def _remove(args: argparse.Namespace) -> int:
    from kg.graph.persistent import PersistentGraph, StoreError

    with PersistentGraph.open(args.store, create=False) as store:
        missing = [d for d in args.document_ids if store.stored_hash(d) is None]
        if missing:
            raise StoreError(f"{args.store}: no document {', '.join(map(repr, missing))} in the store "
                             "(nothing was removed); check the identifiers")
        removed = sum(store.remove(document_id) for document_id in args.document_ids)
    print(f"kg remove: {len(args.document_ids)} document(s), {removed} statement(s) removed from {args.store}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from kg.graph.persistent import PersistentGraph
    from kg.graph.store import format_for

    format_for(args.output)
    with PersistentGraph.open(args.store, read_only=True) as store:
        path = store.serialize(args.output)
        triples = len(store)
    print(f"kg export: {triples} triples -> {path}")
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
    from kg.graph.persistent import PersistentGraph, is_store
    from kg.graph.remote import push
    from kg.graph.store import format_for

    if args.named_graphs and args.named_graph:
        raise InputError("give either --graph IRI (everything into one graph) or --named-graphs, not both")
    if is_store(args.graph):
        with PersistentGraph.open(args.graph, read_only=True) as store:
            count = push(store, args.url, named_graph=args.named_graph, replace=args.replace,
                         batch_size=args.batch_size, named_graphs=args.named_graphs)
    else:
        path = Path(args.graph)
        format_for(path)
        if not path.is_file():
            raise InputError(f"{path}: no such store or graph file; check the path")
        count = push(path, args.url, named_graph=args.named_graph, replace=args.replace,
                     batch_size=args.batch_size, named_graphs=args.named_graphs)
    print(f"kg push: sent {count} triples to {args.url}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from kg.endpoint import EndpointSettings, serve

    settings = EndpointSettings(timeout=args.timeout, max_rows=args.max_rows, workers=args.workers)

    def ready(server) -> None:
        host, port = server.server_address[:2]
        print(f"kg serve: read-only SPARQL endpoint on http://{host}:{port}/query over {args.store} "
              f"({settings.timeout:g} s, {settings.max_rows:,} results per query); Ctrl-C stops it", flush=True)

    try:
        serve(args.store, host=args.host, port=args.port, settings=settings, ready=ready)
    except OSError as error:
        raise InputError(f"cannot listen on {args.host}:{args.port} ({error.strerror or error}); "
                         "choose another --port") from None
    print("kg serve: stopped")
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
            from kg.evaluation.plover import is_plover_file

            if is_plover_file(gold_path):
                raise InputError(f"{gold_path}: PLOVER records code events, not entity mentions; "
                                 "drop --entities to score the events")
            report = evaluate_redocred_entities(load_redocred(gold_path), mentions)
        else:
            report = evaluate_entities(load_gold_set(gold_path), mentions)
    elif gold_path.is_file() and gold_path.suffix == ".jsonl":
        from kg.evaluation import evaluate_plover, evaluate_redocred, is_plover_file, load_plover, load_redocred
        from kg.graph.ontology import plover_types

        if is_plover_file(gold_path):
            report = evaluate_plover(load_plover(gold_path), run, plover_types(),
                                     super_properties=super_properties, symmetric=SYMMETRIC_RELATIONS)
        else:
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
