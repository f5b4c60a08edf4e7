"""Stage `place` on hand-built articles (small gazetteer, no model) and on the seeds (slow)."""

from __future__ import annotations

import re

import pytest

from conftest import SEED_ALBAB, SEED_GWEIRAN, seed_text
from gazetteer.helpers import small_gazetteer
from strife.gazetteer import distance_km
from strife.models import Article, Event, Mention, Span
from strife.resources import Resources
from strife.stages.place import make

GAZ = small_gazetteer()
STAGE = make(Resources(gazetteer=GAZ))


def article(text: str, *triggers: str) -> Article:
    """`draft` through the place stage."""
    return STAGE(draft(text, *triggers))


def draft(text: str, *triggers: str) -> Article:
    """An article with naive sentences, the small gazetteer's toponyms and one event per
    trigger word (its sentence as the event's sentence), before the place stage."""
    a = Article(text=text)
    a.sentences = [
        Span(start=m.start(), end=m.end()) for m in re.finditer(r"[^.!?]+[.!?]?", text) if m.group().strip()
    ]
    a.toponyms = GAZ.find(text)
    for k, word in enumerate(triggers):
        start = text.index(word)
        trig = Mention(text=word, start=start, end=start + len(word))
        a.events.append(
            Event(
                id=f"e{k}",
                event_type="Battles",
                sub_event_type="Armed clash",
                trigger=trig,
                sentences=[a.sentence_index(start)],
            )
        )
    return a


def test_explicit_place_over_reference_point() -> None:
    a = article(
        "Clashes left 10 dead in al-Bab, a town 50 kilometers south of the border with Turkey.", "Clashes"
    )
    loc = a.events[0].location
    assert (loc.name, loc.country, loc.iso3, loc.admin1, loc.geo_precision) == (
        "Al Bab",
        "Syria",
        "SYR",
        "Aleppo",
        1,
    )
    assert loc.geonames_id == 10 and loc.text == "al-Bab"


def test_relative_place_is_precision_2() -> None:
    a = article("Militants attacked an army barracks north of the Iraqi capital Baghdad.", "attacked")
    loc = a.events[0].location
    assert (loc.name, loc.country, loc.geo_precision) == ("Baghdad", "Iraq", 2)
    assert loc.text == "north of the Iraqi capital Baghdad"


def test_near_and_outskirts() -> None:
    assert article("Shells fell near Aleppo.", "Shells").events[0].location.geo_precision == 2
    loc = article("Rebels recaptured Handarat on the outskirts of Aleppo.", "recaptured").events[0].location
    assert (loc.name, loc.geo_precision, loc.geonames_id) == ("Handarat", 1, None)


def test_country_only_is_precision_3() -> None:
    loc = article("Fighting continued in Syria.", "Fighting").events[0].location
    assert (loc.name, loc.geo_precision, loc.iso3) == ("Syria", 3, "SYR")


def test_origin_is_not_the_event_place() -> None:
    text = "The bomber, who comes from Mosul but is now based in Turkey, blew himself up in Baghdad."
    loc = article(text, "blew").events[0].location
    assert loc.name == "Baghdad"


def test_capital_standing_for_its_government_is_a_reference() -> None:
    loc = article("Damascus said rebels shelled Mosul.", "shelled").events[0].location
    assert loc.name == "Mosul"


def test_most_specific_place_wins() -> None:
    loc = article("Inmates rioted in Gweiran prison in the city of Hasakeh.", "rioted").events[0].location
    assert (loc.name, loc.admin1, loc.geo_precision) == ("Ghwayran Prison", "Al-Hasakah", 1)


def test_event_without_place_falls_back_to_the_main_place() -> None:
    text = (
        "Fighting raged in al-Bab on Monday. Residents of al-Bab fled. A mutiny broke out among the guards."
    )
    loc = article(text, "mutiny").events[0].location
    assert (loc.name, loc.geo_precision) == ("Al Bab", 2)


def test_vague_place_refined_by_the_articles_place() -> None:
    text = "Prisoners broke out of a jail northeast of Aleppo. The jail in al-Bab held 200 people."
    loc = article(text, "broke").events[0].location
    assert (loc.name, loc.geo_precision) == ("Al Bab", 2)  # inferred from the article: precision 2
    text = "Prisoners broke out of a jail northeast of Aleppo, in al-Bab."
    assert article(text, "broke").events[0].location.geo_precision == 1
    text = "Prisoners broke out of a jail southwest of Aleppo. The jail in al-Bab held 200 people."
    assert article(text, "broke").events[0].location.name == "Aleppo"  # al-Bab lies northeast


def test_near_a_place_is_not_moved_to_the_articles_main_city() -> None:
    # Handarat lies 9 km from Aleppo: "near Handarat" is near Handarat, not in Aleppo
    text = "Shells fell near Handarat. Residents of Aleppo fled. Aleppo was quiet."
    loc = article(text, "Shells").events[0].location
    assert (loc.name, loc.geo_precision) == ("Handarat", 2)


