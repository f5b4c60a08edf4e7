"""Every CLI command end to end through typer's CliRunner.

Fast tests use a light pipeline (the real `clean` and `finalize` stages) or a database filled
with hand-built articles; tests marked slow run the whole pipeline on the seed and samples.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from conftest import REPO, SEED_ALBAB, seed_text
from strife import __version__, service
from strife.cli import app
from strife.formats import ACLED_COLUMNS
from strife.models import Actor, Article, Count, DateInfo, Event, Fatalities, Location
from strife.pipeline import Pipeline
from strife.schema import validate
from strife.storage import Store

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture
def light():
    service.set_pipeline(Pipeline(stages=["clean", "finalize"]))
    yield
    service.set_pipeline(None)


@pytest.fixture
def texts(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Gunmen attacked a checkpoint in Homs on Monday, killing three soldiers.\n")
    (folder / "b.txt").write_text("Rebels shelled a village near Hama, a monitor said.\n")
    (folder / "empty.txt").write_text("")
    return folder


def event(n: int, **over) -> Event:
    fields = {
        "id": f"e{n}", "event_type": "Battles", "sub_event_type": "Armed clash",
        "date": DateInfo(start="2016-05-09", precision=1),
        "location": Location(name="Aleppo", country="Syria", iso3="SYR", lat=36.2, lon=37.15, geo_precision=1),
        "actor1": Actor(name="Islamic State", type="Rebel group"),
        "actor2": Actor(name="Syrian Democratic Forces", type="Rebel group"),
        "counts": [
            Count(kind="fatalities", low=10, high=None, qualifier="at_least", source="Syrian Observatory for Human Rights", text="at least 10 fighters", start=0, end=20),
            Count(kind="fatalities", low=30, high=30, source="Amaq", text="30 fighters", start=21, end=32),
        ],
        "fatalities": Fatalities(low=10, best=10, high=30),
    }  # fmt: skip
    fields.update(over)
    return Event(**fields)


@pytest.fixture
def db(tmp_path):
    url = f"sqlite:///{tmp_path / 'filled.db'}"
    kenya = Location(name="Nairobi", country="Kenya", iso3="KEN", lat=-1.28, lon=36.82, geo_precision=1)
    with Store(url) as store:
        store.ingest(Article(id="a1", text="x" * 40, publisher="SANA", events=[event(1)]))
        store.ingest(
            Article(
                id="a2", text="y" * 40, events=[event(1, location=kenya, date=DateInfo(start="2013-09-21"))]
            )
        )
    return url


# -- extract ---------------------------------------------------------------------------------------
def test_version():
    result = run("--version")
    assert result.exit_code == 0 and result.stdout.strip() == f"strife {__version__}"


def test_extract_json_one_object(light, texts):
    result = run("extract", str(texts / "a.txt"), "--published", "2016-05-09")
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["article"]["published"] == "2016-05-09"
    validate(record)


def test_extract_jsonl_and_bad_inputs_one_line_each(light, texts):
    result = run("extract", str(texts), str(texts / "missing.txt"), "--format", "jsonl")
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 2
    errors = result.stderr.strip().splitlines()
    assert (
        len(errors) == 2 and any("empty.txt" in e for e in errors) and any("missing.txt" in e for e in errors)
    )
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("fmt", ["table", "csv", "geojson"])
def test_extract_other_formats(light, texts, fmt):
    result = run("extract", str(texts / "a.txt"), "-f", fmt)
    assert result.exit_code == 0, result.stderr
    if fmt == "geojson":
        assert json.loads(result.stdout)["type"] == "FeatureCollection"
    if fmt == "csv":
        assert result.stdout.startswith("event_id,article_id,")


def test_extract_nothing_processed_exits_1(light, texts):
    result = run("extract", str(texts / "empty.txt"), str(texts / "nope.txt"))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "no article could be processed" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("extract", "x.txt", "--format", "xml"),
        ("extract", "x.txt", "--published", "10/03/2015"),
        ("extract",),
        ("events", "--near", "36,37"),
        ("events", "--since", "yesterday"),
        ("export", "--format", "kml"),
        ("frobnicate",),
    ],
)
def test_usage_errors_exit_2(args):
    assert run(*args).exit_code == 2


# -- ingest ----------------------------------------------------------------------------------------
def test_ingest_twice_stores_once(light, texts, tmp_path):
    url = f"sqlite:///{tmp_path / 'x.db'}"
    first = run("ingest", str(texts), "--db", url)
    assert first.exit_code == 0
    assert "2 article(s) stored" in first.stderr and "1 failed" in first.stderr
    assert sum("empty.txt" in line for line in first.stderr.splitlines()) == 1
    second = run("ingest", str(texts), "--db", url)
    assert "0 article(s) stored" in second.stderr and "2 unchanged" in second.stderr
    with Store(url) as store:
        assert len(store.articles()) == 2
        assert len(store.failures()) == 2


def test_ingest_nothing_processed_exits_1(light, texts, tmp_path):
    result = run("ingest", str(texts / "empty.txt"), "--db", f"sqlite:///{tmp_path / 'x.db'}")
    assert result.exit_code == 1


def test_ingest_bad_database_one_line(light, texts, tmp_path):
    result = run("ingest", str(texts), "--db", "postgresql://nowhere/x")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "PostgreSQL" in result.stderr


# -- events, export, claims ------------------------------------------------------------------------
def ids_of(result):
    return [e["id"] for e in json.loads(result.stdout)]


def test_events_filters(db):
    assert ids_of(run("events", "--db", db, "-f", "json")) == ["a2-e1", "a1-e1"]
    assert ids_of(run("events", "--db", db, "--country", "kenya", "-f", "json")) == ["a2-e1"]
    assert ids_of(run("events", "--db", db, "--since", "2014-01-01", "-f", "json")) == ["a1-e1"]
    assert ids_of(run("events", "--db", db, "--until", "2014-01-01", "-f", "json")) == ["a2-e1"]
    assert ids_of(run("events", "--db", db, "--near", "36.2,37.15,10", "-f", "json")) == ["a1-e1"]
    assert ids_of(run("events", "--db", db, "--type", "armed clash", "--limit", "1", "-f", "json")) == [
        "a2-e1"
    ]
    assert ids_of(run("events", "--db", db, "--type", "Protests", "-f", "json")) == []


def test_events_table_and_jsonl(db):
    table = run("events", "--db", db)
    assert table.exit_code == 0 and "Aleppo, Syria" in table.stdout and "Nairobi, Kenya" in table.stdout
    lines = run("events", "--db", db, "-f", "jsonl").stdout.splitlines()
    assert [json.loads(line)["sources"] for line in lines] == [1, 1]
    # the table reads summaries, JSON lines the stored text: both show what the full records hold
    full = json.loads(run("events", "--db", db, "-f", "json").stdout)
    assert [json.loads(line) for line in lines] == full
    assert table.stdout == run_table_of(full)


def run_table_of(events):
    from strife.formats import write_events

    out = io.StringIO()
    write_events(events, "table", out)
    return out.getvalue()


def test_export_acled_csv_header(db):
    result = run("export", "--db", db, "--format", "acled-csv")
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == ACLED_COLUMNS
    assert len(rows) == 3


def test_export_files(db, tmp_path):
    parquet = tmp_path / "e.parquet"
    result = run("export", "--db", db, "--format", "parquet", "--out", str(parquet))
    assert result.exit_code == 0 and "2 event(s) written" in result.stderr
    assert pq.read_table(parquet).column("event_id").to_pylist() == ["a2-e1", "a1-e1"]
    geo = tmp_path / "e.geojson"
    run("export", "--db", db, "--format", "geojson", "-o", str(geo))
    assert len(json.loads(geo.read_text())["features"]) == 2
    lines = run("export", "--db", db, "--format", "jsonl").stdout.splitlines()
    assert len(lines) == 2


def test_claims_side_by_side(db):
    result = run("claims", "a1-e1", "--db", db)
    assert result.exit_code == 0
    out = result.stdout
    assert "Syrian Observatory" in out and "Amaq" in out and "at least 10 fighters" in out
    rows = json.loads(run("claims", "--db", db, "-f", "json").stdout)
    assert len(rows) == 4
    missing = run("claims", "zz", "--db", db)
    assert missing.exit_code == 1 and "no event" in missing.stderr


def test_schema_command():
    result = run("schema")
    assert json.loads(result.stdout)["$id"] == "strife.article/1"


# -- the whole pipeline ----------------------------------------------------------------------------
@pytest.fixture
def full(pipeline):
    service.set_pipeline(pipeline)
    yield pipeline
    service.set_pipeline(None)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["json", "jsonl", "table", "csv", "geojson"])
def test_extract_seed_every_format(full, fmt):
    seed_text(SEED_ALBAB)
    result = run("extract", str(SEED_ALBAB), "-f", fmt)
    assert result.exit_code == 0, result.stderr
    if fmt == "json":
        record = json.loads(result.stdout)
        validate(record)
        assert record["article"]["published"] == "2015-03-10"


@pytest.mark.slow
def test_extract_samples_validate(full):
    samples = REPO / "samples"
    paths = [
        str(samples / "reports"),
        str(samples / "fakes.jsonl"),
        str(samples / "muc4" / "TST1-MUC3-0001.txt"),
    ]
    result = run("extract", *paths, "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 17  # 3 texts, 1 page, 2 feed items, 10 JSON lines, 1 MUC-4 document
    for record in records:
        validate(record)


@pytest.mark.slow
def test_ingest_samples_twice(full, tmp_path):
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    reports = str(REPO / "samples" / "reports")
    assert run("ingest", reports, "--db", url).exit_code == 0
    with Store(url) as store:
        before = [e["id"] for e in store.events()]
    assert "0 article(s) stored" in run("ingest", reports, "--db", url).stderr
    with Store(url) as store:
        assert [e["id"] for e in store.events()] == before


def test_the_cli_module_imports_neither_spacy_nor_torch():
    # Every `strife` command imports the CLI, the query and ingest-writer ones included: the
    # evaluation commands import their spaCy-bound modules only when they run. A fresh
    # interpreter, since this test process has imported everything already.
    code = "import sys, strife.cli; print(sorted(m for m in ('spacy', 'torch') if m in sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip() == "[]"
