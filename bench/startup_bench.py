"""startup: what geokg adds to loading the spaCy pipeline.

Baseline: ``spacy.load`` of the pipeline ``choose_model()`` picks. Measured:
``kg.load_pipeline()``, which loads the same pipeline and adds the gazetteer
entity ruler, ``geokg_entities`` and ``geokg_relations``. geokg's own caches
(gazetteer, lexicon) are cleared before every load, so each one costs what it
costs in a fresh process. One untimed load of each comes first, so module
imports and the model package's first read from disk are not charged to either.
"""

from __future__ import annotations

import logging

from benchlib import Context, Row, interleaved, median, timed

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

    samples = interleaved({"spacy.load": bare, "kg.load_pipeline": full,
                           "Gazetteer.load": gazetteer_only}, rounds=repeat)
    bare_s = median(samples["spacy.load"])
    full_s = median(samples["kg.load_pipeline"])
    gazetteer_s = median(samples["Gazetteer.load"])
    added = full_s - bare_s
    baseline_case = f"spacy.load({model!r})"
    return [
        Row(NAME, "kg.load_pipeline()", full_s, "s", bare_s, baseline_case, full_s / bare_s,
            note=f"+{added:.3f} s added, median of {repeat}",
            floor=f"added < {MAX_ADDED_SECONDS:g} s", floor_met=added < MAX_ADDED_SECONDS,
            samples=samples["kg.load_pipeline"], baseline_samples=samples["spacy.load"]),
        Row(NAME, "Gazetteer.load (uncached)", gazetteer_s, "s", bare_s, baseline_case,
            gazetteer_s / bare_s,
            note=f"{gazetteer_s / added:.0%} of the added time" if added > 0 else "",
            samples=samples["Gazetteer.load"], baseline_samples=samples["spacy.load"]),
    ]
