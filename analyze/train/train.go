// Package train builds and evaluates the models of package analyze: it
// reads the labelled data sets (../shared/data and analyze/testdata),
// trains the linear models deterministically, writes them to
// analyze/models, builds the word list and the WordNet-widened lexicons,
// and evaluates a scorer on labelled files (`xenoscope train`, `xenoscope
// eval`). Nothing here runs when scoring. docs/analysis.md describes every
// model, its data and its measured accuracy.
package train

import (
	"fmt"
	"io"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/xenoscope/xenoscope/analyze"
	"github.com/xenoscope/xenoscope/nlp"
)

// Training hyper-parameters (fixed; not tuned on any test split).
var (
	clsOptions  = trainOptions{Epochs: 12, L2: 1e-4, LR: 0.1, MinCount: 2, Seed: 1, Balance: true, Average: true}
	handOptions = trainOptions{Epochs: 40, L2: 1e-2, LR: 0.1, MinCount: 1, Seed: 1, Balance: true}
	toneOptions = trainOptions{Epochs: 11, L2: 0.1, LR: 0.05, MinCount: 3, Seed: 1}
	// anti_migrant and counter_speech (round 2): few, dense features
	targetOptions = trainOptions{Epochs: 30, L2: 1e-3, LR: 0.1, MinCount: 3, Seed: 1, Balance: true, Average: true}
)

// Family weights of anti_migrant, counter_speech and migration (round 2):
// each family of text shares its weight over its rows, so that no corpus
// decides alone what a feature means. A word (w: feature) is kept only
// when its association with the label has the same sign in at least two
// families where it occurs five times and the opposite sign in none:
// "build" (#BuildTheWall) or "america" are hostile in tweets and nowhere
// else (docs/analysis.md, "Round 2 choices").
var familyWeights = map[string]float64{
	famTweets: 1, famDialogues: 1, famFunctional: 1, famNews: 0.5, famArticles: 0.3,
}

// families of text
const (
	famTweets     = "tweets"
	famDialogues  = "dialogues"
	famFunctional = "functional"
	famNews       = "news"
	famArticles   = "articles"
)

// familyRows is the nominal size every family is weighted to.
const familyRows = 3000.0

// Example weights of the other models (chosen on validation data, see
// docs/analysis.md).
var (
	// hand-labelled news-like examples for migration (hand_migration.csv)
	handWeight = 20.0
)

// HandDataDir is where the hand-labelled examples live, relative to the
// repository root (analyze/testdata).
const HandDataDir = "analyze/testdata"

// FunctionalDir holds the functional test suites (analyze/testdata/functional).
const FunctionalDir = "analyze/testdata/functional"

// row is one labelled text of a family for one task.
type row struct {
	text   string
	label  float64
	family string
	split  string // train | calib
}

