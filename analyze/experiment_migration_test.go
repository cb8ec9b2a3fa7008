package analyze

// Migration round: the migration score misses sentences that are about
// migration without a migration word ("Forty people who crossed the Channel
// on Monday were brought ashore at Dover.") and fires on other senses of
// its anchors ("The flower border in the park", "pay by Visa card"):
// val_migration.csv (40 rows written for this round, in no training or test
// file) 0.413, keyword rule 0.341. Ideas: hand_migration.csv (50 rows,
// train split) in the migration training data at weight w, and the anchor
// phrases of topic.txt for the migration gate.
//
// Validation only: val_migration.csv; false positives on the news
// validation sentences and short article lines (not about migration by
// construction); macro-F1 on the migration calibration rows (HatEval
// migration part vs women part, DIALOCONAN MIGRANTS vs other targets).
// Every variant retrains with TrainAll into a temporary directory (about 15
// s each). Runs only with XS_EXPERIMENT=1:
//
//	XS_EXPERIMENT=1 go test ./analyze/ -run TestExperimentMigration -v -timeout 30m
//
// Pre-registered bar (fixed before the first run): the variant with the best
// val_migration macro-F1 is adopted if it beats the shipped row (old gate,
// no hand rows) by at least 0.10, with at most 3 more news false positives
// and calibration macro-F1 at most 0.02 lower.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xenoscope/xenoscope/internal/shareddata"
)

func TestExperimentMigration(t *testing.T) {
	if os.Getenv("XS_EXPERIMENT") == "" {
		t.Skip("set XS_EXPERIMENT=1")
	}
	hp := shareddata.Require(t, "hateval", "en_train.csv")
	dataDir := filepath.Dir(filepath.Dir(hp))
	val, err := LoadTextLabel("testdata/val_migration.csv")
	if err != nil {
		t.Fatal(err)
	}
	newsVal := newsValSentences(t)
	hTrain, err := LoadHatEval(hp)
	if err != nil {
		t.Fatal(err)
	}
	dialo, err := LoadDIALOCONAN(filepath.Join(dataDir, "counter-speech", "DIALOCONAN.csv"))
	if err != nil {
		t.Fatal(err)
	}
	var calT []string
	var calY []float64
	for _, l := range hTrain {
		if hatevalSplit(l.ID) == SplitCalib {
			y := 0.0
			if l.Group == "migration" {
				y = 1
			}
			calT, calY = append(calT, l.Text), append(calY, y)
		}
	}
	for _, d := range dialo {
		if dialoSplit(d.Dialogue) == SplitCalib && (IsMigrantTarget(d.Target) || !strings.Contains(d.Target, "MUSLIMS")) {
			y := 0.0
			if IsMigrantTarget(d.Target) {
				y = 1
			}
			calT, calY = append(calT, d.Text), append(calY, y)
		}
	}
	oldW, oldAnchors := handWeight, topicAnchors
	defer func() { handWeight, topicAnchors = oldW, oldAnchors }()
	type variant struct {
		name    string
		anchors bool
		w       float64
	}
	var baseV, baseC float64
	baseFP := 0
	for i, v := range []variant{
		{"old gate, no hand rows (shipped)", false, 0},
		{"old gate, hand w 5", false, 5}, {"old gate, hand w 20", false, 20},
		{"topic anchors, no hand rows", true, 0},
		{"topic anchors, hand w 5", true, 5}, {"topic anchors, hand w 20", true, 20},
	} {
		handWeight, topicAnchors = v.w, v.anchors
		dir := t.TempDir()
		if err := TrainAll(dataDir, "testdata", dir, nil); err != nil {
			t.Fatal(err)
		}
		m, err := LoadModel(filepath.Join(dir, TaskMigration+".json"))
		if err != nil {
			t.Fatal(err)
		}
		s, err := New(WithModel(TaskMigration, m))
		if err != nil {
			t.Fatal(err)
		}
		score := func(texts []string) []float64 {
			ps := make([]float64, len(texts))
			for i, x := range texts {
				ps[i] = s.ScoreText(TaskMigration, x)
			}
			return ps
		}
		var vy []float64
		var vt []string
		for _, l := range val {
			vt, vy = append(vt, l.Text), append(vy, l.Label)
		}
		vf := macroF1Of(score(vt), vy, TaskMigration)
		cf := macroF1Of(score(calT), calY, TaskMigration)
		fp := 0
		for _, p := range score(newsVal) {
			if p >= 0.5 {
				fp++
			}
		}
		t.Logf("%-36s val_migration %.3f | calibration rows %.3f (n=%d) | news FP %d/%d", v.name, vf, cf, len(calY), fp, len(newsVal))
		if i == 0 {
			baseV, baseC, baseFP = vf, cf, fp
			continue
		}
		t.Logf("  %+.3f val, %+.3f calib, %+d news FP -> within bar: %v", vf-baseV, cf-baseC, fp-baseFP,
			vf >= baseV+0.10 && cf >= baseC-0.02 && fp <= baseFP+3)
	}
}
