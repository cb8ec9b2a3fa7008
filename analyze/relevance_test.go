package analyze_test

import (
	"testing"

	"github.com/xenoscope/xenoscope/analyze"
	"github.com/xenoscope/xenoscope/figures"
	"github.com/xenoscope/xenoscope/model"
)

// A figure addresses xenophobia or promotes hostility only in statements on
// migration: a councillor's housing quote that sounds welcoming must not
// count, and local-news sentences without a migration term are not about
// migration however their words overlap tweet campaigns ("build").
func TestMigrationRelevance(t *testing.T) {
	s, err := analyze.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text string
		max  float64
	}{
		{"The council debated the new housing plan on Tuesday.", 0.5},
		{"Riverton needs homes that local people can actually afford, and we will build them together.", 0.5},
		{"The school board will build a new sports hall next year.", 0.5},
	} {
		if p := s.ScoreText(analyze.TaskMigration, tc.text); p >= tc.max {
			t.Errorf("migration(%q) = %.2f, want < %.2f", tc.text, p, tc.max)
		}
	}
	if p := s.ScoreText(analyze.TaskMigration, "The town will open a second centre for refugees and asylum seekers."); p < 0.5 {
		t.Errorf("migration of a refugee sentence = %.2f, want >= 0.5", p)
	}

	finder, err := figures.NewFinder(nil)
	if err != nil {
		t.Fatal(err)
	}
	s.People = finder
	text := `The council debated the new housing plan on Tuesday. "Riverton needs homes that local people can actually afford, and we will build them together," said Councillor Sandra Pike. Later the council turned to the refugee centre. "Refugees are our neighbours, and racism has no place in this town," said Mayor Ana Ruiz. "They are flooding our town and we must send them back," said Councillor Tom Baker.`
	sc := s.Score("t", text, model.TextContext{})
	got := map[string]model.Quote{}
	for _, q := range sc.Quotes {
		got[q.Speaker] = q
	}
	if q, ok := got["Sandra Pike"]; !ok || q.CounterSpeech >= 0.5 || q.AntiMigrant >= 0.5 {
		t.Errorf("housing quote: %+v (found %v), want neither counter-speech nor anti-migrant", q, ok)
	}
	if q, ok := got["Ana Ruiz"]; !ok || q.CounterSpeech < 0.5 {
		t.Errorf("welcoming quote: %+v (found %v), want counter_speech >= 0.5", q, ok)
	}
	if q, ok := got["Tom Baker"]; !ok || q.AntiMigrant < 0.5 {
		t.Errorf("hostile quote: %+v (found %v), want anti_migrant >= 0.5", q, ok)
	}
}
