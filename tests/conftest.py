"""Shared fixtures. Heavy resources (spaCy, the full gazetteer) load once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
SEED_ALBAB = SEEDS / "000_795edd4dbe87f918.txt"
SEED_GWEIRAN = SEEDS / "002_d5881f7fe6c75ae6.txt"


@pytest.fixture(scope="session")
def resources():
    from strife.resources import Resources

    return Resources()


@pytest.fixture(scope="session")
def nlp(resources):
    return resources.nlp


@pytest.fixture(scope="session")
def pipeline(resources):
    from strife.pipeline import Pipeline

    return Pipeline(resources=resources)


def seed_text(path: Path) -> str:
    if not path.is_file():
        pytest.skip(f"seed article {path} is not available (../shared is absent)")
    return path.read_text(encoding="utf-8")
