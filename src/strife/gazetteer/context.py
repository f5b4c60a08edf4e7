"""The article's setting and the reading of each name: which countries the article is about
(`contributions`, `country_context`), which candidate place a name means (`choose`), and which
names stand as places only with support from the rest of the article (`weak`).

Reads `Article.text` and the toponyms' candidates; needs no language model.
"""

from __future__ import annotations

import re
from collections import Counter

from strife.gazetteer.index import Gazetteer, national_demonyms
from strife.gazetteer.normalize import name_key
from strife.gazetteer.places import Place, distance_km, prior
from strife.models import Article, Toponym

#: Words after a country's name that make it a party, not a place: "U.S. citizens", "Spain has
#: suspended aid", "Rome's ambassador".
COUNTRY_AS_PARTY = re.compile(
    r"^(?:'s?|’s?)?\s+(?:(?:has|have|had|will|would)\s+(?!been\b)\w+|(?:government|embassy|embassies|ambassador|"
    r"envoy|consul|consulate|citizens?|nationals?|officials?|authorities|president|minister|ministry|"
    r"congress|parliament|senate|administration|troops|soldiers|military|army|navy|marines|forces|"
    r"advisers|advisors|diplomats?|companies|company|firms?|interests|property|properties|convoy|"
    r"businessm[ae]n|engineers|journalists|reporters|tourists|missionaries|nuns|priests|aid|support)\b)",
    re.IGNORECASE,
)

#: Weight of a name's country in the article's context: a name of one country only (or a
#: country's own name), a small place of one country, a name whose best reading dominates all
#: readings abroad ("MEDELLIN": the Colombian city of two million against villages of 12,000),
#: a nationality adjective.
WEIGHT_SURE, WEIGHT_SMALL, WEIGHT_DOMINANT, WEIGHT_DEMONYM = 1.0, 0.25, 0.5, 0.5
#: How far (in `prior` units, a factor of ten in population) the best reading must lead every
#: reading in another country to count as dominant.
DOMINANCE = 1.0
#: A country named inside an organisation's name ("ARMED FORCES OF COLOMBIA") is half a mention.
INSIDE_NAME = 0.5


def contributions(
    article: Article,
    gazetteer: Gazetteer,
    toponyms: list[Toponym],
    inside: list[Toponym] = (),  # type: ignore[assignment]
) -> list[tuple[str, str, float]]:
    """(name, country, weight) for every clue to the article's setting (see WEIGHT_*)."""
    out: list[tuple[str, str, float]] = []
    for t in [*toponyms, *inside]:
        if t.type == "place~":
            continue
        places = [gazetteer.get(i) for i in t.candidates[:20] if i in gazetteer]
        if not places:
            continue
        if places[0].kind == "country" and COUNTRY_AS_PARTY.match(article.text[t.end : t.end + 40]):
            continue  # "U.S. citizens", "Spain has suspended aid": a party, not the article's setting
        share = INSIDE_NAME if t in inside else 1.0
        found = _clue(places, gazetteer)
        if found is not None:
            out.append((t.text.lower(), found[0], found[1] * share))
    lowered = national_demonyms()
    if lowered:
        # any case: "SALVADORAN" in upper-case wire copy is as much a clue as "Salvadoran"
        pattern = re.compile(r"\b(" + "|".join(re.escape(d) for d in lowered) + r")\b", re.IGNORECASE)
        for m in pattern.finditer(article.text):
            out.append((m.group(1).lower(), lowered[m.group(1).lower()], WEIGHT_DEMONYM))
    return out


def _clue(places: list[Place], gazetteer: Gazetteer) -> tuple[str, float] | None:
    """The country a toponym's readings point to, and how strongly (None: no clue). A national
    capital that is the name's best reading dominates by itself: "SAN SALVADOR" is the capital
    of El Salvador before it is another name of Mbanza Kongo."""
    countries = {p.iso2 for p in places}
    first = places[0]
    if len(countries) == 1 or first.kind == "country":
        # A small place known by one name only is little evidence ("Obama" is also a town
        # in Japan): it must not make its own country the article's.
        return first.iso2, WEIGHT_SURE if _prominent(first) else WEIGHT_SMALL
    ranked = sorted(places, key=lambda p: -prior(p.kind, p.population, p.geonames))
    best = ranked[0]
    rival = next((p for p in ranked if p.iso2 != best.iso2), None)
    if rival is None or best.kind != "city" or not _prominent(best):
        return None
    lead = prior(best.kind, best.population, best.geonames) - prior(
        rival.kind, rival.population, rival.geonames
    )
    if lead >= DOMINANCE or gazetteer.is_capital(best):
        return best.iso2, WEIGHT_DOMINANT
    return None


