package analyze

// The shared validation bench of the anti_migrant experiments (ensemble,
// signal and policy rounds): the training rows and weights of the shipped
// model, with VALIDATION rows carved out of the training data — 15% of the
// HatEval en_train train split (migration part, n=565), 15% of the
// DIALOCONAN train dialogues (MIGRANTS turns, n=354), held-out news
// sentences (news-val, n=383) and short article lines (n=427), and since the
// policy round policy-val (the hand_stance.csv test third). en_dev and the
// DIALOCONAN test dialogues are never read.

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/xenoscope/xenoscope/internal/shareddata"
	"github.com/xenoscope/xenoscope/nlp"
)

type antiRow struct {
	text  string
	u     *unit
	y, w  float64
	split string // train | calib | val | newsval | short | extra validation splits
	kind  string // hmig, dmig, other, news, hand, ...
	src   string // hateval, dialoconan or local (news, hand, policy rows)
}

type antiBench struct {
	t         *testing.T
	s         *Scorer
	rows      []antiRow
	bodySents []string    // every sentence of the 88 article bodies
	src       string      // source of the rows being added (antiRow.src)
	hateval   []Labeled   // HatEval en_train, as loaded
	dialo     []DialoTurn // DIALOCONAN, as loaded
}

// newExperimentBench skips unless XS_EXPERIMENT is set, and returns the
// embedded scorer and the bench with val_anti_news.csv added.
func newExperimentBench(t *testing.T) (*Scorer, *antiBench) {
	t.Helper()
	if os.Getenv("XS_EXPERIMENT") == "" {
		t.Skip("set XS_EXPERIMENT=1")
	}
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	b := newAntiBench(t, s)
	b.addValAntiNews()
	return s, b
}

