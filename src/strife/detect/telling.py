"""Which trigger words tell one event: those of its own sentences and of the sentences that go
on telling it (used by the `arguments` stage).

An event's main sentence holds its trigger; its other sentences, and up to three right after
them before the next event's (`reports.following`), tell more of it when a cluster of their
triggers is of a family that may be the same event (`Lexicon.mergeable`), is no recollection,
and holds no other event's trigger.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from strife.detect import reports
from strife.detect.grouping import Cluster, clusters_memo
from strife.detect.lexicon import Lexicon
from strife.detect.triggers import Sent, Trigger
from strife.models import Article, Event, Mention

Clusters = Callable[[Sent], list[Cluster]]


def memo(lex: Lexicon, doc: Any = None) -> Clusters:
    """`sentence_clusters` of one article's sentences, each worked out once: the arguments stage
    asks for a sentence's clusters for every event that may be told in it (about 1 s over 120
    benchmark articles when recomputed). Use one per article; the clusters are only read. With
    the article's `doc`, the memo the events stage filled is reused (`clusters_memo`)."""
    return clusters_memo(lex, doc)


def _holds(c_triggers: list[Trigger], trigger: Mention | None) -> bool:
    return trigger is not None and any(t.start <= trigger.start < max(t.end, t.start + 1) for t in c_triggers)


def _joins(c: Cluster, family: str | None, event: Event, others: list[Event], lex: Lexicon) -> bool:
    if not family or c.background or not any(lex.mergeable(family, f) for f in c.families):
        return False
    return not any(_holds(c.triggers, o.trigger) for o in others if o is not event)


def event_triggers(
    event: Event,
    sents: list[Sent],
    lex: Lexicon,
    others: list[Event] | None = None,
    clusters: Clusters | None = None,
) -> tuple[list[Trigger], list[Trigger]]:
    """The triggers of `event`: those of the cluster holding its trigger, and those of compatible
    clusters of its other sentences (not a cluster that holds another event's trigger).
    `clusters`: the article's `memo`, if any."""
    clusters = clusters or memo(lex)
    out: list[Trigger] = []
    main: list[Trigger] = []
    main_family = event.trigger.type if event.trigger else None
    for n, i in enumerate(event.sentences):
        if i >= len(sents) or sents[i] is None:
            continue
        for c in clusters(sents[i]):
            if n == 0 and _holds(c.triggers, event.trigger):
                main = c.triggers
            elif n > 0 and _joins(c, main_family, event, others or [], lex):
                out += c.triggers
    return main, out


def retold(
    article: Article, event: Event, sents: list[Sent], lex: Lexicon, clusters: Clusters | None = None
) -> list[Trigger]:
    """Triggers of the sentences that go on telling `event` (`reports.following`): clusters of
    a family that may be one event with the event's own, not a recollection."""
    clusters = clusters or memo(lex)
    family = event.trigger.type if event.trigger else None
    out: list[Trigger] = []
    for sent in reports.following(article, event, sents):
        for c in clusters(sent):
            if _joins(c, family, event, article.events, lex):
                out += c.triggers
    return out
