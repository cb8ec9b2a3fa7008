package cli

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xenoscope/xenoscope/config"
	"github.com/xenoscope/xenoscope/crawl/crawltest"
	"github.com/xenoscope/xenoscope/store"
	"github.com/xenoscope/xenoscope/store/storetest"
)

// workflowTexts are documents the real models score clearly apart.
var workflowTexts = []string{
	"These invaders are vermin. Send every migrant back, they are ruining our town and we do not want them here.",
	"Mayor Jane Doe said refugees are welcome in Leeds and that the city stands with its migrant neighbours against hate.",
	"Police are investigating racist graffiti sprayed on the mosque; officers said the attack on asylum seekers was a hate crime.",
	"The library opens on Monday with new reading rooms and a café on the ground floor.",
	"The council approved the budget for road repairs and the new bus timetable on Tuesday.",
}

// scoredTestDB writes documents of two cities (one titled like a
// spreadsheet formula) and scores them with the real models through the
// analyze command. It returns the database path.
func scoredTestDB(t *testing.T, docs int) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "x.db")
	f := storetest.Open(t, p)
	var ds []storetest.Doc
	for i := 0; i < docs; i++ {
		city, src := "Leeds", "Leeds Post"
		if i%3 == 2 {
			city, src = "York", "York Press"
		}
		title := fmt.Sprintf("Story %d", i)
		if i == 0 {
			title = "=HYPERLINK(\"http://evil.example\",\"click\")"
		}
		ds = append(ds, storetest.Doc{City: city, Source: src, URL: fmt.Sprintf("https://news.test/%d", i), Title: title,
			Text:      fmt.Sprintf("%s (%d)", workflowTexts[i%len(workflowTexts)], i),
			Published: time.Date(2026, time.Month(1+i%9), 3, 0, 0, 0, 0, time.UTC), FetchedAt: time.Date(2026, 10, 30, 0, 0, 0, 0, time.UTC)})
	}
	f.Docs(ds...)
	f.Close()
	if code, _, errOut := runCLI(t, "", "analyze", "-db", p, "-q"); code != 0 {
		t.Fatalf("analyze: exit %d: %s", code, errOut)
	}
	return p
}

