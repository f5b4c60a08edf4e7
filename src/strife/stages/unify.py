"""Stage `unify` (first stub): events of one article that are one real-world event become one."""

from __future__ import annotations

from strife.models import Article
from strife.pipeline import Stage, register
from strife.resources import Resources


@register("unify")
def make(resources: Resources) -> Stage:
    def run(article: Article) -> Article:
        return article

    return run
