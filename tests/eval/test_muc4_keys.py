"""Reading MUC-4 answer-key slots and comparing them with strife events (no model)."""

import math
from datetime import date

from strife.eval.muc4_keys import KeysReport, dateline_date, judge_pair, key_template, make_article
from strife.eval.muc4_map import MappedTemplate
from strife.eval.muc4_slots import (
    KeyDate,
    date_matches,
    figure_matches,
    incident_figure,
    key_dates,
    key_figure,
    key_location,
    parse_key_date,
    parse_number,
    place_matches,
    strife_figure,
)
from strife.models import Count, DateInfo, Event, Fatalities, Location


def simple(*strings):
    return {"type": "simple_strings", "strings": list(strings)}


def clause(lhs, rhs):
    return {"type": "colon_clause", "strings_lhs": list(lhs), "strings_rhs": list(rhs)}


KEY = {
    "incident_type": "ATTACK",
    "incident_date": [simple("16 NOV 89", "15 NOV 89 - 16 NOV 89")],
    "incident_location": [
        simple("EL SALVADOR"),
        clause(["SAN SALVADOR"], ["CITY"]),
        clause(["SAN MIGUELITO"], ["NEIGHBORHOOD"]),
    ],
    "perp_individual_id": [simple("SOLDIERS", "UNIFORMED MEN")],
    "perp_organization_id": None,
    "phys_tgt_id": None,
    "hum_tgt_name": [simple("IGNACIO ELLACURIA")],
    "hum_tgt_description": [simple("PRIESTS"), clause(["RECTOR"], ["IGNACIO ELLACURIA"])],
    "hum_tgt_number": [
        clause(["1"], ["IGNACIO ELLACURIA"]),
        clause(["6", "~5"], ["PRIESTS"]),
        clause(["PLURAL"], ["GUARDS"]),
    ],
    "hum_tgt_effect_of_incident": [
        clause(["DEATH"], ["IGNACIO ELLACURIA"]),
        clause(["DEATH"], ["PRIESTS"]),
        clause(["INJURY"], ["GUARDS"]),
    ],
}


def test_key_dates_days_ranges_and_open_starts():
    assert parse_key_date("02 FEB 90") == KeyDate(date(1990, 2, 2), date(1990, 2, 2))
    assert parse_key_date("17 FEB 90 - 18 FEB 90") == KeyDate(date(1990, 2, 17), date(1990, 2, 18))
    assert parse_key_date("- 26 JAN 90") == KeyDate(None, date(1990, 1, 26))
    assert parse_key_date("31 FEB 90") is None and parse_key_date("SOMETIME") is None
    assert len(key_dates(KEY)) == 2


def test_date_exact_match():
    keys = key_dates(KEY)
    assert date_matches(DateInfo(start="1989-11-16", end="1989-11-16", precision=1), keys)
    assert date_matches(DateInfo(start="1989-11-15", end="1989-11-16", precision=2), keys)
    assert not date_matches(DateInfo(start="1989-11-14", end="1989-11-16", precision=2), keys)
    assert not date_matches(DateInfo(), keys, "1989-11-16")


def test_no_day_means_on_or_before_publication():
    before = [parse_key_date("- 26 JAN 90")]
    assert date_matches(DateInfo(), before, "1990-01-26")
    assert date_matches(DateInfo(start="1990-01-01", end="1990-01-31", precision=3), before, "1990-01-26")
    assert not date_matches(DateInfo(), before, "1990-01-27")
    assert not date_matches(DateInfo(), before, None)
    # a day strife commits to is not the key's "some day before"
    assert not date_matches(DateInfo(start="1990-01-26", end="1990-01-26", precision=1), before, "1990-01-26")


def test_year_00_is_an_unknown_year_judged_by_day_and_month():
    # "16 NOV 00" is the key of a message whose dateline gives no year ("NO DATE")
    day = parse_key_date("16 NOV 00")
    assert day is not None and not day.year_known
    assert parse_key_date("16 NOV 89").year_known
    on_16 = DateInfo(start="1989-11-16", end="1989-11-16", precision=1)
    assert date_matches(on_16, [day])
    assert not date_matches(DateInfo(start="1989-11-17", end="1989-11-17", precision=1), [day])
    assert not date_matches(DateInfo(), [day])  # the key names a day; no date is no match
    span = [parse_key_date("11 NOV 00 - 16 NOV 00")]
    assert not span[0].year_known
    assert date_matches(DateInfo(start="1989-11-11", end="1989-11-16", precision=2), span)
    assert not date_matches(on_16, span)
    # a year the key gives is still compared
    assert not date_matches(
        DateInfo(start="1988-11-16", end="1988-11-16", precision=1), [parse_key_date("16 NOV 89")]
    )


