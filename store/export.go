package store

// Queries behind `xenoscope export`, `explain` and `sample`: documents
// with their stored scores, for researchers who work outside the report.

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/xenoscope/xenoscope/model"
)

// DocScoreNames are the per-document scores of doc_scores, by column name,
// in the order export writes them.
var DocScoreNames = []string{"migration", "anti_migrant", "counter_speech", "stance", "populism",
	"populist_sentences", "tone", "hate_crime_report"}

// ScoredDocument is a document with its doc_scores row.
type ScoredDocument struct {
	model.Document
	// Model is the model version of the scores, "" when the document has
	// no doc_scores row.
	Model    string
	ScoredAt string
	// Scores holds the scores in DocScoreNames order; NaN where a score is
	// NULL, nil when the document is not scored.
	Scores []float64
}

// EachScoredDocument streams the documents matching f with their scores, in
// id order, like EachDocument (fn must not keep d).
func (db *DB) EachScoredDocument(ctx context.Context, f DocumentFilter, fn func(d *ScoredDocument) error) error {
	var sd ScoredDocument
	var mdl, at sql.NullString
	vals := make([]sql.NullFloat64, len(DocScoreNames))
	extra := []any{&mdl, &at}
	cols := ", ds.model, ds.scored_at"
	for i, n := range DocScoreNames {
		cols += ", ds." + n
		extra = append(extra, &vals[i])
	}
	scores := make([]float64, len(DocScoreNames))
	return db.eachDocument(ctx, f, cols, " LEFT JOIN doc_scores ds ON ds.document_id = d.id", extra, func(d *model.Document) error {
		sd = ScoredDocument{Document: *d, Model: mdl.String, ScoredAt: at.String}
		if mdl.Valid {
			for i, v := range vals {
				scores[i] = nan
				if v.Valid {
					scores[i] = v.Float64
				}
			}
			sd.Scores = scores
		}
		return fn(&sd)
	})
}

// ScoredDocumentByID returns one document with its scores, or ErrNotFound.
func (db *DB) ScoredDocumentByID(ctx context.Context, id int64) (*ScoredDocument, error) {
	return byID(id, func(fn func(*ScoredDocument) error) error {
		return db.EachScoredDocument(ctx, DocumentFilter{IDs: []int64{id}}, fn)
	}, func(d *ScoredDocument) *ScoredDocument {
		c := *d
		c.Scores = append([]float64(nil), d.Scores...)
		return &c
	})
}

// DocScoreColumns returns the named doc_scores columns of a document (names
// are checked against the schema), or ErrNotFound when it has no row.
func (db *DB) DocScoreColumns(ctx context.Context, id int64, names []string) (map[string]float64, error) {
	if err := db.checkColumns(ctx, "doc_scores", names); err != nil {
		return nil, fmt.Errorf("scores of document %d: %w", id, err)
	}
	if len(names) == 0 {
		return map[string]float64{}, nil
	}
	vals := make([]sql.NullFloat64, len(names))
	dest := make([]any, len(names))
	for i := range vals {
		dest[i] = &vals[i]
	}
	err := db.R.QueryRowContext(ctx, `SELECT `+strings.Join(names, ", ")+` FROM doc_scores WHERE document_id = ?`, id).Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("scores of document %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("scores of document %d: %w", id, Classify(err))
	}
	out := map[string]float64{}
	for i, n := range names {
		out[n] = vals[i].Float64
	}
	return out, nil
}

// DocumentStatement is an attributed statement of one document, for
// explain.
type DocumentStatement struct {
	Figure        string  `json:"figure"`
	Speaker       string  `json:"speaker"` // as written in the text
	Kind          string  `json:"kind"`    // direct | indirect | source
	Start         int     `json:"start"`
	End           int     `json:"end"`
	Text          string  `json:"text"`
	CounterSpeech float64 `json:"counter_speech"`
	AntiMigrant   float64 `json:"anti_migrant"`
}

// DocumentStatements returns the attributed statements stored for a
// document, in text order.
func (db *DB) DocumentStatements(ctx context.Context, id int64) ([]DocumentStatement, error) {
	rows, err := db.R.QueryContext(ctx, `SELECT fi.name, st.speaker, st.kind, st.start, st.end, st.text, st.counter_speech, st.anti_migrant
		FROM statements st JOIN figures fi ON fi.id = st.figure_id WHERE st.document_id = ? ORDER BY st.start, st.id`, id)
	if err != nil {
		return nil, fmt.Errorf("statements of document %d: %w", id, Classify(err))
	}
	defer rows.Close()
	var out []DocumentStatement
	for rows.Next() {
		var s DocumentStatement
		if err := rows.Scan(&s.Figure, &s.Speaker, &s.Kind, &s.Start, &s.End, &s.Text, &s.CounterSpeech, &s.AntiMigrant); err != nil {
			return nil, fmt.Errorf("statements of document %d: %w", id, Classify(err))
		}
		out = append(out, s)
	}
	return out, Classify(rows.Err())
}

// SampleCandidate is one scored document in the population of a labelling
// sample.
type SampleCandidate struct {
	ID    int64
	City  string
	Score float64
}

// EachSampleCandidate streams (id, city, score) of every document scored by
// scoreModel whose score is not NULL, in id order. score is a name of
// DocScoreNames; gate, when not "", is another such name whose value must be
// >= threshold (e.g. anti_migrant among migration documents).
func (db *DB) EachSampleCandidate(ctx context.Context, scoreModel, score, gate string, threshold float64, cities []string, fn func(SampleCandidate) error) error {
	for _, n := range []string{score, gate} {
		if n != "" && !knownScore(n) {
			return fmt.Errorf("sample candidates: unknown score %q (want one of %s)", n, strings.Join(DocScoreNames, ", "))
		}
	}
	where := "ds.model = ? AND ds." + score + " IS NOT NULL"
	args := []any{scoreModel}
	if gate != "" {
		where += " AND ds." + gate + " >= ?"
		args = append(args, threshold)
	}
	if len(cities) > 0 {
		where += " AND c.name IN (SELECT value FROM json_each(?))"
		args = append(args, jsonText(cities))
	}
	rows, err := db.R.QueryContext(ctx, `SELECT d.id, c.name, ds.`+score+` FROM doc_scores ds
		JOIN documents d ON d.id = ds.document_id JOIN sources s ON s.id = d.source_id JOIN cities c ON c.id = s.city_id
		WHERE `+where+` ORDER BY d.id`, args...)
	if err != nil {
		return fmt.Errorf("sample candidates: %w", Classify(err))
	}
	defer rows.Close()
	for rows.Next() {
		var c SampleCandidate
		if err := rows.Scan(&c.ID, &c.City, &c.Score); err != nil {
			return fmt.Errorf("sample candidates: %w", Classify(err))
		}
		if err := fn(c); err != nil {
			return err
		}
	}
	return Classify(rows.Err())
}

func knownScore(name string) bool { return slices.Contains(DocScoreNames, name) }

var nan = math.NaN()

// jsonText encodes v as JSON text, for json_each(?) arguments.
func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
