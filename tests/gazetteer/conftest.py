"""Gazetteer fixtures: a small hand-made one (no files, no model) and the full one (slow)."""

from __future__ import annotations

import pytest

from gazetteer.helpers import small_gazetteer
from strife.gazetteer import Gazetteer


@pytest.fixture(scope="session")
def small() -> Gazetteer:
    return small_gazetteer()


@pytest.fixture(scope="session")
def full() -> Gazetteer:
    return Gazetteer.load()
