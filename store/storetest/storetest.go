// Package storetest builds real xenoscope databases for tests: a fresh
// SQLite file with the current schema, and helpers that add cities,
// sources, documents and scores with sensible defaults. Tests use it instead
// of hand-written INSERT statements, so a schema change is made here once.
//
//	f := storetest.New(t)
//	doc := f.Doc(storetest.Doc{City: "Leeds", Text: "The council met."})
//	f.Scores(doc.ID, model.Scores{Model: "m1", Migration: 0.9})
package storetest

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/xenoscope/xenoscope/model"
	"github.com/xenoscope/xenoscope/store"
)

// Defaults of a Doc's empty fields.
const (
	DefaultCity   = "Testville"
	DefaultSource = "Courier"
)

// DefaultFetched is the fetched_at of a document that gives neither
// FetchedAt nor Published.
var DefaultFetched = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// urlSeq numbers default URLs across fixtures (a file reopened by Open
// keeps its documents).
var urlSeq atomic.Int64

// Fixture is an open database in a test's temporary directory.
type Fixture struct {
	*store.DB
	tb      testing.TB
	sources map[store.SourceRef]int64
	kinds   map[store.SourceRef]string
}

// New opens a fresh database (all migrations applied) in tb.TempDir(); it
// is closed when tb ends.
func New(tb testing.TB) *Fixture {
	tb.Helper()
	return Open(tb, filepath.Join(tb.TempDir(), "fixture.db"))
}

