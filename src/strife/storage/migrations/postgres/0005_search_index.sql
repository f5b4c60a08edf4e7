-- Indexes for the REST API's searches (strife.storage.search), as in the SQLite 0005.
--
-- Text search (`q`): a GIN index over the words of the event record; strife.storage.search
-- asks `to_tsvector('simple', record::text) @@ to_tsquery('simple', 'word:* & ...')` (the same
-- expression, so this index answers it) and then keeps the records holding the substring.
CREATE INDEX IF NOT EXISTS events_fts ON events USING GIN (to_tsvector('simple', record::text));

-- The longest event span in days, read with MAX() from this index (see the SQLite migration).
CREATE INDEX IF NOT EXISTS events_span ON events ((date_end - date_start));

-- Names compare with lower() on PostgreSQL: these are the 0003 country indexes in that form.
CREATE INDEX IF NOT EXISTS events_iso3_lower_date ON events (lower(iso3), date_start, date_end, id);
CREATE INDEX IF NOT EXISTS events_country_lower_date ON events (lower(country), date_start, date_end, id);
CREATE INDEX IF NOT EXISTS events_type_lower ON events (lower(event_type));

-- A box plus a date range: dates first, the box checked inside the index.
CREATE INDEX IF NOT EXISTS events_date_latlon ON events (date_start, lat, lon, date_end, id);
