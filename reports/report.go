// Package reports draws the indicators and writes the report an advocate
// opens: charts (gonum/plot, PNG and SVG), tidy CSV files, and one
// self-contained index.html.
//
// index.html works offline and alone: the charts are embedded as data: URIs,
// the CSS is inline, there is no JavaScript. It is built with html/template
// only; crawled text (titles, sentences, quotes, URLs) is untrusted and is
// escaped by the template, never concatenated into markup. Evidence spans
// are highlighted by splitting a sentence into plain segments and marked
// segments that the template wraps in <mark>.
//
// Output is deterministic for a given database and Options (the bootstrap is
// seeded, charts are drawn in a fixed order with embedded fonts), except for
// the "generated" time stamp in index.html (Options.Now fixes it).
package reports

import (
	"context"
	"embed"
	"encoding/base64"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"html/template"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/xenoscope/xenoscope/indicators"
	"github.com/xenoscope/xenoscope/internal/atomicfile"
	"github.com/xenoscope/xenoscope/internal/csvcell"
	"github.com/xenoscope/xenoscope/store"
)

//go:embed templates/index.html.tmpl
var templateFS embed.FS

var pageTemplate = template.Must(template.New("index.html.tmpl").Funcs(template.FuncMap{
	"month":   monthLabel,
	"defined": defined,
	"shown":   formatShown,
	"like":    formatLike,
	"hasCI":   hasInterval,
	"pct":     func(f float64) string { return strconv.FormatFloat(100*f, 'f', 1, 64) + "%" },
}).ParseFS(templateFS, "templates/index.html.tmpl"))

// Options selects what the report covers. Zero values take defaults.
type Options struct {
	From, To  string   // "2006-01"; "" = the indicators' default range
	Cities    []string // "" = every city
	MinN      int      // indicators.Query.MinN
	Resamples int      // indicators.Query.Resamples
	Seed      uint64   // indicators.Query.Seed
	// Result, when set, is the indicators to report (computed by the
	// caller, as run's indicators stage does); From, To, Cities, MinN,
	// Resamples and Seed are then taken from its query.
	Result *indicators.Result
	// SyntheticNotice labels every page and chart file set as SYNTHETIC
	// SAMPLE DATA (the demo sets it).
	SyntheticNotice bool
	// RegisteredFiguresOnly counts only registered figures
	// (indicators.Query.RegisteredFiguresOnly; from Result when given).
	RegisteredFiguresOnly bool
	Title                 string    // "" = "xenoscope report"
	Examples              int       // example sentences per indicator; 0 = 3
	Now                   time.Time // the "generated" stamp; zero = time.Now()
}

// ErrNoData means the database holds no documents in the selected range.
var ErrNoData = errors.New("no documents in the selected range")

// Files written into outDir besides the charts.
const (
	IndexFile      = "index.html"
	IndicatorsFile = "indicators.csv"
	FiguresFile    = "figures.csv"
	CoverageFile   = "coverage.csv"
	ChartsDir      = "charts"
)

// SourceURL is where the documentation the report links to lives.
const SourceURL = "https://github.com/xenoscope/xenoscope/blob/main/"

