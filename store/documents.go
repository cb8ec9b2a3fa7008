package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/klauspost/compress/gzip"

	"github.com/xenoscope/xenoscope/model"
)

// TimeFormat is how every timestamp is stored: RFC 3339 in UTC with second
// precision, so that text comparison orders times.
const TimeFormat = "2006-01-02T15:04:05Z"

// FormatTime formats t as stored; the zero time is "".
func FormatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(TimeFormat)
}

// ParseTime parses a stored timestamp; "" gives the zero time.
func ParseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored time %q: %w", s, err)
	}
	return t.UTC(), nil
}

// SourceRef names a configured source.
type SourceRef struct {
	City   string
	Source string
}

// ErrUnknownKind is returned for a source kind not in model.SourceKinds.
var ErrUnknownKind = errors.New("unknown source kind")

// SyncSources makes the cities and sources tables match the configured
// cities (plain values: (*config.Config).Specs()): new cities and sources
// are inserted, kind/speaker/country updated. Rows that left the config are
// kept (their documents stay). It returns the id of every given source.
func (db *DB) SyncSources(ctx context.Context, cities []model.CitySpec) (map[SourceRef]int64, error) {
	ids := map[SourceRef]int64{}
	err := db.Tx(ctx, func(tx *sql.Tx) error {
		for _, c := range cities {
			cityID, err := upsertCity(ctx, tx, c)
			if err != nil {
				return fmt.Errorf("sync %w", err)
			}
			for _, s := range c.Sources {
				if _, ok := model.LookupSourceKind(s.Kind); !ok {
					return fmt.Errorf("sync source %q of %q: %w %q", s.Name, c.Name, ErrUnknownKind, s.Kind)
				}
				var id int64
				if err := tx.QueryRowContext(ctx, `INSERT INTO sources(city_id, name, kind, speaker) VALUES (?, ?, ?, ?)
					ON CONFLICT(city_id, name) DO UPDATE SET kind = excluded.kind, speaker = excluded.speaker RETURNING id`,
					cityID, s.Name, s.Kind, s.Speaker).Scan(&id); err != nil {
					return fmt.Errorf("sync source %q of %q: %w", s.Name, c.Name, err)
				}
				ids[SourceRef{c.Name, s.Name}] = id
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return ids, nil
}

// DocumentFilter selects documents for EachDocument. Zero fields match all.
type DocumentFilter struct {
	City string
	// Cities restricts to these cities when non-empty.
	Cities []string
	// Source restricts to one source name (within City when set).
	Source string
	// Since keeps documents published on or after Since; documents with an
	// unknown date are kept when their fetched_at is on or after Since.
	Since time.Time
	// Until keeps documents published (or, undated, fetched) before Until.
	Until time.Time
	// AfterID keeps documents with id > AfterID (resume a scan).
	AfterID int64
	// IDs restricts to these ids when non-empty.
	IDs []int64
	// Limit stops after this many documents (0 = no limit).
	Limit int
	// WithoutText leaves Document.Text empty (cheaper scans).
	WithoutText bool
}

// sql returns the filter as SQL over documents d, sources s and cities c
// (" WHERE ... ORDER BY d.id [LIMIT n]") and its arguments.
func (f DocumentFilter) sql() (string, []any) {
	var where []string
	var args []any
	add := func(cond string, arg any) {
		where = append(where, cond)
		args = append(args, arg)
	}
	const docTime = "(CASE WHEN d.published != '' THEN d.published ELSE d.fetched_at END)"
	if f.City != "" {
		add("c.name = ?", f.City)
	}
	if len(f.Cities) > 0 {
		add("c.name IN (SELECT value FROM json_each(?))", jsonText(f.Cities))
	}
	if f.Source != "" {
		add("s.name = ?", f.Source)
	}
	if !f.Since.IsZero() {
		add(docTime+" >= ?", FormatTime(f.Since))
	}
	if !f.Until.IsZero() {
		add(docTime+" < ?", FormatTime(f.Until))
	}
	if f.AfterID > 0 {
		add("d.id > ?", f.AfterID)
	}
	if len(f.IDs) > 0 {
		add("d.id IN (SELECT value FROM json_each(?))", jsonText(f.IDs))
	}
	q := ""
	if len(where) > 0 {
		q = " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY d.id"
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	return q, args
}

// EachDocument streams the documents matching f in id order to fn, one at a
// time, through the read pool: memory stays constant however many rows
// match, and a crawl may write meanwhile (the scan sees one snapshot).
// City, Source, Kind and Speaker are filled from the source. fn must not
// keep d after returning (it is reused); returning an error stops the scan
// and is returned as is.
func (db *DB) EachDocument(ctx context.Context, f DocumentFilter, fn func(d *model.Document) error) error {
	return db.eachDocument(ctx, f, "", "", nil, fn)
}

// eachDocument is EachDocument with extra columns (SQL, after the
// document's) from an extra join, scanned into extra before fn is called.
func (db *DB) eachDocument(ctx context.Context, f DocumentFilter, cols, join string, extra []any, fn func(d *model.Document) error) error {
	text := "d.text"
	if f.WithoutText {
		text = "''"
	}
	q := `SELECT d.id, d.url, c.name, s.name, s.kind, s.speaker, d.title, ` + text + `, d.published,
		d.authors, d.language, d.fetched_at, d.content_hash` + cols + `
		FROM documents d JOIN sources s ON s.id = d.source_id JOIN cities c ON c.id = s.city_id` + join
	where, args := f.sql()
	q += where
	rows, err := db.R.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("list documents: %w", Classify(err))
	}
	defer rows.Close()
	var d model.Document
	var published, authors, fetched string
	dest := append([]any{&d.ID, &d.URL, &d.City, &d.Source, &d.Kind, &d.Speaker, &d.Title, &d.Text,
		&published, &authors, &d.Language, &fetched, &d.ContentHash}, extra...)
	for rows.Next() {
		d = model.Document{}
		if err := rows.Scan(dest...); err != nil {
			return fmt.Errorf("list documents: %w", Classify(err))
		}
		if d.Published, err = ParseTime(published); err != nil {
			return fmt.Errorf("document %d: %w", d.ID, err)
		}
		if d.FetchedAt, err = ParseTime(fetched); err != nil {
			return fmt.Errorf("document %d: %w", d.ID, err)
		}
		if authors != "" && authors != "[]" {
			if err := json.Unmarshal([]byte(authors), &d.Authors); err != nil {
				return fmt.Errorf("document %d: authors: %w", d.ID, err)
			}
		}
		if err := fn(&d); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("list documents: %w", Classify(err))
	}
	return nil
}

// Document returns one document by id, or ErrNotFound.
func (db *DB) Document(ctx context.Context, id int64) (*model.Document, error) {
	return byID(id, func(fn func(*model.Document) error) error {
		return db.EachDocument(ctx, DocumentFilter{IDs: []int64{id}}, fn)
	}, func(d *model.Document) *model.Document { c := *d; return &c })
}

// byID returns the one row a stream filtered to document id yields, copied
// out of the stream's reused value, or ErrNotFound.
func byID[T any](id int64, each func(func(*T) error) error, copyOut func(*T) *T) (*T, error) {
	var out *T
	if err := each(func(v *T) error { out = copyOut(v); return nil }); err != nil {
		return nil, err
	}
	if out == nil {
		return nil, fmt.Errorf("document %d: %w", id, ErrNotFound)
	}
	return out, nil
}

// CountDocuments counts the documents matching f (IDs, Limit and
// WithoutText are ignored).
func (db *DB) CountDocuments(ctx context.Context, f DocumentFilter) (int, error) {
	n := 0
	f.WithoutText = true
	f.Limit = 0
	err := db.EachDocument(ctx, f, func(*model.Document) error { n++; return nil })
	return n, err
}

// RawHTML returns the stored raw page of a document, gunzipped, for
// re-extraction. The bytes are the page as decoded to UTF-8 by the crawler.
func (db *DB) RawHTML(ctx context.Context, id int64) ([]byte, error) {
	var gz []byte
	err := db.R.QueryRowContext(ctx, `SELECT raw_html_gz FROM documents WHERE id = ?`, id).Scan(&gz)
	if err == sql.ErrNoRows {
		return nil, fmt.Errorf("document %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("raw html of document %d: %w", id, Classify(err))
	}
	if len(gz) == 0 {
		return nil, nil
	}
	b, err := gunzip(gz)
	if err != nil {
		return nil, fmt.Errorf("raw html of document %d: %w", id, err)
	}
	return b, nil
}

// Gzip compresses b (for documents.raw_html_gz) with
// github.com/klauspost/compress at BestSpeed (1.5x the standard library's
// speed on the benchmark pages, same size). Callers compress outside
// the write transaction to keep the single writer free.
func Gzip(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(b)/4 + 64)
	zw, _ := gzipPool.Get().(*gzip.Writer)
	if zw == nil {
		var err error
		if zw, err = gzip.NewWriterLevel(&buf, gzip.BestSpeed); err != nil {
			return nil, err
		}
	} else {
		zw.Reset(&buf)
	}
	defer gzipPool.Put(zw)
	if _, err := zw.Write(b); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// gzipPool reuses gzip writers: each holds a large compressor state.
var gzipPool sync.Pool

func gunzip(b []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	return io.ReadAll(zr)
}

// upsertCity inserts a configured city or updates its country, returning its id.
func upsertCity(ctx context.Context, tx *sql.Tx, c model.CitySpec) (int64, error) {
	var id int64
	if err := tx.QueryRowContext(ctx, `INSERT INTO cities(name, country) VALUES (?, ?)
		ON CONFLICT(name) DO UPDATE SET country = excluded.country RETURNING id`,
		c.Name, c.Country).Scan(&id); err != nil {
		return 0, fmt.Errorf("city %q: %w", c.Name, err)
	}
	return id, nil
}
