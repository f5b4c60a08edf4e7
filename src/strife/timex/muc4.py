"""Measure event dating on the MUC-4 answer keys (incident date slot).

For each gold template the incident is located in the text by its fillers (the first sentence
that names one of its victims, targets, perpetrators, instruments or places stands in for
the event's main sentence, the filler for its trigger; later sentences naming them are its
other sentences), the publication date is read from the dateline ("GUATEMALA CITY, 4 FEB 90
(ACAN-EFE)"), and the time stage dates the events exactly as in the pipeline. The predicted
date is written in the keys' notation ("02 FEB 90", "17 FEB 90 - 18 FEB 90"; an undated event
is "- <dateline date>", the keys' "on or before publication") for the error list, and judged
against the key's alternatives read as dates, by the judge of `strife eval muc4-keys`
(`strife.eval.muc4_slots.date_matches`: "9 APR 90" is "09 APR 90").

The keys do not resolve weekday names: an incident the text dates only by "on Wednesday" is
"- <dateline date>" in about four keys of five (train and dev together), as an undated one is.
`key_undated` says when a strife date is one the keys would write that way.

Nights follow the news convention strife applies everywhere ("last night" is the evening of
the day before the dispatch, "tonight" and "early this morning" its own day): counted on all
train keys with the time module alone, "last night" is the day before in 21 keys (the dispatch
day in 8, both days in 5, "- <dateline date>" in 5), "tonight" the dispatch day in 21 of 23,
"early this morning" the dispatch day in 15 of 20. No rule fits the keys' other readings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from strife.models import Article, DateInfo, Event, Mention
from strife.timex.assign import simple_sentences
from strife.timex.grammar import MONTH, PART, WEEKDAY
from strife.timex.resolve import find_timexes

#: Template slots whose fillers locate the incident in the text: its targets, else (when
#: none is named) its perpetrators, instruments and place.
TARGET_SLOTS = ("hum_tgt_name", "phys_tgt_id", "hum_tgt_description")
OTHER_SLOTS = ("perp_individual_id", "incident_instrument_id", "incident_location")
#: Words that report an incident; the first sentence with one stands for the article's lead
#: event (the events stage's job in the pipeline), so undated templates can inherit its date.
INCIDENT_WORDS = re.compile(
    r"\b(?:attack\w*|bomb\w*|explo\w*|dynamit\w*|kidnap\w*|abduct\w*|murder\w*|kill\w*|assassinat\w*|"
    r"shot|fired|machinegun\w*|burn\w*|robb\w*|stole|hijack\w*|clash\w*|fighting|ambush\w*|massacre\w*)\b",
    re.I,
)
_DATELINE = re.compile(r",\s*((?:\d{1,2}\s+[A-Z]+|[A-Z]+\s+\d{1,2})\s+\d\d)\b", re.I)
_MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]


# A weekday name alone ("on Wednesday", "Thursday night", "last Sunday's"), with no date beside it
_WEEKDAY_ONLY = re.compile(rf"(?:(?:last|this|past|early|late|on)\s+)?{WEEKDAY}(?:'s)?(?:\s+{PART})?", re.I)
# Words that name a calendar day or month ("17 NOVEMBER", "MARCH 3", "1990-02-03")
_CALENDAR = re.compile(rf"\b{MONTH}(?!\w)|\d{{4}}-\d\d-\d\d", re.I)
#: A span strife counts back from publication ("a few days ago", "last week", "in the past few
#: days") longer than this many days is one the keys write "- <dateline date>"; a span of a
#: day or two ("in the last 24 hours", "last night") they write as those days.
KEY_SPAN_DAYS = 2


def key_undated(info: DateInfo) -> bool:
    """Would the keys write this date as "- <dateline date>" (on or before the message)? They
    give a day or a range of days only when the text names them, so: yes for no date; for a
    date strife holds at month precision or vaguer; for a span of several days counted back from
    publication without a calendar date in its words ("a few days ago", "last week"); and for a
    day read from a weekday name alone, or a span from it to publication ("since Friday"): the
    keys leave those unresolved. Counted on train and
    dev with the time module alone: of 37 such spans the keys write 30 as "- <dateline>", 2 as
    their days ("in the last 48 hours": `muc_strings` keeps that reading too), 5 as another day."""
    if info.start is None or info.precision == 3:
        return True
    words = " ".join((info.text or "").split())
    start, end = date.fromisoformat(info.start), date.fromisoformat(info.end or info.start)
    if (end - start).days >= KEY_SPAN_DAYS and not _CALENDAR.search(words):
        return True
    return bool(_WEEKDAY_ONLY.fullmatch(words))  # a weekday's day, or a span from it ("since Friday")


def muc_date(d: date) -> str:
    return f"{d.day:02d} {_MONTHS[d.month - 1]} {d.year % 100:02d}"


def muc_string(info: DateInfo, published: date | None) -> str:
    """A predicted date in the keys' notation (their "- <dateline date>" for a date they would
    leave without a day)."""
    if info.start is None or key_undated(info):  # start None repeated for mypy
        return f"- {muc_date(published)}" if published else ""
    return _exact(info)


def _exact(info: DateInfo) -> str:
    start, end = date.fromisoformat(info.start or ""), date.fromisoformat(info.end or info.start or "")
    return muc_date(start) if start == end else f"{muc_date(start)} - {muc_date(end)}"


def muc_strings(info: DateInfo, published: date | None) -> set[str]:
    """Every notation a key may give the date in: the day or range strife holds, and "- <dateline
    date>" when the keys would leave it without a day."""
    out = {muc_string(info, published)}
    if info.start is not None:
        out.add(_exact(info))
    return out - {""}


