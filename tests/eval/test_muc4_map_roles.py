"""The role fillers of the MUC-4 mapping on hand-built articles (no model)."""

from strife.eval.muc4_map import article_templates, bare, document_group, event_template, perpetrator_actor
from strife.models import Actor, ActorMention, Article, Event, Mention, Toponym

TEXT = "a group of 10 paid assassins killed the judge in medellin."


def m(phrase: str, type: str | None = None) -> Mention:
    start = TEXT.index(phrase)
    return Mention(text=phrase, start=start, end=start + len(phrase), type=type)


def test_a_described_doer_is_one_perpetrator_not_its_head_word_again():
    # the actor matcher reads "assassins" as an unnamed armed group; the event's perpetrator
    # is the whole description: one individual perpetrator, written as the text describes it
    article = Article(text=TEXT)
    start = TEXT.index("assassins")
    article.actor_mentions = [
        ActorMention(
            text="assassins",
            start=start,
            end=start + len("assassins"),
            name="Unidentified Armed Group",
            actor_type="Political militia",
            known=False,
        )
    ]
    event = Event(
        id="e",
        event_type="Violence against civilians",
        sub_event_type="Attack",
        actor1=Actor(name="Unidentified Armed Group", type="Political militia", text="assassins"),
        perpetrators=[m("group of 10 paid assassins")],
    )
    template = event_template(article, event)
    assert template is not None
    assert template.roles["PerpInd"] == ["group of 10 paid assassins"]


def test_a_generic_doer_the_event_does_not_describe_is_kept():
    article = Article(text=TEXT)
    event = Event(
        id="e",
        event_type="Violence against civilians",
        sub_event_type="Attack",
        actor1=Actor(name="Unidentified Armed Group", type="Political militia", text="assassins"),
    )
    template = event_template(article, event)
    assert template is not None
    assert template.roles["PerpInd"] == ["assassins"]


def test_a_demonstrative_is_no_part_of_a_described_filler():
    assert bare("these bombs") == "bombs"
    assert bare("those two trucks") == "trucks"


def test_what_a_weapon_did_is_no_weapon_filler():
    text = "the blast destroyed the bank."
    article = Article(text=text)
    event = Event(
        id="e",
        event_type="Explosions/Remote violence",
        sub_event_type="Remote explosive/landmine/IED",
        weapons=[Mention(text="blast", start=4, end=9, type="Explosives/Unknown Explosive Type")],
    )
    template = event_template(article, event)
    assert template is not None
    assert template.roles["Weapon"] == []


def test_a_weapon_named_again_by_its_head_word_is_one_filler_under_the_fuller_words():
    # "the bomb" after "a car bomb" (in either order) is the same weapon; "device" is another word
    text = "the bomb that destroyed the bank was a car bomb; a second device was defused."
    article = Article(text=text)
    found = [
        Mention(text=w, start=text.index(w), end=text.index(w) + len(w))
        for w in ("bomb", "car bomb", "device")
    ]
    event = Event(
        id="e",
        event_type="Explosions/Remote violence",
        sub_event_type="Remote explosive/landmine/IED",
        weapons=found,
    )
    template = event_template(article, event)
    assert template is not None
    assert template.roles["Weapon"] == ["car bomb", "device"]


def test_a_target_named_again_by_its_head_word_is_one_filler_under_the_fuller_words():
    text = "rebels blew up the oil pipeline; the pipeline and a pumping station burned."
    article = Article(text=text)
    found = [
        Mention(text=w, start=text.index(w), end=text.index(w) + len(w), type="Utilities")
        for w in ("oil pipeline", "pipeline and", "pumping station")
    ]
    found[1] = Mention(text="pipeline", start=found[1].start, end=found[1].start + 8, type="Utilities")
    event = Event(
        id="e",
        event_type="Explosions/Remote violence",
        sub_event_type="Remote explosive/landmine/IED",
        targets=found,
    )
    template = event_template(article, event)
    assert template is not None
    assert template.roles["Target"] == ["oil pipeline", "pumping station"]


def _group_article(text: str, group: str, matched: str | None = None) -> Article:
    """An article whose actor dictionary matched `matched` (default `group`), a known rebel group."""
    matched = matched or group
    article = Article(text=text)
    start = text.index(matched)
    article.actor_mentions = [
        ActorMention(
            text=matched, start=start, end=start + len(matched), name=group.upper(), actor_type="Rebel group"
        )
    ]
    return article


