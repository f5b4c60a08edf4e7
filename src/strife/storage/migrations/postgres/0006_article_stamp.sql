-- strife PostgreSQL schema, version 6: as migrations/sqlite/0006_article_stamp.sql. Here the
-- article's text and record live out of line (TOAST), so its row was never a long read; the
-- index lets an event read take `published`, `ingested_at` and the outlet from the index alone
-- (an index-only scan) and keeps the two dialects' versions in step.
CREATE INDEX IF NOT EXISTS articles_stamp ON articles (id, source_id, published, ingested_at);
