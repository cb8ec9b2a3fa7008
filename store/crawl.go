package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/xenoscope/xenoscope/model"
)

// Frontier entry kinds.
const (
	FrontierPage    = "page"
	FrontierFeed    = "feed"
	FrontierSitemap = "sitemap"
)

// Frontier states.
const (
	StatePending = "pending"
	StateDone    = "done"
	StateFailed  = "failed"
	StateRobots  = "robots"
	StateSkipped = "skipped"
)

// Page outcomes recorded in frontier.outcome.
const (
	OutcomeNew        = "new"
	OutcomeUpdated    = "updated"
	OutcomeUnchanged  = "unchanged"
	OutcomeDuplicate  = "duplicate"
	OutcomeNotArticle = "not_article"
	OutcomeDiscovery  = "discovery"
	OutcomeError      = "error"
)

// FrontierEntry is one URL of the crawl frontier.
type FrontierEntry struct {
	URL           string
	SourceID      int64
	Kind          string // page | feed | sitemap
	Depth         int
	Via           string // seed | feed | sitemap | link | canonical | redirect
	State         string
	Attempts      int
	ETag          string
	LastModified  string
	HintPublished time.Time
	HintUpdated   time.Time
	HintTitle     string
	FetchedAt     time.Time
}

// ErrCrawlRunning is returned by StartCrawlRun while another crawl of the
// same database is alive.
var ErrCrawlRunning = errors.New("another crawl is running on this database")

// RunOwner identifies the process of a crawl run.
type RunOwner struct {
	PID  int
	Host string
	// Alive reports whether run, left 'running' by process pid on host and
	// last heard of at heartbeat, is still going. nil: every such run is
	// dead.
	Alive func(run int64, pid int, host string, heartbeat time.Time) bool
}