def _perpetrators(article: Article, phrase: str) -> dict[str, list[str]]:
    start = article.text.index(phrase)
    event = Event(
        id="e",
        event_type="Violence against civilians",
        sub_event_type="Attack",
        actor1=Actor(name=article.actor_mentions[0].name, type="Rebel group"),
        perpetrators=[Mention(text=phrase, start=start, end=start + len(phrase))],
    )
    template = event_template(article, event)
    assert template is not None
    return template.roles


def test_the_named_group_is_cut_from_the_individual_perpetrators():
    text = "fmln urban guerrillas attacked the mayor's office."
    roles = _perpetrators(_group_article(text, "fmln"), "fmln urban guerrillas")
    assert roles["PerpOrg"] == ["fmln"] and roles["PerpInd"] == ["urban guerrillas"]
    text = "terrorists of the eln burned a bus."
    roles = _perpetrators(_group_article(text, "eln"), "terrorists of the eln")
    assert roles["PerpOrg"] == ["eln"] and roles["PerpInd"] == ["terrorists"]


def test_a_group_name_alone_is_no_individual_perpetrator():
    text = "the eln burned a bus."
    assert _perpetrators(_group_article(text, "eln"), "eln")["PerpInd"] == []


def test_members_of_a_group_and_words_on_both_sides_stay_whole():
    text = "members of the fmln attacked the mayor's office."
    assert _perpetrators(_group_article(text, "fmln"), "members of the fmln")["PerpInd"] == [
        "members of the fmln"
    ]
    text = "colombian eln guerrillas attacked the town."
    phrase = "colombian eln guerrillas"
    assert _perpetrators(_group_article(text, "eln"), phrase)["PerpInd"] == [phrase]


def _targets(text: str, *phrases: tuple[str, str | None]) -> list[str]:
    """The Target fillers of an attack on the things `phrases` names (text, GTD type)."""
    targets = [
        Mention(text=p, start=text.index(p), end=text.index(p) + len(p), type=kind) for p, kind in phrases
    ]
    event = Event(
        id="e",
        event_type="Violence against civilians",
        sub_event_type="Attack",
        attack_type="Armed Assault",
        targets=targets,
    )
    template = event_template(Article(text=text), event)
    assert template is not None
    return template.roles["Target"]


def test_an_area_is_where_an_attack_happened_not_a_target():
    text = "guerrillas attacked the bus on the coastal highway and set a whole neighborhood on fire."
    found = _targets(
        text,
        ("bus", "Transportation"),
        ("coastal highway", "Transportation"),
        ("whole neighborhood", "Private Citizens & Property"),
    )
    assert found == ["bus"]


def test_a_place_name_leading_a_thing_is_no_part_of_the_filler():
    text = "a bomb went off at the medellin shopping mall and at the bank of medellin."
    article = Article(text=text)
    for at in (text.index("medellin"), text.rindex("medellin")):
        article.toponyms.append(Toponym(text="medellin", start=at, end=at + len("medellin")))
    targets = [
        Mention(text=p, start=text.index(p), end=text.index(p) + len(p), type="Business")
        for p in ("the medellin shopping mall", "the bank of medellin")
    ]
    event = Event(
        id="e", event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED"
    )
    event.targets = targets
    template = event_template(article, event)
    assert template is not None
    # the place that leads a phrase goes; one after the thing is part of its name
    assert template.roles["Target"] == ["shopping mall", "bank of medellin"]


def test_a_possessive_is_no_part_of_a_thing_filler():
    text = "gunmen fired at his car."
    assert _targets(text, ("his car", "Transportation")) == ["car"]
    assert bare("his car") == "car"
    assert bare("his") == "his"  # a lone word stays: the phrase would be empty


def test_a_bracketed_other_name_of_the_group_is_cut_with_it():
    text = "the red dawn front (rdf) guerrillas burned a bus."
    roles = _perpetrators(_group_article(text, "red dawn front"), "red dawn front (rdf) guerrillas")
    assert roles["PerpOrg"] == ["red dawn front"] and roles["PerpInd"] == ["guerrillas"]
    text = "the red dawn front (rdf) burned a bus."
    assert _perpetrators(_group_article(text, "red dawn front"), "red dawn front (rdf)")["PerpInd"] == []