// targetRows returns the anti_migrant (anti) or counter_speech rows of the
// round-2 recipe: tweets, dialogues, functional train templates, news-like
// hand-labelled sentences, article sentences.
func targetRows(dataDir, handDir string, anti bool) ([]row, error) {
	var rs []row
	hs, err := LoadHatEval(filepath.Join(dataDir, "hateval", "en_train.csv"))
	if err != nil {
		return nil, err
	}
	for _, l := range hs {
		sp := hatevalSplit(l.ID)
		if anti {
			// the women part: hostility aimed at others is not anti_migrant
			y := 0.0
			if l.Group == "migration" && l.Label == 1 {
				y = 1
			}
			rs = append(rs, row{l.Text, y, famTweets, sp})
		} else if l.Label == 1 {
			rs = append(rs, row{l.Text, 0, famTweets, sp})
		}
	}
	dl, err := LoadDIALOCONAN(filepath.Join(dataDir, "counter-speech", "DIALOCONAN.csv"))
	if err != nil {
		return nil, err
	}
	for _, d := range dl {
		sp := dialoSplit(d.Dialogue)
		if sp == SplitTest {
			continue
		}
		if !anti {
			rs = append(rs, row{d.Text, d.Label, famDialogues, sp})
			continue
		}
		switch {
		case IsMigrantTarget(d.Target):
			rs = append(rs, row{d.Text, 1 - d.Label, famDialogues, sp})
		case d.Type == "HS":
			// hate at other targets: a negative only where it names the
			// other group (else its target is unknown: dropped in rowsFor)
			rs = append(rs, row{d.Text, -1, famDialogues, sp})
		default:
			rs = append(rs, row{d.Text, 0, famDialogues, sp})
		}
	}
	task := analyze.TaskCounterSpeech
	if anti {
		task = analyze.TaskAntiMigrant
	}
	fr, err := LoadFunctional(filepath.Join(handDir, "functional", task+".csv"))
	if err != nil {
		return nil, err
	}
	for _, f := range fr {
		if !trainedSplit(f.Split) {
			continue // the test templates are never trained or tuned on
		}
		sp := SplitTrain
		if bucket("func:"+f.Template) < 20 {
			sp = SplitCalib
		}
		rs = append(rs, row{f.Text, f.Expected, famFunctional, sp})
	}
	hand := []string{"hand_counter_speech.csv", "hand_contribution.csv"}
	if anti {
		hand = []string{"hand_anti_migrant.csv"}
	}
	for _, name := range hand {
		ls, err := LoadTextLabel(filepath.Join(handDir, name))
		if err != nil {
			return nil, err
		}
		for _, l := range ls {
			if handSplit(l.Text) == SplitTrain {
				rs = append(rs, row{l.Text, l.Label, famNews, SplitTrain})
			}
		}
	}
	if anti {
		pol, err := policyNegatives(handDir)
		if err != nil {
			return nil, err
		}
		for _, l := range pol {
			if handSplit(l.Text) == SplitTrain {
				rs = append(rs, row{l.Text, 0, famNews, SplitTrain})
			}
		}
	}
	news, err := newsSentences(dataDir)
	if err != nil {
		return nil, err
	}
	for _, l := range news {
		rs = append(rs, row{l.Text, 0, famArticles, newsSplit(l)})
	}
	return rs, nil
}

// trainTarget trains anti_migrant or counter_speech on rows (round 2).
func trainTarget(s *analyze.Scorer, task string, rs []row) (*analyze.LinearModel, int) {
	feats := make([][]analyze.Feature, len(rs))
	for i, r := range rs {
		feats[i] = s.Features(task, r.text)
	}
	anti := task == analyze.TaskAntiMigrant
	use := make([]bool, len(rs))
	for i, r := range rs {
		use[i] = true
		migrant, other := has(feats[i], "t:migrant"), has(feats[i], "t:other")
		switch {
		case anti && !migrant:
			// the gate: a unit without a migrant target is never
			// anti_migrant, so it teaches the model nothing
			use[i] = false
		case r.label < 0:
			use[i] = anti && other && !migrant
			rs[i].label = 0
		}
	}
	// sign consistency: a word's association with the label, per family
	// (smoothed log-odds); kept only when at least two families where it
	// occurs five times agree on its sign and none disagrees
	type cnt struct{ pos, neg float64 }
	wc := map[string]map[string]*cnt{}
	tot := map[string]*cnt{}
	for i, r := range rs {
		if !use[i] || r.split != SplitTrain {
			continue
		}
		if tot[r.family] == nil {
			tot[r.family] = &cnt{}
		}
		if r.label > 0.5 {
			tot[r.family].pos++
		} else {
			tot[r.family].neg++
		}
		for _, f := range feats[i] {
			if !strings.HasPrefix(f.Name, "w:") {
				continue
			}
			if wc[f.Name] == nil {
				wc[f.Name] = map[string]*cnt{}
			}
			c := wc[f.Name][r.family]
			if c == nil {
				c = &cnt{}
				wc[f.Name][r.family] = c
			}
			if r.label > 0.5 {
				c.pos++
			} else {
				c.neg++
			}
		}
	}
	consistent := map[string]bool{}
	for w, byFam := range wc {
		if task == analyze.TaskMigration {
			// the topic: a word of two or more families is topic
			// vocabulary ("visa", "policy"), whatever the sign's
			// strength in each (measured better on the independent
			// migration sets than the sign filter: docs/analysis.md)
			consistent[w] = len(byFam) >= 2
			continue
		}
		agree, plus, minus := 0, 0, 0
		for fam, c := range byFam {
			if c.pos+c.neg < 5 {
				continue
			}
			t := tot[fam]
			lor := math.Log((c.pos+0.5)/(c.neg+0.5)) - math.Log((t.pos+1)/(t.neg+1))
			switch {
			case lor > 0.3:
				plus++
			case lor < -0.3:
				minus++
			}
			agree++
		}
		consistent[w] = agree >= 2 && (plus >= 2 && minus == 0 || minus >= 2 && plus == 0)
	}
	keep := func(fs []analyze.Feature) []analyze.Feature {
		out := make([]analyze.Feature, 0, len(fs))
		for _, f := range fs {
			if !strings.HasPrefix(f.Name, "w:") || consistent[f.Name] {
				out = append(out, f)
			}
		}
		return out
	}
	n := map[string]float64{}
	for i, r := range rs {
		if use[i] && r.split == SplitTrain {
			n[r.family]++
		}
	}
	var tr, cal []example
	for i, r := range rs {
		if !use[i] {
			continue
		}
		ex := example{keep(feats[i]), r.label, familyWeights[r.family] * familyRows / max(n[r.family], 1)}
		switch r.split {
		case SplitTrain:
			tr = append(tr, ex)
		case SplitCalib:
			// calibrated on the text that carries the decision: tweets
			// about migration, dialogues, functional templates
			if r.family != famArticles {
				cal = append(cal, ex)
			}
		}
	}
	m := trainLinear(tr, false, targetOptions)
	m.Task = task
	ms := make([]float64, len(cal))
	ys := make([]float64, len(cal))
	for i, e := range cal {
		ms[i], ys[i] = m.Margin(e.feats), e.label
	}
	m.PlattA, m.PlattB = fitPlattBalanced(ms, ys)
	return m, len(tr)
}

