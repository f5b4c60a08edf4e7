"""The one mapping from strife events to MUC-4 templates (used by `muc4 predict` and `muc4-keys`).

Reads an article's events (type, sub-event type, tags, attack type, background flag, actor1,
perpetrators, victims, targets, weapons). MUC-4 templates record terrorist and state violence
against people and property, not combat between armed forces, so Battles, arrests, agreements
and peaceful protests map to nothing, and so do background events (recollections, not the
reported incident). Each kept event gives one template (the incident type is decided in
`muc4_incidents`, the type half of this one mapping), and one more for an arson or a robbery its
tags tell beside its own type when the article has no template of that type yet:

- incident type: kidnapping (an abduction or GTD hostage taking of anyone but soldiers or rebels,
  who are captives of war; a `kidnapping` tag alone is not one), forced work stoppage
  (`strike_action` imposed by an armed group), bombing (`ied`/`vbied`/`suicide_attack`, an
  explosive weapon, or an explosive sub-event type or GTD's Bombing/Explosion when the main word is
  one of blasts, not a killing typed after a bomb told beside; a device tag counts whatever type
  the model gave; not shelling or an air strike, which MUC-4 calls attacks unless a bomb tag says
  otherwise; arson first when the main word sets on fire), robbery and arson (their tags),
  otherwise attack for violence against people or property. A battle counts when GTD would call it
  an attack on civilian things or named people (not troops fighting an armed group), or when a
  planted device was used; violence whose side hit is the state's forces and that hit nothing
  civilian and no named person is an act of war, no incident; a riot only when a device tag says a
  bomb was set off; an arrest, talks or a change of course whose main word is the deed they are
  about ("arrested in connection with the attack on ...") is that deed; a defused bomb when GTD gives it an attack type (explosives seized are no incident);
- PerpOrg: actor1 when it is a named organisation (not state forces the dictionary knows, who are
  more often who defused or reported than the keys' doer) or state forces the text names ("the
  army"), without the member nouns the actor matcher joined to it ("Shining Path terrorists" ->
  "Shining Path"), in the words the report mostly writes for a named group ("fmln" more than its
  full name, `usual`); a generic armed group or state forces named by their people ("soldiers") go
  to PerpInd, with the perpetrators as the text describes them, less the named organisation they
  hold ("FMLN urban guerrillas", "terrorists of the ELN" -> "urban guerrillas", "terrorists"; a
  bare "the ELN" is no PerpInd; "members of the FMLN" stays whole, as the keys write it; doers
  lose an `of` phrase that names no organisation: "the assassins of msgr romero" -> "assassins");
  a template with no PerpInd gets the members of an unnamed armed group its events' sentences
  name (`muc4_perps.told_doers`);
- Target: the event's targets with a GTD target type other than Military, not an area ("the
  highway", "a whole neighborhood") (MUC-4 records civilian things hit, not places, people or
  troops); Victim: the victims the text names (type `PERSON`: the keys hold names, "six priests"
  fills no slot); Weapon: the event's weapons, not a word for what one did ("the blast").
  Descriptions lose a leading quantity or demonstrative ("two bombs", "these bombs" -> "bombs") and
  a thing its possessive ("his car" -> "car") or a leading place name (`_unplaced`), as the keys
  mostly write them. One mention per entity: the GTT metric rewards a predicted entity only when
  all its mentions belong to one gold entity; a weapon or target named again by its head word
  ("the bomb" after "a car bomb", "the pipeline" after "the oil pipeline") is the same one, kept
  under the fuller words.

Templates of one type whose events hit a common target or victim (a person named in part and in
full counts), or of which one records no target or victim (nothing that would make it another
incident: "they were kidnapped last saturday by the eln"), are one incident and are merged; a
template whose events count their deeds ("two bomb attacks") is that many (`muc4_counts`); a
document keeps at most `max_templates` (the published scorer's search is exponential in their
number). A template with no perpetrator organisation gets the non-state armed group the article
names most (`document_group`), unless state forces did it or its events are told with
confidence below `FIRM` (0.55): an event a noun tells once ("the attack", 0.5), one placed by an
ambiguous place name (0.6 x 0.85) or one whose place was only inferred (0.6 x 0.9).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from strife.detect.roles import USES
from strife.eval.muc4 import DEFAULT_TEMPLATES, MAX_TEMPLATES, ROLES, GoldDoc, doc_key, normalise
from strife.eval.muc4_counts import counted
from strife.eval.muc4_incidents import ARMED_GROUPS, FIRM, NOT_TARGETS, incident_type
from strife.eval.muc4_perps import MEMBERS, last_word, organisation, surface, told_doers, without_group
from strife.eval.muc4_phrases import (
    NON_ORG_ACTORS,
    POSSESSIVES,
    QUANTITY,
    bare,
    doers,
    usual,
)
from strife.eval.runner import run_articles
from strife.gazetteer.places import distance_km
from strife.models import ActorMention, Article, Event, Location, Mention
from strife.wordsets import word_set


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
        """Add a filler unless the role has it; a person named in part ("Oqueli") and in full
        ("Hector Oqueli Colindres") is one victim, kept under the fuller name."""
        new = normalise(mention)
        if len(new.replace(" ", "")) < 2:
            return  # a stray letter or punctuation the parse cut off ("u.s" / ".") names nothing
        for i, old in enumerate(self.roles[role]):
            if normalise(old) == new:
                return
            if role == "Victim" and _part_of(new, normalise(old)):
                return
            if role == "Victim" and _part_of(normalise(old), new):
                self.roles[role][i] = mention
                return
            if role in ("Weapon", "Target") and _ends(normalise(old), new):
                return  # "the bomb" after "a car bomb": one weapon, kept under the fuller words
            if role in ("Weapon", "Target") and _ends(new, normalise(old)):
                self.roles[role][i] = mention
                return
        self.roles[role].append(mention)

    def to_gtt(self) -> dict[str, Any]:
        """The template as the GTT predictions file holds it (each entity a list of mentions)."""
        out: dict[str, Any] = {"incident_type": self.incident_type}
        for role in ROLES:
            out[role] = [[m] for m in self.roles[role]]
        return out


def perpetrator_actor(article: Article, event: Event) -> tuple[str | None, str | None]:
    """(PerpOrg, PerpInd) words for actor1: a named organisation (a known actor of the
    dictionary) or state forces are an organisation, written as the dictionary matched it;
    a generic armed group ("guerrillas", "terrorists") describes individuals."""
    actor = event.actor1
    if actor is None or actor.type in NON_ORG_ACTORS:
        return None, None
    mentions = sorted((m for m in article.actor_mentions if m.name == actor.name), key=lambda m: m.start)
    known = [m for m in mentions if m.known]
    if known and actor.type == "State forces":
        # a force the dictionary names ("the salvadoran armed forces") as the doer is more
        # often the one that defused, reported or fought back than the keys' perpetrator
        # (MUC-4 train-300: 6 of 45 right; dev: 8 of 33)
        return None, None
    if known:
        return organisation(surface(article, usual(known))), None
    words = _in_text(article, actor.text) or (surface(article, mentions[0]) if mentions else None)
    # a side the dictionary does not know and the text does not type ("Rosa Fernandez") is
    # rather a person than an organisation
    generic = actor.name.startswith("Unidentified") or (
        actor.type != "State forces" if mentions else actor.type is None
    )
    if not generic and words and last_word(words) in MEMBERS:
        generic = True  # "soldiers", "policemen": the people who did it, not their institution
    return (None, words) if generic else (words, None)


#: Heads of phrases for an area, where an event happened rather than what it hit ("set a
#: whole neighborhood on fire", "attacked on the highway"): the keys hold the houses
#: or vehicles hit there (on MUC-4 train, 2 of 1,114 templates' targets have such a head).
AREAS = word_set(
    """neighborhood neighborhoods neighbourhood neighbourhoods village villages town towns city
    area areas sector sectors zone zones district districts region regions road roads highway
    highways street streets outskirts suburb suburbs countryside jurisdiction canton"""
)


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
    described = [normalise(surface(article, m) or "") for m in event.perpetrators]
    if individuals and not any(normalise(individuals) in d for d in described):
        # "assassins" is the doer "a group of 10 paid assassins" names: one entity, not two
        template.add("PerpInd", individuals)
    groups = (
        ("PerpInd", event.perpetrators),
        ("Target", event.targets),
        ("Victim", event.victims),
        ("Weapon", event.weapons),
    )
    for role, mentions in groups:
        for m in mentions:
            if role == "Victim" and m.type != "PERSON":
                continue  # MUC-4's victims are named people (HUM TGT: NAME); "six priests" is not
            if role == "Target" and (m.type in NOT_TARGETS or last_word(m.text) in AREAS):
                continue  # MUC-4's targets are civilian things (PHYS TGT), not places or troops
            words = surface(article, m) if role != "Target" else _unplaced(article, m)
            words = words if role in ("Victim", "PerpInd") else bare(words)
            if role == "PerpInd":
                words = doers(article, without_group(article, m, words))
            if role == "Weapon" and words and words.lower() in USES:
                continue  # "the blast", "fire": what a weapon did; the keys name the weapon
            if words and not (role == "PerpInd" and org and normalise(words) == normalise(org)):
                template.add(role, words)
    return template


def _unplaced(article: Article, mention: Mention) -> str | None:
    """A thing hit without the place name that leads its phrase ("the medellin shopping mall",
    "a lima restaurant" -> "shopping mall", "restaurant"): the keys name the thing, the place
    is the incident's location."""
    words = surface(article, mention)
    if not words:
        return words
    for place in article.toponyms:
        if mention.start <= place.start and place.end < mention.end:
            before = article.text[mention.start : place.start].split()
            if all(w.lower() in QUANTITY or w.lower() in POSSESSIVES for w in before):
                rest = article.text[place.end : mention.end].strip()
                return rest if rest and not rest.startswith(("'", ",", "(")) else words
    return words


