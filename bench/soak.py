"""Soak run: a long build with bad documents mixed in, interrupted and resumed, ends as a clean build.

2,000 news documents from ``../shared/data/news/`` (AG News world, BBC politics,
Reuters trade and energy, in a seeded random order) are written as four corpus
folders of 500. Bad inputs are mixed in at random: malformed JSON lines,
records without text, HTML pages as text, duplicate ids, invalid and future
dates (the document is kept without its date), and files that must not be
read as news (a README, an empty file, a binary file, a UTF-16 file, an HTML
page saved as .txt).

The reference is one uninterrupted ``kg build`` of the good documents alone
(bad-date records without their date), into a file and into a store. Then:

* **file**: the four folders are built into one Turtle file with
  ``kg build --append``, part after part. Three of the runs are stopped at a
  random moment (SIGKILL, SIGINT, SIGTERM); after each stop the file must be
  byte for byte what it was before the run, and the run is started again.
* **store**: all folders are built into a store with ``kg build --store``,
  stopped three times at random moments and started again (each start resumes
  where the last stopped); the store is exported to Turtle.

Each final graph must be isomorphic to the reference of its kind (the figures
also list how a clean store's export differs from a clean file). The run prints the
figures (documents, skips, warnings, statements, triples, stops, times) and
exits 1 when a check fails. It takes several minutes of one core; it is not
part of ``make test``::

    python bench/soak.py                       # both targets
    python bench/soak.py --target file --documents 400 --seed 3
    python bench/soak.py --json soak.json      # also write the figures as JSON
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Graph
from rdflib.compare import isomorphic

NEWS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "news"
KG = Path(sys.executable).with_name("kg")
PARTS = 4
STOPS = (signal.SIGKILL, signal.SIGINT, signal.SIGTERM)
PAGE = (
    "<!DOCTYPE html>\n<html><head><title>News</title></head><body><nav>Home | World</nav>"
    "<p>Russia threatened Armenia on Monday.</p></body></html>\n"
)


def news_records(count: int, rng: random.Random) -> list[dict]:
    """`count` records drawn from the news files, in a random order (ids are unique there)."""
    records = []
    for path in sorted(NEWS.glob("*.jsonl")):
        with open(path, encoding="utf-8") as handle:
            records.extend(json.loads(line) for line in handle if line.strip())
    rng.shuffle(records)
    for record in records:  # a source of its own, so that it does not name the file it was read from
        record.setdefault("url", f"https://news.example/{record['id']}")
    return records[:count]


def bad_lines(rng: random.Random, part: int, earlier_ids: list[str]) -> list[tuple[str, str]]:
    """(kind, JSON Lines line) for the bad records of one part."""
    lines = [
        ("invalid JSON", '{"id": "broken-' + str(part) + '", "text": "Mali left ECOWAS'),
        ("no text", json.dumps({"id": f"empty-{part}", "text": "   "})),
        ("HTML as text", json.dumps({"id": f"page-{part}", "text": PAGE})),
        ("not an object", json.dumps(["a", "list"])),
    ]
    if earlier_ids:
        lines.append(("duplicate id", json.dumps({"id": rng.choice(earlier_ids), "text": "Chad and Niger met."})))
    return lines


def write_corpus(folder: Path, records: list[dict], rng: random.Random) -> tuple[list[dict], dict]:
    """Write the parts with bad inputs mixed in; return the clean records and what was mixed in."""
    clean: list[dict] = []
    mixed: dict[str, int] = {}
    size = -(-len(records) // PARTS)
    for part in range(PARTS):
        chunk = [dict(r) for r in records[part * size : (part + 1) * size]]
        part_folder = folder / f"part-{part + 1}"
        part_folder.mkdir(parents=True)
        lines: list[str] = []
        for record in chunk:
            kept = dict(record)
            if rng.random() < 0.02:  # a date with junk, or in the future: kept without it
                record["date"] = rng.choice(["26-FEB-1987 15:49:56.01 junk", "2099-01-01", "31/02/2020"])
                kept.pop("date", None)
                mixed["bad date (document kept)"] = mixed.get("bad date (document kept)", 0) + 1
            lines.append(json.dumps(record))
            clean.append(kept)
        for kind, line in bad_lines(rng, part, [r["id"] for r in chunk]):
            # a duplicate comes after the record it repeats, so that the first one is the one kept
            position = len(lines) if kind == "duplicate id" else rng.randrange(len(lines) + 1)
            lines.insert(position, line)
            mixed[kind] = mixed.get(kind, 0) + 1
        (part_folder / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        extra = {
            "README.txt": b"About this corpus: Russia threatened Armenia on Monday.\n",
            f"empty-{part}.txt": b"",
            f"binary-{part}.txt": b"\x00\x01\x02 Chad",
            f"utf16-{part}.txt": "Chad and Niger met.".encode("utf-16"),
            f"saved-page-{part}.txt": PAGE.encode(),
        }
        for name, content in extra.items():
            (part_folder / name).write_bytes(content)
        mixed["bad files"] = mixed.get("bad files", 0) + len(extra)
    return clean, mixed


def run_kg(*argv: str | Path) -> tuple[subprocess.CompletedProcess, float]:
    start = time.perf_counter()
    completed = subprocess.run([str(KG), *map(str, argv)], capture_output=True, text=True, check=False)
    return completed, time.perf_counter() - start


def summary_counts(stdout: str) -> dict[str, int]:
    """The counts of a file build's summary line ("3 built, 1 skipped, 2 warnings; 17 statements")."""
    numbers: dict[str, int] = {}
    for count, word in (
        (part.split()[0], part.split()[1])
        for part in stdout.split(":", 1)[-1].split("->")[0].replace(";", ",").split(",")
        if part.strip()
    ):
        numbers[word] = int(count)
    return numbers


