"""`make bench` (`python -m strife.bench`): how fast strife is, measured against spaCy's own
pipeline in the same run, and how its storage holds up at 100,000 events.

- `corpus`: the 2,000-article corpus, generated reproducibly from the MUC-4 train documents and
  the seeds;
- `speed`: (a) spaCy `nlp.pipe` alone, (b) `strife extract` in one process, (c) `strife ingest
  --engine dask` on a 2-worker LocalCluster, with peak memory per worker;
- `storage`: (d) ingest of 100,000 replicated events and the `strife events --near --since`
  query on SQLite and on a throwaway PostgreSQL/PostGIS server (`pgserver`);
- `report`: the sections of docs/benchmarks.md the run writes.
"""
