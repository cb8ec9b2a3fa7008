package indicators

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"runtime"
	"sort"
	"sync"
	"time"

	"github.com/xenoscope/xenoscope/store"
)

// Sentinel errors callers test with errors.Is.
var (
	ErrBadQuery    = errors.New("bad indicators query")
	ErrUnknownCity = errors.New("unknown city")
	// ErrBadTable means a Definitions table that cannot be computed (two
	// statistics with one name, a share without a denominator, ...).
	ErrBadTable = errors.New("bad indicator table")
)

// MaxMonths bounds the month range (50 years): every city x month in the
// range gets values, so a stray date (a page claiming 1970) would otherwise
// blow the result up.
const MaxMonths = 600

// DefaultMonths is the length of the default range in complete months.
const DefaultMonths = 24

// Query selects what Compute computes. Zero values take defaults.
type Query struct {
	// From and To ("2006-01") are inclusive. Empty To: the latest month
	// with documents (not after the month of the latest fetch). Empty
	// From: DefaultMonths complete months before To, plus To itself when
	// To is still being collected.
	From   string   `json:"from"`
	To     string   `json:"to"`
	Cities []string `json:"cities"` // empty = every city in the database
	// MinN: values with n < MinN are Insufficient; 0 = DefaultMinN;
	// negative = no minimum.
	MinN      int    `json:"min_n"`
	Resamples int    `json:"resamples"` // bootstrap resamples; 0 = DefaultResamples
	Seed      uint64 `json:"seed"`      // bootstrap seed; the same seed gives the same intervals
	// Definitions is the indicator table; nil = Definitions.
	Definitions []Definition `json:"-"`
	// RegisteredFiguresOnly counts only registered figures in the figure
	// indicators (otherwise registered and local ones, view figure_scope).
	RegisteredFiguresOnly bool `json:"registered_figures_only"`
}

// Value is one indicator for one city and month. Value, CILow and CIHigh are
// NaN when undefined (n = 0, a zero denominator, or no interval for a raw
// count); they are JSON null.
type Value struct {
	City         string  `json:"city"`
	Month        string  `json:"month"`
	Indicator    string  `json:"indicator"`
	Value        float64 `json:"value"`
	CILow        float64 `json:"ci_low"`
	CIHigh       float64 `json:"ci_high"`
	N            int     `json:"n"`
	Insufficient bool    `json:"insufficient"`
	// Partial marks the month still being collected (the month of the
	// latest fetch): its documents are not all in yet.
	Partial bool `json:"partial"`
}

// MarshalJSON writes NaN numbers as null.
func (v Value) MarshalJSON() ([]byte, error) {
	type plain Value
	return json.Marshal(struct {
		plain
		Value  *float64 `json:"value"`
		CILow  *float64 `json:"ci_low"`
		CIHigh *float64 `json:"ci_high"`
	}{plain(v), jsonNum(v.Value), jsonNum(v.CILow), jsonNum(v.CIHigh)})
}

func jsonNum(f float64) *float64 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return nil
	}
	return &f
}

// Coverage is what was collected for one city and month.
type Coverage struct {
	City      string `json:"city"`
	Month     string `json:"month"`
	Documents int    `json:"documents"`
	Scored    int    `json:"scored"`   // scored by the counted model
	Stale     int    `json:"stale"`    // scored by an older model only (not counted)
	Unscored  int    `json:"unscored"` // no doc_scores row yet
	// Excluded: a row of the counted model without scores (the language
	// gate: not English); in no indicator but documents.
	Excluded       int  `json:"excluded"`
	Fallback       int  `json:"fallback"`        // month from fetched_at (no publication date)
	ActiveSources  int  `json:"active_sources"`  // sources with >= 1 document this month
	SourcesCrawled int  `json:"sources_crawled"` // sources in crawl runs started this month
	CrawlFetched   int  `json:"crawl_fetched"`
	CrawlErrors    int  `json:"crawl_errors"`
	Partial        bool `json:"partial"` // the month is still being collected
}

