package analyze

// anti_migrant inside the migration gate: hostility x target (factor round,
// docs/analysis.md; harness TestExperimentFactor).
//
// The anti_migrant model leaves out hate against other groups (HatEval's
// women part, DIALOCONAN's other targets): as negatives it taught that
// insults point away from anti_migrant. That hate is still evidence of
// hostility, so a second model, any_hate, is trained on anti_migrant's rows
// plus that hate as positives. Whether the hostility is aimed at migrants is
// the question the migration gate answers: for a unit with a migration
// anchor (migrationAnchored, the gate scoreUnit applies to migration) a
// stacker combines the anti_migrant margin (a), the any_hate margin (h), the
// migration margin (m), the anchor (g) and h*m/4, a logistic regression
// fitted on the migration-related calibration rows (HatEval migration part
// and DIALOCONAN MIGRANTS dialogues of the calibration splits, never used
// by a base model) and Platt-calibrated on them. A unit without an anchor
// keeps the anti_migrant model's probability, so hate against other groups
// in a text that does not name migrants does not count; the news-hostility
// max (hostility.go) applies after either.

const (
	anyHateModel   = "any_hate"   // any_hate.json: hostility toward any group
	antiStackModel = "anti_stack" // anti_stack.json: the stacker
)

// stackOptions trains the stacker (five dense inputs, ~1,000 rows).
var stackOptions = trainOptions{Epochs: 50, L2: 1e-4, LR: 0.1, MinCount: 1, Seed: 1, Average: true}

// stackInputs returns the stacker's inputs for u given its anti_migrant
// margin a, any_hate margin h and migration margin m.
func stackInputs(a, h, m float64, anchored bool) []feat {
	g := 0.0
	if anchored {
		g = 1
	}
	return []feat{{name: "h", val: h}, {name: "m", val: m}, {name: "g", val: g}, {name: "hm", val: h * m / 4}, {name: "a", val: a}}
}

// stackWeights returns, for a unit with migration margin m, the weights the
// stacker gives the anti_migrant and any_hate margins (d margin / d a and
// d margin / d h), for evidence: a feature's contribution is
// x * (wa*w_anti + wh*w_anyhate).
func (s *Scorer) stackWeights(m float64) (wa, wh float64) {
	w := s.antiStack.Weights
	return w["a"], w["h"] + w["hm"]*m/4
}
