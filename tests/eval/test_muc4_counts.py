"""Counted deeds ("two bomb attacks") as that many MUC-4 templates (hand-built articles)."""

from strife.eval.muc4_counts import told_count
from strife.eval.muc4_map import article_templates
from strife.models import Article, Event, Mention

TEXT = (
    "two bomb attacks were carried out in the capital last night. "
    "three attacks on the power lines left the town dark. "
    "guerrillas planted two bombs at the bank. "
    "4 attacks were recalled. "
    "the attacks caused damage. "
    "the two attacks were condemned."
)


def trig(phrase: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(phrase, start + 1)
    return Mention(text=phrase, start=start, end=start + len(phrase), type="attack")


def deed(trigger: Mention, **kw) -> Event:
    return Event(
        id="e",
        event_type="Explosions/Remote violence",
        sub_event_type="Remote explosive/landmine/IED",
        trigger=trigger,
        confidence=0.6,
        **kw,
    )


def test_a_count_in_words_before_a_deed_noun_is_that_many_incidents():
    article = Article(text=TEXT)
    assert told_count(article, deed(trig("bomb attacks"))) == 2
    assert told_count(article, deed(trig("attacks", 1))) == 3
    # weapons counted are one incident; a digit before the noun is not counted (mostly a date); no count, one
    assert told_count(article, deed(trig("bombs"))) == 1
    assert told_count(article, deed(trig("attacks", 2))) == 1
    assert told_count(article, deed(trig("attacks", 3))) == 1
    assert told_count(article, deed(None)) == 1
    # a count after "the" refers back to incidents already told
    assert told_count(article, deed(trig("attacks", 4))) == 1


def test_a_counted_deed_gives_one_template_each_with_its_own_fillers():
    article = Article(text=TEXT)
    target = Mention(text="bank", start=TEXT.index("bank"), end=TEXT.index("bank") + 4, type="Business")
    article.events = [deed(trig("bomb attacks"), targets=[target])]
    templates = article_templates(article)
    assert [t.incident_type for t in templates] == ["attack", "attack"]
    assert templates[0].roles == templates[1].roles
    templates[1].add("Target", "embassy")  # a copy's fillers are its own
    assert templates[0].roles["Target"] == ["bank"]
    # the copies are capped with the rest
    assert len(article_templates(article, max_templates=1)) == 1
    article.events = [deed(trig("bombs"), targets=[target])]
    assert len(article_templates(article)) == 1
