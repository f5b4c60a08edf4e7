"""The `strife` command line: a thin layer over `strife.service` and `strife.formats`.

Errors are one line on stderr naming the input (never a traceback) and a batch goes on. Exit
status: 0 when something was processed, 1 when nothing could be (or the database failed),
2 on a usage error. A progress line is shown on stderr only when it is a terminal.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from strife import __version__
from strife.errors import StrifeError
from strife.formats import ARTICLE_FORMATS, FormatError

app = typer.Typer(
    name="strife",
    help="News reports of armed conflict and terrorism turned into sourced, geocoded event records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

DbOption = Annotated[
    str | None, typer.Option("--db", help="Database URL (default from settings: sqlite:///strife.db).")
]
QUERY_FORMATS = ("table", "json", "jsonl", "csv", "geojson")
EXPORT_FORMATS = ("acled-csv", "geojson", "jsonl", "parquet", "csv", "json")


def _say(message: str) -> None:
    typer.echo(message, err=True)


def _fail(message: str, code: int = 1) -> NoReturn:
    _say(f"strife: error: {message}")
    raise typer.Exit(code)


@contextmanager
def _errors() -> Iterator[None]:
    """Turn strife's own errors (and bad values) into one line on stderr and exit status 1."""
    try:
        yield
    except FormatError as exc:
        _fail(str(exc), 2)
    except (StrifeError, ValueError, OSError) as exc:
        _fail(str(exc))


def _choice(value: str, choices: tuple[str, ...], what: str = "format") -> str:
    if value not in choices:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(choices)}", param_hint=f"--{what}")
    return value


def _progress() -> bool:
    return sys.stderr.isatty()


def _date(value: str | None) -> str | None:
    """Validate a YYYY-MM-DD option (a usage error otherwise)."""
    if value is not None:
        try:
            date.fromisoformat(value)
        except ValueError:
            raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None
    return value


