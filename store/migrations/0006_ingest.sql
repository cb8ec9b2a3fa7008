-- xenoscope: foreign_keys=off
-- (this migration rebuilds the sources table, so it runs with foreign keys
-- off and ends with PRAGMA foreign_key_check, SQLite's documented way.)

-- Frontier selection served by an index: pending URLs of a source, feeds
-- and sitemaps first, then by depth, then in discovery order (rowid is the
-- index's last column). store.PendingFrontier's ORDER BY matches it.
CREATE INDEX frontier_pending ON frontier(source_id, (kind = 'page'), depth) WHERE state = 'pending';

-- fails: consecutive fetches of the URL that did not succeed (a fetch is
-- counted as soon as its response headers arrive, so one cut short by a
-- crash counts too; a success resets it). A failed URL is retried while
-- fails < MaxAttempts. attempts stays the number of fetches, ever.
ALTER TABLE frontier ADD COLUMN fails INTEGER NOT NULL DEFAULT 0;
UPDATE frontier SET fails = attempts WHERE state = 'failed';

-- sources without the CHECK on kind: the set of kinds is model.SourceKinds,
-- checked by store.SyncSources (one list instead of one per layer).
CREATE TABLE sources_new (
  id      INTEGER PRIMARY KEY,
  city_id INTEGER NOT NULL REFERENCES cities(id),
  name    TEXT NOT NULL,
  kind    TEXT NOT NULL,
  speaker TEXT NOT NULL DEFAULT '',
  UNIQUE (city_id, name)
);
INSERT INTO sources_new(id, city_id, name, kind, speaker) SELECT id, city_id, name, kind, speaker FROM sources;
DROP TABLE sources;
ALTER TABLE sources_new RENAME TO sources;
