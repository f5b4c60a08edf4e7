"""The gazetteer: GeoNames places, Syria's admin units and a curated supplement, found in text
by normalised n-gram lookup (no language model), with `get`, `lookup` and `near`.

Data: `strife/data/gazetteer/` (see its README for sources, licences and how to rebuild).
"""

from __future__ import annotations

from strife.gazetteer.index import Entry, Gazetteer, country_names
from strife.gazetteer.muc import match_location, parse_key_location
from strife.gazetteer.places import Place, distance_km

__all__ = [
    "Entry",
    "Gazetteer",
    "Place",
    "country_names",
    "distance_km",
    "match_location",
    "parse_key_location",
]
