"""Reading the MUC-4 keys' incident dates and comparing them with a strife date (no model)."""

from __future__ import annotations

from datetime import date

from strife.eval.muc4_slots import KeyDate, date_matches, key_dates, parse_key_date
from strife.models import DateInfo

PUB = "1990-02-04"


def day(iso: str, text: str = "") -> DateInfo:
    return DateInfo(start=iso, end=iso, precision=1, text=text)


def test_key_forms():
    assert parse_key_date("02 FEB 90") == KeyDate(date(1990, 2, 2), date(1990, 2, 2))
    assert parse_key_date("17 FEB 90 - 18 FEB 90") == KeyDate(date(1990, 2, 17), date(1990, 2, 18))
    assert parse_key_date("- 26 JAN 90") == KeyDate(None, date(1990, 1, 26))
    assert parse_key_date("-06 JUL 89") == KeyDate(None, date(1989, 7, 6))
    assert parse_key_date("03 MARCH 90") == KeyDate(date(1990, 3, 3), date(1990, 3, 3))


def test_key_day_without_year_takes_the_messages_year():
    jan = date(1990, 1, 5)
    assert parse_key_date("11 NOV") is None  # no message date: the year is not guessed
    assert parse_key_date("11 NOV", jan) == KeyDate(date(1989, 11, 11), date(1989, 11, 11))
    assert parse_key_date("- 2 JAN", jan) == KeyDate(None, date(1990, 1, 2))
    assert parse_key_date("OCT 18", jan) == KeyDate(date(1989, 10, 18), date(1989, 10, 18))


def test_unreadable_keys_give_nothing():
    assert parse_key_date("31 NOV 89") is None
    assert parse_key_date("18 FEB 90 - 17 FEB 90") is None
    assert key_dates({"incident_date": [{"strings": ["??", "02 FEB 90"]}]}) == [
        KeyDate(date(1990, 2, 2), date(1990, 2, 2))
    ]


def test_exact_day_and_range():
    keys = key_dates({"incident_date": [{"strings": ["02 FEB 90"]}]})
    assert date_matches(day("1990-02-02"), keys, PUB)
    assert not date_matches(day("1990-02-03"), keys, PUB)
    span = key_dates({"incident_date": [{"strings": ["02 FEB 90 - 03 FEB 90"]}]})
    assert date_matches(DateInfo(start="1990-02-02", end="1990-02-03", precision=2), span, PUB)
    assert not date_matches(day("1990-02-02"), span, PUB)


def test_on_or_before_publication():
    keys = [KeyDate(None, date(1990, 2, 4))]
    assert date_matches(DateInfo(), keys, PUB)  # undated: "on or before publication"
    assert not date_matches(DateInfo(), [KeyDate(None, date(1990, 2, 1))], PUB)
    assert not date_matches(day("1990-02-03", "YESTERDAY"), keys, PUB)


def test_weekday_names_are_left_unresolved_as_the_keys_do():
    undated = [KeyDate(None, date(1990, 2, 4))]
    wednesday = day("1990-01-31", "ON WEDNESDAY")
    assert date_matches(wednesday, undated, PUB)
    # the day strife resolved it to is still that day when a key gives it
    assert date_matches(wednesday, [KeyDate(date(1990, 1, 31), date(1990, 1, 31))], PUB)
    assert not date_matches(wednesday, [KeyDate(date(1990, 1, 30), date(1990, 1, 30))], PUB)
    # a weekday beside its date is a date
    assert not date_matches(day("1990-01-31", "WEDNESDAY, 31 JANUARY"), undated, PUB)


def test_span_counted_back_from_publication_is_the_keys_undated_date():
    undated = [KeyDate(None, date(1990, 2, 4))]
    few_days = DateInfo(start="1990-01-29", end="1990-02-02", precision=2, text="A FEW DAYS AGO")
    assert date_matches(few_days, undated, PUB)
    assert not date_matches(
        few_days, [KeyDate(None, date(1990, 2, 1))], PUB
    )  # another day than the message's
    hours = DateInfo(start="1990-02-03", end="1990-02-04", precision=2, text="IN THE LAST 24 HOURS")
    assert not date_matches(hours, undated, PUB)
    assert date_matches(hours, [KeyDate(date(1990, 2, 3), date(1990, 2, 4))], PUB)


def test_a_range_at_month_precision_matches_the_same_range():
    weeks = DateInfo(start="1989-11-27", end="1990-01-04", precision=3, text="FROM 27 NOVEMBER TO 4 JANUARY")
    assert date_matches(weeks, [KeyDate(date(1989, 11, 27), date(1990, 1, 4))], PUB)
    assert not date_matches(weeks, [KeyDate(date(1989, 11, 28), date(1990, 1, 4))], PUB)
    assert date_matches(weeks, [KeyDate(None, date(1990, 2, 4))], PUB)  # no day of its own
