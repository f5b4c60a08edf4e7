"""Refining a vague place: a point place that a region, a province, a country or "north of X"
may stand for ("in X department ... in the vicinity of Y", "north of the capital ... in Z"), and
ACLED's geo_precision of a resolved place.

Reads the article's resolved places (`Geography`) and the words of a relative place's cue; the
place stage (`strife.stages.place`) calls `refine` for an event whose best place is not a point.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from strife.gazetteer.geography import Geography, Resolved
from strife.gazetteer.places import AREA_KINDS, Place, distance_km
from strife.models import Article

#: How far from a region (or, in the stated direction, from "north of X") a point place may lie.
NEAR_KM = 100.0


def precision(r: Resolved, fallback: bool = False) -> int:
    """ACLED geo_precision: 1 the named place, 2 near or part of it, 3 only a region known."""
    if r.place.kind in AREA_KINDS:
        return 3
    if fallback or r.role == "relative" or r.place.kind in ("admin3", "locality"):
        return 2
    return 1


_BEARINGS = {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180, "southwest": 225,
             "west": 270, "northwest": 315}  # fmt: skip
_DIRECTION = re.compile(r"\b(north|south)?-?(east|west)?(?:ern|ward)?\s+of\b", re.IGNORECASE)


def _bearing(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dy = lat2 - lat1
    dx = (lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return math.degrees(math.atan2(dx, dy)) % 360


def _heading(article: Article, vague: Resolved) -> re.Match[str] | None:
    """The compass direction of a relative place ("north of X"), if its cue gives one."""
    cue = _DIRECTION.search(article.text[vague.cue_start : vague.start])
    return cue if cue and (cue.group(1) or cue.group(2)) else None


def fits(article: Article, point: Resolved, vague: Resolved) -> bool:
    """Whether a point place can be what a vague place stands for: inside a country or a
    province (its admin-1, and for a municipality its admin-2 or 30 km; a province's point is
    only its seat, so no distance stands for being inside it), within 100 km of a region;
    within 100 km in the stated direction of "north of X"; within 30 km of "near X"."""
    p, v = point.place, vague.place
    if p.kind in AREA_KINDS or p.id == v.id:
        return False
    if v.kind == "country":
        return p.iso2 == v.iso2
    km = distance_km(p.lat, p.lon, v.lat, v.lon)
    if v.kind in ("admin1", "admin2"):
        inside = p.iso2 == v.iso2 and bool(p.admin1) and p.admin1 == v.admin1
        return inside and (v.kind == "admin1" or p.admin2 == v.admin2 or km < 30)
    if v.kind in AREA_KINDS:
        return km < NEAR_KM
    cue = _heading(article, vague)
    if cue:
        wanted = _BEARINGS[(cue.group(1) or "").lower() + (cue.group(2) or "").lower()]
        off = abs((_bearing(v.lat, v.lon, p.lat, p.lon) - wanted + 180) % 360 - 180)
        return 3 < km < NEAR_KM and off <= 67.5
    return km < 30


def refine(
    article: Article, geo: Geography, sentences: list[int], vague: Resolved
) -> tuple[Resolved, bool] | None:
    """A point place of the event's sentences, else (for a region, province or country) of the
    article (most mentioned first; then inferred, so precision 2), that the vague place may
    stand for. The article's main place counts even as the dateline (a reference for its own
    sentence): "QUITO, 3 MAY 90 -- ... in Ecuador" is in Quito as far as anyone can tell."""
    own = [r for s in sentences for r in geo.in_sentence(s)]
    counts = Counter(r.place.id for r in geo.resolved)
    rest = sorted(geo.resolved, key=lambda r: (-counts[r.place.id], r.start))
    if vague.place.kind not in AREA_KINDS and not _heading(article, vague):
        # "near X" names a point already: only the event's own words may say more exactly where
        # (the article's main city 10 km away is another place, not a refinement of X); "north
        # of X" spans 100 km, which a place the article names there does narrow down
        rest = []
    for k, r in enumerate(own + rest):
        usable = r.role != "reference" or (r is geo.main and k >= len(own))
        # the event's own words may place it near a point inside the area ("a mine in Morazan
        # ... in the vicinity of Perquin"): still more precise than the area
        near = k < len(own) and r.role == "relative" and vague.place.kind in AREA_KINDS
        if usable and (precision(r) == 1 or near) and fits(article, r, vague):
            return r, k >= len(own)
    # no point place: a municipality of the event's own words inside the province will do
    for r in own:
        if r.role != "reference" and _narrower(r.place, vague.place):
            return r, False
    return None


def _narrower(p: Place, v: Place) -> bool:
    """A municipality (admin-2) inside the province (admin-1) `v`."""
    return (
        p.kind == "admin2"
        and v.kind == "admin1"
        and p.iso2 == v.iso2
        and bool(p.admin1)
        and p.admin1 == v.admin1
    )