func TestExportWithScores(t *testing.T) {
	t.Parallel()
	p := scoredTestDB(t, 10)
	code, out, errOut := runCLI(t, "", "export", "-db", p, "-format", "csv", "-city", "Leeds")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	if len(recs) != 1+7 { // ids 0,1,3,4,6,7,9 are Leeds
		t.Fatalf("%d rows, want 7 Leeds documents", len(recs)-1)
	}
	for _, r := range recs[1:] {
		if !strings.HasPrefix(r[col["model"]], "xs1-") || r[col["scored_at"]] == "" {
			t.Errorf("row %s: model %q scored_at %q", r[0], r[col["model"]], r[col["scored_at"]])
		}
		for _, s := range store.DocScoreNames {
			if _, err := strconv.ParseFloat(r[col[s]], 64); err != nil {
				t.Errorf("row %s: %s = %q is not a number", r[0], s, r[col[s]])
			}
		}
		if r[col["city"]] != "Leeds" {
			t.Errorf("row %s: city %q", r[0], r[col["city"]])
		}
		if r[0] == "1" {
			if !strings.HasPrefix(r[col["title"]], "'=HYPERLINK") {
				t.Errorf("formula title not neutralised: %q", r[col["title"]])
			}
			if v, _ := strconv.ParseFloat(r[col["anti_migrant"]], 64); v < 0.5 {
				t.Errorf("the hostile document scores anti_migrant %v", v)
			}
		}
	}
	// JSON lines: the same names, numbers as numbers.
	code, out, _ = runCLI(t, "", "export", "-db", p)
	if code != 0 {
		t.Fatal(out)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 10 {
		t.Fatalf("%d jsonl lines", len(lines))
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &m); err != nil {
		t.Fatal(err)
	}
	if _, ok := m["migration"].(float64); !ok || m["title"] != "=HYPERLINK(\"http://evil.example\",\"click\")" {
		t.Errorf("jsonl row: migration %v, title %v (JSON keeps the text as is)", m["migration"], m["title"])
	}
	if !strings.HasPrefix(lines[0], `{"id":1,"url":`) {
		t.Errorf("jsonl keys not in column order: %.40s", lines[0])
	}
	// One unknown-city error everywhere.
	for _, args := range [][]string{
		{"export", "-db", p, "-city", "Nowhere"},
		{"indicators", "-db", p, "-city", "Nowhere"},
		{"figures", "-db", p, "-city", "Nowhere"},
		{"sample", "-db", p, "-task", "migration", "-out", filepath.Join(t.TempDir(), "s.csv"), "-city", "Nowhere"},
	} {
		code, _, errOut := runCLI(t, "", args...)
		if code != ExitError || !strings.Contains(errOut, `error: unknown city "Nowhere"`) || !strings.Contains(errOut, "hint: known cities: Leeds, York") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
}

func TestExplain(t *testing.T) {
	t.Parallel()
	p := scoredTestDB(t, 5)
	code, out, errOut := runCLI(t, "", "explain", "-db", p, "-id", "3")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"document 3  https://news.test/2", "York, York Press (news), month 2026-03", "the indicators count them",
		"hate_crime_report", "a hate-crime report (>= 0.5)", "evidence", "strongest sentence per score", "racist graffiti",
		"what it adds to the indicators of York, 2026-03", "hate_crime_reports  ", "documents  "} {
		if !strings.Contains(out, want) {
			t.Errorf("explain lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = runCLI(t, "", "explain", "-db", p, "-id", "1", "-format", "json")
	if code != 0 {
		t.Fatal(out)
	}
	var ex struct {
		ID      int64 `json:"id"`
		Counted bool  `json:"counted"`
		Scores  []struct {
			Name  string   `json:"name"`
			Value *float64 `json:"value"`
		} `json:"scores"`
		Evidence []struct {
			Score      string `json:"score"`
			Start, End int
			Text       string `json:"text"`
		} `json:"evidence"`
		Indicators []struct {
			Indicator   string   `json:"indicator"`
			Numerator   float64  `json:"numerator"`
			Denominator *float64 `json:"denominator"`
		} `json:"indicators"`
	}
	if err := json.Unmarshal([]byte(out), &ex); err != nil {
		t.Fatal(err)
	}
	if ex.ID != 1 || !ex.Counted || len(ex.Scores) != len(store.DocScoreNames) || len(ex.Evidence) == 0 {
		t.Fatalf("json: %s", out)
	}
	// The hostile text is a migration document and anti-migrant: it adds 1
	// to the anti-migrant share's numerator and denominator.
	found := false
	for _, c := range ex.Indicators {
		if c.Indicator == "anti_migrant_share" {
			found = true
			if c.Numerator != 1 || c.Denominator == nil || *c.Denominator != 1 {
				t.Errorf("anti_migrant_share contribution %+v", c)
			}
		}
	}
	if !found {
		t.Errorf("no indicator contributions: %s", out)
	}
	text := workflowTexts[0] + " (0)"
	for _, e := range ex.Evidence {
		if e.Start < 0 || e.End > len(text) || text[e.Start:e.End] != e.Text {
			t.Errorf("evidence %q at [%d,%d) does not match the text", e.Text, e.Start, e.End)
		}
	}
	code, _, errOut = runCLI(t, "", "explain", "-db", p, "-id", "99")
	if code != ExitError || !strings.Contains(errOut, "no document with id 99") || !strings.Contains(errOut, "hint:") {
		t.Errorf("missing id: exit %d, %s", code, errOut)
	}
}

// sample draws a stratified sample, a person labels it, eval writes the
// predictions beside the labels.
func TestSampleThenEval(t *testing.T) {
	t.Parallel()
	p := scoredTestDB(t, 40)
	dir := t.TempDir()
	sample := filepath.Join(dir, "sample.csv")
	code, out, errOut := runCLI(t, "", "sample", "-db", p, "-task", "migration", "-n", "12", "-out", sample)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "Then: xenoscope eval -task migration -data "+sample) {
		t.Errorf("no instructions: %s", out)
	}
	f, err := os.Open(sample)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(recs[0], ",") != strings.Join(sampleColumns, ",") || len(recs) != 13 {
		t.Fatalf("%d rows, header %v", len(recs), recs[0])
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	// Both sides of the threshold are in the sample, and the weights add
	// up to the population of scored documents.
	strata, weight := map[string]int{}, 0.0
	seen := map[string]bool{}
	for _, r := range recs[1:] {
		strata[r[col["stratum"]]]++
		w, _ := strconv.ParseFloat(r[col["weight"]], 64)
		weight += w
		if seen[r[0]] {
			t.Errorf("document %s drawn twice", r[0])
		}
		seen[r[0]] = true
		if r[col["label"]] != "" || r[col["task"]] != "migration" || !strings.HasPrefix(r[col["model"]], "xs1-") {
			t.Errorf("row %v", r[:3])
		}
	}
	if len(strata) < 2 {
		t.Errorf("one stratum only: %v", strata)
	}
	if weight < 39.5 || weight > 40.5 {
		t.Errorf("weights sum to %v, want the 40 documents", weight)
	}
	// The same seed gives the same sample.
	again := filepath.Join(dir, "again.csv")
	runCLI(t, "", "sample", "-db", p, "-task", "migration", "-n", "12", "-out", again)
	a, _ := os.ReadFile(sample)
	b, _ := os.ReadFile(again)
	if string(a) != string(b) {
		t.Error("the same seed gave another sample")
	}
	// A labeller marks the documents about migration (texts 0-2), skips one.
	for i, r := range recs[1:] {
		id, _ := strconv.Atoi(r[0])
		r[col["label"]] = "0"
		if (id-1)%len(workflowTexts) <= 2 {
			r[col["label"]] = "1"
		}
		if i == 0 {
			r[col["label"]] = ""
		}
	}
	labelled := filepath.Join(dir, "labelled.csv")
	lf, _ := os.Create(labelled)
	w := csv.NewWriter(lf)
	w.WriteAll(recs)
	lf.Close()
	preds := filepath.Join(dir, "predictions.csv")
	code, out, errOut = runCLI(t, "", "eval", "-task", "migration", "-data", labelled, "-predictions", preds, "-boot", "50")
	if code != 0 {
		t.Fatalf("eval: exit %d: %s", code, errOut)
	}
	for _, want := range []string{"unit      document", "n         11", "skipped   1 rows without a label"} {
		if !strings.Contains(out, want) {
			t.Errorf("eval output lacks %q:\n%s", want, out)
		}
	}
	pf, _ := os.Open(preds)
	prec, err := csv.NewReader(pf).ReadAll()
	pf.Close()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(prec[0], ",") != strings.Join(predictionColumns, ",") || len(prec) != 12 {
		t.Fatalf("predictions: %d rows, header %v", len(prec), prec[0])
	}
	// Predictions are the stored document scores (same model, same text).
	db, err := store.Open(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	correct := 0
	for _, r := range prec[1:] {
		id, _ := strconv.ParseInt(r[0], 10, 64)
		d, err := db.ScoredDocumentByID(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		pv, _ := strconv.ParseFloat(r[2], 64)
		if diff := pv - d.Scores[0]; diff > 1e-4 || diff < -1e-4 {
			t.Errorf("document %d: prediction %v, stored migration score %v", id, pv, d.Scores[0])
		}
		if r[4] == "true" {
			correct++
		}
	}
	if correct < 9 {
		t.Errorf("%d of 11 predictions correct on clear-cut texts", correct)
	}
	// An existing output file is not overwritten (it may hold labels).
	code, _, errOut = runCLI(t, "", "sample", "-db", p, "-task", "migration", "-out", labelled)
	if code != ExitError || !strings.Contains(errOut, "exists") {
		t.Errorf("overwrite: exit %d, %s", code, errOut)
	}
}

func TestVersionCommand(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"version"}, {"-version"}, {"--version"}} {
		code, out, errOut := runCLI(t, "", args...)
		if code != 0 || !strings.HasPrefix(out, "xenoscope dev (") || !strings.Contains(out, "scoring models  xs1-") ||
			!strings.Contains(out, fmt.Sprintf("database schema %d", store.SchemaVersion())) {
			t.Errorf("%v: exit %d, %q %q", args, code, out, errOut)
		}
	}
	code, out, _ := runCLI(t, "", "version", "-format", "json")
	var v versionInfo
	if err := json.Unmarshal([]byte(out), &v); code != 0 || err != nil || v.Schema != store.SchemaVersion() || !strings.HasPrefix(v.Models, "xs1-") {
		t.Errorf("json: exit %d, %v, %+v", code, err, v)
	}
}

func TestCitiesRename(t *testing.T) {
	t.Parallel()
	p := scoredTestDB(t, 6)
	code, out, _ := runCLI(t, "", "cities", "-db", p, "-format", "csv")
	if code != 0 || !strings.Contains(out, "city,country,sources,documents,figures,first_fetched,last_fetched\n") || !strings.Contains(out, "\nLeeds,,1,4,") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	code, out, errOut := runCLI(t, "", "cities", "-db", p, "-rename", "Leeds", "Leeds City")
	if code != 0 || !strings.Contains(out, `renamed city "Leeds" to "Leeds City"`) || !strings.Contains(errOut, "rename the city in your config") {
		t.Fatalf("rename: exit %d, %q, %q", code, out, errOut)
	}
	code, out, _ = runCLI(t, "", "export", "-db", p, "-city", "Leeds City", "-format", "csv")
	if n := strings.Count(out, "\n"); code != 0 || n != 5 {
		t.Errorf("after the rename, export -city 'Leeds City': exit %d, %d lines", code, n)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"cities", "-db", p, "-rename", "Leeds City", "York"}, `city "York" already exists`},
		{[]string{"cities", "-db", p, "-rename", "Atlantis", "X"}, `unknown city "Atlantis"`},
		{[]string{"cities", "-db", p, "-rename", "York"}, "needs exactly one NEW name"},
	} {
		code, _, errOut := runCLI(t, "", c.args...)
		if code != ExitError || !strings.Contains(errOut, c.want) || !strings.Contains(errOut, "hint:") {
			t.Errorf("%v: exit %d, %q", c.args, code, errOut)
		}
	}
}

func TestSharedSourceWarning(t *testing.T) {
	t.Parallel()
	cfg, err := config.Parse("c.toml", []byte(`
[[city]]
name = "Leeds"
  [[city.source]]
  name = "Yorkshire Post"
  feeds = ["https://yp.example/rss.xml"]
[[city]]
name = "York"
  [[city.source]]
  name = "YP York"
  feeds = ["https://YP.example/rss.xml#top"]
  seeds = ["https://yp.example/york/"]
`))
	if err != nil {
		t.Fatal(err)
	}
	got := sharedSources(cfg)
	if len(got) != 1 || got[0] != "https://yp.example/rss.xml: Leeds / Yorkshire Post, York / YP York" {
		t.Errorf("shared sources %q", got)
	}
}

// When every source fails, crawl exits 1 with a hint; a private address
// gets the allow_private hint.
func TestCrawlEverySourceFails(t *testing.T) {
	t.Parallel()
	site := crawltest.New(t, crawltest.Options{Articles: 8})
	cfgPath := crawlTestConfig(t, site, "")
	b, _ := os.ReadFile(cfgPath)
	os.WriteFile(cfgPath, []byte(strings.Replace(string(b), "allow_private = true", "allow_private = false", 1)), 0o644)
	for _, args := range [][]string{
		{"crawl", "-config", cfgPath, "-db", filepath.Join(t.TempDir(), "x.db")},
		{"run", "-config", cfgPath, "-db", filepath.Join(t.TempDir(), "y.db"), "-out", t.TempDir()},
	} {
		code, _, errOut := runCLI(t, "", args...)
		if code != ExitError || !strings.Contains(errOut, "error: every source failed (1 of 1)") || !strings.Contains(errOut, "hint:") ||
			!strings.Contains(errOut, "allow_private = true") || strings.Contains(errOut, "error: report: no documents") {
			t.Errorf("%s: exit %d, stderr %q", args[0], code, errOut)
		}
	}
}
