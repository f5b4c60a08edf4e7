"""Hand-made actor mentions for figure tests, so they do not depend on the actor dictionary."""

from __future__ import annotations

import re
from typing import ClassVar

from strife.casing import keep_original, text_to_parse
from strife.models import ActorMention, Article, Span, Toponym

#: (pattern, canonical name, ACLED actor type): a small stand-in for the actor dictionary.
ACTORS: list[tuple[str, str, str | None]] = [
    (r"\b(?:Syrian Democratic Forces|SDF)\b", "Syrian Democratic Forces", "Rebel group"),
    (r"\b(?:Syrian Observatory for Human Rights|SOHR)\b", "Syrian Observatory for Human Rights", None),
    (r"\b(?:Islamic State|ISIS|ISIL|IS|Isis|Daesh)\b", "Islamic State", "Rebel group"),
    (r"\bAmaq\b", "Amaq", None),
    (r"\bTaliban\b", "Taliban", "Rebel group"),
    (r"\bBoko Haram\b", "Boko Haram", "Rebel group"),
    (r"\bal-Shabaab\b", "Al Shabaab", "Rebel group"),
    (r"\bHouthis?\b", "Houthis", "Rebel group"),
    (r"\bIraqi (?:troops|soldiers|army)\b", "Military Forces of Iraq", "State forces"),
    (r"\bNigerian (?:troops|soldiers|army)\b", "Military Forces of Nigeria", "State forces"),
    (r"\b[Pp]olice\b", "Police Forces", "State forces"),
    (r"\bReuters\b", "Reuters", None),
    (r"\bAFP\b", "AFP", None),
    (r"\b(?:United Nations|UN)\b", "United Nations", None),
    (r"\bRed Cross\b", "International Committee of the Red Cross", None),
    (r"\bHezbollah\b", "Hezbollah", "Political militia"),
]


def actor_mentions(text: str) -> list[ActorMention]:
    found: list[ActorMention] = []
    taken: set[int] = set()
    for pattern, name, actor_type in ACTORS:
        for m in re.finditer(pattern, text):
            if taken.intersection(range(m.start(), m.end())):
                continue
            taken.update(range(m.start(), m.end()))
            found.append(
                ActorMention(text=m.group(0), start=m.start(), end=m.end(), name=name, actor_type=actor_type)
            )
    return sorted(found, key=lambda a: a.start)


def parsed(
    nlp, text: str, mentions: list[ActorMention] | None = None, toponyms: list[Toponym] | None = None
) -> Article:
    """An article as the language stage leaves it (a one-case text parsed as its sentence-case
    copy), with hand-made actor mentions (by default those of `ACTORS`) and toponyms."""
    article = Article(text=text, toponyms=toponyms or [])
    article.actor_mentions = actor_mentions(text) if mentions is None else mentions
    doc = keep_original(nlp(text_to_parse(article, nlp)), text)
    article.doc = doc
    article.sentences = [Span(start=s.start_char, end=s.end_char) for s in doc.sents if s.text.strip()]
    return article


class StandInActors:
    """The two methods of the actor dictionary the figures stage uses, over `ACTORS`, with a
    few entries that say what kind of source an actor is."""

    _KINDS: ClassVar[dict[str, tuple[str, str | None]]] = {
        "Syrian Observatory for Human Rights": ("monitor", None),
        "Amaq": ("media", "Islamic State"),
        "Reuters": ("media", None),
        "Islamic State": ("armed_group", None),
        "Syrian Democratic Forces": ("armed_group", None),
    }

    def find(self, text: str) -> list[ActorMention]:
        return actor_mentions(text)

    def get(self, name: str):
        from types import SimpleNamespace

        if name not in self._KINDS:
            return None
        kind, parent = self._KINDS[name]
        return SimpleNamespace(name=name, kind=kind, parent=parent, actor_type=None)
