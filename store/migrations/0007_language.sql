-- xenoscope: foreign_keys=off
-- (this migration rebuilds doc_scores, so it runs with foreign keys off and
-- ends with PRAGMA foreign_key_check, SQLite's documented way.)

-- The language gate (issue 11, point 5): a document in a language the
-- models are not built for keeps its doc_scores row (so it is not pending)
-- with its language and NULL scores; the indicators leave it out of every
-- denominator and count it as excluded in coverage. Rows scored before this
-- migration have language '' (not recorded).
CREATE TABLE doc_scores_new (
  document_id         INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  model               TEXT NOT NULL,
  migration           REAL,
  anti_migrant        REAL,
  counter_speech      REAL,
  stance              REAL,
  populism            REAL, -- matches per 1,000 words
  populist_sentences  REAL, -- share of sentences with a match
  tone                REAL,
  hate_crime_report   REAL,
  words               INTEGER,
  populism_matches    INTEGER,
  sentences           INTEGER,
  populist_sentence_n INTEGER,
  migration_sentences INTEGER,
  migration_tone_sum  REAL,
  evidence            TEXT NOT NULL DEFAULT '[]', -- JSON []model.Evidence
  scored_at           TEXT NOT NULL,
  language            TEXT NOT NULL DEFAULT '' -- ISO 639-1 of the scored text, '' when not recorded
);
INSERT INTO doc_scores_new(document_id, model, migration, anti_migrant, counter_speech, stance, populism,
  populist_sentences, tone, hate_crime_report, words, populism_matches, sentences, populist_sentence_n,
  migration_sentences, migration_tone_sum, evidence, scored_at)
  SELECT document_id, model, migration, anti_migrant, counter_speech, stance, populism, populist_sentences, tone,
  hate_crime_report, words, populism_matches, sentences, populist_sentence_n, migration_sentences, migration_tone_sum,
  evidence, scored_at FROM doc_scores;
DROP TABLE doc_scores;
ALTER TABLE doc_scores_new RENAME TO doc_scores;
CREATE INDEX doc_scores_model ON doc_scores(model);
