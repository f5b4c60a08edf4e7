"""The rules the clean stage is built from: dates, paragraphs, clutter, head metadata, language."""

from __future__ import annotations

import pytest

from strife.errors import InputError
from strife.ingest import head
from strife.ingest.clutter import is_boilerplate, is_navigation, is_subheading
from strife.ingest.dates import find_date, normalise_date, parse_date, parse_supplied_date
from strife.ingest.decode import sniff
from strife.ingest.lang import detect_language
from strife.ingest.paragraphs import ends_like_sentence, split_paragraphs

# -- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("4 FEB 90", "1990-02-04"),
        ("3 SEPT 89", "1989-09-03"),
        ("March 10, 2015", "2015-03-10"),
        ("Tue 25 Jan 2022 14.41 GMT", "2022-01-25"),
        ("10th March 2015", "2015-03-10"),
    ],
)
def test_parse_date(written, iso):
    assert parse_date(written) == iso


def test_two_digit_years_are_in_the_past():
    assert parse_date("4 FEB 99") == "1999-02-04"
    assert parse_date("4 FEB 10") == "2010-02-04"


def test_no_date_without_a_year_or_in_the_future():
    assert parse_date("Jan 21") is None
    assert parse_date("1 January 2999") is None


def test_numeric_dates_follow_the_separator_convention():
    assert find_date("posted 03/10/2015")[0] == "2015-03-10"  # slashes: month first
    assert find_date("posted 10-03-2015")[0] == "2015-03-10"  # dashes: day first
    assert find_date("posted 10.03.2015")[0] == "2015-03-10"


def test_find_date_ignores_numbers_that_are_not_dates():
    assert find_date("At least 12 people and 2015 others were hurt in May") is None


def test_normalise_metadata_dates():
    assert normalise_date("2020-05-02T08:00:00+02:00") == "2020-05-02"
    assert normalise_date("Sat, 2 May 2020 08:00:00 GMT") == "2020-05-02"
    assert normalise_date("2020-02-30") is None
    assert normalise_date("soon") is None and normalise_date(None) is None


def test_supplied_date_must_be_iso():
    assert parse_supplied_date("2015-03-10") == "2015-03-10"
    for bad in ("2015-3-10", "10/03/2015", "2015-02-29", ""):
        with pytest.raises(InputError, match="expected YYYY-MM-DD"):
            parse_supplied_date(bad)


# -- paragraphs -------------------------------------------------------------------------------


def test_one_paragraph_a_line_is_kept_as_is():
    raw = "First paragraph of the story, with a comma.\nSecond paragraph here.\n\nThird one."
    assert split_paragraphs(raw) == [
        "First paragraph of the story, with a comma.",
        "Second paragraph here.",
        "Third one.",
    ]


def test_short_menu_lines_are_not_glued():
    assert split_paragraphs("Home\nWorld\nMiddle East\n\nStory text.") == [
        "Home",
        "World",
        "Middle East",
        "Story text.",
    ]


def test_head_lines_in_a_wrapped_text_are_not_glued():
    wrapped = (
        "THE ARMY SAID ITS TROOPS HAD CLASHED WITH A REBEL COLUMN NEAR THE\n"
        "BORDER ON MONDAY AND THAT THREE SOLDIERS HAD BEEN WOUNDED IN THE\n"
        "FIGHTING, WHICH LASTED SEVERAL HOURS.\n"
    )
    raw = "World news\nArmy clashes with rebels near border\nBy A. Writer\n\n" + wrapped
    assert split_paragraphs(raw)[:3] == ["World news", "Army clashes with rebels near border", "By A. Writer"]
    assert split_paragraphs(raw)[3].startswith(
        "THE ARMY SAID ITS TROOPS HAD CLASHED WITH A REBEL COLUMN NEAR THE BORDER"
    )


def test_white_space_is_normalised():
    assert split_paragraphs("A\u00a0bomb  went\u200b off.\r\n\r\nNext.") == ["A bomb went off.", "Next."]


@pytest.mark.parametrize(
    ("paragraph", "ends"),
    [
        ("He said it.", True),
        ('"We will fight," he said.', True),
        ("THE DETAINEES ARE TWO MEN. (PASSAGE OMITTED)", True),
        ("Rebels advance on the capital", False),
    ],
)
def test_ends_like_sentence(paragraph, ends):
    assert ends_like_sentence(paragraph) is ends


