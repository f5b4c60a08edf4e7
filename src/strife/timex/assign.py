"""Give each event its date from the article's resolved time expressions.

Order of evidence, first that applies wins:

1. an expression in the event's main sentence: the one its trigger governs in the parse, else
   the nearest to the trigger; an anchor "a day after <clause>" dates the clause it heads as
   one day before the main clause, and the main clause as the discourse's date;
2. an expression in the event's other sentences;
3. less precisely (a day becomes ACLED 2), the date of another event it is one with or follows:
   the dated event it names again ("the mutiny began with ..."), the dated event of the same
   kind done to the same named person ("the murder of Jaime Pardo Leal" ... "Pardo Leal was
   murdered on 11 October 1987"; "the bishop" of "Bishop Ana Ruiz"), the day another sentence
   gives an act of its kind done to people its words refer back to ("the murder of the judges"),
   event or not (`retold.dated_elsewhere`; not in a sentence that opens a further incident),
   the dated incident told just before it in a list of incidents, or the article's lead event (or, when no event is dated, its lede: a day named
   in its opening sentences) when the event is clearly part of the same story (close to the
   lead, linked to it by words such as "coincided", or "Later, ..."). An expression of the
   event's own sentence that dates a later act naming the event as done ("the court today
   ordered a judge to investigate the murder", "the police today closed a station in response
   to the attacks") dates it in none of these ways, nor does any other; an event told
   as a further incident ("Meanwhile, ...", "In another attack, ...") borrows only the date
   of an event it names again; the day of a release ("were set free today") dates no
   kidnapping;
4. nothing: `date` stays empty with precision null. A date is never invented.

Then `background` is set on events whose date ended more than `BACKGROUND_DAYS` before
publication (recollections such as "the fall of Baghouz in March 2019" in a 2022 report).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from strife.models import Article, DateInfo, Event
from strife.timex import syntax
from strife.timex.context import Context, simple_sentences
from strife.timex.people import same_person
from strife.timex.resolve import Timex, Value
from strife.timex.retold import dated_elsewhere

__all__ = ["BACKGROUND_DAYS", "assign_dates", "mark_background", "simple_sentences"]

#: An event whose date ended more than this many days before publication is background.
BACKGROUND_DAYS = 30
#: The lead event is the first whose own date is at least this precise (a day or a week):
#: a story is told about a day, not about "late 2019".
LEAD_MAX_PRECISION = 2
#: An undated event within this many sentences of the lead event's sentence belongs to its story.
LEAD_WINDOW = 3
#: Without a dated lead event, a day named in this many opening sentences dates the story.
LEDE_SENTENCES = 2

_LINK_CUES = re.compile(
    r"\b(?:coincided|coincides|came as|comes as|came after|came amid|at the same time|"
    r"simultaneous(?:ly)?|the same day|in response|responded|retaliat\w*|amid|during the)\b",
    re.I,
)
# "It was also reported that ...", "Meanwhile, ...", "In another attack, ...": one more incident
_FURTHER = re.compile(
    r"\b(?:also|another|meanwhile|elsewhere|in\s+addition|furthermore|separately|likewise)\b", re.I
)
# "It happened on 5 July", "The explosion occurred at 2120": a sentence saying when
_WHEN = re.compile(
    r"\s*[\"'(]?\s*(?:it|this|that|the(?:\s+[\w-]+){1,3})\s+"
    r"(?:happened|occurred|took\s+place|was\s+(?:carried\s+out|perpetrated|committed))\b",
    re.I,
)
# "Meanwhile, ...", "In another attack, ...": a sentence that opens a further incident, whose
# date is its own (measured on all MUC-4 train keys: such incidents are rarely of the day of
# the incident told before them; "Elsewhere" in a list of incidents mostly is)
_OPENS_FURTHER = re.compile(r"\s*[\"'(]?\s*(?:meanwhile|in\s+(?:another|a\s+separate)\s+\w+)\b", re.I)
# "Later, ...": a sentence that carries the story on from where it was
_CONTINUES = re.compile(r"\s*(?:later|afterwards|subsequently|then)\b", re.I)


def _value_for(t: Timex, event: Event) -> Value | None:
    """The date `t` gives the event. An anchor "a day after <clause>" dates its complement
    for a trigger that follows it, and the main clause for one before it (position is
    steadier than the small model's parse of such sentences)."""
    if not t.complement:
        return t.value
    inside = event.trigger is not None and event.trigger.start >= t.end
    return t.value if inside else t.main


def _from_sentence(ctx: Context, event: Event, index: int, main: bool) -> tuple[Timex, Value] | None:
    candidates = ctx.by_sentence.get(index, [])
    if _captivity(event):
        candidates = [t for t in candidates if not syntax.dates_release(ctx.doc, t.start, t.end)]
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
    # a time of day dates the event only when its sentence names no day ("on 5 July at 1010")
    for t in sorted(candidates, key=lambda t: t.kind == "clock"):
        value = _value_for(t, event)
        if value is not None:
            return t, value
    return None


def _captivity(event: Event) -> bool:
    """Is the event a kidnapping or hostage-taking (whose release is told as a later act)?"""
    return event.sub_event_type == "Abduction/forced disappearance" or "hostage_taking" in event.tags


def _own_date(ctx: Context, event: Event) -> tuple[Timex, Value] | None:
    main = ctx.main_sentence(event)
    if main is not None:
        found = _from_sentence(ctx, event, main, main=True)
        if found:
            return found
    for index in event.sentences[1:]:
        found = _from_sentence(ctx, event, index, main=False)
        if found:
            return found
    return _told_when(ctx, event, main)


def _told_when(ctx: Context, event: Event, main: int | None) -> tuple[Timex, Value] | None:
    """The date of a sentence after the event's own that only says when it happened ("It
    happened on 5 July at 1010", "The attack took place at 2120"), within `LEAD_WINDOW`
    sentences and before any other event is told."""
    if main is None:
        return None
    told = {ctx.main_sentence(e) for e in ctx.article.events if e is not event}
    for index in range(main + 1, min(main + LEAD_WINDOW + 1, len(ctx.spans))):
        start = ctx.spans[index].start
        if _WHEN.match(ctx.article.text, start):
            found = _from_sentence(ctx, event, index, main=False)
            if found:
                return found
        if index in told:
            return None
    return None


def _refers_back(
    ctx: Context, event: Event, dated: list[tuple[Event, Timex, Value]]
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


def _same_story(ctx: Context, event: Event, lead: _Lead) -> bool:
    """Close to the lead event, or linked to it by words such as "coincided"; not when the
    lead event comes after this one and is told as a further incident (`_further`)."""
    main = ctx.main_sentence(event)
    if main is None or event.background:
        return False
    if main < lead.sentence and _further(ctx, lead):
        return False
    return abs(main - lead.sentence) <= LEAD_WINDOW or _linked(ctx, main)


def _further(ctx: Context, lead: _Lead) -> bool:
    """Is the lead event told as one more incident beside those already told ("It was also
    reported that four officers were wounded last night", "Meanwhile, on 31 January, troops
    ...")? Its date is then its own, not the date of the events told before it."""
    if lead.event is None or lead.event.trigger is None:
        return False
    start = ctx.spans[lead.sentence].start
    return bool(_FURTHER.search(ctx.article.text, start, lead.event.trigger.start))


def _linked(ctx: Context, main: int) -> bool:
    """Does the sentence tie its event to the story's main one ("The breakout coincided with
    an assault ...", "Later, ...")?"""
    span = ctx.spans[main]
    return bool(_LINK_CUES.search(ctx.article.text, span.start, span.end)) or bool(
        _CONTINUES.match(ctx.article.text, span.start)
    )


def _info(value: Value, text: str) -> DateInfo:
    return DateInfo(start=value[0].isoformat(), end=value[1].isoformat(), precision=value[2], text=text)


def _vaguer(value: Value) -> Value:
    """A date taken from another event: a day becomes "within a few days" (ACLED 2); a span
    already that vague or vaguer keeps its precision (a 24-hour span is no month)."""
    return value[0], value[1], max(2, value[2])


def _position(ctx: Context, event: Event) -> tuple[int, int]:
    main = ctx.main_sentence(event)
    return (main if main is not None else 10**9, event.trigger.start if event.trigger else 0)


@dataclass
class _Lead:
    """The date a story is told about: the lead event's own date, else the lede's."""

    sentence: int
    timex: Timex
    value: Value
    event: Event | None = None


def _lead(ctx: Context, dated: list[tuple[Event, Timex, Value]]) -> _Lead | None:
    """The first event the text dates itself to a day or week, unless it is old; without one,
    the day the article's opening sentences give (news puts the story's day in its lede:
    "TODAY, MEDELLIN ONCE AGAIN EXPERIENCED ..."), unless that day is the day of a later act
    naming an event of the lede as done ("the court today ordered a judge to investigate the
    murder")."""
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
                and not any(_refused(ctx, e, t) for e in ctx.article.events)
            ):
                return _Lead(index, t, t.value)
    return None


def assign_dates(article: Article, timexes: list[Timex], published: date | None) -> None:
    """Set `date` (and `background` for old events) on every event of the article."""
    if not article.events:
        return
    ctx = Context(article, timexes, published)
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
    ctx: Context,
    event: Event,
    lead: _Lead | None,
    dated: list[tuple[Event, Timex, Value]],
) -> tuple[Timex, Value] | None:
    """An undated event takes, less precisely, the date of the event it refers back to, of the
    event the text dates just before it, or of the lead event whose story it is part of;
    otherwise stays undated."""
    others = [d for d in dated if d[0] is not event]
    back = _refers_back(ctx, event, others) or same_person(ctx.article.text, event, others, ctx.spans)
    if back is not None:
        return back[0], _vaguer(back[1])
    main = ctx.main_sentence(event)
    if main is not None and _OPENS_FURTHER.match(ctx.article.text, ctx.spans[main].start):
        return None
    if main is not None and _told_as_done(ctx, event, main):
        return None
    back = dated_elsewhere(ctx, event, lambda v: not _old(v, ctx.published))
    if back is not None:
        return back[0], _vaguer(back[1])
    story = (
        lead is not None
        and lead.event is not event
        and _same_story(ctx, event, lead)
        and not _refused(ctx, event, lead.timex)
    )
    main = ctx.main_sentence(event)
    if lead is not None and story and main is not None and _linked(ctx, main):
        return lead.timex, _vaguer(lead.value)  # tied to the story's main event in words
    near = _preceding(ctx, event, dated)
    if near is not None and not _refused(ctx, event, near[0]):
        return near[0], _vaguer(near[1])
    if lead is not None and story:
        return lead.timex, _vaguer(lead.value)
    return None


