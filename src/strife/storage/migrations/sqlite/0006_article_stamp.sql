-- strife SQLite schema, version 6: what an event read needs of its article, in an index.
--
-- Every event `Store.events()` returns carries its article's `published` and `ingested_at`, and
-- the outlet behind each backing article (`source_id`). In the articles table `ingested_at` comes
-- after the article's text and record (kilobytes, in overflow pages SQLite walks page by page),
-- so each event read the whole article to reach it. This index holds the three columns with the
-- id: the reads never touch the article rows (measured with `python -m strife.bench.storage`).
CREATE INDEX IF NOT EXISTS articles_stamp ON articles (id, source_id, published, ingested_at);
