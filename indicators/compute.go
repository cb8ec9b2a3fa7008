package indicators

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"math/bits"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/xenoscope/xenoscope/store"
)

// Sentinel errors callers test with errors.Is.
var (
	ErrBadQuery    = errors.New("bad indicators query")
	ErrUnknownCity = errors.New("unknown city")
)

// MaxMonths bounds the month range (50 years): every city x month in the
// range gets values, so a stray date (a page claiming 1970) would otherwise
// blow the result up.
const MaxMonths = 600

// Query selects what Compute computes. Zero values take defaults.
type Query struct {
	From, To  string   // "2006-01", inclusive; "" = from the first / to the last month with documents
	Cities    []string // "" = every city in the database
	MinN      int      // months with n < MinN are Insufficient; 0 = DefaultMinN; negative = no minimum
	Resamples int      // bootstrap resamples; 0 = DefaultResamples
	Seed      uint64   // bootstrap seed; the same seed gives the same intervals
}

// Value is one indicator for one city and month. Value, CILow and CIHigh are
// NaN when undefined (n = 0 or a zero denominator); they are JSON null.
type Value struct {
	City         string  `json:"city"`
	Month        string  `json:"month"`
	Indicator    string  `json:"indicator"`
	Value        float64 `json:"value"`
	CILow        float64 `json:"ci_low"`
	CIHigh       float64 `json:"ci_high"`
	N            int     `json:"n"`
	Insufficient bool    `json:"insufficient"`
}

// MarshalJSON writes NaN numbers as null.
func (v Value) MarshalJSON() ([]byte, error) {
	num := func(f float64) *float64 {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return nil
		}
		return &f
	}
	return json.Marshal(struct {
		City         string   `json:"city"`
		Month        string   `json:"month"`
		Indicator    string   `json:"indicator"`
		Value        *float64 `json:"value"`
		CILow        *float64 `json:"ci_low"`
		CIHigh       *float64 `json:"ci_high"`
		N            int      `json:"n"`
		Insufficient bool     `json:"insufficient"`
	}{v.City, v.Month, v.Indicator, num(v.Value), num(v.CILow), num(v.CIHigh), v.N, v.Insufficient})
}

// Coverage is what was collected for one city and month.
type Coverage struct {
	City           string `json:"city"`
	Month          string `json:"month"`
	Documents      int    `json:"documents"`
	Scored         int    `json:"scored"`          // scored by the counted model
	Stale          int    `json:"stale"`           // scored by an older model only (not counted)
	Unscored       int    `json:"unscored"`        // no doc_scores row yet
	Fallback       int    `json:"fallback"`        // month from fetched_at (no publication date)
	ActiveSources  int    `json:"active_sources"`  // sources with >= 1 document this month
	SourcesCrawled int    `json:"sources_crawled"` // sources in crawl runs started this month
	CrawlFetched   int    `json:"crawl_fetched"`
	CrawlErrors    int    `json:"crawl_errors"`
}

// Result is what Compute returns. Values are ordered by city, month, then
// the order of Definitions; every city x month in the range is present
// (months without documents have n = 0 and are Insufficient).
type Result struct {
	Query    Query      `json:"query"` // with defaults filled in
	Model    string     `json:"model"` // the doc_scores model counted ("" when nothing is scored)
	Cities   []string   `json:"cities"`
	Months   []string   `json:"months"`
	Values   []Value    `json:"values"`
	Coverage []Coverage `json:"coverage"`
	// Totals over the range.
	Documents int `json:"documents"`
	Fallback  int `json:"fallback"` // documents whose month came from fetched_at
	Stale     int `json:"stale"`
	Unscored  int `json:"unscored"`
}

// Get returns the value of indicator for city and month.
func (r *Result) Get(city, month, indicator string) (Value, bool) {
	for _, v := range r.Values {
		if v.City == city && v.Month == month && v.Indicator == indicator {
			return v, true
		}
	}
	return Value{}, false
}

// record is one document's sufficient statistics for the bootstrap.
type record struct {
	words, popMatch, sentences, popSentN, migSentN int32
	anti, stance, tone                             float32 // anti_migrant and stance only for migration documents
	flags                                          uint32
}

const (
	fScored = 1 << iota
	fMig
	fAnti
	fCounter
	fHate
	nFlagCombos = 1 << 5
)