def _version(value: bool) -> None:
    if value:
        typer.echo(f"strife {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """strife: sourced, geocoded conflict events from news text."""


@app.command()
def extract(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders, .jsonl, RSS/Atom feeds, or - for stdin.")
    ],
    published: Annotated[
        str | None,
        typer.Option(callback=_date, help="Publication date YYYY-MM-DD for inputs that carry none."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="json, jsonl, table, csv or geojson.")] = "json",
) -> None:
    """Extract events from news articles and print them (nothing is stored)."""
    from strife import service
    from strife.formats import write_articles

    _choice(fmt, ARTICLE_FORMATS)
    articles, done = [], 0
    with _errors():
        for outcome in service.extract_paths(paths, published=published, progress=_progress()):
            if outcome.article is None:
                _say(f"strife: {outcome.error}")
                continue
            done += 1
            if fmt == "jsonl":  # stream: one line per article as soon as it is done
                write_articles([outcome.article], fmt, sys.stdout)
                sys.stdout.flush()
            else:
                articles.append(outcome.article)
        if not done:
            _fail("no article could be processed")
        if articles:
            write_articles(articles, fmt, sys.stdout)


@app.command()
def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders, .jsonl, RSS/Atom feeds, or - for stdin.")
    ],
    db: DbOption = None,
    published: Annotated[
        str | None,
        typer.Option(callback=_date, help="Publication date YYYY-MM-DD for inputs that carry none."),
    ] = None,
    engine: Annotated[
        str, typer.Option(help="Where the pipeline runs: local, process (a process pool) or dask.")
    ] = "local",
    workers: Annotated[
        int | None, typer.Option(min=1, help="Worker processes (process, dask; default: the CPUs).")
    ] = None,
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler address (default: a local cluster for the run).")
    ] = None,
    merge: Annotated[
        bool, typer.Option(help="Merge reports of one event across articles into one stored event.")
    ] = True,
) -> None:
    """Extract events from news articles and store them (idempotent: re-ingesting replaces),
    merging reports of the same event from different articles."""
    from strife import service
    from strife.engine import ENGINES

    _choice(engine, ENGINES, "engine")
    if scheduler and engine != "dask":
        raise typer.BadParameter("a scheduler address needs --engine dask", param_hint="--scheduler")
    with _errors():
        report = service.ingest_paths(
            paths, db, published=published, progress=_progress(), engine=engine, workers=workers,
            scheduler=scheduler, merge=merge,
        )  # fmt: skip
    for error in report.errors:
        _say(f"strife: {error}")
    _say(
        f"{report.stored} article(s) stored ({report.events} events), {report.unchanged} unchanged, "
        f"{report.failed} failed"
    )
    if report.processed == 0:
        raise typer.Exit(1)


def _near(value: str | None) -> tuple[float, float, float] | None:
    if value is None:
        return None
    try:
        lat, lon, km = (float(part) for part in value.split(","))
    except ValueError:
        raise typer.BadParameter("expected LAT,LON,KM, e.g. 36.37,37.52,25", param_hint="--near") from None
    return lat, lon, km


@app.command()
def events(
    db: DbOption = None,
    country: Annotated[str | None, typer.Option(help="Country name or ISO3 code.")] = None,
    event_type: Annotated[
        str | None, typer.Option("--type", help="Event type, sub-event type or tag (any case).")
    ] = None,
    since: Annotated[str | None, typer.Option(callback=_date, help="Events on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(callback=_date, help="Events on or before YYYY-MM-DD.")] = None,
    near: Annotated[str | None, typer.Option(help="LAT,LON,KM: events within KM kilometres.")] = None,
    limit: Annotated[int | None, typer.Option(min=0, help="At most this many events.")] = None,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many events first.")] = 0,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json, jsonl, csv or geojson.")] = "table",
) -> None:
    """List stored events, filtered."""
    from strife import service
    from strife.formats import EVENT_SHAPES, write_events, write_json_lines

    _choice(fmt, QUERY_FORMATS)
    circle = _near(near)
    shape = EVENT_SHAPES.get(fmt, "full")  # a table reads no record; JSON lines decode none
    with _errors():
        found = service.query_events(
            db, shape=shape, country=country, event_type=event_type, since=since, until=until,
            near=circle, limit=limit, offset=offset,
        )  # fmt: skip
        if shape == "json":
            write_json_lines(found, sys.stdout)
        else:
            write_events(found, fmt, sys.stdout)


@app.command()
def unmerge(
    article_id: Annotated[str, typer.Argument(help="The article whose reports leave the merged events.")],
    db: DbOption = None,
    remove: Annotated[bool, typer.Option(help="Delete the article too (its lone events disappear).")] = False,
) -> None:
    """Undo merging for one article: its reports leave the events they were merged into, which
    are reconciled again from the other articles; its reports stand as events of their own."""
    from strife import service

    with _errors():
        changed = service.unmerge(article_id, db, remove=remove)
    what = "removed" if remove else "unmerged"
    _say(f"{article_id} {what}: {changed} event(s) backed by other articles reconciled again")


@app.command()
def export(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="acled-csv, geojson, jsonl, parquet (also csv, json).")
    ],
    db: DbOption = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Output file (default: stdout).")] = None,
) -> None:
    """Export every stored event (ACLED-style CSV, GeoJSON, JSON lines, Parquet...)."""
    from strife import service

    _choice(fmt, EXPORT_FORMATS)
    if fmt == "parquet" and out is None and sys.stdout.isatty():
        raise typer.BadParameter("Parquet is binary: give --out FILE or redirect stdout", param_hint="--out")
    with _errors():
        count = service.export(db, fmt, out if out is not None else sys.stdout)
    if out is not None:
        _say(f"{count} event(s) written to {out}")


@app.command()
def claims(
    event_id: Annotated[str | None, typer.Argument(help="One event's id (default: every event).")] = None,
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json or jsonl.")] = "table",
) -> None:
    """Every figure claimed about each event, side by side with its source and its words."""
    from strife import service

    _choice(fmt, ("table", "json", "jsonl"))
    with _errors():
        rows = service.claims(db, event_id)
    if fmt == "table":
        _claims_table(rows)
    else:
        from strife.formats import write_events

        write_events(rows, fmt, sys.stdout)


def _claims_table(rows: list[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=None if sys.stdout.isatty() else 160)
    if not rows:
        console.print("no claims")
        return
    by_event: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_event.setdefault(row["event_id"], []).append(row)
    for event_id, group in by_event.items():
        first = group[0]
        place = ", ".join(p for p in (first["location"], first["country"]) if p)
        grid = Table(title=f"{event_id}: {first['sub_event_type']}, {first['date'] or '?'}, {place or '?'}")
        for name in ("kind", "group", "figure", "qualifier", "source", "words"):
            grid.add_column(name, overflow="fold")
        for c in group:
            low, high = c["low"], c["high"]
            figure = "?" if low is None else str(low) if high in (None, low) else f"{low}–{high}"
            figure += "+" if high is None and low is not None and c["qualifier"] != "exact" else ""
            grid.add_row(
                c["kind"], c["group"] or "", figure, c["qualifier"], c["source"] or "(the article)", c["text"]
            )
        console.print(grid)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output record (strife.article/1)."""
    from strife.schema import shipped_text

    sys.stdout.write(shipped_text())


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    workers: Annotated[
        int, typer.Option(min=1, max=64, help="Server processes (about one per core for many clients).")
    ] = 1,
) -> None:
    """Serve the REST API (/api, OpenAPI at /openapi.json) and the web map (/). Writes need
    STRIFE_API_TOKEN; without it the server is read-only."""
    import os

    import uvicorn

    from strife.api import create_app

    with _errors():
        application = create_app(db)
    url = application.state.stores.url
    mode = "read-write" if application.state.token else "read-only (set STRIFE_API_TOKEN to allow writes)"
    _say(f"strife: serving {url} at http://{host}:{port}/ ({mode}, {workers} worker(s))")
    if workers == 1:
        uvicorn.run(application, host=host, port=port, log_level="warning", access_log=False)
        return
    # Several processes each build the app from the environment (uvicorn imports it by name).
    application.state.stores.close()
    os.environ["STRIFE_DB"] = url
    from strife.api import serving

    if serving.supported():  # a socket per process: connections spread evenly over them
        with _errors():
            serving.serve(host, port, workers)
        return
    uvicorn.run(
        "strife.api.app:app_from_env", factory=True, host=host, port=port, workers=workers,
        log_level="warning", access_log=False,
    )  # fmt: skip


def _mount_eval() -> None:
    """`strife muc4 ...` and `strife eval ...` when the evaluation tools are installed."""
    try:
        from strife.eval.cli import eval_app, muc4_app
    except ImportError:
        return
    app.add_typer(muc4_app, name="muc4", help="MUC-4 evaluation (GTT metric).")
    app.add_typer(eval_app, name="eval", help="Evaluation against gold data.")


_mount_eval()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
