package analyze

import (
	"strings"
	"testing"

	"github.com/xenoscope/xenoscope/model"
)

// The stacker (antistack.go) scores anti_migrant only inside the migration
// gate, its evidence points at words of the text, and a user's own
// anti_migrant model switches it off (it was fitted on the shipped margins).
func TestAntiStackGate(t *testing.T) {
	s := newTestScorer(t)
	if s.antiStack == nil || s.anyHate == nil {
		t.Fatal("embedded any_hate.json / anti_stack.json missing")
	}
	for _, tc := range []struct {
		text    string
		stacked bool
	}{
		{"Migrants are vermin and should all be thrown out of our town.", true},
		{"The refugees arrived by bus on Tuesday.", true},
		{"Women like her are vermin and should shut up.", false}, // hate, but no migration anchor
		{"The council meets on Tuesday.", false},
	} {
		u := s.unitOf(tc.text)
		r := s.scoreUnit(u)
		if r.stacked != tc.stacked {
			t.Errorf("%q: stacked %v, want %v", tc.text, r.stacked, tc.stacked)
		}
		if !tc.stacked && !r.byHostility {
			am := s.models[TaskAntiMigrant]
			if want := am.prob(u.feats); r.anti != want {
				t.Errorf("%q: anti %.4f outside the gate, want the anti_migrant model's %.4f", tc.text, r.anti, want)
			}
		}
	}

	text := "Migrants are vermin and should all be thrown out of our town."
	sc := s.Score("x", text, model.TextContext{})
	if sc.AntiMigrant < 0.5 {
		t.Errorf("anti_migrant %.2f on %q", sc.AntiMigrant, text)
	}
	var spans []string
	for _, e := range sc.Evidence {
		if e.Score == TaskAntiMigrant && e.End-e.Start < len(text) {
			if text[e.Start:e.End] != e.Text || e.Weight <= 0 {
				t.Errorf("bad evidence %+v", e)
			}
			spans = append(spans, e.Text)
		}
	}
	if !strings.Contains(strings.Join(spans, "|"), "vermin") {
		t.Errorf("anti_migrant evidence spans %q, want one on \"vermin\"", spans)
	}

	m := *s.models[TaskAntiMigrant]
	s2, err := New(WithModel(TaskAntiMigrant, &m))
	if err != nil {
		t.Fatal(err)
	}
	if r := s2.scoreUnit(s2.unitOf(text)); r.stacked {
		t.Error("stacker still used with a replaced anti_migrant model")
	}
}
