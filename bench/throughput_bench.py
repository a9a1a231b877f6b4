"""throughput: words per second of the geokg pipeline against bare spaCy.

All cases run on one pipeline from ``kg.load_pipeline()`` over the same BBC
politics documents, with ``batch_size=64``; components left out of a case are
disabled with ``nlp.select_pipes``, so spaCy does not run them at all:

- bare spaCy: the model's own components, ``nlp.pipe(texts)``;
- + geokg_ruler: the gazetteer entity ruler before ``ner``;
- + geokg_entities: entity linking to the gazetteer;
- full: everything, through ``kg.api.extract``, as users run it.

After a warm-up on a few documents the cases run in interleaved rounds
(A B C D, D C B A, ...). A row shows the median words/s of its rounds; its
ratio is the median over rounds of bare spaCy's time over the case's time in
the same round, so a slowdown of the whole machine during one round cancels
out. The note also gives that ratio in CPU time of this process, which other
processes on a shared machine disturb less.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from benchlib import Context, Row, interleaved, median, paired_ratio, timed_cpu, word_count

logger = logging.getLogger(__name__)

NAME = "throughput"
#: Documents used when ``--limit`` is not given (about 25,000 words).
DEFAULT_LIMIT = 60
WARM_UP_DOCUMENTS = 8
#: Issue floor: the whole pipeline keeps this share of bare spaCy's throughput.
MIN_RATIO = 0.85
GEOKG_LAYERS = ("geokg_ruler", "geokg_entities", "geokg_relations")


def run(context: Context, rounds: int = 3) -> list[Row]:
    from kg.api import extract

    nlp = context.pipeline()
    missing = [name for name in GEOKG_LAYERS if name not in nlp.pipe_names]
    if missing:
        raise RuntimeError(f"kg.load_pipeline() has no {', '.join(missing)}; its components are {nlp.pipe_names}")
    documents = context.documents(DEFAULT_LIMIT)
    texts = [document.text for document in documents]
    words = word_count(texts)

    def through_pipe(disabled: tuple[str, ...]) -> Callable[[list], None]:
        def process(batch: list) -> None:
            with nlp.select_pipes(disable=list(disabled)):
                for _ in nlp.pipe([document.text for document in batch], batch_size=64):
                    pass

        return process

    def through_extract(batch: list) -> None:
        context.remember(extract(batch, nlp, batch_size=64))

    cases: dict[str, Callable[[list], None]] = {
        "bare spaCy": through_pipe(GEOKG_LAYERS),
        "+ geokg_ruler": through_pipe(GEOKG_LAYERS[1:]),
        "+ geokg_entities": through_pipe(GEOKG_LAYERS[2:]),
        "full: kg.api.extract": through_extract,
    }
    for process in cases.values():
        process(documents[:WARM_UP_DOCUMENTS])

    def measure(process: Callable[[list], None]) -> Callable[[], tuple[float, float]]:
        return lambda: timed_cpu(lambda: process(documents))

    samples = interleaved({name: measure(process) for name, process in cases.items()}, rounds=rounds)
    wall = {name: [w for w, _ in values] for name, values in samples.items()}
    cpu = {name: [c for _, c in values] for name, values in samples.items()}
    bare_rates = [words / seconds for seconds in wall["bare spaCy"]]
    rows = []
    previous_seconds = median(wall["bare spaCy"])
    for name in cases:
        rates = [words / seconds for seconds in wall[name]]
        # A throughput ratio is the baseline's time over this case's, round by round.
        ratio = paired_ratio(wall["bare spaCy"], wall[name])
        cpu_ratio = paired_ratio(cpu["bare spaCy"], cpu[name])
        seconds = median(wall[name])
        if name == "bare spaCy":
            note = f"{len(documents)} docs, {words:,} words, median of {rounds} rounds"
        else:
            # Seconds this layer adds per 10,000 words, over the row above.
            added = (seconds - previous_seconds) * 10_000 / words
            note = f"{added:+.2f} s/10k words vs row above; cpu-time ratio {cpu_ratio:.2f}"
        row = Row(
            NAME,
            name,
            median(rates),
            "words/s",
            median(bare_rates),
            "bare spaCy",
            ratio,
            note=note,
            samples=rates,
            baseline_samples=bare_rates,
        )
        if name.startswith("full"):
            row.floor = f"ratio >= {MIN_RATIO:.2f}"
            row.floor_met = ratio >= MIN_RATIO
        rows.append(row)
        previous_seconds = seconds
    return rows
