"""Figures: numbers in the text, what they count, whose people, who claims them, reconciled.

`reconcile(counts) -> Fatalities` is the rule every stage uses to turn claims into low / best /
high (see `strife.figures.reconcile`); `extract(article)` reads the figures of a parsed article;
`event_for` places a figure on its event; `source_ranks` rates the article's sources.
"""

from strife.figures.assign import assign_all, event_for, fits
from strife.figures.credibility import source_ranks
from strife.figures.extract import Found, extract
from strife.figures.numbers import Quantity, scan, words_to_int
from strife.figures.reconcile import GroupFigure, per_group, reconcile, source_rank

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
