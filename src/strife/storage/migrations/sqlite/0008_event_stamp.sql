-- strife SQLite schema, version 8: what `Store.events()` adds to a record, in the events row. As
-- migrations/postgres/0008_event_stamp.sql (see there why): `publishers`, the outlets of the
-- articles backing the event (distinct names joined by U+001F; NULL: none), and the `published`
-- and `ingested_at` of the article the event is stored under. The writer sets them with the row
-- (strife.storage.sql; after the links for a merged event, `SQLStore._stamp`); a link deleted
-- from under an event counts it down and lists its outlets again.
ALTER TABLE events ADD COLUMN publishers TEXT;
ALTER TABLE events ADD COLUMN published TEXT;
ALTER TABLE events ADD COLUMN ingested_at TEXT;
UPDATE events SET
    publishers = (SELECT group_concat(name, char(31)) FROM (
        SELECT DISTINCT s.name AS name FROM event_articles ea JOIN articles a ON a.id = ea.article_id
        JOIN sources s ON s.id = a.source_id WHERE ea.event_id = events.id AND s.name <> '' ORDER BY s.name)),
    published = (SELECT a.published FROM articles a WHERE a.id = events.article_id),
    ingested_at = (SELECT a.ingested_at FROM articles a WHERE a.id = events.article_id);

DROP TRIGGER event_articles_unlinked;
CREATE TRIGGER event_articles_unlinked AFTER DELETE ON event_articles BEGIN
    UPDATE events SET
        n_sources = n_sources - 1,
        publishers = (SELECT group_concat(name, char(31)) FROM (
            SELECT DISTINCT s.name AS name FROM event_articles ea JOIN articles a ON a.id = ea.article_id
            JOIN sources s ON s.id = a.source_id WHERE ea.event_id = old.event_id AND s.name <> '' ORDER BY s.name))
    WHERE id = old.event_id;
END;
