"""Word lists written inline as one white-space separated string (long lists stay readable)."""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """The white-space separated words of `text`."""
    return frozenset(text.split())
