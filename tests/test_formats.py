"""Output formats on hand-built articles and event dicts (no model)."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from strife.formats import (
    ACLED_COLUMNS,
    FLAT_COLUMNS,
    FormatError,
    acled_region,
    acled_row,
    article_events,
    disorder_type,
    interaction,
    write_articles,
    write_events,
)
from strife.models import Actor, Article, Count, DateInfo, Event, Evidence, Fatalities, Location


def make_article(article_id="a1", located=True):
    location = (
        Location(
            name="Garissa",
            admin1="Garissa",
            country="Kenya",
            iso3="KEN",
            lat=-0.4532,
            lon=39.6461,
            geo_precision=1,
        )
        if located
        else Location()
    )
    event = Event(
        id=f"{article_id}-1",
        event_type="Violence against civilians",
        sub_event_type="Attack",
        tags=["massacre", "hostage_taking"],
        date=DateInfo(start="2015-04-02", end="2015-04-02", precision=1, text="Thursday"),
        location=location,
        actor1=Actor(name="al-Shabaab", type="Rebel group"),
        actor2=Actor(name="Civilians", type="Civilians"),
        assoc_actors=[Actor(name="Students", type="Civilians")],
        counts=[
            Count(
                kind="fatalities",
                low=147,
                high=147,
                source="Joseph Nkaissery",
                text="killed 147",
                start=0,
                end=10,
            )
        ],
        fatalities=Fatalities(low=147, best=147, high=147),
        evidence=[Evidence(start=0, end=22, text="Gunmen killed 147\n people")],
    )
    return Article(
        id=article_id, source=f"https://www.example.org/{article_id}", text="Gunmen killed 147 people",
        published="2015-04-02", events=[event],
    )  # fmt: skip


def render(writer, items, fmt):
    out = io.StringIO()
    writer(items, fmt, out)
    return out.getvalue()


def test_article_events_carry_article_fields():
    (event,) = article_events(make_article())
    assert event["article_id"] == "a1"
    assert event["publishers"] == ["example.org"]  # no publisher: the host of the URL
    assert event["sources"] == 1


def test_json_one_object_or_array():
    one = json.loads(render(write_articles, [make_article()], "json"))
    assert one["schema"] == "strife.article/1"
    several = json.loads(render(write_articles, [make_article("a1"), make_article("a2")], "json"))
    assert [r["article"]["id"] for r in several] == ["a1", "a2"]


def test_jsonl_one_record_a_line():
    lines = render(write_articles, [make_article("a1"), make_article("a2")], "jsonl").splitlines()
    assert [json.loads(line)["article"]["id"] for line in lines] == ["a1", "a2"]


def test_csv_flat_rows():
    rows = list(csv.DictReader(io.StringIO(render(write_articles, [make_article()], "csv"))))
    assert list(rows[0]) == [c for c, _ in FLAT_COLUMNS]
    assert rows[0]["tags"] == "massacre; hostage_taking"
    assert rows[0]["fatalities_best"] == "147"
    assert rows[0]["evidence"] == "Gunmen killed 147 people"  # white space collapsed


def test_geojson_keeps_located_events_only():
    data = json.loads(
        render(write_articles, [make_article("a1"), make_article("a2", located=False)], "geojson")
    )
    assert data["type"] == "FeatureCollection"
    (feature,) = data["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [39.6461, -0.4532]}
    assert feature["properties"]["event_id"] == "a1-1"


def test_table_shows_the_event():
    text = render(write_articles, [make_article()], "table")
    assert "2015-04-02" in text and "Garissa, Kenya" in text and "al-Shabaab vs Civilians" in text
    assert "no events" in render(write_events, [], "table")


def test_table_names_a_country_level_place_once():
    (event,) = article_events(make_article())[:1]
    event = {**event, "location": {**event["location"], "name": "Kenya", "country": "Kenya"}}
    text = render(write_events, [event], "table")
    assert "Kenya" in text and "Kenya, Kenya" not in text


def test_table_has_a_sources_column():
    (event,) = article_events(make_article())[:1]
    text = render(write_events, [{**event, "sources": 3}], "table")
    header = next(line for line in text.splitlines() if "sources" in line)
    row = next(line for line in text.splitlines() if "a1-1" in line)
    column = header.index("sources")
    assert row[column : column + 7].strip() == "3"


def test_acled_row_columns_and_codes():
    row = acled_row(article_events(make_article())[0])
    assert tuple(row) == ACLED_COLUMNS
    assert row["event_id_cnty"] == "KENa1-1"
    assert (row["inter1"], row["inter2"], row["interaction"]) == (2, 7, 27)
    assert row["disorder_type"] == "Political violence"
    assert row["civilian_targeting"] == "Civilian targeting"
    assert (row["iso"], row["region"], row["year"]) == (404, "Eastern Africa", "2015")
    assert row["fatalities"] == 147
    assert row["assoc_actor_1"] == "Students"


def test_acled_csv_header_order():
    header = render(write_events, article_events(make_article()), "acled-csv").splitlines()[0]
    assert header.split(",") == list(ACLED_COLUMNS)


@pytest.mark.parametrize(
    ("iso3", "region"),
    [("SYR", "Middle East"), ("FRA", "Europe"), ("MEX", "Central America"), ("JAM", "Caribbean"),
     ("COL", "South America"), ("PAK", "South Asia"), ("NGA", "Western Africa"), (None, ""), ("ZZZ", "")],
)  # fmt: skip
def test_acled_regions(iso3, region):
    assert acled_region(iso3) == region


def test_interaction_and_disorder():
    assert interaction(7, 1) == 17
    assert interaction(2, 0) == 20
    assert interaction(0, 0) == 0
    assert disorder_type("Riots", "Mob violence") == "Political violence"
    assert (
        disorder_type("Protests", "Excessive force against protesters")
        == "Political violence; Demonstrations"
    )
    assert disorder_type("Protests", "Peaceful protest") == "Demonstrations"
    assert disorder_type("Strategic developments", "Arrests") == "Strategic developments"


def test_parquet_round_trip(tmp_path):
    path = tmp_path / "events.parquet"
    write_events(
        article_events(make_article()) + article_events(make_article("a2", located=False)), "parquet", path
    )
    table = pq.read_table(path)
    assert table.column_names == [c for c, _ in FLAT_COLUMNS]
    rows = table.to_pylist()
    assert rows[0]["fatalities_best"] == 147 and rows[1]["latitude"] is None


def test_unknown_format():
    with pytest.raises(FormatError, match="unknown format"):
        render(write_events, [], "xml")
    with pytest.raises(FormatError):
        render(write_articles, [make_article()], "parquet")


def test_table_of_summaries_is_the_table_of_full_events():
    from strife.storage.reading import summary

    events = article_events(make_article())
    events[0]["tags"] = ["suicide_attack", "hostage_taking"]  # the pipeline's order, not sorted
    assert render(write_events, [summary(e) for e in events], "table") == render(
        write_events, events, "table"
    )


def test_json_lines_written_as_given():
    from strife.formats import write_json_lines

    out = io.StringIO()
    write_json_lines(['{"id": "a"}', '{"id": "é"}'], out)
    assert out.getvalue() == '{"id": "a"}\n{"id": "é"}\n'
