"""Stage `figures`: numbers about people harmed, per group and per source, reconciled.

Reads `article.doc`, `article.sentences`, `article.actor_mentions` and `article.events` (their
`sentences`, `trigger`, `event_type`, actors). Adds `article.figures` (every figure found, as a
`Count`), `event.counts` (the figures that belong to each event, see `strife.figures.assign`)
and `event.fatalities` (reconciled by `strife.figures.reconcile`). An article with no parse gets
a warning and no figures. A text written in one case only (MUC-4, telex copy) was parsed as a
sentence-case copy by the language stage (`strife.casing`); figures quote `Article.text`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from strife.errors import StrifeError
from strife.figures import assign_all, reconcile, source_ranks
from strife.figures.extract import extract  # the spaCy-bound half, which the package loads lazily
from strife.models import Article, Count
from strife.pipeline import Stage, register
from strife.resources import Resources


def _lookup(resources: Resources) -> Callable[[str], Any] | None:
    """The actor dictionary's entry by canonical name, when the dictionary offers it."""
    try:
        return getattr(resources.actors, "get", None)
    except StrifeError:  # no dictionary: sources keep the default credibility
        return None


@register("figures")
def make(resources: Resources) -> Stage:
    def run(article: Article) -> Article:
        if article.doc is None:
            if article.text.strip():
                article.warn("figures: the text was not parsed (no language stage?); no figures read")
            return article
        found = extract(article)
        article.figures = [f.count() for f in found]
        ranks = source_ranks(article, found, _lookup(resources))
        placed = [
            (count, None if f.aggregate else f.sentence)
            for f, count in zip(found, article.figures, strict=True)
        ]
        chosen = assign_all(placed, article.events, [f.toll for f in found])
        per_event: dict[int, list[Count]] = {id(e): [] for e in article.events}
        for (count, sentence), event in zip(placed, chosen, strict=True):
            if event is not None and sentence is not None:  # aggregates stay on the article only
                per_event[id(event)].append(count)
        for event in article.events:
            event.counts = per_event[id(event)]
            event.fatalities = reconcile(event.counts, ranks)
        return article

    return run
