"""Datelines as wire copy and its transcriptions write them: a bracketed agency, a dateline
line cut by hard wrapping."""

from __future__ import annotations

from strife.ingest import head
from strife.ingest.cleantext import clean_text


def test_an_agency_opened_with_a_bracket_or_holding_one():
    line = head.read_dateline("BOGOTA, 27 APR 90 [INRAVISION TELEVISION CADENA 1) -- I AM HAPPY")
    assert (line.place, line.date, line.agency) == ("BOGOTA", "1990-04-27", "INRAVISION TELEVISION CADENA 1")
    line = head.read_dateline("SAN SALVADOR, 17 NOV 89 (INTERPRESS AGENCY [IPS]) -- THE PARTIES")
    assert (line.date, line.agency) == ("1989-11-17", "INTERPRESS AGENCY [IPS]")


# Hard-wrapped wire copy whose first line is short: the paragraph splitter cuts the dateline's
# sentence after its first line, which then looks like a headline.
WRAPPED = (
    "CLANDESTINE, 17 NOV 89 (RADIO VENCEREMOS) -- WE\n"
    "CONDEMN THE INTERFERENCE OF THE NEIGHBOURING ARMY IN OUR COUNTRY.\n"
    "\n"
    "   THE GENERAL COMMAND EXPRESSES ITS PROFOUND SOLIDARITY AND ADMIRATION FOR THE\n"
    "PEOPLE AND THEIR VANGUARD FORCES, WHO HAVE FOUGHT FOR SIX DAYS IN THE CAPITAL AND\n"
    "THE WHOLE COUNTRY AGAINST THE ARMY AND ITS ADVISERS.\n"
)


def test_a_wrapped_dateline_line_opens_the_body_and_gives_the_date():
    out = clean_text(WRAPPED)
    assert out.published == "1989-11-17"
    assert out.title is None
    first = out.text.split("\n\n")[0]
    assert first == (
        "CLANDESTINE, 17 NOV 89 (RADIO VENCEREMOS) -- WE CONDEMN THE INTERFERENCE OF THE "
        "NEIGHBOURING ARMY IN OUR COUNTRY."
    )
    assert out.text.split("\n\n")[1].startswith("THE GENERAL COMMAND EXPRESSES")


def test_a_headline_above_a_dateline_stays_the_headline():
    out = clean_text(
        "Car bomb kills twenty in crowded market\n\n"
        "BAGHDAD, March 3 (AFP) - A car bomb killed twenty people in a market on Tuesday, police said.\n\n"
        "The blast tore through stalls selling vegetables in the early morning, witnesses said."
    )
    assert out.title == "Car bomb kills twenty in crowded market"
    assert out.text.startswith("BAGHDAD, March 3 (AFP) - A car bomb")
