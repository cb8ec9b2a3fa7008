package analyze

import "math"

// The first session's NB variant (quality round, experiment_test.go): ratios
// of (smoothed, alpha) weighted DOCUMENT frequencies rather than the feature
// mass of nbLogRatios (below), tried at the shipped L2 1e-4 (not adopted).

func nbRatios(exs []example, alpha float64) map[string]float64 {
	p, q := map[string]float64{}, map[string]float64{}
	var sp, sq float64
	for _, e := range exs {
		seen := map[string]bool{}
		for _, f := range e.feats {
			if seen[f.name] {
				continue
			}
			seen[f.name] = true
			if e.label > 0.5 {
				p[f.name] += e.weight
			} else {
				q[f.name] += e.weight
			}
		}
	}
	names := map[string]bool{}
	for n := range p {
		names[n] = true
	}
	for n := range q {
		names[n] = true
	}
	for n := range names {
		sp += p[n] + alpha
		sq += q[n] + alpha
	}
	r := make(map[string]float64, len(names))
	for n := range names {
		r[n] = math.Log(((p[n] + alpha) / sp) / ((q[n] + alpha) / sq))
	}
	return r
}

// NB-weighted features for anti_migrant (Wang & Manning 2012, "NBSVM", here
// with the logistic loss; tried in the representation round and NOT adopted,
// see docs/analysis.md and experiment_repr_test.go). Each feature f gets the log-count ratio
//
//	r_f = log((a + p_f) / (a*F + |p|)) - log((a + q_f) / (a*F + |q|))
//
// where p_f and q_f are the feature's mass (|value| x example weight) in the
// positive and negative training examples, |p| and |q| their totals, F the
// number of features and a the smoothing. The model is trained on r_f*x_f;
// since it is linear, the ratios are then folded into its weights (w_f*r_f),
// so a model trained this way scores the plain features and needs no extra
// table.

// nbLogRatios returns r_f for every feature of exs.
func nbLogRatios(exs []example, alpha float64) map[string]float64 {
	p, q := map[string]float64{}, map[string]float64{}
	var ps, qs float64
	for _, e := range exs {
		if e.weight <= 0 {
			continue
		}
		for _, f := range e.feats {
			v := math.Abs(f.val) * e.weight
			if e.label > 0.5 {
				p[f.name] += v
				ps += v
			} else {
				q[f.name] += v
				qs += v
			}
		}
	}
	names := make(map[string]bool, len(p)+len(q))
	for n := range p {
		names[n] = true
	}
	for n := range q {
		names[n] = true
	}
	F := float64(len(names))
	r := make(map[string]float64, len(names))
	for n := range names {
		r[n] = math.Log((alpha+p[n])/(alpha*F+ps)) - math.Log((alpha+q[n])/(alpha*F+qs))
	}
	return r
}

// nbScale returns copies of exs with feature values multiplied by r_f.
func nbScale(exs []example, r map[string]float64) []example {
	out := make([]example, len(exs))
	for i, e := range exs {
		fs := make([]feat, len(e.feats))
		for j, f := range e.feats {
			f.val *= r[f.name]
			fs[j] = f
		}
		out[i] = example{fs, e.label, e.weight}
	}
	return out
}

// nbFold folds the ratios into the weights of a model trained on scaled
// features; weights that fold to (almost) nothing are dropped, as
// trainLinear drops them.
func nbFold(m *LinearModel, r map[string]float64) {
	for n, w := range m.Weights {
		v := round6(w * r[n])
		if math.Abs(v) < 1e-3 {
			delete(m.Weights, n)
			continue
		}
		m.Weights[n] = v
	}
}
