"""Run geokg's benchmarks and print each against its in-process baseline.

Usage::

    python bench/run.py                      # all: startup throughput graph viz
    python bench/run.py throughput --limit 40
    python bench/run.py graph viz --json bench.json

Every row compares geokg with a baseline measured in the same process and
reports the ratio; absolute times depend on the machine and its load, ratios
much less. These are measurements, not tests: nothing here fails on a slow run.
See bench/README.md for what each benchmark measures and how to read it.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import graph_bench  # noqa: E402
import ingest_bench  # noqa: E402
import memory_bench  # noqa: E402
import resume_bench  # noqa: E402
import startup_bench  # noqa: E402
import store_bench  # noqa: E402
import throughput_bench  # noqa: E402
import viz_bench  # noqa: E402
from benchlib import Context, Row, format_table  # noqa: E402

BENCHMARKS = {
    "startup": lambda context, options: startup_bench.run(context, repeat=options.repeat),
    "throughput": lambda context, options: throughput_bench.run(context, rounds=options.rounds),
    "graph": lambda context, options: graph_bench.run(context, triples=options.triples),
    "viz": lambda context, options: viz_bench.run(context),
    "ingest": lambda context, options: ingest_bench.run(context, rounds=options.rounds),
    "store": lambda context, options: store_bench.run(context, sizes=tuple(options.sizes)),
    "resume": lambda context, options: resume_bench.run(context, limit=options.limit),
    "memory": lambda context, options: memory_bench.run(context, sizes=tuple(options.documents)),
}


def parse_arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="bench/run.py",
        description="geokg benchmarks; each row is a ratio against a baseline run in the same process.",
    )
    parser.add_argument(
        "names",
        nargs="*",
        metavar="NAME",
        help=f"benchmarks to run, in order (default: all of {', '.join(BENCHMARKS)})",
    )
    parser.add_argument(
        "--limit",
        type=int,
        default=None,
        metavar="N",
        help=f"use the first N of the 417 BBC politics documents (default: "
        f"{throughput_bench.DEFAULT_LIMIT} for throughput, "
        f"{graph_bench.DEFAULT_LIMIT} for graph)",
    )
    parser.add_argument(
        "--rounds", type=int, default=3, help="interleaved throughput rounds; the median is reported (default: 3)"
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="startup loads of each kind; the median is reported (default: 3)"
    )
    parser.add_argument(
        "--triples",
        type=int,
        default=graph_bench.DEFAULT_TRIPLES,
        help="size the graph benchmark replicates to (default: 100000)",
    )
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=list(store_bench.SIZES),
        metavar="TRIPLES",
        help="graph sizes of the store benchmark (default: 100000 1000000)",
    )
    parser.add_argument(
        "--documents",
        type=int,
        nargs="+",
        default=list(memory_bench.SIZES),
        metavar="N",
        help="corpus sizes of the memory benchmark (default: 1000 10000 50000)",
    )
    parser.add_argument(
        "--quick", action="store_true", help="leave out the slowest baseline (networkx spring_layout of 5,000 entities)"
    )
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the results as JSON")
    parser.add_argument("-v", "--verbose", action="store_true", help="log every timed round")
    options = parser.parse_args(argv)
    unknown = [name for name in options.names if name not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(map(repr, unknown))}; choose from {', '.join(BENCHMARKS)}")
    if options.limit is not None and options.limit < 1:
        parser.error("--limit must be at least 1")
    for name in ("rounds", "repeat"):
        if getattr(options, name) < 1:
            parser.error(f"--{name} must be at least 1")
    return options


def machine() -> dict[str, object]:
    """What the numbers were measured on."""
    import rdflib
    import spacy

    import kg
    from kg.nlp.pipeline import choose_model

    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
        "geokg": kg.__version__,
        "spacy": spacy.__version__,
        "model": choose_model(),
        "rdflib": rdflib.__version__,
    }


def main(argv: list[str] | None = None) -> int:
    options = parse_arguments(argv)
    logging.basicConfig(
        level=logging.INFO if options.verbose else logging.WARNING,
        format="%(asctime)s %(name)s: %(message)s",
        datefmt="%H:%M:%S",
    )
    names = options.names or list(BENCHMARKS)
    context = Context(limit=options.limit, quick=options.quick)
    rows: list[Row] = []
    seconds: dict[str, float] = {}
    for name in names:
        print(f"running {name} ...", file=sys.stderr, flush=True)
        start = time.perf_counter()
        rows.extend(BENCHMARKS[name](context, options))
        seconds[name] = time.perf_counter() - start
    print(format_table(rows))
    print("wall time: " + ", ".join(f"{name} {s:.0f} s" for name, s in seconds.items()))
    if options.json:
        report = {
            "machine": machine(),
            "options": {key: str(value) if isinstance(value, Path) else value for key, value in vars(options).items()},
            "wall_seconds": seconds,
            "rows": [row.as_json() for row in rows],
        }
        options.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {options.json}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