def country_context(
    article: Article,
    gazetteer: Gazetteer,
    toponyms: list[Toponym],
    inside: list[Toponym] = (),  # type: ignore[assignment]
) -> Counter[str]:
    """Weight of each country in the article (see `contributions`)."""
    weights: Counter[str] = Counter()  # float weights: Counter sums any numbers
    for _name, iso, weight in contributions(article, gazetteer, toponyms, inside):
        weights[iso] += weight  # type: ignore[assignment]
    return weights


Anchors = list[tuple[str, Place]]


def _prominent(p: Place) -> bool:
    return p.kind in ("country", "admin1") or p.population >= 50_000 or not p.geonames


#: A reading outside the article's countries but within this distance of one of them (its
#: capital) is in the same region: "San Jose" in a report on El Salvador is Costa Rica's
#: capital, not the Californian city of a million.
REGION_KM = 1000.0
#: Datelines name the cities correspondents file from: a dateline name is read as its most
#: prominent readings (a city of this size, a province or a country) when it has any.
DATELINE_POPULATION = 100_000


def _score(
    p: Place, share: dict[str, float], near: list[Place], admin1s: set[str], setting: list[Place]
) -> float:
    score = prior(p.kind, p.population, p.geonames) + 6.0 * share.get(p.iso2, 0.0)
    if p.admin1 and p.admin1 in admin1s and p.kind != "admin1":
        score += 1.5
    if any(distance_km(a.lat, a.lon, p.lat, p.lon) < 120 for a in near):
        score += 2.0
    if not share.get(p.iso2) and any(distance_km(c.lat, c.lon, p.lat, p.lon) < REGION_KM for c in setting):
        score += 1.0
    return score


def setting_of(gazetteer: Gazetteer, share: dict[str, float]) -> list[Place]:
    """The countries that set the article's scene (a quarter of its clues or more)."""
    found = (gazetteer.country(iso) for iso, w in share.items() if w >= 0.25)
    return [c for c in found if c is not None]


def choose(
    t: Toponym,
    gazetteer: Gazetteer,
    share: dict,
    anchors: Anchors,
    admin1s: set[str],
    setting: list[Place] = [],  # noqa: B006 - read only
    dateline: bool = False,
    unit: bool = False,
) -> tuple[Place, bool]:
    """The best candidate of a toponym; places found under other names are its anchors, the
    setting's countries its region; a dateline keeps to its prominent readings, and a name the
    text calls a province ("ARAUCA INTENDANCY", `unit`) to its readings as an admin unit. A
    name is not read as a town it is only a short form of (`_short_for`)."""
    places = [gazetteer.get(i) for i in t.candidates[:30] if i in gazetteer]
    if dateline:
        places = [p for p in places if _dateline_worthy(p)] or places
    if unit:
        places = [p for p in places if p.kind in ("admin1", "admin2")] or places
    partial = _short_for(t.text, places)
    places = [p for p in places if p.id not in partial] or places
    near = [p for key, p in anchors if key != t.text.lower()]
    scored = sorted(
        ((_score(p, share, near, admin1s, setting), p) for p in places), key=lambda sp: (-sp[0], sp[1].id)
    )
    best = scored[0][1]
    ambiguous = (
        len(scored) > 1
        and scored[0][0] - scored[1][0] < 1.0
        and distance_km(best.lat, best.lon, scored[1][1].lat, scored[1][1].lon) > 300
    )
    return best, ambiguous


