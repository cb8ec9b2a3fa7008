package train

import (
	"math"
	"math/rand/v2"
	"sort"

	"github.com/xenoscope/xenoscope/analyze"
)

// example is one training example.
type example struct {
	feats  []analyze.Feature
	label  float64 // 0/1 for logistic, target for regression
	weight float64
}

// trainOptions tunes SGD.
type trainOptions struct {
	Epochs   int
	L2       float64
	LR       float64
	MinCount int // features seen in fewer examples are dropped
	Seed     uint64
	Balance  bool // reweight classes to equal total weight
	// Average returns the mean of the weights at the end of each epoch in
	// the second half of training (Polyak averaging) instead of the last
	// iterate: less dependent on the shuffle order.
	Average bool
}

// trainLinear fits a logistic regression (or least-squares regression when
// regression) with AdaGrad SGD and L2, deterministic for a given seed.
func trainLinear(exs []example, regression bool, o trainOptions) *analyze.LinearModel {
	counts := map[string]int{}
	for _, e := range exs {
		for _, f := range e.feats {
			counts[f.Name]++
		}
	}
	idx := map[string]int{}
	var names []string
	for n, c := range counts {
		if c >= o.MinCount {
			idx[n] = 0
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for i, n := range names {
		idx[n] = i
	}
	w := make([]float64, len(names))
	g2 := make([]float64, len(names))
	var bias, bg2 float64
	// class weights
	cw := [2]float64{1, 1}
	if o.Balance && !regression {
		var pos, tot float64
		for _, e := range exs {
			tot += e.weight
			if e.label > 0.5 {
				pos += e.weight
			}
		}
		if pos > 0 && pos < tot {
			cw[1] = tot / (2 * pos)
			cw[0] = tot / (2 * (tot - pos))
		}
	}
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(o.Seed, 0x5eed))
	type fi struct {
		i int
		v float64
	}
	buf := make([]fi, 0, 256)
	avg := make([]float64, len(names))
	var avgBias float64
	navg := 0
	for ep := 0; ep < o.Epochs; ep++ {
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		for _, k := range order {
			e := exs[k]
			buf = buf[:0]
			z := bias
			for _, f := range e.feats {
				if j, ok := idx[f.Name]; ok {
					buf = append(buf, fi{j, f.Value})
					z += w[j] * f.Value
				}
			}
			var g float64
			wt := e.weight
			if regression {
				g = z - e.label
			} else {
				g = sigmoid(z) - e.label
				if e.label > 0.5 {
					wt *= cw[1]
				} else {
					wt *= cw[0]
				}
			}
			g *= wt
			for _, p := range buf {
				gr := g*p.v + o.L2*w[p.i]
				g2[p.i] += gr * gr
				w[p.i] -= o.LR * gr / (math.Sqrt(g2[p.i]) + 1e-8)
			}
			bg2 += g * g
			bias -= o.LR * g / (math.Sqrt(bg2) + 1e-8)
		}
		if o.Average && ep >= o.Epochs/2 {
			for i := range w {
				avg[i] += w[i]
			}
			avgBias += bias
			navg++
		}
	}
	if o.Average && navg > 0 {
		for i := range w {
			w[i] = avg[i] / float64(navg)
		}
		bias = avgBias / float64(navg)
	}
	m := &analyze.LinearModel{Bias: bias, Weights: map[string]float64{}, PlattA: 1, PlattB: 0}
	m.Kind = "logistic"
	if regression {
		m.Kind = "regression"
	}
	for i, n := range names {
		if math.Abs(w[i]) >= 1e-3 {
			m.Weights[n] = round6(w[i])
		}
	}
	m.Bias = round6(m.Bias)
	return m
}

func round6(x float64) float64 { return math.Round(x*1e6) / 1e6 }

// fitPlatt fits p = sigmoid(a*margin+b) on held-out margins and labels by
// Newton's method on the log loss (Platt 1999, with his target smoothing).
func fitPlatt(margins, labels []float64) (a, b float64) {
	return fitPlattWeighted(margins, labels, false)
}

// fitPlattBalanced fits Platt scaling with the two classes weighted
// equally: p = 0.5 is then the point where a text is as likely to be of
// either class whatever their shares in the calibration rows (the
// decision point of macro-F1 and of the functional tests).
func fitPlattBalanced(margins, labels []float64) (a, b float64) {
	return fitPlattWeighted(margins, labels, true)
}

func fitPlattWeighted(margins, labels []float64, balanced bool) (a, b float64) {
	var npos, nneg float64
	for _, y := range labels {
		if y > 0.5 {
			npos++
		} else {
			nneg++
		}
	}
	wpos, wneg := 1.0, 1.0
	if balanced && npos > 0 && nneg > 0 {
		wpos, wneg = (npos+nneg)/(2*npos), (npos+nneg)/(2*nneg)
	}
	hi, lo := (npos+1)/(npos+2), 1/(nneg+2)
	a, b = 1, 0
	for it := 0; it < 100; it++ {
		var ga, gb, haa, hab, hbb float64
		for i, m := range margins {
			t, cw := lo, wneg
			if labels[i] > 0.5 {
				t, cw = hi, wpos
			}
			p := sigmoid(a*m + b)
			d := (p - t) * cw
			ga += d * m
			gb += d
			w := p * (1 - p) * cw
			haa += w * m * m
			hab += w * m
			hbb += w
		}
		haa += 1e-9
		hbb += 1e-9
		det := haa*hbb - hab*hab
		if det == 0 {
			break
		}
		da := (hbb*ga - hab*gb) / det
		db := (haa*gb - hab*ga) / det
		a -= da
		b -= db
		if math.Abs(da) < 1e-9 && math.Abs(db) < 1e-9 {
			break
		}
	}
	return round6(a), round6(b)
}

func sigmoid(z float64) float64 { return analyze.Sigmoid(z) }
