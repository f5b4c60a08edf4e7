import json

import jsonschema

from strife.models import (
    SCHEMA_ID,
    SUB_EVENT_TYPES,
    Article,
    Count,
    Event,
    Mention,
    json_schema,
)


def _article() -> Article:
    text = "Gunmen killed three villagers on Monday."
    ev = Event(
        id="x",
        event_type="Violence against civilians",
        sub_event_type="Attack",
        trigger=Mention(text="killed", start=7, end=13),
        sentences=[0],
        counts=[Count(kind="fatalities", group="Civilians", low=3, high=3, text="three", start=14, end=19)],
    )
    return Article(text=text, raw="raw input", events=[ev])


def test_record_has_the_contract_shape_and_no_working_state():
    rec = _article().to_record()
    assert rec["schema"] == SCHEMA_ID
    assert set(rec) == {"schema", "article", "events", "warnings"}
    assert "raw" not in rec["article"] and "sentences" not in rec["article"]
    ev = rec["events"][0]
    assert "trigger" not in ev and "sentences" not in ev
    assert ev["counts"][0]["low"] == 3


def test_id_is_sha256_prefix_of_text_unless_given():
    a = _article()
    import hashlib

    assert a.ensure_id() == hashlib.sha256(a.text.encode()).hexdigest()[:16]
    assert Article(id="caller-1", text="x").ensure_id() == "caller-1"
    assert Article(text="same").ensure_id() == Article(text="same").ensure_id()
    assert Article(text="same").ensure_id() != Article(text="other").ensure_id()


def test_output_validates_against_generated_schema():
    schema = json_schema()
    jsonschema.validate(json.loads(_article().to_json()), schema)


def test_schema_rejects_unknown_event_type():
    schema = json_schema()
    rec = _article().to_record()
    rec["events"][0]["event_type"] = "Skirmish"
    try:
        jsonschema.validate(rec, schema)
    except jsonschema.ValidationError:
        return
    raise AssertionError("an unknown event type passed validation")


def test_sub_event_table_is_acleds():
    assert sum(len(v) for v in SUB_EVENT_TYPES.values()) == 25
    assert "Suicide bomb" in SUB_EVENT_TYPES["Explosions/Remote violence"]


def test_sentence_index():
    from strife.models import Span

    a = Article(text="One. Two.", sentences=[Span(start=0, end=4), Span(start=5, end=9)])
    assert a.sentence_index(6) == 1 and a.sentence_index(4) is None
