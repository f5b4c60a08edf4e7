"""Dates given to events of small hand-built articles (the positional rules; one test parses)."""

from __future__ import annotations

import re

import pytest

from strife.models import Article, Event, Span
from strife.stages.time import annotate
from strife.timex.assign import BACKGROUND_DAYS, simple_sentences

#: Six sentences that date nothing, to put distance between an event and a date.
FILLER = " ".join(f"Sentence number {n} says nothing." for n in range(6))


def article(text: str, published: str | None, *triggers: str) -> Article:
    """An article with one event per trigger word (its first whole-word occurrence), dated."""
    a = Article(text=text, published=published)
    a.sentences = simple_sentences(text)
    found = [re.search(rf"\b{re.escape(word)}\b", text) for word in triggers]
    assert all(found), triggers
    add_events(a, [m for m in found if m])
    return annotate(a)


def parsed(nlp, text: str, published: str) -> Article:
    """An article with the model's parse and its sentences, before any stage ran."""
    a = Article(text=text, published=published)
    a.doc = nlp(text)
    a.sentences = [Span(start=s.start_char, end=s.end_char) for s in a.doc.sents]
    return a


def add_events(a: Article, matches, event_type: str = "Battles", sub_event_type: str = "Armed clash") -> None:
    """One event of `a` per regex match, the matched words its trigger."""
    for i, m in enumerate(matches):
        index = a.sentence_index(m.start())
        a.events.append(
            Event(
                id=f"e{i}",
                event_type=event_type,
                sub_event_type=sub_event_type,
                trigger=a.mention(m.start(), m.end()),
                sentences=[index] if index is not None else [],
            )
        )


def dates(a: Article) -> list[tuple[str | None, str | None, int | None]]:
    return [(e.date.start, e.date.end, e.date.precision) for e in a.events]


def test_expression_in_main_sentence():
    a = article("Prisoners broke out of a jail on Tuesday, activists say.", "2015-03-10", "broke")
    assert dates(a) == [("2015-03-10", "2015-03-10", 1)]
    assert a.events[0].date.text == "on Tuesday"


def test_nearest_expression_wins():
    text = "Rebels shelled the town on Monday and stormed the barracks on Thursday night."
    a = article(text, "2015-03-10", "shelled", "stormed")
    assert dates(a) == [("2015-03-09", "2015-03-09", 1), ("2015-03-05", "2015-03-05", 1)]


def test_anchor_dates_its_complement_and_main_clause():
    text = (
        "More than 70 prisoners broke out of a jail Tuesday. "
        "The escapees made their bid a day after militants executed nine captured fighters."
    )
    a = article(text, "2015-03-10", "broke", "made", "executed")
    assert dates(a) == [
        ("2015-03-10", "2015-03-10", 1),
        ("2015-03-10", "2015-03-10", 1),
        ("2015-03-09", "2015-03-09", 1),
    ]


def test_aggregate_gets_the_span_not_a_day():
    text = "More than 120 foreign fighters have been executed since September in Syria."
    a = article(text, "2015-03-10", "executed")
    assert dates(a) == [("2014-09-01", "2015-03-10", 3)]


def test_statement_date_is_not_the_event_date():
    a = article("The army said on Monday that rebels attacked a base.", "2015-03-10", "attacked")
    assert dates(a) == [(None, None, None)]


def test_undated_event_near_the_lead_takes_its_date_less_precisely():
    text = "Rebels stormed the town on Tuesday. The assault left ten dead. Shops closed."
    a = article(text, "2015-03-10", "stormed", "left")
    assert dates(a) == [("2015-03-10", "2015-03-10", 1), ("2015-03-10", "2015-03-10", 2)]


def test_far_unlinked_event_stays_undated():
    text = f"Rebels stormed the town on Tuesday. {FILLER} Gunmen kidnapped a judge."
    a = article(text, "2015-03-10", "stormed", "kidnapped")
    assert dates(a)[1] == (None, None, None)


def test_event_named_again_takes_that_events_date():
    text = (
        "Inmates began a mutiny on Thursday night. "
        f"{FILLER} Officials said the mutiny began with two suicide bombers who blew up trucks."
    )
    a = article(text, "2022-01-23", "mutiny", "blew")
    assert dates(a)[1] == ("2022-01-20", "2022-01-20", 2)


def test_future_dates_do_not_date_events():
    a = article("Elections will be held on March 20.", "2015-03-10", "held")
    assert dates(a) == [(None, None, None)]


def test_background_for_old_events():
    text = "The group has not recovered since the fall of the town in March 2019."
    a = article(text, "2022-01-23", "fall")
    assert a.events[0].background is True
    assert dates(a) == [("2019-03-01", "2019-03-31", 3)]


