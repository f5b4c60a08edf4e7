"""Stage `place`: reference cues, statements of where, "the capital", admin words after a name,
places the gazetteer lacks named by their kind or their province (small gazetteer, no model)."""

from __future__ import annotations

import re

from gazetteer.helpers import small_gazetteer
from strife.models import Article, Event, Mention, Span
from strife.resources import Resources
from strife.stages.place import make

GAZ = small_gazetteer()
STAGE = make(Resources(gazetteer=GAZ))


def placed(text: str, trigger: str, sentences: list[int] | None = None):
    """The location of one event (trigger word; its sentence, or `sentences`) in `text`."""
    a = Article(text=text)
    a.sentences = [
        Span(start=m.start(), end=m.end()) for m in re.finditer(r"[^.!?]+[.!?]?", text) if m.group().strip()
    ]
    a.toponyms = GAZ.find(text)
    start = text.index(trigger)
    own = sentences if sentences is not None else [a.sentence_index(start)]
    trig = Mention(text=trigger, start=start, end=start + len(trigger))
    a.events.append(
        Event(id="e0", event_type="Battles", sub_event_type="Armed clash", trigger=trig, sentences=own)
    )
    return STAGE(a).events[0].location


def test_a_summits_place_is_not_the_events() -> None:
    text = "Gunmen kidnapped two journalists in Mosul. They were seized hours before the summit in Baghdad."
    assert placed(text, "seized").name == "Mosul"


def test_the_hospital_the_wounded_were_taken_to_is_not_the_scene() -> None:
    text = "A bomb went off in Mosul. Five were wounded and taken to the military hospital in Baghdad."
    assert placed(text, "wounded").name == "Mosul"
    # a hospital that is itself the scene stays the place
    assert placed("A bomb went off at the hospital in Baghdad.", "bomb").name == "Baghdad"


def test_a_cartel_named_after_a_city_and_where_people_arrive_are_references() -> None:
    text = "Fighting went on in Mosul. Gunmen of the Baghdad cartel attacked a checkpoint."
    assert placed(text, "attacked").name == "Mosul"
    text = "Gunmen kidnapped two engineers in Mosul. The released engineers will arrive in Baghdad tomorrow."
    assert placed(text, "released").name == "Mosul"


def test_a_word_calling_the_name_a_province_reads_it_as_the_province() -> None:
    loc = placed("Protesters were arrested in Washington state on Monday.", "arrested")
    assert (loc.name, loc.country, loc.geo_precision) == ("Washington", "United States", 3)
    assert loc.admin2 is None and loc.lat > 45  # the state, not the capital city


def test_a_statement_of_where_narrows_the_first_sentences_place() -> None:
    text = "Guerrillas burned three trucks in Syria. The attack was carried out in al-Bab."
    loc = placed(text, "burned", [0, 1])
    assert (loc.name, loc.geo_precision) == ("Al Bab", 1)
    # not a statement about another incident, nor one wider than the first sentence's place
    text = "Gunmen attacked a post in Aleppo governorate. A similar attack took place in Mosul."
    assert placed(text, "attacked", [0, 1]).name == "Aleppo"
    text = "Gunmen attacked a post in al-Bab. The attack took place in Syria."
    assert placed(text, "attacked", [0, 1]).name == "Al Bab"


def test_the_capital_is_the_capital_of_the_articles_country() -> None:
    text = "Militants attacked a checkpoint in Mosul, Iraq. Hours later bombs exploded in the capital."
    loc = placed(text, "exploded")
    assert (loc.name, loc.country, loc.geo_precision, loc.text) == ("Baghdad", "Iraq", 1, "capital")
    # a province's capital, or a capital the text names, is not the nation's
    text = "Militants attacked a checkpoint in Mosul, Iraq. Hours later bombs exploded in the provincial capital."
    assert placed(text, "exploded").name == "Mosul"
    text = "Militants attacked a checkpoint in Mosul, Iraq. Bombs exploded in the capital of Syria."
    assert placed(text, "Bombs").name == "Syria"


def test_without_a_country_the_capital_is_nothing() -> None:
    assert placed("Bombs exploded in the capital.", "exploded").name is None


def test_a_report_naming_no_other_place_is_placed_at_its_dateline() -> None:
    text = "BAGHDAD, 3 MAY 90 (AFP) -- A U.S. student and a U.S. teacher were wounded at the university."
    loc = placed(text, "wounded")
    assert (loc.name, loc.geo_precision) == ("Baghdad", 2)


def test_places_named_by_what_they_are_called() -> None:
    loc = placed("Guerrillas placed a bomb at the place called La Motosa, near Mosul.", "bomb")
    assert (loc.name, loc.country, loc.geo_precision) == ("La Motosa", "Iraq", 2)
    loc = placed("Bombs were thrown at the embassy in Orrantia district, in Baghdad.", "Bombs")
    assert (loc.name, loc.admin1) == ("Orrantia", "Baghdad")


def test_a_hamlet_before_the_place_it_lies_in() -> None:
    loc = placed("Rebels blew up a pylon in Sajandi, La Fonda corregimiento, near Mosul.", "blew")
    assert (loc.name, loc.country) == ("Sajandi", "Iraq")


def test_a_name_in_a_province_with_no_reading_there_is_a_locality_of_it() -> None:
    loc = placed("The explosion took place near Victoria in Aleppo governorate.", "explosion")
    assert (loc.name, loc.country, loc.admin1) == ("Victoria", "Syria", "Aleppo")


def test_the_capital_with_a_nationality_is_that_nations() -> None:
    # set in Syria by its names, yet "the Iraqi capital" is Baghdad
    text = "Rebels attacked al-Bab and Aleppo in Syria. Bombs exploded in the Iraqi capital."
    loc = placed(text, "exploded")
    assert (loc.name, loc.country, loc.geo_precision) == ("Baghdad", "Iraq", 1)
    # a described capital is no nation's ("the rebel capital")
    assert placed("Bombs exploded in Mosul. Rebels held the rebel capital.", "held").name == "Mosul"


def test_a_gathering_that_will_be_held_somewhere_does_not_place_the_incidents() -> None:
    text = (
        "Gunmen shot a policeman dead in Mosul. Officials said armed men broke into his home and killed him. "
        "These actions have taken place two weeks before the talks that will be held in Baghdad."
    )
    assert placed(text, "killed").name == "Mosul"


def test_a_countrys_embassy_stands_in_the_host_country() -> None:
    text = (
        "Terrorists attacked embassies in Baghdad on Wednesday. "
        "A car bomb exploded at the diplomatic representation of Syria."
    )
    assert placed(text, "exploded").name == "Baghdad"


def test_a_river_gives_way_to_a_town_the_same_sentence_names() -> None:
    text = "A dynamite charge was placed on the pipeline in the area of Mosul, near the Tigris River."
    assert placed(text, "dynamite").name == "Mosul"
    # a river alone in the sentence is still the place the text gives
    text = "Rebels attacked troops in Mosul. Troops were attacked at the mouth of the Tigris River."
    assert placed(text, "Troops were").name == "Tigris"
