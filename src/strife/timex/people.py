"""Is an undated event one told again about the same person as a dated one? A person is
murdered (or kidnapped) once: "charged with the murder of Jaime Pardo Leal" and "Pardo Leal was
murdered on 11 October 1987" tell one event, and so do "the March 1980 murder of Bishop Ana
Ruiz" and "the bishop was shot at the altar". `assign` gives the undated telling the dated
one's date."""

from __future__ import annotations

import re
from collections.abc import Sequence

from strife.models import Event, Span
from strife.timex.context import sentence_of
from strife.timex.resolve import Timex, Value

__all__ = ["NAME_WORDS", "same_person"]

#: A named person shares at least this many closing words with another mention of them
#: ("Jaime Pardo Leal" and "Pardo Leal"); one word ("Romero") names many people.
NAME_WORDS = 2


def _name_words(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in re.findall(r"[^\W\d_][\w'’-]*", text))


def same_person(
    text: str, event: Event, dated: list[tuple[Event, Timex, Value]], spans: Sequence[Span] = ()
) -> tuple[Timex, Value] | None:
    """A dated event of the same kind done to the person this event names ("charged with the
    murder of Jaime Pardo Leal" ... "Pardo Leal was murdered ... on 11 October 1987"), or whom
    it calls by the title the other gives them ("the March 1980 murder of Bishop Ana Ruiz" ...
    "the bishop was shot at the altar"): one person is murdered once, so the two are one event
    told twice. The person must be named in the sentence that gives the dated event its date
    (given the sentence `spans`): an event told over several sentences may have gathered
    victims of other acts there ("guerrillas attacked his home 5 days ago ... the violence that
    killed the attorney general")."""
    names = [_name_words(v.text) for v in event.victims if v.type == "PERSON"]
    names = [n for n in names if len(n) >= NAME_WORDS]
    titles = _titles(text, event)
    if not names and not titles:
        return None
    for other, t, value in dated:
        if other.sub_event_type != event.sub_event_type:
            continue  # kidnapped on one day, killed on another
        where = sentence_of(spans, t.start) if spans else None
        for m in (*other.victims, *other.targets):
            if where is not None and not spans[where].start <= m.start < spans[where].end:
                continue
            words = _name_words(m.text)
            if len(words) >= NAME_WORDS and any(_suffix(words, n) or _suffix(n, words) for n in names):
                return t, value
            if m.type == "PERSON" and _title_before(text, m.start) in titles:
                return t, value
    return None


def _titles(text: str, event: Event) -> set[str]:
    """The victims the event calls "the <title>" alone ("the archbishop", "the judge")."""
    out = set()
    for v in event.victims:
        words = _name_words(v.text)
        definite = words[:1] == ("the",) or _title_before(text, v.start) == "the"
        words = words[1:] if words[:1] == ("the",) else words
        if v.type != "PERSON" and len(words) == 1 and definite:
            out.add(words[0])
    return out


def _title_before(text: str, start: int) -> str:
    """The word just before a mention ("Archbishop" in "Archbishop Ana Ruiz"), lower-cased."""
    m = re.search(r"([^\W\d_]+)\s+$", text[max(0, start - 40) : start])
    return m.group(1).lower() if m else ""


def _suffix(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    return len(short) <= len(long) and long[len(long) - len(short) :] == short
