"""Deleting an article keeps what other articles reported about events merged with it."""

from strife import service
from strife.models import Article, DateInfo, Event, Evidence, Location
from strife.storage import Store


def _report(aid: str, text: str, deaths: int) -> Article:
    from strife.models import Count

    ev = Event(
        id=f"{aid}-1",
        event_type="Battles",
        sub_event_type="Armed clash",
        date=DateInfo(start="2020-05-01", end="2020-05-01", precision=1),
        location=Location(name="Idlib", country="Syria", iso3="SYR", lat=35.93, lon=36.63, geo_precision=1),
        evidence=[Evidence(start=0, end=len(text), text=text)],
        counts=[Count(kind="fatalities", low=deaths, high=deaths, text=str(deaths), start=0, end=1)],
    )
    return Article(id=aid, text=text, published="2020-05-02", events=[ev])


def test_delete_unknown_article_is_false(store_url):
    assert service.delete_article("nope", store_url) is False


def test_delete_article_keeps_the_other_reports(store_url):
    url = store_url
    with Store(url) as store:
        store.ingest(_report("a", "Fighters clashed with troops in Idlib on Friday, killing 5.", 5))
        store.ingest(_report("b", "Clashes between fighters and troops in Idlib on Friday killed 7.", 7))
        before = {e["id"] for e in store.events()}
    assert service.delete_article("a", url) is True
    with Store(url) as store:
        assert store.article("a") is None
        assert store.article("b") is not None
        remaining = store.events()
        assert remaining, f"article b's event was lost (before: {before})"
        assert all(e.get("article_id") != "a" for e in remaining)
