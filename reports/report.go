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
	"errors"
	"fmt"
	"html/template"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gonum.org/v1/plot"

	"github.com/xenoscope/xenoscope/indicators"
	"github.com/xenoscope/xenoscope/internal/atomicfile"
	"github.com/xenoscope/xenoscope/store"
)

//go:embed templates/index.html.tmpl
var templateFS embed.FS

var pageTemplate = template.Must(template.New("index.html.tmpl").Funcs(template.FuncMap{
	"num":     indicators.FormatValue,
	"month":   monthLabel,
	"defined": defined,
}).ParseFS(templateFS, "templates/index.html.tmpl"))

// Options selects what the report covers. Zero values take defaults.
type Options struct {
	From, To  string   // "2006-01"; "" = the months with documents
	Cities    []string // "" = every city
	MinN      int      // indicators.Query.MinN
	Resamples int      // indicators.Query.Resamples
	Seed      uint64   // indicators.Query.Seed
	// SyntheticNotice labels every page and chart file set as SYNTHETIC
	// SAMPLE DATA (the demo sets it).
	SyntheticNotice bool
	Title           string    // "" = "xenoscope report"
	Examples        int       // example sentences per indicator; 0 = 3
	Now             time.Time // the "generated" stamp; zero = time.Now()
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

// Write computes the indicators and writes the report into outDir
// (created if needed): charts/<indicator>.png|svg (monthly lines),
// charts/<indicator>_bar.png|svg (cities in the latest complete month),
// charts/figures.png|svg, indicators.csv, figures.csv, coverage.csv and
// index.html. index.html is written last, through a temporary file and a
// rename, so a reader never sees half a page.
func Write(ctx context.Context, db *store.DB, outDir string, opts Options) error {
	res, err := indicators.Compute(ctx, db, indicators.Query{From: opts.From, To: opts.To, Cities: opts.Cities,
		MinN: opts.MinN, Resamples: opts.Resamples, Seed: opts.Seed})
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if res.Documents == 0 || len(res.Months) == 0 {
		return fmt.Errorf("report: %w", ErrNoData)
	}
	if err := os.MkdirAll(filepath.Join(outDir, ChartsDir), 0o755); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	latestFetched, err := db.LatestFetched(ctx)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	latest, complete := latestCompleteMonth(res, latestFetched)
	filter := store.MonthFilter{From: res.Months[0], To: res.Months[len(res.Months)-1], Cities: opts.Cities}

	pg := &page{
		Title: opts.Title, Synthetic: opts.SyntheticNotice, Model: res.Model, Cities: res.Cities,
		From: res.Months[0], To: res.Months[len(res.Months)-1], MinN: res.Query.MinN, Resamples: res.Query.Resamples,
		Seed: res.Query.Seed, Documents: res.Documents, Fallback: res.Fallback, Stale: res.Stale, Unscored: res.Unscored,
		Latest: latest, LatestComplete: complete, Threshold: indicators.Threshold,
	}
	if pg.Title == "" {
		pg.Title = "xenoscope report"
	}
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	pg.Generated = now.UTC().Format("2006-01-02 15:04 UTC")
	nEx := opts.Examples
	if nEx <= 0 {
		nEx = 3
	}

	for _, def := range indicators.Definitions {
		line, err := LineChart(res, def.Name)
		if err != nil {
			return fmt.Errorf("report: %w", err)
		}
		bar, err := BarChart(res, def.Name, latest)
		if err != nil {
			return fmt.Errorf("report: %w", err)
		}
		cv := chartView{Def: def}
		if cv.Line, err = writeChart(line, outDir, def.Name, opts.SyntheticNotice); err != nil {
			return err
		}
		if cv.Bar, err = writeChart(bar, outDir, def.Name+"_bar", opts.SyntheticNotice); err != nil {
			return err
		}
		if def.ExampleScore != "" && res.Model != "" {
			exs, err := db.ExampleSentences(ctx, filter, res.Model, def.ExampleScore, 5*nEx)
			if err != nil {
				return fmt.Errorf("report: %w", err)
			}
			seen := map[string]bool{}
			for _, e := range exs {
				// Syndicated and boilerplate sentences repeat across documents:
				// show each text once.
				if key := strings.Join(strings.Fields(e.Text), " "); seen[key] || len(cv.Examples) >= nEx {
					continue
				} else {
					seen[key] = true
				}
				cv.Examples = append(cv.Examples, exampleView{City: e.City, Month: e.Month, Title: e.Title, URL: e.URL,
					Source: e.Source, Score: e.Score, Segments: highlight(e, def.ExampleScore)})
			}
		}
		row := latestRow{Def: def}
		for _, city := range res.Cities {
			v, _ := res.Get(city, latest, def.Name)
			row.Cells = append(row.Cells, v)
		}
		pg.LatestRows = append(pg.LatestRows, row)
		pg.Charts = append(pg.Charts, cv)
	}
	figs, err := FiguresChart(res)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if pg.FiguresChart, err = writeChart(figs, outDir, "figures", opts.SyntheticNotice); err != nil {
		return err
	}
	for _, city := range res.Cities {
		cc := coverageCity{City: city}
		for _, c := range res.Coverage {
			if c.City == city {
				cc.Rows = append(cc.Rows, c)
			}
		}
		pg.Coverage = append(pg.Coverage, cc)
	}
	if pg.CrawlRuns, err = db.RecentCrawlRuns(ctx, 10); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	quotes, err := db.FigureQuotes(ctx, filter)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	pg.Figures = figureViews(quotes)

	if err := writeFile(filepath.Join(outDir, IndicatorsFile), func(f *os.File) error { return indicators.WriteCSV(f, res.Values) }); err != nil {
		return err
	}
	months, err := db.FigureMonths(ctx, filter)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if err := writeFile(filepath.Join(outDir, FiguresFile), func(f *os.File) error { return writeFiguresCSV(f, months) }); err != nil {
		return err
	}
	if err := writeFile(filepath.Join(outDir, CoverageFile), func(f *os.File) error { return writeCoverageCSV(f, res.Coverage) }); err != nil {
		return err
	}
	return writeFile(filepath.Join(outDir, IndexFile), func(f *os.File) error { return pageTemplate.Execute(f, pg) })
}

// latestCompleteMonth is the last month of the range that ended before the
// latest fetch (a month still being collected is incomplete). When no month
// qualifies it returns the last month and false.
func latestCompleteMonth(res *indicators.Result, latestFetched string) (string, bool) {
	last := res.Months[len(res.Months)-1]
	if len(latestFetched) < 7 {
		return last, false
	}
	fetchMonth := latestFetched[:7]
	for i := len(res.Months) - 1; i >= 0; i-- {
		if res.Months[i] < fetchMonth {
			return res.Months[i], true
		}
	}
	return last, false
}

// writeChart writes p as charts/name.png and .svg and returns the PNG as a
// data: URI for index.html. Charts of synthetic data say so in their title:
// a chart file gets copied into slides without the page around it.
func writeChart(p *plot.Plot, outDir, name string, synthetic bool) (template.URL, error) {
	if synthetic {
		p.Title.Text = "SYNTHETIC SAMPLE DATA: " + p.Title.Text
	}
	pngData, err := render(p, "png")
	if err != nil {
		return "", fmt.Errorf("report: chart %s: %w", name, err)
	}
	svgData, err := render(p, "svg")
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
		w.Write([]string{m.City, m.Month, m.Figure, m.Role, m.Party, strconv.FormatBool(m.Registered),
			strconv.Itoa(m.Counter), strconv.Itoa(m.Hostile), strconv.Itoa(m.Statements)})
	}
	w.Flush()
	return w.Error()
}

