"""strife's event tags and GTD's attack type, from the same features as the ACLED typing.

Tags (`strife.models.TAGS`) record facts finer than ACLED's types, so that MUC-4's incident types
and GTD's attack types can be derived: bombing from the Explosions types, kidnapping, arson,
robbery and forced work stoppage (`strike_action`) from their tags, attack otherwise.
"""

from __future__ import annotations

from strife.detect.typing import REMOTE, Features
from strife.models import TAGS

#: A tag given when any of these cue lists matched.
CUE_TAGS = {
    "suicide_attack": "suicide",
    "vbied": "vehicle_bomb",
    "hostage_taking": "hostage",
    "assassination": "assassination",
    "arson": "arson",
    "massacre": "massacre",
    "ambush": "ambush",
    "raid": "raid",
    "siege": "siege",
    "robbery": "robbery",
}
#: A tag given when any of these trigger families is present.
FAMILY_TAGS = {
    "execution": {"execute"},
    "mutiny": {"mutiny"},
    "air_strike": {"air"},
    "kidnapping": {"abduct"},
    "shelling": {"shelling"},
    "chemical_weapon": {"chemical"},
    "prison_break": {"escape"},
}
PRISON_ASSAULT = {"mutiny", "attack", "clash", "explosion", "territory", "abduct"}


def tags(f: Features, sub_event_type: str) -> list[str]:
    """The tags of an event, in the order of `strife.models.TAGS`."""
    fam, c = set(f.families), f.cues
    out = {tag for tag, fams in FAMILY_TAGS.items() if fam & fams}
    violent = bool(fam & (REMOTE | {"attack", "kill", "clash", "execute", "abduct", "territory", "mutiny"}))
    for tag, cue in CUE_TAGS.items():
        if cue in c and (violent or tag in ("robbery", "arson")):
            out.add(tag)
    if "suicide_attack" in out and not fam & {"explosion", "attack", "kill", "clash", "mutiny"}:
        out.discard("suicide_attack")
    if "prison" in c and fam & PRISON_ASSAULT:
        out.add("prison_break")  # an assault on, or uprising in, a prison
    if (
        "air" in c
        and fam & {"attack", "explosion", "clash"}
        and sub_event_type in ("Air/drone strike", "Armed clash")
    ):
        out.add("air_strike")
    if sub_event_type in (
        "Government regains territory",
        "Non-state actor overtakes territory",
        "Non-violent transfer of territory",
    ):
        out.add("territorial_change")
    if "explosion" in fam and "ied" in c and sub_event_type == "Remote explosive/landmine/IED":
        out.add("ied")
    if "strike_action" in c and "protest" in fam:
        out.add("strike_action")
    if "abduct" in fam and "hostage" in c:
        out.add("hostage_taking")
    if "execute" in fam or ("execution" in c and fam & {"kill"} and "captive" in c):
        out.add("execution")
    return [t for t in TAGS if t in out]


def attack_type(f: Features, sub_event_type: str, event_tags: list[str]) -> str | None:
    """GTD's attack type, for attacks that may be by a non-state actor (None otherwise)."""
    fam = set(f.families)
    if f.actor == "state" or not fam & (
        REMOTE | {"attack", "kill", "clash", "execute", "abduct", "property", "territory"}
    ):
        return None
    if sub_event_type in ("Air/drone strike",) and "nonstate_actor" not in f.cues:
        return None  # air power is a state's
    # GTD's hierarchy for attacks of several kinds: assassination, hijacking, kidnapping,
    # barricade incident, bombing, armed assault, unarmed assault, facility attack.
    if "assassination" in event_tags:
        return "Assassination"
    if "hijack" in f.verbs:
        return "Hijacking"
    if "abduct" in fam or "hostage_taking" in event_tags:
        barricade = "siege" in event_tags or "prison_break" in event_tags or "raid" in event_tags
        return "Hostage Taking (Barricade Incident)" if barricade else "Hostage Taking (Kidnapping)"
    if fam & REMOTE:
        return "Bombing/Explosion"
    if fam & {"attack", "kill", "clash", "execute"}:
        return "Armed Assault"
    if "property" in fam or "arson" in event_tags:
        return "Facility/Infrastructure Attack"
    return None
