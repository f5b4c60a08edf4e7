"""CASE 2021 typing harness: the code table, the TSV reader and the scores (no model)."""

import pytest

from strife.errors import InputError
from strife.eval import case2021
from strife.eval.case2021 import NO_EVENT, Prediction, load_snippets, score, snippet_event
from strife.models import SUB_EVENT_TYPES, Event


def test_every_acled_sub_event_type_has_exactly_one_code():
    spelled = {s for subs in SUB_EVENT_TYPES.values() for s in subs}
    assert set(case2021.CODES) == spelled
    assert len(set(case2021.CODES.values())) == len(spelled)
    assert not set(case2021.CODES.values()) & case2021.NON_CONFLICT


def test_reading_the_tsv(tmp_path):
    path = tmp_path / "t.tsv"
    path.write_text(
        "id\tEventSnippet\tSubType\n"
        '1\tWarplanes pounded the village "X", killing 6.\tAIR_STRIKE\n'
        "2\tFloods hit the coast.\tNATURAL_DISASTER\n",
        encoding="utf-8",
    )
    snippets = load_snippets(path)
    assert [(s.id, s.code, s.expected) for s in snippets] == [
        ("1", "AIR_STRIKE", "AIR_STRIKE"),
        ("2", "NATURAL_DISASTER", NO_EVENT),
    ]
    assert '"X"' in snippets[0].text  # quotes are text, not CSV quoting
    assert len(load_snippets(path, limit=1)) == 1
    path.write_text("id\tEventSnippet\tSubType\n3\tSomething\tNOT_A_CODE\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"t\.tsv:2"):
        load_snippets(path)
    with pytest.raises(InputError, match="cannot be read"):
        load_snippets(tmp_path / "absent.tsv")


def test_the_snippet_is_typed_by_its_most_confident_current_event():
    def ev(sub, confidence, background=False):
        return Event(
            id=sub, event_type="Battles", sub_event_type=sub, confidence=confidence, background=background
        )

    events = [ev("Armed clash", 0.6), ev("Government regains territory", 0.9, background=True)]
    assert snippet_event(events).sub_event_type == "Armed clash"
    assert snippet_event([ev("Armed clash", 0.9, background=True)]) is None


def p(gold, predicted):
    expected = NO_EVENT if gold in case2021.NON_CONFLICT else gold
    return Prediction(id="x", gold=gold, expected=expected, predicted=predicted)


def test_scores_by_hand():
    preds = [
        p("AIR_STRIKE", "AIR_STRIKE"),
        p("AIR_STRIKE", "ART_MISS_ATTACK"),
        p("ART_MISS_ATTACK", "ART_MISS_ATTACK"),
        p("DIPLO", NO_EVENT),
        p("NATURAL_DISASTER", "ARMED_CLASH"),
    ]
    report = score(preds)
    assert report.n == 5 and report.accuracy == pytest.approx(3 / 5)
    by = {c.label: c for c in report.classes}
    # AIR_STRIKE: P 1/1, R 1/2 -> F1 2/3; ART_MISS_ATTACK: P 1/2, R 1/1 -> F1 2/3
    assert by["AIR_STRIKE"].f1 == pytest.approx(2 / 3) and by["ART_MISS_ATTACK"].f1 == pytest.approx(2 / 3)
    assert report.macro_f1 == pytest.approx(2 / 3)
    # NO_EVENT: P 1/1, R 1/2 -> 2/3 as well
    assert report.macro_f1_with_none == pytest.approx(2 / 3)
    assert by["AIR_STRIKE"].confused_with == [("ART_MISS_ATTACK", 1)]
    assert ("NO_EVENT", "ARMED_CLASH", 1) in report.confusions
    assert score([]).accuracy == 0.0
