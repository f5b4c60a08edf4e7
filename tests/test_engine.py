"""The engines: one pipeline function run here, in a process pool and on Dask, outcomes in order;
an ingest killed midway and run again loses nothing and duplicates nothing."""

from __future__ import annotations

import json
import os
import pickle
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from strife import engine
from strife.errors import ConfigError, InputError, ResourceError, StageError
from strife.models import Article

LIGHT = ["clean", "finalize"]  # no language model: the engines' own behaviour, in seconds
TEXTS = [
    "BAGHDAD, March 3, 2015 -- A suicide bomber killed 12 people at a market in Baghdad on Tuesday, police said.",
    "Gunmen kidnapped two aid workers near Kandahar on Monday, officials said.",
    "Protesters marched in Khartoum on Friday demanding the release of detainees.",
]


def items() -> list:
    out: list = [Article(id=f"a{i}", source=f"s{i}", raw=t) for i, t in enumerate(TEXTS)]
    out.insert(1, InputError("broken.html", "not readable"))
    out.append(Article(id="empty", source="empty.txt", raw=""))  # fails in the clean stage
    return out


def summary(outcomes) -> list[tuple]:
    return [
        (o.source, o.article.to_json() if o.ok else f"{type(o.error).__name__}: {o.error}") for o in outcomes
    ]


def test_bad_engine_settings_are_refused():
    with pytest.raises(ConfigError, match="unknown engine"):
        list(engine.run([], "spark"))
    with pytest.raises(ConfigError, match="at least 1"):
        list(engine.run([], "process", workers=0))
    with pytest.raises(ConfigError, match="scheduler"):
        list(engine.run([], "process", scheduler="tcp://x:8786"))


def test_errors_cross_processes_with_their_type_and_message():
    cause = KeyError("x")
    for error in (
        StageError("place", "doc.txt", cause),
        InputError("a.txt", "empty"),
        ResourceError("no model"),
    ):
        outcome = engine.Outcome(source="src", error=error)
        back = engine._restore(pickle.loads(pickle.dumps(engine._portable(outcome))))
        assert type(back.error) is type(error) and str(back.error) == str(error)


def test_a_batch_can_carry_its_events_vectors_for_the_writer(monkeypatch):
    from strife.merge import LexicalEmbedder
    from strife.merge import similarity as sim
    from strife.models import Event, Evidence

    monkeypatch.setenv("STRIFE_MERGE_EMBEDDER", "lexical")
    monkeypatch.setattr(sim, "_cache", {})
    text = TEXTS[0]
    event = Event(
        id="a-1", event_type="Explosions/Remote violence", sub_event_type="Suicide bomb",
        evidence=[Evidence(start=0, end=len(text), text=text)],
    )  # fmt: skip
    outcomes = [engine.Outcome("s", article=Article(id="a", text=text, events=[event])), engine.Outcome("x")]
    engine._add_vectors(outcomes)
    back = [engine._restore(pickle.loads(pickle.dumps(engine._portable(o)))) for o in outcomes]
    assert back[0].vectors.vectors == {"a-1": LexicalEmbedder().embed([text])[0]}
    assert back[0].vectors.model == LexicalEmbedder.name and back[1].vectors is None
    pooled = list(engine.run(items()[:1], "process", workers=1, stages=LIGHT, vectors=True))
    assert pooled[0].ok and pooled[0].vectors.vectors == {}  # no events in LIGHT: none to embed
    assert next(engine.run(items()[:1], "local", stages=LIGHT, vectors=True)).vectors is None


def test_local_and_process_pool_give_the_same_outcomes_in_input_order():
    local = summary(engine.run(items(), "local", stages=LIGHT))
    assert [s for s, _ in local] == ["s0", "broken.html", "s1", "s2", "empty.txt"]
    assert local[1][1] == "InputError: broken.html: not readable"
    assert local[4][1].startswith("InputError: empty.txt")
    pooled = summary(engine.run(items(), "process", workers=2, stages=LIGHT))
    assert pooled == local


