"""The GTT scorer on small hand-made documents (no model, no data files)."""

import itertools
import json
import random

import pytest

from strife.errors import InputError
from strife.eval import muc4
from strife.eval.muc4 import GoldDoc, Template, f1, pair_counts, score_corpus, score_document


def gold(kind, **roles):
    """A gold template: each entity a list of [mention, offset] pairs."""
    t = {"incident_type": kind, **{r: [] for r in muc4.ROLES}}
    for role, entities in roles.items():
        t[role] = [[[m, 0] for m in entity] for entity in entities]
    return t


def pred(kind, **roles):
    return {"incident_type": kind, **{r: [] for r in muc4.ROLES}, **roles}


def test_normalise_lowers_drops_punctuation_articles_and_spaces():
    assert muc4.normalise('The  "Santo Tomas" Farm.') == "santo tomas farm"
    assert muc4.normalise("the F.M.L.N.") == "fmln"
    assert muc4.normalise("an attack on a theatre") == "attack on theatre"


def test_doc_key_follows_the_published_scorer():
    assert muc4.doc_key("TST3-MUC4-0003") == "30003"
    assert muc4.doc_key("TST1-MUC3-0001") == "10001"
    assert muc4.doc_key("TST2-MUC4-0100") == "20100"
    with pytest.raises(ValueError):
        muc4.doc_key("not-an-id")


def test_incident_type_substring_rule():
    g = Template.from_dict(gold("bombing / attack"))
    assert pair_counts(Template.from_dict(pred("attack")), g) == {
        "incident_type": (1, 1),
        **{r: (0, 0) for r in muc4.ROLES},
    }
    assert (
        pair_counts(Template.from_dict(pred("bombing / attack")), Template.from_dict(gold("attack"))) is None
    )
    assert pair_counts(Template.from_dict(pred("")), g) is None


def hand_doc():
    golds = [
        gold(
            "bombing / attack",
            PerpInd=[["urban guerrillas", "guerrillas"]],
            PerpOrg=[["fmln", "farabundo marti national liberation front"]],
            Target=[["power station"]],
            Weapon=[["bomb"], ["dynamite"]],
        ),
        gold("kidnapping", Victim=[["the mayor"]], PerpInd=[["gunmen"]]),
    ]
    preds = [
        pred("kidnapping", Victim=[["Mayor"]], PerpInd=[["gunmen", "armed men"]]),
        pred(
            "attack",
            PerpInd=[["Guerrillas"]],
            PerpOrg=[["FMLN", "the F.M.L.N."]],
            Target=[["power station"], ["bus"]],
            Weapon=[["bomb"]],
        ),
    ]
    return preds, golds


def test_hand_computed_document():
    preds, golds = hand_doc()
    result = score_document([Template.from_dict(t) for t in preds], [Template.from_dict(t) for t in golds])
    assert result.alignment == [(0, 1), (1, 0)]
    t = result.tally
    assert sum(t.pred.values()) == 9 and sum(t.gold.values()) == 9
    # the multi-mention predicted entity ("gunmen", "armed men") is wrong as a whole
    assert (t.pred["PerpInd"], t.gold["PerpInd"], t.correct["PerpInd"], t.recalled["PerpInd"]) == (2, 2, 1, 1)
    # "FMLN" and "the F.M.L.N." normalise to one mention of the gold entity
    assert (t.correct["PerpOrg"], t.recalled["PerpOrg"]) == (1, 1)
    assert (t.pred["Target"], t.correct["Target"]) == (2, 1)
    assert (t.gold["Weapon"], t.recalled["Weapon"]) == (2, 1)
    p, r, f = t.prf()
    assert p == pytest.approx(7 / 9) and r == pytest.approx(7 / 9) and f == pytest.approx(7 / 9)


def test_two_predicted_entities_matching_one_gold_entity():
    g = Template.from_dict(gold("attack", Victim=[["priests", "jesuit priests"]]))
    p = Template.from_dict(pred("attack", Victim=[["priests"], ["Jesuit priests"]]))
    assert pair_counts(p, g)["Victim"] == (2, 1)


