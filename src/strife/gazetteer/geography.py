"""The resolved places of an article (`Resolved`, `Geography`) and its main place: the place
its news happened when a sentence names none, read from the dateline and the lede.

Reads `Article.text` and `sentences` and the toponyms `strife.gazetteer.resolve` resolved;
needs no language model.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from strife.gazetteer.around import DATELINE_START
from strife.gazetteer.context import contributions
from strife.gazetteer.index import Gazetteer
from strife.gazetteer.places import AREA_KINDS, Place
from strife.gazetteer.subplace import SubPlace
from strife.models import Article, Toponym

LEDE_CHARS = 400
#: The lede under a dateline runs at least this many characters into the body.
LEDE_MIN = 60
#: A place the lede names without a locative word stands as the scene only from this size.
LEDE_POPULATION = 100_000
#: Weight of context (see `strife.gazetteer.context.WEIGHT_SURE`) another country needs before a
#: dateline is judged to be abroad: more than one sure name.
ELSEWHERE = 1.5
_DATELINE_AFTER = re.compile(r"\s*(?:,|\(|—|–|--|-\s)")
_HEADER_END = re.compile(r"\s(?:--|—|–|-)\s")
#: Per country, the weight of the clues to the article's setting and how many names give them.
Weights = tuple[Counter[str], dict[str, int]]


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
    #: weight of each country in the article's setting (names but reference points, and
    #: nationality adjectives; see `strife.gazetteer.context.contributions`)
    countries: Counter[str]
    main: Resolved | None
    subplaces: list[SubPlace] = field(default_factory=list)
    dateline: Resolved | None = None

    def in_sentence(self, index: int) -> list[Resolved]:
        return [r for r in self.resolved if r.sentence == index]

    @property
    def home(self) -> str | None:
        """The country of the article's main place."""
        return self.main.place.iso2 if self.main is not None else None

    @property
    def filed_only(self) -> bool:
        """Is the article's main place only where it was filed (its dateline)?"""
        return self.main is not None and self.main is self.dateline


def is_dateline(article: Article, t: Toponym) -> bool:
    """Does the name open the text as a dateline ("BOGOTA, 3 APR 90 --", "HAVANA (CUBA)")?"""
    return t.start <= DATELINE_START and bool(_DATELINE_AFTER.match(article.text, t.end))


def dateline_of(article: Article, resolved: list[Resolved]) -> Resolved | None:
    first = resolved[0] if resolved else None
    return first if first is not None and is_dateline(article, first.toponym) else None


def dateline_weights(
    article: Article, gazetteer: Gazetteer, toponyms: list[Toponym], dateline: Resolved
) -> Weights:
    """The article's clues to its setting without the dateline itself and its parenthesis
    ("HAVANA (CUBA)"): per country, the weight and the distinct names that give it."""
    weights: Counter[str] = Counter()
    names: dict[str, set[str]] = {}
    rest = [t for t in toponyms if t.start > dateline.toponym.end + 3]
    for name, iso, weight in contributions(article, gazetteer, rest):
        weights[iso] += weight  # type: ignore[assignment]
        names.setdefault(iso, set()).add(name)
    return weights, {iso: len(n) for iso, n in names.items()}


def dateline_fits(weights: Weights, dateline: Resolved) -> bool:
    """Is the dateline's country the article's own? A report filed in Havana or Washington
    about fighting in El Salvador is not placed in Havana. One stray name (a person called like
    a town abroad) is not enough to move the article away from its dateline."""
    weight, names = weights
    ranked = [c for c, w in weight.most_common() if w > 0]
    if not ranked:
        return True
    top = ranked[0]
    if names.get(top, 0) < 2 and weight[top] < ELSEWHERE:
        return True
    return weight[dateline.place.iso2] >= weight[top] * 0.5


def main_place(article: Article, resolved: list[Resolved], weights: Weights | None = None) -> Resolved | None:
    """The article's main place: a point place the lede under a dateline names (the dateline
    says where the report was filed, the lede where its news happened) when it lies in the
    dateline's country or in a country the article says more about; else, when the article is
    about the dateline's country, the dateline (or the town of that country the body tells its
    news in, `_told_instead`, when it never names the dateline's place again); else the point place mentioned most (twice or more); else
    the first point place of the lede; else the most mentioned province or region; else the
    place mentioned most (a town before a country named as often); else the dateline, however little the article says about its country (a report filed
    there that names no other place is most likely about it)."""
    dateline = dateline_of(article, resolved)
    if dateline is not None:
        weights = weights or (Counter(), {})
        lede = _lede_place(article, resolved, dateline)
        home = dateline.place.iso2
        if lede is not None and (lede.place.iso2 == home or weights[0][lede.place.iso2] > weights[0][home]):
            return lede
        if dateline_fits(weights, dateline):
            return _told_instead(article, resolved, dateline) or dateline
        # nor the rest of its header: "LIMA (PERU), 3 MAY 91 (PARIS AFP) --" names a source
        body = max(_body_start(article, dateline), dateline.toponym.end + 4)
        resolved = [r for r in resolved if r.start >= body]
    usable = [r for r in resolved if r.role != "reference"]
    points = [r for r in usable if r.place.kind not in AREA_KINDS]
    top = _most_mentioned(points)
    if top is not None and sum(r.place.id == top.place.id for r in points) >= 2:
        return top
    if points and points[0].start < LEDE_CHARS:
        return points[0]
    regions = [r for r in usable if r.place.kind in AREA_KINDS and r.place.kind != "country"]
    return _most_mentioned(regions) or _most_mentioned(usable, prefer_points=True) or dateline


