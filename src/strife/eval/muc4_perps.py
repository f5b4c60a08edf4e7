"""How MUC-4's keys write the perpetrators, for the mapping in `strife.eval.muc4_map`: an
organisation's name without its member nouns (`organisation`), individuals without the named
organisation their phrase holds (`without_group`), and the people of an armed group the event's
own sentences name when its parse tied no doer to it (`told_doers`)."""

from __future__ import annotations

from strife.detect.arguments import GENERIC_ARMED
from strife.eval.muc4_incidents import ARMED_GROUPS
from strife.eval.muc4_phrases import NON_ORG_ACTORS, bare, unbracketed
from strife.models import Article, Event, Mention
from strife.wordsets import word_set


def surface(article: Article, mention: Mention) -> str | None:
    """The mention's words as they stand in the text (None when they are not in it)."""
    text = article.text
    if 0 <= mention.start < mention.end <= len(text) and text[mention.start : mention.end].strip():
        return text[mention.start : mention.end].strip()
    if mention.text.strip() and mention.text in text:
        return mention.text.strip()
    return None


def last_word(words: str) -> str:
    return words.split()[-1].lower() if words.split() else ""


#: Nouns for the members of a group: "Shining Path terrorists" names the organisation Shining
#: Path and its members; MUC-4's PerpOrg holds the organisation's name only.
MEMBERS = word_set(
    """guerrilla guerrillas guerilla guerillas terrorist terrorists rebel rebels member members
    fighter fighters militant militants unit units troop troops soldier soldiers commando
    commandos commandoes column columns cell cells gunman gunmen militiaman militiamen insurgent insurgents
    personnel sympathizer sympathizers supporter supporters activist activists squad squads
    patrol patrols policeman policemen agent agents officer officers men"""
)


def organisation(words: str | None) -> str | None:
    """An organisation's name without the member nouns the actor matcher joined to it
    ("guerrillas of the FMLN", "Shining Path members" -> "FMLN", "Shining Path")."""
    if not words:
        return words
    tokens = words.split()
    for i in range(len(tokens) - 1):
        if tokens[i].lower() in MEMBERS and tokens[i + 1].lower() in ("of", "from"):
            rest = tokens[i + 2 :]
            tokens = rest[1:] if rest and rest[0].lower() == "the" else rest
            break
    while len(tokens) > 1 and tokens[-1].lower() in MEMBERS:
        tokens = tokens[:-1]
    return " ".join(tokens) or words


#: Words left at the edges of a phrase once a group's name is cut out of it ("terrorists of
#: the FMLN" -> "terrorists of the").
LINKS = word_set("of the from a an - ( ) , 's")


#: Member nouns the keys write with the group's name ("members of the FMLN", "FMLN units").
KEPT_WHOLE = word_set("member members unit units")


def _edge(words: str) -> list[str]:
    """The words of one side of a phrase cut at a group's name, without linking words."""
    tokens = words.replace("(", " ( ").replace(")", " ) ").split()
    while tokens and tokens[0].lower() in LINKS:
        tokens = tokens[1:]
    while tokens and tokens[-1].lower() in LINKS:
        tokens = tokens[:-1]
    return tokens


def without_group(article: Article, mention: Mention, words: str | None) -> str | None:
    """A perpetrator phrase as MUC-4's PerpInd writes it, without the named organisation it
    holds, which is the PerpOrg ("FMLN urban guerrillas", "terrorists of the FMLN" -> "urban
    guerrillas", "terrorists"); None when the phrase is only an organisation's name. A phrase
    whose rest is not its members ("the FMLN's leaders") stays whole."""
    if not words:
        return words
    inside = [
        a
        for a in article.actor_mentions
        if a.known and a.actor_type not in NON_ORG_ACTORS and mention.start <= a.start < mention.end
    ]
    for actor in inside:
        name = organisation(surface(article, actor))
        at = article.text.lower().find(name.lower(), actor.start, actor.end) if name else -1
        if at < 0 or not name:
            continue
        before = _edge(article.text[mention.start : at])
        after = _edge(unbracketed(article.text[at + len(name) : mention.end]))
        if not before and not after:
            return None  # the phrase names the organisation only
        rest = before or after
        if (before and after) or rest[-1].lower() not in MEMBERS or rest[-1].lower() in KEPT_WHOLE:
            continue  # "Colombian ELN guerrillas", "members of the FMLN": the keys keep these whole
        if not any(t in "()" for t in rest):
            return " ".join(rest)
    return words


def told_doers(article: Article, events: list[Event]) -> str | None:
    """The people of an armed group the events' own sentences name, when the parse tied no doer
    to the events ("the guerrillas ... a bomb exploded"): the first unnamed armed group's members
    written as a plural member noun ("guerrillas", "urban commandos", "heavily armed men"; not
    "the terrorist organization", "a rebel group", "terrorist" of "terrorist attack"), not one
    hit by them.
    (MUC-4 train-300: GTT micro 44.3 -> 44.5; dev 50.5 -> 50.5; a default on any template,
    unbound to its sentences, lost on dev; "men" as well: train-300 PerpInd 33.5 -> 34.0, dev
    unchanged; any plural, "groups" and "perpetrators" too, lost on train-300). The plurals of
    compounds in -men ("gunmen", "militiamen") pass as well: GTT dev and train-300 predictions
    byte-identical with and without them (twelfth session)."""
    spans = [article.sentences[i] for e in events for i in e.sentences if i < len(article.sentences)]
    hit = [(m.start, m.end) for e in events for m in [*e.victims, *e.targets]]
    for m in sorted(article.actor_mentions, key=lambda m: m.start):
        if m.known or (m.actor_type not in ARMED_GROUPS and m.name != GENERIC_ARMED):
            continue
        if any(a <= m.start < b for a, b in hit) or not any(s.start <= m.start < s.end for s in spans):
            continue
        words = bare(surface(article, m))
        last = last_word(words) if words else ""
        if words and last in MEMBERS and last.endswith(("s", "men")):
            return words
    return None
