package indicators

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// handDocs is a small hand-built month whose indicators are computed by
// hand in TestExactValues.
func handDocs() ([]docRow, []stmtRow) {
	docs := []docRow{
		// d0..d3: scored by m2 in Aachen, 2026-01.
		{city: "Aachen", source: "a", published: "2026-01-03T10:00:00Z", fetched: "2026-02-01T00:00:00Z", model: "m2",
			mig: .9, anti: .8, counter: .1, stance: -.5, hate: 0, words: 100, pm: 2, sent: 10, psn: 1, ms: 3, mts: -1.5},
		{city: "Aachen", source: "a", published: "2026-01-20T10:00:00Z", fetched: "2026-02-01T00:00:00Z", model: "m2",
			mig: .7, anti: .2, counter: .6, stance: .5, hate: .9, words: 200, pm: 0, sent: 20, psn: 0, ms: 2, mts: 1.0},
		{city: "Aachen", source: "b", published: "2026-01-31T23:59:59Z", fetched: "2026-02-01T00:00:00Z", model: "m2",
			mig: .1, anti: .9, counter: 0, stance: .3, hate: 0, words: 300, pm: 6, sent: 30, psn: 3, ms: 0, mts: 0},
		// d3: no publication date: month from fetched_at (fallback).
		{city: "Aachen", source: "b", published: "", fetched: "2026-01-15T08:00:00Z", model: "m2",
			mig: .5, anti: .5, counter: .5, stance: 0, hate: 0, words: 400, pm: 2, sent: 40, psn: 2, ms: 1, mts: -.5},
		// d4: scored by the older model m1 only: stale, no scores counted.
		{city: "Aachen", source: "a", published: "2026-01-05T10:00:00Z", fetched: "2026-02-01T00:00:00Z", model: "m1", scoredAt: "2026-10-01T00:00:00Z",
			mig: 1, anti: 1, counter: 1, stance: 1, hate: 1, words: 1000, pm: 100, sent: 10, psn: 10, ms: 10, mts: 10},
		// d5: Aachen 2026-03, unscored. 2026-02 has no documents at all.
		{city: "Aachen", source: "a", published: "2026-03-02T10:00:00Z", fetched: "2026-03-03T00:00:00Z"},
		// d6: Bonn 2026-01.
		{city: "Bonn", source: "c", published: "2026-01-09T10:00:00Z", fetched: "2026-01-10T00:00:00Z", model: "m2",
			mig: .6, anti: .6, counter: 0, stance: -1, hate: 0, words: 50, pm: 1, sent: 5, psn: 1, ms: 5, mts: -2},
	}
	stmts := []stmtRow{
		{doc: 0, figure: "Mayor Ada", counter: .9, anti: 0},
		{doc: 1, figure: "Councillor Bo", counter: 0, anti: .8},
		{doc: 2, figure: "Councillor Bo", counter: .1, anti: .7},
		{doc: 2, figure: "Clerk Cy", counter: .4, anti: .4}, // neither: below 0.5
	}
	return docs, stmts
}

