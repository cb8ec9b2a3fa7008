package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/xenoscope/xenoscope/indicators"
	"github.com/xenoscope/xenoscope/model"
	"github.com/xenoscope/xenoscope/store"
)

func init() {
	register("explain", "show one stored document's scores with the evidence spans and sentences behind them", runExplain)
}

// explanation is what explain prints (-format json keeps these keys).
type explanation struct {
	ID        int64  `json:"id"`
	URL       string `json:"url"`
	City      string `json:"city"`
	Source    string `json:"source"`
	Kind      string `json:"kind"`
	Title     string `json:"title"`
	Month     string `json:"month"`
	Published string `json:"published"`
	FetchedAt string `json:"fetched_at"`
	Language  string `json:"language"`
	Words     int    `json:"words"`
	Model     string `json:"model"` // "" when not scored
	ScoredAt  string `json:"scored_at"`
	// Counted says whether the indicators count this document's scores:
	// it is scored by the model they count (the latest one).
	Counted   bool                `json:"counted"`
	Scores    []explainedScore    `json:"scores"`
	Evidence  []model.Evidence    `json:"evidence"`
	Sentences []explainedSentence `json:"sentences"`
	// Statements are the attributed statements stored for the document.
	Statements []store.DocumentStatement `json:"statements"`
	// Indicators: what the document adds to each indicator's numerator and
	// denominator in its city and month (from the indicator table).
	Indicators []indicators.Contribution `json:"indicators"`
}

type explainedScore struct {
	Name    string   `json:"name"`
	Value   *float64 `json:"value"`
	Reading string   `json:"reading"`
}

// explainedSentence is the sentence that ranks highest for one score.
type explainedSentence struct {
	Score string  `json:"score"`
	Value float64 `json:"value"`
	Index int     `json:"index"`
	Start int     `json:"start"`
	End   int     `json:"end"`
	Text  string  `json:"text"`
}

func runExplain(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "explain", "-db xenoscope.db -id N [-format text|json]")
	dbPath := dbFlag(fs, false)
	id := fs.Int64("id", 0, "the document id (the id column of export, or of the report's links)")
	format := newFormat(fs, false, "text", "json")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if *dbPath == "" || *id <= 0 {
		return usageErr("example: xenoscope explain -db xenoscope.db -id 42 (ids: xenoscope export)", "explain needs -db and -id")
	}
	db, err := openRead(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	d, err := db.ScoredDocumentByID(ctx, *id)
	if errors.Is(err, store.ErrNotFound) {
		return usageErr("list ids with: xenoscope export -db "+*dbPath+" -format csv", "no document with id %d", *id)
	}
	if err != nil {
		return err
	}
	current, err := db.ScoreModel(ctx)
	if err != nil {
		return err
	}
	ex := explanation{ID: d.ID, URL: d.URL, City: d.City, Source: d.Source, Kind: d.Kind, Title: d.Title,
		Published: rfc3339(d.Published), FetchedAt: rfc3339(d.FetchedAt), Language: d.Language,
		Model: d.Model, ScoredAt: d.ScoredAt, Counted: d.Model != "" && d.Model == current,
		Evidence: []model.Evidence{}, Sentences: []explainedSentence{}}
	ex.Month, _ = d.Month()
	if d.Model != "" {
		sc, err := db.DocScores(ctx, d.ID)
		if err != nil {
			return err
		}
		ex.Words = sc.Words
		for i, name := range store.DocScoreNames {
			v := d.Scores[i]
			es := explainedScore{Name: name, Reading: scoreReading(name, v)}
			if !math.IsNaN(v) {
				es.Value = &v
			}
			ex.Scores = append(ex.Scores, es)
		}
		if sc.Evidence != nil {
			ex.Evidence = sc.Evidence
		}
		ex.Sentences = topSentences(d.Text, sc.SentenceScores)
	}
	if ex.Indicators, err = contributions(ctx, db, d.ID, d.Model != "" && ex.Counted && d.Scores != nil && !math.IsNaN(d.Scores[0])); err != nil {
		return err
	}
	if ex.Statements, err = db.DocumentStatements(ctx, d.ID); err != nil {
		return err
	}
	if ex.Statements == nil {
		ex.Statements = []store.DocumentStatement{}
	}
	if format.value == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(ex)
	}
	return writeExplanation(env.Stdout, &ex)
}

