package store

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/xenoscope/xenoscope/model"
)

func figuresTestDB(t *testing.T) (*DB, []model.CitySpec, map[SourceRef]int64) {
	t.Helper()
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "fig.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	cfg := []model.CitySpec{{
		Name: "Leeds", Country: "GB",
		Sources: []model.SourceSpec{{Name: "post", Kind: "news"}},
		Figures: []model.FigureSpec{{Name: "Jane Doe", Aliases: []string{"J. Doe"}, Role: "Mayor", Party: "Labour"}},
	}}
	ids, err := db.SyncSources(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SyncRegistry(ctx, cfg); err != nil {
		t.Fatal(err)
	}
	return db, cfg, ids
}

func insertDoc(t *testing.T, db *DB, sourceID int64, url, text string, published time.Time) model.Document {
	t.Helper()
	var id int64
	err := db.W.QueryRow(`INSERT INTO documents(url, source_id, title, text, published, fetched_at, content_hash)
		VALUES (?, ?, 'T', ?, ?, ?, ?) RETURNING id`, url, sourceID, text, FormatTime(published), FormatTime(published), url).Scan(&id)
	if err != nil {
		t.Fatal(err)
	}
	return model.Document{ID: id, URL: url, City: "Leeds", Text: text, Published: published}
}

func TestSaveDocFiguresRoundTrip(t *testing.T) {
	ctx := context.Background()
	db, cfg, ids := figuresTestDB(t)
	src := ids[SourceRef{"Leeds", "post"}]
	oct := time.Date(2026, 10, 3, 0, 0, 0, 0, time.UTC)
	nov := time.Date(2026, 11, 3, 0, 0, 0, 0, time.UTC)
	d1 := insertDoc(t, db, src, "https://x.test/1", "Mayor Jane Doe said refugees are welcome. Bob Roe said no.", oct)
	d2 := insertDoc(t, db, src, "https://x.test/2", "J. Doe spoke. Bob Roe warned about migrants.", nov)
	save := func(d model.Document, ms []model.Mention, qs []model.Quote) {
		t.Helper()
		if err := db.Tx(ctx, func(tx *sql.Tx) error { return SaveDocFigures(ctx, tx, d, ms, qs, "test-v1") }); err != nil {
			t.Fatal(err)
		}
	}
	ms1 := []model.Mention{{Text: "Jane Doe", Start: 6, End: 14, Name: "Jane Doe"}, {Text: "Bob Roe", Start: 42, End: 49, Name: "Bob Roe"}}
	qs1 := []model.Quote{
		{Speaker: "Jane Doe", Text: "refugees are welcome", Start: 20, End: 40, Kind: "indirect", CounterSpeech: 0.9},
		{Speaker: "Bob Roe", Text: "no", Start: 55, End: 57, Kind: "indirect", AntiMigrant: 0.2},
		{Speaker: "", Text: "unattributed", Start: 0, End: 5, Kind: "direct"},
	}
	save(d1, ms1, qs1)
	save(d1, ms1, qs1) // idempotent
	ms2 := []model.Mention{{Text: "J. Doe", Start: 0, End: 6, Name: "J. Doe"}, {Text: "Bob Roe", Start: 14, End: 21, Name: "Bob Roe"}}
	qs2 := []model.Quote{{Speaker: "Bob Roe", Text: "about migrants", Start: 29, End: 43, Kind: "indirect", AntiMigrant: 0.8}}
	save(d2, ms2, qs2)

	// a surname alone joins the city's figure with that surname
	d3 := insertDoc(t, db, src, "https://x.test/3", "Roe spoke.", nov)
	save(d3, []model.Mention{{Text: "Roe", Start: 0, End: 3, Name: "Roe"}}, nil)
	var nFig int
	db.R.QueryRow(`SELECT count(*) FROM figures WHERE name = 'Roe'`).Scan(&nFig)
	if nFig != 0 {
		t.Fatalf("surname alone created its own figure")
	}
	save(d3, nil, nil)

	var nm, ns int
	db.R.QueryRow(`SELECT count(*) FROM mentions`).Scan(&nm)
	db.R.QueryRow(`SELECT count(*) FROM statements`).Scan(&ns)
	if nm != 4 || ns != 3 {
		t.Fatalf("mentions=%d statements=%d, want 4 and 3 (re-save must replace, unattributed not stored)", nm, ns)
	}
	all, err := db.FigureSummaries(ctx, FigureFilter{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]FigureSummary{}
	for _, s := range all {
		got[s.Name] = s
	}
	doe, roe := got["Jane Doe"], got["Bob Roe"]
	if len(all) != 2 || !doe.Registered || doe.Role != "Mayor" || doe.Mentions != 2 || doe.Counter != 1 || doe.Aliases != "J. Doe" {
		t.Fatalf("Jane Doe (alias merged) = %+v; all %+v", doe, all)
	}
	if roe.Registered || roe.Statements != 2 || roe.Anti != 1 || roe.Neither != 1 || roe.TopURL != "https://x.test/2" || roe.TopStance != "anti_migrant" {
		t.Fatalf("Bob Roe (discovered) = %+v", roe)
	}
	octOnly, err := db.FigureSummaries(ctx, FigureFilter{Month: "2026-10", Cities: []string{"Leeds"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range octOnly {
		if s.Name == "Bob Roe" && (s.Statements != 1 || s.Anti != 0 || s.TopURL != "https://x.test/1") {
			t.Fatalf("October Bob Roe = %+v", s)
		}
	}
	cands, err := db.FigureSummaries(ctx, FigureFilter{Candidates: true, MinMentions: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(cands) != 1 || cands[0].Name != "Bob Roe" {
		t.Fatalf("candidates = %+v, want only Bob Roe", cands)
	}
	// registry change: Jane Doe leaves the config, keeps her statements
	cfg[0].Figures = nil
	if err := db.SyncRegistry(ctx, cfg); err != nil {
		t.Fatal(err)
	}
	cands, _ = db.FigureSummaries(ctx, FigureFilter{Candidates: true})
	if len(cands) != 2 {
		t.Fatalf("after unregistering, candidates = %+v", cands)
	}
}

func TestSaveDocFiguresUnknownDocument(t *testing.T) {
	ctx := context.Background()
	db, _, _ := figuresTestDB(t)
	err := db.Tx(ctx, func(tx *sql.Tx) error {
		return SaveDocFigures(ctx, tx, model.Document{ID: 999}, nil, nil, "v")
	})
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("err = %v, want ErrNotFound", err)
	}
}