func has(fs []analyze.Feature, name string) bool {
	for _, f := range fs {
		if f.Name == name {
			return true
		}
	}
	return false
}

// trainCalibrated trains on train and fits Platt scaling on calib.
func trainCalibrated(task string, train, calib []example, o trainOptions) *analyze.LinearModel {
	m := trainLinear(train, false, o)
	m.Task = task
	if len(calib) > 0 {
		ms := make([]float64, len(calib))
		ys := make([]float64, len(calib))
		for i, e := range calib {
			ms[i] = m.Margin(e.feats)
			ys[i] = e.label
		}
		m.PlattA, m.PlattB = fitPlatt(ms, ys)
	}
	return m
}

// newsSentences returns sentences of the Zyte benchmark article bodies
// (general news, not about migration) as negatives.
func newsSentences(dataDir string) ([]Labeled, error) {
	bodies, err := LoadArticleBodies(filepath.Join(dataDir, "articles", "ground-truth.json"))
	if err != nil {
		return nil, err
	}
	var news []Labeled
	for bi, b := range bodies {
		d := nlp.Parse(b)
		for i := range d.Sentences {
			t := d.SentenceText(i)
			if len(d.SentenceTokens(i)) < 5 || HatEvalMigrationRE.MatchString(t) {
				continue
			}
			news = append(news, Labeled{ID: fmt.Sprintf("news%d/%d", bi, i), Text: t})
		}
	}
	return news, nil
}

func newsSplit(l Labeled) string {
	if bucket("news:"+l.ID) < 10 {
		return SplitCalib
	}
	return SplitTrain
}

