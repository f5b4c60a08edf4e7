"""Second-level divisions (municipalities, provinces, districts) outside Syria, from GeoNames'
`admin2Codes.txt`, for the regions of the development data.

Conflict reports place many events by municipality ("in Ilobasco, Cabanas Department"); cities500
lacks many of them. Every admin-2 unit of the countries in `REGION` becomes a place of kind
`admin2`, except where a city of the same name in the same admin-1 stands for it (the municipal
seat): that city takes the unit's name as its `admin2` instead. GeoNames' code files carry no
coordinates, so a new unit is placed at its admin-1's seat (precision 3 in events: only the
wider area is certain) and its source says so. Syria's districts come from Open-Syria instead.

The region is a list of countries, not of places: the Spanish- and Portuguese-speaking
Americas, where the MUC-4 reports come from, and Iraq and its neighbours. Other countries'
second-level names (the 3,000 US counties named after people, for instance) would add more
false matches in English text than places.
"""

from __future__ import annotations

import re
from typing import Any

from strife.gazetteer.normalize import name_key

#: Countries whose admin-2 units are indexed (ISO 3166-1 alpha-2).
REGION = frozenset(
    [
        "MX",
        "GT",
        "BZ",
        "SV",
        "HN",
        "NI",
        "CR",
        "PA",
        "CU",
        "DO",
        "PR",
        "CO",
        "VE",
        "EC",
        "PE",
        "BO",
        "CL",
        "AR",
        "PY",
        "UY",
        "BR",
        "IQ",
        "JO",
        "LB",
        "TR",
        "IR",
        "SA",
        "KW",
        "YE",
    ]
)
SOURCE = "GeoNames admin2Codes (no coordinates: placed at its admin-1's seat)"
# "Municipio de Zunil", "Provincia de Yungay", "Cantón Zaruma", "Qaḑā’ Sāmarrā’", "Tikrit District"
_PREFIX = re.compile(
    r"^(?:municipio|município|provincia|província|departamento|cant[oó]n|distrito|partido|comuna|"
    r"qa[dḑ]a[’'`]?|nahiyat|mu[hḩ]afa[zẓ]at)\s+(?:(?:de|del|da|do|dos|das)\s+)?",
    re.IGNORECASE,
)
_SUFFIX = re.compile(r"\s+(?:district|province|municipality|canton|department|county|qadaa)$", re.IGNORECASE)


def base_name(name: str) -> str:
    """The unit's own name without its administrative words, spaces collapsed."""
    base = _SUFFIX.sub("", _PREFIX.sub("", " ".join(name.split())))
    return base.strip() or name


def build_admin2(
    admin1: dict[str, tuple[str, int]],
    admin2: dict[str, tuple[str, int]],
    cities: list[Any],
    admins: list[Any],
    make: Any,
) -> list[Any]:
    """New admin-2 records (made by `make(**fields)`, the builder's record type); names the
    seat city's `admin2` where a city of the unit's name stands for it."""
    seats: dict[tuple[str, str, str], Any] = {}
    for c in cities:
        if c.cc in REGION:
            key = (c.cc, c.admin1, name_key(c.name))
            if key not in seats or c.population > seats[key].population:
                seats[key] = c
    anchors = {(a.cc, a.admin1): a for a in admins if a.kind == "admin1"}
    out = []
    for code, (name, gid) in sorted(admin2.items()):
        cc, a1 = code.split(".")[:2]
        if cc not in REGION:
            continue
        a1_name = admin1.get(f"{cc}.{a1}", ("", 0))[0]
        base = base_name(name)
        seat = seats.get((cc, a1_name, name_key(base)))
        if seat is not None:
            seat.admin2 = seat.admin2 or base
            continue
        anchor = anchors.get((cc, a1_name))
        if anchor is None:
            continue
        rec = make(
            id=gid, kind="admin2", name=base, lat=anchor.lat, lon=anchor.lon, cc=cc,
            admin1=a1_name, admin2=base, source=SOURCE,
        )  # fmt: skip
        rec.names = {name, base}
        out.append(rec)
    return out
