package indicators

import (
	"hash/fnv"
	"math"
	"math/bits"
	"sort"

	"github.com/xenoscope/xenoscope/store"
)

// batch is one city-month: the exact sums and what the bootstrap needs.
type batch struct {
	p           *plan
	city, month string
	exact       []float64 // per statistic of p.stats
	figExact    []map[int64]struct{}
	// Per document, the values of the resampled statistics (p.boot order),
	// row-major; documents with figures of a resampled set first (fig),
	// then the others (plain).
	fig, plain []float64
	nFig       int
	// Figure ids (local indices) of each fig document, per resampled set:
	// figIdx[s][figOff[s][d]:figOff[s][d+1]].
	figIdx, figOff [][]int32
	figLocal       map[int64]int32
	cov            Coverage
	sources        map[int64]struct{}
	cols           []float64 // scratch: a statistic's columns
	row            []float64 // scratch: one document's resampled values
	lay            layout
}

func (b *batch) reset(city, month string) {
	p := b.p
	b.city, b.month = city, month
	b.exact = resize(b.exact, len(p.stats))
	if b.figExact == nil {
		b.figExact = make([]map[int64]struct{}, len(p.figs))
		for i := range b.figExact {
			b.figExact[i] = map[int64]struct{}{}
		}
		b.figIdx = make([][]int32, len(p.bootFigs))
		b.figOff = make([][]int32, len(p.bootFigs))
		b.figLocal = map[int64]int32{}
		b.sources = map[int64]struct{}{}
	}
	for _, m := range b.figExact {
		clear(m)
	}
	for s := range b.figIdx {
		b.figIdx[s] = b.figIdx[s][:0]
		b.figOff[s] = append(b.figOff[s][:0], 0)
	}
	clear(b.figLocal)
	clear(b.sources)
	b.fig, b.plain, b.nFig = b.fig[:0], b.plain[:0], 0
	b.cov = Coverage{City: city, Month: month}
}

