"""Where the text states an event happened: "THE INCIDENT TOOK PLACE IN THE VICINITY OF
PERQUIN", "the attack was carried out in Boqueron", "the residence is located in X".

Wire copy often reports an event first and its place in the next sentence, or names a wide
place first and the exact one after it; the place stage reads these sentences as the event's
own and lets their place narrow the first sentence's (`strife.stages.place`).

Reads `Article.text`, `sentences` and each event's `sentences` and `trigger`.
"""

from __future__ import annotations

import re

from strife.models import Article, Event

#: Words that state where something happened or stands: "the incident took place in the
#: vicinity of X", "the explosion occurred near X", "the residence is located in X".
STATEMENT = re.compile(
    r"\b(?:took\s+place|taken\s+place|takes\s+place|occurred|happened|(?:is|was|are|were)\s+located|"
    r"(?:was|were)\s+(?:carried\s+out|perpetrated|staged|committed))\b",
    re.IGNORECASE,
)
#: The stronger statements, of where the event itself happened (not where a building stands).
_HAPPENED = re.compile(
    r"\b(?:took\s+place|taken\s+place|occurred|happened|(?:was|were)\s+(?:carried\s+out|perpetrated|staged))\b",
    re.IGNORECASE,
)
#: Words that make a statement of where about another incident ("a similar attack took place in X").
_OTHER_INCIDENT = re.compile(r"\b(?:another|similar)\b", re.IGNORECASE)
#: A relative clause saying what stands at a place named before it ("near X, a mining town, where
#: an electoral office was located"): a description of that place, not a statement of where.
_WHERE_LOCATED = re.compile(r"\bwhere\s+(?:[\w'’-]+\s+){1,8}?(?:is|was|are|were)\s+located\b", re.IGNORECASE)
#: How many sentences after the event's main sentence such a statement may follow it.
STATEMENT_WINDOW = 3


def statements(article: Article, event: Event) -> list[int]:
    """The first sentence shortly after the event's main sentence that states where something
    took place or is located: wire copy often reports the event first and its place next
    ("TWO PEASANTS WERE KILLED BY A MINE IN MORAZAN DEPARTMENT. THE INCIDENT TOOK PLACE IN
    THE VICINITY OF PERQUIN")."""
    own = event_sentences(article, event)
    if not own or not article.sentences:
        return []
    for k in range(own[0] + 1, min(len(article.sentences), own[0] + 1 + STATEMENT_WINDOW)):
        span = article.sentences[k]
        found = STATEMENT.search(article.text, span.start, span.end)
        if k not in own and found and not _described(article, span.start, found.end()):
            return [k]
    return []


def _described(article: Article, start: int, end: int) -> bool:
    """Is the statement found before `end` only a "where X is located" clause?"""
    clause = _WHERE_LOCATED.search(article.text, start, end)
    return clause is not None and clause.end() == end


def stated(article: Article, event: Event) -> list[int]:
    """The sentences that state where the event took place: its own after the first ("... KILLED
    IN THE CAPITAL. THE ATTACK TOOK PLACE IN THE LOS ROBLES NEIGHBORHOOD, SAN MARCOS MUNICIPALITY") and
    the statement just after them (`statements`); not one about another incident."""
    own = event_sentences(article, event)
    out = []
    for k in own[1:]:
        span = article.sentences[k]
        if _HAPPENED.search(article.text, span.start, span.end):
            out.append(k)
    out += statements(article, event)  # STATEMENT: "the residence is located in" counts there
    return [k for k in out if not _OTHER_INCIDENT.search(article.text, *_bounds(article, k))]


def _bounds(article: Article, k: int) -> tuple[int, int]:
    return article.sentences[k].start, article.sentences[k].end


def event_sentences(article: Article, event: Event) -> list[int]:
    """The event's sentences, or those `trigger_sentences` finds for an event without any."""
    return event.sentences or trigger_sentences(article, event)


def trigger_sentences(article: Article, event: Event) -> list[int]:
    """The sentence of the event's trigger, else those of its evidence (an event without
    `sentences`)."""
    if event.trigger is not None:
        idx = article.sentence_index(event.trigger.start)
        if idx is not None:
            return [idx]
    out = []
    for ev in event.evidence:
        idx = article.sentence_index(ev.start)
        if idx is not None and idx not in out:
            out.append(idx)
    return out