def test_recent_events_are_not_background():
    a = article(f"Troops withdrew {BACKGROUND_DAYS - 5} days ago.", "2015-03-10", "withdrew")
    assert a.events[0].background is False


def test_background_needs_a_publication_date():
    a = article("The town fell in March 2019.", None, "fell")
    assert a.events[0].date.start == "2019-03-01"
    assert a.events[0].background is False


def test_no_publication_date_no_invented_day():
    text = "Inmates began a mutiny on Thursday night. Gunmen attacked a barracks on Friday morning."
    a = article(text, None, "mutiny", "attacked")
    assert dates(a) == [(None, None, None), (None, None, None)]
    assert any("no publication date" in w for w in a.warnings)


def test_upper_case_text():
    text = "GUERRILLAS ATTACKED THE FARM 2 DAYS AGO, THE ARMY REPORTED."
    a = article(text, "1990-02-04", "ATTACKED")
    assert dates(a) == [("1990-02-02", "1990-02-02", 1)]


def test_event_without_trigger_or_sentences():
    a = Article(text="Fighting raged on Tuesday.", published="2015-03-10")
    a.events.append(Event(id="x", event_type="Battles", sub_event_type="Armed clash"))
    annotate(a)
    assert a.events[0].date.precision is None


def test_undated_story_takes_the_day_of_its_lede():
    text = (
        "Today, the city once again experienced a wave of terror. "
        "The targets of the attacks were three bank branches. Nobody claimed responsibility."
    )
    a = article(text, "1989-08-27", "attacks")
    assert dates(a) == [("1989-08-27", "1989-08-27", 2)]


def test_lede_does_not_date_events_far_from_it_or_override_dated_ones():
    text = f"Today the campaign entered its final stretch. {FILLER} Gunmen attacked a bank."
    assert dates(article(text, "1990-04-01", "attacked")) == [(None, None, None)]
    text = "Today the campaign entered its last week. Rebels bombed a bank in March 1990."
    assert dates(article(text, "1990-04-01", "bombed")) == [("1990-03-01", "1990-03-31", 3)]


def test_later_carries_the_story_on():
    text = (
        f"Yesterday morning gunmen machinegunned a bus. {FILLER} "
        "Later, in the same area, terrorists burned nine vehicles."
    )
    a = article(text, "1989-12-09", "machinegunned", "burned")
    assert dates(a) == [("1989-12-08", "1989-12-08", 1), ("1989-12-08", "1989-12-08", 2)]


def test_listed_incident_takes_the_date_of_the_one_before_it():
    text = (
        f"Rebels stormed the town on Tuesday. {FILLER} "
        "In the last 24 hours the guerrillas murdered two officials. "
        "In the capital they set fire to a bank. Elsewhere they bombed a radio station."
    )
    a = article(text, "1990-04-01", "stormed", "murdered", "set", "bombed")
    # the 24-hour span is two days (ACLED 2); the incidents listed after it share it, no vaguer
    assert dates(a)[1:] == [("1990-03-31", "1990-04-01", 2)] * 3


def test_listed_incident_skips_an_old_date_and_takes_no_later_one():
    text = (
        f"Rebels stormed the town on Tuesday. {FILLER} "
        "In the last 24 hours the guerrillas murdered two officials. "
        "The group was founded in March 1980. Guerrillas burned a bus. "
        f"{FILLER} Gunmen kidnapped a judge. Troops attacked a camp yesterday."
    )
    a = article(text, "1990-04-01", "stormed", "murdered", "founded", "burned", "kidnapped", "attacked")
    assert dates(a)[3] == ("1990-03-31", "1990-04-01", 2)  # March 1980 is no story's date
    assert dates(a)[4] == (None, None, None)  # the date of the incident after it is not its date


@pytest.mark.slow
def test_the_day_of_an_order_dates_neither_the_murder_it_names_nor_its_story(nlp):
    text = (
        "The supreme court today ordered a special judge to investigate the murder of a spokesman. "
        "The murder shocked the capital."
    )
    a = parsed(nlp, text, "1989-09-06")
    add_events(a, re.finditer(r"\bmurder\b", text), "Violence against civilians", "Attack")
    annotate(a)
    assert dates(a) == [(None, None, None), (None, None, None)]


