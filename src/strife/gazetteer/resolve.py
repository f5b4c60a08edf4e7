"""Article-level geography: which toponyms are real, which place each one means, what role it
plays in its sentence, and the article's main place.

Reads `Article.text`, `toponyms`, `entities` and `actor_mentions`; needs no language model.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from strife.gazetteer.index import Gazetteer, demonyms
from strife.gazetteer.matcher import uniform_case
from strife.gazetteer.places import AREA_KINDS, Place, distance_km, prior
from strife.gazetteer.subplace import KINDS_AFTER, SubPlace, find_subplaces
from strife.models import Article, Toponym

#: Entity labels that, when they strictly contain a toponym, make it part of another name
#: ("Aleppo Media Center", "Islamic State of Iraq", "Victoria Nuland").
NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART"})

_DIR = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern|ward|wards)?"
_THE = r"\s+(?:the\s+)?$"
#: Words right before a toponym (a few other words may come between) that make it the event's
#: surroundings (ACLED geo_precision 2), a reference point, or the event's own place.
RELATIVE = re.compile(
    r"\b(?:(?:\d[\d,.]*\s*(?:km|kilometers?|kilometres?|miles?|mi)\s+(?:\([^)]*\)\s+)?)?" + _DIR + r"\s+of|"
    r"near|nearby|outside|outskirts\s+of|close\s+to|around|vicinity\s+of|suburbs?\s+of|countryside\s+of|"
    r"environs\s+of|edge\s+of|periphery\s+of|road\s+(?:to|between|from|linking)|highway\s+(?:to|between))"
    + _THE,
    re.IGNORECASE,
)
REFERENCE = re.compile(
    r"\b(?:borders?\s+(?:with|of)|(?:comes?|came|coming|hails?|hailing|originally|fled|flee(?:ing)?|returned|"
    r"deported|extradited|travell?ed|journey(?:ed)?|moved|sent|recruited|recruits|arrived|flown|flew)\s+"
    r"(?:back\s+)?(?:from|to|in)|native\s+of|born\s+in|based\s+in|lives?\s+in|living\s+in|headquartered\s+in|"
    r"exiled\s+in|citizens?\s+of|nationals?\s+of|embassy\s+in|ambassador\s+to|envoy\s+to|talks\s+in|"
    r"told\s+reporters\s+in|speaking\s+(?:in|from)|from|to)" + _THE,
    re.IGNORECASE,
)
EXPLICIT = re.compile(r"\b(?:in|at|inside|into|within|on|across|throughout)" + _THE, re.IGNORECASE)
_ROLES = (("relative", RELATIVE), ("reference", REFERENCE), ("explicit", EXPLICIT))
_LAST_WORD = re.compile(r"[\w'’.-]+\s+$")
_STOP_WALK = re.compile(r"[,;:()\"“”!?]\s*$")
#: Words right after a toponym that make it a reference: "London-based", "Iran-backed", and
#: a capital standing for its government ("Moscow said", "Damascus has denied").
_AFTER_REFERENCE = re.compile(
    r"^(?:[-\s](?:based|backed|led|born|funded|allied|supported|aligned|sponsored)\b|"
    r"(?:'s?|’s?)?\s+(?:(?:has|have|had)\s+)?(?:said|says|say|claimed|claims|denied|denies|warned|warns|"
    r"announced|announces|accused|accuses|insisted|insists|demanded|demands|rejected|rejects|vetoed|urged|"
    r"urges|condemned|condemns|blamed|blames|agreed|agrees|wants|signed|stated|declared|threatened)\b)",
    re.IGNORECASE,
)
#: Words after a country's name that make it a party, not a place: "U.S. citizens", "Spain has
#: suspended aid", "Rome's ambassador".
_COUNTRY_AS_PARTY = re.compile(
    r"^(?:'s?|’s?)?\s+(?:(?:has|have|had|will|would)\s+(?!been\b)\w+|(?:government|embassy|embassies|ambassador|"
    r"envoy|consul|consulate|citizens?|nationals?|officials?|authorities|president|minister|ministry|"
    r"congress|parliament|senate|administration|troops|soldiers|military|army|navy|marines|forces|"
    r"advisers|advisors|diplomats?|companies|company|firms?|interests|property|properties|convoy|"
    r"businessm[ae]n|engineers|journalists|reporters|tourists|missionaries|nuns|priests|aid|support)\b)",
    re.IGNORECASE,
)
LEDE_CHARS = 400
_DATELINE_AFTER = re.compile(r"^\s*(?:,|\(|—|–|--|-\s)")
_ABBREVIATED = re.compile(r"^(?:[A-Z]\.){2,3}$|^(?:[A-Z]\.)[A-Z]\.?$")
_WORD_NEXT = re.compile(r"\.?\s+[A-Za-z]")
_HEADER_END = re.compile(r"\s(?:--|—|–)\s")


@dataclass
class Resolved:
    """A toponym of the article resolved to a place, with its role in its sentence."""

    toponym: Toponym
    place: Place
    sentence: int | None
    role: str  # "explicit", "relative", "plain" or "reference"
    cue_start: int  # where the words that set the role begin (the toponym's start if none)
    ambiguous: bool = False
    weak: bool = False

    @property
    def start(self) -> int:
        return self.toponym.start


@dataclass
class Geography:
    """Everything the place stage needs about the article's places."""

    resolved: list[Resolved]
    countries: Counter[str]
    main: Resolved | None
    subplaces: list[SubPlace] = field(default_factory=list)

    def in_sentence(self, index: int) -> list[Resolved]:
        return [r for r in self.resolved if r.sentence == index]


