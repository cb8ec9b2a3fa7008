package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"unicode/utf8"

	"github.com/xenoscope/xenoscope/model"
)

// Read queries behind package reports (the HTML report): example sentences
// with their evidence, the public figures' strongest statements and
// monthly counts, the latest crawl runs. They never write. threshold is
// model.Threshold, passed in by the caller.

// ExampleSentence is one scored sentence with its document, for the report.
type ExampleSentence struct {
	City       string
	Month      string
	Title      string
	URL        string
	Source     string
	Text       string // documents.text[Start:End]
	Start      int    // byte offsets into the document text
	End        int
	Score      float64 // the value the sentence was ranked by
	DocumentID int64
	Evidence   []model.Evidence // evidence spans of the document overlapping [Start,End), offsets into the document text
}

// exampleRank says how ExampleSentences ranks documents and sentences for
// one score: doc ranks doc_scores rows (alias ds), docWhere restricts them
// (the indicator's population), sent ranks a document's sentences (alias
// ss) among those sentWhere keeps. @t is the threshold.
type exampleRank struct{ doc, docWhere, sent, sentWhere string }

var exampleRanks = map[string]exampleRank{
	"migration":         {"ds.migration", "1", "ss.migration", "1"},
	"anti_migrant":      {"ds.anti_migrant", "ds.migration >= @t", "ss.anti_migrant", "1"},
	"counter_speech":    {"ds.counter_speech", "ds.migration >= @t", "ss.counter_speech", "1"},
	"populism":          {"ds.populism_matches", "1", "ss.populism_matches", "1"},
	"tone":              {"abs(ds.tone)", "ds.migration >= @t", "abs(ss.tone)", "ss.migration >= @t"},
	"stance":            {"abs(ds.stance)", "ds.migration >= @t", "abs(ss.stance)", "ss.migration >= @t"},
	"hate_crime_report": {"ds.hate_crime_report", "1", "ss.hate_crime_report", "1"},
}

// ExampleSentences returns up to limit example sentences for a score (one
// of migration, anti_migrant, counter_speech, populism, tone, stance,
// hate_crime_report) from the documents matching f and scored by
// scoreModel: the documents that rank highest by their document score
// (among migration documents, score >= threshold, for anti_migrant,
// counter_speech, tone and stance: the documents those indicators count),
// and in each its highest-ranked sentence (tone and stance by absolute
// value, among its migration sentences). One sentence per document, best
// first; only sentences scoring > 0.
//
// Cost: the candidates come from one top-N pass over doc_scores (a row per
// document) rather than over sentence_scores (a row per sentence, ten times
// as many); only the candidates' sentences are read. When the month and
// city filter leaves too few of the candidates, the filter moves into the
// candidate query (a join over every document: slower, rare).
func (db *DB) ExampleSentences(ctx context.Context, f MonthFilter, scoreModel, score string, threshold float64, limit int) ([]ExampleSentence, error) {
	if _, ok := exampleRanks[score]; !ok {
		return nil, fmt.Errorf("example sentences: unknown score %q", score)
	}
	cand := 20 * limit
	out, n, err := db.exampleSentences(ctx, f, scoreModel, score, threshold, limit, cand, false)
	if err != nil || len(out) >= limit || n < cand {
		return out, err
	}
	out, _, err = db.exampleSentences(ctx, f, scoreModel, score, threshold, limit, cand, true)
	return out, err
}

