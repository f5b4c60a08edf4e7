"""The MUC-4 incident-date measure: small hand-made documents and keys, then the real dev
split (skipped when ../shared is absent)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from strife.models import DateInfo
from strife.timex import evaluate_muc4_dates
from strife.timex.muc4 import dateline_date, muc_date, muc_string, muc_strings

KEYS = Path(__file__).resolve().parents[3] / "shared" / "data" / "muc4" / "keys"


def simple(*strings: str) -> list[dict]:
    return [{"type": "simple_strings", "strings": list(strings)}]


def test_dateline_dates():
    assert dateline_date("GUATEMALA CITY, 4 FEB 90 (ACAN-EFE)") == date(1990, 2, 4)
    assert dateline_date("PARIS (FRANCE), 5 APRIL 90 (AFP)") == date(1990, 4, 5)
    assert dateline_date("CLANDESTINE, NO DATE (RADIO VENCEREMOS)") is None
    assert dateline_date("SAN SALVADOR, 12 NOV (ACAN - EFE)") is None  # no year: not guessed


def test_keys_notation():
    pub = date(1990, 2, 4)
    assert muc_string(DateInfo(start="1990-02-02", end="1990-02-02", precision=1), pub) == "02 FEB 90"
    month = DateInfo(start="1990-01-01", end="1990-01-31", precision=3)
    assert muc_string(month, pub) == "- 04 FEB 90"  # the keys' answer for a month
    assert "01 JAN 90 - 31 JAN 90" in muc_strings(month, pub)  # and the range it spans
    assert muc_string(DateInfo(), pub) == "- 04 FEB 90"
    # the keys mostly code "last night" as the one day it resolves to, not the two days it spans
    night = DateInfo(start="1990-02-03", end="1990-02-03", precision=1, text="LAST NIGHT")
    assert muc_string(night, pub) == "03 FEB 90"


def test_small_documents():
    docs = {
        "A": {
            "dateline": "LIMA, 25 OCT 89 (EFE)",
            "text": "TERRORISTS BOMBED THE PERUVIAN EMBASSY YESTERDAY, POLICE SAID.\n\n"
            "THE POLICE REPORTED TODAY THAT GUNMEN KILLED A JUDGE ON 2 OCTOBER.",
        },
        "B": {"dateline": "BOGOTA, 3 MAR 90 (EFE)", "text": "A BANK MANAGER WAS KIDNAPPED, THE POLICE SAID."},
        "C": {"dateline": "BOGOTA, 3 MAR 90 (EFE)", "text": "NOTHING HAPPENED."},
    }
    keys = {
        "A": [
            {
                "incident_type": "BOMBING",
                "incident_date": simple("24 OCT 89"),
                "phys_tgt_id": simple("PERUVIAN EMBASSY"),
            },
            {
                "incident_type": "ATTACK",
                "incident_date": simple("02 OCT 89"),
                "hum_tgt_description": simple("JUDGE"),
            },
        ],
        "B": [
            {
                "incident_type": "KIDNAPPING",
                "incident_date": simple("- 03 MAR 90"),
                "hum_tgt_description": simple("BANK MANAGER"),
            }
        ],
        "C": [{"incident_type": "*"}],
    }
    result = evaluate_muc4_dates(docs, keys)
    assert result["templates"] == 3
    assert result["exact_match"] == 1.0, result["errors"]


def test_wrong_prediction_is_counted():
    docs = {"A": {"dateline": "LIMA, 25 OCT 89 (EFE)", "text": "TERRORISTS BOMBED THE EMBASSY YESTERDAY."}}
    keys = {
        "A": [
            {
                "incident_type": "BOMBING",
                "incident_date": simple("20 OCT 89"),
                "phys_tgt_id": simple("EMBASSY"),
            }
        ]
    }
    result = evaluate_muc4_dates(docs, keys)
    assert result["exact_match"] == 0.0 and result["errors"][0]["pred"] == "24 OCT 89"


def test_keys_are_judged_as_dates_like_the_pipelines():
    """A key day without its leading zero, or a month written as its range of days, is the
    day or month strife holds (the judge of `strife eval muc4-keys`, not a string match)."""
    docs = {
        "A": {"dateline": "SAN SALVADOR, 10 APR 90 (ACAN-EFE)", "text": "THE COLONEL DIED YESTERDAY."},
        "B": {"dateline": "TEGUCIGALPA, 27 JUN 89 (EFE)", "text": "THE GENERAL WAS MURDERED IN FEBRUARY."},
    }
    keys = {
        "A": [
            {
                "incident_type": "ATTACK",
                "incident_date": simple("9 APR 90"),
                "hum_tgt_description": simple("COLONEL"),
            }
        ],
        "B": [
            {
                "incident_type": "ATTACK",
                "incident_date": simple("1 FEB 89 - 28 FEB 89"),
                "hum_tgt_description": simple("GENERAL"),
            }
        ],
    }
    assert evaluate_muc4_dates(docs, keys)["exact"] == 2
    keys["A"][0]["incident_date"] = simple("8 APR 90")
    keys["B"][0]["incident_date"] = simple("1 FEB 89 - 27 FEB 89")
    assert evaluate_muc4_dates(docs, keys)["exact"] == 0


def test_malformed_keys_do_not_crash():
    docs = {"A": {"dateline": "", "text": ""}}
    keys = {
        "A": [{"incident_type": "ATTACK", "hum_tgt_name": [{"type": "simple_strings", "strings": [None]}]}],
        "Z": [],
    }
    assert evaluate_muc4_dates(docs, keys)["templates"] == 1


def test_dev_split_floor():
    if not (KEYS / "dev_keys.json").is_file():
        pytest.skip("MUC-4 keys not available")
    docs = json.loads((KEYS / "dev_docs.json").read_text(encoding="utf-8"))
    keys = json.loads((KEYS / "dev_keys.json").read_text(encoding="utf-8"))
    result = evaluate_muc4_dates(docs, keys)
    assert result["templates"] == 191
    assert result["exact_match"] >= 0.65


def test_weekday_alone_is_written_as_the_keys_write_it():
    pub = date(1990, 2, 4)
    for text in ("ON WEDNESDAY", "Thursday night", "LAST SUNDAY'S"):
        info = DateInfo(start="1990-01-31", end="1990-01-31", precision=1, text=text)
        assert muc_string(info, pub) == "- 04 FEB 90", text
    inherited = DateInfo(start="1990-01-31", end="1990-01-31", precision=2, text="WEDNESDAY")
    assert muc_string(inherited, pub) == "- 04 FEB 90"
    dated = DateInfo(start="1990-01-31", end="1990-01-31", precision=1, text="WEDNESDAY, 31 JANUARY")
    assert muc_string(dated, pub) == "31 JAN 90"
    # a span from a weekday up to publication ("since Saturday") names no day either
    since = DateInfo(start="1990-02-03", end="1990-02-04", precision=2, text="SATURDAY")
    assert muc_string(since, pub) == "- 04 FEB 90"
    assert muc_string(DateInfo(start="1990-02-03", end="1990-02-03", precision=1, text="YESTERDAY"), pub) == (
        "03 FEB 90"
    )


def test_span_counted_back_from_publication_is_written_undated():
    pub = date(1990, 2, 4)
    for text, start in (
        ("A FEW DAYS AGO", "1990-01-29"),
        ("last week", "1990-01-22"),
        ("IN THE PAST FEW DAYS", "1990-01-28"),
    ):
        info = DateInfo(start=start, end="1990-02-02", precision=2, text=text)
        assert muc_strings(info, pub) == {"- 04 FEB 90", f"{muc_date(date.fromisoformat(start))} - 02 FEB 90"}
    # a day or two counted back is written as those days
    hours = DateInfo(start="1990-02-03", end="1990-02-04", precision=2, text="IN THE LAST 24 HOURS")
    assert muc_strings(hours, pub) == {"03 FEB 90 - 04 FEB 90"}
    # a span with its calendar dates in the words is a range the text names
    named = DateInfo(start="1990-01-20", end="1990-01-25", precision=2, text="FROM 20 TO 25 JANUARY")
    assert muc_strings(named, pub) == {"20 JAN 90 - 25 JAN 90"}


def test_month_precision_span_is_written_both_ways():
    pub = date(1990, 2, 4)
    month = DateInfo(start="1989-12-01", end="1989-12-31", precision=3, text="IN DECEMBER")
    assert muc_string(month, pub) == "- 04 FEB 90"
    assert muc_strings(month, pub) == {"- 04 FEB 90", "01 DEC 89 - 31 DEC 89"}
    assert muc_strings(DateInfo(), pub) == {"- 04 FEB 90"}
    assert muc_strings(DateInfo(), None) == set()
