-- The crawl frontier: every URL discovered, with its state, so that a killed
-- crawl resumes where it stopped. Owned by the crawl package.
CREATE TABLE frontier (
  url           TEXT PRIMARY KEY,          -- canonical URL
  source_id     INTEGER NOT NULL REFERENCES sources(id),
  depth         INTEGER NOT NULL DEFAULT 0,
  via           TEXT NOT NULL DEFAULT '',  -- seed | feed | sitemap | link
  state         TEXT NOT NULL DEFAULT 'pending', -- pending | done | failed | robots | skipped
  attempts      INTEGER NOT NULL DEFAULT 0,
  last_error    TEXT NOT NULL DEFAULT '',
  etag          TEXT NOT NULL DEFAULT '',
  last_modified TEXT NOT NULL DEFAULT '',
  hint_published TEXT NOT NULL DEFAULT '', -- date from feed or sitemap, RFC 3339
  hint_title    TEXT NOT NULL DEFAULT '',
  discovered_at TEXT NOT NULL,
  fetched_at    TEXT NOT NULL DEFAULT '',
  run_id        INTEGER REFERENCES crawl_runs(id)
);
CREATE INDEX frontier_state ON frontier(state, source_id);
