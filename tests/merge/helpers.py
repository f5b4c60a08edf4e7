"""Hand-built articles with one finished event each, for merge tests (no model is loaded)."""

from __future__ import annotations

from typing import Any

from strife.models import Actor, Article, Count, DateInfo, Event, Evidence, Location, Mention

PLACES: dict[str, dict[str, Any]] = {
    "Mosul": dict(name="Mosul", admin1="Nineveh", country="Iraq", iso3="IRQ", lat=36.335, lon=43.119,
                  geo_precision=1, geonames_id=99072),
    "Mosul market": dict(name="Mosul", admin1="Nineveh", country="Iraq", iso3="IRQ", lat=36.34, lon=43.13,
                         geo_precision=2, geonames_id=99072),
    "Tal Afar": dict(name="Tal Afar", admin1="Nineveh", country="Iraq", iso3="IRQ", lat=36.374, lon=42.449,
                     geo_precision=1, geonames_id=98860),
    "Nineveh": dict(name="Nineveh", admin1="Nineveh", country="Iraq", iso3="IRQ", lat=36.0, lon=42.5,
                    geo_precision=3, geonames_id=98227),
    "Kabul": dict(name="Kabul", admin1="Kabul", country="Afghanistan", iso3="AFG", lat=34.528, lon=69.172,
                  geo_precision=1, geonames_id=1138958),
}  # fmt: skip


def article(
    aid: str,
    text: str,
    *,
    published: str = "2016-05-03",
    day: str | None = "2016-05-02",
    place: str | None = "Mosul",
    sub_event_type: str = "Suicide bomb",
    event_type: str = "Explosions/Remote violence",
    actor1: str | None = "Islamic State",
    victims: tuple[str, ...] = (),
    deaths: tuple[tuple[int, str | None], ...] = (),
    publisher: str | None = None,
) -> Article:
    """An article whose whole text is the evidence of its one event."""
    counts = []
    for n, source in deaths:
        words = f"{n} killed"
        start = text.find(words)
        counts.append(Count(kind="fatalities", low=n, high=n, source=source, text=words,
                            start=max(start, 0), end=max(start, 0) + len(words)))  # fmt: skip
    mentions = [
        Mention(text=v, start=max(text.find(v), 0), end=max(text.find(v), 0) + len(v)) for v in victims
    ]
    event = Event(
        id=f"{aid}-1",
        event_type=event_type,  # type: ignore[arg-type]
        sub_event_type=sub_event_type,  # type: ignore[arg-type]
        date=DateInfo(start=day, end=day, precision=1 if day else None, text="on Monday" if day else None),
        location=Location(**PLACES[place], text=place) if place else Location(),
        actor1=Actor(name=actor1, type="Rebel group", text=actor1) if actor1 else None,
        victims=mentions,
        counts=counts,
        evidence=[Evidence(start=0, end=len(text), text=text)],
        confidence=0.7,
    )
    if counts:
        from strife.figures import reconcile

        event.fatalities = reconcile(counts)
    return Article(id=aid, text=text, published=published, publisher=publisher, events=[event])
