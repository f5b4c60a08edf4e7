"""Matching a strife `Location` against a MUC-4 answer-key location.

MUC-4 keys name a location from the country down, e.g.
"EL SALVADOR: SAN SALVADOR (CITY): SAN MIGUELITO (NEIGHBORHOOD)", with "/" between alternative
names. The semi-processed JSON keys hold the same as a list of entries ("simple_strings" for a
bare name, "colon_clause" for "NAME (TYPE)"); both forms are accepted.
"""

from __future__ import annotations

import re
from typing import Any

from strife.gazetteer.normalize import name_key, skeleton_key
from strife.models import Location

_LEVEL = re.compile(r"^\s*(.*?)\s*(?:\(([^)]*)\))?\s*$")


def parse_key_location(key: str | list[dict[str, Any]]) -> list[tuple[list[str], str | None]]:
    """The levels of a key location, widest first: (alternative names, type or None)."""
    if isinstance(key, list):
        levels = []
        for entry in key:
            if entry.get("type") == "colon_clause":
                kind = (entry.get("strings_rhs") or [None])[0]
                levels.append((list(entry.get("strings_lhs") or []), kind))
            else:
                levels.append((list(entry.get("strings") or []), None))
        return [lv for lv in levels if lv[0]]
    levels = []
    for part in key.split(":"):
        alts, kind = [], None
        for alt in part.split("/"):
            m = _LEVEL.match(alt)
            if m and m.group(1):
                alts.append(m.group(1))
                kind = kind or m.group(2)
        if alts:
            levels.append((alts, kind))
    return levels


def _same(a: str | None, b: str) -> bool:
    if not a:
        return False
    ka, kb = name_key(a), name_key(b)
    if ka == kb or (ka and kb and (ka.endswith(" " + kb) or kb.endswith(" " + ka))):
        return True
    sa, sb = skeleton_key(ka), skeleton_key(kb)
    return bool(sa) and sa == sb


def match_location(place: Location, key_location: str | list[dict[str, Any]]) -> dict[str, Any]:
    """Whether `place` matches a MUC-4 key location.

    Returns `country` (the key's country equals the place's, or None when the key names no
    country), `place` (the key's most specific named level is the place's name, admin2 or
    admin1; None when the key has only a country), `level` (index of the deepest key level the
    place matches, 0 = the country; None when nothing matches) and the key's `key_country` and
    `key_place` as read.
    """
    levels = parse_key_location(key_location)
    if not levels:
        return {"country": None, "place": None, "level": None, "key_country": None, "key_place": None}
    from strife.gazetteer.index import country_names

    known = {name_key(n) for n, _iso3 in country_names().values()} | {"united states", "salvador"}
    has_country = any(name_key(n) in known for n in levels[0][0])
    key_country = levels[0][0][0] if has_country else None
    fields = [place.name, place.text, place.admin2, place.admin1]
    deepest = None
    for depth, (names, _kind) in enumerate(levels):
        if depth == 0 and has_country:
            if any(_same(place.country, n) for n in names):
                deepest = 0
            continue
        if any(_same(f, n) for f in fields for n in names):
            deepest = depth
    specific = levels[-1] if len(levels) > 1 or not has_country else None
    return {
        "country": (any(_same(place.country, n) for n in levels[0][0]) if has_country else None),
        "place": (deepest == len(levels) - 1) if specific else None,
        "level": deepest,
        "key_country": key_country,
        "key_place": specific[0][0] if specific else None,
    }