// contributions evaluates the indicator table on the document's stored
// columns.
func contributions(ctx context.Context, db *store.DB, id int64, counted bool) ([]indicators.Contribution, error) {
	cols, err := indicators.Columns(indicators.Definitions)
	if err != nil {
		return nil, err
	}
	vals := map[string]float64{}
	if counted {
		if vals, err = db.DocScoreColumns(ctx, id, cols); err != nil {
			return nil, err
		}
	}
	return indicators.Contributions(indicators.Definitions, func(name string) float64 { return vals[name] }, counted)
}

// scoreReading says in words how the indicators read a score.
func scoreReading(name string, v float64) string {
	if math.IsNaN(v) {
		return "not scored (the document is left out of this score)"
	}
	t := indicators.Threshold
	yes := v >= t
	switch name {
	case "migration":
		if yes {
			return fmt.Sprintf("a migration document (>= %g)", t)
		}
		return fmt.Sprintf("not about migration (< %g): left out of the migration indicators", t)
	case "anti_migrant", "counter_speech", "hate_crime_report":
		what := map[string]string{"anti_migrant": "anti-migrant", "counter_speech": "counter-speech", "hate_crime_report": "a hate-crime report"}[name]
		if yes {
			return fmt.Sprintf("%s (>= %g)", what, t)
		}
		return fmt.Sprintf("not %s (< %g)", what, t)
	case "stance":
		return "policy stance, -1 open or welcoming .. +1 restrictive (counted for migration documents)"
	case "tone":
		return "tone, -1 negative .. +1 positive (the indicator uses the tone of migration sentences)"
	case "populism":
		return "populism-dictionary matches per 1,000 words"
	case "populist_sentences":
		return "share of sentences with a populism-dictionary match"
	}
	return ""
}

// topSentences picks per sentence score the highest-ranked sentence (tone
// and stance by absolute value, among migration sentences).
func topSentences(text string, ss []model.SentenceScore) []explainedSentence {
	type pick struct {
		name string
		get  func(s model.SentenceScore) float64
		rank func(s model.SentenceScore) float64
	}
	mig := func(s model.SentenceScore) bool { return s.Migration >= indicators.Threshold }
	picks := []pick{
		{"migration", func(s model.SentenceScore) float64 { return s.Migration }, nil},
		{"anti_migrant", func(s model.SentenceScore) float64 { return s.AntiMigrant }, nil},
		{"counter_speech", func(s model.SentenceScore) float64 { return s.CounterSpeech }, nil},
		{"hate_crime_report", func(s model.SentenceScore) float64 { return s.HateCrime }, nil},
		{"populism", func(s model.SentenceScore) float64 { return float64(s.PopulismMatches) }, nil},
		{"stance", func(s model.SentenceScore) float64 { return s.Stance }, func(s model.SentenceScore) float64 {
			if !mig(s) {
				return 0
			}
			return math.Abs(s.Stance)
		}},
		{"tone", func(s model.SentenceScore) float64 { return s.Tone }, func(s model.SentenceScore) float64 {
			if !mig(s) {
				return 0
			}
			return math.Abs(s.Tone)
		}},
	}
	var out []explainedSentence
	for _, p := range picks {
		rank := p.rank
		if rank == nil {
			rank = p.get
		}
		best, bestRank := -1, 0.0
		for i, s := range ss {
			if r := rank(s); r > bestRank {
				best, bestRank = i, r
			}
		}
		if best < 0 {
			continue
		}
		s := ss[best]
		out = append(out, explainedSentence{Score: p.name, Value: p.get(s), Index: s.Index, Start: s.Start, End: s.End, Text: span(text, s.Start, s.End)})
	}
	return out
}

