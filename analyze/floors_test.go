package analyze

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xenoscope/xenoscope/internal/shareddata"
)

// Floors on held-out data the shipped (embedded) models were never trained,
// calibrated or tuned on: HatEval en_dev, DIALOCONAN dialogues in the test
// split (by dialogue_id), the 20% test split of each VADER ratings file.
// Each also asserts that the model beats the keyword rules (VADER for tone).
func TestHeldOutFloors(t *testing.T) {
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		task  string
		data  []string
		floor float64
		note  string
	}{
		// The floor, 0.80. The shipped model reaches 0.806 on
		// en_dev's migration part since the factor round (hostility toward
		// any group x migration gate, antistack.go; chosen on validation,
		// docs/analysis.md). Before: 0.777 before the quality round, 0.799
		// before the policy round, 0.792 before the news-hostility round,
		// 0.783 after it; keyword rules 0.677.
		{TaskAntiMigrant, []string{"hateval", "en_dev.csv"}, 0.80, "HatEval en_dev migration part"},
		{TaskCounterSpeech, []string{"counter-speech", "DIALOCONAN.csv"}, 0.90, "DIALOCONAN MIGRANTS held-out dialogues, CN vs HS"},
		{TaskAntiMigrant, []string{"counter-speech", "DIALOCONAN.csv"}, 0.90, "DIALOCONAN MIGRANTS held-out dialogues, HS vs CN"},
		{TaskTone, []string{"sentiment", "tweets_GroundTruth.txt"}, 0.88, "tweets (VADER 0.881 full set)"},
		{TaskTone, []string{"sentiment", "amazonReviewSnippets_GroundTruth.txt"}, 0.57, "Amazon (VADER 0.565)"},
		{TaskTone, []string{"sentiment", "movieReviewSnippets_GroundTruth.txt"}, 0.46, "movie (VADER 0.451)"},
	}
	for _, tc := range tests {
		t.Run(tc.task+"/"+tc.data[1], func(t *testing.T) {
			p := shareddata.Require(t, tc.data...)
			r, err := Evaluate(s, tc.task, p, EvalOptions{Boot: 50})
			if err != nil {
				t.Fatal(err)
			}
			b, err := Evaluate(s, tc.task, p, EvalOptions{Boot: 50, Baseline: true})
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s on %s (%s, n=%d): %s %.3f [%.3f, %.3f]; baseline %.3f", tc.task, tc.note, r.Subset, r.N, r.Metric, r.Value, r.CILow, r.CIHigh, b.Value)
			if r.Value < tc.floor {
				t.Errorf("%s on %s: %s %.3f below floor %.2f", tc.task, tc.note, r.Metric, r.Value, tc.floor)
			}
			if r.Value <= b.Value {
				t.Errorf("%s on %s: model %.3f does not beat the baseline %.3f", tc.task, tc.note, r.Value, b.Value)
			}
		})
	}
}

// The hand-labelled examples: the test third, never trained on. Small
// (n<=40): these floors guard against regressions only.
func TestHandLabelledFloors(t *testing.T) {
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	// The counter_speech file grew in the contribution round (rows 94 on):
	// its first 93 rows, the file of the quality round, keep their own floor
	// (measured 0.801 then, 0.873 now), and the whole test third (n=36, with
	// the new contribution rows and hard negatives) gets one at its measured
	// 0.750 (the model before the round: 0.682).
	origCS := filepath.Join(t.TempDir(), "hand_counter_speech.csv")
	if err := writeFirstLines("testdata/hand_counter_speech.csv", origCS, 1+93); err != nil {
		t.Fatal(err)
	}
	// Likewise hand_anti_migrant.csv grew in the news-hostility round (rows
	// 110 on): its first 109 rows keep the 0.90 floor of the quality round
	// (their 38-row test third: 0.916 then, 1.000 now); the whole 53-row
	// third gets its own floor below.
	origAnti := filepath.Join(t.TempDir(), "hand_anti_migrant.csv")
	if err := writeFirstLines("testdata/hand_anti_migrant.csv", origAnti, 1+109); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		task  string
		file  string
		floor float64
	}{
		// hate_crime_report: 0.873 on 24 rows before the hate-crime round,
		// 0.909 on the grown third (n=33; the model before: 0.848).
		{TaskHateCrime, "testdata/hand_hate_crime_report.csv", 0.87},
		// news-like hand test thirds (n=38 and 28), measured 0.916 and
		// 0.801 after the quality round (0.914 and 0.668 before).
		// 53 rows since the news-hostility round (15 new): 0.883; the model
		// before it 0.808 on the same rows
		{TaskAntiMigrant, origAnti, 0.90},
		{TaskAntiMigrant, "testdata/hand_anti_migrant.csv", 0.86},
		{TaskCounterSpeech, origCS, 0.82},
		{TaskCounterSpeech, "testdata/hand_counter_speech.csv", 0.80}, // 0.750 before the contribution model, 0.832 with it
		// contribution stories (n=16): 0.600 before the contribution model, 0.746 with it
		{TaskCounterSpeech, "testdata/hand_contribution.csv", 0.70},
	} {
		r, err := Evaluate(s, tc.task, tc.file, EvalOptions{Boot: 50})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s hand test split (%s) n=%d macro-F1 %.3f [%.3f, %.3f]", tc.task, tc.file, r.N, r.Value, r.CILow, r.CIHigh)
		if r.Value < tc.floor {
			t.Errorf("%s (%s): macro-F1 %.3f below %.2f", tc.task, tc.file, r.Value, tc.floor)
		}
	}
}

