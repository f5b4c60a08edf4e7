"""An undated event dated by another sentence that tells the same act with its day (`retold.dated_elsewhere`)."""

from __future__ import annotations

import re

import pytest

from strife.models import Article, Event, Span
from strife.stages.time import annotate

FILLER = " ".join(f"Sentence number {n} says nothing." for n in range(6))


def _murder(nlp, text: str, published: str) -> Article:
    """The parsed article with one event: the last "murder" of the text, its victims the noun
    after "the" or a number (and "other", "more")."""
    a = Article(text=text, published=published)
    a.doc = nlp(text)
    a.sentences = [Span(start=s.start_char, end=s.end_char) for s in a.doc.sents]
    m = list(re.finditer(r"\bmurder\b", text))[-1]
    victim = re.compile(r"\b(?:the|six|two|three) (?:(?:other|more|additional) )?(\w+)").search(text, m.end())
    assert victim is not None
    a.events.append(
        Event(
            id="e0",
            event_type="Violence against civilians",
            sub_event_type="Attack",
            trigger=a.mention(m.start(), m.end()),
            sentences=[a.sentence_index(m.start()) or 0],
            victims=[a.mention(victim.start(1), victim.end(1))],
        )
    )
    return annotate(a)


def _date(a: Article) -> tuple[str | None, int | None]:
    return a.events[0].date.start, a.events[0].date.precision


@pytest.mark.slow
def test_the_day_another_sentence_gives_the_same_act_dates_the_event(nlp):
    # the first sentence holds no event of its own (the minister's citing is the statement)
    text = (
        "The minister cited the killing of two judges in the capital on 3 May as proof of the violence. "
        f"{FILLER} The union deplored the murder of the judges."
    )
    assert _date(_murder(nlp, text, "1989-05-05")) == ("1989-05-03", 2)


@pytest.mark.slow
def test_an_act_done_to_others_lends_no_day(nlp):
    text = (
        "The minister cited the killing of two farmers in the capital on 3 May as proof of the violence. "
        f"{FILLER} The union deplored the murder of the judges."
    )
    assert _date(_murder(nlp, text, "1989-05-05")) == (None, None)


@pytest.mark.slow
def test_an_old_day_is_not_lent(nlp):
    # a day long before the report would make the event a recollection (background)
    text = (
        "The minister cited the killing of two judges in the capital on 3 May as proof of the violence. "
        f"{FILLER} The union deplored the murder of the judges."
    )
    assert _date(_murder(nlp, text, "1989-08-05")) == (None, None)


@pytest.mark.slow
def test_a_count_the_dated_act_contradicts_lends_no_day(nlp):
    # the dated act was done to two judges: "the three judges" are (also) others
    text = (
        "The minister cited the killing of two judges in the capital on 3 May as proof of the violence. "
        f"{FILLER} The union deplored the murder of the three judges."
    )
    assert _date(_murder(nlp, text, "1989-05-05")) == (None, None)


@pytest.mark.slow
@pytest.mark.parametrize("victims", ["two other judges", "three more judges", "two additional judges"])
def test_other_or_more_people_are_not_those_told(nlp, victims):
    # "other"/"more" introduce people not told before, whatever the dated act counted
    text = (
        "The minister cited the killing of the judges in the capital on 3 May as proof of the violence. "
        f"{FILLER} The union deplored the murder of {victims}."
    )
    assert _date(_murder(nlp, text, "1989-05-05")) == (None, None)


@pytest.mark.slow
def test_a_count_the_dated_act_does_not_contradict_retells_it(nlp):
    # "six nuns" counts its people, but the dated sentence says no other number of them
    text = (
        "The governor cited the killing of the Carmelite nuns in the capital on 12 October as proof. "
        f"{FILLER} The bishops deplored the murder of six nuns."
    )
    assert _date(_murder(nlp, text, "1991-10-14")) == ("1991-10-12", 2)


@pytest.mark.slow
def test_one_person_is_not_several(nlp):
    # the dated act was done to one mayor; "two mayors" are not (only) him
    text = (
        "The governor said that the mayor of the town was killed on 3 February by rebels. "
        f"{FILLER} The party condemned the murder of two mayors."
    )
    assert _date(_murder(nlp, text, "1990-02-04")) == (None, None)


@pytest.mark.slow
@pytest.mark.parametrize("victims", ["the family", "the Perez family"])
def test_a_word_of_a_compound_is_not_counted_by_the_compounds_number(nlp, victims):
    # "five family members" counts members, not families: "the family" does not contradict it
    text = (
        "The minister cited the killing of five family members in the capital on 3 May as proof of the violence. "
        f"{FILLER} The union deplored the murder of {victims}."
    )
    assert _date(_murder(nlp, text, "1989-05-05")) == ("1989-05-03", 2)
