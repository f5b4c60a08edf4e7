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


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "instrument", "kept"),
    [
        # weapons taken make no event of their use, wherever they stand in the list taken
        ("The army confiscated 3 rifles, 6 grenades and 200 sticks of dynamite.", "grenades", False),
        ("Explosives were seized by the police.", "explosives", False),
        # a bomb found or defused is an attempted attack; a bomb thrown was used
        ("Police found a bomb near the embassy.", "bomb", True),
        ("Guerrillas threw a grenade at the patrol.", "grenade", True),
    ],
)
def test_an_instrument_taken_was_not_used(nlp, text, instrument, kept):
    sent = next(iter(nlp(text).sents))
    found = {t.token.lower_ for t in find_triggers(sent, lexicon()) if t.kind == "instrument"}
    assert (instrument in found) is kept


@pytest.mark.slow
def test_a_pro_form_one_takes_the_kind_of_what_it_stands_for(nlp):
    # "one" stands for the arsenal, not for a person: no kidnapping
    families = _families(nlp, "The arsenal is the largest one seized from the guerrillas this year.")
    assert families.get("seized") != "abduct"
    assert _families(nlp, "The engineer was the only one seized by the rebels.").get("seized") == "abduct"
