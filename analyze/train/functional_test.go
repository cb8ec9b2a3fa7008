package train

import (
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/xenoscope/xenoscope/analyze"
)

// writeSuite writes a functional suite folder: rows for anti_migrant, the
// other scores' files with a header only.
func writeSuite(t *testing.T, rows [][]string) string {
	t.Helper()
	dir := t.TempDir()
	for _, task := range FunctionalScores {
		f, err := os.Create(filepath.Join(dir, task+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		w := csv.NewWriter(f)
		_ = w.Write([]string{"functionality", "template", "split", "text", "expected"})
		if task == analyze.TaskAntiMigrant {
			_ = w.WriteAll(rows)
		}
		w.Flush()
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// The overall interval resamples templates, not cases, and several splits
// joined by commas are pooled. Which cases are right is fixed by the
// labels: the same hostile sentence labelled 1 is right, labelled 0 wrong.
func TestFunctionalIntervalAndPooling(t *testing.T) {
	t.Parallel()
	s, err := analyze.New()
	if err != nil {
		t.Fatal(err)
	}
	const hostile = "Immigrants are vermin and should be deported."
	var rows [][]string
	add := func(tpl, split, label string) {
		for range 5 {
			rows = append(rows, []string{"derog_dehum", tpl, split, hostile, label})
		}
	}
	add("a", "blind", "1") // all right
	add("b", "blind", "0") // all wrong
	add("c", "blind2", "1")
	dir := writeSuite(t, rows)

	for _, tc := range []struct {
		split   string
		n       int
		overall float64
		lo, hi  float64 // bounds the interval must reach
	}{
		// two templates, one right and one wrong: a resample of templates
		// can draw either twice
		{"blind", 10, 0.5, 0, 1},
		{"blind2", 5, 1, 1, 1},
		{"blind,blind2", 15, 2.0 / 3, 0, 1},
		{"all", 15, 2.0 / 3, 0, 1},
	} {
		rep, err := Functional(s, dir, tc.split)
		if err != nil {
			t.Fatalf("%s: %v", tc.split, err)
		}
		task := analyze.TaskAntiMigrant
		if rep.N[task] != tc.n || math.Abs(rep.Overall[task]-tc.overall) > 1e-9 {
			t.Errorf("%s: n=%d overall %.3f, want n=%d overall %.3f", tc.split, rep.N[task], rep.Overall[task], tc.n, tc.overall)
		}
		iv := rep.Interval[task]
		if iv[0] > tc.lo+1e-9 || iv[1] < tc.hi-1e-9 || iv[0] > rep.Overall[task] || iv[1] < rep.Overall[task] {
			t.Errorf("%s: interval %v around %.3f, want it to reach [%.3f, %.3f]", tc.split, iv, rep.Overall[task], tc.lo, tc.hi)
		}
		if _, ok := rep.N[analyze.TaskStance]; ok {
			t.Errorf("%s: stance has no rows but is reported", tc.split)
		}
	}
}
