"""Trigger words and their families (`strife.detect.triggers`) on parsed sentences."""

from __future__ import annotations

import pytest

from strife.detect.lexicon import lexicon
from strife.detect.triggers import find_triggers


def _families(nlp, text: str) -> dict[str, str]:
    sent = next(iter(nlp(text).sents))
    return {t.token.lower_: t.family for t in find_triggers(sent, lexicon())}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "from" says where from: the weapons were taken, not the guerrillas
        ("Documents seized from the rebels show their plans.", None),
        ("Army seized drugs from the traffickers.", None),
        # people taken keep the kidnapping sense, wherever they were taken from
        ("Rebels seized two engineers from a construction site.", "abduct"),
    ],
)
def test_what_a_seizure_took_chooses_its_sense(nlp, text, expected):
    family = _families(nlp, text).get("seized")
    assert (family == "abduct") is (expected == "abduct")
