package reports

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xenoscope/xenoscope/store"
)

// The report benchmark database: 1M scored documents of 10 sentences each
// (10M sentence_scores rows, evidence on every document), 10 cities x 3
// sources, 36 months (2024-01..2026-12), one document in 40 with an
// attributed statement. Generated once per test process inside SQLite (a
// recursive CTE with an integer hash as the pseudo-random source, so it is
// the same every time) and removed in TestMain.
//
//	go test ./reports/ -run '^$' -bench Report -benchtime 1x
var (
	reportBenchDocs = flag.Int("bench-docs", 1_000_000, "documents in the report benchmark database")
	reportBenchPath = flag.String("bench-db", "", "keep the report benchmark database at this path (generated when missing, reused when present)")
)

var (
	rbOnce sync.Once
	rbDir  string
	rbPath string
	rbErr  error
)

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if rbDir != "" {
		os.RemoveAll(rbDir)
	}
	os.Exit(code)
}

func reportBenchDB(b *testing.B) *store.DB {
	b.Helper()
	rbOnce.Do(func() {
		if rbPath = *reportBenchPath; rbPath != "" {
			if _, err := os.Stat(rbPath); err == nil {
				return
			}
		} else {
			rbDir, rbErr = os.MkdirTemp("", "xenoscope-report-bench-")
			if rbErr != nil {
				return
			}
			rbPath = filepath.Join(rbDir, "bench.db")
		}
		start := time.Now()
		rbErr = generateReportBenchDB(context.Background(), rbPath, *reportBenchDocs)
		b.Logf("generated %d synthetic documents in %v", *reportBenchDocs, time.Since(start).Round(time.Millisecond))
	})
	if rbErr != nil {
		b.Fatal(rbErr)
	}
	db, err := store.Open(context.Background(), rbPath)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}

