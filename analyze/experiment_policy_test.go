package analyze

// Policy round: anti_migrant fires on calm policy statements (restrictive
// AND open ones: "Refugees should be able to bring their spouses and
// children to join them." 0.69), while the issue says a restrictive policy
// is not hostility. Idea: the policy sentences of hand_stance.csv (train
// split; rows that hand_anti_migrant.csv labels itself are left to it) as
// anti_migrant negatives with weight w.
//
// Validation: the bench's rows (experiment_rows_test.go) plus policy-val,
// the hand_stance.csv test third (anti_migrant >= 0.5 on it is a false
// positive). Runs only with XS_EXPERIMENT=1:
//
//	XS_EXPERIMENT=1 go test ./analyze/ -run TestExperimentPolicy -v
//
// Pre-registered bar (fixed before the first run): adopt the smallest w in
// {1, 2, 5} whose policy-val false positives are at most half of the
// shipped row's, with HatEval-val and DIALOCONAN-val each at most 0.02
// below the shipped row and no more news-val false positives. Otherwise
// nothing is adopted.

import (
	"fmt"
	"os"
	"testing"
)

func TestExperimentPolicy(t *testing.T) {
	if os.Getenv("XS_EXPERIMENT") == "" {
		t.Skip("set XS_EXPERIMENT=1")
	}
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	b := newAntiBench(t, s) // policy rows included; their weight is varied below
	var base benchResult
	baseFP := 0
	for _, w := range []float64{0, 1, 2, 5} {
		ms, _ := b.fit(func(r antiRow) []feat { return r.u.feats }, func(r antiRow) float64 {
			if r.kind == "policy" {
				return w
			}
			return r.w
		}, clsOptions)
		ps := b.platt(ms)
		fp, n := b.positives(ps, "policyval")
		res := b.report(fmt.Sprintf("policy weight %g", w), ps, fmt.Sprintf("| policy-val FP %d/%d", fp, n))
		if w == 0 {
			base, baseFP = res, fp
			continue
		}
		pass := 2*fp <= baseFP && res.hv >= base.hv-0.02 && res.dv >= base.dv-0.02 && res.newsFP <= base.newsFP
		t.Logf("  w=%g: delta HatEval %+.3f DIALOCONAN %+.3f news FP %+d policy FP %d -> %d: passes bar: %v",
			w, res.hv-base.hv, res.dv-base.dv, res.newsFP-base.newsFP, baseFP, fp, pass)
	}
}
