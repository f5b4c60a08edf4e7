"""Blocking: which pairs of reports can be one real-world event at all.

Only pairs that pass every rule here are compared by text similarity. The rules are hard and
cheap: a family of event types in common, dates within a window, places that do not contradict.

- Dates: the two date ranges (a day is a one-day range; an undated event is placed in the week
  before its article's publication, see `profile.UNDATED_DAYS`) are at most `DAY_WINDOW` days
  apart. Different days are normal across outlets (a report "on Tuesday" of a night attack, the
  day a toll was revised), a week is not.
- Places: two known coordinates of precise places (geo_precision 1 or 2) are at most
  `NEAR_KM` (both the named place) or `AREA_KM` (one near/part of a place) apart. When either is
  coarse (a region or a country only), the admin1 areas must agree when both are known, and the
  countries always. Different countries never merge.
"""

from __future__ import annotations

from dataclasses import dataclass

from strife.merge.profile import Profile
from strife.storage.base import haversine_km

DAY_WINDOW = 3
NEAR_KM = 25.0
AREA_KM = 50.0
LINKING_TAGS = frozenset({"prison_break", "mutiny", "hostage_taking", "siege"})


@dataclass(frozen=True)
class Block:
    """The outcome of blocking a pair: `ok`, and how the places and dates relate."""

    ok: bool
    place: str  # "same", "near", "area", "unknown" or why it failed
    date: str  # "same", "window", "unknown" or why it failed


def same_family(a: Profile, b: Profile) -> bool:
    return a.family == b.family or bool(a.tags & b.tags & LINKING_TAGS)


def date_relation(a: Profile, b: Profile, window: int = DAY_WINDOW) -> str:
    """ "same" (the same single day), "window" (ranges within `window` days), "unknown" (either
    has no date at all) or "apart"."""
    if a.start is None or b.start is None:
        return "unknown"
    a_end, b_end = a.end or a.start, b.end or b.start
    gap = max((b.start - a_end).days, (a.start - b_end).days, 0)
    if gap > window:
        return "apart"
    if a.dated and b.dated and a.start == b.start and a_end == a.start and b_end == b.start:
        return "same"
    return "window"


def place_relation(a: Profile, b: Profile) -> str:
    """ "same", "near", "area" (coarse but compatible), "unknown", or "apart"/"other country"."""
    if a.country and b.country and a.country != b.country:
        return "other country"
    if a.geonames_id is not None and a.geonames_id == b.geonames_id and (a.geo_precision or 3) <= 2:
        return "same"  # the same town or site; the same region or country is only "area"
    fine = {a.geo_precision, b.geo_precision} <= {1, 2}
    if fine and None not in (a.lat, a.lon, b.lat, b.lon):
        km = haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
        limit = NEAR_KM if a.geo_precision == b.geo_precision == 1 else AREA_KM
        if km <= 2:
            return "same"
        return "near" if km <= limit else "apart"
    if not (a.country and b.country):
        return "unknown"
    if a.admin1 and b.admin1 and a.admin1 != b.admin1:
        return "apart"
    return "area"


def block(a: Profile, b: Profile, window: int = DAY_WINDOW) -> Block:
    """Whether `a` and `b` may be one event; see the module docstring."""
    if not same_family(a, b):
        return Block(False, "-", "-")
    place, day = place_relation(a, b), date_relation(a, b, window)
    ok = place not in ("apart", "other country") and day != "apart"
    return Block(ok, place, day)
