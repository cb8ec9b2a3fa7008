package analyze

import "math"

// The first session's NB variant (quality round, experiment_test.go): ratios
// of (smoothed, alpha) weighted DOCUMENT frequencies rather than the feature
// mass of nbLogRatios (nb.go), tried at the shipped L2 1e-4 (not adopted).

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
