"""Stage `place`: meetings, newspapers and parties are not where an event happened; a country
named after "in" is a place whatever verb follows; an event no name places is set in the
country the article is about (small gazetteer, no model)."""

from __future__ import annotations

import re

from gazetteer.helpers import small_gazetteer
from strife.models import Article, Event, Mention, Span
from strife.resources import Resources
from strife.stages.place import make

GAZ = small_gazetteer()
STAGE = make(Resources(gazetteer=GAZ))


def placed(text: str, trigger: str):
    a = Article(text=text)
    a.sentences = [
        Span(start=m.start(), end=m.end()) for m in re.finditer(r"[^.!?]+[.!?]?", text) if m.group().strip()
    ]
    a.toponyms = GAZ.find(text)
    start = text.index(trigger)
    trig = Mention(text=trigger, start=start, end=start + len(trigger))
    a.events.append(
        Event(id="e0", event_type="Violence against civilians", sub_event_type="Attack", trigger=trig,
              sentences=[a.sentence_index(start)])
    )  # fmt: skip
    return STAGE(a).events[0].location


def test_a_dialogue_being_held_somewhere_does_not_place_the_event() -> None:
    text = (
        "Gunmen kidnapped two journalists in Mosul. The dialogue being held in Baghdad went on. "
        "What do you think of the bombs that killed six soldiers?"
    )
    assert placed(text, "killed").name == "Mosul"
    text = "A priest was murdered in Mosul. Twenty years after the church met in Baghdad, he was shot."
    assert placed(text, "shot").name == "Mosul"


def test_a_newspaper_named_after_its_city_is_no_place() -> None:
    text = "Rebels attacked a checkpoint in Mosul. A reporter of the Baghdad Times was wounded."
    assert placed(text, "wounded").name == "Mosul"


def test_a_country_after_in_is_the_place_whatever_verb_follows() -> None:
    loc = placed("Twenty years on, death squads in Syria have murdered a priest.", "murdered")
    assert loc is not None and loc.name == "Syria"
    # without "in", the country is a party ("Syria has denied"), not the place
    loc = placed("Gunmen murdered a priest. Syria has denied any part in it.", "murdered")
    assert loc.name != "Syria"


def test_an_event_no_name_places_is_set_in_the_articles_country() -> None:
    text = (
        "The command reports the following to the Syrian people: we bear no responsibility for the attack "
        "on the doctor. Syrian workers know who killed him. The statement came from Washington."
    )
    loc = placed(text, "attack")
    assert loc is not None and loc.name == "Syria" and loc.geo_precision == 3
    # with no country most of the article is about, nothing is invented
    text = (
        "We bear no responsibility for the attack. Syrian and Iraqi workers know it. It came from Washington."
    )
    assert placed(text, "attack").name is None


def test_a_placeless_lede_under_a_dateline_takes_the_next_sentences_place() -> None:
    text = (
        "ALEPPO, 14 NOV 89 -- OFFICIALS OF THE MINISTRY SAID TODAY THAT GUNMEN KIDNAPPED A JUDGE ON "
        "SUNDAY. HE WAS TRAVELLING ON A ROAD IN AL-BAB WHEN THEY ATTACKED HIS CAR."
    )
    a = Article(text=text)
    a.sentences = [
        Span(start=m.start(), end=m.end()) for m in re.finditer(r"[^.]+\.?", text) if m.group().strip()
    ]
    a.toponyms = GAZ.find(text)
    for i, (word, kind) in enumerate(
        (("KIDNAPPED", "Abduction/forced disappearance"), ("ATTACKED", "Attack"))
    ):
        start = text.index(word)
        trig = Mention(text=word, start=start, end=start + len(word))
        a.events.append(
            Event(id=f"e{i}", event_type="Violence against civilians", sub_event_type=kind, trigger=trig,
                  sentences=[a.sentence_index(start)])
        )  # fmt: skip
    # another kind of event told there would keep it, but the dateline alone is no better place
    assert [e.location.name for e in STAGE(a).events] == ["Al Bab", "Al Bab"]


def test_a_country_abroad_named_without_in_is_a_party_not_the_scene() -> None:
    text = "Gunmen attacked a bus in Aleppo. The government promised Turkey an inquiry into the killing."
    assert placed(text, "killing").name == "Aleppo"
    # the article's own country named plainly still places an event
    assert placed("Gunmen attacked a bus in Aleppo. The killing shocked Syria.", "killing").name == "Aleppo"


def test_a_reporters_base_is_no_place() -> None:
    text = "A bomb exploded near a market in Mosul. Our Baghdad correspondent said that five died."
    assert placed(text, "died").name == "Mosul"


def test_an_article_without_place_names_is_set_in_the_country_its_words_point_to() -> None:
    loc = placed("The Syrian army said that Syrian troops came under attack overnight.", "attack")
    assert loc.name == "Syria" and loc.geo_precision == 3
