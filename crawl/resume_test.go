package crawl_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xenoscope/xenoscope/config"
	"github.com/xenoscope/xenoscope/crawl"
	"github.com/xenoscope/xenoscope/crawl/crawltest"
	"github.com/xenoscope/xenoscope/store"
)

// TestCrawlHelperProcess is not a test: TestKillAndResume runs the test
// binary again with XENOSCOPE_CRAWL_HELPER=1 to crawl in a subprocess it
// can SIGKILL.
func TestCrawlHelperProcess(t *testing.T) {
	if os.Getenv("XENOSCOPE_CRAWL_HELPER") != "1" {
		t.Skip("helper process for TestKillAndResume")
	}
	cfg, err := config.Load(os.Getenv("XENOSCOPE_CRAWL_CONFIG"))
	if err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(context.Background(), os.Getenv("XENOSCOPE_CRAWL_DB"))
	if err != nil {
		t.Fatal(err)
	}
	opts := testOptions()
	if os.Getenv("XENOSCOPE_CRAWL_DEFAULTS") == "1" {
		opts = crawl.Options{} // the product's defaults (10 MiB body cap, 30s timeout)
	}
	if _, err := crawl.Run(context.Background(), db, cfg, opts); err != nil {
		t.Fatal(err)
	}
	os.Exit(0)
}

// TestKillAndResume kills a crawl with SIGKILL midway, resumes it, and
// checks that nothing committed was lost or doubled.
func TestKillAndResume(t *testing.T) {
	t.Parallel()
	site := crawltest.New(t, crawltest.Options{Articles: 30, PageDelay: 30 * time.Millisecond, Slow: 3 * time.Second})
	cfg := siteConfig(t, site, true, 1)
	dbPath := filepath.Join(t.TempDir(), "x.db")
	// Create the schema before two processes use the file.
	db := openDB(t, dbPath)
	ctx := context.Background()

	cmd := exec.Command(os.Args[0], "-test.run=^TestCrawlHelperProcess$", "-test.v")
	cmd.Env = append(os.Environ(), "XENOSCOPE_CRAWL_HELPER=1", "XENOSCOPE_CRAWL_CONFIG="+cfg.Path,
		"XENOSCOPE_CRAWL_DB="+dbPath)
	out, err := os.CreateTemp(t.TempDir(), "helper")
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill once some, but not all, documents are committed.
	deadline := time.Now().Add(60 * time.Second)
	killedAt := 0
	for time.Now().Before(deadline) {
		n, err := db.CountDocuments(ctx, store.DocumentFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if n >= 8 {
			killedAt = n
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if killedAt == 0 {
		b, _ := os.ReadFile(out.Name())
		t.Fatalf("helper stored nothing in time; output:\n%s", b)
	}
	before := documents(t, db)
	if len(before) < killedAt {
		t.Fatalf("after kill %d documents, counted %d before", len(before), killedAt)
	}
	wantAll := len(site.Articles) + 3 // + busy + 2 windows-1252 pages
	if len(before) >= wantAll {
		t.Fatalf("crawl finished before the kill (%d documents); slow the site down", len(before))
	}
	t.Logf("killed after %d documents committed", len(before))
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Fatalf("after SIGKILL: %v", err)
	}

	// Resume in this process.
	st, err := crawl.Run(ctx, db, cfg, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	after := documents(t, db)
	for u, d := range before {
		a, ok := after[u]
		if !ok || a.ID != d.ID || a.Text != d.Text {
			t.Errorf("document %s lost or changed by the resume", u)
		}
	}
	want := wantDocuments(t, site, after)
	if len(after) != len(want) {
		t.Errorf("after resume %d documents, want %d", len(after), len(want))
	}
	for u := range want {
		if _, ok := after[u]; !ok {
			t.Errorf("missing after resume: %s", u)
		}
	}
	if st.New != len(want)-len(before) {
		t.Errorf("resume stored %d new, want %d (already had %d)", st.New, len(want)-len(before), len(before))
	}
	// Nothing doubled: one row per URL and per content hash.
	var dupURL, dupHash int
	db.R.QueryRow(`SELECT count(*) - count(DISTINCT url), count(*) - count(DISTINCT content_hash) FROM documents`).Scan(&dupURL, &dupHash)
	if dupURL != 0 || dupHash != 0 {
		t.Errorf("duplicated rows: url %d, hash %d", dupURL, dupHash)
	}
	// Each article was fetched once per recorded attempt (frontier.attempts
	// counts every committed outcome: a timeout on a loaded machine is one,
	// the success another), plus at most once more if it was in flight, not
	// yet committed, at the kill (fetching, extracting and committing overlap).
	attempts := map[string]int{}
	rows, err := db.R.Query(`SELECT url, attempts FROM frontier`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var u string
		var n int
		if err := rows.Scan(&u, &n); err != nil {
			t.Fatal(err)
		}
		attempts[u] = n
	}
	rows.Close()
	twice := 0
	for _, a := range site.Articles {
		path := "/news/" + a.ID + ".html"
		recorded := 0
		for u, n := range attempts {
			// /old/ID redirects to the article: its fetches hit the
			// article's path too, recorded under the /old/ URL.
			if strings.HasSuffix(u, path) || strings.HasSuffix(u, "/old/"+a.ID) {
				recorded += n
			}
		}
		switch n := site.Hits(path); {
		case n < 1 || n > recorded+1:
			t.Errorf("article %s fetched %d times, %d fetches recorded", a.ID, n, recorded)
		case n == recorded+1:
			twice++
		}
	}
	t.Logf("%d articles were fetched but not committed at the kill and fetched again", twice)
	runs, err := db.CrawlRuns(ctx)
	if err != nil || len(runs) != 2 || runs[0].Status != "interrupted" || runs[1].Status != "done" {
		t.Errorf("runs: %+v %v", runs, err)
	}
	counts, err := db.FrontierCounts(ctx)
	if err != nil || counts["pending"] != 0 {
		t.Errorf("frontier after resume: %v %v", counts, err)
	}
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
}

// Two crawls of one database at once: the second is refused while the
// first is alive, and the first is not marked interrupted by it.
func TestOneCrawlAtATime(t *testing.T) {
	t.Parallel()
	site := crawltest.New(t, crawltest.Options{Articles: 20, PageDelay: 30 * time.Millisecond})
	cfg := siteConfig(t, site, true, 1)
	db := openDB(t, filepath.Join(t.TempDir(), "x.db"))
	ctx := context.Background()
	started := make(chan struct{})
	var once sync.Once
	errc := make(chan error, 1)
	go func() {
		opts := testOptions()
		opts.AfterPage = func(string, string) { once.Do(func() { close(started) }) }
		_, err := crawl.Run(ctx, db, cfg, opts)
		errc <- err
	}()
	<-started
	_, err := crawl.Run(ctx, db, cfg, testOptions())
	if !errors.Is(err, store.ErrCrawlRunning) {
		t.Errorf("second concurrent crawl: %v, want ErrCrawlRunning", err)
	}
	if err := <-errc; err != nil {
		t.Fatal(err)
	}
	runs, err := db.CrawlRuns(ctx)
	if err != nil || len(runs) != 1 || runs[0].Status != "done" {
		t.Errorf("runs %+v %v", runs, err)
	}
	// Afterwards a new crawl starts normally.
	if _, err := crawl.Run(ctx, db, cfg, testOptions()); err != nil {
		t.Fatal(err)
	}
}