// StartCrawlRun records a new crawl run (status running) and returns its
// id. Runs left running by a dead process (killed) are marked interrupted
// first: their counts are what was flushed before the kill. A run whose
// owner is still alive makes it fail with ErrCrawlRunning.
func (db *DB) StartCrawlRun(ctx context.Context, city string, now time.Time, owner RunOwner) (int64, error) {
	var id int64
	err := db.Tx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, pid, host, heartbeat_at, started_at FROM crawl_runs WHERE status = 'running'`)
		if err != nil {
			return err
		}
		var dead []int64
		for rows.Next() {
			var rid int64
			var pid int
			var host, hb, started string
			if err := rows.Scan(&rid, &pid, &host, &hb, &started); err != nil {
				rows.Close()
				return err
			}
			beat, _ := ParseTime(hb)
			if beat.IsZero() {
				beat, _ = ParseTime(started)
			}
			if owner.Alive != nil && owner.Alive(rid, pid, host, beat) {
				rows.Close()
				return fmt.Errorf("%w (run %d, pid %d on %s)", ErrCrawlRunning, rid, pid, host)
			}
			dead = append(dead, rid)
		}
		rows.Close()
		for _, rid := range dead {
			if _, err := tx.ExecContext(ctx, `UPDATE crawl_runs SET status = 'interrupted',
				finished_at = CASE WHEN finished_at = '' THEN ? ELSE finished_at END WHERE id = ?`,
				FormatTime(now), rid); err != nil {
				return err
			}
		}
		return tx.QueryRowContext(ctx, `INSERT INTO crawl_runs(started_at, city, pid, host, heartbeat_at)
			VALUES (?, ?, ?, ?, ?) RETURNING id`, FormatTime(now), city, owner.PID, owner.Host, FormatTime(now)).Scan(&id)
	})
	if err != nil {
		return 0, fmt.Errorf("start crawl run: %w", err)
	}
	return id, nil
}

// SourceRunCounts are one source's counts in one run.
type SourceRunCounts struct {
	Discovered    int
	Fetched       int
	New           int
	Unchanged     int
	Duplicates    int
	RobotsSkipped int
	Errors        int
	ErrorsByKind  map[string]int
}

// UpdateCrawlRun writes a run's counts so far. finishedAt non-zero and a
// status other than running closes the run.
func (db *DB) UpdateCrawlRun(ctx context.Context, runID int64, status string, finishedAt time.Time,
	st model.CrawlStats, perSource map[int64]SourceRunCounts) error {
	errs := 0
	for _, n := range st.Errors {
		errs += n
	}
	byKind, err := json.Marshal(nonNil(st.Errors))
	if err != nil {
		return err
	}
	err = db.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE crawl_runs SET status = ?, finished_at = ?, discovered = ?,
			fetched = ?, new_docs = ?, unchanged = ?, duplicates = ?, robots_skipped = ?, errors = ?,
			errors_by_kind = ?, updated = ?, heartbeat_at = ? WHERE id = ?`,
			status, FormatTime(finishedAt), st.Discovered, st.Fetched, st.New, st.Unchanged, st.Duplicates,
			st.RobotsSkipped, errs, string(byKind), st.Updated, FormatTime(time.Now()), runID); err != nil {
			return err
		}
		for sid, c := range perSource {
			kinds, err := json.Marshal(nonNil(c.ErrorsByKind))
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO crawl_run_sources(run_id, source_id, fetched, new_docs,
				errors, discovered, unchanged, duplicates, robots_skipped, errors_by_kind)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT(run_id, source_id) DO UPDATE SET fetched = excluded.fetched, new_docs = excluded.new_docs,
				errors = excluded.errors, discovered = excluded.discovered, unchanged = excluded.unchanged,
				duplicates = excluded.duplicates, robots_skipped = excluded.robots_skipped,
				errors_by_kind = excluded.errors_by_kind`,
				runID, sid, c.Fetched, c.New, c.Errors, c.Discovered, c.Unchanged, c.Duplicates, c.RobotsSkipped,
				string(kinds)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("update crawl run %d: %w", runID, err)
	}
	return nil
}

func nonNil(m map[string]int) map[string]int {
	if m == nil {
		return map[string]int{}
	}
	return m
}

// CrawlRun is one recorded crawl run.
type CrawlRun struct {
	ID         int64
	StartedAt  time.Time
	FinishedAt time.Time
	Status     string
	City       string
	Stats      model.CrawlStats
}

// CrawlRuns lists the recorded runs, oldest first.
func (db *DB) CrawlRuns(ctx context.Context) ([]CrawlRun, error) {
	rows, err := db.R.QueryContext(ctx, `SELECT id, started_at, finished_at, status, city, discovered, fetched,
		new_docs, unchanged, duplicates, robots_skipped, errors_by_kind, updated FROM crawl_runs ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("list crawl runs: %w", Classify(err))
	}
	defer rows.Close()
	var out []CrawlRun
	for rows.Next() {
		var r CrawlRun
		var started, finished, kinds string
		if err := rows.Scan(&r.ID, &started, &finished, &r.Status, &r.City, &r.Stats.Discovered, &r.Stats.Fetched,
			&r.Stats.New, &r.Stats.Unchanged, &r.Stats.Duplicates, &r.Stats.RobotsSkipped, &kinds,
			&r.Stats.Updated); err != nil {
			return nil, fmt.Errorf("list crawl runs: %w", Classify(err))
		}
		r.StartedAt, _ = ParseTime(started)
		r.FinishedAt, _ = ParseTime(finished)
		if err := json.Unmarshal([]byte(kinds), &r.Stats.Errors); err != nil {
			return nil, fmt.Errorf("crawl run %d: errors_by_kind: %w", r.ID, err)
		}
		r.Stats.RunID = r.ID
		out = append(out, r)
	}
	return out, rows.Err()
}

