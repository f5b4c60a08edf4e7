"""Sentences written for the figures tests (not taken from the seed articles), each with the
figures expected from it in text order: (kind, group, low, high, qualifier, source).

Group and source names are those of the stand-in actor dictionary in `helpers.py`.
"""

from __future__ import annotations

IS, SDF, SOHR = "Islamic State", "Syrian Democratic Forces", "Syrian Observatory for Human Rights"
CIV, IRQ, NGA, POL = "Civilians", "Military Forces of Iraq", "Military Forces of Nigeria", "Police Forces"
TAL, BH, SHB, UN = "Taliban", "Boko Haram", "Al Shabaab", "United Nations"

F = "fatalities"

CASES: list[tuple[str, list[tuple]]] = [
    # -- numbers in digits and words --------------------------------------------------------
    ("Eleven soldiers were killed in the ambush.", [(F, None, 11, 11, "exact", None)]),
    ("The blast killed 23 people on Monday.", [(F, None, 23, 23, "exact", None)]),
    ("Gunmen shot dead seventeen villagers.", [(F, CIV, 17, 17, "exact", None)]),
    ("A car bomb killed 3,500 people, the ministry said.", [(F, None, 3500, 3500, "exact", "ministry")]),
    ("Twenty-five people died in the fire that followed the strike.", [(F, None, 25, 25, "exact", None)]),
    ("The raid killed one hundred and twenty fighters.", [(F, None, 120, 120, "exact", None)]),
    ("A dozen policemen were killed at the checkpoint.", [(F, None, 12, 12, "exact", None)]),
    ("Two dozen militants were killed in the air strikes.", [(F, None, 24, 24, "exact", None)]),
    ("Half a dozen guards were wounded in the attack.", [("injured", None, 6, 6, "exact", None)]),
    ("Four children died when the shell hit their school.", [(F, CIV, 4, 4, "exact", None)]),
    ("Militants killed 8 farmers near the village.", [(F, CIV, 8, 8, "exact", None)]),
    ("The bombing left 40 people dead.", [(F, None, 40, 40, "exact", None)]),
    ("Nine bodies were found in the river on Sunday.", [(F, None, 9, 9, "exact", None)]),
    ("The group executed 14 men in the main square.", [(F, None, 14, 14, "exact", None)]),
    ("Thirty people were slain in the massacre.", [(F, None, 30, 30, "exact", None)]),
    (
        "A soldier was killed and two were wounded.",
        [(F, None, 1, 1, "exact", None), ("injured", None, 2, 2, "exact", None)],
    ),
    ("Rebels killed a police officer at the gate.", [(F, POL, 1, 1, "exact", None)]),
    ("One person died in the explosion.", [(F, None, 1, 1, "exact", None)]),
    ("The attack claimed the lives of 31 people.", [(F, None, 31, 31, "exact", None)]),
    (
        "Gunmen opened fire on the bus, killing 11 and wounding 20.",
        [(F, None, 11, 11, "exact", None), ("injured", None, 20, 20, "exact", None)],
    ),
    # -- qualifiers -------------------------------------------------------------------------
    ("At least 12 people were killed in the shelling.", [(F, None, 12, None, "at_least", None)]),
    ("More than 70 fighters were killed in the battle.", [(F, None, 70, None, "more_than", None)]),
    ("Over 40 civilians were killed in the strikes.", [(F, CIV, 40, None, "more_than", None)]),
    (
        "Up to 15 people may have died in the collapse of the building after the strike.",
        [(F, None, None, 15, "at_most", None)],
    ),
    ("Fewer than ten soldiers were wounded.", [("injured", None, None, 10, "at_most", None)]),
    ("About 50 people were wounded in the blast.", [("injured", None, 50, 50, "approximately", None)]),
    ("Around 200 families fled their homes.", [("displaced", CIV, 200, 200, "approximately", None)]),
    ("Nearly 30 fighters died in the clashes.", [(F, None, 30, 30, "approximately", None)]),
    ("Some 60 people were killed in the raid.", [(F, None, 60, 60, "approximately", None)]),
    (
        "An estimated 400 people were displaced by the fighting.",
        [("displaced", None, 400, 400, "approximately", None)],
    ),
    ("Roughly 90 militants were killed in the offensive.", [(F, None, 90, 90, "approximately", None)]),
    ("No fewer than 25 soldiers were killed.", [(F, None, 25, None, "at_least", None)]),
    ("As many as 100 people were killed in the attack.", [(F, None, None, 100, "at_most", None)]),
    ("Almost 20 civilians were wounded.", [("injured", CIV, 20, 20, "approximately", None)]),
    ("Militants abducted more than 200 schoolgirls.", [("abducted", CIV, 200, None, "more_than", None)]),
    ("Thirty or so people were wounded in the shelling.", [("injured", None, 30, 30, "approximately", None)]),
    ("Fifty or more people died in the attack.", [(F, None, 50, None, "at_least", None)]),
    ("Well over 100 people were killed.", [(F, None, 100, None, "more_than", None)]),
    ("Close to 80 civilians were killed in the bombardment.", [(F, CIV, 80, 80, "approximately", None)]),
    ("At least half a dozen policemen were killed.", [(F, None, 6, None, "at_least", None)]),
    # -- vague quantities -------------------------------------------------------------------
    ("Several people were killed in the explosion.", [(F, None, 3, None, "vague", None)]),
    ("A few soldiers were wounded.", [("injured", None, 3, None, "vague", None)]),
    ("Dozens of civilians were killed in the air raids.", [(F, CIV, 12, None, "vague", None)]),
    ("Scores of fighters died in the fighting.", [(F, None, 20, None, "vague", None)]),
    ("Hundreds of people were killed in the siege.", [(F, None, 100, None, "vague", None)]),
    ("Thousands of residents fled their homes.", [("displaced", CIV, 1000, None, "vague", None)]),
    ("Tens of thousands of people have been displaced.", [("displaced", None, 10000, None, "vague", None)]),
    ("A handful of guards were injured.", [("injured", None, 3, None, "vague", None)]),
    ("Several hundred people fled the town.", [("displaced", None, 300, None, "vague", None)]),
    ("Dozens were wounded in the blast.", [("injured", None, 12, None, "vague", None)]),
    (
        "The militants stormed the compound, killing some and taking others hostage.",
        [(F, None, 3, None, "vague", None)],
    ),
    ("Many civilians died in the bombing.", [(F, CIV, 3, None, "vague", None)]),
    ("A couple of soldiers were hurt.", [("injured", None, 2, None, "vague", None)]),
    (
        "Hundreds of thousands of people have been displaced since the offensive began.",
        [("displaced", None, 100000, None, "vague", None)],
    ),
    ("Scores of troops were killed or wounded.", [("other", None, 20, None, "vague", None)]),
    # -- ranges -----------------------------------------------------------------------------
    ("Between 10 and 15 soldiers were killed.", [(F, None, 10, 15, "approximately", None)]),
    ("10 to 15 civilians died in the strike.", [(F, CIV, 10, 15, "approximately", None)]),
    ("Two or three policemen were wounded.", [("injured", None, 2, 3, "approximately", None)]),
    ("The strike killed 20-25 fighters.", [(F, None, 20, 25, "approximately", None)]),
    ("Between 300 and 400 prisoners escaped.", [("escaped", None, 300, 400, "approximately", None)]),
    ("Five to six people were kidnapped from the farm.", [("abducted", None, 5, 6, "approximately", None)]),
    # -- fractions of a known base ----------------------------------------------------------
    (
        "A dozen fighters mutinied on Sunday. At least half of the fighters were killed.",
        [(F, None, 6, None, "at_least", None)],
    ),
    (
        "Police arrested 40 protesters. Half of the protesters were later released.",
        [("arrested", None, 40, 40, "exact", None)],
    ),
    (
        "Thirty hostages were held in the building. A third of the hostages were killed.",
        [("hostages", None, 30, 30, "exact", None), (F, None, 10, 10, "exact", None)],
    ),
    ("Half of the villagers were killed.", []),
    # -- kinds: fatalities ------------------------------------------------------------------
    ("The death toll rose to 30.", [(F, None, 30, 30, "exact", None)]),
    ("The death toll from the bombing has climbed to 57.", [(F, None, 57, 57, "exact", None)]),
    ("The number of dead stood at 18.", [(F, None, 18, 18, "exact", None)]),
    ("The army said it had lost four soldiers.", [(F, None, 4, 4, "exact", "army")]),
    ("Seven soldiers lost their lives in the assault.", [(F, None, 7, 7, "exact", None)]),
    # a result phrase makes any verb a killing: object, passive subject, subject of no object
    ("Three prisoners were beaten to death by the guards.", [(F, None, 3, 3, "exact", None)]),
    ("The gunmen shot two policemen to death outside the bank.", [(F, None, 2, 2, "exact", None)]),
    ("Four villagers starved to death during the siege.", [(F, CIV, 4, 4, "exact", None)]),
    ("The soldiers shot at the crowd but hit no one.", []),
    ("Eight people were beheaded by the militants.", [(F, None, 8, 8, "exact", None)]),
    ("The attack left at least 10 militants dead.", [(F, None, 10, None, "at_least", None)]),
    ("There were 12 deaths in the camp.", [(F, None, 12, 12, "exact", None)]),
    ("Six of the wounded later died in hospital.", [(F, None, 6, 6, "exact", None)]),
    ("The fighting caused 40 fatalities.", [(F, None, 40, 40, "exact", None)]),
    ("Two suicide bombers blew themselves up at the gate.", [(F, None, 2, 2, "exact", None)]),
    (
        "A suicide bomber blew himself up in the market, killing nine people.",
        [(F, None, 1, 1, "exact", None), (F, None, 9, 9, "exact", None)],
    ),
    (
        "The men were hanged, and five others were shot dead.",
        # 'others' are more people than the men: their total too
        [
            (F, None, 2, None, "at_least", None),
            (F, None, 5, 5, "exact", None),
            (F, None, 7, None, "at_least", None),
        ],
    ),
    ("Three soldiers were killed when their vehicle hit a mine.", [(F, None, 3, 3, "exact", None)]),
    # -- kinds: injured, escaped, recaptured, hostages, abducted, arrested, displaced ---------
    (
        "Forty people were injured in the stampede after the blast.",
        [("injured", None, 40, 40, "exact", None)],
    ),
    ("The explosion wounded 18 worshippers.", [("injured", CIV, 18, 18, "exact", None)]),
    ("Nine policemen were hurt in the clashes.", [("injured", None, 9, 9, "exact", None)]),
    ("Seventeen people were hospitalized after the blast.", [("injured", None, 17, 17, "exact", None)]),
    ("There were 25 injuries among the crowd.", [("injured", None, 25, 25, "exact", None)]),
    ("More than 70 prisoners broke out of the jail.", [("escaped", None, 70, None, "more_than", None)]),
    ("About 40 inmates escaped during the attack.", [("escaped", None, 40, 40, "approximately", None)]),
    ("Twenty detainees fled the prison after the guards left.", [("escaped", None, 20, 20, "exact", None)]),
    ("Police said 30 of the escapees had been recaptured.", [("recaptured", None, 30, 30, "exact", POL)]),
    ("Security forces recaptured 12 inmates on Friday.", [("recaptured", None, 12, 12, "exact", None)]),
    ("The gunmen took 15 people hostage.", [("hostages", None, 15, 15, "exact", None)]),
    ("The militants are holding 40 hostages in the hotel.", [("hostages", None, 40, 40, "exact", None)]),
    ("The fighters seized 20 captives from the village.", [("hostages", None, 20, 20, "exact", None)]),
    ("Gunmen kidnapped 27 students from the school.", [("abducted", CIV, 27, 27, "exact", None)]),
    ("Twelve aid workers were abducted on the road.", [("abducted", CIV, 12, 12, "exact", None)]),
    ("Boko Haram abducted 110 girls from the town.", [("abducted", CIV, 110, 110, "exact", None)]),
    ("Police arrested 45 suspects after the bombing.", [("arrested", None, 45, 45, "exact", None)]),
    ("Nigerian troops detained 18 people in the raid.", [("arrested", None, 18, 18, "exact", None)]),
    ("Security forces rounded up 200 people.", [("arrested", None, 200, 200, "exact", None)]),
    ("Taliban fighters captured 30 villagers.", [("abducted", CIV, 30, 30, "exact", None)]),
    ("Iraqi troops captured 14 militants near the border.", [("arrested", None, 14, 14, "exact", None)]),
    ("The fighting displaced 3,000 families.", [("displaced", CIV, 3000, 3000, "exact", None)]),
    (
        "About 5,000 people fled their homes after the attack.",
        [("displaced", None, 5000, 5000, "approximately", None)],
    ),
    (
        "More than 800 people have been displaced by the clashes.",
        [("displaced", None, 800, None, "more_than", None)],
    ),
    (
        "The floods and fighting have left 2,000 people homeless and displaced.",
        [("displaced", None, 2000, 2000, "exact", None)],
    ),
    # -- figures that are not people harmed ---------------------------------------------------
    ("The prison contains around 3,500 inmates.", []),
    ("The town lies 50 kilometers south of the border.", []),
    ("The militants posted a 13-minute video online.", []),
    ("The war began in March 2011.", []),
    ("The attackers used three trucks packed with explosives.", []),
    # weapons and munitions seized are counted in things, not people taken
    ("Police seized 250 sticks of dynamite and 30 pistols in the raid.", []),
    ("Troops captured 12 machine guns and 4,000 cartridges from the rebels.", []),
    ("Rebels seized 12 hostages and 30 rifles.", [("hostages", None, 12, 12, "exact", None)]),
    ("The battle has lasted three days.", []),
    ("The government pledged 5 million dollars to rebuild the market.", []),
    # the age is no figure; the gunman arrested is one
    ("The 25-year-old gunman was arrested on Monday.", [("arrested", None, 1, None, "at_least", None)]),
    ("The army deployed 2,000 troops to the region.", []),
    ("The coalition carried out 12 air strikes overnight.", []),
    ("Nearly 60 percent of the town was destroyed.", []),
    ("The group controls about 40 villages in the province.", []),
    ("Three years ago the caliphate was destroyed.", []),
    ("He was the second commander killed this month.", []),
    ("No one was hurt in the attack.", []),
    ("It is unclear how many people died.", []),
    ("Thousands of people attended the funeral.", []),
    ("The guerrillas promised to respect the lives of the prisoners.", []),  # a life not taken
    ("Gunmen made an attempt on the governor's life on Sunday.", []),
    # -- groups -------------------------------------------------------------------------------
    ("The strike killed 12 ISIS fighters.", [(F, IS, 12, 12, "exact", None)]),
    ("Eleven Iraqi troops were killed as they slept.", [(F, IRQ, 11, 11, "exact", None)]),
    ("Twenty members of the Taliban were killed in the raid.", [(F, TAL, 20, 20, "exact", None)]),
    ("Scores of troops from the SDF have been killed in the battle.", [(F, SDF, 20, None, "vague", None)]),
    ("The clashes left 15 al-Shabaab militants dead.", [(F, SHB, 15, 15, "exact", None)]),
    ("The army killed 30 Boko Haram insurgents.", [(F, BH, 30, 30, "exact", None)]),
    ("Seven civilians were killed in the crossfire.", [(F, CIV, 7, 7, "exact", None)]),
    (
        "The shelling killed nine children and two women.",
        [(F, CIV, 9, 9, "exact", None), (F, CIV, 2, 2, "exact", None), (F, CIV, 11, 11, "exact", None)],
    ),
    ("Six Nigerian soldiers died in the ambush.", [(F, NGA, 6, 6, "exact", None)]),
    ("The Taliban said it had lost 12 of its fighters.", [(F, TAL, 12, 12, "exact", TAL)]),
    (
        "Ten Houthi fighters and four civilians were killed.",
        [
            (F, "Houthis", 10, 10, "exact", None),
            (F, CIV, 4, 4, "exact", None),
            (F, None, 14, 14, "exact", None),
        ],
    ),
    ("Five policemen were wounded.", [("injured", None, 5, 5, "exact", None)]),
    ("Daesh executed 25 of its own members for desertion.", [(F, IS, 25, 25, "exact", None)]),
    ("Two Hezbollah commanders were killed in the strike.", [(F, "Hezbollah", 2, 2, "exact", None)]),
    (
        "IS prisoners overpowered the guards and 40 of them escaped.",
        [("escaped", None, 40, 40, "exact", None)],
    ),
    # -- sources ------------------------------------------------------------------------------
    ("At least 20 people were killed, according to the SOHR.", [(F, None, 20, None, "at_least", SOHR)]),
    ("The SOHR said 45 fighters were killed in the clashes.", [(F, None, 45, 45, "exact", SOHR)]),
    (
        "Local activists said more than 70 prisoners escaped.",
        [("escaped", None, 70, None, "more_than", "Local activists")],
    ),
    ("The death toll rose to 30, the ministry said.", [(F, None, 30, 30, "exact", "ministry")]),
    ("A hospital official said 14 people had died.", [(F, None, 14, 14, "exact", "hospital official")]),
    ("Eighteen people were killed, a police spokesman told AFP.", [(F, None, 18, 18, "exact", POL)]),
    ("The UN said 300 civilians had been killed in the offensive.", [(F, CIV, 300, 300, "exact", UN)]),
    ("Amaq claimed that IS fighters had killed 50 soldiers.", [(F, None, 50, 50, "exact", "Amaq")]),
    ("The Taliban claimed to have killed 35 policemen.", [(F, None, 35, 35, "exact", TAL)]),
    (
        "The Red Cross reported that 60 people were wounded.",
        [("injured", None, 60, 60, "exact", "International Committee of the Red Cross")],
    ),
    ("According to Reuters, eight soldiers died in the attack.", [(F, None, 8, 8, "exact", "Reuters")]),
    ("Residents said dozens of people were killed.", [(F, None, 12, None, "vague", "Residents")]),
    ('"We killed 40 of them," the commander said.', [(F, None, 40, 40, "exact", "commander")]),
    ("The SDF puts its losses at seventeen.", [(F, SDF, 17, 17, "exact", SDF)]),
    ("Witnesses said at least 9 protesters were shot dead.", [(F, None, 9, None, "at_least", "Witnesses")]),
    ("The SOHR put the toll at 61.", [(F, None, 61, 61, "exact", SOHR)]),
    ("According to reports, 15 people were killed.", [(F, None, 15, 15, "exact", None)]),
    (
        "The Houthis said they had repelled the attack. They said 23 attackers were killed.",
        [(F, None, 23, 23, "exact", "Houthis")],
    ),
    (
        "The SDF said the guards were safe. A statement said 12 militants were captured.",
        [("arrested", None, 12, 12, "exact", SDF)],
    ),
    ("The Amaq statement claimed 60 soldiers were killed.", [(F, None, 60, 60, "exact", "Amaq")]),
    (  # plural "sources" are someone new, never the agency or speaker named before them
        "LIMA, 2 MAY (AFP) -- According to sources from the local parish, four peasants were killed.",
        [(F, CIV, 4, 4, "exact", None)],
    ),
    (  # a spokesman with words of his own is that speaker, not the dateline's agency
        "LIMA, 2 MAY (AFP) -- A military spokesman said that 16 rebels were killed.",
        [(F, None, 16, 16, "exact", "military spokesman")],
    ),
    (  # a wire dateline's agency is the publisher: no pronoun's antecedent
        "LIMA, 2 MAY (AFP) -- He said that five rebels were killed in the clash.",
        [(F, None, 5, 5, "exact", None)],
    ),
    (
        "BOGOTA, 3 MAY (EFE) -- The police reached the town at dawn. It said four people were killed.",
        [(F, None, 4, 4, "exact", POL)],
    ),
    (  # a bare spokesman speaks for the party named before
        "The Houthis said they had repelled the attack. A spokesman said 23 attackers were killed.",
        [(F, None, 23, 23, "exact", "Houthis")],
    ),
    (
        "Reuters reported the raid. Military sources said 16 rebels were killed.",
        [(F, None, 16, 16, "exact", None)],
    ),
    # -- figures joined to another claim --------------------------------------------------------
    (
        "IS claimed to have killed 90 SDF fighters. The SOHR put the figure at 31.",
        [(F, SDF, 90, 90, "exact", IS), (F, SDF, 31, 31, "exact", SOHR)],
    ),
    (
        "The SOHR put the figure at 25, with more than 40 ISIS dead, along with three civilians.",
        [
            (F, None, 25, 25, "exact", SOHR),
            (F, IS, 40, None, "more_than", SOHR),
            (F, CIV, 3, 3, "exact", SOHR),
        ],
    ),
    (
        "The strike killed 19 people, including 6 children.",
        [(F, None, 19, 19, "exact", None), (F, CIV, 6, 6, "exact", None)],
    ),
    (
        "Ten people were killed and 20 wounded in the attack.",
        [(F, None, 10, 10, "exact", None), ("injured", None, 20, 20, "exact", None)],
    ),
    (
        "The attack killed five soldiers and three civilians.",
        [(F, None, 5, 5, "exact", None), (F, CIV, 3, 3, "exact", None), (F, None, 8, 8, "exact", None)],
    ),
    (
        "The blast left 10 dead and 25 injured.",
        [(F, None, 10, 10, "exact", None), ("injured", None, 25, 25, "exact", None)],
    ),
    ("Dozens of people were killed or wounded in the shelling.", [("other", None, 12, None, "vague", None)]),
    ("The raid caused 30 casualties.", [("other", None, 30, 30, "exact", None)]),
    ("Around 41 fighters were rounded up and executed.", [(F, None, 41, 41, "approximately", None)]),
    (
        "The fighters killed 4 soldiers and kidnapped 9 engineers.",
        [(F, None, 4, 4, "exact", None), ("abducted", None, 9, 9, "exact", None)],
    ),
    # -- people counted without a number: named, singled out, plural; at least that many --------
    (
        "Gunmen shot dead Ahmed Karimi, a local councillor, outside his home.",
        [(F, None, 1, 1, "exact", None)],
    ),
    (
        "The district governor was killed when his convoy struck a mine.",
        [(F, None, 1, None, "at_least", None)],
    ),
    ("Her husband died of his wounds two days later.", [(F, None, 1, None, "at_least", None)]),
    ("Police found the body of a missing engineer near the dam.", [(F, None, 1, 1, "exact", None)]),
    (
        "The judge's assassination was condemned by the bar association.",
        [(F, None, 1, None, "at_least", None)],
    ),
    ("Samir Haddad, 42, was shot dead at a checkpoint.", [(F, None, 1, None, "at_least", None)]),
    ("The mayor, Luis Ortega, was kidnapped by armed men.", [("abducted", None, 1, None, "at_least", None)]),
    ("Protesters were killed when troops opened fire.", [(F, None, 2, None, "at_least", None)]),
    ("The family was massacred in their home.", [(F, CIV, 2, None, "at_least", None)]),
    ("Three journalists were among those killed in the blast.", [(F, CIV, 3, 3, "exact", None)]),
    ("The bodies of the two brothers were found in a ditch.", [(F, None, 2, 2, "exact", None)]),
    ("A bomb exploded near Gate 4 of the stadium, killing two guards.", [(F, None, 2, 2, "exact", None)]),
    ("She was the third journalist killed in the city this year.", []),
    ("No soldiers were hurt.", []),
    # names apposed to counted people name those people: no more of them
    (
        "Two of the guards, Jose Perez and Juan Gomez, were killed in the ambush.",
        [(F, None, 2, 2, "exact", None)],
    ),
    # harm brought about, in a plural noun with no number: at least two (not one person's wounds)
    (
        "The bombing caused deaths and injuries in the market.",
        [(F, None, 2, None, "at_least", None), ("injured", None, 2, None, "at_least", None)],
    ),
    (
        "The shelling left dead and wounded in the streets.",
        [(F, None, 2, None, "at_least", None), ("injured", None, 2, None, "at_least", None)],
    ),
    ("The raid resulted in deaths among the villagers.", [(F, None, 2, None, "at_least", None)]),
    (
        "THEIR ACTION CAUSED ONE DEATH, INJURIES, AND DAMAGE TO MANY HOMES.",
        [(F, None, 1, 1, "exact", None), ("injured", None, 2, None, "at_least", None)],
    ),
    # one person's wounds, not two people hurt: the person who suffered them is the figure
    ("He suffered injuries to his legs.", [("injured", None, 1, None, "at_least", None)]),
    ("No deaths were reported after the raid.", []),
    ("The army inflicted heavy losses on the rebels.", []),
    # -- coordinated people: each, and their total ------------------------------------------------
    (
        "Luis Ortega and Ana Ruiz were kidnapped on their way to work.",
        [
            ("abducted", None, 1, None, "at_least", None),
            ("abducted", None, 1, None, "at_least", None),
            ("abducted", None, 2, None, "at_least", None),
        ],
    ),
    (
        "Two aid workers and their driver were abducted on the highway.",
        [
            ("abducted", CIV, 2, 2, "exact", None),
            ("abducted", CIV, 1, None, "at_least", None),
            ("abducted", CIV, 3, None, "at_least", None),
        ],
    ),
    (
        "Soldiers killed the rebel commander and several of his bodyguards.",
        [
            (F, None, 1, None, "at_least", None),
            (F, None, 3, None, "vague", None),
            (F, None, 4, None, "at_least", None),
        ],
    ),
    (
        "Gunmen killed three farmers in one village and two in another.",
        [(F, CIV, 3, 3, "exact", None), (F, None, 2, 2, "exact", None)],
    ),
    (  # people killed 'along with' / 'together with' someone are more people: their total
        "Gunmen killed the judge along with his two sons.",
        [
            (F, None, 1, None, "at_least", None),
            (F, None, 2, 2, "exact", None),
            (F, None, 3, None, "at_least", None),
        ],
    ),
    (
        "A farmer was killed along with four of his neighbours.",
        [(F, CIV, 1, 1, "exact", None), (F, None, 4, 4, "exact", None), (F, None, 5, 5, "exact", None)],
    ),
    (
        "The mayor was shot dead together with three policemen on Monday.",
        [
            (F, None, 1, None, "at_least", None),
            (F, None, 3, 3, "exact", None),
            (F, None, 4, None, "at_least", None),
        ],
    ),
    ("The attack cost the lives of four policemen.", [(F, None, 4, 4, "exact", None)]),
    # a bare conjunct shares the words that single out its first: another person
    (
        "His wife and daughter were wounded in the blast.",
        [
            ("injured", None, 1, None, "at_least", None),
            ("injured", None, 1, None, "at_least", None),
            ("injured", None, 2, None, "at_least", None),
        ],
    ),
    # -- one case only (telex and transcripts): read from a sentence-case copy ---------------------
    ("FIVE PEASANTS WERE MASSACRED BY A DEATH SQUAD.", [(F, CIV, 5, 5, "exact", None)]),
    ("two policemen were wounded when their patrol was ambushed.", [("injured", None, 2, 2, "exact", None)]),
    (
        "THE GUNMEN KILLED A TAXI DRIVER AND WOUNDED TWO PASSENGERS.",
        [(F, CIV, 1, 1, "exact", None), ("injured", CIV, 2, 2, "exact", None)],
    ),
    (
        "TWO POLICEMEN AND A CIVILIAN WERE KILLED.",
        [(F, None, 2, 2, "exact", None), (F, CIV, 1, 1, "exact", None), (F, None, 3, 3, "exact", None)],
    ),
    (
        "the army said the rebels had executed the village chief and his two sons.",
        [
            (F, None, 1, None, "at_least", "army"),
            (F, None, 2, 2, "exact", "army"),
            (F, None, 3, None, "at_least", "army"),
        ],
    ),
    # -- harm participles, gapped clauses, partitives --------------------------------------------
    (
        "The corpses of five assassinated student leaders were found in the capital.",
        [(F, None, 5, 5, "exact", None)],
    ),
    ("The 11 priests assassinated by the army were buried on Sunday.", [(F, CIV, 11, 11, "exact", None)]),
    ("Five were later found murdered with signs of torture.", [(F, None, 5, 5, "exact", None)]),
    (
        "AT LEAST SIX PERSONS WERE KILLED AND SEVERAL INJURED WHEN A CAR BOMB EXPLODED OUTSIDE THE UNION OFFICES.",
        [(F, None, 6, None, "at_least", None), ("injured", None, 3, None, "vague", None)],
    ),
    ("Of the 16 members of the board, three were murdered.", [(F, None, 3, 3, "exact", None)]),
    (
        "Investigators named those responsible for the death of four journalists, in which one captain, "
        "two sergeants and five soldiers are being tried.",
        [(F, CIV, 4, 4, "exact", None)],
    ),
    (
        "Twelve soldiers were injured in the attack, as were some pedestrians, including a child.",
        [
            ("injured", None, 12, 12, "exact", None),
            ("injured", CIV, 3, None, "vague", None),
            ("injured", None, 15, None, "at_least", None),
            ("injured", CIV, 1, 1, "exact", None),
        ],
    ),
    # -- harm that did not happen: missed, aimed at, to come, escaped unhurt ------------------------
    ("The daughter of the ambassador was almost killed.", []),
    ("Another car bomb attempt to assassinate the minister was foiled last May.", []),
    ("Gunmen threatened to kill the judge.", []),
    ("The prisoner was taken to the jail to be executed.", []),
    ("The rebels said the country will see the bodies of its leaders.", []),
    # a practice given up or aimed at, told by a gerund: no incident
    ("The bishop urged the army to stop killing unarmed peasants.", []),
    (
        "The army stopped shelling the villages, which had left dozens dead.",
        [(F, None, 12, None, "vague", None)],
    ),
    ("The minister asked the militias to cease kidnapping foreign engineers.", []),
    ("The rebels vowed to continue killing soldiers.", []),
    ("The gunmen began killing five hostages.", [(F, None, 5, 5, "exact", None)]),
    ("The raiders ended up killing four guards.", [(F, None, 4, 4, "exact", None)]),
    (
        "The driver, who escaped unhurt, said the minister was killed.",
        [(F, None, 1, None, "at_least", "driver")],
    ),
    # -- deeds joined to a killing, people harmed 'also', ages, datelines ---------------------------
    ("The kidnapping and murder of three aid workers shocked the town.", [(F, CIV, 3, 3, "exact", None)]),
    (
        "The abduction and killing of the mayor was condemned by the church.",
        [(F, None, 1, None, "at_least", None)],
    ),
    ("The arrest and detention of 40 protesters was condemned.", [("arrested", None, 40, 40, "exact", None)]),
    (
        "Lawyers went on strike to protest the murder of their colleague Ana Ruiz.",
        [(F, None, 1, None, "at_least", None)],
    ),
    (
        "LIMA, 4 MAR 90 (EFE) -- FORMER MAYOR JORGE SALAS WAS SHOT DEAD TODAY.",
        [(F, None, 1, None, "at_least", None)],
    ),
    (
        "PETER BELL, 34, AND MARK WOOD, 29, WERE SHOT DEAD OUTSIDE THE BANK.",
        [
            (F, None, 1, None, "at_least", None),
            (F, None, 1, None, "at_least", None),
            (F, None, 2, None, "at_least", None),
        ],
    ),
    (
        "Gunmen killed a 71-year-old farmer and his son.",
        [
            (F, CIV, 1, 1, "exact", None),
            (F, None, 1, None, "at_least", None),
            (F, None, 2, None, "at_least", None),
        ],
    ),
    (
        "Three soldiers were killed in the ambush; a civilian also died.",
        [(F, None, 3, 3, "exact", None), (F, CIV, 1, 1, "exact", None), (F, None, 4, 4, "exact", None)],
    ),
    (
        "The mayor was shot dead on Monday. His driver and two bodyguards were also killed in the attack.",
        [
            (F, None, 1, None, "at_least", None),
            (F, CIV, 1, None, "at_least", None),
            (F, None, 2, 2, "exact", None),
            (F, None, 3, None, "at_least", None),
            (F, None, 4, None, "at_least", None),
        ],
    ),
    (
        "The governor was wounded in the blast, and his secretary was injured as well.",
        [
            ("injured", None, 1, None, "at_least", None),
            ("injured", None, 1, None, "at_least", None),
            ("injured", None, 2, None, "at_least", None),
        ],
    ),
    # 'other', 'more' people are more people than those told before, whoever tells of them
    (
        "Eight tourists were injured when a bomb exploded. Police said 10 other people were also injured.",
        [
            ("injured", CIV, 8, 8, "exact", None),
            ("injured", None, 10, 10, "exact", POL),
            ("injured", None, 18, 18, "exact", None),
        ],
    ),
    (
        "Five soldiers were killed in the ambush. Two more soldiers died later in hospital.",
        [(F, None, 5, 5, "exact", None), (F, None, 2, 2, "exact", None), (F, None, 7, 7, "exact", None)],
    ),
    (
        "Three civilians were wounded by the blast. The army said two others were wounded.",
        [
            ("injured", CIV, 3, 3, "exact", None),
            ("injured", None, 2, 2, "exact", "army"),
            ("injured", None, 5, 5, "exact", None),
        ],
    ),
    (  # a later claim about the same people: no 'other', no total
        "The bomb killed more than 10 people. Police said 12 people were killed.",
        [(F, None, 10, None, "more_than", None), (F, None, 12, 12, "exact", POL)],
    ),
    # another place: other people, no total
    (
        "Five rebels were killed in the north. Three fighters were also killed in Hama.",
        [(F, None, 5, 5, "exact", None), (F, None, 3, 3, "exact", None)],
    ),
    (
        "Five were killed in the raid. The police also arrested two suspects.",
        [(F, None, 5, 5, "exact", None), ("arrested", None, 2, 2, "exact", None)],
    ),
    # -- pronouns, titled and lower-cased surnames, parentheses, judgements, possibilities ----
    ("A soldier fired at a woman, wounding her in the arm.", [("injured", None, 1, None, "at_least", None)]),
    ("Gunmen stormed the house. He died on the way to hospital.", [(F, None, 1, None, "at_least", None)]),
    ("The priests were taken out and they were shot to death.", [(F, None, 2, None, "at_least", None)]),
    ("Police said they fled.", []),  # a pronoun counts only for harm
    ("When they feel they are lost, they attack.", []),
    ("Mr. Banks was wounded in the attack.", [("injured", None, 1, None, "at_least", None)]),
    ("The Democrats were killed.", []),  # a plural proper noun with no title is no one's name
    ("LUIS BANKS WAS SERIOUSLY INJURED IN THE BLAST.", [("injured", None, 1, None, "at_least", None)]),
    (
        "Eight tourists were injured by the bomb. Police said 10 other people (whose names were not given) were also injured.",
        [
            ("injured", CIV, 8, 8, "exact", None),
            ("injured", None, 10, 10, "exact", POL),
            ("injured", None, 18, 18, "exact", None),
        ],
    ),
    ("The assassins died in the shootout.", [(F, None, 2, None, "at_least", None)]),
    ("A military court sentenced three rebels to death.", []),  # a judgement, no one killed yet
    ("The rebels said the hostages could be killed.", []),
    ("Five soldiers could have been killed in the ambush.", [(F, None, 5, 5, "exact", None)]),
    # -- people named again: a definite plural takes the number counted before ------------
    (
        "Gunmen murdered six priests on Monday. The government condemned the murder of the priests.",
        [(F, CIV, 6, 6, "exact", None), (F, CIV, 6, 6, "exact", None)],
    ),
    (
        "Four soldiers were kidnapped near the border. The soldiers were found dead on Friday.",
        [("abducted", None, 4, 4, "exact", None), (F, None, 4, 4, "exact", None)],
    ),
    (  # the dead do not flee: other students, at least two
        "Five students were killed in the raid. The students fled the country.",
        [(F, CIV, 5, 5, "exact", None), ("displaced", CIV, 2, None, "at_least", None)],
    ),
    (  # other people than those counted: no number of theirs
        "Six priests were kidnapped on Monday. The other priests were killed.",
        [("abducted", CIV, 6, 6, "exact", None), (F, CIV, 2, None, "at_least", None)],
    ),
    (  # another noun: the smallest plural
        "Five soldiers were wounded in the ambush. The guards were killed.",
        [("injured", None, 5, 5, "exact", None), (F, None, 2, None, "at_least", None)],
    ),
    # -- a repeated preposition: 'the murders of X and of Y' count both -------------------
    (
        "Police are investigating the murder of a judge and of two of his bodyguards.",
        [(F, None, 1, 1, "exact", None), (F, POL, 2, 2, "exact", None), (F, None, 3, 3, "exact", None)],
    ),
    (
        "Documents linking several people with the assassinations of Luis Perez, Juan Gomez, and of Colonel Pedro Ruiz were found.",
        [
            (F, None, 1, None, "at_least", None),
            (F, None, 1, None, "at_least", None),
            (F, None, 1, None, "at_least", None),
            (F, None, 3, None, "at_least", None),
        ],
    ),
    ("He spoke of the war and of the killing of two farmers.", [(F, CIV, 2, 2, "exact", None)]),
    # -- wounds suffered and care for them: people hurt ----------------------------------
    ("The mayor suffered serious injuries in the blast.", [("injured", None, 1, None, "at_least", None)]),
    ("Two soldiers sustained injuries in the attack.", [("injured", None, 2, 2, "exact", None)]),
    ("Three policemen received gunshot wounds.", [("injured", None, 3, 3, "exact", None)]),
    ("Four people were treated for injuries at the hospital.", [("injured", None, 4, 4, "exact", None)]),
    ("Five people were taken to hospital with burns.", [("injured", None, 5, 5, "exact", None)]),
    (
        "The driver escaped unhurt, but his two bodyguards were rushed to hospital.",
        [("injured", None, 2, 2, "exact", None)],
    ),
    ("The bodies of six peasants were taken to the hospital.", [(F, CIV, 6, 6, "exact", None)]),
    ("The soldiers received orders to attack.", []),
    (
        "The nun, who was shot by unidentified men, is still in serious condition.",
        [("injured", CIV, 1, None, "at_least", None)],
    ),
    ("Two of the passengers remain in critical condition.", [("injured", CIV, 2, 2, "exact", None)]),
    ("The road is in poor condition.", []),
    # -- a participle parsed as an adjective (text in one case): still a harm said of them ------
    ("THE MURDERED JOURNALIST WAS BURIED IN HIS HOME TOWN ON FRIDAY.", [(F, CIV, 1, None, "at_least", None)]),
    ("THE KIDNAPPED ENGINEERS WERE SEEN IN A VIDEO.", [("abducted", None, 2, None, "at_least", None)]),
    ("THE TALENTED MAYOR OPENED THE NEW SCHOOL.", []),
    ("THE RETIRED GENERAL SPOKE TO THE PRESS.", []),
    # -- an elided repeat: 'as were', 'as did' takes the predicate of the clause it follows, and
    # its people are more than that clause's (their total follows) ---------------------------
    (
        "Nine soldiers were wounded in the ambush, as were several passersby.",
        [
            ("injured", None, 9, 9, "exact", None),
            ("injured", CIV, 3, None, "vague", None),
            ("injured", None, 12, None, "at_least", None),
        ],
    ),
    (
        "Five policemen died in the blast, as did two civilians.",
        [(F, None, 5, 5, "exact", None), (F, CIV, 2, 2, "exact", None), (F, None, 7, 7, "exact", None)],
    ),
    ("The rebels killed four soldiers, as did the army.", [(F, None, 4, 4, "exact", None)]),
    ("Three guards were killed, as were the others present at the gate.", [(F, None, 3, 3, "exact", None)]),
    # -- a passer-by is a civilian -------------------------------------------------------------
    (
        "A GRENADE EXPLODED AT THE BUS STOP, WOUNDING A POLICEMAN AND A PASSERBY.",
        [
            ("injured", None, 1, 1, "exact", None),
            ("injured", CIV, 1, 1, "exact", None),
            ("injured", None, 2, 2, "exact", None),
        ],
    ),
    ("Two passersby were killed by the shell.", [(F, CIV, 2, 2, "exact", None)]),
    # -- a second full name apposed to a first, its surname left lower case by the one-case copy:
    # another person, not the first renamed ---------------------------------------------------
    (
        "DOCUMENTS LINKING TWO MEN WITH THE MURDERS OF JOSE LUIS PEREZ GOMEZ, MARIO ANDRES RUIZ LEAL, AND OF GENERAL PEDRO SOTO WERE FOUND.",
        [
            (F, None, 1, None, "at_least", None),
            (F, None, 1, None, "at_least", None),
            (F, None, 2, None, "at_least", None),
        ],
    ),
    (
        "THE JUDGE CONDEMNED THE ASSASSINATIONS OF JOSE LUIS PEREZ GOMEZ, MARIO ANDRES RUIZ LEAL, AND OF A JOURNALIST.",
        [
            (F, None, 1, None, "at_least", None),
            (F, None, 1, None, "at_least", None),
            (F, CIV, 1, 1, "exact", None),
            (F, None, 3, None, "at_least", None),
        ],
    ),
    ("THE MAYOR, PEDRO PARDO LEAL, WAS KILLED YESTERDAY.", [(F, None, 1, None, "at_least", None)]),
    # -- a participle parsed as the verb of a clause: its counted subject undergoes the harm ---
    (
        "The offensive has resulted in 40 dead and 52 wounded, including soldiers and civilians.",
        [(F, None, 40, 40, "exact", None), ("injured", None, 52, 52, "exact", None)],
    ),
    (
        "ONE PERSON WAS KILLED, THREE OR FOUR PEOPLE WOUNDED, AND A TRUCK DESTROYED IN THE ATTACK.",
        [(F, None, 1, 1, "exact", None), ("injured", None, 3, 4, "approximately", None)],
    ),
    ("THE NINE TEACHERS MURDERED IN THE VILLAGE WERE BURIED ON SUNDAY.", [(F, CIV, 9, 9, "exact", None)]),
    # the doers of a harm verb with an object, or of one joined to a verb with an object: not
    ("The 12 rebels killed two soldiers near the border.", [(F, None, 2, 2, "exact", None)]),
    (
        "Six fighters killed and wounded dozens of people in the market.",
        [("injured", None, 12, None, "vague", None)],
    ),
    # -- the doers of a deed named by the people it befell: 'the murderers of X' ------------
    ("Police are hunting the killers of the two journalists.", [(F, CIV, 2, 2, "exact", None)]),
    (
        "The bishop demanded the trial of the murderers of Father Miguel Santos.",
        [(F, None, 1, None, "at_least", None)],
    ),
    (
        "Troops arrested the kidnappers of the engineer.",
        [("arrested", None, 2, None, "at_least", None), ("abducted", None, 1, None, "at_least", None)],
    ),
    ("The speech denounced the assassins of peasants.", []),
    ("The murderers of the people must be punished.", []),
    ("They were killers of the worst kind.", []),
    # -- a deed noun whose 'against' names the people it befell ----------------------------
    (
        "Witnesses described the massacre against the peasants of the village.",
        [(F, CIV, 2, None, "at_least", None)],
    ),
    (
        "The bishop condemned the murder committed by rebels against Father Luis Ortega.",
        [(F, None, 1, None, "at_least", None)],
    ),
    (  # the parse hangs 'against' on the doers
        "The murder committed by the Black Hand (a death squad) against the two teachers shocked the town.",
        [(F, CIV, 2, 2, "exact", None)],
    ),
    ("THE GROUP SEEKS POWER THROUGH A MASSACRE AGAINST THE PEOPLE.", []),
    ("Police investigated the attack against the mayor.", []),
    # -- harm told as a practice counts no one counted without a number; an incident does --
    ("Their attacks are ending the lives of innocent children and women.", []),
    ("The rebels do not win the war by killing peasants.", []),
    ("Those who every day murder peasants must be stopped.", []),
    ("Gunmen kill villagers in raid.", [(F, CIV, 2, None, "at_least", None)]),
    ("Soldiers killed civilians by setting fire to their houses.", [(F, CIV, 2, None, "at_least", None)]),
    # -- 'another' standing for one more person --------------------------------------------
    (
        "A bomb exploded at the market, killing two people and seriously injuring another.",
        [(F, None, 2, 2, "exact", None), ("injured", None, 1, None, "at_least", None)],
    ),
    (
        "Two soldiers died and another was wounded.",
        [(F, None, 2, 2, "exact", None), ("injured", None, 1, None, "at_least", None)],
    ),
    ("The rebels attacked one village and then another.", []),
    # -- a toll of victims told with a copula; the people a toll noun counts are its figure's --
    (
        "Officials confirmed that the number of victims is 41 and not 45.",
        [(F, None, 41, 41, "exact", "Officials")],
    ),
    ("The number of people killed in the attack is 25.", [(F, None, 25, 25, "exact", None)]),
    ("The number of victims is still unknown.", []),
    ("The families of victims received new houses.", []),
    (
        "An unknown number of wounded people were taken to the hospital.",
        [("injured", None, 2, None, "at_least", None)],
    ),
    # -- people the text says were spared: 'neither ... nor', 'none of', 'neither of' -------
    ("Neither the driver nor his two bodyguards were hurt in the blast.", []),
    ("None of the five passengers was injured.", []),
    ("Neither of the two guards was wounded.", []),
    ("YET NEITHER THE MAGISTRATE NOR HIS DAUGHTER WAS HURT BY THE BLAST.", []),
    # -- ... but people harmed in their own words, of whom something else is denied ------------
    ("None of the 40 dead have been identified.", [(F, None, 40, 40, "exact", None)]),
    (
        "Neither of the two wounded soldiers is in serious condition.",
        [("injured", None, 2, 2, "exact", None)],
    ),
    ("None of the three kidnapped engineers has been released.", [("abducted", None, 3, 3, "exact", None)]),
    ("None of the 30 people killed in the attack was armed.", [(F, None, 30, 30, "exact", None)]),
    (
        "Both the driver and his bodyguard were injured.",
        [
            ("injured", CIV, 1, None, "at_least", None),
            ("injured", None, 1, None, "at_least", None),
            ("injured", None, 2, None, "at_least", None),
        ],
    ),
    # -- the part of a group is the figure, not the group it is counted from -----------------
    ("Two of the five passengers were injured.", [("injured", CIV, 2, 2, "exact", None)]),
    ("One of his three bodyguards was killed.", [(F, None, 1, 1, "exact", None)]),
    # -- ... unless the whole was harmed in its own words --------------------------------------
    (
        "Three of the 20 people wounded in the attack died later.",
        [(F, None, 3, 3, "exact", None), ("injured", None, 20, 20, "exact", None)],
    ),
    (
        "Two of the 12 wounded soldiers died.",
        [(F, None, 2, 2, "exact", None), ("injured", None, 12, 12, "exact", None)],
    ),
    # -- wounds 'to' people: the people are the figure ------------------------------------------
    ("The car bomb resulted in injuries to a guard.", [("injured", None, 1, 1, "exact", None)]),
    (
        "The explosion caused deaths and injuries to the population.",
        [(F, None, 2, None, "at_least", None), ("injured", None, 2, None, "at_least", None)],
    ),
    ("The shelling caused injuries and heavy damage.", [("injured", None, 2, None, "at_least", None)]),
    # -- a sum of money or a thing lost is no one harmed -----------------------------------------
    ("The bombing left six dead and millions in losses.", [(F, None, 6, 6, "exact", None)]),
    ("The ruling party lost several seats in the election.", []),
    ("The bombs caused damage worth thousands of pesos.", []),
    # -- a possible toll is kept -----------------------------------------------------------------
    ("Ten soldiers may have died in the ambush.", [(F, None, 10, 10, "exact", None)]),
    # -- a practice told with joined verbs -------------------------------------------------------
    ("The gunmen are killing and wounding civilians.", []),
    # -- a minor is a civilian ---------------------------------------------------------------------
    ("A minor was wounded by the shrapnel.", [("injured", CIV, 1, 1, "exact", None)]),
    ("Three minors died when the house collapsed.", [(F, CIV, 3, 3, "exact", None)]),
    # -- the owner of a person is not the one harmed: 'a reporter's wife' ---------------------------
    (
        "They murdered a reporter's wife and son.",
        [
            (F, None, 1, None, "at_least", None),
            (F, None, 1, None, "at_least", None),
            (F, None, 2, None, "at_least", None),
        ],
    ),
    ("A soldier's death was reported on Monday.", [(F, None, 1, 1, "exact", None)]),
    # -- a verb with no kind joined to a harm verb: the people undergo the harm -----------------------
    ("The mayor was shot and killed outside his home.", [(F, None, 1, None, "at_least", None)]),
    ("Three people were shot and wounded at the market.", [("injured", None, 3, 3, "exact", None)]),
    ("Gunmen shot and killed two farmers.", [(F, CIV, 2, 2, "exact", None)]),
    ("The soldiers shot and killed the fleeing gunman.", [(F, None, 1, None, "at_least", None)]),
    # -- ... only when the joined harm happened ---------------------------------------------------
    ("The mayor was shot and almost killed.", []),
    ("The journalist was threatened and nearly killed.", []),
    ("The hostages were abducted and will be executed.", [("abducted", None, 2, None, "at_least", None)]),
    # -- guard (passes without the cut-name rule too): a full name after a rank is one person ---
    ("THE BODY OF DEPUTY PEDRO LI SALAZAR WAS FOUND IN THE RIVER.", [(F, None, 1, None, "at_least", None)]),
    (
        "Gunmen killed Jose Perez, Juan Gomez and Pedro Ruiz.",
        [
            (F, None, 1, None, "at_least", None),
            (F, None, 1, None, "at_least", None),
            (F, None, 1, None, "at_least", None),
            (F, None, 3, None, "at_least", None),
        ],
    ),
    # -- a person noun right before a name makes it a person's, whatever the recogniser says --
    (
        "THE AUTHORITIES HAVE REPORTED THAT RADIO ANNOUNCER MARIO RUEDA SALAZAR WAS ASSASSINATED TODAY IN THE CAPITAL.",
        [(F, CIV, 1, None, "at_least", "AUTHORITIES")],
    ),
    # -- 'left N dead and M injured': the state hung on the counted noun is its own --------------
    (
        "THE BOMB, WHICH LEFT 5 OTHER PEOPLE DEAD AND 20 INJURED, DESTROYED THE OFFICE.",
        [(F, None, 5, 5, "exact", None), ("injured", None, 20, 20, "exact", None)],
    ),
    ("AN EXCHANGE OF GUNFIRE LEFT TWO PERSONS DEAD AND ONE MISSING.", [(F, None, 2, 2, "exact", None)]),
    # a bare count joined to a harmed group keeps the state said of it ("... and three wounded")
    (
        "The attack left two soldiers dead and three wounded.",
        [(F, None, 2, 2, "exact", None), ("injured", None, 3, 3, "exact", None)],
    ),
    (
        "A BOMB LEFT TWO OTHER PEOPLE DEAD AND FIVE INJURED IN SAN MARCOS.",
        [(F, None, 2, 2, "exact", None), ("injured", None, 5, 5, "exact", None)],
    ),
    (
        "A militiaman was killed and a second one injured in the raid.",
        [(F, None, 1, 1, "exact", None), ("injured", None, 1, 1, "exact", None)],
    ),
    (
        "The ambush killed two soldiers and three civilians.",
        [
            (F, None, 2, 2, "exact", None),
            (F, "Civilians", 3, 3, "exact", None),
            (F, None, 5, 5, "exact", None),
        ],
    ),
    (
        "The explosion left four people dead and 12 injured.",
        [(F, None, 4, 4, "exact", None), ("injured", None, 12, 12, "exact", None)],
    ),
    # -- 'other' people harmed in another named place are another incident: no total; in the same
    # -- place they add up -------------------------------------------------------------------------
    (
        "Three farmers were shot dead near the border. Two other farmers were killed by gunmen in Villa Rosa.",
        [(F, CIV, 3, 3, "exact", None), (F, CIV, 2, 2, "exact", None)],
    ),
    (
        "Three farmers were shot dead in Villa Rosa. Two other farmers were killed by gunmen in Villa Rosa.",
        [(F, CIV, 3, 3, "exact", None), (F, CIV, 2, 2, "exact", None), (F, CIV, 5, 5, "exact", None)],
    ),
    (
        "Three farmers were killed in Villa Rosa. A bomb left two other people dead in Villa Rosa.",
        [(F, CIV, 3, 3, "exact", None), (F, None, 2, 2, "exact", None), (F, None, 5, 5, "exact", None)],
    ),
    # -- the place of a deed noun is hung on the noun itself ---------------------------------------
    (
        "Three farmers were killed in Villa Rosa. The army reported two other deaths in San Pedro.",
        [(F, CIV, 3, 3, "exact", None), (F, None, 2, 2, "exact", "army")],
    ),
    (
        "Three farmers were killed in Villa Rosa. The army reported two other deaths in Villa Rosa.",
        [(F, CIV, 3, 3, "exact", None), (F, None, 2, 2, "exact", "army"), (F, None, 5, 5, "exact", None)],
    ),
    # -- people broken down after a colon or a bracket are the same people, not more ------------
    (
        "Ten people (six soldiers and four civilians) were killed in the blast.",
        [
            (F, None, 10, 10, "exact", None),
            (F, None, 6, 6, "exact", None),
            (F, CIV, 4, 4, "exact", None),
            (F, None, 10, 10, "exact", None),
        ],
    ),
    (
        "The attack killed three people: a teacher, a nurse and a driver.",
        [
            (F, None, 3, 3, "exact", None),
            (F, CIV, 1, 1, "exact", None),
            (F, CIV, 1, 1, "exact", None),
            (F, CIV, 1, 1, "exact", None),
            (F, CIV, 3, 3, "exact", None),
        ],
    ),
    (
        "TWO CHILDREN AND EIGHT OTHER PEOPLE (THREE SOLDIERS AND FIVE CIVILIANS) WERE WOUNDED.",
        [
            ("injured", CIV, 2, 2, "exact", None),
            ("injured", None, 8, 8, "exact", None),
            ("injured", None, 10, 10, "exact", None),
            ("injured", None, 3, 3, "exact", None),
            ("injured", CIV, 5, 5, "exact", None),
            ("injured", None, 8, 8, "exact", None),
        ],
    ),
    (
        "Gunmen killed two soldiers, a policeman and a civilian.",
        [
            (F, None, 2, 2, "exact", None),
            (F, None, 1, 1, "exact", None),
            (F, CIV, 1, 1, "exact", None),
            (F, None, 4, 4, "exact", None),
        ],
    ),
    # -- 'two of them' after joined tolls counts some of the nearer one's people ---------------
    (
        "One soldier was killed and six wounded, two of them seriously.",
        [
            (F, None, 1, 1, "exact", None),
            ("injured", None, 6, 6, "exact", None),
            ("injured", None, 2, 2, "exact", None),
        ],
    ),
    # -- an inspector is a person of rank ---------------------------------------------------
    (
        "GUNMEN MURDERED A POLICE INSPECTOR AND TWO OF HIS SONS ON THE ROAD.",
        [(F, None, 1, 1, "exact", None), (F, None, 2, 2, "exact", None), (F, None, 3, 3, "exact", None)],
    ),
    # -- a place on the last of coordinated people is the whole phrase's; places on each part
    # -- (or a bare number with its own place) list separate incidents --------------------------
    (
        "THE MEN WHO KILLED FOUR TEACHERS AND TWO COMPANIONS IN THE CAPITAL WORE UNIFORMS.",
        [(F, CIV, 4, 4, "exact", None), (F, None, 2, 2, "exact", None), (F, None, 6, 6, "exact", None)],
    ),
    (
        "Soldiers killed five rebels and three civilians in the village.",
        [(F, None, 5, 5, "exact", None), (F, CIV, 3, 3, "exact", None), (F, None, 8, 8, "exact", None)],
    ),
    (
        "The rebels murdered three peasants in the north and two in the south.",
        [(F, CIV, 3, 3, "exact", None), (F, None, 2, 2, "exact", None)],
    ),
    # -- the last conjunct of a relative clause, read by the verb after it, is the qualified
    # -- noun's when joined to what the clause says the noun is; one the clause's own verb harms
    # -- or acts on stays there ------------------------------------------------------------------
    (
        "THREE GUARDS WHO WERE ACTING AS HIS BODYGUARDS AND A STREET VENDOR WERE WOUNDED IN THE BLAST.",
        [
            ("injured", None, 3, 3, "exact", None),
            ("injured", CIV, 1, 1, "exact", None),
            ("injured", None, 4, 4, "exact", None),
        ],
    ),
    (
        "Two men who were her bodyguards and a private citizen were wounded in the attack.",
        [
            ("injured", None, 2, 2, "exact", None),
            ("injured", CIV, 1, 1, "exact", None),
            ("injured", None, 3, 3, "exact", None),
        ],
    ),
    # (the last conjunct keeps a figure of its own, but no total adds it to the subject's)
    (
        "Three soldiers who were escorting two engineers and a driver were killed in the ambush.",
        [(F, None, 3, 3, "exact", None), (F, CIV, 1, 1, "exact", None)],
    ),
    (
        "Two policemen who were protecting the judge and a private citizen were wounded.",
        [("injured", None, 2, 2, "exact", None), ("injured", CIV, 1, 1, "exact", None)],
    ),
    (
        "The men who killed two peasants and a teacher were arrested.",
        [
            ("arrested", None, 2, None, "at_least", None),
            (F, CIV, 2, 2, "exact", None),
            (F, CIV, 1, 1, "exact", None),
            (F, CIV, 3, 3, "exact", None),
        ],
    ),
    (
        "The guerrillas who kidnapped the mayor and his driver were captured.",
        [
            ("arrested", None, 2, None, "at_least", None),
            ("abducted", None, 1, None, "at_least", None),
            ("abducted", CIV, 1, None, "at_least", None),
            ("abducted", None, 2, None, "at_least", None),
        ],
    ),
]
