package crawl_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xenoscope/xenoscope/config"
	"github.com/xenoscope/xenoscope/crawl"
	"github.com/xenoscope/xenoscope/crawl/crawltest"
	"github.com/xenoscope/xenoscope/model"
	"github.com/xenoscope/xenoscope/store"
)

const testUA = "xenoscope-test/1.0 (+https://example.org/contact)"

// siteConfig writes the config of a crawl of site and parses it for real.
func siteConfig(t testing.TB, site *crawltest.Site, allowPrivate bool, parallelism int) *config.Config {
	t.Helper()
	return loadTOML(t, fmt.Sprintf(`[crawl]
user_agent = %q
delay = "1ms"
parallelism = %d
allow_private = %v

[[city]]
name = "Testville"
country = "CH"

  [[city.source]]
  name = "Testville Courier"
  kind = "news"
  feeds = ["%[4]s/feed.xml", "%[4]s/broken-feed.xml"]
  sitemaps = ["%[4]s/sitemap_index.xml"]
  seeds = ["%[4]s/local/"]
  max_depth = 1
`, testUA, parallelism, allowPrivate, site.URL))
}

// sitemapConfig writes the config of a crawl of one source from sitemaps,
// with the [crawl] settings in crawl (delay, parallelism, min_words ...;
// user_agent and allow_private are set), and parses it for real.
func sitemapConfig(t testing.TB, crawl string, sitemaps ...string) *config.Config {
	t.Helper()
	quoted := make([]string, len(sitemaps))
	for i, s := range sitemaps {
		quoted[i] = fmt.Sprintf("%q", s)
	}
	return loadTOML(t, fmt.Sprintf(`[crawl]
user_agent = %q
allow_private = true
%s
[[city]]
name = "Trapton"
  [[city.source]]
  name = "Trapton Times"
  sitemaps = [%s]
`, testUA, crawl, strings.Join(quoted, ", ")))
}

