"""The event lexicons shipped in `strife/data/events/`, loaded once and indexed for lookup.

`triggers.toml` gives the trigger families (verbs, nouns, phrasal verbs, participant nouns);
`cues.toml` the cue lists used by typing and the object kinds that choose a verb's sense;
`gtd.toml` the GTD target and weapon types by head noun. Everything is matched on lemmas,
lower case; multiword entries on consecutive lemmas (or lower-cased words, so that "shot dead"
and "shoot dead" both match).
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

Phrase = tuple[str, ...]

DATA = Path(__file__).resolve().parent.parent / "data" / "events"

#: Groups of families that may make one event together when they share a clause.
MERGEABLE_GROUPS: frozenset[frozenset[str]] = frozenset(
    {
        frozenset({"violence"}),
        frozenset({"prison"}),
        frozenset({"protest"}),
        frozenset({"violence", "prison"}),
        frozenset({"violence", "protest"}),
        frozenset({"violence", "property"}),
        frozenset({"protest", "property"}),
        frozenset({"protest", "arrest"}),
        frozenset({"prison", "arrest"}),
        frozenset({"strategic"}),
        frozenset({"arrest"}),
        frozenset({"property"}),
    }
)


@dataclass(frozen=True)
class Family:
    name: str
    group: str
    objects: frozenset[str] = frozenset()
    context: frozenset[str] = frozenset()
    #: verbs and phrasal entries of the family that need no object of a listed kind: their
    #: sense is the family's whatever they take ("kidnap", "set fire")
    free: frozenset[str] = frozenset()

    def fits(self, entry: str, kinds: set[str]) -> bool:
        """Whether verb (or phrasal entry) `entry` with an object of `kinds` has this sense."""
        return not self.objects or bool(self.objects & kinds) or entry in self.free


@dataclass
class Lexicon:
    families: dict[str, Family]
    verbs: dict[str, list[str]] = field(default_factory=dict)
    nouns: dict[Phrase, list[str]] = field(default_factory=dict)
    phrasal: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    participants: dict[Phrase, str] = field(default_factory=dict)
    instruments: dict[Phrase, str] = field(default_factory=dict)
    instrument_verbs: frozenset[str] = frozenset()
    seizure_verbs: frozenset[str] = frozenset()
    non_conflict: frozenset[str] = frozenset()
    #: what a campaign is waged against ("the battle against drug trafficking"), as phrases
    campaign: frozenset[Phrase] = frozenset()
    deliberate: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()
    object_kinds: dict[str, frozenset[Phrase]] = field(default_factory=dict)
    cues: dict[str, frozenset[Phrase]] = field(default_factory=dict)
    targets: list[tuple[str, frozenset[Phrase]]] = field(default_factory=list)
    weapons: list[tuple[str, frozenset[Phrase]]] = field(default_factory=list)
    max_noun_len: int = 1

    def group(self, family: str) -> str:
        return self.families[family].group

    def mergeable(self, a: str, b: str) -> bool:
        """Whether families `a` and `b` may report one event when they share a clause."""
        if {a, b} == {"execute", "escape"} or {a, b} == {"execute", "mutiny"}:
            return False  # an execution next to a jail break is another event (a day before, ...)
        if "weapons" in (a, b) and {self.group(a), self.group(b)} == {"violence", "strategic"}:
            return True  # "overpowered guards, seizing their weapons"
        return frozenset({self.group(a), self.group(b)}) in MERGEABLE_GROUPS

    def kind_of(self, lemmas: Sequence[str]) -> set[str]:
        """Object kinds (person, place, weapon, base, property) a noun phrase's lemmas fit."""
        return {kind for kind, phrases in self.object_kinds.items() if contains_any(lemmas, phrases)}

    def cue_names(self, lemmas: Sequence[str], words: Sequence[str] = ()) -> set[str]:
        """Names of the cue lists any of whose entries occur in `lemmas` (or `words`)."""
        grams = ngrams(lemmas) | ngrams(words)  # built once, not once per cue list
        return {name for name, phrases in self.cues.items() if not grams.isdisjoint(phrases)}

    def typed(self, table: list[tuple[str, frozenset[Phrase]]], lemmas: Sequence[str]) -> str | None:
        """The first type of `table` one of whose phrases occurs in `lemmas`."""
        for name, phrases in table:
            if contains_any(lemmas, phrases):
                return name
        return None


def contains_any(seq: Sequence[str], phrases: frozenset[Phrase]) -> bool:
    """Whether any phrase of `phrases` occurs as consecutive items of `seq`."""
    for i in range(len(seq)):
        for n in (1, 2, 3, 4):
            if i + n <= len(seq) and tuple(seq[i : i + n]) in phrases:
                return True
    return False


def ngrams(seq: Sequence[str]) -> set[Phrase]:
    """Every run of 1 to 4 consecutive items of `seq` (the phrases `contains_any` can match)."""
    return {tuple(seq[i : i + n]) for n in (1, 2, 3, 4) for i in range(len(seq) - n + 1)}


def _phrase(entry: str) -> Phrase:
    return tuple(entry.lower().replace("-", " - ").split())


def _phrases(entries: list[str]) -> frozenset[Phrase]:
    out = set()
    for e in entries:
        out.add(tuple(e.lower().split()))
        out.add(_phrase(e))  # hyphenated words are split into three tokens by spaCy
    return frozenset(out)


def _read(name: str) -> dict:
    return tomllib.loads((DATA / name).read_text(encoding="utf-8"))


def build(triggers: dict, cues: dict, gtd: dict) -> Lexicon:
    """Index the three lexicon tables (as parsed TOML)."""
    lex = Lexicon(families={})
    for name, spec in triggers["family"].items():
        lex.families[name] = Family(
            name,
            spec["group"],
            frozenset(spec.get("objects", ())),
            frozenset(spec.get("context", ())),
            frozenset(spec.get("any_object", ())),
        )
        for verb in spec.get("verbs", ()):
            lex.verbs.setdefault(verb, []).append(name)
        for noun in spec.get("nouns", ()):
            for phrase in _phrases([noun]):
                lex.nouns.setdefault(phrase, []).append(name)
                lex.max_noun_len = max(lex.max_noun_len, len(phrase))
        for entry in spec.get("phrasal", ()):
            verb, rest = entry.split(" ", 1)
            lex.phrasal.setdefault(verb, []).append((rest, name))
        for key, index in (("participants", lex.participants), ("instruments", lex.instruments)):
            for noun in spec.get(key, ()):
                for phrase in _phrases([noun]):
                    index[phrase] = name
                    lex.max_noun_len = max(lex.max_noun_len, len(phrase))
    lex.object_kinds = {k: _phrases(v) for k, v in cues["object_kinds"].items()}
    lex.cues = {k: _phrases(v) for k, v in cues["cues"].items()}
    lex.instrument_verbs = frozenset(cues["instrument_verbs"]["verbs"])
    lex.seizure_verbs = frozenset(cues.get("seizure_verbs", {}).get("verbs", ()))
    lex.non_conflict = frozenset(cues["non_conflict"]["words"])
    lex.campaign = _phrases(cues.get("campaign", {}).get("words", []))
    lex.deliberate = frozenset(cues["deliberate"]["words"])
    lex.titles = frozenset(cues.get("titles", {}).get("words", ()))
    lex.targets = [(k, _phrases(v)) for k, v in gtd["targets"].items()]
    lex.weapons = [(k, _phrases(v)) for k, v in gtd["weapons"].items()]
    return lex


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped lexicon (loaded once per process)."""
    return build(_read("triggers.toml"), _read("cues.toml"), _read("gtd.toml"))
