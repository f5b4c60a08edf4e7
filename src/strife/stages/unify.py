"""Stage `unify`: events of one article that are one real-world event become one.

Reads `article.events` with what every earlier stage set (`event_type`, `tags`, actors,
`victims`, `location`, `date`, `counts`) and the actor dictionary. Two events merge when:

- they are of one family (both violent, both demonstrations, or the same strategic kind; a
  shared tag such as `prison_break` counts), but a battle and violence against civilians never
  (an execution told beside a battle is another event);
- their actors do not contradict each other: the initiators agree (the government and the
  state forces of one country are one side), or one is unknown or only described ("gunmen", an
  unknown entry of the dictionary), or the sides are swapped;
- violence against civilians hit the same people (victims' head words meet, "14 residents of
  X" heading on "residents"; or both count the same figure of people; or one names none);
- they hit the same things, or one names none: a bomb at a hotel and another at a bank of one
  town are two attacks, "the attack on the farm" retells "guerrillas attacked a farm"; unless
  both are of one sub-event type told at one time of day ("at 1700 a bomb exploded inside a
  restaurant" / "a bomb exploded shortly before 1700 at the X installations");
- their place and day agree: equal or one unknown, a country-level place containing the other;
  events sharing a linking tag (a siege, a prison assault) may be a day apart. The same place
  suffices; the same day with no place known needs more in common (a linking tag, both actors,
  neighbouring sentences, or the same people counted alike: "five soldiers" in both); with
  neither known, a linking tag, both actors or the same people counted alike. Two places of one
  country within 50 km do not keep apart events that count the same people alike on the same
  day (a retelling that names the district or the next town); no two places keep apart events
  that harm one person named in both ("juan alberto perez" / "perez"), whose place the
  sentences of a retelling often give by other towns.

An event the text calls another one ("another clash occurred", "a second bomb exploded":
`strife.detect.document.announces_another`) never joins one told before it. Background events
merge only with background events. The merged event keeps the first event's
id and trigger, the union of sentences, evidence, counts, tags and participants, the most
specific type by ACLED's precedence, the higher confidence, and fatalities reconciled again by
`strife.figures.reconcile` when counts merged.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from strife.detect.document import announces_another
from strife.detect.typing import rank
from strife.figures.numbers import words_to_int
from strife.gazetteer.places import distance_km
from strife.models import TAGS, Actor, Article, DateInfo, Event, Location
from strife.pipeline import Stage, register
from strife.resources import Resources

VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
DEMONSTRATION_TYPES = {"Protests", "Riots"}
LINKING_TAGS = {"prison_break", "mutiny", "hostage_taking", "siege"}
#: Whether an actor name is one the text only describes (an unknown entry of the dictionary).
Vague = Callable[[str], bool] | None
#: The side an actor name fights on: one key for the state forces and government of a country
#: ("Government of Syria" and "Military Forces of Syria" are one side), else the name.
Side = Callable[[str], str] | None


def _family(e: Event) -> str:
    if e.event_type in VIOLENT_TYPES:
        return "violence"
    if e.event_type in DEMONSTRATION_TYPES:
        return "demonstration"
    return e.sub_event_type


def same_family(a: Event, b: Event) -> bool:
    """Of one family, and not a battle with violence against civilians: an execution told
    beside a battle is another event (ACLED folds remote violence into either, not each other)."""
    if set(a.tags) & set(b.tags) & LINKING_TAGS:
        return True
    if _family(a) != _family(b):
        return False
    return {a.event_type, b.event_type} != {"Battles", "Violence against civilians"}


def _head(words: list[str]) -> str:
    """The head word of a victim phrase, singular: the last word before an `of` phrase
    ("14 residents of Khatab" -> "resident"; "six passengers" and "the passengers" agree)."""
    if "of" in words[1:]:
        words = words[: words.index("of", 1)]
    last = words[-1]
    return last[:-1] if last.endswith("s") and len(last) > 3 else last


def _heads(event: Event) -> set[str]:
    return {_head(m.text.lower().split()) for m in event.victims if m.text.split()}


def _counted(event: Event) -> set[tuple[int, str]]:
    """(number, head) of the victim phrases that count people ("at least 11 children" ->
    (11, "child"), "six priests" -> (6, "priest")); vague and single figures are left out."""
    out = set()
    for m in event.victims:
        words = [w for w in m.text.lower().split() if w not in QUALIFIERS]
        number = words_to_int([words[0]]) if len(words) > 1 else None
        if number is not None and number >= 2:
            out.add((number, _head(words)))
    return out


#: Words before a figure that qualify it ("at least 11 children").
QUALIFIERS = frozenset({"at", "least", "more", "than", "over", "about", "some", "nearly", "almost"})


def same_people(a: Event, b: Event) -> bool:
    """Whether both events count the same people: one figure with one head word ("five
    venezuelan soldiers" / "the explosives that killed the five soldiers")."""
    return bool(_counted(a) & _counted(b))


def victims_agree(a: Event, b: Event) -> bool:
    """The victims of violence against civilians are the same people, or one event names none
    (the killed of a battle are described in many ways, so battles are not compared). A figure
    shared by both counts the same people under other words ("six jesuits", "six priests")."""
    if a.event_type != "Violence against civilians" or b.event_type != a.event_type:
        return True
    ha, hb = _heads(a), _heads(b)
    if not ha or not hb or ha & hb:
        return True
    numbers = {n for n, _ in _counted(a)} & {n for n, _ in _counted(b)}
    return bool(numbers)


def _target_heads(event: Event) -> set[str]:
    return {_head(m.text.lower().split()) for m in event.targets if m.type and m.text.split()}


def targets_agree(a: Event, b: Event) -> bool:
    """The things hit are the same, or one event names none: "a bomb exploded at a hotel" and
    "another bomb exploded in front of a bank" in one city are two attacks, while "the attack on
    the farm" retells "guerrillas attacked the farm" (head words meet)."""
    ha, hb = _target_heads(a), _target_heads(b)
    return not ha or not hb or bool(ha & hb)


def _persons(event: Event) -> list[list[str]]:
    return [m.text.lower().split() for m in event.victims if m.type == "PERSON" and m.text.split()]


def same_person(a: Event, b: Event) -> bool:
    """Both events harm one person they name, in full or in part ("juan alberto perez"
    and "perez"): the same incident, whichever town each sentence names."""
    for x in _persons(a):
        for y in _persons(b):
            short, long = sorted((x, y), key=len)
            if all(w in long for w in short):
                return True
    return False


def _name(actor: Actor | None) -> str | None:
    return actor.name if actor else None


def actors_agree(a: Event, b: Event, vague: Vague = None, side: Side = None) -> bool:
    """The initiators agree (are one side: `side` says which names are), or one is unknown or
    only described ("gunmen", "our forces": `vague` says which names are such), or the two
    sides are swapped."""
    key = side or (lambda name: name)
    a1, a2, b1, b2 = (
        None if n is None else key(n) for n in map(_name, (a.actor1, a.actor2, b.actor1, b.actor2))
    )
    if a1 is None or b1 is None or a1 == b1:
        return True
    if vague is not None and (vague(_name(a.actor1) or "") or vague(_name(b.actor1) or "")):
        return True
    return a1 == b2 or b1 == a2


def place_relation(a: Location, b: Location) -> str:
    """ "same", "unknown" (one or both unknown or one is only the other's country) or "differ"."""
    if (a.name is None and a.country is None) or (b.name is None and b.country is None):
        return "unknown"
    if a.geonames_id is not None and a.geonames_id == b.geonames_id:
        return "same"
    if a.name and b.name and a.name.lower() == b.name.lower():
        return "same"
    if a.country and b.country and a.country != b.country:
        return "differ"
    coarse = {a.geo_precision, b.geo_precision} & {3} or a.name is None or b.name is None
    if coarse or (a.admin2 and a.admin2 == b.admin2 and (a.geo_precision == 2 or b.geo_precision == 2)):
        return "unknown"
    return "differ"


def date_relation(a: DateInfo, b: DateInfo) -> str:
    if a.start is None or b.start is None:
        return "unknown"
    if a.start == b.start:
        return "same"
    # a range holding the other's day agrees
    for x, y in ((a, b), (b, a)):
        if x.end and x.start and y.start and x.start <= y.start <= x.end:
            return "unknown"
    return "differ"


def _adjacent(a: DateInfo, b: DateInfo) -> bool:
    """Whether the two dates (or ranges) are at most one day apart."""
    try:
        starts = [date.fromisoformat(x.start) for x in (a, b)]  # type: ignore[arg-type]
        ends = [date.fromisoformat(x.end or x.start) for x in (a, b)]  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    gap = max(starts[0], starts[1]) - min(ends[0], ends[1])
    return gap.days <= 1


#: The times of day each event's main sentence names, by event id (`clock_times`).
Clocks = dict[str, frozenset[str]]


def same_clock(a: Event, b: Event, clocks: Clocks) -> bool:
    """Both of one sub-event type, their main sentences naming one time of day: "at 1700 a bomb
    exploded inside a restaurant" and "a bomb exploded shortly before 1700 at the X
    installations" tell one blast by two names of the place it hit."""
    if a.sub_event_type != b.sub_event_type:
        return False
    return bool(clocks.get(a.id, frozenset()) & clocks.get(b.id, frozenset()))


#: A time of day as time expressions write it ("at 1700", "shortly before 1700 hours", "at
#: approximately 1700 today", "at 10:30 pm").
CLOCK = re.compile(
    r"\b(?:at\s+(?:about\s+|approximately\s+|around\s+|exactly\s+)?|(?:shortly|just)\s+(?:after|before)\s+)"
    r"((?:[01]\d|2[0-3])[0-5]\d|\d{1,2}[:.][0-5]\d(?:\s*[ap]\.?m\b)?|\d{1,2}\s*[ap]\.?m\b)",
    re.I,
)


def clock_times(article: Article) -> Clocks:
    """The times of day the time expressions in each event's main sentence name, as digits and
    a or p ("shortly before 1700" -> "1700", "at 10:30 pm" -> "1030p"); a time told with its
    day ("at approximately 1700 today") counts."""
    out: Clocks = {}
    found = [
        (t.start, _clock_value(m.group(1))) for t in article.time_expressions for m in CLOCK.finditer(t.text)
    ]
    for e in article.events if found else []:
        if not e.sentences or e.sentences[0] >= len(article.sentences):
            continue
        s = article.sentences[e.sentences[0]]
        out[e.id] = frozenset(value for at, value in found if s.start <= at < s.end)
    return out


def _clock_value(text: str) -> str:
    low = text.lower()
    return "".join(re.findall(r"\d", low)) + ("p" if "p" in low else "a" if "a" in low else "")


def mergeable(
    a: Event,
    b: Event,
    vague: Vague = None,
    side: Side = None,
    apart: frozenset[str] = frozenset(),
    clocks: Clocks | None = None,
) -> bool:
    """Whether `a` and `b` report one real-world event (see the module docstring); `apart` holds
    the ids of events the text calls another one ("another clash occurred"), which never join
    an event told before them; `clocks` the times of day their main sentences name."""
    if b.id in apart and a.sentences and b.sentences and a.sentences[0] < b.sentences[0]:
        return False
    if a.background != b.background or not same_family(a, b) or not actors_agree(a, b, vague, side):
        return False
    if not victims_agree(a, b) or not (targets_agree(a, b) or same_clock(a, b, clocks or {})):
        return False
    place, day = place_relation(a.location, b.location), date_relation(a.date, b.date)
    linked = bool(set(a.tags) & set(b.tags) & LINKING_TAGS)
    if day == "differ" and linked and _adjacent(a.date, b.date):
        day = "unknown"  # a siege or prison assault goes on over days: the next day is still it
    counted = same_people(a, b)
    if place == "differ" and counted and _nearby(a.location, b.location):
        # the same figure of the same people, placed a short way apart, is one event told with
        # another place the sentence names (a town and its district, a neighbouring town); two
        # towns far apart each losing "two civilians" the same day are two events
        place = "unknown"
    named = same_person(a, b)
    if place == "differ" and named:
        place = "unknown"  # one named person harmed once, placed by two sentences' towns
    if "differ" in (place, day):
        return False
    if place == "same":
        return True
    both = a.actor1 is not None and a.actor2 is not None
    same_sides = both and (_name(a.actor1), _name(a.actor2)) == (_name(b.actor1), _name(b.actor2))
    near = bool(a.sentences and b.sentences) and abs(a.sentences[0] - b.sentences[0]) <= 2
    if day == "same":  # the same day somewhere unknown: one event only with more in common
        return linked or same_sides or near or counted or named
    return linked or same_sides or counted or named


#: How far apart two places of one event told twice may be (a town, its district, the next town).
RETELLING_KM = 50.0


def _nearby(a: Location, b: Location) -> bool:
    """Both placed in one country, within `RETELLING_KM` of each other when both have points."""
    if a.country is None or b.country is None or a.country != b.country:
        return False
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return True
    return distance_km(a.lat, a.lon, b.lat, b.lon) <= RETELLING_KM


def _union(first: list, second: list) -> list:
    out = list(first)
    for x in second:
        if x not in out:
            out.append(x)
    return out


def merge(a: Event, b: Event) -> Event:
    """`a` with `b` folded in (`a` is changed and returned)."""
    if rank(b.sub_event_type) < rank(a.sub_event_type):
        a.event_type, a.sub_event_type = b.event_type, b.sub_event_type
    a.tags = [t for t in TAGS if t in set(a.tags) | set(b.tags)]
    a.attack_type = a.attack_type or b.attack_type
    a.actor1 = a.actor1 or b.actor1
    a.actor2 = a.actor2 or (b.actor1 if _name(b.actor1) != _name(a.actor1) else b.actor2)
    taken = {_name(a.actor1), _name(a.actor2)}
    a.assoc_actors = [x for x in _union(a.assoc_actors, b.assoc_actors) if x.name not in taken]
    for field in ("perpetrators", "victims", "targets", "weapons", "counts", "evidence"):
        setattr(a, field, _union(getattr(a, field), getattr(b, field)))
    a.evidence.sort(key=lambda e: e.start)
    a.sentences = (
        [a.sentences[0], *sorted(set(a.sentences[1:] + b.sentences) - {a.sentences[0]})]
        if a.sentences
        else b.sentences
    )
    if a.location.name is None or (b.location.geo_precision or 9) < (a.location.geo_precision or 9):
        a.location = b.location if b.location.name or b.location.country else a.location
    if a.date.start is None or (b.date.precision or 9) < (a.date.precision or 9):
        a.date = b.date if b.date.start else a.date
    a.confidence = max(a.confidence, b.confidence)
    if b.counts:
        a.fatalities = _reconcile(a) or a.fatalities
    return a


def _reconcile(event: Event):
    try:
        from strife.figures import reconcile
    except ImportError:  # the figures package is optional for this stage
        return None
    return reconcile(event.counts)


def unify(
    events: list[Event],
    vague: Vague = None,
    side: Side = None,
    apart: frozenset[str] = frozenset(),
    clocks: Clocks | None = None,
) -> list[Event]:
    """The events with those that are one real-world event merged (first mention first);
    `apart` and `clocks` as for `mergeable`."""
    out: list[Event] = []
    for e in events:
        target = next((o for o in out if mergeable(o, e, vague, side, apart, clocks)), None)
        if target is None:
            out.append(e)
        else:
            merge(target, e)
    return out


@register("unify")
def make(resources: Resources) -> Stage:
    def vague(name: str) -> bool:
        entry = resources.actors.get(name)
        return entry is not None and not entry.known

    def side(name: str) -> str:
        entry = resources.actors.get(name)
        if entry is not None and entry.actor_type == "State forces" and entry.country and entry.known:
            return f"state forces of {entry.country}"
        return name

    def run(article: Article) -> Article:
        if len(article.events) > 1:
            apart = frozenset(
                e.id
                for e in article.events
                if e.trigger and announces_another(article.doc, e.trigger.start, e.trigger.end)
            )
            article.events = unify(article.events, vague, side, apart, clock_times(article))
        return article

    return run
