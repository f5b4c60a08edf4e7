"""The tests' throwaway PostgreSQL/PostGIS server: `strife.bench.pgserver`, which the storage
benchmark uses too (one implementation; see its docstring)."""

from strife.bench.pgserver import DATABASE, PASSWORD, USER, PgServer, bin_dir, free_port, missing

__all__ = ["DATABASE", "PASSWORD", "USER", "PgServer", "bin_dir", "free_port", "missing"]
