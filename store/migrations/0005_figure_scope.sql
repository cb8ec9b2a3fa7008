-- Whose figure is it (issue 12) and attribution apart from scoring (issue 14).
--
-- doc_figures: per document, the attribution version that wrote its
-- mentions and statements (analyze re-attributes a document whose version
-- differs without rescoring it) and whether the document is local context
-- (not a wire story from elsewhere).
CREATE TABLE doc_figures (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  version     TEXT NOT NULL,
  local       INTEGER NOT NULL DEFAULT 1
);

-- statements.migration: how much the statement is about migration (the
-- higher of the quote's own migration probability and that of the
-- sentences around it); the report lists figures with statements >= 0.5.
ALTER TABLE statements ADD COLUMN migration REAL NOT NULL DEFAULT 0;

-- [[city.exclude]] names and the per-city figure settings, synced from the config.
CREATE TABLE figure_exclusions (
  city_id INTEGER NOT NULL REFERENCES cities(id),
  name    TEXT NOT NULL COLLATE NOCASE,
  PRIMARY KEY (city_id, name)
);
CREATE TABLE figure_settings (
  city_id         INTEGER PRIMARY KEY REFERENCES cities(id),
  min_local       INTEGER NOT NULL DEFAULT 2,
  registered_only INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX mentions_figure ON mentions(figure_id, document_id);
CREATE INDEX statements_figure ON statements(figure_id, document_id);

-- figure_scope says for every figure whether it is the city's:
--   excluded   its name or an alias is in [[city.exclude]]
--   registered in the [[city.figure]] registry
--   local      mentioned or quoted in at least min_local local documents
--   elsewhere  everyone else (wire-story figures, passing mentions): shown
--              apart as "also quoted", never counted
-- registered_only cities have no local figures.
CREATE VIEW figure_scope AS
SELECT fi.id AS figure_id, fi.city_id AS city_id,
  CASE
    WHEN EXISTS (SELECT 1 FROM figure_exclusions x WHERE x.city_id = fi.city_id AND
                 (x.name = fi.name OR x.name IN (SELECT alias FROM figure_aliases a WHERE a.figure_id = fi.id)))
      THEN 'excluded'
    WHEN fi.registered = 1 THEN 'registered'
    WHEN coalesce(fs.registered_only, 0) = 1 THEN 'elsewhere'
    WHEN (SELECT count(*) FROM (SELECT document_id FROM mentions WHERE figure_id = fi.id
                                UNION SELECT document_id FROM statements WHERE figure_id = fi.id) u
          JOIN doc_figures df ON df.document_id = u.document_id AND df.local = 1) >= coalesce(fs.min_local, 2)
      THEN 'local'
    ELSE 'elsewhere'
  END AS scope
FROM figures fi LEFT JOIN figure_settings fs ON fs.city_id = fi.city_id;
