package analyze

// Stance variants, chosen by 5-fold cross-validation on the TRAIN split of
// hand_stance.csv only (folds by a hash of the text). The test third of
// hand_stance.csv and the heldout_stance*.csv files are not read here.
// Runs only with XS_EXPERIMENT=1:
//
//	XS_EXPERIMENT=1 go test ./analyze/ -run TestExperimentStance -v
//
// Variants: (A) the first model's features (lexicon section and clause
// features, lexFeats) with its gate (a hit of the main lexicon's policy
// sections); (B) lexFeats + the composed direction features (stanceFeats)
// with the wider gate; (C) the direction features alone (shipped); (D) B +
// word n-grams. Misses of C are logged (train-split rows only).
// A unit without a cue gets stance 0, which counts as "open" (as in eval).

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestExperimentStance(t *testing.T) {
	if os.Getenv("XS_EXPERIMENT") == "" {
		t.Skip("set XS_EXPERIMENT=1")
	}
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	rows := trainSplitRows(t, s, "testdata/hand_stance.csv", "stcv:")
	oldGate := func(u *unit, _ []feat) bool {
		return u.secCount[secRestrictive]+u.secCount[secWelcoming]+u.secCount[secExclusion] > 0
	}
	withLex := func(u *unit) []feat { return append(lexFeats(u.feats), s.stanceFeats(u)...) }
	withNgrams := func(u *unit) []feat {
		return append(withLex(u), filterFeats(u.feats, "w:", "b:", "l:")...)
	}
	variants := []struct {
		name  string
		feats func(*unit) []feat
		gate  func(*unit, []feat) bool
	}{
		{"A lexFeats, old gate", func(u *unit) []feat { return lexFeats(u.feats) }, oldGate},
		{"B lexFeats + direction, new gate", withLex, hasStanceCue},
		{"C direction features only, new gate (shipped)", s.stanceFeats, hasStanceCue},
		{"D B + word n-grams, new gate", withNgrams, hasStanceCue},
	}
	ys := labels(rows)
	kw := make([]float64, len(rows))
	for i, r := range rows {
		kw[i] = s.keywordScore(TaskStance, r.text)
	}
	t.Logf("rows (train split of hand_stance.csv): %d", len(rows))
	t.Logf("%-40s macro-F1 %.3f", "keyword rule", macroF1Of(kw, ys, TaskStance))
	for _, v := range variants {
		for _, l2 := range []float64{1e-2, 3e-2} {
			o := handOptions
			o.L2 = l2
			preds := crossVal(rows, v.feats, o)
			for i, r := range rows {
				if fs := v.feats(r.u); v.gate(r.u, fs) {
					preds[i] = 2*preds[i] - 1
				} else {
					preds[i] = 0
				}
			}
			var miss []string
			for i := range rows {
				if (preds[i] > 0) != (ys[i] > 0.5) && len(miss) < 40 && strings.HasPrefix(v.name, "C") && l2 == 1e-2 {
					miss = append(miss, fmt.Sprintf("%.0f %+.2f %s", ys[i], preds[i], rows[i].text))
				}
			}
			t.Logf("%-40s L2 %.0e macro-F1 %.3f %s", v.name, l2, macroF1Of(preds, ys, TaskStance), strings.Join(miss, "\n"))
		}
	}
}