// Result is what Compute returns. Values are ordered by city, month, then
// the order of the definitions; every city x month in the range is present
// (months without documents have n = 0 and are Insufficient).
type Result struct {
	Query  Query    `json:"query"` // with defaults filled in
	Model  string   `json:"model"` // the doc_scores model counted ("" when nothing is scored)
	Cities []string `json:"cities"`
	Months []string `json:"months"`
	// Partial is the month still being collected, "" when the range ends
	// before it.
	Partial  string     `json:"partial_month"`
	Values   []Value    `json:"values"`
	Coverage []Coverage `json:"coverage"`
	// Totals over the range.
	Documents int `json:"documents"`
	Fallback  int `json:"fallback"` // documents whose month came from fetched_at
	Stale     int `json:"stale"`
	Unscored  int `json:"unscored"`
	Excluded  int `json:"excluded"`
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

// Definitions returns the table the result was computed with.
func (r *Result) Definitions() []Definition {
	if r.Query.Definitions != nil {
		return r.Query.Definitions
	}
	return Definitions
}

// Lookup returns the definition of indicator in the result's table.
func (r *Result) Lookup(indicator string) (Definition, bool) {
	for _, d := range r.Definitions() {
		if d.Name == indicator {
			return d, true
		}
	}
	return Definition{}, false
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
	if q.Resamples < 0 || q.Resamples > MaxResamples {
		return fmt.Errorf("%w: resamples must be between 1 and %d, got %d", ErrBadQuery, MaxResamples, q.Resamples)
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

// addMonths returns month m plus k months ("2006-01").
func addMonths(m string, k int) string {
	t, err := time.Parse("2006-01", m)
	if err != nil {
		return m
	}
	return t.AddDate(0, k, 0).Format("2006-01")
}

// DefaultRange returns the range Compute uses for from and to (either may
// be ""), given the first and the latest month with documents and the
// month of the latest fetch (store.DB.MonthBounds): the range ends at the
// latest month with documents, or at the month being collected when a
// document claims a later date; it starts DefaultMonths complete months
// before, or at the first month with documents when that is later. partial
// is the month of the latest fetch: still being collected.
func DefaultRange(from, to, first, last, fetchMonth string) (string, string, string) {
	partial := fetchMonth
	if to == "" {
		to = last
		if fetchMonth != "" && to > fetchMonth {
			to = fetchMonth
		}
	}
	if from == "" && to != "" {
		back := DefaultMonths - 1
		if to == partial {
			back = DefaultMonths
		}
		from = addMonths(to, -back)
		if first > from && first <= to {
			from = first
		}
		if from > to {
			from = to
		}
	}
	return from, to, partial
}

// Range returns the month range Compute uses for from and to ("" for the
// default) on db, and the month still being collected (DefaultRange).
func Range(ctx context.Context, db *store.DB, from, to string) (string, string, string, error) {
	first, last, fetchMonth, err := db.MonthBounds(ctx)
	if err != nil {
		return "", "", "", err
	}
	from, to, partial := DefaultRange(from, to, first, last, fetchMonth)
	if from != "" && to != "" && from > to {
		return "", "", "", fmt.Errorf("%w: from %s is after the last month with documents, %s", ErrBadQuery, from, to)
	}
	return from, to, partial, nil
}

// Compute computes every indicator for every city and month selected by q.
func Compute(ctx context.Context, db *store.DB, q Query) (*Result, error) {
	if err := q.normalize(); err != nil {
		return nil, err
	}
	defs := q.Definitions
	if defs == nil {
		defs = Definitions
	}
	p, err := compile(defs)
	if err != nil {
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
	var partial string
	if q.From, q.To, partial, err = Range(ctx, db, q.From, q.To); err != nil {
		return nil, err
	}
	model, err := db.ScoreModel(ctx)
	if err != nil {
		return nil, err
	}
	res := &Result{Query: q, Model: model, Cities: cities}
	if q.From != "" && q.To != "" {
		res.Months = monthRange(q.From, q.To)
		if len(res.Months) > MaxMonths {
			return nil, fmt.Errorf("%w: %s to %s is %d months, more than %d; give a shorter -from/-to",
				ErrBadQuery, q.From, q.To, len(res.Months), MaxMonths)
		}
	}
	if partial != "" && q.From <= partial && partial <= q.To {
		res.Partial = partial
	}

	// One reader streams every selected city in (city, month, id) order
	// (one sequential scan and sort is cheaper than a query per city);
	// finished city-months go to the workers. Batches cycle through a
	// bounded free list, so memory holds at most workers+2 city-months
	// whatever the database size.
	workers := runtime.GOMAXPROCS(0)
	free := make(chan *batch, workers+2)
	for i := 0; i < cap(free); i++ {
		free <- &batch{p: p}
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
	filter := store.MonthFilter{From: q.From, To: q.To, Cities: q.Cities, RegisteredFiguresOnly: q.RegisteredFiguresOnly}
	if len(res.Months) > 0 {
		err = stream(ctx, db, filter, model, p, free, work)
	}
	close(work)
	wg.Wait()
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		return nil, fmt.Errorf("compute indicators: %w", err)
	}

	crawl, err := db.CrawlCoverage(ctx, filter)
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
				vals = p.empty(city, m)
			}
			for i := range vals {
				vals[i].Partial = m == res.Partial
			}
			res.Values = append(res.Values, vals...)
			cv, ok := covs[k]
			if !ok {
				cv = Coverage{City: city, Month: m}
			}
			cv.Partial = m == res.Partial
			res.Coverage = append(res.Coverage, cv)
			res.Documents += cv.Documents
			res.Fallback += cv.Fallback
			res.Stale += cv.Stale
			res.Unscored += cv.Unscored
			res.Excluded += cv.Excluded
		}
	}
	return res, nil
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
		if len(out) > MaxMonths {
			break
		}
	}
	return out
}

// stream reads the documents city-month by city-month into batches taken
// from free and hands each finished city-month to work.
func stream(ctx context.Context, db *store.DB, filter store.MonthFilter, model string, p *plan, free, work chan *batch) error {
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
	err := db.StreamDocRows(ctx, filter, model, p.columns, p.statements, Threshold, func(d *store.DocRow) error {
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
