"""The packaged actor dictionary, built once for the actor tests (no language model needed)."""

from __future__ import annotations

import pytest

from strife.actors import ActorDictionary


@pytest.fixture(scope="session")
def actors() -> ActorDictionary:
    return ActorDictionary.load()