def test_year_00_reads_leap_days_and_ranges_across_new_year():
    leap = parse_key_date("29 FEB 00")  # the stand-in year must hold a 29 February
    assert leap is not None and not leap.year_known
    assert date_matches(DateInfo(start="1988-02-29", end="1988-02-29", precision=1), [leap])
    across = parse_key_date("28 DEC 00 - 02 JAN 00")  # the years are unknown: no order to check
    assert across is not None and not across.year_known
    assert date_matches(DateInfo(start="1989-12-28", end="1990-01-02", precision=2), [across])
    assert parse_key_date("02 JAN 90 - 28 DEC 89") is None  # a known year still orders the range


def test_key_location_and_place_match():
    place = key_location(KEY)
    assert place.country == "EL SALVADOR"
    assert place.levels == (("SAN SALVADOR",), ("SAN MIGUELITO",))
    assert place.text == "EL SALVADOR: SAN SALVADOR (CITY): SAN MIGUELITO (NEIGHBORHOOD)"
    city = Location(name="San Salvador", country="El Salvador", text="san salvador")
    assert place_matches(city, place) == (True, False)
    quarter = Location(name="San Miguelito", country="El Salvador")
    assert place_matches(quarter, place) == (True, True)
    assert place_matches(Location(), place) == (False, False)
    # a kind word parsed as its own entry is not a place
    odd = key_location(
        {"incident_location": [simple("EL SALVADOR"), simple("PERQUIN"), simple("JURISDICTION")]}
    )
    assert odd.levels == (("PERQUIN",),)
    assert place_matches(Location(name="Perquín", country="El Salvador"), odd) == (True, True)


def test_numbers_and_casualty_figures():
    assert parse_number("6") == (6, 6) and parse_number("~100") == (100, 100)
    assert parse_number("PLURAL") == (2, math.inf) and parse_number("3-") == (3, math.inf)
    assert parse_number("-4") == (0, 4) and parse_number("MANY") is None
    assert key_figure(KEY, "DEATH") == (6, 7)  # 1 + (5 or 6)
    assert key_figure(KEY, "INJURY") == (2, math.inf)
    none = {"hum_tgt_effect_of_incident": [clause(["NO INJURY OR DEATH"], ["-"])]}
    assert key_figure(none, "DEATH") == (0, 0) and key_figure(none, "INJURY") == (0, 0)
    assert key_figure({"hum_tgt_effect_of_incident": None}, "DEATH") is None
    total = {
        "hum_tgt_total_number": [simple("2")],
        "hum_tgt_number": [clause(["1"], ["A"]), clause(["1"], ["B"])],
        "hum_tgt_effect_of_incident": [clause(["DEATH"], ["A"]), clause(["DEATH"], ["B"])],
    }
    assert key_figure(total, "DEATH") == (2, 2)


def test_strife_figures():
    e = Event(id="e", event_type="Violence against civilians", sub_event_type="Attack")
    assert strife_figure(e, "fatalities") == 0 and strife_figure(e, "injured") == 0
    e.fatalities = Fatalities(low=5, best=6, high=8)
    e.counts = [Count(kind="injured", low=3, high=3, text="three", start=0, end=5)]
    assert strife_figure(e, "fatalities") == 6 and strife_figure(e, "injured") == 3
    assert figure_matches(6, key_figure(KEY, "DEATH")) and not figure_matches(8, key_figure(KEY, "DEATH"))


def test_an_incident_of_several_events_reconciles_their_claims():
    def event(i, counts):
        return Event(id=i, event_type="Violence against civilians", sub_event_type="Attack", counts=counts)

    six = Count(kind="fatalities", low=6, high=6, text="six jesuits", start=0, end=11)
    again = Count(kind="fatalities", low=6, high=6, text="six jesuits", start=90, end=101)
    hurt = Count(kind="injured", low=2, high=2, text="two", start=40, end=43)
    quiet, toll = event("a", []), event("b", [six, hurt])
    assert strife_figure(quiet, "fatalities") == 0  # the most confident event alone says nothing
    assert incident_figure([quiet, toll], "fatalities") == 6
    assert incident_figure([toll, event("c", [again])], "fatalities") == 6  # a restatement, not 12
    assert incident_figure([quiet, toll], "injured") == 2
    assert incident_figure([toll], "injured") == 2


