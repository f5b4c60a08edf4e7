-- strife PostgreSQL schema, version 7: what a table of events shows, in the events row; and
-- fewer indexes to keep up at every write. As migrations/sqlite/0007_summary_columns.sql.
--
-- A summary (`Store.event_summaries`, what `strife events` prints) needs each event's number of
-- backing articles and its tags. Read with two subqueries per row they were most of the time
-- of a 2,000-event answer (EXPLAIN ANALYZE over 100,000 events: ~45 us a row against ~15 us
-- for the rest of the row), so the row now holds them: `n_sources`, the event's rows in
-- event_articles, and `tag_list`, its tags joined by U+001F (NULL: none). The writer sets both
-- with the row (strife.storage.sql); an article deleted from under an event another article
-- heads (a re-ingest, `delete_article`) takes its link away, and the trigger counts it down.
ALTER TABLE events ADD COLUMN n_sources INTEGER NOT NULL DEFAULT 1;
ALTER TABLE events ADD COLUMN tag_list TEXT;
UPDATE events e SET
    n_sources = (SELECT COUNT(*) FROM event_articles ea WHERE ea.event_id = e.id),
    tag_list = (SELECT string_agg(t.tag, chr(31)) FROM event_tags t WHERE t.event_id = e.id);

CREATE FUNCTION strife_event_unlinked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE events SET n_sources = n_sources - 1 WHERE id = OLD.event_id;
    RETURN NULL;
END
$$;
CREATE TRIGGER event_articles_unlinked AFTER DELETE ON event_articles
FOR EACH ROW EXECUTE FUNCTION strife_event_unlinked();

-- Indexes no query uses here, each one more b-tree to update for every event written: searches
-- compare names through lower() (0005's lower-case indexes serve them), events_type_lower is
-- events_type again, and an index that is the start of another is served by that one (as the
-- SQLite 0005 did for its dialect).
DROP INDEX IF EXISTS events_type;          -- = events_type_lower
DROP INDEX IF EXISTS events_country;       -- start of events_country_lower_date
DROP INDEX IF EXISTS events_iso3;          -- start of events_iso3_lower_date
DROP INDEX IF EXISTS events_country_date;  -- plain names: never compared so on PostgreSQL
DROP INDEX IF EXISTS events_iso3_date;
DROP INDEX IF EXISTS events_latlon;        -- start of events_latlon_date
