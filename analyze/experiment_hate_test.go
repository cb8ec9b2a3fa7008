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
	ls, err := LoadTextLabel("testdata/hand_hate_crime_report.csv")
	if err != nil {
		t.Fatal(err)
	}
	val, err := LoadTextLabel("testdata/val_hate_crime.csv")
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		u    *unit
		y    float64
		fold int
	}
	var rows, vrows []row
	for _, l := range ls {
		if handSplit(l.Text) == SplitTrain {
			rows = append(rows, row{s.unitOf(l.Text), l.Label, bucket("hccv:"+l.Text) % 5})
		}
	}
	for _, l := range val {
		vrows = append(vrows, row{s.unitOf(l.Text), l.Label, -1})
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
	f1of := func(ps, ys []float64) float64 {
		idx := make([]int, len(ps))
		for i := range idx {
			idx[i] = i
		}
		c := confusion(ps, ys, idx, TaskHateCrime)
		return c.macroF1()
	}
	t.Logf("train-split rows %d, validation rows %d", len(rows), len(vrows))
	for _, v := range variants {
		cv := make([]float64, len(rows))
		ys := make([]float64, len(rows))
		for f := 0; f < 5; f++ {
			var tr []example
			for _, r := range rows {
				if r.fold != f {
					tr = append(tr, example{v.fe(r.u), r.y, 1})
				}
			}
			m := trainLinear(tr, false, handOptions)
			for i, r := range rows {
				ys[i] = r.y
				if r.fold == f {
					cv[i] = m.prob(v.fe(r.u))
				}
			}
		}
		var tr []example
		for _, r := range rows {
			tr = append(tr, example{v.fe(r.u), r.y, 1})
		}
		m := trainLinear(tr, false, handOptions)
		vp := make([]float64, len(vrows))
		vy := make([]float64, len(vrows))
		var miss []string
		for i, r := range vrows {
			vp[i], vy[i] = m.prob(v.fe(r.u)), r.y
			if (vp[i] >= 0.5) != (vy[i] > 0.5) {
				miss = append(miss, "    miss "+val[i].Text)
			}
		}
		t.Logf("%-40s CV macro-F1 %.3f | val_hate_crime macro-F1 %.3f (%d errors)\n%s", v.name, f1of(cv, ys), f1of(vp, vy), len(miss), strings.Join(miss, "\n"))
	}
}
