package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/xenoscope/xenoscope/model"
	"github.com/xenoscope/xenoscope/store"
	"github.com/xenoscope/xenoscope/store/storetest"
)

// When the best documents all fall outside the month and city filter, the
// examples come from the filtered query; documents rank by their document
// score, and within a document its best sentence is shown.
func TestExampleSentencesBeyondCandidates(t *testing.T) {
	t.Parallel()
	f := storetest.New(t)
	ctx := context.Background()
	add := func(city string, month time.Month, mig, counter float64, sentences ...float64) {
		text := ""
		var ss []model.SentenceScore
		for i, c := range sentences {
			s := fmt.Sprintf("Sentence %d of a %s story.", i, city)
			ss = append(ss, model.SentenceScore{Index: i, Start: len(text), End: len(text) + len(s), Migration: mig, CounterSpeech: c})
			text += s + " "
		}
		d := f.Doc(storetest.Doc{City: city, Text: text, Published: time.Date(2026, month, 2, 0, 0, 0, 0, time.UTC)})
		f.Scores(d.ID, model.Scores{Model: "m", Migration: mig, CounterSpeech: counter, SentenceScores: ss})
	}
	add("Aachen", 1, 0.9, 0.6, 0.1, 0.7)
	for i := 0; i < 30; i++ {
		add("Bonn", 1, 0.9, 0.95, 0.9)
	}
	add("Bonn", 2, 0.2, 0.99, 0.99) // not a migration document: not an example
	ex, err := f.ExampleSentences(ctx, store.MonthFilter{Cities: []string{"Aachen"}}, "m", "counter_speech", 0.5, 1)
	if err != nil || len(ex) != 1 || ex[0].City != "Aachen" || ex[0].Text != "Sentence 1 of a Aachen story." || ex[0].Score != 0.7 {
		t.Errorf("got %+v, %v", ex, err)
	}
	ex, err = f.ExampleSentences(ctx, store.MonthFilter{}, "m", "counter_speech", 0.5, 3)
	if err != nil || len(ex) != 3 || ex[0].City != "Bonn" || ex[0].DocumentID != 2 || ex[1].DocumentID != 3 {
		t.Errorf("unfiltered: one sentence per document, best first: %+v, %v", ex, err)
	}
	ex, err = f.ExampleSentences(ctx, store.MonthFilter{From: "2026-02"}, "m", "counter_speech", 0.5, 3)
	if err != nil || len(ex) != 0 {
		t.Errorf("February has no migration document: %+v, %v", ex, err)
	}
}
