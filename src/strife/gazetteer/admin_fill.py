"""Admin-1 and admin-2 names for places whose source gives none (build time only).

Read by `strife.gazetteer.build`: cities500 places carry their GeoNames admin-1 but no admin-2,
and the curated supplement carries neither. A place takes them from its surroundings:

- a part of a city (a district, a landmark) takes the admin units of the city it belongs to:
  the most populous city within `CITY_PART_KM`. The nearest populated place is the wrong
  parent there: the Damascus districts of Tadamon and Qadam lie nearer to subdistrict centres
  of Rif Dimashq than to the capital's own, and San Salvador's Colonia Escalon nearer to a
  suburb in La Libertad than to San Salvador's centre;
- otherwise, in Syria, the district of the nearest Open-Syria subdistrict centroid; elsewhere the
  admin-2 of the nearest `rg_cities1000` place of the same country, and the admin-1 of the
  nearest cities500 place of the same country.
"""

from __future__ import annotations

import csv
import math
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from strife.gazetteer.places import distance_km

#: Kinds of supplement places that are parts of a city, not places of their own.
CITY_PARTS = frozenset({"district", "landmark"})
#: How far from a city's point its districts may lie (Baghdad's Ghazaliya is 11 km out).
CITY_PART_KM = 15.0
#: A city smaller than this has no districts worth the name; a suburb town is not a parent.
CITY_POPULATION = 100_000
#: A metropolis (this many people or more) spreads farther: its districts may lie twice as far
#: out (Lima's southern districts are 20-25 km from its centre).
METROPOLIS = 5_000_000


class Grid:
    """Nearest-point lookup on a 1-degree grid (enough for filling admin names at build time)."""

    def __init__(self, points: Iterable[tuple[float, float, object]]) -> None:
        self.cells: dict[tuple[int, int], list[tuple[float, float, object]]] = defaultdict(list)
        for lat, lon, item in points:
            self.cells[(math.floor(lat), math.floor(lon))].append((lat, lon, item))

    def around(self, lat: float, lon: float, reach: int = 1) -> Iterable[tuple[float, float, object]]:
        """The points of the cells within `reach` cells of (lat, lon)."""
        for dy in range(-reach, reach + 1):
            for dx in range(-reach, reach + 1):
                yield from self.cells.get((math.floor(lat) + dy, math.floor(lon) + dx), ())

    def nearest(self, lat: float, lon: float, reach: int = 1) -> object | None:
        best, best_d = None, float("inf")
        for plat, plon, item in self.around(lat, lon, reach):
            d = (plat - lat) ** 2 + ((plon - lon) * math.cos(math.radians(lat))) ** 2
            if d < best_d:
                best, best_d = item, d
        return best


def parent_city(r: Any, cities: Grid) -> Any | None:
    """The city a district or landmark belongs to: the most populous city of its country of at
    least `CITY_POPULATION` within `CITY_PART_KM` (twice that for a `METROPOLIS`; None for any
    other place)."""
    if r.kind not in CITY_PARTS:
        return None
    best = None
    for lat, lon, c in cities.around(r.lat, r.lon):
        pop = c.population  # type: ignore[attr-defined]
        reach = CITY_PART_KM * (2 if pop >= METROPOLIS else 1)
        if (
            c.cc == r.cc  # type: ignore[attr-defined]
            and pop >= CITY_POPULATION
            and distance_km(lat, lon, r.lat, r.lon) <= reach
            and (best is None or pop > best.population)  # type: ignore[attr-defined]
        ):
            best = c
    return best


def fill_admin(records: list[Any], rg_csv: Path, syria_units: list[Any]) -> None:
    """Fill `admin1`/`admin2` of cities and supplement places in place (see the module doc)."""
    sub_grid = Grid((u.lat, u.lon, u) for u in syria_units if u.kind == "admin3")
    rows = []
    with rg_csv.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            rows.append((float(row["lat"]), float(row["lon"]), (row["cc"].strip(), row["admin2"])))
    rg_grid = Grid(rows)
    city_grid = Grid((r.lat, r.lon, r) for r in records if r.kind == "city")
    todo = [r for r in records if r.kind == "city" or not r.geonames]
    for r in todo:  # cities first: a district takes its city's filled admin-2
        if r.kind != "city":
            continue
        _fill_own(r, sub_grid, rg_grid, city_grid)
    for r in todo:
        if r.kind == "city":
            continue
        city = parent_city(r, city_grid)
        if city is not None:
            r.admin1, r.admin2 = r.admin1 or city.admin1, r.admin2 or city.admin2
        _fill_own(r, sub_grid, rg_grid, city_grid)


def _fill_own(r: Any, sub_grid: Grid, rg_grid: Grid, city_grid: Grid) -> None:
    """Admin names from the nearest subdistrict (Syria), rg_cities1000 place and city."""
    if r.cc == "SY":
        unit = sub_grid.nearest(r.lat, r.lon)
        if unit is not None:
            r.admin2 = r.admin2 or unit.admin2  # type: ignore[attr-defined]
            r.admin1 = r.admin1 or unit.admin1  # type: ignore[attr-defined]
    else:
        hit = rg_grid.nearest(r.lat, r.lon, reach=0)
        if isinstance(hit, tuple) and hit[0] == r.cc:
            r.admin2 = r.admin2 or hit[1]
    if not r.admin1:
        near = city_grid.nearest(r.lat, r.lon)
        if near is not None and near.cc == r.cc:  # type: ignore[attr-defined]
            r.admin1 = near.admin1  # type: ignore[attr-defined]
