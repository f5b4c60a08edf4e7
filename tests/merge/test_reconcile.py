"""Reconciling the reports of one event into one record (no model)."""

from __future__ import annotations

import pytest

from merge.helpers import article
from strife.merge.profile import Member
from strife.merge.reconcile import reconcile


def member(aid: str, text: str, **kw) -> Member:
    a = article(aid, text, **kw)
    return Member(f"{aid}-1", f"{aid}-1", aid, a.events[0].model_dump(mode="json"), a.published)


def test_one_report_is_returned_unchanged():
    m = member("a", "A car bomb killed 3 killed in Mosul.")
    assert reconcile([m]) == {**m.record, "id": "a-1"}
    with pytest.raises(ValueError):
        reconcile([])


def test_reports_are_reconciled_and_every_source_kept():
    first = member("a", "Islamic State said its bomber killed 40 people; 12 killed, police said.", place="Nineveh",
                   day=None, deaths=((12, "Police Forces"),))  # fmt: skip
    second = member("b", "The monitor said 15 killed in the Mosul market bombing on Monday.", place="Mosul market",
                    deaths=((15, "Syrian Observatory for Human Rights"),))  # fmt: skip
    third = member("c", "A suicide bomber struck Mosul; 14 killed.", place="Mosul", day="2016-05-03")
    merged = reconcile([first, second, third])
    assert merged["id"] == "a-1" and merged["articles"] == ["a", "b", "c"]
    assert merged["location"]["geo_precision"] == 1  # the most precise place
    assert merged["date"]["start"] in ("2016-05-02", "2016-05-03")  # a day, not the undated report
    assert [c["article_id"] for c in merged["counts"]] == ["a", "b"]  # claims side by side
    assert merged["fatalities"] == {"low": 12, "best": 15, "high": 15}  # the monitor over the police
    assert {e["article_id"] for e in merged["evidence"]} == {"a", "b", "c"}
    assert merged["evidence"][1]["text"].startswith("The monitor")


def test_dates_narrow_to_the_day_most_reports_give():
    days = ["2016-05-02", "2016-05-02", "2016-05-03"]
    merged = reconcile([member(a, "A bombing.", day=d) for a, d in zip("abc", days, strict=True)])
    assert merged["date"]["start"] == "2016-05-02"


def test_the_type_most_reports_give_wins_and_background_needs_all():
    bomb = member("a", "A suicide bombing.")
    clash = member("b", "Fighting.", event_type="Battles", sub_event_type="Armed clash")
    bomb2 = member("c", "The suicide attack.")
    bomb2.record["background"] = True
    merged = reconcile([bomb, clash, bomb2])
    assert merged["sub_event_type"] == "Suicide bomb"
    assert merged["background"] is False


def test_one_reports_total_does_not_take_another_reports_claims_for_its_parts():
    # Offsets are each report's own: the total of "five soldiers and three civilians" (0-30 in
    # report a) encloses its parts, not report b's claims that happen to lie at 2-8 and 16-25.
    def claim(low: int, start: int, end: int, source: str) -> dict:
        return dict(kind="fatalities", group=None, low=low, high=low, qualifier="exact", source=source,
                    text="x" * (end - start), start=start, end=end)  # fmt: skip

    a, b = member("a", "A bombing."), member("b", "A bombing.")
    a.record["counts"] = [
        claim(8, 0, 30, "the army"),
        claim(5, 0, 10, "the army"),
        claim(3, 15, 30, "the army"),
    ]
    b.record["counts"] = [claim(20, 2, 8, "the monitor"), claim(20, 16, 25, "the monitor")]
    merged = reconcile([a, b])
    assert len(merged["counts"]) == 5  # every claim kept side by side
    assert merged["fatalities"]["high"] == 20
