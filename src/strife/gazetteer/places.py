"""`Place`: one gazetteer entry, and the static rank of places that share a name."""

from __future__ import annotations

import math
from dataclasses import dataclass

#: How specific each kind of place is (lower is more specific); used to prefer the most
#: specific place an event sentence names, and to set ACLED's geo_precision.
SPECIFICITY: dict[str, int] = {
    "prison": 0,
    "camp": 0,
    "base": 0,
    "airport": 0,
    "crossing": 0,
    "dam": 0,
    "landmark": 0,
    "road": 0,
    "district": 1,
    "village": 1,
    "town": 1,
    "locality": 1,
    "city": 1,
    "hill": 2,
    "admin3": 3,
    "region": 4,
    "admin2": 4,
    "admin1": 5,
    "country": 6,
}
#: A `locality` is a place the text names inside a province the gazetteer knows
#: (`strife.gazetteer.apposition`): as specific as a town, but placed at its province's point.
#: Kinds that are areas rather than points: an event placed only by them is precision 3
#: (ACLED: "only a wider region is known"); admin3 (a subdistrict) is treated as precision 2.
AREA_KINDS = frozenset({"region", "admin2", "admin1", "country"})


@dataclass(frozen=True, slots=True)
class Place:
    id: int
    name: str
    lat: float
    lon: float
    kind: str
    country: str | None
    iso2: str
    iso3: str | None
    admin1: str | None
    admin2: str | None
    population: int
    source: str
    geonames: bool = True

    @property
    def geonames_id(self) -> int | None:
        return self.id if self.geonames else None

    @property
    def specificity(self) -> int:
        return SPECIFICITY.get(self.kind, 1)


def prior(kind: str, population: int, geonames: bool) -> float:
    """Static rank of a place among the places sharing a name (context refines it later):
    countries first, then cities by size against provinces (a city of 100,000 outranks a
    province of the same name), curated entries as a town of 10,000."""
    if kind == "city":
        return math.log10(population + 10)
    if not geonames and kind != "admin3":
        return 4.0
    return {"country": 12.0, "admin1": 5.0, "admin2": 3.5, "admin3": 3.0}.get(kind, 3.0)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))