// Write writes the report into outDir (created if needed):
// charts/<indicator>_<city>.png|svg (one small chart per city),
// charts/<indicator>_cities.png|svg (cities in the latest complete month),
// charts/figures_<city>.png|svg, indicators.csv, figures.csv, coverage.csv
// and index.html. It computes the indicators unless opts.Result holds them.
// Charts are drawn by GOMAXPROCS workers (each chart is independent, so the
// output does not depend on their order). index.html is written last,
// through a temporary file and a rename, so a reader never sees half a
// page.
func Write(ctx context.Context, db *store.DB, outDir string, opts Options) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	nEx := opts.Examples
	if nEx <= 0 {
		nEx = 3
	}
	// The example sentences are read while the indicators are computed
	// (or, when they are given, while the charts are drawn): the stream
	// of the indicators keeps one core busy, the queries use the other.
	res := opts.Result
	var examples <-chan exampleResult
	if res == nil {
		from, to, _, err := indicators.Range(ctx, db, opts.From, opts.To)
		if err != nil {
			return fmt.Errorf("report: %w", err)
		}
		mdl, err := db.ScoreModel(ctx)
		if err != nil {
			return fmt.Errorf("report: %w", err)
		}
		if from != "" {
			examples = fetchExamples(ctx, db, indicators.Definitions, store.MonthFilter{From: from, To: to, Cities: opts.Cities}, mdl, nEx)
		}
		res, err = indicators.Compute(ctx, db, indicators.Query{From: opts.From, To: opts.To, Cities: opts.Cities,
			MinN: opts.MinN, Resamples: opts.Resamples, Seed: opts.Seed, RegisteredFiguresOnly: opts.RegisteredFiguresOnly})
		if err != nil {
			return fmt.Errorf("report: %w", err)
		}
	}
	if res.Documents == 0 || len(res.Months) == 0 {
		return fmt.Errorf("report: %w", ErrNoData)
	}
	if err := os.MkdirAll(filepath.Join(outDir, ChartsDir), 0o755); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	latest, complete := latestCompleteMonth(res)
	filter := store.MonthFilter{From: res.Months[0], To: res.Months[len(res.Months)-1], Cities: res.Query.Cities,
		RegisteredFiguresOnly: res.Query.RegisteredFiguresOnly}
	if examples == nil {
		examples = fetchExamples(ctx, db, res.Definitions(), filter, res.Model, nEx)
	}

	pg := &page{
		Title: opts.Title, Synthetic: opts.SyntheticNotice, Model: res.Model, Cities: res.Cities,
		From: res.Months[0], To: res.Months[len(res.Months)-1], MinN: res.Query.MinN, Resamples: res.Query.Resamples,
		Seed: res.Query.Seed, Documents: res.Documents, Fallback: res.Fallback, Stale: res.Stale, Unscored: res.Unscored,
		Excluded: res.Excluded, Partial: res.Partial, Latest: latest, LatestComplete: complete, Threshold: indicators.Threshold,
		SourceURL: SourceURL, CSSWidth: cssWidth, CSSHeight: cssHigh,
	}
	if pg.Title == "" {
		pg.Title = "xenoscope report"
	}
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	pg.Generated = now.UTC().Format("2006-01-02 15:04 UTC")

	// Every chart to draw, in page order; drawn in parallel below.
	slugs := citySlugs(res.Cities)
	var jobs []chartJob
	for _, def := range res.Definitions() {
		sec := &section{Def: def}
		for _, sc := range def.Scores {
			if m, ok := indicators.Accuracy[sc]; ok {
				sec.Accuracy = append(sec.Accuracy, m)
			}
		}
		if _, _, any := yRange(res, def); any {
			for ci, city := range res.Cities {
				c, err := CityChart(res, def.Name, city, ci)
				if err != nil {
					return fmt.Errorf("report: %w", err)
				}
				sec.Cities = append(sec.Cities, &chartView{City: city})
				if c != nil {
					jobs = append(jobs, chartJob{c, def.Name + "_" + slugs[city], sec.Cities[len(sec.Cities)-1]})
				}
			}
			if len(res.Cities) > 1 {
				bar, err := BarChart(res, def.Name, latest)
				if err != nil {
					return fmt.Errorf("report: %w", err)
				}
				if bar != nil {
					sec.Bar = &chartView{}
					jobs = append(jobs, chartJob{bar, def.Name + "_cities", sec.Bar})
				}
			}
		}
		row := latestRow{Def: def}
		for _, city := range res.Cities {
			v, _ := res.Get(city, latest, def.Name)
			row.Cells = append(row.Cells, v)
		}
		pg.LatestRows = append(pg.LatestRows, row)
		pg.Sections = append(pg.Sections, sec)
	}
	for _, city := range res.Cities {
		c, err := FiguresChart(res, city)
		if err != nil {
			return fmt.Errorf("report: %w", err)
		}
		if c != nil {
			v := &chartView{City: city}
			pg.FigureCharts = append(pg.FigureCharts, v)
			jobs = append(jobs, chartJob{c, "figures_" + slugs[city], v})
		}
	}
	if err := drawCharts(jobs, outDir, opts.SyntheticNotice); err != nil {
		return err
	}
	ex := <-examples
	if ex.err != nil {
		return ex.err
	}
	exampleSections(pg.Sections, ex.found, nEx)
	for _, city := range res.Cities {
		cc := coverageCity{City: city}
		for _, c := range res.Coverage {
			if c.City == city {
				cc.Rows = append(cc.Rows, c)
			}
		}
		pg.Coverage = append(pg.Coverage, cc)
	}
	runs, err := db.RecentCrawlRuns(ctx, 10)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	for _, r := range runs {
		pg.CrawlRuns = append(pg.CrawlRuns, crawlRunView{r, errorKinds(r.ErrorsByKind)})
	}
	quotes, err := db.FigureQuotes(ctx, filter, indicators.Threshold)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	pg.Figures, pg.QuietFigures = figureViews(quotes)
	// figures quoted on migration but not counted (wire-story figures from
	// elsewhere; unregistered ones when only the registry counts): shown
	// apart, never in the indicators
	if pg.AlsoQuoted, err = db.AlsoQuoted(ctx, filter); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	pg.RegisteredOnly = res.Query.RegisteredFiguresOnly

	if err := writeFile(filepath.Join(outDir, IndicatorsFile), func(f *os.File) error { return indicators.WriteCSV(f, res.Values) }); err != nil {
		return err
	}
	months, err := db.FigureMonths(ctx, filter, indicators.Threshold)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if err := writeFile(filepath.Join(outDir, FiguresFile), func(f *os.File) error { return writeFiguresCSV(f, months) }); err != nil {
		return err
	}
	if err := writeFile(filepath.Join(outDir, CoverageFile), func(f *os.File) error { return indicators.WriteCoverageCSV(f, res.Coverage) }); err != nil {
		return err
	}
	return writeFile(filepath.Join(outDir, IndexFile), func(f *os.File) error { return pageTemplate.Execute(f, pg) })
}

