-- strife PostgreSQL schema, version 8: what `Store.events()` adds to a record, in the events row.
-- As migrations/sqlite/0008_event_stamp.sql.
--
-- Every event a search or the REST API returns carries its number of sources (0007), the outlets
-- of its backing articles and the `published` and `ingested_at` of the article it is stored
-- under. Read through joins (articles by the event's article, event_articles, articles again,
-- sources) they were most of the SQL of a page: over the load test's 100,000 events a 50-event
-- page by rowid took 0.90 ms on SQLite with the joins and 0.22 ms from the events row alone.
-- So the row now holds them: `publishers`, the distinct outlet names joined by U+001F (NULL:
-- none; readers sort them), `published` and `ingested_at`, as the article's columns. The writer
-- sets them with the row (strife.storage.sql; after the links for a merged event); an event's
-- article is never changed in place (a re-ingest deletes the article and its events first);
-- a link deleted from under an event (its article deleted or re-ingested while another article
-- heads the event) counts the event's sources down and lists its outlets again.
ALTER TABLE events ADD COLUMN publishers TEXT;
ALTER TABLE events ADD COLUMN published DATE;
ALTER TABLE events ADD COLUMN ingested_at TIMESTAMPTZ;
UPDATE events e SET
    publishers = (SELECT string_agg(DISTINCT s.name, chr(31)) FROM event_articles ea
        JOIN articles a ON a.id = ea.article_id JOIN sources s ON s.id = a.source_id
        WHERE ea.event_id = e.id AND s.name <> ''),
    published = a.published,
    ingested_at = a.ingested_at
FROM articles a WHERE a.id = e.article_id;

CREATE OR REPLACE FUNCTION strife_event_unlinked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE events SET
        n_sources = n_sources - 1,
        publishers = (SELECT string_agg(DISTINCT s.name, chr(31)) FROM event_articles ea
            JOIN articles a ON a.id = ea.article_id JOIN sources s ON s.id = a.source_id
            WHERE ea.event_id = OLD.event_id AND s.name <> '')
    WHERE id = OLD.event_id;
    RETURN NULL;
END
$$;
