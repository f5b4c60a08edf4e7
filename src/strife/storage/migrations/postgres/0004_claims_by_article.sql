-- strife PostgreSQL schema, version 4: as migrations/sqlite/0004_claims_by_article.sql, which
-- gives SQLite the index on claims(article_id) that PostgreSQL has had since 0001 (so here it
-- changes nothing; the file keeps the two dialects' versions in step).
CREATE INDEX IF NOT EXISTS claims_article ON claims (article_id);