def test_key_template_for_alignment():
    t = key_template(KEY)
    assert t["incident_type"] == "attack"
    assert t["PerpInd"] == [["SOLDIERS", "UNIFORMED MEN"]]
    assert t["Victim"] == [["IGNACIO ELLACURIA"]]  # as GTT: names only
    assert key_template({"incident_type": "*"}) is None


def test_articles_start_with_the_dateline():
    doc = {"dateline": "GUATEMALA CITY, 4 FEB 90 (ACAN-EFE)", "text": "THE ARMY DENIED TODAY..."}
    assert dateline_date(doc["dateline"]) == "1990-02-04"
    assert dateline_date("SAN SALVADOR (RADIO VENCEREMOS)") is None
    a = make_article("TST1-MUC3-0001", doc)
    assert a.raw.startswith("GUATEMALA CITY, 4 FEB 90 (ACAN-EFE) -- THE ARMY") and a.published is None
    supplied = make_article("TST1-MUC3-0001", doc, supply_published=True)
    assert (supplied.published, supplied.published_from) == ("1990-02-04", "supplied")


def test_a_missed_figure_is_listed_with_the_words_it_came_from():
    two = Count(kind="fatalities", low=2, high=2, text="TWO PRIESTS", start=0, end=11)
    hurt = Count(kind="injured", low=3, high=3, text="THREE GUARDS", start=20, end=32)
    event = Event(
        id="d-1", event_type="Violence against civilians", sub_event_type="Attack", counts=[two, hurt]
    )
    event.fatalities = Fatalities(low=2, best=2, high=2)
    report = KeysReport()
    article = make_article("TST1-MUC3-0009", {"dateline": "", "text": "TWO PRIESTS WERE KILLED."})
    judge_pair(report, article, MappedTemplate("attack", events=[event]), KEY, None)
    assert (report.judged["deaths"], report.matched["deaths"]) == (1, 0)  # key: 1 + (5 or 6)
    assert (report.judged["injuries"], report.matched["injuries"]) == (1, 1)  # key: plural guards
    [miss] = report.misses
    assert (miss.docid, miss.slot, miss.expected, miss.found) == ("TST1-MUC3-0009", "deaths", (6, 7), 2)
    assert miss.line() == (
        "TST1-MUC3-0009 deaths: key 6-7, strife 2 (Violence against civilians/d-1: 2  'TWO PRIESTS')"
    )


def test_an_incident_is_placed_in_the_part_of_its_town_one_of_its_events_names():
    from strife.eval.muc4_slots import incident_location

    town = Location(name="Medellin", admin1="Antioquia", admin2="Medellin", country="Colombia", lat=6.25,
                    lon=-75.56, geo_precision=1)  # fmt: skip
    part = Location(name="Las Americas", admin1="Antioquia", admin2="Medellin", country="Colombia", lat=6.25,
                    lon=-75.56, geo_precision=2)  # fmt: skip
    elsewhere = Location(name="Bello", admin1="Antioquia", admin2="Bello", country="Colombia", lat=6.34,
                         lon=-75.56, geo_precision=1)  # fmt: skip
    main = Event(id="a", event_type="Battles", sub_event_type="Armed clash", location=town)
    bomb = Event(
        id="b",
        event_type="Explosions/Remote violence",
        sub_event_type="Remote explosive/landmine/IED",
        location=part,
    )
    near = Event(id="c", event_type="Battles", sub_event_type="Armed clash", location=elsewhere)
    assert incident_location([main, bomb], main).name == "Las Americas"
    # a town nearby in another municipality is another place, not a part of the incident's town
    assert incident_location([main, near], main).name == "Medellin"
    # a place no more exact than a region is not refined
    region = Event(id="d", event_type="Battles", sub_event_type="Armed clash",
                   location=Location(name="Antioquia", admin1="Antioquia", country="Colombia", lat=6.7,
                                     lon=-75.5, geo_precision=3))  # fmt: skip
    assert incident_location([region, bomb], region).name == "Antioquia"
