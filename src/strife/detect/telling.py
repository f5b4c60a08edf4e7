"""Which trigger words tell one event: those of its own sentences and of the sentences that go
on telling it (used by the `arguments` stage).

An event's main sentence holds its trigger; its other sentences, and up to three right after
them before the next event's (`reports.following`), tell more of it when a cluster of their
triggers is of a family that may be the same event (`Lexicon.mergeable`), is no recollection,
and holds no other event's trigger. An event whose words name no doer may be one of several an
earlier sentence tells at once ("terrorists staged three bomb attacks"): `summary` finds it.
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
BATTLES = "Battles"


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


def _several(tok: Any, lex: Lexicon) -> bool:
    """Whether a trigger noun tells several events at once: a plural ("three bomb attacks",
    "the bombings"), not a word for one ("the attack"); a plural weapon ("bombs were hurled")
    is one event's."""
    return tok.pos_ == "NOUN" and tok.tag_ == "NNS" and lex.typed(lex.weapons, [tok.lemma_.lower()]) is None


def _summarises(article: Article, lead: Event, event: Event, lex: Lexicon) -> bool:
    """Whether `lead`, told before `event`, may be a summary of it (see `summary`)."""
    if lead is event or lead.trigger is None or event.trigger is None or lead.background:
        return False
    if lead.event_type == BATTLES or not lead.sentences or lead.sentences[0] >= event.sentences[0]:
        return False
    if (
        not lead.trigger.type
        or not event.trigger.type
        or not lex.mergeable(lead.trigger.type, event.trigger.type)
    ):
        return False
    span = article.doc.char_span(lead.trigger.start, lead.trigger.end, alignment_mode="expand")
    return span is not None and _several(span.root, lex)


def summary(article: Article, event: Event, lex: Lexicon) -> Event | None:
    """The latest event told before `event` by a plural trigger of a family that may be the
    same event ("police reported that terrorists staged three bomb attacks ... A bomb exploded
    at the institute"): the report's summary of the incidents it then tells one by one. Not a
    recollection, and no battle: "clashes" between two sides say nothing of who did what next.
    """
    if article.doc is None or not event.sentences or event.event_type == BATTLES:
        return None
    leads = [e for e in article.events if _summarises(article, e, event, lex)]
    return max(leads, key=lambda e: e.sentences[0], default=None)
