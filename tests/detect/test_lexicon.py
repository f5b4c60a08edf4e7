"""The shipped event lexicons load, index and answer lookups (no model needed)."""

from __future__ import annotations

from strife.detect.lexicon import contains_any, lexicon


def test_families_and_indexes():
    lex = lexicon()
    assert {"attack", "clash", "explosion", "escape", "mutiny", "territory", "protest"} <= set(lex.families)
    assert "attack" in lex.verbs["attack"]
    assert lex.nouns[("air", "strike")] == ["air"]
    assert lex.nouns[("counter", "-", "attack")] == ["clash"]  # hyphens split as spaCy does
    assert ("out", "escape") in lex.phrasal["break"]
    assert lex.participants[("escapee",)] == "escape"
    assert lex.instruments[("rocket",)] == "shelling"


def test_mergeable_families():
    lex = lexicon()
    assert lex.mergeable("attack", "kill")
    assert lex.mergeable("escape", "attack")  # an assault on a prison
    assert not lex.mergeable("execute", "escape")  # the executions of the day before
    assert not lex.mergeable("protest", "agreement")
    assert lex.mergeable("attack", "weapons")  # "overpowered guards, seizing their weapons"


def test_object_kinds_and_cues():
    lex = lexicon()
    assert "place" in lex.kind_of(["the", "village"])
    assert "person" in lex.kind_of(["three", "soldier"])
    assert "weapon" in lex.kind_of(["weapon", "cache"])
    assert "group" in lex.kind_of(["guerrilla", "column"])
    assert {"colonel", "governor", "priest"} <= lex.titles
    assert ("dynamite",) in lex.instruments
    assert "suicide" in lex.cue_names(["blow", "themselves", "up"])
    assert "air" in lex.cue_names(["warplane"])
    assert contains_any(["tear", "gas"], lex.cues["intervention"])


def test_an_ied_is_a_device_named_not_any_explosion():
    """A gas cylinder or fuel depot explodes too: "exploded" and "a blast" alone are no device
    (the `ied` tag, which keeps the model from vetoing the event as an accident)."""
    lex = lexicon()
    assert "ied" not in lex.cue_names(["a", "gas", "cylinder", "explode", "in", "a", "restaurant"])
    assert "ied" not in lex.cue_names(["the", "blast", "kill", "three", "worker"])
    assert "ied" in lex.cue_names(["a", "roadside", "bomb", "explode"])
    assert "ied" in lex.cue_names(["they", "plant", "an", "explosive", "device"])


def test_gtd_types():
    lex = lexicon()
    assert lex.typed(lex.targets, ["army", "barracks"]) == "Military"
    assert lex.typed(lex.targets, ["prison", "tower"]) == "Government (General)"
    assert lex.typed(lex.weapons, ["car", "bomb"]) == "Explosives/Vehicle"
    assert lex.typed(lex.weapons, ["rifle"]).startswith("Firearms")


def test_verbs_that_keep_their_sense_whatever_their_object():
    lex = lexicon()
    abduct, prop = lex.families["abduct"], lex.families["property"]
    # "seize" needs a person to be an abduction; "kidnap" is one whatever the object list holds
    assert not abduct.fits("seize", {"place"}) and abduct.fits("seize", {"person"})
    assert abduct.fits("kidnap", set()) and abduct.fits("take hostage", set())
    assert prop.fits("set fire", set()) and not prop.fits("destroy", set())
    assert not lex.families["weapons"].fits("seize", {"person"})