func newAntiBench(t *testing.T, s *Scorer) *antiBench {
	t.Helper()
	hp := shareddata.Require(t, "hateval", "en_train.csv")
	dp := shareddata.Require(t, "counter-speech", "DIALOCONAN.csv")
	hTrain, err := LoadHatEval(hp)
	if err != nil {
		t.Fatal(err)
	}
	dialo, err := LoadDIALOCONAN(dp)
	if err != nil {
		t.Fatal(err)
	}
	bodies, err := LoadArticleBodies(filepath.Join(filepath.Dir(filepath.Dir(hp)), "articles", "ground-truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	hand, err := LoadTextLabel("testdata/hand_anti_migrant.csv")
	if err != nil {
		t.Fatal(err)
	}
	b := &antiBench{t: t, s: s, src: "hateval", hateval: hTrain, dialo: dialo}
	for _, l := range hTrain {
		isMig := l.Group == "migration"
		if !isMig && l.Label == 1 {
			continue // women-part hate left out (as shipped)
		}
		sp := hatevalSplit(l.ID)
		if sp == SplitTrain && bucket("hval:"+l.ID) < 15 {
			sp = "val"
		}
		k, y := "other", 0.0
		if isMig {
			k, y = "hmig", l.Label
		}
		b.add(l.Text, y, 1, sp, k)
	}
	b.src = "dialoconan"
	for _, d := range dialo {
		sp := dialoSplit(d.Dialogue)
		if sp == SplitTest {
			continue // DIALOCONAN test dialogues are never read here
		}
		isMig := IsMigrantTarget(d.Target)
		if !isMig && d.Type == "HS" {
			continue // other-target hate left out (as shipped)
		}
		if sp == SplitTrain && bucket("dval:"+d.Dialogue) < 15 {
			sp = "val"
		}
		k, y := "other", 0.0
		if isMig {
			k = "dmig"
			if d.Type == "HS" {
				y = 1
			}
		}
		b.add(d.Text, y, 1, sp, k)
	}
	b.src = "local"
	for bi, body := range bodies {
		d := nlp.Parse(body)
		for i := range d.Sentences {
			tx := d.SentenceText(i)
			b.bodySents = append(b.bodySents, tx)
			if len(d.SentenceTokens(i)) < 5 {
				b.add(tx, 0, 0, "short", "news")
				continue
			}
			if HatEvalMigrationRE.MatchString(tx) {
				continue
			}
			sp := SplitTrain
			if bucket(fmt.Sprintf("news:news%d/%d", bi, i)) < 10 {
				sp = "newsval"
			}
			b.add(tx, 0, newsWeightAnti, sp, "news")
		}
	}
	for _, l := range hand {
		if handSplit(l.Text) == SplitTrain {
			b.add(l.Text, l.Label, handWeightAnti, SplitTrain, "hand")
		}
	}
	// policy statements (policy round): train split as negatives, the test
	// third as policy-val (anti_migrant >= 0.5 there is a false positive)
	pol, err := policyNegatives("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range pol {
		sp := "policyval"
		if handSplit(l.Text) == SplitTrain {
			sp = SplitTrain
		}
		b.add(l.Text, 0, policyWeightAnti, sp, "policy")
	}
	return b
}

func (b *antiBench) add(text string, y, w float64, split, kind string) {
	b.rows = append(b.rows, antiRow{text, b.s.unitOf(text), y, w, split, kind, b.src})
}

// isCal: the migration-related calibration rows anti_migrant is Platt-fitted on.
func isCal(r antiRow) bool {
	return r.split == SplitCalib && (r.kind == "hmig" || r.kind == "dmig")
}

// fit trains on the rows whose split is train (weights from weight, which
// may drop a row with 0) and returns every row's raw margin and the model.
func (b *antiBench) fit(fe func(antiRow) []feat, weight func(antiRow) float64, o trainOptions) ([]float64, *LinearModel) {
	fs := make([][]feat, len(b.rows))
	var tr []example
	for i, r := range b.rows {
		fs[i] = fe(r)
		if r.split == SplitTrain {
			if w := weight(r); w > 0 {
				tr = append(tr, example{fs[i], r.y, w})
			}
		}
	}
	m := trainLinear(tr, false, o)
	ms := make([]float64, len(b.rows))
	for i := range b.rows {
		ms[i] = m.margin(fs[i])
	}
	return ms, m
}

// platt calibrates margins on the migration calibration rows.
func (b *antiBench) platt(ms []float64) []float64 {
	var cm, cy []float64
	for i, r := range b.rows {
		if isCal(r) {
			cm = append(cm, ms[i])
			cy = append(cy, r.y)
		}
	}
	a, c := fitPlatt(cm, cy)
	ps := make([]float64, len(b.rows))
	for i, x := range ms {
		ps[i] = sigmoid(a*x + c)
	}
	return ps
}

func (b *antiBench) macro(ps []float64, keep func(antiRow) bool) (float64, int) {
	var cf conf
	for i, r := range b.rows {
		if !keep(r) {
			continue
		}
		cf.add(ps[i] >= 0.5, r.y > 0.5)
	}
	return cf.macroF1(), int(cf.tp + cf.fp + cf.tn + cf.fn)
}

// positives counts rows of split with p >= 0.5, and the rows of split.
func (b *antiBench) positives(ps []float64, split string) (int, int) {
	k, n := 0, 0
	for i, r := range b.rows {
		if r.split == split {
			n++
			if ps[i] >= 0.5 {
				k++
			}
		}
	}
	return k, n
}

type benchResult struct {
	hv, dv, cv      float64
	newsFP, shortFP int
}

// report logs the validation figures of ps and checks that the validation
// rows are those of the earlier rounds (otherwise figures do not compare).
func (b *antiBench) report(name string, ps []float64, extra string) benchResult {
	var r benchResult
	var hn, dn int
	r.hv, hn = b.macro(ps, func(r antiRow) bool { return r.split == "val" && r.kind == "hmig" })
	r.dv, dn = b.macro(ps, func(r antiRow) bool { return r.split == "val" && r.kind == "dmig" })
	r.cv, _ = b.macro(ps, isCal)
	var nv, ns int
	r.newsFP, nv = b.positives(ps, "newsval")
	r.shortFP, ns = b.positives(ps, "short")
	b.t.Logf("%-24s HatEval-val %.3f (n=%d) DIALOCONAN-val %.3f (n=%d) | calib %.3f | news-val FP %d/%d short-line FP %d/%d %s",
		name, r.hv, hn, r.dv, dn, r.cv, r.newsFP, nv, r.shortFP, ns, extra)
	if hn != 565 || dn != 354 || nv != 383 || ns != 427 {
		b.t.Errorf("validation sizes %d/%d/%d/%d, want 565/354/383/427 as in the earlier rounds", hn, dn, nv, ns)
	}
	return r
}

// addValAntiNews adds val_anti_news.csv (split newsval2, never trained on).
func (b *antiBench) addValAntiNews() {
	val, err := LoadTextLabel("testdata/val_anti_news.csv")
	if err != nil {
		b.t.Fatal(err)
	}
	for _, l := range val {
		b.add(l.Text, l.Label, 0, "newsval2", "valnews")
	}
}

// withHostility applies the shipped news-hostility max to calibrated
// probabilities, in place, as scoring does.
func (b *antiBench) withHostility(ps []float64) []float64 {
	for i, r := range b.rows {
		if b.s.hostile != nil && hostilityGate(r.u) {
			ps[i] = max(ps[i], b.s.hostile.prob(b.s.hostilityFeats(r.u)))
		}
	}
	return ps
}

// fullResult is a bench result with policy-val false positives and
// val_anti_news macro-F1.
type fullResult struct {
	benchResult
	policyFP int
	newsVal  float64
}

// reportFull calibrates margins ms, applies the news-hostility max and
// reports every validation measure (addValAntiNews must have run).
func (b *antiBench) reportFull(name string, ms []float64) fullResult {
	return b.reportProbs(name, b.platt(ms))
}

// reportProbs is reportFull for probabilities already calibrated.
func (b *antiBench) reportProbs(name string, ps []float64) fullResult {
	ps = b.withHostility(ps)
	vf, vn := b.macro(ps, func(r antiRow) bool { return r.split == "newsval2" })
	pfp, pn := b.positives(ps, "policyval")
	br := b.report(name, ps, fmt.Sprintf("| policy-val FP %d/%d | val_anti_news %.3f (n=%d)", pfp, pn, vf, vn))
	return fullResult{br, pfp, vf}
}

// handRow is a train-split row of a hand-labelled file, with its fold for
// the 5-fold cross-validation of the small hand models (stance, hate-crime,
// contribution harnesses).
type handRow struct {
	text string
	u    *unit
	y    float64
	fold int
}

// trainSplitRows reads the train split of a hand-labelled file; folds by a
// hash of key+text.
func trainSplitRows(t *testing.T, s *Scorer, file, key string) []handRow {
	t.Helper()
	ls, err := LoadTextLabel(file)
	if err != nil {
		t.Fatal(err)
	}
	var rows []handRow
	for _, l := range ls {
		if handSplit(l.Text) == SplitTrain {
			rows = append(rows, handRow{l.Text, s.unitOf(l.Text), l.Label, bucket(key+l.Text) % 5})
		}
	}
	return rows
}

// crossVal returns the out-of-fold probabilities of a logistic model on fe.
func crossVal(rows []handRow, fe func(*unit) []feat, o trainOptions) []float64 {
	ps := make([]float64, len(rows))
	for f := 0; f < 5; f++ {
		var tr []example
		for _, r := range rows {
			if r.fold != f {
				tr = append(tr, example{fe(r.u), r.y, 1})
			}
		}
		m := trainLinear(tr, false, o)
		for i, r := range rows {
			if r.fold == f {
				ps[i] = m.prob(fe(r.u))
			}
		}
	}
	return ps
}

// fitRows trains a logistic model on all rows.
func fitRows(rows []handRow, fe func(*unit) []feat, o trainOptions) *LinearModel {
	var tr []example
	for _, r := range rows {
		tr = append(tr, example{fe(r.u), r.y, 1})
	}
	return trainLinear(tr, false, o)
}

func labels(rows []handRow) []float64 {
	ys := make([]float64, len(rows))
	for i, r := range rows {
		ys[i] = r.y
	}
	return ys
}

// macroF1Of is the macro-F1 of predictions (eval's thresholds for task).
func macroF1Of(ps, ys []float64, task string) float64 {
	idx := make([]int, len(ps))
	for i := range idx {
		idx[i] = i
	}
	return confusion(ps, ys, idx, task).macroF1()
}

// newsValSentences returns the article sentences no model trains on: the
// news calibration split (10% by id) and the short lines, without the
// migration-keyword ones: false positives of any score on them are false.
func newsValSentences(t *testing.T) []string {
	t.Helper()
	bodies, err := LoadArticleBodies(shareddata.Require(t, "articles", "ground-truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for bi, b := range bodies {
		d := nlp.Parse(b)
		for i := range d.Sentences {
			tx := d.SentenceText(i)
			if HatEvalMigrationRE.MatchString(tx) {
				continue
			}
			if len(d.SentenceTokens(i)) < 5 || bucket(fmt.Sprintf("news:news%d/%d", bi, i)) < 10 {
				out = append(out, tx)
			}
		}
	}
	return out
}
