package cli

import (
	"context"
	"encoding/csv"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/xenoscope/xenoscope/indicators"
	"github.com/xenoscope/xenoscope/internal/atomicfile"
	"github.com/xenoscope/xenoscope/model"
	"github.com/xenoscope/xenoscope/store"
)

func init() {
	register("sample", "draw a stratified sample of stored documents to label by hand (then: xenoscope eval -predictions)", runSample)
}

// sampleTask says which documents a task's sample is drawn from and how its
// score range is cut into strata.
type sampleTask struct {
	gate   string    // "" = every scored document; else the score that must reach the threshold
	bounds []float64 // stratum boundaries, ascending, first and last included
	label  string    // what label 1 means, for the instructions
}

// sampleTasks are the document-level scores a sample can check. The shares
// of anti-migrant and counter-speech documents and the mean stance are
// computed over migration documents, so their samples are drawn from those.
var sampleTasks = map[string]sampleTask{
	"migration":         {"", []float64{0, 0.25, 0.5, 0.75, 1}, "the document is about migration or migrants"},
	"anti_migrant":      {"migration", []float64{0, 0.25, 0.5, 0.75, 1}, "the document contains anti-migrant rhetoric"},
	"counter_speech":    {"migration", []float64{0, 0.25, 0.5, 0.75, 1}, "the document contains counter-speech against xenophobia"},
	"hate_crime_report": {"", []float64{0, 0.25, 0.5, 0.75, 1}, "the document reports a hate crime or racist abuse"},
	"stance":            {"migration", []float64{-1, -0.5, 0, 0.5, 1}, "the document argues for restrictive migration policy (0: open or welcoming, or no policy stance)"},
}

// sampleColumns is the header of the sample file. label is left empty for
// the labeller; stratum, stratum_documents and weight let the labels be
// weighted back to the population (weight = documents in the stratum /
// sampled from it).
var sampleColumns = []string{"document_id", "city", "month", "source", "kind", "url", "title", "text", "label",
	"task", "stratum", "stratum_documents", "weight", "model"}

