"""The one mapping from strife events to MUC-4 templates (used by `muc4 predict` and `muc4-keys`).

Reads an article's events (type, sub-event type, tags, attack type, background flag, actor1,
perpetrators, victims, targets, weapons). MUC-4 templates record terrorist and state violence
against people and property, not combat between armed forces, so Battles, arrests, agreements
and peaceful protests map to nothing, and so do background events (recollections, not the
reported incident). Each kept event gives one template:

- incident type: kidnapping (abduction, hostage taking), forced work stoppage (`strike_action`),
  bombing (explosive sub-event types, GTD's Bombing/Explosion, `ied`/`vbied`/`suicide_attack`,
  an explosive weapon), robbery and arson (their tags), otherwise attack for violence against
  people or property (a battle counts when GTD would call it an attack on named targets);
- PerpOrg: actor1 when it is a named organisation or state forces; a generic armed group goes to
  PerpInd with the perpetrators as the text describes them; Target, Victim, Weapon: the event's
  targets, victims and weapons. One mention per entity: the GTT metric rewards a predicted
  entity only when all its mentions belong to one gold entity.

Templates of one type sharing a target or victim are one incident and are merged; a document
keeps at most `max_templates` (the published scorer's search is exponential in their number).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from strife.eval.muc4 import ROLES, GoldDoc, doc_key, normalise
from strife.eval.runner import run_articles
from strife.models import Article, Event, Mention

#: The published scorer becomes intractable beyond this many predicted templates per document.
MAX_TEMPLATES = 6
DEFAULT_TEMPLATES = 4

KIDNAPPING_TAGS = frozenset({"kidnapping", "hostage_taking"})
BOMBING_TAGS = frozenset({"ied", "vbied", "suicide_attack"})
KIDNAPPING_ATTACKS = frozenset({"Hostage Taking (Kidnapping)", "Hostage Taking (Barricade Incident)"})
BOMBING_SUB_EVENTS = frozenset(
    {"Suicide bomb", "Remote explosive/landmine/IED", "Grenade", "Air/drone strike"}
)
#: Sub-event types that are violence against people or property: a MUC-4 attack unless a tag or
#: the explosive family says more.
ATTACK_SUB_EVENTS = frozenset(
    {
        "Attack",
        "Sexual violence",
        "Shelling/artillery/missile attack",
        "Chemical weapon",
        "Excessive force against protesters",
        "Mob violence",
        "Violent demonstration",
        "Looting/property destruction",
    }
)
#: Civilians, protesters and rioters are not organisations MUC-4 names as perpetrators.
NON_ORG_ACTORS = frozenset({"Civilians", "Protesters", "Rioters"})


def incident_type(event: Event) -> str | None:
    """The MUC-4 incident type of an event, or None when it is not a MUC-4 incident."""
    if event.background:
        return None
    tags = set(event.tags)
    sub = event.sub_event_type
    if (
        tags & KIDNAPPING_TAGS
        or event.attack_type in KIDNAPPING_ATTACKS
        or sub == "Abduction/forced disappearance"
    ):
        return "kidnapping"
    if "strike_action" in tags:
        return "forced work stoppage"
    explosive = (
        sub in BOMBING_SUB_EVENTS
        or event.attack_type == "Bombing/Explosion"
        or bool(tags & BOMBING_TAGS)
        or _explosive_weapon(event)
    )
    if sub == "Disrupted weapons use":  # a defused bomb is an attempted bombing in MUC-4
        return "bombing" if explosive else None
    if not (sub in ATTACK_SUB_EVENTS or sub in BOMBING_SUB_EVENTS or _assault_in_battle(event)):
        return None
    if explosive:
        return "bombing"
    if "robbery" in tags:
        return "robbery"
    if "arson" in tags:
        return "arson"
    return "attack"


def _assault_in_battle(event: Event) -> bool:
    """A fight typed as a battle that GTD would call an attack (it has an attack type) on
    property or people named as targets or victims: MUC-4 records it (combat alone it does not)."""
    return (
        event.event_type == "Battles"
        and event.attack_type is not None
        and bool(event.targets or event.victims)
    )


def _explosive_weapon(event: Event) -> bool:
    return any((w.type or "").startswith("Explosives") for w in event.weapons)


@dataclass
class MappedTemplate:
    """A MUC-4 template built from one or more strife events (kept for the keys evaluation)."""

    incident_type: str
    roles: dict[str, list[str]] = field(default_factory=lambda: {r: [] for r in ROLES})
    events: list[Event] = field(default_factory=list)

    @property
    def confidence(self) -> float:
        return max((e.confidence for e in self.events), default=0.0)

    def fillers(self) -> int:
        return sum(len(v) for v in self.roles.values())

    def add(self, role: str, mention: str) -> None:
        if normalise(mention) not in {normalise(m) for m in self.roles[role]}:
            self.roles[role].append(mention)

    def to_gtt(self) -> dict[str, Any]:
        """The template as the GTT predictions file holds it (each entity a list of mentions)."""
        out: dict[str, Any] = {"incident_type": self.incident_type}
        for role in ROLES:
            out[role] = [[m] for m in self.roles[role]]
        return out


def surface(article: Article, mention: Mention) -> str | None:
    """The mention's words as they stand in the text (None when they are not in it)."""
    text = article.text
    if 0 <= mention.start < mention.end <= len(text) and text[mention.start : mention.end].strip():
        return text[mention.start : mention.end].strip()
    if mention.text.strip() and mention.text in text:
        return mention.text.strip()
    return None


