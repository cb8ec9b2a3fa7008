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

// The language gate (a document not in English gets a doc_scores row of
// the current model with its language and NULL scores, migration 0007) is
// one predicate: such a document is in no denominator and is counted as
// excluded in the coverage.
func TestLanguageGateExcluded(t *testing.T) {
	t.Parallel()
	docs, stmts := handDocs()
	// d7: Aachen 2026-01, scored by m2 but in German: no scores.
	docs = append(docs, docRow{city: "Aachen", source: "a", published: "2026-01-12T10:00:00Z", fetched: "2026-02-01T00:00:00Z", model: "m2",
		words: 5000, pm: 50, sent: 100})
	db := buildDB(t, docs, stmts)
	ctx := context.Background()
	// the language gate as analyze stores it (migration 0007): the row
	// stays, with its language and NULL scores
	if _, err := db.W.ExecContext(ctx, `UPDATE doc_scores SET language = 'de', migration = NULL, anti_migrant = NULL,
		counter_speech = NULL, stance = NULL, populism = NULL, populist_sentences = NULL, tone = NULL,
		hate_crime_report = NULL, words = NULL, populism_matches = NULL, sentences = NULL, populist_sentence_n = NULL,
		migration_sentences = NULL, migration_tone_sum = NULL WHERE document_id = (SELECT max(id) FROM documents)`); err != nil {
		t.Fatal(err)
	}
	res, err := Compute(ctx, db, Query{From: "2026-01", MinN: 3, Resamples: 50, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	// The numbers of TestExactValues: the German document changes none.
	for _, c := range []struct {
		ind   string
		value float64
		n     int
	}{{MigrationSalience, 3.0 / 4, 4}, {Populism, 10, 4}, {PopulistSentences, 6.0 / 100, 4}, {Documents, 6, 6}} {
		if v, _ := res.Get("Aachen", "2026-01", c.ind); math.Abs(v.Value-c.value) > 1e-9 || v.N != c.n {
			t.Errorf("%s = %v n=%d, want %v n=%d", c.ind, v.Value, v.N, c.value, c.n)
		}
	}
	for _, cv := range res.Coverage {
		if cv.City == "Aachen" && cv.Month == "2026-01" && (cv.Excluded != 1 || cv.Scored != 4 || cv.Documents != 6) {
			t.Errorf("coverage %+v, want 1 excluded, 4 scored of 6", cv)
		}
	}
	if res.Excluded != 1 {
		t.Errorf("excluded total %d", res.Excluded)
	}
}
