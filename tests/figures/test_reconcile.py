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
    # "scores" (at least 20) agrees with 23; "scores" against 15 is a rival the exact figure beats
    fat = reconcile([c(23, source="Ministry"), c(20, qualifier="vague", high=None, source="Residents")])
    assert (fat.low, fat.best, fat.high) == (23, 23, 23)
    fat = reconcile([c(15, source="Ministry"), c(20, qualifier="vague", high=None, source="Residents")])
    assert (fat.low, fat.best, fat.high) == (15, 15, 20)


def test_a_revised_toll_wins_over_the_earlier_one():
    counts = [c(40, text="40 people", source="Ministry"), c(30, text="rose to 30", source="Police")]
    fat = reconcile(counts)
    assert (fat.low, fat.best, fat.high) == (30, 30, 40)
    assert reconcile([c(20, text="20 people"), c(30, text="rose to 30")]) == Fatalities(
        low=30, best=30, high=30
    )


def test_one_source_figure_is_its_largest_the_smaller_are_parts_or_earlier():
    # "Ten people were killed ... The mayor was among them": the mayor is one of the ten
    mayor = c(1, qualifier="at_least", high=None, text="The mayor")
    assert reconcile([c(10, text="Ten people"), mayor]) == Fatalities(low=10, best=10, high=10)
    # a lower bound from another source is consistent with a figure: no rival, no lower estimate
    fat = reconcile([c(10, source="Police"), mayor, c(14, source="Residents")])
    assert (fat.low, fat.best, fat.high) == (10, 10, 14)
    # open figures alone: the tightest lower bound
    plural = c(2, qualifier="at_least", high=None, text="the priests", source="Radio")
    assert reconcile([mayor, plural]) == Fatalities(low=2, best=2, high=2)


def test_a_total_encloses_its_parts():
    def at(low, start, end, group=None):
        return Count(
            kind="fatalities", low=low, high=low, group=group, text="x" * (end - start), start=start, end=end
        )

    # "five soldiers and three civilians": 0-14 "five soldiers", 19-34 "three civilians", total 0-34
    counts = [at(5, 0, 13), at(3, 18, 33, "Civilians"), at(8, 0, 33)]
    assert reconcile(counts) == Fatalities(low=8, best=8, high=8)
    # "nine children and two women", all civilians
    counts = [at(9, 0, 13, "Civilians"), at(2, 18, 27, "Civilians"), at(11, 0, 27, "Civilians")]
    assert reconcile(counts).best == 11


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


def test_without_ranks_the_actor_dictionary_rates_the_sources():
    # after events merge, callers pass no ranks: a party's own outlet must still count as a party
    counts = [c(20, group="Syrian Democratic Forces", source="Amaq"), c(50, group="Syrian Democratic Forces")]
    assert reconcile(counts).best == 50  # Amaq is Islamic State's outlet: the article's figure wins
    assert reconcile(counts, {}).best == 20  # the name rule alone: equal ranks, the lower figure
    monitor = [c(200, source="Amaq"), c(39, source="Syrian Observatory for Human Rights")]
    assert reconcile(monitor) == Fatalities(low=39, best=39, high=200)


def test_an_open_figure_of_the_monitor_yields_to_a_larger_figure_of_no_party():
    # the monitor names one victim ('the murder of the minister': at least 1); the article says
    # he died along with two bodyguards (at least 3): no contradiction, and 3 says more
    counts = [
        c(1, source=MONITOR, qualifier="at_least", high=None),
        c(3, qualifier="at_least", high=None),
    ]
    assert reconcile(counts, {}) == Fatalities(low=3, best=3, high=3)


def test_an_open_figure_of_the_monitor_does_not_yield_to_a_party():
    counts = [
        c(1, group="Army", source=MONITOR, qualifier="at_least", high=None),
        c(40, group="Army", source="Rebels"),  # the rebels claim the killing of 40 soldiers
    ]
    fat = reconcile(counts, {"Rebels": 1})
    assert fat.best == 1 and fat.high == 40