// loadTOML writes a config file and loads it as the command would.
func loadTOML(t testing.TB, toml string) *config.Config {
	t.Helper()
	p := filepath.Join(t.TempDir(), "cities.toml")
	if err := os.WriteFile(p, []byte(toml), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(p)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func openDB(t testing.TB, p string) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func testOptions() crawl.Options {
	return crawl.Options{Timeout: 2 * time.Second, MaxBodyBytes: 2 << 20, RetryBackoff: 100 * time.Millisecond}
}

func documents(t testing.TB, db *store.DB) map[string]model.Document {
	t.Helper()
	out := map[string]model.Document{}
	err := db.EachDocument(context.Background(), store.DocumentFilter{}, func(d *model.Document) error {
		if _, dup := out[d.URL]; dup {
			t.Errorf("document URL %s stored twice", d.URL)
		}
		out[d.URL] = *d
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func frontierState(t testing.TB, db *store.DB, url string) string {
	t.Helper()
	state, outcome, lastErr, err := db.FrontierState(context.Background(), url)
	if err != nil {
		t.Fatalf("frontier %s: %v", url, err)
	}
	return state + "/" + outcome + "/" + lastErr
}

// wantDocuments is the set of URLs a crawl of the whole site must store:
// every article under its canonical URL, /busy.html (after a 429) and
// the two windows-1252 pages. Articles[3] is also served near-identical at /copy/: it is
// stored once, under whichever of the two URLs was committed first
// (fetches run in parallel).
func wantDocuments(t testing.TB, site *crawltest.Site, docs map[string]model.Document) map[string]bool {
	want := map[string]bool{site.URL + "/busy.html": true, site.URL + "/cp1252.html": true, site.URL + "/cp1252-header.html": true}
	for _, a := range site.Articles {
		want[site.ArticleURL(a)] = true
	}
	copyURL := site.URL + "/copy/" + site.Articles[3].ID
	if _, ok := docs[copyURL]; ok {
		if _, both := docs[site.ArticleURL(site.Articles[3])]; both {
			t.Errorf("near-identical pages stored twice: %s", copyURL)
		}
		delete(want, site.ArticleURL(site.Articles[3]))
		want[copyURL] = true
	}
	return want
}

// TestCrawlSite crawls the whole test site, then re-crawls it twice:
// exactly what is stored and what is not, politeness, incremental re-crawls.
func TestCrawlSite(t *testing.T) {
	t.Parallel()
	site := crawltest.New(t, crawltest.Options{CrawlDelay: "0.02", Slow: 3 * time.Second, Gzip: true})
	cfg := siteConfig(t, site, true, 2)
	dbPath := filepath.Join(t.TempDir(), "x.db")
	db := openDB(t, dbPath)
	ctx := context.Background()

	st, err := crawl.Run(ctx, db, cfg, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("run 1: %+v", st)

	// Exactly these documents: every real article once under its canonical
	// URL, the article behind the 429, and the windows-1252 page. Articles[3]
	// is also served, near-identical, at /copy/: it is stored once, under
	// whichever of the two URLs was committed first (fetches run in parallel).
	docs := documents(t, db)
	want := wantDocuments(t, site, docs)
	for u := range want {
		if _, ok := docs[u]; !ok {
			t.Errorf("not stored: %s (%s)", u, frontierState(t, db, u))
		}
	}
	for u := range docs {
		if !want[u] {
			t.Errorf("stored but should not be: %s", u)
		}
	}
	if st.New != len(want) {
		t.Errorf("stats.New = %d, want %d", st.New, len(want))
	}

	// What is not stored, and why.
	for path, wantState := range map[string]string{
		"/private/secret.html":         "robots/robots/",
		"/private/other.html":          "robots/robots/",
		"/go/private":                  "robots/robots/",
		"/missing.html":                "failed/error/http_4xx",
		"/boom.html":                   "failed/error/http_5xx",
		"/unavailable.html":            "failed/error/http_5xx",
		"/slow.html":                   "failed/error/timeout",
		"/huge.html":                   "failed/error/too_large",
		"/huge-chunked.html":           "failed/error/too_large",
		"/broken-feed.xml":             "failed/error/feed_parse",
		"/local/":                      "done/not_article/seed",
		"/copy/" + site.Articles[3].ID: "done/duplicate/|done/new/",
		"/amp/" + site.Articles[2].ID:  "done/duplicate/|done/new/",
		"/old/" + site.Articles[1].ID:  "done/new/|done/duplicate/",
		"/feed.xml":                    "done/discovery/",
		"/sitemap-b.xml.gz":            "done/discovery/",
	} {
		// Alternatives: whichever of two URLs of one document is committed
		// first gives "new", the other "duplicate".
		got := frontierState(t, db, site.URL+path)
		if !slices.Contains(strings.Split(wantState, "|"), got) {
			t.Errorf("%s: frontier %q, want %q", path, got, wantState)
		}
	}
	wantErrs := map[string]int{"http_4xx": 1, "http_5xx": 2, "timeout": 1, "too_large": 2, "feed_parse": 1}
	for k, v := range wantErrs {
		if st.Errors[k] != v {
			t.Errorf("errors[%s] = %d, want %d (all: %v)", k, st.Errors[k], v, st.Errors)
		}
	}
	if len(st.Errors) != len(wantErrs) {
		t.Errorf("error kinds %v, want exactly %v", st.Errors, wantErrs)
	}
	if st.RobotsSkipped != 3 {
		t.Errorf("robots skipped = %d, want 3", st.RobotsSkipped)
	}
	if st.Duplicates < 1 {
		t.Errorf("duplicates = %d, want >= 1 (amp or its canonical, copy or its original)", st.Duplicates)
	}
	if st.NotArticles != 1 {
		t.Errorf("not articles = %d, want 1 (the seed page)", st.NotArticles)
	}
	// Never fetched: disallowed paths, off-site and non-http links. The
	// tracking-parameter and #fragment duplicates are the same URL.
	if n := site.Hits("/private/secret.html") + site.Hits("/private/other.html") + site.Hits("/private/moved.html"); n != 0 {
		t.Errorf("robots.txt-disallowed pages fetched %d times", n)
	}
	if n := site.Hits("/news/" + site.Articles[0].ID + ".html"); n != 1 {
		t.Errorf("article reached via feed, tracking URL, seed and #fragment fetched %d times, want 1", n)
	}
	if n := site.Hits("/busy.html"); n != 2 {
		t.Errorf("/busy.html fetched %d times, want 2 (429 then retry)", n)
	}
	if n := site.Hits("/unavailable.html"); n != 4 {
		t.Errorf("/unavailable.html fetched %d times, want 4 (503, 3 retries with backoff)", n)
	}
	// Backoff doubles from RetryBackoff (100ms in tests): 100, 200, 400ms.
	var tries, busy []time.Time
	for _, r := range site.RequestLog() {
		switch r.Path {
		case "/unavailable.html":
			tries = append(tries, r.Time)
		case "/busy.html":
			busy = append(busy, r.Time)
		}
	}
	if len(busy) == 2 && busy[1].Sub(busy[0]) < 950*time.Millisecond {
		t.Errorf("429 with Retry-After: 1 retried after %v", busy[1].Sub(busy[0]))
	}
	for i := 1; i < len(tries); i++ {
		if gap, least := tries[i].Sub(tries[i-1]), (100*time.Millisecond)<<(i-1); gap < least*9/10 {
			t.Errorf("retry %d of the 503 after %v, want >= %v", i, gap, least)
		}
	}
	for ua := range site.Agents() {
		if ua != testUA && !strings.HasPrefix(ua, "Go-http-client") {
			t.Errorf("unexpected User-Agent %q", ua)
		}
	}
	if n := site.Agents()[testUA]; n == 0 {
		t.Errorf("configured User-Agent never sent: %v", site.Agents())
	}
	// Crawl-delay 0.02 in robots.txt: one request at a time, >= 20ms apart.
	// (A redirect is followed within the same request.)
	log := site.RequestLog()
	minGap, at := time.Hour, ""
	for i := 1; i < len(log); i++ {
		if strings.HasPrefix(log[i-1].Path, "/old/") {
			continue
		}
		if g := log[i].Time.Sub(log[i-1].Time); g < minGap {
			minGap, at = g, log[i-1].Path+" -> "+log[i].Path
		}
	}
	if minGap < 18*time.Millisecond {
		t.Errorf("smallest gap between requests %v (%s): Crawl-delay 20ms not honoured", minGap, at)
	}

	// Non-UTF-8 page decoded, date from the feed hint, raw HTML kept.
	ch := docs[site.URL+"/cp1252-header.html"]
	if !strings.Contains(ch.Text, "Zürich") || !strings.Contains(ch.Text, crawltest.HeaderCharsetExtra) || strings.ContainsRune(ch.Text, '\uFFFD') {
		t.Errorf("windows-1252 page (charset in header) badly decoded: %.200q", ch.Text)
	}
	cp := docs[site.URL+"/cp1252.html"]
	if !strings.Contains(cp.Text, "Zürich") || !strings.Contains(cp.Text, "Renée Müller") || strings.ContainsRune(cp.Text, '\uFFFD') {
		t.Errorf("windows-1252 page badly decoded: %.200q", cp.Text)
	}
	if !cp.Published.Equal(site.FeedDate) {
		t.Errorf("cp1252 published %v, want feed date %v", cp.Published, site.FeedDate)
	}
	raw, err := db.RawHTML(ctx, cp.ID)
	if err != nil || !strings.Contains(string(raw), "Café Münsterhof") {
		t.Errorf("raw HTML of cp1252 page: %v %.100q", err, raw)
	}
	// A UTF-8 page sent gzip-compressed is kept as it came: the same page.
	a5 := site.Articles[5]
	if raw, err := db.RawHTML(ctx, docs[site.ArticleURL(a5)].ID); err != nil || !bytes.Equal(raw, a5.HTML) {
		t.Errorf("raw HTML of a gzip-sent article: %v, %d bytes, want the %d served", err, len(raw), len(a5.HTML))
	}
	for _, d := range docs {
		if d.City != "Testville" || d.Source != "Testville Courier" || d.Kind != "news" || d.FetchedAt.IsZero() {
			t.Errorf("document %s: city/source/kind/fetched_at = %q %q %q %v", d.URL, d.City, d.Source, d.Kind, d.FetchedAt)
			break
		}
	}

	// The run and its source are recorded with the same counts.
	runs, err := db.CrawlRuns(ctx)
	if err != nil || len(runs) != 1 {
		t.Fatalf("runs %v %v", runs, err)
	}
	if r := runs[0]; r.Status != "done" || r.Stats.New != st.New || r.Stats.Fetched != st.Fetched ||
		r.Stats.RobotsSkipped != 3 || r.Stats.Errors["too_large"] != 2 || r.Stats.Discovered != st.Discovered {
		t.Errorf("recorded run %+v, returned %+v", r, st)
	}
	var srcFetched, srcNew, srcErrors int
	if err := db.R.QueryRow(`SELECT fetched, new_docs, errors FROM crawl_run_sources WHERE run_id = ?`, st.RunID).
		Scan(&srcFetched, &srcNew, &srcErrors); err != nil {
		t.Fatal(err)
	}
	if srcFetched != st.Fetched || srcNew != st.New || srcErrors != 7 {
		t.Errorf("crawl_run_sources fetched=%d new=%d errors=%d; run %+v", srcFetched, srcNew, srcErrors, st)
	}

	// Run 2: incremental. Feeds, sitemaps and the seed page answer 304;
	// articles are not fetched again; nothing is stored again.
	site.ResetCounters()
	st2, err := crawl.Run(ctx, db, cfg, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("run 2: %+v", st2)
	if st2.New != 0 || st2.Updated != 0 {
		t.Errorf("re-crawl stored again: %+v", st2)
	}
	if st2.Unchanged < 5 {
		t.Errorf("re-crawl: %d unchanged (304), want >= 5 (feed, index, 2 sitemaps, seed)", st2.Unchanged)
	}
	for _, a := range site.Articles {
		if n := site.Hits("/news/" + a.ID + ".html"); n != 0 {
			t.Errorf("re-crawl fetched stored article %s again (%d)", a.ID, n)
			break
		}
	}
	if n := len(documents(t, db)); n != len(want) {
		t.Errorf("after re-crawl %d documents, want %d", n, len(want))
	}

	// Run 3: revisit every page with conditional GETs; one article changed.
	changed := site.Articles[10]
	site.Mutate(changed, "Update: the council confirmed the decision on Friday evening after a late session.")
	site.ResetCounters()
	opts := testOptions()
	opts.Revisit = true
	st3, err := crawl.Run(ctx, db, cfg, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("run 3: %+v", st3)
	if st3.New != 0 || st3.Updated != 1 {
		t.Errorf("revisit: new=%d updated=%d, want 0 and 1", st3.New, st3.Updated)
	}
	if st3.Unchanged < len(site.Articles)-1 {
		t.Errorf("revisit: %d unchanged, want >= %d", st3.Unchanged, len(site.Articles)-1)
	}
	if n := site.Hits("/news/" + site.Articles[5].ID + ".html"); n != 1 {
		t.Errorf("revisit fetched an article %d times, want 1", n)
	}
	docs3 := documents(t, db)
	if len(docs3) != len(want) {
		t.Errorf("after revisit %d documents, want %d", len(docs3), len(want))
	}
	if d := docs3[site.ArticleURL(changed)]; !strings.Contains(d.Text, "confirmed the decision on Friday") {
		t.Errorf("changed article not updated: %.200q", d.Text)
	}
	if d, d0 := docs3[site.ArticleURL(site.Articles[5])], docs[site.ArticleURL(site.Articles[5])]; !d.FetchedAt.Equal(d0.FetchedAt) {
		t.Errorf("unchanged article re-stored: fetched_at %v -> %v", d0.FetchedAt, d.FetchedAt)
	}
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
}

// TestPrivateAddressesRefused: without allow_private, a loopback site is
// refused after DNS resolution, nothing is stored, the source failed.
func TestPrivateAddressesRefused(t *testing.T) {
	t.Parallel()
	site := crawltest.New(t, crawltest.Options{Articles: 10})
	cfg := siteConfig(t, site, false, 2)
	db := openDB(t, filepath.Join(t.TempDir(), "x.db"))
	st, err := crawl.Run(context.Background(), db, cfg, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if st.New != 0 || st.Errors["private_address"] == 0 || len(st.Sources) != 1 || !st.Sources[0].Failed {
		t.Errorf("stats %+v", st)
	}
	if n := len(site.RequestTimes()); n != 0 {
		t.Errorf("%d requests reached the loopback site", n)
	}
	runs, _ := db.CrawlRuns(context.Background())
	if len(runs) != 1 || runs[0].Status != "partial" {
		t.Errorf("runs %+v", runs)
	}
}

func TestUnknownCity(t *testing.T) {
	t.Parallel()
	site := crawltest.New(t, crawltest.Options{Articles: 8})
	cfg := siteConfig(t, site, true, 2)
	db := openDB(t, filepath.Join(t.TempDir(), "x.db"))
	_, err := crawl.Run(context.Background(), db, cfg, crawl.Options{City: "Nowhere"})
	if err == nil || !strings.Contains(err.Error(), "Nowhere") {
		t.Fatalf("err = %v", err)
	}
	if n := len(site.RequestTimes()); n != 0 {
		t.Errorf("%d requests for an unknown city", n)
	}
}

// -max-pages stops dispatching pages; the rest stays pending and the next
// run finishes the job without fetching anything twice. Also draws the
// progress bar into a buffer.
func TestMaxPagesThenContinue(t *testing.T) {
	t.Parallel()
	site := crawltest.New(t, crawltest.Options{Articles: 12, Slow: 3 * time.Second})
	cfg := siteConfig(t, site, true, 2)
	db := openDB(t, filepath.Join(t.TempDir(), "x.db"))
	ctx := context.Background()
	var bar bytes.Buffer
	opts := testOptions()
	opts.MaxPages = 5
	opts.Progress = &bar
	st, err := crawl.Run(ctx, db, cfg, opts)
	if err != nil {
		t.Fatal(err)
	}
	pages := 0
	for _, r := range site.RequestLog() {
		if !strings.HasSuffix(r.Path, ".xml") && !strings.HasSuffix(r.Path, ".xml.gz") && !strings.HasPrefix(r.Path, "/old/") {
			pages++
		}
	}
	if pages > 5+1 { // + the 429 retry
		t.Errorf("max-pages 5: %d page requests", pages)
	}
	counts, _ := db.FrontierCounts(ctx)
	if counts["pending"] == 0 || st.New == 0 || st.New > 5 {
		t.Errorf("after max-pages: new %d, frontier %v", st.New, counts)
	}
	if bar.Len() == 0 {
		t.Error("no progress drawn")
	}
	if _, err := crawl.Run(ctx, db, cfg, testOptions()); err != nil {
		t.Fatal(err)
	}
	if n := len(documents(t, db)); n != len(site.Articles)+3 {
		t.Errorf("after the second run %d documents, want %d", n, len(site.Articles)+3)
	}
	for i, a := range site.Articles {
		if n := site.Hits("/news/" + a.ID + ".html"); n != 1 && !(i == 1 && n == 2) && !(i == 2 && n == 0) {
			// Articles[1] is also the target of the /old/ redirect, which
			// must be fetched to learn where it leads; Articles[2] may be
			// stored from its /amp/ copy (rel=canonical) and not fetched.
			t.Errorf("article %s fetched %d times", a.ID, n)
		}
	}
}