# -- clutter ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Make a donation to keep our reporting free!",
        "SITENAME - Make a charitable donation in support of the relief effort!",
        "Donate now",
        "Sign up for our daily newsletter to get the latest headlines in your inbox.",
        "Join the Example.org mailing list",
        "Share this article",
        "Facebook Twitter WhatsApp Email",
        "We use cookies to improve your experience. By continuing you accept our cookie policy.",
        "© 2021 Example Media Ltd. All rights reserved.",
        "Advertisement",
        "Read more: How the siege unfolded",
        "Image caption, Smoke rises over the city",
        "Tags: Syria, Aleppo, airstrikes",
        "(Reporting by A. Writer; Editing by B. Editor)",
        "Listen to this article",
        "This article is more than 2 years old",
    ],
)
def test_boilerplate(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Aid agencies appealed for donations after the floods displaced thousands of families.",
        "The group urged supporters to subscribe to its channel, a monitor said.",
        "Latest figures show that 200 people were killed in the fighting since January.",
        "Readers of the militant group's newsletter were told to attack police stations in the province.",
    ],
)
def test_news_sentences_are_not_boilerplate(line):
    assert not is_boilerplate(line)


def test_navigation_trail():
    assert is_navigation("Home | World | Middle East")
    assert is_navigation("News › World › Africa › Nigeria")
    assert not is_navigation(
        "The rebels | who had taken the town last week | withdrew on Monday after heavy fighting."
    )


def test_subheading():
    assert is_subheading("Execution video")
    assert is_subheading("Increase in defections")
    assert not is_subheading("Fighting continued.")
    assert not is_subheading("the rebels then withdrew to the hills")  # a broken line, not a heading


# -- head metadata ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "names", "date"),
    [
        ("by Jane Roe March 10, 2015", "Jane Roe", "2015-03-10"),
        ("By Jane Roe and John Doe | Reuters", "Jane Roe and John Doe", None),
        ("Written by Abu Bakr al-Rashid", "Abu Bakr al-Rashid", None),
        ("Author: Maria de la Cruz", "Maria de la Cruz", None),
        ("BY JANE ROE, Associated Press", "JANE ROE, Associated Press", None),
    ],
)
def test_byline(line, names, date):
    byline = head.read_byline(line)
    assert byline is not None and (byline.names, byline.date) == (names, date)


@pytest.mark.parametrize(
    "line",
    ["By Tuesday the rebels had withdrawn.", "by the river", "By 2015 the war had spread to the north."],
)
def test_not_a_byline(line):
    assert head.read_byline(line) is None


def test_date_lines():
    assert head.read_date_line("Published 10 March 2015 14:02 GMT") == ("2015-03-10", False)
    assert head.read_date_line("Last updated: 11 March 2015") == ("2015-03-11", True)
    assert head.read_date_line("Posted on Wednesday 22 Jul 2015 at 10:15 am") == ("2015-07-22", False)
    assert head.read_date_line("Talks resume on 10 March 2015 in Geneva between the parties") is None


def test_datelines():
    line = head.read_dateline("GUATEMALA CITY, 4 FEB 90 (ACAN-EFE) -- THE ARMY DENIED TODAY")
    assert (line.place, line.date, line.agency) == ("GUATEMALA CITY", "1990-02-04", "ACAN-EFE")
    assert head.read_dateline("KABUL (AP) — A bomb exploded.").date is None
    assert head.read_dateline("BAGHDAD, Jan 21 (Reuters) - A bomb exploded.").written_date == "Jan 21"
    assert head.read_dateline("BAGHDAD, Jan 21 (Reuters) - A bomb exploded.", year=2019).date == "2019-01-21"
    assert head.read_dateline("CLANDESTINE, NO DATE (RADIO VENCEREMOS) -- WE").date is None
    assert head.read_dateline("The army - which denied it - said so.") is None
    assert head.read_dateline("Rebels in Aleppo (northern Syria) - a report") is None


def test_leading_date_and_title_are_stripped():
    assert head.strip_leading_date("Published April 29 2017 Airstrikes hit a town.") == (
        "Airstrikes hit a town.",
        "2017-04-29",
    )
    assert head.strip_leading_date("10 March 2015 was a bloody day.") == (
        "10 March 2015 was a bloody day.",
        None,
    )
    assert (
        head.strip_leading_title("Five killed in raid. Five people died.", "Five Killed in Raid")
        == "Five people died."
    )


# -- input kinds and languages ----------------------------------------------------------------


def test_sniff():
    assert sniff('<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>') == "feed"
    assert sniff('{"id": 1, "text": "x"}\n{"id": 2, "text": "y"}') == "jsonl"
    assert sniff("<!DOCTYPE html><html><body><p>x</p></body></html>") == "html"
    assert sniff("Plain story. It mentions 3 < 4 and a <b> tag.") == "text"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Mindestens zwölf Menschen wurden bei einem Anschlag auf einen Markt in der Stadt getötet.", "de"),
        ("Al menos doce personas murieron en un ataque armado contra un mercado de la ciudad.", "es"),
        ("قتل اثنا عشر شخصا في هجوم مسلح على سوق في المدينة يوم الاثنين", "ar"),
        ("THE GUATEMALA ARMY DENIED TODAY THAT GUERRILLAS ATTACKED THE FARM.", "en"),
        ("Vladimir Putin Portugal expels Diplomats", "en"),
    ],
)
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_no_language_without_words():
    assert detect_language("12 34 -- !!") is None
