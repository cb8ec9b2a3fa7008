package analyze_test

import (
	"path/filepath"
	"testing"

	"github.com/xenoscope/xenoscope/analyze"
	"github.com/xenoscope/xenoscope/analyze/train"
	"github.com/xenoscope/xenoscope/internal/shareddata"
	"github.com/xenoscope/xenoscope/model"
)

// Accuracy floors of the shipped models (docs/analysis.md, "Measured").
// Every floor of the functional and cross-source tests is on data the
// models were never trained, calibrated or tuned on, and sits a little
// under the measured value so that a regression fails; where the measured
// value is below the issue's own floor, the comment says so: the test
// asserts what we reach, not what we wish. The values are in
// floors_values_test.go.

func shipped(t *testing.T) *analyze.Scorer {
	t.Helper()
	s, err := analyze.New()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// The functional test templates (frozen before any evaluation): split test
// (author 2, who saw neither the models nor the train templates), split
// fresh (author 4, round 7, who saw no code, model or data), split blind
// (author 5, round 8, the same, measured after the round's model was
// chosen), split blind2 (author 6) and split blind3 (author 7, round 10:
// local news, statements and comments, run after round 10 was chosen) and
// split blind4 (author 8, one town's public life, run after round 11 was
// decided), split blind5 (author 9, run after round 12 was decided) and
// split blind6 (author 10, run after round 14 was decided). Split blind
// (author 5) has been development data since round 12, blind2 for
// hate_crime_report since round 13, blind3 for anti_migrant and
// counter_speech since round 14.
func TestFunctionalFloors(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	for _, tc := range []struct {
		split   string
		overall map[string]float64
		below   map[string]float64
	}{
		{"test", functionalOverallFloors, functionalFloors},
		{train.SplitFresh, freshOverallFloors, freshFloors},
		{train.SplitBlind, blindOverallFloors, blindFloors},
		{train.SplitBlind2, blind2OverallFloors, blind2Floors},
		{train.SplitBlind3, blind3OverallFloors, blind3Floors},
		{train.SplitBlind4, blind4OverallFloors, blind4Floors},
		{train.SplitBlind5, blind5OverallFloors, blind5Floors},
		{train.SplitBlind6, blind6OverallFloors, blind6Floors},
	} {
		rep, err := train.Functional(s, filepath.Join("testdata", "functional"), tc.split)
		if err != nil {
			t.Fatal(err)
		}
		for sc, floor := range tc.overall {
			if rep.N[sc] == 0 || rep.Overall[sc] < floor {
				t.Errorf("functional %s %s overall %.3f (n=%d) below floor %.2f", tc.split, sc, rep.Overall[sc], rep.N[sc], floor)
			}
		}
		for _, r := range rep.Rows {
			floor, ok := tc.below[r.Score+"/"+r.Functionality]
			if !ok {
				floor = defaultFunctionalFloor
			}
			if floor == unmet {
				t.Logf("functional %s %s/%s %.3f (n=%d): unmet, not asserted", tc.split, r.Score, r.Functionality, r.Accuracy, r.N)
				continue
			}
			if r.Accuracy < floor {
				t.Errorf("functional %s %s/%s %.3f (n=%d) below floor %.2f", tc.split, r.Score, r.Functionality, r.Accuracy, r.N, floor)
			}
		}
	}
}

// The cross-source test sets (frozen before any evaluation; written by an
// author who saw no model, code or data).
func TestCrossSourceFloors(t *testing.T) {
	t.Parallel()
	rs, err := train.CrossSource(shipped(t), filepath.Join("testdata", "crosssource"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		key := r.File + "/" + r.Score + "/" + r.Metric
		floor, ok := crossFloors[key]
		if !ok {
			t.Errorf("no floor for %s (%.3f)", key, r.Value)
			continue
		}
		if r.Metric == "share" {
			if r.Value > floor {
				t.Errorf("%s: %.3f above ceiling %.3f (%s)", key, r.Value, floor, r.Subset)
			}
		} else if r.Value < floor {
			t.Errorf("%s: %.3f below floor %.2f (%s)", key, r.Value, floor, r.Subset)
		}
	}
}

// The labelled data sets of ../shared and the hand-written sets of
// analyze/testdata, held out from training (their test splits).
func TestDevFloors(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	for _, tc := range devFloors {
		t.Run(tc.task+"/"+filepath.Base(tc.path), func(t *testing.T) {
			p := tc.path
			if tc.shared != nil {
				p = shareddata.Require(t, tc.shared...)
			}
			r, err := train.Evaluate(s, tc.task, p, train.EvalOptions{Boot: 50})
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s on %s (%s, n=%d): %s %.3f [%.3f, %.3f]", tc.task, tc.path, r.Subset, r.N, r.Metric, r.Value, r.CILow, r.CIHigh)
			if r.Value < tc.floor {
				t.Errorf("%s on %s: %s %.3f below floor %.2f", tc.task, tc.path, r.Metric, r.Value, tc.floor)
			}
		})
	}
}

// The definitions as invariants over every text of the functional and
// cross-source sets (issue 11, point 1): no anti_migrant >= 0.5 with
// migration below 0.5, never hostile and counter-speech at once, no stance
// without migration content.
func TestInvariantsOnData(t *testing.T) {
	t.Parallel()
	s := shipped(t)
	var texts []string
	for _, sc := range train.FunctionalScores {
		rows, err := train.LoadFunctional(filepath.Join("testdata", "functional", sc+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			texts = append(texts, r.Text)
		}
	}
	files, err := filepath.Glob(filepath.Join("testdata", "crosssource", "*.csv"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no cross-source files (%v)", err)
	}
	for _, f := range files {
		rows, err := train.ReadCSV(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			texts = append(texts, r["text"])
		}
	}
	bad := 0
	for _, text := range texts {
		sc := s.Score("", text, model.TextContext{})
		switch {
		case sc.Excluded:
		case sc.AntiMigrant >= 0.5 && sc.Migration < 0.5,
			sc.AntiMigrant >= 0.5 && sc.CounterSpeech >= 0.5:
			bad++
			if bad <= 5 {
				t.Errorf("%q: migration %.2f anti_migrant %.2f counter_speech %.2f", text, sc.Migration, sc.AntiMigrant, sc.CounterSpeech)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d texts break an invariant", bad, len(texts))
	}
}
