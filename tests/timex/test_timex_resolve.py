"""Time expressions resolved against a publication date: a table of expressions and their
expected start, end and ACLED precision. No model is loaded."""

from __future__ import annotations

from datetime import date

import pytest

from strife.timex.resolve import find_timexes

TUE = date(2015, 3, 10)  # a Tuesday
SUN_2022 = date(2022, 1, 23)  # a Sunday
NONE = "no expression"

# (text, publication date, expected (start, end, precision) of the LAST expression found;
#  None when it is found but left unresolved; NONE when no expression is found at all)
CASES = [
    # absolute dates in common formats
    ("March 10, 2015", TUE, ("2015-03-10", "2015-03-10", 1)),
    ("10 March 2015", TUE, ("2015-03-10", "2015-03-10", 1)),
    ("GUATEMALA CITY, 4 FEB 90 (ACAN-EFE)", TUE, ("1990-02-04", "1990-02-04", 1)),
    ("2015-03-10", TUE, ("2015-03-10", "2015-03-10", 1)),
    ("on the 10th of March, 2015", TUE, ("2015-03-10", "2015-03-10", 1)),
    ("Sept. 5, 2014", TUE, ("2014-09-05", "2014-09-05", 1)),
    ("ON 2 FEBRUARY", TUE, ("2015-02-02", "2015-02-02", 1)),
    ("on 28 December", date(2015, 1, 5), ("2014-12-28", "2014-12-28", 1)),
    ("on 5 January", date(2014, 12, 30), ("2015-01-05", "2015-01-05", 1)),
    ("25/03/2015", TUE, ("2015-03-25", "2015-03-25", 1)),
    ("10/03/2015", TUE, NONE),  # day and month order unknowable: not guessed
    ("Tuesday, March 10, 2015", TUE, ("2015-03-10", "2015-03-10", 1)),
    ("PARIS, 5 APRIL 1990", TUE, ("1990-04-05", "1990-04-05", 1)),
    ("march 3, 2014", TUE, ("2014-03-03", "2014-03-03", 1)),
    # weekdays: the latest such day on or before publication, the same weekday is that day
    ("broke out Tuesday", TUE, ("2015-03-10", "2015-03-10", 1)),
    ("on Thursday night", TUE, ("2015-03-05", "2015-03-05", 1)),
    ("on Monday", TUE, ("2015-03-09", "2015-03-09", 1)),
    ("last Tuesday", TUE, ("2015-03-03", "2015-03-03", 1)),
    ("on Thursday night", SUN_2022, ("2022-01-20", "2022-01-20", 1)),
    ("on Friday morning", SUN_2022, ("2022-01-21", "2022-01-21", 1)),
    ("ON WEDNESDAY", TUE, ("2015-03-04", "2015-03-04", 1)),
    ("next Friday", TUE, ("2015-03-13", "2015-03-13", 1)),
    ("a truce due to take effect on Monday", TUE, ("2015-03-16", "2015-03-16", 1)),
    ("talks will resume on Tuesday", TUE, ("2015-03-10", "2015-03-10", 1)),
    # days relative to publication
    ("yesterday", TUE, ("2015-03-09", "2015-03-09", 1)),
    ("today", TUE, ("2015-03-10", "2015-03-10", 1)),
    ("LAST NIGHT", TUE, ("2015-03-09", "2015-03-09", 1)),
    ("early this morning", TUE, ("2015-03-10", "2015-03-10", 1)),
    ("the day before yesterday", TUE, ("2015-03-08", "2015-03-08", 1)),
    # "last evening" is last night: the evening of the day before
    ("two bombs exploded last evening", TUE, ("2015-03-09", "2015-03-09", 1)),
    ("two days ago", TUE, ("2015-03-08", "2015-03-08", 1)),
    ("2 DAYS AGO", TUE, ("2015-03-08", "2015-03-08", 1)),
    ("Several days ago", TUE, ("2015-02-28", "2015-03-07", 2)),
    ("a few days ago", TUE, ("2015-03-04", "2015-03-08", 2)),
    ("a week ago", TUE, ("2015-03-03", "2015-03-03", 2)),
    ("three weeks ago", TUE, ("2015-02-17", "2015-02-17", 3)),
    ("two months ago", TUE, ("2015-01-01", "2015-01-31", 3)),
    ("three years ago", SUN_2022, ("2019-01-01", "2019-12-31", 3)),
    # "ago today": the anniversary, a day
    ("NINE YEARS AGO TODAY", date(1990, 5, 18), ("1981-05-18", "1981-05-18", 1)),
    ("a week ago today", TUE, ("2015-03-03", "2015-03-03", 1)),
    ("two months ago today", date(2015, 3, 31), ("2015-01-31", "2015-01-31", 1)),
    ("a few years ago today", TUE, ("2009-01-01", "2013-12-31", 3)),  # no count: no day
    # hours and minutes: the report's day, or the days they reach back over
    ("A FEW MINUTES AGO", TUE, ("2015-03-10", "2015-03-10", 1)),
    ("three hours ago", TUE, ("2015-03-10", "2015-03-10", 1)),
    ("36 hours ago", TUE, ("2015-03-09", "2015-03-09", 1)),
    ("IN THE PAST FEW HOURS", TUE, ("2015-03-10", "2015-03-10", 1)),
    ("in recent hours", TUE, ("2015-03-10", "2015-03-10", 1)),
    ("IN THE LAST 24 HOURS", TUE, ("2015-03-09", "2015-03-10", 2)),
    # calendar units
    ("last week", TUE, ("2015-03-02", "2015-03-08", 2)),
    ("earlier this week", TUE, ("2015-03-09", "2015-03-10", 2)),
    ("over the weekend", TUE, ("2015-03-07", "2015-03-08", 2)),
    ("over the weekend", SUN_2022, ("2022-01-22", "2022-01-23", 2)),
    ("earlier this month", TUE, ("2015-03-01", "2015-03-10", 3)),
    ("last month", TUE, ("2015-02-01", "2015-02-28", 3)),
    ("last year", TUE, ("2014-01-01", "2014-12-31", 3)),
    ("earlier this year", TUE, ("2015-01-01", "2015-03-10", 3)),
    ("the past week", TUE, ("2015-03-03", "2015-03-10", 2)),
    # months and years
    ("in March 2019", SUN_2022, ("2019-03-01", "2019-03-31", 3)),
    ("In late 2019", SUN_2022, ("2019-09-01", "2019-12-31", 3)),
    ("early 2020", SUN_2022, ("2020-01-01", "2020-04-30", 3)),
    ("since mid-2014", date(2014, 12, 1), ("2014-05-01", "2014-12-01", 3)),
    ("in January", TUE, ("2015-01-01", "2015-01-31", 3)),
    ("in March", TUE, ("2015-03-01", "2015-03-31", 3)),
    ("last March", TUE, ("2014-03-01", "2014-03-31", 3)),
    ("in December", TUE, ("2014-12-01", "2014-12-31", 3)),
    ("IN LATE NOVEMBER", TUE, ("2014-11-21", "2014-11-30", 3)),
    ("in 2013", TUE, ("2013-01-01", "2013-12-31", 3)),
    ("the summer of 2013", TUE, ("2013-06-01", "2013-08-31", 3)),
    ("March of 2014", TUE, ("2014-03-01", "2014-03-31", 3)),
    # spans
    ("the three-day battle", SUN_2022, ("2022-01-21", "2022-01-23", 2)),
    ("executed since September", TUE, ("2014-09-01", "2015-03-10", 3)),
    ("since 2011", TUE, ("2011-01-01", "2015-03-10", 3)),
    ("since Sunday", TUE, ("2015-03-08", "2015-03-10", 2)),
    ("between 6 and 8 March", TUE, ("2015-03-06", "2015-03-08", 2)),
    # two days named from publication and joined make a span; an anchor joins nothing
    ("clashes late last night and early this morning", TUE, ("2015-03-09", "2015-03-10", 2)),
    ("between Friday and Saturday", SUN_2022, ("2022-01-21", "2022-01-22", 2)),
    ("fought yesterday and two days later", TUE, ("2015-03-11", "2015-03-11", 1)),
    ("from 3 to 5 March 2015", TUE, ("2015-03-03", "2015-03-05", 2)),
    ("March 3-5, 2015", TUE, ("2015-03-03", "2015-03-05", 2)),
    ("from February 1, 2015 to February 20, 2015", TUE, ("2015-02-01", "2015-02-20", 3)),
    ("in the past few days", TUE, ("2015-03-04", "2015-03-10", 2)),
    ("in recent weeks", TUE, ("2015-02-10", "2015-03-10", 3)),
    ("for a third day", TUE, ("2015-03-08", "2015-03-10", 2)),
    # a day of the month alone: the latest such day on or before publication
    ("Rebels attacked the town on the 8th.", TUE, ("2015-03-08", "2015-03-08", 1)),
    ("ON THE NIGHT OF THE 12TH, REBELS ATTACKED", TUE, ("2015-02-12", "2015-02-12", 1)),
    ("the truce holds until the 20th.", TUE, ("2015-03-20", "2015-03-20", 1)),
    ("on the 30th, troops withdrew", TUE, ("2015-01-30", "2015-01-30", 1)),  # February has none
    # anchors counted from the last day-precise date mentioned
    ("It began on Sunday. Two days later the town fell.", TUE, ("2015-03-10", "2015-03-10", 1)),
    ("Talks opened on 3 March. The next day they collapsed.", TUE, ("2015-03-04", "2015-03-04", 1)),
    ("Prisoners fled Tuesday. The day before, guards had left.", TUE, ("2015-03-09", "2015-03-09", 1)),
    ("They fled Tuesday, a day after militants executed nine.", TUE, ("2015-03-09", "2015-03-09", 1)),
    ("Two days later the town fell.", TUE, None),  # nothing to count from
    # minutes and hours after the last named day are on that day, with or without a count
    ("They clashed on 1 March. MINUTES LATER, another clash occurred.", TUE, ("2015-03-01", "2015-03-01", 1)),
    ("They clashed on 1 March. Hours later a bomb went off.", TUE, ("2015-03-01", "2015-03-01", 1)),
    ("They clashed on 1 March. 30 minutes later a bomb went off.", TUE, ("2015-03-01", "2015-03-01", 1)),
    ("Moments later the town fell.", TUE, None),
    # a time of day with no day: the day the text last named, else the day of publication;
    # beside its day it folds into it; distances and amounts are no times
    ("The bomb went off at 2120.", TUE, ("2015-03-10", "2015-03-10", 1)),
    ("AT APPROXIMATELY 1330 (1830 GMT) REBELS ATTACKED", TUE, ("2015-03-10", "2015-03-10", 1)),
    ("shots were heard at 10:30 pm", TUE, ("2015-03-10", "2015-03-10", 1)),
    ("Talks opened on 3 March. A bomb went off at 2100.", TUE, ("2015-03-03", "2015-03-03", 1)),
    ("a bomb went off at 2200 last night", TUE, ("2015-03-09", "2015-03-09", 1)),
    ("AT 2350 (0550 GMT) ON 16 JANUARY", TUE, ("2015-01-16", "2015-01-16", 1)),
    ("yesterday at 9 a.m.", TUE, ("2015-03-09", "2015-03-09", 1)),
    ("a village at 2000 meters above sea level", TUE, NONE),
    ("inflation at 12.5 percent", TUE, NONE),
    ("at 2120", None, None),
    # impossible and far-future dates, and what is no date at all
    ("31 February 2015", TUE, NONE),
    ("on 30 February", TUE, NONE),
    ("March 10, 2035", TUE, None),
    ("the 19 April Movement claimed it", TUE, NONE),
    ("THEY MAY BE KILLED", TUE, NONE),
    ("a 13-minute video", TUE, NONE),
    ("a 20-year-old man", TUE, NONE),
    ("the march on the capital", TUE, NONE),
    # no publication date: absolute dates resolve, relative ones do not
    ("Tuesday", None, None),
    ("in January", None, None),
    ("March 10, 2015", None, ("2015-03-10", "2015-03-10", 1)),
    ("4 FEB 90", None, ("1990-02-04", "1990-02-04", 1)),
    ("in late 2019", None, ("2019-09-01", "2019-12-31", 3)),
    ("since 2011", None, None),
]


