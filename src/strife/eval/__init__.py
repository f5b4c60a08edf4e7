"""Evaluation harness: MUC-4 (GTT template F1 and the full answer keys) and CASE 2021 typing.

`muc4` scores templates with the GTT metric, `muc4_map` is the one mapping from strife events to
MUC-4 templates, `muc4_keys` checks dates, places and casualty figures against the original
answer keys, `case2021` measures event typing, and `cli` exposes them as typer apps.
See docs/evaluation.md.
"""
