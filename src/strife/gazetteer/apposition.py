"""A place named with the province it lies in: "SAN ANDRES, SAN MIGUEL DEPARTMENT", "Los
Llanitos, Intibuca department", "Paris, Texas", "near Benadia in Arauca intendancy".

The province after the comma says which reading of the name is meant: a reading inside that
province wins over more prominent readings elsewhere. When the gazetteer holds no reading
inside it (villages and hamlets are mostly missing), the name is still a place of that
province: it becomes a `locality` with the province's point and admin units (ACLED codes such
an event at the nearest place known, one step less precise), so a hamlet never drags the event
into another country that happens to have a town of that name.

Reads `Article.text` and the toponyms with their first readings; needs no language model.
"""

from __future__ import annotations

import re
import zlib

from strife.gazetteer.index import Gazetteer
from strife.gazetteer.places import Place, prior
from strife.models import Article, Toponym

#: Only a comma (and spaces) between the name and its province.
_COMMA = re.compile(r"^\s*,\s*$")
#: "in" between them, the name itself after a locative word: "NEAR BENADIA IN ARAUCA INTENDANCY".
_IN = re.compile(r"^\s+in\s+(?:the\s+)?$", re.IGNORECASE)
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|outside|of)\s+(?:the\s+)?$", re.IGNORECASE)
#: Ids of places read from the text alone: never a GeoNames id, never a supplement id.
TEXT_IDS = 2_000_000_000


def stated_places(
    article: Article, gazetteer: Gazetteer, toponyms: list[Toponym], places: list[Place]
) -> list[Place]:
    """`places` (the reading of each toponym), with each name followed by ", <province>" read
    inside that province."""
    out = list(places)
    for k in range(len(toponyms) - 1):
        t, nxt, area = toponyms[k], toponyms[k + 1], places[k + 1]
        if area.kind != "admin1" or places[k].kind in ("admin1", "country"):
            continue
        if not _apposed(article.text, t, nxt) or _inside(places[k], area):
            continue
        readings = [gazetteer.get(i) for i in t.candidates[:30] if i in gazetteer]
        inside = [p for p in readings if _inside(p, area)]
        if inside:
            out[k] = max(inside, key=lambda p: prior(p.kind, p.population, p.geonames))
        else:
            out[k] = locality(t.text, area)
    return out


def _apposed(text: str, t: Toponym, area: Toponym) -> bool:
    """ "X, PROVINCE", or "in/near X in PROVINCE" (a surname before "in PROVINCE" is no place)."""
    between = text[t.end : area.start]
    if _COMMA.match(between):
        return True
    return bool(_IN.match(between)) and bool(_LOCATIVE_BEFORE.search(text, max(0, t.start - 20), t.start))


def _inside(p: Place, area: Place) -> bool:
    return p.iso2 == area.iso2 and p.admin1 == area.admin1


def locality(words: str, area: Place) -> Place:
    """A place the text names inside `area` that the gazetteer lacks, at the area's point."""
    name = " ".join(words.split())
    name = name.title() if name.isupper() or name.islower() else name
    key = f"{name}|{area.iso2}|{area.admin1}".encode()
    return Place(
        id=TEXT_IDS + zlib.crc32(key) % 100_000_000,
        name=name,
        lat=area.lat,
        lon=area.lon,
        kind="locality",
        country=area.country,
        iso2=area.iso2,
        iso3=area.iso3,
        admin1=area.admin1,
        admin2=None,
        population=0,
        source=f"named in the text as a place of {area.name}",
        geonames=False,
    )
