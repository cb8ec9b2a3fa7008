package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/xenoscope/xenoscope/model"
)

// openAtVersion creates a database file migrated only up to version v, as
// an older xenoscope left it.
func openAtVersion(t *testing.T, v int) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "old.db")
	raw, err := sql.Open("sqlite3", dsn(p, false))
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	raw.SetMaxOpenConns(1)
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms[:v] {
		if _, err := raw.Exec(m.sql); err != nil {
			t.Fatalf("%s: %v", m.name, err)
		}
	}
	if _, err := raw.Exec(fmt.Sprintf("PRAGMA application_id=%d; PRAGMA user_version=%d", applicationID, v)); err != nil {
		t.Fatal(err)
	}
	return p
}

// Migration 0006 rebuilds sources (no CHECK on kind) under live foreign
// keys: ids, documents and frontier rows survive, failed URLs keep their
// failure count, and the kinds are checked by the store instead.
func TestMigration6KeepsData(t *testing.T) {
	t.Parallel()
	p := openAtVersion(t, 5)
	raw, err := sql.Open("sqlite3", dsn(p, false))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO cities(id, name) VALUES (7, 'Leeds')`,
		`INSERT INTO sources(id, city_id, name, kind, speaker) VALUES (42, 7, 'Mayor', 'statements', 'Jane Doe')`,
		`INSERT INTO documents(id, url, source_id, text, fetched_at, content_hash) VALUES (3, 'https://m.test/1', 42, 'x', '2026-01-01T00:00:00Z', 'h')`,
		`INSERT INTO frontier(url, source_id, state, attempts, discovered_at) VALUES ('https://m.test/bad', 42, 'failed', 2, '2026-01-01T00:00:00Z')`,
		`INSERT INTO frontier(url, source_id, state, attempts, document_id, discovered_at) VALUES ('https://m.test/1', 42, 'done', 5, 3, '2026-01-01T00:00:00Z')`,
	} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	raw.Close()

	ctx := context.Background()
	db, err := Open(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
	d, err := db.Document(ctx, 3)
	if err != nil || d.City != "Leeds" || d.Source != "Mayor" || d.Kind != "statements" || d.Speaker != "Jane Doe" {
		t.Fatalf("document after migration: %+v %v", d, err)
	}
	var fails, failsDone int
	db.R.QueryRow(`SELECT fails FROM frontier WHERE url = 'https://m.test/bad'`).Scan(&fails)
	db.R.QueryRow(`SELECT fails FROM frontier WHERE url = 'https://m.test/1'`).Scan(&failsDone)
	if fails != 2 || failsDone != 0 {
		t.Errorf("fails = %d (failed URL, want 2), %d (done URL, want 0)", fails, failsDone)
	}
	// Foreign keys are on again and still point at sources.
	if _, err := db.W.Exec(`INSERT INTO documents(url, source_id, text, fetched_at, content_hash) VALUES ('u', 999, 'x', '', 'h2')`); err == nil {
		t.Error("foreign keys off after the migration: a document of a missing source was accepted")
	}
	// Syncing the same source keeps its id; an unknown kind is refused by
	// the store, not by a CHECK written in SQL.
	ids, err := db.SyncSources(ctx, []model.CitySpec{{Name: "Leeds", Sources: []model.SourceSpec{{Name: "Mayor", Kind: "statements"}}}})
	if err != nil || ids[SourceRef{"Leeds", "Mayor"}] != 42 {
		t.Errorf("resync: %v %v", ids, err)
	}
	_, err = db.SyncSources(ctx, []model.CitySpec{{Name: "Leeds", Sources: []model.SourceSpec{{Name: "Blog", Kind: "blog"}}}})
	if !errors.Is(err, ErrUnknownKind) {
		t.Errorf("unknown kind: %v", err)
	}
}
