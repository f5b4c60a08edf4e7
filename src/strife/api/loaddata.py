"""What the load test of the REST API stores and asks: synthetic events spread over eight
countries and ten years, and varied filtered `/api/events` queries as a map page sends them.
Used by `strife.api.loadtest` and its tests."""

from __future__ import annotations

import random
import time
from datetime import date, timedelta
from urllib.parse import urlencode

from strife.models import (
    SUB_EVENT_TYPES,
    Actor,
    Article,
    Count,
    DateInfo,
    Event,
    Evidence,
    Fatalities,
    Location,
)
from strife.storage import Store

COUNTRIES = {  # (iso3, name, admin1 list, lat range, lon range)
    "SYR": ("Syria", ["Aleppo", "Idlib", "Homs", "Deir ez-Zor", "Raqqa"], (32.5, 37.0), (35.8, 42.0)),
    "IRQ": ("Iraq", ["Nineveh", "Anbar", "Baghdad", "Basra", "Kirkuk"], (29.5, 37.0), (39.0, 48.0)),
    "YEM": ("Yemen", ["Sanaa", "Aden", "Taizz", "Marib", "Hodeidah"], (12.8, 18.0), (42.7, 52.0)),
    "NGA": ("Nigeria", ["Borno", "Yobe", "Kaduna", "Zamfara", "Lagos"], (4.5, 13.5), (3.0, 14.5)),
    "AFG": (
        "Afghanistan",
        ["Kabul", "Helmand", "Kandahar", "Nangarhar", "Kunduz"],
        (29.5, 38.0),
        (61.0, 71.0),
    ),
    "MLI": ("Mali", ["Mopti", "Gao", "Timbuktu", "Kidal", "Segou"], (12.0, 20.0), (-8.0, 2.0)),
    "SOM": ("Somalia", ["Banadir", "Lower Shabelle", "Bay", "Gedo", "Hiraan"], (-1.0, 10.0), (41.5, 49.0)),
    "COL": (
        "Colombia",
        ["Cauca", "Antioquia", "Narino", "Norte de Santander", "Arauca"],
        (1.0, 8.0),
        (-78.0, -71.0),
    ),
}
ACTORS = [
    ("Islamic State", "Rebel group"), ("Syrian Democratic Forces", "Rebel group"),
    ("Military Forces of Syria", "State forces"), ("Boko Haram", "Rebel group"),
    ("Taliban", "Rebel group"), ("Al Shabaab", "Rebel group"), ("Houthis", "Rebel group"),
    ("Civilians", "Civilians"), ("Police Forces", "State forces"), ("Protesters", "Protesters"),
]  # fmt: skip
TAG_CHOICES = ["air_strike", "shelling", "ied", "suicide_attack", "kidnapping", "raid", "ambush", "execution"]
FIRST_DAY, DAYS = date(2015, 1, 1), 3650
TEXT = "Fighters attacked the town at dawn. Five people were killed, the monitor said."


def synthetic_article(n: int, per_article: int, rng: random.Random) -> Article:
    """Article n with `per_article` synthetic events in one country, over a few days."""
    iso3 = rng.choice(list(COUNTRIES))
    country, regions, lats, lons = COUNTRIES[iso3]
    published = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    events = []
    for k in range(per_article):
        event_type = rng.choice(list(SUB_EVENT_TYPES))
        day = (published - timedelta(days=rng.randrange(4))).isoformat()
        deaths = min(int(rng.expovariate(0.25)), 500) if event_type != "Protests" else 0
        a1, a2 = rng.sample(ACTORS, 2)
        events.append(
            Event(
                id=f"s{n}-{k}", event_type=event_type, sub_event_type=rng.choice(SUB_EVENT_TYPES[event_type]),
                tags=rng.sample(TAG_CHOICES, rng.randrange(3)),
                date=DateInfo(start=day, end=day, precision=1, text="on Monday"),
                location=Location(
                    name=f"Place {rng.randrange(400)}", admin1=rng.choice(regions), country=country, iso3=iso3,
                    lat=round(rng.uniform(*lats), 4), lon=round(rng.uniform(*lons), 4), geo_precision=1,
                ),
                actor1=Actor(name=a1[0], type=a1[1]), actor2=Actor(name=a2[0], type=a2[1]),
                counts=[Count(kind="fatalities", low=deaths, high=deaths, source="the monitor",
                              text="Five people", start=36, end=47)],
                fatalities=Fatalities(low=deaths, best=deaths, high=deaths),
                evidence=[Evidence(start=36, end=len(TEXT), text=TEXT[36:])],
                confidence=0.7,
            )
        )  # fmt: skip
    return Article(
        id=f"syn{n:07d}", source=f"https://news.example.org/{n}", title=f"Synthetic report {n}",
        publisher=f"Outlet {n % 25}", published=published.isoformat(), published_from="metadata",
        text=TEXT, events=events,
    )  # fmt: skip


def generate(url: str, events: int, per_article: int = 10, seed: int = 7) -> float:
    """Store `events` synthetic events at `url`; returns the seconds it took."""
    rng = random.Random(seed)
    started = time.perf_counter()
    with Store(url) as store:
        for n in range(max(1, events // per_article)):
            store.ingest(synthetic_article(n, per_article, rng))
    return time.perf_counter() - started


#: The kinds of query sent, in equal shares: each has a date range (a period of the timeline)
#: and one or two more filters, as the map page's controls combine them.
KINDS = ("country", "country+type", "bbox", "country+min_fatalities", "near", "country+q", "deadliest")


def query_paths(count: int = 200, seed: int = 11) -> list[str]:
    """`count` varied filtered queries (`KINDS` in turn; country, place, period, type, words
    and page drawn at random), as a map page would send them."""
    rng = random.Random(seed)
    paths = []
    for n in range(count):
        iso3 = rng.choice(list(COUNTRIES))
        name, _, lats, lons = COUNTRIES[iso3]
        start = FIRST_DAY + timedelta(days=rng.randrange(DAYS - 400))
        params: dict[str, object] = {
            "since": start.isoformat(),
            "until": (start + timedelta(days=rng.choice([30, 90, 365]))).isoformat(),
        }
        lat, lon = rng.uniform(*lats), rng.uniform(*lons)
        kind = KINDS[n % len(KINDS)]
        if kind == "bbox":
            params["bbox"] = f"{lon - 1.5:.3f},{lat - 1:.3f},{lon + 1.5:.3f},{lat + 1:.3f}"
        elif kind == "near":
            params["near"] = f"{lat:.3f},{lon:.3f},{rng.choice([50, 100, 200])}"
        else:
            params["country"] = rng.choice([iso3, name])
        if kind == "country+type":
            params["type"] = rng.choice(list(SUB_EVENT_TYPES))
        elif kind == "country+min_fatalities":
            params["min_fatalities"] = rng.choice([1, 5, 10])
        elif kind == "country+q":
            params["q"] = rng.choice(ACTORS)[0].split()[-1]
        elif kind == "deadliest":
            params["order"] = "-fatalities"
        params |= {"limit": 50, "offset": rng.choice([0, 0, 50])}
        paths.append("/api/events?" + urlencode(params))
    return paths
