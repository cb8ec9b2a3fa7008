package train

import (
	"fmt"
	"github.com/xenoscope/xenoscope/analyze"
	"math"
	"math/rand/v2"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/xenoscope/xenoscope/model"
)

// EvalOptions controls Evaluate.
type EvalOptions struct {
	Baseline bool   // score with the keyword rules instead of the model (not for sample files)
	Split    string // "test" (default: the held-out split of known files) or "all"
	Boot     int    // bootstrap resamples (default 1000)
	Seed     uint64 // bootstrap seed (default 1)
}

// EvalResult is the outcome of one evaluation.
type EvalResult struct {
	Task     string  `json:"task"`
	Data     string  `json:"data"`
	Subset   string  `json:"subset"` // which rows were used
	Scorer   string  `json:"scorer"` // model version or "keyword-baseline"
	N        int     `json:"n"`
	Metric   string  `json:"metric"` // macro_f1 | pearson_r
	Value    float64 `json:"value"`
	CILow    float64 `json:"ci95_low"`
	CIHigh   float64 `json:"ci95_high"`
	Boot     int     `json:"bootstrap"`
	Seed     uint64  `json:"seed"`
	Positive string  `json:"positive,omitempty"` // what label 1 means
	// Classification details (label 1 = positive class).
	Precision float64 `json:"precision,omitempty"` // positive class
	Recall    float64 `json:"recall,omitempty"`
	F1        float64 `json:"f1,omitempty"`
	MacroP    float64 `json:"macro_precision,omitempty"`
	MacroR    float64 `json:"macro_recall,omitempty"`
	Accuracy  float64 `json:"accuracy,omitempty"`
	Positives int     `json:"positives,omitempty"`
	Negatives int     `json:"negatives,omitempty"`
	// Unit is what was scored: "text" (each row as one unit, like a
	// sentence) or "document" (each row scored as analyze scores a stored
	// document; the rows of a file written by xenoscope sample).
	Unit string `json:"unit"`
	// Unlabelled counts rows skipped because their label was empty.
	Unlabelled int `json:"unlabelled,omitempty"`
	// Rows are the evaluated rows with their predictions, in file order.
	Rows []EvalRow `json:"-"`
}

// EvalRow is one evaluated row: its id in the file (document_id for
// sample files, else the CSV line number or the data set's id), its text,
// its label and the scorer's prediction.
type EvalRow struct {
	ID         string
	Text       string
	Label      float64
	Prediction float64
}

// Predicted turns a prediction into the class the metric counts: 1 when a
// probability is >= 0.5 (stance: > 0, restrictive), else 0; tone has no
// class (NaN).
func Predicted(task string, prediction float64) float64 {
	switch task {
	case analyze.TaskTone:
		return math.NaN()
	case analyze.TaskStance:
		if prediction > 0 {
			return 1
		}
		return 0
	}
	if prediction >= 0.5 {
		return 1
	}
	return 0
}

type evalSet struct {
	texts    []string
	labels   []float64
	ids      []string
	subset   string
	positive string
	// document: score each row as a stored document (sample files), with
	// its source's context.
	document   bool
	contexts   []model.TextContext
	unlabelled int
}

// loadSampleFile reads a file written by xenoscope sample: rows with an
// empty label are skipped (not labelled yet); text cells that sample
// protected against spreadsheet formulas get their apostrophe back off.
func loadSampleFile(rows []map[string]string, es *evalSet, task string) error {
	for i, r := range rows {
		lab := strings.TrimSpace(r["label"])
		if lab == "" {
			es.unlabelled++
			continue
		}
		v, err := strconv.ParseFloat(lab, 64)
		if err != nil {
			return fmt.Errorf("row %d: label %q is not a number: %w", i+2, lab, ErrBadData)
		}
		if t := r["task"]; t != "" && t != task {
			return fmt.Errorf("row %d: the sample was drawn for task %s, not %s: %w", i+2, t, task, ErrBadData)
		}
		text := r["text"]
		if len(text) > 1 && text[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(text[1])) {
			text = text[1:]
		}
		es.texts = append(es.texts, text)
		es.labels = append(es.labels, v)
		es.ids = append(es.ids, r["document_id"])
		es.contexts = append(es.contexts, model.TextContext{City: r["city"], Kind: r["kind"]})
	}
	es.document = true
	es.subset = "labelled rows of a xenoscope sample (stratified: weight the rows to estimate population rates)"
	return nil
}