@pytest.mark.parametrize(("text", "published", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_expression_table(text, published, expected):
    timexes, _ = find_timexes(text, published)
    if expected == NONE:
        assert timexes == []
        return
    assert timexes, f"no expression found in {text!r}"
    value = timexes[-1].value
    if expected is None:
        assert value is None
    else:
        assert value is not None
        assert (value[0].isoformat(), value[1].isoformat(), value[2]) == expected


def test_table_is_large():
    assert len(CASES) >= 60


def test_impossible_date_warns():
    timexes, warnings = find_timexes("It happened on 31 February 2015.", TUE)
    assert timexes == []
    assert any("impossible date" in w for w in warnings)


def test_far_future_warns():
    timexes, warnings = find_timexes("Elections on March 10, 2035.", TUE)
    assert timexes[0].value is None
    assert any("far after publication" in w for w in warnings)


def test_no_publication_date_warns_once():
    timexes, warnings = find_timexes("It began on Thursday night and ended yesterday.", None)
    assert [t.value for t in timexes] == [None, None]
    assert len(warnings) == 1 and "no publication date" in warnings[0]


def test_offsets_index_the_text():
    text = "Rebels attacked on Thursday night, officials said."
    (t,) = find_timexes(text, TUE)[0]
    assert text[t.start : t.end] == t.text == "on Thursday night"


def test_complement_anchor_keeps_main_clause_date():
    (_tue, anchor), _ = find_timexes("They fled Tuesday, a day after militants executed nine.", TUE)
    assert anchor.complement
    assert anchor.main is not None and anchor.main[0] == date(2015, 3, 10)


def test_reporting_dates_are_marked():
    text = "The army said today that rebels attacked the base on Sunday."
    today, sunday = find_timexes(text, TUE)[0]
    assert today.reporting and not sunday.reporting


def test_bad_input_does_not_crash():
    for text in ["", "   ", "\x00\x01", "99 Smarch 2015", "2015-02-30", "between 12 and 3 March"]:
        find_timexes(text, TUE)


def test_dateline_date_dates_the_report():
    for text, start in (
        ("SAN SALVADOR, 28 MAR 89 -- TWO PEASANTS WERE KILLED", 14),
        ("BEIRUT, March 3 (AFP) - Rebels shelled the town", 8),
        ("BOGOTA, 27 APR 90 [RADIO NACIONAL) -- FELLOW COUNTRYMEN", 8),  # bracket opens the agency
    ):
        first = find_timexes(text, TUE)[0][0]
        assert first.start == start and first.reporting
    inside, _ = find_timexes("Rebels shelled the town, 3 March 2015 - a day of fear", TUE)
    assert not inside[0].reporting  # a date inside a sentence is no dateline


def test_reactions_date_the_statement_not_the_event():
    found, _ = find_timexes("THE GOVERNMENT TODAY CONDEMNED THE MURDER OF THE MAYOR", TUE)
    assert found[0].reporting
    found, _ = find_timexes("GUERRILLAS TODAY ATTACKED THE GARRISON", TUE)
    assert not found[0].reporting
    # an accusation is a statement too: its day is not the killing's
    for text in (
        "THE M-19 TODAY ACCUSED THE POLICE OF ASSASSINATING ITS CANDIDATE",
        "The army on Monday blamed rebels",
    ):
        found, _ = find_timexes(text, TUE)
        assert found[0].reporting, text


def test_a_time_owned_by_a_word_of_reporting_dates_the_report():
    for text in (
        "DURING THIS EVENING'S RADIO VENCEREMOS NEWSCAST, THE REBELS NEITHER CLAIMED NOR DENIED IT",
        "Tuesday's statement by the army blamed the rebels for the attack.",
        "At yesterday's press conference the minister spoke of the massacre.",
    ):
        found, _ = find_timexes(text, TUE)
        assert found[0].reporting, text
    for text in ("LAST NIGHT'S ATTACK ON A BANK", "Yesterday's attack on the meeting hall killed five."):
        found, _ = find_timexes(text, TUE)
        assert not found[0].reporting, text


def test_day_named_then_dated_folds_into_the_date():
    # a dispatch dated 1 July whose "today" is 30 June: the date given beside it wins
    pub = date(1989, 7, 1)
    for text, expected in (
        ("REGARDING HIS DEATH, TODAY, 30 JUNE, THE FRONT STATES", date(1989, 6, 30)),
        ("the priests murdered last Friday (17 November) were buried", date(1989, 11, 17)),
        ("yesterday 29 June rebels attacked", date(1989, 6, 29)),
    ):
        found, _ = find_timexes(text, pub)
        assert len(found) == 1, text
        assert found[0].value == (expected, expected, 1), text
    # a day and a date apart in the sentence stay two expressions
    found, _ = find_timexes("Rebels attacked today; on 30 June they had withdrawn.", pub)
    assert [t.value[0] for t in found if t.value] == [pub, date(1989, 6, 30)]


def test_a_time_of_day_folds_into_its_day_and_counts_from_no_day():
    text = "Rebels attacked at 2200 last night. Two days later the town fell."
    timexes, _ = find_timexes(text, TUE)
    assert [(t.text, t.kind) for t in timexes] == [
        ("at 2200 last night", "relday"),
        ("Two days later", "anchor"),
    ]
    # an anchor counts from the day the text named, never from a time of day resolved by default
    timexes, _ = find_timexes("A bomb went off at 2120. Two days later the town fell.", TUE)
    assert timexes[1].value is None


def test_anchors_do_not_count_from_a_planned_day():
    text = (
        "The president-elect, who takes office on 1 June, condemned the bombing. "
        "Moments after the attack, troops cordoned off the area. Two days later the army withdrew."
    )
    found, _ = find_timexes(text, date(1989, 4, 19))
    june, moments, later = found
    assert june.value is not None and june.value[0] == date(1989, 6, 1)
    # the plan is no point of the story: the anchors have nothing earlier to count from
    assert moments.value is None and later.value is None
    # a day of the story (or the day after publication, for late filing) still anchors them
    found, _ = find_timexes(
        "Rebels attacked on 20 April. Two days later the army withdrew.", date(1989, 4, 19)
    )
    assert found[-1].value is not None and found[-1].value[0] == date(1989, 4, 22)


def test_anchors_do_not_count_from_the_dateline():
    # the dateline is the day the report was filed, not a day the text tells: "on the same
    # night" before the text names any day has nothing to count from
    text = "SAN SALVADOR, 17 NOV 89 (EFE) -- ON THE SAME NIGHT THE JESUITS WERE KILLED."
    dateline, same = find_timexes(text, date(1989, 11, 17))[0]
    assert dateline.reporting and dateline.value is not None
    assert same.kind == "anchor_rel" and same.value is None
    # a day the text names after the dateline still anchors
    text = "LIMA, 3 MAR 90 (EFE) -- REBELS ATTACKED ON 1 MARCH. THE NEXT DAY THE ARMY WITHDREW."
    *_, nxt = find_timexes(text, date(1990, 3, 3))[0]
    assert nxt.value == (date(1990, 3, 2), date(1990, 3, 2), 1)


def test_anchors_do_not_count_from_the_day_of_a_statement():
    # the minister spoke this afternoon; the killing "minutes after" which the call was
    # intercepted is not of that afternoon
    text = (
        "BOGOTA, 22 MAR 90 (RCN) -- THE MINISTER DISCLOSED THIS AFTERNOON THAT THE CARTEL ORDERED "
        "THE MURDER. MINUTES AFTER THE KILLING THE POLICE INTERCEPTED A CALL."
    )
    *_, spoke, minutes = find_timexes(text, date(1990, 3, 22))[0]
    assert spoke.reporting and spoke.value is not None
    assert minutes.kind == "anchor" and minutes.value is None
    # the same anchor after a day the text tells of the story counts from it
    text = "BOGOTA, 22 MAR 90 (RCN) -- THE CANDIDATE WAS SHOT ON 20 MARCH. MINUTES AFTER THE KILLING THE POLICE ARRIVED."
    *_, minutes = find_timexes(text, date(1990, 3, 22))[0]
    assert minutes.value == (date(1990, 3, 20), date(1990, 3, 20), 1)


def test_an_anchor_that_puts_its_event_after_the_report_dates_nothing():
    # counted from today, "the day prior to the killing" would put a killing told as done
    # after the report: the main clause is not on today, so neither clause is dated
    pub = date(1989, 11, 17)
    text = "TODAY THE ARMY SPOKE. THE DAY PRIOR TO THE KILLING OF THE PRIESTS, THEY LAUNCHED AN OFFENSIVE."
    _today, prior = find_timexes(text, pub)[0]
    assert prior.complement and prior.value is None and prior.main is None
    # counted from a day before the report it stands
    text = "ON 14 NOVEMBER THE ARMY SPOKE. THE DAY PRIOR TO THE KILLING OF THE PRIESTS, THEY ATTACKED."
    _day, prior = find_timexes(text, pub)[0]
    assert prior.value == (date(1989, 11, 15), date(1989, 11, 15), 1)
    assert prior.main is not None and prior.main[0] == date(1989, 11, 14)


def test_an_ordinal_that_names_no_day_is_no_date():
    for text in (
        "SOLDIERS OF THE 1ST INFANTRY BRIGADE",
        "members of the 3rd and 6th brigades",
        "a bomb on the 5th floor",
        "ruins of the 13th century.",
        "the 12th of the soldiers",
        "on the 40th,",
    ):
        found, _ = find_timexes(text, TUE)
        assert found == [], text
    # without a publication date the day stays unresolved
    found, _ = find_timexes("They attacked on the 12th.", None)
    assert found and found[0].value is None
