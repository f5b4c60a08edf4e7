"""The figures read from sentences written for the purpose (tests/figures/cases.py), with the
real language model: kind, group, bounds, qualifier and source of every figure, in order."""

from __future__ import annotations

import pytest

from figures.cases import CASES
from figures.helpers import parsed
from strife.figures import extract

pytestmark = pytest.mark.slow


def _read(nlp, text: str) -> list[tuple]:
    article = parsed(nlp, text)
    found = extract(article)  # as the stage reads: a one-case text parsed in sentence case
    return [(c.kind, c.group, c.low, c.high, c.qualifier, c.source) for c in (f.count() for f in found)]


def test_the_table_is_large_and_varied():
    assert len(CASES) >= 150
    kinds = {fig[0] for _, figs in CASES for fig in figs}
    assert kinds == {
        "fatalities",
        "injured",
        "escaped",
        "recaptured",
        "hostages",
        "abducted",
        "arrested",
        "displaced",
        "other",
    }
    assert sum(1 for _, figs in CASES if not figs) >= 15


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t[:50] for t, _ in CASES])
def test_figures_of_a_sentence(nlp, text, expected):
    assert _read(nlp, text) == expected
