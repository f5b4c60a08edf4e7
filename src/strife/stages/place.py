"""Stage `place`: where each event happened.

Reads `Article.toponyms` (the gazetteer's matches, from the `language` stage), `entities`,
`actor_mentions`, `sentences`, the spaCy `doc` when there is one, and each event's `sentences`
(main sentence first) and `trigger`. Sets `event.location` (name, admin1, admin2, country,
iso3, lat, lon, geo_precision, geonames_id, text) and adds a warning when a place name was
ambiguous.

How the place is chosen (`strife.gazetteer.resolve` does the article-level part):

1. every toponym is resolved to one place by the article's context (countries named, demonyms,
   provinces, nearby places, population); weak names without support are dropped, and so are
   names inside other names (a person, an organisation, an actor);
2. each toponym gets a role from the words before it: a reference point ("the border with
   Turkey", "fighters from the Gulf", "London-based") is never the event's place; a relative
   place ("north of Baghdad", "on the outskirts of Aleppo", "near X") gives precision 2;
3. in the event's main sentence, then its other sentences, the most specific non-reference place
   wins, ties going to explicit "in/at" places, then to a place the event's other sentences
   name again, then to the place closest to the trigger (in the dependency parse when there is
   one); a city gives way to one of its districts or suburbs
   that the event's other sentences name, and any place to a narrower one that a statement of
   where names ("the attack was carried out in X", `strife.gazetteer.stated`);
4. a place that is only relative or only a region is refined by a point place of the event's
   sentences or of the article's main place that lies within it or within 100 km of it
   (`strife.gazetteer.refine`);
5. with no place in the event's sentences, the place they refer back to ("attacked the farm",
   "in the same area", "there": `strife.gazetteer.anaphora`), else the place of the sentence
   just before, else of the sentence just after when no other kind of event is told there or
   the article's main place is only its dateline (a lede says what happened, the next sentence
   where), else the place of an event of the same kind
   told up to four sentences before in the article's country (one incident told on), else the
   article's main place (the place the lede
   under a dateline names, else the dateline when the article is about the dateline's country,
   else the most mentioned place) is used with precision 2 (3 for a region or country), and
   with no place at all, the country most of the article's clues point to (precision 3);
6. a place the gazetteer lacks but a statement of where or the event's sentence names with its
   kind ("the Escalon neighborhood", "the village of X", "the place called X",
   `strife.gazetteer.subplace`) is the event's place: its name, with the point and admin units
   of the known place it lies in, precision 2.

"The capital" without a name is read as the capital of the article's country
(`strife.gazetteer.capital`), so it takes part in all of the above like a name.
"""

from __future__ import annotations

from collections.abc import Sequence

from unidecode import unidecode

from strife.gazetteer.admin2 import base_name
from strife.gazetteer.anaphora import referred
from strife.gazetteer.geography import setting_country
from strife.gazetteer.places import AREA_KINDS, Place, distance_km
from strife.gazetteer.refine import precision, refine
from strife.gazetteer.resolve import Geography, Resolved, resolve
from strife.gazetteer.stated import event_sentences, stated
from strife.gazetteer.subplace import SubPlace
from strife.models import Article, Event, Location
from strife.pipeline import Stage, register
from strife.resources import Resources


def _trigger_distance(article: Article, event: Event, r: Resolved) -> float:
    """How far the toponym is from the event word: dependency hops when parsed, else words."""
    if event.trigger is None:
        return 0.0
    doc = article.doc
    if doc is not None:
        a = doc.char_span(r.toponym.start, r.toponym.end, alignment_mode="expand")
        b = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if a is not None and b is not None and len(a) and len(b):
            return float(_hops(a.root, b.root))
    lo, hi = sorted((r.toponym.start, event.trigger.start))
    return len(article.text[lo:hi].split()) / 3.0


def _hops(a, b) -> int:
    """Length of the dependency path between two tokens (capped)."""
    up = {}
    node, depth = a, 0
    while True:
        up[node.i] = depth
        if node.head.i == node.i or depth > 12:
            break
        node, depth = node.head, depth + 1
    node, depth = b, 0
    while node.i not in up and depth <= 12 and node.head.i != node.i:
        node, depth = node.head, depth + 1
    return up.get(node.i, 8) + depth if node.i in up else 12