// Open opens (creating if needed) the database at path as a Fixture; it is
// closed when tb ends. Close it earlier to hand the file to a command.
func Open(tb testing.TB, path string) *Fixture {
	tb.Helper()
	db, err := store.Open(context.Background(), path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return &Fixture{DB: db, tb: tb, sources: map[store.SourceRef]int64{}, kinds: map[store.SourceRef]string{}}
}

// Cities records cities with their sources and figure registries (as a
// crawl and an analyze with that config would) and returns every source's id.
func (f *Fixture) Cities(cities ...model.CitySpec) map[store.SourceRef]int64 {
	f.tb.Helper()
	ctx := context.Background()
	ids, err := f.SyncSources(ctx, cities)
	if err != nil {
		f.tb.Fatal(err)
	}
	if err := f.SyncRegistry(ctx, cities); err != nil {
		f.tb.Fatal(err)
	}
	for k, v := range ids {
		f.sources[k] = v
	}
	for _, c := range cities {
		for _, s := range c.Sources {
			f.kinds[store.SourceRef{City: c.Name, Source: s.Name}] = s.Kind
		}
	}
	return ids
}

// Source returns the id of the source of a city, creating both (kind
// news) when they do not exist yet.
func (f *Fixture) Source(city, source string) int64 {
	f.tb.Helper()
	if id, ok := f.sources[store.SourceRef{City: city, Source: source}]; ok {
		return id
	}
	ids := f.Cities(model.CitySpec{Name: city, Sources: []model.SourceSpec{{Name: source, Kind: model.KindNews}}})
	return ids[store.SourceRef{City: city, Source: source}]
}

// Doc is a document to add. Zero fields take defaults: City DefaultCity,
// Source DefaultSource (created as a news source when missing), URL
// https://fixture.test/N, FetchedAt Published (else DefaultFetched),
// ContentHash a hash of URL and Text (so equal texts at two URLs do not
// collide), Words the number of space-separated words. Default URLs are
// unique in the test process.
type Doc struct {
	City, Source string
	URL          string
	Title, Text  string
	Published    time.Time
	FetchedAt    time.Time
	Language     string
	Authors      []string
	ContentHash  string
	Words        int
}

// Doc adds one document and returns it as EachDocument would (ID set).
func (f *Fixture) Doc(d Doc) model.Document {
	f.tb.Helper()
	return f.Docs(d)[0]
}

// Docs adds documents in one transaction (fast for thousands) and returns
// them with their ids, in order.
func (f *Fixture) Docs(ds ...Doc) []model.Document {
	f.tb.Helper()
	out := make([]model.Document, len(ds))
	srcIDs := make([]int64, len(ds))
	for i := range ds {
		f.fill(&ds[i])
		srcIDs[i] = f.Source(ds[i].City, ds[i].Source) // before the write transaction
	}
	ctx := context.Background()
	err := f.Tx(ctx, func(tx *sql.Tx) error {
		st, err := tx.PrepareContext(ctx, `INSERT INTO documents(url, source_id, title, text, published, authors,
			language, fetched_at, content_hash, words) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`)
		if err != nil {
			return err
		}
		defer st.Close()
		for i, d := range ds {
			authors, _ := json.Marshal(d.Authors)
			if d.Authors == nil {
				authors = []byte("[]")
			}
			var id int64
			if err := st.QueryRowContext(ctx, d.URL, srcIDs[i], d.Title, d.Text, store.FormatTime(d.Published),
				string(authors), d.Language, store.FormatTime(d.FetchedAt), d.ContentHash, d.Words).Scan(&id); err != nil {
				return fmt.Errorf("fixture document %s: %w", d.URL, err)
			}
			out[i] = model.Document{ID: id, URL: d.URL, City: d.City, Source: d.Source,
				Kind: f.kinds[store.SourceRef{City: d.City, Source: d.Source}], Title: d.Title, Text: d.Text,
				Published: d.Published, Authors: d.Authors, Language: d.Language, FetchedAt: d.FetchedAt,
				ContentHash: d.ContentHash}
		}
		return nil
	})
	if err != nil {
		f.tb.Fatal(err)
	}
	return out
}

func (f *Fixture) fill(d *Doc) {
	if d.City == "" {
		d.City = DefaultCity
	}
	if d.Source == "" {
		d.Source = DefaultSource
	}
	if d.URL == "" {
		d.URL = fmt.Sprintf("https://fixture.test/%d", urlSeq.Add(1))
	}
	if d.FetchedAt.IsZero() {
		d.FetchedAt = d.Published
		if d.FetchedAt.IsZero() {
			d.FetchedAt = DefaultFetched
		}
	}
	if d.ContentHash == "" {
		sum := sha256.Sum256([]byte(d.URL + "\x00" + d.Text))
		d.ContentHash = hex.EncodeToString(sum[:])
	}
	if d.Words == 0 {
		d.Words = countWords(d.Text)
	}
}

func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		space := r == ' ' || r == '\n' || r == '\t' || r == '\r'
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// SetText replaces a stored document's text (and its content hash), as a
// re-crawl that found a changed page does.
func (f *Fixture) SetText(docID int64, text string) {
	f.tb.Helper()
	sum := sha256.Sum256([]byte(fmt.Sprint(docID) + "\x00" + text))
	if _, err := f.W.Exec(`UPDATE documents SET text = ?, content_hash = ?, words = ? WHERE id = ?`,
		text, hex.EncodeToString(sum[:]), countWords(text), docID); err != nil {
		f.tb.Fatal(err)
	}
}

// Scores stores a document's scores (store.SaveScores, in its own
// transaction); ScoredAt is DefaultFetched.
func (f *Fixture) Scores(docID int64, sc model.Scores) {
	f.tb.Helper()
	ctx := context.Background()
	if err := f.Tx(ctx, func(tx *sql.Tx) error {
		return store.SaveScores(ctx, tx, docID, &sc, DefaultFetched)
	}); err != nil {
		f.tb.Fatal(err)
	}
}

// Count runs a `SELECT count(*) ...` query and returns the number.
func (f *Fixture) Count(query string, args ...any) int {
	f.tb.Helper()
	var n int
	if err := f.R.QueryRow(query, args...).Scan(&n); err != nil {
		f.tb.Fatal(err)
	}
	return n
}
