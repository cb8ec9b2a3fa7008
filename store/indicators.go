package store

// Read queries behind package indicators and package reports. They never
// write. Months are "2006-01" strings: a document's month is the month of
// documents.published, or of documents.fetched_at when published is ''
// (both are RFC 3339 UTC, so the month is the first seven bytes).

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
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

// where returns the filter as SQL over the month and city expressions,
// with named arguments (@from, @to, @cities), so that it combines with
// other named arguments in any order.
func (f MonthFilter) where(month, city string) (string, []any) {
	var conds []string
	var args []any
	if f.From != "" {
		conds = append(conds, month+" >= @from")
		args = append(args, sql.Named("from", f.From))
	}
	if f.To != "" {
		conds = append(conds, month+" <= @to")
		args = append(args, sql.Named("to", f.To))
	}
	if len(f.Cities) > 0 {
		conds = append(conds, city+" IN (SELECT value FROM json_each(@cities))")
		args = append(args, sql.Named("cities", jsonText(f.Cities)))
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

// DocRow is one document's row for the indicators stream.
type DocRow struct {
	City     string
	Month    string
	SourceID int64
	Fallback bool // month taken from fetched_at
	// Scored: a doc_scores row of the counted model with scores. Stale: a
	// row of another model. Excluded: a row of the counted model without
	// scores (NULL migration: the language gate leaves documents it cannot
	// score unscored). At most one of the three is true; none means no row.
	Scored, Stale, Excluded bool
	// Values holds the doc_scores columns asked for, in order; zero unless
	// Scored.
	Values []float64
	// Figures holds, per statement score asked for, the distinct figure ids
	// with at least one attributed statement in the document whose score
	// is >= the threshold.
	Figures [][]int64
}

// columnNames returns the column names of table.
func (db *DB) columnNames(ctx context.Context, table string) (map[string]bool, error) {
	rows, err := db.R.QueryContext(ctx, `SELECT name FROM pragma_table_info(?)`, table)
	if err != nil {
		return nil, Classify(err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, Classify(err)
		}
		out[n] = true
	}
	return out, Classify(rows.Err())
}

// checkColumns refuses a name that is not a column of table (names are
// put into SQL, so they must be known).
func (db *DB) checkColumns(ctx context.Context, table string, names []string) error {
	cols, err := db.columnNames(ctx, table)
	if err != nil {
		return err
	}
	for _, n := range names {
		if !cols[n] {
			return fmt.Errorf("%s has no column %q", table, n)
		}
	}
	return nil
}

// StreamDocRows calls fn for every document matching f, ordered by city
// name, month, then document id (a fixed order, so that seeded resampling
// is reproducible), with the doc_scores columns named in columns for the
// documents scored by scoreModel, and per statement score named in
// statementScores the figures with a statement at or above threshold.
// Columns are read by name, so a new doc_scores column (a numbered
// migration) is streamed without a change here. Rows are streamed: nothing
// is held beyond the current row; fn must not keep d or its slices.
//
// The attributed statements are read by a second query in the same order
// and merged by document, rather than joined: the join made every document
// row dearer. Per-row driver and sort costs dominate a scan of a million
// documents, so the main query returns plain columns and Go derives the
// rest.
func (db *DB) StreamDocRows(ctx context.Context, f MonthFilter, scoreModel string, columns, statementScores []string, threshold float64, fn func(d *DocRow) error) error {
	if err := db.checkColumns(ctx, "doc_scores", columns); err != nil {
		return fmt.Errorf("stream document rows: %w", err)
	}
	if err := db.checkColumns(ctx, "statements", statementScores); err != nil {
		return fmt.Errorf("stream document rows: %w", err)
	}
	where, args := f.where(monthExpr, "c.name")
	// NOT INDEXED: one sequential scan of documents. Through the
	// documents_source index SQLite fetches each row by random access,
	// measured about twice as dear per document, even for one city.
	from := `
		FROM documents d NOT INDEXED
		JOIN sources so ON so.id = d.source_id
		JOIN cities c ON c.id = so.city_id`
	type stmt struct {
		city, month string
		doc, fig    int64
		hit         []bool
		ok          bool
	}
	var next stmt
	advance := func() error { return nil }
	if len(statementScores) > 0 {
		var hits []string
		for _, s := range statementScores {
			hits = append(hits, "st."+s+" >= @t")
		}
		st, err := db.R.QueryContext(ctx, `
			SELECT c.name, `+monthExpr+` AS month, d.id, st.figure_id, `+strings.Join(hits, ", ")+from+`
			JOIN statements st ON st.document_id = d.id`+countedFigures("st", f.RegisteredFiguresOnly)+`
			WHERE (`+strings.Join(hits, " OR ")+`) AND `+where+`
			ORDER BY c.name, month, d.id, st.figure_id`, append([]any{sql.Named("t", threshold)}, args...)...)
		if err != nil {
			return fmt.Errorf("stream document rows: statements: %w", Classify(err))
		}
		defer st.Close()
		next.hit = make([]bool, len(statementScores))
		dest := []any{&next.city, &next.month, &next.doc, &next.fig}
		for i := range next.hit {
			dest = append(dest, &next.hit[i])
		}
		advance = func() error {
			next.ok = st.Next()
			if !next.ok {
				return st.Err()
			}
			return st.Scan(dest...)
		}
		if err := advance(); err != nil {
			return fmt.Errorf("stream document rows: statements: %w", Classify(err))
		}
	}

	cols := ""
	for _, c := range columns {
		cols += ", coalesce(s." + c + ", 0)"
	}
	rows, err := db.R.QueryContext(ctx, `
		SELECT c.name, `+monthExpr+` AS month, d.id, d.source_id, d.published = '', coalesce(s.model = @m, -1),
		       s.migration IS NULL`+cols+from+`
		LEFT JOIN doc_scores s ON s.document_id = d.id
		WHERE `+where+`
		ORDER BY c.name, month, d.id`, append([]any{sql.Named("m", scoreModel)}, args...)...)
	if err != nil {
		return fmt.Errorf("stream document rows: %w", Classify(err))
	}
	defer rows.Close()
	d := DocRow{Values: make([]float64, len(columns)), Figures: make([][]int64, len(statementScores))}
	var city, month sql.RawBytes
	var docID, mdl int64
	var fallback, noScores bool
	dest := []any{&city, &month, &docID, &d.SourceID, &fallback, &mdl, &noScores}
	for i := range d.Values {
		dest = append(dest, &d.Values[i])
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return fmt.Errorf("stream document rows: %w", Classify(err))
		}
		if string(city) != d.City {
			d.City = string(city)
		}
		if string(month) != d.Month {
			d.Month = string(month)
		}
		d.Fallback = fallback
		d.Scored, d.Stale, d.Excluded = mdl == 1 && !noScores, mdl == 0, mdl == 1 && noScores
		if !d.Scored {
			clear(d.Values)
		}
		// Statements of this document; skip any of documents before it
		// (none, as both queries filter and order alike).
		for i := range d.Figures {
			d.Figures[i] = d.Figures[i][:0]
		}
		for next.ok && stmtBefore(next.city, next.month, next.doc, d.City, d.Month, docID) {
			if err := advance(); err != nil {
				return fmt.Errorf("stream document rows: statements: %w", Classify(err))
			}
		}
		for next.ok && next.doc == docID && next.city == d.City && next.month == d.Month {
			for i, h := range next.hit {
				if h && !slices.Contains(d.Figures[i], next.fig) {
					d.Figures[i] = append(d.Figures[i], next.fig)
				}
			}
			if err := advance(); err != nil {
				return fmt.Errorf("stream document rows: statements: %w", Classify(err))
			}
		}
		if err := fn(&d); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("stream document rows: %w", Classify(err))
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

// MonthBounds returns the first and the latest month with documents (by
// the month rule: published, else fetched_at) and the month of the latest
// fetch, "" when there are no documents. The published bounds come from
// its index; the fetch times of undated documents and the latest fetch
// scan documents once.
func (db *DB) MonthBounds(ctx context.Context) (first, last, fetchMonth string, err error) {
	var minPub, maxPub, minUndated, maxUndated, fetched sql.NullString
	if err := db.R.QueryRowContext(ctx, `SELECT (SELECT min(published) FROM documents WHERE published <> ''),
		(SELECT max(published) FROM documents), (SELECT min(fetched_at) FROM documents WHERE published = ''),
		(SELECT max(fetched_at) FROM documents WHERE published = ''), (SELECT max(fetched_at) FROM documents)`).Scan(
		&minPub, &maxPub, &minUndated, &maxUndated, &fetched); err != nil {
		return "", "", "", fmt.Errorf("month bounds: %w", Classify(err))
	}
	month := func(s sql.NullString) string {
		if len(s.String) < 7 {
			return ""
		}
		return s.String[:7]
	}
	first = month(minPub)
	if u := month(minUndated); u != "" && (first == "" || u < first) {
		first = u
	}
	return first, max(month(maxPub), month(maxUndated)), month(fetched), nil
}

// LatestFetched returns max(documents.fetched_at), "" when there are none.
func (db *DB) LatestFetched(ctx context.Context) (string, error) {
	var s sql.NullString
	if err := db.R.QueryRowContext(ctx, `SELECT max(fetched_at) FROM documents`).Scan(&s); err != nil {
		return "", fmt.Errorf("latest fetch: %w", Classify(err))
	}
	return s.String, nil
}
