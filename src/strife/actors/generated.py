"""Entries generated systematically rather than listed: state forces and governments of every
country of the country table, unnamed state forces, and identity militias.

For each country row of `countries.tsv` and each service of `state_forms.json` (military,
police, government) there is one entry named as ACLED names it ("Military Forces of Iraq").
The country's adjectives and names become prefixes and the service's nouns become nouns; the
matcher joins a prefix and a following noun of the same family into a mention of that entry.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from strife.actors.build import (
    DATA_DIR,
    NAMED_FILES,
    Builder,
    Lexicon,
    read_countries,
    read_json,
    read_words,
)
from strife.actors.entry import ActorEntry, Noun, Prefix
from strife.actors.text import fold


def add_states(b: Builder, countries: list[dict[str, Any]], forms: dict[str, Any]) -> None:
    for service, spec in forms["services"].items():
        for noun in spec["nouns"]:
            b.add_key(fold(noun), Noun("state", service))
        for noun in spec["of_nouns"]:
            b.add_key(fold(noun + " of"), Noun("state", service, of_form=True))
        generic = ActorEntry(
            spec["name"].replace(" of {country}", ""),
            spec["type"],
            spec["kind"],
            None,
            tuple(spec["generic"]),
            "state_forms.json (country not named)",
            known=False,
        )
        i = b.add_entry(generic)
        for form in spec["generic"]:
            b.add_alias(i, form)
    for row in countries:
        _add_country(b, row, forms["services"])


def _add_country(b: Builder, row: dict[str, Any], services: dict[str, Any]) -> None:
    iso3, display = row["iso3"], row["display"]
    bare = display[4:] if display.startswith("the ") else display
    names = list(dict.fromkeys([bare, *row["names"]]))
    for service, spec in services.items():
        examples = tuple(f"{p} {n}" for p in (row["adjectives"] or names)[:1] for n in spec["nouns"][:4])
        entry = ActorEntry(
            spec["name"].format(country=display),
            spec["type"],
            spec["kind"],
            iso3,
            examples,
            "countries.tsv + state_forms.json",
        )
        b.services[(service, iso3)] = b.add_entry(entry)
        b.add_name(b.services[(service, iso3)])
    for adj in row["adjectives"]:
        b.add_prefix(adj, Prefix("state", iso3, b.prefix_mode(adj)))
    for name in names:
        b.add_prefix(name, Prefix("state", iso3, b.prefix_mode(name), is_name=True))


def add_identity(b: Builder, spec: dict[str, Any]) -> None:
    for noun in spec["nouns"]:
        b.add_key(fold(noun), Noun("identity", "identity"))
    for community in spec["communities"]:
        name = community["name"]
        forms = tuple(f"{a} {n}" for a in community["adjectives"][:1] for n in spec["nouns"][:3])
        entry = ActorEntry(
            name,
            "Identity militia",
            "armed_group",
            None,
            forms,
            "ACLED codebook: Identity militia",
            known=False,
        )
        b.services[("identity", name)] = b.add_entry(entry)
        for adj in community["adjectives"]:
            b.add_prefix(adj, Prefix("identity", name, b.prefix_mode(adj)))


def build_lexicon(data_dir: Path = DATA_DIR) -> Lexicon:
    """Read every data file of `data_dir` into a lexicon (raises ResourceError if one is bad)."""
    b = Builder(read_words(data_dir / "acronym_words.txt"))
    for name in NAMED_FILES:
        b.add_records(read_json(data_dir / name)["entries"], name)
    generic = read_json(data_dir / "generic.json")
    b.add_records(generic["entries"], "generic.json")
    add_identity(b, generic["identity"])
    add_states(b, read_countries(data_dir / "countries.tsv"), read_json(data_dir / "state_forms.json"))
    return b.lexicon()
