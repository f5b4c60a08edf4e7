"""The strife-event -> MUC-4 template mapping on hand-built articles (no model)."""

from strife.eval import muc4_map
from strife.eval.muc4_map import article_templates, event_template, incident_type
from strife.models import Actor, ActorMention, Article, Event, Location, Mention

TEXT = (
    "urban guerrillas of the fmln kidnapped the mayor of villa rosa, jose garcia. "
    "a car bomb exploded outside the army barracks. "
    "rebels and soldiers clashed near the border."
)


def m(text, phrase, type=None):
    start = text.index(phrase)
    return Mention(text=phrase, start=start, end=start + len(phrase), type=type)


def event(sub, etype="Violence against civilians", **kw):
    kw.setdefault("confidence", 0.7)  # told firmly (a verb's), unless a test says otherwise
    return Event(id="e", event_type=etype, sub_event_type=sub, **kw)


def test_incident_types_follow_the_table():
    assert incident_type(event("Abduction/forced disappearance")) == "kidnapping"
    assert incident_type(event("Attack", attack_type="Hostage Taking (Kidnapping)")) == "kidnapping"
    assert incident_type(event("Suicide bomb", "Explosions/Remote violence")) == "bombing"
    assert incident_type(event("Attack", attack_type="Bombing/Explosion")) == "bombing"
    assert (
        incident_type(event("Looting/property destruction", "Strategic developments", tags=["arson"]))
        == "arson"
    )
    assert incident_type(event("Attack", tags=["robbery"])) == "robbery"
    forced = event("Other", "Strategic developments", tags=["strike_action"])
    forced.actor1 = Actor(name="Shining Path", type="Rebel group")
    assert incident_type(forced) == "forced work stoppage"
    assert incident_type(event("Attack")) == "attack"
    assert incident_type(event("Mob violence", "Riots")) == "attack"


def test_combat_arrests_protests_and_background_map_to_nothing():
    assert incident_type(event("Armed clash", "Battles")) is None
    assert incident_type(event("Arrests", "Strategic developments")) is None
    assert incident_type(event("Peaceful protest", "Protests")) is None
    assert incident_type(event("Attack", background=True)) is None


def test_a_defused_bomb_is_an_attempted_bombing_but_seized_explosives_are_none():
    # "explosives were confiscated from a truck": the explosive is there, no attack is
    seized = event("Disrupted weapons use", "Strategic developments")
    seized.weapons = [Mention(text="dynamite", start=0, end=8, type="Explosives")]
    assert incident_type(seized) is None
    # "a bomb planted at the school was defused": GTD gives it its attack type
    defused = event("Disrupted weapons use", "Strategic developments", attack_type="Bombing/Explosion")
    assert incident_type(defused) == "bombing"


def test_roles_come_from_the_event_and_the_text():
    article = Article(text=TEXT)
    e = event(
        "Abduction/forced disappearance",
        actor1=Actor(name="Farabundo Marti National Liberation Front", type="Rebel group", text="FMLN"),
        perpetrators=[m(TEXT, "urban guerrillas"), m(TEXT, "fmln")],
        victims=[
            m(TEXT, "the mayor of villa rosa"),
            m(TEXT, "jose garcia", "PERSON"),
            m(TEXT, "jose garcia", "PERSON"),
        ],
    )
    t = event_template(article, e).to_gtt()
    assert t["incident_type"] == "kidnapping"
    # the organisation is written as the text writes it, and is not repeated as an individual
    assert t["PerpOrg"] == [["fmln"]]
    assert t["PerpInd"] == [["urban guerrillas"]]
    # MUC-4 keys name victims (2 of 627 train victim fillers are descriptions): names only, once
    assert t["Victim"] == [["jose garcia"]]
    assert t["Target"] == [] and t["Weapon"] == []


def test_mentions_not_in_the_text_and_civilian_actors_are_dropped():
    article = Article(text=TEXT)
    e = event(
        "Attack",
        actor1=Actor(name="Civilians", type="Civilians", text="villagers"),
        victims=[Mention(text="nobody here", start=500, end=511)],
    )
    t = event_template(article, e).to_gtt()
    assert t["PerpOrg"] == [] and t["Victim"] == []


