"""Stage `language`: the language layer.

Reads `Article.text`. Adds the spaCy `Doc` (`article.doc`), `sentences`, `entities` (spaCy's
named entities), `actor_mentions` (the actor dictionary's matches) and `toponyms` (the
gazetteer's matches). Long texts are parsed in windows cut at paragraph breaks so memory stays
bounded; the windows' docs are joined so that every offset still indexes `Article.text`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc

from strife.models import Article, Mention, Span
from strife.pipeline import Stage, register
from strife.resources import Resources

_BREAK = re.compile(r"\n\s*\n|\n")


def windows(text: str, size: int) -> Iterator[str]:
    """Consecutive pieces of `text` that join back to it exactly, each at most about `size`
    characters, cut after a paragraph (or line) break where there is one."""
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = None
            for m in _BREAK.finditer(text, start, end):
                cut = m.end()
            if cut is None or cut <= start:
                space = text.rfind(" ", start, end)
                cut = space + 1 if space > start else end
            end = cut
        yield text[start:end]
        start = end


@register("language")
def make(resources: Resources) -> Stage:
    size = resources.settings.pipeline.max_chars

    def run(article: Article) -> Article:
        nlp = resources.nlp
        pieces = list(windows(article.text, size))
        docs = list(nlp.pipe(pieces)) if pieces else [nlp("")]
        doc = docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)
        article.doc = doc
        article.sentences = [
            Span(start=s.start_char, end=s.end_char) for s in doc.sents if s.text.strip()
        ]
        article.entities = [
            Mention(text=e.text, start=e.start_char, end=e.end_char, type=e.label_) for e in doc.ents
        ]
        article.actor_mentions = resources.actors.find(article.text)
        article.toponyms = resources.gazetteer.find(article.text)
        return article

    return run
