package cli

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/xenoscope/xenoscope/analyze"
	"github.com/xenoscope/xenoscope/analyze/train"
	"github.com/xenoscope/xenoscope/internal/atomicfile"
)

func init() {
	register("eval", "evaluate a score on labeled data: macro-F1 or Pearson r with a bootstrap 95% CI", runEval)
}

func runEval(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "eval", "-task TASK -data FILE [-predictions OUT.csv] [-baseline] [-split test|all] [-format text|json]")
	task := fs.String("task", "", "functional (the functional test suites), crosssource (the cross-source test sets), or one of "+strings.Join(analyze.Tasks, ", "))
	data := fs.String("data", "", "a file written by xenoscope sample (labelled), a CSV with text,label, HatEval csv, DIALOCONAN.csv or *_GroundTruth.txt")
	predictions := fs.String("predictions", "", "write every evaluated row with its label and the prediction to this CSV")
	baseline := fs.Bool("baseline", false, "score with the keyword rules (VADER for tone) instead of the model")
	split := fs.String("split", "test", "test: the held-out rows of known files (functional: the test templates); all: every row; train, dev, fresh, blind, blind2 ... blind6: the functional templates of that split (several joined by commas are pooled: blind2,blind3,blind4,blind5,blind6)")
	boot := fs.Int("boot", 1000, "bootstrap resamples")
	seed := fs.Uint64("seed", 1, "bootstrap seed")
	format := newFormat(fs, true, "text", "json")
	var models modelFlags
	fs.Var(&models, "model", "TASK=FILE.json: use a retrained model for TASK (repeatable)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *task == "functional" {
		return runFunctional(env, *data, *split, format.value == "json", models)
	}
	if *task == "crosssource" {
		return runCrossSource(env, *data, format.value == "json", models)
	}
	if *task == "" || *data == "" {
		return usageErr("example: xenoscope eval -task anti_migrant -data ../shared/data/hateval/en_dev.csv", "-task and -data are required")
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if *split != "test" && *split != "all" {
		return usageErr("", "-split must be test or all, not %q", *split)
	}
	s, err := newScorer(models)
	if err != nil {
		return err
	}
	r, err := train.Evaluate(s, *task, *data, train.EvalOptions{Baseline: *baseline, Split: *split, Boot: *boot, Seed: *seed})
	if err != nil {
		return usageErr("", "eval %s on %s: %v", *task, *data, err)
	}
	if *predictions != "" {
		if err := writePredictions(*predictions, r); err != nil {
			return err
		}
	}
	if format.value == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	w := env.Stdout
	fmt.Fprintf(w, "task      %s\ndata      %s\nsubset    %s\nunit      %s\nscorer    %s\nn         %d\n", r.Task, r.Data, r.Subset, r.Unit, r.Scorer, r.N)
	if r.Unlabelled > 0 {
		fmt.Fprintf(w, "skipped   %d rows without a label\n", r.Unlabelled)
	}
	fmt.Fprintf(w, "%-9s %.3f  (95%% CI %.3f-%.3f, %d bootstrap resamples, seed %d)\n", r.Metric, r.Value, r.CILow, r.CIHigh, r.Boot, r.Seed)
	if r.Metric == "macro_f1" {
		fmt.Fprintf(w, "positive  %s: %d positives, %d negatives\n", r.Positive, r.Positives, r.Negatives)
		fmt.Fprintf(w, "class 1   precision %.3f recall %.3f F1 %.3f\nmacro     precision %.3f recall %.3f; accuracy %.3f\n", r.Precision, r.Recall, r.F1, r.MacroP, r.MacroR, r.Accuracy)
	}
	return nil
}

// predictionColumns is the header of eval -predictions.
var predictionColumns = []string{"id", "label", "prediction", "predicted_label", "correct", "text"}

// writePredictions writes every evaluated row beside its label: the
// prediction (probability, or stance/tone value), the class it counts as
// (empty for tone) and whether that matches the label.
func writePredictions(path string, r *train.EvalResult) error {
	return atomicfile.Write(path, func(f *os.File) error {
		w := csv.NewWriter(f)
		w.Write(predictionColumns)
		for _, row := range r.Rows {
			cls := train.Predicted(r.Task, row.Prediction)
			predicted, correct := "", ""
			if !math.IsNaN(cls) {
				predicted = strconv.Itoa(int(cls))
				correct = strconv.FormatBool((cls == 1) == (row.Label > 0.5))
			}
			w.Write([]string{safeCell(row.ID), strconv.FormatFloat(row.Label, 'f', -1, 64),
				strconv.FormatFloat(row.Prediction, 'f', 4, 64), predicted, correct, safeCell(row.Text)})
		}
		w.Flush()
		return w.Error()
	})
}

