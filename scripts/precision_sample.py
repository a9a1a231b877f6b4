"""Draw a random sample of asserted statements from a news corpus, for judging by hand.

    python scripts/precision_sample.py ../shared/data/news/ag_news_world.jsonl --items 500 --size 50 --seed 2026

Reads the first ``--items`` documents, extracts their statements, and prints
``--size`` asserted ones drawn at random (a fixed seed gives the same sample for
the same code) as a Markdown table with an empty column for the verdict. The
judged table lives in ``docs/precision-sample.md``.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.api import as_documents, extract  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--items", type=int, default=500)
    parser.add_argument("--size", type=int, default=50)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    documents = list(itertools.islice(as_documents([args.corpus]), args.items))
    asserted = []
    with_statement = 0
    for document, relations in extract(documents):
        found = [r for r in relations if r.modality == "Asserted"]
        with_statement += bool(found)
        asserted += [(document.id, r) for r in found]
    print(
        f"{len(documents)} items, {with_statement} with an asserted statement "
        f"({with_statement / len(documents):.1%}), {len(asserted)} asserted statements\n"
    )
    print("| # | item | statement | evidence | verdict |")
    print("|---|---|---|---|---|")
    for number, (doc_id, r) in enumerate(random.Random(args.seed).sample(asserted, args.size), 1):
        evidence = " ".join(r.evidence.split()).replace("|", "/")
        print(f"| {number} | {doc_id} | {r.subject.label} {r.predicate} {r.object.label} | {evidence[:200]} | |")


if __name__ == "__main__":
    main()