def test_a_province_is_refined_only_by_a_place_inside_it() -> None:
    from strife.gazetteer.places import Place
    from strife.gazetteer.refine import fits as _fits
    from strife.gazetteer.resolve import Resolved
    from strife.models import Toponym

    a = Article(text="x")

    def resolved(place: Place) -> Resolved:
        return Resolved(Toponym(text="x", start=0, end=1), place, 0, "plain", 0, False, False)

    province = resolved(GAZ.get(12))  # Aleppo governorate, placed at a point of its own
    inside = resolved(GAZ.get(10))  # al-Bab, Aleppo governorate, 30 km from that point
    hama = Place(900, "Hama", 36.0, 37.0, "city", "Syria", "SY", "SYR", "Hama", None, 500_000, "GeoNames")
    assert _fits(a, inside, province)
    assert not _fits(a, resolved(hama), province)  # 60 km away, but another governorate


def test_disambiguation_by_country_context() -> None:
    costa_rica = article("In Costa Rica, police said a bomb exploded in San Jose.", "exploded")
    assert costa_rica.events[0].location.country == "Costa Rica"
    california = article("In California, a gunman opened fire in San Jose.", "fire")
    assert california.events[0].location.country == "United States"


def test_a_placeless_incident_goes_on_where_one_of_its_kind_was_told() -> None:
    text = (
        "In Baghdad, officials met. Clashes broke out near Mosul. Officials spoke. They spoke again. "
        "Minutes later another clash occurred at the bridge."
    )
    a = article(text, "Clashes", "clash")
    loc = a.events[1].location
    assert (loc.name, loc.geo_precision) == ("Mosul", 2)  # not the article's main place, Baghdad
    # an incident of another kind lends it nothing
    b = draft(text, "Clashes", "clash")
    b.events[0].sub_event_type = "Attack"
    assert STAGE(b).events[1].location.name == "Baghdad"


def test_a_name_of_many_places_says_how_sure_it_is() -> None:
    # "San Jose" with no clue to its country: read as the larger city, flagged ambiguous, and
    # the event is less sure than when the article names the country
    bare = article("Police said a bomb exploded in San Jose on Monday.", "exploded")
    told = article("Police said a bomb exploded in San Jose, Costa Rica, on Monday.", "exploded")
    loc = bare.events[0].location
    assert loc.name is not None and loc.geo_precision == 1
    assert any("ambiguous" in w and "San Jose" in w for w in bare.warnings)
    assert not any("ambiguous" in w for w in told.warnings)
    assert bare.events[0].confidence < told.events[0].confidence
    # "Washington": the US capital leads the English town tenfold, but the state of the same
    # name is as likely: the country is sure, the place is not, and strife says so
    dc = article("A bomb exploded in Washington on Monday.", "exploded")
    assert dc.events[0].location.country == "United States"
    assert any("ambiguous" in w and "Washington" in w for w in dc.warnings)
    assert dc.events[0].confidence < told.events[0].confidence


def test_no_toponyms_warns_and_leaves_location_empty() -> None:
    a = article("A bomb exploded on Tuesday.", "exploded")
    assert a.events[0].location.lat is None and a.warnings


def test_article_without_events_is_untouched() -> None:
    a = Article(text="Nothing happened in Aleppo.")
    assert STAGE(a).warnings == []


# -- the seeds, through the whole pipeline -----------------------------------------------------


def _events(pipeline, path, published):
    from strife.models import Article as A

    a = pipeline(A(raw=seed_text(path), source=str(path), published=published))
    if not a.events:
        pytest.skip("no events detected")
    return a.events


def _near(events, lat, lon, km):
    return [
        e
        for e in events
        if e.location.lat is not None and distance_km(e.location.lat, e.location.lon, lat, lon) <= km
    ]


@pytest.mark.slow
def test_seed_albab_places(pipeline) -> None:
    events = _events(pipeline, SEED_ALBAB, None)
    assert _near(events, 36.3705, 37.5157, 15)
    assert _near(events, 36.28, 37.17, 12)
    assert not [e for e in events if e.location.country == "Turkey" and not e.background]


@pytest.mark.slow
def test_seed_gweiran_places(pipeline) -> None:
    events = _events(pipeline, SEED_GWEIRAN, "2022-01-23")
    assert _near(events, 36.48, 40.74, 10)
    iraq = [e for e in events if e.location.country == "Iraq"]
    assert iraq and _near(iraq, 33.3152, 44.3661, 200)


