package analyze

// News-hostility model (hostility.go): anti_migrant = max(anti_migrant
// model, news-hostility model) where hostilityGate holds. The
// news-hostility model is trained on the train-split rows of
// hand_anti_migrant.csv and the policy statements of hand_stance.csv.
// Validation only: the bench (experiment_rows_test.go) with policy-val and
// val_anti_news.csv. Runs only with XS_EXPERIMENT=1:
//
//	XS_EXPERIMENT=1 go test ./analyze/ -run TestExperimentHostility -v
//
// Pre-registered bar (fixed before the first run): adopt if val_anti_news
// rises by at least 0.05, HatEval-val and DIALOCONAN-val fall by at most
// 0.01 each, and policy-val, news-val and short-line false positives rise
// by at most 1 each.
//
// Iterations (all on these validation rows; docs/analysis.md): (1) hand and
// policy rows, class-balanced: news-val FP 1 -> 28; (2) + news sentences,
// no balance (XS_HS_NEWS=1): DIALOCONAN-val -0.011, just outside the bar;
// (3) + every other y=0 row: no gain; (4) news + the MIGRANTS
// counter-narratives of the train dialogues (XS_HS_NEWS=1 XS_HS_CN=1,
// weights 0.1-1 alike): within the bar, shipped.

import (
	"fmt"
	"os"
	"testing"
)

func TestExperimentHostility(t *testing.T) {
	s, b := newExperimentBench(t)
	ms, _ := b.fit(func(r antiRow) []feat { return r.u.feats }, func(r antiRow) float64 { return r.w }, clsOptions)
	word := b.platt(ms)
	// iteration 2 (after the first run: news-val FP 1 -> 28): ordinary
	// news sentences (train split) as negatives too, without class balance
	var ex []example
	for _, r := range b.rows {
		// iteration 3 (DIALOCONAN-val -0.011): counter-narrative turns of
		// the DIALOCONAN train dialogues (y=0) as negatives too
		// (MIGRANTS turns only, weight XS_HS_CN)
		var cnW float64
		fmt.Sscan(os.Getenv("XS_HS_CN"), &cnW)
		if r.split == SplitTrain && r.kind == "dmig" && r.y == 0 && cnW > 0 {
			ex = append(ex, example{s.hostilityFeats(r.u), 0, cnW})
			continue
		}
		if r.split == SplitTrain && (r.kind == "hand" || r.kind == "policy" || r.kind == "news" && os.Getenv("XS_HS_NEWS") != "") {
			ex = append(ex, example{s.hostilityFeats(r.u), r.y, 1})
		}
	}
	o := handOptions
	o.Balance = os.Getenv("XS_HS_NEWS") == ""
	hm := trainLinear(ex, false, o)
	t.Logf("news-hostility model: %d training rows, %d weights", len(ex), len(hm.Weights))
	report := func(name string, ps []float64) benchResult {
		vf, vn := b.macro(ps, func(r antiRow) bool { return r.split == "newsval2" })
		pfp, pn := b.positives(ps, "policyval")
		res := b.report(name, ps, fmt.Sprintf("| policy-val FP %d/%d | val_anti_news %.3f (n=%d)", pfp, pn, vf, vn))
		res.cv = vf              // reuse: val_anti_news
		res.newsFP += 1000 * pfp // packed: policy FP in the thousands
		return res
	}
	base := report("anti_migrant model alone", word)
	for _, gated := range []bool{true, false} {
		ps := make([]float64, len(word))
		for i, r := range b.rows {
			ps[i] = word[i]
			if !gated || hostilityGate(r.u) {
				ps[i] = max(ps[i], hm.prob(s.hostilityFeats(r.u)))
			}
		}
		name := "max with news-hostility, gate"
		if !gated {
			name = "max with news-hostility, no gate"
		}
		res := report(name, ps)
		pass := res.cv >= base.cv+0.05 && res.hv >= base.hv-0.01 && res.dv >= base.dv-0.01 &&
			res.newsFP/1000 <= base.newsFP/1000+1 && res.newsFP%1000 <= base.newsFP%1000+1 && res.shortFP <= base.shortFP+1
		t.Logf("  %s: val_anti_news %+.3f HatEval %+.3f DIALOCONAN %+.3f -> within bar: %v", name, res.cv-base.cv, res.hv-base.hv, res.dv-base.dv, pass)
	}
}
