package store

// Public figures: the registry from the config, discovered persons, their
// mentions and attributed statements (migration 0004_figures.sql).

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/xenoscope/xenoscope/model"
)

// SyncRegistry writes the registry of public figures (the config's
// [[city.figure]] tables, as plain values from (*config.Config).Specs): every
// registered figure (registered = 1, role, party) and its aliases. A figure
// that left the registry keeps its row and statements but is marked
// registered = 0 (it becomes a discovered figure again).
func (db *DB) SyncRegistry(ctx context.Context, cities []model.CitySpec) error {
	err := db.Tx(ctx, func(tx *sql.Tx) error {
		for _, c := range cities {
			cityID, err := upsertCity(ctx, tx, c)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE figures SET registered = 0 WHERE city_id = ?`, cityID); err != nil {
				return fmt.Errorf("city %q: %w", c.Name, err)
			}
			if err := syncFigureSettings(ctx, tx, cityID, c); err != nil {
				return fmt.Errorf("city %q: %w", c.Name, err)
			}
			for _, f := range c.Figures {
				name := strings.TrimSpace(f.Name)
				if name == "" {
					return fmt.Errorf("city %q: figure with an empty name", c.Name)
				}
				var id int64
				if err := tx.QueryRowContext(ctx, `INSERT INTO figures(city_id, name, role, party, registered)
					VALUES (?, ?, ?, ?, 1)
					ON CONFLICT(city_id, name) DO UPDATE SET role = excluded.role, party = excluded.party, registered = 1
					RETURNING id`, cityID, name, f.Role, f.Party).Scan(&id); err != nil {
					return fmt.Errorf("figure %q of %q: %w", name, c.Name, err)
				}
				if _, err := tx.ExecContext(ctx, `DELETE FROM figure_aliases WHERE figure_id = ?`, id); err != nil {
					return fmt.Errorf("aliases of %q: %w", name, err)
				}
				for _, a := range f.Aliases {
					if a = strings.TrimSpace(a); a == "" {
						continue
					}
					if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO figure_aliases(figure_id, alias) VALUES (?, ?)`, id, a); err != nil {
						return fmt.Errorf("alias %q of %q: %w", a, name, err)
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("sync registry: %w", Classify(err))
	}
	return nil
}

// SaveDocFigures (re)writes one document's mentions and attributed
// statements inside tx: the document's previous rows are deleted first, so
// calling it again with the same input changes nothing. Persons not yet in
// the figures table are created as discovered figures (registered = 0) of
// the document's city; a name that is a registered alias is stored under
// its figure, and a surname alone under the city's only figure with that
// surname (the registered one when several share it). Quotes without a speaker are not stored (they have no figure).
// The month is doc.Month(). doc.ID must be a stored document.
func SaveDocFigures(ctx context.Context, tx *sql.Tx, doc model.Document, mentions []model.Mention, quotes []model.Quote, modelVersion string) error {
	return SaveDocAttribution(ctx, tx, doc, mentions, quotes, modelVersion, true)
}

// syncFigureSettings writes a city's [[city.exclude]] names and figure
// settings (figure_exclusions, figure_settings), replacing the old ones.
func syncFigureSettings(ctx context.Context, tx *sql.Tx, cityID int64, c model.CitySpec) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM figure_exclusions WHERE city_id = ?`, cityID); err != nil {
		return err
	}
	for _, x := range c.Exclude {
		if x = strings.TrimSpace(x); x == "" {
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO figure_exclusions(city_id, name) VALUES (?, ?)`, cityID, x); err != nil {
			return fmt.Errorf("exclude %q: %w", x, err)
		}
	}
	minLocal := c.FigureMinLocal
	if minLocal < 1 {
		minLocal = model.DefaultFigureMinLocal
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO figure_settings(city_id, min_local, registered_only) VALUES (?, ?, ?)
		ON CONFLICT(city_id) DO UPDATE SET min_local = excluded.min_local, registered_only = excluded.registered_only`,
		cityID, minLocal, c.RegisteredFiguresOnly)
	return err
}

// SaveDocAttribution is SaveDocFigures with the attribution version and
// whether the document is local context (not a wire story from elsewhere),
// both recorded in doc_figures. A person named by one word only ("Trump",
// "Fenwick", "Washington") is stored under the city's figure with that
// surname when there is one, and otherwise not at all: a discovered figure
// needs a full name.
func SaveDocAttribution(ctx context.Context, tx *sql.Tx, doc model.Document, mentions []model.Mention, quotes []model.Quote, version string, local bool) error {
	modelVersion := version
	var cityID int64
	if err := tx.QueryRowContext(ctx, `SELECT s.city_id FROM documents d JOIN sources s ON s.id = d.source_id WHERE d.id = ?`,
		doc.ID).Scan(&cityID); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("save figures of document %d: %w", doc.ID, ErrNotFound)
		}
		return fmt.Errorf("save figures of document %d: %w", doc.ID, Classify(err))
	}
	month, _ := doc.Month()
	for _, q := range []string{`DELETE FROM mentions WHERE document_id = ?`, `DELETE FROM statements WHERE document_id = ?`} {
		if _, err := tx.ExecContext(ctx, q, doc.ID); err != nil {
			return fmt.Errorf("save figures of document %d: %w", doc.ID, Classify(err))
		}
	}
	ids := map[string]int64{}
	figure := func(name string) (int64, error) {
		if id, ok := ids[name]; ok {
			return id, nil
		}
		var id int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM figures WHERE city_id = ? AND name = ?
			UNION ALL SELECT f.id FROM figure_aliases a JOIN figures f ON f.id = a.figure_id WHERE f.city_id = ? AND a.alias = ?
			LIMIT 1`, cityID, name, cityID, name).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) && !strings.ContainsAny(name, " \t") {
			// a surname alone ("Trump") is the city's only figure with that
			// surname, or its only registered one
			id, err = surnameFigure(ctx, tx, cityID, name)
		}
		if errors.Is(err, sql.ErrNoRows) && !strings.ContainsAny(name, " \t") {
			ids[name] = 0
			return 0, nil // one word is not a discovered figure
		}
		if errors.Is(err, sql.ErrNoRows) {
			err = tx.QueryRowContext(ctx, `INSERT INTO figures(city_id, name, registered) VALUES (?, ?, 0) RETURNING id`,
				cityID, name).Scan(&id)
		}
		if err != nil {
			return 0, fmt.Errorf("figure %q: %w", name, Classify(err))
		}
		ids[name] = id
		return id, nil
	}
	for _, m := range mentions {
		name := strings.TrimSpace(m.Name)
		if name == "" {
			continue
		}
		id, err := figure(name)
		if err != nil {
			return fmt.Errorf("save figures of document %d: %w", doc.ID, err)
		}
		if id == 0 {
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO mentions(document_id, figure_id, city_id, month, start, end, text, model)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, doc.ID, id, cityID, month, m.Start, m.End, m.Text, modelVersion); err != nil {
			return fmt.Errorf("save mention %q of document %d: %w", m.Text, doc.ID, Classify(err))
		}
	}
	for _, q := range quotes {
		name := strings.TrimSpace(q.Speaker)
		if name == "" {
			continue
		}
		id, err := figure(name)
		if err != nil {
			return fmt.Errorf("save figures of document %d: %w", doc.ID, err)
		}
		if id == 0 {
			continue
		}
		kind := q.Kind
		if kind == "" {
			kind = "direct"
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO statements(document_id, figure_id, city_id, month, speaker, start, end,
			text, kind, counter_speech, anti_migrant, migration, model) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			doc.ID, id, cityID, month, name, q.Start, q.End, q.Text, kind, q.CounterSpeech, q.AntiMigrant, q.Migration, modelVersion); err != nil {
			return fmt.Errorf("save statement of %q in document %d: %w", name, doc.ID, Classify(err))
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO doc_figures(document_id, version, local) VALUES (?, ?, ?)
		ON CONFLICT(document_id) DO UPDATE SET version = excluded.version, local = excluded.local`, doc.ID, version, local); err != nil {
		return fmt.Errorf("save figures of document %d: %w", doc.ID, Classify(err))
	}
	return nil
}

// PendingAttribution returns up to limit ids (ascending, after after) of
// documents scored by scoringModel whose mentions and statements were not
// written by attribution version: their scores are current, only the
// attribution is redone.
func (db *DB) PendingAttribution(ctx context.Context, scoringModel, version string, after int64, limit int) ([]int64, error) {
	rows, err := db.R.QueryContext(ctx, `SELECT s.document_id FROM doc_scores s
		LEFT JOIN doc_figures f ON f.document_id = s.document_id
		WHERE s.model = ? AND s.document_id > ? AND (f.version IS NULL OR f.version <> ?)
		ORDER BY s.document_id LIMIT ?`, scoringModel, after, version, limit)
	if err != nil {
		return nil, fmt.Errorf("pending attribution: %w", Classify(err))
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("pending attribution: %w", Classify(err))
		}
		ids = append(ids, id)
	}
	return ids, Classify(rows.Err())
}

// SentenceMigration returns a scored document's sentences (byte spans and
// migration probability) as stored with its scores, for re-attribution
// without rescoring.
func (db *DB) SentenceMigration(ctx context.Context, docID int64) ([]model.SentenceScore, error) {
	rows, err := db.R.QueryContext(ctx, `SELECT idx, start, end, migration FROM sentence_scores WHERE document_id = ? ORDER BY idx`, docID)
	if err != nil {
		return nil, fmt.Errorf("sentence scores of document %d: %w", docID, Classify(err))
	}
	defer rows.Close()
	var out []model.SentenceScore
	for rows.Next() {
		var s model.SentenceScore
		if err := rows.Scan(&s.Index, &s.Start, &s.End, &s.Migration); err != nil {
			return nil, fmt.Errorf("sentence scores of document %d: %w", docID, Classify(err))
		}
		out = append(out, s)
	}
	return out, Classify(rows.Err())
}

// RegistrySpecs returns the cities and registered figures stored by the
// last SyncRegistry, so that `analyze` without -config attributes with the
// same registry as `run -config` (and so the same attribution version).
func (db *DB) RegistrySpecs(ctx context.Context) ([]model.CitySpec, error) {
	rows, err := db.R.QueryContext(ctx, `SELECT c.name, coalesce(f.id, 0), coalesce(f.name, ''), coalesce(f.role, ''), coalesce(f.party, '')
		FROM cities c LEFT JOIN figures f ON f.city_id = c.id AND f.registered = 1 ORDER BY c.name, f.name`)
	if err != nil {
		return nil, fmt.Errorf("registry: %w", Classify(err))
	}
	var out []model.CitySpec
	figIDs := map[int64]*model.FigureSpec{}
	type ref struct{ city, fig int }
	var refs []struct {
		id int64
		r  ref
	}
	for rows.Next() {
		var city, name, role, party string
		var id int64
		if err := rows.Scan(&city, &id, &name, &role, &party); err != nil {
			rows.Close()
			return nil, fmt.Errorf("registry: %w", Classify(err))
		}
		if len(out) == 0 || out[len(out)-1].Name != city {
			out = append(out, model.CitySpec{Name: city})
		}
		if id != 0 {
			c := &out[len(out)-1]
			c.Figures = append(c.Figures, model.FigureSpec{Name: name, Role: role, Party: party})
			refs = append(refs, struct {
				id int64
				r  ref
			}{id, ref{len(out) - 1, len(c.Figures) - 1}})
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("registry: %w", Classify(err))
	}
	for _, x := range refs {
		figIDs[x.id] = &out[x.r.city].Figures[x.r.fig]
	}
	arows, err := db.R.QueryContext(ctx, `SELECT figure_id, alias FROM figure_aliases ORDER BY figure_id, alias`)
	if err != nil {
		return nil, fmt.Errorf("registry aliases: %w", Classify(err))
	}
	defer arows.Close()
	for arows.Next() {
		var id int64
		var alias string
		if err := arows.Scan(&id, &alias); err != nil {
			return nil, fmt.Errorf("registry aliases: %w", Classify(err))
		}
		if f := figIDs[id]; f != nil {
			f.Aliases = append(f.Aliases, alias)
		}
	}
	return out, Classify(arows.Err())
}

// FigureFilter selects figures for FigureSummaries. Zero fields match all.
type FigureFilter struct {
	Cities []string // empty: every city
	Month  string   // "2006-01": count only mentions and statements of that month
	// Candidates lists only discovered (unregistered) figures.
	Candidates bool
	// MinMentions and MinStatements drop figures below both thresholds
	// (a figure is kept when it reaches either). Zero keeps every figure
	// with at least one mention or statement.
	MinMentions, MinStatements int
	// Scope selects by figure_scope: "" or "counted" (registered and local
	// figures), "registered", "also" (quoted but not counted: figures from
	// elsewhere), "all" (every figure, excluded ones too).
	Scope string
}

// FigureSummary is one figure with its counts in the filter's range.
type FigureSummary struct {
	City       string  `json:"city"`
	Name       string  `json:"name"`
	Role       string  `json:"role"`
	Party      string  `json:"party"`
	Registered bool    `json:"registered"`
	Scope      string  `json:"scope"`   // registered | local | elsewhere | excluded (view figure_scope)
	Aliases    string  `json:"aliases"` // comma separated
	Mentions   int     `json:"mentions"`
	Documents  int     `json:"documents"` // documents with a mention or statement
	Statements int     `json:"statements"`
	Counter    int     `json:"counter_speech"` // statements with counter_speech >= 0.5
	Anti       int     `json:"anti_migrant"`   // statements with anti_migrant >= 0.5
	Neither    int     `json:"neither"`
	TopQuote   string  `json:"top_quote"` // strongest statement (highest of both scores)
	TopScore   float64 `json:"top_score"`
	TopStance  string  `json:"top_stance"` // counter_speech | anti_migrant | neither
	TopURL     string  `json:"top_url"`
}

// StanceThreshold is the score at which a statement counts as counter
// speech or anti-migrant: the one decision threshold, model.Threshold.
const StanceThreshold = model.Threshold

// FigureSummaries lists figures with mention and statement counts, ordered
// by city, then statements, mentions (descending) and name.
func (db *DB) FigureSummaries(ctx context.Context, f FigureFilter) ([]FigureSummary, error) {
	var conds []string
	var args []any
	monthCond := "1"
	if f.Month != "" {
		monthCond = "month = ?"
	}
	mArgs := func() {
		if f.Month != "" {
			args = append(args, f.Month)
		}
	}
	// argument order follows the placeholders below
	mArgs() // mention counts
	args = append(args, StanceThreshold, StanceThreshold, StanceThreshold, StanceThreshold)
	mArgs() // statement counts
	mArgs() // top quote
	if len(f.Cities) > 0 {
		conds = append(conds, "c.name IN (?"+strings.Repeat(", ?", len(f.Cities)-1)+")")
		for _, c := range f.Cities {
			args = append(args, c)
		}
	}
	if f.Candidates {
		conds = append(conds, "fi.registered = 0")
	}
	switch f.Scope {
	case "", "counted":
		conds = append(conds, "fi.id IN (SELECT figure_id FROM figure_scope WHERE scope IN ('registered', 'local'))")
	case "registered":
		conds = append(conds, "fi.registered = 1 AND fi.id IN (SELECT figure_id FROM figure_scope WHERE scope = 'registered')")
	case "also":
		conds = append(conds, "fi.id IN (SELECT figure_id FROM figure_scope WHERE scope = 'elsewhere')")
	case "all":
	default:
		return nil, fmt.Errorf("figure summaries: unknown scope %q", f.Scope)
	}
	minM, minS := f.MinMentions, f.MinStatements
	if minM <= 0 && minS <= 0 {
		minM, minS = 1, 1
	} else if minM <= 0 {
		minM = 1 << 30
	} else if minS <= 0 {
		minS = 1 << 30
	}
	conds = append(conds, "(coalesce(m.n, 0) >= ? OR coalesce(s.n, 0) >= ?)")
	args = append(args, minM, minS)
	q := `
		SELECT c.name, fi.name, fi.role, fi.party, fi.registered,
		       coalesce((SELECT scope FROM figure_scope WHERE figure_id = fi.id), ''),
		       coalesce((SELECT group_concat(alias, ', ') FROM figure_aliases a WHERE a.figure_id = fi.id), ''),
		       coalesce(m.n, 0), coalesce(m.docs, 0), coalesce(s.n, 0), coalesce(s.nc, 0), coalesce(s.na, 0), coalesce(s.nn, 0),
		       coalesce(t.text, ''), coalesce(t.score, 0), coalesce(t.stance, ''), coalesce(t.url, '')
		FROM figures fi
		JOIN cities c ON c.id = fi.city_id
		LEFT JOIN (SELECT figure_id, count(*) AS n, count(DISTINCT document_id) AS docs FROM mentions WHERE ` + monthCond + ` GROUP BY figure_id) m ON m.figure_id = fi.id
		LEFT JOIN (SELECT figure_id, count(*) AS n, sum(counter_speech >= ?) AS nc, sum(anti_migrant >= ?) AS na,
		                  sum(counter_speech < ? AND anti_migrant < ?) AS nn
		           FROM statements WHERE ` + monthCond + ` GROUP BY figure_id) s ON s.figure_id = fi.id
		LEFT JOIN (SELECT figure_id, text, score, stance, url FROM (
		             SELECT st.figure_id, st.text, max(st.counter_speech, st.anti_migrant) AS score,
		                    CASE WHEN max(st.counter_speech, st.anti_migrant) < ` + fmt.Sprint(StanceThreshold) + ` THEN 'neither'
		                         WHEN st.counter_speech >= st.anti_migrant THEN 'counter_speech' ELSE 'anti_migrant' END AS stance,
		                    d.url AS url,
		                    row_number() OVER (PARTITION BY st.figure_id ORDER BY max(st.counter_speech, st.anti_migrant) DESC, st.id) AS rn
		             FROM statements st JOIN documents d ON d.id = st.document_id WHERE ` + strings.ReplaceAll(monthCond, "month", "st.month") + `)
		           WHERE rn = 1) t ON t.figure_id = fi.id
		WHERE ` + strings.Join(conds, " AND ") + `
		ORDER BY c.name, coalesce(s.n, 0) DESC, coalesce(m.n, 0) DESC, fi.name`
	rows, err := db.R.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("figure summaries: %w", Classify(err))
	}
	defer rows.Close()
	var out []FigureSummary
	for rows.Next() {
		var s FigureSummary
		if err := rows.Scan(&s.City, &s.Name, &s.Role, &s.Party, &s.Registered, &s.Scope, &s.Aliases, &s.Mentions, &s.Documents,
			&s.Statements, &s.Counter, &s.Anti, &s.Neither, &s.TopQuote, &s.TopScore, &s.TopStance, &s.TopURL); err != nil {
			return nil, fmt.Errorf("figure summaries: %w", Classify(err))
		}
		out = append(out, s)
	}
	return out, Classify(rows.Err())
}

func surnameFigure(ctx context.Context, tx *sql.Tx, cityID int64, surname string) (int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, registered FROM figures WHERE city_id = ? AND name LIKE '% ' || ?`, cityID, surname)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var all, reg []int64
	for rows.Next() {
		var id int64
		var r bool
		if err := rows.Scan(&id, &r); err != nil {
			return 0, err
		}
		all = append(all, id)
		if r {
			reg = append(reg, id)
		}
	}
	if err := rows.Err(); err != nil {
		return 0, err
	}
	switch {
	case len(reg) == 1:
		return reg[0], nil
	case len(reg) == 0 && len(all) == 1:
		return all[0], nil
	}
	return 0, sql.ErrNoRows
}

