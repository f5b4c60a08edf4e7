"""Matching a strife `Location` against a MUC-4 answer-key location.

MUC-4 keys name a location from the country down, e.g.
"EL SALVADOR: SAN SALVADOR (CITY): SAN MIGUELITO (NEIGHBORHOOD)", with "/" between alternative
names. The semi-processed JSON keys hold the same as a list of entries ("simple_strings" for a
bare name, "colon_clause" for "NAME (TYPE)"); both forms are accepted. The conversion sometimes
splits "USULUTAN (COUNTY) (DEPARTMENT)" into the entries USULUTAN, COUNTY, DEPARTMENT: a level
that is only a kind of place belongs to the level before it.

Names are compared as the GTT metric compares mentions (lower case, punctuation and a/an/the
removed, spaces collapsed), accents folded; a key's alternatives each count. Nothing looser
(no partial names, no consonant skeletons): a near miss is a miss.
"""

from __future__ import annotations

import re
from typing import Any

from unidecode import unidecode

from strife.gazetteer.normalize import name_key
from strife.models import Location

_LEVEL = re.compile(r"^\s*(.*?)\s*(?:\(([^)]*)\))?\s*$")
_PUNCT = re.compile(r"[^\w\s]")
_ARTICLES = re.compile(r"\b(?:a|an|the)\b")
#: Words the keys use for the kind of a place ("(CITY)", "(DEPARTMENT)"), never a place's name.
PLACE_KINDS = frozenset(
    [
        "CITY",
        "DEPARTMENT",
        "NEIGHBORHOOD",
        "TOWN",
        "MUNICIPALITY",
        "UNIVERSITY",
        "REGION",
        "PROVINCE",
        "AIRPORT",
        "JURISDICTION",
        "VILLAGE",
        "CANTON",
        "DISTRICT",
        "FARM",
        "PORT",
        "AREA",
        "RIVER",
        "SUBURB",
        "CAPITAL",
        "COUNTY",
        "COMMUNITY",
        "INTENDANCY",
        "SECTOR",
        "CORREGIMIENTO",
        "HAMLET",
        "STATE",
        "JUNGLE",
        "MOUNTAIN",
        "TOWNSHIP",
        "ISLAND",
        "ZONE",
        "QUARTER",
        "COMMISSARY",
    ]
)


#: Kinds of a wide unit: a level of one of these kinds written after a town's or a city's
#: ("SAN SALVADOR (CITY): SAN SALVADOR (DEPARTMENT)") is not the most specific place.
WIDE_KINDS = frozenset(["REGION", "DEPARTMENT", "PROVINCE", "STATE", "INTENDANCY", "COMMISSARY", "COUNTY"])


def _most_specific(levels: list[tuple[list[str], str | None]], has_country: bool) -> int | None:
    """Index of the key's most specific named level: the last one, unless wide units follow
    narrower ones (the keys write general to specific, but not always); None for a key that
    names only a country."""
    first = 1 if has_country else 0
    if len(levels) <= first:
        return None
    narrow = [k for k in range(first, len(levels)) if (levels[k][1] or "").upper() not in WIDE_KINDS]
    return narrow[-1] if narrow else len(levels) - 1


def _siblings(levels: list[tuple[list[str], str | None]], index: int) -> list[int]:
    """The most specific level and the levels of its same kind written just before it: a town
    does not lie in a town, so "CHAVIN (TOWN): HUARI (TOWN)" names two places side by side (a
    road between them, two universities attacked), and either is the incident's place."""
    kind = (levels[index][1] or "").upper()
    out = [index]
    k = index - 1
    while kind and k >= 0 and (levels[k][1] or "").upper() == kind:
        out.append(k)
        k -= 1
    return out


def _kind_only(names: list[str]) -> bool:
    return bool(names) and all(n.strip().upper() in PLACE_KINDS for n in names)