// sums are the sufficient statistics of a set of documents.
type sums struct {
	docs, scored, mig, anti, counter, hate         float64
	words, popMatch, sentences, popSentN, migSentN float64
	antiSum, stanceSum, toneSum                    float64
	figCounter, figHostile                         float64
}

const nInd = 15

// values computes every indicator (in Definitions order) from s.
func (s *sums) values(out *[nInd]float64) {
	div := func(a, b float64) float64 {
		if b == 0 {
			return math.NaN()
		}
		return a / b
	}
	out[0] = div(s.mig, s.scored)
	out[1] = div(s.anti, s.mig)
	out[2] = div(s.antiSum, s.mig)
	out[3] = div(s.counter, s.mig)
	out[4] = div(1000*s.popMatch, s.words)
	out[5] = div(s.popSentN, s.sentences)
	out[6] = div(s.toneSum, s.migSentN)
	out[7] = div(s.stanceSum, s.mig)
	out[8] = nanIfZero(s.hate, s.scored)
	out[9] = div(100*s.hate, s.mig)
	out[10] = nanIfZero(s.figCounter, s.docs)
	out[11] = div(100*s.figCounter, s.mig)
	out[12] = nanIfZero(s.figHostile, s.docs)
	out[13] = div(100*s.figHostile, s.mig)
	out[14] = s.docs
}

func nanIfZero(v, n float64) float64 {
	if n == 0 {
		return math.NaN()
	}
	return v
}

// batch is one city-month.
type batch struct {
	city, month string
	fig, plain  []record // documents with attributed statements, the others
	recs        []record // fig then plain, for the bootstrap
	packed      []packedRecord
	usePacked   bool
	// figure ids (local indices) per fig document, flattened.
	cIdx, hIdx []int32
	cOff, hOff []int32
	figLocal   map[int64]int32
	exact      sums
	migToneDoc int
	cov        Coverage
	sources    map[int64]struct{}
}

func (b *batch) reset(city, month string) {
	b.city, b.month = city, month
	b.fig, b.plain, b.recs = b.fig[:0], b.plain[:0], b.recs[:0]
	b.cIdx, b.hIdx = b.cIdx[:0], b.hIdx[:0]
	b.cOff, b.hOff = append(b.cOff[:0], 0), append(b.hOff[:0], 0)
	if b.figLocal == nil {
		b.figLocal = map[int64]int32{}
		b.sources = map[int64]struct{}{}
	}
	clear(b.figLocal)
	clear(b.sources)
	b.exact = sums{}
	b.migToneDoc = 0
	b.cov = Coverage{City: city, Month: month}
}

func clamp32(x int64) int32 {
	return int32(min(max(x, 0), math.MaxInt32))
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func (b *batch) add(d *store.DocStat) {
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
	default:
		b.cov.Unscored++
	}
	var r record
	e := &b.exact
	e.docs++
	if d.Scored {
		mig, anti, counter, hate := d.Migration, d.AntiMigrant, d.CounterSpeech, d.HateCrime
		r.flags = fScored
		if mig {
			r.flags |= fMig
			r.anti = float32(d.Anti)
			r.stance = float32(d.Stance)
			e.antiSum += d.Anti
			e.stanceSum += d.Stance
		}
		if anti {
			r.flags |= fAnti
		}
		if counter {
			r.flags |= fCounter
		}
		if hate {
			r.flags |= fHate
		}
		// Counts beyond int32 (absurd for one document) are clamped, in the
		// record and in the exact sums alike.
		words, popMatch, sentences := clamp32(d.Words), clamp32(d.PopMatch), clamp32(d.Sentences)
		popSentN, migSentN := clamp32(d.PopSentN), clamp32(d.MigSentN)
		r.words, r.popMatch, r.sentences = words, popMatch, sentences
		r.popSentN, r.migSentN, r.tone = popSentN, migSentN, float32(d.MigToneSum)
		e.scored++
		e.mig += b2f(mig)
		e.anti += b2f(anti)
		e.counter += b2f(counter)
		e.hate += b2f(hate)
		e.words += float64(words)
		e.popMatch += float64(popMatch)
		e.sentences += float64(sentences)
		e.popSentN += float64(popSentN)
		e.migSentN += float64(migSentN)
		e.toneSum += d.MigToneSum
		if d.MigSentN > 0 {
			b.migToneDoc++
		}
	}
	if len(d.FigCounter) == 0 && len(d.FigHostile) == 0 {
		b.plain = append(b.plain, r)
		return
	}
	b.fig = append(b.fig, r)
	local := func(id int64) int32 {
		l, ok := b.figLocal[id]
		if !ok {
			l = int32(len(b.figLocal))
			b.figLocal[id] = l
		}
		return l
	}
	for _, id := range d.FigCounter {
		b.cIdx = append(b.cIdx, local(id))
	}
	for _, id := range d.FigHostile {
		b.hIdx = append(b.hIdx, local(-id-1)) // hostile ids in their own space
	}
	b.cOff = append(b.cOff, int32(len(b.cIdx)))
	b.hOff = append(b.hOff, int32(len(b.hIdx)))
}

