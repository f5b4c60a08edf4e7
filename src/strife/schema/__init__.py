"""The JSON Schema of the output record `strife.article/1`, shipped as `article.schema.json`.

The file is generated from the models (`strife.models.json_schema()`); regenerate it after a
model change with `python -m strife.schema` (a test fails while the two differ).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

SCHEMA_FILE = "article.schema.json"


def shipped_text() -> str:
    """The shipped schema file, as text."""
    return (resources.files("strife.schema") / SCHEMA_FILE).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def shipped() -> dict[str, Any]:
    return json.loads(shipped_text())


def generated_text() -> str:
    """The schema as the models generate it now, formatted as the shipped file is."""
    from strife.models import json_schema

    return json.dumps(json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def validate(record: dict[str, Any]) -> None:
    """Raise `jsonschema.ValidationError` when `record` does not follow the shipped schema."""
    import jsonschema

    jsonschema.Draft202012Validator(shipped()).validate(record)
