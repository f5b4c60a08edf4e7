"""The shipped gazetteer: loading, lookups, admin names, the supplement, throughput (slow)."""

from __future__ import annotations

import csv
import time
from pathlib import Path

import pytest

from strife.gazetteer import Gazetteer, distance_km

pytestmark = pytest.mark.slow
SUPPLEMENT = Path(__file__).resolve().parents[2] / "src" / "strife" / "data" / "gazetteer" / "supplement.csv"


def test_lookup_variants_reach_the_same_place(full: Gazetteer) -> None:
    for name in ("al-Bab", "Al Bab", "الباب"):
        top = full.lookup(name)[0]
        assert top.iso2 == "SY" and distance_km(top.lat, top.lon, 36.37, 37.52) < 5, name
    hasakah = {full.lookup(n)[0].id for n in ("Hasakeh", "Hasakah", "Hassakeh", "الحسكة")}
    assert len(hasakah) == 1


def test_places_carry_admin_names_and_iso3(full: Gazetteer) -> None:
    bab = full.lookup("al-Bab")[0]
    assert (bab.country, bab.iso3, bab.admin1, bab.kind) == ("Syria", "SYR", "Aleppo", "city")
    assert bab.admin2 and bab.geonames_id == bab.id
    assert full.get(bab.id) == bab


def test_countries_have_their_common_names(full: Gazetteer) -> None:
    for name, iso in (
        ("Turkey", "TR"),
        ("Türkiye", "TR"),
        ("the United States", "US"),
        ("Syria", "SY"),
        ("Iraq", "IQ"),
    ):
        top = full.lookup(name)[0]
        assert (top.kind, top.iso2) == ("country", iso), name
    assert full.country("IQ") is not None


def test_admin_units_are_loaded(full: Gazetteer) -> None:
    kinds = {p.kind for p in full.lookup("Aleppo")}
    assert {"city", "admin1"} <= kinds
    assert any(p.kind == "admin1" for p in full.lookup("Rural Damascus"))


def test_supplement_entries_are_loaded_with_sources(full: Gazetteer) -> None:
    with SUPPLEMENT.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) >= 200
    for row in rows:
        found = [p for p in full.lookup(row["name"]) if p.source == row["source"] and p.iso2 == row["cc"]]
        assert found, row["id"]
        place = found[0]
        assert place.geonames_id is None and row["source"].startswith("Wikipedia: ")
        # each entry lies near places of its own country (a typo in a coordinate shows here)
        nearby = [p for p in full.near(place.lat, place.lon, 200) if p.geonames and p.kind != "country"]
        assert any(p.iso2 == row["cc"] for p in nearby), row["id"]


def test_capital_districts_take_their_citys_units(full: Gazetteer) -> None:
    # the districts of the region's capitals that cities500 lacks, in their city's admin units,
    # and an airport named after a town is the airport, not the town
    for name, iso2, admin1 in (
        ("Villa El Salvador", "PE", "Lima"),
        ("Usaquen", "CO", "Bogota D.C."),
        ("Las Condes", "CL", "Santiago Metropolitan"),
    ):
        top = full.lookup(name)[0]
        assert (top.kind, top.iso2, top.admin1) == ("district", iso2, admin1), name
    airport = full.lookup("El Dorado airport")[0]
    assert (airport.kind, airport.iso2) == ("airport", "CO")


def test_prison_in_supplement(full: Gazetteer) -> None:
    prison = full.lookup("Gweiran prison")[0]
    assert prison.kind == "prison" and prison.admin1 == "Al-Hasakah"
    assert distance_km(prison.lat, prison.lon, 36.48, 40.74) < 3


def test_near(full: Gazetteer) -> None:
    around = full.near(36.20, 37.16, 5)
    assert around and around[0].name == "Aleppo"


@pytest.mark.parametrize("province", ["ALEPPO", "AL-HASAKAH", "DEIR EZ-ZOR", "AS-SUWAYDA"])
def test_a_province_after_a_comma_supports_a_caseless_name_as_the_index_keys_it(
    full: Gazetteer, province
) -> None:
    # "al-", "ez-" are articles the index drops, and a hyphen joins the words of a name
    found = [t.text for t in full.find(f"TROOPS SHELLED HANDARAT, {province} GOVERNORATE, YESTERDAY.")]
    assert found == ["HANDARAT", f"{province} GOVERNORATE"]


def test_lookup_throughput(full: Gazetteer, record_property) -> None:
    """A benchmark figure (recorded, not asserted): name lookups per second."""
    names = [
        "al-Bab",
        "Aleppo",
        "Hasakeh",
        "Baghdad",
        "Mosul",
        "San Salvador",
        "Raqqa",
        "Paris",
        "Gweiran",
        "Damascus",
    ]
    n = 100_000
    start = time.perf_counter()
    for k in range(n):
        full.lookup(names[k % len(names)])
    rate = n / (time.perf_counter() - start)
    record_property("lookups_per_second", round(rate))
    print(f"gazetteer lookups: {rate:,.0f}/s")
    assert rate > 0
