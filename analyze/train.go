package analyze

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/xenoscope/xenoscope/nlp"
)

// Training hyper-parameters (fixed; not tuned on any test split).
var (
	clsOptions  = trainOptions{Epochs: 12, L2: 1e-4, LR: 0.1, MinCount: 2, Seed: 1, Balance: true, Average: true}
	handOptions = trainOptions{Epochs: 40, L2: 1e-2, LR: 0.1, MinCount: 1, Seed: 1, Balance: true}
	toneOptions = trainOptions{Epochs: 11, L2: 0.1, LR: 0.05, MinCount: 3, Seed: 1}
)

// Example weights (chosen on validation data, see docs/analysis.md).
var (
	// hand-labelled news-like examples for migration (hand_migration.csv):
	// 20 since the migration round (TestExperimentMigration: with the
	// topic.txt anchors, val_migration.csv 0.540 / 0.649 / 0.723 at 0 / 5 /
	// 20, calibration rows and news false positives unchanged).
	handWeight = 20.0
	// the same, for anti_migrant: 10 since the news-hostility round
	// (TestExperimentNews: val_anti_news.csv 0.635 -> 0.703 with the new
	// rows; 20 reached 0.750 but doubled false positives on short lines of
	// real articles, see docs/analysis.md).
	handWeightAnti = 10.0
	// the same, for counter_speech: chosen with newsWeightCS on
	// testdata/val_counter_speech.csv (30 news-like sentences in no
	// training or test file), news validation sentences and DIALOCONAN
	// calibration dialogues (TestExperimentCounter): hand 5/news 0.5 0.670,
	// 15/0.5 0.713, 30/0.5 0.753, 15/1 0.670, 30/1 0.792 (fewest news FPs).
	handWeightCS = 30.0
	newsWeightCS = 1.0 // news sentences as counter-speech negatives
	// news sentences as anti_migrant negatives: 2 (was 0.5) since hate
	// against other groups no longer serves as generic negatives (fewest
	// false positives on validation news sentences at equal macro-F1).
	newsWeightAnti = 2.0
	// policy statements of hand_stance.csv (train split; restrictive and
	// open, calm) as anti_migrant negatives: a restrictive policy is not
	// hostility. Chosen by a bar fixed before the run (TestExperimentPolicy):
	// the smallest of 1, 2, 5 that halves the false positives on the
	// hand_stance test third at no more than 0.02 validation macro-F1 lost.
	policyWeightAnti = 5.0
)

// HandDataDir is where the hand-labelled examples live, relative to the
// repository root (analyze/testdata).
const HandDataDir = "analyze/testdata"

func (s *Scorer) unitOf(text string) *unit {
	d := nlp.Parse(text)
	return s.buildUnit(text, d.Tokens)
}

func (s *Scorer) examples(ls []Labeled, weight float64, feats func(*unit) []feat) []example {
	out := make([]example, 0, len(ls))
	for _, l := range ls {
		u := s.unitOf(l.Text)
		fs := u.feats
		if feats != nil {
			fs = feats(u)
		}
		out = append(out, example{feats: fs, label: l.Label, weight: weight})
	}
	return out
}

// trainCalibrated trains on train and fits Platt scaling on calib.
func (s *Scorer) trainCalibrated(task string, train, calib []example, o trainOptions) *LinearModel {
	m := trainLinear(train, false, o)
	m.Task = task
	if len(calib) > 0 {
		ms := make([]float64, len(calib))
		ys := make([]float64, len(calib))
		for i, e := range calib {
			ms[i] = m.margin(e.feats)
			ys[i] = e.label
		}
		m.PlattA, m.PlattB = fitPlatt(ms, ys)
	}
	return m
}

