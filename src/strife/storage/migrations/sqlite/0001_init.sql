-- strife SQLite schema, version 1.
-- The runner (strife.storage.sqlite) applies this in one transaction and records it in
-- schema_version; never edit a released migration, add 0002_*.sql instead.

-- The outlets and publishers articles come from.
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    source TEXT,                           -- path or URL as given on input
    source_id INTEGER REFERENCES sources (id),
    title TEXT,
    byline TEXT,
    publisher TEXT,
    published TEXT,                        -- ISO date or NULL
    published_from TEXT,
    language TEXT,
    text TEXT NOT NULL,
    warnings TEXT NOT NULL DEFAULT '[]',   -- JSON array
    record_hash TEXT NOT NULL,             -- sha256 of the record: tells "unchanged" on re-ingest
    record TEXT NOT NULL,                  -- the full strife.article/1 record (JSON)
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published);

-- One row per event. Filtered columns are copied out of the JSON so they can be indexed.
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    event_type TEXT NOT NULL COLLATE NOCASE,
    sub_event_type TEXT NOT NULL COLLATE NOCASE,
    background INTEGER NOT NULL DEFAULT 0,
    date_start TEXT,
    date_end TEXT,
    time_precision INTEGER,
    location TEXT,
    admin1 TEXT,
    country TEXT COLLATE NOCASE,
    iso3 TEXT COLLATE NOCASE,
    lat REAL,
    lon REAL,
    geo_precision INTEGER,
    actor1 TEXT,
    actor2 TEXT,
    fatalities_low INTEGER,
    fatalities_best INTEGER,
    fatalities_high INTEGER,
    confidence REAL,
    record TEXT NOT NULL                   -- the Event as in strife.article/1 (JSON)
);
CREATE INDEX events_article ON events (article_id);
CREATE INDEX events_date ON events (date_start, date_end);
CREATE INDEX events_country ON events (country);
CREATE INDEX events_iso3 ON events (iso3);
CREATE INDEX events_type ON events (event_type);
CREATE INDEX events_sub_type ON events (sub_event_type);
CREATE INDEX events_latlon ON events (lat, lon);

CREATE TABLE event_tags (
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    tag TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (event_id, tag)
);
CREATE INDEX event_tags_tag ON event_tags (tag);

-- Which articles back an event (one today; several once events are merged across articles).
CREATE TABLE event_articles (
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, article_id)
);
CREATE INDEX event_articles_article ON event_articles (article_id);

-- One row per Count: every figure, its group, bounds, qualifier, who claimed it, its words.
CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    grp TEXT,
    low INTEGER,
    high INTEGER,
    qualifier TEXT NOT NULL,
    source TEXT,
    text TEXT NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL
);
CREATE INDEX claims_event ON claims (event_id);

-- Inputs that could not be processed, kept so a batch can go on and be reviewed later.
CREATE TABLE failures (
    id INTEGER PRIMARY KEY,
    input TEXT NOT NULL,
    stage TEXT,
    message TEXT NOT NULL,
    time TEXT NOT NULL
);
