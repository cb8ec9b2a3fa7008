package store

// Read queries behind package indicators and package reports. They never
// write. Months are "2006-01" strings: a document's month is the month of
// documents.published, or of documents.fetched_at when published is ''
// (both are RFC 3339 UTC, so the month is the first seven bytes).

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/xenoscope/xenoscope/model"
)

// monthExpr is the SQL expression of a document's month (alias d).
const monthExpr = `CASE WHEN d.published <> '' THEN substr(d.published, 1, 7) ELSE substr(d.fetched_at, 1, 7) END`

// MonthFilter restricts indicator queries. Empty From/To mean unbounded;
// empty Cities means every city.
type MonthFilter struct {
	From, To string // "2006-01", inclusive
	Cities   []string
	// RegisteredFiguresOnly counts only registered figures (figures
	// -registered-only); otherwise registered and local ones (figure_scope).
	RegisteredFiguresOnly bool
}

func (f MonthFilter) where(month, city string) (string, []any) {
	var conds []string
	var args []any
	if f.From != "" {
		conds = append(conds, month+" >= ?")
		args = append(args, f.From)
	}
	if f.To != "" {
		conds = append(conds, month+" <= ?")
		args = append(args, f.To)
	}
	if len(f.Cities) > 0 {
		conds = append(conds, city+" IN ("+strings.TrimSuffix(strings.Repeat("?,", len(f.Cities)), ",")+")")
		for _, c := range f.Cities {
			args = append(args, c)
		}
	}
	if len(conds) == 0 {
		return "1", nil
	}
	return strings.Join(conds, " AND "), args
}

// ScoreModel returns the model whose doc_scores rows indicators count: the
// model of the most recently scored row (max scored_at; ties go to the model
// with more rows). A rescoring run in progress thus switches indicators to the
// new model at once, and the rows still on the old model are reported as
// stale rather than mixed in. It returns "" when doc_scores is empty.
func (db *DB) ScoreModel(ctx context.Context) (string, error) {
	var m sql.NullString
	err := db.R.QueryRowContext(ctx, `
		SELECT model FROM doc_scores
		GROUP BY model
		ORDER BY max(scored_at) DESC, count(*) DESC, model DESC
		LIMIT 1`).Scan(&m)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("latest score model: %w", Classify(err))
	}
	return m.String, nil
}

// ScoreModelCounts returns how many doc_scores rows each model has.
func (db *DB) ScoreModelCounts(ctx context.Context) (map[string]int, error) {
	rows, err := db.R.QueryContext(ctx, `SELECT model, count(*) FROM doc_scores GROUP BY model`)
	if err != nil {
		return nil, fmt.Errorf("score models: %w", Classify(err))
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var m string
		var n int
		if err := rows.Scan(&m, &n); err != nil {
			return nil, fmt.Errorf("score models: %w", Classify(err))
		}
		out[m] = n
	}
	return out, Classify(rows.Err())
}

// DocStat is one document's row for the indicators stream. The score fields
// are meaningful only when Scored is true (a doc_scores row of the counted
// model exists). The booleans Migration, AntiMigrant, CounterSpeech and
// HateCrime are the scores compared with the threshold given to
// StreamDocStats (AntiMigrant and CounterSpeech only for migration
// documents); Anti and Stance are the raw scores, set only for migration
// documents. FigCounter and FigHostile are the distinct figure ids with at
// least one attributed statement in the document whose counter_speech (resp.
// anti_migrant) is >= the threshold.
type DocStat struct {
	City          string
	Month         string
	SourceID      int64
	Fallback      bool // month taken from fetched_at
	Scored        bool
	Stale         bool // scored, but by another model than the counted one
	Migration     bool
	AntiMigrant   bool
	CounterSpeech bool
	HateCrime     bool
	Anti          float64
	Stance        float64
	Words         int64
	PopMatch      int64
	Sentences     int64
	PopSentN      int64
	MigSentN      int64
	MigToneSum    float64
	FigCounter    []int64
	FigHostile    []int64
}

