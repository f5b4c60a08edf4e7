"""Stage `time`: expressions recorded on the article, warnings, and the seed articles' events
dated through the real parse."""

from __future__ import annotations

import re

import pytest

from conftest import SEED_ALBAB, SEED_GWEIRAN, seed_text
from strife.models import Article, Event, Span
from strife.pipeline import registered
from strife.resources import Resources
from strife.stages.time import annotate


def test_registered_and_records_expressions():
    stage = registered()["time"](Resources())
    a = stage(
        Article(text="Fighting broke out on Thursday night and again yesterday.", published="2015-03-10")
    )
    assert [(t.text, t.resolved.start) for t in a.time_expressions] == [
        ("on Thursday night", "2015-03-05"),
        ("yesterday", "2015-03-09"),
    ]
    assert all(a.text[t.start : t.end] == t.text for t in a.time_expressions)
    assert a.warnings == []


def test_unreadable_publication_date_warns():
    a = annotate(Article(text="Rebels attacked on Tuesday.", published="sometime soon"))
    assert a.time_expressions[0].resolved is None
    assert any("publication date" in w for w in a.warnings)


def test_published_in_another_format_is_read():
    a = annotate(Article(text="Rebels attacked on Tuesday.", published="March 10, 2015"))
    assert a.time_expressions[0].resolved.start == "2015-03-10"


def test_empty_article():
    a = annotate(Article(text=""))
    assert a.time_expressions == [] and a.warnings == []


def parsed(nlp, text: str, published: str | None, triggers: list[tuple[str, int]]) -> Article:
    """The seed text parsed by spaCy, with one hand-built event per (word, occurrence)."""
    a = Article(text=text, published=published)
    a.doc = nlp(text)
    a.sentences = [Span(start=s.start_char, end=s.end_char) for s in a.doc.sents if s.text.strip()]
    for i, (word, nth) in enumerate(triggers):
        m = list(re.finditer(rf"\b{re.escape(word)}\b", text))[nth]
        index = a.sentence_index(m.start())
        a.events.append(
            Event(
                id=f"e{i}",
                event_type="Battles",
                sub_event_type="Armed clash",
                trigger=a.mention(m.start(), m.end()),
                sentences=[index] if index is not None else [],
            )
        )
    return annotate(a)


@pytest.mark.slow
def test_seed_albab(nlp):
    triggers = [("broke out", 0), ("executed", 0), ("assault", 0), ("mutiny", 0), ("executed", 1),
                ("recapturing", 0), ("overran", 0)]  # fmt: skip
    a = parsed(nlp, seed_text(SEED_ALBAB), "2015-03-10", triggers)
    breakout, execution, clash, mutiny, aggregate, handarat, overran = a.events
    assert breakout.date.start == "2015-03-10" and breakout.date.precision == 1
    assert execution.date.start == "2015-03-09" and execution.date.precision == 1
    assert clash.date.start == "2015-03-10"
    assert "2015-02-24" <= mutiny.date.start <= mutiny.date.end <= "2015-03-09"
    assert (aggregate.date.start, aggregate.date.end, aggregate.date.precision) == (
        "2014-09-01",
        "2015-03-10",
        3,
    )
    assert handarat.date.start == "2015-03-10"
    assert overran.background and not breakout.background


@pytest.mark.slow
def test_seed_gweiran(nlp):
    triggers = [("mutiny", 0), ("attack", 0), ("fall", 0), ("halved", 0)]
    a = parsed(nlp, seed_text(SEED_GWEIRAN), "2022-01-23", triggers)
    mutiny, barracks, fall, halved = a.events
    assert (mutiny.date.start, mutiny.date.precision) == ("2022-01-20", 1)
    assert (barracks.date.start, barracks.date.precision) == ("2022-01-21", 1)
    assert fall.background and halved.background
    assert not mutiny.background


@pytest.mark.slow
def test_seed_gweiran_without_publication_date(nlp):
    triggers = [("mutiny", 0), ("attack", 0), ("killed", 0), ("blew", 0), ("recaptured", 0)]
    a = parsed(nlp, seed_text(SEED_GWEIRAN), None, triggers)
    assert not any(e.date.precision == 1 and (e.date.start or "").startswith("2022") for e in a.events)
    assert any("no publication date" in w for w in a.warnings)
