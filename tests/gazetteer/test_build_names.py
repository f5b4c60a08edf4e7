"""Names the build derives for admin units (no sources needed)."""

from __future__ import annotations

from strife.gazetteer.build import _english_compass


def test_units_named_by_a_compass_point_get_their_english_names() -> None:
    assert _english_compass("Norte de Santander") == {"North Santander", "Northern Santander"}
    assert _english_compass("Sud-Kivu") == {"South Kivu", "Southern Kivu"}
    assert _english_compass("Nord-Est") == set()  # "Est" is no name
    assert _english_compass("Santander") == set()
