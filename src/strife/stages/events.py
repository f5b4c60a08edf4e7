"""Stage `events`: event detection and typing.

Reads `article.doc`, `article.sentences`, `article.actor_mentions` and `article.language`.
Adds `article.events`: one `Event` per event the article reports (several per report is
normal), each with `event_type`/`sub_event_type` (ACLED's, with ACLED's precedence), `tags`,
`attack_type` (GTD's, provisional until `arguments` knows the actor), `trigger`, `sentences`
(the main one first), `evidence`, `confidence`, and `background=True` for events the text
recalls rather than reports. Threats, plans, negated, hypothetical and generic statements make
no event. How: `strife.detect` (triggers from the parse, grouping, coreference, typing).
Articles not in English are skipped with a warning. A batch of articles is typed together (the
classifier embeds all their events' sentences in one call).
"""

from __future__ import annotations

from strife.detect.document import find_events
from strife.detect.lexicon import lexicon
from strife.detect.typer import make_typer
from strife.models import Article
from strife.pipeline import Stage, register
from strife.resources import Resources


@register("events")
def make(resources: Resources) -> Stage:
    lex = lexicon()
    typer = make_typer(resources, lex)  # the trained type classifier (loaded on first use)

    def readable(article: Article) -> bool:
        """Whether events can be read from the article (else it gets a warning saying why)."""
        if article.language not in (None, "en"):
            article.warn(f"events: language {article.language!r} is not English; no events read")
            return False
        if article.doc is None:
            if article.text.strip():
                article.warn("events: the text was not parsed (no language stage?); no events read")
            return False
        return True

    def batch(articles: list[Article]) -> list[Article]:
        # the rule events of every article first, then one typing call for all of them (the
        # classifier embeds all their sentences at once); nothing is written until both are done,
        # so a failure that sends the runner back to one article at a time leaves no trace
        todo = [a for a in articles if a.language in (None, "en") and a.doc is not None]
        typed = typer.batch([(a, find_events(a, lex)) for a in todo])
        events = dict(zip(map(id, todo), typed, strict=True))
        for article in articles:
            if readable(article):
                article.events = events[id(article)]
        return articles

    def run(article: Article) -> Article:
        return batch([article])[0]

    run.batch = batch  # type: ignore[attr-defined]
    return run
