"""startup: what geokg adds to loading the spaCy pipeline.

Baseline: ``spacy.load`` of the pipeline ``choose_model()`` picks. Measured:
``kg.load_pipeline()``, which loads the same pipeline and adds the gazetteer
entity ruler, ``geokg_entities`` and ``geokg_relations``. geokg's own caches
(gazetteer, lexicon) are cleared before every load, so each one costs what it
costs in a fresh process. One untimed load of each comes first, so module
imports and the model package's first read from disk are not charged to either.
Two parts of the added time are timed on their own: reading the gazetteer
(uncached) and adding its patterns to an entity ruler on a bare pipeline.
"""

from __future__ import annotations

import logging

from benchlib import Context, Row, interleaved, median, paired_ratio, timed

logger = logging.getLogger(__name__)

NAME = "startup"
#: Issue floor: the gazetteer ruler and geokg components add less than this.
MAX_ADDED_SECONDS = 1.0


def clear_geokg_caches() -> None:
    """Forget the loaded gazetteer and lexicon, as a new process would not have them."""
    import kg.extraction.lexicon as lexicon
    import kg.gazetteer as gazetteer

    for module, cached in ((gazetteer, "_load_cached"), (lexicon, "_default_lexicon")):
        function = getattr(module, cached, None)
        if function is not None and hasattr(function, "cache_clear"):
            function.cache_clear()


def run(context: Context, repeat: int = 3) -> list[Row]:
    import spacy

    import kg
    from kg.gazetteer import DATA_DIR, Gazetteer
    from kg.nlp.pipeline import choose_model

    model = choose_model()
    # Untimed warm-up of both paths.
    spacy.load(model)
    clear_geokg_caches()
    kg.load_pipeline()

    def bare() -> float:
        return timed(lambda: spacy.load(model))[0]

    def full() -> float:
        clear_geokg_caches()
        return timed(kg.load_pipeline)[0]

    def gazetteer_only() -> float:
        clear_geokg_caches()
        return timed(lambda: Gazetteer.load(DATA_DIR))[0]

    def ruler_patterns() -> float:
        import kg.nlp.components  # noqa: F401  (registers geokg_ruler)

        nlp = spacy.load(model)
        Gazetteer.load(DATA_DIR)
        return timed(lambda: nlp.add_pipe("geokg_ruler", before="ner"))[0]

    samples = interleaved(
        {"spacy.load": bare, "kg.load_pipeline": full, "Gazetteer.load": gazetteer_only, "geokg_ruler": ruler_patterns},
        rounds=repeat,
    )
    bare_samples = samples["spacy.load"]
    bare_s = median(bare_samples)
    added = median(f - b for f, b in zip(samples["kg.load_pipeline"], bare_samples))
    baseline_case = f"spacy.load({model!r})"

    def row(case: str, key: str, note: str = "", **floor) -> Row:
        seconds = median(samples[key])
        share = f"; {seconds / added:.0%} of the added time" if added > 0 else ""
        return Row(
            NAME,
            case,
            seconds,
            "s",
            bare_s,
            baseline_case,
            paired_ratio(samples[key], bare_samples),
            note=note or share.lstrip("; "),
            samples=samples[key],
            baseline_samples=bare_samples,
            **floor,
        )

    return [
        row(
            "kg.load_pipeline()",
            "kg.load_pipeline",
            note=f"{added:+.3f} s added, median of {repeat}",
            floor=f"added < {MAX_ADDED_SECONDS:g} s",
            floor_met=added < MAX_ADDED_SECONDS,
        ),
        row("Gazetteer.load (uncached)", "Gazetteer.load"),
        row("add geokg_ruler (gazetteer phrase matchers)", "geokg_ruler"),
    ]
