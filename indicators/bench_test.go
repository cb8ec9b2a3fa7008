package indicators

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/xenoscope/xenoscope/store"
)

// The benchmark database: 1M scored documents, 10 cities x 3 sources,
// 36 months (2024-01..2026-12), one document in 40 with an attributed
// statement. Generated once per test process inside SQLite (a recursive CTE
// with an integer hash as the pseudo-random source, so it is the same every
// time) and removed in TestMain.
const benchDocs = 1_000_000

var benchDocsFlag = flag.Int("bench-docs", benchDocs, "documents in the benchmark database")

var (
	benchOnce sync.Once
	benchDir  string
	benchPath string
	benchErr  error
)

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

func benchDB(b *testing.B) *store.DB {
	b.Helper()
	benchOnce.Do(func() {
		benchDir, benchErr = os.MkdirTemp("", "xenoscope-indicators-bench-")
		if benchErr != nil {
			return
		}
		benchPath = filepath.Join(benchDir, "bench.db")
		start := time.Now()
		benchErr = generateBenchDB(context.Background(), benchPath, *benchDocsFlag)
		b.Logf("generated %d synthetic documents in %v", *benchDocsFlag, time.Since(start).Round(time.Millisecond))
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	db, err := store.Open(context.Background(), benchPath)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}

func generateBenchDB(ctx context.Context, path string, n int) error {
	db, err := store.Open(ctx, path)
	if err != nil {
		return err
	}
	defer db.Close()
	// h(i, k) is a deterministic pseudo-random integer in [0, 1000).
	const h = `((((%s) * 2654435761 + %d * 40503) %% 1000003) %% 1000)`
	r := func(k int) string { return fmt.Sprintf(h, "i", k) }
	return db.Tx(ctx, func(tx *sql.Tx) error {
		stmts := []string{
			`WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i < 10)
			 INSERT INTO cities(id, name) SELECT i, 'City ' || char(64 + i) FROM c`,
			`WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i+1 FROM c WHERE i < 29)
			 INSERT INTO sources(id, city_id, name, kind) SELECT i+1, i/3 + 1, 'source ' || i, 'news' FROM c`,
			// Document i: city i%10, source (i/10)%3 of it, month (i/30)%36.
			fmt.Sprintf(`WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i+1 FROM c WHERE i < %d)
			 INSERT INTO documents(id, url, source_id, published, fetched_at, content_hash, words)
			 SELECT i+1, 'https://bench.example/' || i, (i %% 10)*3 + (i/10)%%3 + 1,
			        CASE WHEN %s < 50 THEN '' ELSE printf('%%04d-%%02d-%%02dT12:00:00Z', 2024 + ((i/30)%%36)/12, ((i/30)%%36)%%12 + 1, 1 + %s %% 28) END,
			        printf('%%04d-%%02d-28T00:00:00Z', 2024 + ((i/30)%%36)/12, ((i/30)%%36)%%12 + 1),
			        'h' || i, 200 + %s
			 FROM c`, n-1, r(1), r(2), r(3)),
			fmt.Sprintf(`WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i+1 FROM c WHERE i < %d)
			 INSERT INTO doc_scores(document_id, model, migration, anti_migrant, counter_speech, stance, populism,
			        populist_sentences, tone, hate_crime_report, words, populism_matches, sentences, populist_sentence_n,
			        migration_sentences, migration_tone_sum, scored_at)
			 SELECT i+1, 'bench-v1', %s/1000.0, %s/1000.0, %s/1000.0, %s/500.0 - 1, 0, 0, 0,
			        (%s/1000.0) * (%s/1000.0), 200 + %s, %s %% 12, 10 + %s %% 30, %s %% 6, %s %% 8, (%s %% 8) * (%s/500.0 - 1),
			        '2026-11-01T00:00:00Z'
			 FROM c`, n-1, r(4), r(5), r(6), r(7), r(8), r(9), r(3), r(10), r(11), r(12), r(13), r(13), r(14)),
			`WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i < 200)
			 INSERT INTO figures(id, city_id, name, registered) SELECT i, (i-1)/20 + 1, 'Figure ' || i, 1 FROM c`,
			fmt.Sprintf(`INSERT INTO statements(document_id, figure_id, city_id, month, speaker, start, end, text, kind, counter_speech, anti_migrant, model)
			 SELECT d.id, (so.city_id - 1)*20 + 1 + (d.id %% 20), so.city_id, '', 'x', 0, 0, 'q', 'direct',
			        ((d.id * 7919) %% 1000)/1000.0, ((d.id * 104729) %% 1000)/1000.0, 'f'
			 FROM documents d JOIN sources so ON so.id = d.source_id
			 WHERE d.id %% 40 = 0 AND d.id <= %d`, n),
		}
		for _, s := range stmts {
			if _, err := tx.ExecContext(ctx, s); err != nil {
				return fmt.Errorf("generate benchmark db: %w\n%s", err, s)
			}
		}
		return nil
	})
}

// BenchmarkCompute is the full computation: every indicator with 1,000
// bootstrap resamples, for 1M documents x 10 cities x 36 months.
func BenchmarkCompute(b *testing.B) {
	db := benchDB(b)
	ctx := context.Background()
	b.ResetTimer()
	var peak uint64
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		done := make(chan struct{})
		var wg sync.WaitGroup
		wg.Add(1)
		go func() { // sample the heap: flat memory means it does not grow with the db
			defer wg.Done()
			var ms runtime.MemStats
			for {
				runtime.ReadMemStats(&ms)
				if ms.HeapInuse > peak {
					peak = ms.HeapInuse
				}
				select {
				case <-done:
					return
				case <-time.After(100 * time.Millisecond):
				}
			}
		}()
		res, err := Compute(ctx, db, Query{Seed: 1})
		close(done)
		wg.Wait()
		if err != nil {
			b.Fatal(err)
		}
		if res.Documents != *benchDocsFlag || len(res.Cities) != 10 || len(res.Months) != 36 {
			b.Fatalf("documents %d cities %d months %d", res.Documents, len(res.Cities), len(res.Months))
		}
	}
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(*benchDocsFlag)*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkStreamOnly is the baseline: the same SQL stream with nothing
// computed, to show what share of Compute is the bootstrap.
func BenchmarkStreamOnly(b *testing.B) {
	db := benchDB(b)
	ctx := context.Background()
	model, err := db.ScoreModel(ctx)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		n := 0
		p, err := compile(Definitions)
		if err != nil {
			b.Fatal(err)
		}
		if err := db.StreamDocRows(ctx, store.MonthFilter{}, model, p.columns, p.statements, Threshold, func(d *store.DocRow) error { n++; return nil }); err != nil {
			b.Fatal(err)
		}
		if n != *benchDocsFlag {
			b.Fatalf("streamed %d", n)
		}
	}
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(*benchDocsFlag)*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// benchBatch builds one in-memory city-month of n documents like the
// benchmark database's (no SQL).
func benchBatch(n int) *batch {
	p, err := compile(Definitions)
	if err != nil {
		panic(err)
	}
	b := &batch{p: p}
	b.reset("City A", "2026-01")
	d := store.DocRow{City: "City A", Month: "2026-01", Scored: true, Values: make([]float64, len(p.columns)), Figures: make([][]int64, len(p.figs))}
	col := func(name string, v float64) {
		for i, c := range p.columns {
			if c == name {
				d.Values[i] = v
			}
		}
	}
	for i := 0; i < n; i++ {
		h := func(k int) int { return ((i*2654435761 + k*40503) % 1000003) % 1000 }
		d.SourceID = int64(i % 3)
		col("migration", float64(h(4))/1000)
		col("anti_migrant", float64(h(5))/1000)
		col("counter_speech", float64(h(6))/1000)
		col("stance", float64(h(7))/500-1)
		col("hate_crime_report", float64(h(8))*float64(h(9))/1e6)
		col("words", float64(200+h(3)))
		col("populism_matches", float64(h(10)%12))
		col("sentences", float64(10+h(11)%30))
		col("populist_sentence_n", float64(h(12)%6))
		col("migration_sentences", float64(h(13)%8))
		col("migration_tone_sum", float64(h(13)%8)*(float64(h(14))/500-1))
		for f := range d.Figures {
			d.Figures[f] = d.Figures[f][:0]
		}
		if i%40 == 0 {
			d.Figures[0] = append(d.Figures[0], int64(i%20))
			d.Figures[1] = append(d.Figures[1], int64(i%7))
		}
		b.add(&d)
	}
	b.finish()
	return b
}

// BenchmarkBootstrap is the bootstrap alone on one city-month of the
// benchmark's size (1M / 360 = 2,778 documents), 1,000 resamples.
func BenchmarkBootstrap(b *testing.B) {
	bt := benchBatch(benchDocs / 360)
	ws := &workspace{}
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		bt.bootstrap(ws, DefaultResamples, 1)
	}
	draws := float64(bt.lay.n) * DefaultResamples * float64(b.N)
	b.ReportMetric(draws/b.Elapsed().Seconds()/1e6, "Mdraws/s")
	b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/draws, "cpu-ns/draw")
	b.ReportMetric(float64(bt.lay.words), "packed-words")
	b.ReportMetric(float64(bt.lay.reals), "reals")
}