def test_unlisted_neighbourhood_is_placed_by_its_city() -> None:
    loc = article("Shells hit the Salaheddine neighbourhood of Aleppo.", "hit").events[0].location
    assert (loc.name, loc.admin1, loc.country, loc.geo_precision) == ("Salaheddine", "Aleppo", "Syria", 2)
    assert loc.geonames_id is None and loc.text == "Salaheddine neighbourhood"
    assert (loc.lat, loc.lon) == (GAZ.get(11).lat, GAZ.get(11).lon)  # the city's point
    upper = article("SHELLS HIT THE SALAHEDDINE NEIGHBORHOOD IN ALEPPO, THE ARMY SAID TODAY.", "HIT")
    assert upper.events[0].location.name == "Salaheddine"


def test_country_as_a_party_is_not_the_place() -> None:
    text = "Fighting raged in al-Bab. Turkey has suspended aid after the shelling of the town."
    assert article(text, "shelling").events[0].location.name == "Al Bab"
    text = "Rebels shot two United States citizens in Aleppo."
    assert article(text, "shot").events[0].location.name == "Aleppo"


def test_dateline_of_another_country_is_not_the_default_place() -> None:
    text = (
        "WASHINGTON, 14 NOV 89 -- SYRIAN REBELS SAID FIGHTING GOES ON. THE SYRIAN ARMY SHELLED POSITIONS IN AL-BAB "
        "AGAIN. IN ANOTHER SYRIAN TOWN A MUTINY BROKE OUT."
    )
    assert article(text, "MUTINY").events[0].location.name == "Al Bab"
    home = "ALEPPO, 14 NOV 89 -- SYRIAN REBELS SAID THAT A MUTINY BROKE OUT IN THE ARMY."
    assert article(home, "MUTINY").events[0].location.name == "Aleppo"


def test_dateline_is_where_the_report_was_filed_not_where_its_sentence_happened() -> None:
    text = (
        "BAGHDAD, 14 NOV 89 -- SYRIAN REBELS ARE FIGHTING THE ARMY. THE SYRIAN ARMY SHELLED POSITIONS IN "
        "AL-BAB AGAIN. REBELS SAID THEY HELD POSITIONS IN AL-BAB."
    )
    loc = article(text, "FIGHTING").events[0].location
    assert (loc.name, loc.geo_precision) == ("Al Bab", 2)  # the article's place, not Baghdad
    # a report from home that names only the country places its event at the dateline, inferred
    home = "BAGHDAD, 14 NOV 89 -- A CAR BOMB EXPLODED IN IRAQ TODAY, POLICE SAID. NO ONE CLAIMED IT."
    loc = article(home, "EXPLODED").events[0].location
    assert (loc.name, loc.geo_precision) == ("Baghdad", 2)


def test_a_statement_of_where_it_took_place_places_the_event() -> None:
    text = "Two peasants were killed by a mine in Syria. The incident took place in al-Bab, police said."
    loc = article(text, "killed").events[0].location
    assert (loc.name, loc.geo_precision) == ("Al Bab", 1)  # the event's own place, stated
    text = "Two peasants were killed by a mine in Syria. The incident took place near al-Bab, police said."
    loc = article(text, "killed").events[0].location
    assert (loc.name, loc.geo_precision, loc.text) == ("Al Bab", 2, "near al-Bab")
    # a statement far after the event is not its own: the town only refines the country as
    # the article's place (inferred, precision 2)
    text = "Two peasants were killed in Syria. Aid came. Talks began. Rain fell. A fair took place in al-Bab."
    loc = article(text, "killed").events[0].location
    assert (loc.name, loc.geo_precision) == ("Al Bab", 2)


def test_an_institution_is_the_place_inside_its_city() -> None:
    text = "Gunmen opened fire near the National University in Aleppo, police said."
    loc = article(text, "fire").events[0].location
    assert (loc.name, loc.admin1, loc.geo_precision) == ("National University", "Aleppo", 2)


def test_a_placeless_event_goes_on_where_the_story_was() -> None:
    text = "Talks went on in Mosul. A judge was shot dead in al-Bab. Colleagues began a strike in protest."
    loc = article(text, "strike").events[0].location
    assert (loc.name, loc.geo_precision) == ("Al Bab", 2)
    # further back, the story has moved on: the article's main place (its lede's)
    text = "Talks went on in Mosul. A judge was shot dead in al-Bab. Rain fell. Aid came. Colleagues began a strike."
    assert article(text, "strike").events[0].location.name == "Mosul"


def test_a_lede_summing_up_incidents_is_placed_where_its_details_go_on() -> None:
    text = "Bombs exploded in Mosul and in Raqqa, killing two. The worst blast hit a bank in Raqqa."
    a = draft(text, "Bombs")
    a.events[0].sentences = [0, 1]
    assert STAGE(a).events[0].location.name == "Ar Raqqah"
    # told alone, the lede's place is the name nearest the event's word
    assert article(text, "Bombs").events[0].location.name == "Mosul"