const upsertFrontier = `INSERT INTO frontier(url, source_id, kind, depth, via, hint_published, hint_updated,
	hint_title, discovered_at, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT(url) DO UPDATE SET
	  hint_published = CASE WHEN hint_published = '' THEN excluded.hint_published ELSE hint_published END,
	  hint_title = CASE WHEN hint_title = '' THEN excluded.hint_title ELSE hint_title END,
	  depth = MIN(depth, excluded.depth),
	  hint_updated = MAX(hint_updated, excluded.hint_updated),
	  state = CASE WHEN state = 'done' AND fetched_at != '' AND excluded.hint_updated > fetched_at
	    THEN 'pending' ELSE state END`

// addFrontier upserts entries in tx and returns how many were new. An
// existing URL keeps its state, except a done page that a feed or sitemap
// announces as updated after it was fetched: it is queued again.
func addFrontier(ctx context.Context, tx *sql.Tx, runID int64, now string, entries []FrontierEntry) (int, error) {
	if len(entries) == 0 {
		return 0, nil
	}
	st, err := tx.PrepareContext(ctx, upsertFrontier)
	if err != nil {
		return 0, err
	}
	defer st.Close()
	sel, err := tx.PrepareContext(ctx, `SELECT count(*) FROM frontier WHERE url = ?`)
	if err != nil {
		return 0, err
	}
	defer sel.Close()
	added := 0
	for _, e := range entries {
		kind := e.Kind
		if kind == "" {
			kind = FrontierPage
		}
		var known int
		if err := sel.QueryRowContext(ctx, e.URL).Scan(&known); err != nil {
			return added, fmt.Errorf("frontier add %s: %w", e.URL, err)
		}
		if _, err := st.ExecContext(ctx, e.URL, e.SourceID, kind, e.Depth, e.Via, FormatTime(e.HintPublished),
			FormatTime(e.HintUpdated), e.HintTitle, now, runID); err != nil {
			return added, fmt.Errorf("frontier add %s: %w", e.URL, err)
		}
		if known == 0 {
			added++
		}
	}
	return added, nil
}

// AddToFrontier adds discovered URLs (seeds, feeds, sitemaps) and returns
// how many were not known before.
func (db *DB) AddToFrontier(ctx context.Context, runID int64, now time.Time, entries []FrontierEntry) (int, error) {
	var added int
	err := db.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		added, err = addFrontier(ctx, tx, runID, FormatTime(now), entries)
		return err
	})
	return added, err
}

// ErrorInterrupted is the error kind of a URL given up because its fetch
// was cut short (the process died while fetching it) MaxAttempts times in a
// row: such a URL must not stop every later run.
const ErrorInterrupted = "interrupted"

// Requeued says what RequeueFrontier did.
type Requeued struct {
	Queued int // URLs set pending again
	// GivenUp are pending URLs whose fetch was cut short maxAttempts times
	// (a crash while fetching them): now failed with ErrorInterrupted.
	GivenUp []FrontierEntry // URL and SourceID set
}

