"""`strife eval fakes`: where strife places the news of real Syrian-war reports (FA-KES).

FA-KES (Abu Salem et al., ICWSM 2019) labels each article with the governorate where the event
it reports happened. Each article goes through the whole pipeline with its own date as the
publication date; its main event is the most confident event that is not background and has a
place (as `case2021.snippet_event` picks a snippet's event), and the article counts as placed
right when that event's admin-1 unit is the labelled governorate. The label is read through the
gazetteer (the admin-1 unit the name resolves to in Syria: "deir ezzor" is Deir ez-Zor, "hasakeh"
Al-Hasakah), never by a table of this data set's spellings.

A label set may be coarser than the governorates: FA-KES's has 11 values and none for Rif
Dimashq (or Tartus, As-Suwayda), and its "damascus" articles report Eastern Ghouta, Douma,
Madaya, Qalamoun and "Sayyeda Zeinab in Rural Damascus" as often as the city. So when no label
of the set names Rif Dimashq, "damascus" covers the city and its countryside (`covers`); a set
that has a Rif Dimashq label keeps the two apart.

Also reported: how many articles yield any event, how many a placed one, and events per
article, for a view of what strife finds in real reports that no gold event list covers.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from strife.errors import InputError
from strife.eval.runner import json_lines, run_articles
from strife.models import Article, Event


@dataclass
class FakesArticle:
    id: str
    title: str
    text: str
    published: str | None  # YYYY-MM-DD
    governorate: str


def load(path: Path, limit: int | None = None) -> list[FakesArticle]:
    """The labelled articles of a FA-KES JSONL file (`id`, `title`, `text`, `date`, `governorate`)."""
    out = []
    for where, row in json_lines(path, "FA-KES record"):
        try:
            published = date.fromisoformat(row["date"]).isoformat() if row.get("date") else None
            out.append(
                FakesArticle(row["id"], row.get("title") or "", row["text"], published, row["governorate"])
            )
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise InputError(where, f"not a FA-KES record ({type(exc).__name__}: {exc})") from exc
    return out[:limit] if limit is not None else out


def main_event(events: list[Event]) -> Event | None:
    """The most confident event that is not background and has an admin-1 place."""
    placed = [e for e in events if not e.background and e.location is not None and e.location.admin1]
    return max(placed, key=lambda e: e.confidence, default=None)


def governorate(gazetteer: Any, label: str) -> str | None:
    """The admin-1 unit of Syria a label names, as the gazetteer writes it (None if unknown)."""
    for place in gazetteer.lookup(label):
        if place.iso3 == "SYR" and place.kind == "admin1":
            return str(place.admin1 or place.name)
    return None


#: Governorates that a coarser label set folds into another: (unit, the label's unit).
FOLDED = (("Rif Dimashq", "Damascus"),)


def covers(labels: set[str]) -> dict[str, set[str]]:
    """The admin-1 units each labelled governorate stands for, given the set's own labels: a
    unit folded into another (Rif Dimashq into Damascus) when no label of the set names it."""
    out = {g: {g} for g in labels}
    for unit, into in FOLDED:
        if unit not in labels and into in out:
            out[into].add(unit)
    return out


@dataclass
class Report:
    articles: int = 0
    failed: int = 0
    with_events: int = 0
    placed: int = 0
    right: int = 0
    events: int = 0
    background: int = 0
    unknown_labels: Counter[str] = field(default_factory=Counter)
    misses: Counter[tuple[str, str]] = field(default_factory=Counter)

    def rows(self) -> list[list[str]]:
        n = max(1, self.articles)
        return [
            ["articles", str(self.articles), ""],
            ["with an event", str(self.with_events), f"{100 * self.with_events / n:.1f} %"],
            [
                "main event placed in Syria's admin-1 units",
                str(self.placed),
                f"{100 * self.placed / n:.1f} %",
            ],
            ["main event in the labelled governorate", str(self.right), f"{100 * self.right / n:.1f} %"],
            ["  of the placed", str(self.right), f"{100 * self.right / max(1, self.placed):.1f} %"],
            ["events per article (background)", f"{self.events / n:.2f}", f"({self.background / n:.2f})"],
        ]


def evaluate(pipeline: Any, items: list[FakesArticle]) -> Report:
    """Run the pipeline over the articles and compare each main event's governorate."""
    gazetteer = pipeline.resources.gazetteer
    articles = [
        Article(
            id=i.id,
            raw=i.text,
            title=i.title or None,
            source=i.id,
            published=i.published,
            published_from="supplied" if i.published else None,
        )
        for i in items
    ]
    report = Report()
    golds = {i.governorate: governorate(gazetteer, i.governorate) for i in items}
    units = covers({g for g in golds.values() if g})
    for item, (article, error) in zip(items, run_articles(pipeline, articles, "FA-KES"), strict=True):
        report.articles += 1
        if error:
            report.failed += 1
            continue
        report.events += len(article.events)
        report.background += sum(e.background for e in article.events)
        report.with_events += bool(article.events)
        gold = golds[item.governorate]
        if gold is None:
            report.unknown_labels[item.governorate] += 1
            continue
        event = main_event(article.events)
        if event is None or event.location is None:
            continue
        report.placed += event.location.iso3 == "SYR"
        if event.location.iso3 == "SYR" and event.location.admin1 in units[gold]:
            report.right += 1
        else:
            report.misses[(gold, f"{event.location.admin1} ({event.location.iso3})")] += 1
    return report