// finish computes the exact distinct figure counts and lays out recs.
func (b *batch) finish() {
	b.cov.ActiveSources = len(b.sources)
	seen := make([]bool, len(b.figLocal))
	for _, l := range b.cIdx {
		if !seen[l] {
			seen[l] = true
			b.exact.figCounter++
		}
	}
	for _, l := range b.hIdx {
		if !seen[l] {
			seen[l] = true
			b.exact.figHostile++
		}
	}
	b.recs = append(append(b.recs[:0], b.fig...), b.plain...)
	b.pack()
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
	stats                [nInd][]float64
	hit                  []uint32
	idx                  []uint32 // the resample's document indices
	figStampC, figStampH []uint32
}

// bootstrap returns the percentile intervals of every indicator.
func (b *batch) bootstrap(ws *workspace, resamples int, seed uint64) (lo, hi [nInd]float64) {
	nFig := len(b.fig)
	for i := range ws.stats {
		ws.stats[i] = ws.stats[i][:0]
	}
	ws.hit = growU32(ws.hit, nFig)
	ws.idx = growU32(ws.idx, len(b.recs))
	ws.figStampC = growU32(ws.figStampC, len(b.figLocal))
	ws.figStampH = growU32(ws.figStampH, len(b.figLocal))
	r := rng{seedFor(seed, b.city, b.month)}
	var out [nInd]float64
	for k := 0; k < resamples; k++ {
		stamp := uint32(k + 1)
		var s sums
		r.fill(ws.idx, uint64(len(b.recs)))
		if b.usePacked {
			b.drawPacked(ws.idx, &s, ws.hit, stamp)
		} else {
			b.drawGeneric(ws.idx, &s, ws.hit, stamp)
		}
		for d := 0; d < nFig; d++ {
			if ws.hit[d] != stamp {
				continue
			}
			for _, l := range b.cIdx[b.cOff[d]:b.cOff[d+1]] {
				if ws.figStampC[l] != stamp {
					ws.figStampC[l] = stamp
					s.figCounter++
				}
			}
			for _, l := range b.hIdx[b.hOff[d]:b.hOff[d+1]] {
				if ws.figStampH[l] != stamp {
					ws.figStampH[l] = stamp
					s.figHostile++
				}
			}
		}
		s.values(&out)
		for i, v := range out {
			if !math.IsNaN(v) {
				ws.stats[i] = append(ws.stats[i], v)
			}
		}
	}
	for i := range ws.stats {
		lo[i], hi[i] = percentile(ws.stats[i], 0.025), percentile(ws.stats[i], 0.975)
	}
	return lo, hi
}

