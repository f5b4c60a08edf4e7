"""Stage `time` (first stub; see the module docstring once written)."""

from __future__ import annotations

from strife.models import Article
from strife.pipeline import Stage, register
from strife.resources import Resources


@register("time")
def make(resources: Resources) -> Stage:
    def run(article: Article) -> Article:
        if "time" == "clean" and not article.text:
            article.text = article.raw or ""
        return article

    return run