def perpetrator_actor(article: Article, event: Event) -> tuple[str | None, str | None]:
    """(PerpOrg, PerpInd) words for actor1: a named organisation (a known actor of the
    dictionary) or state forces are an organisation, written as the dictionary matched it;
    a generic armed group ("guerrillas", "terrorists") describes individuals."""
    actor = event.actor1
    if actor is None or actor.type in NON_ORG_ACTORS:
        return None, None
    mentions = sorted((m for m in article.actor_mentions if m.name == actor.name), key=lambda m: m.start)
    known = [m for m in mentions if m.known]
    if known:
        return surface(article, known[0]), None
    words = _in_text(article, actor.text) or (surface(article, mentions[0]) if mentions else None)
    generic = actor.name.startswith("Unidentified") or (mentions and actor.type != "State forces")
    return (None, words) if generic else (words, None)


def _in_text(article: Article, words: str | None) -> str | None:
    """`words` as the text writes them (case aside), or None when the text does not hold them."""
    if not words:
        return None
    at = article.text.lower().find(words.lower())
    return article.text[at : at + len(words)] if at >= 0 else None


def event_template(article: Article, event: Event) -> MappedTemplate | None:
    """One event as a MUC-4 template, or None when it is not a MUC-4 incident."""
    kind = incident_type(event)
    if kind is None:
        return None
    template = MappedTemplate(kind, events=[event])
    org, individuals = perpetrator_actor(article, event)
    if org:
        template.add("PerpOrg", org)
    if individuals:
        template.add("PerpInd", individuals)
    groups = (
        ("PerpInd", event.perpetrators),
        ("Target", event.targets),
        ("Victim", event.victims),
        ("Weapon", event.weapons),
    )
    for role, mentions in groups:
        for m in mentions:
            words = surface(article, m)
            if words and not (role == "PerpInd" and org and normalise(words) == normalise(org)):
                template.add(role, words)
    return template


def _same_incident(a: MappedTemplate, b: MappedTemplate) -> bool:
    if a.incident_type != b.incident_type:
        return False
    for role in ("Target", "Victim"):
        if {normalise(m) for m in a.roles[role]} & {normalise(m) for m in b.roles[role]}:
            return True
    return False


def article_templates(article: Article, max_templates: int = DEFAULT_TEMPLATES) -> list[MappedTemplate]:
    """The article's MUC-4 templates: mapped, merged per incident, the most confident kept."""
    max_templates = max(0, min(max_templates, MAX_TEMPLATES))
    merged: list[MappedTemplate] = []
    for event in article.events:
        template = event_template(article, event)
        if template is None:
            continue
        twin = next((t for t in merged if _same_incident(t, template)), None)
        if twin is None:
            merged.append(template)
            continue
        twin.events.extend(template.events)
        for role in ROLES:
            for m in template.roles[role]:
                twin.add(role, m)
    ranked = sorted(merged, key=lambda t: (-t.confidence, -t.fillers()))
    return ranked[:max_templates]


@dataclass
class Predictions:
    """The predictions file's content (`templates`) and what happened on the way."""

    templates: dict[str, Any] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    events: int = 0


def predict(pipeline: Any, docs: list[GoldDoc], max_templates: int = DEFAULT_TEMPLATES) -> Predictions:
    """Run the pipeline over GTT documents (their text as given, lower-cased) and map the events.

    Every document gets an entry, empty when the pipeline failed on it (the error is kept).
    """
    articles = [Article(id=d.docid, source=d.docid, raw=d.text) for d in docs]
    out = Predictions()
    for article, error in run_articles(pipeline, articles, "MUC-4 documents"):
        templates = [] if error else article_templates(article, max_templates)
        if error:
            out.errors.append(error)
        out.events += len(article.events) if not error else 0
        out.templates[doc_key(article.id or "")] = {"pred_templates": [t.to_gtt() for t in templates]}
    return out