// StreamDocStats calls fn for every document matching f, ordered by city
// name, month, then document id (a fixed order, so that seeded resampling
// is reproducible), with the scores of scoreModel (documents scored by
// another model come with Stale set and no scores); threshold turns scores
// into the booleans of DocStat. Rows are streamed: nothing is held beyond
// the current row. fn must not keep d or its slices.
//
// The attributed statements are read by a second query in the same order
// and merged by document, rather than joined: the join made every document
// row dearer. Per-row driver and sort costs dominate a scan of a million
// documents, so the main query returns plain columns (no computed
// expressions, which SQLite re-evaluates per reference) and Go derives the
// rest.
func (db *DB) StreamDocStats(ctx context.Context, f MonthFilter, scoreModel string, threshold float64, fn func(d *DocStat) error) error {
	where, args := f.where(monthExpr, "c.name")
	// NOT INDEXED: a scan of documents in rowid order. Through the
	// documents_source index, SQLite would fetch each row by random access,
	// three times dearer per document.
	// NOT INDEXED: one sequential scan of documents. Through the
	// documents_source index SQLite fetches each row by random access,
	// measured about twice as dear per document, even for one city.
	from := `
		FROM documents d NOT INDEXED
		JOIN sources so ON so.id = d.source_id
		JOIN cities c ON c.id = so.city_id`
	st, err := db.R.QueryContext(ctx, `
		SELECT c.name, `+monthExpr+` AS month, d.id, st.figure_id, st.counter_speech >= @t, st.anti_migrant >= @t`+from+`
		JOIN statements st ON st.document_id = d.id`+countedFigures("st", f.RegisteredFiguresOnly)+`
		WHERE (st.counter_speech >= @t OR st.anti_migrant >= @t) AND `+where+`
		ORDER BY c.name, month, d.id, st.figure_id`, append([]any{sql.Named("t", threshold)}, args...)...)
	if err != nil {
		return fmt.Errorf("stream document stats: statements: %w", Classify(err))
	}
	defer st.Close()
	type stmt struct {
		city, month   string
		doc, fig      int64
		counter, host bool
		ok            bool
	}
	var next stmt
	advance := func() error {
		next.ok = st.Next()
		if !next.ok {
			return st.Err()
		}
		return st.Scan(&next.city, &next.month, &next.doc, &next.fig, &next.counter, &next.host)
	}
	if err := advance(); err != nil {
		return fmt.Errorf("stream document stats: statements: %w", Classify(err))
	}

	rows, err := db.R.QueryContext(ctx, `
		SELECT c.name, `+monthExpr+` AS month, d.id, d.source_id, d.published = '', coalesce(s.model = @m, -1),
		       coalesce(s.migration, 0), coalesce(s.anti_migrant, 0), coalesce(s.counter_speech, 0), coalesce(s.stance, 0),
		       coalesce(s.hate_crime_report, 0), coalesce(s.words, 0), coalesce(s.populism_matches, 0),
		       coalesce(s.sentences, 0), coalesce(s.populist_sentence_n, 0), coalesce(s.migration_sentences, 0),
		       coalesce(s.migration_tone_sum, 0)`+from+`
		LEFT JOIN doc_scores s ON s.document_id = d.id
		WHERE `+where+`
		ORDER BY c.name, month, d.id`, append([]any{sql.Named("m", scoreModel)}, args...)...)
	if err != nil {
		return fmt.Errorf("stream document stats: %w", Classify(err))
	}
	defer rows.Close()
	var d DocStat
	var city, month sql.RawBytes
	var docID, model int64
	var fallback bool
	var mig, anti, counter, stance, hate float64
	for rows.Next() {
		if err := rows.Scan(&city, &month, &docID, &d.SourceID, &fallback, &model, &mig, &anti, &counter, &stance, &hate,
			&d.Words, &d.PopMatch, &d.Sentences, &d.PopSentN, &d.MigSentN, &d.MigToneSum); err != nil {
			return fmt.Errorf("stream document stats: %w", Classify(err))
		}
		if string(city) != d.City {
			d.City = string(city)
		}
		if string(month) != d.Month {
			d.Month = string(month)
		}
		d.Fallback = fallback
		d.Scored, d.Stale = model == 1, model == 0
		if !d.Scored {
			mig, anti, counter, stance, hate = 0, 0, 0, 0, 0
			d.Words, d.PopMatch, d.Sentences, d.PopSentN, d.MigSentN, d.MigToneSum = 0, 0, 0, 0, 0, 0
		}
		d.Migration = mig >= threshold
		d.AntiMigrant = d.Migration && anti >= threshold
		d.CounterSpeech = d.Migration && counter >= threshold
		d.HateCrime = hate >= threshold
		d.Anti, d.Stance = 0, 0
		if d.Migration {
			d.Anti, d.Stance = anti, stance
		}
		// Statements of this document; skip any of documents before it
		// (none, as both queries filter and order alike).
		d.FigCounter, d.FigHostile = d.FigCounter[:0], d.FigHostile[:0]
		for next.ok && stmtBefore(next.city, next.month, next.doc, d.City, d.Month, docID) {
			if err := advance(); err != nil {
				return fmt.Errorf("stream document stats: statements: %w", Classify(err))
			}
		}
		for next.ok && next.doc == docID && next.city == d.City && next.month == d.Month {
			if next.counter && !containsID(d.FigCounter, next.fig) {
				d.FigCounter = append(d.FigCounter, next.fig)
			}
			if next.host && !containsID(d.FigHostile, next.fig) {
				d.FigHostile = append(d.FigHostile, next.fig)
			}
			if err := advance(); err != nil {
				return fmt.Errorf("stream document stats: statements: %w", Classify(err))
			}
		}
		if err := fn(&d); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("stream document stats: %w", Classify(err))
	}
	return nil
}

