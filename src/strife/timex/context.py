"""What dating an article's events needs to know about it, computed once: its sentences (from
the parse, else by punctuation), its usable time expressions sentence by sentence, and where
each event and its trigger stand.

Expressions that date a statement ("said on Tuesday") or lie after publication (plans,
deadlines; the day after publication only when the words announce a plan) are left out here,
so no event is ever dated by them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from strife.models import Article, Event, Span
from strife.timex import syntax
from strife.timex.relative import planned
from strife.timex.resolve import Timex

#: Expressions dated after publication (plans, threats, deadlines) do not date events; one
#: day of slack allows for time zones and late-night filing.
FUTURE_SLACK_DAYS = 1
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


def sentence_of(spans: Sequence[Span], offset: int) -> int | None:
    for i, s in enumerate(spans):
        if s.start <= offset < s.end:
            return i
    return None


class Context:
    """What the assignment needs about the article, computed once."""

    def __init__(self, article: Article, timexes: list[Timex], published: date | None) -> None:
        self.article = article
        self.doc: Any = article.doc
        self.spans = article.sentences or simple_sentences(article.text)
        self.published = published
        self.by_sentence: dict[int, list[Timex]] = {}
        for t in timexes:
            if (t.value is None and t.main is None) or t.reporting:
                continue  # the date of a statement ("said on Tuesday") is not the event's
            if self._ahead(t):
                continue
            i = sentence_of(self.spans, t.start)
            if i is not None:
                self.by_sentence.setdefault(i, []).append(t)

    def _ahead(self, t: Timex) -> bool:
        """Does `t` lie after publication (beyond the slack, or at all when its words announce
        a plan: "scheduled to testify on Tuesday, 15 May")?"""
        pub = self.published
        if pub is None or t.value is None or t.complement or t.value[0] <= pub:
            return False
        late = t.value[0] > pub + timedelta(days=FUTURE_SLACK_DAYS)
        return late or planned(self.article.text or "", t.start)

    def main_sentence(self, event: Event) -> int | None:
        if event.sentences and 0 <= event.sentences[0] < len(self.spans) and self.article.sentences:
            return event.sentences[0]
        if event.trigger is not None:
            return sentence_of(self.spans, event.trigger.start)
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
