"""People broken down after a colon or a bracket are the same people: the toll reconciled from a
sentence's figures counts them once, read from the parse with the real language model."""

from __future__ import annotations

import pytest

from figures.helpers import parsed
from strife.figures import extract, reconcile

pytestmark = pytest.mark.slow

TOLLS = [
    ("Ten people (six soldiers and four civilians) were killed in the blast.", 10),
    ("The attack killed three people: a teacher, a nurse and a driver.", 3),
    ("Gunmen killed two soldiers, a policeman and a civilian.", 4),  # a list, not a breakdown
]


@pytest.mark.parametrize(("text", "toll"), TOLLS, ids=[t[:40] for t, _ in TOLLS])
def test_a_breakdown_is_counted_once(nlp, text, toll):
    counts = [f.count() for f in extract(parsed(nlp, text))]
    assert reconcile(counts).best == toll