// stmtBefore orders (city, month, doc) keys like the stream's ORDER BY.
func stmtBefore(c1, m1 string, d1 int64, c2, m2 string, d2 int64) bool {
	if c1 != c2 {
		return c1 < c2
	}
	if m1 != m2 {
		return m1 < m2
	}
	return d1 < d2
}

func containsID(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// CrawlCoverage is one city-month of crawl activity, by the month the crawl
// run started.
type CrawlCoverage struct {
	City           string
	Month          string
	SourcesCrawled int // distinct sources in crawl_run_sources
	Fetched        int
	Errors         int
}

// CrawlCoverage returns crawl activity per city and month (crawl_runs.started_at
// month), ordered by city then month.
func (db *DB) CrawlCoverage(ctx context.Context, f MonthFilter) ([]CrawlCoverage, error) {
	month := "substr(r.started_at, 1, 7)"
	where, args := f.where(month, "c.name")
	rows, err := db.R.QueryContext(ctx, `
		SELECT c.name, `+month+` AS month, count(DISTINCT rs.source_id), sum(rs.fetched), sum(rs.errors)
		FROM crawl_run_sources rs
		JOIN crawl_runs r ON r.id = rs.run_id
		JOIN sources so ON so.id = rs.source_id
		JOIN cities c ON c.id = so.city_id
		WHERE `+where+`
		GROUP BY c.name, month
		ORDER BY c.name, month`, args...)
	if err != nil {
		return nil, fmt.Errorf("crawl coverage: %w", Classify(err))
	}
	defer rows.Close()
	var out []CrawlCoverage
	for rows.Next() {
		var c CrawlCoverage
		if err := rows.Scan(&c.City, &c.Month, &c.SourcesCrawled, &c.Fetched, &c.Errors); err != nil {
			return nil, fmt.Errorf("crawl coverage: %w", Classify(err))
		}
		out = append(out, c)
	}
	return out, Classify(rows.Err())
}

// LatestFetched returns max(documents.fetched_at), "" when there are none.
func (db *DB) LatestFetched(ctx context.Context) (string, error) {
	var s sql.NullString
	if err := db.R.QueryRowContext(ctx, `SELECT max(fetched_at) FROM documents`).Scan(&s); err != nil {
		return "", fmt.Errorf("latest fetch: %w", Classify(err))
	}
	return s.String, nil
}

// ExampleSentence is one scored sentence with its document, for the report.
type ExampleSentence struct {
	City     string
	Month    string
	Title    string
	URL      string
	Source   string
	Text     string // documents.text[Start:End]
	Start    int    // byte offsets into the document text
	End      int
	Score    float64          // the value the sentence was ranked by
	Evidence []model.Evidence // evidence spans of the document overlapping [Start,End), offsets into the document text
}

// exampleColumns maps the score names ExampleSentences accepts to SQL.
var exampleColumns = map[string]struct{ score, where string }{
	"migration":         {"ss.migration", "1"},
	"anti_migrant":      {"ss.anti_migrant", "1"},
	"counter_speech":    {"ss.counter_speech", "1"},
	"populism":          {"ss.populism_matches", "ss.populism_matches > 0"},
	"tone":              {"abs(ss.tone)", "ss.migration >= 0.5"},
	"stance":            {"abs(ss.stance)", "ss.migration >= 0.5"},
	"hate_crime_report": {"ss.hate_crime_report", "1"},
}

// ExampleSentences returns the limit highest-ranked sentences by score (one
// of migration, anti_migrant, counter_speech, populism, tone, stance,
// hate_crime_report; tone and stance rank by absolute value among migration
// sentences) from documents scored by scoreModel, at most one per document.
// Only sentences scoring > 0 are returned.
func (db *DB) ExampleSentences(ctx context.Context, f MonthFilter, scoreModel, score string, limit int) ([]ExampleSentence, error) {
	if _, ok := exampleColumns[score]; !ok {
		return nil, fmt.Errorf("example sentences: unknown score %q", score)
	}
	// First the best candidates by score alone (one pass over
	// sentence_scores with a top-N sort, no joins), then the filters. When
	// the filters leave too few and there were more candidates, the full
	// query runs.
	cand := 50 * limit
	out, full, err := db.exampleSentences(ctx, f, scoreModel, score, limit, cand)
	if err != nil || len(out) >= limit || !full {
		return out, err
	}
	out, _, err = db.exampleSentences(ctx, f, scoreModel, score, limit, -1)
	return out, err
}

// exampleSentences runs the example query over the cand best sentences (-1:
// all) and reports whether the candidate limit was reached.
func (db *DB) exampleSentences(ctx context.Context, f MonthFilter, scoreModel, score string, limit, cand int) ([]ExampleSentence, bool, error) {
	col := exampleColumns[score]
	where, args := f.where(monthExpr, "c.name")
	q := `
		SELECT c.name, ` + monthExpr + ` AS month, d.title, d.url, so.name, d.text, ss.start, ss.end, sc, ds.evidence, ss.document_id
		FROM (
			SELECT ss.document_id, ss.start, ss.end, ss.idx, ` + col.score + ` AS sc
			FROM sentence_scores ss
			WHERE ` + col.where + ` AND ` + col.score + ` > 0
			ORDER BY sc DESC, ss.document_id, ss.idx
			LIMIT ?
		) ss
		JOIN doc_scores ds ON ds.document_id = ss.document_id AND ds.model = ?
		JOIN documents d ON d.id = ss.document_id
		JOIN sources so ON so.id = d.source_id
		JOIN cities c ON c.id = so.city_id
		WHERE ` + where + `
		ORDER BY sc DESC, d.id, ss.idx`
	all := append([]any{cand, scoreModel}, args...)
	rows, err := db.R.QueryContext(ctx, q, all...)
	if err != nil {
		return nil, false, fmt.Errorf("example sentences (%s): %w", score, Classify(err))
	}
	defer rows.Close()
	var out []ExampleSentence
	seen := map[int64]bool{}
	reached := false
	for rows.Next() {
		var e ExampleSentence
		var text, evJSON string
		var docID int64
		if err := rows.Scan(&e.City, &e.Month, &e.Title, &e.URL, &e.Source, &text, &e.Start, &e.End, &e.Score, &evJSON, &docID); err != nil {
			return nil, false, fmt.Errorf("example sentences (%s): %w", score, Classify(err))
		}
		if seen[docID] || len(out) >= limit {
			continue // one sentence per document
		}
		if e.Start < 0 || e.End > len(text) || e.Start > e.End ||
			(e.Start < len(text) && !utf8.RuneStart(text[e.Start])) || (e.End < len(text) && !utf8.RuneStart(text[e.End])) {
			continue // offsets do not fit the stored text: skip rather than show a wrong span
		}
		seen[docID] = true
		e.Text = text[e.Start:e.End]
		var ev []model.Evidence
		if err := json.Unmarshal([]byte(evJSON), &ev); err != nil {
			return nil, false, fmt.Errorf("example sentences: evidence of %s: %w", e.URL, err)
		}
		for _, x := range ev {
			if x.End > e.Start && x.Start < e.End && x.Start < x.End {
				e.Evidence = append(e.Evidence, x)
			}
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, false, fmt.Errorf("example sentences (%s): %w", score, Classify(err))
	}
	if cand >= 0 && len(out) < limit {
		var n int
		if err := db.R.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM sentence_scores ss WHERE `+col.where+` AND `+col.score+` > 0 LIMIT ?)`, cand+1).Scan(&n); err != nil {
			return nil, false, fmt.Errorf("example sentences (%s): %w", score, Classify(err))
		}
		reached = n > cand
	}
	return out, reached, nil
}

// FigureMonth counts one figure's attributed statements in one month.
type FigureMonth struct {
	City       string
	Month      string
	Figure     string
	Role       string
	Party      string
	Registered bool
	Counter    int // statements with counter_speech >= 0.5
	Hostile    int // statements with anti_migrant >= 0.5
	Statements int // all attributed statements
}

// FigureMonths returns per figure and month (the document's month) the
// number of attributed statements, ordered by city, month, figure.
func (db *DB) FigureMonths(ctx context.Context, f MonthFilter) ([]FigureMonth, error) {
	where, args := f.where(monthExpr, "c.name")
	rows, err := db.R.QueryContext(ctx, `
		SELECT c.name, `+monthExpr+` AS month, fi.name, fi.role, fi.party, fi.registered,
		       sum(st.counter_speech >= 0.5), sum(st.anti_migrant >= 0.5), count(*)
		FROM statements st
		JOIN documents d ON d.id = st.document_id
		JOIN sources so ON so.id = d.source_id
		JOIN cities c ON c.id = so.city_id
		JOIN figures fi ON fi.id = st.figure_id`+countedFigures("st", f.RegisteredFiguresOnly)+`
		WHERE `+where+`
		GROUP BY c.name, month, fi.id
		ORDER BY c.name, month, fi.name`, args...)
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
	Counter    int // statements with counter_speech >= 0.5 in the range
	Hostile    int // statements with anti_migrant >= 0.5 in the range
	Statements int
}

// FigureQuotes returns for every figure with at least one attributed
// statement in f its strongest statements: per kind (the higher of a
// statement's counter_speech and anti_migrant scores), the statement with
// the highest such score; so up to two rows per figure, ordered by city,
// figure name, then kind.
func (db *DB) FigureQuotes(ctx context.Context, f MonthFilter) ([]FigureQuote, error) {
	where, args := f.where(monthExpr, "c.name")
	rows, err := db.R.QueryContext(ctx, `
		SELECT city, figure, role, kind, score, text, month, title, url, nc, nh, n FROM (
			SELECT c.name AS city, fi.name AS figure, fi.role AS role,
			       CASE WHEN st.counter_speech >= st.anti_migrant THEN 'counter_speech' ELSE 'anti_migrant' END AS kind,
			       max(st.counter_speech, st.anti_migrant) AS score, st.text AS text,
			       `+monthExpr+` AS month, d.title AS title, d.url AS url,
			       sum(st.counter_speech >= 0.5) OVER w AS nc, sum(st.anti_migrant >= 0.5) OVER w AS nh,
			       count(*) OVER w AS n,
			       row_number() OVER (PARTITION BY fi.id, st.counter_speech >= st.anti_migrant ORDER BY max(st.counter_speech, st.anti_migrant) DESC, st.id) AS rn
			FROM statements st
			JOIN documents d ON d.id = st.document_id
			JOIN sources so ON so.id = d.source_id
			JOIN cities c ON c.id = so.city_id
			JOIN figures fi ON fi.id = st.figure_id`+countedFigures("st", f.RegisteredFiguresOnly)+`
			WHERE st.migration >= 0.5 AND `+where+`
			WINDOW w AS (PARTITION BY fi.id)
		) WHERE rn = 1
		ORDER BY city, figure, kind DESC`, args...)
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