def test_a_group_is_named_as_the_report_mostly_writes_it():
    text = "the red dawn front (rdf) burned a bus. police blame the rdf, and the rdf denies it."
    article = Article(text=text)
    spots = [("red dawn front", 0), ("rdf", 0), ("rdf", text.index("blame")), ("rdf", text.index("and the"))]
    for words, after in spots:
        start = text.index(words, after)
        article.actor_mentions.append(
            ActorMention(
                text=words, start=start, end=start + len(words), name="RDF", actor_type="Rebel group"
            )
        )
    event = Event(
        id="e",
        event_type="Violence against civilians",
        sub_event_type="Attack",
        actor1=Actor(name="RDF", type="Rebel group"),
    )
    assert perpetrator_actor(article, event) == ("rdf", None)
    assert document_group(article) == "rdf"
    article.actor_mentions = article.actor_mentions[:2]  # each written once: the first
    assert perpetrator_actor(article, event) == ("red dawn front", None)


def test_known_state_forces_are_no_perpetrator_organisation_and_stop_the_default_group():
    text = "the army shot two students. the red dawn front denies it."
    article = Article(text=text)
    for words, name, kind in (("army", "ARMY", "State forces"), ("red dawn front", "RDF", "Rebel group")):
        start = text.index(words)
        article.actor_mentions.append(
            ActorMention(text=words, start=start, end=start + len(words), name=name, actor_type=kind)
        )
    event = Event(id="e", event_type="Violence against civilians", sub_event_type="Attack", confidence=0.7)
    event.actor1 = Actor(name="ARMY", type="State forces")
    assert perpetrator_actor(article, event) == (None, None)
    article.events = [event]
    (template,) = article_templates(article)
    assert template.roles["PerpOrg"] == []  # not the report's rebel group either
    event.actor1 = None
    (template,) = article_templates(article)
    assert template.roles["PerpOrg"] == ["red dawn front"]


def test_a_group_cut_short_counts_for_its_full_name():
    text = "the red dawn front of liberation burned a bus. the red dawn front and the rdf (rdf) deny it."
    article = Article(text=text)
    spots = (
        ("red dawn front of liberation", 0),
        ("red dawn front", 40),
        ("rdf", 0),
        ("rdf", text.index("(")),
    )
    for words, at in spots:
        start = text.index(words, at)
        article.actor_mentions.append(
            ActorMention(
                text=words, start=start, end=start + len(words), name="RDF", actor_type="Rebel group"
            )
        )
    assert document_group(article) == "red dawn front of liberation"


def _doers(text: str, phrase: str, org: str | None = None) -> list[str]:
    """The PerpInd fillers of an attack whose perpetrator is `phrase`; `org` is state forces the
    actor matcher read in the text by their generic name (not a known organisation)."""
    article = Article(text=text)
    if org:
        at = text.index(org)
        article.actor_mentions = [
            ActorMention(
                text=org,
                start=at,
                end=at + len(org),
                name="Military Forces",
                actor_type="State forces",
                known=False,
            )
        ]
    start = text.index(phrase)
    event = Event(
        id="e",
        event_type="Violence against civilians",
        sub_event_type="Attack",
        perpetrators=[Mention(text=phrase, start=start, end=start + len(phrase))],
    )
    template = event_template(article, event)
    assert template is not None
    return template.roles["PerpInd"]


def test_doers_lose_the_of_phrase_naming_whom_they_hit():
    text = "the assassins of msgr romero shot him in the chapel."
    assert _doers(text, "assassins of msgr romero") == ["assassins"]
    text = "the troops of the dictatorship burned the village."
    assert _doers(text, "troops of the dictatorship") == ["troops"]


def test_doers_of_an_organisation_and_collectives_stay_whole():
    text = "certain officers of the armed forces murdered the priests."
    phrase = "certain officers of the armed forces"
    assert _doers(text, phrase, org="armed forces") == [phrase]
    assert _doers(text, phrase) == ["certain officers"]
    text = "a group of terrorists attacked the bank."
    assert _doers(text, "group of terrorists") == ["group of terrorists"]