// latestCompleteMonth is the last month of the range before the month
// still being collected. When no month qualifies it returns the last month
// and false.
func latestCompleteMonth(res *indicators.Result) (string, bool) {
	for i := len(res.Months) - 1; i >= 0; i-- {
		if res.Partial == "" || res.Months[i] < res.Partial {
			return res.Months[i], true
		}
	}
	return res.Months[len(res.Months)-1], false
}

// chartJob is one chart to draw into view.
type chartJob struct {
	chart *Chart
	name  string
	view  *chartView
}

// drawCharts renders every chart as PNG and SVG into charts/ and sets each
// view's PNG data URI, on GOMAXPROCS workers.
func drawCharts(jobs []chartJob, outDir string, synthetic bool) error {
	errs := make([]error, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				j := jobs[i]
				j.view.PNG, errs[i] = writeChart(j.chart, outDir, j.name, synthetic)
				j.view.Name = j.name
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	return errors.Join(errs...)
}

// citySlugs gives every city a distinct file name part.
func citySlugs(cities []string) map[string]string {
	out := map[string]string{}
	used := map[string]bool{}
	for _, c := range cities {
		s := slug(c)
		for i := 2; used[s]; i++ {
			s = fmt.Sprintf("%s-%d", slug(c), i)
		}
		used[s] = true
		out[c] = s
	}
	return out
}

// slug makes a file name part of a city name.
func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	out := strings.TrimSuffix(b.String(), "-")
	if out == "" {
		h := fnv.New32a()
		h.Write([]byte(s))
		out = fmt.Sprintf("city-%x", h.Sum32())
	}
	return out
}

// exampleResult is what fetchExamples found: sentences per score.
type exampleResult struct {
	found map[string][]store.ExampleSentence
	err   error
}

// fetchExamples reads the example sentences of every distinct example
// score of defs, one query per score, GOMAXPROCS at a time, in the
// background; the channel gets the result.
func fetchExamples(ctx context.Context, db *store.DB, defs []indicators.Definition, filter store.MonthFilter, model string, nEx int) <-chan exampleResult {
	out := make(chan exampleResult, 1)
	var scores []string
	for _, d := range defs {
		if d.ExampleScore != "" && !slices.Contains(scores, d.ExampleScore) {
			scores = append(scores, d.ExampleScore)
		}
	}
	go func() {
		res := exampleResult{found: map[string][]store.ExampleSentence{}}
		if model == "" {
			out <- res
			return
		}
		found := make([][]store.ExampleSentence, len(scores))
		errs := make([]error, len(scores))
		var wg sync.WaitGroup
		sem := make(chan struct{}, runtime.GOMAXPROCS(0))
		for i, sc := range scores {
			wg.Add(1)
			go func() {
				defer wg.Done()
				sem <- struct{}{}
				defer func() { <-sem }()
				found[i], errs[i] = db.ExampleSentences(ctx, filter, model, sc, indicators.Threshold, 5*nEx)
			}()
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			res.err = fmt.Errorf("report: %w", err)
		}
		for i, sc := range scores {
			res.found[sc] = found[i]
		}
		out <- res
	}()
	return out
}