// drawGeneric draws one resample of n documents into s (all but the
// figure counts) and stamps the figure documents drawn.
func (b *batch) drawGeneric(idx []uint32, s *sums, hit []uint32, stamp uint32) {
	recs := b.recs
	n := len(recs)
	nFig := len(b.fig)
	var hist [nFlagCombos]int64
	var words, popMatch, sentences, popSentN, migSentN int64
	var antiSum, stanceSum, toneSum float64
	for _, i32 := range idx[:n] {
		i := int(i32)
		x := &recs[i]
		hist[x.flags]++
		words += int64(x.words)
		popMatch += int64(x.popMatch)
		sentences += int64(x.sentences)
		popSentN += int64(x.popSentN)
		migSentN += int64(x.migSentN)
		antiSum += float64(x.anti)
		stanceSum += float64(x.stance)
		toneSum += float64(x.tone)
		if i < nFig {
			hit[i] = stamp
		}
	}
	*s = sums{docs: float64(n), words: float64(words), popMatch: float64(popMatch),
		sentences: float64(sentences), popSentN: float64(popSentN), migSentN: float64(migSentN),
		antiSum: antiSum, stanceSum: stanceSum, toneSum: toneSum}
	for f, c := range hist {
		if c == 0 {
			continue
		}
		fc := float64(c)
		if f&fScored != 0 {
			s.scored += fc
		}
		if f&fMig != 0 {
			s.mig += fc
		}
		if f&fAnti != 0 {
			s.anti += fc
		}
		if f&fCounter != 0 {
			s.counter += fc
		}
		if f&fHate != 0 {
			s.hate += fc
		}
	}
}

// packedRecord holds a document's counts in SIMD-within-a-register lanes,
// so that one resample sums them with four integer additions. Used when no
// lane can overflow for the batch (see pack); the result is identical to
// drawGeneric's.
type packedRecord struct {
	c0, c1, c2, c3     uint64 // scored|mig<<21|anti<<42, counter|hate<<21|migSentN<<42, words|popMatch<<32, sentences|popSentN<<32
	anti, stance, tone float32
	_                  uint32
}

const lane21 = 1<<21 - 1

// pack fills b.packed when every lane's largest possible resample sum (n
// times the largest per-document value) fits its lane.
func (b *batch) pack() {
	n := uint64(len(b.recs))
	b.usePacked = false
	if n == 0 || n > lane21 {
		return
	}
	var maxW, maxPM, maxS, maxPS, maxMS uint64
	for _, x := range b.recs {
		if x.words < 0 || x.popMatch < 0 || x.sentences < 0 || x.popSentN < 0 || x.migSentN < 0 {
			return
		}
		maxW = max(maxW, uint64(x.words))
		maxPM = max(maxPM, uint64(x.popMatch))
		maxS = max(maxS, uint64(x.sentences))
		maxPS = max(maxPS, uint64(x.popSentN))
		maxMS = max(maxMS, uint64(x.migSentN))
	}
	if n*maxMS > lane21 || n*maxW >= 1<<32 || n*maxPM >= 1<<32 || n*maxS >= 1<<32 || n*maxPS >= 1<<32 {
		return
	}
	b.packed = b.packed[:0]
	bit := func(f uint32, flag uint32) uint64 {
		if f&flag != 0 {
			return 1
		}
		return 0
	}
	for _, x := range b.recs {
		b.packed = append(b.packed, packedRecord{
			c0:   bit(x.flags, fScored) | bit(x.flags, fMig)<<21 | bit(x.flags, fAnti)<<42,
			c1:   bit(x.flags, fCounter) | bit(x.flags, fHate)<<21 | uint64(x.migSentN)<<42,
			c2:   uint64(x.words) | uint64(x.popMatch)<<32,
			c3:   uint64(x.sentences) | uint64(x.popSentN)<<32,
			anti: x.anti, stance: x.stance, tone: x.tone,
		})
	}
	b.usePacked = true
}

// drawPacked is drawGeneric over packed records.
func (b *batch) drawPacked(idx []uint32, s *sums, hit []uint32, stamp uint32) {
	recs := b.packed
	n := len(recs)
	nFig := len(b.fig)
	var c0, c1, c2, c3 uint64
	var antiSum, stanceSum, toneSum float64
	for _, i32 := range idx[:n] {
		i := int(i32)
		x := &recs[i]
		c0 += x.c0
		c1 += x.c1
		c2 += x.c2
		c3 += x.c3
		antiSum += float64(x.anti)
		stanceSum += float64(x.stance)
		toneSum += float64(x.tone)
		if i < nFig {
			hit[i] = stamp
		}
	}
	*s = sums{docs: float64(n),
		scored: float64(c0 & lane21), mig: float64(c0 >> 21 & lane21), anti: float64(c0 >> 42),
		counter: float64(c1 & lane21), hate: float64(c1 >> 21 & lane21), migSentN: float64(c1 >> 42),
		words: float64(c2 & 0xffffffff), popMatch: float64(c2 >> 32),
		sentences: float64(c3 & 0xffffffff), popSentN: float64(c3 >> 32),
		antiSum: antiSum, stanceSum: stanceSum, toneSum: toneSum}
}