def stop_after(argv: list[str | Path], delay: float, stop: signal.Signals) -> tuple[int, str]:
    """Start `kg`, send `stop` after `delay` seconds; return its exit code and stderr's last line."""
    process = subprocess.Popen([str(KG), *map(str, argv)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        process.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        process.send_signal(stop)
    _, err = process.communicate(timeout=600)
    lines = err.strip().splitlines()
    return process.returncode, lines[-1] if lines else ""


def load(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


def soak_file(work: Path, parts: list[Path], reference: Graph, clean_seconds: float, rng: random.Random) -> dict:
    output = work / "soak-file" / "graph.ttl"
    output.parent.mkdir()
    stops, leftovers, runs, seconds = [], 0, 0, 0.0
    counts = {"built": 0, "skipped": 0, "warnings": 0}
    for index, part in enumerate(parts):
        if len(stops) < 3:
            stop = STOPS[len(stops)]
            before = output.read_bytes() if output.exists() else None
            delay = rng.uniform(0.2, 0.8) * (2.0 + clean_seconds / len(parts))
            start = time.perf_counter()
            code, last = stop_after(["build", part, "-o", output, "--append"], delay, stop)
            seconds += time.perf_counter() - start
            runs += 1
            if code != 0:
                after = output.read_bytes() if output.exists() else None
                leftovers += len(list(output.parent.glob(".graph.ttl.geokg-*.tmp")))
                stops.append(
                    {
                        "part": index + 1,
                        "signal": stop.name,
                        "after_s": round(delay, 1),
                        "exit": code,
                        "message": last,
                        "file_unchanged": after == before,
                    }
                )
        completed, elapsed = run_kg("build", part, "-o", output, "--append")
        seconds += elapsed
        runs += 1
        if completed.returncode != 0:
            raise SystemExit(f"soak: part {index + 1} failed: {completed.stderr.strip()}")
        for key, value in summary_counts(completed.stdout).items():
            if key in counts:
                counts[key] += value
    graph = load(output)
    return {
        "target": "file",
        "stops": stops,
        "runs": runs,
        "seconds": round(seconds, 1),
        **counts,
        "leftover_temporary_files_after_stops": leftovers,
        "litter_at_end": sorted(p.name for p in output.parent.iterdir() if p.name.startswith(".")),
        "triples": len(graph),
        "isomorphic_to_clean": isomorphic(graph, reference),
    }


def export(store: Path, path: Path) -> Graph:
    completed, _ = run_kg("export", store, "-o", path)
    if completed.returncode != 0:
        raise SystemExit(f"soak: kg export {store} failed: {completed.stderr.strip()}")
    return load(path)


def by_predicate(triples: Graph) -> dict[str, int]:
    counts: dict[str, int] = {}
    for _, predicate, _ in triples:
        name = str(predicate).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        counts[name] = counts.get(name, 0) + 1
    return dict(sorted(counts.items()))


def soak_store(
    work: Path, parts: list[Path], file_reference: Graph, clean_file: Path, clean_seconds: float, rng: random.Random
) -> dict:
    """Stop a store build three times and resume it; compare with a clean store build of the good documents."""
    clean_store = work / "clean-store"
    completed, clean_store_seconds = run_kg("build", clean_file, "--store", clean_store)
    if completed.returncode != 0:
        raise SystemExit(f"soak: the clean store build failed: {completed.stderr.strip()}")
    reference = export(clean_store, work / "clean-store.ttl")
    store = work / "soak-store"
    stops, seconds = [], 0.0
    for stop in STOPS:
        # each run resumes, so each stop comes early enough to leave work for the next
        delay = 3.0 + rng.uniform(0.15, 0.25) * clean_seconds
        start = time.perf_counter()
        code, last = stop_after(["build", *parts, "--store", store], delay, stop)
        seconds += time.perf_counter() - start
        stops.append({"signal": stop.name, "after_s": round(delay, 1), "exit": code, "message": last})
    completed, elapsed = run_kg("build", *parts, "--store", store)
    seconds += elapsed
    if completed.returncode != 0:
        raise SystemExit(f"soak: the last store build failed: {completed.stderr.strip()}")
    graph = export(store, work / "soak-store.ttl")
    return {
        "target": "store",
        "stops": stops,
        "seconds": round(seconds, 1),
        "clean_store_seconds": round(clean_store_seconds, 1),
        "last_run": completed.stdout.strip(),
        "triples": len(graph),
        "isomorphic_to_clean": isomorphic(graph, reference),
        "triples_missing": len(reference - graph),
        "triples_extra": len(graph - reference),
        "clean_store_vs_clean_file": {
            "only_in_file": by_predicate(file_reference - reference),
            "only_in_store": by_predicate(reference - file_reference),
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--target", choices=("file", "store", "both"), default="both")
    parser.add_argument("--work", type=Path, help="folder for the corpus and outputs (default: a temporary one)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)

    rng = random.Random(args.seed)
    work = args.work or Path(tempfile.mkdtemp(prefix="geokg-soak-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        records = news_records(args.documents, rng)
        clean, mixed = write_corpus(work / "corpus", records, rng)
        clean_file = work / "clean.jsonl"
        clean_file.write_text("".join(json.dumps(r) + "\n" for r in clean), encoding="utf-8")
        completed, clean_seconds = run_kg("build", clean_file, "-o", work / "clean.ttl")
        if completed.returncode != 0:
            raise SystemExit(f"soak: the clean build failed: {completed.stderr.strip()}")
        reference = load(work / "clean.ttl")
        figures = {
            "documents": len(clean),
            "mixed_in": mixed,
            "seed": args.seed,
            "clean": {
                "seconds": round(clean_seconds, 1),
                "summary": completed.stdout.strip(),
                "triples": len(reference),
            },
            "runs": [],
        }
        parts = sorted((work / "corpus").iterdir())
        if args.target in ("file", "both"):
            figures["runs"].append(soak_file(work, parts, reference, clean_seconds, rng))
        if args.target in ("store", "both"):
            figures["runs"].append(soak_store(work, parts, reference, clean_file, clean_seconds, rng))
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(figures, indent=1))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0 if all(run["isomorphic_to_clean"] for run in figures["runs"]) else 1


if __name__ == "__main__":
    sys.exit(main())
