"""strife: news reports of armed conflict and terrorism turned into sourced, geocoded events.

Python API (the CLI, REST API and web map are thin layers over the same service functions)::

    import strife
    article = strife.extract(text_or_html, published="2015-03-10")
    print(article.to_json(indent=2))
    store = strife.Store("sqlite:///strife.db")
    store.ingest(article)
    for event in store.events(country="Syria"):
        ...
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from strife.models import Article, Event

__version__ = "0.1.0"
__all__ = ["Article", "Event", "Store", "__version__", "extract"]

if TYPE_CHECKING:
    from strife.storage import Store


def extract(text_or_html: str, published: str | None = None, **kwargs: Any) -> Article:
    """Run the whole pipeline on one text or HTML document and return the `Article`."""
    from strife.service import extract_text

    return extract_text(text_or_html, published=published, **kwargs)


def __getattr__(name: str) -> Any:
    if name == "Store":
        from strife.storage import Store

        return Store
    raise AttributeError(name)
