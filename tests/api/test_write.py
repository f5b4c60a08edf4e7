"""Writes with the token: articles extracted (with a light pipeline: no model) and stored,
re-extracted, deleted with their events."""

from __future__ import annotations

import pytest

from api.conftest import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}
TEXT = "Two soldiers were killed in Aleppo on Monday. Talks went on."


@pytest.fixture
def writer_light(writer, light_pipeline):
    return writer


def test_post_one_article_extracts_and_stores_it(writer_light):
    body = {
        "text": TEXT,
        "id": "new-1",
        "title": "Aleppo",
        "url": "https://x.example/a",
        "published": "2016-05-10",
    }
    response = writer_light.post("/api/articles", json=body, headers=AUTH)
    assert response.status_code == 201, response.text
    result = response.json()
    assert result["id"] == "new-1" and result["stored"] is True and result["events"] == ["new-1-1"]
    detail = writer_light.get("/api/events/new-1-1").json()
    assert detail["article"]["title"] == "Aleppo" and detail["article"]["published"] == "2016-05-10"
    assert detail["event"]["publishers"] == ["x.example"]
    assert detail["claims"][0]["text"] == "killed"
    again = writer_light.post("/api/articles", json=body, headers=AUTH).json()
    assert again["stored"] is False  # the same record: unchanged


def test_post_html_and_a_batch_with_a_bad_item(writer_light):
    html = "<html><head><title>Clash</title></head><body><article><p>" + TEXT + "</p></article></body></html>"
    batch = [{"html": html, "id": "h1"}, {"text": "   ", "id": "blank"}]
    response = writer_light.post("/api/articles", json=batch, headers=AUTH)
    assert response.status_code == 422  # the blank item fails validation: nothing is stored
    batch[1] = {"text": "Nothing happened. All quiet.", "id": "quiet"}
    results = writer_light.post("/api/articles", json=batch, headers=AUTH).json()["results"]
    assert [r["id"] for r in results] == ["h1", "quiet"]
    assert results[0]["events"] == ["h1-1"] and results[1]["events"] == []
    assert writer_light.get("/api/articles/h1").json()["article"]["title"] == "Clash"


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"text": "a", "html": "<p>a</p>"},
        {"text": 5},
        {"text": "x", "id": "../../etc/passwd"},
        {"text": "x", "url": "javascript:alert(1)"},
        {"text": "x", "published": "Tuesday"},
        {"text": "x", "extra": 1},
        [],
        "just a string",
    ],
)
def test_invalid_articles_are_422(writer_light, body):
    response = writer_light.post("/api/articles", json=body, headers=AUTH)
    assert response.status_code == 422, response.text
    assert response.json()["error"]["status"] == 422


def test_malformed_json_is_422_not_500(writer_light):
    response = writer_light.post(
        "/api/articles", content=b"{not json", headers=AUTH | {"Content-Type": "application/json"}
    )
    assert response.status_code == 422


def test_reextract_runs_the_pipeline_again(writer_light):
    # a1 was stored by hand with two events; the light pipeline reads one from its text
    response = writer_light.post("/api/articles/a1/reextract", headers=AUTH)
    assert response.status_code == 200, response.text
    assert response.json()["events"] == ["a1-1"]
    record = writer_light.get("/api/articles/a1").json()
    assert record["article"]["published"] == "2016-05-10" and record["article"]["title"] == "Report a1"
    assert writer_light.get("/api/events/a1-e1").status_code == 404
    assert writer_light.post("/api/articles/nope/reextract", headers=AUTH).status_code == 404


def test_delete_removes_the_article_and_its_events(writer):
    assert writer.delete("/api/articles/a2", headers=AUTH).status_code == 204
    assert writer.get("/api/articles/a2").status_code == 404
    assert writer.get("/api/events/a2-e1").status_code == 404
    assert writer.get("/api/events").json()["total"] == 3
    assert writer.get("/api/stats").json()["by_country"] == [["Syria", 2], ["Fiji", 1]]
    response = writer.delete("/api/articles/a2", headers=AUTH)
    assert response.status_code == 404 and response.json()["error"]["status"] == 404


def test_nul_characters_in_a_posted_article_are_dropped(writer_light):
    body = {"text": "Two soldiers were\x00 killed in Aleppo.", "id": "nul", "title": "A\x00B"}
    response = writer_light.post("/api/articles", json=body, headers=AUTH)
    assert response.status_code == 201, response.text
    record = writer_light.get("/api/articles/nul").json()["article"]
    assert "\x00" not in record["text"] and record["title"] == "AB"
