"""Regenerate `article.schema.json` from the models: `python -m strife.schema`."""

from __future__ import annotations

from pathlib import Path

from strife.schema import SCHEMA_FILE, generated_text


def main() -> None:
    path = Path(__file__).with_name(SCHEMA_FILE)
    text = generated_text()
    changed = not path.is_file() or path.read_text(encoding="utf-8") != text
    path.write_text(text, encoding="utf-8")
    print(f"{path}: {'written' if changed else 'unchanged'}")


if __name__ == "__main__":
    main()