def _fold_kinds(levels: list[tuple[list[str], str | None]]) -> list[tuple[list[str], str | None]]:
    """Levels without the entries that only name a kind (kept as the kind of the level before)."""
    out: list[tuple[list[str], str | None]] = []
    for names, kind in levels:
        if out and _kind_only(names):
            prev_names, prev_kind = out[-1]
            out[-1] = (prev_names, prev_kind or names[0])
        elif names:
            out.append((names, kind))
    return out


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
        return _fold_kinds(levels)
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
    return _fold_kinds(levels)


def _plain(name: str) -> str:
    """The GTT mention normalisation, accents folded."""
    text = _PUNCT.sub(" ", unidecode(name).lower())
    return " ".join(_ARTICLES.sub(" ", text).split())


def _same(a: str | None, b: str, kind: str | None = None) -> bool:
    """Is strife's name `a` the key's name `b` of a level of `kind`? The key writes a place's
    kind apart from its name ("ESCALON (NEIGHBORHOOD)"), so strife's name may carry that same
    kind, in English or Spanish ("Colonia Escalon", "ESCALON NEIGHBORHOOD"); a key name cut at
    a period by the conversion ("WASHINGTON D" for "WASHINGTON D.C.") is compared with strife's
    cut the same way."""
    if not a:
        return False
    key = _plain(b)
    if not key:
        return False
    mine = _plain(a)
    if mine == key:
        return True
    if len(key.split()[-1]) == 1 and "." in a and _plain(a.split(".")[0]) == key:
        return True
    words = _KIND_WORDS.get((kind or "").upper(), frozenset())
    parts = mine.split()
    if len(parts) > 1 and parts[0] in words:
        parts = parts[1:]
    if len(parts) > 1 and parts[-1] in words:
        parts = parts[:-1]
    return " ".join(parts) == key


#: The words that name a key's kind of place inside a place's own name, English and Spanish.
_KIND_WORDS = {
    "NEIGHBORHOOD": frozenset(
        ["neighborhood", "neighbourhood", "colonia", "barrio", "reparto", "residencial", "urbanizacion"]
    ),
    "CANTON": frozenset(["canton", "caserio"]),
    "FARM": frozenset(["farm", "hacienda", "finca", "estate"]),
    "DEPARTMENT": frozenset(["department", "departamento"]),
    "PROVINCE": frozenset(["province", "provincia"]),
    "MUNICIPALITY": frozenset(["municipality", "municipio"]),
    "JURISDICTION": frozenset(["jurisdiction", "municipality", "municipio"]),
    "DISTRICT": frozenset(["district", "distrito"]),
    "VILLAGE": frozenset(["village", "aldea", "vereda"]),
    "HAMLET": frozenset(["hamlet", "caserio"]),
    "CORREGIMIENTO": frozenset(["corregimiento"]),
    "TOWN": frozenset(["town"]),
    "CITY": frozenset(["city", "ciudad"]),
    "PORT": frozenset(["port", "puerto"]),
}


def match_location(place: Location, key_location: str | list[dict[str, Any]]) -> dict[str, Any]:
    """Whether `place` matches a MUC-4 key location.

    Returns `country` (the key's country equals the place's, or None when the key names no
    country), `place` (the key's most specific named level, or a level of its kind written just
    before it, is the place's name, admin2 or admin1; None when the key has only a country),
    `level` (index of the deepest key level the place matches, 0 = the country; None when
    nothing matches) and the key's `key_country` and `key_place` as read.
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
    for depth, (names, kind) in enumerate(levels):
        if depth == 0 and has_country:
            if any(_same(place.country, n) for n in names):
                deepest = 0
            continue
        if any(_same(f, n, kind) for f in fields for n in names):
            deepest = depth
    index = _most_specific(levels, has_country)
    specific = levels[index] if index is not None else None
    side = [levels[k] for k in _siblings(levels, index)] if index is not None else []
    return {
        "country": (any(_same(place.country, n) for n in levels[0][0]) if has_country else None),
        "place": any(_same(f, n, kind) for names, kind in side for f in fields for n in names)
        if side
        else None,
        "level": deepest,
        "key_country": key_country,
        "key_place": specific[0][0] if specific else None,
    }
