-- strife SQLite schema, version 2: events merged across articles (strife.merge).
-- Each stored event is backed by members: one per article that reports it, the event as that
-- article reported it, with the embedding of its evidence. The event's own row holds the
-- reconciliation of its members; undoing a merge rebuilds it from the members that remain.

CREATE TABLE event_members (
    member_id TEXT PRIMARY KEY,            -- the event's id in its article (<article id>-<n>)
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,   -- order within the event; 0 is the head (its id)
    record TEXT NOT NULL,                  -- the Event as its article reported it (JSON)
    vector BLOB,                           -- float32 embedding of its evidence, or NULL
    model TEXT                             -- the embedder that made `vector`
);
CREATE INDEX event_members_event ON event_members (event_id);
CREATE INDEX event_members_article ON event_members (article_id);

-- Events stored before this version are each their own single member.
INSERT INTO event_members (member_id, event_id, article_id, position, record)
SELECT id, id, article_id, 0, record FROM events;
