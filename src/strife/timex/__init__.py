"""Time expressions: find them (`grammar`), resolve them against the publication date and each
other (`resolve`, `relative`, `calendar`), date events by them (`assign`, over what `context`
knows of the article and `syntax` reads in its parse), and measure the result on the MUC-4
answer keys (`muc4.evaluate_muc4_dates`)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from strife.models import Article


def parse_published(value: str | None, article: Article | None = None) -> date | None:
    """The publication date as a `date`: ISO first, any common format via dateparser; None
    (with a warning on the article) when it cannot be read."""
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(value, languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"]})
    if parsed is None:
        if article is not None:
            article.warn(f"publication date {value!r} not understood; relative dates left unresolved")
        return None
    return parsed.date()


def evaluate_muc4_dates(docs: dict[str, Any], keys: dict[str, Any]) -> dict[str, Any]:
    """Exact-match rate of incident dates resolved from MUC-4 texts (see `muc4`)."""
    from strife.timex.muc4 import evaluate

    return evaluate(docs, keys)


__all__ = ["evaluate_muc4_dates", "parse_published"]