// span returns text[start:end], or "" when the offsets do not fit the text.
func span(text string, start, end int) string {
	if start < 0 || end > len(text) || start > end || !utf8.ValidString(text[start:end]) {
		return ""
	}
	return text[start:end]
}

func writeExplanation(w io.Writer, ex *explanation) error {
	fmt.Fprintf(w, "document %d  %s\n", ex.ID, ex.URL)
	fmt.Fprintf(w, "%s, %s (%s), month %s", ex.City, ex.Source, ex.Kind, ex.Month)
	if ex.Published == "" {
		fmt.Fprintf(w, " (no publication date: month of collection, %s)", ex.FetchedAt)
	}
	fmt.Fprintln(w)
	if ex.Title != "" {
		fmt.Fprintf(w, "title: %s\n", oneLine(ex.Title, 200))
	}
	switch {
	case ex.Model == "":
		fmt.Fprintln(w, "\nnot scored yet: run xenoscope analyze")
	case !ex.Counted:
		fmt.Fprintf(w, "\nscores of model %s (scored %s): an older model; the indicators do not count them until analyze rescores the document\n", ex.Model, ex.ScoredAt)
	default:
		fmt.Fprintf(w, "\nscores of model %s (scored %s), %d words; the indicators count them\n", ex.Model, ex.ScoredAt, ex.Words)
	}
	if len(ex.Scores) > 0 {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "\nscore\tvalue\treading")
		for _, s := range ex.Scores {
			v := "–"
			if s.Value != nil {
				v = strconv.FormatFloat(*s.Value, 'f', 3, 64)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\n", s.Name, v, s.Reading)
		}
		tw.Flush()
	}
	if len(ex.Evidence) > 0 {
		fmt.Fprintln(w, "\nevidence (spans that moved a score; byte offsets into the text, weight = contribution):")
		ev := append([]model.Evidence(nil), ex.Evidence...)
		sort.SliceStable(ev, func(i, j int) bool { return ev[i].Score < ev[j].Score })
		for _, e := range ev {
			fmt.Fprintf(w, "  %-18s [%d,%d) %q  weight %+.2f\n", e.Score, e.Start, e.End, oneLine(e.Text, 120), e.Weight)
		}
	}
	if len(ex.Sentences) > 0 {
		fmt.Fprintln(w, "\nstrongest sentence per score:")
		for _, s := range ex.Sentences {
			fmt.Fprintf(w, "  %-18s %6.3f  #%d [%d,%d) %q\n", s.Score, s.Value, s.Index, s.Start, s.End, oneLine(s.Text, 160))
		}
	}
	if len(ex.Indicators) > 0 {
		fmt.Fprintf(w, "\nwhat it adds to the indicators of %s, %s (numerator / denominator):\n", ex.City, ex.Month)
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for _, c := range ex.Indicators {
			den := ""
			if c.Denominator != nil {
				den = " / " + strconv.FormatFloat(*c.Denominator, 'g', 6, 64)
			}
			fmt.Fprintf(tw, "  %s\t%s%s\n", c.Indicator, strconv.FormatFloat(c.Numerator, 'g', 6, 64), den)
		}
		tw.Flush()
	}
	if len(ex.Statements) > 0 {
		fmt.Fprintln(w, "\nattributed statements:")
		for _, s := range ex.Statements {
			fmt.Fprintf(w, "  %s (%s): counter_speech %.2f, anti_migrant %.2f: %q\n", s.Figure, s.Kind, s.CounterSpeech, s.AntiMigrant, oneLine(s.Text, 160))
		}
	}
	return nil
}

// oneLine collapses whitespace and shortens s to at most n runes.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > n {
		r := []rune(s)
		s = string(r[:n-1]) + "…"
	}
	return s
}
