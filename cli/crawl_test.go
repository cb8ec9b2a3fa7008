package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xenoscope/xenoscope/config"
	"github.com/xenoscope/xenoscope/crawl"
	"github.com/xenoscope/xenoscope/crawl/crawltest"
	"github.com/xenoscope/xenoscope/model"
	"github.com/xenoscope/xenoscope/store"
)

func crawlTestConfig(t *testing.T, site *crawltest.Site, extra string) string {
	t.Helper()
	toml := fmt.Sprintf(`[crawl]
user_agent = "xenoscope-test/1.0"
delay = "1ms"
parallelism = 2
allow_private = true

[[city]]
name = "Testville"

  [[city.source]]
  name = "Testville Courier"
  sitemaps = ["%[1]s/sitemap_index.xml"]
  seeds = ["%[1]s/local/"]
  max_depth = 1
%[2]s`, site.URL, extra)
	p := filepath.Join(t.TempDir(), "cities.toml")
	if err := os.WriteFile(p, []byte(toml), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func runCrawlCLI(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = Run(context.Background(), args, strings.NewReader(""), &o, &e)
	return code, o.String(), e.String()
}

func TestCrawlAndExportCommands(t *testing.T) {
	site := crawltest.New(t, crawltest.Options{Articles: 12})
	cfgPath := crawlTestConfig(t, site, "")
	dbPath := filepath.Join(t.TempDir(), "x.db")

	code, out, errOut := runCrawlCLI("crawl", "-config", cfgPath, "-db", dbPath, "-json", "-timeout", "2s")
	if code != ExitOK {
		t.Fatalf("crawl exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	var sum struct {
		New     int            `json:"new"`
		Fetched int            `json:"fetched"`
		Status  string         `json:"status"`
		Errors  map[string]int `json:"errors"`
		Sources []struct {
			Source string `json:"source"`
			New    int    `json:"new"`
		} `json:"sources"`
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("-json output: %v\n%s", err, out)
	}
	// The sitemaps list all 11 articles (the 12th is the /busy.html one,
	// only in the feed, which this config does not list).
	if sum.New != 11 || sum.Status != "done" || len(sum.Sources) != 1 || sum.Sources[0].New != 11 {
		t.Errorf("summary %+v", sum)
	}

	// A second run prints the one-line summary.
	code, out, errOut = runCrawlCLI("crawl", "-config", cfgPath, "-db", dbPath)
	if code != ExitOK || !strings.HasPrefix(out, "crawl run 2: 1 sources,") || !strings.Contains(out, " 0 new,") ||
		strings.Count(out, "\n") != 1 {
		t.Errorf("second crawl: exit %d, stdout %q, stderr %q", code, out, errOut)
	}

	// export -format jsonl: one object per document with the documented fields.
	code, out, errOut = runCrawlCLI("export", "-db", dbPath, "-format", "jsonl")
	if code != ExitOK {
		t.Fatalf("export exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 11 {
		t.Fatalf("jsonl has %d lines, want 11", len(lines))
	}
	for _, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"id", "url", "city", "source", "kind", "title", "text", "published", "authors", "language", "fetched_at"} {
			if _, ok := m[k]; !ok {
				t.Errorf("jsonl row lacks %q: %.200s", k, l)
			}
		}
		if len(m) != len(exportColumns) {
			t.Errorf("jsonl row has %d fields, want %d", len(m), len(exportColumns))
		}
		if m["model"] != nil || m["migration"] != nil {
			t.Errorf("an unscored document has scores: %v %v", m["model"], m["migration"])
		}
		if m["city"] != "Testville" || m["kind"] != "news" || !strings.HasPrefix(m["url"].(string), site.URL+"/news/") {
			t.Errorf("row %v %v %v", m["city"], m["kind"], m["url"])
		}
		if p := m["published"].(string); p != "" {
			if _, err := time.Parse(time.RFC3339, p); err != nil {
				t.Errorf("published %q not RFC 3339", p)
			}
		}
		if _, err := time.Parse(time.RFC3339, m["fetched_at"].(string)); err != nil {
			t.Errorf("fetched_at %q not RFC 3339", m["fetched_at"])
		}
	}

	// export -format csv: same columns, same rows, texts with newlines intact.
	code, out, errOut = runCrawlCLI("export", "-db", dbPath, "-format", "csv", "-city", "Testville", "-since", "1990-01-01")
	if code != ExitOK {
		t.Fatalf("csv export exit %d: %s", code, errOut)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 12 || strings.Join(recs[0], ",") != "id,url,city,source,kind,title,text,published,authors,language,fetched_at,month,month_from_fetch,model,scored_at,migration,anti_migrant,counter_speech,stance,populism,populist_sentences,tone,hate_crime_report" {
		t.Errorf("csv: %d records, header %v", len(recs), recs[0])
	}

	// -since in the future: nothing.
	code, out, _ = runCrawlCLI("export", "-db", dbPath, "-since", "2999-01-01")
	if code != ExitOK || out != "" {
		t.Errorf("future -since: exit %d, %d bytes", code, len(out))
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"export", "-db", dbPath, "-format", "xml"}, `unknown format "xml"`},
		{[]string{"export", "-db", dbPath, "-city", "Atlantis"}, `unknown city "Atlantis"`},
		{[]string{"export", "-db", dbPath, "-since", "last week"}, `-since "last week" is not a date`},
		{[]string{"export", "-db", filepath.Join(t.TempDir(), "none.db")}, "does not exist"},
		{[]string{"export"}, "export needs -db"},
		{[]string{"crawl", "-db", dbPath}, "crawl needs -config and -db"},
		{[]string{"crawl", "-config", cfgPath, "-db", dbPath, "-city", "Atlantis"}, `unknown city "Atlantis"`},
	} {
		code, _, errOut := runCrawlCLI(tc.args...)
		if code != ExitError || !strings.Contains(errOut, tc.want) || !strings.Contains(errOut, "hint: ") {
			t.Errorf("%v: exit %d, stderr %q; want 1 and %q", tc.args, code, errOut, tc.want)
		}
	}
}

// A config error names file:line and nothing is crawled or created.
func TestCrawlBadConfig(t *testing.T) {
	site := crawltest.New(t, crawltest.Options{Articles: 8})
	cfgPath := crawlTestConfig(t, site, "\n  [[city.source]]\n  name = \"Deep\"\n  seeds = [\""+site.URL+"/\"]\n  max_depth = 99\n")
	dbPath := filepath.Join(t.TempDir(), "x.db")
	code, _, errOut := runCrawlCLI("crawl", "-config", cfgPath, "-db", dbPath)
	if code != ExitError || !strings.Contains(errOut, cfgPath+":") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	b, _ := os.ReadFile(cfgPath)
	line := 0
	for i, l := range strings.Split(string(b), "\n") {
		if strings.Contains(l, `name = "Deep"`) {
			line = i // the [[city.source]] header is the line above (1-based: i)
		}
	}
	if want := fmt.Sprintf("%s:%d:", cfgPath, line); !strings.Contains(errOut, want) || !strings.Contains(errOut, "max_depth") {
		t.Errorf("error %q does not name %s and max_depth", errOut, want)
	}
	if _, err := os.Stat(dbPath); !os.IsNotExist(err) {
		t.Errorf("database created for a bad config: %v", err)
	}
	if n := len(site.RequestLog()); n != 0 {
		t.Errorf("%d requests made with a bad config", n)
	}
}

// A source whose every fetch fails makes the run partial: exit code 3.
func TestCrawlPartialExit(t *testing.T) {
	site := crawltest.New(t, crawltest.Options{Articles: 8})
	cfgPath := crawlTestConfig(t, site, `
  [[city.source]]
  name = "Dead Press Office"
  kind = "statements"
  speaker = "Mayor Jane Doe"
  seeds = ["`+site.URL+`/boom.html"]
`)
	dbPath := filepath.Join(t.TempDir(), "x.db")
	code, out, errOut := runCrawlCLI("crawl", "-config", cfgPath, "-db", dbPath)
	if code != ExitPartial || !strings.Contains(errOut, "Dead Press Office") || !strings.Contains(errOut, "http_5xx 1") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// export runs again and again while a crawl writes: never "database is
// locked", every export a consistent snapshot.
func TestExportDuringCrawl(t *testing.T) {
	site := crawltest.New(t, crawltest.Options{Articles: 30, PageDelay: 20 * time.Millisecond})
	cfgPath := crawlTestConfig(t, site, "")
	cfg, err := config.Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	dbPath := filepath.Join(t.TempDir(), "x.db")
	db, err := store.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var wg sync.WaitGroup
	wg.Add(1)
	var crawlErr error
	done := make(chan struct{})
	go func() {
		defer wg.Done()
		defer close(done)
		var st model.CrawlStats
		st, crawlErr = crawl.Run(context.Background(), db, cfg, crawl.Options{Timeout: 2 * time.Second})
		t.Logf("crawl: %+v", st)
	}()
	// The config lists the sitemaps and the seed page, not the feed.
	reachable := map[string]bool{}
	for _, list := range [][]crawltest.Article{site.SitemapA, site.SitemapB, site.Seed} {
		for _, a := range list {
			reachable[a.ID] = true
		}
	}
	want := len(reachable)
	exports, maxRows, sawPartial := 0, 0, false
	for finished := false; !finished; {
		select {
		case <-done:
			finished = true
		default:
		}
		code, out, errOut := runCrawlCLI("export", "-db", dbPath, "-format", "jsonl")
		if code != ExitOK {
			t.Fatalf("export during crawl: exit %d: %s", code, errOut)
		}
		n := strings.Count(out, "\n")
		if n < maxRows {
			t.Errorf("export went from %d to %d rows", maxRows, n)
		}
		if n > 0 && n < want {
			sawPartial = true
		}
		maxRows = n
		exports++
	}
	wg.Wait()
	if crawlErr != nil {
		t.Fatal(crawlErr)
	}
	if maxRows != want || !sawPartial {
		t.Errorf("%d exports, last had %d rows (want %d), saw a mid-crawl export: %v", exports, maxRows, want, sawPartial)
	}
	t.Logf("%d exports ran during the crawl", exports)
}