def _contained_in_name(t: Toponym, article: Article, caseless: bool = False) -> bool:
    """Is the toponym part of a longer name: an actor of the dictionary, or (in text whose case
    says something) a person or organisation the language model found? Without capitals the
    small model's names are mostly wrong ("THE MURDER OF ANTIOQUIA DEPARTMENT" as ORG), so only
    the dictionary's actors count there."""
    if not caseless:
        for e in article.entities:
            if (
                e.type in NAME_LABELS
                and e.start <= t.start
                and t.end <= e.end
                and (e.end - e.start) > (t.end - t.start)
            ):
                return True
    return _in_actor(t, article)


def _in_actor(t: Toponym, article: Article) -> bool:
    return any(a.start <= t.start and t.end <= a.end for a in article.actor_mentions)


def _sentence_start(article: Article, index: int | None) -> int:
    return article.sentences[index].start if index is not None and article.sentences else 0


def role_of(article: Article, t: Toponym, floor: int) -> tuple[str, int]:
    """The toponym's role from the words before it in its sentence (from `floor`; up to five
    words may stand between the cue and the name, as in "north of the Iraqi capital Baghdad")
    and right after it ("London-based"). Returns the role and where its cue begins."""
    if _AFTER_REFERENCE.match(article.text[t.end : t.end + 30]):
        return "reference", t.start
    chunk = article.text[max(floor, t.start - 150) : t.start]
    base = t.start - len(chunk)
    for _ in range(6):
        for name, pattern in _ROLES:
            m = pattern.search(chunk)
            if m:
                return name, base + m.start()
        last = _LAST_WORD.search(chunk)
        if not last or last.start() == 0 or _STOP_WALK.search(chunk[: last.start()]):
            break
        chunk = chunk[: last.start()]
    return "plain", t.start


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
        if places[0].kind == "country" and _COUNTRY_AS_PARTY.match(article.text[t.end : t.end + 40]):
            continue  # "U.S. citizens", "Spain has suspended aid": a party, not the article's setting
        share = INSIDE_NAME if t in inside else 1.0
        found = _clue(places)
        if found is not None:
            out.append((t.text.lower(), found[0], found[1] * share))
    table = {d: iso for d, iso in demonyms().items() if iso != "-"}
    if table:
        # any case: "SALVADORAN" in upper-case wire copy is as much a clue as "Salvadoran"
        lowered = {d.lower(): iso for d, iso in table.items()}
        pattern = re.compile(r"\b(" + "|".join(re.escape(d) for d in table) + r")\b", re.IGNORECASE)
        for m in pattern.finditer(article.text):
            out.append((m.group(1).lower(), lowered[m.group(1).lower()], WEIGHT_DEMONYM))
    return out


