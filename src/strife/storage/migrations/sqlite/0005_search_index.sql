-- Indexes for the REST API's searches (strife.storage.search), measured with
-- `python -m strife.api.loadtest` over 100,000 events.
--
-- Text search (`q`): an FTS5 index over the event record, kept in step by triggers (the events
-- table is written with plain INSERT and DELETE, and deleting an article cascades, which fires
-- the delete trigger too). It narrows the candidates to records holding every word of the query
-- (as a word prefix); the substring test then decides, so the answer is the substring search's.
CREATE VIRTUAL TABLE events_fts USING fts5(
    record, content = 'events', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO events_fts (events_fts) VALUES ('rebuild');
CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
    INSERT INTO events_fts (rowid, record) VALUES (new.rowid, new.record);
END;
CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
    INSERT INTO events_fts (events_fts, rowid, record) VALUES ('delete', old.rowid, old.record);
END;
CREATE TRIGGER events_fts_update AFTER UPDATE OF record ON events BEGIN
    INSERT INTO events_fts (events_fts, rowid, record) VALUES ('delete', old.rowid, old.record);
    INSERT INTO events_fts (rowid, record) VALUES (new.rowid, new.record);
END;

-- The longest event span in days, read with MAX() from this index: a date-range filter
-- ("overlaps since..until") can then also bound date_start from below (since - longest span),
-- so the (country|iso3, date_start, ...) indexes of 0003 read one range instead of every
-- earlier event of the country.
CREATE INDEX events_span ON events ((julianday(date_end) - julianday(date_start)));

-- A box (or a circle's box) plus a date range: an R*Tree over each located event's point and
-- days (since 1970; an event without dates spans every day). It narrows to the candidates; the
-- exact tests on the events row decide, as R*Tree bounds are 32-bit floats rounded outwards.
CREATE VIRTUAL TABLE events_geo USING rtree(id, min_lat, max_lat, min_lon, max_lon, min_day, max_day);
CREATE VIEW events_geo_rows AS
SELECT rowid AS id, lat, lon,
       julianday(date_start) - 2440587.5 AS s,
       julianday(COALESCE(date_end, date_start)) - 2440587.5 AS e
FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL;
INSERT INTO events_geo
SELECT id, lat, lat, lon, lon, COALESCE(min(s, e), -1e7), COALESCE(max(s, e), e, 1e7) FROM events_geo_rows;
CREATE TRIGGER events_geo_insert AFTER INSERT ON events
WHEN new.lat IS NOT NULL AND new.lon IS NOT NULL BEGIN
    INSERT INTO events_geo
    SELECT id, lat, lat, lon, lon, COALESCE(min(s, e), -1e7), COALESCE(max(s, e), e, 1e7)
    FROM events_geo_rows WHERE id = new.rowid;
END;
CREATE TRIGGER events_geo_delete AFTER DELETE ON events BEGIN
    DELETE FROM events_geo WHERE id = old.rowid;
END;
CREATE TRIGGER events_geo_update AFTER UPDATE OF lat, lon, date_start, date_end ON events BEGIN
    DELETE FROM events_geo WHERE id = old.rowid;
    INSERT INTO events_geo
    SELECT id, lat, lat, lon, lon, COALESCE(min(s, e), -1e7), COALESCE(max(s, e), e, 1e7)
    FROM events_geo_rows WHERE id = new.rowid;
END;

-- Country (code or name) plus a date range, with the other columns a map page filters on, so
-- a type or a minimum of fatalities is tested inside the index instead of on each wide row.
-- They replace the narrower country indexes of 0001 and 0003, as (lat, lon, ...) of 0003 does
-- (lat, lon) of 0001: an index that is the start of another only costs time at every write.
DROP INDEX IF EXISTS events_iso3_date;
DROP INDEX IF EXISTS events_country_date;
DROP INDEX IF EXISTS events_iso3;
DROP INDEX IF EXISTS events_country;
DROP INDEX IF EXISTS events_latlon;
CREATE INDEX events_iso3_cover ON events (
    iso3, date_start, event_type, sub_event_type, fatalities_best, fatalities_low, fatalities_high,
    background, date_end, id
);
CREATE INDEX events_country_cover ON events (
    country, date_start, event_type, sub_event_type, fatalities_best, fatalities_low, fatalities_high,
    background, date_end, id
);
