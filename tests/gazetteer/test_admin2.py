"""Second-level divisions from GeoNames' code files (no data files, no model)."""

from __future__ import annotations

from strife.gazetteer.admin2 import SOURCE, base_name, build_admin2
from strife.gazetteer.build import Rec


def test_base_names_lose_their_administrative_words() -> None:
    assert base_name("Municipio de Zunil") == "Zunil"
    assert base_name("Provincia de  Yungay") == "Yungay"
    assert base_name("Cantón Zaruma") == "Zaruma"
    assert base_name("Tikrit District") == "Tikrit"
    assert base_name("Ilobasco") == "Ilobasco"


def test_units_without_a_seat_city_become_places_at_their_admin1_seat() -> None:
    admin1 = {"SV.03": ("Cabañas", 1), "US.06": ("California", 2)}
    admin2 = {
        "SV.03.0301": ("Ilobasco", 31),  # no city of that name: a new place
        "SV.03.0302": ("Municipio de Sensuntepeque", 32),  # its seat city stands for it
        "US.06.0001": ("Lincoln County", 33),  # outside the region: left out
    }
    seat = Rec(40, "city", "Sensuntepeque", 13.87, -88.63, "SV", admin1="Cabañas", population=40_000)
    province = Rec(1, "admin1", "Cabañas", 13.87, -88.63, "SV", admin1="Cabañas")
    units = build_admin2(admin1, admin2, [seat], [province], Rec)
    assert [(u.id, u.name, u.kind, u.admin1, u.cc, u.source) for u in units] == [
        (31, "Ilobasco", "admin2", "Cabañas", "SV", SOURCE)
    ]
    assert (units[0].lat, units[0].lon) == (province.lat, province.lon)
    assert seat.admin2 == "Sensuntepeque"
