"""Resources the stages need, loaded once and injected.

`Resources` loads each resource lazily on first use, so a pipeline that runs only some stages
loads only what they need, and tests can hand in small stand-ins (`Resources(nlp=..., ...)`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from strife.settings import Settings, get_settings

if TYPE_CHECKING:
    from strife.actors import ActorDictionary
    from strife.gazetteer import Gazetteer


class Resources:
    def __init__(
        self,
        settings: Settings | None = None,
        *,
        nlp: Any = None,
        gazetteer: Gazetteer | None = None,
        actors: ActorDictionary | None = None,
    ) -> None:
        self.settings = settings or get_settings()
        self._nlp = nlp
        self._gazetteer = gazetteer
        self._actors = actors

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            from strife.nlp import load

            self._nlp = load(self.settings.spacy_model)
        return self._nlp

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            from strife.gazetteer import Gazetteer

            self._gazetteer = Gazetteer.load(min_population=self.settings.gazetteer.min_population)
        return self._gazetteer

    @property
    def actors(self) -> ActorDictionary:
        if self._actors is None:
            from strife.actors import ActorDictionary

            self._actors = ActorDictionary.load()
        return self._actors

    # -- the event-type classifier (strife.detect.classifier) and its sentence embedder
    # (strife.detect.encoder); set them (`resources.embedder = ...`) to inject stand-ins or a
    # model of one CV fold ------------------------------------------------------------------
    @property
    def embedder(self) -> Any:
        if getattr(self, "_embedder", None) is None:
            from strife.detect.encoder import shared

            self._embedder = shared()  # one loaded model per process, merging uses it too
        return self._embedder

    @embedder.setter
    def embedder(self, value: Any) -> None:
        self._embedder = value

    @property
    def event_model(self) -> Any:
        if getattr(self, "_event_model", None) is None:
            from strife.detect.classifier import EventClassifier

            chosen = self.settings.event_model  # another trained model, evaluated in place
            self._event_model = EventClassifier.load(Path(chosen)) if chosen else EventClassifier.load()
        return self._event_model

    @event_model.setter
    def event_model(self, value: Any) -> None:
        self._event_model = value


_shared: Resources | None = None


def shared_resources() -> Resources:
    """One Resources per process (workers of a pool or a Dask cluster each build their own)."""
    global _shared
    if _shared is None:
        _shared = Resources()
    return _shared
