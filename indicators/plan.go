package indicators

import (
	"fmt"
	"math"
	"slices"
)

// plan is a definitions table compiled for Compute: the distinct
// statistics and figure sets, the doc_scores and statements columns to
// stream, and per definition where its parts are.
type plan struct {
	defs    []Definition
	stats   []*Stat
	figs    []*FigureSet
	columns []string // doc_scores columns streamed
	// colIdx[s] holds the index in columns of each of stats[s].Columns.
	colIdx     [][]int
	statements []string // statements columns, one per figure set
	// boot are the statistics (indices into stats) the bootstrap
	// resamples, bootFigs the figure sets.
	boot, bootFigs []int
	// Per definition: indices into stats (num, den, n; -1 for none) and
	// into figs (-1 for none).
	num, den, n, fig []int
}

// compile checks a table and compiles it.
func compile(defs []Definition) (*plan, error) {
	p := &plan{defs: defs}
	bad := func(d Definition, format string, args ...any) error {
		return fmt.Errorf("%w: indicator %q: %s", ErrBadTable, d.Name, fmt.Sprintf(format, args...))
	}
	stat := func(s *Stat) (int, error) {
		if s == nil {
			return -1, nil
		}
		for i, x := range p.stats {
			if x.Name == s.Name {
				if x != s {
					return 0, fmt.Errorf("%w: two statistics are named %q", ErrBadTable, s.Name)
				}
				return i, nil
			}
		}
		if s.Value == nil && !s.EveryDocument {
			return 0, fmt.Errorf("%w: statistic %q has no Value", ErrBadTable, s.Name)
		}
		var idx []int
		for _, c := range s.Columns {
			k := slices.Index(p.columns, c)
			if k < 0 {
				k = len(p.columns)
				p.columns = append(p.columns, c)
			}
			idx = append(idx, k)
		}
		p.stats = append(p.stats, s)
		p.colIdx = append(p.colIdx, idx)
		return len(p.stats) - 1, nil
	}
	fig := func(f *FigureSet) (int, error) {
		if f == nil {
			return -1, nil
		}
		for i, x := range p.figs {
			if x.Name == f.Name {
				if x.Statement != f.Statement {
					return 0, fmt.Errorf("%w: two figure sets are named %q", ErrBadTable, f.Name)
				}
				return i, nil
			}
		}
		p.figs = append(p.figs, f)
		p.statements = append(p.statements, f.Statement)
		return len(p.figs) - 1, nil
	}
	names := map[string]bool{}
	for _, d := range defs {
		if d.Name == "" || names[d.Name] {
			return nil, bad(d, "empty or duplicate name")
		}
		names[d.Name] = true
		if (d.Num == nil) == (d.Figures == nil) {
			return nil, bad(d, "needs exactly one of Num and Figures")
		}
		switch d.Interval {
		case Wilson:
			if d.Figures != nil || d.Den == nil {
				return nil, bad(d, "a Wilson interval is for a share of documents: Num and Den")
			}
		case Bootstrap:
			if d.Den == nil {
				return nil, bad(d, "a bootstrap interval needs a denominator (a count gets NoInterval)")
			}
		case NoInterval, Exact:
		default:
			return nil, bad(d, "no Interval")
		}
		num, err := stat(d.Num)
		if err != nil {
			return nil, err
		}
		den, err := stat(d.Den)
		if err != nil {
			return nil, err
		}
		n, err := stat(d.NStat)
		if err != nil {
			return nil, err
		}
		if n < 0 {
			n = den
			if n < 0 {
				n = num
			}
		}
		if n < 0 {
			return nil, bad(d, "a figure count needs NStat (what n counts)")
		}
		f, err := fig(d.Figures)
		if err != nil {
			return nil, err
		}
		p.num, p.den, p.n, p.fig = append(p.num, num), append(p.den, den), append(p.n, n), append(p.fig, f)
		if d.Interval == Bootstrap {
			for _, i := range []int{num, den} {
				if i >= 0 && !slices.Contains(p.boot, i) {
					p.boot = append(p.boot, i)
				}
			}
			if f >= 0 && !slices.Contains(p.bootFigs, f) {
				p.bootFigs = append(p.bootFigs, f)
			}
		}
	}
	return p, nil
}

// value computes definition i from sums of the statistics (indexed like
// p.stats) and distinct figure counts (like p.figs).
func (p *plan) value(i int, sums, figs []float64) float64 {
	d := &p.defs[i]
	var num float64
	if p.fig[i] >= 0 {
		num = figs[p.fig[i]]
	} else {
		num = sums[p.num[i]]
	}
	if p.den[i] < 0 {
		if d.Interval != Exact && sums[p.n[i]] == 0 {
			return math.NaN()
		}
		return num
	}
	den := sums[p.den[i]]
	if den == 0 {
		return math.NaN()
	}
	scale := d.Scale
	if scale == 0 {
		scale = 1
	}
	return scale * num / den
}

// empty returns the values of a city-month without documents.
func (p *plan) empty(city, month string) []Value {
	out := make([]Value, len(p.defs))
	nan := math.NaN()
	for i, d := range p.defs {
		out[i] = Value{City: city, Month: month, Indicator: d.Name, Value: nan, CILow: nan, CIHigh: nan, Insufficient: true}
		if d.Interval == Exact {
			out[i].Value, out[i].CILow, out[i].CIHigh = 0, 0, 0
		}
	}
	return out
}

// wilson returns the Wilson score 95% interval of k successes in n trials
// (NaN for n = 0). Unlike the bootstrap and the normal approximation it
// stays honest at k = 0 and k = n: 0 of 16 gives [0, 0.194], not [0, 0].
func wilson(k, n float64) (lo, hi float64) {
	if n <= 0 {
		return math.NaN(), math.NaN()
	}
	const z = 1.959963984540054
	p := k / n
	z2 := z * z
	c := (p + z2/(2*n)) / (1 + z2/n)
	h := z * math.Sqrt(p*(1-p)/n+z2/(4*n*n)) / (1 + z2/n)
	lo, hi = math.Max(0, c-h), math.Min(1, c+h)
	// At the bounds the formula is exact up to rounding: pin it.
	if k == 0 {
		lo = 0
	}
	if k == n {
		hi = 1
	}
	return lo, hi
}
