package analyze

// Representation round (anti_migrant; third session). Validation only: the
// bench of the earlier rounds (experiment_rows_test.go) plus policy-val and
// val_anti_news.csv; en_dev and the DIALOCONAN test dialogues are never read.
// Runs only with XS_EXPERIMENT=1:
//
//	XS_EXPERIMENT=1 go test ./analyze/ -run TestExperimentRepr -v
//
// Families (fixed before the first run):
//
//	(nb) NB-weighted features (Wang & Manning 2012, "NBSVM" with a logistic
//	     loss): every feature value is multiplied by its log-count ratio
//	     r = log((a+p_f)/(a*F+|p|)) - log((a+q_f)/(a*F+|q|)), p and q the
//	     weighted feature mass of the positive and negative training rows,
//	     a = 1. The model format holds w*r, so scoring would be unchanged.
//	     L2 in {1e-5, 1e-4 (shipped), 1e-3}.
//	(h)  the shipped features with other regularisation and training
//	     length (the shipped L2 1e-4 and 12 epochs were chosen in the first
//	     session, before the news, policy and hand rows): L2 3e-5, 3e-4,
//	     epochs 24.
//
// Within a family the variant with the best macro-F1 on the migration
// calibration rows is picked (not on validation). Every figure has the
// shipped news-hostility max applied (hostilityGate), as in scoring.
//
// Second run (families added after the first run, before running them;
// first run: nb picked L2 1e-3, HatEval-val +0.013, DIALOCONAN-val +0.003,
// val_anti_news +0.043, fewer policy and short-line FP, short of the bar by
// 0.002; h: no change at all):
//
//	(nb2) NB as (nb) with L2 in {1e-3, 3e-3, 1e-2} (the calibration figure
//	      rose with L2 in the first run).
//	(da)  feature augmentation for domains (Daume 2007, "frustratingly easy
//	      domain adaptation"): in training every feature also fires a copy
//	      named by the row's source (hateval, dialoconan, local = news,
//	      hand and policy rows); only the shared weights are kept, so a
//	      text of unknown source is scored by what the sources share. Plain
//	      features (L2 1e-4) and NB features (L2 1e-3).
//
// Pre-registered bar for a pick: HatEval-val >= shipped + 0.015,
// DIALOCONAN-val >= shipped - 0.01, news-val, short-line and policy-val
// false positives each at most 1 more than shipped, val_anti_news at most
// 0.02 lower.

import (
	"math/rand/v2"
	"os"
	"sort"
	"testing"
)

// nbRatiosRows returns nbLogRatios (nb_test.go) over the bench's train rows.
func nbRatiosRows(b *antiBench, alpha float64) map[string]float64 {
	var tr []example
	for _, r := range b.rows {
		if r.split == SplitTrain && r.w > 0 {
			tr = append(tr, example{r.u.feats, r.y, r.w})
		}
	}
	return nbLogRatios(tr, alpha)
}