// TrainAll trains every model from the shared data folder and the
// hand-labelled examples (handDir: analyze/testdata), and writes
// outDir/TASK.json plus outDir/vader_lexicon.txt. Deterministic.
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
	s, err := newFeaturizer()
	if err != nil {
		return err
	}
	if s.vlex, err = parseVADERLexicon(vb.String()); err != nil {
		return err
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(outDir, "vader_lexicon.txt"), []byte(vb.String()), 0o644); err != nil {
		return err
	}

	hTrain, err := LoadHatEval(filepath.Join(dataDir, "hateval", "en_train.csv"))
	if err != nil {
		return fmt.Errorf("train: %w", err)
	}
	dialo, err := LoadDIALOCONAN(filepath.Join(dataDir, "counter-speech", "DIALOCONAN.csv"))
	if err != nil {
		return fmt.Errorf("train: %w", err)
	}
	bodies, err := LoadArticleBodies(filepath.Join(dataDir, "articles", "ground-truth.json"))
	if err != nil {
		return fmt.Errorf("train: %w", err)
	}
	// News sentences (Zyte benchmark articles: general news, not about
	// migration) as negatives for migration and counter-speech.
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
	newsSplit := func(l Labeled) string {
		if bucket("news:"+l.ID) < 10 {
			return SplitCalib
		}
		return SplitTrain
	}

	type set struct{ train, calib []example }
	add := func(st *set, split string, ex example) {
		switch split {
		case SplitTrain:
			st.train = append(st.train, ex)
		case SplitCalib:
			st.calib = append(st.calib, ex)
		}
	}
	var mig, anti, cs set
	// anti_migrant is calibrated on migration-related texts only (HatEval
	// migration part + DIALOCONAN MIGRANTS calibration dialogues): easy
	// negatives (news, other targets) would otherwise move the 0.5 point.
	var antiCalib []example
	var antiCalibAnchored []bool // the migration gate of each antiCalib row
	// hate against other groups (women part, other DIALOCONAN targets):
	// left out of anti_migrant, positives of any_hate (antistack.go)
	var otherHate []example
	for _, l := range hTrain {
		u := s.unitOf(l.Text)
		sp := hatevalSplit(l.ID)
		isMig := l.Group == "migration"
		y := 0.0
		if isMig {
			y = 1
		}
		add(&mig, sp, example{u.feats, y, 1})
		a := 0.0
		if isMig && l.Label == 1 {
			a = 1
		}
		// The women part's hate tweets (HS=1) are left out of anti_migrant:
		// labelled 0 they taught that insults and dehumanising words are not
		// anti-migrant. Its other tweets stay as negatives (chosen on a
		// validation slice of en_train, DIALOCONAN train dialogues and
		// news sentences: analyze/experiment_test.go, docs/analysis.md).
		if isMig || l.Label == 0 {
			add(&anti, sp, example{u.feats, a, 1})
		} else if sp == SplitTrain {
			otherHate = append(otherHate, example{u.feats, 1, 1}) // any_hate only
		}
		if isMig && sp == SplitCalib {
			antiCalib = append(antiCalib, example{u.feats, a, 1})
			antiCalibAnchored = append(antiCalibAnchored, s.migrationAnchored(u))
		}
		if l.Label == 1 {
			add(&cs, sp, example{u.feats, 0, 1})
		}
	}
	for _, t := range dialo {
		sp := dialoSplit(t.Dialogue)
		if sp == SplitTest {
			continue
		}
		u := s.unitOf(t.Text)
		isMig := IsMigrantTarget(t.Target)
		if isMig {
			add(&mig, sp, example{u.feats, 1, 1})
		} else if !strings.Contains(t.Target, "MUSLIMS") {
			add(&mig, sp, example{u.feats, 0, 1})
		}
		a := 0.0
		if isMig && t.Type == "HS" {
			a = 1
		}
		// Hate against other targets is left out of anti_migrant, like the
		// HatEval women part's hate tweets; their counter-narratives stay as
		// negatives.
		if isMig || t.Type != "HS" {
			add(&anti, sp, example{u.feats, a, 1})
		} else if sp == SplitTrain {
			otherHate = append(otherHate, example{u.feats, 1, 1}) // any_hate only
		}
		if isMig && sp == SplitCalib {
			antiCalib = append(antiCalib, example{u.feats, a, 1})
			antiCalibAnchored = append(antiCalibAnchored, s.migrationAnchored(u))
		}
		add(&cs, sp, example{u.feats, t.Label, 1})
	}
	for _, l := range news {
		u := s.unitOf(l.Text)
		sp := newsSplit(l)
		add(&mig, sp, example{u.feats, 0, 0.5})
		add(&cs, sp, example{u.feats, 0, newsWeightCS})
		add(&anti, sp, example{u.feats, 0, newsWeightAnti})
	}
	pol, err := policyNegatives(handDir)
	if err != nil {
		return fmt.Errorf("train: %w", err)
	}
	for _, l := range pol {
		if handSplit(l.Text) == SplitTrain {
			anti.train = append(anti.train, example{s.unitOf(l.Text).feats, 0, policyWeightAnti})
		}
	}
	// hand-labelled news-like examples (analyze/testdata/hand_*.csv, train split)
	for _, task := range []string{TaskAntiMigrant, TaskCounterSpeech, TaskMigration} {
		p := filepath.Join(handDir, "hand_"+task+".csv")
		ls, err := LoadTextLabel(p)
		if err != nil {
			if os.IsNotExist(err) {
				continue
			}
			return fmt.Errorf("train: %w", err)
		}
		var st *set
		switch task {
		case TaskAntiMigrant:
			st = &anti
		case TaskCounterSpeech:
			st = &cs
		case TaskMigration:
			st = &mig
		}
		w := handWeight
		switch task {
		case TaskCounterSpeech:
			w = handWeightCS
		case TaskAntiMigrant:
			w = handWeightAnti
		}
		for _, l := range ls {
			if handSplit(l.Text) == SplitTrain {
				st.train = append(st.train, example{s.unitOf(l.Text).feats, l.Label, w})
			}
		}
	}
	write := func(m *LinearModel, task, on string, n int) error {
		m.Task = task
		m.TrainedOn = on
		m.Counts = map[string]int{"train_examples": n}
		log.Info("trained", "task", task, "examples", n, "features", len(m.Weights), "platt_a", m.PlattA, "platt_b", m.PlattB)
		return m.Save(filepath.Join(outDir, task+".json"))
	}
	m := s.trainCalibrated(TaskMigration, mig.train, mig.calib, clsOptions)
	migModel := m
	if err := write(m, TaskMigration, "HatEval en_train (migration keyword part=1, women part=0), DIALOCONAN train dialogues (MIGRANTS=1, other targets except MUSLIMS=0), Zyte benchmark news sentences (0), hand_migration.csv train split; Platt on the calibration splits", len(mig.train)); err != nil {
		return err
	}
	m = s.trainCalibrated(TaskAntiMigrant, anti.train, antiCalib, clsOptions)
	if err := write(m, TaskAntiMigrant, "HatEval en_train (HS=1 in the migration part=1; HS=0 rows=0; women-part HS=1 rows left out), DIALOCONAN train dialogues (MIGRANTS HS=1, CN turns=0, HS against other targets left out), news sentences (0, weight 2), hand_stance.csv policy statements (0, weight 5, train split), hand_anti_migrant.csv train split; Platt on the migration-related calibration rows", len(anti.train)); err != nil {
		return err
	}
	// any_hate: anti_migrant's rows plus the other-target hate; the
	// stacker on the migration-related calibration rows (antistack.go,
	// factor round: TestExperimentFactor)
	ah := trainLinear(append(append([]example(nil), anti.train...), otherHate...), false, clsOptions)
	if err := write(ah, anyHateModel, "anti_migrant's training rows plus, as positives, the hate of HatEval en_train's women part and of DIALOCONAN's other targets (train splits); a part of anti_migrant (antistack.go); uncalibrated", len(anti.train)+len(otherHate)); err != nil {
		return err
	}
	var stackCal []example
	for i, e := range antiCalib {
		fs := e.feats
		stackCal = append(stackCal, example{stackInputs(m.margin(fs), ah.margin(fs), migModel.margin(fs), antiCalibAnchored[i]), e.label, 1})
	}
	st := s.trainCalibrated(antiStackModel, stackCal, stackCal, stackOptions) // fitted and calibrated on the same rows
	if err := write(st, antiStackModel, "stacker of anti_migrant inside the migration gate: logistic regression over the anti_migrant, any_hate and migration margins, the migration anchor and h*m/4, fitted and Platt-calibrated on the migration-related calibration rows (HatEval migration part, DIALOCONAN MIGRANTS dialogues; calibration splits)", len(stackCal)); err != nil {
		return err
	}
	m = s.trainCalibrated(TaskCounterSpeech, cs.train, cs.calib, clsOptions)
	if err := write(m, TaskCounterSpeech, "DIALOCONAN train dialogues, all targets (CN=1, HS=0), HatEval en_train HS=1 (0), news sentences (0), hand_counter_speech.csv train split; Platt on the calibration splits", len(cs.train)); err != nil {
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
			u := s.unitOf(l.Text)
			w := 1.0
			if f == "tweets" { // short social-media texts weighted 2x (chosen on a validation slice)
				w = 2
			}
			tone = append(tone, example{toneFeats(u), l.Label / 4, w})
		}
	}
	tm := trainLinear(tone, true, toneOptions)
	tm.PlattA = 1
	if err := write(tm, TaskTone, "VADER human-rated sentences (tweets, movie, Amazon snippets), 80% train split by id; target rating/4; features: faithful VADER scores + word n-grams", len(tone)); err != nil {
		return err
	}

	// stance and hate-crime reports: hand-labelled examples, their own
	// features (stanceFeats, hateFeats).
	for _, task := range []string{TaskStance, TaskHateCrime} {
		p := filepath.Join(handDir, "hand_"+task+".csv")
		ls, err := LoadTextLabel(p)
		if err != nil {
			return fmt.Errorf("train %s: %w", task, err)
		}
		var tr []example
		for _, l := range ls {
			if handSplit(l.Text) == SplitTrain {
				u := s.unitOf(l.Text)
				fs := s.hateFeats(u)
				if task == TaskStance {
					fs = s.stanceFeats(u)
				}
				tr = append(tr, example{fs, l.Label, 1})
			}
		}
		m := trainLinear(tr, false, handOptions)
		m.PlattA = 1
		if err := write(m, task, "hand-labelled examples written for xenoscope ("+p+", train split), stanceFeats/hateFeats (analyze/stance.go, analyze/hatecrime.go); uncalibrated beyond the logistic link", len(tr)); err != nil {
			return err
		}
	}
	// the news-hostility model, a part of anti_migrant (hostility.go):
	// hand_anti_migrant.csv rows and the policy statements (train split),
	// news sentences and the MIGRANTS counter-narrative turns of the
	// DIALOCONAN train dialogues as negatives; no class balance (the
	// model must stay quiet on ordinary text). Chosen on validation:
	// TestExperimentHostility.
	var hx []example
	for _, task := range []string{TaskAntiMigrant} {
		ls, err := LoadTextLabel(filepath.Join(handDir, "hand_"+task+".csv"))
		if err != nil {
			return fmt.Errorf("train %s: %w", hostilityModel, err)
		}
		for _, l := range ls {
			if handSplit(l.Text) == SplitTrain {
				hx = append(hx, example{s.hostilityFeats(s.unitOf(l.Text)), l.Label, 1})
			}
		}
	}
	for _, l := range pol {
		if handSplit(l.Text) == SplitTrain {
			hx = append(hx, example{s.hostilityFeats(s.unitOf(l.Text)), 0, 1})
		}
	}
	for _, l := range news {
		if newsSplit(l) == SplitTrain {
			hx = append(hx, example{s.hostilityFeats(s.unitOf(l.Text)), 0, 1})
		}
	}
	for _, t := range dialo {
		if dialoSplit(t.Dialogue) == SplitTrain && IsMigrantTarget(t.Target) && t.Type != "HS" {
			hx = append(hx, example{s.hostilityFeats(s.unitOf(t.Text)), 0, 1})
		}
	}
	ho := handOptions
	ho.Balance = false
	hm := trainLinear(hx, false, ho)
	hm.PlattA = 1
	if err := write(hm, hostilityModel, "hand_anti_migrant.csv and hand_stance.csv policy statements (train split), Zyte news sentences and DIALOCONAN MIGRANTS counter-narratives of the train dialogues (0); hostilityFeats (analyze/hostility.go); used as max(anti_migrant, hostility) when hostilityGate holds; uncalibrated beyond the logistic link", len(hx)); err != nil {
		return err
	}
	// the contribution model, a part of counter_speech (contribution.go)
	p := filepath.Join(handDir, "hand_contribution.csv")
	ls, err := LoadTextLabel(p)
	if err != nil {
		return fmt.Errorf("train %s: %w", contributionModel, err)
	}
	var tr []example
	for _, l := range ls {
		if handSplit(l.Text) == SplitTrain {
			tr = append(tr, example{s.contributionFeats(s.unitOf(l.Text)), l.Label, 1})
		}
	}
	cm := trainLinear(tr, false, handOptions)
	cm.PlattA = 1
	if err := write(cm, contributionModel, "hand-labelled examples written for xenoscope ("+p+", train split), contributionFeats (analyze/contribution.go); used as max(counter_speech, contribution) when contributionGate holds; uncalibrated beyond the logistic link", len(tr)); err != nil {
		return err
	}
	return nil
}

