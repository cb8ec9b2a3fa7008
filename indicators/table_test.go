package indicators

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"strings"
	"testing"
)

// An indicator over a statistic nobody declared before is one table entry:
// no other code changes, and Compute, the CSV and the result's lookups
// carry it.
func TestToyIndicatorThroughTheTable(t *testing.T) {
	t.Parallel()
	docs, stmts := handDocs()
	db := buildDB(t, docs, stmts)
	long := &Stat{Name: "long_documents", Columns: []string{"words"},
		Value: func(c []float64) float64 { return b2f(c[0] >= 250) }}
	every := &Stat{Name: "toy_counted", Value: func([]float64) float64 { return 1 }}
	toys := []Definition{
		{Name: "long_document_share", Title: "Long documents", Kind: "share",
			Definition: "Share of scored documents with at least 250 words.", N: "scored documents",
			Num: long, Den: every, Interval: Wilson},
		{Name: "words_per_document", Title: "Words per document", Kind: "mean",
			Definition: "Mean number of words of the scored documents.", N: "scored documents",
			Num: &Stat{Name: "toy_words", Columns: []string{"words"}, Value: func(c []float64) float64 { return c[0] }},
			Den: every, Interval: Bootstrap},
	}
	table := append(append([]Definition(nil), Definitions...), toys...)
	res, err := Compute(context.Background(), db, Query{From: "2026-01", MinN: 3, Resamples: 200, Seed: 1, Definitions: table})
	if err != nil {
		t.Fatal(err)
	}
	// Aachen 2026-01: four counted documents of 100, 200, 300 and 400 words
	// (the stale one, 1000 words, does not count).
	v, ok := res.Get("Aachen", "2026-01", "long_document_share")
	if !ok || v.Value != 0.5 || v.N != 4 || math.Abs(v.CILow-0.15003) > 1e-4 || math.Abs(v.CIHigh-0.84997) > 1e-4 {
		t.Errorf("long_document_share %+v, want 0.5, n 4, Wilson [0.150, 0.850]", v)
	}
	v, ok = res.Get("Aachen", "2026-01", "words_per_document")
	if !ok || v.Value != 250 || v.N != 4 || !(v.CILow < 250 && v.CIHigh > 250) || v.CILow < 100 || v.CIHigh > 400 {
		t.Errorf("words_per_document %+v, want 250 inside a bootstrap interval within [100, 400]", v)
	}
	// The shipped indicators are unchanged by the extra entries.
	plain, err := Compute(context.Background(), db, Query{From: "2026-01", MinN: 3, Resamples: 200, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range plain.Values {
		if v, _ := res.Get(w.City, w.Month, w.Indicator); fmt.Sprint(v) != fmt.Sprint(w) {
			t.Errorf("%s changed with the toys: %+v vs %+v", w.Indicator, v, w)
		}
	}
	if d, ok := res.Lookup("long_document_share"); !ok || d.Title != "Long documents" {
		t.Error("the result does not know its own table")
	}
	var b strings.Builder
	if err := WriteCSV(&b, res.Values); err != nil || !strings.Contains(b.String(), "Aachen,2026-01,long_document_share,0.5,") {
		t.Errorf("CSV lacks the toy: %v", err)
	}
}

// A table that cannot be computed is refused before anything is read.
func TestBadTables(t *testing.T) {
	t.Parallel()
	docs, stmts := handDocs()
	db := buildDB(t, docs, stmts)
	one := func(c []float64) float64 { return 1 }
	for name, defs := range map[string][]Definition{
		"two statistics, one name": {
			{Name: "a", Num: &Stat{Name: "x", Value: one}, Den: &Stat{Name: "d", Value: one}, Interval: Wilson},
			{Name: "b", Num: &Stat{Name: "x", Value: one}, Den: &Stat{Name: "d2", Value: one}, Interval: Wilson}},
		"a share without a denominator": {{Name: "a", Num: &Stat{Name: "x", Value: one}, Interval: Wilson}},
		"no interval":                   {{Name: "a", Num: &Stat{Name: "x", Value: one}}},
		"a statistic without a value":   {{Name: "a", Num: &Stat{Name: "x"}, Interval: NoInterval}},
		"a column that does not exist": {{Name: "a", Num: &Stat{Name: "x", Columns: []string{"no_such_score"}, Value: one},
			Interval: NoInterval}},
	} {
		if _, err := Compute(context.Background(), db, Query{From: "2026-01", Definitions: defs}); err == nil ||
			!errors.Is(err, ErrBadTable) && !strings.Contains(err.Error(), "no_such_score") {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}

// docs/indicators.md names every indicator of the table.
func TestDocsListEveryIndicator(t *testing.T) {
	t.Parallel()
	doc, err := os.ReadFile("../docs/indicators.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range Definitions {
		if !strings.Contains(string(doc), "`"+d.Name+"`") {
			t.Errorf("docs/indicators.md does not define %s", d.Name)
		}
	}
}
