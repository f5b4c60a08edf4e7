"""Reading every input kind, and a clear one-line error for every kind of bad input."""

from __future__ import annotations

import io
import json
import sys

import pytest

from strife.errors import InputError
from strife.ingest import article_from_string, read_inputs
from strife.models import Article

STORY = "Gunmen killed five people in an attack on a market on Monday, police said.\n"


def read(*paths, published=None) -> list[Article | InputError]:
    return list(read_inputs([str(p) for p in paths], published=published))


def only(items):
    assert len(items) == 1, items
    return items[0]


# -- plain text and HTML files ------------------------------------------------------------------


def test_text_file(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    a = only(read(path))
    assert isinstance(a, Article)
    assert (a.raw, a.raw_format, a.source) == (STORY, "text", str(path))
    assert a.published is None and a.published_from is None


def test_html_file_by_suffix_and_by_sniffing(tmp_path):
    page = "<html><body><p>" + STORY + "</p></body></html>"
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    (tmp_path / "b.txt").write_text(page, encoding="utf-8")
    assert [a.raw_format for a in read(tmp_path / "a.html", tmp_path / "b.txt")] == ["html", "html"]


def test_text_mentioning_a_tag_stays_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Officials said the <b> tag was not the story. " + STORY, encoding="utf-8")
    assert only(read(path)).raw_format == "text"


def test_windows_1252_and_utf16_files_are_decoded(tmp_path):
    (tmp_path / "a.txt").write_bytes(
        "Gunmen attacked a café in Bogotá on Monday, police said.".encode("cp1252")
    )
    (tmp_path / "b.txt").write_bytes(STORY.encode("utf-16"))
    a, b = read(tmp_path / "a.txt", tmp_path / "b.txt")
    assert "café in Bogotá" in a.raw
    assert b.raw == STORY


# -- JSON lines -------------------------------------------------------------------------------


def test_jsonl_articles_with_metadata(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        {
            "id": "a1",
            "text": STORY,
            "title": "Five killed",
            "url": "https://example.org/1",
            "published": "2020-05-01",
        },
        {"id": 7, "html": "<p>" + STORY + "</p>", "published": "2020-05-02T08:00:00Z"},
        {"text": STORY, "date": "3 May 2020"},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    a, b, c = read(path)
    assert (a.id, a.title, a.url, a.source) == (
        "a1",
        "Five killed",
        "https://example.org/1",
        "https://example.org/1",
    )
    assert (a.published, a.published_from) == ("2020-05-01", "metadata")
    assert (b.id, b.raw_format, b.source, b.published) == ("7", "html", f"{path}:2", "2020-05-02")
    assert (c.id, c.published) == (None, "2020-05-03")


def test_jsonl_bad_lines_name_file_and_line(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(
        '{"text": "Rebels shelled the town, a monitor said."}\n{not json\n{"title": "no body"}\n[1, 2]\n'
        '{"text": "Rebels shelled the town.", "published": "soon"}\n',
        encoding="utf-8",
    )
    ok, bad_json, no_text, not_object, bad_date = read(path)
    assert isinstance(ok, Article)
    assert isinstance(bad_json, InputError) and bad_json.source == f"{path}:2"
    assert "not valid JSON" in str(bad_json)
    assert str(no_text) == f"{path}:3: JSON line has no 'text' or 'html'"
    assert "not an object" in str(not_object)
    assert isinstance(bad_date, Article) and bad_date.published is None
    assert bad_date.warnings == ["publication date 'soon' in the input is not a date; ignored"]


# -- feeds ------------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example feed</title>
<item><title>Five killed in market attack</title><link>https://example.org/a</link>
<pubDate>Tue, 10 Mar 2015 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Gunmen killed five people in a market, police said.&lt;/p&gt;</description></item>
<item><title>Headline only</title><link>https://example.org/b</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example</title>
<entry><title>Clashes near the border</title><link href="https://example.org/c"/><id>urn:c</id>
<updated>2022-01-21T10:00:00Z</updated><published>2022-01-20T10:00:00Z</published>
<summary>Short</summary>
<content type="html">&lt;p&gt;Fighters clashed near the border on Thursday, a monitor said.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_items_are_articles(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text(RSS, encoding="utf-8")
    a, missing = read(path)
    assert (a.title, a.url, a.source, a.raw_format) == (
        "Five killed in market attack",
        "https://example.org/a",
        "https://example.org/a",
        "html",
    )
    assert (a.published, a.published_from) == ("2015-03-10", "metadata")
    assert "Gunmen killed five people" in a.raw
    assert str(missing) == "https://example.org/b: feed item has no text"


def test_atom_entry_content_and_publication_date(tmp_path):
    path = tmp_path / "feed.atom"
    path.write_text(ATOM, encoding="utf-8")
    a = only(read(path))
    assert a.title == "Clashes near the border"
    assert "Fighters clashed" in a.raw  # the full content, not the summary
    assert a.published == "2022-01-20"  # published, not updated


def test_supplied_date_wins_over_feed_date(tmp_path):
    path = tmp_path / "feed.rss"
    path.write_text(RSS, encoding="utf-8")
    a = read(path, published="2015-03-11")[0]
    assert (a.published, a.published_from) == ("2015-03-11", "supplied")


def test_feed_with_no_items(tmp_path):
    path = tmp_path / "feed.rss"
    path.write_text('<?xml version="1.0"?><rss><channel><title>x</title></channel></rss>', encoding="utf-8")
    assert "feed with no items" in str(only(read(path)))


# -- folders and standard input ---------------------------------------------------------------


def test_folder_is_read_recursively_in_order_skipping_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "c.html").write_text("<p>" + STORY + "</p>", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text(STORY, encoding="utf-8")
    sources = [a.source for a in read(tmp_path)]
    assert sources == [str(tmp_path / n) for n in ("a.txt", "c.html", "b/2.txt")]


def test_folder_with_no_readable_article(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    items = read(tmp_path)
    assert [type(i) for i in items] == [InputError, InputError]
    assert str(items[-1]) == f"{tmp_path}: folder with no readable article"


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_text_and_html(monkeypatch):
    _stdin(monkeypatch, STORY.encode())
    a = only(read("-"))
    assert (a.raw, a.raw_format, a.source) == (STORY, "text", "<stdin>")
    _stdin(monkeypatch, b"<html><body><p>" + STORY.encode() + b"</p></body></html>")
    assert only(read("-")).raw_format == "html"


def test_stdin_jsonl(monkeypatch):
    _stdin(monkeypatch, (json.dumps({"id": "x", "text": STORY}) + "\n").encode())
    assert only(read("-")).id == "x"


# -- bad inputs: one clear line each ----------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "empty file (only white space)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (a PNG image), not text"),
        (b"%PDF-1.7\n%\xe2\xe3", "binary file (a PDF document), not text"),
        (b"text\x00with\x00nul bytes", "binary file (NUL bytes), not text"),
        (bytes(range(128, 256)) * 8, "undecodable bytes: not UTF-8 and no known encoding fits"),
        (b"<html><body><script>var x = 1;</script></body></html>", "HTML with no readable text"),
    ],
)
def test_bad_file(tmp_path, data, problem):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    error = only(read(path))
    assert isinstance(error, InputError)
    assert str(error) == f"{path}: {problem}"


def test_missing_path_and_batch_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    missing, article = read(tmp_path / "nope.txt", good)
    assert str(missing) == f"{tmp_path / 'nope.txt'}: no such file or folder"
    assert isinstance(article, Article)


def test_invalid_supplied_date_is_refused_at_once():
    with pytest.raises(InputError, match=r"--published: invalid date '2015-13-01': expected YYYY-MM-DD"):
        read_inputs(["whatever.txt"], published="2015-13-01")
    with pytest.raises(InputError, match="expected YYYY-MM-DD"):
        read_inputs([], published="10 March 2015")


# -- article_from_string ----------------------------------------------------------------------


def test_article_from_string():
    a = article_from_string(STORY, source="s", published="2015-03-10", id="x1", title="T")
    assert (a.raw, a.raw_format, a.source, a.id, a.title) == (STORY, "text", "s", "x1", "T")
    assert (a.published, a.published_from) == ("2015-03-10", "supplied")
    assert article_from_string("<p>" + STORY + "</p>").raw_format == "html"


@pytest.mark.parametrize(
    ("text", "kw", "message"),
    [
        ("   ", {}, "<text>: empty text"),
        (STORY, {"published": "2015-02-30", "source": "s"}, "s: invalid date '2015-02-30'"),
        ("<div><script>x()</script></div>", {}, "<text>: HTML with no readable text"),
    ],
)
def test_article_from_string_errors(text, kw, message):
    with pytest.raises(InputError) as info:
        article_from_string(text, **kw)
    assert str(info.value).startswith(message)
