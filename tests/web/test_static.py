"""The page's files: everything it loads is served from this server (no CDN: it must work
offline), no inline script or style, no HTML built from strings, licences shipped."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

WEB = Path(__file__).resolve().parents[2] / "src" / "strife" / "web"
OURS = [WEB / "index.html", WEB / "style.css", *sorted((WEB / "js").glob("*.js"))]


def test_every_loaded_file_is_local_and_present():
    html = (WEB / "index.html").read_text(encoding="utf-8")
    refs = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert refs, "the page loads nothing?"
    for ref in refs:
        assert ref.startswith("/static/"), ref
        assert (WEB / ref.removeprefix("/static/")).is_file(), ref


@pytest.mark.parametrize("path", OURS, ids=lambda p: p.name)
def test_no_remote_urls_no_inline_code_no_html_from_strings(path):
    text = path.read_text(encoding="utf-8")
    remote = [u for u in re.findall(r"https?://[^\s\"')]+", text) if u != "http://www.w3.org/2000/svg"]
    assert remote == []
    assert not re.search(r"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|eval\(", text)
    if path.suffix == ".html":
        assert not re.search(r"<script(?![^>]*\bsrc=)", text), "inline script"
        assert " style=" not in text and "<style" not in text
        assert not re.search(r"\son[a-z]+=", text), "inline event handler"


def test_vendored_libraries_ship_their_licences():
    for folder in ("leaflet", "markercluster", "topojson-client", "world-atlas"):
        files = {p.name.lower() for p in (WEB / "vendor" / folder).iterdir()}
        assert any(name.startswith(("license", "mit-licence")) for name in files), folder
    readme = (WEB / "vendor" / "README.md").read_text(encoding="utf-8")
    for pin in ("leaflet 1.9.4", "leaflet.markercluster 1.5.3", "topojson-client 3.1.0", "world-atlas 2.0.2"):
        assert pin in readme