// exampleSentences runs the example query over the cand best documents,
// filtered by f before (filtered) or after ranking, and returns the
// examples and the number of candidates ranked.
func (db *DB) exampleSentences(ctx context.Context, f MonthFilter, scoreModel, score string, threshold float64, limit, cand int, filtered bool) ([]ExampleSentence, int, error) {
	r := exampleRanks[score]
	where, fargs := f.where(monthExpr, "c.name")
	join := `JOIN documents d ON d.id = best.document_id
		JOIN sources so ON so.id = d.source_id
		JOIN cities c ON c.id = so.city_id`
	candFrom, candWhere := "doc_scores ds NOT INDEXED", "1"
	args := []any{sql.Named("t", threshold), sql.Named("m", scoreModel), sql.Named("cand", cand)}
	if filtered {
		candFrom = `documents d NOT INDEXED JOIN sources so ON so.id = d.source_id JOIN cities c ON c.id = so.city_id
			JOIN doc_scores ds ON ds.document_id = d.id`
		candWhere = where
		args = append(args, fargs...)
	}
	q := `
		WITH cand AS (
			SELECT ds.document_id, ` + r.doc + ` AS rank FROM ` + candFrom + `
			WHERE ds.model = @m AND ` + r.docWhere + ` AND ` + r.doc + ` > 0 AND ` + candWhere + `
			ORDER BY rank DESC, ds.document_id LIMIT @cand
		), best AS (
			SELECT ss.document_id, ss.start, ss.end, ` + r.sent + ` AS sc, cand.rank,
			       row_number() OVER (PARTITION BY ss.document_id ORDER BY ` + r.sent + ` DESC, ss.idx) AS rn
			FROM cand JOIN sentence_scores ss ON ss.document_id = cand.document_id
			WHERE ` + r.sentWhere + ` AND ` + r.sent + ` > 0
		)
		SELECT c.name, ` + monthExpr + ` AS month, d.title, d.url, so.name, d.text, best.start, best.end, best.sc,
		       ds.evidence, d.id, (SELECT count(*) FROM cand)
		FROM best ` + join + `
		JOIN doc_scores ds ON ds.document_id = d.id
		WHERE best.rn = 1`
	if !filtered {
		q += ` AND ` + where
		args = append(args, fargs...)
	}
	q += `
		ORDER BY best.rank DESC, best.sc DESC, d.id`
	rows, err := db.R.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("example sentences (%s): %w", score, Classify(err))
	}
	defer rows.Close()
	var out []ExampleSentence
	n := 0
	for rows.Next() {
		var e ExampleSentence
		var text, evJSON string
		var docID int64
		if err := rows.Scan(&e.City, &e.Month, &e.Title, &e.URL, &e.Source, &text, &e.Start, &e.End, &e.Score, &evJSON, &docID, &n); err != nil {
			return nil, 0, fmt.Errorf("example sentences (%s): %w", score, Classify(err))
		}
		if len(out) >= limit {
			continue
		}
		if e.Start < 0 || e.End > len(text) || e.Start > e.End ||
			(e.Start < len(text) && !utf8.RuneStart(text[e.Start])) || (e.End < len(text) && !utf8.RuneStart(text[e.End])) {
			continue // offsets do not fit the stored text: skip rather than show a wrong span
		}
		e.DocumentID = docID
		e.Text = text[e.Start:e.End]
		var ev []model.Evidence
		if err := json.Unmarshal([]byte(evJSON), &ev); err != nil {
			return nil, 0, fmt.Errorf("example sentences: evidence of %s: %w", e.URL, err)
		}
		for _, x := range ev {
			if x.End > e.Start && x.Start < e.End && x.Start < x.End {
				e.Evidence = append(e.Evidence, x)
			}
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("example sentences (%s): %w", score, Classify(err))
	}
	if len(out) < limit && n == 0 {
		// No row came back, so the count did not either: count alone.
		if err := db.R.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM doc_scores ds WHERE ds.model = @m AND `+r.docWhere+` AND `+r.doc+` > 0 LIMIT @cand)`,
			sql.Named("t", threshold), sql.Named("m", scoreModel), sql.Named("cand", cand)).Scan(&n); err != nil {
			return nil, 0, fmt.Errorf("example sentences (%s): %w", score, Classify(err))
		}
	}
	return out, n, nil
}

// FigureMonth counts one figure's attributed statements in one month.
type FigureMonth struct {
	City       string
	Month      string
	Figure     string
	Role       string
	Party      string
	Registered bool
	Counter    int // statements with counter_speech >= the threshold
	Hostile    int // statements with anti_migrant >= the threshold
	Statements int // all attributed statements
}

// FigureMonths returns per figure and month (the document's month) the
// number of attributed statements, ordered by city, month, figure.
func (db *DB) FigureMonths(ctx context.Context, f MonthFilter, threshold float64) ([]FigureMonth, error) {
	where, args := f.where(monthExpr, "c.name")
	rows, err := db.R.QueryContext(ctx, `
		SELECT c.name, `+monthExpr+` AS month, fi.name, fi.role, fi.party, fi.registered,
		       sum(st.counter_speech >= @t), sum(st.anti_migrant >= @t), count(*)
		FROM statements st
		JOIN documents d ON d.id = st.document_id
		JOIN sources so ON so.id = d.source_id
		JOIN cities c ON c.id = so.city_id
		JOIN figures fi ON fi.id = st.figure_id`+countedFigures("st", f.RegisteredFiguresOnly)+`
		WHERE `+where+`
		GROUP BY c.name, month, fi.id
		ORDER BY c.name, month, fi.name`, append(args, sql.Named("t", threshold))...)
	if err != nil {
		return nil, fmt.Errorf("figure months: %w", Classify(err))
	}
	defer rows.Close()
	var out []FigureMonth
	for rows.Next() {
		var m FigureMonth
		if err := rows.Scan(&m.City, &m.Month, &m.Figure, &m.Role, &m.Party, &m.Registered, &m.Counter, &m.Hostile, &m.Statements); err != nil {
			return nil, fmt.Errorf("figure months: %w", Classify(err))
		}
		out = append(out, m)
	}
	return out, Classify(rows.Err())
}

// FigureQuote is one of a figure's strongest attributed statements in the
// range.
type FigureQuote struct {
	City       string
	Figure     string
	Role       string
	Kind       string  // "counter_speech" or "anti_migrant": which score is the stronger
	Score      float64 // max(counter_speech, anti_migrant) of the quote
	Quote      string
	Month      string
	Title      string
	URL        string
	Counter    int // statements with counter_speech >= the threshold in the range
	Hostile    int // statements with anti_migrant >= the threshold in the range
	Statements int
}

// FigureQuotes returns for every figure with at least one attributed
// statement in f its strongest statements: per kind (the higher of a
// statement's counter_speech and anti_migrant scores), the statement with
// the highest such score; so up to two rows per figure, ordered by city,
// figure name, then kind.
func (db *DB) FigureQuotes(ctx context.Context, f MonthFilter, threshold float64) ([]FigureQuote, error) {
	where, args := f.where(monthExpr, "c.name")
	rows, err := db.R.QueryContext(ctx, `
		SELECT city, figure, role, kind, score, text, month, title, url, nc, nh, n FROM (
			SELECT c.name AS city, fi.name AS figure, fi.role AS role,
			       CASE WHEN st.counter_speech >= st.anti_migrant THEN 'counter_speech' ELSE 'anti_migrant' END AS kind,
			       max(st.counter_speech, st.anti_migrant) AS score, st.text AS text,
			       `+monthExpr+` AS month, d.title AS title, d.url AS url,
			       sum(st.counter_speech >= @t) OVER w AS nc, sum(st.anti_migrant >= @t) OVER w AS nh,
			       count(*) OVER w AS n,
			       row_number() OVER (PARTITION BY fi.id, st.counter_speech >= st.anti_migrant ORDER BY max(st.counter_speech, st.anti_migrant) DESC, st.id) AS rn
			FROM statements st
			JOIN documents d ON d.id = st.document_id
			JOIN sources so ON so.id = d.source_id
			JOIN cities c ON c.id = so.city_id
			JOIN figures fi ON fi.id = st.figure_id`+countedFigures("st", f.RegisteredFiguresOnly)+`
			WHERE st.migration >= @t AND `+where+`
			WINDOW w AS (PARTITION BY fi.id)
		) WHERE rn = 1
		ORDER BY city, figure, kind DESC`, append(args, sql.Named("t", threshold))...)
	if err != nil {
		return nil, fmt.Errorf("figure quotes: %w", Classify(err))
	}
	defer rows.Close()
	var out []FigureQuote
	for rows.Next() {
		var q FigureQuote
		if err := rows.Scan(&q.City, &q.Figure, &q.Role, &q.Kind, &q.Score, &q.Quote, &q.Month, &q.Title, &q.URL, &q.Counter, &q.Hostile, &q.Statements); err != nil {
			return nil, fmt.Errorf("figure quotes: %w", Classify(err))
		}
		out = append(out, q)
	}
	return out, Classify(rows.Err())
}

// CrawlRunSummary is one crawl run, for the report's coverage section.
type CrawlRunSummary struct {
	StartedAt, FinishedAt, Status string
	Fetched, New, Errors          int
	ErrorsByKind                  string // JSON object kind -> count, as stored
}

// RecentCrawlRuns returns the limit most recent crawl runs, newest first.
func (db *DB) RecentCrawlRuns(ctx context.Context, limit int) ([]CrawlRunSummary, error) {
	rows, err := db.R.QueryContext(ctx, `
		SELECT started_at, finished_at, status, fetched, new_docs, errors, errors_by_kind
		FROM crawl_runs ORDER BY started_at DESC, id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("recent crawl runs: %w", Classify(err))
	}
	defer rows.Close()
	var out []CrawlRunSummary
	for rows.Next() {
		var r CrawlRunSummary
		if err := rows.Scan(&r.StartedAt, &r.FinishedAt, &r.Status, &r.Fetched, &r.New, &r.Errors, &r.ErrorsByKind); err != nil {
			return nil, fmt.Errorf("recent crawl runs: %w", Classify(err))
		}
		out = append(out, r)
	}
	return out, Classify(rows.Err())
}