func growU32(s []uint32, n int) []uint32 {
	if cap(s) < n {
		return make([]uint32, n)
	}
	s = s[:n]
	clear(s)
	return s
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

// indicatorN returns n of each indicator (see Definition.N).
func (b *batch) indicatorN() [nInd]int {
	s := &b.exact
	sc, mig, docs := int(s.scored), int(s.mig), int(s.docs)
	return [nInd]int{sc, mig, mig, mig, sc, sc, b.migToneDoc, mig, sc, mig, docs, mig, docs, mig, docs}
}

func (q *Query) normalize() error {
	if q.MinN == 0 {
		q.MinN = DefaultMinN
	}
	if q.MinN < 0 {
		q.MinN = 0
	}
	if q.Resamples == 0 {
		q.Resamples = DefaultResamples
	}
	if q.Resamples < 0 {
		return fmt.Errorf("%w: resamples must be positive, got %d", ErrBadQuery, q.Resamples)
	}
	for _, m := range []string{q.From, q.To} {
		if m == "" {
			continue
		}
		if _, err := time.Parse("2006-01", m); err != nil {
			return fmt.Errorf("%w: month %q is not YYYY-MM", ErrBadQuery, m)
		}
	}
	if q.From != "" && q.To != "" && q.From > q.To {
		return fmt.Errorf("%w: from %s is after to %s", ErrBadQuery, q.From, q.To)
	}
	return nil
}

// Compute computes every indicator for every city and month selected by q.
func Compute(ctx context.Context, db *store.DB, q Query) (*Result, error) {
	if err := q.normalize(); err != nil {
		return nil, err
	}
	all, err := db.CityNames(ctx)
	if err != nil {
		return nil, err
	}
	cities := all
	if len(q.Cities) > 0 {
		known := map[string]bool{}
		for _, c := range all {
			known[c] = true
		}
		cities = nil
		seen := map[string]bool{}
		for _, c := range q.Cities {
			if !known[c] {
				return nil, fmt.Errorf("%w %q (known: %v)", ErrUnknownCity, c, all)
			}
			if !seen[c] {
				seen[c] = true
				cities = append(cities, c)
			}
		}
		sort.Strings(cities)
	}
	model, err := db.ScoreModel(ctx)
	if err != nil {
		return nil, err
	}
	res := &Result{Query: q, Model: model, Cities: cities}

	// One reader streams every selected city in (city, month, id) order
	// (one sequential scan and sort is cheaper than a query per city);
	// finished city-months go to the bootstrap workers. Batches cycle
	// through a bounded free list, so memory holds at most workers+2
	// city-months whatever the database size.
	workers := runtime.GOMAXPROCS(0)
	free := make(chan *batch, workers+2)
	for i := 0; i < cap(free); i++ {
		free <- &batch{}
	}
	work := make(chan *batch)
	var mu sync.Mutex
	var wg sync.WaitGroup
	computed := map[[2]string][]Value{}
	covs := map[[2]string]Coverage{}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ws := &workspace{}
			for b := range work {
				vals := b.compute(ws, q)
				mu.Lock()
				computed[[2]string{b.city, b.month}] = vals
				covs[[2]string{b.city, b.month}] = b.cov
				mu.Unlock()
				free <- b
			}
		}()
	}
	err = stream(ctx, db, store.MonthFilter{From: q.From, To: q.To, Cities: q.Cities}, model, free, work)
	close(work)
	wg.Wait()
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		return nil, fmt.Errorf("compute indicators: %w", err)
	}

	// The month range: the query's, else the months with documents.
	from, to := q.From, q.To
	for k := range computed {
		if q.From == "" && (from == "" || k[1] < from) {
			from = k[1]
		}
		if q.To == "" && (to == "" || k[1] > to) {
			to = k[1]
		}
	}
	if from != "" && to != "" {
		res.Months = monthRange(from, to)
	}
	if len(res.Months) > MaxMonths {
		return nil, fmt.Errorf("%w: documents are dated from %s to %s (%d months, more than %d); a wrong publication date is likely: give from and to",
			ErrBadQuery, from, to, len(res.Months), MaxMonths)
	}
	crawl, err := db.CrawlCoverage(ctx, store.MonthFilter{From: from, To: to, Cities: q.Cities})
	if err != nil {
		return nil, err
	}
	for _, c := range crawl {
		k := [2]string{c.City, c.Month}
		cv, ok := covs[k]
		if !ok {
			cv = Coverage{City: c.City, Month: c.Month}
		}
		cv.SourcesCrawled, cv.CrawlFetched, cv.CrawlErrors = c.SourcesCrawled, c.Fetched, c.Errors
		covs[k] = cv
	}
	for _, city := range cities {
		for _, m := range res.Months {
			k := [2]string{city, m}
			vals, ok := computed[k]
			if !ok {
				vals = emptyValues(city, m)
			}
			res.Values = append(res.Values, vals...)
			cv, ok := covs[k]
			if !ok {
				cv = Coverage{City: city, Month: m}
			}
			res.Coverage = append(res.Coverage, cv)
			res.Documents += cv.Documents
			res.Fallback += cv.Fallback
			res.Stale += cv.Stale
			res.Unscored += cv.Unscored
		}
	}
	return res, nil
}

