package analyze

// Ensemble and bagging experiments for anti_migrant (ensemble round). Like
// TestExperimentAnti they run only with XS_EXPERIMENT=1 and choose on
// VALIDATION data carved out of the training data (15% of the HatEval
// en_train train split, 15% of the DIALOCONAN train dialogues, held-out news
// sentences), never on en_dev or DIALOCONAN test dialogues. The training rows
// are those of the shipped model (women-part hate and other-target hate left
// out, news weight 2, hand weight 5).
//
//   (a) ensemble: the word/lexicon model averaged with a second logistic
//       regression on character 3-5-grams within word boundaries only
//       (charFeats), each Platt-calibrated on the migration calibration
//       rows; p = (1-w) p_word + w p_char (and, second variant, the same
//       mix of calibrated logits). w is chosen on the CALIBRATION rows (not
//       on validation), every w is reported on validation.
//   (b) bagging: K word models, each on a bootstrap sample of the training
//       rows (deterministic PCG seeds) with its own shuffle seed; margins
//       averaged, one Platt fit on the averaged calibration margins.

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"testing"
)

func TestExperimentEnsemble(t *testing.T) {
	if os.Getenv("XS_EXPERIMENT") == "" {
		t.Skip("set XS_EXPERIMENT=1")
	}
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	bench := newAntiBench(t, s)
	rows := bench.rows
	wordF := func(u *unit) []feat { return u.feats }
	charF := func(u *unit) []feat { return charFeats(u.feats) }

	// fit trains on the given training rows (indices into rows) and returns
	// the raw margin of every row.
	fit := func(idx []int, fe func(*unit) []feat, o trainOptions) []float64 {
		var tr []example
		for _, i := range idx {
			tr = append(tr, example{fe(rows[i].u), rows[i].y, rows[i].w})
		}
		m := trainLinear(tr, false, o)
		ms := make([]float64, len(rows))
		for i, r := range rows {
			ms[i] = m.margin(fe(r.u))
		}
		return ms
	}
	platt := bench.platt
	report := func(name string, ps []float64) float64 { return bench.report(name, ps, "").cv }
	var trainIdx []int
	for i, r := range rows {
		if r.split == SplitTrain {
			trainIdx = append(trainIdx, i)
		}
	}
	t.Logf("rows %d, train %d", len(rows), len(trainIdx))

	wordM := fit(trainIdx, wordF, clsOptions)
	pWord := platt(wordM)
	report("word (shipped)", pWord)

	// (a) word + char ensemble
	pChar := platt(fit(trainIdx, charF, clsOptions))
	bestW, bestC := 0.0, -1.0
	for _, w := range []float64{0, 0.25, 0.5, 0.75, 1} {
		ps := make([]float64, len(rows))
		for i := range ps {
			ps[i] = (1-w)*pWord[i] + w*pChar[i]
		}
		if c := report(fmt.Sprintf("ensemble w_char=%.2f", w), ps); c > bestC+1e-9 {
			bestW, bestC = w, c
		}
	}
	t.Logf("ensemble: w_char chosen on the calibration rows = %.2f", bestW)
	// the same with calibrated logits averaged instead of probabilities
	logit := func(p float64) float64 {
		p = min(max(p, 1e-9), 1-1e-9)
		return math.Log(p / (1 - p))
	}
	bestW, bestC = 0, -1
	for _, w := range []float64{0.25, 0.5} {
		ps := make([]float64, len(rows))
		for i := range ps {
			ps[i] = sigmoid((1-w)*logit(pWord[i]) + w*logit(pChar[i]))
		}
		if c := report(fmt.Sprintf("logit-avg w_char=%.2f", w), ps); c > bestC+1e-9 {
			bestW, bestC = w, c
		}
	}
	t.Logf("logit averaging: w_char chosen on the calibration rows = %.2f", bestW)

	// (b) bagging
	for _, k := range []int{5, 10} {
		sum := make([]float64, len(rows))
		for b := 0; b < k; b++ {
			rng := rand.New(rand.NewPCG(uint64(b+1), 0xba66))
			idx := make([]int, len(trainIdx))
			for i := range idx {
				idx[i] = trainIdx[rng.IntN(len(trainIdx))]
			}
			o := clsOptions
			o.Seed = uint64(b + 1)
			ms := fit(idx, wordF, o)
			for i := range sum {
				sum[i] += ms[i] / float64(k)
			}
		}
		report(fmt.Sprintf("bagging K=%d", k), platt(sum))
	}
}
