"""Main text and metadata of an HTML page, with trafilatura.

trafilatura finds the article in a full page and reads its title, author, site name and date
(from the page's metadata only: its search of the text for dates is turned off, so a date the
article merely mentions is not taken for the publication date). It declines small fragments
such as feed-item summaries; those are read by a plain lxml walk that keeps paragraph breaks.
"""

from __future__ import annotations

import logging
import re
import warnings
from dataclasses import dataclass

_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section",
           "article", "header", "footer", "pre", "dd", "dt", "figcaption", "table", "ul", "ol"}  # fmt: skip
_DROP = ("script", "style", "noscript", "template", "nav", "aside", "form", "button", "svg", "iframe")
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


@dataclass
class HtmlText:
    text: str
    title: str | None = None
    author: str | None = None
    sitename: str | None = None
    date: str | None = None


def _fragment_text(html: str) -> str:
    """Text of an HTML fragment, a newline at every block element."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    for bad in list(root.iter(*_DROP)):
        if bad.getparent() is not None:
            bad.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
            if element.tag.lower() != "br":
                element.text = "\n" + (element.text or "")
    text = root.text_content()
    return re.sub(r"\n\s*\n+", "\n", text).strip()


def extract_html(html: str, url: str | None = None) -> HtmlText:
    """The main text of `html` (empty when it has none) and the page's metadata."""
    import trafilatura

    # trafilatura and lxml warn and log about odd markup; the page is read all the same
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    logging.getLogger("htmldate").setLevel(logging.ERROR)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=_DATE_PARAMS,
            as_dict=True,
        )
        if isinstance(doc, dict) and (doc.get("text") or "").strip():
            return HtmlText(
                doc["text"], doc.get("title"), doc.get("author"), doc.get("sitename"), doc.get("date")
            )
        text = _fragment_text(html)
        meta = trafilatura.extract_metadata(html, default_url=url, date_config=_DATE_PARAMS, extensive=False)
    if meta is None:
        return HtmlText(text)
    return HtmlText(text, meta.title, meta.author, meta.sitename, meta.date)