// TrainAll trains every model from the shared data folder and the
// hand-labelled examples (handDir: analyze/testdata), and writes
// outDir/TASK.json plus outDir/vader_lexicon.txt. Deterministic. The word
// list and the WordNet lexicon (BuildLexicons) are inputs of the features:
// build them first and rebuild the binary, then train.
func TrainAll(dataDir, handDir, outDir string, log *slog.Logger) error {
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	// VADER lexicon: token TAB mean, MIT licence (cjhutto/vaderSentiment).
	vsrc, err := os.ReadFile(filepath.Join(dataDir, "sentiment", "vader_lexicon.txt"))
	if err != nil {
		return fmt.Errorf("train: %w", err)
	}
	var vb strings.Builder
	for _, l := range strings.Split(string(vsrc), "\n") {
		f := strings.Split(l, "\t")
		if len(f) >= 2 {
			vb.WriteString(f[0] + "\t" + f[1] + "\n")
		}
	}
	s, err := analyze.NewFeaturizer()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(outDir, "vader_lexicon.txt"), []byte(vb.String()), 0o644); err != nil {
		return err
	}
	write := func(m *analyze.LinearModel, task, on string, n int) error {
		m.Task = task
		m.TrainedOn = on
		m.Counts = map[string]int{"train_examples": n}
		log.Info("trained", "task", task, "examples", n, "features", len(m.Weights), "platt_a", m.PlattA, "platt_b", m.PlattB)
		return m.Save(filepath.Join(outDir, task+".json"))
	}

	// anti_migrant and counter_speech (round 2)
	for _, task := range []string{analyze.TaskAntiMigrant, analyze.TaskCounterSpeech} {
		rs, err := targetRows(dataDir, handDir, task == analyze.TaskAntiMigrant)
		if err != nil {
			return fmt.Errorf("train %s: %w", task, err)
		}
		m, n := trainTarget(s, task, rs)
		on := "target analysis (analyze/target.go) + words of two or more families; family-weighted: HatEval en_train (tweets: target features only), DIALOCONAN train dialogues, functional train templates, hand-labelled news-like sentences, Zyte news sentences; Platt on the calibration splits of tweets, dialogues and functional templates"
		if err := write(m, task, on, n); err != nil {
			return err
		}
	}

	// migration
	if err := trainMigration(s, dataDir, handDir, write); err != nil {
		return err
	}

	// tone: ridge regression on VADER features + n-grams, target rating/4.
	var tone []example
	for _, f := range []string{"tweets", "movieReviewSnippets", "amazonReviewSnippets"} {
		ls, err := LoadRatings(filepath.Join(dataDir, "sentiment", f+"_GroundTruth.txt"))
		if err != nil {
			return fmt.Errorf("train: %w", err)
		}
		for _, l := range ls {
			if toneSplit(f, l.ID) != SplitTrain {
				continue
			}
			w := 1.0
			if f == "tweets" { // short social-media texts weighted 2x (chosen on a validation slice)
				w = 2
			}
			tone = append(tone, example{s.Features(analyze.TaskTone, l.Text), l.Label / 4, w})
		}
	}
	tm := trainLinear(tone, true, toneOptions)
	tm.PlattA = 1
	if err := write(tm, analyze.TaskTone, "VADER human-rated sentences (tweets, movie, Amazon snippets), 80% train split by id; target rating/4; features: faithful VADER scores + word n-grams", len(tone)); err != nil {
		return err
	}

	// stance (round 2): direction and position features, family-weighted
	if err := trainStance(s, dataDir, handDir, write); err != nil {
		return err
	}
	// hate-crime reports: hand-labelled examples and the functional train
	// templates, their own features.
	for _, task := range []string{analyze.TaskHateCrime} {
		tr, err := smallRows(s, handDir, task)
		if err != nil {
			return err
		}
		m := trainLinear(tr, false, handOptions)
		m.PlattA = 1
		if err := write(m, task, "hand-labelled examples written for xenoscope (hand_"+task+".csv, train split); hateFeats (analyze/hatecrime.go); uncalibrated beyond the logistic link", len(tr)); err != nil {
			return err
		}
	}
	return nil
}

// stanceRows: the stance rows (round 2), label 1 restrictive, 0 open:
// hand_stance.csv (train split) and the functional stance train templates
// with a direction, and the MIGRANTS turns of the DIALOCONAN train
// dialogues as weak labels (hate speech restrictive, counter-narratives
// open) for the vocabulary of positions.
func stanceRows(dataDir, handDir string) ([]row, error) {
	var rs []row
	ls, err := LoadTextLabel(filepath.Join(handDir, "hand_stance.csv"))
	if err != nil {
		return nil, err
	}
	for _, l := range ls {
		if handSplit(l.Text) == SplitTrain {
			rs = append(rs, row{l.Text, l.Label, famNews, SplitTrain})
		}
	}
	fr, err := LoadFunctional(filepath.Join(handDir, "functional", "stance.csv"))
	if err != nil {
		return nil, err
	}
	for _, f := range fr {
		if trainedSplit(f.Split) && f.Expected != 0 {
			rs = append(rs, row{f.Text, (f.Expected + 1) / 2, famFunctional, SplitTrain})
		}
	}
	dl, err := LoadDIALOCONAN(filepath.Join(dataDir, "counter-speech", "DIALOCONAN.csv"))
	if err != nil {
		return nil, err
	}
	for _, d := range dl {
		if IsMigrantTarget(d.Target) && dialoSplit(d.Dialogue) == SplitTrain {
			rs = append(rs, row{d.Text, 1 - d.Label, famDialogues, SplitTrain})
		}
	}
	return rs, nil
}

