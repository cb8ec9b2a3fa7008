package faults

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xenoscope/xenoscope/config"
	"github.com/xenoscope/xenoscope/crawl"
	"github.com/xenoscope/xenoscope/store"
)

// words makes a paragraph long enough to count as an article.
func words(seed string) string {
	var b strings.Builder
	for i := 0; i < 80; i++ {
		fmt.Fprintf(&b, "%s word%d ", seed, i)
	}
	return b.String()
}

// hostileSite serves every trap at once and counts requests per path.
type hostileSite struct {
	*httptest.Server
	mu   sync.Mutex
	hits map[string]int
}

func (h *hostileSite) hit(p string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.hits[p]
}

func (h *hostileSite) hitsPrefix(prefix string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	n := 0
	for p, c := range h.hits {
		if strings.HasPrefix(p, prefix) {
			n += c
		}
	}
	return n
}

func newHostileSite(t *testing.T) *hostileSite {
	h := &hostileSite{hits: map[string]int{}}
	page := func(w http.ResponseWriter, title, body string) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<!DOCTYPE html><html><head><title>%s</title></head><body><article><h1>%s</h1><p>%s</p></article></body></html>", title, title, body)
	}
	h.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.mu.Lock()
		h.hits[r.URL.Path]++
		h.mu.Unlock()
		switch p := r.URL.Path; {
		case p == "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nAllow: /\n")
		case p == "/seed":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, `<html><body>
<a href="/loop/a">loop</a> <a href="/farm/0">farm</a> <a href="/huge">huge</a> <a href="/slowloris">slow</a>
<a href="javascript:alert(document.cookie)">js</a> <a href="file:///etc/passwd">file</a>
<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">data</a> <a href="mailto:editor@example.org">mail</a>
<a href="ftp://example.org/x">ftp</a> <a href="/ok">a real article</a></body></html>`)
		case p == "/loop/a":
			http.Redirect(w, r, "/loop/b", http.StatusFound)
		case p == "/loop/b":
			http.Redirect(w, r, "/loop/a", http.StatusFound)
		case strings.HasPrefix(p, "/farm/"):
			// An endless link farm: every page is new and links to two more.
			n, _ := strconv.Atoi(strings.TrimPrefix(p, "/farm/"))
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprintf(w, `<html><body><article><h1>Farm %d</h1><p>%s</p></article><a href="/farm/%d">next</a> <a href="/farm/%d">other</a></body></html>`,
				n, words(fmt.Sprint("farm", n)), 2*n+1, 2*n+2)
		case p == "/huge":
			// A gigantic page: 64 MiB of paragraphs, streamed.
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, "<html><body><article>")
			chunk := []byte("<p>" + strings.Repeat("endless text ", 800) + "</p>\n")
			for i := 0; i < (64<<20)/len(chunk); i++ {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		case p == "/slowloris":
			// Headers at once, then one byte every 200ms, forever.
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(200)
			for {
				if _, err := w.Write([]byte(" ")); err != nil {
					return
				}
				w.(http.Flusher).Flush()
				select {
				case <-r.Context().Done():
					return
				case <-time.After(200 * time.Millisecond):
				}
			}
		case p == "/ok":
			page(w, "A real article", words("real"))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(h.Close)
	return h
}

func hostileConfig(t *testing.T, url string, allowPrivate bool, depth int, seed ...string) *config.Config {
	seedPath := "/seed"
	if len(seed) > 0 {
		seedPath = seed[0]
	}
	toml := fmt.Sprintf(`[crawl]
delay = "1ms"
parallelism = 4
allow_private = %v

[[city]]
name = "Trapton"

  [[city.source]]
  name = "Trapton Traps"
  seeds = ["%s%s"]
  max_depth = %d
`, allowPrivate, url, seedPath, depth)
	p := filepath.Join(t.TempDir(), "cities.toml")
	if err := os.WriteFile(p, []byte(toml), 0o644); err != nil {
		t.Fatal(err)
	}
	return loadConfig(t, p)
}