// exampleSections puts the example sentences into the sections: each
// score's under the first indicator that uses it (later indicators point
// to it). A sentence repeated across documents (syndication, boilerplate)
// is shown once.
func exampleSections(secs []*section, found map[string][]store.ExampleSentence, nEx int) {
	first := map[string]*section{}
	for _, s := range secs {
		sc := s.Def.ExampleScore
		if sc == "" {
			continue
		}
		if f, ok := first[sc]; ok {
			s.ExamplesAt = f
			continue
		}
		first[sc] = s
		s.HasExamples = true
		seen := map[string]bool{}
		for _, e := range found[sc] {
			key := strings.ToLower(strings.Join(strings.Fields(e.Text), " "))
			if seen[key] || len(s.Examples) >= nEx {
				continue
			}
			seen[key] = true
			s.Examples = append(s.Examples, exampleView{City: e.City, Month: e.Month, Title: e.Title, URL: e.URL,
				Source: e.Source, Score: e.Score, Segments: highlight(e, sc), DocumentID: e.DocumentID})
		}
	}
}

// errorKinds turns a stored errors-by-kind JSON object into "kind n, ..."
// ("" when there are none).
func errorKinds(js string) string {
	var m map[string]int
	if json.Unmarshal([]byte(js), &m) != nil || len(m) == 0 {
		return ""
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	return strings.Join(parts, ", ")
}

// writeChart writes the chart as charts/name.png and .svg and returns the
// PNG as a data: URI for index.html. Charts of synthetic data say so on the
// chart: a chart file gets copied into slides without the page around it.
func writeChart(c *Chart, outDir, name string, synthetic bool) (template.URL, error) {
	pngData, err := c.render("png", synthetic)
	if err != nil {
		return "", fmt.Errorf("report: chart %s: %w", name, err)
	}
	svgData, err := c.render("svg", synthetic)
	if err != nil {
		return "", fmt.Errorf("report: chart %s: %w", name, err)
	}
	for ext, data := range map[string][]byte{".png": pngData, ".svg": svgData} {
		if err := os.WriteFile(filepath.Join(outDir, ChartsDir, name+ext), data, 0o644); err != nil {
			return "", fmt.Errorf("report: chart %s: %w", name, err)
		}
	}
	// Our own PNG bytes, base64: a safe URL to mark as such.
	return template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(pngData)), nil
}

// writeFile writes path through a temporary file and a rename.
func writeFile(path string, fill func(*os.File) error) error {
	if err := atomicfile.Write(path, fill); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}

func writeFiguresCSV(f *os.File, months []store.FigureMonth) error {
	w := csv.NewWriter(f)
	w.Write([]string{"city", "month", "figure", "role", "party", "registered", "addressing_xenophobia_statements", "promoting_hostility_statements", "statements"})
	for _, m := range months {
		// Figure names come from crawled text: no spreadsheet formulas.
		w.Write([]string{csvcell.Safe(m.City), m.Month, csvcell.Safe(m.Figure), csvcell.Safe(m.Role), csvcell.Safe(m.Party), strconv.FormatBool(m.Registered),
			strconv.Itoa(m.Counter), strconv.Itoa(m.Hostile), strconv.Itoa(m.Statements)})
	}
	w.Flush()
	return w.Error()
}

// segment is a piece of an example sentence; Mark pieces are evidence.
type segment struct {
	Text string
	Mark bool
}