def _clue(places: list[Place]) -> tuple[str, float] | None:
    """The country a toponym's readings point to, and how strongly (None: no clue)."""
    countries = {p.iso2 for p in places}
    first = places[0]
    if len(countries) == 1 or first.kind == "country":
        # A small place known by one name only is little evidence ("Obama" is also a town
        # in Japan): it must not make its own country the article's.
        return first.iso2, WEIGHT_SURE if _prominent(first) else WEIGHT_SMALL
    ranked = sorted(places, key=lambda p: -prior(p.kind, p.population, p.geonames))
    best = ranked[0]
    rival = next((p for p in ranked if p.iso2 != best.iso2), None)
    if (
        rival is not None
        and best.kind == "city"
        and _prominent(best)
        and prior(best.kind, best.population, best.geonames)
        - prior(rival.kind, rival.population, rival.geonames)
        >= DOMINANCE
    ):
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


def _score(p: Place, share: dict[str, float], near: list[Place], admin1s: set[str]) -> float:
    score = prior(p.kind, p.population, p.geonames) + 6.0 * share.get(p.iso2, 0.0)
    if p.admin1 and p.admin1 in admin1s and p.kind != "admin1":
        score += 1.5
    if any(distance_km(a.lat, a.lon, p.lat, p.lon) < 120 for a in near):
        score += 2.0
    return score


def _choose(
    t: Toponym, gazetteer: Gazetteer, share: dict, anchors: Anchors, admin1s: set[str]
) -> tuple[Place, bool]:
    """The best candidate of a toponym; places found under other names are its anchors."""
    places = [gazetteer.get(i) for i in t.candidates[:30] if i in gazetteer]
    near = [p for key, p in anchors if key != t.text.lower()]
    scored = sorted(((_score(p, share, near, admin1s), p) for p in places), key=lambda sp: (-sp[0], sp[1].id))
    best = scored[0][1]
    ambiguous = (
        len(scored) > 1
        and scored[0][0] - scored[1][0] < 1.0
        and distance_km(best.lat, best.lon, scored[1][1].lat, scored[1][1].lon) > 300
    )
    return best, ambiguous


def _weak(t: Toponym, p: Place, share: dict[str, float], gazetteer: Gazetteer, caseless: bool) -> bool:
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
    small = p.kind not in ("admin1", "country") and p.population < 100_000
    # without capitals a lone word is as likely a surname ("VARGAS", "HERRERA") or an
    # organisation's ("RADIO CADENA NACIONAL"): only a city of a million stands on its own
    lone = caseless and " " not in t.text.strip() and p.population < 1_000_000
    return unsupported and (lossy or small or lone)


def _shares(clues: list[tuple[str, str, float]], without: str | None = None) -> dict[str, float]:
    weights: dict[str, float] = {}
    for name, iso, weight in clues:
        if name != without:
            weights[iso] = weights.get(iso, 0.0) + weight
    total = sum(weights.values()) or 1.0
    return {c: w / total for c, w in weights.items()}


def resolve(article: Article, gazetteer: Gazetteer) -> Geography:
    caseless = uniform_case(article.text)
    usable = [t for t in article.toponyms if t.candidates]
    toponyms = [t for t in usable if not _contained_in_name(t, article, caseless)]
    inside = [t for t in usable if t not in toponyms and _in_actor(t, article)]
    clues = contributions(article, gazetteer, toponyms, inside)
    countries: Counter[str] = Counter()
    for _name, iso, weight in clues:
        countries[iso] += weight  # type: ignore[assignment]
    share = _shares(clues)
    first = [_choose(t, gazetteer, share, [], set())[0] for t in toponyms]
    anchors = [
        (t.text.lower(), p)
        for p, t in zip(first, toponyms, strict=True)
        if p.kind not in AREA_KINDS and t.type == "place"
    ]
    admin1s = {p.admin1 for p in first if p.kind == "admin1" and p.admin1}
    resolved = []
    for t in toponyms:
        place, ambiguous = _choose(t, gazetteer, share, anchors, admin1s)
        sentence = article.sentence_index(t.start)
        role, cue = role_of(article, t, _sentence_start(article, sentence))
        if place.kind == "country" and (
            _COUNTRY_AS_PARTY.match(article.text[t.end : t.end + 40]) or _attributive(article, t, role)
        ):
            role, cue = "reference", t.start
        support = _shares(clues, without=t.text.lower())
        weak = _weak(t, place, support, gazetteer, caseless) or _names_subplace(article, t, place)
        r = Resolved(t, place, sentence, role, cue, ambiguous, weak)
        resolved.append(r)
    kept = [r for r in resolved if not r.weak]
    dateline = _dateline(article, kept)
    fits = dateline is None or _dateline_fits(article, gazetteer, toponyms, dateline)
    main = main_place(article, kept, fits)
    if dateline is not None:
        _file_point(article, kept, dateline)
    return Geography(kept, countries, main, _subplaces(article, gazetteer, kept))