def dateline_date(dateline: str) -> date | None:
    """The date of a dateline ("GUATEMALA CITY, 4 FEB 90 (ACAN-EFE)"); None for "NO DATE" or
    a date without its year."""
    timexes, _ = find_timexes(dateline or "", None)
    for t in timexes:
        if t.value is not None and t.value[2] == 1:
            return t.value[0]
    m = _DATELINE.search(dateline or "")
    if m is None:
        return None
    import dateparser

    parsed = dateparser.parse(
        m.group(1), languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"]}
    )
    return parsed.date() if parsed else None


def _strings(slot: Any) -> Iterator[str]:
    for item in slot or []:
        if not isinstance(item, dict):
            continue
        for key in ("strings", "strings_lhs"):
            for s in item.get(key) or []:
                if not isinstance(s, str):
                    continue
                s = re.sub(r"\[[^\]]*\]", "", s).strip(' "')
                if len(s) >= 3:
                    yield s


def _fillers(template: dict[str, Any], text: str) -> list[re.Match[str]]:
    """Where the template's fillers occur, the most specific slot's earliest hit first."""
    out: list[re.Match[str]] = []
    for slot in (*TARGET_SLOTS, *OTHER_SLOTS):
        hits = sorted(
            (m for s in _strings(template.get(slot)) if (m := _find(text, s))), key=lambda m: m.start()
        )
        out.extend(hits)
        if out and slot == TARGET_SLOTS[-1]:
            break
    return out


def _find(text: str, filler: str) -> re.Match[str] | None:
    words = [re.escape(w) for w in filler.split()]
    return re.search(r"\b" + r"\s+".join(words) + r"\b", text, re.I) if words else None


def _event(article: Article, template: dict[str, Any], n: int) -> Event:
    hits = _fillers(template, article.text)
    sentences: list[int] = []
    for m in hits:
        i = article.sentence_index(m.start())
        if i is not None and i not in sentences:
            sentences.append(i)
    trigger = article.mention(hits[0].start(), hits[0].end()) if hits else None
    return Event(
        id=f"t{n}",
        event_type="Violence against civilians",
        sub_event_type="Attack",
        trigger=trigger if isinstance(trigger, Mention) else None,
        sentences=sentences,
    )


def _lead(article: Article) -> list[Event]:
    """The first incident the article reports, as an unscored event (see INCIDENT_WORDS)."""
    m = INCIDENT_WORDS.search(article.text)
    if m is None:
        return []
    index = article.sentence_index(m.start())
    return [
        Event(
            id="lead",
            event_type="Violence against civilians",
            sub_event_type="Attack",
            trigger=article.mention(m.start(), m.end()),
            sentences=[index] if index is not None else [],
        )
    ]


def _gold(template: dict[str, Any]) -> list[str] | None:
    slot = template.get("incident_date")
    if not slot:
        return None
    return [" ".join(s.split()) for item in slot for s in item.get("strings", [])]


def _judge(event: Event, template: dict[str, Any], published: date | None) -> bool:
    """The pipeline's judge of a date against the key (`strife.eval.muc4_slots.date_matches`):
    the key's days read as dates, so "9 APR 90" is "09 APR 90" and a month strife holds is the
    key's "1 FEB 89 - 28 FEB 89"."""
    from strife.eval.muc4_slots import date_matches, key_dates

    iso = published.isoformat() if published else None
    return date_matches(event.date, key_dates(template, iso), iso)


def evaluate(docs: dict[str, Any], keys: dict[str, Any]) -> dict[str, Any]:
    """{'templates', 'exact', 'exact_match', 'errors': [...]} over every scored template."""
    from strife.stages.time import annotate

    total = exact = 0
    errors: list[dict[str, Any]] = []
    for doc_id, templates in keys.items():
        scored = [t for t in templates if t.get("incident_type") not in (None, "*")]
        if not scored or doc_id not in docs:
            continue
        doc = docs[doc_id]
        published = dateline_date(doc.get("dateline", ""))
        article = Article(text=doc["text"], published=published.isoformat() if published else None)
        article.sentences = simple_sentences(article.text)
        events = [_event(article, t, i) for i, t in enumerate(scored)]
        article.events = [*_lead(article), *events]
        annotate(article)
        for template, event in zip(scored, events, strict=True):
            total += 1
            gold = _gold(template)
            pred = muc_string(event.date, published)
            ok = (pred == "" or pred.startswith("-")) if gold is None else _judge(event, template, published)
            exact += ok
            if not ok:
                main = article.sentences[event.sentences[0]] if event.sentences else None
                where = article.text[main.start : main.end] if main else None
                errors.append(
                    {"doc": doc_id, "gold": gold, "pred": pred, "text": event.date.text, "sentence": where}
                )
    rate = exact / total if total else 0.0
    return {"templates": total, "exact": exact, "exact_match": round(rate, 4), "errors": errors}
