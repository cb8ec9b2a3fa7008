package analyze

// News-hostility round: anti_migrant finds under half of the hostile
// letters, comments and leaflets of news-like text (val_anti_news.csv,
// written for this round and in no training or test file: recall 0.44).
// Idea: 75 more news-like rows in hand_anti_migrant.csv (rows 110 on: 30
// hostile, 15 non-hostile; by hash 2/3 train), and a larger hand weight.
//
// Validation: the bench (experiment_rows_test.go) with the policy
// negatives as shipped, policy-val (the hand_stance.csv test third) and
// val_anti_news.csv. Runs only with XS_EXPERIMENT=1:
//
//	XS_EXPERIMENT=1 go test ./analyze/ -run TestExperimentNews -v
//
// Pre-registered bar (fixed before the first run): among the variants
// with the new rows (hand weight 5, 10, 20), adopt the one with the best
// val_anti_news macro-F1 (ties: the smaller weight) if it beats the shipped
// row (old rows, weight 5) there by at least 0.05, with HatEval-val and
// DIALOCONAN-val each at most 0.02 lower, and policy-val and news-val false
// positives each at most 1 higher. Otherwise nothing is adopted.
//
// Amended after the first choice (w 20) failed TestLongArticleOneHostileSentence
// on a real article (exclamation lines of a food blog scored >= 0.5): the
// bench's short-line false positives, reported but left out of the bar, must
// also be at most 1 higher. w 20 (+2) fails that, w 10 (+0) passes and is
// shipped. The "gate" variants (anti_migrant capped at 0.25 in units with no
// target, migration, dehumanising or exclusion word) were tried to remove
// those false positives at the source and are not adopted: they cost 0.04
// HatEval-val and 0.02-0.03 DIALOCONAN-val.

import (
	"fmt"
	"strings"
	"testing"
)

// maxUnanchoredAnti caps anti_migrant in the gate variant (see the test).
const maxUnanchoredAnti = 0.25

func TestExperimentNews(t *testing.T) {
	_, b := newExperimentBench(t) // policy negatives as shipped
	hand, err := LoadTextLabel("testdata/hand_anti_migrant.csv")
	if err != nil {
		t.Fatal(err)
	}
	const oldRows = 109 // rows of hand_anti_migrant.csv before this round
	isNew := map[string]bool{}
	for i, l := range hand {
		if i >= oldRows {
			isNew[l.Text] = true
		}
	}
	type variant struct {
		name    string
		newRows bool
		w       float64
	}
	var base benchResult
	var baseV float64
	basePol := 0
	for i, v := range []variant{{"shipped rows, hand w 5", false, 5}, {"new rows, hand w 5", true, 5}, {"new rows, hand w 10", true, 10}, {"new rows, hand w 20", true, 20},
		{"shipped rows, hand w 5, gate", false, 5}, {"new rows, hand w 20, gate", true, 20}} {
		gated := strings.HasSuffix(v.name, "gate")
		ms, _ := b.fit(func(r antiRow) []feat { return r.u.feats }, func(r antiRow) float64 {
			if r.kind == "hand" {
				if isNew[r.text] && !v.newRows {
					return 0
				}
				return v.w
			}
			return r.w
		}, clsOptions)
		ps := b.platt(ms)
		if gated {
			for i, r := range b.rows {
				c := r.u.secCount
				if c[secTarget]+c[secMigrationTopic]+c[secDehumanizing]+c[secExclusion] == 0 {
					ps[i] = min(ps[i], maxUnanchoredAnti)
				}
			}
		}
		vf, vn := b.macro(ps, func(r antiRow) bool { return r.split == "newsval2" })
		pfp, pn := b.positives(ps, "policyval")
		res := b.report(v.name, ps, fmt.Sprintf("| policy-val FP %d/%d | val_anti_news %.3f (n=%d)", pfp, pn, vf, vn))
		if i == 0 {
			base, baseV, basePol = res, vf, pfp
			continue
		}
		pass := vf >= baseV+0.05 && res.hv >= base.hv-0.02 && res.dv >= base.dv-0.02 && pfp <= basePol+1 && res.newsFP <= base.newsFP+1 &&
			res.shortFP <= base.shortFP+1
		t.Logf("  %s: val_anti_news %+.3f HatEval %+.3f DIALOCONAN %+.3f policy FP %+d news FP %+d short-line FP %+d -> within bar: %v",
			v.name, vf-baseV, res.hv-base.hv, res.dv-base.dv, pfp-basePol, res.newsFP-base.newsFP, res.shortFP-base.shortFP, pass)
	}
}