// Test sets written for xenoscope and never trained or tuned on: the
// heldout_*_b.csv files were written by engineers who saw neither the
// lexicons, the models nor the other rows (independent); heldout_stance.csv
// was written before the stance round by the engineer who then wrote the
// stance lexicon; hand_stance.csv is evaluated on its test third. Each floor
// sits just below the measured figure (docs/analysis.md), and the model
// must beat the keyword rule by a margin.
func TestWrittenTestSets(t *testing.T) {
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		task, file   string
		floor, ahead float64 // macro-F1 floor; margin over the keyword rule
	}{
		// 0.729 (model of the first landing), 0.699 after the policy round,
		// 0.734 after the news-hostility round, 0.774 with the
		// news-hostility model; rule 0.587
		{TaskAntiMigrant, "testdata/heldout_anti_b.csv", 0.75, 0.15},
		// migration: 0.796 before the migration round, 0.834 after; rule 0.749
		{TaskMigration, "testdata/heldout_migration_b.csv", 0.80, 0.05},
		// 0.692 before the hate-crime round, 0.777 after; rule 0.611
		{TaskHateCrime, "testdata/heldout_hate_b.csv", 0.75, 0.1},
		// 0.833 when the set was written; 0.867 with the contribution
		// model (second look); rule 0.722
		{TaskCounterSpeech, "testdata/heldout_counter_b.csv", 0.84, 0.1},
		// Stance: before the stance round (lexicon section features, ~60
		// training rows) 0.427 and 0.456 on the two heldout files (keyword
		// rule 0.417, 0.409); now 0.865 / 0.728 / 0.749 against the rule's
		// 0.610 / 0.417 / 0.409.
		{TaskStance, "testdata/hand_stance.csv", 0.80, 0.1},
		{TaskStance, "testdata/heldout_stance.csv", 0.70, 0.1},
		{TaskStance, "testdata/heldout_stance_b.csv", 0.70, 0.1},
	} {
		r, err := Evaluate(s, tc.task, tc.file, EvalOptions{Boot: 50})
		if err != nil {
			t.Fatal(err)
		}
		b, err := Evaluate(s, tc.task, tc.file, EvalOptions{Boot: 50, Baseline: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s %s n=%d macro-F1 %.3f [%.3f, %.3f]; keyword rule %.3f", tc.task, tc.file, r.N, r.Value, r.CILow, r.CIHigh, b.Value)
		if r.Value < tc.floor {
			t.Errorf("%s (%s): macro-F1 %.3f below %.2f", tc.task, tc.file, r.Value, tc.floor)
		}
		if r.Value < b.Value+tc.ahead {
			t.Errorf("%s (%s): macro-F1 %.3f does not beat the keyword rule %.3f by %.2f", tc.task, tc.file, r.Value, b.Value, tc.ahead)
		}
	}
}

// Calm policy statements, restrictive and open, are not anti-migrant
// rhetoric: anti_migrant >= 0.5 on the 170 sentences of heldout_stance.csv
// and heldout_stance_b.csv (never trained on; none is hostile) is a false
// positive. Before the policy round 19 of 170 (6 + 13), after it 9 (4 + 5),
// after the news-hostility round 10 (docs/analysis.md, "Policy round").
func TestPolicyStatementsNotHostile(t *testing.T) {
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	fp, n := 0, 0
	for _, f := range []string{"testdata/heldout_stance.csv", "testdata/heldout_stance_b.csv"} {
		ls, err := LoadTextLabel(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range ls {
			n++
			if p := s.ScoreText(TaskAntiMigrant, l.Text); p >= 0.5 {
				fp++
				t.Logf("anti_migrant %.2f on a policy statement: %s", p, l.Text)
			}
		}
	}
	t.Logf("anti_migrant false positives on policy statements: %d of %d", fp, n)
	if fp > 12 {
		t.Errorf("anti_migrant >= 0.5 on %d of %d policy statements, want at most 12", fp, n)
	}
}

// writeFirstLines copies the first n lines of src to dst.
func writeFirstLines(src, dst string, n int) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	lines := strings.SplitAfter(string(b), "\n")
	if len(lines) < n {
		return fmt.Errorf("%s: %d lines, want at least %d", src, len(lines), n)
	}
	return os.WriteFile(dst, []byte(strings.Join(lines[:n], "")), 0o644)
}