def test_templates_merge_per_incident_and_are_capped():
    article = Article(text=TEXT)
    barracks = m(TEXT, "army barracks")
    bomb = event(
        "Remote explosive/landmine/IED", "Explosions/Remote violence", targets=[barracks], confidence=0.9
    )
    blast = event(
        "Suicide bomb",
        "Explosions/Remote violence",
        targets=[barracks],
        weapons=[m(TEXT, "car bomb")],
        confidence=0.6,
    )
    clash = event("Armed clash", "Battles", confidence=0.99)
    kidnap = event(
        "Abduction/forced disappearance", victims=[m(TEXT, "the mayor of villa rosa")], confidence=0.5
    )
    article.events = [bomb, blast, clash, kidnap]
    templates = article_templates(article)
    assert [t.incident_type for t in templates] == ["bombing", "kidnapping"]
    assert templates[0].roles["Weapon"] == ["car bomb"] and len(templates[0].events) == 2
    assert len(article_templates(article, max_templates=1)) == 1
    article.events = [
        event("Attack", victims=[m(TEXT, w, "PERSON")], confidence=0.5) for w in TEXT.split()[:12]
    ]
    assert len(article_templates(article, max_templates=50)) == muc4_map.MAX_TEMPLATES


def test_a_template_that_records_no_target_or_victim_joins_one_of_its_type():
    # "the mayor was kidnapped ..." then "they were kidnapped last saturday by the eln": the
    # second names nothing hit that would make it another incident; a bombing stays apart
    article = Article(text=TEXT)
    mayor = event(
        "Abduction/forced disappearance", victims=[m(TEXT, "jose garcia", "PERSON")], confidence=0.6
    )
    again = event(
        "Abduction/forced disappearance", perpetrators=[m(TEXT, "urban guerrillas")], confidence=0.7
    )
    bomb = event("Remote explosive/landmine/IED", "Explosions/Remote violence", confidence=0.6)
    article.events = [mayor, again, bomb]
    templates = article_templates(article)
    assert [t.incident_type for t in templates] == ["kidnapping", "bombing"]
    assert templates[0].roles["Victim"] == ["jose garcia"]
    assert templates[0].roles["PerpInd"] == ["urban guerrillas"]
    # two kidnappings of different people stay two
    other = event("Abduction/forced disappearance", victims=[m(TEXT, "the mayor of villa rosa", "PERSON")])
    article.events = [mayor, other]
    assert len(article_templates(article)) == 2


def test_incidents_placed_far_apart_stay_two_and_one_town_keeps_one():
    # clashes told in two towns some 70 km apart are one template per town; two explosions in
    # parts of one town are one incident (invented towns, coordinates of real places)
    article = Article(text=TEXT)

    def placed(name, lat, lon, country="El Salvador"):
        return Location(name=name, country=country, lat=lat, lon=lon, geo_precision=1)

    here = event("Attack", location=placed("San Telmo", 13.84, -88.85), confidence=0.6)
    there = event("Attack", location=placed("Villa Rosa", 13.35, -88.44), confidence=0.6)
    article.events = [here, there]
    assert len(article_templates(article)) == 2
    near = event("Attack", location=placed("San Telmo", 13.86, -88.83), confidence=0.6)
    article.events = [here, near]
    assert len(article_templates(article)) == 1
    # an event placed only in its country is placed nowhere in particular
    country = event("Attack", location=placed("El Salvador", 13.7, -89.0), confidence=0.6)
    country.location.name = country.location.country
    article.events = [here, country]
    assert len(article_templates(article)) == 1
    # a victim in common does not make one incident of two places either
    victim = m(TEXT, "jose garcia", "PERSON")
    article.events = [
        event("Attack", location=here.location, victims=[victim]),
        event("Attack", location=there.location, victims=[victim]),
    ]
    assert len(article_templates(article)) == 2


