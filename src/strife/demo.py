"""The demo: `python -m strife.demo` (or `make demo`).

Ingests the demo corpus `samples/` into a fresh `demo-out/strife.db`, prints the events table,
writes `demo-out/events.geojson` and `demo-out/events-acled.csv`, and says where they are.
"""

from __future__ import annotations

import sys
from pathlib import Path

from strife import service
from strife.errors import StrifeError
from strife.formats import write_events

REPO = Path(__file__).resolve().parents[2]


def samples_folder() -> Path:
    """`samples/` of the source checkout, else of the current folder."""
    for candidate in (REPO / "samples", Path.cwd() / "samples"):
        if candidate.is_dir():
            return candidate
    raise StrifeError("no samples/ folder found: run the demo from the strife repository")


def sample_inputs(folder: Path) -> list[str]:
    """Every input file of the demo corpus (its README is documentation, not news)."""
    return [str(p) for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.startswith("README")]


def run(out_dir: Path = Path("demo-out")) -> int:
    samples = samples_folder()
    out_dir.mkdir(parents=True, exist_ok=True)
    db_path = out_dir / "strife.db"
    for stale in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
        stale.unlink(missing_ok=True)  # fresh each run
    url = f"sqlite:///{db_path}"
    print(f"Ingesting {samples} into {db_path} (the first run loads the language model and gazetteer)...")
    report = service.ingest_paths(sample_inputs(samples), url, progress=sys.stderr.isatty())
    for error in report.errors:
        print(f"  skipped: {error}", file=sys.stderr)
    print(f"{report.stored} articles stored, {report.events} events found, {report.failed} inputs failed.\n")
    events = service.query_events(url)
    write_events(events, "table", sys.stdout)
    geojson_path = out_dir / "events.geojson"
    service.export(url, "geojson", geojson_path)
    located = sum(1 for e in events if e["location"].get("lat") is not None)
    acled_path = out_dir / "events-acled.csv"
    service.export(url, "acled-csv", acled_path)
    print(f"\nDatabase:       {db_path.resolve()}")
    print(f"Map (GeoJSON):  {geojson_path.resolve()}  ({located} events; open it in geojson.io or QGIS)")
    print(f"ACLED-style CSV: {acled_path.resolve()}")
    print(f"Try: .venv/bin/strife events --db {url} --format table")
    print(f"     .venv/bin/strife claims --db {url}")
    return 0 if report.processed else 1


def main() -> None:
    try:
        sys.exit(run())
    except StrifeError as exc:
        print(f"strife demo: error: {exc}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