// TestHostileSites crawls a site full of traps. The crawl must finish in
// bounded time, store the one real article, count each trap as an error
// of the right kind, log it, and never request a non-HTTP link.
func TestHostileSites(t *testing.T) {
	h := newHostileSite(t)
	db := openDB(t, filepath.Join(t.TempDir(), "x.db"))
	logs := newSyncBuffer()
	log := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	start := time.Now()
	st, err := crawl.Run(ctx, db, hostileConfig(t, h.URL, true, 4), crawl.Options{
		Logger: log, Timeout: 2 * time.Second, MaxBodyBytes: 1 << 20, MaxAttempts: 1, RetryBackoff: time.Millisecond,
	})
	took := time.Since(start)
	if err != nil {
		t.Fatalf("crawl of the hostile site failed as a whole (it should count errors and go on): %v", err)
	}
	t.Logf("hostile crawl took %s; errors %v; stats %+v", took.Round(time.Millisecond), st.Errors, st)
	if took > 30*time.Second {
		t.Errorf("hostile crawl took %s: a trap held it", took)
	}
	// Each trap is an error of its kind.
	for kind, want := range map[string]int{"too_large": 1, "timeout": 1, "redirect": 1} {
		if st.Errors[kind] < want {
			t.Errorf("errors[%q] = %d, want >= %d (all errors: %v)", kind, st.Errors[kind], want, st.Errors)
		}
	}
	// Redirect loop: bounded (Go's and colly's limit is 10 hops).
	if n := h.hit("/loop/a") + h.hit("/loop/b"); n > 12 {
		t.Errorf("redirect loop followed %d times", n)
	}
	// Link farm: max_depth 4 from the seed allows farm pages at depths
	// 1..4: at most 1+2+4+8 = 15 pages.
	if n := h.hitsPrefix("/farm/"); n == 0 || n > 15 {
		t.Errorf("link farm: %d pages fetched, want 1..15 (depth cap 4)", n)
	}
	// Non-HTTP links are never requested nor queued.
	for _, u := range []string{"javascript:alert(document.cookie)", "file:///etc/passwd", "mailto:editor@example.org", "ftp://example.org/x"} {
		if _, _, _, err := db.FrontierState(ctx, u); err == nil {
			t.Errorf("%s was queued in the frontier", u)
		}
	}
	for p := range h.hits {
		if strings.Contains(p, "etc/passwd") || strings.Contains(p, "script") {
			t.Errorf("the server saw a request for %q", p)
		}
	}
	// The real article is stored; the traps are not.
	n, err := db.CountDocuments(ctx, store.DocumentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if state, _, _, err := db.FrontierState(ctx, h.URL+"/ok"); err != nil || state != "done" {
		t.Errorf("the real article: state %q, %v", state, err)
	}
	if n < 1 || n > 16 {
		t.Errorf("%d documents stored, want the real article plus at most the 15 farm pages", n)
	}
	// Every trap is in the log, by URL.
	for _, p := range []string{"/huge", "/slowloris", "/loop/a"} {
		if !strings.Contains(logs.String(), h.URL+p) {
			t.Errorf("log does not mention %s:\n%.2000s", p, logs.String())
		}
	}
}

// TestLinkFarmPageCap: the -max-pages cap stops an endless farm whatever
// the depth allows, and leaves the rest pending for the next run.
func TestLinkFarmPageCap(t *testing.T) {
	h := newHostileSite(t)
	db := openDB(t, filepath.Join(t.TempDir(), "x.db"))
	ctx := context.Background()
	cfg := hostileConfig(t, h.URL, true, 10, "/farm/1")
	opts := crawl.Options{MaxPages: 6, Timeout: 2 * time.Second, MaxBodyBytes: 1 << 20}
	if _, err := crawl.Run(ctx, db, cfg, opts); err != nil {
		t.Fatal(err)
	}
	first := h.hitsPrefix("/farm/")
	// The seed page plus 6 pages, give or take the requests in flight.
	if first < 6 || first > 1+6+4 {
		t.Errorf("%d farm pages fetched with MaxPages 6", first)
	}
	if _, err := crawl.Run(ctx, db, cfg, opts); err != nil {
		t.Fatal(err)
	}
	second := h.hitsPrefix("/farm/") - first
	if second < 5 || second > 1+6+4 {
		t.Errorf("second capped run fetched %d farm pages, want about 6 more (the pending ones)", second)
	}
	t.Logf("MaxPages 6: first run %d farm requests, second run %d more", first, second)
}

// TestPrivateRedirectRefused: with allow_private = false, a site that
// resolves (or redirects) to a loopback or private address is refused at
// dial time, for every connection, redirects included: the server is
// never reached, and the errors are counted as private_address and logged.
func TestPrivateRedirectRefused(t *testing.T) {
	h := newHostileSite(t)
	db := openDB(t, filepath.Join(t.TempDir(), "x.db"))
	logs := newSyncBuffer()
	st, err := crawl.Run(context.Background(), db, hostileConfig(t, h.URL, false, 2), crawl.Options{
		Logger: slog.New(slog.NewTextHandler(logs, nil)), Timeout: 2 * time.Second, MaxAttempts: 1,
	})
	if err != nil {
		t.Logf("crawl returned %v", err)
	}
	h.mu.Lock()
	total := 0
	for _, c := range h.hits {
		total += c
	}
	h.mu.Unlock()
	if total != 0 {
		t.Errorf("%d requests reached the loopback site with allow_private = false", total)
	}
	if st.Errors["private_address"] == 0 {
		t.Errorf("no private_address error counted: %v", st.Errors)
	}
	if !contains(logs.String(), "private") {
		t.Errorf("refusal not logged:\n%s", logs.String())
	}
}