def _part_of(short: str, long: str) -> bool:
    """Whether the words of `short` are some of the words of `long`, in order."""
    words = long.split()
    parts = short.split()
    return bool(parts) and len(parts) < len(words) and all(p in words for p in parts)


def _ends(long: str, short: str) -> bool:
    """Whether `short` is the last words of the longer `long` ("car bomb" ends with "bomb")."""
    return long.endswith(" " + short)


def _hit(template: MappedTemplate) -> set[str]:
    """Everyone and everything the template's events hit, whether MUC-4 records it or not."""
    return {normalise(m.text) for e in template.events for m in [*e.targets, *e.victims]}


#: Tags of deeds MUC-4 records as incidents of their own when told beside another ("broke down
#: doors, looted stores, and burned several houses": a robbery and an arson).
OWN_INCIDENT_TAGS = ("arson", "robbery")


def _told_beside(template: MappedTemplate, event: Event) -> list[MappedTemplate]:
    """The incidents of another type that the event's tags tell beside the template's own, one
    template each, with its perpetrators and targets (an article's first of each type only)."""
    out = []
    for tag in OWN_INCIDENT_TAGS:
        if tag in event.tags and tag != template.incident_type:
            other = MappedTemplate(tag, events=[event])
            for role in ("PerpInd", "PerpOrg", "Target"):
                for words in template.roles[role]:
                    other.add(role, words)
            out.append(other)
    return out


