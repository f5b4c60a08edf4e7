"""Typer apps of the evaluation harness, mounted by the main CLI as `strife muc4` and `strife eval`.

    strife muc4 predict DOCS.json --out PRED.json [--limit N]
    strife muc4 score PRED.json DOCS.json
    strife eval case2021 [--data PATH] [--out PRED.jsonl]
    strife eval muc4-keys [--split dev|train] [--limit N]
    strife eval merge-muc4 [--split dev|train] [--embedder minilm|lexical] [--threshold X] [--db URL]
    strife eval fakes [--data PATH] [--limit N]

Data paths default to `../shared/data/...` beside the repository, or `$STRIFE_DATA/...`.
The commands are thin: the work is in `muc4`, `muc4_map`, `muc4_keys` and `case2021`. The
modules that read parsed text (`muc4_map`, `muc4_keys`, the merge evaluation) are imported by the
commands that use them: this module is mounted by every `strife` command, and they import spaCy.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from enum import StrEnum
from functools import wraps
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from strife.errors import StrifeError
from strife.eval import case2021, fakes, muc4
from strife.eval.runner import data_path, make_pipeline

muc4_app = typer.Typer(
    help="MUC-4 templates: predict with strife, score with the GTT metric.", no_args_is_help=True
)
eval_app = typer.Typer(
    help="Evaluations on the development data (CASE 2021, MUC-4 keys).", no_args_is_help=True
)
# Tables keep their columns when the output goes to a file or a pipe.
console = Console(width=None if sys.stdout.isatty() else 140)
err = Console(stderr=True)


class Split(StrEnum):
    dev = "dev"
    train = "train"


def _friendly(fn: Callable[..., Any]) -> Callable[..., Any]:
    """A StrifeError ends the command with its one-line message and exit code 2."""

    @wraps(fn)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except StrifeError as exc:
            err.print(f"[red]error:[/red] {exc}", soft_wrap=True)  # one line, whatever the width
            raise typer.Exit(2) from exc

    return run


def _table(title: str, columns: list[str], rows: list[list[Any]]) -> Table:
    table = Table(title=title)
    for i, name in enumerate(columns):
        table.add_column(name, justify="left" if i == 0 else "right")
    for row in rows:
        table.add_row(*[f"{x:.1f}" if isinstance(x, float) else str(x) for x in row])
    return table


@muc4_app.command("predict")
@_friendly
def muc4_predict(
    docs: Annotated[Path, typer.Argument(help="GTT documents, one JSON object a line.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to write the predictions JSON.")],
    limit: Annotated[int | None, typer.Option(help="Only the first N documents.")] = None,
    max_templates: Annotated[
        int, typer.Option(min=0, max=muc4.MAX_TEMPLATES, help="Templates kept per document.")
    ] = muc4.DEFAULT_TEMPLATES,
) -> None:
    """Run strife over MUC-4 documents and write GTT predictions keyed like the published scorer."""
    from strife.eval import muc4_map

    gold = muc4.load_gtt_docs(docs, limit)
    started = time.perf_counter()
    result = muc4_map.predict(make_pipeline(), gold, max_templates)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result.templates, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    n_templates = sum(len(v["pred_templates"]) for v in result.templates.values())
    err.print(
        f"{len(gold)} documents, {result.events} events, {n_templates} templates -> {out} "
        f"({time.perf_counter() - started:.0f} s)"
    )
    for message in result.errors[:5]:
        err.print(f"[yellow]failed:[/yellow] {message}")
    if len(result.errors) > 5:
        err.print(f"[yellow]... and {len(result.errors) - 5} more failures[/yellow]")


@muc4_app.command("score")
@_friendly
def muc4_score(
    pred: Annotated[Path, typer.Argument(help="Predictions JSON (as `muc4 predict` writes it).")],
    docs: Annotated[Path, typer.Argument(help="GTT documents with gold templates.")],
    limit: Annotated[int | None, typer.Option(help="Only the first N gold documents.")] = None,
) -> None:
    """Score predictions with the GTT metric: per role and micro P/R/F1."""
    result = muc4.score_corpus(muc4.load_predictions(pred), muc4.load_gtt_docs(docs, limit))
    for warning in result.warnings:
        err.print(f"[yellow]warning:[/yellow] {warning}")
    rows = [[name, p, r, f] for name, p, r, f in muc4.score_rows(result.tally)]
    console.print(_table(f"GTT metric on {result.documents} documents", ["field", "P", "R", "F1"], rows))


@eval_app.command("case2021")
@_friendly
def eval_case2021(
    data: Annotated[
        Path | None, typer.Option(help="The labelled TSV (default: case2021/task2_labelled.tsv).")
    ] = None,
    out: Annotated[Path | None, typer.Option(help="Write per-snippet predictions here (JSONL).")] = None,
    limit: Annotated[int | None, typer.Option(help="Only the first N snippets.")] = None,
) -> None:
    """Type the CASE 2021 task 2 snippets and report accuracy, macro-F1 and confusions."""
    snippets = case2021.load_snippets(data or data_path("case2021", "task2_labelled.tsv"), limit)
    predictions = case2021.predict(make_pipeline(), snippets)
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        lines = (json.dumps(p.record(), ensure_ascii=False) for p in predictions)
        out.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    report = case2021.score(predictions)
    rows = [
        [
            c.label,
            c.support,
            c.predicted,
            100 * c.precision,
            100 * c.recall,
            100 * c.f1,
            ", ".join(f"{label} {n}" for label, n in c.confused_with),
        ]
        for c in report.classes
    ]
    columns = ["type", "gold", "pred", "P", "R", "F1", "most often taken for"]
    console.print(_table("CASE 2021 task 2, per type", columns, rows))
    confusions = [[g, p, n] for g, p, n in report.confusions]
    console.print(_table("Most frequent confusions", ["gold", "predicted", "n"], confusions))
    console.print(
        f"{report.n} snippets: accuracy {100 * report.accuracy:.1f}, macro-F1 (ACLED types) "
        f"{100 * report.macro_f1:.1f}, macro-F1 with NO_EVENT {100 * report.macro_f1_with_none:.1f}"
        + (f"; {report.errors} snippets failed" if report.errors else "")
    )


@eval_app.command("muc4-keys")
@_friendly
def eval_muc4_keys(
    split: Annotated[Split, typer.Option(help="Which split of the keys.")] = Split.dev,
    limit: Annotated[int | None, typer.Option(help="Only the first N documents.")] = None,
    data: Annotated[
        Path | None, typer.Option(help="Folder of {split}_docs.json and {split}_keys.json.")
    ] = None,
    max_templates: Annotated[
        int, typer.Option(min=0, max=muc4.MAX_TEMPLATES, help="Templates kept per document.")
    ] = muc4.DEFAULT_TEMPLATES,
    published_from_dateline: Annotated[
        bool,
        typer.Option(
            help="Supply the dateline's date as the publication date instead of letting strife read it."
        ),
    ] = False,
    misses: Annotated[
        bool, typer.Option(help="List each date, deaths or injuries slot missed, with what strife read.")
    ] = False,
) -> None:
    """Date, place and casualty slots of the incidents strife finds, against the MUC-4 answer keys."""
    from strife.eval import muc4_keys

    docs, keys = muc4_keys.load_keys(data or data_path("muc4", "keys"), split.value)
    report = muc4_keys.evaluate_keys(
        make_pipeline(),
        docs,
        keys,
        limit=limit,
        max_templates=max_templates,
        supply_published=published_from_dateline,
    )
    rows = [[slot, judged, matched, rate] for slot, judged, matched, rate in report.rows()]
    title = f"MUC-4 {split.value} keys: slots of aligned incidents"
    console.print(_table(title, ["slot", "judged", "matched", "match %"], rows))
    console.print(
        f"{report.documents} documents, {report.key_templates} key templates, {report.strife_templates} "
        f"strife templates, {report.aligned} aligned; places compared by {report.location_matcher}"
    )
    if report.timex is not None:
        console.print(f"strife.timex.evaluate_muc4_dates (dates read from the text): {report.timex}")
    if misses:
        for date_miss in report.date_misses:
            line = "date " + " ".join(f"{k}={v!r}" for k, v in date_miss.items())
            console.print(line, markup=False, highlight=False, soft_wrap=True)
        for miss in report.misses:
            console.print(miss.line(), markup=False, highlight=False, soft_wrap=True)
    for message in report.errors[:5]:
        err.print(f"[yellow]failed:[/yellow] {message}")


@eval_app.command("fakes")
@_friendly
def eval_fakes(
    data: Annotated[Path | None, typer.Option(help="FA-KES JSONL (default: fakes/dev.jsonl).")] = None,
    limit: Annotated[int | None, typer.Option(help="Only the first N articles.")] = None,
) -> None:
    """Real Syrian-war reports (FA-KES): is each article's main event in its labelled governorate?"""
    items = fakes.load(data or data_path("fakes", "dev.jsonl"), limit)
    report = fakes.evaluate(make_pipeline(), items)
    console.print(_table("FA-KES: the main event's governorate", ["", "count", "share"], report.rows()))
    if report.failed:
        console.print(f"{report.failed} article(s) failed")
    if report.unknown_labels:
        console.print(f"labels the gazetteer does not know: {dict(report.unknown_labels)}")
    misses = ", ".join(f"{gold} -> {got}: {n}" for (gold, got), n in report.misses.most_common(8))
    if misses:
        console.print(f"most frequent misses (label -> strife): {misses}")


