"""Stage `language`: the language layer.

Reads `Article.text`. Adds `actor_mentions` (the actor dictionary's matches) and `toponyms`
(the gazetteer's matches), both found on the text without a parse, then the spaCy `Doc`
(`article.doc`), `sentences` and `entities` (spaCy's named entities). A text written in one
case only (MUC-4, telex copy) is parsed once, as a sentence-case copy of itself with the same
offsets (`strife.casing`): every later stage reads that better parse, and quotes words
from `Article.text` (the Doc keeps it, see `casing.original`). Long texts are parsed in windows
cut at paragraph breaks so memory stays bounded; the windows' docs are joined so that every
offset still indexes `Article.text`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc

from strife import casing
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


class LanguageLayer:
    """Parses texts with spaCy (in windows, see `windows`) and runs the actor and place matchers."""

    def __init__(self, resources: Resources) -> None:
        self.resources = resources
        self.size = resources.settings.pipeline.max_chars

    def __call__(self, article: Article) -> Article:
        self.batch([article])
        return article

    def batch(self, articles: list[Article]) -> list[Article]:
        nlp = self.resources.nlp
        for article in articles:  # the matchers first: a one-case text's copy capitalises names
            article.actor_mentions = self.resources.actors.find(article.text)
            article.toponyms = self.resources.gazetteer.find(article.text)
        pieces = [list(windows(casing.text_to_parse(a, nlp), self.size)) or [""] for a in articles]
        flat = [p for ps in pieces for p in ps]
        parsed = iter(nlp.pipe(flat, batch_size=32))
        for article, ps in zip(articles, pieces, strict=True):
            docs = [next(parsed) for _ in ps]
            doc = docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)
            self._annotate(article, casing.keep_original(doc, article.text))
        return articles

    def _annotate(self, article: Article, doc: Doc) -> None:
        text = article.text  # entity texts quote the article, not a sentence-case copy
        article.doc = doc
        article.sentences = [Span(start=s.start_char, end=s.end_char) for s in doc.sents if s.text.strip()]
        article.entities = [
            Mention(text=text[e.start_char : e.end_char], start=e.start_char, end=e.end_char, type=e.label_)
            for e in doc.ents
        ]


@register("language")
def make(resources: Resources) -> Stage:
    return LanguageLayer(resources)