#: Distance beyond which two located events are told of different places, so different
#: incidents (the keys give one template per place: "wounded in two clashes in A and B"; two
#: bombs in one city on one day are one incident). Chosen on MUC-4 train-300, flat from 40 to
#: 100 km; 15-30 km split a few more incidents of one area that the keys join. It differs from
#: `strife.stages.unify.RETELLING_KM` (50) on purpose: this one splits MUC-4 templates as the
#: keys do and was chosen on train for that; unify's decides whether two reports retell one
#: event, a different question.
APART_KM = 40.0


def _placed_apart(a: MappedTemplate, b: MappedTemplate) -> bool:
    """Whether an event of one template and one of the other are placed far apart (an event
    placed only in its country is placed nowhere in particular)."""
    spots = [[loc for e in t.events if _placed(loc := e.location)] for t in (a, b)]
    return any(
        distance_km(x.lat, x.lon, y.lat, y.lon) > APART_KM  # type: ignore[arg-type]
        for x in spots[0]
        for y in spots[1]
    )


def _placed(loc: Location) -> bool:
    return loc.lat is not None and loc.lon is not None and loc.name != loc.country


def _same_incident(a: MappedTemplate, b: MappedTemplate) -> bool:
    """One type and no two places far apart (`_placed_apart`), and a target or victim in
    common (a person named in full and in part counts), or one of the two records no target or
    victim at all."""
    if a.incident_type != b.incident_type or _placed_apart(a, b):
        return False
    if _hit(a) & _hit(b) or not _hits(a) or not _hits(b):
        return True
    victims_a = [normalise(m) for m in a.roles["Victim"]]
    victims_b = [normalise(m) for m in b.roles["Victim"]]
    return any(_part_of(x, y) or _part_of(y, x) for x in victims_a for y in victims_b)