func writeCoverageCSV(f *os.File, cov []indicators.Coverage) error {
	w := csv.NewWriter(f)
	w.Write([]string{"city", "month", "documents", "scored", "stale", "unscored", "fallback_month", "active_sources", "sources_crawled", "crawl_fetched", "crawl_errors"})
	for _, c := range cov {
		w.Write([]string{c.City, c.Month, strconv.Itoa(c.Documents), strconv.Itoa(c.Scored), strconv.Itoa(c.Stale),
			strconv.Itoa(c.Unscored), strconv.Itoa(c.Fallback), strconv.Itoa(c.ActiveSources), strconv.Itoa(c.SourcesCrawled),
			strconv.Itoa(c.CrawlFetched), strconv.Itoa(c.CrawlErrors)})
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
	Latest                  string
	LatestComplete          bool
	LatestRows              []latestRow
	Charts                  []chartView
	FiguresChart            template.URL
	Coverage                []coverageCity
	Figures                 []figureView
	CrawlRuns               []store.CrawlRunSummary
}

type latestRow struct {
	Def   indicators.Definition
	Cells []indicators.Value
}

type chartView struct {
	Def       indicators.Definition
	Line, Bar template.URL
	Examples  []exampleView
}

type exampleView struct {
	City, Month, Title, URL, Source string
	Score                           float64
	Segments                        []segment
}

type figureView struct {
	City, Figure, Role           string
	Counter, Hostile, Statements int
	Quotes                       []store.FigureQuote
}

// figureViews groups the strongest quotes per figure: the strongest
// counter-speech and the strongest anti-migrant statement when they reach
// the threshold, else the single strongest statement. Within a city, the
// figures with the most addressing or hostile statements come first.
func figureViews(quotes []store.FigureQuote) []figureView {
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
		best := out[i].Quotes[0]
		for _, q := range out[i].Quotes {
			if q.Score >= indicators.Threshold {
				strong = append(strong, q)
			}
			if q.Score > best.Score {
				best = q
			}
		}
		if len(strong) == 0 {
			strong = []store.FigureQuote{best}
		}
		out[i].Quotes = strong
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].City != out[j].City {
			return out[i].City < out[j].City
		}
		return out[i].Counter+out[i].Hostile > out[j].Counter+out[j].Hostile
	})
	return out
}

type coverageCity struct {
	City string
	Rows []indicators.Coverage
}

// Defined reports whether a value is a number (for the template).
func defined(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }
