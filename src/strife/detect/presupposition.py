"""Event nouns whose event a sentence takes as given, whatever verb governs them.

"Ordered a judge to investigate the murder of X", "might resign to protest the assassination
of their colleague", "accused of ordering the killing of six priests": the verbs above are
intended, hypothetical or an accusation, yet the murder happened. A definite event noun
presupposes its event (`presupposed`); `strife.detect.modality` reads the few verbs that still
undo it (one prevents or plans the attack) and leaves the others aside.
"""

from __future__ import annotations

from typing import Any

from strife.wordsets import word_set

Token = Any


#: Verbs that stop what they govern from happening: "prevented the attack" did not take place.
PREVENTING = word_set("prevent avert foil thwart avoid stop halt forestall preempt pre-empt")
#: Verbs that carry out an event named by their object ("carried out the attack"): the noun is
#: as factual as the verb ("will carry out the attack" is not yet), so no presupposition.
SUPPORT_VERBS = word_set("carry stage commit launch conduct perpetrate mount execute undertake make")
#: Modifiers of an event noun that make it not (yet) a fact: "the planned attack".
UNREAL_MODIFIERS = word_set(
    "planned possible potential threatened future expected imminent feared hypothetical would-be intended"
)
#: Verbs whose object is an event still to come ("planned the attack"); not "ordered the
#: murder", said of murders that took place.
PLANNING = word_set("plan prepare plot intend")
DEFINITE_DETS = word_set("the this that these those its their his her our")


def presupposed(trig: Token) -> bool:
    """A definite event noun ("the murder of the judge", "the assassination", "Ungo's
    kidnapping") names an event the sentence takes as given, whatever verb governs it:
    "ordered a judge to investigate the murder of X", "might resign to protest the
    assassination of their colleague", "accused of ordering the killing of six priests" all
    report a murder that happened. Not when a support verb carries it ("will carry out the
    attack") or a modifier makes it unreal ("the planned attack")."""
    if trig.pos_ != "NOUN" or trig.tag_ == "NNS":
        return False  # plurals ("the attacks he threatens") are left to the clause
    if not any(
        (c.dep_ == "det" and c.lower_ in DEFINITE_DETS)
        or (c.dep_ == "poss" and c.pos_ in ("PRON", "PROPN", "NOUN"))
        for c in trig.children
    ):
        return False
    if any(c.dep_ in ("amod", "compound") and c.lower_ in UNREAL_MODIFIERS for c in trig.children):
        return False
    head = trig.head
    return not (trig.dep_ in ("dobj", "obj") and head.pos_ == "VERB" and head.lemma_.lower() in SUPPORT_VERBS)