@pytest.mark.slow
def test_dask_runs_the_full_pipeline_like_this_process(pipeline):
    pytest.importorskip("distributed")
    here = summary(pipeline.run(items()))
    on_dask = summary(engine.run(items(), "dask", workers=2))
    assert on_dask == here
    assert any('"Suicide bomb"' in record for _, record in here)


@pytest.mark.slow
def test_the_workers_strife_starts_run_without_dasks_profiler():
    pytest.importorskip("distributed")
    import dask

    client = engine.dask_client(None, 1)
    try:
        seen = client.run(lambda: dask.config.get("distributed.worker.profile.enabled"))
        assert list(seen.values()) == [False]
        # the slower periodic checks reach the workers and the scheduler (made in this process)
        read = lambda: {key: dask.config.get(key) for key in engine.WORKER_CONFIG}  # noqa: E731
        assert list(client.run(read).values()) == [engine.WORKER_CONFIG]
        ticks = client.run(lambda dask_worker: dask_worker._tick_interval)
        assert list(ticks.values()) == [0.5]
        assert client.run_on_scheduler(lambda dask_scheduler: dask_scheduler._tick_interval) == 0.5
    finally:
        client.close()
        client._strife_cluster.close()
    assert dask.config.get("distributed.worker.profile.enabled") is True  # this process untouched


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        try:
            return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        except sqlite3.OperationalError:
            return 0


def _children(pid: int) -> list[int]:
    found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [int(c) for c in found]


def _alive(pid: int) -> bool:
    """Whether the process runs (a zombie waiting for its reaper does not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except (OSError, IndexError):
        return False


@pytest.mark.slow
def test_an_ingest_killed_midway_and_run_again_loses_and_duplicates_nothing(tmp_path):
    feed = tmp_path / "feed.jsonl"
    n = 400
    lines = [{"id": f"doc{i}", "text": f"Report {i}: " + TEXTS[i % 3] * 20} for i in range(n)]
    feed.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    db = tmp_path / "strife.db"
    env = {**os.environ, "STRIFE_PIPELINE__STAGES": json.dumps(LIGHT), "STRIFE_MERGE_EMBEDDER": "lexical"}
    command = [sys.executable, "-m", "strife.cli", "ingest", str(feed), "--db", f"sqlite:///{db}"]
    run = subprocess.Popen(
        [*command, "--engine", "process", "--workers", "2"], env=env, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    while _count(db, "articles") < 20 and time.monotonic() < deadline and run.poll() is None:
        time.sleep(0.05)
    workers = _children(run.pid)
    run.send_signal(signal.SIGKILL)
    run.wait()
    stored = _count(db, "articles")
    assert 0 < stored < n, "the run should have been killed midway"
    deadline = time.monotonic() + 30  # the pool's workers end with the run, not parse on for nobody
    while (
        any(Path(f"/proc/{pid}").exists() and _alive(pid) for pid in workers) and time.monotonic() < deadline
    ):
        time.sleep(0.1)
    assert workers and not any(_alive(pid) for pid in workers)
    again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    assert f"{n - stored} article(s) stored" in again.stderr and f"{stored} unchanged" in again.stderr
    assert _count(db, "articles") == n
    with sqlite3.connect(db) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM articles")]
    assert sorted(ids) == sorted(f"doc{i}" for i in range(n))


@pytest.mark.slow
def test_a_dask_worker_killed_mid_run_is_retried_and_nothing_is_lost_or_repeated():
    pytest.importorskip("distributed")
    from distributed import Client

    n = 240
    articles = [Article(id=f"d{i}", source=f"s{i}", raw=f"Report {i}. " + TEXTS[i % 3]) for i in range(n)]
    cluster = engine.local_cluster(2)
    client = Client(cluster)
    try:
        pids = list(client.run(os.getpid).values())
        outcomes = engine.run(articles, "dask", scheduler=cluster.scheduler_address, stages=LIGHT)
        got = [next(outcomes) for _ in range(10)]
        os.kill(pids[0], signal.SIGKILL)  # its nanny starts another; Dask runs its tasks again
        got += list(outcomes)
    finally:
        client.close()
        cluster.close()
    assert [o.source for o in got] == [f"s{i}" for i in range(n)]  # every article once, in order
    assert all(o.ok for o in got), [str(o.error) for o in got if not o.ok][:3]
