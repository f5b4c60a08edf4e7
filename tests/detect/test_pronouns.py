"""What a pronoun doer refers to: the speaker of a report, else the nearest earlier party."""

from __future__ import annotations

import pytest

from strife.detect.lexicon import lexicon
from strife.detect.pronouns import antecedent

pytestmark = pytest.mark.slow


def _antecedent(nlp, resources, text: str, nth: int = 0) -> str | None:
    doc = nlp(text)
    pron = [t for t in doc if t.lower_ in ("they", "it")][nth]
    found = antecedent(pron, resources.actors.find(text), lexicon())
    return found.text if found is not None else None


def test_a_pronoun_in_what_a_speaker_says_is_the_speaker(nlp, resources):
    text = "Rebel commanders said they recaptured an important crossroads on Tuesday."
    assert _antecedent(nlp, resources, text) == "commanders"


def test_otherwise_the_nearest_earlier_party(nlp, resources):
    text = "Guerrillas attacked the farm at dawn. Then they burned the facilities and stole food."
    assert _antecedent(nlp, resources, text) == "Guerrillas"


def test_no_fitting_antecedent_stays_unresolved(nlp, resources):
    assert _antecedent(nlp, resources, "They burned the facilities.") is None
