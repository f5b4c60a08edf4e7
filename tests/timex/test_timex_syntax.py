"""What the parse says about a time expression and an event's trigger (needs spaCy)."""

from __future__ import annotations

import pytest

from strife.timex import syntax


def _offsets(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "time", "foreign"),
    [
        # a "when" clause gives its head its time
        ("At least six people were killed when a car bomb exploded today outside the offices.",
         "killed", "today", False),
        # a clause of its own keeps its time
        ("Jihadists are holding out in the town since the caliphate was destroyed three years ago.",
         "holding", "three years ago", True),
        # an infinitive's object is not dated by the order
        ("The supreme court today ordered a special judge to investigate the murder of a spokesman.",
         "murder", "today", True),
        # a noun under the dated verb keeps its time
        ("A police officer was killed in a rebel attack in the city early this morning.",
         "attack", "early this morning", False),
        # a preposition that names the event as what came before: the verb's time is not its own
        ("In response to the attacks on soldiers, the police today closed a radio station.",
         "attacks", "today", True),
        ("The prosecutor issued an arrest warrant today after the murder of the judge.",
         "murder", "today", True),
        ("The rebels today distributed leaflets claiming responsibility for the murder of the minister.",
         "murder", "today", True),
        # ... unless the time is the event's own words
        ("The evacuees asked to leave after the 16 November assassination of six priests.",
         "assassination", "16 November", False),
    ],
)  # fmt: skip
def test_whether_a_time_belongs_to_another_clause(nlp, text, trigger, time, foreign):
    doc = nlp(text)
    token = syntax.token_at(doc, text.index(trigger))
    assert syntax.foreign_clause(doc, *_offsets(text, time), token) is foreign


@pytest.mark.slow
def test_only_an_infinitive_or_an_earlier_object_is_named_as_earlier(nlp):
    text = "The supreme court today ordered a special judge to investigate the murder of a spokesman."
    doc = nlp(text)
    murder = syntax.token_at(doc, text.index("murder"))
    assert syntax.names_earlier_event(doc, *_offsets(text, "today"), murder)
    text = "The general reported that last night's attacks were aimed at the base, but one bomb went off."
    doc = nlp(text)
    went = syntax.token_at(doc, text.index("went"))
    assert not syntax.names_earlier_event(doc, *_offsets(text, "last night"), went)
    text = "On Friday, shortly after the attack on the minister, the rebels issued a statement."
    doc = nlp(text)
    attack = syntax.token_at(doc, text.index("attack"))
    assert syntax.names_earlier_event(doc, *_offsets(text, "Friday"), attack)
    # "during" is no earlier time
    text = "Three soldiers were arrested today during the attack on the barracks."
    doc = nlp(text)
    attack = syntax.token_at(doc, text.index("attack"))
    assert not syntax.names_earlier_event(doc, *_offsets(text, "today"), attack)


@pytest.mark.slow
def test_a_gerund_after_of_names_the_event_as_earlier(nlp):
    text = (
        "The prosecutor in charge of investigating the murder of the senator issued an arrest warrant today."
    )
    doc = nlp(text)
    murder = syntax.token_at(doc, text.index("murder"))
    assert syntax.names_earlier_event(doc, *_offsets(text, "today"), murder)
    text = "The colonel accused of ordering the massacre of the peasants resigned today."
    doc = nlp(text)
    massacre = syntax.token_at(doc, text.index("massacre"))
    assert syntax.names_earlier_event(doc, *_offsets(text, "today"), massacre)
    # a gerund after "after" is part of the story told ("derailed today after hitting a mine")
    text = "A cargo train was derailed today after hitting a dynamite charge."
    doc = nlp(text)
    charge = syntax.token_at(doc, text.index("charge"))
    assert not syntax.names_earlier_event(doc, *_offsets(text, "today"), charge)
