-- strife SQLite schema, version 9: nothing to do. The PostgreSQL migration of the same number
-- adds a GiST index of points for the box of `near` and `bbox` searches; on SQLite the R*Tree
-- of migration 0005 (events_geo) already serves that box. Kept so both backends number their
-- schemas alike.
SELECT 1;
