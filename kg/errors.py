"""One exception hierarchy for geokg.

Every message names the bad input, what was expected and how to fix it. Only
:mod:`kg.cli` turns these into exit codes.
"""

from __future__ import annotations

__all__ = [
    "GeoKGError",
    "InputError",
    "ModelNotFoundError",
    "QueryError",
    "GraphFormatError",
    "ConfigError",
]


class GeoKGError(Exception):
    """Base class of every error geokg raises on purpose."""


class InputError(GeoKGError):
    """A document or file given as input cannot be read."""


class ModelNotFoundError(GeoKGError):
    """The requested spaCy pipeline is not installed."""


class QueryError(GeoKGError):
    """A SPARQL query is invalid or cannot be run."""


class GraphFormatError(GeoKGError):
    """A graph file has an unknown format or cannot be parsed."""


class ConfigError(GeoKGError):
    """A configuration value or lexicon entry is invalid."""