@pytest.mark.slow
def test_an_event_named_as_what_came_before_takes_neither_its_sentences_day_nor_the_ledes(nlp):
    text = (
        "During the searches today, the police found a radio station of the cartel. "
        "In response to the attacks against soldiers, the authorities today dismantled the station."
    )
    a = parsed(nlp, text, "1990-04-03")
    add_events(a, re.finditer(r"\battacks\b", text))
    annotate(a)
    assert dates(a) == [(None, None, None)]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("second", "expected"),
    [
        # told as what came before the clause's act: not of the story's day
        ("After the murder of the senator, the judges lifted their strike.", (None, None, None)),
        # told as part of the story: its day, less precisely
        ("The murder of the senator shocked the judges.", ("1989-08-20", "1989-08-20", 2)),
    ],
)
def test_an_undated_event_named_as_what_came_before_does_not_take_the_storys_day(nlp, second, expected):
    text = "Police found the bodies of two students in the capital today. " + second
    a = parsed(nlp, text, "1989-08-20")
    add_events(a, re.finditer(r"\bmurder\b", text), "Violence against civilians", "Attack")
    annotate(a)
    assert dates(a) == [expected]


def _with_victim(a: Article, index: int, name: str, kind: str | None = "PERSON") -> None:
    """Give event `index` the victim `name`, as its main sentence names them."""
    span = a.sentences[a.events[index].sentences[0]]
    start = a.text.index(name, span.start)
    a.events[index].victims.append(a.mention(start, start + len(name), kind))


def test_a_named_victim_told_again_takes_the_date_of_their_event():
    text = (
        "He was charged with the murder of Jaime Pardo Leal, the court said. "
        f"{FILLER} Pardo Leal was murdered by two paid assassins on 11 October 1987. "
        f"{FILLER} Gunmen also murdered Humberto Leal."
    )
    a = article(text, "1989-10-25", "murder", "murdered", "also")
    for i, name in ((0, "Jaime Pardo Leal"), (1, "Pardo Leal"), (2, "Humberto Leal")):
        _with_victim(a, i, name)
    annotate(a)
    assert dates(a)[0] == ("1987-10-11", "1987-10-11", 2)
    assert a.events[0].background is True
    assert dates(a)[2] == (None, None, None)  # one shared word ("Leal") names many people
    # the same person kidnapped on a known day is not killed on it
    a.events[1].sub_event_type = "Abduction/forced disappearance"
    annotate(a)
    assert dates(a)[0] == (None, None, None)


def test_a_victim_called_by_their_title_takes_the_date_of_the_named_event():
    text = (
        "A court linked the colonel to the March 1980 murder of Bishop Ana Ruiz Vela, the paper said. "
        f"{FILLER} The bishop was shot by a sniper while saying mass. "
        f"{FILLER} A judge was shot by gunmen."
    )
    a = article(text, "1989-04-26", "murder", "shot", "gunmen")
    for i, name, kind in ((0, "Ana Ruiz Vela", "PERSON"), (1, "bishop", None), (2, "judge", None)):
        _with_victim(a, i, name, kind)
    annotate(a)
    assert dates(a)[1] == ("1980-03-01", "1980-03-31", 3)  # the bishop murdered in March 1980
    assert a.events[1].background is True
    assert dates(a)[2] == (None, None, None)  # "a judge": no title the dated event gives
    # another kind of harm done to the bishop is not the dated murder
    a.events[0].sub_event_type = "Abduction/forced disappearance"
    annotate(a)
    assert dates(a)[1] == (None, None, None)


def test_a_look_back_and_a_linked_event_keep_the_storys_day():
    text = (
        "More than 70 prisoners broke out of a jail Tuesday. "
        "The escapees made their bid a day after militants executed nine captured fighters. "
        "The breakout coincided with an assault by rebels. Rebels shelled a checkpoint."
    )
    a = article(text, "2015-03-10", "broke", "executed", "assault", "shelled")
    # the executions are dated a day back; the story goes on on Tuesday, not on their day
    assert dates(a)[1] == ("2015-03-09", "2015-03-09", 1)
    assert dates(a)[2:] == [("2015-03-10", "2015-03-10", 2)] * 2


def test_a_further_incident_told_later_does_not_date_the_events_before_it():
    told = "Two peasants were killed by a mine in the north. The victims were farmers. "
    a = article(
        told + "It was also reported that four officers were wounded last night.",
        "1989-03-28",
        "killed",
        "wounded",
    )
    assert dates(a) == [(None, None, None), ("1989-03-27", "1989-03-27", 1)]
    # told as the same story (no word of a further incident), the night is the story's day
    a = article(told + "Four officers were wounded last night.", "1989-03-28", "killed", "wounded")
    assert dates(a)[0] == ("1989-03-27", "1989-03-27", 2)


def test_a_time_of_day_dates_the_event_only_when_no_day_is_named():
    a = article("A bomb exploded at 1215 (1515 GMT) at a bank, injuring five.", "1989-05-30", "exploded")
    assert dates(a) == [("1989-05-30", "1989-05-30", 1)]
    a = article("A bomb exploded at 1215 at a bank on 27 May, police said.", "1989-05-30", "exploded")
    assert dates(a) == [("1989-05-27", "1989-05-27", 1)]


