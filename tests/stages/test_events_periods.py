"""Stage `events` on real-news habits: tolls over a period, recollections, repeated leads."""

from __future__ import annotations

import pytest
from tests.stages.test_events import parsed

from strife.stages.events import make

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def events(resources):
    stage = make(resources)
    return lambda article: stage(article).events


@pytest.mark.parametrize(
    "text",
    [
        "More than 150,000 people have been killed since the revolt began in March 2011.",
        "The conflict has killed more than 250,000 people.",
        "The war has left more than 300,000 people dead.",
        "More than 210,000 people have died in the Syrian conflict, the monitor said.",
        "The country was hit by violent unrest since mid-March 2011.",
    ],
)
def test_a_toll_over_a_period_is_no_days_event(nlp, events, text):
    found = events(parsed(nlp, text))
    assert all(e.background for e in found)


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen have killed five villagers since Sunday in the north of the province.",
        "The fighting has killed 20 soldiers.",
    ],
)
def test_a_toll_of_days_or_of_one_battle_is_reported(nlp, events, text):
    assert [e for e in events(parsed(nlp, text)) if not e.background]


def test_an_earlier_event_recalled_for_comparison_is_background(nlp, events):
    text = (
        "A car bomb killed 18 people in the market on Tuesday. "
        "A similar bombing in the same square on July 25 killed at least seven people."
    )
    found = events(parsed(nlp, text))
    assert [e.background for e in found] == [False, True]


def test_a_repeated_lead_is_one_event(nlp, events):
    lead = "Four civilians were killed when militants fired mortar shells on a residential area of the city"
    text = f"{lead}. {lead} a monitoring group said on Wednesday. The shells also damaged several houses."
    assert len([e for e in events(parsed(nlp, text)) if not e.background]) == 1


def test_formulaic_reports_of_two_places_stay_two_events(nlp, events):
    text = (
        "A mortar shell fired by militants on the Salehiyeh neighborhood killed a child. "
        "A mortar shell fired by militants on the Adawi neighborhood killed a woman."
    )
    assert len([e for e in events(parsed(nlp, text)) if not e.background]) == 2
