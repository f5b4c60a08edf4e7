"""The gazetteer (stub: to be replaced by the real gazetteer)."""

from __future__ import annotations

from strife.models import Toponym


class Gazetteer:
    @classmethod
    def load(cls, min_population: int = 500) -> "Gazetteer":
        return cls()

    def find(self, text: str) -> list[Toponym]:
        return []
