package analyze

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/xenoscope/xenoscope/model"
	"github.com/xenoscope/xenoscope/store"
	"github.com/xenoscope/xenoscope/store/storetest"
)

func seedDB(t *testing.T, n int) (*store.DB, string) {
	t.Helper()
	f := storetest.New(t)
	texts := []string{
		"The council welcomed 40 refugee families this month. Volunteers helped them settle in.",
		"These migrants are vermin and parasites, send them all back! The corrupt elite betrayed us.",
		"The new library opens on Monday. The mayor cut the ribbon.",
		"",
	}
	docs := make([]storetest.Doc, n)
	for i := range docs {
		docs[i] = storetest.Doc{City: "Leeds", Source: "post", URL: fmt.Sprintf("https://news.test/%d", i),
			Text: texts[i%len(texts)], FetchedAt: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)}
	}
	f.Docs(docs...)
	return f.DB, f.Path
}

func countRows(t *testing.T, db *store.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := db.R.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestAnalyzeDBIncrementalResumableRescores(t *testing.T) {
	ctx := context.Background()
	db, _ := seedDB(t, 150)
	defer db.Close()
	s := newTestScorer(t)

	// Interrupted run: AfterScore fails in the third batch; two batches of
	// 20 are committed, the failing one is rolled back entirely.
	calls := 0
	boom := errors.New("boom")
	st, err := AnalyzeDB(ctx, db, s, AnalyzeOptions{Workers: 3, BatchSize: 20, AfterScore: func(tx *sql.Tx, d model.Document, sc *model.Scores) error {
		calls++
		if calls > 45 {
			return boom
		}
		return nil
	}})
	if !errors.Is(err, boom) {
		t.Fatalf("want the AfterScore error, got %v", err)
	}
	if st.Scored != 40 || countRows(t, db, `SELECT count(*) FROM doc_scores`) != 40 {
		t.Fatalf("after interruption: stats %d, rows %d, want 40", st.Scored, countRows(t, db, `SELECT count(*) FROM doc_scores`))
	}
	// Resume: the rest is scored, nothing doubled.
	st, err = AnalyzeDB(ctx, db, s, AnalyzeOptions{Workers: 2, BatchSize: 16})
	if err != nil {
		t.Fatal(err)
	}
	if st.Pending != 110 || st.Scored != 110 {
		t.Fatalf("resume: pending %d scored %d, want 110", st.Pending, st.Scored)
	}
	if n := countRows(t, db, `SELECT count(*) FROM doc_scores WHERE model = ?`, s.Version()); n != 150 {
		t.Fatalf("%d doc_scores rows, want 150", n)
	}
	if a, b := countRows(t, db, `SELECT count(*) FROM sentence_scores`), countRows(t, db, `SELECT sum(sentences) FROM doc_scores`); a != b || a == 0 {
		t.Fatalf("sentence_scores %d rows, doc_scores says %d sentences", a, b)
	}
	// Nothing left: a rerun scores nothing.
	if st, err = AnalyzeDB(ctx, db, s, AnalyzeOptions{}); err != nil || st.Scored != 0 {
		t.Fatalf("rerun scored %d (%v)", st.Scored, err)
	}
	// Stored values match Score; the hostile text is flagged.
	got, err := db.DocScores(ctx, 2)
	if err != nil {
		t.Fatal(err)
	}
	want := s.Score("2", "These migrants are vermin and parasites, send them all back! The corrupt elite betrayed us.", model.TextContext{})
	if got.AntiMigrant != want.AntiMigrant || got.AntiMigrant < 0.5 || got.PopulismMatches != 3 || len(got.SentenceScores) != 2 || len(got.Evidence) != len(want.Evidence) {
		t.Fatalf("stored %+v\nwant %+v", got, want)
	}
	// A new model version rescores everything, replacing rows.
	m := *s.Model(TaskTone)
	m.Bias += 0.01
	s2, err := New(WithModel(TaskTone, &m))
	if err != nil {
		t.Fatal(err)
	}
	if st, err = AnalyzeDB(ctx, db, s2, AnalyzeOptions{BatchSize: 50}); err != nil || st.Scored != 150 {
		t.Fatalf("new version scored %d (%v), want 150", st.Scored, err)
	}
	if n := countRows(t, db, `SELECT count(*) FROM doc_scores WHERE model = ?`, s2.Version()); n != 150 {
		t.Fatalf("%d rows of the new version", n)
	}
	if a, b := countRows(t, db, `SELECT count(*) FROM sentence_scores`), countRows(t, db, `SELECT sum(sentences) FROM doc_scores`); a != b {
		t.Fatalf("after rescoring: sentence_scores %d rows, doc_scores says %d", a, b)
	}
}
