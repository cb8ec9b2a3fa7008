package store

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xenoscope/xenoscope/model"
)

func testConfig() []model.CitySpec {
	return []model.CitySpec{
		{Name: "Springfield", Sources: []model.SourceSpec{{Name: "Gazette", Kind: "news"},
			{Name: "Mayor", Kind: "statements", Speaker: "Mayor Jane Doe"}}},
		{Name: "Shelbyville", Sources: []model.SourceSpec{{Name: "Shopper", Kind: "news"}}},
	}
}

func TestSavePageOutcomes(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ids, err := db.SyncSources(ctx, testConfig())
	if err != nil {
		t.Fatal(err)
	}
	// Syncing twice keeps the ids.
	ids2, err := db.SyncSources(ctx, testConfig())
	if err != nil || len(ids2) != 3 || ids2[SourceRef{"Springfield", "Mayor"}] != ids[SourceRef{"Springfield", "Mayor"}] {
		t.Fatalf("resync %v %v", ids2, err)
	}
	gazette, mayor, shopper := ids[SourceRef{"Springfield", "Gazette"}], ids[SourceRef{"Springfield", "Mayor"}], ids[SourceRef{"Shelbyville", "Shopper"}]
	t0 := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	run, err := db.StartCrawlRun(ctx, "", t0, RunOwner{PID: 1, Host: "h"})
	if err != nil {
		t.Fatal(err)
	}
	n, err := db.AddToFrontier(ctx, run, t0, []FrontierEntry{
		{URL: "https://gazette.example/a", SourceID: gazette, Via: "seed"},
		{URL: "https://gazette.example/b", SourceID: gazette, Via: "link", Depth: 1},
		{URL: "https://gazette.example/a-copy", SourceID: gazette, Via: "link", Depth: 1},
		{URL: "https://city.example/press/1", SourceID: mayor, Via: "link", Depth: 1, HintPublished: t0.Add(-time.Hour)},
		{URL: "https://shopper.example/x", SourceID: shopper, Via: "feed"},
	})
	if err != nil || n != 5 {
		t.Fatalf("added %d, %v", n, err)
	}
	if n, _ := db.AddToFrontier(ctx, run, t0, []FrontierEntry{{URL: "https://gazette.example/a", SourceID: gazette}}); n != 0 {
		t.Errorf("known URL counted as new: %d", n)
	}
	doc := func(url string, src int64, text string) *DocumentRecord {
		return &DocumentRecord{URL: url, SourceID: src, Title: "T " + url, Text: text, Words: len(strings.Fields(text)),
			ContentHash: "h:" + text, Authors: []string{"A. Writer"}, Language: "en", Published: t0.Add(-48 * time.Hour),
			RawHTMLGz: mustGzip(t, "<html>"+text+"</html>")}
	}
	save := func(url string, d *DocumentRecord, links ...FrontierEntry) SaveResult {
		t.Helper()
		r, err := db.SavePage(ctx, PageRecord{URL: url, RunID: run, State: StateDone, Status: 200, ETag: `"e1"`,
			FetchedAt: t0, Doc: d, Links: links})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	r := save("https://gazette.example/b", doc("https://gazette.example/b", gazette, "first story text"),
		FrontierEntry{URL: "https://gazette.example/c", SourceID: gazette, Depth: 2, Via: "link"})
	if r.Outcome != OutcomeNew || r.DocumentID == 0 || r.Added != 1 {
		t.Errorf("new: %+v", r)
	}
	if r2 := save("https://gazette.example/b", doc("https://gazette.example/b", gazette, "first story text")); r2.Outcome != OutcomeUnchanged || r2.DocumentID != r.DocumentID {
		t.Errorf("same text again: %+v", r2)
	}
	if r3 := save("https://gazette.example/a-copy", doc("https://gazette.example/a-copy", gazette, "first story text")); r3.Outcome != OutcomeDuplicate || r3.DocumentID != r.DocumentID {
		t.Errorf("same text at another URL: %+v", r3)
	}
	if r4 := save("https://gazette.example/b", doc("https://gazette.example/b", gazette, "first story text, corrected")); r4.Outcome != OutcomeUpdated || r4.DocumentID != r.DocumentID {
		t.Errorf("changed text: %+v", r4)
	}
	if r5 := save("https://city.example/press/1", doc("https://city.example/press/1", mayor, "the mayor said")); r5.Outcome != OutcomeNew {
		t.Errorf("statement: %+v", r5)
	}
	if _, err := db.SavePage(ctx, PageRecord{URL: "https://nowhere.example/", RunID: run, State: StateDone, FetchedAt: t0}); err == nil {
		t.Error("saving a URL that is not in the frontier succeeded")
	}

	// The streaming iterator fills city, source, kind and speaker.
	var got []model.Document
	if err := db.EachDocument(ctx, DocumentFilter{}, func(d *model.Document) error { got = append(got, *d); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Text != "first story text, corrected" || got[0].City != "Springfield" || got[0].Source != "Gazette" ||
		got[0].Kind != "news" || got[1].Kind != "statements" || got[1].Speaker != "Mayor Jane Doe" ||
		!got[0].Published.Equal(t0.Add(-48*time.Hour)) || !got[0].FetchedAt.Equal(t0) || len(got[0].Authors) != 1 {
		t.Errorf("documents %+v", got)
	}
	for _, tc := range []struct {
		f    DocumentFilter
		want int
	}{
		{DocumentFilter{City: "Springfield"}, 2},
		{DocumentFilter{City: "Shelbyville"}, 0},
		{DocumentFilter{Source: "Mayor"}, 1},
		{DocumentFilter{Since: t0.Add(-48 * time.Hour)}, 2},
		{DocumentFilter{Since: t0.Add(-47 * time.Hour)}, 0},
		{DocumentFilter{Until: t0}, 2},
		{DocumentFilter{AfterID: got[0].ID}, 1},
		{DocumentFilter{IDs: []int64{got[1].ID}}, 1},
	} {
		if n, err := db.CountDocuments(ctx, tc.f); err != nil || n != tc.want {
			t.Errorf("CountDocuments(%+v) = %d, %v; want %d", tc.f, n, err, tc.want)
		}
	}
	limited := 0
	if err := db.EachDocument(ctx, DocumentFilter{Limit: 1, WithoutText: true}, func(d *model.Document) error {
		limited++
		if d.Text != "" {
			t.Error("WithoutText gave text")
		}
		return nil
	}); err != nil || limited != 1 {
		t.Errorf("Limit 1 gave %d, %v", limited, err)
	}
	stop := errors.New("stop")
	if err := db.EachDocument(ctx, DocumentFilter{}, func(*model.Document) error { return stop }); err != stop {
		t.Errorf("fn's error not returned as is: %v", err)
	}
	if raw, err := db.RawHTML(ctx, got[0].ID); err != nil || string(raw) != "<html>first story text, corrected</html>" {
		t.Errorf("raw %q %v", raw, err)
	}
	if _, err := db.Document(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing document: %v", err)
	}

	// Requeue for a new run: the seed comes back, stored articles do not,
	// unless a feed announces an update after the fetch.
	if _, err := db.SavePage(ctx, PageRecord{URL: "https://gazette.example/a", RunID: run, State: StateDone, Status: 200,
		Outcome: OutcomeNotArticle, FetchedAt: t0}); err != nil {
		t.Fatal(err)
	}
	if rq, err := db.RequeueFrontier(ctx, []int64{gazette, mayor}, false, 3); err != nil || rq.Queued != 1 || len(rq.GivenUp) != 0 {
		t.Errorf("requeue: %+v %v, want 1 (the seed)", rq, err)
	}
	if _, err := db.AddToFrontier(ctx, run, t0, []FrontierEntry{{URL: "https://city.example/press/1", SourceID: mayor, HintUpdated: t0.Add(time.Hour)}}); err != nil {
		t.Fatal(err)
	}
	pending, err := db.PendingFrontier(ctx, []int64{gazette, mayor}, 10)
	if err != nil {
		t.Fatal(err)
	}
	var urls []string
	for _, p := range pending {
		urls = append(urls, p.URL)
	}
	if strings.Join(urls, " ") != "https://gazette.example/a https://city.example/press/1 https://gazette.example/c" {
		t.Errorf("pending %v", urls)
	}
	if pending[0].ETag != "" || pending[1].ETag != `"e1"` {
		t.Errorf("validators: %q %q", pending[0].ETag, pending[1].ETag)
	}

	// Run bookkeeping.
	st := model.CrawlStats{Discovered: 6, Fetched: 5, New: 2, Updated: 1, Unchanged: 1, Duplicates: 1,
		Errors: map[string]int{"timeout": 2}}
	if err := db.UpdateCrawlRun(ctx, run, "done", t0.Add(time.Minute), st, map[int64]SourceRunCounts{gazette: {Fetched: 4, New: 1, Errors: 2, ErrorsByKind: map[string]int{"timeout": 2}}}); err != nil {
		t.Fatal(err)
	}
	runs, err := db.CrawlRuns(ctx)
	if err != nil || len(runs) != 1 || runs[0].Status != "done" || runs[0].Stats.Errors["timeout"] != 2 || runs[0].Stats.Updated != 1 {
		t.Errorf("runs %+v %v", runs, err)
	}
	var errs int
	var kinds string
	if err := db.R.QueryRow(`SELECT errors, errors_by_kind FROM crawl_run_sources WHERE run_id = ? AND source_id = ?`, run, gazette).Scan(&errs, &kinds); err != nil || errs != 2 || kinds != `{"timeout":2}` {
		t.Errorf("run source: %d %s %v", errs, kinds, err)
	}
}

func TestStartCrawlRunLiveness(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	t0 := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	first, err := db.StartCrawlRun(ctx, "", t0, RunOwner{PID: 42, Host: "a"})
	if err != nil {
		t.Fatal(err)
	}
	alive := func(run int64, pid int, host string, hb time.Time) bool {
		return run == first && pid == 42 && host == "a"
	}
	if _, err := db.StartCrawlRun(ctx, "", t0, RunOwner{PID: 43, Host: "a", Alive: alive}); !errors.Is(err, ErrCrawlRunning) {
		t.Fatalf("live run not detected: %v", err)
	}
	dead := func(int64, int, string, time.Time) bool { return false }
	if _, err := db.StartCrawlRun(ctx, "", t0, RunOwner{PID: 43, Host: "a", Alive: dead}); err != nil {
		t.Fatal(err)
	}
	runs, _ := db.CrawlRuns(ctx)
	if len(runs) != 2 || runs[0].Status != "interrupted" || runs[1].Status != "running" {
		t.Errorf("runs %+v", runs)
	}
}

func mustGzip(t *testing.T, s string) []byte {
	b, err := Gzip([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
