package analyze

// Factor round (anti_migrant = hostility x target; third session, after the
// representation round). Validation only: the bench of the earlier rounds
// plus policy-val and val_anti_news.csv; en_dev and the DIALOCONAN test
// dialogues are never read. Runs only with XS_EXPERIMENT=1:
//
//	XS_EXPERIMENT=1 go test ./analyze/ -run TestExperimentFactor -v
//
// Idea: the shipped anti_migrant model leaves out hate against other groups
// (HatEval's women part, DIALOCONAN's other targets), because as negatives
// it taught that insults point away from anti_migrant. Factorised, that
// hate is evidence of HOSTILITY, and whether the target is migrants is a
// second question the migration model answers. So:
//
//	h: a "hostile" model trained like anti_migrant (the bench's train rows
//	   and weights) plus, as positives, the hate of the women part and of
//	   DIALOCONAN's other targets (train rows outside the validation carve-
//	   out);
//	m: the shipped migration model's margin, g: 1 if the unit has a
//	   migration anchor (the gate of scoreUnit);
//	a: the anti_migrant model as the bench trains it;
//	a stacker, a logistic regression fitted on the migration calibration
//	   rows (not used by any base model), combines them; the shipped
//	   news-hostility max is applied after it, as in scoring.
//
// Variants and rule, fixed before the first run:
//
//	(f1) stacker over a, h, m, g, h*m (primary)
//	(f2) stacker over h, m, g, h*m (no anti_migrant model)
//
// Iteration 2 (XS_FACTOR_ALLCAL=1; after the first run: HatEval-val
// +0.032, DIALOCONAN-val +0.023, but news-val FP +4 and short-line FP +20:
// fitted on migration-related rows only, the stacker cannot learn the
// target factor, g got a negative weight and m none). The stacker is fitted
// on every calibration row of the bench's sources instead: the migration
// calibration rows, the women part's calibration tweets (hate and not, all
// anti_migrant 0) and the other-target turns of the DIALOCONAN calibration
// dialogues (hate and counter-narrative, all 0). Variants and bar unchanged.
//
// Iteration 3 (XS_FACTOR_GATE=1; after iteration 2 lost HatEval-val and
// val_anti_news: a linear stacker over margins does not learn the product).
// The factorisation imposed instead of learned: the stacker of iteration 1
// (fitted on migration-related calibration rows, the population it is
// meant for) scores only units with a migration anchor (g = 1, the gate
// scoreUnit already applies to migration); any other unit keeps the
// anti_migrant model's calibrated probability. Variants and bar unchanged.
//
// f1 is adopted if it passes the bar of the representation round's first
// run (HatEval-val +0.015, DIALOCONAN-val at most 0.01 lower, news-val,
// short-line and policy-val false positives at most 1 more each,
// val_anti_news at most 0.02 lower), else f2 if it passes, else nothing.

import (
	"os"
	"testing"
)

