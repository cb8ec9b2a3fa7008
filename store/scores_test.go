package store_test

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

func TestScoresRoundTripPendingAndReplace(t *testing.T) {
	ctx := context.Background()
	f := storetest.New(t)
	db := f.DB
	for i := 1; i <= 5; i++ {
		if d := f.Doc(storetest.Doc{City: "Leeds", Source: "post", Text: "x"}); d.ID != int64(i) {
			t.Fatalf("document id %d, want %d", d.ID, i)
		}
	}
	sc := &model.Scores{Model: "m1", Migration: 0.9, AntiMigrant: 0.7, CounterSpeech: 0.1, Stance: 0.5, Populism: 12.5,
		PopulistSentences: 0.5, Tone: -0.3, HateCrimeReport: 0.2, Words: 80, PopulismMatches: 1, Sentences: 2,
		PopulistSentenceN: 1, MigrationSentences: 2, MigrationToneSum: -0.6,
		Evidence:       []model.Evidence{{Score: "anti_migrant", Start: 0, End: 1, Text: "x", Weight: 0.7}},
		SentenceScores: []model.SentenceScore{{Index: 0, Start: 0, End: 1, AntiMigrant: 0.7}, {Index: 1, Start: 2, End: 3, Tone: -0.3}}}
	save := func(id int64, s *model.Scores) {
		t.Helper()
		if err := db.Tx(ctx, func(tx *sql.Tx) error { return store.SaveScores(ctx, tx, id, s, time.Now()) }); err != nil {
			t.Fatal(err)
		}
	}
	save(2, sc)
	save(2, sc) // idempotent: replaces, never doubles
	got, err := db.DocScores(ctx, 2)
	if err != nil {
		t.Fatal(err)
	}
	if got.Model != "m1" || got.AntiMigrant != 0.7 || got.MigrationToneSum != -0.6 || got.PopulistSentenceN != 1 ||
		len(got.SentenceScores) != 2 || got.SentenceScores[1].Tone != -0.3 || len(got.Evidence) != 1 || got.Evidence[0].Text != "x" {
		t.Fatalf("round trip: %+v", got)
	}
	pend, err := db.PendingScores(ctx, "m1", 0, 10)
	if err != nil || fmt.Sprint(pend) != "[1 3 4 5]" {
		t.Fatalf("pending for m1: %v %v", pend, err)
	}
	if pend, _ := db.PendingScores(ctx, "m1", 3, 1); fmt.Sprint(pend) != "[4]" {
		t.Fatalf("pending after 3, limit 1: %v", pend)
	}
	if pend, _ := db.PendingScores(ctx, "m2", 0, 10); fmt.Sprint(pend) != "[1 2 3 4 5]" {
		t.Fatalf("pending for a new model version: %v", pend)
	}
	if p, n, err := db.CountPendingScores(ctx, "m1"); err != nil || p != 4 || n != 5 {
		t.Fatalf("count pending: %d of %d, %v", p, n, err)
	}
	// A new version with fewer sentences replaces all rows of the document.
	sc2 := *sc
	sc2.Model = "m2"
	sc2.SentenceScores = sc.SentenceScores[:1]
	sc2.Evidence = nil
	save(2, &sc2)
	got, _ = db.DocScores(ctx, 2)
	if got.Model != "m2" || len(got.SentenceScores) != 1 || len(got.Evidence) != 0 {
		t.Fatalf("after rescoring: %+v", got)
	}
	if _, err := db.DocScores(ctx, 3); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("unscored document: %v, want ErrNotFound", err)
	}
}
