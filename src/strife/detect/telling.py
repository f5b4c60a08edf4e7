"""Which trigger words tell one event: those of its own sentences and of the sentences that go
on telling it (used by the `arguments` stage).

An event's main sentence holds its trigger; its other sentences, and up to three right after
them before the next event's (`reports.following`), tell more of it when a cluster of their
triggers is of a family that may be the same event (`Lexicon.mergeable`), is no recollection,
and holds no other event's trigger.
"""

from __future__ import annotations

from strife.detect import reports
from strife.detect.grouping import Cluster, sentence_clusters
from strife.detect.lexicon import Lexicon
from strife.detect.triggers import Sent, Trigger
from strife.models import Article, Event, Mention


def _holds(c_triggers: list[Trigger], trigger: Mention | None) -> bool:
    return trigger is not None and any(t.start <= trigger.start < max(t.end, t.start + 1) for t in c_triggers)


def _joins(c: Cluster, family: str | None, event: Event, others: list[Event], lex: Lexicon) -> bool:
    if not family or c.background or not any(lex.mergeable(family, f) for f in c.families):
        return False
    return not any(_holds(c.triggers, o.trigger) for o in others if o is not event)


def event_triggers(
    event: Event, sents: list[Sent], lex: Lexicon, others: list[Event] | None = None
) -> tuple[list[Trigger], list[Trigger]]:
    """The triggers of `event`: those of the cluster holding its trigger, and those of compatible
    clusters of its other sentences (not a cluster that holds another event's trigger)."""
    out: list[Trigger] = []
    main: list[Trigger] = []
    main_family = event.trigger.type if event.trigger else None
    for n, i in enumerate(event.sentences):
        if i >= len(sents) or sents[i] is None:
            continue
        for c in sentence_clusters(sents[i], lex):
            if n == 0 and _holds(c.triggers, event.trigger):
                main = c.triggers
            elif n > 0 and _joins(c, main_family, event, others or [], lex):
                out += c.triggers
    return main, out


def retold(article: Article, event: Event, sents: list[Sent], lex: Lexicon) -> list[Trigger]:
    """Triggers of the sentences that go on telling `event` (`reports.following`): clusters of
    a family that may be one event with the event's own, not a recollection."""
    family = event.trigger.type if event.trigger else None
    out: list[Trigger] = []
    for sent in reports.following(article, event, sents):
        for c in sentence_clusters(sent, lex):
            if _joins(c, family, event, article.events, lex):
                out += c.triggers
    return out
