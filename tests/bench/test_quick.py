"""`python -m strife.bench --quick` end to end on a tiny corpus: SQLite only, no Dask."""

from __future__ import annotations

from pathlib import Path

import pytest

from strife.bench.corpus import shared_dir


@pytest.mark.slow
def test_quick_run_writes_its_sections(pipeline, tmp_path: Path) -> None:
    from strife import service
    from strife.bench.__main__ import main

    if not (shared_dir() / "data" / "muc4" / "keys" / "train_docs.json").is_file():
        pytest.skip("the MUC-4 train documents (../shared) are not available")
    out = tmp_path / "benchmarks.md"
    out.write_text("# Benchmarks\n\nhand-written text stays\n", encoding="utf-8")
    service.set_pipeline(pipeline)  # the session's pipeline: no second model load
    try:
        figures = main(["--quick", "--skip-dask", "--skip-postgres", "--out", str(out)])
    finally:
        service.set_pipeline(None)
    text = out.read_text(encoding="utf-8")
    assert "hand-written text stays" in text
    for name in ("single", "storage"):
        assert text.count(f"<!-- bench:{name} -->") == 1 and f"<!-- /bench:{name} -->" in text
    assert "bench:dask" not in text
    assert "Command: `python -m strife.bench --quick --skip-dask --skip-postgres --out" in text
    assert "| (a) spaCy `nlp.pipe` alone" in text and "| (b) `strife extract`" in text
    a, b, d = figures["a"], figures["b"], figures["d"]
    assert a["articles"] == b["articles"] == 8 and a["words"] == b["words"] > 0  # type: ignore[index]
    assert b["failed"] == 0 and b["events"] > 0  # type: ignore[index]
    assert d["sqlite"]["events"] == 1000 and "postgres" not in d  # type: ignore[index]
