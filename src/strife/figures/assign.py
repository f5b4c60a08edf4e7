"""Which event each figure belongs to.

A figure belongs to the event read from its sentence (the one whose trigger is nearest when the
sentence holds several) whose type can hold it. A figure in a sentence with no event of its own
(a closing paragraph of claims), or only with events first told there that cannot hold it ("the
police arrested two men for the killing of three farmers" after the killing; a peaceful protest
holds no dead or wounded), belongs to the nearest preceding non-background event it fits (its
kind suits the event's type and its group, when named, is one of the event's actors or
civilians), one it involves first (it names the event's actor or a victim the event names), else
to the article's main event (the first non-background one). The figures of one such sentence are
one claim: they go together to the event that its most specific figure (one naming a group that
is an event's actor) points to, when they fit it. A toll placed in an incident told before ("two
were killed in the attack") belongs to the nearest such event it fits, not to an event read
from the toll's own words, unless its sentence tells a deed of its own; when the incident noun
names a type ("killed in the explosion", "during the clash"), the nearest event of that type.
"""

from __future__ import annotations

from dataclasses import dataclass

from strife.models import Count, Event

_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}
_FITS = {
    "fatalities": _VIOLENT | {"Protests"},
    "injured": _VIOLENT | {"Protests"},
    "other": _VIOLENT | {"Protests"},
    "escaped": _VIOLENT | {"Strategic developments"},
    "recaptured": _VIOLENT | {"Strategic developments"},
    "hostages": _VIOLENT | {"Strategic developments"},
    "abducted": _VIOLENT | {"Strategic developments"},
    "arrested": {"Strategic developments", "Protests", "Riots", "Violence against civilians", "Battles"},
    "displaced": _VIOLENT | {"Strategic developments"},
}


@dataclass(frozen=True)
class Toll:
    """A toll placed in an incident told before (`clause.toll_words`): the character offsets of
    its own words (its verbs and the incident noun: an event read from them is the toll, not
    another deed) and the event type the noun names, if it names one ('the explosion', 'the
    clash'; `incident_nouns` in kinds.json)."""

    words: tuple[int, ...]
    event_type: str | None = None
    reach: int | None = None
    """How many sentences back the incident may be told (None: any; `clause.bare_toll`)."""


def _actor_names(event: Event) -> set[str]:
    actors = [event.actor1, event.actor2, *event.assoc_actors]
    return {a.name for a in actors if a is not None}


def fits(count: Count, event: Event) -> bool:
    """Whether `count` can be about `event` (kind suits its type; group among its actors)."""
    if event.event_type not in _FITS.get(count.kind, _VIOLENT):
        return False
    if event.sub_event_type == "Peaceful protest" and count.kind in ("fatalities", "injured"):
        return False  # ACLED: a protest where people are hurt is not a peaceful one
    names = _actor_names(event)
    return count.group is None or count.group == "Civilians" or not names or count.group in names


def _distance(count: Count, event: Event) -> int:
    if event.trigger is None:
        return 10**9
    return abs(event.trigger.start - count.start)


def main_event(events: list[Event]) -> Event | None:
    current = [e for e in events if not e.background]
    pool = current or events
    return pool[0] if pool else None


def event_for(
    count: Count, sentence: int | None, events: list[Event], toll: Toll | None = None
) -> Event | None:
    """The event `count` (found in sentence index `sentence`) belongs to, or None. `toll`: a toll
    placed 'in the attack' told before (`clause.toll_words`)."""
    if not events:
        return None
    if sentence is not None:
        own = [e for e in events if sentence in e.sentences]
        earlier = _preceding(count, sentence, events)
        if toll is not None and earlier is not None and _beyond_reach(toll, earlier, sentence):
            toll = None  # a bare toll far from any incident: an incident of its own
        if toll is not None and earlier is not None and not _deed_here(own, sentence, toll.words):
            # 'two were killed in the attack': the attack told before; 'in the explosion': the
            # explosion, though a killing was told after it
            return _preceding(count, sentence, events, toll.event_type) or earlier
        fitting = [e for e in own if fits(count, e)]
        if not fitting and earlier is not None and all(e.sentences[0] == sentence for e in own):
            return earlier  # only deeds first told here that cannot hold it: the incident before
        if own:
            return min(fitting or own, key=lambda e: _distance(count, e))
        if earlier is not None:
            return earlier
    return main_event(events)


def _beyond_reach(toll: Toll, earlier: Event, sentence: int) -> bool:
    """The incident told before is further back than the toll reaches (`Toll.reach`)."""
    last = max(s for s in earlier.sentences if s < sentence)
    return toll.reach is not None and sentence - last > toll.reach


def _preceding(
    count: Count, sentence: int, events: list[Event], event_type: str | None = None
) -> Event | None:
    """The nearest non-background event told before `sentence` that the figure fits, those it
    involves first; with `event_type`, only events of that type (None when there is none)."""
    before = [e for e in events if e.sentences and e.sentences[0] < sentence and not e.background]
    if event_type is not None:
        before = [e for e in before if e.event_type == event_type]
    before.sort(key=lambda e: e.sentences[0], reverse=True)
    return next((e for e in [e for e in before if _involves(count, e)] + before if fits(count, e)), None)


def _deed_here(own: list[Event], sentence: int, toll: tuple[int, ...]) -> bool:
    """Whether the sentence tells a deed of its own besides the toll ('gunmen attacked a bus; two
    were killed in the attack': that attack): an event read here from other words."""
    return any(
        e.sentences and e.sentences[0] == sentence and (e.trigger is None or e.trigger.start not in toll)
        for e in own
    )


def _involves(count: Count, event: Event) -> bool:
    """The figure names one of the event's actors as whose people it counts or who claims it,
    or counts a person the event names as its victim ("an autopsy on Pizarro's body" after
    "Carlos Pizarro's assassination")."""
    names = _actor_names(event) - {"Civilians"}
    return count.group in names or count.source in names or _names_victim(count, event)


def _names_victim(count: Count, event: Event) -> bool:
    """The figure's words hold a word of a victim's name (`PERSON` mentions hold the name alone)."""
    words = {w.removesuffix("'s").removesuffix("'") for w in count.text.lower().split()}
    return any(
        w in words for m in event.victims if m.type == "PERSON" for w in m.text.lower().split() if len(w) > 2
    )


def assign_all(
    placed: list[tuple[Count, int | None]],
    events: list[Event],
    tolls: list[Toll | None] | None = None,
) -> list[Event | None]:
    """The event of each (count, sentence index), keeping the figures of a claim together;
    `tolls` as `event_for`'s `toll`, one per count (or None)."""
    tolls = tolls or [None] * len(placed)
    chosen = [event_for(c, s, events, t) for (c, s), t in zip(placed, tolls, strict=True)]
    for sentence in {s for _, s in placed if s is not None}:
        if any(sentence in e.sentences for e in events):
            continue
        idx = [i for i, (_, s) in enumerate(placed) if s == sentence]
        anchor = next((e for i in idx if (e := chosen[i]) is not None and _involves(placed[i][0], e)), None)
        if anchor is None:
            anchor = _claim_of_previous(placed, chosen, sentence)
        for i in idx:
            if anchor is not None and fits(placed[i][0], anchor):
                chosen[i] = anchor
    return chosen


def _claim_of_previous(
    placed: list[tuple[Count, int | None]], chosen: list[Event | None], sentence: int
) -> Event | None:
    """The event the previous sentence's claim went to ('put the figure at 39' answers it)."""
    for (count, s), event in zip(placed, chosen, strict=True):
        if s == sentence - 1 and event is not None and _involves(count, event):
            return event
    return None