// highlight splits an example sentence into plain and evidence segments.
// Evidence of the example's score is marked; when the document has none of
// that score inside the sentence, every overlapping evidence span is. Spans
// are clipped to the sentence, merged when they overlap, and dropped when an
// offset does not fall on a UTF-8 character boundary (a wrong offset must
// not cut a character in half).
func highlight(e store.ExampleSentence, score string) []segment {
	var spans [][2]int
	pick := func(match bool) {
		for _, ev := range e.Evidence {
			if match && !strings.EqualFold(ev.Score, score) {
				continue
			}
			s, t := max(ev.Start, e.Start)-e.Start, min(ev.End, e.End)-e.Start
			if s >= t || !boundary(e.Text, s) || !boundary(e.Text, t) {
				continue
			}
			spans = append(spans, [2]int{s, t})
		}
	}
	pick(true)
	if len(spans) == 0 {
		pick(false)
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] })
	// Merge overlapping and touching spans.
	var merged [][2]int
	for _, sp := range spans {
		if n := len(merged); n > 0 && sp[0] <= merged[n-1][1] {
			merged[n-1][1] = max(merged[n-1][1], sp[1])
			continue
		}
		merged = append(merged, sp)
	}
	var out []segment
	pos := 0
	for _, sp := range merged {
		if sp[0] > pos {
			out = append(out, segment{Text: e.Text[pos:sp[0]]})
		}
		out = append(out, segment{Text: e.Text[sp[0]:sp[1]], Mark: true})
		pos = sp[1]
	}
	if pos < len(e.Text) {
		out = append(out, segment{Text: e.Text[pos:]})
	}
	return out
}

func boundary(s string, i int) bool {
	return i == len(s) || (i >= 0 && i < len(s) && utf8.RuneStart(s[i]))
}

// Template data.
type page struct {
	Title, Generated, Model string
	Synthetic               bool
	Cities                  []string
	From, To                string
	MinN, Resamples         int
	Seed                    uint64
	Threshold               float64
	Documents, Fallback     int
	Stale, Unscored         int
	Excluded                int
	Partial                 string
	Latest                  string
	LatestComplete          bool
	LatestRows              []latestRow
	Sections                []*section
	FigureCharts            []*chartView
	Coverage                []coverageCity
	Figures                 []figureView
	QuietFigures            int
	AlsoQuoted              []store.FigureMonth // quoted on migration, not counted
	RegisteredOnly          bool
	CrawlRuns               []crawlRunView
	SourceURL               string
	CSSWidth, CSSHeight     int
}

type latestRow struct {
	Def   indicators.Definition
	Cells []indicators.Value
}

// section is one indicator's part of the page.
type section struct {
	Def      indicators.Definition
	Accuracy []indicators.Measured
	Cities   []*chartView // one per city; PNG empty where the city has no value
	Bar      *chartView   // nil with one city or no value in the latest month
	// HasExamples: the examples of Def.ExampleScore are shown here;
	// ExamplesAt: they are shown in another section.
	HasExamples bool
	Examples    []exampleView
	ExamplesAt  *section
}

type chartView struct {
	City string
	Name string
	PNG  template.URL
}

type exampleView struct {
	City, Month, Title, URL, Source string
	Score                           float64
	Segments                        []segment
	DocumentID                      int64
}

type figureView struct {
	City, Figure, Role           string
	Counter, Hostile, Statements int
	Quotes                       []store.FigureQuote
}

type crawlRunView struct {
	store.CrawlRunSummary
	Kinds string
}

// figureViews groups the strongest quotes per figure: the strongest
// counter-speech and the strongest anti-migrant statement that reach the
// threshold. Only figures with such a statement are listed (the others,
// with neutral statements only, are counted in quiet and stay in
// figures.csv). Within a city, the figures with the most addressing or
// hostile statements come first.
func figureViews(quotes []store.FigureQuote) (list []figureView, quiet int) {
	var out []figureView
	for _, q := range quotes {
		n := len(out)
		if n == 0 || out[n-1].City != q.City || out[n-1].Figure != q.Figure {
			out = append(out, figureView{City: q.City, Figure: q.Figure, Role: q.Role, Counter: q.Counter, Hostile: q.Hostile, Statements: q.Statements})
			n++
		}
		out[n-1].Quotes = append(out[n-1].Quotes, q)
	}
	for i := range out {
		var strong []store.FigureQuote
		for _, q := range out[i].Quotes {
			if q.Score >= indicators.Threshold {
				strong = append(strong, q)
			}
		}
		out[i].Quotes = strong
		if len(strong) == 0 || out[i].Counter+out[i].Hostile == 0 {
			quiet++
			continue
		}
		list = append(list, out[i])
	}
	sort.SliceStable(list, func(i, j int) bool {
		if list[i].City != list[j].City {
			return list[i].City < list[j].City
		}
		return list[i].Counter+list[i].Hostile > list[j].Counter+list[j].Hostile
	})
	return list, quiet
}

type coverageCity struct {
	City string
	Rows []indicators.Coverage
}

// Defined reports whether a value is a number (for the template).
func defined(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }
