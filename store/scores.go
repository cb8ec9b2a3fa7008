package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/xenoscope/xenoscope/model"
)

// PendingScores returns up to limit ids (ascending, > afterID) of documents
// that have no doc_scores row for modelVersion: never scored, or scored by
// another model version (which analyze then replaces).
func (db *DB) PendingScores(ctx context.Context, modelVersion string, afterID int64, limit int) ([]int64, error) {
	rows, err := db.R.QueryContext(ctx, `SELECT d.id FROM documents d
		LEFT JOIN doc_scores s ON s.document_id = d.id
		WHERE d.id > ? AND (s.document_id IS NULL OR s.model != ?)
		ORDER BY d.id LIMIT ?`, afterID, modelVersion, limit)
	if err != nil {
		return nil, fmt.Errorf("pending scores: %w", Classify(err))
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("pending scores: %w", Classify(err))
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("pending scores: %w", Classify(err))
	}
	return ids, nil
}

// CountPendingScores counts documents without a doc_scores row for
// modelVersion, and all documents.
func (db *DB) CountPendingScores(ctx context.Context, modelVersion string) (pending, total int, err error) {
	err = db.R.QueryRowContext(ctx, `SELECT
		COALESCE(SUM(CASE WHEN s.document_id IS NULL OR s.model != ? THEN 1 ELSE 0 END), 0), COUNT(*)
		FROM documents d LEFT JOIN doc_scores s ON s.document_id = d.id`, modelVersion).Scan(&pending, &total)
	if err != nil {
		return 0, 0, fmt.Errorf("count pending scores: %w", Classify(err))
	}
	return pending, total, nil
}

// SaveScores stores one document's scores inside tx: it replaces the
// doc_scores row and all sentence_scores rows of the document, so a rerun
// (resume after a kill, or a new model version) never doubles anything.
func SaveScores(ctx context.Context, tx *sql.Tx, docID int64, sc *model.Scores, scoredAt time.Time) error {
	ev, err := json.Marshal(sc.Evidence)
	if err != nil {
		return fmt.Errorf("save scores of document %d: %w", docID, err)
	}
	if sc.Evidence == nil {
		ev = []byte("[]")
	}
	// an excluded text (language gate) keeps its row with NULL scores
	vals := []any{sc.Migration, sc.AntiMigrant, sc.CounterSpeech, sc.Stance, sc.Populism, sc.PopulistSentences,
		sc.Tone, sc.HateCrimeReport, sc.Words, sc.PopulismMatches, sc.Sentences, sc.PopulistSentenceN,
		sc.MigrationSentences, sc.MigrationToneSum}
	if sc.Excluded {
		for i := range vals {
			vals[i] = nil
		}
	}
	args := append(append([]any{docID, sc.Model}, vals...), string(ev), FormatTime(scoredAt), sc.Language)
	_, err = tx.ExecContext(ctx, `INSERT INTO doc_scores(document_id, model, migration, anti_migrant, counter_speech,
		stance, populism, populist_sentences, tone, hate_crime_report, words, populism_matches, sentences,
		populist_sentence_n, migration_sentences, migration_tone_sum, evidence, scored_at, language)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
		ON CONFLICT(document_id) DO UPDATE SET model=excluded.model, migration=excluded.migration,
		anti_migrant=excluded.anti_migrant, counter_speech=excluded.counter_speech, stance=excluded.stance,
		populism=excluded.populism, populist_sentences=excluded.populist_sentences, tone=excluded.tone,
		hate_crime_report=excluded.hate_crime_report, words=excluded.words, populism_matches=excluded.populism_matches,
		sentences=excluded.sentences, populist_sentence_n=excluded.populist_sentence_n,
		migration_sentences=excluded.migration_sentences, migration_tone_sum=excluded.migration_tone_sum,
		evidence=excluded.evidence, scored_at=excluded.scored_at, language=excluded.language`, args...)
	if err != nil {
		return fmt.Errorf("save scores of document %d: %w", docID, Classify(err))
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM sentence_scores WHERE document_id = ?`, docID); err != nil {
		return fmt.Errorf("save sentence scores of document %d: %w", docID, Classify(err))
	}
	if len(sc.SentenceScores) == 0 {
		return nil
	}
	st, err := tx.PrepareContext(ctx, `INSERT INTO sentence_scores(document_id, idx, start, end, migration, anti_migrant,
		counter_speech, stance, tone, hate_crime_report, populism_matches) VALUES (?,?,?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		return fmt.Errorf("save sentence scores of document %d: %w", docID, Classify(err))
	}
	defer st.Close()
	for _, s := range sc.SentenceScores {
		if _, err := st.ExecContext(ctx, docID, s.Index, s.Start, s.End, s.Migration, s.AntiMigrant, s.CounterSpeech,
			s.Stance, s.Tone, s.HateCrime, s.PopulismMatches); err != nil {
			return fmt.Errorf("save sentence %d of document %d: %w", s.Index, docID, Classify(err))
		}
	}
	return nil
}

// DocScores reads back one document's stored scores (with sentence scores
// and evidence; mentions and quotes live in the figures tables), or
// ErrNotFound.
func (db *DB) DocScores(ctx context.Context, docID int64) (*model.Scores, error) {
	var sc model.Scores
	var ev string
	var f [10]sql.NullFloat64
	var n [5]sql.NullInt64
	err := db.R.QueryRowContext(ctx, `SELECT model, migration, anti_migrant, counter_speech, stance, populism,
		populist_sentences, tone, hate_crime_report, words, populism_matches, sentences, populist_sentence_n,
		migration_sentences, migration_tone_sum, evidence, language FROM doc_scores WHERE document_id = ?`, docID).Scan(
		&sc.Model, &f[0], &f[1], &f[2], &f[3], &f[4], &f[5], &f[6], &f[7], &n[0], &n[1], &n[2], &n[3], &n[4], &f[8],
		&ev, &sc.Language)
	if err == sql.ErrNoRows {
		return nil, fmt.Errorf("scores of document %d: %w", docID, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("scores of document %d: %w", docID, Classify(err))
	}
	sc.Excluded = !f[0].Valid // the language gate
	sc.Migration, sc.AntiMigrant, sc.CounterSpeech, sc.Stance = f[0].Float64, f[1].Float64, f[2].Float64, f[3].Float64
	sc.Populism, sc.PopulistSentences, sc.Tone, sc.HateCrimeReport = f[4].Float64, f[5].Float64, f[6].Float64, f[7].Float64
	sc.MigrationToneSum = f[8].Float64
	sc.Words, sc.PopulismMatches, sc.Sentences = int(n[0].Int64), int(n[1].Int64), int(n[2].Int64)
	sc.PopulistSentenceN, sc.MigrationSentences = int(n[3].Int64), int(n[4].Int64)
	sc.ID = fmt.Sprint(docID)
	if err := json.Unmarshal([]byte(ev), &sc.Evidence); err != nil {
		return nil, fmt.Errorf("scores of document %d: evidence: %w", docID, err)
	}
	rows, err := db.R.QueryContext(ctx, `SELECT idx, start, end, migration, anti_migrant, counter_speech, stance, tone,
		hate_crime_report, populism_matches FROM sentence_scores WHERE document_id = ? ORDER BY idx`, docID)
	if err != nil {
		return nil, fmt.Errorf("sentence scores of document %d: %w", docID, Classify(err))
	}
	defer rows.Close()
	for rows.Next() {
		var s model.SentenceScore
		if err := rows.Scan(&s.Index, &s.Start, &s.End, &s.Migration, &s.AntiMigrant, &s.CounterSpeech, &s.Stance,
			&s.Tone, &s.HateCrime, &s.PopulismMatches); err != nil {
			return nil, fmt.Errorf("sentence scores of document %d: %w", docID, Classify(err))
		}
		sc.SentenceScores = append(sc.SentenceScores, s)
	}
	return &sc, rows.Err()
}

// SameText reports, inside tx, whether document docID still holds the text
// with content hash hash. analyze checks it before storing scores computed
// from a text it read earlier: a crawl may have stored a new text meanwhile
// (the document is then left pending for the next analyze).
func SameText(ctx context.Context, tx *sql.Tx, docID int64, hash string) (bool, error) {
	var cur string
	err := tx.QueryRowContext(ctx, `SELECT content_hash FROM documents WHERE id = ?`, docID).Scan(&cur)
	if err == sql.ErrNoRows {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("text of document %d: %w", docID, Classify(err))
	}
	return cur == hash, nil
}