// loadEvalSet picks rows and labels for task from a known or generic file.
func loadEvalSet(task, path, split string) (*evalSet, error) {
	base := filepath.Base(path)
	es := &evalSet{}
	switch {
	case strings.HasSuffix(base, "_GroundTruth.txt"):
		if task != analyze.TaskTone {
			return nil, fmt.Errorf("%s holds tone ratings: use -task tone", base)
		}
		ls, err := LoadRatings(path)
		if err != nil {
			return nil, err
		}
		file := strings.TrimSuffix(base, "_GroundTruth.txt")
		for _, l := range ls {
			if split == "all" || toneSplit(file, l.ID) == SplitTest {
				es.texts = append(es.texts, l.Text)
				es.labels = append(es.labels, l.Label/4)
			}
		}
		es.subset = "held-out 20% by id (never trained on)"
		if split == "all" {
			es.subset = "all rows (80% were used for training!)"
		}
	case strings.EqualFold(base, "DIALOCONAN.csv"):
		ts, err := LoadDIALOCONAN(path)
		if err != nil {
			return nil, err
		}
		for _, t := range ts {
			if !IsMigrantTarget(t.Target) || (split != "all" && dialoSplit(t.Dialogue) != SplitTest) {
				continue
			}
			es.texts = append(es.texts, t.Text)
			switch task {
			case analyze.TaskCounterSpeech:
				es.labels = append(es.labels, t.Label)
				es.positive = "CN (counter-narrative)"
			case analyze.TaskAntiMigrant:
				es.labels = append(es.labels, 1-t.Label)
				es.positive = "HS (hate speech)"
			default:
				return nil, fmt.Errorf("DIALOCONAN evaluates counter_speech or anti_migrant, not %s", task)
			}
		}
		es.subset = "MIGRANTS turns of held-out dialogues (20% of dialogue ids, never trained or calibrated on)"
		if split == "all" {
			es.subset = "all MIGRANTS turns (most were used for training!)"
		}
	default:
		rows, err := ReadCSV(path)
		if err != nil {
			return nil, err
		}
		if len(rows) > 0 {
			if _, ok := rows[0]["document_id"]; ok {
				if err := loadSampleFile(rows, es, task); err != nil {
					return nil, fmt.Errorf("%s: %w", path, err)
				}
				break
			}
			if _, ok := rows[0]["targets"]; ok {
				// HateXplain (id,text,targets,label): the posts whose
				// annotators named refugees among the targets, hate or
				// offensive against normal
				if task != analyze.TaskAntiMigrant {
					return nil, fmt.Errorf("%s is HateXplain: use -task anti_migrant", base)
				}
				for _, r := range rows {
					if !IsHateXplainRefugee(r["targets"]) {
						continue
					}
					es.texts = append(es.texts, r["text"])
					es.ids = append(es.ids, r["id"])
					label := 0.0
					if r["label"] != "normal" {
						label = 1
					}
					es.labels = append(es.labels, label)
				}
				es.subset = "posts with Refugee among the annotated targets (never trained on)"
				es.positive = "hate or offensive"
				break
			}
			if _, ok := rows[0]["HS"]; ok {
				if task != analyze.TaskAntiMigrant {
					return nil, fmt.Errorf("%s is HatEval: use -task anti_migrant", base)
				}
				hs, err := LoadHatEval(path)
				if err != nil {
					return nil, err
				}
				for _, l := range hs {
					if split == "all" || l.Group == "migration" {
						es.texts = append(es.texts, l.Text)
						es.labels = append(es.labels, l.Label)
					}
				}
				es.subset = "migration part (HatEvalMigrationRE)"
				es.positive = "HS=1"
				if split == "all" {
					es.subset = "all rows (women part included)"
				}
				break
			}
		}
		ls, err := LoadTextLabel(path)
		if err != nil {
			return nil, err
		}
		hand := strings.HasPrefix(base, "hand_")
		for _, l := range ls {
			if hand && split != "all" && handSplit(l.Text) != SplitTest {
				continue
			}
			es.texts = append(es.texts, l.Text)
			es.labels = append(es.labels, l.Label)
			es.ids = append(es.ids, l.ID)
		}
		es.subset = "all rows"
		if hand && split != "all" {
			es.subset = "hand-labelled test split (1/3 by text hash, never trained on)"
		}
	}
	if len(es.texts) == 0 {
		if es.unlabelled > 0 {
			return nil, fmt.Errorf("%s: none of its %d rows is labelled yet (fill in the label column)", path, es.unlabelled)
		}
		return nil, fmt.Errorf("%s: no rows for task %s", path, task)
	}
	return es, nil
}

