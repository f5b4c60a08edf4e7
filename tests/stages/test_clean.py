"""The clean stage on invented pages (plain text and HTML), datelines, dates and languages.

The pages below are made up for these tests; they imitate the layouts of several kinds of
news sites when saved as text, not any real article.
"""

from __future__ import annotations

import json

import pytest

from conftest import SEED_ALBAB, SEED_GWEIRAN, seed_text
from strife.errors import InputError
from strife.ingest import article_from_string
from strife.models import Article
from strife.stages.clean import clean_article

GOLD_SEEDS = SEED_ALBAB.parents[2] / "gold" / "seeds.json"


def clean(raw: str, **kw) -> Article:
    return clean_article(article_from_string(raw, **kw))


WIRE_PAGE = """Skip to main content
Home > World > Middle East
World
Car bomb kills 15 at checkpoint near northern Iraqi city
By Omar Haddad and Lena Brook
5 Min Read
MOSUL, Iraq, March 3, 2019 (Reuters) - A car bomb exploded at a checkpoint on the edge of the city on Sunday, killing at least 15 people, police and medical sources said.
The attack was not immediately claimed.
Security forces sealed off the area after the blast, a police officer said by telephone.
(Reporting by Omar Haddad; Editing by Lena Brook)
Our Standards: The Trust Principles.
Related Coverage
Militants killed in air strikes west of the city, army says
"""


def test_wire_page_keeps_body_and_reads_metadata():
    a = clean(WIRE_PAGE)
    assert a.title == "Car bomb kills 15 at checkpoint near northern Iraqi city"
    assert a.byline == "Omar Haddad and Lena Brook"
    assert (a.published, a.published_from) == ("2019-03-03", "text")
    assert a.text.startswith("MOSUL, Iraq, March 3, 2019 (Reuters) - A car bomb")
    assert a.text.endswith("a police officer said by telephone.")
    for clutter in ("Skip to", "Home >", "Min Read", "Reporting by", "Our Standards", "Related", "Militants"):
        assert clutter not in a.text
    assert "The attack was not immediately claimed." in a.text


NEWSPAPER_PAGE = """Syria

This article is more than 3 years old

Airstrikes kill dozens in rebel-held province in north-west

Rescue workers say the death toll is expected to rise after raids on a market town

Jane Roe in Beirut
Tue 12 Mar 2019 14.41 GMT

Share on Facebook
Share on Twitter

Airstrikes on a market town in the north-west have killed at least 30 people, rescue workers said on Tuesday.

Civil defence teams pulled bodies from the rubble of shops for several hours after the raids.

What happened next

Residents said the planes returned in the evening and struck the same street again.

Subscribe to our daily newsletter to get the news first.

Topics
Syria
Middle East and north Africa
"""


def test_newspaper_page_headline_standfirst_and_subheading():
    a = clean(NEWSPAPER_PAGE)
    assert a.title == "Airstrikes kill dozens in rebel-held province in north-west"
    assert (a.published, a.published_from) == ("2019-03-12", "text")
    paragraphs = a.text.split("\n\n")
    # the standfirst is text; the category label, the age notice and share buttons are not
    assert paragraphs[0].startswith("Rescue workers say the death toll")
    assert "What happened next" not in a.text  # a section sub-heading
    assert "Residents said the planes returned" in a.text
    for clutter in ("This article is", "Share on", "Subscribe", "Topics", "north Africa", "Jane Roe"):
        assert clutter not in a.text


AGENCY_PAGE = """Gunmen kill 12 in attack on village in the north-east
By HALIMA BELLO and PETER OKAFOR
Published: 14 February 2021, 09:12 GMT | Updated: 15 February 2021
KADUNA, Nigeria (AP) — Gunmen on motorcycles killed at least 12 villagers overnight, a local official said on Sunday.
The attackers also burned houses and stole cattle, residents told reporters.
Make a donation to support independent journalism!
Comments are closed.
"""


def test_agency_page_byline_in_capitals_and_labelled_date():
    a = clean(AGENCY_PAGE)
    assert a.title == "Gunmen kill 12 in attack on village in the north-east"
    assert a.byline == "HALIMA BELLO and PETER OKAFOR"
    assert a.published == "2021-02-14"  # first publication, not the update
    assert a.text.startswith("KADUNA, Nigeria (AP)")
    assert "donation" not in a.text and "Comments" not in a.text


def test_byline_with_date_on_the_same_line():
    a = clean(
        "Topic Label (TL)\n\nRebels seize a border crossing after days of fighting\n\n"
        "by Sam Example July 4, 2016\n\nRebel fighters seized the crossing on Monday after three "
        "days of clashes with government troops, a monitor said.\n\nJoin our mailing list"
    )
    assert a.title == "Rebels seize a border crossing after days of fighting"
    assert a.byline == "Sam Example"
    assert (a.published, a.published_from) == ("2016-07-04", "text")
    assert a.text.startswith("Rebel fighters seized") and "mailing list" not in a.text
    assert "Topic Label" not in a.text


