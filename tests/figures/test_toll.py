"""Which figures are the toll of an incident told before ('killed in the attack'), read from the
parse with the real language model."""

from __future__ import annotations

import pytest

from figures.helpers import parsed
from strife.figures import extract

pytestmark = pytest.mark.slow

TOLLS = [
    ("The president was unharmed, but two policemen were killed in the confrontation.", True),
    ("Three soldiers died during the clash.", True),
    ("Two were killed and five wounded in that attack.", True),
    ("Two were killed in the attack on the bus station.", False),  # an attack described anew
    ("Two were killed in an attack on Monday.", False),
    ("Gunmen killed two farmers in the village.", False),
    # a bare toll: no doer, incident, place or time of its own
    ("According to early reports, a sentry was wounded.", True),
    ("Two people died and five were wounded.", True),
    ("Five soldiers were killed by the rebels.", False),  # a doer: a deed of its own
    ("Two were killed in an attack on Monday.", False),
    # a relative clause after a comma tells more of the incident; one without picks another out
    ("Two policemen were killed in the confrontation, which took place near the bridge.", True),
    ("Two policemen were killed in the confrontation that followed the march.", False),
]


@pytest.mark.parametrize(("text", "refers_back"), TOLLS, ids=[t[:40] for t, _ in TOLLS])
def test_a_toll_in_an_incident_told_before(nlp, text, refers_back):
    found = extract(parsed(nlp, text))
    assert found and all((f.toll is not None) == refers_back for f in found)


NAMED = [
    ("Eight policemen were killed in the explosion.", "Explosions/Remote violence"),
    ("Three soldiers died during the clash.", "Battles"),
    ("Two were killed in the attack.", None),  # an attack of any type
]


@pytest.mark.parametrize(("text", "event_type"), NAMED, ids=[t[:40] for t, _ in NAMED])
def test_the_incident_noun_names_the_type_of_the_incident_told_before(nlp, text, event_type):
    found = extract(parsed(nlp, text))
    assert found and all(f.toll is not None and f.toll.event_type == event_type for f in found)
