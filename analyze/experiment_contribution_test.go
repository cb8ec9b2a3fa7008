package analyze

// Contribution round: counter_speech = max(counter_speech model,
// contribution model), the contribution model (contribution.go) trained on
// the train split of hand_contribution.csv. Judged on VALIDATION data only:
// val_contribution.csv and val_counter_speech.csv (in no training or test
// file), the DIALOCONAN calibration dialogues (MIGRANTS turns, CN vs HS),
// the news validation sentences and short article lines (false
// positives), and 5-fold CV of the contribution model on its train split.
// Runs only with XS_EXPERIMENT=1:
//
//	XS_EXPERIMENT=1 go test ./analyze/ -run TestExperimentContribution -v
//
// Pre-registered bar (fixed before the first run): adopt if
// val_contribution macro-F1 rises by at least 0.05, val_counter_speech falls
// by at most 0.02, DIALOCONAN-calibration macro-F1 falls by at most 0.01, and
// news-val plus short-line false positives rise by at most 2.

import (
	"fmt"
	"os"
	"testing"

	"github.com/xenoscope/xenoscope/internal/shareddata"
)

func TestExperimentContribution(t *testing.T) {
	if os.Getenv("XS_EXPERIMENT") == "" {
		t.Skip("set XS_EXPERIMENT=1")
	}
	dp := shareddata.Require(t, "counter-speech", "DIALOCONAN.csv")
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tr := trainSplitRows(t, s, "testdata/hand_contribution.csv", "ctcv:")
	fe := s.contributionFeats
	all := func(n int) []int {
		idx := make([]int, n)
		for i := range idx {
			idx[i] = i
		}
		return idx
	}
	t.Logf("contribution model, 5-fold CV on its train split (n=%d): macro-F1 %.3f", len(tr), macroF1Of(crossVal(tr, fe, handOptions), labels(tr), TaskCounterSpeech))
	dialo, err := LoadDIALOCONAN(dp)
	if err != nil {
		t.Fatal(err)
	}
	// hostile turns (DIALOCONAN train dialogues, MIGRANTS HS) as negatives
	// of weight hsW: "they take our jobs" is no contribution story
	var hs []*unit
	for _, d := range dialo {
		if dialoSplit(d.Dialogue) == SplitTrain && IsMigrantTarget(d.Target) && d.Type == "HS" {
			hs = append(hs, s.unitOf(d.Text))
		}
	}
	hsW := 0.0
	if w := os.Getenv("XS_HSW"); w != "" {
		fmt.Sscan(w, &hsW)
	}
	var ex []example
	for _, r := range tr {
		ex = append(ex, example{fe(r.u), r.y, 1})
	}
	if hsW > 0 {
		for _, u := range hs {
			ex = append(ex, example{fe(u), 0, hsW})
		}
	}
	cm := trainLinear(ex, false, handOptions)
	t.Logf("hostile DIALOCONAN turns as negatives: %d at weight %g", len(hs), hsW)

	// validation sets for the combined score
	type vset struct {
		name  string
		texts []string
		ys    []float64
	}
	var sets []vset
	for _, f := range []string{"val_contribution", "val_counter_speech"} {
		ls, err := LoadTextLabel("testdata/" + f + ".csv")
		if err != nil {
			t.Fatal(err)
		}
		v := vset{name: f}
		for _, l := range ls {
			v.texts, v.ys = append(v.texts, l.Text), append(v.ys, l.Label)
		}
		sets = append(sets, v)
	}
	dv := vset{name: "DIALOCONAN calibration (MIGRANTS)"}
	for _, d := range dialo {
		if dialoSplit(d.Dialogue) == SplitCalib && IsMigrantTarget(d.Target) {
			dv.texts, dv.ys = append(dv.texts, d.Text), append(dv.ys, d.Label)
		}
	}
	sets = append(sets, dv)
	newsVal := newsValSentences(t)
	score := func(text string, combined bool) float64 {
		u := s.unitOf(text)
		p := s.models[TaskCounterSpeech].prob(u.feats)
		if combined && contributionGate(u, s.models[TaskAntiMigrant].prob(u.feats)) {
			p = max(p, cm.prob(fe(u)))
		}
		return p
	}
	for _, combined := range []bool{false, true} {
		name := "counter_speech model alone"
		if combined {
			name = "max(counter, contribution)"
		}
		for _, v := range sets {
			ps := make([]float64, len(v.texts))
			for i, x := range v.texts {
				ps[i] = score(x, combined)
			}
			if combined && os.Getenv("XS_SHOW") != "" {
				for i, x := range v.texts {
					if (ps[i] >= 0.5) != (v.ys[i] > 0.5) {
						t.Logf("    miss y=%.0f p=%.2f %s", v.ys[i], ps[i], x)
					}
				}
			}
			c := confusion(ps, v.ys, all(len(ps)), TaskCounterSpeech)
			p, r, _ := c.prf(1)
			t.Logf("%-28s %-36s n=%d macro-F1 %.3f (P %.2f R %.2f)", name, v.name, len(ps), c.macroF1(), p, r)
		}
		fp := 0
		for _, x := range newsVal {
			if score(x, combined) >= 0.5 {
				fp++
			}
		}
		t.Logf("%-28s news-val + short-line false positives %d/%d", name, fp, len(newsVal))
	}
}