def test_sentence_starting_with_by_is_not_a_byline():
    a = clean("By Tuesday evening the rebels had taken the town, residents said.\n\nMore news.")
    assert a.byline is None
    assert a.text.startswith("By Tuesday evening")


def test_news_sentence_mentioning_a_donation_is_kept():
    text = (
        "Aid groups made a donation of food to the displaced families on Monday, officials said.\n\n"
        "The families fled fighting in the province last week, according to the United Nations."
    )
    assert clean(text).text == text


def test_snippet_without_punctuation_is_all_text():
    a = clean("Bomb kills 3 in market town")
    assert a.text == "Bomb kills 3 in market town" and a.title is None


def test_only_clutter_is_an_input_error():
    with pytest.raises(InputError, match="only page clutter"):
        clean("Subscribe to our newsletter\n\nShare this article\n\nAll rights reserved.")


def test_one_line_page_with_leading_date_and_metadata_title():
    raw = "09-05-2016 Five Civilians Killed in Rocket Attack on Town. Five civilians were killed on Monday when rockets hit a residential area, a police source said."
    a = clean(raw, title="Five Civilians Killed in Rocket Attack on Town")
    assert a.text.startswith("Five civilians were killed on Monday")
    assert (a.published, a.published_from) == ("2016-05-09", "text")


@pytest.mark.parametrize(
    ("opening", "date"),
    [
        ("GUATEMALA CITY, 4 FEB 90 (ACAN-EFE) -- [TEXT] THE ARMY DENIED TODAY", "1990-02-04"),
        ("SAN SALVADOR (EL SALVADOR), 12 JAN 89 (RADIO CADENA) -- THE ARMY DENIED TODAY", "1989-01-12"),
        ("Beirut, March 3, 2015 (AFP) - The army denied on Tuesday", "2015-03-03"),
        ("MOSCOW October 18 2014 (RIA Novosti) - The army denied on Tuesday", "2014-10-18"),
    ],
)
def test_dateline_gives_the_publication_date(opening, date):
    a = clean(f"{opening} that guerrillas attacked the farm, a spokesman said.")
    assert (a.published, a.published_from) == (date, "text")


def test_dateline_without_year_gives_no_date_and_a_warning():
    a = clean("BAGHDAD, Jan 21 (Reuters) - A roadside bomb killed three soldiers on Tuesday, police said.")
    assert a.published is None
    assert any("no year" in w for w in a.warnings)


def test_dateline_year_comes_from_a_date_line_in_the_head():
    a = clean(
        "Roadside bomb kills three soldiers near the capital\n2 February 2022\n"
        "BAGHDAD, Feb 1 (Reuters) - A roadside bomb killed three soldiers on Tuesday, police said."
    )
    assert a.published == "2022-02-02"  # the page's own date line outranks the dateline


def test_hard_wrapped_wire_copy_is_unwrapped():
    raw = (
        "   LIMA, 25 OCT 89 (EFE) -- [TEXT] POLICE HAVE REPORTED THAT\n"
        "TERRORISTS TONIGHT BOMBED THE EMBASSIES OF TWO COUNTRIES AND THE\n"
        "RESIDENCE OF AN AMBASSADOR IN THE CAPITAL, CAUSING DAMAGE BUT NO\n"
        "CASUALTIES.\n\n   A POLICE SPOKESMAN SAID THE ATTACKS WERE CARRIED OUT BY A\n"
        "COMMANDO OF THE GUERRILLA GROUP, WHICH LEFT LEAFLETS AT THE SCENE.\n"
    )
    a = clean(raw)
    paragraphs = a.text.split("\n\n")
    assert len(paragraphs) == 2
    assert "THAT TERRORISTS TONIGHT" in paragraphs[0] and paragraphs[0].endswith("CASUALTIES.")
    assert a.published == "1989-10-25"
    assert a.language == "en"


def test_supplied_date_wins_over_the_text():
    a = clean(WIRE_PAGE, published="2019-03-04")
    assert (a.published, a.published_from) == ("2019-03-04", "supplied")


def test_metadata_date_wins_over_the_text():
    a = Article(raw=WIRE_PAGE, published="2019-03-05", published_from="metadata")
    a = clean_article(a)
    assert (a.published, a.published_from) == ("2019-03-05", "metadata")


def test_no_date_is_invented():
    a = clean("Fighting continued near the town on Tuesday, a monitor said, as talks stalled.")
    assert a.published is None and a.published_from is None


def test_non_english_article_is_flagged():
    a = clean(
        "Des hommes armés ont attaqué le village mardi soir, tuant douze civils, selon les "
        "autorités locales. Les assaillants ont incendié plusieurs maisons avant de s'enfuir."
    )
    assert a.language == "fr"
    assert "language 'fr' is not supported; no events extracted" in a.warnings


def test_english_headline_style_snippet_stays_english():
    assert clean("Gunmen attack village").language == "en"
    assert clean("A notorious cultist was set ablaze by an angry mob in the community.").language == "en"


