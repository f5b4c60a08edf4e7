"""How many MUC-4 incidents an event's words tell: "two bomb attacks were carried out in la
paz last night" is one strife event (ACLED's unit: one actor, place and day) but two incidents
for the MUC-4 keys, which give one template per attack.

Only a count written as a word ("two" to "five") right before a plural noun of a deed counts:
a digit there is mostly a date ("4 october attacks"), a count of weapons ("two bombs were
planted") is one incident, and explosions heard ("three strong explosions shook ...") are as
often one bombing as several in the keys. On the whole MUC-4 train set, such counted deed nouns
are as many templates in 6 of 9 documents (the three others had a single template).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from strife.models import Article, Event
from strife.timex.calendar import NUMBER_WORDS

if TYPE_CHECKING:
    from strife.eval.muc4_map import MappedTemplate

#: Counts written as words ("two" to "five"), up to what the keys' template limit can hold.
COUNTS = {w: n for w, n in NUMBER_WORDS.items() if 2 <= n <= 5 and " " not in w}
#: Plural nouns of a deed each of which is an incident.
DEED_NOUNS = frozenset({"attacks", "bombings", "murders", "assassinations", "kidnappings", "killings"})
#: Words before a count that make it refer back ("the two attacks", "these two attacks").
REFERRING = frozenset({"the", "these", "those", "both", "its", "their", "his", "her"})


def told_count(article: Article, event: Event) -> int:
    """How many incidents the event's trigger counts ("two bomb attacks" -> 2), 1 when none."""
    trigger = event.trigger
    if trigger is None:
        return 1
    words = trigger.text.lower().split()
    if not words or words[-1] not in DEED_NOUNS:
        return 1
    before = article.text[max(0, trigger.start - 40) : trigger.start].lower().split()
    if len(before) > 1 and before[-2] in REFERRING:
        return 1  # "the two attacks" refers back to incidents already told
    return COUNTS.get(before[-1], 1) if before else 1


def incident_count(article: Article, events: Iterable[Event]) -> int:
    """How many incidents a template of these events stands for (the largest count told)."""
    return max((told_count(article, e) for e in events), default=1)


def counted(article: Article, template: MappedTemplate) -> list[MappedTemplate]:
    """The template, and a copy for each further incident its events count ("two bomb attacks"
    left as one template: MUC-4 train-300 GTT 46.28 -> 46.35, dev 51.51 -> 51.83)."""
    n = incident_count(article, template.events)
    return [template] + [
        replace(template, roles={r: list(v) for r, v in template.roles.items()}, events=list(template.events))
        for _ in range(n - 1)
    ]