// RequeueFrontier prepares a new run over sources: feeds, sitemaps, seeds
// and pages that gave no document (listing pages) are queued again, to be
// re-fetched with a conditional GET; failed URLs are retried while they
// have failed fewer than maxAttempts times in a row; URLs robots.txt
// disallowed are checked against the current robots.txt again (no request
// when it still disallows them). With revisitAll every done URL is queued
// again (article pages too). A pending URL whose fetches were cut short
// maxAttempts times (see MarkFetching) is given up first: failed with
// ErrorInterrupted.
func (db *DB) RequeueFrontier(ctx context.Context, sourceIDs []int64, revisitAll bool, maxAttempts int) (Requeued, error) {
	var out Requeued
	if len(sourceIDs) == 0 {
		return out, nil
	}
	ids, _ := json.Marshal(sourceIDs)
	cond := `(state = 'done' AND (kind != 'page' OR via = 'seed' OR outcome IN ('not_article', 'error', 'discovery')))
		OR (state = 'failed' AND fails < ?) OR state = 'robots'`
	if revisitAll {
		cond += ` OR state = 'done'`
	}
	err := db.Tx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `UPDATE frontier SET state = 'failed', last_error = ?, outcome = 'error'
			WHERE state = 'pending' AND fails >= ? AND source_id IN (SELECT value FROM json_each(?)) RETURNING url, source_id`,
			ErrorInterrupted, maxAttempts, string(ids))
		if err != nil {
			return err
		}
		for rows.Next() {
			var e FrontierEntry
			if err := rows.Scan(&e.URL, &e.SourceID); err != nil {
				rows.Close()
				return err
			}
			out.GivenUp = append(out.GivenUp, e)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE frontier SET state = 'pending'
			WHERE source_id IN (SELECT value FROM json_each(?)) AND (`+cond+`)`, string(ids), maxAttempts)
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		out.Queued = int(n)
		return err
	})
	if err != nil {
		return Requeued{}, fmt.Errorf("requeue frontier: %w", err)
	}
	return out, nil
}

// MarkFetching records that a fetch of url has begun to answer (its
// response headers arrived), before its body is read, decoded and
// extracted: attempts and fails + 1, committed at once. A success resets
// fails (SavePage); a fetch cut short by a crash (a decompression bomb under
// a memory limit) leaves it counted, so RequeueFrontier gives the URL up
// after maxAttempts such runs. SavePage must then be told (PageRecord.Counted)
// not to count the attempt again.
func (db *DB) MarkFetching(ctx context.Context, url string) error {
	err := db.Tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE frontier SET attempts = attempts + 1, fails = fails + 1 WHERE url = ?`, url)
		return err
	})
	if err != nil {
		return fmt.Errorf("record fetch of %s: %w", url, err)
	}
	return nil
}

