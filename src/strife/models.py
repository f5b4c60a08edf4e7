"""The data model: one `Article` owns the cleaned text; everything found in it points into it.

The public fields of these models are the output contract `strife.article/1` (SCHEMA.md).
Working annotations that stages hand to each other (sentences, entity mentions, toponyms,
time expressions, figures) live on the article too but are excluded from the JSON output.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

SCHEMA_ID = "strife.article/1"

EventType = Literal[
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
]

#: ACLED's sub-event types by event type, spelled as ACLED spells them.
SUB_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
SubEventType = Literal[
    "Armed clash",
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Chemical weapon",
    "Air/drone strike",
    "Suicide bomb",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Grenade",
    "Sexual violence",
    "Attack",
    "Abduction/forced disappearance",
    "Peaceful protest",
    "Protest with intervention",
    "Excessive force against protesters",
    "Violent demonstration",
    "Mob violence",
    "Agreement",
    "Arrests",
    "Change to group/activity",
    "Disrupted weapons use",
    "Headquarters or base established",
    "Looting/property destruction",
    "Non-violent transfer of territory",
    "Other",
]

#: The controlled vocabulary of event tags.
TAGS: tuple[str, ...] = (
    "prison_break",
    "suicide_attack",
    "vbied",
    "hostage_taking",
    "execution",
    "mutiny",
    "air_strike",
    "territorial_change",
    "kidnapping",
    "assassination",
    "arson",
    "shelling",
    "ied",
    "massacre",
    "ambush",
    "raid",
    "siege",
    "robbery",
    "strike_action",
    "chemical_weapon",
)

ActorType = Literal[
    "State forces",
    "Rebel group",
    "Political militia",
    "Identity militia",
    "Rioters",
    "Protesters",
    "Civilians",
    "External/Other forces",
]

AttackType = Literal[
    "Assassination",
    "Armed Assault",
    "Bombing/Explosion",
    "Hijacking",
    "Hostage Taking (Barricade Incident)",
    "Hostage Taking (Kidnapping)",
    "Facility/Infrastructure Attack",
    "Unarmed Assault",
    "Unknown",
]

CountKind = Literal[
    "fatalities", "injured", "escaped", "recaptured", "hostages", "abducted", "arrested", "displaced", "other"
]
Qualifier = Literal["exact", "at_least", "more_than", "at_most", "approximately", "vague"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Span(_Model):
    """A character range of `Article.text`."""

    start: int
    end: int


class Mention(_Model):
    """Words of the text, by offsets into `Article.text`, with an optional type."""

    text: str
    start: int
    end: int
    type: str | None = None


class Evidence(_Model):
    start: int
    end: int
    text: str


class Actor(_Model):
    name: str
    type: ActorType | None = None
    text: str | None = None


class DateInfo(_Model):
    start: str | None = None
    end: str | None = None
    precision: Literal[1, 2, 3] | None = None
    text: str | None = None


class Location(_Model):
    name: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    iso3: str | None = None
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    geo_precision: Literal[1, 2, 3] | None = None
    geonames_id: int | None = None
    text: str | None = None


class Count(_Model):
    kind: CountKind
    group: str | None = None
    low: int | None = None
    high: int | None = None
    qualifier: Qualifier = "exact"
    source: str | None = None
    text: str
    start: int
    end: int


class Fatalities(_Model):
    low: int | None = None
    best: int | None = None
    high: int | None = None


class Event(_Model):
    id: str
    event_type: EventType
    sub_event_type: SubEventType
    tags: list[str] = Field(default_factory=list)
    background: bool = False
    date: DateInfo = Field(default_factory=DateInfo)
    location: Location = Field(default_factory=Location)
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actors: list[Actor] = Field(default_factory=list)
    perpetrators: list[Mention] = Field(default_factory=list)
    victims: list[Mention] = Field(default_factory=list)
    targets: list[Mention] = Field(default_factory=list)
    weapons: list[Mention] = Field(default_factory=list)
    attack_type: AttackType | None = None
    counts: list[Count] = Field(default_factory=list)
    fatalities: Fatalities = Field(default_factory=Fatalities)
    evidence: list[Evidence] = Field(default_factory=list)
    confidence: float = Field(default=0.5, ge=0, le=1)

    # -- working state shared by stages; not part of the output contract --------------------
    trigger: Mention | None = Field(default=None, exclude=True)
    sentences: list[int] = Field(default_factory=list, exclude=True)
    """Indexes into `Article.sentences` the event was read from (the first is its main one)."""


# -- working annotations, produced by the language layer and read by later stages ------------


class ActorMention(Mention):
    """A mention of an actor found by the actor dictionary (or guessed from context)."""

    name: str
    actor_type: ActorType | None = None
    country: str | None = None
    known: bool = True


class Toponym(Mention):
    """A place name found in the text; `candidates` are gazetteer ids in ranked order."""

    candidates: list[int] = Field(default_factory=list)


class TimeExpression(Mention):
    """A date or time expression and what it resolved to (None when it could not be)."""

    resolved: DateInfo | None = None


class Article(_Model):
    """One news report. Owns `text`; every offset anywhere indexes into it."""

    id: str | None = None
    source: str | None = None
    title: str | None = None
    byline: str | None = None
    publisher: str | None = None
    published: str | None = None
    published_from: Literal["metadata", "text", "supplied"] | None = None
    language: str | None = "en"
    text: str = ""
    events: list[Event] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    # -- input and working annotations (excluded from the output) ---------------------------
    raw: str | None = Field(default=None, exclude=True)
    """The text or HTML as read, before cleaning."""
    raw_format: Literal["text", "html"] = Field(default="text", exclude=True)
    url: str | None = Field(default=None, exclude=True)
    sentences: list[Span] = Field(default_factory=list, exclude=True)
    entities: list[Mention] = Field(default_factory=list, exclude=True)
    actor_mentions: list[ActorMention] = Field(default_factory=list, exclude=True)
    toponyms: list[Toponym] = Field(default_factory=list, exclude=True)
    time_expressions: list[TimeExpression] = Field(default_factory=list, exclude=True)
    figures: list[Count] = Field(default_factory=list, exclude=True)

    _doc: Any = PrivateAttr(default=None)
    """The spaCy Doc of `text` (set by the language stage; never serialised)."""

    @property
    def doc(self) -> Any:
        return self._doc

    @doc.setter
    def doc(self, value: Any) -> None:
        self._doc = value

    # -- helpers --------------------------------------------------------------------------------
    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]

    def mention(self, start: int, end: int, type: str | None = None) -> Mention:
        return Mention(text=self.text[start:end], start=start, end=end, type=type)

    def sentence_index(self, offset: int) -> int | None:
        """Index of the sentence containing character `offset`, or None."""
        for i, s in enumerate(self.sentences):
            if s.start <= offset < s.end:
                return i
        return None

    def ensure_id(self) -> str:
        if not self.id:
            self.id = hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:16]
        return self.id

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def to_record(self) -> dict[str, Any]:
        """The `strife.article/1` record as plain data."""
        self.ensure_id()
        body = self.model_dump(mode="json")
        events = body.pop("events")
        warnings = body.pop("warnings")
        return {"schema": SCHEMA_ID, "article": body, "events": events, "warnings": warnings}

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_record(), ensure_ascii=False, indent=indent)


class ArticleRecord(_Model):
    """The output record; used to generate the shipped JSON Schema."""

    model_config = ConfigDict(extra="forbid", title="strife.article/1")

    schema_: Literal["strife.article/1"] = Field(alias="schema")
    article: _ArticleOut
    events: list[Event]
    warnings: list[str]


class _ArticleOut(_Model):
    model_config = ConfigDict(extra="forbid", title="ArticleMetadata")

    id: str
    source: str | None
    title: str | None
    byline: str | None
    publisher: str | None
    published: str | None
    published_from: Literal["metadata", "text", "supplied"] | None
    language: str | None
    text: str


ArticleRecord.model_rebuild()


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the output record, generated from the models (serialisation mode)."""
    schema = ArticleRecord.model_json_schema(mode="serialization", by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    return schema
