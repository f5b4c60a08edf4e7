"""Errors have one shape and are never 500s for bad input; writes need the token; the body-size
and rate limits; the security headers."""

from __future__ import annotations

import pytest

from api.conftest import TOKEN

BAD_QUERIES = [
    "/api/events?bbox=1,2,3",
    "/api/events?bbox=a,b,c,d",
    "/api/events?bbox=0,0,nan,1",
    "/api/events?bbox=0,50,1,10",
    "/api/events?bbox=-200,0,1,1",
    "/api/events?near=1,2",
    "/api/events?near=95,0,10",
    "/api/events?near=1,2,-5",
    "/api/events?near=1,2,inf",
    "/api/events?since=yesterday",
    "/api/events?since=2016-02-30",
    "/api/events?since=2017-01-01&until=2016-01-01",
    "/api/events?limit=abc",
    "/api/events?limit=-1",
    "/api/events?limit=99999999999999999999",
    "/api/events?offset=-3",
    "/api/events?format=xml",
    "/api/events?order=random",
    "/api/events?min_fatalities=-1",
    "/api/events?background=perhaps",
    "/api/events?q=" + "x" * 500,
    "/api/points?limit=1000000",
    "/api/stats?until=2016-13-01",
    "/api/actors?limit=-1",
    "/api/articles?offset=x",
]


@pytest.mark.parametrize("url", BAD_QUERIES)
def test_malformed_parameters_get_a_4xx_in_the_one_shape(client, url):
    response = client.get(url)
    assert 400 <= response.status_code < 500, response.text
    error = response.json()["error"]
    assert error["status"] == response.status_code and error["message"]


@pytest.mark.parametrize(
    "url", ["/api/events/nope", "/api/articles/nope", "/api/nothing", "/api/events/%00%ff", "/static/nope.js"]
)
def test_unknown_ids_and_paths_are_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response.json()["error"]["status"] == 404


def test_wrong_method_is_405_in_the_one_shape(client):
    response = client.put("/api/events")
    assert response.status_code == 405 and response.json()["error"]["status"] == 405


def test_a_server_without_token_refuses_every_write(client):
    for method, url in [
        ("post", "/api/articles"), ("post", "/api/articles/a1/reextract"), ("delete", "/api/articles/a1")
    ]:  # fmt: skip
        response = client.request(method, url, json={"text": "x"}, headers={"Authorization": "Bearer x"})
        assert response.status_code == 403, response.text
        assert "read-only" in response.json()["error"]["message"]
    assert client.get("/api/articles/a1").status_code == 200


@pytest.mark.parametrize(
    "header", [None, "Bearer", "Bearer wrong", "Basic " + TOKEN, "Bearer " + TOKEN + "x"]
)
def test_missing_or_wrong_token_is_401(writer, header):
    headers = {} if header is None else {"Authorization": header}
    response = writer.delete("/api/articles/a1", headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert writer.get("/api/articles/a1").status_code == 200


def test_the_token_can_come_from_the_environment(filled_url, make_client, monkeypatch):
    monkeypatch.setenv("STRIFE_API_TOKEN", "from-env")
    app = make_client(filled_url, token=None)
    assert app.delete("/api/articles/a1", headers={"Authorization": "Bearer from-env"}).status_code == 204


def test_oversized_bodies_are_413(filled_url, make_client):
    small = make_client(filled_url, token=TOKEN, max_body_bytes=1000)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    response = small.post("/api/articles", json={"text": "x" * 2000}, headers=auth)
    assert response.status_code == 413 and response.json()["error"]["status"] == 413

    def chunks():  # no Content-Length: counted as it streams in
        for _ in range(10):
            yield b"x" * 200

    response = small.post(
        "/api/articles", content=chunks(), headers=auth | {"Content-Type": "application/json"}
    )
    assert response.status_code == 413 and response.json()["error"]["status"] == 413


def test_rate_limit_is_429_per_client(filled_url, make_client):
    limited = make_client(filled_url, rate_limit_per_minute=3)
    codes = [limited.get("/api/stats").status_code for _ in range(5)]
    assert codes == [200, 200, 200, 429, 429]
    response = limited.get("/api/events")
    assert response.json()["error"]["status"] == 429 and int(response.headers["retry-after"]) >= 1
    assert limited.get("/").status_code == 200  # the page itself is not counted


def test_rate_limit_bucket_refills():
    from strife.api.security import RateLimit

    limit = RateLimit(app=None, per_minute=60)  # type: ignore[arg-type]
    assert all(limit.allow("1.2.3.4", now=0.0) == 0 for _ in range(60))
    assert limit.allow("1.2.3.4", now=0.0) == pytest.approx(1.0)
    assert limit.allow("5.6.7.8", now=0.0) == 0
    assert limit.allow("1.2.3.4", now=1.01) == 0


def test_security_headers_on_every_answer(client):
    for url in ("/", "/api/events", "/api/nothing", "/static/app.js"):
        headers = client.get(url).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"


def test_nul_characters_never_reach_the_database(client):
    assert client.get("/api/events", params={"country": "Sy\x00ria"}).status_code == 400
    assert client.get("/api/articles", params={"q": "\x00"}).json()["error"]["status"] == 400