def _rank(article: Article, event: Event, r: Resolved, again: frozenset[int] = frozenset()) -> tuple:
    cue = {"explicit": 0, "relative": 1, "plain": 2}[r.role]
    return (r.place.specificity, cue, r.place.id not in again, _trigger_distance(article, event, r), r.start)


def _best_in(
    article: Article, event: Event, geo: Geography, sentence: int, again: frozenset[int] = frozenset()
) -> Resolved | None:
    """The event's place among the names of one sentence; of two alike, the one the event's
    other sentences name `again`."""
    found = [r for r in geo.in_sentence(sentence) if r.role != "reference" and not _party(geo, r)]
    if not found:
        return None
    return min(found, key=lambda r: _rank(article, event, r, again))


def _party(geo: Geography, r: Resolved) -> bool:
    """A country named abroad from the article's main place without "in"/"at" is a party to
    the news, not its scene: "THE GOVERNMENT PROMISED SPAIN AN INVESTIGATION OF THE MURDER"."""
    return (
        r.role == "plain" and r.place.kind == "country" and geo.home is not None and r.place.iso2 != geo.home
    )


def _again(geo: Geography, sentences: list[int], sentence: int) -> frozenset[int]:
    """The places the event's sentences other than `sentence` name: a lede summing up several
    incidents ("attacks in X and in Y left two dead") is about the one its details go on to
    name ("... another bomb exploded in another part of Y")."""
    return frozenset(r.place.id for k in sentences if k != sentence for r in geo.in_sentence(k))


def choose(
    article: Article,
    event: Event,
    geo: Geography,
    earlier: Sequence[tuple[Event, Resolved]] = (),
) -> tuple[Resolved | None, bool]:
    """The event's place and whether it was inferred from the article rather than read in the
    event's own words (then precision 2 at best). A sentence stating where it took place
    (`stated`) counts as one of the event's own, and says where exactly: its place wins over
    the first sentence's when it is narrower."""
    own = event_sentences(article, event)
    said = stated(article, event)
    sentences = own + [k for k in said if k not in own]
    best = None
    for s in sentences:
        best = _best_in(article, event, geo, s, _again(geo, sentences, s))
        if best is not None or any(article.sentence_index(sp.start) == s for sp in geo.subplaces):
            break
    best = _statement_place(article, event, geo, said, best)
    if best is not None and precision(best) > 1:
        return refine(article, geo, sentences, best) or (best, False)
    if best is not None:
        return _within(geo, sentences, best), False
    back = _referred(article, geo, own)
    if isinstance(back, Resolved):
        return back, False  # "the town", "in the same area": the place named before
    before = _preceding(article, event, geo, own)
    if before is not None:
        return before, True
    after = _following(article, event, own, any_kind=geo.filed_only)
    if after is not None and (found := _situated(article, event, geo, after)) is not None:
        return found, True
    if (same := _same_kind_before(event, geo, own, earlier)) is not None:
        return same, True
    return geo.main, geo.main is not None


#: How many sentences before a placeless event one of its kind may lend it its place.
SAME_KIND_WINDOW = 4


def _same_kind_before(
    event: Event, geo: Geography, own: list[int], earlier: Sequence[tuple[Event, Resolved]]
) -> Resolved | None:
    """The place of an event of the same kind told shortly before a placeless one, in the
    article's own country: a report goes on with one incident ("a clash at the 14-km marker of
    the road to X ... minutes later, at the 21-km marker, another clash occurred") before it
    turns to the article's main place."""
    if not own:
        return None
    for e, r in reversed(earlier):
        last = max(e.sentences, default=-1)
        if (
            e.sub_event_type == event.sub_event_type
            and r.place.specificity <= 1
            and 0 <= own[0] - last <= SAME_KIND_WINDOW
            and (geo.home is None or r.place.iso2 == geo.home)
        ):
            return r
    return None


def _statement_place(
    article: Article, event: Event, geo: Geography, said: list[int], best: Resolved | None
) -> Resolved | None:
    """The place a statement of where names, when it is more specific than `best`: "guerrillas
    burned trucks in Arauca Department ... the attack was carried out in Boqueron"."""
    for s in said:
        found = _best_in(article, event, geo, s)
        if found is not None and (best is None or found.place.specificity < best.place.specificity):
            return found
    return best


