"""The article's main place under a dateline, names placed by the province after them, and
the readings context chooses (small gazetteer, no model)."""

from __future__ import annotations

import re

from gazetteer.helpers import small_gazetteer
from strife.gazetteer import match_location
from strife.gazetteer.context import choose
from strife.gazetteer.resolve import resolve, role_of
from strife.models import Article, Location, Span

GAZ = small_gazetteer()


def _article(text: str) -> Article:
    a = Article(text=text)
    a.sentences = [
        Span(start=m.start(), end=m.end()) for m in re.finditer(r"[^.]+\.?", text) if m.group().strip()
    ]
    a.toponyms = GAZ.find(text)
    return a


def _role(text: str) -> str:
    """The role of the text's first toponym."""
    a = _article(text)
    return role_of(a, a.toponyms[0], 0)[0]


def _main(text: str) -> str | None:
    main = resolve(_article(text), GAZ).main
    return main.place.name if main else None


def test_the_lede_says_where_the_news_happened_not_the_dateline() -> None:
    text = "ALEPPO, 14 NOV 89 -- A JUDGE WAS KIDNAPPED TODAY IN AL-BAB. THE ARMY SAID NOTHING IN ALEPPO."
    assert _main(text) == "Al Bāb"
    # a lede that names no place leaves the dateline as the main place
    assert _main("ALEPPO, 14 NOV 89 -- A JUDGE WAS KIDNAPPED TODAY. TROOPS SEARCHED AL-BAB.") == "Aleppo"


def test_a_lede_place_abroad_needs_the_article_behind_it() -> None:
    # a meeting abroad in the lede of a report about Syria does not move the article
    text = (
        "ALEPPO, 14 NOV 89 -- SYRIAN OFFICIALS WILL MEET IN MOSUL NEXT WEEK. REBELS SHELLED AL-BAB "
        "AND ALEPPO IN SYRIA."
    )
    assert _main(text) == "Aleppo"


def test_one_stray_name_abroad_does_not_move_a_dateline() -> None:
    text = "ALEPPO, 14 NOV 89 -- POLICE BROKE UP A PROTEST. SIGNED: JOHN VICTORIA, PREFECT OF POLICE."
    assert _main(text) == "Aleppo"


def test_a_dateline_is_read_as_its_prominent_reading() -> None:
    # British context favours the English town of 54,000; a dateline names a city of note
    washington = GAZ.find("WASHINGTON, 14 NOV 89 --")[0]
    british = {"GB": 1.0}
    assert choose(washington, GAZ, british, [], set())[0].iso2 == "GB"
    assert choose(washington, GAZ, british, [], set(), dateline=True)[0].iso2 == "US"


def test_a_name_followed_by_its_province_is_read_inside_it() -> None:
    geo = resolve(_article("Troops clashed with rebels in Victoria, Aleppo Governorate, on Monday."), GAZ)
    place = geo.resolved[0].place
    # the gazetteer knows only a Canadian Victoria: the text's own Victoria lies in Aleppo
    assert (place.name, place.kind, place.country, place.admin1) == (
        "Victoria",
        "locality",
        "Syria",
        "Aleppo",
    )
    assert place.geonames_id is None
    # a reading inside the named province wins over the one the article's country favours
    text = "Costa Rica sent aid to Costa Rica and to San Jose, California, after the quake."
    geo = resolve(_article(text), GAZ)
    assert [r.place.id for r in geo.resolved if r.toponym.text == "San Jose"] == [24]


def test_a_street_named_after_a_place_is_not_that_place() -> None:
    geo = resolve(_article("A bomb went off on Baghdad Street in Mosul on Monday."), GAZ)
    assert [r.place.name for r in geo.resolved] == ["Mosul"]
    # a river too: "the Mosul river" is no town (the river's name is a place of its own)
    geo = resolve(_article("Boats were fired on along the Mosul River in Iraq."), GAZ)
    assert [r.place.name for r in geo.resolved] == ["Iraq"]


def test_a_capital_standing_for_its_government_and_distances_from_a_place() -> None:
    text = "Talks went on with Rome's ambassador. Gunmen struck 30 kilometers from Aleppo."
    a = _article(text)
    roles = {t.text: role_of(a, t, 0)[0] for t in a.toponyms}
    assert roles["Aleppo"] == "relative"
    assert _role("The Washington government denied it.") == "reference"


def test_capitals_are_known_from_the_country_points() -> None:
    assert GAZ.is_capital(GAZ.get(25))  # San José, Costa Rica
    assert not GAZ.is_capital(GAZ.get(24))  # San Jose, California


def test_the_most_specific_key_level_is_not_a_department_written_after_a_city() -> None:
    loc = Location(name="San Salvador", admin1="San Salvador", country="El Salvador")
    key = "EL SALVADOR: SAN SALVADOR (CITY): SAN SALVADOR (DEPARTMENT)"
    assert match_location(loc, key)["place"] is True
    assert match_location(Location(name="Ilobasco", country="El Salvador"), key)["place"] is False
    # general to specific as usual: the neighbourhood is the most specific place
    key = "EL SALVADOR: SAN SALVADOR (CITY): ZACAMIL (NEIGHBORHOOD)"
    assert match_location(loc, key)["place"] is False


def test_a_place_naming_a_persons_office_or_an_organisations_seat_is_a_reference() -> None:
    # the governor's or the rector's place is where the person works, not where the event was
    assert _role("Gunmen shot the Mosul governor.") == "reference"
    assert _role("The group, whose offices are in Turkey, claimed the attack.") == "reference"
    # an office attacked where it stands is still the event's place
    assert _role("Gunmen bombed the party offices in Baghdad.") == "explicit"
    # so is an embassy: a bomb near the embassy in a city went off in that city
    assert _role("A bomb exploded near the American embassy in Baghdad.") == "explicit"


def test_a_report_that_never_names_its_dateline_again_is_about_the_town_it_tells_of() -> None:
    text = (
        "ALEPPO, 14 NOV 89 -- WE INTERVIEWED THE COLONEL BY TELEPHONE. IN AL-BAB, THERE WERE FIVE "
        "EXPLOSIONS IN OPEN AREAS. THE PEOPLE OF AL-BAB SHOULD BE CALM."
    )
    assert _main(text) == "Al Bāb"
    # named once only, or the dateline's place named again: the dateline stays
    lede = "ALEPPO, 14 NOV 89 -- WE INTERVIEWED THE COLONEL OF THE THIRD BRIGADE BY TELEPHONE TONIGHT."
    assert _main(f"{lede} IN AL-BAB, FIVE BOMBS WENT OFF. THE ARMY IS CALM.") == "Aleppo"
    assert _main(f"{lede} IN AL-BAB, FIVE BOMBS WENT OFF. AL-BAB AND ALEPPO ARE CALM.") == "Aleppo"


def test_a_gathering_an_attack_struck_is_the_scene_not_a_venue() -> None:
    # a meeting's place dates an event told elsewhere ...
    assert _role("The ministers' meeting in Mosul ended without a statement.") == "reference"
    assert _role("Two days before the summit in Aleppo, rebels shelled a market.") == "reference"
    # ... but a meeting the attack hit is where the attack happened
    assert _role("The blast which wiped out the rebel commanders meeting in Aleppo killed 30.") == "explicit"
    assert _role("Jets targeted a gathering of leaders at a meeting held in Raqqa.") == "explicit"