func TestExactValues(t *testing.T) {
	t.Parallel()
	docs, stmts := handDocs()
	db := buildDB(t, docs, stmts)
	res, err := Compute(context.Background(), db, Query{From: "2026-01", MinN: 3, Resamples: 200, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	if res.Model != "m2" {
		t.Errorf("model = %q, want m2 (latest scored_at)", res.Model)
	}
	if want := []string{"2026-01", "2026-02", "2026-03"}; !reflect.DeepEqual(res.Months, want) {
		t.Errorf("months = %v, want %v", res.Months, want)
	}
	if res.Fallback != 1 || res.Stale != 1 || res.Unscored != 1 || res.Documents != 7 {
		t.Errorf("totals fallback=%d stale=%d unscored=%d documents=%d, want 1 1 1 7", res.Fallback, res.Stale, res.Unscored, res.Documents)
	}
	cases := []struct {
		ind   string
		value float64
		n     int
		insuf bool
	}{
		{MigrationSalience, 3.0 / 4, 4, false},
		{AntiMigrantShare, 2.0 / 3, 3, false},
		{AntiMigrantIntensity, (.8 + .2 + .5) / 3, 3, false},
		{CounterSpeechShare, 2.0 / 3, 3, false},
		{Populism, 1000.0 * 10 / 1000, 4, false},
		{PopulistSentences, 6.0 / 100, 4, false},
		{MigrationTone, -1.0 / 6, 3, false},
		{Stance, 0, 3, false},
		{HateCrimeReports, 1, 4, false},
		{HateCrimeReportsPer100, 100.0 / 3, 3, false},
		{FiguresAddressing, 1, 5, false},
		{FiguresAddressingPer100, 100.0 / 3, 3, false},
		{FiguresPromoting, 1, 5, false},
		{FiguresPromotingPer100, 100.0 / 3, 3, false},
		{Documents, 5, 5, false},
	}
	for _, c := range cases {
		v, ok := res.Get("Aachen", "2026-01", c.ind)
		if !ok {
			t.Errorf("%s: missing", c.ind)
			continue
		}
		if math.Abs(v.Value-c.value) > 1e-9 || v.N != c.n || v.Insufficient != c.insuf {
			t.Errorf("%s = %v n=%d insufficient=%v, want %v n=%d insufficient=%v", c.ind, v.Value, v.N, v.Insufficient, c.value, c.n, c.insuf)
		}
		d, _ := Lookup(c.ind)
		if d.Interval == NoInterval {
			if !math.IsNaN(v.CILow) || !math.IsNaN(v.CIHigh) {
				t.Errorf("%s: a raw count has an interval [%v, %v]", c.ind, v.CILow, v.CIHigh)
			}
		} else if !(v.CILow <= v.Value+1e-12 && v.Value <= v.CIHigh+1e-12) {
			t.Errorf("%s: CI [%v, %v] does not contain %v", c.ind, v.CILow, v.CIHigh, v.Value)
		}
	}
	// Shares of documents: Wilson intervals, 3 of 4 and 2 of 3.
	for _, c := range []struct {
		ind    string
		lo, hi float64
	}{{MigrationSalience, 0.30064, 0.95442}, {AntiMigrantShare, 0.20765, 0.93851}} {
		v, _ := res.Get("Aachen", "2026-01", c.ind)
		if math.Abs(v.CILow-c.lo) > 1e-4 || math.Abs(v.CIHigh-c.hi) > 1e-4 {
			t.Errorf("%s: [%.5f, %.5f], want the Wilson interval [%.5f, %.5f]", c.ind, v.CILow, v.CIHigh, c.lo, c.hi)
		}
	}
	// The gap month is present, insufficient, and not zero.
	for _, ind := range Names() {
		v, _ := res.Get("Aachen", "2026-02", ind)
		if !v.Insufficient || v.N != 0 {
			t.Errorf("gap month %s: %+v, want insufficient n=0", ind, v)
		}
		if ind == Documents {
			if v.Value != 0 {
				t.Errorf("gap month documents = %v, want 0", v.Value)
			}
		} else if !math.IsNaN(v.Value) {
			t.Errorf("gap month %s = %v, want NaN (undefined, never silently zero)", ind, v.Value)
		}
	}
	// An unscored month: documents counted, score indicators undefined.
	if v, _ := res.Get("Aachen", "2026-03", Documents); v.Value != 1 || !v.Insufficient {
		t.Errorf("2026-03 documents: %+v", v)
	}
	if v, _ := res.Get("Aachen", "2026-03", MigrationSalience); !math.IsNaN(v.Value) || v.N != 0 {
		t.Errorf("2026-03 salience of unscored docs: %+v, want NaN n=0", v)
	}
	// Coverage of the fallback month.
	var cov Coverage
	for _, c := range res.Coverage {
		if c.City == "Aachen" && c.Month == "2026-01" {
			cov = c
		}
	}
	want := Coverage{City: "Aachen", Month: "2026-01", Documents: 5, Scored: 4, Stale: 1, Fallback: 1, ActiveSources: 2}
	if res.Partial != "2026-03" {
		t.Errorf("partial month %q, want 2026-03 (the month of the latest fetch)", res.Partial)
	}
	if cov != want {
		t.Errorf("coverage = %+v, want %+v", cov, want)
	}
	// Bonn: every city appears over the whole range.
	if v, ok := res.Get("Bonn", "2026-03", Documents); !ok || v.Value != 0 {
		t.Errorf("Bonn 2026-03 documents: %+v ok=%v", v, ok)
	}
	if got, want := len(res.Values), 2*3*len(Definitions); got != want {
		t.Errorf("%d values, want %d", got, want)
	}
}

func TestInsufficientMarking(t *testing.T) {
	t.Parallel()
	docs, stmts := handDocs()
	db := buildDB(t, docs, stmts)
	res, err := Compute(context.Background(), db, Query{From: "2026-01", Resamples: 50}) // default min n 20
	if err != nil {
		t.Fatal(err)
	}
	if res.Query.MinN != DefaultMinN {
		t.Errorf("MinN default = %d", res.Query.MinN)
	}
	for _, v := range res.Values {
		if !v.Insufficient {
			t.Errorf("%+v: n < 20 must be insufficient", v)
		}
	}
	res, err = Compute(context.Background(), db, Query{From: "2026-01", MinN: 4, Resamples: 50})
	if err != nil {
		t.Fatal(err)
	}
	sal, _ := res.Get("Aachen", "2026-01", MigrationSalience)  // n = 4
	share, _ := res.Get("Aachen", "2026-01", AntiMigrantShare) // n = 3 migration documents
	if sal.Insufficient || !share.Insufficient {
		t.Errorf("min n 4: salience insufficient=%v (n=%d), share insufficient=%v (n=%d)", sal.Insufficient, sal.N, share.Insufficient, share.N)
	}
	if share.Value != 2.0/3 {
		t.Errorf("an insufficient value is still reported: %v", share.Value)
	}
}

// randomDocs makes n scored documents per city-month with random scores.
func randomDocs(seed uint64, cities []string, months []string, n int) []docRow {
	r := rand.New(rand.NewPCG(seed, 1))
	var docs []docRow
	for _, c := range cities {
		for _, m := range months {
			for i := 0; i < n; i++ {
				d := docRow{city: c, source: c + "-" + fmt.Sprint(i%3), fetched: m + "-28T00:00:00Z", model: "m",
					mig: r.Float64(), anti: r.Float64(), counter: r.Float64(), stance: 2*r.Float64() - 1, hate: r.Float64() * r.Float64(),
					words: 100 + r.IntN(900), sent: 5 + r.IntN(40)}
				if r.IntN(10) > 0 {
					d.published = fmt.Sprintf("%s-%02dT12:00:00Z", m, 1+r.IntN(27))
				}
				d.pm = r.IntN(d.words / 50)
				d.psn = r.IntN(d.sent/2 + 1)
				d.ms = r.IntN(d.sent/3 + 1)
				d.mts = float64(d.ms) * (2*r.Float64() - 1)
				docs = append(docs, d)
			}
		}
	}
	return docs
}

func randomStmts(seed uint64, docs []docRow) []stmtRow {
	r := rand.New(rand.NewPCG(seed, 2))
	var out []stmtRow
	for i := range docs {
		if r.IntN(8) == 0 {
			out = append(out, stmtRow{doc: i, figure: fmt.Sprintf("Figure %d", r.IntN(12)), counter: r.Float64(), anti: r.Float64()})
		}
	}
	return out
}

func TestBootstrapDeterminismAndCoverage(t *testing.T) {
	t.Parallel()
	cities := []string{"Aachen", "Bonn", "Celle"}
	months := []string{"2026-01", "2026-02", "2026-03"}
	docs := randomDocs(1, cities, months, 120)
	db := buildDB(t, docs, randomStmts(1, docs))
	ctx := context.Background()
	a, err := Compute(ctx, db, Query{From: "2026-01", Seed: 42})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Compute(ctx, db, Query{From: "2026-01", Seed: 42})
	if err != nil {
		t.Fatal(err)
	}
	ja, _ := json.Marshal(a.Values)
	jb, _ := json.Marshal(b.Values)
	if string(ja) != string(jb) {
		t.Fatal("same seed gave different results")
	}
	// A run restricted to one city gives that city's numbers unchanged.
	one, err := Compute(ctx, db, Query{From: "2026-01", Seed: 42, Cities: []string{"Bonn"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range one.Values {
		w, _ := a.Get(v.City, v.Month, v.Indicator)
		if fmt.Sprint(v) != fmt.Sprint(w) {
			t.Errorf("city-restricted run differs: %+v vs %+v", v, w)
		}
	}
	c, err := Compute(ctx, db, Query{From: "2026-01", Seed: 43})
	if err != nil {
		t.Fatal(err)
	}
	differ := 0
	for i, v := range a.Values {
		w := c.Values[i]
		if v.Value != w.Value && !(math.IsNaN(v.Value) && math.IsNaN(w.Value)) {
			t.Errorf("the seed changed a point value: %+v vs %+v", v, w)
		}
		if v.CILow != w.CILow || v.CIHigh != w.CIHigh {
			differ++
		}
	}
	if differ == 0 {
		t.Error("another seed gave identical intervals everywhere")
	}
	for _, v := range a.Values {
		if v.N == 0 {
			t.Errorf("%+v: every city-month has documents", v)
		}
		d, _ := Lookup(v.Indicator)
		if d.Interval == NoInterval {
			continue
		}
		if !(v.CILow <= v.Value && v.Value <= v.CIHigh) {
			t.Errorf("CI does not contain the value: %+v", v)
		}
		if d.Interval != Exact && !(v.CIHigh > v.CILow) {
			t.Errorf("degenerate CI: %+v", v)
		}
	}
	// Roughly 10% of documents have no date.
	if a.Fallback < 60 || a.Fallback > 160 {
		t.Errorf("fallback = %d, want about 108", a.Fallback)
	}
}

// The bootstrap interval of a ratio of sums agrees with the normal
// approximation for a large n: a share computed as a bootstrapped ratio
// (a toy entry) against the Wilson interval of the same share, which at
// n = 2,000 is within a hair of p ± 1.96 sqrt(p(1-p)/n).
func TestBootstrapMatchesNormalApproximation(t *testing.T) {
	t.Parallel()
	docs := randomDocs(3, []string{"Aachen"}, []string{"2026-05"}, 2000)
	db := buildDB(t, docs, nil)
	boot := Definitions[0]
	boot.Name, boot.Interval = "migration_salience_bootstrapped", Bootstrap
	res, err := Compute(context.Background(), db, Query{From: "2026-05", Seed: 1, Definitions: append(append([]Definition(nil), Definitions...), boot)})
	if err != nil {
		t.Fatal(err)
	}
	w, _ := res.Get("Aachen", "2026-05", MigrationSalience)
	v, _ := res.Get("Aachen", "2026-05", boot.Name)
	if v.Value != w.Value || v.N != w.N {
		t.Fatalf("bootstrapped %+v vs %+v", v, w)
	}
	half := 1.96 * math.Sqrt(v.Value*(1-v.Value)/float64(v.N))
	for _, x := range []struct {
		name   string
		lo, hi float64
	}{{"bootstrap", v.CILow, v.CIHigh}, {"Wilson", w.CILow, w.CIHigh}} {
		if got := (x.hi - x.lo) / 2; math.Abs(got-half)/half > 0.15 {
			t.Errorf("%s half-width %.4f vs normal %.4f (p=%.3f n=%d)", x.name, got, half, v.Value, v.N)
		}
	}
}

// The Wilson interval: known values, and honest at 0 and 1 where the
// bootstrap collapsed to [0, 0] and [1, 1].
func TestWilson(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ k, n, lo, hi float64 }{
		{0, 16, 0, 0.19360}, {16, 16, 0.80640, 1}, {3, 4, 0.30064, 0.95442}, {50, 100, 0.40383, 0.59617}, {1, 1, 0.20654, 1},
	} {
		lo, hi := wilson(c.k, c.n)
		if math.Abs(lo-c.lo) > 1e-4 || math.Abs(hi-c.hi) > 1e-4 {
			t.Errorf("wilson(%v, %v) = [%.5f, %.5f], want [%.5f, %.5f]", c.k, c.n, lo, hi, c.lo, c.hi)
		}
	}
	if lo, hi := wilson(0, 0); !math.IsNaN(lo) || !math.IsNaN(hi) {
		t.Errorf("n = 0: [%v, %v], want NaN", lo, hi)
	}
}

func TestQueryErrors(t *testing.T) {
	t.Parallel()
	docs, stmts := handDocs()
	db := buildDB(t, docs, stmts)
	ctx := context.Background()
	for _, q := range []Query{{From: "2026-1"}, {To: "January"}, {From: "2026-05", To: "2026-01"}, {Resamples: -1}} {
		if _, err := Compute(ctx, db, q); !errors.Is(err, ErrBadQuery) {
			t.Errorf("%+v: err = %v, want ErrBadQuery", q, err)
		}
	}
	_, err := Compute(ctx, db, Query{Cities: []string{"Atlantis"}})
	if !errors.Is(err, ErrUnknownCity) || !strings.Contains(err.Error(), "Aachen") {
		t.Errorf("unknown city: %v", err)
	}
	res, err := Compute(ctx, db, Query{From: "2026-02", To: "2026-03", Resamples: 10})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(res.Months, []string{"2026-02", "2026-03"}) || res.Documents != 1 {
		t.Errorf("range filter: months %v documents %d", res.Months, res.Documents)
	}
}

func TestValueJSONNull(t *testing.T) {
	t.Parallel()
	b, err := json.Marshal(Value{City: "A", Month: "2026-01", Indicator: Stance, Value: math.NaN(), CILow: math.NaN(), CIHigh: math.NaN(), Insufficient: true})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"city":"A","month":"2026-01","indicator":"stance","n":0,"insufficient":true,"partial":false,"value":null,"ci_low":null,"ci_high":null}`; string(b) != want {
		t.Errorf("got %s", b)
	}
}

func TestPercentile(t *testing.T) {
	t.Parallel()
	xs := []float64{5, 1, 4, 2, 3}
	for _, c := range []struct{ p, want float64 }{{0, 1}, {1, 5}, {.5, 3}, {.25, 2}, {.1, 1.4}} {
		if got := percentile(xs, c.p); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("percentile(%v) = %v, want %v", c.p, got, c.want)
		}
	}
	if !math.IsNaN(percentile(nil, .5)) {
		t.Error("empty percentile must be NaN")
	}
}

// Drawing every document once gives the exact sums, whatever the lanes:
// the packing never overflows or mixes statistics, also with a huge value.
func TestLayoutSumsAreExact(t *testing.T) {
	t.Parallel()
	for _, huge := range []float64{0, 1 << 30} {
		b := benchBatch(1500)
		if huge > 0 {
			// A statistic of one document near 2^31: its lane gets 41 bits.
			k := indexOf(b.p.boot, indexOfStat(b.p, "words"))
			old := b.plain[7*len(b.p.boot)+k]
			b.plain[7*len(b.p.boot)+k] = huge
			b.exact[b.p.boot[k]] += huge - old
			b.finish()
		}
		if b.lay.words == 0 {
			t.Fatal("nothing was packed")
		}
		idx := make([]uint32, b.lay.n)
		for i := range idx {
			idx[i] = uint32(i)
		}
		sums := make([]float64, len(b.p.boot))
		b.lay.draw(idx, sums, make([]uint64, b.lay.words), make([]float64, b.lay.reals), make([]uint32, b.nFig), b.nFig, 1)
		for k, s := range b.p.boot {
			if math.Abs(sums[k]-b.exact[s]) > 1e-6*math.Max(1, math.Abs(b.exact[s])) {
				t.Errorf("huge=%v: %s: drawn sum %v, exact %v", huge, b.p.stats[s].Name, sums[k], b.exact[s])
			}
		}
	}
}

func indexOfStat(p *plan, name string) int {
	for i, s := range p.stats {
		if s.Name == name {
			return i
		}
	}
	return -1
}

// The default range: the last 24 complete months before the month being
// collected, which is drawn as partial, or fewer when the documents start
// later; a document with a date in the future or the distant past does
// not stretch it.
func TestDefaultRange(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		from, to, first, last, fetch  string
		wantFrom, wantTo, wantPartial string
	}{
		{"", "", "2015-06", "2026-12", "2026-12", "2024-12", "2026-12", "2026-12"},
		{"", "", "2015-06", "2026-08", "2026-12", "2024-09", "2026-08", "2026-12"},
		{"", "", "2025-01", "2026-08", "2026-12", "2025-01", "2026-08", "2026-12"}, // documents start later
		{"", "", "1970-01", "2031-01", "2026-12", "2024-12", "2026-12", "2026-12"}, // pages claiming 1970 and 2031
		{"2026-01", "", "2015-06", "2026-12", "2026-12", "2026-01", "2026-12", "2026-12"},
		{"", "2025-06", "2015-06", "2026-12", "2026-12", "2023-07", "2025-06", "2026-12"},
		{"", "", "", "", "", "", "", ""},
	} {
		from, to, partial := DefaultRange(c.from, c.to, c.first, c.last, c.fetch)
		if from != c.wantFrom || to != c.wantTo || partial != c.wantPartial {
			t.Errorf("DefaultRange(%q, %q, %q, %q, %q) = %q %q %q, want %q %q %q", c.from, c.to, c.first, c.last, c.fetch, from, to, partial, c.wantFrom, c.wantTo, c.wantPartial)
		}
	}
	// Through Compute: 25 months, the last one partial in values and coverage.
	docs, stmts := handDocs()
	docs = append(docs, docRow{city: "Bonn", source: "c", published: "1970-01-01T00:00:00Z", fetched: "2026-01-10T00:00:00Z", model: "m2"},
		docRow{city: "Bonn", source: "c", published: "2031-01-01T00:00:00Z", fetched: "2026-01-10T00:00:00Z", model: "m2"})
	db := buildDB(t, docs, stmts)
	res, err := Compute(context.Background(), db, Query{Resamples: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Months) != 25 || res.Months[0] != "2024-03" || res.Months[24] != "2026-03" || res.Partial != "2026-03" {
		t.Fatalf("months %v..%v (%d), partial %q", res.Months[0], res.Months[len(res.Months)-1], len(res.Months), res.Partial)
	}
	for _, v := range res.Values {
		if v.Partial != (v.Month == "2026-03") {
			t.Errorf("%+v: partial flag", v)
		}
	}
	for _, c := range res.Coverage {
		if c.Partial != (c.Month == "2026-03") {
			t.Errorf("%+v: partial flag", c)
		}
	}
	if res.Query.From != "2024-03" || res.Query.To != "2026-03" {
		t.Errorf("the query records the range used: %+v", res.Query)
	}
	// An explicit range longer than MaxMonths is refused.
	if _, err := Compute(context.Background(), db, Query{From: "1900-01", Resamples: 10}); !errors.Is(err, ErrBadQuery) {
		t.Errorf("a 127-year range: %v", err)
	}
}

func TestComputeCancelled(t *testing.T) {
	t.Parallel()
	cities := []string{"Aachen", "Bonn", "Celle", "Dorf"}
	docs := randomDocs(9, cities, []string{"2026-01", "2026-02", "2026-03", "2026-04"}, 60)
	db := buildDB(t, docs, nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Compute(ctx, db, Query{}); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	// Cancelled while running: returns promptly with the error, no deadlock.
	ctx, cancel = context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := Compute(ctx, db, Query{Resamples: 20000})
		done <- err
	}()
	cancel()
	if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v", err)
	}
}

// A month whose documents are all unscored has no hate-crime count (NA),
// not zero.
func TestUnscoredMonthIsNotZero(t *testing.T) {
	t.Parallel()
	docs, stmts := handDocs()
	db := buildDB(t, docs, stmts)
	res, err := Compute(context.Background(), db, Query{From: "2026-01", Resamples: 20})
	if err != nil {
		t.Fatal(err)
	}
	v, _ := res.Get("Aachen", "2026-03", HateCrimeReports)
	if !math.IsNaN(v.Value) || v.N != 0 || !v.Insufficient {
		t.Errorf("unscored month: %+v, want NaN, n = 0, insufficient", v)
	}
}

func TestWriteCSVAndTable(t *testing.T) {
	t.Parallel()
	nan := math.NaN()
	vals := []Value{
		{City: "Aachen", Month: "2026-01", Indicator: AntiMigrantShare, Value: 0.25, CILow: 0.125, CIHigh: 0.5, N: 40},
		{City: "Aachen, West", Month: "2026-02", Indicator: Stance, Value: nan, CILow: nan, CIHigh: nan, N: 0, Insufficient: true},
		{City: "Aachen", Month: "2026-01", Indicator: HateCrimeReports, Value: 3, CILow: nan, CIHigh: nan, N: 40, Partial: true},
	}
	var b strings.Builder
	if err := WriteCSV(&b, vals); err != nil {
		t.Fatal(err)
	}
	want := "city,month,indicator,value,ci_low,ci_high,n,insufficient,partial\n" +
		"Aachen,2026-01,anti_migrant_share,0.25,0.125,0.5,40,false,false\n" +
		"\"Aachen, West\",2026-02,stance,NA,NA,NA,0,true,false\n" +
		"Aachen,2026-01,hate_crime_reports,3,NA,NA,40,false,true\n"
	if b.String() != want {
		t.Errorf("csv:\n%s\nwant:\n%s", b.String(), want)
	}
	b.Reset()
	if err := WriteTable(&b, vals, 20); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"0.250", "[0.125, 0.500]", "–*", "3 (partial month)", "insufficient: n < 20"} {
		if !strings.Contains(b.String(), s) {
			t.Errorf("table lacks %q:\n%s", s, b.String())
		}
	}
}

// The numbers do not depend on how many workers run.
func TestSameResultOnOneCore(t *testing.T) { // not parallel: it sets GOMAXPROCS
	docs := randomDocs(4, []string{"Aachen", "Bonn"}, []string{"2026-01", "2026-02", "2026-03"}, 80)
	db := buildDB(t, docs, randomStmts(4, docs))
	a, err := Compute(context.Background(), db, Query{Seed: 5, Resamples: 300})
	if err != nil {
		t.Fatal(err)
	}
	prev := runtime.GOMAXPROCS(1)
	b, err := Compute(context.Background(), db, Query{Seed: 5, Resamples: 300})
	runtime.GOMAXPROCS(prev)
	if err != nil {
		t.Fatal(err)
	}
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if string(ja) != string(jb) {
		t.Error("results differ between GOMAXPROCS=1 and the default")
	}
}