def _hits(template: MappedTemplate) -> bool:
    """Whether the template records a target or a victim."""
    return bool(template.roles["Target"] or template.roles["Victim"])


def article_templates(article: Article, max_templates: int = DEFAULT_TEMPLATES) -> list[MappedTemplate]:
    """The article's MUC-4 templates: mapped, merged per incident, the most confident kept."""
    max_templates = max(0, min(max_templates, MAX_TEMPLATES))
    merged: list[MappedTemplate] = []
    for event in article.events:
        template = event_template(article, event)
        if template is None:
            continue
        merged.extend(
            t
            for t in _told_beside(template, event)
            if t.incident_type not in {m.incident_type for m in merged}
        )
        twin = next((t for t in merged if _same_incident(t, template)), None)
        if twin is None:
            merged.append(template)
            continue
        twin.events.extend(template.events)
        for role in ROLES:
            for m in template.roles[role]:
                twin.add(role, m)
    merged = [c for t in merged for c in counted(article, t)]
    ranked = sorted(merged, key=lambda t: (-t.confidence, -t.fillers()))[:max_templates]
    group = document_group(article)
    for template in ranked:
        if not template.roles["PerpInd"]:
            told = told_doers(article, template.events)
            if told:
                template.add("PerpInd", told)
        if group and not template.roles["PerpOrg"] and not _by_state(template) and _told_firmly(template):
            template.add("PerpOrg", group)
    return ranked


def _told_firmly(template: MappedTemplate) -> bool:
    """Only a template told at least `FIRM` (muc4_incidents) gets the document's group as a guess:
    weak ones are as often no incident of their own (MUC-4 train-300: 1 of 10 such defaults right;
    PerpOrg 42.1 -> 42.8, dev 42.3 -> 42.7)."""
    return template.confidence >= FIRM


def _by_state(template: MappedTemplate) -> bool:
    """Whether the text names state forces as the doer of one of the template's events: the
    report's armed group is then no default perpetrator."""
    return any(e.actor1 is not None and e.actor1.type == "State forces" for e in template.events)


def document_group(article: Article) -> str | None:
    """The non-state armed group the article names most often (the earliest named on a tie),
    as the text first writes it: a report of terrorist incidents is mostly about one group,
    which the keys name as the perpetrator organisation of incidents whose sentences do not
    (checked on MUC-4 dev and train: state forces as a default cost more than they gain)."""
    counts: dict[str, int] = {}
    first: dict[str, ActorMention] = {}
    for m in sorted(article.actor_mentions, key=lambda m: m.start):
        if m.known and m.actor_type in ARMED_GROUPS:
            counts[m.name] = counts.get(m.name, 0) + 1
            first.setdefault(m.name, m)
    if not counts:
        return None
    name = max(counts, key=lambda n: (counts[n], -first[n].start))
    return organisation(
        surface(article, usual([m for m in article.actor_mentions if m.name == name and m.known]))
    )


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
