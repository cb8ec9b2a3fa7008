-- Core tables: cities, sources, documents, crawl runs.
CREATE TABLE cities (
  id      INTEGER PRIMARY KEY,
  name    TEXT NOT NULL UNIQUE,
  country TEXT NOT NULL DEFAULT ''
);

CREATE TABLE sources (
  id      INTEGER PRIMARY KEY,
  city_id INTEGER NOT NULL REFERENCES cities(id),
  name    TEXT NOT NULL,
  kind    TEXT NOT NULL CHECK (kind IN ('news', 'statements')),
  speaker TEXT NOT NULL DEFAULT '',
  UNIQUE (city_id, name)
);

-- One row per stored document. url is canonical; content_hash dedups
-- near-identical content reached at two URLs.
CREATE TABLE documents (
  id           INTEGER PRIMARY KEY,
  url          TEXT NOT NULL UNIQUE,
  source_id    INTEGER NOT NULL REFERENCES sources(id),
  title        TEXT NOT NULL DEFAULT '',
  text         TEXT NOT NULL DEFAULT '',
  published    TEXT NOT NULL DEFAULT '',  -- RFC 3339 UTC or ''
  authors      TEXT NOT NULL DEFAULT '[]', -- JSON array
  language     TEXT NOT NULL DEFAULT '',
  fetched_at   TEXT NOT NULL,             -- RFC 3339 UTC
  content_hash TEXT NOT NULL UNIQUE,
  raw_html_gz  BLOB,                      -- gzip of the raw page, for re-extraction
  words        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX documents_source ON documents(source_id);
CREATE INDEX documents_published ON documents(published);

-- One row per crawl run with its counts, for coverage next to indicators.
CREATE TABLE crawl_runs (
  id             INTEGER PRIMARY KEY,
  started_at     TEXT NOT NULL,
  finished_at    TEXT NOT NULL DEFAULT '',
  status         TEXT NOT NULL DEFAULT 'running', -- running | done | partial | failed | interrupted
  discovered     INTEGER NOT NULL DEFAULT 0,
  fetched        INTEGER NOT NULL DEFAULT 0,
  new_docs       INTEGER NOT NULL DEFAULT 0,
  unchanged      INTEGER NOT NULL DEFAULT 0,
  duplicates     INTEGER NOT NULL DEFAULT 0,
  robots_skipped INTEGER NOT NULL DEFAULT 0,
  errors         INTEGER NOT NULL DEFAULT 0,
  errors_by_kind TEXT NOT NULL DEFAULT '{}', -- JSON object kind -> count
  updated        INTEGER NOT NULL DEFAULT 0,     -- stored documents whose page changed
  city           TEXT NOT NULL DEFAULT '',       -- -city filter of the run, '' = all cities
  pid            INTEGER NOT NULL DEFAULT 0,     -- process and host running it, for the
  host           TEXT NOT NULL DEFAULT '',       -- one-crawl-at-a-time check
  heartbeat_at   TEXT NOT NULL DEFAULT ''        -- last flush of the counts while running
);

-- Per run and source: what was fetched and how many errors, so that
-- reports can show active sources and crawl errors per month.
CREATE TABLE crawl_run_sources (
  run_id    INTEGER NOT NULL REFERENCES crawl_runs(id) ON DELETE CASCADE,
  source_id INTEGER NOT NULL REFERENCES sources(id),
  fetched   INTEGER NOT NULL DEFAULT 0,
  new_docs  INTEGER NOT NULL DEFAULT 0,
  errors    INTEGER NOT NULL DEFAULT 0,
  discovered     INTEGER NOT NULL DEFAULT 0,
  unchanged      INTEGER NOT NULL DEFAULT 0,
  duplicates     INTEGER NOT NULL DEFAULT 0,
  robots_skipped INTEGER NOT NULL DEFAULT 0,
  errors_by_kind TEXT NOT NULL DEFAULT '{}',
  PRIMARY KEY (run_id, source_id)
);