// stanceFamilyWeights: the hand-written policy sentences decide; the
// dialogues only lend their vocabulary.
var stanceFamilyWeights = map[string]float64{famNews: 1, famFunctional: 1, famDialogues: 0.3}

// trainStance trains the stance model (round 2).
func trainStance(s *analyze.Scorer, dataDir, handDir string, write func(*analyze.LinearModel, string, string, int) error) error {
	rs, err := stanceRows(dataDir, handDir)
	if err != nil {
		return err
	}
	feats := make([][]analyze.Feature, len(rs))
	fams := map[string]map[string]bool{}
	n := map[string]float64{}
	for i, r := range rs {
		feats[i] = s.Features(analyze.TaskStance, r.text)
		n[r.family]++
		for _, f := range feats[i] {
			if strings.HasPrefix(f.Name, "w:") {
				if fams[f.Name] == nil {
					fams[f.Name] = map[string]bool{}
				}
				fams[f.Name][r.family] = true
			}
		}
	}
	var tr []example
	for i, r := range rs {
		var fs []analyze.Feature
		for _, f := range feats[i] {
			if !strings.HasPrefix(f.Name, "w:") || len(fams[f.Name]) >= 2 {
				fs = append(fs, f)
			}
		}
		tr = append(tr, example{fs, r.label, stanceFamilyWeights[r.family] * 300 / n[r.family]})
	}
	m := trainLinear(tr, false, handOptions)
	m.PlattA = 1
	return write(m, analyze.TaskStance, "direction features (analyze/stance.go) + position features and words of two or more families; hand_stance.csv train split and functional stance train templates with a direction, DIALOCONAN MIGRANTS train turns as weak labels (weight 0.3); uncalibrated beyond the logistic link", len(tr))
}

// smallRows: the training rows of hate_crime_report: hand_hate_crime_report.csv
// (train split). The functional hate_crime_report train templates are not
// trained on: with them macro-F1 fell on all three independent news-like
// sets (weight 0.5, after the statistics rows were relabelled:
// heldout_hate_b 0.761 -> 0.738, hand test third 0.903 -> 0.873,
// val_hate_crime 0.978 -> 0.933; docs/analysis.md, "Round 2 choices"), so they
// measure it instead.
func smallRows(s *analyze.Scorer, handDir, task string) ([]example, error) {
	ls, err := LoadTextLabel(filepath.Join(handDir, "hand_"+task+".csv"))
	if err != nil {
		return nil, fmt.Errorf("train %s: %w", task, err)
	}
	var tr []example
	for _, l := range ls {
		if handSplit(l.Text) == SplitTrain {
			tr = append(tr, example{s.Features(task, l.Text), l.Label, 1})
		}
	}
	return tr, nil
}

