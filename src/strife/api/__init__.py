"""The REST API and the web map (`strife serve`). See docs/api.md."""

from __future__ import annotations

from strife.api.app import create_app

__all__ = ["create_app"]
