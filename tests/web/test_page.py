"""The web map in headless Chromium: it loads with no internet, filters, opens an event with its
evidence and claims, adds an article with a token, and never runs a hostile article's script."""

from __future__ import annotations

import time

import pytest

from api.helpers import corpus
from web.conftest import TOKEN, LiveServer

pytestmark = [pytest.mark.browser]

HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">'


@pytest.fixture
def filled(tmp_path):
    from strife.models import Actor, Evidence
    from strife.storage import Store

    url = f"sqlite:///{tmp_path / 'web.db'}"
    arts = corpus()
    text = f'Raiders killed 9 guards. {HOSTILE} <a href="javascript:window.__pwned=3">more</a>'
    hostile = arts[2].model_copy(deep=True)
    hostile.id, hostile.text = "evil", text
    hostile.title = f"Evil {HOSTILE}"
    hostile.source = "javascript:window.__pwned=4"
    hostile.publisher = HOSTILE
    hostile.events[0].location.name = HOSTILE
    hostile.events[0].actor1 = Actor(name=HOSTILE, type="Rebel group")
    hostile.events[0].evidence = [Evidence(start=0, end=len(text), text=text)]
    with Store(url) as store:
        for art in [*arts, hostile]:
            store.ingest(art)
    return url


def until(page, expression: str, seconds: float = 15) -> None:
    """Wait until `expression` is true in the page. (Playwright's wait_for_function evaluates
    a string, which the page's Content-Security-Policy rightly forbids.)"""
    deadline = time.monotonic() + seconds
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {seconds} s: {expression}")
        page.wait_for_timeout(50)


def wait_loaded(page):
    until(page, "document.querySelectorAll('#event-list li').length > 0")
    until(page, "document.querySelectorAll('#timeline rect.bar').length > 0")


def test_page_loads_filters_and_shows_an_event(page, filled, tmp_path):
    with LiveServer(filled) as server:
        page.goto(server.base + "/")
        wait_loaded(page)
        assert page.locator("#event-list li").count() == 6
        page.select_option("#f-type", "Violence against civilians")
        page.click("#filters button[type=submit]")
        until(page, "document.querySelectorAll('#event-list li').length === 1")
        assert "40 killed" in page.inner_text("#event-list")
        page.click("#event-list button")
        page.wait_for_selector("#event:not([hidden]) h2")
        panel = page.inner_text("#event")
        assert "Attack" in panel and "Mosul" in panel
        assert "Syrian Observatory for Human Rights" in page.inner_text("table.claims")
        marks = page.locator(".article-text mark.evidence")
        assert marks.count() >= 1 and marks.first.inner_text().startswith("Five people")
        link = page.locator(".sources a[target=_blank]").first
        assert link.get_attribute("href") == "https://news.example.org/a2"
        assert link.get_attribute("rel") == "noopener noreferrer"
        page.screenshot(path=str(tmp_path / "event.png"))
        assert page.problems == []


def test_timeline_brush_filters_the_map(page, filled):
    with LiveServer(filled) as server:
        page.goto(server.base + "/")
        wait_loaded(page)
        box = page.locator("#timeline").bounding_box()
        y = box["y"] + box["height"] / 2
        page.mouse.move(box["x"] + box["width"] * 0.9, y)  # the last tenth: January 2017 only
        page.mouse.down()
        page.mouse.move(box["x"] + box["width"] - 1, y, steps=4)
        page.mouse.up()
        until(page, "document.querySelectorAll('#event-list li').length === 2")
        assert "Suva" in page.inner_text("#event-list")
        page.mouse.click(box["x"] + 5, y)  # a click clears the period
        until(page, "document.querySelectorAll('#event-list li').length === 6")
        assert page.problems == []


def test_a_hostile_article_stays_text(page, filled, tmp_path):
    with LiveServer(filled) as server:
        page.goto(server.base + "/")
        wait_loaded(page)
        page.evaluate("document.querySelector('#event-list button').click()")  # newest: the hostile one
        page.wait_for_selector("#event:not([hidden]) .article-text")
        text = page.inner_text("#event .article-text")
        assert "<script>window.__pwned = 1</script>" in text
        assert page.locator("#event script, #event img, #event [onerror]").count() == 0
        hrefs = page.eval_on_selector_all("#event a", "els => els.map(e => e.getAttribute('href'))")
        assert all(h and not h.lower().startswith("javascript") for h in hrefs)
        assert HOSTILE in page.inner_text("#event .sources")  # the title, as text, with no link
        page.wait_for_timeout(300)
        assert page.evaluate("window.__pwned") is None
        page.screenshot(path=str(tmp_path / "hostile.png"))
        assert page.problems == []


def test_add_article_form_appears_with_a_token(page, filled, tmp_path):
    from api.conftest import killed_events
    from strife import service
    from strife.pipeline import Pipeline

    pipe = Pipeline(stages=["clean", "finalize"])
    pipe.stages[1:1] = [("killed", killed_events)]
    service.set_pipeline(pipe)
    try:
        with LiveServer(filled, token=TOKEN) as server:
            page.goto(server.base + "/")
            wait_loaded(page)
            assert page.is_hidden("#add-open")
            page.fill("#token", TOKEN)
            page.click("#token-form button[type=submit]")
            page.click("#add-open")
            page.fill("#add-text", "Three men were killed in an ambush on Friday.")
            page.fill("#add-published", "2017-02-03")
            page.click("#add-submit")
            until(page, "document.querySelector('#add-result').textContent.includes('Stored')")
            assert "1 event(s)" in page.inner_text("#add-result")
            page.click("#add-result button")
            page.wait_for_selector("#event:not([hidden]) .article-text")
            assert "ambush" in page.inner_text("#event .article-text")
            page.fill("#token", "wrong")
            page.click("#token-form button[type=submit]")
            page.click("#add-open")
            page.fill("#add-text", "Another man was killed.")
            page.click("#add-submit")
            until(page, "document.querySelector('#add-result').textContent.includes('Not stored')")
            assert "wrong token" in page.inner_text("#add-result")
            page.problems[:] = [p for p in page.problems if "401" not in p]  # the refused POST is logged
            assert page.problems == []
    finally:
        service.set_pipeline(None)