// migrationRows: the migration rows (round 2), by family.
func migrationRows(dataDir, handDir string) ([]row, error) {
	var rs []row
	hs, err := LoadHatEval(filepath.Join(dataDir, "hateval", "en_train.csv"))
	if err != nil {
		return nil, err
	}
	for _, l := range hs {
		y := 0.0
		if l.Group == "migration" {
			y = 1
		}
		rs = append(rs, row{l.Text, y, famTweets, hatevalSplit(l.ID)})
	}
	dl, err := LoadDIALOCONAN(filepath.Join(dataDir, "counter-speech", "DIALOCONAN.csv"))
	if err != nil {
		return nil, err
	}
	for _, t := range dl {
		sp := dialoSplit(t.Dialogue)
		if sp == SplitTest || strings.Contains(t.Target, "MUSLIMS") && !IsMigrantTarget(t.Target) {
			continue
		}
		y := 0.0
		if IsMigrantTarget(t.Target) {
			y = 1
		}
		rs = append(rs, row{t.Text, y, famDialogues, sp})
	}
	news, err := newsSentences(dataDir)
	if err != nil {
		return nil, err
	}
	for _, l := range news {
		rs = append(rs, row{l.Text, 0, famArticles, newsSplit(l)})
	}
	ls, err := LoadTextLabel(filepath.Join(handDir, "hand_migration.csv"))
	if err != nil {
		return nil, err
	}
	for _, l := range ls {
		if handSplit(l.Text) == SplitTrain {
			rs = append(rs, row{l.Text, l.Label, famNews, SplitTrain})
		}
	}
	fr, err := LoadFunctional(filepath.Join(handDir, "functional", "migration.csv"))
	if err != nil {
		return nil, err
	}
	for _, f := range fr {
		if !trainedSplit(f.Split) {
			continue
		}
		sp := SplitTrain
		if bucket("func:"+f.Template) < 20 {
			sp = SplitCalib
		}
		rs = append(rs, row{f.Text, f.Expected, famFunctional, sp})
	}
	return rs, nil
}

// trainMigration trains the migration model (round 2: the topic features
// and words of migrationFeats, family-weighted like anti_migrant).
func trainMigration(s *analyze.Scorer, dataDir, handDir string, write func(*analyze.LinearModel, string, string, int) error) error {
	rs, err := migrationRows(dataDir, handDir)
	if err != nil {
		return err
	}
	m, n := trainTarget(s, analyze.TaskMigration, rs)
	return write(m, analyze.TaskMigration, "topic features (analyze/hostility.go, migrationFeats) + words of two or more families; family-weighted: HatEval en_train (migration keyword part=1, women part=0), DIALOCONAN train dialogues (MIGRANTS=1, other targets except MUSLIMS=0), Zyte news sentences (0), hand_migration.csv train split, functional migration train templates; Platt (class-balanced) on the calibration splits", n)
}

// TrainUser trains one task's model from a user CSV (text,label): 90% train,
// 10% calibration by a hash of the text. Tone is a regression on the label.
func TrainUser(task string, ls []Labeled) (*analyze.LinearModel, error) {
	s, err := analyze.NewFeaturizer()
	if err != nil {
		return nil, err
	}
	if !slices.Contains(analyze.Tasks, task) {
		return nil, fmt.Errorf("unknown task %q (want one of %s)", task, strings.Join(analyze.Tasks, ", "))
	}
	var train, calib []example
	for _, l := range ls {
		if task != analyze.TaskTone && l.Label != 0 && l.Label != 1 {
			return nil, fmt.Errorf("row %s: label %v: want 0 or 1 for %s: %w", l.ID, l.Label, task, ErrBadData)
		}
		ex := example{s.Features(task, l.Text), l.Label, 1}
		if bucket("user:"+l.Text) < 10 {
			calib = append(calib, ex)
		} else {
			train = append(train, ex)
		}
	}
	if len(train) < 2 {
		return nil, fmt.Errorf("need at least a few labeled rows, got %d: %w", len(ls), ErrBadData)
	}
	var m *analyze.LinearModel
	if task == analyze.TaskTone {
		m = trainLinear(append(train, calib...), true, toneOptions)
		m.PlattA = 1
	} else {
		o := clsOptions
		if len(train) < 500 {
			o = handOptions
		}
		m = trainCalibrated(task, train, calib, o)
		if m.PlattA <= 0 { // too few calibration rows to fit a sensible curve
			m.PlattA, m.PlattB = 1, 0
		}
	}
	m.Task = task
	m.TrainedOn = "user data"
	m.Counts = map[string]int{"train_examples": len(train), "calibration_examples": len(calib)}
	return m, nil
}

// trainedSplit: the functional templates the models learn from. The dev
// templates (a third author) chose the rules of round 2 and were measured
// before they joined training (docs/analysis.md gives both figures); the
// test templates are never trained or tuned on.
func trainedSplit(split string) bool { return split == "train" || split == "dev" }
