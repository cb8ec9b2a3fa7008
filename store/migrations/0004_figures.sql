-- Public figures, their aliases, mentions and attributed statements.
-- month is the document's month ("2006-01", by published, else fetched_at).
CREATE TABLE figures (
  id         INTEGER PRIMARY KEY,
  city_id    INTEGER NOT NULL REFERENCES cities(id),
  name       TEXT NOT NULL,
  role       TEXT NOT NULL DEFAULT '',
  party      TEXT NOT NULL DEFAULT '',
  registered INTEGER NOT NULL DEFAULT 0, -- 1 when from the config registry, 0 when discovered
  UNIQUE (city_id, name)
);

CREATE TABLE figure_aliases (
  figure_id INTEGER NOT NULL REFERENCES figures(id) ON DELETE CASCADE,
  alias     TEXT NOT NULL,
  PRIMARY KEY (figure_id, alias)
);

CREATE TABLE mentions (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  figure_id   INTEGER NOT NULL REFERENCES figures(id) ON DELETE CASCADE,
  city_id     INTEGER NOT NULL REFERENCES cities(id),
  month       TEXT NOT NULL,
  start       INTEGER NOT NULL,
  end         INTEGER NOT NULL,
  text        TEXT NOT NULL,
  model       TEXT NOT NULL
);
CREATE INDEX mentions_doc ON mentions(document_id);
CREATE INDEX mentions_city_month ON mentions(city_id, month);

CREATE TABLE statements (
  id             INTEGER PRIMARY KEY,
  document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  figure_id      INTEGER NOT NULL REFERENCES figures(id) ON DELETE CASCADE,
  city_id        INTEGER NOT NULL REFERENCES cities(id),
  month          TEXT NOT NULL,
  speaker        TEXT NOT NULL,   -- speaker as written in the text
  start          INTEGER NOT NULL, -- byte offsets of the quote into documents.text
  end            INTEGER NOT NULL,
  text           TEXT NOT NULL,
  kind           TEXT NOT NULL,   -- direct | indirect | source
  counter_speech REAL NOT NULL,
  anti_migrant   REAL NOT NULL,
  model          TEXT NOT NULL
);
CREATE INDEX statements_doc ON statements(document_id);
CREATE INDEX statements_city_month ON statements(city_id, month);
