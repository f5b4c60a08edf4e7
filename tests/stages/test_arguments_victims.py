"""Stage `arguments`: victims and weapons read from what a report says around the event's own
words (sentences written for the test with invented names, lower case as MUC-4 prints its texts): who died in or
came through an event a noun names, people a report identifies as those harmed, list items
after semicolons, personal names with particles, a weapon named by what it did."""

from __future__ import annotations

import pytest

from strife.models import Article

pytestmark = pytest.mark.slow


def run(pipeline, text: str) -> Article:
    return pipeline(Article(raw=text))


def person_victims(article: Article) -> set[str]:
    return {m.text.lower() for e in article.events for m in e.victims if m.type == "PERSON"}


def weapons(article: Article) -> set[str]:
    return {m.text.lower() for e in article.events for m in e.weapons}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "a cargo train was derailed today after hitting a dynamite charge. "
            "inspector ramiro salas died in the explosion.",
            "ramiro salas",
        ),
        (
            "security director general julio arenas pardo escaped unharmed from a car-bomb attack "
            "in bogota this morning.",
            "julio arenas pardo",
        ),
        (
            "former defense minister general enrique vargas solano died today in lima as a "
            "consequence of a terrorist attack.",
            "enrique vargas solano",
        ),
    ],
)
def test_who_died_in_or_came_through_the_event_a_noun_names_is_its_victim(pipeline, text, name):
    assert name in person_victims(run(pipeline, text))


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "gunmen killed two teachers today. juan perez and carlos gomez were the teachers killed.",
            {"juan perez", "carlos gomez"},
        ),
        (
            "gunmen fired on a group of nuns today, wounding three of them. the two other wounded "
            "nuns are sister rosa elena gomez and sister juana margarita flores.",
            {"rosa elena gomez", "juana margarita flores"},
        ),
    ],
)
def test_the_people_a_report_says_the_harmed_were_are_victims(pipeline, text, names):
    assert names <= person_victims(run(pipeline, text))


def test_items_of_a_list_split_by_semicolons_are_each_victims(pipeline):
    text = (
        "the car bomb exploded at 1100, killing juan carlos mejia, 42; jose gomez ortega, 19; "
        "and efrain rincon rodriguez."
    )
    assert {"juan carlos mejia", "jose gomez ortega", "efrain rincon rodriguez"} <= person_victims(
        run(pipeline, text)
    )


def test_a_name_keeps_its_particle(pipeline):
    text = "the guerrillas kidnapped brazilian engineer paulo cesar ramos de andrade last night."
    assert "paulo cesar ramos de andrade" in person_victims(run(pipeline, text))


def test_a_person_word_takes_no_name_from_its_of_phrase(pipeline):
    text = "shining path guerrillas have killed the mayor of the small town of huaripampa."
    assert "huaripampa" not in person_victims(run(pipeline, text))


@pytest.mark.parametrize(
    ("text", "weapon"),
    [
        ("two helicopters were hit by the rebels' rifle fire today.", "rifle"),
        ("ten union members were killed in the dynamite attack against the union headquarters.", "dynamite"),
    ],
)
def test_the_weapon_a_use_noun_names_is_its_modifier(pipeline, text, weapon):
    found = weapons(run(pipeline, text))
    assert weapon in found
    assert not any(w.endswith(("fire", "attack")) for w in found)


def test_what_a_bomb_went_off_in_front_of_is_no_weapon(pipeline):
    text = "a car loaded with 80 kg of dynamite exploded in front of the general's vehicle today."
    assert not any("front" in w for w in weapons(run(pipeline, text)))


def test_who_hurt_others_in_the_event_is_no_victim_of_it(pipeline):
    # the active subject of "wounded" did the harm; only a passive subject underwent it
    text = "rebels wounded five civilians in the explosion at the market today."
    article = run(pipeline, text)
    assert not any(m.text.lower() == "rebels" for e in article.events for m in e.victims)
