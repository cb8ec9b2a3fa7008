-- Analyze output. One row per document and model version; a new model
-- version rescores (analyze picks documents with no row for the current model).
-- The per-document sufficient statistics let indicators bootstrap over
-- documents without rereading sentences.
CREATE TABLE doc_scores (
  document_id         INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  model               TEXT NOT NULL,
  migration           REAL NOT NULL,
  anti_migrant        REAL NOT NULL,
  counter_speech      REAL NOT NULL,
  stance              REAL NOT NULL,
  populism            REAL NOT NULL, -- matches per 1,000 words
  populist_sentences  REAL NOT NULL, -- share of sentences with a match
  tone                REAL NOT NULL,
  hate_crime_report   REAL NOT NULL,
  words               INTEGER NOT NULL DEFAULT 0,
  populism_matches    INTEGER NOT NULL DEFAULT 0,
  sentences           INTEGER NOT NULL DEFAULT 0,
  populist_sentence_n INTEGER NOT NULL DEFAULT 0,
  migration_sentences INTEGER NOT NULL DEFAULT 0,
  migration_tone_sum  REAL NOT NULL DEFAULT 0,
  evidence            TEXT NOT NULL DEFAULT '[]', -- JSON []model.Evidence
  scored_at           TEXT NOT NULL
);
CREATE INDEX doc_scores_model ON doc_scores(model);

CREATE TABLE sentence_scores (
  document_id       INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx               INTEGER NOT NULL,
  start             INTEGER NOT NULL, -- byte offsets into documents.text
  end               INTEGER NOT NULL,
  migration         REAL NOT NULL,
  anti_migrant      REAL NOT NULL,
  counter_speech    REAL NOT NULL,
  stance            REAL NOT NULL,
  tone              REAL NOT NULL,
  hate_crime_report REAL NOT NULL,
  populism_matches  INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (document_id, idx)
);
