"""The shipped JSON Schema: equal to what the models generate, and records follow it."""

from __future__ import annotations

import json

import jsonschema
import pytest

from strife.models import Actor, Article, Count, DateInfo, Event, Location, Mention
from strife.schema import generated_text, shipped, shipped_text, validate


def test_shipped_schema_is_current():
    assert shipped_text() == generated_text(), "run `python -m strife.schema` after changing the models"


def test_shipped_schema_is_a_valid_schema():
    jsonschema.Draft202012Validator.check_schema(shipped())
    assert shipped()["$id"] == "strife.article/1"


def full_article() -> Article:
    event = Event(
        id="a-1", event_type="Explosions/Remote violence", sub_event_type="Suicide bomb", tags=["suicide_attack"],
        date=DateInfo(start="2017-05-22", end="2017-05-22", precision=1, text="Monday night"),
        location=Location(name="Manchester", country="United Kingdom", iso3="GBR", lat=53.48, lon=-2.24, geo_precision=1),
        actor1=Actor(name="Islamic State", type="Rebel group", text="the Islamic State group"),
        actor2=Actor(name="Civilians", type="Civilians"),
        perpetrators=[Mention(text="A suicide bomber", start=0, end=16)],
        weapons=[Mention(text="home-made device", start=20, end=36, type="Explosives")],
        attack_type="Bombing/Explosion",
        counts=[Count(kind="fatalities", low=22, high=22, source="police", text="killed 22", start=17, end=26)],
    )  # fmt: skip
    return Article(
        id="a", title="t", published="2017-05-23", published_from="text", text="x" * 40, events=[event]
    )


def test_hand_built_record_validates():
    validate(full_article().to_record())
    validate(Article(text="nothing here").to_record())


@pytest.mark.parametrize(
    "breakage",
    [
        lambda r: r.pop("schema"),
        lambda r: r["events"][0].update(event_type="Skirmish"),
        lambda r: r["events"][0]["date"].update(precision=7),
        lambda r: r["article"].update(extra="field"),
        lambda r: r["events"][0]["counts"][0].pop("kind"),
    ],
)
def test_broken_records_fail(breakage):
    record = json.loads(full_article().to_json())
    breakage(record)
    with pytest.raises(jsonschema.ValidationError):
        validate(record)
