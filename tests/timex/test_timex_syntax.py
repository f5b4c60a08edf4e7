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


@pytest.mark.slow
def test_infinitive_object_is_not_dated_by_the_order(nlp):
    text = "The supreme court today ordered a special judge to investigate the murder of a spokesman."
    doc = nlp(text)
    trigger = syntax.token_at(doc, text.index("murder"))
    assert syntax.foreign_clause(doc, *_offsets(text, "today"), trigger)


@pytest.mark.slow
def test_noun_under_the_dated_verb_keeps_its_time(nlp):
    text = "A police officer was killed in a rebel attack in the city early this morning."
    doc = nlp(text)
    trigger = syntax.token_at(doc, text.index("attack"))
    assert not syntax.foreign_clause(doc, *_offsets(text, "early this morning"), trigger)


@pytest.mark.slow
def test_only_an_infinitive_object_is_named_as_earlier(nlp):
    text = "The supreme court today ordered a special judge to investigate the murder of a spokesman."
    doc = nlp(text)
    murder = syntax.token_at(doc, text.index("murder"))
    assert syntax.names_earlier_event(doc, *_offsets(text, "today"), murder)
    text = "The general reported that last night's attacks were aimed at the base, but one bomb went off."
    doc = nlp(text)
    went = syntax.token_at(doc, text.index("went"))
    assert not syntax.names_earlier_event(doc, *_offsets(text, "last night"), went)
