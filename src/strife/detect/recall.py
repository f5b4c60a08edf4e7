"""Whether a trigger recalls an earlier event as background rather than reporting one.

Inside a "since ..." phrase or clause, a recollection ("in a reminder of", "at the height of",
"the second ... posted"), praise of an earlier event, a crime a court judges or people are
implicated in ("sentenced to 30 years for the murder", "all those implicated in the murder"), or an aggregate over a period ("have been executed since September",
"so far this year"), an event years ago ("kidnapped 5 years ago"), or a toll in the thousands
("the killing of over 70,000 peasants", "countless colombians have been assassinated": a total,
not an incident; not a round-up of thousands arrested or a march of thousands attacked). Whether it happened at all is
`strife.detect.modality`'s question.
"""

from __future__ import annotations

from typing import Any

from strife.detect.modality import PREPARED, governors
from strife.wordsets import word_set

Token = Any

#: Words whose complement is an earlier event recalled, not reported.
RECALL_HEADS = word_set(
    """
    reminder reminiscent height anniversary memory echo recall remember commemorate praise hail
    celebrate glorify recollection history mark memorial legacy commemoration
    laud applaud
    sentence convict acquit indict prosecute implicate
    """
)
ORDINALS = {"second", "third", "fourth", "fifth", "sixth", "previous", "earlier"}
AGGREGATE_PHRASES = (
    "so far this year",
    "since the start",
    "since the beginning",
    "over the past",
    "in recent weeks",
    "in recent months",
    "in recent years",
    "over the years",
    "during the war",
    "throughout the war",
    "since the war",
    "since the conflict",
)


def background(trig: Token) -> str | None:
    """Why the trigger recalls an earlier event as context, or None."""
    sent = trig.sent
    tok = trig
    govs = governors(trig)
    for gov in [trig, *govs]:
        lem = gov.lemma_.lower()
        if gov is not trig and lem in RECALL_HEADS:
            return "recollection"
        if any(c.dep_ == "mark" and c.lower_ == "since" for c in gov.children) and gov.pos_ in (
            "VERB",
            "AUX",
        ):
            return "since"
        if gov.lower_ == "since" and gov.dep_ == "prep" and tok.dep_ == "pobj":
            return "since"
        if gov is not trig and lem in ORDINALS and gov.dep_ in ("attr", "nsubj", "appos"):
            return "series"  # "was the second the militants posted"
        tok = gov
    if _series(trig):
        return "series"
    if _mass_toll(trig):
        return "aggregate"
    if any(_years_ago(g) for g in ([trig] if trig.pos_ == "VERB" else [trig, *govs[:2]])):
        # a verb's own "ago" only: "kidnapped the mayor two years ago and killed him yesterday"
        return "recollection"
    doc = trig.doc
    left = doc[max(sent.start, trig.i - 3) : trig.i]
    if any(t.lower_ == "since" for t in left):
        return "since"  # "since IS overran it" even where the parser lost the clause
    if trig.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in EARLIER for c in trig.children):
        return "recollection"  # "a similar bombing on July 25", "a previous attack"
    verb = trig if trig.pos_ == "VERB" else next((g for g in govs if g.pos_ == "VERB"), None)
    if verb is None:
        # "there have been four murders since ...": the counting verb is the perfect "been"
        clause = next((g for g in govs if g.pos_ == "AUX"), None)
        return "aggregate" if clause is not None and _perfect(clause) and _since_clause(clause) else None
    return _aggregate(verb)


#: Modifiers of an event noun that make it an earlier event recalled for comparison.
EARLIER = {"similar", "previous", "earlier", "prior", "past"}
#: Subjects that make a toll the total of a whole war ("the conflict has killed 250,000").
WHOLE_WARS = word_set("war conflict crisis uprising revolt revolution insurgency unrest")
#: Verbs of a toll ("has killed", "has left 320,000 dead", "claimed the lives of").
TOLL_VERBS = word_set("kill leave claim cost displace wound injure")


def _aggregate(verb: Token) -> str | None:
    """ "aggregate" when `verb` states a total over a period rather than a day's event: "have been
    executed since September" (also where the parser hung "since ..." elsewhere in the sentence:
    "have been killed since the revolt began in March 2011"), "was hit by unrest since mid-March
    2011", "so far this year", or a toll whose subject is the war itself."""
    if _since_period(verb) and (_perfect(verb) or verb.lemma_.lower() not in PREPARED):
        return "aggregate"  # not "the attack had been planned since September": it happened
    if verb.lemma_.lower() in TOLL_VERBS and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in WHOLE_WARS for c in verb.children
    ):
        return "aggregate"
    if not _perfect(verb):
        return None
    if verb.lemma_.lower() in TOLL_VERBS | {"die"} and any(
        c.dep_ == "prep" and c.lower_ in ("in", "during", "throughout") and _whole_war(c)
        for c in verb.children
    ):
        return "aggregate"  # "210,000 people have died in the Syrian conflict"
    low = verb.sent.text.lower()
    if any(p in low for p in AGGREGATE_PHRASES) or _since_in_sentence(verb.sent) or _since_clause(verb):
        return "aggregate"
    return None


