"""The keys evaluation keeps each date miss so it can be read (no model)."""

from strife.eval.muc4_keys import KeysReport, judge_pair, make_article
from strife.eval.muc4_map import MappedTemplate
from strife.models import DateInfo, Event, Mention


def _key(*dates):
    return {"incident_type": "ATTACK", "incident_date": [{"type": "simple_strings", "strings": list(dates)}]}


def _template(date):
    event = Event(
        id="e",
        event_type="Violence against civilians",
        sub_event_type="Attack",
        trigger=Mention(text="KILLED", start=0, end=6),
        date=date,
    )
    return MappedTemplate(incident_type="attack", events=[event])


def test_date_misses_are_listed_and_matches_are_not():
    article = make_article("DOC-1", {"dateline": "LIMA, 3 MAR 90 (EFE)", "text": "REBELS KILLED TWO."}, True)
    report = KeysReport()
    yesterday = DateInfo(start="1990-03-02", end="1990-03-02", precision=1, text="YESTERDAY")
    judge_pair(report, article, _template(yesterday), _key("02 MAR 90"), None)
    assert report.matched["date"] == 1 and report.date_misses == []
    judge_pair(report, article, _template(yesterday), _key("- 03 MAR 90"), None)
    assert report.judged["date"] == 2 and report.matched["date"] == 1
    (miss,) = report.date_misses
    assert miss == {
        "doc": "DOC-1",
        "published": "1990-03-03",
        "key": ["- 03 MAR 90"],
        "strife": {"start": "1990-03-02", "end": "1990-03-02", "precision": 1},
        "words": "YESTERDAY",
        "trigger": "KILLED",
    }
    # a key without a date is not judged, so it is no miss
    judge_pair(report, article, _template(yesterday), {"incident_type": "ATTACK"}, None)
    assert report.judged["date"] == 2 and len(report.date_misses) == 1
