"""FA-KES evaluation: reading the file, choosing an article's main event, reading the label."""

from __future__ import annotations

import json

import pytest

from strife.errors import InputError
from strife.eval import fakes
from strife.models import Event, Location


def _event(confidence: float, admin1: str | None, background: bool = False) -> Event:
    place = Location(name=admin1, admin1=admin1, country="Syria", iso3="SYR") if admin1 else Location()
    return Event(
        id=f"e-{confidence}",
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        confidence=confidence,
        background=background,
        location=place,
    )


def test_load_reads_records_and_names_a_bad_line(tmp_path):
    good = {"id": "a1", "title": "t", "text": "Shells fell.", "date": "2016-05-09", "governorate": "idlib"}
    path = tmp_path / "f.jsonl"
    path.write_text(json.dumps(good) + "\n\n", encoding="utf-8")
    [item] = fakes.load(path)
    assert (item.id, item.published, item.governorate) == ("a1", "2016-05-09", "idlib")
    path.write_text(json.dumps(good) + "\n" + json.dumps({**good, "date": "9 May"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"f\.jsonl:2"):
        fakes.load(path)


def test_main_event_is_the_most_confident_placed_current_one():
    events = [
        _event(0.9, "Aleppo", background=True),  # a recollection is not the article's news
        _event(0.8, None),  # no place to compare
        _event(0.6, "Idlib"),
        _event(0.4, "Hama"),
    ]
    main = fakes.main_event(events)
    assert main is not None and main.location is not None and main.location.admin1 == "Idlib"
    assert fakes.main_event([_event(0.5, None)]) is None


@pytest.mark.slow
def test_labels_are_read_through_the_gazetteer(resources):
    gazetteer = resources.gazetteer
    # the data set's own spellings resolve to the admin-1 units the place stage writes
    assert fakes.governorate(gazetteer, "deir ezzor") == fakes.governorate(gazetteer, "Deir ez-Zor")
    assert fakes.governorate(gazetteer, "hasakeh") == fakes.governorate(gazetteer, "Al-Hasakah") is not None
    assert fakes.governorate(gazetteer, "no such governorate") is None


def test_a_label_set_without_rif_dimashq_folds_the_countryside_into_damascus():
    coarse = fakes.covers({"Damascus", "Aleppo"})
    assert coarse["Damascus"] == {"Damascus", "Rif Dimashq"}
    assert coarse["Aleppo"] == {"Aleppo"}
    # a label set that names the countryside keeps the two governorates apart
    fine = fakes.covers({"Damascus", "Rif Dimashq"})
    assert fine["Damascus"] == {"Damascus"} and fine["Rif Dimashq"] == {"Rif Dimashq"}
