"""The figures lexicons, loaded once from `strife/data/figures/` (see the README there).

`vague.tsv` is the one vague-quantity table; `qualifiers.tsv` the bound words; `kinds.json`
what a figure counts; `attribution.json` whose people and who claims it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

_PACKAGE = "strife"


def _read(name: str) -> str:
    return resources.files(_PACKAGE).joinpath("data", "figures", name).read_text(encoding="utf-8")


def _tsv(name: str) -> list[list[str]]:
    rows = []
    for line in _read(name).splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([cell.strip() for cell in line.split("\t")])
    return rows


def _plain(mapping: dict[str, Any]) -> dict[str, Any]:
    """Drop the `_about` notes the JSON files carry for their readers."""
    return {k: v for k, v in mapping.items() if not k.startswith("_")}


@dataclass(frozen=True)
class Lexicon:
    vague: dict[tuple[str, ...], int]
    qualifiers: dict[tuple[str, ...], str]
    verbs_object: dict[str, str]
    verbs_subject: dict[str, str]
    phrasal: dict[str, str]
    phrasal_subject: frozenset[str]
    resultatives: dict[str, str]
    no_result_verbs: frozenset[str]
    agent_sensitive: frozenset[str]
    nouns: dict[str, str]
    modifiers: dict[str, str]
    event_nouns: dict[str, str]
    doer_nouns: dict[str, str]
    toll_people: dict[str, str]
    taken_nouns: frozenset[str]
    taking_verbs: frozenset[str]
    mixed_nouns: frozenset[str]
    causing_verbs: frozenset[str]
    incident_nouns: frozenset[str]
    incident_types: dict[str, str]
    displacement_objects: frozenset[str]
    escape_subjects: frozenset[str]
    neutral_verbs: frozenset[str]
    generic_nouns: frozenset[str]
    revision_cues: frozenset[str]
    aggregate_words: frozenset[str]
    aggregate_bigrams: frozenset[tuple[str, ...]]
    aggregate_subjects: frozenset[str]
    anaphoric_speakers: frozenset[str]
    civilian_nouns: frozenset[str]
    person_nouns: frozenset[str]
    title_nouns: frozenset[str]
    collective_nouns: frozenset[str]
    bare_plural: int
    captive_nouns: frozenset[str]
    measure_nouns: frozenset[str]
    thing_nouns: frozenset[str]
    reporting_verbs: frozenset[str]
    independent_words: tuple[str, ...]
    statement_nouns: frozenset[str]
    generic_sources: frozenset[str]
    unnamed_speakers: frozenset[str]
    described_speakers: frozenset[str]
    pronouns: frozenset[str]
    possessives: frozenset[str]
    group_preps: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    kinds = json.loads(_read("kinds.json"))
    attr = json.loads(_read("attribution.json"))
    return Lexicon(
        vague={tuple(r[0].split()): int(r[1]) for r in _tsv("vague.tsv")},
        qualifiers={tuple(r[0].split()): r[1] for r in _tsv("qualifiers.tsv")},
        verbs_object=_plain(kinds["verbs_object"]),
        verbs_subject=_plain(kinds["verbs_subject"]),
        phrasal=_plain(kinds["phrasal"]),
        phrasal_subject=frozenset(kinds["phrasal_subject"]["phrases"]),
        resultatives=_plain(kinds["resultatives"]),
        no_result_verbs=frozenset(kinds["no_result_verbs"]["verbs"]),
        agent_sensitive=frozenset(kinds["agent_sensitive"]["verbs"]),
        nouns=_plain(kinds["nouns"]),
        modifiers=_plain(kinds["modifiers"]),
        event_nouns=_plain(kinds["event_nouns"]),
        doer_nouns=_plain(kinds["doer_nouns"]),
        toll_people=_plain(kinds["toll_people"]),
        taken_nouns=frozenset(kinds["taken_nouns"]["nouns"]),
        taking_verbs=frozenset(kinds["taken_nouns"]["verbs"]),
        mixed_nouns=frozenset(kinds["mixed"]["nouns"]),
        causing_verbs=frozenset(kinds["caused_harm"]["verbs"]),
        incident_nouns=frozenset(kinds["incident_nouns"]["nouns"]),
        incident_types=dict(kinds["incident_nouns"]["types"]),
        displacement_objects=frozenset(kinds["displacement_objects"]),
        escape_subjects=frozenset(kinds["escape_subjects"]),
        neutral_verbs=frozenset(kinds["neutral_verbs"]["lemmas"]),
        generic_nouns=frozenset(kinds["generic_nouns"]["lemmas"]),
        revision_cues=frozenset(kinds["revision_cues"]),
        aggregate_words=frozenset(kinds["aggregate_cues"]["words"]),
        aggregate_bigrams=frozenset(tuple(b.split()) for b in kinds["aggregate_cues"]["bigrams"]),
        aggregate_subjects=frozenset(kinds["aggregate_cues"]["subjects"]),
        anaphoric_speakers=frozenset(attr["anaphoric_speakers"]),
        civilian_nouns=frozenset(attr["civilian_nouns"]),
        person_nouns=frozenset(attr["person_nouns"]),
        title_nouns=frozenset(attr["title_nouns"]),
        collective_nouns=frozenset(attr["collective_nouns"]),
        bare_plural=int(attr["bare_plural"]["value"]),
        captive_nouns=frozenset(attr["captive_nouns"]),
        measure_nouns=frozenset(attr["measure_nouns"]),
        thing_nouns=frozenset(attr["thing_nouns"]),
        reporting_verbs=frozenset(attr["reporting_verbs"]),
        independent_words=tuple(attr["independent_words"]),
        statement_nouns=frozenset(attr["statement_nouns"]),
        generic_sources=frozenset(attr["generic_sources"]),
        unnamed_speakers=frozenset(attr["unnamed_speakers"]["words"]),
        described_speakers=frozenset(attr["unnamed_speakers"]["described"]),
        pronouns=frozenset(attr["pronouns"]),
        possessives=frozenset(attr["possessives_self"]),
        group_preps=frozenset(attr["group_preps"]),
    )