# -- strife eval merge-muc4: merging across articles (strife.merge.evaluate) ---------------------
@eval_app.command("merge-muc4")
@_friendly
def eval_merge_muc4(
    split: Annotated[Split, typer.Option(help="Which split of the keys.")] = Split.dev,
    limit: Annotated[int | None, typer.Option(help="Only the first N documents.")] = None,
    data: Annotated[
        Path | None, typer.Option(help="Folder of {split}_docs.json and {split}_keys.json.")
    ] = None,
    embedder: Annotated[str, typer.Option(help="Text similarity: minilm or lexical.")] = "minilm",
    threshold: Annotated[
        float | None, typer.Option(help="Merge from this score (default: the embedder's).")
    ] = None,
    db: Annotated[
        str, typer.Option(help="An empty database to merge in (default: SQLite in memory).")
    ] = "sqlite://",
) -> None:
    """Merge the MUC-4 documents' events across documents; pairwise and B-cubed scores against
    gold clusters derived from the full keys."""
    from strife.eval import muc4_keys
    from strife.merge import Merger, load_embedder
    from strife.merge.evaluate import run_muc4

    if embedder not in ("minilm", "lexical"):
        raise typer.BadParameter(f"{embedder!r} is not minilm or lexical", param_hint="--embedder")
    docs, keys = muc4_keys.load_keys(data or data_path("muc4", "keys"), split.value)
    merger = Merger(load_embedder(embedder), threshold=threshold)
    report = run_muc4(make_pipeline(), docs, keys, merger, limit=limit, db=db)
    rows = [list(row) for row in report.rows()]
    title = f"MUC-4 {split.value}: merging across documents ({report.embedder}, threshold {merger.threshold})"
    console.print(_table(title, ["clusters", "P", "R", "F1"], rows))
    console.print(
        f"{report.documents} documents, {report.incidents} key incidents, {report.aligned} aligned with "
        f"strife events ({report.gold_multi} in gold clusters of several); {report.events} strife events "
        f"stored as {report.stored}, {report.merged} backed by several documents"
    )
    for message in report.errors[:5]:
        err.print(f"[yellow]failed:[/yellow] {message}")
