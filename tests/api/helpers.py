"""Small hand-built articles for the API tests (no model is loaded)."""

from __future__ import annotations

from typing import Any

from strife.models import Actor, Article, Count, DateInfo, Event, Evidence, Fatalities, Location

ALEPPO = {
    "name": "Aleppo",
    "admin1": "Aleppo",
    "country": "Syria",
    "iso3": "SYR",
    "lat": 36.2021,
    "lon": 37.1343,
}
MOSUL = {
    "name": "Mosul",
    "admin1": "Nineveh",
    "country": "Iraq",
    "iso3": "IRQ",
    "lat": 36.335,
    "lon": 43.1189,
}
SUVA = {
    "name": "Suva",
    "admin1": "Central",
    "country": "Fiji",
    "iso3": "FJI",
    "lat": -18.1416,
    "lon": 178.4419,
}


def event(n: int, day: str, place: dict[str, Any], deaths: int | None, **over: Any) -> Event:
    """An event of the text "<n> people were killed." with one claim."""
    fields: dict[str, Any] = {
        "id": f"e{n}",
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "date": DateInfo(start=day, end=day, precision=1),
        "location": Location(geo_precision=1, **place),
        "actor1": Actor(name="Islamic State", type="Rebel group"),
        "actor2": Actor(name="Syrian Arab Army", type="State forces"),
        "fatalities": Fatalities(low=deaths, best=deaths, high=deaths),
        "evidence": [Evidence(start=0, end=24, text="Five people were killed.")],
        "counts": [] if deaths is None else [
            Count(kind="fatalities", low=deaths, high=deaths, source="Syrian Observatory for Human Rights",
                  text="Five people", start=0, end=11)
        ],
    }  # fmt: skip
    fields.update(over)
    return Event(**fields)


def article(article_id: str, events: list[Event], **over: Any) -> Article:
    fields: dict[str, Any] = {
        "id": article_id,
        "source": f"https://news.example.org/{article_id}",
        "title": f"Report {article_id}",
        "publisher": "Example News",
        "published": "2016-05-10",
        "published_from": "metadata",
        "text": "Five people were killed. Clashes went on near the prison.",
        "events": events,
    }
    fields.update(over)
    return Article(**fields)


def corpus() -> list[Article]:
    """Three articles, five events in three countries, two days apart, of several kinds."""
    return [
        article("a1", [
            event(1, "2016-05-09", ALEPPO, 5),
            event(2, "2016-05-01", ALEPPO, None, event_type="Explosions/Remote violence",
                  sub_event_type="Air/drone strike", tags=["air_strike"], background=True,
                  actor1=Actor(name="Russia", type="External/Other forces"), actor2=None),
        ]),
        article("a2", [
            event(1, "2016-06-02", MOSUL, 40, event_type="Violence against civilians",
                  sub_event_type="Attack", tags=["prison_break", "execution"],
                  actor2=Actor(name="Civilians", type="Civilians")),
            event(2, "2016-06-03", MOSUL, 2, date=DateInfo(start="2016-06-01", end="2016-06-05", precision=2)),
        ], published="2016-06-05", publisher="Other Wire"),
        article("a3", [event(1, "2017-01-15", SUVA, 1, actor1=Actor(name="Fiji Police", type="State forces"))],
                published="2017-01-16", text="A policeman was killed in Suva on Sunday, officials said."),
    ]  # fmt: skip
