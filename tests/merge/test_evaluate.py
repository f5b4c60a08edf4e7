"""Cluster scores and the gold rule on hand-made MUC-4-style keys."""

from __future__ import annotations

import pytest

from strife.merge.evaluate import bcubed, pairwise
from strife.merge.gold import gold_clusters


def test_bcubed_and_pairwise_on_a_textbook_case():
    gold = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 3}
    pred = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "z"}
    b3 = bcubed(gold, pred)
    # precision: a, b 1; c, d 1/2; e 1 -> 4/5; recall: a, b 2/3; c 1/3; d, e 1 -> 11/15
    assert b3.precision == pytest.approx(4 / 5) and b3.recall == pytest.approx(11 / 15)
    pw = pairwise(gold, pred)  # gold pairs ab ac bc; predicted ab cd
    assert pw.precision == pytest.approx(1 / 2) and pw.recall == pytest.approx(1 / 3)
    assert pairwise(gold, {i: i for i in gold}).precision == 1.0  # no merge, nothing wrong
    assert bcubed(gold, {i: i for i in gold}).precision == 1.0


def _key(kind, day, place, name=None, things=None):
    key = {
        "incident_type": kind,
        "incident_date": [{"type": "simple_strings", "strings": [day]}] if day else None,
        "incident_location": [{"type": "simple_strings", "strings": [p]} for p in place],
        "hum_tgt_name": [{"type": "simple_strings", "strings": [name]}] if name else None,
        "phys_tgt_id": [{"type": "simple_strings", "strings": [things]}] if things else None,
    }
    return key


def test_gold_rule_joins_one_incident_across_documents_only():
    keys = {
        "D1": [_key("ATTACK", "16 NOV 89", ["EL SALVADOR"], name="IGNACIO ELLACURIA")],
        "D2": [_key("ATTACK", "- 20 NOV 89", ["EL SALVADOR", "SAN SALVADOR"], name="JOSE IGNACIO ELLACURIA")],
        "D3": [_key("ATTACK", "16 NOV 89", ["GUATEMALA"], name="IGNACIO ELLACURIA")],  # another country
        "D4": [_key("BOMBING", "27 AUG 89", ["COLOMBIA", "MEDELLIN"], things="BANK BRANCHES")],
        "D5": [_key("BOMBING", "27 AUG 89", ["COLOMBIA", "MEDELLIN"], things="BANCO CAFETERO BRANCH")],
        "D6": [_key("BOMBING", "- 30 AUG 89", ["COLOMBIA", "MEDELLIN"], things="BANK")],  # open date
        "D7": [{"incident_type": "*"}],
    }
    gold = gold_clusters(keys)
    assert "D7#0" not in gold
    assert gold["D1#0"] == gold["D2#0"] != gold["D3#0"]
    assert gold["D4#0"] == gold["D5#0"] != gold["D6#0"]
