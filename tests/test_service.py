"""The service layer with a light pipeline: the real `clean` and `finalize` stages around a small
stage that reads one event per "killed" sentence (so no model is loaded)."""

from __future__ import annotations

import csv
import io
import json

import pytest

import stores
from strife import service
from strife.errors import StorageError
from strife.models import Article, Count, DateInfo, Event, Evidence, Location
from strife.pipeline import Pipeline
from strife.storage import Store


def killed_events(article: Article) -> Article:
    """One Armed clash per sentence with 'killed' in it, placed in Aleppo, with a claim."""
    start = 0
    for sentence in article.text.split("."):
        at = sentence.find("killed")
        if at >= 0:
            begin = start + at
            article.events.append(
                Event(
                    id="x", event_type="Battles", sub_event_type="Armed clash",
                    date=DateInfo(start=article.published, precision=1),
                    location=Location(name="Aleppo", country="Syria", iso3="SYR", lat=36.2, lon=37.15),
                    counts=[Count(kind="fatalities", low=1, high=1, text="killed", start=begin, end=begin + 6)],
                    evidence=[Evidence(start=start, end=start + len(sentence), text="")],
                )
            )  # fmt: skip
        start += len(sentence) + 1
    return article


def failing(article: Article) -> Article:
    if "explode" in article.text:
        raise RuntimeError("boom")
    return article


# The shared store fixtures (tests/stores.py): the tests that take `store_url` run on SQLite and
# on PostgreSQL.
backend, pg_server, store_url = stores.backend, stores.pg_server, stores.store_url


@pytest.fixture(autouse=True)
def light_pipeline():
    pipe = Pipeline(stages=["clean", "finalize"])
    pipe.stages[1:1] = [("killed", killed_events), ("boom", failing)]
    service.set_pipeline(pipe)
    yield pipe
    service.set_pipeline(None)


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one.txt").write_text("Two soldiers were killed in Aleppo on Monday. Nothing else.\n")
    (folder / "two.txt").write_text("Clashes went on. A fighter was killed near the citadel.\n")
    (folder / "empty.txt").write_text("")
    (folder / "bad.txt").write_text("This article will explode in the pipeline.\n")
    return folder


def test_extract_text_runs_the_pipeline():
    article = service.extract_text("Gunmen killed a guard at the gate.", published="2016-05-09", source="s")
    assert article.published == "2016-05-09" and article.published_from == "supplied"
    assert [e.id for e in article.events] == [f"{article.id}-1"]


def test_extract_paths_yields_articles_and_errors(inputs):
    outcomes = list(service.extract_paths([str(inputs / n) for n in ("one.txt", "empty.txt", "missing.txt")]))
    assert [o.ok for o in outcomes] == [True, False, False]
    assert "empty" in str(outcomes[1].error)


def test_ingest_paths_counts_and_records_failures(inputs, store_url):
    url = store_url
    report = service.ingest_paths([str(inputs)], url, published="2016-05-09")
    assert (report.stored, report.unchanged, report.failed, report.events) == (2, 0, 2, 2)
    assert len(report.errors) == 2
    again = service.ingest_paths([str(inputs)], url, published="2016-05-09")
    assert (again.stored, again.unchanged, again.failed) == (0, 2, 2)
    with Store(url) as store:
        assert len(store.events()) == 2
        stages = sorted(f["stage"] for f in store.failures())
        assert stages == ["boom", "boom", "input", "input"]


def test_a_run_that_stored_leaves_the_store_settled(inputs, store_url, backend):
    """`strife ingest` ends a run that wrote with `Store.optimize`: planner statistics on both
    backends, and on PostgreSQL a vacuum, so the first queries do not race the autovacuum."""
    service.ingest_paths([str(inputs / "one.txt")], store_url, published="2016-05-09")
    with Store(store_url) as store:
        if backend == "sqlite":
            assert store.conn.execute("SELECT COUNT(*) FROM sqlite_stat1").fetchone()[0] > 0
        else:
            row = store.conn.execute(
                "SELECT last_vacuum, last_analyze FROM pg_stat_user_tables "
                "WHERE relname = 'events' AND schemaname = current_schema()"
            ).fetchone()
            assert row["last_vacuum"] is not None and row["last_analyze"] is not None


def test_a_failed_optimisation_is_told_and_loses_nothing(inputs, store_url, monkeypatch):
    with Store(store_url) as store:
        refused = StorageError(f"{store.url}: cannot vacuum and analyse the tables: permission denied")
        monkeypatch.setattr(store, "optimize", lambda: (_ for _ in ()).throw(refused))
        report = service.ingest_paths([str(inputs / "one.txt")], store, published="2016-05-09")
        assert (report.stored, report.failed) == (1, 0)
        assert report.errors == [f"{store.url}: cannot vacuum and analyse the tables: permission denied "
                                 "(every article of the run is stored)"]  # fmt: skip
        assert len(store.events()) == 1


def test_query_export_and_claims(inputs, tmp_path, store_url):
    url = store_url
    service.ingest_paths([str(inputs / "one.txt"), str(inputs / "two.txt")], url, published="2016-05-09")
    events = service.query_events(url, country="SYR", near=(36.2, 37.15, 1))
    assert len(events) == 2
    out = io.StringIO()
    assert service.export(url, "acled-csv", out) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert {r["event_date"] for r in rows} == {"2016-05-09"}
    path = tmp_path / "events.geojson"
    service.export(url, "geojson", path)
    assert len(json.loads(path.read_text())["features"]) == 2
    claims = service.claims(url, events[0]["id"])
    assert [c["text"] for c in claims] == ["killed"]
    with pytest.raises(StorageError, match="no event"):
        service.claims(url, "nope")


def test_an_open_store_is_not_closed(inputs, store_url):
    with Store(store_url) as store:
        service.ingest_paths([str(inputs / "one.txt")], store)
        assert len(service.query_events(store)) == 1
        assert store.articles()  # still open


def test_pipeline_is_built_once():
    service.set_pipeline(None)
    try:
        first = service.pipeline()
        assert service.pipeline() is first
    finally:
        service.set_pipeline(None)
