"""Reconciliation of conflicting claims: hand-made counts, no language model."""

from __future__ import annotations

from strife.figures import per_group, reconcile, source_rank
from strife.models import Count, Fatalities

MONITOR = "Independent Human Rights Monitor"


def c(low, high=None, *, kind="fatalities", group=None, source=None, qualifier="exact", text="x"):
    if high is None and qualifier == "exact":
        high = low
    return Count(
        kind=kind,
        group=group,
        low=low,
        high=high,
        qualifier=qualifier,
        source=source,
        text=text,
        start=0,
        end=1,
    )


def test_no_fatality_claims_give_empty_fatalities():
    assert reconcile([]) == Fatalities()
    assert reconcile([c(40, kind="injured"), c(12, kind="escaped")]) == Fatalities()


def test_a_single_claim():
    assert reconcile([c(11)]) == Fatalities(low=11, best=11, high=11)


def test_groups_add_up_and_the_monitor_is_preferred():
    counts = [
        c(150, group="Army", source="Rebels"),  # a party's claim of its enemy's losses
        c(30, group="Army", source=MONITOR),
        c(60, group="Rebels", source=MONITOR, qualifier="more_than", high=None),
        c(5, group="Civilians", source=MONITOR),
        c(12, group="Army", source="Army"),  # a party's count of its own losses
    ]
    fat = reconcile(counts)
    assert fat.low == 12 + 60 + 5  # per group, the lowest claim
    assert fat.best == 30 + 60 + 5  # per group, the most credible source
    assert fat.high == 150  # the largest total any one source claims


def test_best_prefers_monitor_then_article_then_party():
    assert source_rank("Syrian Observatory for Human Rights", []) == 3
    assert source_rank(None, []) == 2
    assert source_rank("Local activists", []) == 2
    assert source_rank("Army", ["Army"]) == 1
    assert source_rank("Some Agency", [], {"Some Agency": 1}) == 1
    assert reconcile([c(20, source="Army", group="Army"), c(25, group="Army")]).best == 25


def test_a_claim_with_no_group_is_a_total():
    counts = [c(19), c(6, group="Civilians")]
    assert reconcile(counts) == Fatalities(low=19, best=19, high=19)


def test_named_groups_beyond_a_partial_total():
    counts = [c(3, qualifier="vague", high=None), c(17, group="A"), c(7, group="Civilians")]
    fat = reconcile(counts)
    assert (fat.low, fat.best) == (24, 24)


def test_vague_figures_count_at_their_table_value_and_lose_to_exact_ones():
    assert reconcile([c(12, qualifier="vague", high=None)]) == Fatalities(low=12, best=12, high=12)
    fat = reconcile([c(20, qualifier="vague", high=None), c(23)])
    assert (fat.low, fat.best, fat.high) == (20, 23, 23)


def test_a_revised_toll_wins_over_the_earlier_one():
    counts = [c(20, text="20 people"), c(30, text="rose to 30")]
    fat = reconcile(counts)
    assert (fat.low, fat.best, fat.high) == (20, 30, 30)


def test_at_most_counts_at_its_upper_bound():
    fat = reconcile([c(None, 15, qualifier="at_most")])
    assert fat == Fatalities(low=15, best=15, high=15)


def test_attackers_who_die_count():
    counts = [c(2, group="Islamic State", text="two suicide bombers"), c(9, group="Civilians")]
    assert reconcile(counts).best == 11


def test_bounds_are_ordered():
    for counts in (
        [c(5, source="A", group="G"), c(50, source=MONITOR, group="G")],
        [c(100, source="A"), c(1, source=MONITOR)],
    ):
        fat = reconcile(counts, {"A": 1})
        assert fat.low <= fat.best <= fat.high


def test_per_group_keeps_the_best_source():
    groups = per_group([c(39, group="G", source=MONITOR), c(200, group="G", source="Enemy")], {"Enemy": 1})
    assert groups["G"].best == 39 and groups["G"].best_source == MONITOR
    assert (groups["G"].low, groups["G"].high) == (39, 200)