def test_article_built_with_text_only_keeps_its_text():
    a = clean_article(Article(text="Rebels shelled the town on Monday.\nTwo died."))
    assert a.text == "Rebels shelled the town on Monday.\nTwo died." and a.language == "en"


# -- HTML ---------------------------------------------------------------------------------------

HTML_PAGE = """<!DOCTYPE html><html><head><title>Blast kills 12 near airport | Example News</title>
<meta property="og:site_name" content="Example News"><meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2021-08-26T10:00:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Blast kills 12 near airport</h1>
<p>A suicide bomber killed at least 12 people outside the airport on Thursday, officials said in a statement.</p>
<h2>Witnesses</h2>
<p>Witnesses described chaos at the gate as crowds fled the explosion, the ministry said.</p>
<p>The health ministry said dozens more were wounded and taken to hospitals in the city.</p></article>
<footer><p>Subscribe to our newsletter.</p><p>© 2021 Example News. All rights reserved.</p></footer>
</body></html>"""


def test_html_page_main_text_and_metadata():
    a = clean(HTML_PAGE)
    assert a.title == "Blast kills 12 near airport"
    assert a.byline == "Jane Roe" and a.publisher == "Example News"
    assert (a.published, a.published_from) == ("2021-08-26", "metadata")
    assert a.text.startswith("A suicide bomber killed at least 12 people")
    assert "Witnesses\n" not in a.text and "Witnesses described chaos" in a.text
    for clutter in ("Home", "Subscribe", "rights reserved", "Blast kills 12 near airport"):
        assert clutter not in a.text


def test_html_fragment_is_read():
    a = clean_article(
        Article(
            raw="<div>Fighters clashed near the border on Monday, officials said.</div>", raw_format="html"
        )
    )
    assert a.text == "Fighters clashed near the border on Monday, officials said."


def test_html_with_no_text_is_an_input_error():
    with pytest.raises(InputError, match="HTML with no readable text"):
        clean_article(
            Article(raw="<html><body><img src='x.png'></body></html>", raw_format="html", source="p.html")
        )


def test_registered_as_a_pipeline_stage():
    from strife.pipeline import Pipeline

    out = list(Pipeline(["clean"]).run([article_from_string(WIRE_PAGE, source="w.txt")]))
    assert out[0].ok and out[0].article.title.startswith("Car bomb")


# -- the seed articles --------------------------------------------------------------------------


def _gold(file_suffix: str) -> dict:
    if not GOLD_SEEDS.is_file():
        pytest.skip("gold/seeds.json is not available")
    docs = json.loads(GOLD_SEEDS.read_text(encoding="utf-8"))["documents"]
    return next(d for d in docs if d["file"].endswith(file_suffix))


def test_seed_albab_article_expectations():
    a = clean(seed_text(SEED_ALBAB), source=str(SEED_ALBAB))
    gold = _gold(SEED_ALBAB.name)["article"]
    assert a.title == gold["title"]
    assert gold["byline_contains"] in a.byline
    assert a.published == gold["published"] and a.published_from == "text"
    for clutter in gold["text_excludes"]:
        assert clutter not in a.text
    assert a.text.startswith("More than 70 prisoners")
    assert a.language == "en"


def test_seed_gweiran_headline_and_no_date():
    raw = seed_text(SEED_GWEIRAN)
    a = clean(raw, source=str(SEED_GWEIRAN))
    assert a.title == raw.splitlines()[0].strip()
    assert a.published is None and a.byline is None
    assert a.title not in a.text and a.text.startswith("Jihadists who took over")


def test_feed_item_through_the_stage(tmp_path):
    from strife.ingest import read_inputs

    feed = tmp_path / "feed.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item>'
        "<title>Clashes near the border</title><link>https://example.org/x</link>"
        "<pubDate>Thu, 20 Jan 2022 10:00:00 GMT</pubDate><description>&lt;p&gt;Fighters clashed near the "
        "border on Thursday, a monitor said.&lt;/p&gt;&lt;p&gt;Share this article&lt;/p&gt;</description>"
        "</item></channel></rss>",
        encoding="utf-8",
    )
    (item,) = read_inputs([str(feed)])
    a = clean_article(item)
    assert a.text == "Fighters clashed near the border on Thursday, a monitor said."
    assert (a.title, a.published, a.published_from) == ("Clashes near the border", "2022-01-20", "metadata")


def test_metadata_title_matches_a_slightly_different_headline_line():
    raw = (
        "World\n\nRebels seize border crossing after three days of fighting | Example News\n\n"
        "Rebel fighters seized the crossing on Monday after three days of clashes, a monitor said."
    )
    a = clean(raw, title="Rebels seize border crossing after three days of fighting")
    assert a.title == "Rebels seize border crossing after three days of fighting"
    assert (
        a.text == "Rebel fighters seized the crossing on Monday after three days of clashes, a monitor said."
    )
