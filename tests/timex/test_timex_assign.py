"""Dates given to events of small hand-built articles (no model: the positional rules)."""

from __future__ import annotations

import re

from strife.models import Article, Event
from strife.stages.time import annotate
from strife.timex.assign import BACKGROUND_DAYS, simple_sentences


def article(text: str, published: str | None, *triggers: str) -> Article:
    """An article with one event per trigger word (its first whole-word occurrence)."""
    a = Article(text=text, published=published)
    a.sentences = simple_sentences(text)
    for i, word in enumerate(triggers):
        m = re.search(rf"\b{re.escape(word)}\b", text)
        assert m, word
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


def dates(a: Article) -> list[tuple[str | None, str | None, int | None]]:
    return [(e.date.start, e.date.end, e.date.precision) for e in a.events]


def test_expression_in_main_sentence():
    a = article("Prisoners broke out of a jail on Tuesday, activists say.", "2015-03-10", "broke")
    assert dates(a) == [("2015-03-10", "2015-03-10", 1)]
    assert a.events[0].date.text == "on Tuesday"


def test_nearest_expression_wins():
    text = "Rebels shelled the town on Monday and stormed the barracks on Thursday night."
    a = article(text, "2015-03-10", "shelled", "stormed")
    assert dates(a) == [("2015-03-09", "2015-03-09", 1), ("2015-03-05", "2015-03-05", 1)]


def test_anchor_dates_its_complement_and_main_clause():
    text = (
        "More than 70 prisoners broke out of a jail Tuesday. "
        "The escapees made their bid a day after militants executed nine captured fighters."
    )
    a = article(text, "2015-03-10", "broke", "made", "executed")
    assert dates(a) == [
        ("2015-03-10", "2015-03-10", 1),
        ("2015-03-10", "2015-03-10", 1),
        ("2015-03-09", "2015-03-09", 1),
    ]


def test_aggregate_gets_the_span_not_a_day():
    text = "More than 120 foreign fighters have been executed since September in Syria."
    a = article(text, "2015-03-10", "executed")
    assert dates(a) == [("2014-09-01", "2015-03-10", 3)]


def test_statement_date_is_not_the_event_date():
    a = article("The army said on Monday that rebels attacked a base.", "2015-03-10", "attacked")
    assert dates(a) == [(None, None, None)]


def test_undated_event_near_the_lead_takes_its_date_less_precisely():
    text = "Rebels stormed the town on Tuesday. The assault left ten dead. Shops closed."
    a = article(text, "2015-03-10", "stormed", "left")
    assert dates(a) == [("2015-03-10", "2015-03-10", 1), ("2015-03-10", "2015-03-10", 2)]


def test_far_unlinked_event_stays_undated():
    filler = " ".join(f"Sentence number {n} says nothing." for n in range(6))
    text = f"Rebels stormed the town on Tuesday. {filler} Gunmen kidnapped a judge."
    a = article(text, "2015-03-10", "stormed", "kidnapped")
    assert dates(a)[1] == (None, None, None)


def test_event_named_again_takes_that_events_date():
    filler = " ".join(f"Sentence number {n} says nothing." for n in range(6))
    text = (
        "Inmates began a mutiny on Thursday night. "
        f"{filler} Officials said the mutiny began with two suicide bombers who blew up trucks."
    )
    a = article(text, "2022-01-23", "mutiny", "blew")
    assert dates(a)[1] == ("2022-01-20", "2022-01-20", 2)


def test_future_dates_do_not_date_events():
    a = article("Elections will be held on March 20.", "2015-03-10", "held")
    assert dates(a) == [(None, None, None)]


def test_background_for_old_events():
    text = "The group has not recovered since the fall of the town in March 2019."
    a = article(text, "2022-01-23", "fall")
    assert a.events[0].background is True
    assert dates(a) == [("2019-03-01", "2019-03-31", 3)]


def test_recent_events_are_not_background():
    a = article(f"Troops withdrew {BACKGROUND_DAYS - 5} days ago.", "2015-03-10", "withdrew")
    assert a.events[0].background is False


def test_background_needs_a_publication_date():
    a = article("The town fell in March 2019.", None, "fell")
    assert a.events[0].date.start == "2019-03-01"
    assert a.events[0].background is False


def test_no_publication_date_no_invented_day():
    text = "Inmates began a mutiny on Thursday night. Gunmen attacked a barracks on Friday morning."
    a = article(text, None, "mutiny", "attacked")
    assert dates(a) == [(None, None, None), (None, None, None)]
    assert any("no publication date" in w for w in a.warnings)


def test_upper_case_text():
    text = "GUERRILLAS ATTACKED THE FARM 2 DAYS AGO, THE ARMY REPORTED."
    a = article(text, "1990-02-04", "ATTACKED")
    assert dates(a) == [("1990-02-02", "1990-02-02", 1)]


def test_event_without_trigger_or_sentences():
    a = Article(text="Fighting raged on Tuesday.", published="2015-03-10")
    a.events.append(Event(id="x", event_type="Battles", sub_event_type="Armed clash"))
    annotate(a)
    assert a.events[0].date.precision is None


def test_undated_story_takes_the_day_of_its_lede():
    text = (
        "Today, the city once again experienced a wave of terror. "
        "The targets of the attacks were three bank branches. Nobody claimed responsibility."
    )
    a = article(text, "1989-08-27", "attacks")
    assert dates(a) == [("1989-08-27", "1989-08-27", 2)]


def test_lede_does_not_date_events_far_from_it_or_override_dated_ones():
    filler = " ".join(f"Sentence number {n} says nothing." for n in range(6))
    text = f"Today the campaign entered its final stretch. {filler} Gunmen attacked a bank."
    assert dates(article(text, "1990-04-01", "attacked")) == [(None, None, None)]
    text = "Today the campaign entered its last week. Rebels bombed a bank in March 1990."
    assert dates(article(text, "1990-04-01", "bombed")) == [("1990-03-01", "1990-03-31", 3)]


def test_later_carries_the_story_on():
    filler = " ".join(f"Sentence number {n} says nothing." for n in range(6))
    text = (
        f"Yesterday morning gunmen machinegunned a bus. {filler} "
        "Later, in the same area, terrorists burned nine vehicles."
    )
    a = article(text, "1989-12-09", "machinegunned", "burned")
    assert dates(a) == [("1989-12-08", "1989-12-08", 1), ("1989-12-08", "1989-12-08", 2)]