func runSample(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "sample", "-db xenoscope.db -task TASK -n 200 -out sample.csv [-city NAME ...] [-seed 1]")
	dbPath := dbFlag(fs, false)
	task := fs.String("task", "", "the score to check: migration, anti_migrant, counter_speech, hate_crime_report or stance")
	n := fs.Int("n", 200, "documents to draw (split evenly over the score strata)")
	out := fs.String("out", "", "the CSV file to write (refused if it exists)")
	var cities stringList
	cityFlag(fs, &cities, "default: every city")
	seed := fs.Uint64("seed", 1, "random seed (the same seed and database give the same sample)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	st, ok := sampleTasks[*task]
	switch {
	case *dbPath == "" || *task == "" || *out == "":
		return usageErr("example: xenoscope sample -db xenoscope.db -task anti_migrant -n 200 -out sample.csv", "sample needs -db, -task and -out")
	case !ok:
		return usageErr("use one of migration, anti_migrant, counter_speech, hate_crime_report, stance", "sample: unknown task %q", *task)
	case *n < 1:
		return usageErr("", "-n must be at least 1, got %d", *n)
	}
	if _, err := os.Stat(*out); err == nil {
		return usageErr("choose another -out, or remove the file (it may hold labels)", "%s exists", *out)
	}
	db, err := openForCities(ctx, *dbPath, cities)
	if err != nil {
		return err
	}
	defer db.Close()
	mdl, err := db.ScoreModel(ctx)
	if err != nil {
		return err
	}
	if mdl == "" {
		return usageErr("run xenoscope analyze first", "no scored documents in %s", *dbPath)
	}
	strata, err := drawSample(ctx, db, mdl, *task, st, cities, *n, *seed)
	if err != nil {
		return err
	}
	var picked []sampled
	for _, s := range strata {
		picked = append(picked, s.picked...)
	}
	if len(picked) == 0 {
		return usageErr("check -city, or analyze first", "no documents to sample for %s", *task)
	}
	// The labeller sees the rows in random order, not by stratum.
	r := rand.New(rand.NewPCG(*seed, 0x5a3b1e))
	r.Shuffle(len(picked), func(i, j int) { picked[i], picked[j] = picked[j], picked[i] })
	byID := map[int64]*sampled{}
	ids := make([]int64, len(picked))
	for i := range picked {
		byID[picked[i].id] = &picked[i]
		ids[i] = picked[i].id
	}
	rows := map[int64][]string{}
	err = db.EachDocument(ctx, store.DocumentFilter{IDs: ids}, func(d *model.Document) error {
		p := byID[d.ID]
		s := strata[p.stratum]
		month, _ := d.Month()
		weight := float64(s.size) / float64(len(s.picked))
		rows[d.ID] = []string{strconv.FormatInt(d.ID, 10), safeCell(d.City), month, safeCell(d.Source), d.Kind, safeCell(d.URL),
			safeCell(d.Title), safeCell(d.Text), "", *task, s.name, strconv.Itoa(s.size), strconv.FormatFloat(weight, 'f', -1, 64), mdl}
		return nil
	})
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
		return err
	}
	err = atomicfile.Write(*out, func(f *os.File) error {
		w := csv.NewWriter(f)
		w.Write(sampleColumns)
		for _, id := range ids {
			w.Write(rows[id])
		}
		w.Flush()
		return w.Error()
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s: %d documents for %s\n", *out, len(picked), *task)
	for _, s := range strata {
		fmt.Fprintf(env.Stdout, "  stratum %s (%s score in [%g, %g%s): %d of %d documents\n", s.name, *task, s.lo, s.hi,
			map[bool]string{true: "]", false: ")"}[s.last], len(s.picked), s.size)
	}
	fmt.Fprintf(env.Stdout, "Label each row in the label column: 1 if %s, else 0; leave it empty to skip a row.\n", st.label)
	fmt.Fprintf(env.Stdout, "Then: xenoscope eval -task %s -data %s -predictions predictions.csv\n", *task, *out)
	return nil
}

type sampled struct {
	id      int64
	stratum int
}

type stratum struct {
	name   string
	lo, hi float64
	last   bool
	size   int // documents in the population
	picked []sampled
	seen   int
}

// drawSample draws up to n documents, as evenly over the strata as their
// sizes allow, by reservoir sampling each stratum in one pass over the
// scored documents (the population: documents scored by mdl, among
// migration documents when the task is gated).
func drawSample(ctx context.Context, db *store.DB, mdl, task string, st sampleTask, cities []string, n int, seed uint64) ([]*stratum, error) {
	var strata []*stratum
	for i := 0; i+1 < len(st.bounds); i++ {
		strata = append(strata, &stratum{name: fmt.Sprintf("s%d", i+1), lo: st.bounds[i], hi: st.bounds[i+1], last: i+2 == len(st.bounds)})
	}
	find := func(v float64) int {
		for i, s := range strata {
			if v < s.hi || s.last {
				return i
			}
		}
		return len(strata) - 1
	}
	// First pass: stratum sizes, so that the quota of a small stratum goes
	// to the others.
	err := db.EachSampleCandidate(ctx, mdl, task, st.gate, indicators.Threshold, cities, func(c store.SampleCandidate) error {
		if !math.IsNaN(c.Score) {
			strata[find(c.Score)].size++
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	quota := allocate(n, strata)
	r := rand.New(rand.NewPCG(seed, 0x5a3b1d))
	err = db.EachSampleCandidate(ctx, mdl, task, st.gate, indicators.Threshold, cities, func(c store.SampleCandidate) error {
		if math.IsNaN(c.Score) {
			return nil
		}
		i := find(c.Score)
		s := strata[i]
		s.seen++
		switch {
		case len(s.picked) < quota[i]:
			s.picked = append(s.picked, sampled{c.ID, i})
		case quota[i] > 0:
			if j := r.IntN(s.seen); j < quota[i] {
				s.picked[j] = sampled{c.ID, i}
			}
		}
		return nil
	})
	for _, s := range strata {
		slices.SortFunc(s.picked, func(a, b sampled) int { return int(a.id - b.id) })
	}
	return strata, err
}

// allocate splits n over the strata evenly; what a stratum cannot fill goes
// to the others.
func allocate(n int, strata []*stratum) []int {
	quota := make([]int, len(strata))
	left := n
	for left > 0 {
		open := 0
		for i, s := range strata {
			if quota[i] < s.size {
				open++
			}
		}
		if open == 0 {
			break
		}
		share := max(left/open, 1)
		for i, s := range strata {
			if left == 0 {
				break
			}
			add := min(share, s.size-quota[i], left)
			if add > 0 {
				quota[i] += add
				left -= add
			}
		}
	}
	return quota
}
