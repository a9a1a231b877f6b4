"""The ``kg`` command: the only place that prints or picks exit codes.

Every error is one line on stderr, ``kg COMMAND: error: ...``; ``-v`` adds the
traceback, for bug reports. Exit codes:

===  ==========================================================================
0    success
1    any other geokg error
2    usage error (unknown option, missing argument; from argparse)
3    ``kg validate``: the graph does not conform to the shapes
4    an input cannot be read (:class:`~kg.errors.InputError`)
5    a graph file cannot be read (:class:`~kg.errors.GraphFormatError`)
6    a query is invalid or refused (:class:`~kg.errors.QueryError`)
7    a SPARQL endpoint failed (:class:`~kg.errors.RemoteError`)
8    an output cannot be written (:class:`~kg.errors.OutputError`)
9    ``--strict``: input was skipped, nothing written (:class:`~kg.errors.IncompleteBuildError`)
10   set-up: model, configuration, gazetteer or vocabulary (:class:`~kg.errors.ConfigError` ...)
11   a store cannot be opened or used (:class:`~kg.errors.StoreError`)
70   an internal error (a bug: please report it with the ``-v`` traceback)
75   the output or store is in use by another process; try again later (:class:`~kg.errors.OutputInUseError`,
     :class:`~kg.errors.StoreInUseError`)
130  interrupted (Ctrl-C); 143 stopped by SIGTERM
===  ==========================================================================
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import signal
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from kg.errors import (
    ConfigError,
    GeoKGError,
    GraphFormatError,
    IncompleteBuildError,
    InputError,
    ModelNotFoundError,
    OutputError,
    OutputInUseError,
    QueryError,
    QueryRefusedError,
    RecordError,
    RemoteError,
    StoreError,
    StoreInUseError,
    VocabularyError,
)

__all__ = ["EXIT_CODES", "main"]

logger = logging.getLogger("kg")

#: The exit code of each error class; a class not listed takes its nearest listed base's.
EXIT_CODES: dict[type[BaseException], int] = {
    GeoKGError: 1,
    InputError: 4,
    GraphFormatError: 5,
    QueryError: 6,
    RemoteError: 7,
    OutputError: 8,
    IncompleteBuildError: 9,
    ConfigError: 10,
    ModelNotFoundError: 10,
    VocabularyError: 10,
    RecordError: 10,
    StoreError: 11,
    OutputInUseError: 75,
    StoreInUseError: 75,
}
INTERNAL_ERROR = 70


def exit_code(error: BaseException) -> int:
    """The exit code for an error: that of its class or nearest listed base class."""
    for cls in type(error).__mro__:
        if cls in EXIT_CODES:
            return EXIT_CODES[cls]
    return INTERNAL_ERROR


class _Terminated(BaseException):
    """SIGTERM arrived: unwind like Ctrl-C, so that locks and temporary files are cleaned up."""


def _on_sigterm(signum, frame):  # noqa: ARG001 - signal handler signature
    raise _Terminated()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kg", description="Geopolitical knowledge graphs from English news text.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser("build", help="extract a graph from .txt/.jsonl files or directories")
    build.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help=".txt, .jsonl, .html, .csv or RSS/Atom file, an http(s) URL, or a directory of files",
    )
    build.add_argument("--urls", metavar="FILE", help="also read the http(s) URLs listed in FILE, one a line")
    build.add_argument(
        "--fetch", action="store_true", help="for feeds: fetch the page each item links to and read its text"
    )
    build.add_argument("--text-column", default="text", metavar="NAME", help="CSV column of the text (default: text)")
    build.add_argument("--date-column", default="date", metavar="NAME", help="CSV column of the date (default: date)")
    build.add_argument(
        "--store", metavar="DIR", help="store to build into (default: ./kg-store, unless -o alone is given)"
    )
    build.add_argument(
        "-o",
        "--output",
        help="graph file to write (.ttl, .nt, .jsonld, .trig); without --store the "
        "graph is built in memory and only this file is written",
    )
    build.add_argument("--date", help="publication date of .txt inputs (YYYY-MM-DD)")
    build.add_argument("--model", help="spaCy pipeline package to use (default: best installed)")
    build.add_argument("--html", help="also write the interactive HTML view to this file")
    build.add_argument("--append", action="store_true", help="with -o alone: merge into the output graph if it exists")
    build.add_argument(
        "--workers", type=_positive, default=1, metavar="N", help="processes running the pipeline (default: 1)"
    )
    build.add_argument(
        "--batch-size", type=_positive, default=32, metavar="N", help="documents per pipeline batch (default: 32)"
    )
    build.add_argument(
        "--scheduler", metavar="ADDRESS", help="run extraction on a Dask cluster, e.g. tcp://10.0.0.5:8786"
    )
    build.add_argument(
        "--wait", action="store_true", help="wait for another process using the store instead of failing"
    )

    remove = commands.add_parser("remove", help="remove documents and what only they supported from a store")
    remove.add_argument("document_ids", nargs="+", metavar="DOC_ID", help="identifier of a document")
    remove.add_argument("--store", metavar="DIR", default="kg-store", help="the store (default: ./kg-store)")

    export = commands.add_parser("export", help="write a store to a graph file")
    export.add_argument("store", metavar="STORE", help="store directory")
    export.add_argument(
        "-o",
        "--output",
        required=True,
        help="file to write: .ttl, .nt, .jsonld (union of the graphs), .trig, .nq (named graphs)",
    )
    build.add_argument(
        "--strict",
        action="store_true",
        help="fail (exit 9) if any input or document is skipped: inputs are read first and "
        "nothing is written when one is skipped; into a store, a document the pipeline "
        "fails on stops the build there",
    )

    query = commands.add_parser("query", help="run a SPARQL query on a graph file or a SPARQL endpoint")
    query.add_argument("graph", nargs="?", help="graph file, or the http(s) URL of a SPARQL query endpoint")
    query.add_argument("query", nargs="?", help="SPARQL text, or a .rq file")
    query.add_argument("--named", metavar="NAME", help="run a named query (see --list) instead of QUERY")
    query.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="bind a query variable to a value, e.g. actor=Uzbekistan (repeatable)",
    )
    query.add_argument("--list", action="store_true", help="list the named queries and their parameters")
    names = query.add_mutually_exclusive_group()
    names.add_argument("--labels", action="store_true", help="print labels instead of prefixed names")
    names.add_argument("--iris", action="store_true", help="print full IRIs instead of prefixed names")
    query.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="how to print a table (graph results always print as Turtle)",
    )

    push = commands.add_parser("push", help="send a store or a graph file to a SPARQL Graph Store endpoint")
    push.add_argument("graph", help="store directory or graph file")
    push.add_argument("url", help="Graph Store endpoint, e.g. http://127.0.0.1:7878/store")
    push.add_argument("--graph", dest="named_graph", help="IRI of the named graph to write (default graph if absent)")
    push.add_argument("--replace", action="store_true", help="clear the target graph first instead of merging")
    push.add_argument(
        "--named-graphs",
        action="store_true",
        help="keep the store's graphs (one per document) as named graphs on the server",
    )
    push.add_argument(
        "--batch-size", type=_positive, default=50_000, metavar="N", help="triples per POST (default: 50000)"
    )

    serve = commands.add_parser("serve", help="a read-only SPARQL endpoint over a store")
    serve.add_argument("--store", metavar="DIR", default="kg-store", help="the store (default: ./kg-store)")
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)"
    )
    serve.add_argument("--port", type=int, default=7878, help="port (default: 7878)")
    serve.add_argument(
        "--timeout", type=float, default=30.0, metavar="SECONDS", help="longest a query may run (default: 30)"
    )
    serve.add_argument(
        "--max-rows",
        type=_positive,
        default=100_000,
        metavar="N",
        help="most results an answer may hold (default: 100000)",
    )
    serve.add_argument(
        "--workers", type=_positive, default=2, metavar="N", help="queries evaluated at once (default: 2)"
    )

    viz = commands.add_parser("viz", help="write an interactive HTML view of a graph file")
    viz.add_argument("graph", help="graph file")
    viz.add_argument("-o", "--output", required=True, help="HTML file to write")
    viz.add_argument(
        "--all", action="store_true", help="tick every modality at first (the page shows asserted statements otherwise)"
    )
    viz.add_argument(
        "--focus",
        action="append",
        default=[],
        metavar="ACTOR",
        help="centre the view on this actor (label or IRI; repeatable)",
    )
    viz.add_argument("--hops", type=int, default=1, help="with --focus: how many relations away to draw (default 1)")
    viz.add_argument(
        "--level",
        choices=("actor", "country"),
        default="actor",
        help="country: fold agents, persons and government bodies into their countries",
    )
    viz.add_argument(
        "--size-by",
        choices=("degree", "pagerank", "betweenness"),
        default="degree",
        help="what node sizes show (default degree)",
    )
    viz.add_argument("--title", help="title of the page (default: the graph file's name)")
    viz.add_argument(
        "--max-nodes",
        type=int,
        default=5000,
        help="larger views keep their most connected actors and say what was left out",
    )
    viz.add_argument("--png", help="also write a screenshot of the view (needs Chromium)")

    validate = commands.add_parser("validate", help="check a graph file against the SHACL shapes")
    validate.add_argument("graph", help="graph file")

    stats = commands.add_parser("stats", help="count entities, relations and documents in a graph file")
    stats.add_argument("graph", help="graph file")
    stats.add_argument("--format", choices=("table", "json"), default="table")

    evaluate = commands.add_parser("eval", help="score extraction against a gold set")
    evaluate.add_argument(
        "gold",
        help="gold-set directory (docs.jsonl, gold.jsonl, entities.json, "
        "optional not_asserted.jsonl), a Re-DocRED .jsonl file "
        "or a .jsonl file of PLOVER records",
    )
    evaluate.add_argument("--model", help="spaCy pipeline package to use")
    evaluate.add_argument("--format", choices=("table", "json"), default="table")
    evaluate.add_argument(
        "--entities", action="store_true", help="score entity mentions (found, typed, linked) instead of relations"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _parser().parse_args(argv)
    if args.verbose:
        logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    previous_sigterm = None
    with contextlib.suppress(ValueError):  # not the main thread: leave signals alone
        previous_sigterm = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        return _run(args)
    finally:
        if previous_sigterm is not None:
            signal.signal(signal.SIGTERM, previous_sigterm)


def _run(args: argparse.Namespace) -> int:
    """Run one command; map what it raises to one line and an exit code."""
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
        if args.verbose:
            traceback.print_exception(error, file=sys.stderr)
        print(f"kg {args.command}: error: {_one_line(error)}", file=sys.stderr)
        return exit_code(error)
    except KeyboardInterrupt:
        print(f"kg {args.command}: interrupted; {_UNCHANGED}", file=sys.stderr)
        return 130
    except _Terminated:
        print(f"kg {args.command}: stopped by SIGTERM; {_UNCHANGED}", file=sys.stderr)
        return 143
    except BrokenPipeError:
        # The reader of stdout went away (`kg stats graph.ttl | head`): stop quietly,
        # and point stdout at /dev/null so the interpreter's final flush does not fail.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except OSError as error:  # a file operation the library did not anticipate
        if args.verbose:
            traceback.print_exception(error, file=sys.stderr)
        where = f"{error.filename}: " if error.filename else ""
        print(
            f"kg {args.command}: error: {where}{error.strerror or error}; check the path and its permissions",
            file=sys.stderr,
        )
        return EXIT_CODES[OutputError]
    except Exception as error:  # noqa: BLE001 - a bug: one line, the traceback with -v
        stop = _stopped_by(error)
        if stop is not None:
            # a signal that arrived inside a library (an import, a C extension) that turned it into its own error
            interrupted = isinstance(stop, KeyboardInterrupt)
            what = "interrupted" if interrupted else "stopped by SIGTERM"
            print(f"kg {args.command}: {what}; {_UNCHANGED}", file=sys.stderr)
            return 130 if interrupted else 143
        if args.verbose:
            traceback.print_exception(error, file=sys.stderr)
        print(
            f"kg {args.command}: internal error: {type(error).__name__}: {_one_line(error)}; "
            "this is a bug in geokg: run the command again with -v and report the traceback",
            file=sys.stderr,
        )
        return INTERNAL_ERROR


_UNCHANGED = "files being written were left as they were"


def _stopped_by(error: BaseException) -> BaseException | None:
    """The Ctrl-C or SIGTERM behind an error, if the error was raised while handling one."""
    seen: set[int] = set()
    cause: BaseException | None = error
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, (KeyboardInterrupt, _Terminated)):
            return cause
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return None


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


class _BuildReport:
    """What a build did with each input: printed as it happens, counted for the summary."""

    def __init__(self, verbose: bool, strict: bool) -> None:
        self.verbose = verbose
        self.strict = strict
        self.built = 0
        self.skipped: list[GeoKGError] = []
        self.warnings = 0
        self._held: list[str] | None = None

    def hold(self) -> None:
        """Keep messages back (while reading) until :meth:`flush` or :meth:`drop`."""
        self._held = []

    def flush(self) -> None:
        for line in self._held or ():
            print(line, file=sys.stderr)
        self._held = None

    def _say(self, line: str) -> None:
        if self._held is not None:
            self._held.append(line)
        else:
            print(line, file=sys.stderr)

    def skip(self, error: GeoKGError) -> None:
        self.skipped.append(error)
        if self.verbose and error.__cause__ is not None:
            traceback.print_exception(error.__cause__, file=sys.stderr)
        self._say(f"kg build: skipped: {_one_line(error)}")

    def skip_or_stop(self, error: GeoKGError) -> None:
        """For extraction: in strict mode the first failure stops the build."""
        self.skip(error)
        self.check_strict()

    def warn(self, warning: Warning) -> None:
        self.warnings += 1
        self._say(f"kg build: warning: {_one_line(warning)}")

    def check_strict(self) -> None:
        if self.strict and self.skipped:
            raise _strict_error(len(self.skipped))

    def summary(self) -> str:
        return f"{self.built} built, {len(self.skipped)} skipped, {self.warnings} warnings"


def _strict_error(count: int) -> IncompleteBuildError:
    return IncompleteBuildError(
        f"{count} input{'s' if count > 1 else ''} skipped (see above) and --strict is given, "
        "so the build stopped and nothing was written; fix or remove the inputs named "
        "above, or run without --strict to build the others"
    )


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {text!r}")
    return value


def _build(args: argparse.Namespace) -> int:
    from kg.fileio import check_writable
    from kg.graph.store import format_for
    from kg.readers import check_not_future, parse_date
    from kg.sources import is_url

    # Everything that can be checked is checked before any work starts.
    if args.output:
        format_for(args.output)
    if args.urls:
        args.inputs = [*args.inputs, *_listed_urls(args.urls)]
    if not args.inputs:
        raise InputError("give the documents to build: files, directories or URLs (or --urls FILE)")
    for item in args.inputs:
        if not is_url(item) and not Path(item).exists():
            raise InputError(f"{item}: no such file or directory; check the path")
    args.document_date = check_not_future(parse_date(args.date), "--date") if args.date else None
    outputs = [Path(name) for name in (args.output, args.html) if name]
    if args.html and args.output and Path(args.html).resolve() == Path(args.output).resolve():
        raise OutputError(f"{args.html}: --html names the graph output too; give the view its own file")
    for output in outputs:
        check_writable(output)
    if args.output and not args.store:
        return _build_file(args, outputs)
    if args.append:
        raise InputError("--append merges into a graph file; with a store, documents are merged already: drop --append")
    return _build_store(args)


def _listed_urls(path: str) -> list[str]:
    """The URLs of a list file: one a line, blank lines and ``#`` comments skipped."""
    from kg.sources import is_url

    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(
            f"{path}: cannot read the URL list ({getattr(error, 'strerror', None) or error}); "
            "give a UTF-8 text file with one URL a line"
        ) from None
    urls = []
    for number, line in enumerate(lines, start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not is_url(line):
            raise InputError(f"{path}:{number}: {line!r} is not an http(s) URL; one URL a line")
        urls.append(line)
    return urls


def _read_inputs(args: argparse.Namespace, on_error, on_warning=None):
    from kg.api import as_documents
    from kg.sources import SourceOptions, is_url

    options = SourceOptions(fetch=args.fetch, text_column=args.text_column, date_column=args.date_column)
    return as_documents(
        [p if is_url(p) else Path(p) for p in args.inputs],
        date=args.document_date,
        on_error=on_error,
        on_warning=on_warning,
        options=options,
    )


def _build_file(args: argparse.Namespace, outputs: list[Path]) -> int:
    """The graph in memory, written to one file at the end (``-o`` without ``--store``)."""
    import kg
    from kg.api import extract
    from kg.errors import ExtractionError
    from kg.fileio import OutputLock
    from kg.graph.store import KnowledgeGraph

    report = _BuildReport(verbose=args.verbose, strict=args.strict)
    with contextlib.ExitStack() as held:
        for output in outputs:
            held.enter_context(OutputLock(output))
        report.hold()
        documents = list(_read_inputs(args, report.skip, report.warn))
        if not documents and len(report.skipped) == 1 and not report.warnings:
            raise report.skipped[0]  # one bad input: its own message is the error
        report.flush()
        if not documents:
            raise InputError(
                "no documents could be read from " + ", ".join(args.inputs) + "; fix the errors above and run again"
            )
        report.check_strict()
        graph = KnowledgeGraph()
        if args.append and Path(args.output).exists():
            graph.parse(args.output)
        nlp = kg.load_pipeline(args.model)
        statements = 0
        for document, relations in extract(documents, nlp, batch_size=args.batch_size, on_error=report.skip_or_stop):
            statements += graph.add(document, relations, kg.__version__)
            report.built += 1
            logger.info("built %s: %d statements", document.id, len(relations))
        if not report.built:
            raise ExtractionError(f"no document could be built (see above); {args.output} was not written")
        graph.serialize(args.output)
        if args.html:
            graph.to_html(args.html)
    print(
        f"kg build: {report.summary()}; {statements} statements -> {args.output}"
        + (f", {args.html}" if args.html else "")
    )
    return 0


def _build_store(args: argparse.Namespace) -> int:
    """Stream the documents into a store, committing each as it is done.

    A document the pipeline fails on is reported and skipped (a later run
    tries it again). With ``--strict`` every input is read before the store
    is opened, so a skipped input leaves the store as it was; a document the
    pipeline fails on stops the build there, the documents committed before
    it staying, each whole.
    """
    from kg.graph.persistent import DEFAULT_STORE, PersistentGraph
    from kg.ingest import build_store, estimate_documents
    from kg.progress import progress_for

    store_path = args.store or DEFAULT_STORE
    progress = progress_for(sys.stderr, estimate_documents(args.inputs))
    problems: list[InputError] = []

    def skipped(problem: InputError) -> None:
        problems.append(problem)
        progress.warn(f"kg build: warning: {problem} (skipped)")

    def warned(warning: Warning) -> None:
        progress.warn(f"kg build: warning: {_one_line(warning)}")

    def failed(error: GeoKGError) -> None:
        progress.warn(f"kg build: skipped: {_one_line(error)}")
        if args.strict:
            raise IncompleteBuildError(
                f"a document could not be built (see above) and --strict is given, so the build "
                f"stopped there; the documents committed to {store_path} before it stay, each whole; "
                "fix or remove that document, or run without --strict to build the others"
            )

    documents = _read_inputs(args, skipped, warned)
    if args.strict:
        documents = list(documents)
        if problems:
            progress.close()
            if not documents and len(problems) == 1:
                raise problems[0]
            raise _strict_error(len(problems))
    with PersistentGraph.open(store_path, wait=args.wait) as store:
        try:
            report = build_store(
                documents,
                store,
                model=args.model,
                workers=args.workers,
                batch_size=args.batch_size,
                scheduler=args.scheduler,
                progress=progress,
                on_error=failed,
            )
        finally:
            progress.close()
        if report.interrupted:
            print(
                f"kg build: interrupted; {report.extracted} document(s) committed to {store_path}, "
                "run the same command again to resume",
                file=sys.stderr,
            )
            return 130
        if report.documents == 0:
            if len(problems) == 1:
                raise problems[0]
            raise InputError(
                "no documents could be read from " + ", ".join(args.inputs) + "; fix the errors above and run again"
            )
        outputs = [store_path]
        if args.output:
            outputs.append(str(store.serialize(args.output)))
        if args.html:
            outputs.append(str(store.to_html(args.html)))
    rate = f", {report.words_per_second:,.0f} words/s" if report.extracted else ""
    print(
        f"kg build: {report.documents} document(s): {report.extracted} extracted, "
        f"{report.unchanged} unchanged, {len(problems) + report.failed} skipped; {report.statements} statement(s) "
        f"in {report.seconds:.1f} s{rate} -> {', '.join(outputs)}"
    )
    return 0


def _remove(args: argparse.Namespace) -> int:
    from kg.graph.persistent import PersistentGraph, StoreError

    with PersistentGraph.open(args.store, create=False) as store:
        missing = [d for d in args.document_ids if store.stored_hash(d) is None]
        if missing:
            raise StoreError(
                f"{args.store}: no document {', '.join(map(repr, missing))} in the store "
                "(nothing was removed); check the identifiers"
            )
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


def _names_a_file(text: str) -> bool:
    """True when a one-line argument is the name of an existing file (a query text is not)."""
    if "\n" in text or "{" in text:
        return False
    try:
        return Path(text).is_file()
    except (OSError, ValueError):  # too long for a file name, or a NUL in it
        return False


def _read_query(text: str) -> str:
    """The SPARQL of a query argument: the text itself, or the content of the .rq file it names."""
    from kg.graph.sparql import check_read_only

    path = Path(text)
    if text.endswith(".rq") or _names_a_file(text):
        if not path.is_file():
            raise InputError(f"{text}: no such query file; check the path")
        try:
            sparql = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise InputError(f"{text}: query file is not UTF-8 text; save it as UTF-8") from None
        try:
            check_read_only(sparql)
        except QueryRefusedError as error:
            raise QueryRefusedError(f"{text}: {error}") from None
        return sparql
    return text


def _query(args: argparse.Namespace) -> int:
    from kg import query as queries
    from kg.graph.sparql import check_read_only

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
        raise InputError(
            "give a SPARQL query (text or a .rq file) or --named NAME; kg query --list shows the named queries"
        )
    values = queries.parse_parameters(args.param)
    named = queries.named_query(args.named) if args.named else None
    sparql = named.sparql if named else _read_query(args.query)
    check_read_only(sparql)
    if args.graph.startswith(("http://", "https://")):
        if named or values:
            raise InputError(
                "named queries and --param run on graph files; an endpoint takes "
                "plain SPARQL (run kg query on an exported graph file to bind values)"
            )
        from kg.graph.remote import query_endpoint

        table = query_endpoint(args.graph, sparql)
        _print_result(queries.result_from_frame(table), args)
        return 0
    from kg.graph.store import KnowledgeGraph

    graph = KnowledgeGraph.load(args.graph)
    try:
        result = queries.run_query(graph.graph, sparql, queries.bindings_for(graph.graph, values, named))
    except QueryError as error:
        if named is None and sparql is not args.query:  # read from a file: say which
            raise type(error)(f"{args.query}: {error}") from None
        raise
    _print_result(result, args)
    return 0


def _print_result(result, args: argparse.Namespace) -> None:
    """A query's answer: Turtle for a graph, else a table, CSV or JSON of names as asked."""
    names = "labels" if args.labels else "iris" if args.iris else "compact"
    if result.kind in ("CONSTRUCT", "DESCRIBE"):
        sys.stdout.write(result.to_turtle())
    elif args.format == "csv":
        sys.stdout.write(result.to_csv(names))
    elif args.format == "json":
        print(result.to_json(names))
    else:
        print(result.to_table(names))


def _push(args: argparse.Namespace) -> int:
    from kg.graph.persistent import PersistentGraph, is_store
    from kg.graph.remote import push
    from kg.graph.store import format_for

    if args.named_graphs and args.named_graph:
        raise InputError("give either --graph IRI (everything into one graph) or --named-graphs, not both")
    if is_store(args.graph):
        with PersistentGraph.open(args.graph, read_only=True) as store:
            count = push(
                store,
                args.url,
                named_graph=args.named_graph,
                replace=args.replace,
                batch_size=args.batch_size,
                named_graphs=args.named_graphs,
            )
    else:
        path = Path(args.graph)
        format_for(path)
        if not path.is_file():
            raise InputError(f"{path}: no such store or graph file; check the path")
        count = push(
            path,
            args.url,
            named_graph=args.named_graph,
            replace=args.replace,
            batch_size=args.batch_size,
            named_graphs=args.named_graphs,
        )
    print(f"kg push: sent {count} triples to {args.url}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from kg.endpoint import EndpointSettings, serve

    settings = EndpointSettings(timeout=args.timeout, max_rows=args.max_rows, workers=args.workers)

    def ready(server) -> None:
        host, port = server.server_address[:2]
        print(
            f"kg serve: read-only SPARQL endpoint on http://{host}:{port}/query over {args.store} "
            f"({settings.timeout:g} s, {settings.max_rows:,} results per query); Ctrl-C stops it",
            flush=True,
        )

    try:
        serve(args.store, host=args.host, port=args.port, settings=settings, ready=ready)
    except OSError as error:
        raise InputError(
            f"cannot listen on {args.host}:{args.port} ({error.strerror or error}); choose another --port"
        ) from None
    print("kg serve: stopped")
    return 0


def _viz(args: argparse.Namespace) -> int:
    from kg.graph.store import KnowledgeGraph

    if args.hops < 0 or args.max_nodes < 1:
        raise InputError("--hops must be 0 or more and --max-nodes 1 or more")
    graph = KnowledgeGraph.load(args.graph)
    path = graph.to_html(
        args.output,
        include_unasserted=args.all,
        focus=args.focus,
        hops=args.hops,
        level=args.level,
        size_by=args.size_by,
        max_nodes=args.max_nodes,
        title=args.title or Path(args.graph).stem,
    )
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
                raise InputError(
                    f"{gold_path}: PLOVER records code events, not entity mentions; drop --entities to score the events"
                )
            report = evaluate_redocred_entities(load_redocred(gold_path), mentions)
        else:
            report = evaluate_entities(load_gold_set(gold_path), mentions)
    elif gold_path.is_file() and gold_path.suffix == ".jsonl":
        from kg.evaluation import evaluate_plover, evaluate_redocred, is_plover_file, load_plover, load_redocred
        from kg.graph.ontology import plover_types

        if is_plover_file(gold_path):
            report = evaluate_plover(
                load_plover(gold_path),
                run,
                plover_types(),
                super_properties=super_properties,
                symmetric=SYMMETRIC_RELATIONS,
            )
        else:
            report = evaluate_redocred(load_redocred(gold_path), run, wikidata_alignment())
    else:
        from kg.evaluation import evaluate, load_gold_set

        gold = load_gold_set(gold_path)
        report = evaluate(
            gold, run, super_properties=lambda p: frozenset({p}) | super_properties(p), symmetric=SYMMETRIC_RELATIONS
        )
    if args.format == "json":
        print(json.dumps(report.to_dict(), indent=1, ensure_ascii=False))
    else:
        print(report.to_text())
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
