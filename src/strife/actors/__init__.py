"""The actor dictionary (stub: to be replaced by the real dictionary)."""

from __future__ import annotations

from strife.models import ActorMention


class ActorDictionary:
    @classmethod
    def load(cls) -> "ActorDictionary":
        return cls()

    def find(self, text: str) -> list[ActorMention]:
        return []