def _told_as_done(ctx: Context, event: Event, main: int) -> bool:
    """Is the event told as done by a later act of its sentence ("the court today ordered a
    judge to investigate the murder", "after the assassination of the senator, the judges
    decided ...")? It is then not of the story's day either."""
    if syntax.told_as_earlier(ctx.trigger_token(event)):
        return True
    return any(_refused(ctx, event, t) for t in ctx.by_sentence.get(main, []))


def _refused(ctx: Context, event: Event, t: Timex) -> bool:
    """Is `t` in the event's own sentence the day of a later act that names the event as done
    ("the court today ordered a judge to investigate the murder")? Then it dates the event in
    no way, not even as the day of its story. Nor is the day of a release a kidnapping's."""
    if _captivity(event) and syntax.dates_release(ctx.doc, t.start, t.end):
        return True
    main = ctx.main_sentence(event)
    if main is None or t not in ctx.by_sentence.get(main, []):
        return False
    return syntax.names_earlier_event(ctx.doc, t.start, t.end, ctx.trigger_token(event))


def _preceding(
    ctx: Context, event: Event, dated: list[tuple[Event, Timex, Value]]
) -> tuple[Timex, Value] | None:
    """The date of the nearest event before this one, within `LEAD_WINDOW` sentences, that the
    text dates itself to a day or a few: a report lists incidents one after another
    ("Yesterday rebels killed two mayors ... In the provincial capital they burned a bank ...
    Near the border they blew up a bridge ..."), each told in the time of the one before it.
    (Only events dated by their own words: a chain of inherited dates drifts.)"""
    main = ctx.main_sentence(event)
    if main is None or event.background:
        return None
    best: tuple[int, Timex, Value] | None = None
    for other, t, value in dated:
        where = ctx.main_sentence(other)
        if other is event or where is None or not 0 <= main - where <= LEAD_WINDOW:
            continue
        if (where == main and not _before(other, event)) or t.complement:
            continue  # "a day after militants executed ...": a look back, not the story's time
        fit = value[2] <= LEAD_MAX_PRECISION and not _old(value, ctx.published)
        if fit and (best is None or where >= best[0]):
            best = (where, t, value)
    return (best[1], best[2]) if best else None


def _before(first: Event, second: Event) -> bool:
    if first.trigger is None or second.trigger is None:
        return False
    return first.trigger.start < second.trigger.start


def _old(value: Value, published: date | None) -> bool:
    return published is not None and value[1] < published - timedelta(days=BACKGROUND_DAYS)


def mark_background(event: Event, published: date | None) -> None:
    """Flag an event whose date ended more than BACKGROUND_DAYS before publication."""
    if event.date.end is not None and _old((date.min, date.fromisoformat(event.date.end), 3), published):
        event.background = True