def test_a_sentence_saying_when_it_happened_dates_the_event_before_it():
    text = "Thirty sailors were injured by a bomb under a bus. The crews were on shore leave. "
    a = article(text + "It happened on 5 July at 1010 hours local time.", "1989-07-07", "injured")
    assert dates(a) == [("1989-07-05", "1989-07-05", 1)]
    assert a.events[0].date.text == "5 July at 1010 hours"
    # another incident told in between: the sentence tells its date; the first event only
    # shares its story's day, less precisely
    a = article(text + "Rebels burned a truck. It happened on 5 July.", "1989-07-07", "injured", "burned")
    assert dates(a) == [("1989-07-05", "1989-07-05", 2), ("1989-07-05", "1989-07-05", 1)]


def test_a_further_incident_opened_as_such_keeps_no_borrowed_date():
    text = "Rebels stormed the town on Tuesday. Meanwhile, gunmen killed a mayor in the north."
    assert dates(article(text, "1990-04-05", "stormed", "killed"))[1] == (None, None, None)
    text = "Rebels stormed the town on Tuesday. In another attack, gunmen killed a mayor."
    assert dates(article(text, "1990-04-05", "stormed", "killed"))[1] == (None, None, None)
    # a listed incident ("Elsewhere, ...") still takes the date of the one before it
    text = "Rebels stormed the town on Tuesday. Elsewhere, gunmen killed a mayor."
    assert dates(article(text, "1990-04-05", "stormed", "killed"))[1] == ("1990-04-03", "1990-04-03", 2)


def test_a_planned_day_after_publication_dates_nothing():
    text = "The men who killed the president are scheduled to testify on Tuesday, 15 May, before Congress."
    assert dates(article(text, "1990-05-14", "killed")) == [(None, None, None)]
    # the day after a late-night dispatch still dates what happened
    assert dates(article("Rebels attacked a post on 15 May.", "1990-05-14", "attacked")) == [
        ("1990-05-15", "1990-05-15", 1)
    ]


@pytest.mark.slow
def test_a_release_does_not_date_the_kidnapping(nlp):
    text = "Three engineers who were kidnapped in Colombia were set free today by the guerrillas."
    a = parsed(nlp, text, "1989-06-02")
    add_events(
        a, re.finditer(r"\bkidnapped\b", text), "Violence against civilians", "Abduction/forced disappearance"
    )
    annotate(a)
    assert dates(a) == [(None, None, None)]
    # any other event is dated by the same words
    a.events[0].sub_event_type = "Attack"
    annotate(a)
    assert dates(a) == [("1989-06-02", "1989-06-02", 1)]


@pytest.mark.slow
def test_the_day_a_participle_gives_the_captives_is_the_kidnapping_s(nlp):
    # the day hangs on "kidnapped", which describes the captives, not on "released"
    text = "Police said that three engineers, kidnapped in Valle on 27 March, have been released."
    a = parsed(nlp, text, "1990-03-30")
    add_events(
        a, re.finditer(r"\bkidnapped\b", text), "Violence against civilians", "Abduction/forced disappearance"
    )
    annotate(a)
    assert dates(a) == [("1990-03-27", "1990-03-27", 1)]


def _attack_on_home(text: str, victim_at: str) -> Article:
    """An undated killing of a judge, and a dated attack told over two sentences whose victims
    include the judge, named at `victim_at`."""
    a = article(text, "1989-04-19", "killed", "attacked")
    _with_victim(a, 0, "Mario Ortiz Lema")
    a.events[1].sentences.append(a.sentence_index(text.index("The mayor blamed")) or 0)
    start = text.index(victim_at)
    a.events[1].victims.append(a.mention(start, start + len("Ortiz Lema"), "PERSON"))
    return annotate(a)


def test_a_victim_gathered_from_another_sentence_lends_no_date():
    head = f"Judge Mario Ortiz Lema was killed when a bomb exploded on his car. {FILLER} "
    text = (
        f"{head}Guerrillas attacked the mayor's home 5 days ago with explosives. "
        "The mayor blamed the violence that killed Judge Ortiz Lema on the rebels."
    )
    # the judge is named in the attack's second sentence, not where it is dated
    assert dates(_attack_on_home(text, "Ortiz Lema on")) == [
        (None, None, None),
        ("1989-04-14", "1989-04-14", 1),
    ]
    text = (
        f"{head}Guerrillas attacked the home of Judge Ortiz Lema 5 days ago with explosives. "
        "The mayor blamed the violence on the rebels."
    )
    # named where the attack is dated, the judge is its victim: one event told twice
    assert dates(_attack_on_home(text, "Ortiz Lema 5"))[0] == ("1989-04-14", "1989-04-14", 2)
