"""Stage `time`: dates resolved against the publication date.

Reads `Article.text`, `published`, `sentences`, the spaCy `doc` (optional: used to see which
expression an event's trigger governs) and `events` (their `trigger` and `sentences`).
Adds `time_expressions` (every date or time expression with what it resolved to), each
event's `date` (start, end, ACLED precision, the words it came from) and `background = True`
on events dated well before publication. Warns on the article when relative dates cannot be
resolved (no publication date), and on impossible or far-future dates.
"""

from __future__ import annotations

from datetime import date

from strife.models import Article, TimeExpression
from strife.pipeline import Stage, register
from strife.resources import Resources
from strife.timex import parse_published
from strife.timex.assign import assign_dates
from strife.timex.resolve import find_timexes


def annotate(article: Article) -> Article:
    """Run the time stage on one article (no resources needed)."""
    published: date | None = parse_published(article.published, article)
    timexes, warnings = find_timexes(article.text or "", published)
    for warning in warnings:
        article.warn(warning)
    article.time_expressions = [
        TimeExpression(text=t.text, start=t.start, end=t.end, type=t.kind, resolved=t.info()) for t in timexes
    ]
    assign_dates(article, timexes, published)
    return article


@register("time")
def make(resources: Resources) -> Stage:
    return annotate
