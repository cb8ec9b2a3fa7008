package reports

import (
	"context"
	"flag"
	"os"
	"testing"

	"github.com/xenoscope/xenoscope/internal/benchdb"
	"github.com/xenoscope/xenoscope/internal/cputime"
	"github.com/xenoscope/xenoscope/store"
)

// The report benchmark database: 1M scored documents of ten sentences each
// (10M sentence_scores rows, evidence on every document), generated once
// per test process by package benchdb and removed in TestMain.
//
//	go test ./reports/ -run '^$' -bench Report -benchtime 1x [-bench-db /tmp/report-bench.db]
var (
	reportBenchDocs = flag.Int("bench-docs", 1_000_000, "documents in the report benchmark database")
	reportBenchKeep = flag.String("bench-db", "", "keep the report benchmark database at this path (generated when missing, reused when present)")
	reportBench     benchdb.Cache
)

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	reportBench.Remove()
	os.Exit(code)
}

func reportBenchDB(b *testing.B) *store.DB {
	return reportBench.Open(b, benchdb.Options{Docs: *reportBenchDocs, Text: true, Keep: *reportBenchKeep})
}

// BenchmarkReport is `xenoscope report` on the 1M-document database: the
// indicators (1,000 resamples), every chart, the example sentences, the
// figures and coverage tables, the CSV files and index.html.
func BenchmarkReport(b *testing.B) {
	db := reportBenchDB(b)
	ctx := context.Background()
	b.ResetTimer()
	cpu0 := cputime.Process()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		out := b.TempDir()
		b.StartTimer()
		if err := Write(ctx, db, out, Options{Seed: 1, From: "2024-01", To: "2026-12"}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric((cputime.Process()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
}