def test_an_explosive_weapon_makes_a_bombing_and_an_assault_in_battle_an_attack():
    rockets = Mention(text="rockets", start=0, end=7, type="Explosives/Rocket")
    dynamite = Mention(text="dynamite", start=0, end=8, type="Explosives")
    assert incident_type(event("Attack", weapons=[dynamite])) == "bombing"
    # fire from a distance is an attack in MUC-4, rockets or not; a bomb tag still makes a bombing
    assert incident_type(event("Shelling/artillery/missile attack", "Explosions/Remote violence")) == "attack"
    shelled = event("Shelling/artillery/missile attack", "Explosions/Remote violence", weapons=[rockets])
    assert incident_type(shelled) == "attack"
    assert incident_type(event("Air/drone strike", "Explosions/Remote violence")) == "attack"
    car_bomb = event("Shelling/artillery/missile attack", "Explosions/Remote violence", tags=["vbied"])
    assert incident_type(car_bomb) == "bombing"
    station = Mention(text="power station", start=0, end=13, type="Utilities")
    assault = event("Armed clash", "Battles", attack_type="Armed Assault", targets=[station])
    assert incident_type(assault) == "attack"
    assert incident_type(event("Armed clash", "Battles", attack_type="Armed Assault")) is None
    # a fight over a military post that hurt no one is combat; one that killed people is an
    # attack MUC-4 records
    post = Mention(text="military post", start=0, end=13, type="Military")
    soldiers = Mention(text="five soldiers", start=0, end=13)
    combat = event("Armed clash", "Battles", attack_type="Armed Assault", targets=[post])
    assert incident_type(combat) is None
    combat.victims = [soldiers]
    assert incident_type(combat) == "attack"


def test_perpetrator_organisations_are_named_groups_or_state_forces():
    text = "leaders of the medellin cartel bombed a bank. guerrillas burned a bus. the army shot a man."
    article = Article(text=text)
    article.actor_mentions = [
        ActorMention(**m(text, "medellin cartel").model_dump(), name="Medellin Cartel", known=True),
        ActorMention(**m(text, "guerrillas").model_dump(), name="Unidentified Rebel Group", known=False),
        ActorMention(**m(text, "army").model_dump(), name="Military Forces", known=False),
    ]
    cartel = Actor(name="Medellin Cartel", type="Political militia", text="leaders of the medellin cartel")
    rebels = Actor(name="Unidentified Rebel Group", type="Rebel group", text="guerrillas")
    army = Actor(name="Military Forces", type="State forces", text="army")
    # a known group is written as the dictionary matched it
    assert muc4_map.perpetrator_actor(article, event("Attack", actor1=cartel)) == ("medellin cartel", None)
    # a generic armed group describes individuals
    assert muc4_map.perpetrator_actor(article, event("Attack", actor1=rebels)) == (None, "guerrillas")
    assert muc4_map.perpetrator_actor(article, event("Attack", actor1=army)) == ("army", None)
    t = event_template(article, event("Attack", actor1=rebels)).to_gtt()
    assert t["PerpInd"] == [["guerrillas"]] and t["PerpOrg"] == []


def test_a_kidnapping_tag_alone_does_not_make_a_kidnapping():
    assert incident_type(event("Armed clash", "Battles", tags=["kidnapping"])) is None
    assert incident_type(event("Attack", tags=["kidnapping"])) == "attack"
    assert incident_type(event("Abduction/forced disappearance", tags=["kidnapping"])) == "kidnapping"


