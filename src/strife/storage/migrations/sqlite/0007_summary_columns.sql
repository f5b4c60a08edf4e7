-- strife SQLite schema, version 7: what a table of events shows, in the events row. As
-- migrations/postgres/0007_summary_columns.sql (see there why): `n_sources`, the event's rows in
-- event_articles, and `tag_list`, its tags joined by U+001F (NULL: none), set by the writer
-- with the row; a link deleted from under an event (its article deleted or re-ingested while
-- another article heads the event) counts it down. SQLite fires this trigger for the rows a
-- foreign key's ON DELETE CASCADE removes too.
ALTER TABLE events ADD COLUMN n_sources INTEGER NOT NULL DEFAULT 1;
ALTER TABLE events ADD COLUMN tag_list TEXT;
UPDATE events SET
    n_sources = (SELECT COUNT(*) FROM event_articles ea WHERE ea.event_id = events.id),
    tag_list = (SELECT group_concat(t.tag, char(31)) FROM event_tags t WHERE t.event_id = events.id);

CREATE TRIGGER event_articles_unlinked AFTER DELETE ON event_articles BEGIN
    UPDATE events SET n_sources = n_sources - 1 WHERE id = old.event_id;
END;