func TestExperimentRepr(t *testing.T) {
	_, b := newExperimentBench(t)
	type res = fullResult
	run := b.reportFull
	plain := func(r antiRow) []feat { return r.u.feats }
	weight := func(r antiRow) float64 { return r.w }
	fitWith := func(fe func(antiRow) []feat, o trainOptions) []float64 {
		ms, _ := b.fit(fe, weight, o)
		return ms
	}
	shippedMs := fitWith(plain, clsOptions)
	base := run("shipped", shippedMs)

	ratio := nbRatiosRows(b, 1)
	nbFeats := func(r antiRow) []feat {
		fs := make([]feat, len(r.u.feats))
		for i, f := range r.u.feats {
			f.val *= ratio[f.name]
			fs[i] = f
		}
		return fs
	}
	type variant struct {
		name string
		fe   func(antiRow) []feat
		o    trainOptions
	}
	with := func(l2 float64, epochs int) trainOptions {
		o := clsOptions
		o.L2, o.Epochs = l2, epochs
		return o
	}
	families := map[string][]variant{
		"nb": {
			{"nb a=1 L2 1e-5", nbFeats, with(1e-5, 12)},
			{"nb a=1 L2 1e-4", nbFeats, with(1e-4, 12)},
			{"nb a=1 L2 1e-3", nbFeats, with(1e-3, 12)},
		},
		"nb2": {
			{"nb a=1 L2 1e-3", nbFeats, with(1e-3, 12)},
			{"nb a=1 L2 3e-3", nbFeats, with(3e-3, 12)},
			{"nb a=1 L2 1e-2", nbFeats, with(1e-2, 12)},
		},
		"h": {
			{"L2 3e-5", plain, with(3e-5, 12)},
			{"L2 3e-4", plain, with(3e-4, 12)},
			{"epochs 24", plain, with(1e-4, 24)},
		},
	}
	// fitDA trains with the source copies and returns margins from the
	// shared weights only.
	fitDA := func(fe func(antiRow) []feat, o trainOptions) []float64 {
		var tr []example
		for _, r := range b.rows {
			if r.split != SplitTrain || r.w <= 0 {
				continue
			}
			fs := fe(r)
			aug := make([]feat, 0, 2*len(fs))
			aug = append(aug, fs...)
			for _, f := range fs {
				f.name = r.src + "|" + f.name
				aug = append(aug, f)
			}
			tr = append(tr, example{aug, r.y, r.w})
		}
		m := trainLinear(tr, false, o)
		ms := make([]float64, len(b.rows))
		for i, r := range b.rows {
			ms[i] = m.margin(fe(r))
		}
		return ms
	}
	families["da"] = []variant{
		{"da plain L2 1e-4", plain, with(1e-4, 12)},
		{"da nb L2 1e-3", nbFeats, with(1e-3, 12)},
	}
	// Paired bootstrap (added after the third run, before any held-out
	// evaluation; information, not a bar): NB L2 1e-3 minus shipped,
	// macro-F1 on HatEval-val and DIALOCONAN-val resampled together by row.
	if os.Getenv("XS_REPR_BOOT") != "" {
		pa := b.withHostility(b.platt(shippedMs))
		pb := b.withHostility(b.platt(fitWith(nbFeats, with(1e-3, 12))))
		for _, kind := range []string{"hmig", "dmig"} {
			var idx []int
			for i, r := range b.rows {
				if r.split == "val" && r.kind == kind {
					idx = append(idx, i)
				}
			}
			rng := rand.New(rand.NewPCG(1, 2))
			var diffs []float64
			for k := 0; k < 1000; k++ {
				var ca, cb conf
				for range idx {
					i := idx[rng.IntN(len(idx))]
					y := b.rows[i].y > 0.5
					ca.add(pa[i] >= 0.5, y)
					cb.add(pb[i] >= 0.5, y)
				}
				diffs = append(diffs, cb.macroF1()-ca.macroF1())
			}
			sort.Float64s(diffs)
			pos := 0
			for _, d := range diffs {
				if d > 0 {
					pos++
				}
			}
			t.Logf("paired bootstrap %s-val, nb L2 1e-3 - shipped: 95%% CI %+.3f..%+.3f, share > 0: %.2f", kind, diffs[25], diffs[974], float64(pos)/1000)
		}
		return
	}
	fams := []string{"nb", "h"}
	if os.Getenv("XS_REPR2") != "" {
		fams = []string{"nb2", "da"}
	}
	for _, fam := range fams {
		var pick res
		pickName := ""
		for _, v := range families[fam] {
			fit := fitWith
			if fam == "da" {
				fit = fitDA
			}
			r := run(v.name, fit(v.fe, v.o))
			if pickName == "" || r.cv > pick.cv {
				pick, pickName = r, v.name
			}
		}
		pass := pick.hv >= base.hv+0.015 && pick.dv >= base.dv-0.01 &&
			pick.newsFP <= base.newsFP+1 && pick.shortFP <= base.shortFP+1 && pick.policyFP <= base.policyFP+1 &&
			pick.newsVal >= base.newsVal-0.02
		t.Logf("family %s: pick (best calib) %q: HatEval %+.3f DIALOCONAN %+.3f val_anti_news %+.3f -> passes bar: %v",
			fam, pickName, pick.hv-base.hv, pick.dv-base.dv, pick.newsVal-base.newsVal, pass)
	}
}
