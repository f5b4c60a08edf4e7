"""The benchmark corpus: at least 2,000 distinct news texts, generated the same way every run.

Reads the development data in ../shared (or $STRIFE_SHARED) and adds nothing of its own:

1. the 1,300 MUC-4 train documents in their original upper case, each with its dateline
   (`SAN SALVADOR, 3 JAN 90 -- ...`), in document-id order;
2. the seed articles (`corpus/seeds/*.txt`), in file-name order;
3. the same MUC-4 train documents as the GTT release prints them (lower-cased, with the
   dateline lower-cased in front), in document-id order: the same reports in the other case
   the pipeline must read, so the texts are distinct and the words are real news.

The first `n` of that sequence are the corpus (1,302 + 1,300 = 2,602 available). Beyond that,
texts repeat with a numbered note appended, so that no two texts are identical.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]


def shared_dir() -> Path:
    """The folder with the development data: $STRIFE_SHARED or ../shared beside the repository."""
    return Path(os.environ.get("STRIFE_SHARED", REPO.parent / "shared"))


@dataclass(frozen=True)
class Doc:
    """One benchmark article: a stable id, where it came from, and its text."""

    id: str
    origin: str  # "muc4-upper", "seed", "muc4-lower" or "repeat"
    text: str


def _upper(docs_path: Path) -> list[Doc]:
    if not docs_path.is_file():
        return []
    docs = json.loads(docs_path.read_text(encoding="utf-8"))
    out = []
    for key in sorted(docs):
        d = docs[key]
        out.append(Doc(f"{key}-upper", "muc4-upper", f"{d.get('dateline') or ''} -- {d['text']}"))
    return out


def _lower(gtt_path: Path, datelines: dict[str, str]) -> list[Doc]:
    if not gtt_path.is_file():
        return []
    out = []
    for line in gtt_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        key = d["docid"]
        out.append(Doc(f"{key}-lower", "muc4-lower", f"{datelines.get(key, '').lower()} -- {d['doctext']}"))
    return sorted(out, key=lambda doc: doc.id)


def _seeds(folder: Path) -> list[Doc]:
    if not folder.is_dir():
        return []
    return [
        Doc(f"seed-{p.stem}", "seed", p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))
    ]


def base_docs(shared: Path | None = None) -> list[Doc]:
    """Every distinct text available, in corpus order (see the module docstring)."""
    root = shared or shared_dir()
    keys = root / "data" / "muc4" / "keys" / "train_docs.json"
    upper = _upper(keys)
    datelines = {}
    if keys.is_file():
        raw = json.loads(keys.read_text(encoding="utf-8"))
        datelines = {k: v.get("dateline") or "" for k, v in raw.items()}
    lower = _lower(root / "data" / "muc4" / "gtt" / "train.json", datelines)
    return upper + _seeds(root / "corpus" / "seeds") + lower


def corpus(n: int, shared: Path | None = None) -> list[Doc]:
    """The first `n` benchmark articles; SystemExit with the paths when there is no data."""
    if n < 1:
        raise SystemExit(f"strife.bench: --articles must be at least 1 (got {n})")
    docs = base_docs(shared)
    if not docs:
        root = shared or shared_dir()
        raise SystemExit(f"strife.bench: no corpus: neither MUC-4 train documents nor seeds under {root}")
    out = docs[:n]
    for i in range(len(docs), n):
        base = docs[i % len(docs)]
        copy = i // len(docs)
        out.append(Doc(f"{base.id}-copy{copy}", "repeat", f"{base.text}\n\n(Copy {copy}.)"))
    return out


def sample(docs: list[Doc], n: int) -> list[Doc]:
    """`n` of `docs` spread evenly over the whole list (every k-th), so a subset has the corpus's
    mix of upper-case, lower-case and seed texts; all of them when `n` >= len(docs)."""
    if n >= len(docs):
        return list(docs)
    step = len(docs) / n
    return [docs[int(i * step)] for i in range(n)]


def count_words(texts: list[str]) -> int:
    """Whitespace-separated words (the same count for every pipeline measured)."""
    return sum(len(re.findall(r"\S+", t)) for t in texts)


def write_jsonl(docs: list[Doc], path: Path) -> Path:
    """The articles as a JSON-lines input file for `strife extract` / `strife ingest`."""
    with open(path, "w", encoding="utf-8") as out:
        for doc in docs:
            out.write(json.dumps({"id": doc.id, "text": doc.text}, ensure_ascii=False) + "\n")
    return path


def describe(docs: list[Doc]) -> str:
    """'2,000 articles (1,300 MUC-4 train upper case, 2 seeds, 698 MUC-4 train lower case)'."""
    names = {"muc4-upper": "MUC-4 train, upper case", "seed": "seeds",
             "muc4-lower": "MUC-4 train, lower case", "repeat": "repeats with a note"}  # fmt: skip
    parts = []
    for origin, name in names.items():
        k = sum(d.origin == origin for d in docs)
        if k:
            parts.append(f"{k:,} {name}")
    return f"{len(docs):,} articles ({'; '.join(parts)})"