def _attributive(article: Article, t: Toponym, role: str) -> bool:
    """A dotted country abbreviation before a noun describes, it does not place: "TWO U.S.
    MISSIONARIES", "U.S. PROPERTIES" (but "in the U.S." is a place)."""
    return (
        role != "explicit"
        and bool(_ABBREVIATED.match(t.text))
        and bool(_WORD_NEXT.match(article.text, t.end))
    )


def _file_point(article: Article, resolved: list[Resolved], dateline: Resolved) -> None:
    """The dateline ("HAVANA (CUBA), 14 NOV 89 (TELE-REBELDE) --") says where the report was
    filed: a reference point for the sentence it heads, never where that sentence's events
    happened. (It stays the article's main place when the article is about its country.)"""
    tail = _HEADER_END.search(article.text, dateline.toponym.end, dateline.toponym.end + 100)
    end = tail.start() if tail else dateline.toponym.end
    for r in resolved:
        if r.start <= end and (r is dateline or r.start > dateline.toponym.end):
            r.role, r.cue_start = "reference", r.start


_SUBPLACE_AFTER = re.compile(r"^[\"”']?\s+(?:" + KINDS_AFTER + r")\b", re.IGNORECASE)


def _names_subplace(article: Article, t: Toponym, p: Place) -> bool:
    """A country's or province's name naming a neighbourhood or farm ("the America
    neighborhood") is that place's name, not the country."""
    return p.kind in ("country", "admin1") and bool(_SUBPLACE_AFTER.match(article.text[t.end : t.end + 30]))


def _subplaces(article: Article, gazetteer: Gazetteer, kept: list[Resolved]) -> list[SubPlace]:
    """Places named with their kind that no toponym, actor or other name covers."""
    taken = [(r.toponym.start, r.toponym.end) for r in kept]
    taken += [(a.start, a.end) for a in article.actor_mentions]
    return [
        sp
        for sp in find_subplaces(article.text, gazetteer.matcher.words.stop, article.doc)
        if not any(a < sp.end and sp.start < b for a, b in taken)
    ]


def _dateline(article: Article, resolved: list[Resolved]) -> Resolved | None:
    first = resolved[0] if resolved else None
    if first and first.start <= 3 and _DATELINE_AFTER.match(article.text[first.toponym.end :]):
        return first
    return None


def _dateline_fits(
    article: Article, gazetteer: Gazetteer, toponyms: list[Toponym], dateline: Resolved
) -> bool:
    """Is the dateline's country the article's own? A report filed in Havana or Washington
    about fighting in El Salvador is not placed in Havana. The dateline itself and its
    parenthesis ("HAVANA (CUBA)") are left out of the count."""
    rest = country_context(article, gazetteer, [t for t in toponyms if t.start > dateline.toponym.end + 3])
    ranked = [c for c, w in rest.most_common() if w > 0]
    return not ranked or rest[dateline.place.iso2] >= rest[ranked[0]] * 0.5


def main_place(article: Article, resolved: list[Resolved], dateline_fits: bool = True) -> Resolved | None:
    """The article's main place: the dateline when the article is about its country; else the
    point place mentioned most (twice or more); else the first point place of the lede; else
    the most mentioned region, province or country."""
    dateline = _dateline(article, resolved)
    if dateline is not None:
        if dateline_fits:
            return dateline
        resolved = [r for r in resolved if r is not dateline and r.start - dateline.toponym.end > 3]
    usable = [r for r in resolved if r.role != "reference"]
    points = [r for r in usable if r.place.kind not in AREA_KINDS]
    top = _most_mentioned(points)
    if top is not None and sum(r.place.id == top.place.id for r in points) >= 2:
        return top
    if points and points[0].start < LEDE_CHARS:
        return points[0]
    regions = [r for r in usable if r.place.kind != "country"]
    return _most_mentioned(regions) or _most_mentioned(usable)


def _most_mentioned(rs: list[Resolved]) -> Resolved | None:
    counts = Counter(r.place.id for r in rs)
    if not counts:
        return None
    best = max(counts.values())
    return next(r for r in rs if counts[r.place.id] == best)