def _short_for(text: str, places: list[Place]) -> set[int]:
    """Ids of the readings the name is only a short form of: a town whose own name holds the
    name among other words ("Puerto Santander", "Santander de Quilichao" for "SANTANDER", "El
    Carmen de Chucuri" for "CARMEN"), in a country where another reading bears exactly that
    name (the province of Santander, the town of El Carmen). A city of note keeps its short
    name ("Santa Cruz" is Santa Cruz de la Sierra, "New York" New York City)."""
    key = name_key(text).split()
    if not key:
        return set()
    own = {p.id: _own_words(p) for p in places}
    exact = {p.iso2 for p in places if own[p.id] == key}
    return {
        p.id
        for p in places
        if p.iso2 in exact
        and len(own[p.id]) > len(key)
        and p.population < DATELINE_POPULATION
        and _holds(own[p.id], key)
    }


def _own_words(p: Place) -> list[str]:
    """The words of a place's own name without a qualifier in brackets ("al-Zahra (Homs)")."""
    return name_key(_QUALIFIER.sub(" ", p.name)).split()


_QUALIFIER = re.compile(r"\([^)]*\)")


def _holds(words: list[str], part: list[str]) -> bool:
    n = len(part)
    return any(words[k : k + n] == part for k in range(len(words) - n + 1))


#: Words after a name that call it an admin unit, where the gazetteer's names lack the word
#: ("ARAUCA INTENDANCY": Colombia's intendancies and commissaries are departments since 1991).
UNIT_AFTER = re.compile(
    r"\s+(?:department|province|intendancy|commissary|state|governorate|region)\b", re.IGNORECASE
)


def names_unit(article: Article, t: Toponym) -> bool:
    """Is the toponym followed by a word that calls it an admin unit?"""
    return bool(UNIT_AFTER.match(article.text, t.end, t.end + 20))


def _dateline_worthy(p: Place) -> bool:
    return p.kind in ("country", "admin1") or p.population >= DATELINE_POPULATION


def weak(t: Toponym, p: Place, share: dict[str, float], gazetteer: Gazetteer, caseless: bool) -> bool:
    """Names that stand as places only with support from the article's geography; without
    capitals an English word ("COUNTRYSIDE", "HOME") needs its country to be the article's.
    `share` is the article's geography without this name's own mentions: a name cannot vouch
    for itself ("RADIO CADENA NACIONAL" is no reason to set the article in the Dominican
    Republic's Nacional province)."""
    if p.kind == "country":
        return False
    common = t.text.lower() in gazetteer.matcher.words.common
    if caseless and common and p.kind not in ("admin1", "country"):
        return share.get(p.iso2, 0.0) < 0.5
    unsupported = share.get(p.iso2, 0.0) < 0.2
    lossy = t.type == "place~" or common
    # a small place stands on its own only under an institution's full name ("El Salvador
    # University", "Saydnaya Prison"): a name of several words no person or town bears
    small = p.kind not in ("admin1", "country") and p.population < 100_000 and not _full_name(t, p)
    # without capitals a lone word is as likely a surname ("VARGAS", "HERRERA") or an
    # organisation's ("RADIO CADENA NACIONAL"): only a city of a million stands on its own
    lone = caseless and " " not in t.text.strip() and p.population < 1_000_000
    # nor is a province abroad that nothing else in an article set elsewhere points to
    # ("CENTRAL AND WESTERN REGION" of Hong Kong in a report from El Salvador)
    abroad = caseless and p.kind == "admin1" and max(share.values(), default=0.0) >= 0.5
    return unsupported and (lossy or small or lone or abroad)


#: Kinds of the supplement's named sites (a university, a prison, an airport, a base, ...).
NAMED_SITES = frozenset({"landmark", "prison", "airport", "base", "camp", "dam", "crossing"})


def _full_name(t: Toponym, p: Place) -> bool:
    return p.kind in NAMED_SITES and t.type == "place" and len(t.text.split()) >= 2


def shares(clues: list[tuple[str, str, float]], without: str | None = None) -> dict[str, float]:
    weights: dict[str, float] = {}
    for name, iso, weight in clues:
        if name != without:
            weights[iso] = weights.get(iso, 0.0) + weight
    total = sum(weights.values()) or 1.0
    return {c: w / total for c, w in weights.items()}