def test_the_group_a_report_names_most_is_the_default_perpetrator_organisation():
    text = "the fmln attacked a bus. a bomb exploded at a bank. the army blamed the fmln and the erp."
    article = Article(text=text)
    spots = [("fmln", 0, "Farabundo Marti National Liberation Front", "Rebel group")]
    spots += [("army", 0, "Military Forces of El Salvador", "State forces")]
    spots += [("fmln", text.rindex("fmln"), "Farabundo Marti National Liberation Front", "Rebel group")]
    spots += [("erp", 0, "People's Revolutionary Army", "Rebel group")]
    for words, after, name, kind in spots:
        start = text.index(words, after)
        article.actor_mentions.append(
            ActorMention(text=words, start=start, end=start + len(words), name=name, actor_type=kind)
        )
    assert muc4_map.document_group(article) == "fmln"
    bank = m(text, "bank", "Business")
    bombing = event("Remote explosive/landmine/IED", "Explosions/Remote violence", targets=[bank])
    article.events = [bombing.model_copy(update={"confidence": 0.7})]
    (t,) = article_templates(article)
    assert t.roles["PerpOrg"] == ["fmln"]
    # an event a noun tells once ("the attack") gets no guessed group
    article.events[0].confidence = 0.5
    assert article_templates(article)[0].roles["PerpOrg"] == []
    article.events[0].confidence = 0.6
    assert article_templates(article)[0].roles["PerpOrg"] == ["fmln"]
    # state forces are no default: a report blames the army far less often than it quotes it
    article.actor_mentions = [a for a in article.actor_mentions if a.actor_type == "State forces"]
    assert muc4_map.document_group(article) is None
    assert article_templates(article)[0].roles["PerpOrg"] == []


def test_fillers_without_words_are_dropped():
    t = muc4_map.MappedTemplate("attack")
    for words in (".", "u", "u.s.", "guerrillas"):
        t.add("PerpInd", words)
    assert t.roles["PerpInd"] == ["u.s.", "guerrillas"]


def test_setting_on_fire_is_arson_even_with_a_bomb_told_beside():
    fire = Mention(text="set fire", start=0, end=8, type="property")
    burned = event("Remote explosive/landmine/IED", "Explosions/Remote violence", tags=["arson", "ied"])
    assert incident_type(burned) == "bombing"  # the explosion is the main word
    burned.trigger = fire
    assert incident_type(burned) == "arson"
    assert incident_type(event("Attack", tags=["robbery"], trigger=fire)) == "robbery"


def test_troops_fighting_an_armed_group_is_combat_not_an_incident():
    # "six insurgents were wounded during a clash with soldiers": the side hit is the armed group
    rebels = Actor(name="Farabundo Marti National Liberation Front", type="Rebel group")
    army = Actor(name="Military Forces of El Salvador", type="State forces")
    hit = [Mention(text="six insurgents", start=0, end=14)]
    for actor1 in (None, army):
        clash = event("Armed clash", "Battles", attack_type="Armed Assault", actor1=actor1, actor2=rebels)
        clash.victims = hit
        assert incident_type(clash) is None
    # the rebels attacking the army's post and a farm is an attack; so is a rebel bomb the army
    # is said to have hit back at
    farm = Mention(text="farm", start=0, end=4, type="Private Citizens & Property")
    raid = event("Armed clash", "Battles", attack_type="Armed Assault", actor1=rebels, actor2=army)
    raid.targets = [farm]
    assert incident_type(raid) == "attack"
    mined = event("Armed clash", "Battles", actor1=army, actor2=rebels, tags=["ied"])
    assert incident_type(mined) == "bombing"


def test_a_device_the_rules_read_stays_a_bombing_whatever_type_the_model_gave():
    # "a car bomb killed 12": the model retyped it, the rules' device tag is still there
    assert incident_type(event("Agreement", "Strategic developments", tags=["vbied"])) == "bombing"
    assert incident_type(event("Agreement", "Strategic developments")) is None
    # arrests of bombers are no bombing
    assert incident_type(event("Arrests", "Strategic developments", tags=["ied"])) is None


def test_soldiers_or_rebels_taken_are_captives_of_war_not_kidnapped():
    army = Actor(name="Military Forces of El Salvador", type="State forces")
    rebels = Actor(name="Tupac Amaru Revolutionary Movement", type="Rebel group")
    civilians = Actor(name="Civilians", type="Civilians")
    for side in (army, rebels):
        assert incident_type(event("Abduction/forced disappearance", actor2=side)) is None
    assert incident_type(event("Abduction/forced disappearance", actor2=civilians)) == "kidnapping"
    assert incident_type(event("Abduction/forced disappearance")) == "kidnapping"