// modelFlags collects -model TASK=FILE.json.
type modelFlags []string

func (m *modelFlags) String() string     { return strings.Join(*m, ",") }
func (m *modelFlags) Set(v string) error { *m = append(*m, v); return nil }

// newScorer loads the embedded models, replacing those given by -model.
func newScorer(models modelFlags) (*analyze.Scorer, error) {
	var opts []analyze.Option
	for _, mv := range models {
		task, file, ok := strings.Cut(mv, "=")
		if !ok {
			return nil, usageErr("example: -model anti_migrant=my_model.json", "bad -model %q", mv)
		}
		m, err := analyze.LoadModel(file)
		if err != nil {
			return nil, usageErr("", "%v", err)
		}
		opts = append(opts, analyze.WithModel(task, m))
	}
	s, err := analyze.New(opts...)
	if err != nil {
		return nil, usageErr("", "load models: %v", err)
	}
	return s, nil
}

// runFunctional prints the accuracy per functionality of the functional
// test suites (analyze/testdata/functional, or -data DIR).
func runFunctional(env *Env, dir, split string, asJSON bool, models modelFlags) error {
	if dir == "" {
		dir = train.FunctionalDir
	}
	for _, sp := range strings.Split(split, ",") {
		if split != "all" && !slices.Contains(train.FunctionalSplits, sp) {
			return usageErr("", "-split must be all, or one or more (joined by commas) of %s for -task functional, not %q", strings.Join(train.FunctionalSplits, ", "), split)
		}
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return usageErr("run from the repository root or pass -data analyze/testdata/functional", "functional suites folder %s not found", dir)
	}
	s, err := newScorer(models)
	if err != nil {
		return err
	}
	rep, err := train.Functional(s, dir, split)
	if err != nil {
		return usageErr("", "eval functional: %v", err)
	}
	if asJSON {
		rep.Failures = nil
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	w := env.Stdout
	fmt.Fprintf(w, "functional suites %s, %s templates, scorer %s (overall: accuracy and its 95%% interval over 1,000 resamples of templates)\n", dir, split, rep.Scorer)
	fmt.Fprintf(w, "%-18s %-24s %5s %9s %9s\n", "score", "functionality", "n", "templates", "accuracy")
	for _, r := range rep.Rows {
		mark := ""
		if r.Accuracy < 0.80 {
			mark = "  < 0.80"
		}
		fmt.Fprintf(w, "%-18s %-24s %5d %9d %9.3f%s\n", r.Score, r.Functionality, r.N, r.Templates, r.Accuracy, mark)
	}
	for _, sc := range train.FunctionalScores {
		if n, ok := rep.N[sc]; ok {
			iv := rep.Interval[sc]
			fmt.Fprintf(w, "%-18s %-24s %5d %9s %9.3f  [%.3f, %.3f]\n", sc, "(overall)", n, "", rep.Overall[sc], iv[0], iv[1])
		}
	}
	return nil
}

// runCrossSource prints every score's figure on the cross-source test sets
// (analyze/testdata/crosssource, or -data DIR).
func runCrossSource(env *Env, dir string, asJSON bool, models modelFlags) error {
	if dir == "" {
		dir = train.CrossSourceDir
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return usageErr("run from the repository root or pass -data analyze/testdata/crosssource", "cross-source folder %s not found", dir)
	}
	s, err := newScorer(models)
	if err != nil {
		return err
	}
	rs, err := train.CrossSource(s, dir)
	if err != nil {
		return usageErr("", "eval crosssource: %v", err)
	}
	if asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rs)
	}
	fmt.Fprintf(env.Stdout, "cross-source test sets %s, scorer %s\n", dir, s.Version())
	for _, r := range rs {
		extra := ""
		if r.Zeros > 0 {
			extra = fmt.Sprintf(" (%d with stance exactly 0)", r.Zeros)
		}
		ci := ""
		if r.CIHigh > 0 {
			ci = fmt.Sprintf(" [%.3f, %.3f]", r.CILow, r.CIHigh)
		}
		fmt.Fprintf(env.Stdout, "%-15s %-18s %-8s %.3f%s  n=%d  %s%s\n", r.File, r.Score, r.Metric, r.Value, ci, r.N, r.Subset, extra)
	}
	return nil
}