func resize(s []float64, n int) []float64 {
	if cap(s) < n {
		return make([]float64, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// add takes one document.
func (b *batch) add(d *store.DocRow) {
	p := b.p
	b.cov.Documents++
	b.sources[d.SourceID] = struct{}{}
	if d.Fallback {
		b.cov.Fallback++
	}
	switch {
	case d.Scored:
		b.cov.Scored++
	case d.Stale:
		b.cov.Stale++
	case d.Excluded:
		b.cov.Excluded++
	default:
		b.cov.Unscored++
	}
	ok := counted(d)
	// The document's value of every statistic: exact sums, and the row of
	// the resampled ones.
	b.row = resize(b.row, len(p.boot))
	for i, s := range p.stats {
		var v float64
		switch {
		case s.EveryDocument:
			v = 1
		case ok:
			b.cols = b.cols[:0]
			for _, k := range p.colIdx[i] {
				b.cols = append(b.cols, d.Values[k])
			}
			v = s.Value(b.cols)
		}
		b.exact[i] += v
		if k := indexOf(p.boot, i); k >= 0 {
			b.row[k] = v
		}
	}
	hasFig := false
	if !d.Excluded {
		for f := range p.figs {
			for _, id := range d.Figures[f] {
				b.figExact[f][id] = struct{}{}
			}
		}
		for _, f := range p.bootFigs {
			hasFig = hasFig || len(d.Figures[f]) > 0
		}
	}
	if !hasFig {
		b.plain = append(b.plain, b.row...)
		return
	}
	b.fig = append(b.fig, b.row...)
	b.nFig++
	for s, f := range p.bootFigs {
		for _, id := range d.Figures[f] {
			key := int64(f)<<48 ^ id // each set in its own id space
			l, ok := b.figLocal[key]
			if !ok {
				l = int32(len(b.figLocal))
				b.figLocal[key] = l
			}
			b.figIdx[s] = append(b.figIdx[s], l)
		}
		b.figOff[s] = append(b.figOff[s], int32(len(b.figIdx[s])))
	}
}

func indexOf(s []int, x int) int {
	for i, v := range s {
		if v == x {
			return i
		}
	}
	return -1
}

// finish lays the documents out for the bootstrap.
func (b *batch) finish() {
	b.cov.ActiveSources = len(b.sources)
	b.lay.build(len(b.p.boot), b.fig, b.plain)
}

// layout holds the documents' resampled statistics packed for fast
// summing: integer statistics share 64-bit words (each in a lane wide
// enough that no resample's sum can overflow it, so one addition sums
// several statistics), the others are float64s. Lanes are assigned per
// city-month from the statistics' largest values, never by hand.
type layout struct {
	n     int      // documents
	words int      // packed words per document
	reals int      // float64 values per document
	w     []uint64 // n x words
	r     []float64
	// Per resampled statistic: packed (word, shift, mask) or real (index).
	packed       []bool
	word, idx    []int
	shift        []uint
	mask         []uint64
	wSums, rSums []uint64 // scratch (rSums unused)
}

func (l *layout) build(k int, rowsA, rowsB []float64) {
	n := 0
	if k > 0 {
		n = (len(rowsA) + len(rowsB)) / k
	}
	l.n = n
	row := func(i int) []float64 {
		if a := len(rowsA) / max(k, 1); i < a {
			return rowsA[i*k : (i+1)*k]
		} else {
			return rowsB[(i-a)*k : (i-a+1)*k]
		}
	}
	// Which statistics are non-negative integers below 2^31, and the bits a
	// resample's sum of each needs (n x the largest value).
	type need struct{ stat, bits int }
	var ints []need
	l.packed = growBool(l.packed, k)
	l.word, l.idx = growInt(l.word, k), growInt(l.idx, k)
	l.shift, l.mask = growUint(l.shift, k), growU64(l.mask, k)
	for s := 0; s < k; s++ {
		var mx float64
		integer := true
		for i := 0; i < n && integer; i++ {
			v := row(i)[s]
			integer = v >= 0 && v < 1<<31 && v == math.Trunc(v)
			mx = math.Max(mx, v)
		}
		if integer && n > 0 {
			ints = append(ints, need{s, bits.Len64(uint64(mx) * uint64(n))})
		}
	}
	// First fit, widest first: statistics share a word while their lanes
	// fit in 64 bits.
	sort.SliceStable(ints, func(i, j int) bool { return ints[i].bits > ints[j].bits })
	var used []int // bits used per word
	for _, x := range ints {
		b := max(x.bits, 1)
		w := -1
		for i, u := range used {
			if u+b <= 64 {
				w = i
				break
			}
		}
		if w < 0 {
			w = len(used)
			used = append(used, 0)
		}
		l.packed[x.stat], l.word[x.stat], l.shift[x.stat] = true, w, uint(used[w])
		l.mask[x.stat] = 1<<uint(b) - 1
		if b == 64 {
			l.mask[x.stat] = math.MaxUint64
		}
		used[w] += b
	}
	l.words = len(used)
	l.reals = 0
	for s := 0; s < k; s++ {
		if !l.packed[s] {
			l.idx[s] = l.reals
			l.reals++
		}
	}
	l.w = l.w[:0]
	l.r = l.r[:0]
	for i := 0; i < n; i++ {
		r := row(i)
		base := len(l.w)
		for j := 0; j < l.words; j++ {
			l.w = append(l.w, 0)
		}
		for s := 0; s < k; s++ {
			if l.packed[s] {
				l.w[base+l.word[s]] |= uint64(r[s]) << l.shift[s]
			}
		}
		for s := 0; s < k; s++ {
			if !l.packed[s] {
				l.r = append(l.r, r[s])
			}
		}
	}
}

// draw sums the resampled documents idx into sums (one per resampled
// statistic) and stamps the figure documents drawn.
func (l *layout) draw(idx []uint32, sums []float64, wSums []uint64, rSums []float64, hit []uint32, nFig int, stamp uint32) {
	clear(wSums)
	clear(rSums)
	W, R := l.words, l.reals
	switch {
	case W == 2 && R == 3: // the shipped table's usual layout
		var w0, w1 uint64
		var r0, r1, r2 float64
		for _, i32 := range idx {
			i := int(i32)
			w := l.w[2*i : 2*i+2 : 2*i+2]
			w0 += w[0]
			w1 += w[1]
			r := l.r[3*i : 3*i+3 : 3*i+3]
			r0 += r[0]
			r1 += r[1]
			r2 += r[2]
			if i < nFig {
				hit[i] = stamp
			}
		}
		wSums[0], wSums[1], rSums[0], rSums[1], rSums[2] = w0, w1, r0, r1, r2
	default:
		for _, i32 := range idx {
			i := int(i32)
			for j, v := range l.w[W*i : W*i+W] {
				wSums[j] += v
			}
			for j, v := range l.r[R*i : R*i+R] {
				rSums[j] += v
			}
			if i < nFig {
				hit[i] = stamp
			}
		}
	}
	for s := range sums {
		if l.packed[s] {
			sums[s] = float64(wSums[l.word[s]] >> l.shift[s] & l.mask[s])
		} else {
			sums[s] = rSums[l.idx[s]]
		}
	}
}

func growBool(s []bool, n int) []bool {
	if cap(s) < n {
		return make([]bool, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func growInt(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	return s[:n]
}

func growUint(s []uint, n int) []uint {
	if cap(s) < n {
		return make([]uint, n)
	}
	return s[:n]
}

func growU64(s []uint64, n int) []uint64 {
	if cap(s) < n {
		return make([]uint64, n)
	}
	return s[:n]
}

func growU32(s []uint32, n int) []uint32 {
	if cap(s) < n {
		return make([]uint32, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// rng is wyrand (Wang Yi's multiply-fold generator: passes BigCrush, both
// 32-bit halves usable), seeded per city-month.
type rng struct{ s uint64 }

func (r *rng) next() uint64 {
	r.s += 0xa0761d6478bd642f
	hi, lo := bits.Mul64(r.s, r.s^0xe7037ed1a0b428db)
	return hi ^ lo
}

// fill draws len(idx) indices uniform in [0, n), two per 64-bit random
// number (Lemire's multiply-shift on each 32-bit half; the bias, n/2^32, is
// below 1e-6 for any real city-month).
func (r *rng) fill(idx []uint32, n uint64) {
	j := 0
	for ; j+1 < len(idx); j += 2 {
		x := r.next()
		idx[j] = uint32(((x & 0xffffffff) * n) >> 32)
		idx[j+1] = uint32(((x >> 32) * n) >> 32)
	}
	if j < len(idx) {
		idx[j] = uint32(((r.next() >> 32) * n) >> 32)
	}
}

func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// seedFor derives the random stream of one city-month from the query seed.
func seedFor(seed uint64, city, month string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(city))
	h.Write([]byte{0})
	h.Write([]byte(month))
	s := splitmix(seed ^ splitmix(h.Sum64()))
	if s == 0 {
		s = 1
	}
	return s
}

// workspace is a worker's reusable scratch memory.
type workspace struct {
	stats    [][]float64 // per definition, the resampled values
	hit      []uint32
	idx      []uint32 // the resample's document indices
	stamps   [][]uint32
	sums     []float64 // per statistic of the plan
	bootSums []float64 // per resampled statistic
	figs     []float64
	wSums    []uint64
	rSums    []float64
}

// MaxResamples bounds Query.Resamples: the bootstrap keeps every
// resample's statistics to take percentiles (8 bytes per indicator per
// resample), and 100,000 resamples already pin the 95% interval's ends far
// below the third decimal. 2,000,000,000 used to be accepted and killed the
// process for memory.
const MaxResamples = 100_000

// bootstrap returns the percentile intervals of the Bootstrap definitions
// (NaN for the others).
func (b *batch) bootstrap(ws *workspace, resamples int, seed uint64) (lo, hi []float64) {
	p := b.p
	nd := len(p.defs)
	lo, hi = make([]float64, nd), make([]float64, nd)
	for i := range lo {
		lo[i], hi[i] = math.NaN(), math.NaN()
	}
	if len(p.boot) == 0 || b.lay.n == 0 {
		return lo, hi
	}
	if len(ws.stats) < nd {
		ws.stats = make([][]float64, nd)
	}
	for i := range ws.stats {
		ws.stats[i] = ws.stats[i][:0]
	}
	ws.hit = growU32(ws.hit, b.nFig)
	ws.idx = growU32(ws.idx, b.lay.n)
	if len(ws.stamps) < len(p.bootFigs) {
		ws.stamps = make([][]uint32, len(p.bootFigs))
	}
	for s := range p.bootFigs {
		ws.stamps[s] = growU32(ws.stamps[s], len(b.figLocal))
	}
	ws.sums = resize(ws.sums, len(p.stats))
	ws.bootSums = resize(ws.bootSums, len(p.boot))
	ws.figs = resize(ws.figs, len(p.figs))
	ws.wSums = growU64(ws.wSums, b.lay.words)
	ws.rSums = resize(ws.rSums, b.lay.reals)
	r := rng{seedFor(seed, b.city, b.month)}
	for k := 0; k < resamples; k++ {
		stamp := uint32(k + 1)
		r.fill(ws.idx, uint64(b.lay.n))
		b.lay.draw(ws.idx, ws.bootSums, ws.wSums, ws.rSums, ws.hit, b.nFig, stamp)
		for j, s := range p.boot {
			ws.sums[s] = ws.bootSums[j]
		}
		for s, f := range p.bootFigs {
			ws.figs[f] = 0
			idx, off, st := b.figIdx[s], b.figOff[s], ws.stamps[s]
			for d := 0; d < b.nFig; d++ {
				if ws.hit[d] != stamp {
					continue
				}
				for _, l := range idx[off[d]:off[d+1]] {
					if st[l] != stamp {
						st[l] = stamp
						ws.figs[f]++
					}
				}
			}
		}
		for i := range p.defs {
			if p.defs[i].Interval != Bootstrap {
				continue
			}
			if v := p.value(i, ws.sums, ws.figs); !math.IsNaN(v) {
				ws.stats[i] = append(ws.stats[i], v)
			}
		}
	}
	for i := range p.defs {
		if p.defs[i].Interval == Bootstrap {
			lo[i], hi[i] = percentile(ws.stats[i], 0.025), percentile(ws.stats[i], 0.975)
		}
	}
	return lo, hi
}

// percentile sorts xs and returns its p-quantile (linear interpolation
// between order statistics, R's type 7); NaN for an empty slice.
func percentile(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	if !sort.Float64sAreSorted(xs) {
		sort.Float64s(xs)
	}
	h := float64(len(xs)-1) * p
	lo := math.Floor(h)
	i := int(lo)
	if i+1 >= len(xs) {
		return xs[len(xs)-1]
	}
	return xs[i] + (h-lo)*(xs[i+1]-xs[i])
}

// compute returns the values of every definition for the batch.
func (b *batch) compute(ws *workspace, q Query) []Value {
	p := b.p
	figs := make([]float64, len(p.figs))
	for f, m := range b.figExact {
		figs[f] = float64(len(m))
	}
	lo, hi := b.bootstrap(ws, q.Resamples, q.Seed)
	out := make([]Value, len(p.defs))
	for i, d := range p.defs {
		v := Value{City: b.city, Month: b.month, Indicator: d.Name, Value: p.value(i, b.exact, figs),
			CILow: math.NaN(), CIHigh: math.NaN(), N: int(b.exact[p.n[i]])}
		switch d.Interval {
		case Wilson:
			v.CILow, v.CIHigh = wilson(b.exact[p.num[i]], b.exact[p.den[i]])
		case Bootstrap:
			v.CILow, v.CIHigh = lo[i], hi[i]
			if p.fig[i] >= 0 && !math.IsNaN(v.Value) {
				// A resample can only lose distinct figures, never find new
				// ones, so the bootstrap distribution of a figure rate sits
				// below the observed value; the interval is extended to
				// include it.
				v.CILow, v.CIHigh = math.Min(v.CILow, v.Value), math.Max(v.CIHigh, v.Value)
			}
		case Exact:
			v.CILow, v.CIHigh = v.Value, v.Value
		}
		if math.IsNaN(v.Value) {
			v.CILow, v.CIHigh = math.NaN(), math.NaN()
		}
		v.Insufficient = v.N < q.MinN || math.IsNaN(v.Value)
		out[i] = v
	}
	return out
}
