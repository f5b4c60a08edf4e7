import pytest

from strife.models import Article
from strife.stages.language import windows


@pytest.mark.parametrize("size", [5, 17, 64, 1000])
def test_windows_partition_the_text_exactly(size):
    text = "Para one is here.\n\nPara two follows, longer than the first.\nA line.\n\nEnd " * 7
    pieces = list(windows(text, size))
    assert "".join(pieces) == text
    assert all(p for p in pieces)


def test_windows_cut_after_paragraph_breaks():
    text = "a" * 30 + "\n\n" + "b" * 30
    assert list(windows(text, 40)) == ["a" * 30 + "\n\n", "b" * 30]


@pytest.mark.slow
def test_windowed_parse_keeps_offsets(resources):
    from strife.pipeline import Pipeline
    from strife.settings import load_settings

    res = type(resources)(
        load_settings(pipeline={"stages": ["language"], "max_chars": 60}), nlp=resources.nlp
    )
    text = "Militants attacked a checkpoint in Mosul.\n\nThree soldiers were killed, officials said.\n\nA third paragraph ends here."
    a = Pipeline(["language"], resources=res)(Article(text=text))
    assert a.text == text
    assert len(a.sentences) >= 3
    for s in a.sentences:
        assert a.text[s.start : s.end].strip()
    for e in a.entities:
        assert a.text[e.start : e.end] == e.text


@pytest.mark.slow
def test_paragraph_breaks_end_sentences_but_hard_wraps_do_not(nlp):
    doc = nlp("Gunmen storm a jail\n\nThe attackers came at\nnight and freed inmates.\nTwo guards died.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "Gunmen storm a jail"
    assert "The attackers came at\nnight and freed inmates." in sents
    assert sents[-1] == "Two guards died."


@pytest.mark.slow
def test_a_one_case_text_is_parsed_once_in_sentence_case(resources):
    from strife.casing import original
    from strife.pipeline import Pipeline

    text = "GUERRILLAS KILLED THREE PEASANTS IN SAN SALVADOR. THE ARMY SAID SO ON MONDAY."
    a = Pipeline(["language"], resources=resources)(Article(text=text))
    assert a.doc.text.startswith("Guerrillas killed three peasants in San Salvador. The army")
    assert [a.text[s.start : s.end] for s in a.sentences][1].startswith("THE ARMY")
    assert [original(t) for t in a.doc[:2]] == ["GUERRILLAS", "KILLED"]
    assert a.entities and all(e.text == text[e.start : e.end] for e in a.entities)  # the article's words
    assert [t.pos_ for t in a.doc[1:4]] == ["VERB", "NUM", "NOUN"]  # no longer every word a name


@pytest.mark.slow
def test_outputs_of_a_one_case_text_quote_the_article(resources):
    from strife.pipeline import Pipeline

    text = (
        "SAN SALVADOR, 3 JAN 90 (RADIO VENCEREMOS) -- URBAN GUERRILLAS OF THE FMLN TODAY ATTACKED A "
        "POLICE PATROL WITH GRENADES IN SOYAPANGO, KILLING TWO POLICEMEN AND A PEASANT WOMAN. "
        "COLONEL JOSE GARCIA SAID THAT THREE SOLDIERS WERE WOUNDED."
    )
    stages = ["language", "events", "arguments", "figures"]
    a = Pipeline(stages, resources=resources)(Article(text=text))
    assert a.events
    quoted = [*a.entities, *a.actor_mentions, *a.figures]
    for e in a.events:
        quoted += [*e.perpetrators, *e.victims, *e.targets, *e.weapons, *e.counts, *e.evidence]
        quoted += [e.trigger] if e.trigger else []
        for actor in (e.actor1, e.actor2, *e.assoc_actors):
            assert actor is None or actor.text is None or actor.text in text
    assert all(m.text == text[m.start : m.end] for m in quoted)
    assert any(v.text == "TWO POLICEMEN" for e in a.events for v in e.victims)
