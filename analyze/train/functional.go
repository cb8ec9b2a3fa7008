package train

import (
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/xenoscope/xenoscope/analyze"
	"github.com/xenoscope/xenoscope/model"
)

// FunctionalScores are the scores with a functional test suite, in report
// order.
var FunctionalScores = []string{analyze.TaskAntiMigrant, analyze.TaskCounterSpeech, analyze.TaskMigration, analyze.TaskStance, analyze.TaskHateCrime}

// FunctionalResult is the accuracy of one score on one functionality.
type FunctionalResult struct {
	Score         string  `json:"score"`
	Functionality string  `json:"functionality"`
	N             int     `json:"n"`
	Correct       int     `json:"correct"`
	Accuracy      float64 `json:"accuracy"`
	Templates     int     `json:"templates"`
}

// FunctionalReport is the outcome of a functional evaluation.
type FunctionalReport struct {
	Split   string             `json:"split"`
	Scorer  string             `json:"scorer"`
	Rows    []FunctionalResult `json:"functionalities"`
	Overall map[string]float64 `json:"overall"` // accuracy per score over all its cases
	// Interval is the 95% interval of Overall from 1,000 resamples of
	// templates, not of cases: the cases of a template share a frame and
	// often fail together, so a case resample would claim too much.
	Interval map[string][2]float64 `json:"interval"`
	N        map[string]int        `json:"n"`
	// Failures lists the cases scored wrong (score, functionality, text,
	// expected, prediction), for inspection.
	Failures []FunctionalFailure `json:"failures,omitempty"`
}

// FunctionalFailure is one case scored wrong.
type FunctionalFailure struct {
	Score, Functionality, Text string
	Expected, Prediction       float64
}

// stanceDeadZone: |stance| below it counts as "no direction" (0).
const stanceDeadZone = 0.05

// functionalClass turns a document score into the class a functional case
// expects: 1/0 at 0.5 for probabilities, -1/0/1 for stance.
func functionalClass(task string, v float64) float64 {
	if task == analyze.TaskStance {
		switch {
		case v > stanceDeadZone:
			return 1
		case v < -stanceDeadZone:
			return -1
		}
		return 0
	}
	if v >= 0.5 {
		return 1
	}
	return 0
}

// Functional scores every case of the suites in dir (split "test", the
// default, any of FunctionalSplits, several of them joined by commas to
// pool them, or "all") as `xenoscope score` would (Score on the text as a
// document) and returns the accuracy per score and functionality.
func Functional(s *analyze.Scorer, dir, split string) (*FunctionalReport, error) {
	if split == "" {
		split = "test"
	}
	rep := &FunctionalReport{Split: split, Scorer: s.Version(), Overall: map[string]float64{}, N: map[string]int{},
		Interval: map[string][2]float64{}}
	want := strings.Split(split, ",")
	for _, task := range FunctionalScores {
		rows, err := LoadFunctional(filepath.Join(dir, task+".csv"))
		if err != nil {
			return nil, fmt.Errorf("functional %s: %w", task, err)
		}
		var sel []FunctionalRow
		for _, r := range rows {
			if split == "all" || slices.Contains(want, r.Split) {
				sel = append(sel, r)
			}
		}
		preds := make([]float64, len(sel))
		parallel(len(sel), func(i int) {
			preds[i] = analyze.ScoreOf(s.Score("", sel[i].Text, model.TextContext{}), task)
		})
		type acc struct {
			n, ok int
			tpl   map[string]bool
		}
		by := map[string]*acc{}
		type tally struct{ n, ok int }
		byTpl := map[string]*tally{}
		ok := 0
		for i, r := range sel {
			t := byTpl[r.Template]
			if t == nil {
				t = &tally{}
				byTpl[r.Template] = t
			}
			t.n++
			a := by[r.Functionality]
			if a == nil {
				a = &acc{tpl: map[string]bool{}}
				by[r.Functionality] = a
			}
			a.n++
			a.tpl[r.Template] = true
			if functionalClass(task, preds[i]) == r.Expected {
				a.ok++
				t.ok++
				ok++
			} else {
				rep.Failures = append(rep.Failures, FunctionalFailure{task, r.Functionality, r.Text, r.Expected, preds[i]})
			}
		}
		names := slices.Sorted(maps.Keys(by))
		for _, f := range names {
			a := by[f]
			rep.Rows = append(rep.Rows, FunctionalResult{task, f, a.n, a.ok, float64(a.ok) / float64(a.n), len(a.tpl)})
		}
		if len(sel) > 0 {
			rep.Overall[task] = float64(ok) / float64(len(sel))
			rep.N[task] = len(sel)
			tpls := make([]*tally, 0, len(byTpl))
			for _, k := range slices.Sorted(maps.Keys(byTpl)) {
				tpls = append(tpls, byTpl[k])
			}
			lo, hi := bootstrapCI(len(tpls), 1000, 1, func(idx []int) float64 {
				n, ok := 0, 0
				for _, i := range idx {
					n += tpls[i].n
					ok += tpls[i].ok
				}
				return float64(ok) / float64(n)
			})
			rep.Interval[task] = [2]float64{lo, hi}
		}
	}
	return rep, nil
}
