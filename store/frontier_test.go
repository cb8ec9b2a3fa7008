package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xenoscope/xenoscope/model"
)

// fillFrontier makes a database whose frontier holds n pending page URLs
// (and a few feeds, sitemaps and done rows) over two sources, like a large
// crawl half way.
func fillFrontier(tb testing.TB, n int) (*DB, []int64) {
	tb.Helper()
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(tb.TempDir(), "f.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	ids, err := db.SyncSources(ctx, []model.CitySpec{{Name: "Leeds", Sources: []model.SourceSpec{{Name: "a", Kind: "news"}, {Name: "b", Kind: "news"}}}})
	if err != nil {
		tb.Fatal(err)
	}
	src := []int64{ids[SourceRef{"Leeds", "a"}], ids[SourceRef{"Leeds", "b"}]}
	err = db.Tx(ctx, func(tx *sql.Tx) error {
		st, err := tx.Prepare(`INSERT INTO frontier(url, source_id, kind, depth, state, discovered_at) VALUES (?, ?, ?, ?, ?, '')`)
		if err != nil {
			return err
		}
		defer st.Close()
		for i := 0; i < n; i++ {
			kind, state := FrontierPage, StatePending
			switch {
			case i%50000 == 7:
				kind = FrontierSitemap
			case i%10 == 3:
				state = StateDone
			}
			if _, err := st.Exec(fmt.Sprintf("https://f.test/%d", i), src[i%2], kind, (n-i)%4, state); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return db, src
}

// The frontier query is served by the frontier_pending index: no sort of
// the whole queue (issue 13 point 10: 200 ms per call at 300k pending).
func TestPendingFrontierUsesIndex(t *testing.T) {
	t.Parallel()
	db, src := fillFrontier(t, 2000)
	rows, err := db.R.Query(`EXPLAIN QUERY PLAN `+pendingQuery, src[0], 96)
	if err != nil {
		t.Fatal(err)
	}
	var plan []string
	for rows.Next() {
		var id, parent, notused int
		var detail string
		if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	rows.Close()
	p := strings.Join(plan, "; ")
	if !strings.Contains(p, "frontier_pending") || strings.Contains(p, "TEMP B-TREE") {
		t.Errorf("query plan %q: want the frontier_pending index and no sort", p)
	}
	// The merged order is the global order: feeds and sitemaps, then depth,
	// then discovery.
	got, err := db.PendingFrontier(context.Background(), src, 500)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	r2, err := db.R.Query(`SELECT url FROM frontier WHERE state = 'pending'
		ORDER BY CASE kind WHEN 'page' THEN 1 ELSE 0 END, depth, rowid LIMIT 500`)
	if err != nil {
		t.Fatal(err)
	}
	for r2.Next() {
		var u string
		r2.Scan(&u)
		want = append(want, u)
	}
	r2.Close()
	if len(got) != len(want) {
		t.Fatalf("%d entries, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i].URL != want[i] {
			t.Fatalf("entry %d: %s, want %s", i, got[i].URL, want[i])
		}
	}
}

// BenchmarkPendingFrontier300k: one frontier selection (96 URLs, as the
// crawler asks) with 300,000 URLs queued, against the former query that
// sorted the whole queue.
//
//	go test ./store/ -run '^$' -bench PendingFrontier -benchtime 20x
func BenchmarkPendingFrontier300k(b *testing.B) {
	db, src := fillFrontier(b, 300_000)
	ctx := context.Background()
	b.Run("index", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if es, err := db.PendingFrontier(ctx, src, 96); err != nil || len(es) != 96 {
				b.Fatal(len(es), err)
			}
		}
	})
	b.Run("sort_whole_queue", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			rows, err := db.R.QueryContext(ctx, `SELECT url FROM frontier WHERE state = 'pending'
				AND source_id IN (?, ?) ORDER BY CASE kind WHEN 'sitemap' THEN 0 WHEN 'feed' THEN 0 ELSE 1 END, depth, rowid LIMIT 96`,
				src[0], src[1])
			if err != nil {
				b.Fatal(err)
			}
			for rows.Next() {
			}
			rows.Close()
		}
	})
}

// A URL whose fetch is cut short (headers arrived, never saved: the process
// died) maxAttempts times is given up, so it cannot stop every later run;
// a success resets the count; a graceful stop takes its count back.
func TestDispatchedFetchesCount(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, src := fillFrontier(t, 0)
	run, err := db.StartCrawlRun(ctx, "", time.Now(), RunOwner{})
	if err != nil {
		t.Fatal(err)
	}
	bomb, ok, calm := "https://f.test/bomb", "https://f.test/ok", "https://f.test/calm"
	if _, err := db.AddToFrontier(ctx, run, time.Now(), []FrontierEntry{{URL: bomb, SourceID: src[0]}, {URL: ok, SourceID: src[0]}, {URL: calm, SourceID: src[0]}}); err != nil {
		t.Fatal(err)
	}
	fails := func(u string) (n int) {
		db.R.QueryRow(`SELECT fails FROM frontier WHERE url = ?`, u).Scan(&n)
		return n
	}
	for i := 0; i < 3; i++ {
		for _, u := range []string{bomb, ok, calm} {
			if err := db.MarkFetching(ctx, u); err != nil {
				t.Fatal(err)
			}
		}
		// ok succeeds every time; calm is stopped gracefully; bomb kills us.
		if _, err := db.SavePage(ctx, PageRecord{URL: ok, RunID: run, State: StateDone, Status: 200, Outcome: OutcomeNotArticle,
			FetchedAt: time.Now(), Counted: true}); err != nil {
			t.Fatal(err)
		}
		if err := db.UnmarkFetching(ctx, []string{calm}); err != nil {
			t.Fatal(err)
		}
		rq, err := db.RequeueFrontier(ctx, src, false, 3)
		if err != nil {
			t.Fatal(err)
		}
		if gaveUp := len(rq.GivenUp) == 1 && rq.GivenUp[0].URL == bomb; gaveUp != (i == 2) {
			t.Fatalf("run %d: given up %v", i+1, rq.GivenUp)
		}
	}
	if state, _, lastErr, _ := db.FrontierState(ctx, bomb); state != StateFailed || lastErr != ErrorInterrupted {
		t.Errorf("bomb URL: %s %s", state, lastErr)
	}
	if fails(ok) != 0 || fails(calm) != 0 {
		t.Errorf("fails: ok %d, calm %d, want 0 0", fails(ok), fails(calm))
	}
	if state, _, _, _ := db.FrontierState(ctx, calm); state != StatePending {
		t.Errorf("calm URL %s, want pending", state)
	}
	// The given-up URL is not retried by the next run.
	if rq, _ := db.RequeueFrontier(ctx, src, false, 3); len(rq.GivenUp) != 0 {
		t.Errorf("given up twice: %v", rq.GivenUp)
	}
	if es, _ := db.PendingFrontier(ctx, src, 10); len(es) != 2 {
		t.Errorf("pending %v", es)
	}
}