#: Spans whose "ago" puts an event before the time a report covers ("5 years ago").
LONG_AGO = word_set("year decade")


def _years_ago(tok: Token) -> bool:
    """ "kidnapped ... more than 5 years ago", "attacked the town 1 1/2 years ago": an event
    years before the report is recalled, not reported."""
    return any(
        c.lower_ == "ago" and any(g.lemma_.lower() in LONG_AGO for g in c.children) for c in tok.children
    )


#: Words for a count beyond any one incident's ("countless colombians", "thousands of").
COUNTLESS = word_set("countless innumerable thousand thousands million millions")
#: Killings, whose count in the thousands is a toll over years; thousands arrested in a round-up
#: or attacked in a march are one operation's.
KILLINGS = word_set("kill killing murder assassinate assassination massacre execute execution slay slaughter")
#: The smallest count of people or events that is a total, not one incident's toll.
MASS = 1000


def _mass_toll(trig: Token) -> bool:
    """ "The killing of over 70,000 salvadorans", "countless colombians have been assassinated",
    "2,978 political assassinations": a count of victims or deeds in the thousands states a
    total over years, not an incident."""
    if trig.lemma_.lower() not in KILLINGS:
        return False  # "over 5,000 people were arrested" in one round-up, "attacked 2,000 marchers"
    # a verb told once in the past with its own count is one deed however large ("the army
    # killed 1,500 guerrillas in the offensive"); a noun, a perfect or a countless number totals
    counts = trig.pos_ != "VERB" or any(c.lemma_ == "have" and c.dep_ == "aux" for c in trig.children)
    counted = (
        [trig]
        + [c for c in trig.children if c.dep_ in ("nsubjpass", "dobj", "obj")]
        + [
            g
            for c in trig.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        ]
    )
    return any(
        _mass(c) and (counts or c.lower_ in COUNTLESS)
        for n in counted
        for c in n.children
        if c.dep_ in ("nummod", "amod")
    )


def _mass(tok: Token) -> bool:
    if tok.lower_ in COUNTLESS:
        return True
    digits = tok.lower_.replace(",", "")
    year = "," not in tok.text and 1900 <= int(digits or 0) <= 2100 if digits.isdigit() else False
    return digits.isdigit() and int(digits) >= MASS and not year  # "in 1988" counts nothing


def _since_clause(verb: Token) -> bool:
    """ "Since the UP was founded, 1,000 of its members have been murdered", "there have been
    4 murders, ... and 25 arrests since Borja rose to power": a perfect verb that a "since"
    clause modifies (or one of the nouns it counts) tells what happened from then on."""
    return any(
        t.dep_ == "advcl"
        and (t.head.i == verb.i or t.head.pos_ == "NOUN")
        and any(g.dep_ == "mark" and g.lower_ == "since" for g in t.children)
        for t in verb.subtree
    )


def _series(trig: Token) -> bool:
    """ "The video ... was the second the militants posted of a jihadist execution": the trigger
    lies in the complement of "was the second", so it is one of a series shown before."""
    root = trig.sent.root
    ordinal = any(c.dep_ == "attr" and c.lower_ in ORDINALS for c in root.children)
    subject = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    return ordinal and root.lemma_ == "be" and not any(trig in s.subtree for s in subject)


def _perfect(verb: Token) -> bool:
    return any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ in ("VBP", "VBZ") for c in verb.children
    )


SHORT_SPANS = word_set(
    """
    morning dawn night evening afternoon midnight noon today yesterday
    monday tuesday wednesday thursday friday saturday sunday
    """
)
PERIOD_STARTS = {
    "start",
    "beginning",
    "outbreak",
    "war",
    "conflict",
    "revolution",
    "uprising",
    "year",
    "month",
    "revolt",
    "crisis",
    "unrest",
    "protest",
    "insurgency",
    "rebellion",
}


def _since_period(verb: Token) -> bool:
    """ "since September", "since the start of the war": a period of weeks or more (not "since
    morning", which is one ongoing event)."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "since":
            for g in c.children:
                if g.lemma_.lower() in SHORT_SPANS:
                    return False
                if g.ent_type_ == "DATE" or g.lemma_.lower() in PERIOD_STARTS:
                    return True
    return False


def _whole_war(prep: Token) -> bool:
    return any(g.dep_ == "pobj" and g.lemma_.lower() in WHOLE_WARS for g in prep.children)


def _since_in_sentence(sent: Any) -> bool:
    """A "since" in the sentence opening a period of months or more (a year, a month, the start
    of a war or revolt) within its next few words; "since Sunday" or "since dawn" is no period."""
    for t in sent:
        if t.lower_ != "since":
            continue
        after = t.doc[t.i + 1 : min(sent.end, t.i + 7)]
        if any(a.lemma_.lower() in SHORT_SPANS for a in after):
            continue
        if any(a.lemma_.lower() in PERIOD_STARTS or (a.ent_type_ == "DATE" and a.like_num) for a in after):
            return True
    return False
