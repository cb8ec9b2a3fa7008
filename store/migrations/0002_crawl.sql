-- The crawl frontier: every URL discovered, with its state, so that a killed
-- crawl resumes where it stopped. Owned by the crawl package (see
-- store/crawl.go and docs/crawling.md).
--
-- A row is written when a URL is first discovered (state 'pending') and
-- updated in the same transaction that stores the page's document, so a
-- page is either fully recorded or still pending: never half-stored.
CREATE TABLE frontier (
  url            TEXT PRIMARY KEY,          -- canonical URL
  source_id      INTEGER NOT NULL REFERENCES sources(id),
  kind           TEXT NOT NULL DEFAULT 'page' CHECK (kind IN ('page', 'feed', 'sitemap')),
  depth          INTEGER NOT NULL DEFAULT 0,
  via            TEXT NOT NULL DEFAULT '',  -- seed | feed | sitemap | link | canonical | redirect
  state          TEXT NOT NULL DEFAULT 'pending', -- pending | done | failed | robots | skipped
  attempts       INTEGER NOT NULL DEFAULT 0,
  last_error     TEXT NOT NULL DEFAULT '',  -- error kind of the last failure (timeout, http_5xx, ...)
  last_status    INTEGER NOT NULL DEFAULT 0, -- last HTTP status
  etag           TEXT NOT NULL DEFAULT '',
  last_modified  TEXT NOT NULL DEFAULT '',
  hint_published TEXT NOT NULL DEFAULT '', -- date from feed or sitemap, RFC 3339 UTC
  hint_updated   TEXT NOT NULL DEFAULT '', -- feed <updated> / sitemap <lastmod>, RFC 3339 UTC
  hint_title     TEXT NOT NULL DEFAULT '',
  document_id    INTEGER REFERENCES documents(id) ON DELETE SET NULL, -- the document this URL gave (or duplicated)
  outcome        TEXT NOT NULL DEFAULT '',  -- new | updated | unchanged | duplicate | not_article | discovery
  discovered_at  TEXT NOT NULL,
  fetched_at     TEXT NOT NULL DEFAULT '',
  run_id         INTEGER REFERENCES crawl_runs(id)
);
CREATE INDEX frontier_state ON frontier(state, source_id);
