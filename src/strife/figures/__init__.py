"""Figures: numbers in the text, what they count, whose people, who claims them, reconciled.

`reconcile(counts) -> Fatalities` is the rule every stage uses to turn claims into low / best /
high (see `strife.figures.reconcile`); `extract(article)` reads the figures of a parsed article;
`event_for` places a figure on its event; `source_ranks` rates the article's sources.

`extract` and `Found` are loaded on first use: reading figures needs spaCy, reconciling claims
does not, and a Dask run's writer process reconciles merged events without ever parsing (the
import of spaCy cost it ~1 s of CPU and ~60 MB). Two names here are also submodules
(`strife.figures.reconcile`, `strife.figures.extract`): the package keeps them bound to the
functions, whichever way and in whichever order the submodules are first imported.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

from strife.figures.assign import assign_all, event_for, fits
from strife.figures.credibility import source_ranks
from strife.figures.numbers import Quantity, scan, words_to_int
from strife.figures.reconcile import GroupFigure, per_group, reconcile, source_rank

# name -> submodule that defines it, imported on first use (both need spaCy)
_LAZY = {"Found": "extract", "extract": "extract"}
_FUNCTIONS = ("extract", "reconcile")  # names of both a function and a submodule


class _Package(types.ModuleType):
    """This package's module type: the import system binds a submodule to its package's
    attribute of the same name once the submodule is loaded; for `_FUNCTIONS` the function
    keeps the name (as `from strife.figures import reconcile` has always given the function)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _FUNCTIONS and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


def __getattr__(name: str) -> Any:
    """`extract` and `Found`, imported when first asked for."""
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    globals()[name] = value
    return value


sys.modules[__name__].__class__ = _Package

__all__ = [
    "Found",
    "GroupFigure",
    "Quantity",
    "assign_all",
    "event_for",
    "extract",
    "fits",
    "per_group",
    "reconcile",
    "scan",
    "source_rank",
    "source_ranks",
    "words_to_int",
]
