-- A GiST index of each event's (lon, lat) as a built-in `point`, for the box that narrows
-- `near` and `bbox` searches (strife.storage.dialect.Dialect.box: `point(e.lon, e.lat) <@
-- box(...)`, the same expression, so this index answers it). The b-tree on (lat, lon, ...) of
-- migration 0003 could seek on latitude only: it read every event of the box's latitude band,
-- whatever its longitude (over the storage benchmark's 55,000 events, 18,500 entries for a
-- 10,600-event box, 10-23 ms; this index reads the box's entries alone, 1.2-1.6 ms). A built-in
-- type, not PostGIS's `geog`: a new session (each `strife events`) would otherwise load the
-- PostGIS library and its catalog entries first (see Dialect.within). The b-tree goes: nothing
-- else reads it (a date range with a box reads events_date_latlon).
CREATE INDEX IF NOT EXISTS events_point ON events USING GIST (point(lon, lat));
DROP INDEX IF EXISTS events_latlon_date;