// UnmarkFetching takes MarkFetching back for URLs whose fetch a graceful
// stop (Ctrl-C) cut short: they stay pending, as if never tried.
func (db *DB) UnmarkFetching(ctx context.Context, urls []string) error {
	if len(urls) == 0 {
		return nil
	}
	b, _ := json.Marshal(urls)
	err := db.Tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE frontier SET attempts = MAX(attempts - 1, 0), fails = MAX(fails - 1, 0)
			WHERE state = 'pending' AND url IN (SELECT value FROM json_each(?))`, string(b))
		return err
	})
	if err != nil {
		return fmt.Errorf("take back interrupted fetches: %w", err)
	}
	return nil
}

// pendingQuery selects one source's next pending URLs in crawl order:
// feeds and sitemaps first, then by depth, then in discovery order. The
// partial index frontier_pending (source_id, kind = 'page', depth) WHERE
// state = 'pending' serves it without sorting (rowid is the index's last
// column), so it costs the same at 300 or 300,000 pending URLs.
const pendingQuery = `SELECT rowid, url, source_id, kind, depth, via, state, attempts, etag,
	last_modified, hint_published, hint_updated, hint_title, fetched_at FROM frontier
	WHERE state = 'pending' AND source_id = ?
	ORDER BY kind = 'page', depth, rowid LIMIT ?`

// PendingFrontier returns up to limit pending URLs of sources: feeds and
// sitemaps first, then by depth and discovery order. Each source's head is
// read through the frontier_pending index and the heads are merged, which
// gives the same order as one sorted query over the whole queue.
func (db *DB) PendingFrontier(ctx context.Context, sourceIDs []int64, limit int) ([]FrontierEntry, error) {
	type row struct {
		e     FrontierEntry
		rowid int64
	}
	var all []row
	for _, sid := range sourceIDs {
		rows, err := db.R.QueryContext(ctx, pendingQuery, sid, limit)
		if err != nil {
			return nil, fmt.Errorf("pending frontier: %w", Classify(err))
		}
		for rows.Next() {
			var r row
			e := &r.e
			var hp, hu, fa string
			if err := rows.Scan(&r.rowid, &e.URL, &e.SourceID, &e.Kind, &e.Depth, &e.Via, &e.State, &e.Attempts, &e.ETag,
				&e.LastModified, &hp, &hu, &e.HintTitle, &fa); err != nil {
				rows.Close()
				return nil, fmt.Errorf("pending frontier: %w", Classify(err))
			}
			e.HintPublished, _ = ParseTime(hp)
			e.HintUpdated, _ = ParseTime(hu)
			e.FetchedAt, _ = ParseTime(fa)
			all = append(all, r)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("pending frontier: %w", Classify(err))
		}
	}
	page := func(k string) int {
		if k == FrontierPage {
			return 1
		}
		return 0
	}
	sort.Slice(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if pa, pb := page(a.e.Kind), page(b.e.Kind); pa != pb {
			return pa < pb
		}
		if a.e.Depth != b.e.Depth {
			return a.e.Depth < b.e.Depth
		}
		return a.rowid < b.rowid
	})
	if len(all) > limit {
		all = all[:limit]
	}
	out := make([]FrontierEntry, len(all))
	for i := range all {
		out[i] = all[i].e
	}
	return out, nil
}

// FrontierCounts returns the number of frontier rows per state.
func (db *DB) FrontierCounts(ctx context.Context) (map[string]int, error) {
	rows, err := db.R.QueryContext(ctx, `SELECT state, count(*) FROM frontier GROUP BY state`)
	if err != nil {
		return nil, Classify(err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var s string
		var n int
		if err := rows.Scan(&s, &n); err != nil {
			return nil, err
		}
		out[s] = n
	}
	return out, rows.Err()
}

// DocumentRecord is an extracted article to store.
type DocumentRecord struct {
	URL string // canonical URL the document is stored under
	// FetchedURL is the URL the page was fetched from (after redirects)
	// when URL is only what the page claims (rel=canonical); "" when equal.
	// A claimed URL never overwrites another article stored there: the
	// page is then a duplicate of it (same article) or stored under
	// FetchedURL.
	FetchedURL  string
	SourceID    int64
	Title       string
	Text        string
	Published   time.Time
	Authors     []string
	Language    string
	Words       int
	ContentHash string // hash of the normalised text; equal hashes are one document
	RawHTMLGz   []byte
}

// PageRecord is the result of fetching one frontier URL.
type PageRecord struct {
	URL          string // the frontier URL that was fetched
	RunID        int64
	State        string // done | failed | robots | skipped | pending (retry later)
	Status       int
	ETag         string
	LastModified string
	ErrorKind    string
	Outcome      string // for pages without Doc: unchanged | discovery | not_article | error
	FetchedAt    time.Time
	// Counted: MarkFetching already counted this fetch's attempt.
	Counted bool
	// Doc is the article the page holds, nil when it is not one.
	Doc *DocumentRecord
	// Aliases are other URLs that are the same page (a redirect's target);
	// they are marked done so they are not fetched again. (A rel=canonical
	// URL is not an alias: the page only claims it, see DocumentRecord.)
	Aliases []FrontierEntry
	// Links are URLs discovered on the page.
	Links []FrontierEntry
}

// SaveResult says what SavePage did.
type SaveResult struct {
	Outcome    string
	DocumentID int64
	// StoredURL is the URL the document is stored under: Doc.URL, or
	// Doc.FetchedURL when the canonical URL Doc.URL holds another article.
	StoredURL string
	Added     int // new frontier URLs
}

// SavePage records a fetched page in one transaction: the document (new,
// updated, or recognised as unchanged or a duplicate by URL or content
// hash), the frontier row's new state, and the links found on it. A crash
// leaves either all of it or none.
func (db *DB) SavePage(ctx context.Context, p PageRecord) (SaveResult, error) {
	var res SaveResult
	now := FormatTime(p.FetchedAt)
	err := db.Tx(ctx, func(tx *sql.Tx) error {
		res = SaveResult{Outcome: p.Outcome}
		if p.Doc != nil {
			var err error
			res.Outcome, res.DocumentID, res.StoredURL, err = saveDocument(ctx, tx, p.Doc, now)
			if err != nil {
				return err
			}
			if res.Outcome == OutcomeUnchanged && p.URL != p.Doc.URL && p.Status == 200 {
				// Another URL (rel=canonical, redirect) gave a stored
				// document: a duplicate, not an unchanged re-fetch.
				res.Outcome = OutcomeDuplicate
			}
		}
		var docID any
		if res.DocumentID != 0 {
			docID = res.DocumentID
		}
		uncounted := 1
		if p.Counted {
			uncounted = 0
		}
		// The attempt counts once (here, unless MarkFetching counted it);
		// anything but a failure resets fails.
		r, err := tx.ExecContext(ctx, `UPDATE frontier SET state = ?, attempts = attempts + ?,
			fails = CASE WHEN ? = 'failed' THEN fails + ? ELSE 0 END, last_error = ?,
			last_status = ?, etag = CASE WHEN ? != '' OR ? THEN ? ELSE etag END,
			last_modified = CASE WHEN ? != '' OR ? THEN ? ELSE last_modified END,
			document_id = COALESCE(?, document_id), outcome = ?, fetched_at = ?, run_id = ?
			WHERE url = ?`,
			p.State, uncounted, p.State, uncounted, p.ErrorKind, p.Status,
			p.ETag, p.Status == 200, p.ETag,
			p.LastModified, p.Status == 200, p.LastModified,
			docID, res.Outcome, now, p.RunID, p.URL)
		if err != nil {
			return fmt.Errorf("frontier update %s: %w", p.URL, err)
		}
		if n, _ := r.RowsAffected(); n != 1 {
			return fmt.Errorf("frontier update %s: url not in frontier", p.URL)
		}
		for _, a := range p.Aliases {
			if a.URL == p.URL {
				continue
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO frontier(url, source_id, kind, depth, via, state, document_id,
				outcome, discovered_at, fetched_at, run_id) VALUES (?, ?, 'page', ?, ?, 'done', ?, ?, ?, ?, ?)
				ON CONFLICT(url) DO UPDATE SET state = 'done', document_id = COALESCE(excluded.document_id, document_id),
				outcome = excluded.outcome, fetched_at = excluded.fetched_at, run_id = excluded.run_id
				WHERE state != 'done'`, // a URL fetched itself keeps its own record
				a.URL, a.SourceID, a.Depth, a.Via, docID, res.Outcome, now, now, p.RunID); err != nil {
				return fmt.Errorf("frontier alias %s: %w", a.URL, err)
			}
		}
		res.Added, err = addFrontier(ctx, tx, p.RunID, now, p.Links)
		return err
	})
	if err != nil {
		return SaveResult{}, fmt.Errorf("save page %s: %w", p.URL, err)
	}
	return res, nil
}