// TrainUser trains one task's model from a user CSV (text,label): 90% train,
// 10% calibration by a hash of the text. Tone is a regression on the label.
func TrainUser(task string, ls []Labeled) (*LinearModel, error) {
	s, err := newFeaturizer()
	if err != nil {
		return nil, err
	}
	var train, calib []example
	for _, l := range ls {
		u := s.unitOf(l.Text)
		var fs []feat
		switch task {
		case TaskTone:
			fs = toneFeats(u)
		case TaskStance:
			fs = s.stanceFeats(u)
		case TaskHateCrime:
			fs = s.hateFeats(u)
		case TaskMigration, TaskAntiMigrant, TaskCounterSpeech:
			fs = u.feats
		default:
			return nil, fmt.Errorf("unknown task %q (want one of %s)", task, strings.Join(Tasks, ", "))
		}
		if task != TaskTone && l.Label != 0 && l.Label != 1 {
			return nil, fmt.Errorf("row %s: label %v: want 0 or 1 for %s: %w", l.ID, l.Label, task, ErrBadData)
		}
		ex := example{fs, l.Label, 1}
		if bucket("user:"+l.Text) < 10 {
			calib = append(calib, ex)
		} else {
			train = append(train, ex)
		}
	}
	if len(train) < 2 {
		return nil, fmt.Errorf("need at least a few labeled rows, got %d: %w", len(ls), ErrBadData)
	}
	var m *LinearModel
	if task == TaskTone {
		m = trainLinear(append(train, calib...), true, toneOptions)
		m.PlattA = 1
	} else {
		o := clsOptions
		if len(train) < 500 {
			o = handOptions
		}
		m = s.trainCalibrated(task, train, calib, o)
		if m.PlattA <= 0 { // too few calibration rows to fit a sensible curve
			m.PlattA, m.PlattB = 1, 0
		}
	}
	m.Task = task
	m.TrainedOn = "user data"
	m.Counts = map[string]int{"train_examples": len(train), "calibration_examples": len(calib)}
	return m, nil
}
