"""Stage `arguments`: the actors and participants of each event.

Reads `article.events` (their `trigger` and `sentences`), `article.doc`, `article.toponyms`
and `article.actor_mentions`. Adds to each event `actor1` (the initiator), `actor2` (the other
side; `Civilians` when civilians were the victims), `assoc_actors`, and `perpetrators`,
`victims`, `targets` (with GTD target types) and `weapons` (with GTD weapon types) as noun-phrase
mentions with offsets into `article.text`. A victim the text names is given by the name alone
with type `PERSON` ("Colonel Waldemar Quintero" -> "Waldemar Quintero"). Monitors and news
outlets are never actors; a pronoun doer ("they") stands for its antecedent; when the event's
own words name no doer (a bomb that "exploded" is none), whoever "claimed responsibility" for
it (or "is responsible") in its sentences or those right after it is the doer (a non-state
armed group the dictionary knows that claims it comes first even when they name one: the police
that defused the bomb did not plant it), else the doers of
an earlier report of several such events ("terrorists staged three bomb attacks"; not battles,
`telling.summary`), and the people those sentences identify as "the
victims" ("one of them is X") are its victims; the sentences right after it that go on telling
it (a trigger of a family that may be the same event) add the people, things and weapons they
name. Once the initiator is known, GTD's `attack_type` is cleared for state
forces, and a change of territory is typed by who took it (ACLED's "Government regains
territory" or "Non-state actor overtakes territory"). How: `strife.detect.arguments`,
`strife.detect.participants`, `strife.detect.telling`, `strife.detect.pronouns`, `strife.detect.names`, `strife.detect.roles`,
`strife.detect.reports`, `strife.detect.identified`.
"""

from __future__ import annotations

from strife.detect import arguments as args
from strife.detect import identified, names, participants, reports, roles, telling
from strife.detect.document import sentence_spans
from strife.detect.lexicon import Lexicon, lexicon
from strife.models import Actor, Article, Event
from strife.pipeline import Stage, register
from strife.resources import Resources

TERRITORY = {"Government regains territory", "Non-state actor overtakes territory"}


def fill(
    article: Article,
    event: Event,
    sents: list,
    lex: Lexicon,
    ctx: participants.Names | None = None,
    clusters: telling.Clusters | None = None,
) -> None:
    """Set the actors and participants of one event (`clusters`: the article's `telling.memo`)."""
    clusters = clusters or telling.memo(lex)
    r = args.collect(*telling.event_triggers(event, sents, lex, article.events, clusters), lex)
    more = args.collect([], telling.retold(article, event, sents, lex, clusters), lex)
    r.patients += more.patients  # "two of her bodyguards ... were killed instantly"
    r.instruments += more.instruments
    if not args.doers(r.agents, lex):  # "a bomb exploded ...; the FMLN claimed responsibility"
        r.agents += reports.claimed(article, event, sents, lex)
    else:  # "the police defused ...; the MRTA claimed responsibility"
        r.agents = (
            args.named_groups(article, reports.claimed(article, event, sents, claims_only=True)) + r.agents
        )
    lead = None if args.doers(r.agents, lex) else telling.summary(article, event, lex)
    if lead is not None:  # "terrorists staged three bomb attacks. ... A bomb exploded at X"
        r.agents += args.collect(
            *telling.event_triggers(lead, sents, lex, article.events, clusters), lex
        ).agents
    r.agents = args.resolve(article, r.agents, lex)  # "they" -> the group it stands for
    named = identified.identified(article, event, sents, r.patients)  # "the victims were X and Y"
    # a name and the names listed with it (`members` leaves out a plural total they spell out)
    r.named = args.unique([m for h in named for m in roles.members(h)])
    r.patients += r.named
    participants.participants(article, event, r, lex, ctx)
    actor1, assoc = args.actor_for(article, r.agents, lex)
    actor2, others = args.actor_for(article, r.patients, lex)
    if actor1 is not None and actor1.type == "Civilians":
        assoc.append(actor1)  # ACLED: civilians are never the initiator of political violence
        actor1 = None
    if actor1 is None or (actor1.name == args.GENERIC_ARMED and not assoc):
        # a group the article names elsewhere in the event beats "gunmen"/"suicide bombers"
        # (not "rebels" or "troops": a described side may be fighting the group named)
        actor1 = args.fallback_actor(article, event, {a.name for a in [actor2] if a}) or actor1
    if (actor2 is None or _generic(article, actor2)) and event.event_type == "Battles" and actor1 is not None:
        actor2 = args.fallback_actor(article, event, {actor1.name}) or actor2  # the other side
    if (
        actor2 is None
        and event.victims
        and event.event_type in ("Violence against civilians", "Explosions/Remote violence")
    ):
        victim = event.victims[0]
        actor2 = Actor(name="Civilians", type="Civilians", text=victim.text)
    elif actor2 is not None and actor2.type is None and event.event_type == "Violence against civilians":
        # people the dictionary does not know ("a Palestinian man"), hit by violence against
        # civilians, are civilians in ACLED's coding
        actor2 = Actor(name="Civilians", type="Civilians", text=actor2.text)
    if actor1 and actor2 and actor1.name == actor2.name:
        actor2 = None
    event.actor1, event.actor2 = actor1, actor2
    event.assoc_actors = [a for a in assoc + others if a.name not in {x.name for x in (actor1, actor2) if x}]
    _retype(event)


def _generic(article: Article, actor: Actor) -> bool:
    return any(m.name == actor.name and not m.known for m in article.actor_mentions)


def _retype(event: Event) -> None:
    """Adjust what depended on the initiator's kind."""
    kind = args.state_kind(event.actor1)
    if kind == "state":
        event.attack_type = None
    if event.sub_event_type in TERRITORY and kind:
        event.sub_event_type = (
            "Government regains territory" if kind == "state" else "Non-state actor overtakes territory"
        )


@register("arguments")
def make(resources: Resources) -> Stage:
    lex = lexicon()
    words: list[frozenset[str]] = []  # the English word list, read once on first use

    def run(article: Article) -> Article:
        if not article.events or article.doc is None:
            return article
        if not words:
            words.append(names.english_words(resources.nlp))
        sents = sentence_spans(article)
        ctx = participants.Names.of(article, words[0])
        clusters = telling.memo(lex, article.doc)  # the events stage's, kept on the Doc
        for event in article.events:
            fill(article, event, sents, lex, ctx, clusters)
        return article

    return run