func generateReportBenchDB(ctx context.Context, path string, n int) error {
	db, err := store.Open(ctx, path)
	if err != nil {
		return err
	}
	defer db.Close()
	// h(i, k) is a deterministic pseudo-random integer in [0, 1000).
	const h = `((((%s) * 2654435761 + %d * 40503) %% 1000003) %% 1000)`
	r := func(k int) string { return fmt.Sprintf(h, "i", k) }
	sentences := []string{
		"The council met on Tuesday to discuss the budget for the coming year.",
		"Residents said the new arrivals from abroad were welcome in the town.",
		"Police reported racist graffiti on the wall of the community centre.",
		"The mayor promised more money for schools and the library.",
		"A local group collected winter clothes for refugee families.",
		"Some speakers claimed the town could not take in more people.",
		"The bus company will change its timetable in the spring.",
		"Volunteers taught evening language classes at the town hall.",
		"A councillor said the elite in the capital ignored ordinary people.",
		"The football club opened its training sessions to newcomers.",
	}
	text := ""
	var spans []string // (j, start, end) of each sentence
	for j, st := range sentences {
		if j > 0 {
			text += " "
		}
		spans = append(spans, fmt.Sprintf("(%d, %d, %d)", j, len(text), len(text)+len(st)))
		text += st
	}
	at := func(phrase string) (int, int) {
		i := strings.Index(text, phrase)
		return i, i + len(phrase)
	}
	w0, w1 := at("welcome")
	r0, r1 := at("racist graffiti")
	ev := fmt.Sprintf(`[{"score":"counter_speech","start":%d,"end":%d,"text":"welcome","weight":1},{"score":"hate_crime_report","start":%d,"end":%d,"text":"racist graffiti","weight":1}]`,
		w0, w1, r0, r1)
	return db.Tx(ctx, func(tx *sql.Tx) error {
		stmts := []string{
			`WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i < 10)
			 INSERT INTO cities(id, name) SELECT i, 'City ' || char(64 + i) FROM c`,
			`WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i+1 FROM c WHERE i < 29)
			 INSERT INTO sources(id, city_id, name, kind) SELECT i+1, i/3 + 1, 'source ' || i, 'news' FROM c`,
			`INSERT INTO crawl_runs(started_at, finished_at, status, fetched, new_docs, errors) VALUES ('2026-12-02T03:00:00Z', '2026-12-02T04:00:00Z', 'done', 1000, 900, 3)`,
			// Document i: city i%10, source (i/10)%3 of it, month (i/30)%36.
			// The text varies by a number so that documents differ.
			fmt.Sprintf(`WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i+1 FROM c WHERE i < %d)
			 INSERT INTO documents(id, url, source_id, title, text, published, fetched_at, content_hash, words)
			 SELECT i+1, 'https://bench.example/' || i, (i %% 10)*3 + (i/10)%%3 + 1, 'Story ' || i, '%s',
			        CASE WHEN %s < 50 THEN '' ELSE printf('%%04d-%%02d-%%02dT12:00:00Z', 2024 + ((i/30)%%36)/12, ((i/30)%%36)%%12 + 1, 1 + %s %% 28) END,
			        printf('%%04d-%%02d-28T00:00:00Z', 2024 + ((i/30)%%36)/12, ((i/30)%%36)%%12 + 1),
			        'h' || i, 200 + %s
			 FROM c`, n-1, text, r(1), r(2), r(3)),
			fmt.Sprintf(`WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i+1 FROM c WHERE i < %d)
			 INSERT INTO doc_scores(document_id, model, migration, anti_migrant, counter_speech, stance, populism,
			        populist_sentences, tone, hate_crime_report, words, populism_matches, sentences, populist_sentence_n,
			        migration_sentences, migration_tone_sum, evidence, scored_at)
			 SELECT i+1, 'bench-v1', %s/1000.0, %s/1000.0, %s/1000.0, %s/500.0 - 1, 0, 0, 0,
			        (%s/1000.0) * (%s/1000.0), 200 + %s, %s %% 12, 10, %s %% 6, %s %% 8, (%s %% 8) * (%s/500.0 - 1),
			        '%s', '2026-12-20T00:00:00Z'
			 FROM c`, n-1, r(4), r(5), r(6), r(7), r(8), r(9), r(3), r(10), r(12), r(13), r(13), r(14), ev),
			fmt.Sprintf(`WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i+1 FROM c WHERE i < %d),
			      k(j, s, e) AS (VALUES %s)
			 INSERT INTO sentence_scores(document_id, idx, start, end, migration, anti_migrant, counter_speech, stance, tone, hate_crime_report, populism_matches)
			 SELECT i+1, j, s, e, ((%s + 97*j) %% 1000)/1000.0, ((%s + 131*j) %% 1000)/1000.0, ((%s + 71*j) %% 1000)/1000.0,
			        ((%s + 13*j) %% 1000)/500.0 - 1, ((%s + 29*j) %% 1000)/500.0 - 1, ((%s + 53*j) %% 1000)/1000.0 * 0.5, (%s + j) %% 3
			 FROM c, k`, n-1, strings.Join(spans, ", "), r(4), r(5), r(6), r(7), r(14), r(8), r(10)),
			`WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i < 200)
			 INSERT INTO figures(id, city_id, name) SELECT i, (i-1)/20 + 1, 'Figure ' || i FROM c`,
			fmt.Sprintf(`INSERT INTO statements(document_id, figure_id, city_id, month, speaker, start, end, text, kind, counter_speech, anti_migrant, model)
			 SELECT d.id, (so.city_id - 1)*20 + 1 + (d.id %% 20), so.city_id, substr(d.fetched_at, 1, 7), 'x', 0, 10, 'We stand together ' || d.id, 'direct',
			        ((d.id * 7919) %% 1000)/1000.0, ((d.id * 104729) %% 1000)/1000.0, 'f'
			 FROM documents d JOIN sources so ON so.id = d.source_id
			 WHERE d.id %% 40 = 0 AND d.id <= %d`, n),
		}
		for _, s := range stmts {
			if _, err := tx.ExecContext(ctx, s); err != nil {
				return fmt.Errorf("generate report benchmark db: %w\n%s", err, s)
			}
		}
		return nil
	})
}

// BenchmarkReport is `xenoscope report` on the 1M-document database: the
// indicators (1,000 resamples), every chart, the example sentences, the
// figures and coverage tables, the CSV files and index.html.
func BenchmarkReport(b *testing.B) {
	db := reportBenchDB(b)
	ctx := context.Background()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		out := b.TempDir()
		b.StartTimer()
		if err := Write(ctx, db, out, Options{Seed: 1, From: "2024-01", To: "2026-12"}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
}
