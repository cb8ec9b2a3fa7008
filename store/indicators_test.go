package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"reflect"
	"testing"
)

// indicatorsTestDB: city Aachen with two sources, documents with scores of
// two models, statements, a crawl run.
func indicatorsTestDB(t *testing.T) *DB {
	t.Helper()
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "i.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	err = db.Tx(ctx, func(tx *sql.Tx) error {
		for _, q := range []string{
			`INSERT INTO cities(id, name) VALUES (1, 'Aachen'), (2, 'Bonn')`,
			`INSERT INTO sources(id, city_id, name, kind) VALUES (1, 1, 'a', 'news'), (2, 1, 'b', 'news'), (3, 2, 'c', 'news')`,
			`INSERT INTO documents(id, url, source_id, title, text, published, fetched_at, content_hash) VALUES
			 (1, 'u1', 1, 'one', 'Migrants are welcome. The corrupt elite lies.', '2026-01-05T00:00:00Z', '2026-02-01T00:00:00Z', 'h1'),
			 (2, 'u2', 2, 'two', 'Text two.', '', '2026-01-20T00:00:00Z', 'h2'),
			 (3, 'u3', 1, 'three', 'Text three.', '2026-02-01T00:00:00Z', '2026-02-02T00:00:00Z', 'h3'),
			 (4, 'u4', 3, 'four', 'Text four.', '2025-12-31T23:59:59Z', '2026-01-02T00:00:00Z', 'h4'),
			 (5, 'u5', 1, 'five', 'Text five.', '2026-01-09T00:00:00Z', '2026-01-10T00:00:00Z', 'h5')`,
			`INSERT INTO doc_scores(document_id, model, migration, anti_migrant, counter_speech, stance, populism, populist_sentences, tone, hate_crime_report, words, populism_matches, sentences, populist_sentence_n, migration_sentences, migration_tone_sum, evidence, scored_at) VALUES
			 (1, 'new', 0.9, 0.2, 0.7, 0.4, 0, 0, 0, 0.6, 4000000000, 3, 2, 1, 1, 0.5, '[{"score":"counter_speech","start":13,"end":20,"text":"welcome","weight":1},{"score":"populism","start":26,"end":37,"text":"corrupt eli","weight":1}]', '2026-03-01T00:00:00Z'),
			 (2, 'new', 0.4, 0.9, 0.0, 0.0, 0, 0, 0, 0.0, 10, 0, 1, 0, 0, 0, '[]', '2026-03-01T00:00:00Z'),
			 (3, 'old', 0.9, 0.9, 0.9, 0.9, 0, 0, 0, 0.9, 10, 1, 1, 1, 1, 1, '[]', '2026-02-15T00:00:00Z'),
			 (4, 'new', 0.5, 0.5, 0.5, -1, 0, 0, 0, 0.5, 7, 1, 3000000, 1, 2, -1, '[]', '2026-02-20T00:00:00Z')`,
			`INSERT INTO sentence_scores(document_id, idx, start, end, migration, anti_migrant, counter_speech, stance, tone, hate_crime_report, populism_matches) VALUES
			 (1, 0, 0, 21, 0.9, 0.1, 0.8, 0.5, 0.6, 0, 0), (1, 1, 22, 45, 0.1, 0.3, 0.0, 0, -0.5, 0, 1), (2, 0, 0, 9, 0.6, 0.7, 0.1, 0, -0.2, 0, 0)`,
			`INSERT INTO figures(id, city_id, name, role, registered) VALUES (1, 1, 'Mayor Ada', 'Mayor', 1), (2, 1, 'Bo', '', 1)`,
			`INSERT INTO statements(document_id, figure_id, city_id, month, speaker, start, end, text, kind, counter_speech, anti_migrant, migration, model) VALUES
			 (1, 1, 1, '2026-01', 'Ada', 0, 21, 'Migrants are welcome.', 'direct', 0.9, 0.0, 1, 'f'),
			 (1, 2, 1, '2026-01', 'Bo', 0, 5, 'Go home.', 'direct', 0.0, 0.95, 1, 'f'),
			 (5, 2, 1, '2026-01', 'Bo', 0, 5, 'Hmm.', 'direct', 0.1, 0.6, 1, 'f'),
			 (2, 1, 1, '2026-01', 'Ada', 0, 5, 'Also.', 'direct', 0.2, 0.2, 1, 'f')`,
			`INSERT INTO crawl_runs(id, started_at) VALUES (1, '2026-01-15T00:00:00Z'), (2, '2026-02-15T00:00:00Z')`,
			`INSERT INTO crawl_run_sources(run_id, source_id, fetched, new_docs, errors) VALUES (1, 1, 10, 3, 2), (1, 2, 5, 1, 1), (2, 1, 4, 1, 0), (1, 3, 1, 1, 7)`,
		} {
			if _, err := tx.Exec(q); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func TestScoreModel(t *testing.T) {
	t.Parallel()
	db := indicatorsTestDB(t)
	m, err := db.ScoreModel(context.Background())
	if err != nil || m != "new" {
		t.Errorf("ScoreModel = %q, %v; want new (latest scored_at)", m, err)
	}
	counts, err := db.ScoreModelCounts(context.Background())
	if err != nil || !reflect.DeepEqual(counts, map[string]int{"new": 3, "old": 1}) {
		t.Errorf("counts %v %v", counts, err)
	}
	empty, _ := Open(context.Background(), filepath.Join(t.TempDir(), "e.db"))
	defer empty.Close()
	if m, err := empty.ScoreModel(context.Background()); m != "" || err != nil {
		t.Errorf("empty db: %q %v", m, err)
	}
}

func TestStreamDocRows(t *testing.T) {
	t.Parallel()
	db := indicatorsTestDB(t)
	type row struct {
		DocRow
		vals []float64
		figs [][]int64
	}
	var got []row
	cols := []string{"migration", "anti_migrant", "words", "sentences", "migration_tone_sum"}
	err := db.StreamDocRows(context.Background(), MonthFilter{}, "new", cols, []string{"counter_speech", "anti_migrant"}, 0.5, func(d *DocRow) error {
		r := row{DocRow: *d, vals: append([]float64(nil), d.Values...)}
		for _, f := range d.Figures {
			r.figs = append(r.figs, append([]int64{}, f...))
		}
		got = append(got, r)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, d := range got {
		order = append(order, d.City+" "+d.Month)
	}
	// Ordered by city, month, id; document 2 has no date: month of fetched_at.
	if want := []string{"Aachen 2026-01", "Aachen 2026-01", "Aachen 2026-01", "Aachen 2026-02", "Bonn 2025-12"}; !reflect.DeepEqual(order, want) {
		t.Fatalf("order %v, want %v", order, want)
	}
	d1, d2, d5, d3, d4 := got[0], got[1], got[2], got[3], got[4]
	if !d1.Scored || d1.Stale || d1.Excluded || d1.Fallback || !reflect.DeepEqual(d1.vals, []float64{0.9, 0.2, 4000000000, 2, 0.5}) {
		t.Errorf("d1 %+v", d1)
	}
	if !reflect.DeepEqual(d1.figs, [][]int64{{1}, {2}}) {
		t.Errorf("d1 figures %v", d1.figs)
	}
	if !d2.Fallback || !d2.Scored || !reflect.DeepEqual(d2.figs, [][]int64{{}, {}}) {
		t.Errorf("d2 %+v", d2)
	}
	if d5.Scored || d5.Stale || !reflect.DeepEqual(d5.figs, [][]int64{{}, {2}}) || !reflect.DeepEqual(d5.vals, []float64{0, 0, 0, 0, 0}) {
		t.Errorf("d5 (unscored, hostile statement) %+v", d5)
	}
	if d3.Scored || !d3.Stale || d3.vals[2] != 0 {
		t.Errorf("d3 (old model) %+v", d3)
	}
	if d4.vals[3] != 3000000 || d4.SourceID != 3 {
		t.Errorf("d4 %+v", d4)
	}
	n := 0
	if err := db.StreamDocRows(context.Background(), MonthFilter{From: "2026-01", To: "2026-01", Cities: []string{"Aachen"}}, "new", nil, nil, 0.5,
		func(d *DocRow) error { n++; return nil }); err != nil || n != 3 {
		t.Errorf("filtered stream: %d rows, %v", n, err)
	}
	// Names go into SQL: only columns of the tables are accepted.
	for _, c := range [][2][]string{{{"migration; DROP TABLE documents"}, nil}, {nil, {"bogus"}}} {
		if err := db.StreamDocRows(context.Background(), MonthFilter{}, "new", c[0], c[1], 0.5, func(*DocRow) error { return nil }); err == nil {
			t.Errorf("columns %v %v accepted", c[0], c[1])
		}
	}
}

func TestCoverageAndFigureQueries(t *testing.T) {
	t.Parallel()
	db := indicatorsTestDB(t)
	ctx := context.Background()
	cov, err := db.CrawlCoverage(ctx, MonthFilter{Cities: []string{"Aachen"}})
	if err != nil {
		t.Fatal(err)
	}
	want := []CrawlCoverage{{"Aachen", "2026-01", 2, 15, 3}, {"Aachen", "2026-02", 1, 4, 0}}
	if !reflect.DeepEqual(cov, want) {
		t.Errorf("crawl coverage %+v, want %+v", cov, want)
	}
	fm, err := db.FigureMonths(ctx, MonthFilter{}, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	if len(fm) != 2 || fm[0].Figure != "Bo" || fm[0].Hostile != 2 || fm[0].Statements != 2 || fm[1].Figure != "Mayor Ada" || fm[1].Counter != 1 || fm[1].Statements != 2 {
		t.Errorf("figure months %+v", fm)
	}
	fq, err := db.FigureQuotes(ctx, MonthFilter{}, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	if len(fq) != 2 || fq[0].Figure != "Bo" || fq[0].Quote != "Go home." || fq[0].Kind != "anti_migrant" || fq[0].URL != "u1" || fq[0].Hostile != 2 ||
		fq[1].Figure != "Mayor Ada" || fq[1].Quote != "Migrants are welcome." || fq[1].Kind != "counter_speech" || fq[1].Role != "Mayor" {
		t.Errorf("figure quotes %+v", fq)
	}
	// Examples come from the documents the indicator counts: counter-speech
	// among migration documents (document 2, migration 0.4, is not one).
	ex, err := db.ExampleSentences(ctx, MonthFilter{}, "new", "counter_speech", 0.5, 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(ex) != 1 || ex[0].Text != "Migrants are welcome." || ex[0].Score != 0.8 || len(ex[0].Evidence) != 1 || ex[0].Evidence[0].Text != "welcome" ||
		ex[0].Month != "2026-01" || ex[0].DocumentID != 1 {
		t.Errorf("examples %+v", ex)
	}
	ex, err = db.ExampleSentences(ctx, MonthFilter{}, "new", "populism", 0.5, 5)
	if err != nil || len(ex) != 1 || ex[0].Text != "The corrupt elite lies." || len(ex[0].Evidence) != 1 {
		t.Errorf("populism examples %+v %v", ex, err)
	}
	if _, err := db.ExampleSentences(ctx, MonthFilter{}, "new", "bogus", 0.5, 5); err == nil {
		t.Error("unknown score accepted")
	}
	runs, err := db.RecentCrawlRuns(ctx, 1)
	if err != nil || len(runs) != 1 || runs[0].StartedAt != "2026-02-15T00:00:00Z" || runs[0].Status != "running" {
		t.Errorf("recent crawl runs %+v %v", runs, err)
	}
	if f, err := db.LatestFetched(ctx); err != nil || f != "2026-02-02T00:00:00Z" {
		t.Errorf("latest fetched %q %v", f, err)
	}
}
