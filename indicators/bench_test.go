package indicators

import (
	"context"
	"flag"
	"os"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/xenoscope/xenoscope/internal/benchdb"
	"github.com/xenoscope/xenoscope/internal/cputime"
	"github.com/xenoscope/xenoscope/store"
)

// The benchmark database: 1M scored documents without text (the
// indicators read no text), generated once per test process by package
// benchdb and removed in TestMain.
const benchDocs = 1_000_000

var (
	benchDocsFlag = flag.Int("bench-docs", benchDocs, "documents in the benchmark database")
	benchKeep     = flag.String("bench-db", "", "keep the benchmark database at this path (generated when missing, reused when present)")
	benchCache    benchdb.Cache
)

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	benchCache.Remove()
	os.Exit(code)
}

func benchDB(b *testing.B) *store.DB {
	return benchCache.Open(b, benchdb.Options{Docs: *benchDocsFlag, Keep: *benchKeep})
}

// BenchmarkCompute is the full computation: every indicator with 1,000
// bootstrap resamples, for 1M documents x 10 cities x 36 months.
func BenchmarkCompute(b *testing.B) {
	db := benchDB(b)
	ctx := context.Background()
	b.ResetTimer()
	var peak uint64
	cpu0 := cputime.Process()
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
		res, err := Compute(ctx, db, Query{From: "2024-01", To: "2026-12", Seed: 1})
		close(done)
		wg.Wait()
		if err != nil {
			b.Fatal(err)
		}
		if res.Documents != *benchDocsFlag || len(res.Cities) != 10 || len(res.Months) != 36 {
			b.Fatalf("documents %d cities %d months %d", res.Documents, len(res.Cities), len(res.Months))
		}
	}
	b.ReportMetric((cputime.Process()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
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
	cpu0 := cputime.Process()
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
	b.ReportMetric((cputime.Process()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
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
	cpu0 := cputime.Process()
	for i := 0; i < b.N; i++ {
		bt.bootstrap(ws, DefaultResamples, 1)
	}
	draws := float64(bt.lay.n) * DefaultResamples * float64(b.N)
	b.ReportMetric(draws/b.Elapsed().Seconds()/1e6, "Mdraws/s")
	b.ReportMetric(float64((cputime.Process()-cpu0).Nanoseconds())/draws, "cpu-ns/draw")
	b.ReportMetric(float64(bt.lay.words), "packed-words")
	b.ReportMetric(float64(bt.lay.reals), "reals")
}
