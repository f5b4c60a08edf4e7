"""What the parse says about a time expression and an event's trigger (needs spaCy)."""

from __future__ import annotations

import pytest

from strife.timex import syntax


def _offsets(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


@pytest.mark.slow
def test_when_clause_gives_its_head_its_time(nlp):
    text = "At least six people were killed when a car bomb exploded today outside the offices."
    doc = nlp(text)
    trigger = syntax.token_at(doc, text.index("killed"))
    assert not syntax.foreign_clause(doc, *_offsets(text, "today"), trigger)


@pytest.mark.slow
def test_clause_of_its_own_keeps_its_time(nlp):
    text = "Jihadists are holding out in the town since the caliphate was destroyed three years ago."
    doc = nlp(text)
    trigger = syntax.token_at(doc, text.index("holding"))
    assert syntax.foreign_clause(doc, *_offsets(text, "three years ago"), trigger)
