package analyze

import "math"

// NB-weighted features (Wang & Manning 2012, NBSVM): each binary feature f
// gets the log-count ratio r_f = log((p_f/|p|_1) / (q_f/|q|_1)) of its
// (smoothed, alpha) document frequency in positive vs negative training
// examples; the linear model is trained on r_f*x_f. Since the model is
// linear, the ratios are folded into the weights afterwards (w_f*r_f), so
// scoring needs no extra table.

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

// nbScale returns copies of exs with feature values multiplied by r_f, as
// NBSVM does.
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
// features.
func nbFold(m *LinearModel, r map[string]float64) {
	for n, w := range m.Weights {
		m.Weights[n] = round6(w * r[n])
	}
}