// countedFigures is the join that keeps only statements (alias st) of the
// city's counted figures: registered ones, and local ones unless
// registeredOnly (view figure_scope, migration 0005). Excluded names and
// figures from elsewhere (wire stories) are never counted.
func countedFigures(st string, registeredOnly bool) string {
	scopes := "'registered', 'local'"
	if registeredOnly {
		scopes = "'registered'"
	}
	return "\n\t\tJOIN figure_scope fsc ON fsc.figure_id = " + st + ".figure_id AND fsc.scope IN (" + scopes + ")"
}

// AlsoQuoted lists the figures of f's cities quoted in f's range who are
// not counted (figures from elsewhere, such as wire-story figures, and
// unregistered ones when f.RegisteredFiguresOnly), with their number of
// statements about migration, most quoted first.
func (db *DB) AlsoQuoted(ctx context.Context, f MonthFilter) ([]FigureMonth, error) {
	where, args := f.where(monthExpr, "c.name")
	counted := "'registered', 'local'"
	if f.RegisteredFiguresOnly {
		counted = "'registered'"
	}
	rows, err := db.R.QueryContext(ctx, `
		SELECT c.name, fi.name, count(*)
		FROM statements st
		JOIN documents d ON d.id = st.document_id
		JOIN sources so ON so.id = d.source_id
		JOIN cities c ON c.id = so.city_id
		JOIN figures fi ON fi.id = st.figure_id
		JOIN figure_scope fsc ON fsc.figure_id = st.figure_id AND fsc.scope NOT IN (`+counted+`, 'excluded')
		WHERE st.migration >= ? AND `+where+`
		GROUP BY fi.id ORDER BY c.name, count(*) DESC, fi.name`, append([]any{StanceThreshold}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("also quoted: %w", Classify(err))
	}
	defer rows.Close()
	var out []FigureMonth
	for rows.Next() {
		var m FigureMonth
		if err := rows.Scan(&m.City, &m.Figure, &m.Statements); err != nil {
			return nil, fmt.Errorf("also quoted: %w", Classify(err))
		}
		out = append(out, m)
	}
	return out, Classify(rows.Err())
}
