"""The load test on a small scale: generated events are stored, every kind of query it sends is
answered, and a short run against `strife serve --workers 2` reports its figures and writes
them into its own section of a benchmarks file."""

from __future__ import annotations

import shutil

import pytest

from strife.api import loadtest
from strife.api.loaddata import KINDS, generate, query_paths
from strife.storage import Store
from strife.storage.search import EventFilter


def test_generated_events_are_stored_and_every_load_query_is_answered(tmp_path, make_client):
    url = f"sqlite:///{tmp_path / 'load.db'}"
    generate(url, 200, per_article=10)
    with Store(url) as store:
        total, _ = store.search_events(EventFilter(), limit=0)
    assert total == 200
    client = make_client(url, rate_limit_per_minute=0)
    paths = query_paths(70)
    assert len(set(paths)) == 70
    assert any("q=" in p for p in paths) and any("near=" in p for p in paths) and len(KINDS) == 7
    answered = 0
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, (path, response.text)
        answered += response.json()["total"] > 0
    assert answered >= 3  # the queries hit the generated events, not only empty pages


def test_the_docs_section_is_replaced_not_repeated(tmp_path):
    docs = tmp_path / "benchmarks.md"
    docs.write_text("# Benchmarks\n\nbefore\n", encoding="utf-8")
    loadtest.write_docs(docs, f"{loadtest.MARK}\nfirst\n{loadtest.END}")
    loadtest.write_docs(docs, f"{loadtest.MARK}\nsecond\n{loadtest.END}")
    text = docs.read_text(encoding="utf-8")
    assert text.startswith("# Benchmarks\n\nbefore\n") and "second" in text and "first" not in text
    assert text.count(loadtest.MARK) == 1


@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed")
def test_a_short_run_reports_and_writes_its_figures(tmp_path, capsys):
    db, docs = tmp_path / "load.db", tmp_path / "benchmarks.md"
    argv = ["--events", "300", "--clients", "4", "--seconds", "1", "--warmup", "1", "--workers", "2",
            "--distinct", "50", "--db", str(db), "--write-docs", str(docs)]  # fmt: skip
    assert loadtest.main(argv) == 0
    out = capsys.readouterr().out
    assert "300 events" in out and "errors 0" in out and "p95" in out and "load average" in out
    section = docs.read_text(encoding="utf-8")
    assert "python -m strife.api.loadtest --events 300" in section and "| 0 |" in section
