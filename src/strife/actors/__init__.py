"""The actor dictionary: who the text names, as canonical actors with ACLED actor types.

`ActorDictionary.load()` reads the data files of `strife/data/actors/` (named groups, state
forces generated for every country, monitors and media, generic actors; see its README) once
per process. `find(text)` returns `ActorMention`s, non-overlapping, longest first, in text
order; `get(name)` and `resolve(surface)` look an actor up by canonical name or by a surface
form; `for_country(service, iso3)` names a country's military, police or government, for later
stages that place an unnamed "the army".
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from strife.actors.build import DATA_DIR, Lexicon
from strife.actors.entry import ActorEntry, Mode
from strife.actors.generated import build_lexicon
from strife.actors.matcher import Matcher
from strife.actors.text import fold
from strife.models import ActorMention, ActorType

__all__ = ["ActorDictionary", "ActorEntry", "Mode", "type_in_country"]

_THE = re.compile(r"^(?:the|a|an)\s+", re.I)
_POSSESSIVE = re.compile(r"['’]s?$")


class ActorDictionary:
    """Canonical actors and the matcher over their surface forms (build with `load()`)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.entries: tuple[ActorEntry, ...] = tuple(lexicon.entries)
        self._by_name = {e.name: e for e in self.entries}
        self._by_folded_name = {fold(e.name): e for e in self.entries}
        self._matcher = Matcher(lexicon)

    @classmethod
    def load(cls, data_dir: Path | None = None) -> ActorDictionary:
        """The dictionary of `data_dir` (default: the packaged data), built once and cached."""
        return _load(Path(data_dir or DATA_DIR).resolve())

    def __len__(self) -> int:
        return len(self.entries)

    # -- lookups --------------------------------------------------------------------------------
    def get(self, name: str) -> ActorEntry | None:
        """The entry of canonical name `name` (exact, else ignoring case and punctuation)."""
        return self._by_name.get(name) or self._by_folded_name.get(fold(name))

    def resolve(self, surface: str) -> ActorEntry | None:
        """The entry a surface form names ("ISIS", "Iraqi troops", "the SDF's", "gunmen"), or
        None when it names none or is not fully an actor's name (e.g. "the army of God")."""
        if not isinstance(surface, str):
            return None
        surface = _POSSESSIVE.sub("", _THE.sub("", surface.strip()))
        if not surface:
            return None
        found = self.find(surface, monocase=False)
        if len(found) == 1 and found[0].start == 0 and found[0].end == len(surface):
            return self._by_name[found[0].name]
        return self.get(surface)

    def for_country(self, service: str, iso3: str) -> ActorEntry | None:
        """The country's actor for `service` ("military", "police" or "government")."""
        index = self.lexicon.services.get((service, iso3))
        return None if index is None else self.entries[index]

    # -- matching -------------------------------------------------------------------------------
    def find(self, text: str, monocase: bool | None = None) -> list[ActorMention]:
        """Actor mentions of `text`: non-overlapping, longest first, in text order; offsets index
        `text`. `monocase` says whether the text is written in one case only (MUC-4 style);
        by default it is judged from the text."""
        if not isinstance(text, str):
            raise TypeError(f"ActorDictionary.find expects a str, not {type(text).__name__}")
        if not text:
            return []
        folded, hits = self._matcher.find(text, monocase)
        mentions = []
        for h in hits:
            start, end = folded.span(h.start, h.end)
            e = self.entries[h.entry]
            mentions.append(
                ActorMention(
                    text=text[start:end],
                    start=start,
                    end=end,
                    type=e.kind,
                    name=e.name,
                    actor_type=e.actor_type,
                    country=e.country,
                    known=e.known,
                )
            )
        return mentions


def type_in_country(entry: ActorEntry | ActorMention, iso3: str | None) -> ActorType | None:
    """ACLED's type for an actor acting in country `iso3`: a state's forces acting outside their
    own country are External/Other forces (ACLED codebook), otherwise the entry's type."""
    kind = entry.kind if isinstance(entry, ActorEntry) else entry.type
    actor_type = entry.actor_type
    if kind == "state_force" and iso3 and entry.country and entry.country != iso3:
        return "External/Other forces"
    return actor_type


@lru_cache(maxsize=4)
def _load(data_dir: Path) -> ActorDictionary:
    return ActorDictionary(build_lexicon(data_dir))