def _referred(article: Article, geo: Geography, own: list[int]) -> Resolved | SubPlace | None:
    """The place the event's own sentences refer back to ("attacked the farm", "in the same
    area", `strife.gazetteer.anaphora`)."""
    for k in own:
        if (found := referred(article, geo, k)) is not None:
            return found
    return None


#: How many sentences back a placeless event may take its place from.
PRECEDING = 2


def _preceding(article: Article, event: Event, geo: Geography, own: list[int]) -> Resolved | None:
    """The point place of the nearest sentence just before an event whose own words name no
    place: a story goes on where its last sentence was ("... KILLED IN MEDELLIN. FORTY JUDGES
    MAY RESIGN TO PROTEST THE ASSASSINATION"). Inferred, so precision 2."""
    if not own:
        return None
    for k in range(own[0] - 1, max(-1, own[0] - 1 - PRECEDING), -1):
        if geo.main is not None and geo.main.sentence == k:
            return geo.main  # the lede's place was read with the dateline in mind
        if (found := _situated(article, event, geo, k)) is not None:
            return found
    return None


def _situated(article: Article, event: Event, geo: Geography, k: int) -> Resolved | None:
    """The point place sentence `k` puts something in or near ("in Medellin"), not a name it
    merely mentions (a dateline city, a person's town)."""
    found = [r for r in geo.in_sentence(k) if r.role in ("explicit", "relative") and r.place.specificity <= 1]
    return min(found, key=lambda r: _rank(article, event, r)) if found else None


def _following(article: Article, event: Event, own: list[int], any_kind: bool = False) -> int | None:
    """The sentence right after a placeless event's first, when no other kind of event is told
    there: a report often says what happened first and where next ("A former minister was
    wounded this morning. Gunmen fired on his car as he was leaving his home in the X
    neighborhood"); an event of the same kind told there is mostly the same one in more detail
    ("troops murdered two peasants. The troops faked a clash at X to murder them")."""
    if not own or own[0] + 1 >= len(article.sentences):
        return None
    k = own[0] + 1
    if not any_kind and any(
        e is not event and e.sentences and e.sentences[0] == k and e.sub_event_type != event.sub_event_type
        for e in article.events
    ):
        return None
    return k


#: How far from a city a place may lie and still be one of its districts or suburbs.
DISTRICT_KM = 15.0


def _within(geo: Geography, sentences: list[int], city: Resolved) -> Resolved:
    """A part of the city that the event's other sentences name ("fighting broke out in San
    Salvador ... centred in the neighbourhoods of Ayutuxtepeque"): a district, or a smaller
    town within a few kilometres, says more exactly where the event happened."""
    if city.place.kind != "city":
        return city
    c = city.place
    for s in sentences:
        for r in geo.in_sentence(s):
            p = r.place
            if r.role == "reference" or p.id == c.id or p.iso2 != c.iso2 or precision(r) != 1:
                continue
            smaller = p.kind == "district" or (p.kind == "city" and p.population * 5 < c.population)
            if smaller and distance_km(p.lat, p.lon, c.lat, c.lon) < DISTRICT_KM:
                return r
    return city


def location(article: Article, r: Resolved, fallback: bool) -> Location:
    p = r.place

    def ascii_(value: str | None) -> str | None:
        return unidecode(value) if value else value

    return Location(
        name=ascii_(p.name),
        admin1=ascii_(p.admin1) if p.kind != "country" else None,
        # the unit's own name, as ACLED writes admin2 ("Santiago", not "Provincia de Santiago")
        admin2=ascii_(base_name(p.admin2)) if p.admin2 and p.kind not in ("country", "admin1") else None,
        country=p.country,
        iso3=p.iso3,
        lat=p.lat,
        lon=p.lon,
        geo_precision=precision(r, fallback),
        geonames_id=p.geonames_id,
        text=article.text[min(r.cue_start, r.start) : r.toponym.end]
        if r.role == "relative"
        else r.toponym.text,
    )


