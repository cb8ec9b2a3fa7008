package analyze

// hate_crime_report variants, chosen on VALIDATION data only: 5-fold
// cross-validation on the train split of hand_hate_crime_report.csv (folds
// by a hash of the text) and val_hate_crime.csv (in no training or test
// file; models trained on the whole train split). The hand test third and
// heldout_hate_b.csv are not read here. Runs only with XS_EXPERIMENT=1:
//
//	XS_EXPERIMENT=1 go test ./analyze/ -run TestExperimentHate -v
//
// Variants: (A) lexFeats (the first model); (B) lexFeats + the incident
// features of hatecrime.go; (C) the incident features with only the
// crime, victim-group and report-frame features of lexFeats (hateFeats,
// shipped).

import (
	"os"
	"strings"
	"testing"
)

func TestExperimentHate(t *testing.T) {
	if os.Getenv("XS_EXPERIMENT") == "" {
		t.Skip("set XS_EXPERIMENT=1")
	}
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	rows := trainSplitRows(t, s, "testdata/hand_hate_crime_report.csv", "hccv:")
	val, err := LoadTextLabel("testdata/val_hate_crime.csv")
	if err != nil {
		t.Fatal(err)
	}
	wide := func(u *unit) []feat { return append(lexFeats(u.feats), filterFeats(s.hateFeats(u), "hc:")...) }
	variants := []struct {
		name string
		fe   func(*unit) []feat
	}{
		{"A lexFeats (first model)", func(u *unit) []feat { return lexFeats(u.feats) }},
		{"B lexFeats + incident", wide},
		{"C incident + crime/victim/report only (hateFeats, shipped)", s.hateFeats},
	}
	t.Logf("train-split rows %d, validation rows %d", len(rows), len(val))
	for _, v := range variants {
		cv := crossVal(rows, v.fe, handOptions)
		m := fitRows(rows, v.fe, handOptions)
		vp := make([]float64, len(val))
		vy := make([]float64, len(val))
		var miss []string
		for i, l := range val {
			vp[i], vy[i] = m.prob(v.fe(s.unitOf(l.Text))), l.Label
			if (vp[i] >= 0.5) != (vy[i] > 0.5) {
				miss = append(miss, "    miss "+val[i].Text)
			}
		}
		t.Logf("%-40s CV macro-F1 %.3f | val_hate_crime macro-F1 %.3f (%d errors)\n%s", v.name, macroF1Of(cv, labels(rows), TaskHateCrime), macroF1Of(vp, vy, TaskHateCrime), len(miss), strings.Join(miss, "\n"))
	}
}
