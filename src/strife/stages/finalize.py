"""Stage `finalize`: stable event ids, evidence texts, and the spaCy Doc released.

Reads the events every earlier stage filled. Gives each event an id stable within the article
(`<article id>-<n>` in text order), fills each evidence span's text from `Article.text`, and
drops the `Doc` so the article is light to pickle or store.
"""

from __future__ import annotations

from strife.detect.grouping import MEMO_KEY
from strife.models import Article
from strife.pipeline import Stage, register
from strife.resources import Resources


@register("finalize")
def make(resources: Resources) -> Stage:
    def run(article: Article) -> Article:
        aid = article.ensure_id()
        article.events.sort(key=lambda e: e.evidence[0].start if e.evidence else 0)
        for n, event in enumerate(article.events, 1):
            event.id = f"{aid}-{n}"
            for ev in event.evidence:
                ev.text = article.text[ev.start : ev.end]
        if article.doc is not None:  # what stages kept on the Doc refers back to it: drop it first
            article.doc.user_data.pop(MEMO_KEY, None)
        article.doc = None
        return article

    return run
