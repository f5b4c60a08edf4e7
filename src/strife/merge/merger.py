"""Incremental merging of stored events across articles, and undoing it for one article.

`Merger.ingest(store, article)` stores an article and, in the same transaction, places each of
its events: into the stored event it reports (the best-scoring candidate that `decide` accepts)
or on its own. It reads the store through the `Store` merge primitives (`members`,
`write_event`, `delete_event`, `save_vectors`, `transaction`) and writes the reconciled record
(`strife.merge.reconcile`). Re-ingesting an unchanged article does nothing; a changed one first
has its old contributions withdrawn, so a run can be killed and repeated safely. The article's
event vectors may come with it (`ReportVectors`, made by the worker that extracted it); they
are stored with its reports, and the merger embeds (loading the model) only what came without.

Candidates: the stored events whose dates fall within the blocking window of the new report
(undated events by their article's publication date), in its country or in none, that hold no
report from the same article (an article's own events were already told apart by `unify`).
Each candidate event is compared report by report; the best score decides. A new report joins
at most one event (no chaining of two stored events through it).

`Merger.detach(store, article_id)` undoes merging for one article: its reports leave the events
they joined (those are reconciled again from the reports that remain, and take the id of their
first remaining report when the article's report was the one that founded them) and stand as
events of their own; with `remove=True` they are dropped instead, so an event backed only by the
article disappears.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import timedelta
from itertools import groupby

from strife.merge.blocking import DAY_WINDOW, block
from strife.merge.decide import Decision, decide
from strife.merge.profile import UNDATED_DAYS, Member, Profile
from strife.merge.reconcile import reconcile
from strife.merge.similarity import Embedder, ReportVectors, configured, cosine, load_embedder
from strife.models import Article
from strife.storage.base import MemberWindow, Store, record_hash, stored_event_id


def _blockable(member: Member) -> bool:
    """Whether a report has a date or a publication date to block on (else it is never merged)."""
    return bool((member.record.get("date") or {}).get("start") or member.published)


class Merger:
    """Merges reports of one real-world event across articles (see the module docstring)."""

    def __init__(
        self,
        embedder: Embedder | Callable[[], Embedder] | None = None,
        window: int = DAY_WINDOW,
        threshold: float | None = None,
    ) -> None:
        self._embedder = embedder if embedder is not None else load_embedder
        self.window = window
        self._threshold = threshold

    @property
    def embedder(self) -> Embedder:
        if callable(self._embedder) and not hasattr(self._embedder, "embed"):
            self._embedder = self._embedder()  # loaded on first use: the model takes seconds
        return self._embedder  # type: ignore[return-value]

    @property
    def _lazy(self) -> bool:
        """Whether the embedder is the process's default one and not loaded yet."""
        return self._embedder is load_embedder

    @property
    def name(self) -> str:
        """The name of the embedder's vectors (known without loading the model)."""
        return configured()[0] if self._lazy else self.embedder.name

    @property
    def threshold(self) -> float:
        if self._threshold is not None:
            return self._threshold
        return configured()[1] if self._lazy else self.embedder.threshold

    # -- writing --------------------------------------------------------------------------------
    def ingest(self, store: Store, article: Article, vectors: ReportVectors | None = None) -> bool:
        """Store `article` and merge its events; False when the same record was already stored.
        `vectors`: its events' embeddings, when they were made with it (see `ReportVectors`)."""
        article_id = article.ensure_id()
        digest = record_hash(article.to_record())
        with store.transaction(
            f"{article.source or article_id}: cannot store the article (nothing of it was written)"
        ):
            stored = store.article_hash(article_id)
            if stored == digest:
                return False
            if stored is not None:
                self.detach(store, article_id, remove=True)
            store.ingest(article)
            members = [m for m in store.members(article_id=article_id) if m.article_id == article_id]
            self.attach(store, article, members, vectors)
            for member in members:
                self.place(store, member)
        return True

    def attach(
        self, store: Store, article: Article, members: list[Member], vectors: ReportVectors | None
    ) -> None:
        """Give the article's stored reports the vectors made with it (when they are this
        embedder's) and save them, so later articles compare with them as they are."""
        if vectors is None or vectors.model != self.name:
            return
        aid = article.ensure_id()
        made = {stored_event_id(aid, e): vectors.vectors.get(e.id) for e in article.events}
        given = [m for m in members if made.get(m.member_id) is not None]
        for m in given:
            m.vector, m.model = made[m.member_id], vectors.model
        if given:
            store.save_vectors(given)

    def place(self, store: Store, member: Member) -> Decision | None:
        """Merge a stored single-report event into the best matching stored event, if any.
        Returns the accepted decision (None: it stands alone)."""
        target, decision = self.best_match(store, member)
        if target is None or decision is None:
            return None
        old_event = member.event_id
        members = [*target, member]
        store.write_event(target[0].event_id, reconcile(members), members)
        store.delete_event(old_event)
        return decision

    def best_match(self, store: Store, member: Member) -> tuple[list[Member] | None, Decision | None]:
        """The stored event (all its members) the member reports, with the decision; (None, None).

        Reports are embedded only when there is something to compare them with (so the model is
        not loaded for a first article, nor for an event nothing else is near), and their vectors
        are saved then, once."""
        profile = Profile.of(member.record, member.published)
        if profile.start is None or profile.end is None:
            return None, None  # neither a date nor a publication date: nothing to block on
        candidates = self.candidates(store, member, profile)
        if not candidates:
            return None, None
        fresh = self.embed([member, *(m for group in candidates for m in group)])
        store.save_vectors(fresh)
        best: tuple[list[Member] | None, Decision | None] = (None, None)
        for group in candidates:
            decision = self.compare(member, profile, group)
            if decision.merge and (best[1] is None or decision.score > best[1].score):
                best = (group, decision)
        return best

    def candidates(self, store: Store, member: Member, profile: Profile) -> list[list[Member]]:
        """Stored events (each the list of its members) that pass blocking with the member."""
        start, end = profile.start, profile.end
        assert start is not None and end is not None  # best_match checked
        window = MemberWindow(
            since=(start - timedelta(days=self.window)).isoformat(),
            until=(end + timedelta(days=self.window)).isoformat(),
            undated_until=(end + timedelta(days=self.window + UNDATED_DAYS)).isoformat(),
            country=profile.country,
        )
        out = []
        for event_id, group in groupby(store.members(window=window), key=lambda m: m.event_id):
            members = list(group)
            if event_id == member.event_id or any(m.article_id == member.article_id for m in members):
                continue
            if any(_blockable(m) and block(profile, self.profile(m), self.window).ok for m in members):
                out.append(members)
        return out

    def embed(self, members: Iterable[Member]) -> list[Member]:
        """Give every member without a vector of this embedder one (in one batch); returns them.
        The model is loaded only when some member has none."""
        members = list(members)
        if all(m.vector is not None and m.model == self.name for m in members):
            return []
        embedder = self.embedder  # loads; its name is final now (lexical when MiniLM failed)
        todo = [m for m in members if m.vector is None or m.model != embedder.name]
        for m, vector in zip(todo, embedder.embed_parts([m.parts() for m in todo]), strict=True):
            m.vector, m.model = vector, embedder.name
        return todo

    @staticmethod
    def profile(member: Member) -> Profile:
        return Profile.of(member.record, member.published)

    def compare(self, member: Member, profile: Profile, members: list[Member]) -> Decision:
        """The best decision of `member` against any dated report of a stored event."""
        decisions = [
            decide(profile, self.profile(other), cosine(member.vector or b"", other.vector or b""),
                   self.threshold, self.window)
            for other in members
            if _blockable(other)
        ]  # fmt: skip
        return max(decisions, key=lambda d: d.score)

    # -- undoing --------------------------------------------------------------------------------
    def detach(self, store: Store, article_id: str, remove: bool = False) -> int:
        """Take an article's reports out of the events they were merged into; returns how many
        events other articles back were changed. `remove`: drop its reports instead of keeping
        them as events of their own."""
        changed = 0
        with store.transaction(f"cannot take article {article_id} out of its events (nothing was changed)"):
            members = store.members(article_id=article_id)
            for event_id, group in groupby(members, key=lambda m: m.event_id):
                reports = list(group)
                own = [m for m in reports if m.article_id == article_id]
                others = [m for m in reports if m.article_id != article_id]
                if not others:
                    if remove:
                        store.delete_event(event_id)
                    continue
                changed += 1
                store.delete_event(event_id)
                store.write_event(others[0].member_id, reconcile(others), others)
                for m in [] if remove else own:
                    store.write_event(m.member_id, reconcile([m]), [m])
        return changed