func saveDocument(ctx context.Context, tx *sql.Tx, d *DocumentRecord, now string) (outcome string, id int64, storedURL string, err error) {
	storedURL = d.URL
	authors, err := json.Marshal(d.Authors)
	if err != nil {
		return "", 0, "", err
	}
	if d.Authors == nil {
		authors = []byte("[]")
	}
	var hash, stored string
	err = tx.QueryRowContext(ctx, `SELECT id, content_hash, text FROM documents WHERE url = ?`, d.URL).Scan(&id, &hash, &stored)
	switch {
	case err == nil:
		if hash == d.ContentHash {
			return OutcomeUnchanged, id, storedURL, nil
		}
		if d.FetchedURL != "" && d.FetchedURL != d.URL {
			// The page only claims this URL (rel=canonical) and another
			// text is stored there: never overwrite it.
			if SameArticle(stored, d.Text) {
				return OutcomeDuplicate, id, storedURL, nil
			}
			own := *d
			own.URL, own.FetchedURL = d.FetchedURL, ""
			return saveDocument(ctx, tx, &own, now)
		}
		var other int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM documents WHERE content_hash = ?`, d.ContentHash).Scan(&other)
		if err == nil {
			return OutcomeDuplicate, other, storedURL, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return "", 0, "", err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE documents SET title = ?, text = ?, published = ?, authors = ?,
			language = ?, fetched_at = ?, content_hash = ?, raw_html_gz = ?, words = ? WHERE id = ?`,
			d.Title, d.Text, FormatTime(d.Published), string(authors), d.Language, now, d.ContentHash,
			d.RawHTMLGz, d.Words, id); err != nil {
			return "", 0, "", fmt.Errorf("update document %s: %w", d.URL, err)
		}
		// The scores, sentence offsets, mentions and statements were
		// computed on the old text: removed in this transaction, so no
		// number or quote mixes them with the new text, and the document
		// is pending for the next analyze (pending = no scores).
		if err := dropAnalysis(ctx, tx, id); err != nil {
			return "", 0, "", fmt.Errorf("update document %s: %w", d.URL, err)
		}
		return OutcomeUpdated, id, storedURL, nil
	case !errors.Is(err, sql.ErrNoRows):
		return "", 0, "", err
	}
	err = tx.QueryRowContext(ctx, `SELECT id FROM documents WHERE content_hash = ?`, d.ContentHash).Scan(&id)
	if err == nil {
		return OutcomeDuplicate, id, storedURL, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return "", 0, "", err
	}
	if err := tx.QueryRowContext(ctx, `INSERT INTO documents(url, source_id, title, text, published, authors,
		language, fetched_at, content_hash, raw_html_gz, words) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		d.URL, d.SourceID, d.Title, d.Text, FormatTime(d.Published), string(authors), d.Language, now,
		d.ContentHash, d.RawHTMLGz, d.Words).Scan(&id); err != nil {
		return "", 0, "", fmt.Errorf("insert document %s: %w", d.URL, err)
	}
	return OutcomeNew, id, storedURL, nil
}

// dropAnalysis deletes what analyze derived from a document's text.
func dropAnalysis(ctx context.Context, tx *sql.Tx, docID int64) error {
	for _, q := range []string{
		`DELETE FROM sentence_scores WHERE document_id = ?`,
		`DELETE FROM doc_scores WHERE document_id = ?`,
		`DELETE FROM mentions WHERE document_id = ?`,
		`DELETE FROM statements WHERE document_id = ?`,
		`DELETE FROM doc_figures WHERE document_id = ?`,
	} {
		if _, err := tx.ExecContext(ctx, q, docID); err != nil {
			return err
		}
	}
	return nil
}

// SameArticle reports whether two extracted texts are one article in two
// renderings (an AMP or print copy, a lightly edited version): at least
// half of the shorter text's 4-word shingles (lower-cased words of letters
// and digits) occur in the other. Two different articles of one site share
// almost none (boilerplate is not part of an extracted text).
func SameArticle(a, b string) bool {
	sa, sb := shingles(a), shingles(b)
	if len(sa) > len(sb) {
		sa, sb = sb, sa
	}
	if len(sa) == 0 {
		return len(sb) == 0
	}
	common := 0
	for k := range sa {
		if sb[k] {
			common++
		}
	}
	return 2*common >= len(sa)
}

func shingles(s string) map[string]bool {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	out := map[string]bool{}
	if len(words) < 4 {
		if len(words) > 0 {
			out[strings.Join(words, " ")] = true
		}
		return out
	}
	for i := 0; i+4 <= len(words); i++ {
		out[strings.Join(words[i:i+4], " ")] = true
	}
	return out
}

// FrontierState returns a URL's frontier row, or ErrNotFound.
func (db *DB) FrontierState(ctx context.Context, url string) (state, outcome, lastError string, err error) {
	err = db.R.QueryRowContext(ctx, `SELECT state, outcome, last_error FROM frontier WHERE url = ?`, url).
		Scan(&state, &outcome, &lastError)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", "", fmt.Errorf("frontier %s: %w", url, ErrNotFound)
	}
	return state, outcome, lastError, Classify(err)
}
