"""`make bench`: throughput of strife against spaCy's own pipeline, measured in the same run.

Speed is reported as ratios against a reference measured in the same process on the same
texts (spaCy's `nlp.pipe` alone), so the figures mean the same on a slow or a busy machine.
The corpus is generated reproducibly from the MUC-4 train documents (original case, with
their datelines) and the seed articles found in ../shared; every figure goes to
`docs/benchmarks.md` between the markers of its section, with the command and the date.

Usage: python -m strife.bench [--articles N] [--out docs/benchmarks.md]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("STRIFE_SHARED", REPO.parent / "shared"))


def corpus(n: int) -> list[str]:
    """`n` article texts: the MUC-4 train documents (dateline first) and the seeds, cycled.

    Repeats get a numbered note appended so that no two texts are identical (the pipeline
    would otherwise see duplicates); the order is fixed, so the corpus is the same each run.
    """
    texts: list[str] = []
    docs_path = SHARED / "data" / "muc4" / "keys" / "train_docs.json"
    if docs_path.is_file():
        docs = json.loads(docs_path.read_text(encoding="utf-8"))
        for key in sorted(docs):
            d = docs[key]
            texts.append(f"{d.get('dateline') or ''} -- {d['text']}")
    seeds = SHARED / "corpus" / "seeds"
    if seeds.is_dir():
        texts.extend(p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt")))
    if not texts:
        raise SystemExit(f"no benchmark corpus: {docs_path} and {seeds} are missing")
    out = []
    for i in range(n):
        base = texts[i % len(texts)]
        out.append(base if i < len(texts) else f"{base}\n\n(Copy {i // len(texts)}.)")
    return out


def words(texts: list[str]) -> int:
    return sum(len(re.findall(r"\S+", t)) for t in texts)


def timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_single_process(texts: list[str]) -> dict[str, float]:
    """(a) spaCy's pipeline alone vs (b) strife's whole pipeline, same texts, same process."""
    from strife.models import Article
    from strife.pipeline import Pipeline

    pipe = Pipeline()
    nlp = pipe.resources.nlp
    pipe(Article(raw=texts[0]))  # load every resource before timing
    n_words = words(texts)
    t_spacy = timed(lambda: [None for _ in nlp.pipe(texts, batch_size=32)])
    t_strife = timed(lambda: list(pipe.run(Article(raw=t) for t in texts)))  # batched, as strife runs
    return {
        "articles": len(texts),
        "words": n_words,
        "spacy_s": t_spacy,
        "strife_s": t_strife,
        "spacy_art_s": len(texts) / t_spacy,
        "strife_art_s": len(texts) / t_strife,
        "spacy_words_s": n_words / t_spacy,
        "strife_words_s": n_words / t_strife,
        "ratio_b_a": t_spacy / t_strife,
        "peak_rss_mb": peak_rss_mb(),
    }


def measure_gazetteer(n: int = 200_000) -> dict[str, float]:
    """Name lookups per second of the loaded gazetteer, over names it holds and names it lacks."""
    from strife.resources import Resources

    gaz = Resources().gazetteer
    if not hasattr(gaz, "lookup"):
        return {}
    names = [
        "Aleppo",
        "al-Bab",
        "Baghdad",
        "Mosul",
        "San Salvador",
        "Lima",
        "Raqqa",
        "Springfield",
        "Nowhereville",
        "Hasakah",
        "Deir ez-Zor",
        "Kobani",
        "Bogota",
        "Medellin",
        "Homs",
        "Idlib",
    ]
    queries = [names[i % len(names)] for i in range(n)]
    t = timed(lambda: [gaz.lookup(q) for q in queries])
    return {"lookups": n, "lookups_per_s": n / t}


def write_section(path: Path, name: str, body: str) -> None:
    """Replace the section between `<!-- bench:NAME -->` markers (or append it)."""
    begin, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    block = f"{begin}\n{body.rstrip()}\n{end}"
    text = path.read_text(encoding="utf-8") if path.is_file() else "# Benchmarks\n"
    if begin in text and end in text:
        text = text[: text.index(begin)] + block + text[text.index(end) + len(end) :]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--out", type=Path, default=REPO / "docs" / "benchmarks.md")
    a = ap.parse_args(argv)
    texts = corpus(a.articles)
    single = measure_single_process(texts)
    gaz = measure_gazetteer()
    today = date.today().isoformat()
    cmd = f"make bench  (python -m strife.bench --articles {a.articles})"
    body = [
        f"### Single process: strife vs spaCy alone ({today})",
        "",
        f"Command: `{cmd}`; machine: {os.cpu_count()} cores, Python {platform.python_version()}.",
        f"Corpus: {single['articles']} articles, {single['words']:,} words (MUC-4 train + seeds).",
        "",
        "| pipeline | articles/s | words/s |",
        "|---|---:|---:|",
        f"| (a) spaCy `nlp.pipe` alone | {single['spacy_art_s']:.1f} | {single['spacy_words_s']:,.0f} |",
        f"| (b) strife, whole pipeline, one process | {single['strife_art_s']:.1f} | {single['strife_words_s']:,.0f} |",
        "",
        f"Ratio b/a (throughput of strife over spaCy's): **{single['ratio_b_a']:.2f}** (goal ≥ 0.5). "
        f"Peak resident memory of the process: {single['peak_rss_mb']:.0f} MB (goal ≤ 1,024 MB).",
    ]
    if gaz:
        body += [
            "",
            f"Gazetteer: {gaz['lookups_per_s']:,.0f} name lookups/s over {gaz['lookups']:,} lookups "
            "(goal ≥ 100,000/s).",
        ]
    write_section(a.out, "single", "\n".join(body))
    print("\n".join(body))


if __name__ == "__main__":
    main()