def _told_instead(article: Article, resolved: list[Resolved], dateline: Resolved) -> Resolved | None:
    """The town of the dateline's country a report tells its news in when it never names the
    dateline's place again: "SAN SALVADOR, 10 MAY 89 -- ... IN SAN MIGUEL, THERE WERE FIVE
    EXPLOSIONS ... THE PEOPLE OF SAN MIGUEL SHOULD BE CALM" is about San Miguel. Such a town is
    named twice or more, once at least with "in"/"at"."""
    body = [r for r in resolved if r.start >= _body_start(article, dateline)]
    if any(r.place.id == dateline.place.id for r in body):
        return None
    towns = [
        r
        for r in body
        if r.role != "reference" and r.place.kind not in AREA_KINDS and r.place.iso2 == dateline.place.iso2
    ]
    top = _most_mentioned(towns)
    if top is None:
        return None
    mentions = [r for r in towns if r.place.id == top.place.id]
    told = [r for r in mentions if r.role == "explicit"]
    return told[0] if len(mentions) >= 2 and told else None


def _lede_place(article: Article, resolved: list[Resolved], dateline: Resolved) -> Resolved | None:
    """The first point place, not a reference point, of the first sentence after the dateline's
    header ("BOGOTA, 3 APR 90 -- A SENATOR WAS KIDNAPPED ... IN WESTERN MEDELLIN")."""
    body = _body_start(article, dateline)
    # the sentence the body begins with, and the next when the splitter cut it short
    lede = {article.sentence_index(body), article.sentence_index(min(len(article.text) - 1, body + LEDE_MIN))}
    for r in resolved:
        if r.start < body or r is dateline or r.role == "reference" or r.place.kind in AREA_KINDS:
            continue
        if r.sentence not in lede:
            return None
        # a bare name must be a major place to stand as the scene ("MEDELLIN CONTINUES TO LIVE
        # THROUGH A WAVE OF TERROR"); without "in"/"near" a small one is as likely a person's name
        if r.role != "plain" or not r.place.geonames or r.place.population >= LEDE_POPULATION:
            return r
    return None


def _body_start(article: Article, dateline: Resolved) -> int:
    """Where the text after the dateline's header ("BOGOTA, 3 APR 90 (EFE) --") begins."""
    tail = _HEADER_END.search(article.text, dateline.toponym.end, dateline.toponym.end + 100)
    return tail.end() if tail else dateline.toponym.end


def _most_mentioned(rs: list[Resolved], prefer_points: bool = False) -> Resolved | None:
    """The place named most often (the first of those alike); with `prefer_points`, a point
    place wins a tie with a country."""
    counts = Counter(r.place.id for r in rs)
    if not counts:
        return None
    if prefer_points:
        return min(rs, key=lambda r: (-counts[r.place.id], r.place.kind in AREA_KINDS, r.start))
    best = max(counts.values())
    return next(r for r in rs if counts[r.place.id] == best)


def file_point(article: Article, resolved: list[Resolved], dateline: Resolved) -> None:
    """The dateline ("HAVANA (CUBA), 14 NOV 89 (TELE-REBELDE) --") says where the report was
    filed: a reference point for the sentence it heads, never where that sentence's events
    happened. (It stays the article's main place when the article is about its country.)"""
    end = _body_start(article, dateline)
    for r in resolved:
        if r.start <= end and (r is dateline or r.start > dateline.toponym.end):
            r.role, r.cue_start = "reference", r.start


#: Share of the article's clues to its setting (names and nationality adjectives) one country
#: needs to stand as the place of an event no name places.
COUNTRY_SHARE = 0.6


def setting_country(geo: Geography, gazetteer: Gazetteer) -> Place | None:
    """The country an article with no usable place name is about, from its nationality
    adjectives and names ("... REPORTS THE FOLLOWING TO ALL SALVADORANS"), when one country
    holds most of them."""
    total = sum(geo.countries.values())
    if not total:
        return None
    iso, weight = geo.countries.most_common(1)[0]
    return gazetteer.country(iso) if weight / total >= COUNTRY_SHARE else None
