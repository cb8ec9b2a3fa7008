package cli

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xenoscope/xenoscope/model"
	"github.com/xenoscope/xenoscope/store"
	"github.com/xenoscope/xenoscope/store/storetest"
)

// councilPage is a council press release as a city's newsroom publishes it.
func councilPage(title, date, body string) string {
	var ps strings.Builder
	for _, p := range strings.Split(body, "\n\n") {
		fmt.Fprintf(&ps, "<p>%s</p>\n", p)
	}
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>` + title + ` | Springfield City Council</title>
<meta property="og:type" content="article"><meta property="article:published_time" content="` + date + `T09:00:00Z">
</head><body><header><nav><a href="/">Home</a> <a href="/news/">News</a></nav></header>
<main><article><h1>` + title + `</h1><time datetime="` + date + `">` + date + `</time>
` + ps.String() + `</article></main><footer>Springfield City Council, 1 Civic Square</footer></body></html>`
}

// A statements source whose speaker is the mayor publishes a release
// quoting a councillor: through crawl, analyze and figures, the release's
// quotes are the councillor's and the mayor gets only her own release
// (issue 12). `figures -find` on the stored text says the same.
func TestCouncilReleaseCreditsCouncillor(t *testing.T) {
	t.Parallel()
	pages := map[string]string{
		"/news/community-hub.html": councilPage("New community hub for Riverside", "2026-10-06",
			"Councillor Sam Lee has announced that the new community hub on Mill Road will open to all residents in March, after the council approved the final funding package on Tuesday evening.\n\n"+
				"\u201cEveryone in Springfield deserves a warm place to meet, learn English and find work, whether they were born here or arrived last month,\u201d said Councillor Sam Lee.\n\n"+
				"The hub will host advice sessions, a food bank and language classes run by volunteers. Lee said the council would publish the opening hours in February.\n\n"+
				"Residents can register their interest at the civic centre or by calling the council on weekdays."),
		"/news/mayor-welcome.html": councilPage("Mayor welcomes new families", "2026-10-12",
			"Springfield is a city where everyone who comes here in good faith is welcome, and I am proud of the volunteers who have helped the families who arrived this month find homes, schools and work.\n\n"+
				"We will keep working with local charities, churches and the mosque so that every new neighbour has a warm welcome and a fair chance to build a life here.\n\n"+
				"Anyone who wants to help can contact the volunteer centre at the civic centre on weekdays."),
	}
	pages["/news/"] = `<!doctype html><html lang="en"><head><title>News | Springfield City Council</title></head><body>
<h1>Council news</h1><ul><li><a href="/news/community-hub.html">New community hub for Riverside</a></li>
<li><a href="/news/mayor-welcome.html">Mayor welcomes new families</a></li></ul></body></html>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		page, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	}))
	defer srv.Close()
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "council.toml")
	cfg := fmt.Sprintf(`[crawl]
user_agent = "xenoscope-test/1.0"
delay = "0s"
allow_private = true

[[city]]
name = "Springfield"

  [[city.source]]
  name = "Springfield City Council Newsroom"
  kind = "statements"
  speaker = "Mayor Jane Doe"
  seeds = ["%[1]s/news/"]
  max_depth = 1

  [[city.figure]]
  name = "Jane Doe"
  role = "Mayor"

  [[city.figure]]
  name = "Sam Lee"
  role = "Councillor"
`, srv.URL)
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	dbPath := filepath.Join(dir, "x.db")
	for _, args := range [][]string{
		{"crawl", "-config", cfgPath, "-db", dbPath},
		{"analyze", "-config", cfgPath, "-db", dbPath},
	} {
		code, out, errOut := runFiguresCLI(t, "", args...)
		if code != ExitOK {
			t.Fatalf("%v: exit %d\n%s\n%s", args, code, out, errOut)
		}
		t.Logf("%v:\n%s%s", args, out, errOut)
	}
	// statements as stored: who owns which release
	db := storetest.Open(t, dbPath)
	rows, err := db.R.QueryContext(t.Context(), `SELECT d.url, f.name, s.kind, s.text FROM statements s
		JOIN documents d ON d.id = s.document_id JOIN figures f ON f.id = s.figure_id ORDER BY d.url, s.start`)
	if err != nil {
		t.Fatal(err)
	}
	owners := map[string][]string{}
	for rows.Next() {
		var url, name, kind, text string
		if err := rows.Scan(&url, &name, &kind, &text); err != nil {
			t.Fatal(err)
		}
		owners[filepath.Base(url)] = append(owners[filepath.Base(url)], name+"/"+kind)
		t.Logf("%s: %s (%s) %.60q", filepath.Base(url), name, kind, text)
	}
	rows.Close()
	for _, o := range owners["community-hub.html"] {
		if !strings.HasPrefix(o, "Sam Lee/") {
			t.Errorf("the councillor's release: statement by %s, want only Sam Lee's", o)
		}
	}
	if len(owners["community-hub.html"]) == 0 {
		t.Error("the councillor's release has no statement by Sam Lee")
	}
	if got := strings.Join(owners["mayor-welcome.html"], ","); got != "Jane Doe/source" {
		t.Errorf("the mayor's own release: %q, want one source statement by Jane Doe", got)
	}
	var text string
	if err := db.R.QueryRowContext(t.Context(), `SELECT text FROM documents WHERE url LIKE '%community-hub.html'`).Scan(&text); err != nil {
		t.Fatal(err)
	}
	db.Close()

	// the figures list
	code, out, errOut := runFiguresCLI(t, "", "figures", "-db", dbPath, "-format", "json")
	if code != ExitOK {
		t.Fatalf("figures: exit %d: %s", code, errOut)
	}
	var sums []store.FigureSummary
	if err := json.Unmarshal([]byte(out), &sums); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	got := map[string]int{}
	for _, s := range sums {
		got[s.Name] = s.Statements
	}
	if got["Sam Lee"] < 1 || got["Jane Doe"] != 1 {
		t.Errorf("statements per figure %v, want Sam Lee >= 1 and Jane Doe 1 (her own release)", got)
	}

	// figures -find on the stored release text, as documented
	code, out, errOut = runFiguresCLI(t, text, "figures", "-find", "-config", cfgPath, "-city", "Springfield",
		"-kind", model.KindStatements, "-speaker", "Mayor Jane Doe")
	if code != ExitOK {
		t.Fatalf("figures -find: exit %d: %s", code, errOut)
	}
	var found struct{ Quotes []model.Quote }
	if err := json.Unmarshal([]byte(out), &found); err != nil {
		t.Fatal(err)
	}
	if len(found.Quotes) == 0 {
		t.Fatalf("figures -find: no quotes\n%s", out)
	}
	for _, q := range found.Quotes {
		if q.Speaker != "Sam Lee" {
			t.Errorf("figures -find: quote %q credited to %q, want Sam Lee", q.Text, q.Speaker)
		}
	}
}