func TestExperimentFactor(t *testing.T) {
	s, b := newExperimentBench(t)
	// the hate the bench leaves out: train rows only, outside the
	// validation carve-out (split "xhate": trained on by h only)
	hTrain, dialo := b.hateval, b.dialo
	b.src = "hateval"
	for _, l := range hTrain {
		if l.Group != "migration" && l.Label == 1 && hatevalSplit(l.ID) == SplitTrain && bucket("hval:"+l.ID) >= 15 {
			b.add(l.Text, 1, 1, "xhate", "other")
		}
	}
	b.src = "dialoconan"
	for _, d := range dialo {
		if !IsMigrantTarget(d.Target) && d.Type == "HS" && dialoSplit(d.Dialogue) == SplitTrain && bucket("dval:"+d.Dialogue) >= 15 {
			b.add(d.Text, 1, 1, "xhate", "other")
		}
	}
	allCal := os.Getenv("XS_FACTOR_ALLCAL") != ""
	if allCal {
		// calibration hate of the other targets, anti_migrant 0 (the bench
		// keeps their non-hate calibration rows already, as split calib)
		b.src = "hateval"
		for _, l := range hTrain {
			if l.Group != "migration" && l.Label == 1 && hatevalSplit(l.ID) == SplitCalib {
				b.add(l.Text, 0, 0, "xcal", "other")
			}
		}
		b.src = "dialoconan"
		for _, d := range dialo {
			if !IsMigrantTarget(d.Target) && d.Type == "HS" && dialoSplit(d.Dialogue) == SplitCalib {
				b.add(d.Text, 0, 0, "xcal", "other")
			}
		}
	}
	stackCal := func(r antiRow) bool {
		return isCal(r) || allCal && (r.split == "xcal" || r.split == SplitCalib && r.kind == "other")
	}
	plain := func(r antiRow) []feat { return r.u.feats }
	aMs, _ := b.fit(plain, func(r antiRow) float64 {
		if r.split == "xhate" {
			return 0
		}
		return r.w
	}, clsOptions)
	base := b.reportFull("shipped", aMs)
	// h: the same rows plus the other-target hate
	var tr []example
	for _, r := range b.rows {
		if (r.split == SplitTrain || r.split == "xhate") && r.w > 0 {
			tr = append(tr, example{r.u.feats, r.y, r.w})
		}
	}
	hm := trainLinear(tr, false, clsOptions)
	t.Logf("hostile model: %d training rows (%d of them other-target hate)", len(tr), func() int {
		n := 0
		for _, r := range b.rows {
			if r.split == "xhate" {
				n++
			}
		}
		return n
	}())
	mig := s.models[TaskMigration]
	stackFeats := func(i int, withA bool) []feat {
		r := b.rows[i]
		fs := stackInputs(aMs[i], hm.margin(r.u.feats), mig.margin(r.u.feats), s.migrationAnchored(r.u))
		if !withA {
			fs = fs[:len(fs)-1] // stackInputs puts a last
		}
		return fs
	}
	var picked string
	for _, v := range []struct {
		name  string
		withA bool
	}{{"f1 stacker a,h,m,g,hm", true}, {"f2 stacker h,m,g,hm", false}} {
		var cal []example
		for i, r := range b.rows {
			if stackCal(r) {
				cal = append(cal, example{stackFeats(i, v.withA), r.y, 1})
			}
		}
		st := trainLinear(cal, false, stackOptions)
		t.Logf("  %s weights %v bias %.3f", v.name, st.Weights, st.Bias)
		// margins whose Platt fit is the identity up to noise: reportFull
		// calibrates again on the same rows, harmless for a fitted LR
		ms := make([]float64, len(b.rows))
		for i := range b.rows {
			ms[i] = st.margin(stackFeats(i, v.withA))
		}
		var res fullResult
		if os.Getenv("XS_FACTOR_GATE") != "" {
			// outside the gate: the anti_migrant model, calibrated as
			// shipped; inside: the stacker, calibrated on the same
			// (migration-related) rows; reported as probabilities, with
			// no second calibration over the mixture
			pa := b.platt(aMs)
			pst := b.platt(ms)
			for i, r := range b.rows {
				if s.migrationAnchored(r.u) {
					pa[i] = pst[i]
				}
			}
			res = b.reportProbs(v.name, pa)
		} else {
			res = b.reportFull(v.name, ms)
		}
		if os.Getenv("XS_FACTOR_SHOW") != "" && os.Getenv("XS_FACTOR_GATE") == "" {
			ps := b.withHostility(b.platt(ms))
			for i, r := range b.rows {
				if (r.split == "short" || r.split == "newsval") && ps[i] >= 0.5 {
					t.Logf("    FP %s %.2f anchored=%v %q", r.split, ps[i], s.migrationAnchored(r.u), r.text)
				}
			}
		}
		pass := res.hv >= base.hv+0.015 && res.dv >= base.dv-0.01 && res.newsVal >= base.newsVal-0.02 &&
			res.newsFP <= base.newsFP+1 && res.shortFP <= base.shortFP+1 && res.policyFP <= base.policyFP+1
		t.Logf("  %s: HatEval %+.3f DIALOCONAN %+.3f val_anti_news %+.3f news FP %+d short FP %+d policy FP %+d -> passes bar: %v",
			v.name, res.hv-base.hv, res.dv-base.dv, res.newsVal-base.newsVal, res.newsFP-base.newsFP, res.shortFP-base.shortFP, res.policyFP-base.policyFP, pass)
		if pass && picked == "" {
			picked = v.name
		}
	}
	t.Logf("adopted by the rule: %q", picked)
}
