"""The merge decision: is a new report the same real-world event as a stored one?

`decide(new, stored, similarity, threshold)` is a pure function of two profiles and the text
similarity of their evidence (the best cosine between the new report's vector and those of the
stored event's reports). It returns a `Decision` with the score and the reasons, so a decision
can be explained and tested.

1. Blocking (`strife.merge.blocking.block`) must pass: type family, dates within the window,
   places that do not contradict.
2. The score starts from the text similarity and moves by the agreement of the fields, each a
   small step so that text decides unless fields clearly speak:
   - place: the same place +0.08, near +0.04, only a region in common -0.04, unknown -0.08;
   - date: the same day +0.06, within the window -0.05, unknown -0.08;
   - actors: a named actor in common +0.06; two different named initiators (sides not
     swapped) -0.12;
   - victims or targets: a content word in common ("Jesuit", "embassy") +0.06;
   - sub-event type equal +0.03; a shared tag such as `prison_break` +0.04;
   - deaths: both known and far apart (neither within half to twice the other, more than 5
     apart) -0.06; close +0.03.
3. The two reports are one event when the score reaches the embedder's threshold.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from strife.merge.blocking import DAY_WINDOW, block
from strife.merge.profile import Profile

PLACE_STEP = {"same": 0.08, "near": 0.04, "area": -0.04, "unknown": -0.08}
DATE_STEP = {"same": 0.06, "window": -0.05, "unknown": -0.08}
ACTOR_SHARED, ACTOR_CONFLICT = 0.06, -0.12
VICTIM_SHARED = 0.06
SAME_SUBTYPE, SHARED_TAG = 0.03, 0.04
DEATHS_CLOSE, DEATHS_APART = 0.03, -0.06


@dataclass(frozen=True)
class Decision:
    merge: bool
    score: float
    reasons: list[str] = field(default_factory=list)


def _actor_step(a: Profile, b: Profile) -> tuple[float, str | None]:
    if a.actors & b.actors:
        return ACTOR_SHARED, f"actor {sorted(a.actors & b.actors)[0]!r} in common"
    named = a.actor1 in a.actors and b.actor1 in b.actors
    if named and a.actor1 != b.actor1 and a.actor1 != b.actor2 and b.actor1 != a.actor2:
        return ACTOR_CONFLICT, f"initiators differ ({a.actor1} / {b.actor1})"
    return 0.0, None


def _deaths_step(a: Profile, b: Profile) -> tuple[float, str | None]:
    x, y = a.deaths, b.deaths
    if x is None or y is None:
        return 0.0, None
    lo, hi = sorted((x, y))
    if hi - lo <= 5 or hi <= 2 * lo:
        return DEATHS_CLOSE, f"deaths agree ({x} / {y})"
    return DEATHS_APART, f"deaths differ ({x} / {y})"


def field_steps(a: Profile, b: Profile, place: str, day: str) -> list[tuple[float, str]]:
    """Every field's step with its reason (zero steps left out)."""
    steps = [(PLACE_STEP.get(place, 0.0), f"place {place}"), (DATE_STEP.get(day, 0.0), f"date {day}")]
    for step, reason in (_actor_step(a, b), _deaths_step(a, b)):
        if reason:
            steps.append((step, reason))
    shared = (a.victims | a.targets) & (b.victims | b.targets)
    if shared:
        steps.append((VICTIM_SHARED, f"victims/targets share {sorted(shared)[:3]}"))
    if a.sub_event_type == b.sub_event_type:
        steps.append((SAME_SUBTYPE, "same sub-event type"))
    if a.tags & b.tags:
        steps.append((SHARED_TAG, f"tags {sorted(a.tags & b.tags)}"))
    return [(s, r) for s, r in steps if s]


def decide(
    new: Profile, stored: Profile, similarity: float, threshold: float, window: int = DAY_WINDOW
) -> Decision:
    """Whether `new` reports the event `stored` describes (see the module docstring)."""
    blocked = block(new, stored, window)
    if not blocked.ok:
        return Decision(False, 0.0, [f"blocked: place {blocked.place}, date {blocked.date}"])
    steps = field_steps(new, stored, blocked.place, blocked.date)
    score = similarity + sum(s for s, _ in steps)
    reasons = [f"text {similarity:.2f}", *(f"{s:+.2f} {r}" for s, r in steps)]
    return Decision(score >= threshold, round(score, 4), reasons)
