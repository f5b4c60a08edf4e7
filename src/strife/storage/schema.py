"""The numbered migrations shipped for each backend (`migrations/<dialect>/NNNN_name.sql`), and
the check that refuses a database a newer strife migrated.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from strife.errors import StorageError

_MIGRATION_NAME = re.compile(r"^(\d{4})_[\w-]+\.sql$")


def migrations(dialect: str) -> list[tuple[int, str, str]]:
    """(version, file name, SQL) of every migration shipped in `migrations/<dialect>/`, in order."""
    return list(_shipped(dialect))


@cache
def _shipped(dialect: str) -> tuple[tuple[int, str, str], ...]:
    """`migrations`, read once per process: every store opened reads the list (the API opens one
    per thread, each command one), and reading the files was a millisecond of each open."""
    folder = resources.files("strife.storage") / "migrations" / dialect
    found = []
    for entry in folder.iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return tuple(sorted(found))


def check_schema_version(url: str, current: int, known: list[tuple[int, str, str]]) -> None:
    """Refuse a database migrated by a newer strife: its tables may mean something else."""
    latest = known[-1][0] if known else 0
    if current > latest:
        raise StorageError(
            f"{url}: database schema version {current} is newer than this strife "
            f"understands ({latest}); upgrade strife to use it"
        )