def _subplace(article: Article, event: Event, geo: Geography, chosen: Resolved | None) -> Location | None:
    """A place the gazetteer lacks that a statement of where (`stated`) or the event's first
    placed sentence names with its kind ("in the Escalon neighborhood"), located by the known
    place it lies in: the sentence's own place, else the event's or the article's main place
    (ACLED: the nearest known place, less precise)."""
    said = stated(article, event)
    for s in said:  # a statement of where says it most exactly
        own = _best_in(article, event, geo, s)
        if subs := _subs_in(article, geo, s, own):
            return _sub_location(article, event, subs, own or chosen or geo.main)
    sentences = event_sentences(article, event)
    for s in sentences:
        own = _best_in(article, event, geo, s)
        subs = _subs_in(article, geo, s, own)
        if subs:
            return _sub_location(article, event, subs, own or chosen or geo.main)
        if own is not None:
            return None  # the event's words name its place: only a statement of where may say more
    if isinstance(back := _referred(article, geo, sentences), SubPlace):
        return _sub_location(article, event, [back], chosen or geo.main)  # "attacked the farm"
    after = _following(article, event, sentences, any_kind=geo.filed_only)
    if after is not None and (subs := _subs_in(article, geo, after)):
        # the next sentence says where, in a place the gazetteer lacks (`_following`)
        return _sub_location(article, event, subs, _best_in(article, event, geo, after) or chosen or geo.main)
    return None


def _subs_in(article: Article, geo: Geography, sentence: int, own: Resolved | None = None) -> list:
    """The sentence's sub-places; not a river, a line, when it names a known town (`own`): "in
    the area of Villa Rosa, near the Grande River" is at Villa Rosa."""
    town = own is not None and own.place.specificity <= 1
    subs = [sp for sp in geo.subplaces if article.sentence_index(sp.start) == sentence]
    return [sp for sp in subs if not (town and sp.kind == "river")]


def _sub_location(article: Article, event: Event, subs: list, parent: Resolved | None) -> Location | None:
    """The sub-place nearest the event's word, at the point and in the units of `parent`."""
    if parent is None:
        return None
    trigger = event.trigger
    sub = subs[0] if trigger is None else min(subs, key=lambda sp: abs(sp.start - trigger.start))
    loc = location(article, parent, False)
    words = article.text[sub.start : sub.end]
    loc.name = unidecode(words.title() if words.isupper() or words.islower() else words)
    loc.text = article.text[sub.span[0] : sub.span[1]]
    loc.geonames_id = None
    loc.geo_precision = 3 if parent.place.kind in AREA_KINDS else 2
    return loc


def _country_location(p: Place) -> Location:
    """An event placed only in its country (ACLED geo_precision 3)."""
    return Location(
        name=unidecode(p.name),
        country=p.country,
        iso3=p.iso3,
        lat=p.lat,
        lon=p.lon,
        geo_precision=3,
        geonames_id=p.geonames_id,
    )


#: Confidence kept by an event whose place was inferred (told elsewhere, or the article's country).
INFERRED = 0.9


@register("place")
def make(resources: Resources) -> Stage:
    def run(article: Article) -> Article:
        if not article.events:
            return article
        if not article.toponyms:
            article.warn("no place names found: events placed at most in the article's country")
        geo = resolve(article, resources.gazetteer)
        earlier: list[tuple[Event, Resolved]] = []
        setting: list[Place | None] = []  # the country the article's clues point to, read once
        for event in article.events:
            chosen, fallback = choose(article, event, geo, earlier)
            if chosen is not None and chosen is not geo.main:
                earlier.append((event, chosen))
            sub = _subplace(article, event, geo, chosen)
            if sub is not None:
                event.location = sub
                continue
            if chosen is None:
                if not setting:
                    setting.append(setting_country(geo, resources.gazetteer))
                if (country := setting[0]) is not None:
                    event.location = _country_location(country)
                    event.confidence = round(event.confidence * INFERRED, 3)
                continue
            event.location = location(article, chosen, fallback)
            if chosen.ambiguous:
                article.warn(
                    f"place name {chosen.toponym.text!r} is ambiguous; read as {event.location.name}, "
                    f"{event.location.country}"
                )
                event.confidence = round(event.confidence * 0.85, 3)
            elif fallback:
                event.confidence = round(event.confidence * INFERRED, 3)
        return article

    return run
