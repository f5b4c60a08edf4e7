-- strife SQLite schema, version 10: nothing to do. The PostgreSQL migration of the same number
-- compresses event records with LZ4 (faster to read back than pglz); SQLite stores them as they
-- are. Kept so both backends number their schemas alike.
SELECT 1;
