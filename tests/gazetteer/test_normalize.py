"""Name keys: spelling variants meet, different names do not."""

from __future__ import annotations

import pytest

from strife.gazetteer.normalize import index_keys, name_key, skeleton_key


@pytest.mark.parametrize(
    ("variants"),
    [
        ["Hasakeh", "Hasakah", "Hassakeh", "Al-Hasakah", "al Hasaka", "Al Ḩasakah"],
        ["Raqqa", "Raqqah", "Ar-Raqqah", "ar Raqqa"],
        ["al-Bab", "Al Bab", "Al Bāb", "el-Bab", "Bab"],
        ["Tell Abyad", "Tall Abyaḑ", "Tal Abyad", "Tel Abyad"],
        ["Qamishli", "Kamishli", "Al Qāmishlī"],
    ],
)
def test_tier1_variants_share_a_key(variants: list[str]) -> None:
    assert len({name_key(v) for v in variants}) == 1


@pytest.mark.parametrize(
    ("variants"),
    [
        ["Gweiran", "Ghwayran", "Ghweran", "Ghuwayran"],
        ["Deir ez-Zor", "Dayr az Zawr", "Deir al-Zour", "Deir Ezzor"],
        ["Idlib", "Idleb"],
        ["Ma'arrat al-Nu'man", "Maarat al-Numan"],
    ],
)
def test_skeleton_variants_share_a_key(variants: list[str]) -> None:
    keys = {skeleton_key(name_key(v)) for v in variants}
    assert len(keys) == 1 and "" not in keys


def test_different_names_stay_apart() -> None:
    assert name_key("Homs") != name_key("Hama")
    assert skeleton_key(name_key("Homs")) != skeleton_key(name_key("Hama"))
    assert name_key("San Salvador") != name_key("El Salvador")


def test_arabic_script_is_normalised() -> None:
    assert name_key("الحسكة") == name_key("الحسكه") == name_key("حسكة")
    assert name_key("حَلَب") == name_key("حلب")


def test_short_skeletons_are_not_indexed() -> None:
    assert skeleton_key(name_key("al-Bab")) == ""
    assert all(tier == 1 for tier, _key in index_keys("Bab", "SY"))


def test_skeleton_only_for_transliterating_countries() -> None:
    assert {tier for tier, _ in index_keys("Gweiran", "SY")} == {1, 2}
    assert {tier for tier, _ in index_keys("Gweiran", "FR")} == {1}
    assert {key for _, key in index_keys("Khalidiya (Homs)", "SY")} >= {name_key("Khalidiya")}
