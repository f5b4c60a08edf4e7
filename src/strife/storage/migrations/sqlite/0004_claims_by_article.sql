-- strife SQLite schema, version 4: claims indexed by article, as PostgreSQL's have been since
-- 0001. Deleting or re-storing an article cascades to its claims through claims.article_id, and
-- without this index SQLite reads every claim of the database to find them, once per article
-- (storing a changed article, `strife unmerge --remove`, merging's withdrawal of old reports).
CREATE INDEX IF NOT EXISTS claims_article ON claims (article_id);
