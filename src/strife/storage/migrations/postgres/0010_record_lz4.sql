-- strife PostgreSQL schema, version 10: event records compressed with LZ4 instead of pglz, on a
-- server built with LZ4 (PostgreSQL 14 and later, as Debian's and most packages are; on another
-- the records stay as they were, hence the exception block). As
-- migrations/sqlite/0010_record_lz4.sql (nothing to do there).
--
-- A record is kept compressed in its row when the row passes ~2 kB: a quarter of the storage
-- benchmark's 100,000 records. Every read of full records (`strife events --format json`, the
-- REST API's pages) decompresses them, and pglz's decompression was a third of the server's
-- time of the benchmark's query (4,200 events, a thousand of them compressed); LZ4 decompresses
-- several times faster. The records already compressed are written again (a new value, not the
-- stored one: an unchanged value keeps its compression) so they are compressed anew.
DO $$
BEGIN
    ALTER TABLE events ALTER COLUMN record SET COMPRESSION lz4;
    UPDATE events SET record = CAST(CAST(record AS TEXT) || '' AS JSON)
    WHERE pg_column_compression(record) = 'pglz';
EXCEPTION WHEN feature_not_supported THEN
    NULL;
END $$;
