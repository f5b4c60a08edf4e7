"""The perpetrator phrases of the MUC-4 mapping on hand-built articles (no model)."""

from strife.eval.muc4_map import article_templates
from strife.eval.muc4_perps import told_doers
from strife.models import ActorMention, Article, Event, Mention, Span

TEXT = (
    "the urban commandos of the red dawn front struck at night. a bomb exploded at the bank. "
    "the terrorist organization denied it. later a bomb exploded at the school."
)


def _article(
    text: str = TEXT, groups: tuple[str, ...] = ("urban commandos", "terrorist organization")
) -> Article:
    """The text split into sentences at ". ", with each of `groups` an unnamed armed group."""
    article = Article(text=text)
    at = 0
    for sentence in text.split(". "):
        start = text.index(sentence, at)
        article.sentences.append(Span(start=start, end=start + len(sentence)))
        at = start + len(sentence)
    for words in groups:
        start = text.index(words)
        article.actor_mentions.append(
            ActorMention(
                text=words,
                start=start,
                end=start + len(words),
                name="Unidentified Armed Group",
                actor_type="Political militia",
                known=False,
            )
        )
    return article


def _bombing(sentences: list[int], target: str, text: str = TEXT) -> Event:
    start = text.index(target)
    return Event(
        id=target,
        event_type="Explosions/Remote violence",
        sub_event_type="Remote explosive/landmine/IED",
        sentences=sentences,
        targets=[Mention(text=target, start=start, end=start + len(target), type="Business")],
    )


def test_the_members_of_a_group_the_events_sentences_name_are_the_individual_doers():
    article = _article()
    assert told_doers(article, [_bombing([1, 0], "bank")]) == "urban commandos"


def test_a_group_outside_the_events_sentences_or_named_as_an_organisation_is_none():
    article = _article()
    # sentence 2 names "the terrorist organization": an organisation, not its people
    assert told_doers(article, [_bombing([3, 2], "school")]) is None
    assert told_doers(article, [_bombing([3], "school")]) is None


def test_a_template_without_individual_doers_gets_them_from_its_sentences():
    article = _article()
    article.events = [_bombing([1, 0], "bank")]
    (template,) = article_templates(article)
    assert template.roles["PerpInd"] == ["urban commandos"]


def test_men_the_events_sentences_name_as_armed_are_the_individual_doers():
    text = "heavily armed men stopped the car. a bomb exploded at the bank. a gunman fled."
    article = _article(text, ("heavily armed men", "gunman"))
    bombing = _bombing([1, 0], "bank", text)
    assert told_doers(article, [bombing]) == "heavily armed men"
    # "gunman" is a member noun but singular: the plural check names no members
    assert told_doers(article, [bombing.model_copy(update={"sentences": [1, 2]})]) is None


def test_the_plural_of_a_member_compound_in_men_names_the_doers():
    text = "gunmen stopped the car. a bomb exploded at the bank."
    article = _article(text, ("gunmen",))
    assert told_doers(article, [_bombing([1, 0], "bank", text)]) == "gunmen"
