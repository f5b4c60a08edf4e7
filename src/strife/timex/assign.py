"""Give each event its date from the article's resolved time expressions.

Order of evidence, first that applies wins:

1. an expression in the event's main sentence: the one its trigger governs in the parse, else
   the nearest to the trigger; an anchor "a day after <clause>" dates the clause it heads as
   one day before the main clause, and the main clause as the discourse's date;
2. an expression in the event's other sentences;
3. the date of the article's lead event (or, when no event is dated, of its lede: a day named in
   its opening sentences), one step less precise, when the event is clearly part of the same
   story (close after the lead, linked to it by words such as "coincided", or "Later, ...");
4. nothing: `date` stays empty with precision null. A date is never invented.

Then `background` is set on events whose date ended more than `BACKGROUND_DAYS` before
publication (recollections such as "the fall of Baghouz in March 2019" in a 2022 report).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from strife.models import Article, DateInfo, Event, Span
from strife.timex import syntax
from strife.timex.resolve import Timex, Value

#: An event whose date ended more than this many days before publication is background.
BACKGROUND_DAYS = 30
#: Expressions dated after publication (plans, threats, deadlines) do not date events; one
#: day of slack allows for time zones and late-night filing.
FUTURE_SLACK_DAYS = 1
#: The lead event is the first whose own date is at least this precise (a day or a week):
#: a story is told about a day, not about "late 2019".
LEAD_MAX_PRECISION = 2
#: An undated event within this many sentences of the lead event's sentence belongs to its story.
LEAD_WINDOW = 3
#: Without a dated lead event, a day named in this many opening sentences dates the story.
LEDE_SENTENCES = 2

_LINK_CUES = re.compile(
    r"\b(?:coincided|coincides|came as|comes as|came after|came amid|at the same time|meanwhile|"
    r"simultaneous(?:ly)?|the same day|in response|responded|retaliat\w*|amid|during the)\b",
    re.I,
)
# "Later, ...": a sentence that carries the story on from where it was
_CONTINUES = re.compile(r"\s*(?:later|afterwards|subsequently|then)\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n")
# "U.S.", "Col.", "Gen." end no sentence
_ABBREVIATION = re.compile(
    r"(?:\b[A-Za-z]\.[A-Za-z]\.|\b(?:mr|mrs|ms|dr|gen|col|lt|capt|maj|sgt|st|no|vs|jr|sr|rev|gov|sen|rep|"
    r"prof|inc|co|corp|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.)[\"'”’)]*$",
    re.I,
)


def simple_sentences(text: str) -> list[Span]:
    """Sentence spans by punctuation and blank lines, for when no parse is available."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.group(0).strip() and _ABBREVIATION.search(text, max(0, m.start() - 8), m.start()):
            continue
        if text[start : m.start()].strip():
            spans.append(Span(start=start, end=m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append(Span(start=start, end=len(text)))
    return spans


def _sentence_of(spans: Sequence[Span], offset: int) -> int | None:
    for i, s in enumerate(spans):
        if s.start <= offset < s.end:
            return i
    return None


class _Context:
    """What the assignment needs about the article, computed once."""

    def __init__(self, article: Article, timexes: list[Timex], published: date | None) -> None:
        self.article = article
        self.doc: Any = article.doc
        self.spans = article.sentences or simple_sentences(article.text)
        self.published = published
        limit = published + timedelta(days=FUTURE_SLACK_DAYS) if published else None
        self.by_sentence: dict[int, list[Timex]] = {}
        for t in timexes:
            if (t.value is None and t.main is None) or t.reporting:
                continue  # the date of a statement ("said on Tuesday") is not the event's
            if limit is not None and t.value is not None and t.value[0] > limit and not t.complement:
                continue
            i = _sentence_of(self.spans, t.start)
            if i is not None:
                self.by_sentence.setdefault(i, []).append(t)

    def main_sentence(self, event: Event) -> int | None:
        if event.sentences and 0 <= event.sentences[0] < len(self.spans) and self.article.sentences:
            return event.sentences[0]
        if event.trigger is not None:
            return _sentence_of(self.spans, event.trigger.start)
        return event.sentences[0] if event.sentences and event.sentences[0] < len(self.spans) else None

    def crosses_trigger(self, event: Event, t: Timex) -> bool:
        """Does another event's trigger stand between this event's trigger and `t`? ("shelled
        the town on Monday and stormed the barracks on Thursday")"""
        if event.trigger is None:
            return False
        lo, hi = sorted((event.trigger.end, t.start if t.start >= event.trigger.end else t.end))
        return any(
            o is not event and o.trigger is not None and lo <= o.trigger.start < hi
            for o in self.article.events
        )

    def before_in_clause(self, event: Event, t: Timex, index: int) -> bool:
        """Does `t` come before the trigger but not at the head of the sentence? News puts an
        event's date after its verb ("stormed the barracks on Thursday") or first ("On
        Thursday, ..."); a date in between more often belongs to an earlier clause."""
        if event.trigger is None or t.end > event.trigger.start:
            return False
        head = self.article.text[self.spans[index].start : t.start]
        return bool(head.strip(" \t\n\"'“‘(-"))

    def trigger_token(self, event: Event) -> Any:
        return syntax.token_at(self.doc, event.trigger.start) if event.trigger else None


def _value_for(t: Timex, event: Event) -> Value | None:
    """The date `t` gives the event. An anchor "a day after <clause>" dates its complement
    for a trigger that follows it, and the main clause for one before it (position is
    steadier than the small model's parse of such sentences)."""
    if not t.complement:
        return t.value
    inside = event.trigger is not None and event.trigger.start >= t.end
    return t.value if inside else t.main


def _from_sentence(ctx: _Context, event: Event, index: int, main: bool) -> tuple[Timex, Value] | None:
    candidates = ctx.by_sentence.get(index, [])
    trig = event.trigger
    if main and trig is not None and candidates:
        tok = ctx.trigger_token(event)
        candidates = [
            t for t in candidates if t.complement or not syntax.foreign_clause(ctx.doc, t.start, t.end, tok)
        ]
        centre = (trig.start + trig.end) / 2
        candidates.sort(
            key=lambda t: (
                not syntax.attached(ctx.doc, t.start, t.end, tok),
                ctx.crosses_trigger(event, t),
                ctx.before_in_clause(event, t, index),
                abs((t.start + t.end) / 2 - centre),
            )
        )
    for t in candidates:
        value = _value_for(t, event)
        if value is not None:
            return t, value
    return None


def _own_date(ctx: _Context, event: Event) -> tuple[Timex, Value] | None:
    main = ctx.main_sentence(event)
    if main is not None:
        found = _from_sentence(ctx, event, main, main=True)
        if found:
            return found
    for index in event.sentences[1:]:
        found = _from_sentence(ctx, event, index, main=False)
        if found:
            return found
    return None


def _refers_back(
    ctx: _Context, event: Event, dated: list[tuple[Event, Timex, Value]]
) -> tuple[Timex, Value] | None:
    """An earlier dated event named again by a definite noun in this event's sentence ("the
    mutiny began with an assault by two suicide bombers")."""
    main = ctx.main_sentence(event)
    if main is None:
        return None
    span = ctx.spans[main]
    sentence = ctx.article.text[span.start : span.end]
    for other, t, value in dated:
        word = other.trigger.text.split()[-1] if other.trigger and other.trigger.text.split() else ""
        if len(word) > 3 and re.search(
            rf"\b(?:the|this|that|its)\s+(?:\w+\s+)?{re.escape(word)}\b", sentence, re.I
        ):
            return t, value
    return None


def _same_story(ctx: _Context, event: Event, lead: _Lead) -> bool:
    """Close to the lead event, or linked to it by words such as "coincided"."""
    main = ctx.main_sentence(event)
    if main is None or event.background:
        return False
    if abs(main - lead.sentence) <= LEAD_WINDOW:
        return True
    span = ctx.spans[main]
    return bool(_LINK_CUES.search(ctx.article.text, span.start, span.end)) or bool(
        _CONTINUES.match(ctx.article.text, span.start)
    )


def _info(value: Value, text: str) -> DateInfo:
    return DateInfo(start=value[0].isoformat(), end=value[1].isoformat(), precision=value[2], text=text)


def _vaguer(value: Value) -> Value:
    return value[0], value[1], min(3, value[2] + 1)


def _position(ctx: _Context, event: Event) -> tuple[int, int]:
    main = ctx.main_sentence(event)
    return (main if main is not None else 10**9, event.trigger.start if event.trigger else 0)


@dataclass
class _Lead:
    """The date a story is told about: the lead event's own date, else the lede's."""

    sentence: int
    timex: Timex
    value: Value
    event: Event | None = None


def _lead(ctx: _Context, dated: list[tuple[Event, Timex, Value]]) -> _Lead | None:
    """The first event the text dates itself to a day or week, unless it is old; without one,
    the day the article's opening sentences give (news puts the story's day in its lede:
    "TODAY, MEDELLIN ONCE AGAIN EXPERIENCED ...")."""
    for event, t, value in dated:
        main = ctx.main_sentence(event)
        if main is not None and value[2] <= LEAD_MAX_PRECISION and not _old(value, ctx.published):
            return _Lead(main, t, value, event)
    if dated:
        return None  # the events are dated, none to a day: the lede does not override them
    for index in range(min(LEDE_SENTENCES, len(ctx.spans))):
        for t in ctx.by_sentence.get(index, []):
            if (
                t.value is not None
                and t.value[2] == 1
                and not t.complement
                and not _old(t.value, ctx.published)
            ):
                return _Lead(index, t, t.value)
    return None


def assign_dates(article: Article, timexes: list[Timex], published: date | None) -> None:
    """Set `date` (and `background` for old events) on every event of the article."""
    if not article.events:
        return
    ctx = _Context(article, timexes, published)
    ordered = sorted(article.events, key=lambda e: _position(ctx, e))
    own = {id(e): _own_date(ctx, e) for e in ordered}
    dated = [(e, *found) for e in ordered if (found := own[id(e)]) is not None]
    lead = _lead(ctx, dated)
    for event in ordered:
        found = own[id(event)]
        if found is None:
            found = _inherited(ctx, event, lead, dated)
        event.date = _info(found[1], found[0].text) if found else DateInfo()
        mark_background(event, published)


def _inherited(
    ctx: _Context,
    event: Event,
    lead: _Lead | None,
    dated: list[tuple[Event, Timex, Value]],
) -> tuple[Timex, Value] | None:
    """An undated event takes, less precisely, the date of the event it refers back to or of
    the lead event whose story it is part of; otherwise stays undated."""
    back = _refers_back(ctx, event, [d for d in dated if d[0] is not event])
    if back is not None:
        return back[0], _vaguer(back[1])
    if lead is not None and lead.event is not event and _same_story(ctx, event, lead):
        return lead.timex, _vaguer(lead.value)
    return None


def _old(value: Value, published: date | None) -> bool:
    return published is not None and value[1] < published - timedelta(days=BACKGROUND_DAYS)


def mark_background(event: Event, published: date | None) -> None:
    """Flag an event whose date ended more than BACKGROUND_DAYS before publication."""
    if event.date.end is not None and _old((date.min, date.fromisoformat(event.date.end), 3), published):
        event.background = True
