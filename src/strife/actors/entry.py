"""What the actor dictionary holds: entries (actors) and the surface forms that name them."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Literal

from strife.models import ActorType

Kind = Literal[
    "armed_group",
    "state_force",
    "government",
    "political",
    "monitor",
    "media",
    "international",
    "civilians",
    "protesters",
    "rioters",
]
KINDS: frozenset[str] = frozenset(Kind.__args__)  # type: ignore[attr-defined]
ACTOR_TYPES: frozenset[str] = frozenset(ActorType.__args__)  # type: ignore[attr-defined]

#: Kinds of actors that take part in fighting (their mention absorbs "fighters", "troops"...).
FIGHTING_KINDS = frozenset({"armed_group", "state_force", "international", "political", "government"})


@dataclass(frozen=True)
class ActorEntry:
    """One actor: its canonical name, ACLED actor type, country (ISO3) and known surface forms.

    `known` is False for actors the text only describes ("gunmen", "the army"): their name is
    ACLED's name for an unidentified actor and their type a guess. `source` says which
    reference (Wikipedia article, ACLED actor, codebook) the entry follows.
    """

    name: str
    actor_type: ActorType | None
    kind: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    source: str = ""
    known: bool = True
    parent: str | None = None


class Mode(IntEnum):
    """How a surface form is matched with regard to letter case."""

    ANY = 0
    """Any case: multi-word names and long aliases ("Islamic State", "Daesh")."""
    ACRONYM = 1
    """Capitals ("SDF"), or title case for four letters or more ("Isis", "Farc"); any case
    in a text written in one case only."""
    WORD = 2
    """An acronym that is also an English word ("IS", "WHO"): capitals only, in mixed-case
    text only, and not next to another word in capitals ("WHAT IS")."""
    EXACT = 3
    """Exactly as written ("LeT", "Observatory"); never in a text written in one case only."""


@dataclass(frozen=True)
class Alias:
    """A surface form of entry number `entry`."""

    entry: int
    mode: Mode
    surface: str
    skip: int = 0
    """Leading characters of the key that must be present but are not part of the mention
    (the "the " of "(the) military")."""
    stop_after: frozenset[str] = field(default_factory=frozenset)
    """Next words that make this form an adjective ("terrorist attack")."""


@dataclass(frozen=True)
class Prefix:
    """A country or community word that names an actor when a noun follows ("Iraqi" troops)."""

    family: str
    """"state" (a country: ISO3 in `target`) or "identity" (a community: entry name)."""
    target: str
    mode: Mode
    is_name: bool = False
    """A country name ("Iraq"), which also follows "army of"."""
    possessive: bool = False


@dataclass(frozen=True)
class Noun:
    """A noun that, after a prefix of the same family, names one of its services."""

    family: str
    service: str
    of_form: bool = False
    """A key such as "army of", followed by a country name."""


Item = Alias | Prefix | Noun