def test_a_killing_typed_as_a_blast_without_a_device_is_an_attack():
    # "guerrillas murdered the mayor ...": typed as a bombing after other sentences' words, no
    # bomb tag or explosive weapon of its own
    murder = Mention(text="murdered", start=0, end=8, type="kill")
    blast = Mention(text="exploded", start=0, end=8, type="explosion")
    ied = ("Remote explosive/landmine/IED", "Explosions/Remote violence")
    assert incident_type(event(*ied, trigger=murder)) == "attack"
    assert incident_type(event(*ied, trigger=blast)) == "bombing"
    assert incident_type(event(*ied, trigger=murder, tags=["ied"])) == "bombing"
    dynamite = Mention(text="dynamite", start=0, end=8, type="Explosives")
    assert incident_type(event(*ied, trigger=murder, weapons=[dynamite])) == "bombing"


def test_a_riot_is_an_incident_only_when_a_bomb_was_set_off():
    assert incident_type(event("Violent demonstration", "Riots", attack_type="Armed Assault")) is None
    assert incident_type(event("Violent demonstration", "Riots", tags=["arson"])) is None  # barricades
    assert incident_type(event("Violent demonstration", "Riots", tags=["ied"])) == "bombing"


def test_a_battle_fought_with_a_planted_device_is_a_bombing():
    # "nine soldiers were wounded when a homemade bomb exploded": typed a battle (the soldiers),
    # recorded by MUC-4 as a bombing; combat with no device and no named target is not recorded
    assert incident_type(event("Armed clash", "Battles", tags=["ied"])) == "bombing"
    assert incident_type(event("Armed clash", "Battles", tags=["shelling"])) is None


def test_descriptions_lose_a_quantity_range_but_perpetrators_keep_their_number():
    assert muc4_map.bare("approximately 20 or 30 terrorists") == "terrorists"
    assert muc4_map.bare("10 to 15 bombs") == "bombs"
    text = "two paid assassins shot a judge with a machinegun."
    article = Article(text=text)
    e = event("Attack", perpetrators=[m(text, "two paid assassins")], weapons=[m(text, "a machinegun")])
    t = event_template(article, e).to_gtt()
    # the keys mostly write the doers with their number ("two paid assassins", "45 soldiers")
    assert t["PerpInd"] == [["two paid assassins"]]
    assert t["Weapon"] == [["machinegun"]]


def test_a_side_the_dictionary_does_not_know_or_type_is_an_individual():
    text = "rosa fernandez set off a bomb near the bank."
    article = Article(text=text)
    person = Actor(name="rosa fernandez", type=None, text="rosa fernandez")
    assert muc4_map.perpetrator_actor(article, event("Attack", actor1=person)) == (None, "rosa fernandez")
    militia = Actor(name="kataib militia", type="Rebel group", text="rosa fernandez")
    assert muc4_map.perpetrator_actor(article, event("Attack", actor1=militia)) == ("rosa fernandez", None)


def test_an_arson_or_a_robbery_told_beside_another_deed_is_an_incident_of_its_own():
    # "soldiers broke down doors, looted stores, and burned several houses": MUC-4 keys a
    # robbery and an arson, each with the doers
    text = "soldiers broke down doors, looted stores, and burned several houses."
    article = Article(text=text)
    soldiers = Actor(name="Military Forces", type="State forces")
    looted = event(
        "Looting/property destruction",
        "Strategic developments",
        tags=["robbery", "arson"],
        actor1=soldiers,
        perpetrators=[m(text, "soldiers")],
        targets=[m(text, "stores", "Business")],
        trigger=m(text, "looted", "property"),
    )
    article.events = [looted]
    templates = article_templates(article)
    assert sorted(t.incident_type for t in templates) == ["arson", "robbery"]
    assert all(t.roles["PerpInd"] == ["soldiers"] and t.roles["Target"] == ["stores"] for t in templates)
    # a second event tagged arson adds no second arson: the article has one already
    article.events = [looted, looted.model_copy(update={"id": "e2"})]
    assert sorted(t.incident_type for t in article_templates(article)) == ["arson", "robbery"]
    # with no other tag, one template
    article.events = [looted.model_copy(update={"tags": ["robbery"]})]
    assert [t.incident_type for t in article_templates(article)] == ["robbery"]
