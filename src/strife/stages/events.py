"""Stage `events`: event detection and typing.

Reads `article.doc`, `article.sentences`, `article.actor_mentions` and `article.language`.
Adds `article.events`: one `Event` per event the article reports (several per report is
normal), each with `event_type`/`sub_event_type` (ACLED's, with ACLED's precedence), `tags`,
`attack_type` (GTD's, provisional until `arguments` knows the actor), `trigger`, `sentences`
(the main one first), `evidence`, `confidence`, and `background=True` for events the text
recalls rather than reports. Threats, plans, negated, hypothetical and generic statements make
no event. How: `strife.detect` (triggers from the parse, grouping, coreference, typing).
Articles not in English are skipped with a warning.
"""

from __future__ import annotations

from strife.detect.document import find_events
from strife.detect.lexicon import lexicon
from strife.detect.typing import make_typer
from strife.models import Article
from strife.pipeline import Stage, register
from strife.resources import Resources


@register("events")
def make(resources: Resources) -> Stage:
    lex = lexicon()
    typer = make_typer(resources, lex)  # the trained type classifier (loaded on first use)

    def run(article: Article) -> Article:
        if article.language not in (None, "en"):
            article.warn(f"events: language {article.language!r} is not English; no events read")
            return article
        if article.doc is None:
            if article.text.strip():
                article.warn("events: the text was not parsed (no language stage?); no events read")
            return article
        article.events = typer(article, find_events(article, lex))
        return article

    return run
