"""The write endpoints, behind the bearer token: add articles (extracted and stored through the
service layer), re-extract a stored article, delete one."""

from __future__ import annotations

import threading
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Path
from pydantic import BaseModel, ConfigDict, Field, model_validator
from starlette.responses import Response

from strife import service
from strife.api.errors import ApiError
from strife.api.queries import StoreDep
from strife.api.routes import Json
from strife.api.security import require_token
from strife.errors import InputError, StorageError, StrifeError
from strife.models import Article
from strife.storage.base import Store

router = APIRouter(prefix="/api", dependencies=[Depends(require_token)])

#: One extraction at a time: the pipeline's models are shared and not made for threads.
_extracting = threading.Lock()
MAX_BATCH = 100


class ArticleIn(BaseModel):
    """One article to add: its text or its HTML, and what is known about it."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(default=None, description="Plain text of the article.")
    html: str | None = Field(default=None, description="The article's web page.")
    id: str | None = Field(default=None, pattern=r"^[A-Za-z0-9._:-]{1,128}$")
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2048, pattern=r"^https?://\S+$")
    published: date | None = None

    @model_validator(mode="after")
    def _one_body(self) -> ArticleIn:
        # NUL is never article text (and PostgreSQL refuses it): drop it as the reader would.
        for name in ("text", "html", "title"):
            value = getattr(self, name)
            if value is not None and "\x00" in value:
                setattr(self, name, value.replace("\x00", ""))
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of text or html")
        if not (self.text or self.html or "").strip():
            raise ValueError("the article is empty")
        return self


def _extract(item: ArticleIn | dict[str, Any]) -> Article:
    if isinstance(item, dict):
        item = ArticleIn.model_validate(item)
    body = item.text if item.text is not None else item.html
    published = item.published.isoformat() if item.published else None
    with _extracting:
        article = service.extract_text(
            body or "", published=published, source=item.url, id=item.id, title=item.title
        )
    if item.url:
        article.url = item.url
    return article


def _store(db: Store, article: Article) -> dict[str, Any]:
    stored = db.ingest(article)
    return {
        "id": article.ensure_id(),
        "stored": stored,
        "events": [e.id for e in article.events],
        "warnings": article.warnings,
    }


def _one(db: Store, item: ArticleIn) -> dict[str, Any]:
    try:
        return _store(db, _extract(item))
    except (InputError, StorageError):
        raise
    except StrifeError as exc:
        raise ApiError(422, str(exc)) from exc


Payload = Annotated[ArticleIn | list[ArticleIn], Body(description="One article, or a list of up to 100.")]


@router.post("/articles", status_code=201, summary="Extract events from articles and store them")
def add_articles(db: StoreDep, payload: Payload) -> Response:
    """One article: 201 with {id, stored, events, warnings}, 422 when it cannot be read. A list:
    201 with {results: [...]}, each an article's result or its {error}."""
    if not isinstance(payload, list):
        return Json(_one(db, payload), status_code=201)
    if not 1 <= len(payload) <= MAX_BATCH:
        raise ApiError(422, f"a batch holds 1 to {MAX_BATCH} articles")
    results: list[dict[str, Any]] = []
    for item in payload:
        try:
            results.append(_one(db, item))
        except (StrifeError, ApiError) as exc:
            status = exc.status if isinstance(exc, ApiError) else 422
            results.append({"id": item.id, "error": {"status": status, "message": str(exc)}})
    return Json({"results": results}, status_code=201)


Id = Annotated[str, Path(min_length=1, max_length=200)]


def _kept_date(meta: dict[str, Any]) -> date | None:
    """The publication date to hand in again: one read from the text is found there again."""
    if meta.get("published_from") == "text" or not meta.get("published"):
        return None
    try:
        return date.fromisoformat(str(meta["published"]))
    except ValueError:
        return None


@router.post("/articles/{article_id}/reextract", summary="Run the pipeline again on a stored article")
def reextract(db: StoreDep, article_id: Id) -> Response:
    record = db.article(article_id)
    if record is None:
        raise ApiError(404, f"no article {article_id!r}")
    meta = record["article"]
    source = meta.get("source")
    again = ArticleIn(
        text=meta["text"], id=article_id, title=meta.get("title"),
        url=source if isinstance(source, str) and source.startswith(("http://", "https://")) else None,
        published=_kept_date(meta),
    )  # fmt: skip
    return Json(_one(db, again))


@router.delete("/articles/{article_id}", status_code=204, summary="Delete an article and its events")
def delete_article(db: StoreDep, article_id: Id) -> Response:
    if not service.delete_article(article_id, db):
        raise ApiError(404, f"no article {article_id!r}")
    return Response(status_code=204)