func emptyValues(city, month string) []Value {
	out := make([]Value, nInd)
	nan := math.NaN()
	for i, d := range Definitions {
		out[i] = Value{City: city, Month: month, Indicator: d.Name, Value: nan, CILow: nan, CIHigh: nan, Insufficient: true}
		if d.Name == Documents {
			out[i].Value, out[i].CILow, out[i].CIHigh = 0, 0, 0
		}
	}
	return out
}

func (b *batch) compute(ws *workspace, q Query) []Value {
	var val [nInd]float64
	b.exact.values(&val)
	lo, hi := b.bootstrap(ws, q.Resamples, q.Seed)
	ns := b.indicatorN()
	out := make([]Value, nInd)
	for i, d := range Definitions {
		v := Value{City: b.city, Month: b.month, Indicator: d.Name, Value: val[i], CILow: lo[i], CIHigh: hi[i], N: ns[i]}
		if d.Name == Documents {
			v.CILow, v.CIHigh = val[i], val[i]
		}
		if math.IsNaN(v.Value) {
			v.CILow, v.CIHigh = math.NaN(), math.NaN()
		}
		if d.Kind == "count" || strings.HasPrefix(d.Name, "figures_") {
			// A resample can only lose distinct figures, never find new ones,
			// so the bootstrap distribution of the figure counts sits below
			// the observed value; the interval is extended to include it.
			v.CILow, v.CIHigh = math.Min(v.CILow, v.Value), math.Max(v.CIHigh, v.Value)
		}
		v.Insufficient = v.N < q.MinN || math.IsNaN(v.Value)
		out[i] = v
	}
	return out
}

// monthRange lists the months from..to inclusive ("2006-01").
func monthRange(from, to string) []string {
	t, err1 := time.Parse("2006-01", from)
	end, err2 := time.Parse("2006-01", to)
	if err1 != nil || err2 != nil {
		return nil
	}
	var out []string
	for ; !t.After(end); t = t.AddDate(0, 1, 0) {
		out = append(out, t.Format("2006-01"))
	}
	return out
}

// stream reads the documents city-month by city-month into batches taken
// from free and hands each finished city-month to work.
func stream(ctx context.Context, db *store.DB, filter store.MonthFilter, model string, free, work chan *batch) error {
	var cur *batch
	send := func() error {
		if cur == nil {
			return nil
		}
		cur.finish()
		select {
		case work <- cur:
		case <-ctx.Done():
			free <- cur
			cur = nil
			return ctx.Err()
		}
		cur = nil
		return nil
	}
	err := db.StreamDocStats(ctx, filter, model, Threshold, func(d *store.DocStat) error {
		if cur == nil || cur.city != d.City || cur.month != d.Month {
			if err := send(); err != nil {
				return err
			}
			select {
			case cur = <-free:
			case <-ctx.Done():
				return ctx.Err()
			}
			cur.reset(d.City, d.Month)
		}
		cur.add(d)
		return nil
	})
	if err == nil {
		err = send()
	}
	if cur != nil {
		free <- cur
	}
	return err
}
