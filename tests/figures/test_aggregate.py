"""Which figures are tolls over a span of time (kept on the article, on no event): the words
that say so must be in the figure's own clause, not in another clause of its sentence."""

from __future__ import annotations

import pytest

from figures.helpers import parsed
from strife.figures import extract

pytestmark = pytest.mark.slow


def _aggregates(nlp, text: str) -> list[tuple[str, bool]]:
    return [(f.count().text, f.aggregate) for f in extract(parsed(nlp, text))]


def test_a_time_word_in_another_clause_does_not_make_a_total(nlp):
    text = (
        "The radio reports that fighting is going on throughout the city; it also denounced "
        "the death of many civilians in the bombing."
    )
    assert _aggregates(nlp, text) == [("many civilians", False)]


def test_a_toll_over_a_span_of_time_stays_a_total(nlp):
    assert _aggregates(nlp, "Since 2011, fighting has caused the deaths of 500,000 people.") == [
        ("500,000 people", True)
    ]
    assert _aggregates(nlp, "The deaths of 300 people so far were recorded by the monitor.") == [
        ("300 people", True)
    ]


def test_a_toll_over_a_groups_history_stays_a_total(nlp):
    assert _aggregates(nlp, "The group has killed 3,000 people in its 10-year history.") == [
        ("3,000 people", True)
    ]
    # the history of a country only ranks the attack: its toll is one day's
    assert _aggregates(nlp, "The deadliest attack in the country's history killed 50 people.") == [
        ("50 people", False)
    ]


def test_a_toll_over_a_week_of_days_or_more_stays_a_total(nlp):
    assert _aggregates(nlp, "Two mayors have been assassinated in less than 30 days.") == [
        ("Two mayors", True)
    ]
    assert _aggregates(nlp, "Thirty people have been killed in the past ten days.") == [
        ("Thirty people", True)
    ]
    # a battle of two days, or a toll counted from its incident, is that incident's
    assert _aggregates(nlp, "Twelve soldiers were killed in two days of fighting.") == [
        ("Twelve soldiers", False)
    ]
    assert _aggregates(nlp, "Four policemen died within 30 days of the ambush.") == [
        ("Four policemen", False)
    ]
