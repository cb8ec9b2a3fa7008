package train

import (
	"fmt"
	"math"
	"path/filepath"
	"sort"

	"github.com/xenoscope/xenoscope/analyze"
	"github.com/xenoscope/xenoscope/model"
)

// CrossSourceDir holds the independent cross-source test sets
// (analyze/testdata/crosssource: manifesto sentences, statements, news
// passages, comments), written by someone who saw no model, code or data.
const CrossSourceDir = "analyze/testdata/crosssource"

// CrossResult is one score measured on one cross-source file.
type CrossResult struct {
	File   string  `json:"file"`
	Score  string  `json:"score"`
	Subset string  `json:"subset"`
	N      int     `json:"n"`
	Metric string  `json:"metric"` // macro_f1 | share
	Value  float64 `json:"value"`
	// CILow and CIHigh are the 95% bootstrap interval of a macro_f1 (1,000
	// resamples of the rows, seed 1).
	CILow  float64 `json:"ci_low,omitempty"`
	CIHigh float64 `json:"ci_high,omitempty"`
	// Zeros counts stance predictions of exactly 0 (no direction) on
	// sentences that have one.
	Zeros int `json:"zeros,omitempty"`
}

// crossColumns: which scores each file labels.
var crossColumns = map[string][]string{
	"manifesto.csv":  {analyze.TaskMigration, analyze.TaskStance},
	"statements.csv": {analyze.TaskMigration, analyze.TaskAntiMigrant, analyze.TaskCounterSpeech, analyze.TaskHateCrime},
	"news.csv":       {analyze.TaskMigration, analyze.TaskAntiMigrant, analyze.TaskCounterSpeech, analyze.TaskHateCrime},
	"comments.csv":   {analyze.TaskAntiMigrant, analyze.TaskCounterSpeech},
}

// CrossSource scores every row of the cross-source files in dir as
// `xenoscope score` would and returns macro-F1 per file and score; for
// stance, restrictive vs open on the migration sentences that have a
// direction (and how many got none); for comments, the share of hostility
// aimed at other groups or individuals scored anti_migrant >= 0.5.
func CrossSource(s *analyze.Scorer, dir string) ([]CrossResult, error) {
	files := make([]string, 0, len(crossColumns))
	for f := range crossColumns {
		files = append(files, f)
	}
	sort.Strings(files)
	var out []CrossResult
	for _, f := range files {
		rows, err := ReadCSV(filepath.Join(dir, f))
		if err != nil {
			return nil, err
		}
		scores := make([]model.Scores, len(rows))
		parallel(len(rows), func(i int) {
			scores[i] = s.Score("", rows[i]["text"], model.TextContext{})
		})
		for _, task := range crossColumns[f] {
			var c conf
			var pairs [][2]bool
			n, zeros := 0, 0
			for i, r := range rows {
				var y float64
				if _, err := fmt.Sscan(r[task], &y); err != nil {
					return nil, fmt.Errorf("%s: row %d: %s %q: %w", f, i+2, task, r[task], ErrBadData)
				}
				p := analyze.ScoreOf(scores[i], task)
				if task == analyze.TaskStance {
					if y == 0 {
						continue
					}
					if p == 0 {
						zeros++
					}
					pairs = append(pairs, [2]bool{p > 0, y > 0})
				} else {
					pairs = append(pairs, [2]bool{p >= 0.5, y >= 0.5})
				}
				c.add(pairs[len(pairs)-1][0], pairs[len(pairs)-1][1])
				n++
			}
			sub := "all rows"
			if task == analyze.TaskStance {
				sub = "migration sentences with a direction: restrictive vs open"
			}
			lo, hi := bootstrapCI(len(pairs), 1000, 1, func(idx []int) float64 {
				var c conf
				for _, i := range idx {
					c.add(pairs[i][0], pairs[i][1])
				}
				return c.macroF1()
			})
			out = append(out, CrossResult{File: f, Score: task, Subset: sub, N: n, Metric: "macro_f1", Value: c.macroF1(),
				CILow: lo, CIHigh: hi, Zeros: zeros})
		}
		if f == "comments.csv" {
			n, pos := 0, 0
			for i, r := range rows {
				if r["target"] == "other_group" || r["target"] == "individual" {
					n++
					if scores[i].AntiMigrant >= 0.5 {
						pos++
					}
				}
			}
			out = append(out, CrossResult{File: f, Score: analyze.TaskAntiMigrant, Subset: "hostility at other groups or individuals: share scored >= 0.5", N: n, Metric: "share", Value: float64(pos) / math.Max(float64(n), 1)})
		}
	}
	return out, nil
}
