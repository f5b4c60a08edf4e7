"""How MUC-4's keys write a filler's words, for the mapping in `strife.eval.muc4_map`: a
description without its leading quantity or possessive (`bare`), a group's name as the report
mostly writes it (`usual`), a group's other name in brackets (`unbracketed`), doers without
whom they hit (`doers`)."""

from __future__ import annotations

from collections import Counter

from strife.eval.muc4 import normalise
from strife.models import ActorMention, Article
from strife.wordsets import word_set

QUANTITY = word_set(
    """a an the some several many few numerous various about around approximately nearly almost
    over more than at least up to some dozen dozens scores hundreds thousands all both other
    another two three four five six seven eight nine ten eleven twelve fifteen twenty thirty
    forty fifty hundred thousand one these those this that"""
)


#: Possessive determiners, which the keys leave out of a thing's description.
POSSESSIVES = word_set("his her its their our my your")


#: Civilians, protesters and rioters are not organisations MUC-4 names as perpetrators.
NON_ORG_ACTORS = frozenset({"Civilians", "Protesters", "Rioters"})


def bare(words: str | None) -> str | None:
    """A phrase without its leading quantity or possessive ("two powerful bombs" -> "powerful
    bombs", "dozens of guerrillas" -> "guerrillas", "his car" -> "car"): MUC-4's keys mostly
    hold the phrase without them."""
    if not words:
        return words
    tokens = words.split()
    if len(tokens) > 1 and tokens[0].lower() in POSSESSIVES:
        tokens = tokens[1:]  # "his car": the keys write "car"
    i, counted = 0, False
    while i < len(tokens) - 1:
        low = tokens[i].lower()
        if low in QUANTITY or low.replace(",", "").replace(".", "").isdigit():
            i, counted = i + 1, True
        elif low in ("of", "or", "to", "and") and counted:  # "dozens of", "20 or 30", "10 to 15"
            i += 1
        else:
            break
    return " ".join(tokens[i:])


def usual(mentions: list[ActorMention]) -> ActorMention:
    """The mention of an actor whose words the article writes most often (the first of them on
    a tie): the keys name a group as a report mostly writes it ("the fmln" where its first line
    spelled out "farabundo marti national liberation front (fmln)"). A form that is part of a
    longer one ("zarate willka" of "zarate willka armed forces of liberation") is that name cut
    short and counts for it."""
    counts = Counter(normalise(m.text) for m in mentions)
    score = {
        form: sum(n for other, n in counts.items() if other == form or _within(other, form))
        for form in counts
    }
    return max(mentions, key=lambda m: (score[normalise(m.text)], -m.start))


def _within(short: str, long: str) -> bool:
    """Whether the words of `short` run, in order and together, inside those of `long`."""
    a, b = short.split(), long.split()
    return 0 < len(a) < len(b) and any(b[i : i + len(a)] == a for i in range(len(b) - len(a) + 1))


def unbracketed(words: str) -> str:
    """What follows a group's name without the other name a bracket right after it gives ("the
    farabundo marti national liberation front (fmln) guerrillas": "(fmln)" is the same group)."""
    stripped = words.lstrip()
    if stripped.startswith("(") and ")" in stripped:
        inner, _, rest = stripped[1:].partition(")")
        if len(inner.split()) <= 3:
            return rest
    return words


#: Nouns for the people who did something, whose `of` phrase, when it names no organisation,
#: names whom or what for ("the assassins of the jesuits", "the troops of the dictatorship"): the
#: keys write the doers only. Collectives ("members of", "a group of", "a column of") and people
#: of an organisation ("officers of the armed forces") are kept whole, as the keys write them.
DOERS = word_set(
    """assassin assassins murderer murderers killer killers kidnapper kidnappers attacker
    attackers gunman gunmen troops soldier soldiers terrorist terrorists guerrilla guerrillas
    rebel rebels fighters insurgents mercenaries commander commanders officer officers"""
)


def doers(article: Article, words: str | None) -> str | None:
    """A perpetrator phrase without the `of` phrase after its doer noun when that phrase names
    no organisation ("assassins of msgr romero" -> "assassins"); other phrases unchanged."""
    if not words:
        return words
    tokens = words.split()
    for i in range(1, len(tokens) - 1):
        if tokens[i].lower() == "of" and tokens[i - 1].lower() in DOERS:
            rest = normalise(" ".join(tokens[i + 1 :]))
            named = any(
                a.actor_type not in NON_ORG_ACTORS and f" {normalise(a.text)} " in f" {rest} "
                for a in article.actor_mentions
            )
            return words if named else " ".join(tokens[:i])
    return words