def test_alignment_maximises_f1_not_the_sum_of_matches():
    p0 = pred("attack", PerpInd=[["x"], ["y"], ["z"], ["w"]])
    g0 = gold("attack", PerpInd=[["x", "y", "z", "w"]])  # with p0: (5 correct, 2 recalled)
    g1 = gold("attack", PerpInd=[["x"], ["y", "q"]])  # with p0: (3 correct, 3 recalled)
    g2 = gold("bombing", Target=[[f"t{i}"] for i in range(10)])  # never aligned: weighs on recall
    result = score_document([Template.from_dict(p0)], [Template.from_dict(t) for t in (g0, g1, g2)])
    assert result.alignment == [(0, 1)]
    assert f1(3, 3, 5, 16) > f1(5, 2, 5, 16)


def brute_force(preds, golds):
    """The published scorer's search: every assignment of predictions to gold or nothing."""
    totals = (
        sum(t.size(n) for t in preds for n in muc4.FIELDS),
        sum(t.size(n) for t in golds for n in muc4.FIELDS),
    )
    best = 0.0
    for choice in itertools.product(range(-1, len(golds)), repeat=len(preds)):
        used = [g for g in choice if g >= 0]
        if len(used) != len(set(used)):
            continue
        cp = cr = 0
        for i, g in enumerate(choice):
            counts = pair_counts(preds[i], golds[g]) if g >= 0 else None
            if counts:
                cp += sum(c for c, _ in counts.values())
                cr += sum(r for _, r in counts.values())
        best = max(best, f1(cp, cr, *totals))
    return best, totals


def test_exact_search_equals_exhaustive_search_on_random_documents():
    rng = random.Random(7)
    words = ["a", "b", "c", "d"]

    def template():
        t = {"incident_type": rng.choice(["attack", "bombing", "bombing / attack"])}
        for role in ("PerpInd", "Victim"):
            t[role] = [rng.sample(words, rng.randint(1, 2)) for _ in range(rng.randint(0, 3))]
        return Template.from_dict(t)

    for _ in range(300):
        preds = [template() for _ in range(rng.randint(0, 4))]
        golds = [template() for _ in range(rng.randint(0, 4))]
        result = score_document(preds, golds)
        best, totals = brute_force(preds, golds)
        got = f1(sum(result.tally.correct.values()), sum(result.tally.recalled.values()), *totals)
        assert got == pytest.approx(best)


def gtt_docs():
    preds, golds = hand_doc()
    return [GoldDoc("TST1-MUC3-0001", "text", golds), GoldDoc("TST1-MUC3-0002", "text", [])], preds


def test_perfect_predictions_score_100_and_empty_predictions_0_recall():
    docs, _ = gtt_docs()
    perfect = {
        d.key: {
            "pred_templates": [
                pred(t["incident_type"], **{r: [[m for m, _ in e] for e in t[r]] for r in muc4.ROLES})
                for t in d.templates
            ]
        }
        for d in docs
    }
    rows = dict((name, (p, r, f)) for name, p, r, f in muc4.score_rows(score_corpus(perfect, docs).tally))
    assert rows["micro"] == (100.0, 100.0, 100.0)
    empty = {d.key: {"pred_templates": []} for d in docs}
    result = score_corpus(empty, docs)
    assert result.tally.prf() == (0.0, 0.0, 0.0) and not result.warnings


def test_missing_and_extra_documents_are_warned_about():
    docs, preds = gtt_docs()
    result = score_corpus({"10001": {"pred_templates": preds}, "99999": {"pred_templates": []}}, docs)
    assert any("no prediction" in w for w in result.warnings)
    assert any("not in the gold file" in w for w in result.warnings)
    assert result.tally.prf()[0] == pytest.approx(7 / 9)


def test_loading_files_gives_clear_errors(tmp_path):
    good = tmp_path / "docs.json"
    good.write_text(json.dumps({"docid": "TST1-MUC3-0007", "doctext": "x", "templates": []}) + "\n\n")
    assert [d.key for d in muc4.load_gtt_docs(good)] == ["10007"]
    bad = tmp_path / "bad.json"
    bad.write_text('{"docid": "TST1-MUC3-0001"}\n{oops\n')
    with pytest.raises(InputError, match=r"bad.json:2"):
        muc4.load_gtt_docs(bad)
    with pytest.raises(InputError, match="cannot be read"):
        muc4.load_predictions(tmp_path / "absent.json")
    listed = tmp_path / "list.json"
    listed.write_text("[]")
    with pytest.raises(InputError, match="expected a JSON object"):
        muc4.load_predictions(listed)
