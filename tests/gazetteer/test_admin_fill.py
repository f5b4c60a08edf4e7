"""Admin names filled at build time: a city's district takes its city's units (no files)."""

from __future__ import annotations

from strife.gazetteer.admin_fill import Grid, parent_city
from strife.gazetteer.build import Rec


def _city(name: str, lat: float, lon: float, population: int, admin1: str, cc: str = "SY") -> Rec:
    return Rec(1, "city", name, lat, lon, cc, admin1=admin1, admin2=admin1, population=population)


CITIES = [
    _city("Damascus", 33.51, 36.29, 1_570_000, "Damascus"),
    _city("Jaramana", 33.486, 36.346, 114_000, "Rif Dimashq"),  # a suburb town next to the capital
    _city("Sahnaya", 33.43, 36.28, 20_000, "Rif Dimashq"),
]
GRID = Grid((c.lat, c.lon, c) for c in CITIES)


def test_a_district_belongs_to_the_largest_city_around_it_not_the_nearest() -> None:
    # 3 km from the suburb's point, 5 km from the capital's: still one of the capital's districts
    district = Rec(2, "district", "Southern quarter", 33.47, 36.32, "SY", geonames=False)
    city = parent_city(district, GRID)
    assert city is not None and city.name == "Damascus"


def test_only_parts_of_a_city_near_a_city_of_its_country_take_its_units() -> None:
    town = Rec(3, "town", "A town", 33.47, 36.32, "SY", geonames=False)
    assert parent_city(town, GRID) is None  # a town is a place of its own
    far = Rec(4, "district", "Far quarter", 33.9, 36.9, "SY", geonames=False)
    assert parent_city(far, GRID) is None  # 70 km out: no city's district
    abroad = Rec(5, "district", "Across the border", 33.47, 36.32, "LB", geonames=False)
    assert parent_city(abroad, GRID) is None