// Evaluate scores the rows of a data file for task and reports macro-F1 (or
// Pearson r for tone) with a seeded percentile-bootstrap 95% CI.
func Evaluate(s *analyze.Scorer, task, path string, o EvalOptions) (*EvalResult, error) {
	if o.Boot <= 0 {
		o.Boot = 1000
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Split == "" {
		o.Split = "test"
	}
	if s.Model(task) == nil {
		return nil, fmt.Errorf("unknown task %q (want one of %s)", task, strings.Join(analyze.Tasks, ", "))
	}
	es, err := loadEvalSet(task, path, o.Split)
	if err != nil {
		return nil, err
	}
	if es.document && o.Baseline {
		return nil, fmt.Errorf("the keyword baseline scores texts, not documents: evaluate a sample file without -baseline")
	}
	preds := make([]float64, len(es.texts))
	parallel(len(es.texts), func(i int) {
		switch {
		case o.Baseline:
			preds[i] = s.Baseline(task, es.texts[i])
		default:
			// every text is scored as `xenoscope score` scores it (language
			// check, a text of more than three sentences and more than 60
			// words by its strongest sentence), the path whose output users
			// and the held-out checks read; until round 101 plain text sets
			// were scored as one unit (ScoreText), which differs on long texts
			var tc model.TextContext // a sample file's city and kind
			if i < len(es.contexts) {
				tc = es.contexts[i]
			}
			preds[i] = analyze.ScoreOf(s.Score("", es.texts[i], tc), task)
		}
	})
	r := &EvalResult{Task: task, Data: path, Subset: es.subset, N: len(preds), Boot: o.Boot, Seed: o.Seed, Positive: es.positive,
		Scorer: s.Version(), Unit: "text", Unlabelled: es.unlabelled}
	if es.document {
		r.Unit = "document"
	}
	for i := range preds {
		id := strconv.Itoa(i + 1)
		if i < len(es.ids) {
			id = es.ids[i]
		}
		r.Rows = append(r.Rows, EvalRow{ID: id, Text: es.texts[i], Label: es.labels[i], Prediction: preds[i]})
	}
	if o.Baseline {
		r.Scorer = "keyword-baseline"
		if task == analyze.TaskTone {
			r.Scorer = "vader-compound"
		}
	}
	regression := task == analyze.TaskTone
	metric := func(idx []int) float64 {
		if regression {
			return pearson(preds, es.labels, idx)
		}
		c := confusion(preds, es.labels, idx, task)
		return c.macroF1()
	}
	all := make([]int, len(preds))
	for i := range all {
		all[i] = i
	}
	if regression {
		r.Metric = "pearson_r"
	} else {
		r.Metric = "macro_f1"
		c := confusion(preds, es.labels, all, task)
		r.Precision, r.Recall, r.F1 = c.prf(1)
		p0, r0, _ := c.prf(0)
		r.MacroP, r.MacroR = (r.Precision+p0)/2, (r.Recall+r0)/2
		r.Accuracy = (c.tp + c.tn) / float64(len(preds))
		r.Positives, r.Negatives = int(c.tp+c.fn), int(c.tn+c.fp)
	}
	r.Value = metric(all)
	r.CILow, r.CIHigh = bootstrapCI(len(preds), o.Boot, o.Seed, metric)
	return r, nil
}

// bootstrapCI is the 95% percentile bootstrap interval of metric over n
// rows: boot resamples of row indices (NaN values skipped), seeded.
func bootstrapCI(n, boot int, seed uint64, metric func(idx []int) float64) (lo, hi float64) {
	rng := rand.New(rand.NewPCG(seed, 0xb007))
	vals := make([]float64, 0, boot)
	idx := make([]int, n)
	for b := 0; b < boot; b++ {
		for i := range idx {
			idx[i] = rng.IntN(n)
		}
		if v := metric(idx); !math.IsNaN(v) {
			vals = append(vals, v)
		}
	}
	if len(vals) == 0 {
		return 0, 0
	}
	sort.Float64s(vals)
	return vals[int(0.025*float64(len(vals)))], vals[min(len(vals)-1, int(0.975*float64(len(vals))))]
}

// parallel runs fn(0..n-1) on GOMAXPROCS goroutines.
func parallel(n int, fn func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int, n)
	for i := range n {
		next <- i
	}
	close(next)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	wg.Wait()
}

type conf struct{ tp, fp, tn, fn float64 }

func confusion(preds, labels []float64, idx []int, task string) conf {
	var c conf
	for _, i := range idx {
		c.add(Predicted(task, preds[i]) == 1, labels[i] > 0.5)
	}
	return c
}

// add counts one prediction p against its label y.
func (c *conf) add(p, y bool) {
	switch {
	case p && y:
		c.tp++
	case p && !y:
		c.fp++
	case !p && y:
		c.fn++
	default:
		c.tn++
	}
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// prf is precision, recall, F1 of class cls (1 positive, 0 negative).
func (c conf) prf(cls int) (p, r, f float64) {
	tp, fp, fn := c.tp, c.fp, c.fn
	if cls == 0 {
		tp, fp, fn = c.tn, c.fn, c.fp
	}
	if tp+fp > 0 {
		p = tp / (tp + fp)
	}
	if tp+fn > 0 {
		r = tp / (tp + fn)
	}
	return p, r, f1(p, r)
}

func (c conf) macroF1() float64 {
	_, _, a := c.prf(1)
	_, _, b := c.prf(0)
	return (a + b) / 2
}

func pearson(x, y []float64, idx []int) float64 {
	n := float64(len(idx))
	var sx, sy float64
	for _, i := range idx {
		sx += x[i]
		sy += y[i]
	}
	mx, my := sx/n, sy/n
	var sxy, sxx, syy float64
	for _, i := range idx {
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 || syy == 0 {
		return math.NaN()
	}
	return sxy / math.Sqrt(sxx*syy)
}
